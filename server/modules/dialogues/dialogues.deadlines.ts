// Commitment deadlines, all through platform/calendar (house rule: no working-time maths elsewhere), on the same
// published working-time calendar dossiers and feedback use (domain README §13, §19 rows 2–5).
import { addWorkingTime, endOfWorkingDay, isWithinWorkingDays, type IsoDate, type WorkingCalendar } from '../../platform/calendar';
import { getPublishedCalendar } from '../../platform/calendar/store';
import type { Db } from '../../platform/db/database';

/** The calendar a commitment is counted on: its owner unit's office hours if the unit has its own (§19.2), else the province's. */
export function calendarOfUnit(db: Db, unitCode: string): Promise<WorkingCalendar> {
  return getPublishedCalendar(db, { orgUnitCode: unitCode });
}

/** Working minutes of `days` working days (§19.3: one working day is the calendar's standard day, 8 hours). */
export const minutesOfDays = (days: number, cal: WorkingCalendar): number => days * cal.standardDayMinutes;

/**
 * §19.4–19.5: the due instant of `minutes` of working time from `start` (outside office hours the clock starts with the
 * next working period), the earliest instant at which that much working time has elapsed.
 */
export function dueAfter(start: Date, minutes: number, cal: WorkingCalendar): Date {
  return addWorkingTime(start, { amount: minutes / 60, unit: 'working-hours' }, cal).due!;
}

/** A commitment promised for a date is due at the end of that date's office hours; on a day off, at the end of the next working day's. */
export const dueOnDate = (date: IsoDate, cal: WorkingCalendar): Date => endOfWorkingDay(date, cal);

/** True when `days` working days or fewer are left before the due instant (the reminder's moment). */
export const isDueWithin = isWithinWorkingDays;
