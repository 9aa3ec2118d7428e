// Deadlines counted in whole working days or ending on a date, shared by every module that promises "by the end of a
// working day" (documents, dialogues' commitments, reform-plan tasks) instead of a copy in each.
import { describeDay, vnDateOf, vnInstant, workingTimeBetween } from './calendar.engine';
import type { IsoDate, WorkingCalendar } from './calendar.types';

/** At most this many days are looked through for the next working day (the longest run of days off, Tết, is 9). */
const MAX_DAYS_OFF = 31;

function nextDate(date: IsoDate): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/**
 * The end of `date`'s office hours; on a day off, the end of the next working day's — a period ending on a rest day or
 * holiday ends with the next working day (Bộ luật Dân sự 2015 Điều 148, by analogy, as the engine counts calendar days).
 */
export function endOfWorkingDay(date: IsoDate, cal: WorkingCalendar): Date {
  let day = date;
  for (let i = 0; i < MAX_DAYS_OFF; i++) {
    const last = describeDay(day, cal).periods.at(-1);
    if (last) return vnInstant(day, last.end === '24:00' ? '23:59' : last.end);
    day = nextDate(day);
  }
  throw new Error(`no working day within ${MAX_DAYS_OFF} days of ${date}`);
}

/** The `n`-th working day after the (+07:00) day of `from`, that day itself not counted. */
export function nthWorkingDayAfter(from: Date, n: number, cal: WorkingCalendar): IsoDate {
  let day = vnDateOf(from);
  let counted = 0;
  for (let i = 0; i < n * 7 + MAX_DAYS_OFF * 2; i++) {
    day = nextDate(day);
    if (describeDay(day, cal).working) counted++;
    if (counted === n) return day;
  }
  throw new Error(`no ${n} working days after ${vnDateOf(from)}`);
}

/** True when `days` working days or fewer (§19.3: a working day is the calendar's standard day) are left before `due`. */
export function isWithinWorkingDays(now: Date, due: Date, days: number, cal: WorkingCalendar): boolean {
  return workingTimeBetween(now, due, cal) <= days * cal.standardDayMinutes;
}
