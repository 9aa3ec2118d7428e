import type { CalendarYear, DayOff, DayOffKind, IsoDate, MakeUpWorkingDay } from './calendar.types';
import { LABOR_CODE_ART_111_3, LABOR_CODE_ART_112 } from './holiday-generator';

// The demo province's published working calendars for civil servants, copied from domain README §19
// "Official yearly schedules known so far" (confidence H/M: news and provincial re-publications of the
// notices). Weekend days inside a holiday block are not listed: they are weekly rest days anyway.
// Not included: Tue 24/11/2026 (Ngày Văn hóa Việt Nam) — uncertain (§19 note); an administrator adds
// it with its reference once confirmed (§19 row 10).

/** Thông báo 5015/TB-LĐTBXH: Tết 2024 (08–14/02: 5 Tết days + 2 in lieu, art. 111(3)) and Quốc khánh 2024 (02–03/09). */
export const NOTICE_5015_2023 = 'Thông báo 5015/TB-LĐTBXH ngày 22/11/2023';
/** Thông báo 1570/TB-BLĐTBXH: Mon 29/04/2024 off, swapped with Sat 04/05/2024. */
export const NOTICE_1570_2024 = 'Thông báo 1570/TB-BLĐTBXH ngày 12/04/2024';
/** Thông báo 6150/TB-BLĐTBXH: Tết 2025 (25/01–02/02), Fri 02/05 ↔ Sat 26/04/2025, Quốc khánh 2025 (01–02/09). */
export const NOTICE_6150_2024 = 'Thông báo 6150/TB-BLĐTBXH ngày 03/12/2024';
/** Thông báo 9441/TB-BNV: Tết 2026 (16–20/02), Quốc khánh 2026 (01–02/09) and Mon 31/08 ↔ Sat 22/08/2026. */
export const NOTICE_9441_2025 = 'Thông báo 9441/TB-BNV ngày 16/10/2025';
/** Công văn 12729/VPCP-KGVX: Fri 02/01/2026 off, swapped with Sat 10/01/2026. */
export const LETTER_12729_2025 = 'Công văn 12729/VPCP-KGVX ngày 25/12/2025';

const off = (date: IsoDate, kind: DayOffKind, reason: string, reference: string): DayOff => ({
  date,
  kind,
  reason,
  reference,
  status: 'official',
});
const holiday = (date: IsoDate, reason: string): DayOff => off(date, 'holiday', reason, LABOR_CODE_ART_112);
const worked = (date: IsoDate, reason: string, reference: string): MakeUpWorkingDay => ({
  date,
  reason,
  reference,
  status: 'official',
});

const NEW_YEAR = 'Tết Dương lịch';
const HUNG_KINGS = 'Giỗ Tổ Hùng Vương (10/3 âm lịch)';
const VICTORY = 'Ngày Chiến thắng (30/4)';
const LABOUR = 'Ngày Quốc tế Lao động (01/5)';
const NATIONAL = 'Quốc khánh (02/9)';
const NATIONAL_ADJ = 'Quốc khánh (ngày liền kề)';

const YEAR_2024: CalendarYear = {
  year: 2024,
  status: 'official',
  sources: [LABOR_CODE_ART_112, NOTICE_5015_2023, NOTICE_1570_2024],
  daysOff: [
    holiday('2024-01-01', NEW_YEAR),
    // Thu 08/02 (29 Chạp Quý Mão) – Wed 14/02 (mùng 5 Giáp Thìn); Sat 10 – Sun 11 are weekends.
    ...['2024-02-08', '2024-02-09', '2024-02-12', '2024-02-13', '2024-02-14'].map((d) => off(d, 'tet', 'Tết Nguyên đán Giáp Thìn', NOTICE_5015_2023)),
    holiday('2024-04-18', HUNG_KINGS),
    off('2024-04-29', 'swap', 'Nghỉ hoán đổi (làm bù Thứ Bảy 04/05/2024)', NOTICE_1570_2024),
    holiday('2024-04-30', VICTORY),
    holiday('2024-05-01', LABOUR),
    holiday('2024-09-02', NATIONAL),
    off('2024-09-03', 'holiday', NATIONAL_ADJ, NOTICE_5015_2023),
  ],
  makeUpDays: [worked('2024-05-04', 'Làm bù cho ngày nghỉ Thứ Hai 29/04/2024', NOTICE_1570_2024)],
};

const YEAR_2025: CalendarYear = {
  year: 2025,
  status: 'official',
  sources: [LABOR_CODE_ART_112, NOTICE_6150_2024],
  daysOff: [
    holiday('2025-01-01', NEW_YEAR),
    // Sat 25/01 (26 Chạp Giáp Thìn) – Sun 02/02 (mùng 5 Ất Tỵ): weekdays Mon 27 – Fri 31/01.
    ...['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'].map((d) => off(d, 'tet', 'Tết Nguyên đán Ất Tỵ', NOTICE_6150_2024)),
    holiday('2025-04-07', HUNG_KINGS),
    holiday('2025-04-30', VICTORY),
    holiday('2025-05-01', LABOUR),
    off('2025-05-02', 'swap', 'Nghỉ hoán đổi (làm bù Thứ Bảy 26/04/2025)', NOTICE_6150_2024),
    off('2025-09-01', 'holiday', NATIONAL_ADJ, NOTICE_6150_2024),
    holiday('2025-09-02', NATIONAL),
  ],
  makeUpDays: [worked('2025-04-26', 'Làm bù cho ngày nghỉ Thứ Sáu 02/05/2025', NOTICE_6150_2024)],
};

const YEAR_2026: CalendarYear = {
  year: 2026,
  status: 'official',
  sources: [LABOR_CODE_ART_112, LABOR_CODE_ART_111_3, LETTER_12729_2025, NOTICE_9441_2025],
  daysOff: [
    holiday('2026-01-01', NEW_YEAR),
    off('2026-01-02', 'swap', 'Nghỉ hoán đổi (làm bù Thứ Bảy 10/01/2026)', LETTER_12729_2025),
    // Mon 16/02 (29 Chạp Ất Tỵ) – Fri 20/02 (mùng 4 Bính Ngọ): 1 day before + 4 after Tết.
    ...['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'].map((d) => off(d, 'tet', 'Tết Nguyên đán Bính Ngọ', NOTICE_9441_2025)),
    // Giỗ Tổ falls on Sunday 26/04: listed so deadlines name it; Monday 27/04 is given in lieu.
    holiday('2026-04-26', HUNG_KINGS),
    off('2026-04-27', 'compensatory', 'Nghỉ bù Giỗ Tổ Hùng Vương (26/04/2026 rơi vào Chủ nhật)', LABOR_CODE_ART_111_3),
    holiday('2026-04-30', VICTORY),
    holiday('2026-05-01', LABOUR),
    off('2026-08-31', 'swap', 'Nghỉ hoán đổi (làm bù Thứ Bảy 22/08/2026)', NOTICE_9441_2025),
    off('2026-09-01', 'holiday', NATIONAL_ADJ, NOTICE_9441_2025),
    holiday('2026-09-02', NATIONAL),
  ],
  makeUpDays: [
    worked('2026-01-10', 'Làm bù cho ngày nghỉ Thứ Sáu 02/01/2026', LETTER_12729_2025),
    worked('2026-08-22', 'Làm bù cho ngày nghỉ Thứ Hai 31/08/2026', NOTICE_9441_2025),
  ],
};

/** Published calendar years of the demo province (2024–2026), each entry with its legal reference. */
export const OFFICIAL_YEARS: readonly CalendarYear[] = [YEAR_2024, YEAR_2025, YEAR_2026];
