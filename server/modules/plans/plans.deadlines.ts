// Task deadlines, all through platform/calendar (house rule: no working-time maths elsewhere), on the lead unit's
// published working-time calendar (domain README §13, §19), as dialogues' commitments are counted.
import { endOfWorkingDay, isWithinWorkingDays, type IsoDate, type WorkingCalendar } from '../../platform/calendar';
import { getPublishedCalendar } from '../../platform/calendar/store';
import type { Db } from '../../platform/db/database';

/** The calendar a task is counted on: its lead unit's office hours if the unit has its own (§19.2), else the province's. */
export function calendarOfUnit(db: Db, unitCode: string): Promise<WorkingCalendar> {
  return getPublishedCalendar(db, { orgUnitCode: unitCode });
}

/** A task due on a date is due at the end of that date's office hours; on a day off, at the end of the next working day's. */
export const dueOnDate = (date: IsoDate, cal: WorkingCalendar): Date => endOfWorkingDay(date, cal);

/** True when `days` working days or fewer are left before the due instant (the at-risk list's horizon). */
export const isDueWithin = isWithinWorkingDays;
