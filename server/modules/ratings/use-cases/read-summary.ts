// The satisfaction summary of the units a reader covers (issue 11 item 7): counts per level, the share satisfied
// against the province's target, the same per criterion, and the latest unsatisfied ratings to follow up. A rating
// belongs to the desk that received the dossier and to the agency that handled it.
import { and, desc, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { can, hasRole, isSystemActor } from '../../../platform/access';
import type { Ctx } from '../../../platform/context/context';
import { AppError, notFound } from '../../../platform/errors';
import { toVnIso } from '../../../platform/calendar';
import { SATISFACTION_TARGET, type LevelCounts, type RatingsSummary, type RatingsSummaryQuery } from '../../../../contracts/ratings/ratings.contracts';
import { getOrgUnit, listOrgUnitIdsWithin, PROVINCE_READERS } from '../../identity';
import { RATING_ACTIONS, SUMMARY_READERS } from '../ratings.policy';
import { ratingResponses as r } from '../ratings.tables';

const LEVEL_COLUMNS = { overall: r.overall, time: r.timeLevel, attitude: r.attitudeLevel, clarity: r.clarityLevel } as const;
type Dimension = keyof typeof LEVEL_COLUMNS;

/** Start of a Vietnamese legal day as an instant. */
const dayStart = (day: string) => new Date(`${day}T00:00:00+07:00`);
const nextDayStart = (day: string) => new Date(dayStart(day).getTime() + 86_400_000);

/** Units whose ratings the reader sees: null for the whole province. */
async function scopeUnits(ctx: Ctx, unitId: string | undefined): Promise<string[] | null> {
  const actor = ctx.actor;
  if (actor.type !== 'user') throw new AppError('UNAUTHENTICATED');
  if (unitId) {
    const unit = await getOrgUnit(ctx.db, unitId);
    if (!unit) throw notFound('orgUnit', unitId);
    if (!can(actor, RATING_ACTIONS.summary, { unitPath: unit.path }))
      throw new AppError('FORBIDDEN', { action: RATING_ACTIONS.summary }, { fields: [{ path: 'query.unitId', code: 'ratings.errors.unitOutsideScope' }] });
    return listOrgUnitIdsWithin(ctx.db, [unit.path]);
  }
  if (isSystemActor(actor) || hasRole(actor, PROVINCE_READERS)) return null;
  return listOrgUnitIdsWithin(
    ctx.db,
    actor.grants.filter((g) => SUMMARY_READERS.includes(g.role)).map((g) => g.scopePath),
  );
}

function counts(row: Record<string, number>, d: Dimension): LevelCounts {
  const very = row[`${d}_very`] ?? 0;
  const satisfied = row[`${d}_satisfied`] ?? 0;
  const unsatisfied = row[`${d}_unsatisfied`] ?? 0;
  const total = very + satisfied + unsatisfied;
  return { 'very-satisfied': very, satisfied, unsatisfied, total, satisfiedShare: total ? (very + satisfied) / total : null };
}

/** GET /summary. */
export async function getRatingsSummary(ctx: Ctx, query: RatingsSummaryQuery): Promise<RatingsSummary> {
  if (query.from && query.to && query.from > query.to) throw new AppError('VALIDATION_FAILED', {}, { fields: [{ path: 'query.from', code: 'ratings.errors.periodInvalid' }] });
  const units = await scopeUnits(ctx, query.unitId);
  const where: SQL[] = [];
  if (query.from) where.push(gte(r.ratedAt, dayStart(query.from)));
  if (query.to) where.push(lt(r.ratedAt, nextDayStart(query.to)));
  if (units) where.push(units.length ? or(inArray(r.receivingUnitId, units), inArray(r.handlingUnitId, units))! : sql`false`);
  const filter = where.length ? and(...where) : undefined;

  const columns: Record<string, SQL.Aliased<number>> = {};
  for (const [d, column] of Object.entries(LEVEL_COLUMNS)) {
    columns[`${d}_very`] = sql<number>`count(*) filter (where ${column} = 'very-satisfied')`.mapWith(Number).as(`${d}_very`);
    columns[`${d}_satisfied`] = sql<number>`count(*) filter (where ${column} = 'satisfied')`.mapWith(Number).as(`${d}_satisfied`);
    columns[`${d}_unsatisfied`] = sql<number>`count(*) filter (where ${column} = 'unsatisfied')`.mapWith(Number).as(`${d}_unsatisfied`);
  }
  const [[totals], low] = await Promise.all([
    ctx.db.select(columns).from(r).where(filter),
    ctx.db
      .select()
      .from(r)
      .where(and(eq(r.overall, 'unsatisfied'), filter))
      .orderBy(desc(r.ratedAt), desc(r.id))
      .limit(20),
  ]);
  const row = (totals ?? {}) as Record<string, number>;
  return {
    unitId: query.unitId ?? null,
    from: query.from ?? null,
    to: query.to ?? null,
    target: SATISFACTION_TARGET,
    overall: counts(row, 'overall'),
    criteria: { time: counts(row, 'time'), attitude: counts(row, 'attitude'), clarity: counts(row, 'clarity') },
    recentLow: low.map((x) => ({
      dossierCode: x.dossierCode,
      procedureName: x.procedureName,
      ratedAt: toVnIso(x.ratedAt),
      criteria: { time: x.timeLevel, attitude: x.attitudeLevel, clarity: x.clarityLevel },
      comment: x.comment,
    })),
  };
}
