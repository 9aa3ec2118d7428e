// GET /api/v1/indicators/documents (issue 15 item 5): the official documents of a unit (with its subtree or not) over a
// period — incoming received, assigned, done on time or late, open past due; outgoing issued — read from the
// documents module's published numbers, for the same readers as the dossier indicators.
import { toVnIso, vnInstant } from '../../../platform/calendar';
import type { Ctx } from '../../../platform/context/context';
import { sumCounts } from '../../../platform/db/sum-counts';
import { translate } from '../../../platform/i18n';
import type { IndicatorScope, OfficialDocumentIndicators } from '../../../../contracts/dashboards/dashboards.contracts';
import { documentStatsByUnit } from '../../documents';
import { authorisedUnit, unitIdsOf } from './read-indicators';

const DAY_MS = 86_400_000;
const rate = (onTime: number, done: number): number | null => (done === 0 ? null : Math.round((onTime / done) * 10_000) / 10_000);

export async function readDocumentIndicators(ctx: Ctx, query: IndicatorScope): Promise<OfficialDocumentIndicators> {
  const unit = await authorisedUnit(ctx, query);
  const rows = await documentStatsByUnit(ctx, {
    unitIds: await unitIdsOf(ctx, unit, query.subtree),
    // Legal dates in Vietnam, both included.
    from: vnInstant(query.from),
    to: new Date(vnInstant(query.to).getTime() + DAY_MS),
  });
  const sum = sumCounts(rows, { received: 0, assigned: 0, done: 0, doneOnTime: 0, doneLate: 0, overdueOpen: 0, issued: 0 });
  return {
    unit: { id: unit.id, code: unit.code, name: unit.name },
    subtree: query.subtree,
    from: query.from,
    to: query.to,
    definition: translate(ctx.locale, 'documents.indicators.definition') ?? '',
    total: { ...sum, onTimeRate: rate(sum.doneOnTime, sum.done) },
    items: rows.map((r) => ({ ...r, onTimeRate: rate(r.doneOnTime, r.done) })),
    asOf: toVnIso(ctx.clock.now()),
  };
}
