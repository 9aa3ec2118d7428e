import { describe, expect, it } from 'vitest';
import {
  CalendarError,
  OFFICIAL_YEARS,
  addWorkingTime,
  addWorkingTimeMs,
  buildCalendar,
  classifyFinish,
  createLunarCalendar,
  describeDay,
  durationMinutes,
  generateDraftYear,
  normaliseStart,
  toVnIso,
  vnDateOf,
  vnInstant,
  workingTimeBetween,
  type CalendarYear,
  type Duration,
  type Pause,
  type WeeklyOfficeHours,
} from './index';

const cal = buildCalendar({ id: 'demo', years: OFFICIAL_YEARS });

/** 'YYYY-MM-DD HH:MM' in +07:00. */
const at = (s: string): Date => vnInstant(s.slice(0, 10), s.slice(11));
const days = (amount: number): Duration => ({ amount, unit: 'working-days' });
const hours = (amount: number): Duration => ({ amount, unit: 'working-hours' });
const calendarDays = (amount: number): Duration => ({ amount, unit: 'calendar-days' });
const iso = (s: string): string => toVnIso(at(s));

function thrown(fn: () => unknown): CalendarError {
  try {
    fn();
  } catch (err) {
    if (err instanceof CalendarError) return err;
    throw err;
  }
  throw new Error('expected a CalendarError');
}

// Sources: §19.2 default hours 07:00–11:30, 13:30–17:00 Mon–Fri; §19.4 start; §19.5 earliest instant;
// yearly schedules from domain README §19 "Official yearly schedules" (notices cited per row).
interface DueCase {
  readonly name: string;
  readonly start: string;
  readonly duration: Duration;
  readonly due: string;
  /** Non-working dates strictly between reception date and due date; omitted = not checked. */
  readonly skipped?: readonly string[];
  readonly source: string;
}

const CASES: readonly DueCase[] = [
  // Reception time of day
  { name: 'morning receipt, 1 day', start: '2026-03-02 09:15', duration: days(1), due: '2026-03-03 09:15', skipped: [], source: '§19.2, §19.5' },
  { name: 'afternoon receipt, 2 days', start: '2026-03-03 14:00', duration: days(2), due: '2026-03-05 14:00', skipped: [], source: '§19.2, §19.5' },
  {
    name: 'after hours 17:30 → next morning',
    start: '2026-02-27 17:30',
    duration: hours(1),
    due: '2026-03-02 08:00',
    skipped: ['2026-02-28', '2026-03-01'],
    source: '§19.4; §5.3 TH normalisation',
  },
  { name: 'after hours on a weekday', start: '2026-03-05 17:30', duration: days(1), due: '2026-03-06 17:00', skipped: [], source: '§19.4, §19.5' },
  { name: 'exactly 17:00 is after hours', start: '2026-03-05 17:00', duration: hours(1), due: '2026-03-06 08:00', source: '§19.4' },
  { name: 'before opening 06:00, 5 days', start: '2026-03-02 06:00', duration: days(5), due: '2026-03-06 17:00', skipped: [], source: '§19.4, §19.5' },
  { name: 'Monday 07:00 + 5 days = Friday 17:00 (not Monday 07:00)', start: '2026-03-02 07:00', duration: days(5), due: '2026-03-06 17:00', source: '§19.5 example' },
  { name: 'during lunch → 13:30, 1 hour', start: '2026-03-04 12:00', duration: hours(1), due: '2026-03-04 14:30', source: '§19.4; §5.3 lunch 11:30–13:30' },
  { name: 'during lunch, 4 hours spill to next morning', start: '2026-03-04 12:00', duration: hours(4), due: '2026-03-05 07:30', source: '§19.4, §19.5' },
  { name: 'morning work ends at 11:30, not 13:30', start: '2026-03-04 10:30', duration: hours(1), due: '2026-03-04 11:30', source: '§19.5' },
  { name: '2 working hours across lunch', start: '2026-03-04 10:30', duration: hours(2), due: '2026-03-04 14:30', source: '§5.3 hour-based limits' },
  { name: 'received on Saturday', start: '2026-03-07 10:00', duration: days(1), due: '2026-03-09 17:00', skipped: ['2026-03-08'], source: '§19.2 Sat/Sun no hours' },
  { name: 'received on Sunday, 3 hours', start: '2026-03-08 15:00', duration: hours(3), due: '2026-03-09 10:00', skipped: [], source: '§19.2, §19.4' },
  { name: 'half a working day is 4 h, not the morning period', start: '2026-03-02 07:00', duration: days(0.5), due: '2026-03-02 11:00', source: '§19.3 1 day = 8 h' },

  // Tết
  {
    name: 'Tết 2026: Fri 13/02 10:00 + 3 days skips 14–22/02',
    start: '2026-02-13 10:00',
    duration: days(3),
    // Fri 10:00–17:00 = 5 h, Mon 23 = 8 h, Tue 24 = 8 h (21 h), Wed 25 07:00 + 3 h = 10:00.
    due: '2026-02-25 10:00',
    skipped: ['2026-02-14', '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22'],
    source: 'Thông báo 9441/TB-BNV ngày 16/10/2025 (Tết Mon 16/02 – Fri 20/02/2026)',
  },
  {
    name: 'Tết 2025: Fri 24/01 15:00 + 1 day',
    start: '2025-01-24 15:00',
    duration: days(1),
    due: '2025-02-03 15:00',
    skipped: ['2025-01-25', '2025-01-26', '2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02'],
    source: 'Thông báo 6150/TB-BLĐTBXH ngày 03/12/2024 (Tết Sat 25/01 – Sun 02/02/2025)',
  },
  {
    name: 'Tết 2024: Wed 07/02 16:00 + 2 days',
    start: '2024-02-07 16:00',
    duration: days(2),
    due: '2024-02-16 16:00',
    skipped: ['2024-02-08', '2024-02-09', '2024-02-10', '2024-02-11', '2024-02-12', '2024-02-13', '2024-02-14'],
    source: 'Thông báo 5015/TB-LĐTBXH ngày 22/11/2023 (Tết Thu 08/02 – Wed 14/02/2024)',
  },

  // Make-up Saturdays
  {
    name: 'make-up Sat 10/01/2026 is worked',
    start: '2026-01-09 09:00',
    duration: days(1),
    due: '2026-01-10 09:00',
    skipped: [],
    source: 'Công văn 12729/VPCP-KGVX ngày 25/12/2025',
  },
  // Fri 13:30–17:00 = 3.5 h; the remaining 4.5 h end at 11:30 Saturday, before lunch (earliest instant).
  {
    name: 'make-up Sat 22/08/2026 is worked',
    start: '2026-08-21 13:30',
    duration: days(1),
    due: '2026-08-22 11:30',
    skipped: [],
    source: 'Thông báo 9441/TB-BNV ngày 16/10/2025; §19.5',
  },
  { name: 'received on make-up Saturday afternoon', start: '2026-08-22 12:00', duration: hours(1), due: '2026-08-22 14:30', source: 'Thông báo 9441/TB-BNV; §19.4' },
  {
    name: 'make-up Sat 26/04/2025 is worked',
    start: '2025-04-25 14:00',
    duration: days(1),
    due: '2025-04-26 14:00',
    skipped: [],
    source: 'Thông báo 6150/TB-BLĐTBXH ngày 03/12/2024',
  },
  {
    name: 'make-up Sat 04/05/2024 is worked',
    start: '2024-05-03 10:00',
    duration: days(1),
    due: '2024-05-04 10:00',
    skipped: [],
    source: 'Thông báo 1570/TB-BLĐTBXH ngày 12/04/2024',
  },

  // 30/4 – 1/5 with swaps
  {
    name: '30/4–1/5/2025 with Fri 02/05 swapped',
    start: '2025-04-29 10:00',
    duration: days(2),
    due: '2025-05-06 10:00',
    skipped: ['2025-04-30', '2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04'],
    source: 'BLLĐ 2019 Điều 112; Thông báo 6150/TB-BLĐTBXH (02/05 ↔ 26/04/2025)',
  },
  {
    name: '30/4–1/5/2024 with Mon 29/04 swapped',
    start: '2024-04-26 10:00',
    duration: days(1),
    due: '2024-05-02 10:00',
    skipped: ['2024-04-27', '2024-04-28', '2024-04-29', '2024-04-30', '2024-05-01'],
    source: 'BLLĐ 2019 Điều 112; Thông báo 1570/TB-BLĐTBXH (29/04 ↔ 04/05/2024)',
  },
  {
    name: 'Giỗ Tổ 2026 on Sunday, Monday 27/04 in lieu',
    start: '2026-04-24 09:00',
    duration: days(2),
    due: '2026-04-29 09:00',
    skipped: ['2026-04-25', '2026-04-26', '2026-04-27'],
    source: 'BLLĐ 2019 Điều 112, Điều 111 khoản 3; §19 table (Giỗ Tổ Sun 26/04 → Mon 27/04)',
  },
  {
    name: '30/4–1/5/2026 (Thu–Fri, no swap)',
    start: '2026-04-29 15:00',
    duration: days(1),
    due: '2026-05-04 15:00',
    skipped: ['2026-04-30', '2026-05-01', '2026-05-02', '2026-05-03'],
    source: 'BLLĐ 2019 Điều 112; §19 table',
  },

  // National Day, two days
  {
    name: 'Quốc khánh 2026: Mon 31/08 swap + Tue 01 – Wed 02/09',
    start: '2026-08-28 09:00',
    duration: days(2),
    due: '2026-09-04 09:00',
    skipped: ['2026-08-29', '2026-08-30', '2026-08-31', '2026-09-01', '2026-09-02'],
    source: 'Thông báo 9441/TB-BNV ngày 16/10/2025',
  },
  {
    name: 'Quốc khánh 2025: Mon 01 – Tue 02/09, received Fri 17:00',
    start: '2025-08-29 17:00',
    duration: hours(8),
    due: '2025-09-03 17:00',
    skipped: ['2025-08-30', '2025-08-31', '2025-09-01', '2025-09-02'],
    source: 'Thông báo 6150/TB-BLĐTBXH ngày 03/12/2024',
  },
  {
    name: 'Quốc khánh 2024: Mon 02 – Tue 03/09',
    start: '2024-08-30 10:00',
    duration: days(1),
    due: '2024-09-04 10:00',
    skipped: ['2024-08-31', '2024-09-01', '2024-09-02', '2024-09-03'],
    source: 'Thông báo 5015/TB-LĐTBXH ngày 22/11/2023',
  },

  // Year boundaries
  {
    name: 'Dec 2025 → Jan 2026 with 01/01 and 02/01 off',
    start: '2025-12-31 09:00',
    duration: days(2),
    due: '2026-01-06 09:00',
    skipped: ['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04'],
    source: 'BLLĐ 2019 Điều 112; Công văn 12729/VPCP-KGVX ngày 25/12/2025',
  },
  { name: 'last hour of 2024 ends at 17:00 on 31/12', start: '2024-12-31 16:00', duration: hours(1), due: '2024-12-31 17:00', skipped: [], source: '§19.5' },
  { name: 'Dec 2024 → Jan 2025 over 01/01', start: '2024-12-31 16:00', duration: hours(2), due: '2025-01-02 08:00', skipped: ['2025-01-01'], source: 'BLLĐ 2019 Điều 112' },

  // Calendar days (§5.3): end of office hours of start date + N, pushed to the next working day
  { name: 'calendar days landing on a working day', start: '2026-03-02 09:00', duration: calendarDays(10), due: '2026-03-12 17:00', source: '§5.3' },
  {
    name: 'calendar days landing on a Saturday',
    start: '2026-03-05 10:00',
    duration: calendarDays(2),
    due: '2026-03-09 17:00',
    skipped: ['2026-03-07', '2026-03-08'],
    source: '§5.3 TH push forward',
  },
  {
    name: 'calendar days landing on the 31/08/2026 swap day',
    start: '2026-08-21 09:00',
    duration: calendarDays(10),
    due: '2026-09-03 17:00',
    skipped: ['2026-08-23', '2026-08-29', '2026-08-30', '2026-08-31', '2026-09-01', '2026-09-02'],
    source: '§5.3; Thông báo 9441/TB-BNV',
  },
  { name: 'calendar days from after-hours receipt start next working day', start: '2026-03-06 18:00', duration: calendarDays(3), due: '2026-03-12 17:00', source: '§19.4, §5.3' },
  { name: 'calendar days landing on make-up Saturday', start: '2026-01-07 08:00', duration: calendarDays(3), due: '2026-01-10 17:00', source: '§5.3; Công văn 12729/VPCP-KGVX' },
  { name: 'calendar days spanning Tết 2026', start: '2026-02-10 09:00', duration: calendarDays(7), due: '2026-02-23 17:00', source: '§5.3; Thông báo 9441/TB-BNV' },
];

describe('addWorkingTime on the official 2024–2026 calendar', () => {
  it.each(CASES)('$name ($source)', (c) => {
    const r = addWorkingTime(at(c.start), c.duration, cal);
    expect(r.due && toVnIso(r.due)).toBe(iso(c.due));
    if (c.skipped) expect(r.skipped.map((s) => s.date)).toEqual(c.skipped);
    expect(r.provisional).toBe(false);
  });

  it('names the reason of each skipped date', () => {
    const r = addWorkingTime(at('2025-12-31 09:00'), days(2), cal);
    expect(r.skipped).toEqual([
      { date: '2026-01-01', reason: 'Tết Dương lịch' },
      { date: '2026-01-02', reason: 'Nghỉ hoán đổi (làm bù Thứ Bảy 10/01/2026)' },
      { date: '2026-01-03', reason: 'weekend' },
      { date: '2026-01-04', reason: 'weekend' },
    ]);
  });

  it('the fast path agrees with the Date API', () => {
    for (const c of CASES.filter((k) => k.duration.unit !== 'calendar-days')) {
      const minutes = durationMinutes(c.duration, cal);
      expect(addWorkingTimeMs(at(c.start).getTime(), minutes, cal)).toBe(at(c.due).getTime());
    }
  });

  it('keeps seconds and milliseconds of the reception instant', () => {
    const r = addWorkingTime(new Date(at('2026-03-02 09:15').getTime() + 42_123), days(1), cal);
    expect(toVnIso(r.due!)).toBe('2026-03-03T09:15:42.123+07:00');
  });

  it('zero duration is due at reception', () => {
    expect(addWorkingTime(at('2026-03-07 10:00'), hours(0), cal).due).toEqual(at('2026-03-07 10:00'));
  });

  it('working days use the calendar’s standard day length (§19.3)', () => {
    expect(cal.standardDayMinutes).toBe(480);
    expect(durationMinutes(days(3), cal)).toBe(1440);
    const short = buildCalendar({
      id: 'short-days',
      years: OFFICIAL_YEARS,
      weeklyHours: { 1: [{ start: '08:00', end: '12:00' }], 2: [{ start: '08:00', end: '12:00' }], 3: [], 4: [], 5: [], 6: [], 7: [] },
    });
    expect(short.standardDayMinutes).toBe(240);
    // Mon 02/03/2026 08:00 + 2 days of 4 h: Mon, Tue → Tue 12:00.
    expect(toVnIso(addWorkingTime(at('2026-03-02 08:00'), days(2), short).due!)).toBe(iso('2026-03-03 12:00'));
  });
});

describe('normaliseStart (§19.4)', () => {
  it.each([
    ['2026-03-02 09:00', '2026-03-02 09:00', 'inside office hours'],
    ['2026-03-02 07:00', '2026-03-02 07:00', 'opening instant'],
    ['2026-03-02 06:59', '2026-03-02 07:00', 'before opening'],
    ['2026-03-02 11:30', '2026-03-02 13:30', 'closing of the morning period'],
    ['2026-03-02 12:45', '2026-03-02 13:30', 'lunch'],
    ['2026-03-02 17:00', '2026-03-03 07:00', 'closing'],
    ['2026-03-02 23:59', '2026-03-03 07:00', 'night'],
    ['2026-01-09 17:30', '2026-01-10 07:00', 'Friday evening before make-up Sat 10/01/2026 (Công văn 12729/VPCP-KGVX)'],
    ['2026-02-13 17:30', '2026-02-23 07:00', 'Friday before Tết 2026 (Thông báo 9441/TB-BNV)'],
  ])('%s → %s (%s)', (from, to) => {
    expect(toVnIso(normaliseStart(at(from), cal))).toBe(iso(to));
  });
});

describe('pauses (pause-and-shift, §19.6, §5.4)', () => {
  const start = at('2026-03-02 09:00'); // Mon; 3 days → Thu 05/03 09:00 without pauses
  const pause = (from: string, to: string | null, reason: Pause['reason'] = 'supplement'): Pause => ({
    from: at(from),
    to: to === null ? null : at(to),
    reason,
  });

  it('without pauses', () => {
    expect(toVnIso(addWorkingTime(start, days(3), cal).due!)).toBe(iso('2026-03-05 09:00'));
  });

  it('one pause of 8 working hours shifts the due by one working day', () => {
    const pauses = [pause('2026-03-03 10:00', '2026-03-04 10:00')];
    const r = addWorkingTime(start, days(3), cal, pauses);
    expect(toVnIso(r.due!)).toBe(iso('2026-03-06 09:00'));
    expect(workingTimeBetween(start, r.due!, cal, pauses)).toBe(1440);
  });

  it('overlapping pauses count once', () => {
    // Union Tue 10:00 → Wed 14:00 = 1.5 + 3.5 + 4.5 + 0.5 = 10 working hours.
    const pauses = [pause('2026-03-03 10:00', '2026-03-04 10:00'), pause('2026-03-03 14:00', '2026-03-04 14:00', 'inter-agency')];
    expect(toVnIso(addWorkingTime(start, days(3), cal, pauses).due!)).toBe(iso('2026-03-06 11:00'));
    expect(workingTimeBetween(at('2026-03-03 10:00'), at('2026-03-04 14:00'), cal)).toBe(600);
  });

  it('a nested pause and a duplicate count once', () => {
    const outer = pause('2026-03-03 10:00', '2026-03-04 10:00');
    const pauses = [outer, pause('2026-03-03 14:00', '2026-03-03 15:00', 'financial-obligation'), outer];
    expect(toVnIso(addWorkingTime(start, days(3), cal, pauses).due!)).toBe(iso('2026-03-06 09:00'));
  });

  it('several disjoint pauses add up', () => {
    const pauses = [pause('2026-03-02 10:00', '2026-03-02 11:00'), pause('2026-03-04 14:00', '2026-03-04 16:00')];
    // 1 h + 2 h paused: Thu 09:00 + 3 h = 11:30 (2.5 h), then 13:30 + 0.5 h.
    expect(toVnIso(addWorkingTime(start, days(3), cal, pauses).due!)).toBe(iso('2026-03-05 14:00'));
  });

  it('a pause outside office hours changes nothing', () => {
    const pauses = [pause('2026-03-02 17:00', '2026-03-03 07:00', 'inter-agency')];
    expect(toVnIso(addWorkingTime(start, days(3), cal, pauses).due!)).toBe(iso('2026-03-05 09:00'));
  });

  it('a pause that began before reception only counts from reception', () => {
    const pauses = [pause('2026-02-27 09:00', '2026-03-02 10:00')];
    expect(toVnIso(addWorkingTime(start, days(3), cal, pauses).due!)).toBe(iso('2026-03-05 10:00'));
  });

  it('a pause after the due instant changes nothing', () => {
    expect(toVnIso(addWorkingTime(start, days(3), cal, [pause('2026-03-05 09:00', '2026-03-06 09:00')]).due!)).toBe(iso('2026-03-05 09:00'));
  });

  it('an open pause before the due instant makes it unknown', () => {
    const r = addWorkingTime(start, days(3), cal, [pause('2026-03-03 10:00', null)]);
    expect(r).toEqual({ due: null, skipped: [], provisional: false });
  });

  it('an open pause after the due instant leaves it known', () => {
    expect(toVnIso(addWorkingTime(start, days(3), cal, [pause('2026-03-05 10:00', null)]).due!)).toBe(iso('2026-03-05 09:00'));
  });

  it('a pause across Tết shifts only by the working time it covers', () => {
    // Fri 13/02/2026 07:00 → Tue 24/02 07:00 covers Fri 8 h + Mon 23 8 h = 16 h.
    const r = addWorkingTime(at('2026-02-12 09:00'), days(2), cal, [pause('2026-02-13 07:00', '2026-02-24 07:00')]);
    // Without the pause: Thu 12 09:00 + 16 h = Mon 23 09:00; plus 16 h → Wed 25 09:00.
    expect(toVnIso(r.due!)).toBe(iso('2026-02-25 09:00'));
  });

  it('calendar days shift by the calendar time paused', () => {
    const r = addWorkingTime(at('2026-03-02 09:00'), calendarDays(10), cal, [pause('2026-03-03 09:00', '2026-03-06 09:00')]);
    // 12/03 09:00 + 3 days = Sun 15/03 → Mon 16/03 end of office hours.
    expect(toVnIso(r.due!)).toBe(iso('2026-03-16 17:00'));
    expect(addWorkingTime(at('2026-03-02 09:00'), calendarDays(10), cal, [pause('2026-03-03 09:00', null)]).due).toBeNull();
  });

  it('workingTimeBetween excludes pauses and runs an open pause to the end', () => {
    expect(workingTimeBetween(start, at('2026-03-03 09:00'), cal)).toBe(480);
    expect(workingTimeBetween(start, at('2026-03-03 09:00'), cal, [pause('2026-03-02 10:00', null)])).toBe(60);
    expect(workingTimeBetween(at('2026-03-03 09:00'), start, cal)).toBe(-480);
  });

  it('rejects a pause that ends before it starts', () => {
    const err = thrown(() => addWorkingTime(start, days(1), cal, [pause('2026-03-03 10:00', '2026-03-03 09:00')]));
    expect(err.code).toBe('CALENDAR_INVALID_PAUSE');
  });
});

describe('coverage and validation', () => {
  it('refuses an instant in a year that is not covered', () => {
    const err = thrown(() => addWorkingTime(at('2023-12-29 09:00'), days(1), cal));
    expect(err.code).toBe('CALENDAR_NOT_AVAILABLE');
    expect(err.params).toMatchObject({ year: 2023, firstYear: 2024, lastYear: 2026 });
    expect(err.message).toContain('2023');
  });

  it('refuses a due instant past the last covered year', () => {
    const err = thrown(() => addWorkingTime(at('2026-12-29 09:00'), days(5), cal));
    expect(err.code).toBe('CALENDAR_NOT_AVAILABLE');
    expect(err.params).toMatchObject({ year: 2027 });
    expect(err.status).toBe(409);
  });

  it('uses a generated draft year when the input lists it, and marks results provisional', () => {
    const withDraft = buildCalendar({ id: 'demo+2027', years: [...OFFICIAL_YEARS, generateDraftYear(2027, createLunarCalendar())] });
    const r = addWorkingTime(at('2026-12-29 09:00'), days(5), withDraft);
    // Tue 29/12/2026 09:00 → Wed 30, Thu 31, (Fri 01/01/2027 off, weekend), Mon 04, Tue 05, Wed 06 09:00.
    expect(toVnIso(r.due!)).toBe(iso('2027-01-06 09:00'));
    expect(r.skipped[0]).toMatchObject({ date: '2027-01-01', reason: 'Tết Dương lịch' });
    expect(r.provisional).toBe(true);
    expect(addWorkingTime(at('2026-03-02 09:00'), days(1), withDraft).provisional).toBe(false);
  });

  it('a weekly-rules-only draft year reproduces the Thanh Hóa slip of §5.2', () => {
    const y2023: CalendarYear = { year: 2023, status: 'draft', daysOff: [], makeUpDays: [] };
    const c2023 = buildCalendar({ id: 'th-2023', years: [y2023] });
    // Fri 27/10/2023 09:32 + 5 working days → Fri 03/11/2023 (TH printed "Sau 9 giờ 00 phút, ngày 03/11/2023").
    const r = addWorkingTime(at('2023-10-27 09:32'), days(5), c2023);
    expect(toVnIso(r.due!)).toBe(iso('2023-11-03 09:32'));
    expect(r.provisional).toBe(true);
  });

  it.each([
    ['non-contiguous years', { id: 'x', years: [OFFICIAL_YEARS[0]!, OFFICIAL_YEARS[2]!] }],
    ['no years', { id: 'x', years: [] }],
    ['make-up day on a weekday', { id: 'x', years: [{ year: 2026, status: 'official', daysOff: [], makeUpDays: [{ date: '2026-03-02', reason: 'r', reference: 'ref' }] }] }],
    [
      'date listed twice',
      {
        id: 'x',
        years: [
          {
            year: 2026,
            status: 'official',
            daysOff: [{ date: '2026-03-02', kind: 'other', reason: 'a', reference: 'r' }],
            makeUpDays: [{ date: '2026-03-02', reason: 'b', reference: 'r' }],
          },
        ],
      },
    ],
    [
      'entry under the wrong year',
      { id: 'x', years: [{ year: 2026, status: 'official', daysOff: [{ date: '2025-03-03', kind: 'other', reason: 'a', reference: 'r' }], makeUpDays: [] }] },
    ],
    ['impossible date', { id: 'x', years: [{ year: 2026, status: 'official', daysOff: [{ date: '2026-02-30', kind: 'other', reason: 'a', reference: 'r' }], makeUpDays: [] }] }],
    [
      'overlapping periods',
      {
        id: 'x',
        years: OFFICIAL_YEARS,
        weeklyHours: {
          1: [
            { start: '07:00', end: '12:00' },
            { start: '11:00', end: '17:00' },
          ],
          2: [],
          3: [],
          4: [],
          5: [],
          6: [],
          7: [],
        },
      },
    ],
    ['a weekday missing from stored hours', { id: 'x', years: OFFICIAL_YEARS, weeklyHours: JSON.parse('{"1":[{"start":"07:00","end":"11:30"}]}') as WeeklyOfficeHours }],
  ] as const)('rejects bad calendar data: %s', (_name, input) => {
    expect(thrown(() => buildCalendar(input)).code).toBe('CALENDAR_INVALID');
  });

  it.each([
    [{ amount: -1, unit: 'working-days' }],
    [{ amount: Number.NaN, unit: 'working-hours' }],
    [{ amount: Number.POSITIVE_INFINITY, unit: 'working-hours' }],
    [{ amount: 1.5, unit: 'calendar-days' }],
  ] as const)('rejects duration %o', (duration) => {
    expect(thrown(() => addWorkingTime(at('2026-03-02 09:00'), duration, cal)).code).toBe('CALENDAR_INVALID_DURATION');
  });

  it('rejects an invalid Date', () => {
    expect(thrown(() => addWorkingTime(new Date(Number.NaN), days(1), cal)).code).toBe('CALENDAR_INVALID_INSTANT');
  });
});

describe('classifyFinish (§19.8)', () => {
  const due = at('2026-02-27 17:00'); // Fri
  it.each([
    ['2026-02-26 16:00', 'early', 'a working day before the due day'],
    ['2026-02-27 07:30', 'on-time', 'the due day, before the due instant'],
    ['2026-02-27 17:00', 'on-time', 'exactly the due instant'],
    ['2026-02-27 17:01', 'late', 'after the due instant'],
    ['2026-03-02 08:00', 'late', 'next working day'],
  ] as const)('finish %s → %s (%s)', (finish, expected, _why) => {
    expect(classifyFinish(at(finish), due, cal)).toBe(expected);
  });

  it('works for due instants outside the covered years', () => {
    expect(classifyFinish(at('2020-01-02 10:00'), at('2020-01-03 10:00'), cal)).toBe('early');
  });

  it('a due at 24:00 belongs to the day whose period it closes', () => {
    const night = buildCalendar({
      id: 'night-desk',
      years: OFFICIAL_YEARS,
      weeklyHours: { 1: [{ start: '18:00', end: '24:00' }], 2: [{ start: '18:00', end: '24:00' }], 3: [], 4: [], 5: [], 6: [], 7: [] },
    });
    const r = addWorkingTime(at('2026-03-02 18:00'), hours(6), night);
    expect(toVnIso(r.due!)).toBe('2026-03-03T00:00:00+07:00');
    expect(classifyFinish(at('2026-03-02 23:00'), r.due!, night)).toBe('on-time');
    expect(describeDay('2026-03-02', night).periods).toEqual([{ start: '18:00', end: '24:00' }]);
  });
});

describe('formatting in +07:00', () => {
  it('toVnIso', () => {
    expect(toVnIso(new Date('2026-02-23T00:00:00Z'))).toBe('2026-02-23T07:00:00+07:00');
    expect(toVnIso(new Date('2026-02-22T23:30:00.250Z'))).toBe('2026-02-23T06:30:00.250+07:00');
  });

  it('vnDateOf switches at 17:00 UTC', () => {
    expect(vnDateOf(new Date('2026-02-22T16:59:59.999Z'))).toBe('2026-02-22');
    expect(vnDateOf(new Date('2026-02-22T17:00:00Z'))).toBe('2026-02-23');
  });

  it('vnInstant', () => {
    expect(vnInstant('2026-02-23', '07:00').toISOString()).toBe('2026-02-23T00:00:00.000Z');
    expect(vnInstant('2026-01-01').toISOString()).toBe('2025-12-31T17:00:00.000Z');
  });
});

describe('describeDay', () => {
  it.each([
    ['2026-01-10', true, null, 'make-up Saturday (Công văn 12729/VPCP-KGVX)'],
    ['2026-01-17', false, 'weekend', 'ordinary Saturday'],
    ['2026-04-26', false, 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', 'Giỗ Tổ on a Sunday (§19 table)'],
    ['2026-04-27', false, 'Nghỉ bù Giỗ Tổ Hùng Vương (26/04/2026 rơi vào Chủ nhật)', 'BLLĐ 2019 Điều 111 khoản 3'],
    ['2026-11-24', true, null, '24/11/2026 deliberately not included (§19 note)'],
  ] as const)('%s working=%s reason=%s (%s)', (date, working, reason, _source) => {
    const d = describeDay(date, cal);
    expect(d.working).toBe(working);
    expect(d.reason).toBe(reason);
  });
});

describe('independent of the server time zone (§19.1)', () => {
  it('gives the same results under several TZ values', () => {
    const saved = process.env.TZ;
    const run = (): string[] =>
      CASES.map((c) => {
        const r = addWorkingTime(at(c.start), c.duration, cal);
        return `${toVnIso(r.due!)} ${vnDateOf(r.due!)} ${r.skipped.length}`;
      });
    try {
      process.env.TZ = 'UTC';
      const reference = run();
      for (const tz of ['America/New_York', 'Asia/Tokyo', 'Pacific/Kiritimati', 'Asia/Ho_Chi_Minh']) {
        process.env.TZ = tz;
        expect(run()).toEqual(reference);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});
