import { describe, expect, it } from 'vitest';
import { OFFICIAL_YEARS } from './official-years';

const weekday = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();

// Data copied from domain README §19 "Official yearly schedules known so far".
describe('OFFICIAL_YEARS', () => {
  it('covers 2024–2026, all official, every entry with a legal reference', () => {
    expect(OFFICIAL_YEARS.map((y) => `${y.year} ${y.status}`)).toEqual(['2024 official', '2025 official', '2026 official']);
    for (const y of OFFICIAL_YEARS) {
      for (const e of [...y.daysOff, ...y.makeUpDays]) {
        expect(e.reference.length).toBeGreaterThan(10);
        expect(e.reason.length).toBeGreaterThan(3);
        expect(e.date.startsWith(`${y.year}-`)).toBe(true);
      }
    }
  });

  it.each([
    [2024, 12, ['2024-05-04']],
    [2025, 12, ['2025-04-26']],
    [2026, 14, ['2026-01-10', '2026-08-22']],
  ] as const)('%i: %i days off, make-up Saturdays %j', (year, offCount, makeUp) => {
    const y = OFFICIAL_YEARS.find((v) => v.year === year)!;
    expect(y.daysOff).toHaveLength(offCount);
    expect(y.makeUpDays.map((d) => d.date)).toEqual(makeUp);
    for (const d of y.makeUpDays) expect(weekday(d.date)).toBe(6);
  });

  it('lists only weekdays, except Giỗ Tổ on Sunday 26/04/2026 (named so deadlines can show it)', () => {
    const weekendDays = OFFICIAL_YEARS.flatMap((y) => y.daysOff).filter((d) => weekday(d.date) === 0 || weekday(d.date) === 6);
    expect(weekendDays.map((d) => d.date)).toEqual(['2026-04-26']);
  });

  it('does not include the unconfirmed 24/11/2026 (§19 note)', () => {
    expect(OFFICIAL_YEARS.flatMap((y) => y.daysOff).some((d) => d.date === '2026-11-24')).toBe(false);
  });
});
