import type { Ctx } from '../../../context/context';
import { toVnIso, vnDateOf } from '../../calendar.engine';
import type { CalendarStatusResponse } from '../../../../../contracts/calendar/calendar.contracts';
import { countProvisional } from '../calendar.impact';
import { assertCan } from '../calendar.service';
import { loadState, provisionalFromOf, provisionalYearsOf } from '../calendar.state';

/**
 * From this day of the year administrators are warned that next year's schedule is still missing. The Prime Minister
 * fixes the Tết and Quốc khánh days of the next year each autumn (Bộ luật Lao động 2019 Điều 112 khoản 3; the 2026
 * notice 9441/TB-BNV came on 16/10/2025, §13.2), so from October the province should be watching for it.
 */
export const WARN_FROM = '10-01';

/** What the calendar covers officially and provisionally, and whether administrators must publish a year now. */
export async function getCalendarStatus(ctx: Ctx): Promise<CalendarStatusResponse> {
  assertCan(ctx, 'calendar.manage');
  const today = vnDateOf(ctx.clock.now());
  const year = Number(today.slice(0, 4));
  const state = await loadState(ctx.db);
  const published = new Set(state?.years.map((y) => y.year) ?? []);
  const from = state ? provisionalFromOf(state) : null;
  const reliance = from ? await countProvisional(ctx.db, from) : [];
  let warning: CalendarStatusResponse['warning'] = null;
  if (!published.has(year)) warning = { year, since: `${year}-01-01` };
  else if (today >= `${year}-${WARN_FROM}` && !published.has(year + 1)) warning = { year: year + 1, since: `${year}-${WARN_FROM}` };
  return {
    today,
    lastPublishedYear: state?.years.at(-1)?.year ?? null,
    provisionalYears: state ? provisionalYearsOf(state) : [],
    provisionalFrom: from ? toVnIso(from) : null,
    reliance,
    provisionalOpenItems: reliance.reduce((sum, r) => sum + r.count, 0),
    warning,
  };
}
