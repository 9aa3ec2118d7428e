// The dossiers behind an indicator (issue 12 item 3, drill-down): the same conditions as the counters of
// use-cases/indicator-stats.ts, read from the indexes those counters' recounts use, newest first, by keyset.
import { and, desc, eq, gte, inArray, lt, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context/context';
import { vnInstant } from '../../../platform/calendar';
import type { DossierListItem } from '../../../../contracts/dossiers/dossiers.contracts';
import type { IndicatorMeasure } from '../../../../contracts/dossiers/dossiers.values';
import { decodeCursor, encodeCursor } from '../dossiers.queues';
import { calendarCache, calendarOrNone } from '../dossiers.deadlines';
import { presentListItem } from '../dossiers.presenter';
import { unitsById } from '../dossiers.repository';
import { dossierApologies, dossierPauses, dossiers } from '../dossiers.tables';
import { OPEN_STATES, PAUSED_STATES, RUNNING_STATES } from '../dossiers.workflow';

type DossierRow = typeof dossiers.$inferSelect;

/** The instant after the last moment of a Vietnamese day. */
const dayAfter = (day: string) => new Date(vnInstant(day).getTime() + 86_400_000);

/** The instant a measure counts a dossier by (its page order), and the conditions besides the unit and the period. */
function measureOf(
  measure: Exclude<IndicatorMeasure, 'apologies' | 'supplements'>,
  now: Date,
): { key: 'receivedAt' | 'finishedAt' | 'closedAt'; where: SQL[]; unit?: 'lateUnitId' } {
  switch (measure) {
    // Counted for the unit that held the dossier when it ran late (inter-agency attribution), not the handling one.
    case 'late-held':
      return { key: 'finishedAt', where: [sql`${dossiers.finishedAt} is not null`, eq(dossiers.classification, 'late')], unit: 'lateUnitId' };
    case 'received':
      return { key: 'receivedAt', where: [] };
    case 'finished':
      return { key: 'finishedAt', where: [sql`${dossiers.finishedAt} is not null`] };
    case 'finished-early':
    case 'finished-on-time':
    case 'finished-late':
      return { key: 'finishedAt', where: [sql`${dossiers.finishedAt} is not null`, eq(dossiers.classification, CLASS_OF[measure])] };
    case 'withdrawn':
      return { key: 'closedAt', where: [eq(dossiers.state, 'WITHDRAWN')] };
    case 'stopped':
      return { key: 'closedAt', where: [eq(dossiers.state, 'STOPPED')] };
    case 'open':
      return { key: 'receivedAt', where: [inArray(dossiers.state, [...OPEN_STATES])] };
    case 'open-overdue':
      return {
        key: 'receivedAt',
        where: [inArray(dossiers.state, [...RUNNING_STATES]), sql`coalesce(${dossiers.extendedDueAt}, ${dossiers.dueAt}) < ${now.toISOString()}::timestamptz`],
      };
    case 'open-at-risk':
      return {
        key: 'receivedAt',
        where: [
          inArray(dossiers.state, [...RUNNING_STATES]),
          eq(dossiers.atRisk, true),
          sql`coalesce(${dossiers.extendedDueAt}, ${dossiers.dueAt}) >= ${now.toISOString()}::timestamptz`,
        ],
      };
    case 'open-paused':
      return { key: 'receivedAt', where: [inArray(dossiers.state, [...PAUSED_STATES])] };
  }
}

const CLASS_OF = { 'finished-early': 'early', 'finished-on-time': 'on-time', 'finished-late': 'late' } as const;

/**
 * Measures counted by a row of another table (one per apology, one per supplement request): the instant of that row
 * orders the page, and a dossier asked twice for supplements is listed twice, as it is counted twice.
 */
const COUNTED_BY_ROWS = {
  apologies: { table: dossierApologies, dossierId: dossierApologies.dossierId, at: dossierApologies.issuedAt, where: [] as SQL[] },
  supplements: { table: dossierPauses, dossierId: dossierPauses.dossierId, at: dossierPauses.fromAt, where: [eq(dossierPauses.reason, 'supplement')] },
};

/**
 * One page of the dossiers `measure` counts for handling units `unitIds` over the days `from`..`to`, the most recent
 * (by the instant the measure counts) first; `after` is the previous page's `nextCursor`. The caller authorises.
 */
export async function listIndicatorDossiers(
  ctx: Ctx,
  query: { unitIds: readonly string[]; procedureCodes?: readonly string[] | null; from: string; to: string; measure: IndicatorMeasure; pageSize: number; after?: string },
): Promise<{ items: DossierListItem[]; nextCursor: string | null }> {
  if (query.unitIds.length === 0) return { items: [], nextCursor: null };
  const now = ctx.clock.now();
  const byRows = query.measure === 'apologies' || query.measure === 'supplements' ? COUNTED_BY_ROWS[query.measure] : null;
  const measured = byRows ? null : measureOf(query.measure as Exclude<IndicatorMeasure, 'apologies' | 'supplements'>, now);
  const at: AnyColumn = byRows ? byRows.at : dossiers[measured!.key];
  // Read back as an instant whichever table holds it (every one is a timestamptz like received_at).
  const atSelected = sql<Date | null>`${at}`.mapWith(dossiers.receivedAt);
  const cursor = query.after ? decodeCursor(query.after) : null;
  const conditions = and(
    inArray(dossiers[measured?.unit ?? 'handlingUnitId'], [...query.unitIds]),
    gte(at, vnInstant(query.from)),
    lt(at, dayAfter(query.to)),
    ...(byRows ? byRows.where : measured!.where),
    query.procedureCodes ? inArray(dossiers.procedureCode, [...query.procedureCodes]) : undefined,
    cursor ? sql`(${at}, ${dossiers.code}) < (${cursor.due.toISOString()}::timestamptz, ${cursor.code})` : undefined,
  );
  const found: Array<{ row: DossierRow; at: Date | null }> = byRows
    ? await ctx.db
        .select({ row: dossiers, at: atSelected })
        .from(byRows.table)
        .innerJoin(dossiers, eq(dossiers.id, byRows.dossierId))
        .where(conditions)
        .orderBy(desc(at), desc(dossiers.code))
        .limit(query.pageSize + 1)
    : await ctx.db
        .select({ row: dossiers, at: atSelected })
        .from(dossiers)
        .where(conditions)
        .orderBy(desc(at), desc(dossiers.code))
        .limit(query.pageSize + 1);
  const more = found.length > query.pageSize;
  const page = found.slice(0, query.pageSize);
  const units = await unitsById(
    ctx.db,
    page.map((r) => r.row.holderUnitId),
  );
  const calendars = calendarCache(ctx.db);
  const items: DossierListItem[] = [];
  for (const { row } of page) items.push(presentListItem(row, units, now, await calendarOrNone(calendars(row.calendarUnitCode)), ctx.locale));
  const last = page[page.length - 1];
  return { items, nextCursor: more && last?.at ? encodeCursor({ due: last.at, code: last.row.code }) : null };
}
