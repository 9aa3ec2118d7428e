/** Legal calendar date in Asia/Ho_Chi_Minh, `YYYY-MM-DD`. */
export type IsoDate = string;

/** Wall-clock time in Asia/Ho_Chi_Minh, `HH:MM` (24 h; `24:00` allowed as a period end). */
export type ClockTime = string;

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** One office-hours period of a day, `start` inclusive, `end` exclusive for reception. */
export interface OfficePeriod {
  readonly start: ClockTime;
  readonly end: ClockTime;
}

/** Office hours per ISO weekday; an empty list is a weekly rest day. */
export type WeeklyOfficeHours = Readonly<Record<IsoWeekday, readonly OfficePeriod[]>>;

/** `draft` = proposed by the generator or weekly rules only, not yet checked against the yearly notice (§19.9). */
export type EntryStatus = 'official' | 'draft';

/** Why a date is off; `swap` = moved by a hoán đổi notice, `compensatory` = nghỉ bù under BLLĐ 2019 art. 111(3). */
export type DayOffKind = 'holiday' | 'tet' | 'compensatory' | 'swap' | 'other';

/** A date on which no office hours apply, with its legal reference. */
export interface DayOff {
  readonly date: IsoDate;
  readonly kind: DayOffKind;
  /** Shown to users and listed in `skipped` (Vietnamese). */
  readonly reason: string;
  /** Legal reference text, e.g. "Thông báo 9441/TB-BNV ngày 16/10/2025". */
  readonly reference: string;
  readonly status?: EntryStatus;
  readonly note?: string;
}

/** A normally non-working date that is worked (ngày làm bù), e.g. a Saturday swapped for a bridge day. */
export interface MakeUpWorkingDay {
  readonly date: IsoDate;
  readonly reason: string;
  readonly reference: string;
  /** Defaults to the standard weekday (Monday) periods. */
  readonly periods?: readonly OfficePeriod[];
  readonly status?: EntryStatus;
  readonly note?: string;
}

/** One covered year of a working calendar: the days off and make-up days beyond the weekly rule. */
export interface CalendarYear {
  readonly year: number;
  /** A year (or any of its entries) in `draft` makes results touching it `provisional`. */
  readonly status: EntryStatus;
  readonly daysOff: readonly DayOff[];
  readonly makeUpDays: readonly MakeUpWorkingDay[];
  /** Notices this year was taken from. */
  readonly sources?: readonly string[];
}

/** Data a working calendar is built from; the listed years (contiguous) are the covered range. */
export interface WorkingCalendarInput {
  /** e.g. the province or unit the calendar belongs to; appears in error messages. */
  readonly id: string;
  /** Defaults to DEFAULT_WEEKLY_HOURS (§19.2). */
  readonly weeklyHours?: WeeklyOfficeHours;
  readonly years: readonly CalendarYear[];
}

/**
 * Compiled calendar: day numbers are days since 1970-01-01 in +07:00; arrays are indexed by
 * `dayNumber - firstDay`. Treat as opaque outside platform/calendar.
 */
export interface WorkingCalendar {
  readonly id: string;
  readonly firstYear: number;
  readonly lastYear: number;
  /** Working minutes of the standard day (Monday's periods): "1 working day" (§19.3). */
  readonly standardDayMinutes: number;
  readonly weeklyHours: WeeklyOfficeHours;
  readonly years: readonly CalendarYear[];
  /** Day number of 1 January of `firstYear`. */
  readonly firstDay: number;
  readonly dayCount: number;
  /** Office-hours pattern index of each day. */
  readonly dayPattern: Uint8Array;
  /** cumWork[i] = working ms in days [0, i); length dayCount + 1. */
  readonly cumWork: Float64Array;
  /** cumDraft[i] = number of draft days in [0, i); length dayCount + 1. */
  readonly cumDraft: Int32Array;
  /** Index into `reasons` of each non-working day, -1 for working days. */
  readonly dayReason: Int16Array;
  readonly reasons: readonly string[];
  /** Periods per pattern (stride); pattern p's period k is at p * stride + k. */
  readonly patternStride: number;
  readonly patternCount: Uint8Array;
  /** Period start / end in ms after local midnight. */
  readonly patternStart: Int32Array;
  readonly patternEnd: Int32Array;
}

/** How a statutory duration is counted (§5.3, §19.3). */
export type DurationUnit = 'working-days' | 'working-hours' | 'calendar-days';

/** A statutory processing time, e.g. `{ amount: 5, unit: 'working-days' }`. */
export interface Duration {
  readonly amount: number;
  readonly unit: DurationUnit;
}

/** Why the clock stopped (§5.4, §19.6); free text allowed for procedure-specific reasons. */
export type PauseReason = 'supplement' | 'inter-agency' | 'financial-obligation' | (string & {});

/** An interval during which the clock is stopped; `to: null` = still paused. */
export interface Pause {
  readonly from: Date;
  readonly to: Date | null;
  readonly reason: PauseReason;
}

/** A non-working date passed over by a deadline, with 'weekend' or the day-off reason. */
export interface SkippedDate {
  readonly date: IsoDate;
  readonly reason: string;
}

/** Result of a due computation. */
export interface DueResult {
  /** null ⇔ an open pause stopped the clock before the duration elapsed (due unknown). */
  readonly due: Date | null;
  /** Non-working dates strictly between the reception date and the due date ([] when due is null). */
  readonly skipped: SkippedDate[];
  /** True when a draft year (or draft entry) lies between the reception date and the due date. */
  readonly provisional: boolean;
}

/** §19.8 classification of a finished dossier. */
export type FinishClass = 'early' | 'on-time' | 'late';
