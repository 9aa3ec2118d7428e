import type { Ctx } from '../../../context/context';
import { translate } from '../../../i18n';
import { addWorkingTime, normaliseStart, toVnIso, vnDateOf } from '../../calendar.engine';
import { CalendarError } from '../../calendar.errors';
import type { DayOffKind, WorkingCalendar } from '../../calendar.types';
import { parseInstant, type DueQuery, type DueResponse, type SkippedDay } from '../../../../../contracts/calendar/calendar.contracts';
import { calendarFor, publishedState } from '../calendar.state';

const provisionalRef = (cal: WorkingCalendar, date: string): { kind: DayOffKind; reference: string } | undefined =>
  cal.years.find((y) => y.year === Number(date.slice(0, 4)))?.daysOff.find((d) => d.date === date);

const isoWeekday = (date: string): number => ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;

/**
 * The desk calculator: due instant of `amount` `unit` from `start` (default now) on the province's PUBLISHED
 * calendar, with the unit's own office hours when it has them (§5.3, §19 rows 3–5), and the skipped days. Past the last
 * published year it counts on the provisional statutory calendar (calendar.state provisionalYear) and says so.
 */
export async function computeDue(ctx: Ctx, query: DueQuery): Promise<DueResponse> {
  const start = query.start ? parseInstant(query.start)! : ctx.clock.now();
  const compiled = await publishedState(ctx.db);
  const cal = compiled ? calendarFor(compiled, query.orgUnit) : null;
  if (!compiled || !cal) {
    throw new CalendarError('CALENDAR_NOT_AVAILABLE', { year: Number(vnDateOf(start).slice(0, 4)) }, 'nothing is published');
  }
  const result = addWorkingTime(start, { amount: query.amount, unit: query.unit }, cal);
  const clockStart = normaliseStart(start, cal);
  const skipped: SkippedDay[] = result.skipped.map((s) => {
    if (s.reason === 'weekend') {
      const weekday = translate(ctx.locale, `calendar.weekday.${isoWeekday(s.date)}`);
      return { date: s.date, kind: 'weekend', reason: translate(ctx.locale, 'calendar.weekend', { weekday }) ?? s.reason, reference: null };
    }
    // A provisional year's days off are not stored: their kind and legal reference come from the generated year.
    const ref = compiled.state.dayOffRefs.get(s.date) ?? provisionalRef(cal, s.date);
    return { date: s.date, kind: ref?.kind ?? 'other', reason: s.reason, reference: ref?.reference ?? null };
  });
  return {
    due: toVnIso(result.due!),
    start: toVnIso(start),
    clockStart: toVnIso(clockStart),
    skipped,
    unitHours: Boolean(query.orgUnit && compiled.state.unitHours.has(query.orgUnit)),
    provisional: result.provisional,
  };
}
