// The indicators of a unit over a period (issue 12 item 1): what the dossiers and ratings modules publish, combined.
// The officers' summary and the public one answer the same numbers from the same function.
import type { Ctx } from '../../../platform/context/context';
import { can, isWithin } from '../../../platform/access';
import { AppError } from '../../../platform/errors';
import { toVnIso, vnDateOf } from '../../../platform/calendar';
import {
  INDICATOR_PERIOD_MAX_DAYS,
  WORKING_DAY_MINUTES,
  type IndicatorBreakdown,
  type IndicatorBreakdownQuery,
  type IndicatorBreakdownRow,
  type IndicatorDossiers,
  type IndicatorDossiersQuery,
  type IndicatorFigures,
  type IndicatorQuery,
  type IndicatorSummary,
  type OnlineServices,
} from '../../../../contracts/dashboards/dashboards.contracts';
import { listIndicatorDossiers, readIndicatorCountsGrouped, zeroCounts, type IndicatorCounts, type IndicatorGroup } from '../../dossiers';
import { getOrgUnitByCode, listOrgUnitIdsWithin, listOrgUnitsWithin, type OrgUnitView } from '../../identity';
import { countRatingsGrouped, type RatingCounts } from '../../ratings';
import { countProceduresByOnlineMode, listProcedureCodesMatching } from '../../catalog';
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

/**
 * The procedure codes a query is narrowed to (null: every procedure): the procedure named, those of the field named, or
 * those of both; a translated 404 naming the parameter when nothing in the catalog matches.
 */
export async function procedureCodesOf(ctx: Ctx, query: Pick<IndicatorQuery, 'procedure' | 'field'>): Promise<string[] | null> {
  if (query.procedure === undefined && query.field === undefined) return null;
  const codes = await listProcedureCodesMatching(ctx.db, {
    ...(query.procedure !== undefined ? { code: query.procedure } : {}),
    ...(query.field !== undefined ? { field: query.field } : {}),
  });
  if (codes.length > 0) return codes;
  const [path, code, params] =
    query.procedure !== undefined
      ? ([
          'query.procedure',
          query.field !== undefined ? 'dashboards.errors.procedureNotInField' : 'dashboards.errors.procedureNotFound',
          { code: query.procedure, field: query.field ?? '' },
        ] as const)
      : (['query.field', 'dashboards.errors.fieldNotFound', { field: query.field! }] as const);
  throw new AppError('NOT_FOUND', { subject: 'procedure', id: query.procedure ?? query.field! }, { fields: [{ path, code, params }] });
}

/** The procedure and field a result was narrowed to, as the responses echo them. */
const filterOf = (query: IndicatorQuery) => ({ procedure: query.procedure ?? null, field: query.field ?? null });

/** The units a query counts: the unit alone, or with every unit below it. */
export const unitIdsOf = async (ctx: Ctx, unit: OrgUnitView, subtree: boolean) => (subtree ? listOrgUnitIdsWithin(ctx.db, [unit.path]) : [unit.id]);

const NO_RATINGS: RatingCounts = { total: 0, verySatisfied: 0, satisfied: 0, unsatisfied: 0, timeSatisfied: 0, attitudeSatisfied: 0, claritySatisfied: 0 };

/** The published figures of one set of units: counts as read, and the two rates computed from them (never stored). */
export function figuresOf(counts: IndicatorCounts, ratings: RatingCounts): IndicatorFigures {
  const finished = counts.finishedEarly + counts.finishedOnTime + counts.finishedLate;
  return {
    received: counts.received,
    receivedOnline: counts.receivedByChannel.online,
    receivedByChannel: counts.receivedByChannel,
    finished,
    finishedEarly: counts.finishedEarly,
    finishedOnTime: counts.finishedOnTime,
    finishedLate: counts.finishedLate,
    withdrawn: counts.withdrawn,
    stopped: counts.stopped,
    apologies: counts.apologies,
    supplements: counts.supplements,
    lateHeld: counts.lateHeld,
    open: counts.open,
    openOverdue: counts.openOverdue,
    openPaused: counts.openPaused,
    openAtRisk: counts.openAtRisk,
    onTimeRate: share(counts.finishedEarly + counts.finishedOnTime, finished),
    ratings: ratings.total,
    ratingsSatisfied: ratings.verySatisfied + ratings.satisfied,
    satisfiedRate: share(ratings.verySatisfied + ratings.satisfied, ratings.total),
    timedFinished: counts.timed,
    usedWorkingMinutes: counts.usedMinutes,
    allowedWorkingMinutes: counts.allowedMinutes,
    averageUsedWorkingDays: counts.timed > 0 ? counts.usedMinutes / counts.timed / WORKING_DAY_MINUTES : null,
    averageAllowedWorkingDays: counts.timed > 0 ? counts.allowedMinutes / counts.timed / WORKING_DAY_MINUTES : null,
    workingTimeUsedShare: counts.allowedMinutes > 0 ? counts.usedMinutes / counts.allowedMinutes : null,
    feeDossiers: counts.feePaid,
    feePaidOnline: counts.feePaidOnline,
    feesVnd: counts.feeVnd,
    feesOnlineVnd: counts.feeOnlineVnd,
    feePaidOnlineShare: share(counts.feePaidOnline, counts.feePaid),
    satisfiedTime: ratings.timeSatisfied,
    satisfiedAttitude: ratings.attitudeSatisfied,
    satisfiedClarity: ratings.claritySatisfied,
    satisfiedTimeRate: share(ratings.timeSatisfied, ratings.total),
    satisfiedAttitudeRate: share(ratings.attitudeSatisfied, ratings.total),
    satisfiedClarityRate: share(ratings.claritySatisfied, ratings.total),
  };
}

/** Counts and ratings of each group (per month when `byMonth`), as figures keyed by group key and month. */
export async function readGroupFigures(
  ctx: Ctx,
  query: { groups: readonly IndicatorGroup[]; from: string; to: string; byMonth: boolean; procedureCodes: readonly string[] | null },
): Promise<{ key: string; month: string | null; figures: IndicatorFigures }[]> {
  const [counts, ratings] = await Promise.all([readIndicatorCountsGrouped(ctx.db, { ...query, now: ctx.clock.now() }), countRatingsGrouped(ctx.db, query)]);
  const ratingsOf = new Map(ratings.map((r) => [`${r.key}\u0000${r.month ?? ''}`, r]));
  return counts.map(({ key, month, ...c }) => ({ key, month, figures: figuresOf(c, ratingsOf.get(`${key}\u0000${month ?? ''}`) ?? NO_RATINGS) }));
}

/** The day a stock (the procedures in force) is read on for a period: its last day, or today while it runs. */
export function stockDayOf(ctx: Ctx, to: string): string {
  const today = vnDateOf(ctx.clock.now());
  return to < today ? to : today;
}

/** The procedures the units carry out on the period's last day (today, if earlier), by the online service offered. */
async function onlineServicesOf(ctx: Ctx, unitIds: readonly string[], to: string, procedureCodes: readonly string[] | null): Promise<OnlineServices> {
  const on = stockDayOf(ctx, to);
  const c = await countProceduresByOnlineMode(ctx.db, { unitIds, day: on, codes: procedureCodes });
  return { on, ...c, onlineShare: share(c.full + c.partial, c.procedures) };
}

async function summarise(ctx: Ctx, unit: OrgUnitView, query: IndicatorQuery): Promise<IndicatorSummary> {
  const procedureCodes = await procedureCodesOf(ctx, query);
  const unitIds = await unitIdsOf(ctx, unit, query.subtree);
  const [[row], onlineServices] = await Promise.all([
    readGroupFigures(ctx, { groups: [{ key: unit.code, unitIds }], from: query.from, to: query.to, byMonth: false, procedureCodes }),
    onlineServicesOf(ctx, unitIds, query.to, procedureCodes),
  ]);
  return {
    unit: { id: unit.id, code: unit.code, name: unit.name },
    subtree: query.subtree,
    from: query.from,
    to: query.to,
    ...filterOf(query),
    ...row!.figures,
    onlineServices,
    asOf: toVnIso(ctx.clock.now()),
  };
}

/** Sums figures (counts add up; the rates are recomputed from the sums, as the summary computes them). */
function addFigures(rows: readonly IndicatorFigures[]): IndicatorFigures {
  const c: IndicatorCounts = zeroCounts();
  const r = { ...NO_RATINGS };
  for (const f of rows) {
    c.received += f.received;
    c.receivedByChannel.direct += f.receivedByChannel.direct;
    c.receivedByChannel.online += f.receivedByChannel.online;
    c.receivedByChannel.post += f.receivedByChannel.post;
    c.finishedEarly += f.finishedEarly;
    c.finishedOnTime += f.finishedOnTime;
    c.finishedLate += f.finishedLate;
    c.withdrawn += f.withdrawn;
    c.stopped += f.stopped;
    c.apologies += f.apologies;
    c.supplements += f.supplements;
    c.lateHeld += f.lateHeld;
    c.timed += f.timedFinished;
    c.usedMinutes += f.usedWorkingMinutes;
    c.allowedMinutes += f.allowedWorkingMinutes;
    c.feePaid += f.feeDossiers;
    c.feePaidOnline += f.feePaidOnline;
    c.feeVnd += f.feesVnd;
    c.feeOnlineVnd += f.feesOnlineVnd;
    c.open += f.open;
    c.openOverdue += f.openOverdue;
    c.openPaused += f.openPaused;
    c.openAtRisk += f.openAtRisk;
    r.total += f.ratings;
    r.satisfied += f.ratingsSatisfied;
    r.timeSatisfied += f.satisfiedTime;
    r.attitudeSatisfied += f.satisfiedAttitude;
    r.claritySatisfied += f.satisfiedClarity;
  }
  return figuresOf(c, r);
}

/** The groups a breakdown by unit reads: the unit's own dossiers, then each unit directly below it with its subtree. */
async function unitGroups(ctx: Ctx, unit: OrgUnitView, subtree: boolean): Promise<{ groups: IndicatorGroup[]; units: Map<string, OrgUnitView> }> {
  const units = new Map<string, OrgUnitView>([[unit.code, unit]]);
  const groups: IndicatorGroup[] = [{ key: unit.code, unitIds: [unit.id] }];
  if (!subtree) return { groups, units };
  const within = await listOrgUnitsWithin(ctx.db, unit.path);
  for (const child of within.filter((u) => u.parentId === unit.id)) {
    units.set(child.code, child);
    groups.push({ key: child.code, unitIds: within.filter((u) => isWithin(u.path, child.path)).map((u) => u.id) });
  }
  return { groups, units };
}

/** A breakdown of the summary by the units below or by month; its rows add up to its total, the summary's numbers. */
export async function breakdownOf(ctx: Ctx, unit: OrgUnitView, query: IndicatorBreakdownQuery): Promise<IndicatorBreakdown> {
  const ref = (u: OrgUnitView) => ({ id: u.id, code: u.code, name: u.name });
  const procedureCodes = await procedureCodesOf(ctx, query);
  let rows: IndicatorBreakdownRow[];
  if (query.by === 'unit') {
    const { groups, units } = await unitGroups(ctx, unit, query.subtree);
    const read = await readGroupFigures(ctx, { groups, from: query.from, to: query.to, byMonth: false, procedureCodes });
    rows = read.map((r) => ({ unit: ref(units.get(r.key)!), own: r.key === unit.code, month: null, ...r.figures }));
  } else {
    const unitIds = await unitIdsOf(ctx, unit, query.subtree);
    const read = await readGroupFigures(ctx, { groups: [{ key: unit.code, unitIds }], from: query.from, to: query.to, byMonth: true, procedureCodes });
    rows = read.map((r) => ({ unit: null, own: false, month: r.month, ...r.figures }));
  }
  return {
    unit: ref(unit),
    subtree: query.subtree,
    from: query.from,
    to: query.to,
    ...filterOf(query),
    by: query.by,
    rows,
    total: addFigures(rows),
    asOf: toVnIso(ctx.clock.now()),
  };
}

/** The unit, once the caller is allowed to read its indicators (and the dossiers behind them). */
export async function authorisedUnit(ctx: Ctx, query: IndicatorQuery): Promise<OrgUnitView> {
  const unit = await resolve(ctx, query);
  if (!can(ctx.actor, DASHBOARD_ACTIONS.indicators, { unitPath: unit.path }))
    throw new AppError('FORBIDDEN', { action: DASHBOARD_ACTIONS.indicators }, { fields: [{ path: 'query.unit', code: 'dashboards.errors.unitOutsideScope' }] });
  return unit;
}

/** GET /api/v1/indicators/summary: officers covering the unit, the province's readers for any unit. */
export async function readIndicatorSummary(ctx: Ctx, query: IndicatorQuery): Promise<IndicatorSummary> {
  return summarise(ctx, await authorisedUnit(ctx, query), query);
}

/** GET /api/v1/indicators/dossiers: the dossiers behind one number, for the same readers (they read those dossiers' queues). */
export async function readIndicatorDossiers(ctx: Ctx, query: IndicatorDossiersQuery): Promise<IndicatorDossiers> {
  const unit = await authorisedUnit(ctx, query);
  const procedureCodes = await procedureCodesOf(ctx, query);
  const unitIds = await unitIdsOf(ctx, unit, query.subtree);
  return listIndicatorDossiers(ctx, {
    unitIds,
    procedureCodes,
    from: query.from,
    to: query.to,
    measure: query.measure,
    pageSize: query.pageSize,
    ...(query.after ? { after: query.after } : {}),
  });
}

/** GET /api/v1/public/indicators: anyone, the same numbers (counts and shares only, no personal data). */
export async function readPublicIndicators(ctx: Ctx, query: IndicatorQuery): Promise<IndicatorSummary> {
  return summarise(ctx, await resolve(ctx, query), query);
}

/** GET /api/v1/indicators/breakdown: the summary split by the units below or by month, for the summary's readers. */
export async function readIndicatorBreakdown(ctx: Ctx, query: IndicatorBreakdownQuery): Promise<IndicatorBreakdown> {
  return breakdownOf(ctx, await authorisedUnit(ctx, query), query);
}

/** GET /api/v1/public/indicators/breakdown: anyone, the same rows. */
export async function readPublicIndicatorBreakdown(ctx: Ctx, query: IndicatorBreakdownQuery): Promise<IndicatorBreakdown> {
  return breakdownOf(ctx, await resolve(ctx, query), query);
}

/** GET /api/v1/indicators/export: the summary with its breakdowns by unit and by month, for the summary's readers. */
export async function readIndicatorExport(ctx: Ctx, query: IndicatorQuery): Promise<{ summary: IndicatorSummary; byUnit: IndicatorBreakdown; byMonth: IndicatorBreakdown }> {
  const unit = await authorisedUnit(ctx, query);
  const byUnit = await breakdownOf(ctx, unit, { ...query, by: 'unit' });
  const byMonth = await breakdownOf(ctx, unit, { ...query, by: 'month' });
  // The rows of a breakdown partition the summary's units, so its total is the summary (dashboards.test checks it).
  const onlineServices = await onlineServicesOf(ctx, await unitIdsOf(ctx, unit, query.subtree), query.to, await procedureCodesOf(ctx, query));
  const summary: IndicatorSummary = {
    unit: byUnit.unit,
    subtree: query.subtree,
    from: query.from,
    to: query.to,
    ...filterOf(query),
    ...byUnit.total,
    onlineServices,
    asOf: byUnit.asOf,
  };
  return { summary, byUnit, byMonth };
}
