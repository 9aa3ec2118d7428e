import { and, asc, eq, inArray } from 'drizzle-orm';
import { executeNamed, type Db, type NamedStatement, type Queryable } from '../../db/database';
import { buildCalendar, DEFAULT_WEEKLY_HOURS, vnInstant } from '../calendar.engine';
import { AppError } from '../../errors/app-error';
import { generateDraftYear } from '../holiday-generator';
import { createLunarCalendar, type LunarCalendar } from '../lunar';
import type { CalendarYear, DayOff, DayOffKind, IsoDate, IsoWeekday, MakeUpWorkingDay, WeeklyOfficeHours, WorkingCalendar } from '../calendar.types';
import { calendarCalendars, calendarEntries, calendarUnitHours, calendarYears } from './calendar.tables';

/** The one calendar of the province (§19 row 2: office hours per province, overridable per unit). */
export const PROVINCE_CALENDAR_ID = 'province';
export const PROVINCE_CALENDAR_NAME = 'Lịch làm việc của tỉnh';

export type EntryRow = typeof calendarEntries.$inferSelect;
export type YearRow = typeof calendarYears.$inferSelect;

/** Where a day off comes from, for the `skipped` list. */
export interface EntryRef {
  kind: DayOffKind;
  reference: string;
}

/** Everything the published calendars are compiled from. */
export interface CalendarState {
  calendarId: string;
  revision: number;
  provinceHours: WeeklyOfficeHours;
  /** Published years, ascending and contiguous. */
  years: CalendarYear[];
  unitHours: Map<string, WeeklyOfficeHours>;
  /** Day-off references by date. */
  dayOffRefs: Map<IsoDate, EntryRef>;
}

/** Converts stored entries of one year version into the engine's CalendarYear. */
export function toCalendarYear(year: number, status: 'official' | 'draft', entries: readonly EntryRow[], sources: readonly string[] = []): CalendarYear {
  const daysOff: DayOff[] = [];
  const makeUpDays: MakeUpWorkingDay[] = [];
  for (const e of entries) {
    const common = { date: e.date, reason: e.reason, reference: e.reference, status: e.status as 'official' | 'draft', ...(e.note ? { note: e.note } : {}) };
    if (e.type === 'day-off') daysOff.push({ ...common, kind: (e.kind ?? 'other') as DayOffKind });
    else makeUpDays.push({ ...common, ...(e.periods ? { periods: e.periods } : {}) });
  }
  return { year, status, daysOff, makeUpDays, sources: [...sources] };
}

/** Reads the calendar row, its published years and the units' own hours (null when no calendar exists yet). */
export async function loadState(q: Queryable, calendarId = PROVINCE_CALENDAR_ID): Promise<CalendarState | null> {
  const [cal] = await q.select().from(calendarCalendars).where(eq(calendarCalendars.id, calendarId)).limit(1);
  if (!cal) return null;
  const years = await q
    .select()
    .from(calendarYears)
    .where(and(eq(calendarYears.calendarId, calendarId), eq(calendarYears.status, 'published')))
    .orderBy(asc(calendarYears.year));
  const entries = years.length
    ? await q
        .select()
        .from(calendarEntries)
        .where(
          inArray(
            calendarEntries.yearId,
            years.map((y) => y.id),
          ),
        )
        .orderBy(asc(calendarEntries.date))
    : [];
  const units = await q.select().from(calendarUnitHours).where(eq(calendarUnitHours.calendarId, calendarId));
  const dayOffRefs = new Map<IsoDate, EntryRef>();
  for (const e of entries) if (e.type === 'day-off') dayOffRefs.set(e.date, { kind: (e.kind ?? 'other') as DayOffKind, reference: e.reference });
  return {
    calendarId,
    revision: cal.revision,
    provinceHours: cal.weeklyHours,
    years: years.map((y) =>
      toCalendarYear(
        y.year,
        'official',
        entries.filter((e) => e.yearId === y.id),
        y.sources,
      ),
    ),
    unitHours: new Map(units.map((u) => [u.orgUnitCode, u.weeklyHours])),
    dayOffRefs,
  };
}

let lunar: LunarCalendar | undefined;
/** One lunar converter per process (it caches its new-moon computations). */
export function lunarCalendar(): LunarCalendar {
  lunar ??= createLunarCalendar();
  return lunar;
}

/**
 * How many years after the last published one the calendar covers provisionally. The official schedule of a year is
 * announced only weeks before it starts (§13.2: the Prime Minister fixes Tết and the Quốc khánh days each autumn,
 * Bộ luật Lao động 2019 Điều 112 khoản 3), while a dossier received in December is due in January: a one-stop shop
 * cannot stop receiving. Two years also cover a long procedure received late in a year that is itself provisional.
 */
export const PROVISIONAL_YEARS = 2;

const provisionalCache = new Map<number, CalendarYear>();

/**
 * The provisional calendar of a year not yet published: the statutory days off of Bộ luật Lao động 2019 Điều 112
 * (with the lunar Tết and Giỗ Tổ dates) and the compensatory days of Điều 111 khoản 3, as the draft-year generator
 * proposes them — status 'draft', so every result that touches it is marked provisional (§19 row 9).
 */
export function provisionalYear(year: number): CalendarYear {
  let y = provisionalCache.get(year);
  if (!y) {
    y = generateDraftYear(year, lunarCalendar());
    provisionalCache.set(year, y);
  }
  return y;
}

/** The years covered provisionally after the published ones (none when nothing is published). */
export function provisionalYearsOf(state: Pick<CalendarState, 'years'>): number[] {
  const last = state.years.at(-1)?.year;
  return last === undefined ? [] : Array.from({ length: PROVISIONAL_YEARS }, (_, k) => last + 1 + k);
}

/** The instant from which the calendar is provisional (00:00 on 1 January after the last published year, +07:00). */
export function provisionalFromOf(state: Pick<CalendarState, 'years'>): Date | null {
  const first = provisionalYearsOf(state)[0];
  return first === undefined ? null : vnInstant(`${first}-01-01`);
}

/**
 * SQL for the instant from which the province calendar is provisional (null while nothing is published), for a read
 * model that stores whether a due instant relies on it. Same rule as provisionalFromOf.
 */
export const PROVISIONAL_FROM_SQL = `(select ((max(year) + 1)::text || '-01-01T00:00:00+07:00')::timestamptz from calendar_years where calendar_id = '${PROVINCE_CALENDAR_ID}' and status = 'published')`;

/**
 * Compiles the state for the province, or for a unit with its own office hours; null when no year is published.
 * The published years are followed by PROVISIONAL_YEARS provisional years (see provisionalYear).
 */
export function compileState(state: CalendarState, orgUnitCode?: string | null): WorkingCalendar | null {
  if (state.years.length === 0) return null;
  const own = orgUnitCode ? state.unitHours.get(orgUnitCode) : undefined;
  const weeklyHours = own ?? state.provinceHours ?? DEFAULT_WEEKLY_HOURS;
  const covered = [...state.years, ...provisionalYearsOf(state).map(provisionalYear)];
  // A make-up day exists to work a weekly rest day (§13.2). Where these hours already work that weekday (a unit
  // open on Saturday mornings), the day is worked anyway, with these hours: the engine refuses a make-up day on
  // a working day, so it is left out here.
  const restDay = (date: IsoDate) => (weeklyHours[isoWeekdayOf(date)] ?? []).length === 0;
  const years = covered.map((y) => (y.makeUpDays.every((m) => restDay(m.date)) ? y : { ...y, makeUpDays: y.makeUpDays.filter((m) => restDay(m.date)) }));
  return buildCalendar({ id: own ? `${state.calendarId}/${orgUnitCode}` : state.calendarId, weeklyHours, years });
}

const isoWeekdayOf = (date: IsoDate): IsoWeekday => (((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1) as IsoWeekday;

// ---------------------------------------------------------------------------------------------
// Per-process cache of the compiled published calendars

/** The compiled published calendars of one revision. */
export interface CompiledCalendars {
  revision: number;
  state: CalendarState;
  province: WorkingCalendar | null;
  units: Map<string, WorkingCalendar | null>;
}

// Keyed by the database handle: tests run several apps (databases) in one process.
const cache = new WeakMap<object, CompiledCalendars>();

// Named and hand-written: every deadline computation runs it (intake, transitions), so it skips the query builder.
const REVISION_READ: NamedStatement = { name: 'calendar_revision_v1', text: 'select revision from calendar_calendars where id = $1' };

/** Drops this process's compiled copy (after a local publish; other processes notice the revision). */
export function invalidateCalendarCache(db: Db): void {
  cache.delete(db);
}

/**
 * The compiled PUBLISHED calendar state, reloaded only when the calendar's revision moved. One indexed
 * read per call keeps several app processes correct after a publish elsewhere.
 */
export async function publishedState(db: Db, calendarId = PROVINCE_CALENDAR_ID): Promise<CompiledCalendars | null> {
  const [row] = await executeNamed<{ revision: number }>(db, REVISION_READ, [calendarId]);
  if (!row) return null;
  const hit = cache.get(db);
  if (hit && hit.revision === row.revision && hit.state.calendarId === calendarId) return hit;
  const state = await loadState(db, calendarId);
  if (!state) return null;
  const compiled: CompiledCalendars = { revision: state.revision, state, province: compileState(state), units: new Map() };
  cache.set(db, compiled);
  return compiled;
}

/** Raised when no year of the calendar is published at all (409, like CALENDAR_NOT_AVAILABLE). */
export function nothingPublished(calendarId = PROVINCE_CALENDAR_ID): AppError {
  return new AppError('CALENDAR_NOT_PUBLISHED', { calendarId }, { status: 409 });
}

/** Whether an error says that the province has published no calendar year at all (a state, not a failure). */
export function isNothingPublished(err: unknown): boolean {
  return err instanceof AppError && err.code === 'CALENDAR_NOT_PUBLISHED';
}

/** The compiled calendar for a unit (its own office hours when it has them), else the province's. */
export function calendarFor(compiled: CompiledCalendars, orgUnitCode?: string | null): WorkingCalendar | null {
  if (!orgUnitCode || !compiled.state.unitHours.has(orgUnitCode)) return compiled.province;
  let unit = compiled.units.get(orgUnitCode);
  if (unit === undefined) {
    unit = compileState(compiled.state, orgUnitCode);
    compiled.units.set(orgUnitCode, unit);
  }
  return unit;
}

/**
 * The province's published working calendar, or a unit's (same days, the unit's own office hours when it
 * has them). Throws CALENDAR_NOT_PUBLISHED when nothing is published. Other modules compute deadlines with it.
 */
export async function getPublishedCalendar(db: Db, options: { orgUnitCode?: string | null } = {}): Promise<WorkingCalendar> {
  return (await getPublishedCalendars(db)).forUnit(options.orgUnitCode);
}

/** The published calendars of one revision as a lookup by unit code. */
export interface PublishedCalendars {
  revision: number;
  /** From this instant on the calendar is provisional (no published year covers it); see PROVISIONAL_YEARS. */
  provisionalFrom: Date | null;
  /** The unit's calendar (its own office hours when it has them), else the province's. */
  forUnit(orgUnitCode?: string | null): WorkingCalendar;
}

/**
 * SQL that reads the province calendar's current revision, for a write that trusted a cached calendar
 * (getPublishedCalendars with `trustCache`): the write compares it with the revision it used, inside its own
 * transaction, and starts again when a publish moved it.
 */
export const CALENDAR_REVISION_SQL = `(select revision from calendar_calendars where id = '${PROVINCE_CALENDAR_ID}')`;

/**
 * The published calendars as a lookup by unit code, from one revision check: a caller that learns the unit only
 * later (intake reads its units at the same time) pays for one read. With `trustCache` the process's compiled copy is
 * used without reading the revision, and the caller must check CALENDAR_REVISION_SQL in its transaction.
 * Throws CALENDAR_NOT_PUBLISHED when nothing is published.
 */
export async function getPublishedCalendars(db: Db, options: { trustCache?: boolean } = {}): Promise<PublishedCalendars> {
  const hit = options.trustCache ? cache.get(db) : undefined;
  const compiled = hit && hit.state.calendarId === PROVINCE_CALENDAR_ID ? hit : await publishedState(db);
  if (!compiled) throw nothingPublished();
  return {
    revision: compiled.revision,
    provisionalFrom: provisionalFromOf(compiled.state),
    forUnit: (orgUnitCode) => {
      const cal = calendarFor(compiled, orgUnitCode);
      if (!cal) throw nothingPublished();
      return cal;
    },
  };
}
