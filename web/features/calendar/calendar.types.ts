// Types come from the shared contract (type-only, so no server or zod code reaches the bundle).
import type { DayOffKind, DurationUnit } from '../../../contracts/calendar/calendar.contracts';

export type {
  CalendarEntry,
  CalendarStatusResponse,
  CalendarYearDetail,
  CalendarYearSummary,
  ChangedDay,
  DayOffKind,
  DueResponse,
  DurationUnit,
  EntryRequest,
  ImpactResponse,
  ListUnitHoursResponse,
  ListYearsResponse,
  OfficeHoursResponse,
  OfficePeriod,
  SkippedDay,
  UnitHours,
  WeeklyHours,
  YearResponse,
} from '../../../contracts/calendar/calendar.contracts';

/** Units a processing time is counted in (mirrors the contract's enum). */
export const DURATION_UNITS = ['working-days', 'working-hours', 'calendar-days'] as const satisfies readonly DurationUnit[];

/** Kinds of day off, in display order. */
export const DAY_OFF_KINDS = ['holiday', 'tet', 'compensatory', 'swap', 'other'] as const satisfies readonly DayOffKind[];

/** ISO weekdays as the API keys them: "1" = Monday … "7" = Sunday. */
export const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;

/** Policy actions the calendar screens check (from calendar.policy.ts). */
export const CALENDAR_ACTIONS = { read: 'calendar.read', manage: 'calendar.manage' } as const;
