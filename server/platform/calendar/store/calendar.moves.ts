// What a module does with a calendar change to the items it keeps dues for: recount each item on the calendar its unit
// now follows and keep those whose due moves. Items the change cannot be counted on are left as they are.
import { CalendarError } from '../calendar.errors';
import type { WorkingCalendar } from '../calendar.types';
import type { CalendarChange } from './calendar.events';

/**
 * Each of `rows` whose due on its unit's calendar after `change` differs from `dueAt`, with that due. Left out: rows
 * without a unit code, of another unit than the one whose own hours changed, and those `dueAfter` cannot count (no
 * calendar after the change, a CalendarError such as a year not covered, or null).
 */
export async function dueMoves<R extends { dueAt: Date }>(
  change: CalendarChange,
  rows: readonly R[],
  unitCodeOf: (row: R) => string | undefined,
  dueAfter: (row: R, cal: WorkingCalendar) => Date | null | Promise<Date | null>,
): Promise<Array<{ row: R; after: Date }>> {
  const out: Array<{ row: R; after: Date }> = [];
  for (const row of rows) {
    const code = unitCodeOf(row);
    if (!code || (change.orgUnitCode && change.orgUnitCode !== code)) continue;
    const cal = change.forUnit(code).after;
    const after = cal ? await countedOrNull(() => dueAfter(row, cal)) : null;
    if (after && after.getTime() !== row.dueAt.getTime()) out.push({ row, after });
  }
  return out;
}

async function countedOrNull(count: () => Date | null | Promise<Date | null>): Promise<Date | null> {
  try {
    return await count();
  } catch (err) {
    if (err instanceof CalendarError) return null;
    throw err;
  }
}
