import { describe, expect, it } from 'vitest';
import { DRAFT_NOTE, LABOR_CODE_ART_111_3, LABOR_CODE_ART_112, generateDraftYear } from './holiday-generator';
import { createLunarCalendar } from './lunar';
import { OFFICIAL_YEARS } from './official-years';

const lunar = createLunarCalendar();
const dates = (year: number): string[] => generateDraftYear(year, lunar).daysOff.map((d) => d.date);
const weekday = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();

describe('generateDraftYear (BLLĐ 2019 Điều 112, Điều 111 khoản 3)', () => {
  it('2026 draft: every proposed day is in the published 2026 schedule; only the swaps are extra', () => {
    // Published: §19 table (Công văn 12729/VPCP-KGVX, Thông báo 9441/TB-BNV).
    const official = OFFICIAL_YEARS.find((y) => y.year === 2026)!.daysOff.map((d) => d.date);
    const draft = dates(2026);
    expect(draft).toEqual([
      '2026-01-01',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-04-26',
      '2026-04-27',
      '2026-04-30',
      '2026-05-01',
      '2026-09-01',
      '2026-09-02',
    ]);
    expect(official.filter((d) => !draft.includes(d))).toEqual(['2026-01-02', '2026-08-31']);
  });

  it('counts weekend Tết days among the five and compensates them (2024: Tết on Saturday 10/02)', () => {
    // Thông báo 5015/TB-LĐTBXH chose Thu 08/02 – Wed 14/02/2024 (5 Tết days + 2 in lieu); the draft
    // places the 2 days in lieu after the block, as art. 111(3) says: 14/02 and 15/02.
    const tet = generateDraftYear(2024, lunar).daysOff.filter((d) => d.kind === 'tet' || d.date.startsWith('2024-02'));
    expect(tet.map((d) => `${d.date} ${d.kind}`)).toEqual([
      '2024-02-09 tet',
      '2024-02-10 tet',
      '2024-02-11 tet',
      '2024-02-12 tet',
      '2024-02-13 tet',
      '2024-02-14 compensatory',
      '2024-02-15 compensatory',
    ]);
    const weekdaysOff = tet.filter((d) => weekday(d.date) !== 0 && weekday(d.date) !== 6);
    expect(weekdaysOff).toHaveLength(5);
  });

  it.each([
    [2024, ['2024-09-02', '2024-09-03'], 'Mon 02 + Tue 03 (Thông báo 5015/TB-LĐTBXH)'],
    [2025, ['2025-09-01', '2025-09-02'], 'Mon 01 + Tue 02 (Thông báo 6150/TB-BLĐTBXH)'],
    [2026, ['2026-09-01', '2026-09-02'], 'Tue 01 + Wed 02 (Thông báo 9441/TB-BNV)'],
    [2027, ['2027-09-02', '2027-09-03'], '02/09 Thursday → Friday 03'],
    [2028, ['2028-09-01', '2028-09-02', '2028-09-04'], '02/09 Saturday → Fri 01, Mon 04 in lieu'],
    [2029, ['2029-09-02', '2029-09-03', '2029-09-04'], '02/09 Sunday → Mon 03, Tue 04 in lieu'],
  ] as const)('Quốc khánh %i: %j (%s)', (year, expected, _source) => {
    expect(dates(year).filter((d) => d.slice(5, 7) === '09')).toEqual(expected);
  });

  it('gives the next working day for a holiday on a weekend (2028: 01/01 and 2027: 01/05 on Saturday)', () => {
    expect(dates(2028)).toContain('2028-01-03');
    const may = generateDraftYear(2027, lunar).daysOff.find((d) => d.date === '2027-05-03')!;
    expect(may).toMatchObject({ kind: 'compensatory', reference: LABOR_CODE_ART_111_3 });
    expect(may.reason).toMatch(/^Nghỉ bù Ngày Quốc tế Lao động/);
  });

  it('marks everything draft with its legal reference and the check-against-notice note', () => {
    for (const year of [2024, 2025, 2026, 2027, 2030]) {
      const y = generateDraftYear(year, lunar);
      expect(y.status).toBe('draft');
      for (const d of y.daysOff) {
        expect(d.status).toBe('draft');
        expect(d.note).toContain(DRAFT_NOTE);
        expect([LABOR_CODE_ART_112, LABOR_CODE_ART_111_3]).toContain(d.reference);
        expect(d.date.startsWith(`${year}-`)).toBe(true);
      }
      expect(new Set(y.daysOff.map((d) => d.date)).size).toBe(y.daysOff.length);
    }
  });

  it('Tết entries say the Prime Minister fixes the exact days (art. 112(3))', () => {
    const tet = generateDraftYear(2027, lunar).daysOff.filter((d) => d.kind === 'tet');
    expect(tet).toHaveLength(5);
    expect(tet[0]!.note).toContain('Điều 112 khoản 3');
  });
});
