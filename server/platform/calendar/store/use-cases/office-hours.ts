import { asc, eq } from 'drizzle-orm';
import type { Ctx } from '../../../context/context';
import { AppError } from '../../../errors/app-error';
import { DEFAULT_WEEKLY_HOURS } from '../../calendar.engine';
import type { WeeklyOfficeHours } from '../../calendar.types';
import type {
  ImpactResponse,
  ListUnitHoursResponse,
  OfficeHoursResponse,
  UnitHours,
  UpdateOfficeHoursRequest,
  UpdateUnitHoursRequest,
  WeeklyHours,
} from '../../../../../contracts/calendar/calendar.contracts';
import type { CalendarChange } from '../calendar.events';
import { countImpact } from '../calendar.impact';
import { presentWeeklyHours, toWeeklyOfficeHours } from '../calendar.presenter';
import { actorId, assertCan, assertImpactAcknowledged, assertValidWeeklyHours, bumpRevision, describeChange, withCalendarTx } from '../calendar.service';
import { invalidateCalendarCache, loadState, PROVINCE_CALENDAR_ID, type CalendarState } from '../calendar.state';
import { calendarCalendars, calendarUnitHours } from '../calendar.tables';
import { emptyState } from './publish-calendar-year';

/** The province's office hours (§19 row 2 defaults until an administrator edits them). */
export async function getOfficeHours(ctx: Ctx): Promise<OfficeHoursResponse> {
  assertCan(ctx, 'calendar.read');
  const [row] = await ctx.db.select().from(calendarCalendars).where(eq(calendarCalendars.id, PROVINCE_CALENDAR_ID));
  return {
    weeklyHours: presentWeeklyHours(row?.weeklyHours ?? DEFAULT_WEEKLY_HOURS),
    revision: row?.revision ?? 0,
    updatedAt: (row?.updatedAt ?? ctx.clock.now()).toISOString(),
  };
}

/** Units that keep their own office hours. */
export async function listUnitHours(ctx: Ctx): Promise<ListUnitHoursResponse> {
  assertCan(ctx, 'calendar.read');
  const rows = await ctx.db.select().from(calendarUnitHours).where(eq(calendarUnitHours.calendarId, PROVINCE_CALENDAR_ID)).orderBy(asc(calendarUnitHours.orgUnitCode));
  const items: UnitHours[] = rows.map((r) => ({
    orgUnitCode: r.orgUnitCode,
    label: r.label,
    weeklyHours: presentWeeklyHours(r.weeklyHours),
    updatedAt: r.updatedAt.toISOString(),
  }));
  return { items, total: items.length };
}

function provinceChange(before: CalendarState, hours: WeeklyOfficeHours): CalendarChange {
  const after: CalendarState = { ...before, provinceHours: hours };
  return describeChange(
    'office-hours',
    before.years.length ? before : null,
    after,
    null,
    before.years.map((y) => y.year),
  );
}

function unitChange(before: CalendarState, code: string, hours: WeeklyOfficeHours | null): CalendarChange {
  const unitHours = new Map(before.unitHours);
  if (hours) unitHours.set(code, hours);
  else unitHours.delete(code);
  return describeChange(
    'unit-hours',
    before.years.length ? before : null,
    { ...before, unitHours },
    code,
    before.years.map((y) => y.year),
  );
}

/** Open items per module that new province office hours would move. */
export async function previewOfficeHours(ctx: Ctx, input: { weeklyHours: WeeklyHours }): Promise<ImpactResponse> {
  assertCan(ctx, 'calendar.manage');
  const hours = toWeeklyOfficeHours(input.weeklyHours);
  assertValidWeeklyHours(hours);
  const change = provinceChange((await loadState(ctx.db)) ?? emptyState(), hours);
  return { ...(await countImpact(ctx.db, change)), changedDays: [], newYear: false };
}

/** Changes the province's office hours after the administrator confirmed the impact; emits `calendar.changed` after commit. */
export async function updateOfficeHours(ctx: Ctx, input: UpdateOfficeHoursRequest): Promise<OfficeHoursResponse> {
  assertCan(ctx, 'calendar.manage');
  const hours = toWeeklyOfficeHours(input.weeklyHours);
  assertValidWeeklyHours(hours);
  const now = ctx.clock.now();
  await withCalendarTx(ctx, async (scope) => {
    const before = (await loadState(scope.tx))!;
    const change = provinceChange(before, hours);
    const impact = await countImpact(scope.tx, change);
    assertImpactAcknowledged(impact.total, input.acknowledgedImpact);
    await scope.tx.update(calendarCalendars).set({ weeklyHours: hours }).where(eq(calendarCalendars.id, PROVINCE_CALENDAR_ID));
    const revision = await bumpRevision(scope.tx, now);
    await scope.audit({
      action: 'calendar.office-hours.update',
      subjectType: 'calendar',
      subjectId: PROVINCE_CALENDAR_ID,
      before: { weeklyHours: before.provinceHours },
      after: { weeklyHours: hours, reason: input.reason, revision, impact: impact.modules },
    });
    scope.afterCommit(async () => {
      invalidateCalendarCache(ctx.db);
      await ctx.events.emit('calendar.changed', { ...change, revision, reason: input.reason, actorId: actorId(ctx), occurredAt: now.toISOString() });
    });
  });
  return getOfficeHours(ctx);
}

/** Open items per module that a unit's own office hours (or their removal: null) would move. */
export async function previewUnitHours(ctx: Ctx, input: { code: string; weeklyHours: WeeklyHours | null }): Promise<ImpactResponse> {
  assertCan(ctx, 'calendar.manage');
  const hours = input.weeklyHours ? toWeeklyOfficeHours(input.weeklyHours) : null;
  if (hours) assertValidWeeklyHours(hours);
  const change = unitChange((await loadState(ctx.db)) ?? emptyState(), input.code, hours);
  return { ...(await countImpact(ctx.db, change)), changedDays: [], newYear: false };
}

/** Sets (or, with null hours, removes) a unit's own office hours; emits `calendar.changed` after commit. */
export async function updateUnitHours(ctx: Ctx, input: { code: string } & UpdateUnitHoursRequest): Promise<ListUnitHoursResponse> {
  assertCan(ctx, 'calendar.manage');
  const hours = input.weeklyHours ? toWeeklyOfficeHours(input.weeklyHours) : null;
  if (hours) assertValidWeeklyHours(hours);
  const now = ctx.clock.now();
  await withCalendarTx(ctx, async (scope) => {
    const before = (await loadState(scope.tx))!;
    const old = before.unitHours.get(input.code) ?? null;
    if (!hours && !old) throw new AppError('NOT_FOUND', { subject: 'calendar_unit_hours', id: input.code });
    const change = unitChange(before, input.code, hours);
    const impact = await countImpact(scope.tx, change);
    assertImpactAcknowledged(impact.total, input.acknowledgedImpact);
    if (hours) {
      const label = input.label === undefined ? undefined : input.label || null;
      await scope.tx
        .insert(calendarUnitHours)
        .values({ orgUnitCode: input.code, calendarId: PROVINCE_CALENDAR_ID, label: label ?? null, weeklyHours: hours, updatedAt: now })
        .onConflictDoUpdate({ target: calendarUnitHours.orgUnitCode, set: { weeklyHours: hours, updatedAt: now, ...(label !== undefined ? { label } : {}) } });
    } else {
      await scope.tx.delete(calendarUnitHours).where(eq(calendarUnitHours.orgUnitCode, input.code));
    }
    const revision = await bumpRevision(scope.tx, now);
    await scope.audit({
      action: 'calendar.unit-hours.update',
      subjectType: 'calendar_unit_hours',
      subjectId: input.code,
      before: old ? { weeklyHours: old } : null,
      after: { weeklyHours: hours, reason: input.reason, revision, impact: impact.modules },
    });
    scope.afterCommit(async () => {
      invalidateCalendarCache(ctx.db);
      await ctx.events.emit('calendar.changed', { ...change, revision, reason: input.reason, actorId: actorId(ctx), occurredAt: now.toISOString() });
    });
  });
  return listUnitHours(ctx);
}
