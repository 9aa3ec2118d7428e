// GET /api/v1/indicators/commitments (issue 14 item 6): the dialogue commitments owned by a unit (with its subtree or
// not) and made in a period — kept on time, late, open, overdue — read from the dialogues module's published numbers.
import { toVnIso } from '../../../platform/calendar';
import type { Ctx } from '../../../platform/context/context';
import { sumCounts } from '../../../platform/db/sum-counts';
import type { CommitmentIndicators, IndicatorScope } from '../../../../contracts/dashboards/dashboards.contracts';
import { commitmentStats } from '../../dialogues';
import { authorisedUnit, unitIdsOf } from './read-indicators';

export async function readCommitmentIndicators(ctx: Ctx, query: IndicatorScope): Promise<CommitmentIndicators> {
  const unit = await authorisedUnit(ctx, query);
  const ids = new Set(await unitIdsOf(ctx, unit, query.subtree));
  const stats = await commitmentStats(ctx, { from: query.from, to: query.to });
  const items = stats.items.filter((i) => ids.has(i.unit.id));
  const sum = sumCounts(items, { total: 0, doneOnTime: 0, doneLate: 0, open: 0, openOverdue: 0, cancelled: 0 });
  const done = sum.doneOnTime + sum.doneLate;
  return {
    ...stats,
    unit: { id: unit.id, code: unit.code, name: unit.name },
    subtree: query.subtree,
    total: { ...sum, onTimeRate: done === 0 ? null : Math.round((sum.doneOnTime / done) * 10_000) / 10_000 },
    items,
    asOf: toVnIso(ctx.clock.now()),
  };
}
