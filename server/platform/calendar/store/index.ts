import './calendar.events';
import { calendarPolicies } from './calendar.policy';
import { calendarMessages } from './calendar.messages';
import type { ModuleManifest } from '../../http/module';
import { calendarRoutes } from './calendar.routes';
import { seedCalendarDemo } from './calendar.seed';

export type { CalendarChange, CalendarChangedEvent } from './calendar.events';
export { dueMoves } from './calendar.moves';
export { registerCalendarImpactProvider, type CalendarImpactProvider } from './calendar.impact';
export {
  CALENDAR_REVISION_SQL,
  getPublishedCalendar,
  getPublishedCalendars,
  invalidateCalendarCache,
  isNothingPublished,
  PROVINCE_CALENDAR_ID,
  PROVISIONAL_FROM_SQL,
  PROVISIONAL_YEARS,
  type PublishedCalendars,
} from './calendar.state';
export { computeDue } from './use-cases/compute-due';
export { CALENDAR_MANAGE_ACTION } from './calendar.policy';
export { seedCalendarDemo } from './calendar.seed';
export * from './calendar.tables';

/** Working calendars as data: published years, drafts, office hours, and the public deadline calculator. */
export const calendarModule: ModuleManifest = {
  key: 'calendar',
  policies: calendarPolicies,
  messages: calendarMessages,
  routes: calendarRoutes,
  seedDemo: (ctx) => seedCalendarDemo(ctx),
};
