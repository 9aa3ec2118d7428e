// The indicators of a unit over a period (issue 12 item 1): what the dossiers and ratings modules publish, combined.
// The officers' summary and the public one answer the same numbers from the same function.
import type { Ctx } from '../../../platform/context/context';
import { can } from '../../../platform/access';
import { AppError } from '../../../platform/errors';
import { toVnIso } from '../../../platform/calendar';
import {
  INDICATOR_PERIOD_MAX_DAYS,
  type IndicatorDossiers,
  type IndicatorDossiersQuery,
  type IndicatorQuery,
  type IndicatorSummary,
} from '../../../../contracts/dashboards/dashboards.contracts';
import { listIndicatorDossiers, readIndicatorCounts } from '../../dossiers';
import { getOrgUnitByCode, listOrgUnitIdsWithin, type OrgUnitView } from '../../identity';
import { countRatingsOfUnits } from '../../ratings';
import { DASHBOARD_ACTIONS } from '../dashboards.policy';

const DAY_MS = 86_400_000;
const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/** The unit named by the query, or a translated 400/404 naming the field. */
async function resolve(ctx: Ctx, query: IndicatorQuery): Promise<OrgUnitView> {
  if (query.from > query.to) throw new AppError('VALIDATION_FAILED', {}, { fields: [{ path: 'query.from', code: 'dashboards.errors.periodInvalid' }] });
  const days = (Date.parse(`${query.to}T00:00:00Z`) - Date.parse(`${query.from}T00:00:00Z`)) / DAY_MS + 1;
  if (!(days <= INDICATOR_PERIOD_MAX_DAYS))
    throw new AppError('VALIDATION_FAILED', {}, { fields: [{ path: 'query.to', code: 'dashboards.errors.periodTooLong', params: { max: INDICATOR_PERIOD_MAX_DAYS } }] });
  const unit = await getOrgUnitByCode(ctx.db, query.unit);
  if (!unit)
    throw new AppError(
      'NOT_FOUND',
      { subject: 'orgUnit', id: query.unit },
      { fields: [{ path: 'query.unit', code: 'dashboards.errors.unitNotFound', params: { code: query.unit } }] },
    );
  return unit;
}

/** The units a query counts: the unit alone, or with every unit below it. */
const unitIdsOf = async (ctx: Ctx, unit: OrgUnitView, subtree: boolean) => (subtree ? listOrgUnitIdsWithin(ctx.db, [unit.path]) : [unit.id]);

async function summarise(ctx: Ctx, unit: OrgUnitView, query: IndicatorQuery): Promise<IndicatorSummary> {
  const unitIds = await unitIdsOf(ctx, unit, query.subtree);
  const now = ctx.clock.now();
  const [counts, ratings] = await Promise.all([
    readIndicatorCounts(ctx.db, { unitIds, from: query.from, to: query.to, now }),
    countRatingsOfUnits(ctx.db, { unitIds, from: query.from, to: query.to }),
  ]);
  const finished = counts.finishedEarly + counts.finishedOnTime + counts.finishedLate;
  return {
    unit: { id: unit.id, code: unit.code, name: unit.name },
    subtree: query.subtree,
    from: query.from,
    to: query.to,
    received: counts.received,
    receivedOnline: counts.receivedByChannel.online,
    receivedByChannel: counts.receivedByChannel,
    finished,
    finishedEarly: counts.finishedEarly,
    finishedOnTime: counts.finishedOnTime,
    finishedLate: counts.finishedLate,
    withdrawn: counts.withdrawn,
    stopped: counts.stopped,
    open: counts.open,
    openOverdue: counts.openOverdue,
    openPaused: counts.openPaused,
    onTimeRate: share(counts.finishedEarly + counts.finishedOnTime, finished),
    ratings: ratings.total,
    satisfiedRate: share(ratings.verySatisfied + ratings.satisfied, ratings.total),
    asOf: toVnIso(now),
  };
}

/** The unit, once the caller is allowed to read its indicators (and the dossiers behind them). */
async function authorised(ctx: Ctx, query: IndicatorQuery): Promise<OrgUnitView> {
  const unit = await resolve(ctx, query);
  if (!can(ctx.actor, DASHBOARD_ACTIONS.indicators, { unitPath: unit.path }))
    throw new AppError('FORBIDDEN', { action: DASHBOARD_ACTIONS.indicators }, { fields: [{ path: 'query.unit', code: 'dashboards.errors.unitOutsideScope' }] });
  return unit;
}

/** GET /api/v1/indicators/summary: officers covering the unit, the province's readers for any unit. */
export async function readIndicatorSummary(ctx: Ctx, query: IndicatorQuery): Promise<IndicatorSummary> {
  return summarise(ctx, await authorised(ctx, query), query);
}

/** GET /api/v1/indicators/dossiers: the dossiers behind one number, for the same readers (they read those dossiers' queues). */
export async function readIndicatorDossiers(ctx: Ctx, query: IndicatorDossiersQuery): Promise<IndicatorDossiers> {
  const unit = await authorised(ctx, query);
  const unitIds = await unitIdsOf(ctx, unit, query.subtree);
  return listIndicatorDossiers(ctx, { unitIds, from: query.from, to: query.to, measure: query.measure, pageSize: query.pageSize, ...(query.after ? { after: query.after } : {}) });
}

/** GET /api/v1/public/indicators: anyone, the same numbers (counts and shares only, no personal data). */
export async function readPublicIndicators(ctx: Ctx, query: IndicatorQuery): Promise<IndicatorSummary> {
  return summarise(ctx, await resolve(ctx, query), query);
}
