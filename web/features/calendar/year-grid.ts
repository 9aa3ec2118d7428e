import type { CalendarEntry, WeeklyHours } from './calendar.types';
import { isoWeekday } from './calendar.format';

/** How a date is shown in the year grid. */
export type DayStatus = 'working' | 'weekend' | 'day-off' | 'make-up';

/** One cell of a month: null pads the first week. */
export interface GridDay {
  date: string;
  day: number;
  status: DayStatus;
  entry: CalendarEntry | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The weeks (Monday first) of one month with each date's status under these hours and entries. */
export function monthWeeks(year: number, month: number, hours: WeeklyHours, entries: ReadonlyMap<string, CalendarEntry>): Array<Array<GridDay | null>> {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const cells: Array<GridDay | null> = [];
  const first = `${year}-${pad(month)}-01`;
  for (let i = 1; i < isoWeekday(first); i++) cells.push(null);
  for (let d = 1; d <= days; d++) {
    const date = `${year}-${pad(month)}-${pad(d)}`;
    const entry = entries.get(date) ?? null;
    const rest = hours[String(isoWeekday(date)) as keyof WeeklyHours].length === 0;
    const status: DayStatus = entry ? (entry.type === 'day-off' ? 'day-off' : 'make-up') : rest ? 'weekend' : 'working';
    cells.push({ date, day: d, status, entry });
  }
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: Array<Array<GridDay | null>> = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}
