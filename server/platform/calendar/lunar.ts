// date-chinese ships its types outside its package.json "exports", so TS cannot find them by name.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the package's types are not reachable by name (see above)
/// <reference path="../../../node_modules/date-chinese/types/index.d.ts" />
import { CalendarVietnamese } from 'date-chinese';
import { CalendarError } from './calendar.errors';
import type { IsoDate } from './calendar.types';

/** Converts Vietnamese lunar dates (âm lịch, UTC+7 meridian) to solar dates; used only to propose holidays (§13.3). */
export interface LunarCalendar {
  /** Solar date of lunar `day`/`month` of the lunar year whose 1/1 falls in solar `year`; `leap` = tháng nhuận. */
  lunarToSolar(year: number, month: number, day: number, leap?: boolean): IsoDate;
}

// The Chinese-calendar epoch used by date-chinese is 2637 BCE: solar year Y is year ((Y + 2636) mod 60) + 1
// of cycle floor((Y + 2636) / 60) + 1 (e.g. 1984 = cycle 78, year 1).
const EPOCH_OFFSET = 2636;

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * LunarCalendar backed by date-chinese's CalendarVietnamese (MIT; the engine date-holidays uses for VN):
 * Meeus new moons and solar terms computed for UTC+7 from 1968. §13.3 (domain README): a library only
 * proposes dates; the admin-maintained yearly table stays the source of truth.
 */
export function createLunarCalendar(): LunarCalendar {
  const engine = new CalendarVietnamese(); // keeps its own cache of new-moon computations
  return {
    lunarToSolar(year, month, day, leap = false) {
      const n = year + EPOCH_OFFSET;
      engine.set(Math.floor(n / 60) + 1, (n % 60) + 1, month, leap ? 1 : 0, day);
      const g = engine.toGregorian(year);
      // date-chinese does not validate: day 30 of a 29-day month or a missing leap month silently
      // rolls over. Converting back catches that.
      engine.fromGregorian(g.year, g.month, g.day);
      const [, , backMonth, backLeap, backDay] = engine.get();
      if (backMonth !== month || Boolean(backLeap) !== leap || backDay !== day) {
        throw new CalendarError('LUNAR_DATE_INVALID', { year, month, day, leap }, `lunar ${day}/${month}${leap ? ' (nhuận)' : ''} does not exist in lunar year ${year}`);
      }
      return `${g.year}-${pad(g.month)}-${pad(g.day)}`;
    },
  };
}
