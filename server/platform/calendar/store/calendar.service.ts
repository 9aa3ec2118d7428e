import { and, eq, ne, sql } from 'drizzle-orm';
import { actorUserId, can } from '../../access';
import { withTransaction, type Ctx, type TxScope } from '../../context/context';
import type { Queryable, Tx } from '../../db/database';
import { AppError } from '../../errors/app-error';
import { DEFAULT_WEEKLY_HOURS, differingSpan } from '../calendar.engine';
import type { OfficePeriod, WeeklyOfficeHours, WorkingCalendar } from '../calendar.types';
import type { CalendarChange } from './calendar.events';
import { calendarCalendars, calendarYears } from './calendar.tables';
import { compileState, PROVINCE_CALENDAR_ID, PROVINCE_CALENDAR_NAME, type CalendarState, type YearRow } from './calendar.state';

/** Throws 403 unless the actor may perform `action`. */
export function assertCan(ctx: Ctx, action: 'calendar.read' | 'calendar.manage'): void {
  if (!can(ctx.actor, action)) throw new AppError('FORBIDDEN', { action });
}

export { lunarCalendar } from './calendar.state';

/** Creates the province calendar row with the §19 row 2 default office hours when it does not exist yet. */
export async function ensureCalendar(q: Queryable, now: Date): Promise<void> {
  await q
    .insert(calendarCalendars)
    .values({ id: PROVINCE_CALENDAR_ID, name: PROVINCE_CALENDAR_NAME, weeklyHours: DEFAULT_WEEKLY_HOURS, revision: 1, updatedAt: now })
    .onConflictDoNothing();
}

/** Serialises every write to the calendar (row lock held until the transaction ends). */
export async function lockCalendar(tx: Tx): Promise<void> {
  await tx.select({ id: calendarCalendars.id }).from(calendarCalendars).where(eq(calendarCalendars.id, PROVINCE_CALENDAR_ID)).for('update');
}

/** A transaction holding the calendar lock (the calendar row is created on first use). */
export async function withCalendarTx<T>(ctx: Ctx, fn: (scope: TxScope) => Promise<T>): Promise<T> {
  return withTransaction(ctx, async (scope) => {
    await ensureCalendar(scope.tx, ctx.clock.now());
    await lockCalendar(scope.tx);
    return fn(scope);
  });
}

/** Bumps the revision that every process's compiled copy is checked against; returns the new revision. */
export async function bumpRevision(tx: Tx, now: Date): Promise<number> {
  const [row] = await tx
    .update(calendarCalendars)
    .set({ revision: sql`${calendarCalendars.revision} + 1`, updatedAt: now })
    .where(eq(calendarCalendars.id, PROVINCE_CALENDAR_ID))
    .returning({ revision: calendarCalendars.revision });
  return row!.revision;
}

/** The current (non-superseded) versions of one year. */
export async function yearRows(q: Queryable, year: number): Promise<{ published: YearRow | null; draft: YearRow | null }> {
  const rows = await q
    .select()
    .from(calendarYears)
    .where(and(eq(calendarYears.calendarId, PROVINCE_CALENDAR_ID), eq(calendarYears.year, year), ne(calendarYears.status, 'superseded')));
  return { published: rows.find((r) => r.status === 'published') ?? null, draft: rows.find((r) => r.status === 'draft') ?? null };
}

/** The draft of `year`, or 404 CALENDAR_NO_DRAFT. */
export async function requireDraft(q: Queryable, year: number): Promise<YearRow> {
  const { draft } = await yearRows(q, year);
  if (!draft) throw new AppError('CALENDAR_NO_DRAFT', { year }, { status: 404 });
  return draft;
}

const toMinutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Field errors for office periods that are empty, unsorted or overlapping (the engine's rule, §19 row 2). */
export function periodErrors(periods: readonly OfficePeriod[], path: string): Array<{ path: string; code: string }> {
  const errors: Array<{ path: string; code: string }> = [];
  let previousEnd = 0;
  periods.forEach((p, k) => {
    const start = toMinutes(p.start);
    const end = toMinutes(p.end);
    if (!(start < end) || start < previousEnd) errors.push({ path: `${path}.${k}`, code: 'calendar.errors.periods' });
    previousEnd = Math.max(previousEnd, end);
  });
  return errors;
}

/** Validates weekly office hours; Monday defines the standard working day, so it must have hours (§19 row 3). */
export function assertValidWeeklyHours(hours: WeeklyOfficeHours, path = 'body.weeklyHours'): void {
  const errors = ([1, 2, 3, 4, 5, 6, 7] as const).flatMap((wd) => periodErrors(hours[wd], `${path}.${wd}`));
  if (hours[1].length === 0) errors.push({ path: `${path}.1`, code: 'calendar.errors.mondayRequired' });
  if (errors.length) throw new AppError('VALIDATION_FAILED', {}, { fields: errors });
}

/** Published years must stay contiguous (the engine covers one unbroken range, §19 row 9). */
export function assertContiguous(state: CalendarState | null, year: number): void {
  const years = state?.years.map((y) => y.year) ?? [];
  if (years.length === 0 || years.includes(year) || years.includes(year - 1) || years.includes(year + 1)) return;
  throw new AppError('CALENDAR_YEAR_NOT_CONTIGUOUS', { year, firstYear: years[0], lastYear: years[years.length - 1] }, { status: 409 });
}

/** Builds the change seen by impact providers and the `calendar.changed` event. */
export function describeChange(kind: CalendarChange['kind'], before: CalendarState | null, after: CalendarState, orgUnitCode: string | null, years: number[]): CalendarChange {
  const memo = new Map<string, { before: WorkingCalendar | null; after: WorkingCalendar | null }>();
  const forUnit = (code: string) => {
    let pair = memo.get(code);
    if (!pair) {
      pair = { before: before ? compileState(before, code) : null, after: compileState(after, code) };
      memo.set(code, pair);
    }
    return pair;
  };
  const own = orgUnitCode ? forUnit(orgUnitCode) : { before: before ? compileState(before) : null, after: compileState(after) };
  let span: { from: Date; to: Date } | null | undefined;
  const changedSpan = () => {
    if (span === undefined) {
      // A province-wide change reaches the units with their own hours too, each through its own compiled calendar.
      const units = orgUnitCode ? [] : [...new Set([...(before?.unitHours.keys() ?? []), ...after.unitHours.keys()])];
      const spans = [own, ...units.map(forUnit)].map((pair) => differingSpan(pair.before, pair.after)).filter((s) => s !== null);
      span = spans.length ? { from: new Date(Math.min(...spans.map((s) => s.from.getTime()))), to: new Date(Math.max(...spans.map((s) => s.to.getTime()))) } : null;
    }
    return span;
  };
  return { kind, calendarId: after.calendarId, orgUnitCode, years, before: own.before, after: own.after, forUnit, changedSpan };
}

/** Throws 409 when the impact moved since the administrator looked at it: nothing moves unseen (§19 row 10). */
export function assertImpactAcknowledged(total: number, acknowledged: number): void {
  if (total !== acknowledged) throw new AppError('CALENDAR_IMPACT_CHANGED', { acknowledged, total }, { status: 409 });
}

/** The label recorded as "published by". */
export function actorLabel(ctx: Ctx): string {
  return ctx.actor.type === 'user' ? ctx.actor.displayName : 'anonymous';
}

/** The audit actor id (null for the system actor). */
export function actorId(ctx: Ctx): string | null {
  return actorUserId(ctx.actor);
}
