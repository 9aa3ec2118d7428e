// The dossiers behind an indicator (issue 12 item 3, drill-down): the same conditions as the counters of
// use-cases/indicator-stats.ts, read from the indexes those counters' recounts use, newest first, by keyset.
import { and, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context/context';
import { vnInstant } from '../../../platform/calendar';
import type { DossierListItem } from '../../../../contracts/dossiers/dossiers.contracts';
import type { IndicatorMeasure } from '../../../../contracts/dossiers/dossiers.values';
import { decodeCursor, encodeCursor } from '../dossiers.queues';
import { calendarCache, calendarOrNone } from '../dossiers.deadlines';
import { presentListItem } from '../dossiers.presenter';
import { unitsById } from '../dossiers.repository';
import { dossiers } from '../dossiers.tables';
import { OPEN_STATES, PAUSED_STATES, RUNNING_STATES } from '../dossiers.workflow';

type DossierRow = typeof dossiers.$inferSelect;

/** The instant after the last moment of a Vietnamese day. */
const dayAfter = (day: string) => new Date(vnInstant(day).getTime() + 86_400_000);

/** The instant a measure counts a dossier by (its page order), and the conditions besides the unit and the period. */
function measureOf(measure: IndicatorMeasure, now: Date): { key: 'receivedAt' | 'finishedAt' | 'closedAt'; where: SQL[]; unit?: 'lateUnitId' } {
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
 * One page of the dossiers `measure` counts for handling units `unitIds` over the days `from`..`to`, the most recent
 * (by the instant the measure counts) first; `after` is the previous page's `nextCursor`. The caller authorises.
 */
export async function listIndicatorDossiers(
  ctx: Ctx,
  query: { unitIds: readonly string[]; procedureCodes?: readonly string[] | null; from: string; to: string; measure: IndicatorMeasure; pageSize: number; after?: string },
): Promise<{ items: DossierListItem[]; nextCursor: string | null }> {
  if (query.unitIds.length === 0) return { items: [], nextCursor: null };
  const now = ctx.clock.now();
  const { key, where, unit } = measureOf(query.measure, now);
  const at = dossiers[key];
  const cursor = query.after ? decodeCursor(query.after) : null;
  const rows: DossierRow[] = await ctx.db
    .select()
    .from(dossiers)
    .where(
      and(
        inArray(dossiers[unit ?? 'handlingUnitId'], [...query.unitIds]),
        gte(at, vnInstant(query.from)),
        lt(at, dayAfter(query.to)),
        ...where,
        query.procedureCodes ? inArray(dossiers.procedureCode, [...query.procedureCodes]) : undefined,
        cursor ? sql`(${at}, ${dossiers.code}) < (${cursor.due.toISOString()}::timestamptz, ${cursor.code})` : undefined,
      ),
    )
    .orderBy(desc(at), desc(dossiers.code))
    .limit(query.pageSize + 1);
  const more = rows.length > query.pageSize;
  const page = rows.slice(0, query.pageSize);
  const units = await unitsById(
    ctx.db,
    page.map((r) => r.holderUnitId),
  );
  const calendars = calendarCache(ctx.db);
  const items: DossierListItem[] = [];
  for (const row of page) items.push(presentListItem(row, units, now, await calendarOrNone(calendars(row.calendarUnitCode)), ctx.locale));
  const last = page[page.length - 1];
  const lastAt = last?.[key];
  return { items, nextCursor: more && last && lastAt ? encodeCursor({ due: lastAt, code: last.code }) : null };
}
