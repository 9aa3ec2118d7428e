// Deadlines of incoming documents, all through platform/calendar (house rule: no working-time maths elsewhere), on the
// body's published working-time calendar (domain README §13, §19 rows 2–5), as dialogues counts its commitments.
import { describeDay, vnDateOf, vnInstant, workingTimeBetween, type IsoDate, type WorkingCalendar } from '../../platform/calendar';
import { getPublishedCalendar } from '../../platform/calendar/store';
import type { Db } from '../../platform/db/database';

/** The calendar a document's deadlines are counted on: its unit's office hours if it has its own (§19.2), else the province's. */
export function calendarOfUnit(db: Db, unitCode: string): Promise<WorkingCalendar> {
  return getPublishedCalendar(db, { orgUnitCode: unitCode });
}

/** At most this many days are looked through for the next working day (the longest run of days off, Tết, is 9). */
const MAX_DAYS_OFF = 31;

function nextDate(date: IsoDate): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** The end of `date`'s office hours (17:00 by default); on a day off, the end of the next working day's. */
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

/**
 * NĐ 30/2020/NĐ-CP Điều 22: an incoming document is presented to the leader the day it arrives, no later than the next
 * working day: due at the end of the next working day's office hours.
 */
export const presentationDue = (receivedAt: Date, cal: WorkingCalendar): Date => endOfWorkingDay(nthWorkingDayAfter(receivedAt, 1, cal), cal);

/** A handling deadline of `days` working days from the assignment: the end of office hours (17:00) of the last of them. */
export const dueAfterWorkingDays = (assignedAt: Date, days: number, cal: WorkingCalendar): Date => endOfWorkingDay(nthWorkingDayAfter(assignedAt, days, cal), cal);

/**
 * A handling deadline given as a date: the end of that day's office hours; a day off moves it to the next working day,
 * by analogy with Bộ luật Dân sự 2015 Điều 148 (a period ending on a rest day ends with the next working day).
 */
export const dueOnDate = (date: IsoDate, cal: WorkingCalendar): Date => endOfWorkingDay(date, cal);

/** True when `days` working days or fewer are left before the due instant (the reminder's moment). */
export function isDueWithin(now: Date, due: Date, days: number, cal: WorkingCalendar): boolean {
  return workingTimeBetween(now, due, cal) <= days * cal.standardDayMinutes;
}
