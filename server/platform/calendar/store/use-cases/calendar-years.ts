import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Ctx } from '../../../context/context';
import type { Queryable, Tx } from '../../../db/database';
import { AppError } from '../../../errors/app-error';
import { DEFAULT_WEEKLY_HOURS } from '../../calendar.engine';
import type { CalendarYear, WeeklyOfficeHours } from '../../calendar.types';
import { generateDraftYear } from '../../holiday-generator';
import type { CalendarYearDetail, EntryRequest, ListYearsResponse, YearResponse } from '../../../../../contracts/calendar/calendar.contracts';
import { presentWeeklyHours, presentYearDetail, presentYearSummary } from '../calendar.presenter';
import { assertCan, lunarCalendar, periodErrors, requireDraft, withCalendarTx, yearRows } from '../calendar.service';
import { PROVINCE_CALENDAR_ID, type EntryRow, type YearRow } from '../calendar.state';
import { calendarCalendars, calendarEntries, calendarYears } from '../calendar.tables';

async function entriesOf(q: Queryable, yearId: string): Promise<EntryRow[]> {
  return q.select().from(calendarEntries).where(eq(calendarEntries.yearId, yearId)).orderBy(asc(calendarEntries.date));
}

async function provinceHours(q: Queryable): Promise<WeeklyOfficeHours> {
  const [row] = await q.select({ h: calendarCalendars.weeklyHours }).from(calendarCalendars).where(eq(calendarCalendars.id, PROVINCE_CALENDAR_ID));
  return row?.h ?? DEFAULT_WEEKLY_HOURS;
}

/** Compact form of entries for the audit trail. */
export const auditEntries = (entries: readonly EntryRow[]) => entries.map((e) => ({ date: e.date, type: e.type, kind: e.kind, reason: e.reason, reference: e.reference }));

/** Every year with its version in force and the draft in preparation (calendar.read). */
export async function listCalendarYears(ctx: Ctx): Promise<ListYearsResponse> {
  assertCan(ctx, 'calendar.read');
  const rows = await ctx.db
    .select()
    .from(calendarYears)
    .where(and(eq(calendarYears.calendarId, PROVINCE_CALENDAR_ID), ne(calendarYears.status, 'superseded')))
    .orderBy(asc(calendarYears.year));
  const counts = rows.length
    ? await ctx.db
        .select({ yearId: calendarEntries.yearId, type: calendarEntries.type, n: sql<number>`count(*)::int` })
        .from(calendarEntries)
        .where(
          inArray(
            calendarEntries.yearId,
            rows.map((r) => r.id),
          ),
        )
        .groupBy(calendarEntries.yearId, calendarEntries.type)
    : [];
  const count = (id: string, type: string) => Number(counts.find((c) => c.yearId === id && c.type === type)?.n ?? 0);
  const byYear = new Map<number, ListYearsResponse['items'][number]>();
  for (const r of rows) {
    const item = byYear.get(r.year) ?? { year: r.year, published: null, draft: null };
    item[r.status === 'published' ? 'published' : 'draft'] = presentYearSummary(r, { dayOff: count(r.id, 'day-off'), makeUp: count(r.id, 'make-up') });
    byYear.set(r.year, item);
  }
  const items = [...byYear.values()];
  return { items, total: items.length };
}

/** One year: the published version and the draft, with entries, and the office hours to draw it with. */
export async function getCalendarYear(ctx: Ctx, input: { year: number }): Promise<YearResponse> {
  assertCan(ctx, 'calendar.read');
  const rows = await yearRows(ctx.db, input.year);
  if (!rows.published && !rows.draft) throw new AppError('CALENDAR_YEAR_NOT_FOUND', { year: input.year }, { status: 404 });
  const detail = async (row: YearRow | null) => (row ? presentYearDetail(row, await entriesOf(ctx.db, row.id)) : null);
  return { year: input.year, published: await detail(rows.published), draft: await detail(rows.draft), weeklyHours: presentWeeklyHours(await provinceHours(ctx.db)) };
}

/** Inserts a year version with its entries (also used by the demo seed for the published years). */
export async function insertYearVersion(
  tx: Tx,
  now: Date,
  data: CalendarYear,
  options: { status: 'draft' | 'published'; generated: boolean; revisionOf?: string | null; publishedBy?: string; publishReason?: string },
): Promise<{ row: YearRow; entries: EntryRow[] }> {
  const [row] = await tx
    .insert(calendarYears)
    .values({
      calendarId: PROVINCE_CALENDAR_ID,
      year: data.year,
      status: options.status,
      generated: options.generated,
      revisionOf: options.revisionOf ?? null,
      sources: [...(data.sources ?? [])],
      createdAt: now,
      updatedAt: now,
      ...(options.status === 'published' ? { publishedAt: now, publishedBy: options.publishedBy ?? null, publishReason: options.publishReason ?? null } : {}),
    })
    .returning();
  const values = [
    ...data.daysOff.map((d) => ({
      date: d.date,
      type: 'day-off',
      kind: d.kind,
      reason: d.reason,
      reference: d.reference,
      note: d.note ?? null,
      periods: null,
      status: d.status ?? 'official',
    })),
    ...data.makeUpDays.map((m) => ({
      date: m.date,
      type: 'make-up',
      kind: null,
      reason: m.reason,
      reference: m.reference,
      note: m.note ?? null,
      periods: m.periods ? [...m.periods] : null,
      status: m.status ?? 'official',
    })),
  ].map((v) => ({ ...v, yearId: row!.id, createdAt: now }));
  const entries = values.length ? await tx.insert(calendarEntries).values(values).returning() : [];
  return { row: row!, entries };
}

/**
 * Drafts a year the calendar does not have yet from the statutory days (BLLĐ 2019 Điều 112, 111(3)); every
 * entry is marked "draft — confirm against the official announcement" (§19 row 9).
 */
export async function generateCalendarYear(ctx: Ctx, input: { year: number }): Promise<CalendarYearDetail> {
  assertCan(ctx, 'calendar.manage');
  const now = ctx.clock.now();
  return withCalendarTx(ctx, async ({ tx, audit }) => {
    const rows = await yearRows(tx, input.year);
    if (rows.draft) throw new AppError('CALENDAR_DRAFT_EXISTS', { year: input.year }, { status: 409 });
    if (rows.published) throw new AppError('CALENDAR_YEAR_PUBLISHED', { year: input.year }, { status: 409 });
    const { row, entries } = await insertYearVersion(tx, now, generateDraftYear(input.year, lunarCalendar()), { status: 'draft', generated: true });
    await audit({
      action: 'calendar.year.generate',
      subjectType: 'calendar_year',
      subjectId: row.id,
      before: null,
      after: { year: row.year, status: row.status, entries: auditEntries(entries) },
    });
    return presentYearDetail(row, entries);
  });
}

/** Starts a revision of a published year as a new draft; the published version stays in force until the revision is published. */
export async function startYearRevision(ctx: Ctx, input: { year: number }): Promise<CalendarYearDetail> {
  assertCan(ctx, 'calendar.manage');
  const now = ctx.clock.now();
  return withCalendarTx(ctx, async ({ tx, audit }) => {
    const rows = await yearRows(tx, input.year);
    if (rows.draft) throw new AppError('CALENDAR_DRAFT_EXISTS', { year: input.year }, { status: 409 });
    if (!rows.published) throw new AppError('CALENDAR_NO_PUBLISHED_YEAR', { year: input.year }, { status: 404 });
    const source = await entriesOf(tx, rows.published.id);
    const [row] = await tx
      .insert(calendarYears)
      .values({
        calendarId: PROVINCE_CALENDAR_ID,
        year: input.year,
        status: 'draft',
        generated: false,
        revisionOf: rows.published.id,
        sources: rows.published.sources,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const entries = source.length
      ? await tx
          .insert(calendarEntries)
          .values(source.map(({ id: _id, yearId: _y, createdAt: _c, ...e }) => ({ ...e, yearId: row!.id, createdAt: now })))
          .returning()
      : [];
    await audit({ action: 'calendar.year.revise', subjectType: 'calendar_year', subjectId: row!.id, before: null, after: { year: input.year, revisionOf: rows.published.id } });
    return presentYearDetail(row!, entries);
  });
}

/** Field errors of an entry against its draft (right year, free date, make-up only on a weekly rest day). */
async function entryErrors(tx: Tx, draft: YearRow, entry: EntryRequest, exceptId?: string): Promise<Array<{ path: string; code: string; params?: Record<string, unknown> }>> {
  const errors: Array<{ path: string; code: string; params?: Record<string, unknown> }> = [];
  if (
    Number(entry.date.slice(0, 4)) !== draft.year ||
    Number.isNaN(Date.parse(`${entry.date}T00:00:00Z`)) ||
    new Date(`${entry.date}T00:00:00Z`).toISOString().slice(0, 10) !== entry.date
  ) {
    errors.push({ path: 'body.date', code: 'calendar.errors.dateOutsideYear', params: { year: draft.year } });
    return errors;
  }
  const clash = await tx
    .select({ id: calendarEntries.id })
    .from(calendarEntries)
    .where(and(eq(calendarEntries.yearId, draft.id), eq(calendarEntries.date, entry.date), exceptId ? ne(calendarEntries.id, exceptId) : undefined));
  if (clash.length) errors.push({ path: 'body.date', code: 'calendar.errors.dateTaken', params: { date: entry.date } });
  if (entry.type === 'make-up') {
    // §13.2: a make-up day (ngày làm bù) turns a weekly rest day into a working day.
    const isoWeekday = ((new Date(`${entry.date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
    const hours = await provinceHours(tx);
    if (hours[isoWeekday as 1]?.length) errors.push({ path: 'body.date', code: 'calendar.errors.makeUpOnWorkingDay' });
    if (entry.periods) errors.push(...periodErrors(entry.periods, 'body.periods'));
  }
  return errors;
}

function entryValues(entry: EntryRequest) {
  return {
    date: entry.date,
    type: entry.type,
    kind: entry.type === 'day-off' ? (entry.kind ?? 'other') : null,
    reason: entry.reason,
    reference: entry.reference,
    note: entry.note ? entry.note : null,
    periods: entry.type === 'make-up' && entry.periods ? entry.periods : null,
    // An administrator entering or editing a day with its reference confirms it.
    status: 'official',
  };
}

async function touchDraft(tx: Tx, draft: YearRow, now: Date): Promise<void> {
  await tx
    .update(calendarYears)
    .set({ version: draft.version + 1, updatedAt: now })
    .where(eq(calendarYears.id, draft.id));
}

async function draftDetail(tx: Tx, id: string): Promise<CalendarYearDetail> {
  const [row] = await tx.select().from(calendarYears).where(eq(calendarYears.id, id));
  return presentYearDetail(row!, await entriesOf(tx, id));
}

/** Adds a day off or a make-up day, with its reason and legal reference, to a year's draft. */
export async function addDraftEntry(ctx: Ctx, input: { year: number; entry: EntryRequest }): Promise<CalendarYearDetail> {
  assertCan(ctx, 'calendar.manage');
  const now = ctx.clock.now();
  return withCalendarTx(ctx, async ({ tx, audit }) => {
    const draft = await requireDraft(tx, input.year);
    const errors = await entryErrors(tx, draft, input.entry);
    if (errors.length) throw new AppError('VALIDATION_FAILED', {}, { fields: errors });
    const [created] = await tx
      .insert(calendarEntries)
      .values({ ...entryValues(input.entry), yearId: draft.id, createdAt: now })
      .returning();
    await touchDraft(tx, draft, now);
    await audit({ action: 'calendar.entry.add', subjectType: 'calendar_year', subjectId: draft.id, before: null, after: { year: draft.year, ...auditEntries([created!])[0] } });
    return draftDetail(tx, draft.id);
  });
}

/** Edits an entry of a year's draft (editing also confirms a generated entry). */
export async function updateDraftEntry(ctx: Ctx, input: { year: number; entryId: string; entry: EntryRequest }): Promise<CalendarYearDetail> {
  assertCan(ctx, 'calendar.manage');
  const now = ctx.clock.now();
  return withCalendarTx(ctx, async ({ tx, audit }) => {
    const draft = await requireDraft(tx, input.year);
    const [old] = await tx
      .select()
      .from(calendarEntries)
      .where(and(eq(calendarEntries.id, input.entryId), eq(calendarEntries.yearId, draft.id)));
    if (!old) throw new AppError('NOT_FOUND', { subject: 'calendar_entry', id: input.entryId });
    const errors = await entryErrors(tx, draft, input.entry, old.id);
    if (errors.length) throw new AppError('VALIDATION_FAILED', {}, { fields: errors });
    const [updated] = await tx.update(calendarEntries).set(entryValues(input.entry)).where(eq(calendarEntries.id, old.id)).returning();
    await touchDraft(tx, draft, now);
    await audit({ action: 'calendar.entry.update', subjectType: 'calendar_year', subjectId: draft.id, before: auditEntries([old])[0], after: auditEntries([updated!])[0] });
    return draftDetail(tx, draft.id);
  });
}

/** Removes an entry from a year's draft. */
export async function removeDraftEntry(ctx: Ctx, input: { year: number; entryId: string }): Promise<CalendarYearDetail> {
  assertCan(ctx, 'calendar.manage');
  const now = ctx.clock.now();
  return withCalendarTx(ctx, async ({ tx, audit }) => {
    const draft = await requireDraft(tx, input.year);
    const [old] = await tx
      .delete(calendarEntries)
      .where(and(eq(calendarEntries.id, input.entryId), eq(calendarEntries.yearId, draft.id)))
      .returning();
    if (!old) throw new AppError('NOT_FOUND', { subject: 'calendar_entry', id: input.entryId });
    await touchDraft(tx, draft, now);
    await audit({ action: 'calendar.entry.remove', subjectType: 'calendar_year', subjectId: draft.id, before: auditEntries([old])[0], after: null });
    return draftDetail(tx, draft.id);
  });
}

/** Discards a year's draft (the published version, if any, is untouched). */
export async function discardDraftYear(ctx: Ctx, input: { year: number }): Promise<void> {
  assertCan(ctx, 'calendar.manage');
  await withCalendarTx(ctx, async ({ tx, audit }) => {
    const draft = await requireDraft(tx, input.year);
    const entries = await entriesOf(tx, draft.id);
    await tx.delete(calendarYears).where(eq(calendarYears.id, draft.id));
    await audit({ action: 'calendar.year.discard', subjectType: 'calendar_year', subjectId: draft.id, before: { year: draft.year, entries: auditEntries(entries) }, after: null });
  });
}
