// Demo ratings (issue 12: the demo's dashboards show satisfaction): about two fifths of the demo dossiers that ended
// are rated by their applicants through the same recording path as the kiosk and the link (alerts and audit included),
// an hour to two days after they ended, with the levels of RATING_LIFE (ratings.scale.ts). Deterministic per dossier.
import type { Ctx } from '../../platform/context/context';
import type { RatingAnswers } from '../../../contracts/ratings/ratings.contracts';
import { getDossierRatingFacts, hashText, listEndedDossierIds, prng, weighted } from '../dossiers';
import { criterion, RATING_LIFE } from './ratings.scale';
import { rateForDemo } from './use-cases/rate-dossier';

/** Of the demo's ended dossiers, the share rated (the scale data rates 35 % of those returned). */
const DEMO_RATED = 0.4;
const HOUR = 3_600_000;

export async function seedRatingsDemo(ctx: Ctx): Promise<void> {
  const now = ctx.clock.now();
  for (const id of await listEndedDossierIds(ctx.db, 2000)) {
    const r = prng(0xdeb0, hashText(id));
    if (r() >= DEMO_RATED) continue;
    const facts = await getDossierRatingFacts(ctx.db, id);
    if (!facts?.endedAt) continue;
    const at = new Date(Math.min(facts.endedAt.getTime() + (1 + r() * 47) * HOUR, now.getTime()));
    const overall = weighted(r, facts.state === 'RETURNED' ? RATING_LIFE.levels.timely : RATING_LIFE.levels.closed);
    const answers: RatingAnswers = {
      overall,
      criteria: { time: criterion(r, overall, facts.state !== 'RETURNED'), attitude: criterion(r, overall, false), clarity: criterion(r, overall, false) },
      comment: null,
    };
    await rateForDemo({ ...ctx, clock: { now: () => at } }, id, answers, r() < 0.5 ? 'kiosk' : 'link');
  }
}
