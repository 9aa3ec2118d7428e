import type { CalendarYear, DayOff, DayOffKind, IsoDate } from './calendar.types';
import type { LunarCalendar } from './lunar';

/** Legal basis of the statutory days (§13.1, domain README). */
export const LABOR_CODE_ART_112 = 'Bộ luật Lao động 2019, Điều 112';
/** Compensatory day when a holiday falls on the weekly rest day (§13.1, §19.9). */
export const LABOR_CODE_ART_111_3 = 'Bộ luật Lao động 2019, Điều 111 khoản 3';
/** Note carried by every generated entry. */
export const DRAFT_NOTE = 'Bản nháp — cần đối chiếu với thông báo chính thức';

const DAY_MS = 86_400_000;
const WEEKDAY_VI = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'] as const;

// Pure date-number arithmetic on UTC midnights: independent of the server's time zone.
const toDay = (date: IsoDate): number => Date.parse(`${date}T00:00:00Z`) / DAY_MS;
const toIso = (day: number): IsoDate => new Date(day * DAY_MS).toISOString().slice(0, 10);
/** 0 = Sunday … 6 = Saturday. */
const weekday = (day: number): number => new Date(day * DAY_MS).getUTCDay();
const isWeekend = (day: number): boolean => weekday(day) === 0 || weekday(day) === 6;
const ddmm = (day: number): string => `${toIso(day).slice(8, 10)}/${toIso(day).slice(5, 7)}/${toIso(day).slice(0, 4)}`;

interface Proposed {
  readonly day: number;
  readonly kind: DayOffKind;
  readonly reason: string;
  readonly note?: string;
}

/**
 * Proposes the statutory days off of `year` (Bộ luật Lao động 2019 Điều 112) with the compensatory
 * rule of Điều 111 khoản 3, as a 'draft' CalendarYear to be checked against the yearly notice, which
 * may move days, add swaps and make-up Saturdays (§13.2, §19.9). Weekend holidays are listed too.
 */
export function generateDraftYear(year: number, lunar: LunarCalendar): CalendarYear {
  const days: Proposed[] = [];
  const fixed = (mmdd: string, reason: string): void => {
    days.push({ day: toDay(`${year}-${mmdd}`), kind: 'holiday', reason });
  };

  fixed('01-01', 'Tết Dương lịch');

  // Tết Âm lịch, 5 days: the PM fixes the exact days each year (art. 112(3)); we propose 1 day before
  // and 4 after, i.e. the last day of the old lunar year through mùng 4, as in 2026 (notice 9441/TB-BNV:
  // Mon 16/02 = 29 Chạp … Fri 20/02 = mùng 4). Days on a weekend still count among the 5 and are
  // compensated below, so civil servants get 5 working days off as in the 2024–2026 notices.
  const tet = toDay(lunar.lunarToSolar(year, 1, 1));
  const tetNote = 'Ngày nghỉ cụ thể do Thủ tướng quyết định hằng năm (Điều 112 khoản 3)';
  days.push({ day: tet - 1, kind: 'tet', reason: 'Tết Nguyên đán (ngày cuối năm âm lịch)', note: tetNote });
  for (let k = 1; k <= 4; k++) {
    days.push({ day: tet + k - 1, kind: 'tet', reason: `Tết Nguyên đán (mùng ${k})`, note: tetNote });
  }

  days.push({ day: toDay(lunar.lunarToSolar(year, 3, 10)), kind: 'holiday', reason: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' });
  fixed('04-30', 'Ngày Chiến thắng (30/4)');
  fixed('05-01', 'Ngày Quốc tế Lao động (01/5)');

  // Quốc khánh: 02/09 plus 01/09 or 03/09, chosen by the PM (art. 112(3)). We propose the adjacent
  // weekday, preferring one that joins a weekend (Mon/Fri); on a tie (02/09 on Wednesday) 01/09, as in
  // 2026 (notice 9441/TB-BNV). Matches 2024 (02–03/09) and 2025 (01–02/09).
  const nd = toDay(`${year}-09-02`);
  const score = (d: number): number => (isWeekend(d) ? 0 : weekday(d) === 1 || weekday(d) === 5 ? 2 : 1);
  const adjacent = score(nd + 1) > score(nd - 1) ? nd + 1 : nd - 1;
  fixed('09-02', 'Quốc khánh (02/9)');
  days.push({
    day: adjacent,
    kind: 'holiday',
    reason: 'Quốc khánh (ngày liền kề)',
    note: 'Ngày liền kề do Thủ tướng quyết định hằng năm (Điều 112 khoản 3)',
  });

  // Art. 111(3): a holiday on the weekly rest day gives the next working day off. Compensatory days
  // are found after all statutory days are placed, so they never land on another holiday.
  const off = new Set(days.map((d) => d.day));
  const compensatory: Proposed[] = [];
  for (const d of [...days].sort((a, b) => a.day - b.day)) {
    if (!isWeekend(d.day)) continue;
    let c = d.day + 1;
    while (isWeekend(c) || off.has(c)) c++;
    off.add(c);
    compensatory.push({
      day: c,
      kind: 'compensatory',
      reason: `Nghỉ bù ${d.reason} — ${ddmm(d.day)} rơi vào ${WEEKDAY_VI[weekday(d.day)]}`,
    });
  }

  // All dates stay inside `year`: Tết's eve is never before 20/01 and nothing is proposed after 04/09.
  const daysOff: DayOff[] = [...days, ...compensatory]
    .sort((a, b) => a.day - b.day)
    .map((d) => ({
      date: toIso(d.day),
      kind: d.kind,
      reason: d.reason,
      reference: d.kind === 'compensatory' ? LABOR_CODE_ART_111_3 : LABOR_CODE_ART_112,
      status: 'draft',
      note: d.note ? `${DRAFT_NOTE}. ${d.note}` : DRAFT_NOTE,
    }));
  return { year, status: 'draft', daysOff, makeUpDays: [], sources: [LABOR_CODE_ART_112, LABOR_CODE_ART_111_3] };
}
