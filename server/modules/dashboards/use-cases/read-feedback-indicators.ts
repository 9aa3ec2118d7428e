// GET /api/v1/indicators/feedback (issue 14 item 6): the feedback numbers of a unit (with its subtree or not) over a
// period, read from the feedback module's published function, for the same readers as the dossier indicators.
import { toVnIso, vnInstant } from '../../../platform/calendar';
import type { Ctx } from '../../../platform/context/context';
import type { FeedbackIndicatorQuery, FeedbackIndicators } from '../../../../contracts/dashboards/dashboards.contracts';
import { readFeedbackIndicators } from '../../feedback';
import { authorisedUnit, unitIdsOf } from './read-indicators';

const DAY_MS = 86_400_000;

export async function readFeedbackIndicatorSummary(ctx: Ctx, query: FeedbackIndicatorQuery): Promise<FeedbackIndicators> {
  const unit = await authorisedUnit(ctx, query);
  const counted = await readFeedbackIndicators(ctx, {
    unitIds: await unitIdsOf(ctx, unit, query.subtree),
    // Legal dates in Vietnam, both included.
    from: vnInstant(query.from),
    to: new Date(vnInstant(query.to).getTime() + DAY_MS),
    by: query.by,
  });
  return {
    unit: { id: unit.id, code: unit.code, name: unit.name },
    subtree: query.subtree,
    from: query.from,
    to: query.to,
    by: query.by,
    ...counted,
    asOf: toVnIso(ctx.clock.now()),
  };
}
