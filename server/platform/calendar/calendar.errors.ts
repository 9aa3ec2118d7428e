// Deep import on purpose: the errors index also loads the Fastify handler, and this module stays pure.
import { AppError } from '../errors/app-error';

/** Error codes raised by platform/calendar. */
export type CalendarErrorCode =
  'CALENDAR_NOT_AVAILABLE' | 'CALENDAR_INVALID' | 'CALENDAR_INVALID_DURATION' | 'CALENDAR_INVALID_PAUSE' | 'CALENDAR_INVALID_INSTANT' | 'LUNAR_DATE_INVALID';

// The request is valid but the province has not published that year's calendar: a state of the
// system (like INVALID_STATE), not a client mistake. Bad calendar data or arguments are 400.
const STATUS: Record<CalendarErrorCode, number> = {
  CALENDAR_NOT_AVAILABLE: 409,
  CALENDAR_INVALID: 400,
  CALENDAR_INVALID_DURATION: 400,
  CALENDAR_INVALID_PAUSE: 400,
  CALENDAR_INVALID_INSTANT: 400,
  LUNAR_DATE_INVALID: 400,
};

/** AppError raised by the calendar, with a readable English message for logs and tests. */
export class CalendarError extends AppError {
  constructor(code: CalendarErrorCode, params: Record<string, unknown>, message: string) {
    super(code, params, { status: STATUS[code] });
    this.name = 'CalendarError';
    this.message = `${code}: ${message}`;
  }
}
