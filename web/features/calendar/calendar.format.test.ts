import { describe, expect, it } from 'vitest';
import { createInstance } from 'i18next';
import { resources } from '../../i18n/resources';
import { dateWithWeekday, formatVnInstant, hanoiNow, parsePeriods, periodsValid, textsToHours } from './calendar.format';
import { monthWeeks } from './year-grid';
import { DAY_OFF_KINDS, DURATION_UNITS, WEEKDAYS, type CalendarEntry, type WeeklyHours } from './calendar.types';

const t = createInstance();
await t.init({ resources, lng: 'vi', fallbackLng: false, interpolation: { escapeValue: false }, showSupportNotice: false } as never);

const STANDARD = [
  { start: '07:00', end: '11:30' },
  { start: '13:30', end: '17:00' },
];
const hours: WeeklyHours = { '1': STANDARD, '2': STANDARD, '3': STANDARD, '4': STANDARD, '5': STANDARD, '6': [], '7': [] };

describe('calendar formatting', () => {
  it('shows an instant the way the slip does, whatever the browser zone', () => {
    expect(formatVnInstant(t.t, '2026-02-25T10:00:00+07:00')).toBe('10 giờ 00 phút, Thứ Tư, ngày 25/02/2026');
    expect(dateWithWeekday(t.t, '2026-02-22')).toBe('Chủ nhật, 22/02/2026');
  });

  it('reads and checks office periods typed as text', () => {
    expect(parsePeriods('7:00-11:30, 13:30–17:00')).toEqual(STANDARD);
    expect(parsePeriods('  ')).toEqual([]);
    expect(parsePeriods('sáng')).toBeNull();
    expect(
      periodsValid([
        { start: '13:30', end: '17:00' },
        { start: '07:00', end: '11:30' },
      ]),
    ).toBe(false);
    expect(periodsValid([{ start: '07:00', end: '07:00' }])).toBe(false);
    expect(periodsValid(STANDARD)).toBe(true);
    expect(textsToHours({ '1': '07:00–11:30', '2': 'x' })).toBeNull();
  });

  it('takes Hà Nội wall-clock time for now', () => {
    expect(hanoiNow(Date.parse('2026-03-01T20:30:00Z'))).toBe('2026-03-02T03:30');
  });
});

describe('year grid', () => {
  it('lays out a month from Monday and marks weekends, days off and make-up days', () => {
    const entries = new Map<string, CalendarEntry>([
      ['2026-01-02', { id: 'a', date: '2026-01-02', type: 'day-off', kind: 'swap', reason: 'Nghỉ hoán đổi', reference: 'CV 12729', note: null, periods: null, status: 'official' }],
      ['2026-01-10', { id: 'b', date: '2026-01-10', type: 'make-up', kind: null, reason: 'Làm bù', reference: 'CV 12729', note: null, periods: null, status: 'official' }],
    ]);
    const weeks = monthWeeks(2026, 1, hours, entries);
    // 01/01/2026 is a Thursday: three blank cells before it.
    expect(weeks[0]!.slice(0, 3)).toEqual([null, null, null]);
    expect(weeks[0]![3]).toMatchObject({ date: '2026-01-01', status: 'working' });
    expect(weeks[0]![4]).toMatchObject({ date: '2026-01-02', status: 'day-off' });
    expect(weeks[0]![5]).toMatchObject({ date: '2026-01-03', status: 'weekend' });
    expect(weeks[1]![5]).toMatchObject({ date: '2026-01-10', status: 'make-up' });
    expect(weeks.flat().filter(Boolean)).toHaveLength(31);
  });
});

describe('calendar translations', () => {
  it('labels every enumeration value in both languages', () => {
    const keys = [
      ...DAY_OFF_KINDS.map((k) => `calendar.kinds.${k}`),
      ...['weekend', ...DAY_OFF_KINDS].map((k) => `calendar.skippedKinds.${k}`),
      ...DURATION_UNITS.flatMap((u) => [`calendar.units.${u}`, `calendar.duration.${u}`]),
      ...WEEKDAYS.flatMap((d) => [`calendar.weekdays.${d}`, `calendar.weekdaysShort.${d}`]),
      ...Array.from({ length: 12 }, (_, i) => `calendar.months.${i + 1}`),
      ...['working', 'weekend', 'day-off', 'make-up'].map((s) => `calendar.legend.${s}`),
      ...['draft', 'published', 'superseded'].map((s) => `calendar.yearStatus.${s}`),
    ];
    for (const lng of ['vi', 'en']) expect(keys.filter((k) => !t.exists(k, { lng }))).toEqual([]);
  });
});
