// Deadlines of incoming documents, all through platform/calendar (house rule: no working-time maths elsewhere), on the
// body's published working-time calendar (domain README §13, §19 rows 2–5), as dialogues counts its commitments.
import { endOfWorkingDay, isWithinWorkingDays, nthWorkingDayAfter, type IsoDate, type WorkingCalendar } from '../../platform/calendar';
import { getPublishedCalendar } from '../../platform/calendar/store';
import type { Db } from '../../platform/db/database';

/** The calendar a document's deadlines are counted on: its unit's office hours if it has its own (§19.2), else the province's. */
export function calendarOfUnit(db: Db, unitCode: string): Promise<WorkingCalendar> {
  return getPublishedCalendar(db, { orgUnitCode: unitCode });
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
export const isDueWithin = isWithinWorkingDays;
