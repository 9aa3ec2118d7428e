// Answer deadlines of feedback items, all through platform/calendar (house rule: no working-time maths elsewhere), on
// the same published working-time calendar dossiers use (domain README §13, §19 rows 2–6).
import { addWorkingTime, workingTimeBetween, type Pause, type WorkingCalendar } from '../../platform/calendar';
import { getPublishedCalendar } from '../../platform/calendar/store';
import type { Db } from '../../platform/db/database';
import type { FeedbackDeadlineDays } from './feedback.config';
import type { FeedbackPauseRow } from './feedback.repository';
import type { DeadlineRule } from '../../../contracts/feedback/feedback.contracts';

/** The calendar an item's deadline is counted on: its unit's office hours if the unit has its own (§19.2), else the province's. */
export function calendarOfUnit(db: Db, unitCode: string): Promise<WorkingCalendar> {
  return getPublishedCalendar(db, { orgUnitCode: unitCode });
}

/**
 * Working days a rule allows (§8, the example of Bắc Ninh QĐ 80/2025 Điều 9: 05 within the unit's competence, 07 when
 * several agencies are involved, an appointment of at most 10), as the province configured them.
 */
export function daysOf(rule: DeadlineRule, days: FeedbackDeadlineDays): number {
  return rule === 'competence' ? days.competence : rule === 'inter-agency' ? days.interAgency : days.appointmentMax;
}

/** Working minutes of `days` working days (§19.3: one working day is the calendar's standard day, 8 hours). */
export const minutesOfDays = (days: number, cal: WorkingCalendar): number => days * cal.standardDayMinutes;

/** The stored pauses as the engine sees them. */
export const toPauses = (rows: readonly Pick<FeedbackPauseRow, 'fromAt' | 'toAt'>[]): Pause[] => rows.map((p) => ({ from: p.fromAt, to: p.toAt, reason: 'info-request' }));

/**
 * §19.4–19.6: the due instant of `minutes` of working time from the clock's start, the clock stopped during the pauses
 * (pause-and-shift: a reply adds the working time the item waited); null while a pause opened before the due is open.
 * Pauses before the clock's start (an earlier round, before a reopening) do not count.
 */
export function dueOf(clockStartedAt: Date, minutes: number, cal: WorkingCalendar, pauses: readonly Pause[] = []): Date | null {
  return addWorkingTime(clockStartedAt, { amount: minutes / 60, unit: 'working-hours' }, cal, pauses).due;
}

/**
 * The working minutes from the clock's start to an appointment, pauses left out (whole minutes: instants are given to
 * the minute and office periods start and end on minutes).
 */
export function minutesUntil(clockStartedAt: Date, due: Date, cal: WorkingCalendar, pauses: readonly Pause[] = []): number {
  return Math.round(workingTimeBetween(clockStartedAt, due, cal, pauses));
}

/** True when fewer than one standard working day of working time is left before the due instant (the reminder's moment). */
export function isDueWithinADay(now: Date, due: Date, cal: WorkingCalendar): boolean {
  return workingTimeBetween(now, due, cal) <= cal.standardDayMinutes;
}
