// Task deadlines, all through platform/calendar (house rule: no working-time maths elsewhere), on the lead unit's
// published working-time calendar (domain README §13, §19), as dialogues' commitments are counted.
import { describeDay, vnInstant, workingTimeBetween, type IsoDate, type WorkingCalendar } from '../../platform/calendar';
import { getPublishedCalendar } from '../../platform/calendar/store';
import type { Db } from '../../platform/db/database';

/** The calendar a task is counted on: its lead unit's office hours if the unit has its own (§19.2), else the province's. */
export function calendarOfUnit(db: Db, unitCode: string): Promise<WorkingCalendar> {
  return getPublishedCalendar(db, { orgUnitCode: unitCode });
}

/** At most this many days are looked through for the next working day (the longest run of days off, Tết, is 9). */
const MAX_DAYS_OFF = 31;

/**
 * A task due on a date is due at the end of that date's office hours; on a day off, at the end of the next working
 * day's — a period ending on a rest day or holiday ends with the next working day (Bộ luật Dân sự 2015 Điều 148, by
 * analogy, as the calendar engine and dialogues' commitments count it).
 */
export function dueOnDate(date: IsoDate, cal: WorkingCalendar): Date {
  let day = date;
  for (let i = 0; i < MAX_DAYS_OFF; i++) {
    const d = describeDay(day, cal);
    const last = d.periods.at(-1);
    if (last) return vnInstant(day, last.end === '24:00' ? '23:59' : last.end);
    day = nextDate(day);
  }
  throw new Error(`no working day within ${MAX_DAYS_OFF} days of ${date}`);
}

function nextDate(date: IsoDate): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** True when `days` working days or fewer are left before the due instant (the at-risk list's horizon). */
export function isDueWithin(now: Date, due: Date, days: number, cal: WorkingCalendar): boolean {
  return workingTimeBetween(now, due, cal) <= days * cal.standardDayMinutes;
}
