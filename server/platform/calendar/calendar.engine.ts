import { CalendarError } from './calendar.errors';
import type {
  CalendarYear,
  ClockTime,
  DueResult,
  Duration,
  FinishClass,
  IsoDate,
  IsoWeekday,
  OfficePeriod,
  Pause,
  SkippedDate,
  WeeklyOfficeHours,
  WorkingCalendar,
  WorkingCalendarInput,
} from './calendar.types';

// Model: W(t) = working milliseconds from the calendar's first day to instant t. W is continuous and
// non-decreasing, piecewise linear (slope 1 inside office hours, 0 outside). Every question below is
// a difference of W values or the inverse of W, answered from a per-day prefix sum (cumWork) plus
// at most a few periods of one day: no Date objects or strings in the hot path.

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** §19.1 (domain README): legal instants are in Asia/Ho_Chi_Minh, UTC+07:00 all year (no DST). */
const VN_OFFSET_MS = 7 * 3_600_000;
const WEEKEND_REASON = 'weekend';

const STANDARD_DAY: readonly OfficePeriod[] = [
  { start: '07:00', end: '11:30' },
  { start: '13:30', end: '17:00' },
];

/** §19.2 (domain README) default office hours: Mon–Fri 07:00–11:30 and 13:30–17:00 (8 h); Sat/Sun none. */
export const DEFAULT_WEEKLY_HOURS: WeeklyOfficeHours = {
  1: STANDARD_DAY,
  2: STANDARD_DAY,
  3: STANDARD_DAY,
  4: STANDARD_DAY,
  5: STANDARD_DAY,
  6: [],
  7: [],
};

// ---------------------------------------------------------------------------------------------
// Dates and instants in +07:00

/** Days since 1970-01-01 of the +07:00 calendar date containing the instant `ms`. */
function dayNumberOf(ms: number): number {
  return Math.floor((ms + VN_OFFSET_MS) / DAY_MS);
}

/** 1970-01-01 was a Thursday (ISO 4). */
function isoWeekdayOf(dayNumber: number): IsoWeekday {
  return (((((dayNumber + 3) % 7) + 7) % 7) + 1) as IsoWeekday;
}

function isoDateOfDay(dayNumber: number): IsoDate {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

function yearOfDay(dayNumber: number): number {
  return new Date(dayNumber * DAY_MS).getUTCFullYear();
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK_TIME = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Day number of a `YYYY-MM-DD` date; rejects impossible dates such as 2026-02-30. */
function dayNumberOfIso(date: IsoDate): number {
  const m = ISO_DATE.exec(date);
  if (m) {
    const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    if (isoDateOfDay(ms / DAY_MS) === date) return ms / DAY_MS;
  }
  throw new CalendarError('CALENDAR_INVALID', { date }, `"${date}" is not a valid YYYY-MM-DD date`);
}

/** Milliseconds after local midnight of `HH:MM` or `HH:MM:SS`; `24:00` is the end of the day. */
function clockTimeMs(time: ClockTime): number {
  const m = CLOCK_TIME.exec(time);
  if (m) {
    const ms = (Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3] ?? 0)) * 1000;
    if (Number(m[2]) < 60 && Number(m[3] ?? 0) < 60 && ms <= DAY_MS) return ms;
  }
  throw new CalendarError('CALENDAR_INVALID', { time }, `"${time}" is not a valid HH:MM time`);
}

function instantMs(date: Date, what: string): number {
  const ms = date instanceof Date ? date.getTime() : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new CalendarError('CALENDAR_INVALID_INSTANT', { what }, `${what} is not a valid Date`);
  }
  return ms;
}

/** The +07:00 calendar date of an instant, `YYYY-MM-DD`. */
export function vnDateOf(date: Date): IsoDate {
  return isoDateOfDay(dayNumberOf(instantMs(date, 'date')));
}

/** ISO 8601 with the +07:00 offset, e.g. "2026-02-23T07:00:00+07:00" (milliseconds only when non-zero). */
export function toVnIso(date: Date): string {
  const ms = instantMs(date, 'date');
  const iso = new Date(ms + VN_OFFSET_MS).toISOString();
  return `${iso.slice(0, 19)}${ms % 1000 === 0 ? '' : iso.slice(19, 23)}+07:00`;
}

/** The instant of a +07:00 wall-clock date and time (`HH:MM` or `HH:MM:SS`, default midnight). */
export function vnInstant(date: IsoDate, time: ClockTime = '00:00'): Date {
  return new Date(dayNumberOfIso(date) * DAY_MS + clockTimeMs(time) - VN_OFFSET_MS);
}

// ---------------------------------------------------------------------------------------------
// Building

interface PatternTable {
  readonly keys: Map<string, number>;
  readonly periods: Array<ReadonlyArray<readonly [number, number]>>;
}

/** Index of the office-hours pattern for these periods, validated (sorted, non-overlapping, non-empty). */
function patternIndex(table: PatternTable, periods: readonly OfficePeriod[], where: string): number {
  // Hours may come from stored JSON (per-unit hours), so the shape is checked, not trusted.
  if (!Array.isArray(periods)) throw invalid(`office hours of ${where} must be a list of periods`, { where });
  const spans: Array<readonly [number, number]> = [];
  let previousEnd = 0;
  for (const p of periods as readonly OfficePeriod[]) {
    const start = clockTimeMs(p.start);
    const end = clockTimeMs(p.end);
    if (!(start < end) || start < previousEnd) {
      throw new CalendarError('CALENDAR_INVALID', { where, period: `${p.start}-${p.end}` }, `office period ${p.start}-${p.end} of ${where} is empty, unsorted or overlapping`);
    }
    spans.push([start, end]);
    previousEnd = end;
  }
  const key = spans.map(([s, e]) => `${s}-${e}`).join(',');
  const known = table.keys.get(key);
  if (known !== undefined) return known;
  if (table.periods.length === 256) {
    throw new CalendarError('CALENDAR_INVALID', { where }, 'more than 256 distinct office-hours patterns');
  }
  table.keys.set(key, table.periods.length);
  table.periods.push(spans);
  return table.periods.length - 1;
}

function invalid(message: string, params: Record<string, unknown>): CalendarError {
  return new CalendarError('CALENDAR_INVALID', params, message);
}

/**
 * Compiles calendar data into typed arrays over the covered years (the contiguous `years` listed).
 * Years with status 'draft' (generated, or weekly rules only) are covered but make results provisional
 * (§19.9); any other year is refused with CALENDAR_NOT_AVAILABLE rather than guessed.
 */
export function buildCalendar(input: WorkingCalendarInput): WorkingCalendar {
  const weeklyHours = input.weeklyHours ?? DEFAULT_WEEKLY_HOURS;
  const years = [...input.years].sort((a, b) => a.year - b.year);
  if (years.length === 0) throw invalid('a calendar needs at least one year', { id: input.id });
  years.forEach((y, i) => {
    if (!Number.isInteger(y.year) || y.year < 1970 || y.year > 9999) throw invalid(`bad year ${y.year}`, { year: y.year });
    const prev = years[i - 1];
    if (prev && y.year !== prev.year + 1) {
      throw invalid(`covered years must be contiguous: ${prev.year} is followed by ${y.year}`, { year: y.year });
    }
  });
  const firstYear = years[0]!.year;
  const lastYear = years[years.length - 1]!.year;

  const table: PatternTable = { keys: new Map(), periods: [] };
  patternIndex(table, [], 'no office hours'); // pattern 0 = non-working day
  const weekdayPattern = [0, 0, 0, 0, 0, 0, 0, 0];
  for (const wd of [1, 2, 3, 4, 5, 6, 7] as const) {
    weekdayPattern[wd] = patternIndex(table, weeklyHours[wd], `ISO weekday ${wd}`);
  }
  // §19.3: "1 working day" = the standard day; Monday's periods define it (and make-up days reuse them).
  const standardPattern = weekdayPattern[1]!;
  const standardDayMs = table.periods[standardPattern]!.reduce((sum, [s, e]) => sum + e - s, 0);
  if (standardDayMs === 0) throw invalid('Monday must have office hours: it defines the standard working day', {});

  const firstDay = dayNumberOfIso(`${firstYear}-01-01`);
  const dayCount = dayNumberOfIso(`${lastYear + 1}-01-01`) - firstDay;
  const dayPattern = new Uint8Array(dayCount);
  const dayReason = new Int16Array(dayCount);
  const draft = new Uint8Array(dayCount);
  const reasons: string[] = [WEEKEND_REASON];
  const reasonIndex = new Map<string, number>([[WEEKEND_REASON, 0]]);
  for (let i = 0; i < dayCount; i++) {
    dayPattern[i] = weekdayPattern[isoWeekdayOf(firstDay + i)]!;
    dayReason[i] = dayPattern[i] === 0 ? 0 : -1;
  }

  const seen = new Map<number, string>();
  const place = (y: CalendarYear, date: IsoDate, what: string): number => {
    const dn = dayNumberOfIso(date);
    if (yearOfDay(dn) !== y.year) throw invalid(`${what} ${date} is listed under year ${y.year}`, { date });
    const clash = seen.get(dn);
    if (clash) throw invalid(`${date} is listed twice (${clash} and ${what})`, { date });
    seen.set(dn, what);
    return dn - firstDay;
  };
  for (const y of years) {
    if (y.status === 'draft') draft.fill(1, dayNumberOfIso(`${y.year}-01-01`) - firstDay, dayNumberOfIso(`${y.year + 1}-01-01`) - firstDay);
    for (const off of y.daysOff) {
      const i = place(y, off.date, 'day off');
      let r = reasonIndex.get(off.reason);
      if (r === undefined) {
        r = reasons.push(off.reason) - 1;
        if (r > 32_767) throw invalid('too many distinct day-off reasons', {});
        reasonIndex.set(off.reason, r);
      }
      dayPattern[i] = 0;
      dayReason[i] = r;
      if (off.status === 'draft') draft[i] = 1;
    }
    for (const make of y.makeUpDays) {
      const i = place(y, make.date, 'make-up day');
      // A make-up day only makes sense on a normally non-working date (§13.2: Saturdays worked).
      if (dayPattern[i] !== 0) throw invalid(`make-up day ${make.date} is already a working day`, { date: make.date });
      dayPattern[i] = make.periods ? patternIndex(table, make.periods, `make-up day ${make.date}`) : standardPattern;
      dayReason[i] = -1;
      if (make.status === 'draft') draft[i] = 1;
    }
  }

  const patternStride = Math.max(1, ...table.periods.map((p) => p.length));
  const patternCount = new Uint8Array(table.periods.length);
  const patternStart = new Int32Array(table.periods.length * patternStride);
  const patternEnd = new Int32Array(table.periods.length * patternStride);
  const patternTotal = table.periods.map((spans, p) => {
    patternCount[p] = spans.length;
    spans.forEach(([s, e], k) => {
      patternStart[p * patternStride + k] = s;
      patternEnd[p * patternStride + k] = e;
    });
    return spans.reduce((sum, [s, e]) => sum + e - s, 0);
  });
  const cumWork = new Float64Array(dayCount + 1);
  const cumDraft = new Int32Array(dayCount + 1);
  for (let i = 0; i < dayCount; i++) {
    cumWork[i + 1] = cumWork[i]! + patternTotal[dayPattern[i]!]!;
    cumDraft[i + 1] = cumDraft[i]! + draft[i]!;
  }

  return {
    id: input.id,
    firstYear,
    lastYear,
    standardDayMinutes: standardDayMs / MINUTE_MS,
    weeklyHours,
    years,
    firstDay,
    dayCount,
    dayPattern,
    cumWork,
    cumDraft,
    dayReason,
    reasons,
    patternStride,
    patternCount,
    patternStart,
    patternEnd,
  };
}

// ---------------------------------------------------------------------------------------------
// Core arithmetic on W (all in ms)

function notAvailable(cal: WorkingCalendar, year: number): CalendarError {
  return new CalendarError(
    'CALENDAR_NOT_AVAILABLE',
    { year, calendarId: cal.id, firstYear: cal.firstYear, lastYear: cal.lastYear },
    `working calendar "${cal.id}" has no data for ${year} (covers ${cal.firstYear}–${cal.lastYear}); publish that year first`,
  );
}

/** W(ms): working ms from the calendar's first day to the instant; throws outside the covered years. */
function workAt(cal: WorkingCalendar, ms: number): number {
  const local = ms + VN_OFFSET_MS;
  const dn = Math.floor(local / DAY_MS);
  const i = dn - cal.firstDay;
  const tod = local - dn * DAY_MS;
  if (i < 0 || i >= cal.dayCount) {
    if (i === cal.dayCount && tod === 0) return cal.cumWork[i]!; // the very end of the covered range
    throw notAvailable(cal, yearOfDay(dn));
  }
  let w = cal.cumWork[i]!;
  const p = cal.dayPattern[i]!;
  const base = p * cal.patternStride;
  const end = base + cal.patternCount[p]!;
  for (let k = base; k < end; k++) {
    const s = cal.patternStart[k]!;
    if (tod <= s) break;
    const e = cal.patternEnd[k]!;
    w += (tod < e ? tod : e) - s;
  }
  return w;
}

/**
 * Inverse of W: the earliest instant t with W(t) = target (so it lands at the END of a period rather
 * than at the next opening, §19.5). Requires cumWork[fromIndex] < target.
 */
function instantAtWork(cal: WorkingCalendar, target: number, fromIndex: number): number {
  const cum = cal.cumWork;
  if (target > cum[cal.dayCount]!) throw notAvailable(cal, cal.lastYear + 1);
  // Smallest i ≥ fromIndex with cum[i + 1] ≥ target: O(log days), about 11 steps for 3 years.
  let lo = fromIndex;
  let hi = cal.dayCount - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cum[mid + 1]! >= target) hi = mid;
    else lo = mid + 1;
  }
  let rest = target - cum[lo]!;
  const p = cal.dayPattern[lo]!;
  const base = p * cal.patternStride;
  const last = base + cal.patternCount[p]! - 1;
  for (let k = base; k < last; k++) {
    const len = cal.patternEnd[k]! - cal.patternStart[k]!;
    if (rest <= len) return (cal.firstDay + lo) * DAY_MS - VN_OFFSET_MS + cal.patternStart[k]! + rest;
    rest -= len;
  }
  return (cal.firstDay + lo) * DAY_MS - VN_OFFSET_MS + cal.patternStart[last]! + rest;
}

function dayIndexOf(cal: WorkingCalendar, ms: number): number {
  return dayNumberOf(ms) - cal.firstDay;
}

/** Start (ms) of the first office period of day index i, or -1 when the day has none. */
function firstPeriodStart(cal: WorkingCalendar, i: number): number {
  const p = cal.dayPattern[i]!;
  if (cal.patternCount[p] === 0) return -1;
  return (cal.firstDay + i) * DAY_MS - VN_OFFSET_MS + cal.patternStart[p * cal.patternStride]!;
}

/** End (ms) of the last office period of day index i, or -1 when the day has none. */
function lastPeriodEnd(cal: WorkingCalendar, i: number): number {
  const p = cal.dayPattern[i]!;
  const n = cal.patternCount[p]!;
  if (n === 0) return -1;
  return (cal.firstDay + i) * DAY_MS - VN_OFFSET_MS + cal.patternEnd[p * cal.patternStride + n - 1]!;
}

function normaliseStartMs(cal: WorkingCalendar, ms: number): number {
  workAt(cal, ms); // throws CALENDAR_NOT_AVAILABLE outside the covered years
  const i = dayIndexOf(cal, ms);
  if (i < cal.dayCount) {
    const tod = ms + VN_OFFSET_MS - (cal.firstDay + i) * DAY_MS;
    const p = cal.dayPattern[i]!;
    const base = p * cal.patternStride;
    for (let k = base; k < base + cal.patternCount[p]!; k++) {
      if (tod < cal.patternEnd[k]!) {
        const s = cal.patternStart[k]!;
        return tod >= s ? ms : ms - tod + s;
      }
    }
  }
  for (let j = i + 1; j < cal.dayCount; j++) {
    const s = firstPeriodStart(cal, j);
    if (s >= 0) return s;
  }
  throw notAvailable(cal, cal.lastYear + 1);
}

function checkMinutes(minutes: number): void {
  if (!(minutes >= 0) || !Number.isFinite(minutes)) {
    throw new CalendarError('CALENDAR_INVALID_DURATION', { minutes }, `duration must be finite and ≥ 0, got ${minutes}`);
  }
}

/**
 * Fast path: due instant (epoch ms) of `minutes` working minutes from `startMs`, without pauses; the
 * same arithmetic as addWorkingTime, with no allocation (for batch recomputation and the benchmark).
 */
export function addWorkingTimeMs(startMs: number, minutes: number, cal: WorkingCalendar): number {
  checkMinutes(minutes);
  const w = workAt(cal, startMs);
  if (minutes === 0) return startMs;
  return instantAtWork(cal, w + minutes * MINUTE_MS, dayNumberOf(startMs) - cal.firstDay);
}

// ---------------------------------------------------------------------------------------------
// Pauses

interface Interval {
  readonly from: number;
  /** Infinity for an open pause. */
  readonly to: number;
}

/** Pauses as sorted, disjoint intervals clipped to start at `notBefore` (overlaps never double-count). */
function mergePauses(pauses: readonly Pause[], notBefore: number): Interval[] {
  const raw: Interval[] = [];
  for (const p of pauses) {
    const from = instantMs(p.from, 'pause.from');
    const to = p.to === null ? Number.POSITIVE_INFINITY : instantMs(p.to, 'pause.to');
    if (to < from) {
      throw new CalendarError('CALENDAR_INVALID_PAUSE', { reason: p.reason }, `pause (${p.reason}) ends before it starts`);
    }
    const clipped = Math.max(from, notBefore);
    if (to > clipped) raw.push({ from: clipped, to });
  }
  raw.sort((a, b) => a.from - b.from);
  const merged: Interval[] = [];
  for (const iv of raw) {
    const last = merged[merged.length - 1];
    if (last && iv.from <= last.to) merged[merged.length - 1] = { from: last.from, to: Math.max(last.to, iv.to) };
    else merged.push(iv);
  }
  return merged;
}

/** Instant just past the covered range (00:00 on 1 January after lastYear, +07:00). */
function rangeEndMs(cal: WorkingCalendar): number {
  return (cal.firstDay + cal.dayCount) * DAY_MS - VN_OFFSET_MS;
}

// ---------------------------------------------------------------------------------------------
// Public operations

/** Working minutes of a working-days / working-hours duration (§19.3: 1 working day = the standard day). */
export function durationMinutes(duration: Duration, cal: WorkingCalendar): number {
  const { amount, unit } = duration;
  if (!(amount >= 0) || !Number.isFinite(amount)) {
    throw new CalendarError('CALENDAR_INVALID_DURATION', { amount, unit }, `duration amount must be finite and ≥ 0, got ${amount}`);
  }
  if (unit === 'working-days') return amount * cal.standardDayMinutes;
  if (unit === 'working-hours') return amount * 60;
  throw new CalendarError('CALENDAR_INVALID_DURATION', { unit }, `${unit} is not counted in working minutes`);
}

/** §19.4 (domain README): the clock starts at reception; outside office hours, at the start of the next working period. */
export function normaliseStart(instant: Date, cal: WorkingCalendar): Date {
  return new Date(normaliseStartMs(cal, instantMs(instant, 'instant')));
}

/**
 * Due instant of `duration` from reception `start`, with the clock stopped during `pauses`
 * (pause-and-shift, §19.6): working time inside any pause does not count, overlapping pauses count once.
 * - working-days / working-hours: §19.5, the earliest instant at which the elapsed working time equals
 *   the duration (5 working days from Monday 07:00 → Friday 17:00).
 * - calendar-days: see calendarDaysDue.
 * An open pause (to = null) that starts before the duration has elapsed makes the due instant unknown:
 * `due: null`. An open pause starting after that point does not change the due instant.
 */
export function addWorkingTime(start: Date, duration: Duration, cal: WorkingCalendar, pauses: readonly Pause[] = []): DueResult {
  const startMs = instantMs(start, 'start');
  const intervals = mergePauses(pauses, startMs);
  if (duration.unit === 'calendar-days') return calendarDaysDue(startMs, duration.amount, cal, intervals);

  const minutes = durationMinutes(duration, cal);
  const startW = workAt(cal, startMs);
  let target = startW + minutes * MINUTE_MS;
  if (minutes > 0) {
    const endMs = rangeEndMs(cal);
    for (const iv of intervals) {
      // A pause that starts once the work is done (in W terms) cannot delay it.
      if (iv.from >= endMs || workAt(cal, iv.from) >= target) break;
      if (iv.to === Number.POSITIVE_INFINITY) return unknownDue(cal, startMs, iv.from);
      target += workAt(cal, iv.to) - workAt(cal, iv.from);
    }
  }
  const dueMs = minutes > 0 ? instantAtWork(cal, target, dayIndexOf(cal, startMs)) : startMs;
  return dueResult(cal, startMs, dueMs);
}

/**
 * §5.3 calendar days ("N ngày"): the clock starts at the normalised reception instant (§19.4);
 * the due date is that date + N (plus the calendar time of any pause), and the due instant is the END
 * of office hours of that date if it is a working day, else of the next working day. Why the end of
 * office hours: a citizen must be able to collect the result during office hours of the last day. The
 * push to the next working day follows TH (§5.3) and the civil-code rule for periods in days (Bộ luật
 * Dân sự 2015 Điều 147–148, as in BLDS 2005 Điều 153: a period ending on a rest day or holiday ends
 * with the next working day), applied by analogy — not confirmed for TTHC in the domain brief.
 */
function calendarDaysDue(startMs: number, amount: number, cal: WorkingCalendar, intervals: readonly Interval[]): DueResult {
  if (!Number.isInteger(amount) || amount < 0) {
    throw new CalendarError('CALENDAR_INVALID_DURATION', { amount, unit: 'calendar-days' }, `calendar days must be a whole number ≥ 0, got ${amount}`);
  }
  const clockStart = normaliseStartMs(cal, startMs);
  let t = clockStart + amount * DAY_MS;
  for (const iv of intervals) {
    const from = Math.max(iv.from, clockStart);
    if (iv.to <= from) continue;
    if (from >= t) break;
    if (iv.to === Number.POSITIVE_INFINITY) return unknownDue(cal, startMs, from);
    t += iv.to - from;
  }
  let i = dayIndexOf(cal, t);
  if (i >= cal.dayCount) throw notAvailable(cal, yearOfDay(dayNumberOf(t)));
  while (cal.patternCount[cal.dayPattern[i]!] === 0) {
    i++;
    if (i === cal.dayCount) throw notAvailable(cal, cal.lastYear + 1);
  }
  return dueResult(cal, startMs, lastPeriodEnd(cal, i));
}

function unknownDue(cal: WorkingCalendar, startMs: number, pausedAtMs: number): DueResult {
  const a = dayIndexOf(cal, startMs);
  const b = Math.min(dayIndexOf(cal, pausedAtMs), cal.dayCount - 1);
  return { due: null, skipped: [], provisional: cal.cumDraft[b + 1]! - cal.cumDraft[a]! > 0 };
}

function dueResult(cal: WorkingCalendar, startMs: number, dueMs: number): DueResult {
  const a = dayIndexOf(cal, startMs);
  const b = Math.min(dayIndexOf(cal, dueMs), cal.dayCount - 1);
  const skipped: SkippedDate[] = [];
  for (let i = a + 1; i < b; i++) {
    const r = cal.dayReason[i]!;
    if (r >= 0) skipped.push({ date: isoDateOfDay(cal.firstDay + i), reason: cal.reasons[r]! });
  }
  return { due: new Date(dueMs), skipped, provisional: cal.cumDraft[b + 1]! - cal.cumDraft[a]! > 0 };
}

/**
 * Working minutes elapsed from `a` to `b` (negative if b < a), excluding working time inside pauses
 * (merged, so overlaps count once; an open pause runs to `b`). May be fractional for sub-minute instants.
 */
export function workingTimeBetween(a: Date, b: Date, cal: WorkingCalendar, pauses: readonly Pause[] = []): number {
  const aMs = instantMs(a, 'a');
  const bMs = instantMs(b, 'b');
  if (bMs < aMs) return -workingTimeBetween(b, a, cal, pauses);
  let w = workAt(cal, bMs) - workAt(cal, aMs);
  for (const iv of mergePauses(pauses, aMs)) {
    if (iv.from >= bMs) break;
    w -= workAt(cal, Math.min(iv.to, bMs)) - workAt(cal, iv.from);
  }
  return w / MINUTE_MS;
}

/**
 * §19.8 (domain README): late if finish > due; early if finish falls on a date before the due
 * instant's working day; otherwise on time. Does not need the due year to be covered.
 */
export function classifyFinish(finishedAt: Date, due: Date, cal: WorkingCalendar): FinishClass {
  const finishMs = instantMs(finishedAt, 'finishedAt');
  const dueMs = instantMs(due, 'due');
  if (finishMs > dueMs) return 'late';
  let dueDay = dayNumberOf(dueMs);
  // A due at exactly 00:00 closes a period ending at 24:00: it belongs to the previous working day.
  const prev = dueDay - 1 - cal.firstDay;
  if ((dueMs + VN_OFFSET_MS) % DAY_MS === 0 && prev >= 0 && prev < cal.dayCount && lastPeriodEnd(cal, prev) === dueMs) {
    dueDay -= 1;
  }
  return dayNumberOf(finishMs) < dueDay ? 'early' : 'on-time';
}

/**
 * Whether a span relies on draft data (§19.9): a draft year — e.g. a provisional year generated from the Labour Code
 * (Bộ luật Lao động 2019 Điều 112) because its official schedule is not published yet — or a draft entry lies on any
 * date from `from`'s to `to`'s. Dates past the covered years count as draft (nothing official covers them).
 */
export function isProvisionalSpan(from: Date, to: Date, cal: WorkingCalendar): boolean {
  const a = Math.max(0, dayIndexOf(cal, instantMs(from, 'from')));
  const b = dayIndexOf(cal, instantMs(to, 'to'));
  if (b >= cal.dayCount) return true;
  if (b < a) return false;
  return cal.cumDraft[b + 1]! - cal.cumDraft[a]! > 0;
}

/** One date as the calendar sees it: office periods (HH:MM), or the reason it is not worked. */
export interface CalendarDay {
  readonly date: IsoDate;
  readonly working: boolean;
  /** 'weekend' or the day-off reason when not working; null on working days. */
  readonly reason: string | null;
  readonly periods: readonly OfficePeriod[];
  readonly provisional: boolean;
}

function clockOf(msOfDay: number): ClockTime {
  if (msOfDay === DAY_MS) return '24:00';
  return new Date(msOfDay).toISOString().slice(11, msOfDay % MINUTE_MS === 0 ? 16 : 19);
}

/** Describes one covered date (for slips, admin screens and tests); throws outside the covered years. */
export function describeDay(date: IsoDate, cal: WorkingCalendar): CalendarDay {
  const i = dayNumberOfIso(date) - cal.firstDay;
  if (i < 0 || i >= cal.dayCount) throw notAvailable(cal, Number(date.slice(0, 4)));
  const p = cal.dayPattern[i]!;
  const periods: OfficePeriod[] = [];
  for (let k = p * cal.patternStride; k < p * cal.patternStride + cal.patternCount[p]!; k++) {
    periods.push({ start: clockOf(cal.patternStart[k]!), end: clockOf(cal.patternEnd[k]!) });
  }
  const r = cal.dayReason[i]!;
  return {
    date,
    working: periods.length > 0,
    reason: r >= 0 ? cal.reasons[r]! : null,
    periods,
    provisional: cal.cumDraft[i + 1]! - cal.cumDraft[i]! > 0,
  };
}

/** Whether two calendars give `dayNumber` the same office periods (a date neither covers counts as the same). */
function sameWorkingDay(a: WorkingCalendar, b: WorkingCalendar, dayNumber: number): boolean {
  const i = dayNumber - a.firstDay;
  const j = dayNumber - b.firstDay;
  const inA = i >= 0 && i < a.dayCount;
  const inB = j >= 0 && j < b.dayCount;
  if (!inA || !inB) return inA === inB;
  const pa = a.dayPattern[i]!;
  const pb = b.dayPattern[j]!;
  const n = a.patternCount[pa]!;
  if (n !== b.patternCount[pb]) return false;
  for (let k = 0; k < n; k++) {
    if (a.patternStart[pa * a.patternStride + k] !== b.patternStart[pb * b.patternStride + k]) return false;
    if (a.patternEnd[pa * a.patternStride + k] !== b.patternEnd[pb * b.patternStride + k]) return false;
  }
  return true;
}

/**
 * The dates whose working time differs between two calendars, as instants: from 00:00 of the first to 00:00 after the
 * last (+07:00); null when none differs. A date only one of them covers differs, and so does every covered date when
 * the standard day (Monday's hours, the length of "1 working day") differs. A due instant depends only on the dates
 * from reception to itself (addWorkingTime reads no other), so one counted wholly outside this span is the same on both.
 */
export function differingSpan(a: WorkingCalendar | null, b: WorkingCalendar | null): { from: Date; to: Date } | null {
  const cals = [a, b].filter((c): c is WorkingCalendar => c !== null);
  if (cals.length === 0) return null;
  const first = Math.min(...cals.map((c) => c.firstDay));
  const end = Math.max(...cals.map((c) => c.firstDay + c.dayCount));
  const span = (from: number, to: number) => ({ from: new Date(from * DAY_MS - VN_OFFSET_MS), to: new Date(to * DAY_MS - VN_OFFSET_MS) });
  if (!a || !b || a.standardDayMinutes !== b.standardDayMinutes) return span(first, end);
  let lo = -1;
  let hi = -1;
  for (let dn = first; dn < end; dn++) {
    if (sameWorkingDay(a, b, dn)) continue;
    if (lo < 0) lo = dn;
    hi = dn;
  }
  return lo < 0 ? null : span(lo, hi + 1);
}
