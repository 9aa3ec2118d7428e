// Deadline arithmetic of a dossier, all through platform/calendar (house rule: no working-time maths elsewhere).
import {
  addWorkingTime,
  addWorkingTimeMs,
  CalendarError,
  classifyFinish,
  durationMinutes,
  isProvisionalSpan,
  workingTimeBetween,
  type Duration,
  type FinishClass,
  type Pause,
  type WorkingCalendar,
} from '../../platform/calendar';
import { getPublishedCalendar, getPublishedCalendars, isNothingPublished, type PublishedCalendars } from '../../platform/calendar/store';
import type { Db } from '../../platform/db/database';
import type { Badge, Classification, DossierState } from '../../../contracts/dossiers/dossiers.contracts';
import { PAUSED_STATES, RUNNING_STATES } from './dossiers.workflow';

/** The published calendar a dossier's deadlines use: the receiving unit's office hours if it has its own (§19.2). */
export function calendarOf(db: Db, unitCode: string | null): Promise<WorkingCalendar> {
  return getPublishedCalendar(db, { orgUnitCode: unitCode });
}

/** The published calendars by unit code, from one read (for a caller that learns the unit later); see getPublishedCalendars. */
export function calendarsOf(db: Db, options: { trustCache?: boolean } = {}): Promise<PublishedCalendars> {
  return getPublishedCalendars(db, options);
}

/** A per-request cache of calendars by unit code (lists touch many dossiers). */
export function calendarCache(db: Db): (unitCode: string | null) => Promise<WorkingCalendar> {
  const cache = new Map<string, Promise<WorkingCalendar>>();
  return (unitCode) => {
    const key = unitCode ?? '';
    let hit = cache.get(key);
    if (!hit) {
      hit = calendarOf(db, unitCode);
      cache.set(key, hit);
    }
    return hit;
  };
}

/**
 * The calendar a load gives, or null when the province has published no calendar year at all (CALENDAR_NOT_PUBLISHED):
 * a read then shows the stored due instants without the figures derived from working time. Any other failure (the
 * database, a calendar that does not compile) propagates: a deadline figure is never silently dropped.
 */
export async function calendarOrNone(load: Promise<WorkingCalendar>): Promise<WorkingCalendar | null> {
  try {
    return await load;
  } catch (err) {
    if (isNothingPublished(err)) return null;
    throw err;
  }
}

/**
 * Whether the dossier's appointment relies on a year whose official calendar is not published yet (counted on the
 * statutory calendar of Bộ luật Lao động 2019 Điều 112, see platform/calendar/store PROVISIONAL_YEARS). Without any
 * published calendar nothing official backs it, so it is provisional. Same rule as the lookup's stored view.
 */
export function dueProvisionalOf(row: { receivedAt: Date; dueAt: Date; extendedDueAt: Date | null }, cal: WorkingCalendar | null): boolean {
  if (!cal) return true;
  const last = row.extendedDueAt && row.extendedDueAt > row.dueAt ? row.extendedDueAt : row.dueAt;
  return isProvisionalSpan(row.receivedAt, last, cal);
}

/** A stored pause as the engine sees it. */
export interface PauseLike {
  fromAt: Date;
  toAt: Date | null;
  reason: string;
}

export const toPauses = (rows: readonly PauseLike[]): Pause[] => rows.map((p) => ({ from: p.fromAt, to: p.toAt, reason: p.reason }));

/**
 * §19.4–19.6: the due instant of `duration` from reception with the clock stopped during pauses (pause-and-shift);
 * null while a pause that started before the due instant is still open.
 */
export function dueOf(receivedAt: Date, duration: Duration, cal: WorkingCalendar, pauses: readonly Pause[] = []): Date | null {
  return addWorkingTime(receivedAt, duration, cal, pauses).due;
}

/** Due instant of a hop's budget (working minutes) from its start; null when the step has no budget. */
export function hopDueOf(startedAt: Date, budgetMinutes: number | null, cal: WorkingCalendar, pauses: readonly Pause[] = []): Date | null {
  if (budgetMinutes === null) return null;
  if (pauses.length === 0) return new Date(addWorkingTimeMs(startedAt.getTime(), budgetMinutes, cal));
  return addWorkingTime(startedAt, { amount: budgetMinutes / 60, unit: 'working-hours' }, cal, pauses).due;
}

/**
 * The working time a dossier took from reception to its result with its pauses left out (§19.4–19.6), and the time
 * its duration allows, both in whole working minutes — what the indicators average against each other. Null where it
 * cannot be counted: a calendar that does not cover the span, or a duration in calendar days (no working minutes).
 */
export function workingTimeUsed(
  input: { receivedAt: Date; finishedAt: Date; duration: Duration },
  cal: WorkingCalendar,
  pauses: readonly Pause[],
): { usedWorkingMinutes: number | null; allowedWorkingMinutes: number | null } {
  const used = workingMinutesBetween(input.receivedAt, input.finishedAt, cal, pauses);
  const allowed = input.duration.unit === 'calendar-days' ? null : durationMinutes(input.duration, cal);
  return { usedWorkingMinutes: used === null ? null : Math.max(0, Math.round(used)), allowedWorkingMinutes: allowed === null ? null : Math.round(allowed) };
}

/** Moves an instant later by `minutes` of working time (an extended due shifted by a pause). */
export function shiftByWorkingMinutes(at: Date, minutes: number, cal: WorkingCalendar): Date {
  return minutes <= 0 ? at : new Date(addWorkingTimeMs(at.getTime(), minutes, cal));
}

/** Working minutes from `a` to `b` minus paused time; null when the calendar does not cover the interval. */
export function workingMinutesBetween(a: Date, b: Date, cal: WorkingCalendar, pauses: readonly Pause[] = []): number | null {
  try {
    return workingTimeBetween(a, b, cal, pauses);
  } catch (err) {
    if (err instanceof CalendarError) return null;
    throw err;
  }
}

/** §19.8 classification of a finish against a due instant; a hop without a due has none. */
export function classify(finishedAt: Date, due: Date | null, cal: WorkingCalendar): FinishClass | null {
  return due ? classifyFinish(finishedAt, due, cal) : null;
}

/** The hop a risk assessment looks at: the open step hop. */
export interface OpenHop {
  startedAt: Date;
  budgetMinutes: number | null;
}

/**
 * At risk (issue rule): the working time left to the effective due is less than what the remaining steps are
 * budgeted — the open hop's unspent budget plus the budgets of the handling steps after it. Null when it cannot
 * be computed (the due or now lies outside the published calendar).
 */
export function isAtRisk(input: { now: Date; effectiveDue: Date; cal: WorkingCalendar; pauses: readonly Pause[]; openHop: OpenHop | null; laterBudgets: number }): boolean | null {
  const remaining = workingMinutesBetween(input.now, input.effectiveDue, input.cal);
  if (remaining === null) return null;
  let hopLeft = 0;
  if (input.openHop?.budgetMinutes != null) {
    const spent = workingMinutesBetween(input.openHop.startedAt, input.now, input.cal, input.pauses);
    if (spent === null) return null;
    hopLeft = Math.max(0, input.openHop.budgetMinutes - spent);
  }
  return remaining < hopLeft + input.laterBudgets;
}

/** Remaining working minutes to the effective due (negative when overdue); null when paused, finished or not computable. */
export function remainingOf(state: DossierState, now: Date, effectiveDue: Date, cal: WorkingCalendar | null): number | null {
  if (!RUNNING_STATES.includes(state) || !cal) return null;
  const m = workingMinutesBetween(now, effectiveDue, cal);
  return m === null ? null : Math.round(m);
}

/** The deadline badge a queue row shows. */
export function badgeOf(input: {
  state: DossierState;
  classification: Classification | null;
  now: Date;
  effectiveDue: Date;
  atRisk: boolean;
  remaining: number | null;
  standardDayMinutes: number;
}): Badge {
  const { state } = input;
  if (state === 'WITHDRAWN' || state === 'STOPPED') return 'closed';
  if (state === 'DONE' || state === 'RETURNED') return input.classification ?? 'on-time';
  if (PAUSED_STATES.includes(state)) return 'paused';
  if (input.now.getTime() > input.effectiveDue.getTime()) return 'overdue';
  if (input.atRisk) return 'at-risk';
  if (input.remaining !== null && input.remaining <= input.standardDayMinutes) return 'due-soon';
  return 'on-track';
}
