export type {
  CalendarYear,
  ClockTime,
  DayOff,
  DayOffKind,
  DueResult,
  Duration,
  DurationUnit,
  EntryStatus,
  FinishClass,
  IsoDate,
  IsoWeekday,
  MakeUpWorkingDay,
  OfficePeriod,
  Pause,
  PauseReason,
  SkippedDate,
  WeeklyOfficeHours,
  WorkingCalendar,
  WorkingCalendarInput,
} from './calendar.types';
export { CalendarError, type CalendarErrorCode } from './calendar.errors';
export {
  DEFAULT_WEEKLY_HOURS,
  addWorkingTime,
  addWorkingTimeMs,
  buildCalendar,
  classifyFinish,
  describeDay,
  differingSpan,
  isProvisionalSpan,
  durationMinutes,
  normaliseStart,
  toVnIso,
  vnDateOf,
  vnInstant,
  workingTimeBetween,
  type CalendarDay,
} from './calendar.engine';
export { endOfWorkingDay, isWithinWorkingDays, nthWorkingDayAfter } from './working-days';
export { createLunarCalendar, type LunarCalendar } from './lunar';
export { DRAFT_NOTE, LABOR_CODE_ART_111_3, LABOR_CODE_ART_112, generateDraftYear } from './holiday-generator';
export { LETTER_12729_2025, NOTICE_1570_2024, NOTICE_5015_2023, NOTICE_6150_2024, NOTICE_9441_2025, OFFICIAL_YEARS } from './official-years';
export { formatCompactVnTime, parseCompactVnTime } from './compact-time';
export { instantText } from './instant-text';
