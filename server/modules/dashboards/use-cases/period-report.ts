// The periodic report of issue 12 item 6 (D46): "Tình hình, kết quả giải quyết thủ tục hành chính tại cơ quan, đơn vị
// trực tiếp giải quyết TTHC", the form of the periodic reports regulated by Thông tư 01/2020/TT-VPCP (the issue names
// it Biểu số II.06a/VPCP/KSTT; that number is not verified, so the sheet does not print it). Source of the columns: the
// form's text itself could not be read here (the search corpus holds the Thông tư's page on thuvienphapluat.vn, document
// 455746, without its appendix), so they are the well-known structure provinces publish, corroborated by their
// reports: "kỳ trước chuyển sang, tiếp nhận mới trực tiếp / trực tuyến / qua dịch vụ bưu chính công ích"
// (baodongkhoi.vn, 06/06/2021), "đang giải quyết ... chưa đến hạn ... đã quá hạn" (baolamdong.vn, 18/03/2020), "tồn kỳ
// trước: số hồ sơ chưa xử lý xong đến cuối tháng trước" (motcua.gialai.gov.vn), and dossiers withdrawn or returned
// reported apart (vinhphuc.gov.vn, 29/09/2021).
// Columns: (1) STT, (2) lĩnh vực, (3) = (4) + (5) + (6) received for handling: carried over from before the period, new
// online, new at the desk or by post; (7) = (8) + (9) + (10) finished: early, on time, late (domain README §5.5 as the
// indicators count them); (11) = (12) + (13) still being handled at the period's end: within due, past due; and
// (3) = (7) + (11) on every row.
import ExcelJS from 'exceljs';
import type { Ctx } from '../../../platform/context/context';
import { toVnIso, vnDateOf } from '../../../platform/calendar';
import type { PeriodReportQuery } from '../../../../contracts/dashboards/dashboards.contracts';
import { readPeriodReportCounts } from '../../dossiers';
import { listProcedureCodesOfUnits, listProcedureFields } from '../../catalog';
import { authorisedUnit, stockDayOf, unitIdsOf } from './read-indicators';

/** One row of the form: a field's numbers (columns 3 to 13). */
export interface PeriodReportFigures {
  received: number;
  carriedOver: number;
  newOnline: number;
  newOther: number;
  finished: number;
  finishedEarly: number;
  finishedOnTime: number;
  finishedLate: number;
  open: number;
  openWithinDue: number;
  openOverdue: number;
}

/** The report of one unit over one period: a row per field of its procedures, their total, and what it leaves out. */
export interface PeriodReport {
  unit: { id: string; code: string; name: string };
  subtree: boolean;
  from: string;
  to: string;
  /** The day the report is made (Vietnam), and the instant its numbers were read. */
  madeOn: string;
  asOf: string;
  rows: Array<{ field: string | null } & PeriodReportFigures>;
  total: PeriodReportFigures;
  /** Dossiers withdrawn or stopped during the period: neither resolved nor being resolved, left out of every column. */
  withdrawnOrStopped: number;
}

const ZERO = (): PeriodReportFigures => ({
  received: 0,
  carriedOver: 0,
  newOnline: 0,
  newOther: 0,
  finished: 0,
  finishedEarly: 0,
  finishedOnTime: 0,
  finishedLate: 0,
  open: 0,
  openWithinDue: 0,
  openOverdue: 0,
});

function add(into: PeriodReportFigures, c: Omit<PeriodReportFigures, 'received' | 'finished' | 'openWithinDue'>): void {
  into.carriedOver += c.carriedOver;
  into.newOnline += c.newOnline;
  into.newOther += c.newOther;
  into.received += c.carriedOver + c.newOnline + c.newOther;
  into.finishedEarly += c.finishedEarly;
  into.finishedOnTime += c.finishedOnTime;
  into.finishedLate += c.finishedLate;
  into.finished += c.finishedEarly + c.finishedOnTime + c.finishedLate;
  into.open += c.open;
  into.openOverdue += c.openOverdue;
  into.openWithinDue += c.open - c.openOverdue;
}

/** Fields in Vietnamese order; the procedures that state none last. */
const byField = (a: string | null, b: string | null) => (a === null ? (b === null ? 0 : 1) : b === null ? -1 : a.localeCompare(b, 'vi'));

/**
 * GET /api/v1/indicators/report.xlsx's numbers, for the indicators' readers: every field of the procedures the units
 * carry out on the period's last day (today, while it runs) or had dossiers of, each with its numbers.
 */
export async function readPeriodReport(ctx: Ctx, query: PeriodReportQuery): Promise<PeriodReport> {
  const unit = await authorisedUnit(ctx, query);
  const unitIds = await unitIdsOf(ctx, unit, query.subtree);
  const [counts, offered] = await Promise.all([
    readPeriodReportCounts(ctx.db, { groups: [{ key: unit.code, unitIds }], from: query.from, to: query.to, now: ctx.clock.now() }),
    listProcedureCodesOfUnits(ctx.db, { unitIds, day: stockDayOf(ctx, query.to) }),
  ]);
  const fieldOf = await listProcedureFields(ctx.db, [...new Set([...offered.map((o) => o.code), ...counts.map((c) => c.procedureCode)])]);
  const rows = new Map<string | null, PeriodReportFigures>();
  const rowOf = (code: string) => {
    const field = fieldOf.get(code) ?? null;
    let r = rows.get(field);
    if (!r) rows.set(field, (r = ZERO()));
    return r;
  };
  for (const o of offered) rowOf(o.code);
  const total = ZERO();
  let withdrawnOrStopped = 0;
  for (const c of counts) {
    add(rowOf(c.procedureCode), c);
    add(total, c);
    withdrawnOrStopped += c.withdrawnOrStopped;
  }
  return {
    unit: { id: unit.id, code: unit.code, name: unit.name },
    subtree: query.subtree,
    from: query.from,
    to: query.to,
    madeOn: vnDateOf(ctx.clock.now()),
    asOf: toVnIso(ctx.clock.now()),
    rows: [...rows].sort(([a], [b]) => byField(a, b)).map(([field, f]) => ({ field, ...f })),
    total,
    withdrawnOrStopped,
  };
}

const FONT = 'Times New Roman';
/** Whole numbers with thousands grouped; a Vietnamese spreadsheet shows the group separator as a dot (1.234). */
const NUMBER = '#,##0';
const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
const COLUMNS = 13;
const LAST = 'M';

/** The figures of a row in the form's order, columns 3 to 13. */
const figureCells = (f: PeriodReportFigures) => [
  f.received,
  f.carriedOver,
  f.newOnline,
  f.newOther,
  f.finished,
  f.finishedEarly,
  f.finishedOnTime,
  f.finishedLate,
  f.open,
  f.openWithinDue,
  f.openOverdue,
];

/** The label of a row whose procedures state no field. */
export const NO_FIELD_LABEL = 'Chưa xác định lĩnh vực';
export const TOTAL_LABEL = 'Tổng cộng';
/** The title of the form, as printed. */
export const REPORT_TITLE = 'TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT TTHC';

const dmy = (iso: string) => iso.split('-').reverse().join('/');
const longDate = (iso: string) => {
  const [y, m, d] = iso.split('-');
  return `ngày ${d} tháng ${m} năm ${y}`;
};

function line(ws: ExcelJS.Worksheet, range: string, value: string, style: { bold?: boolean; italic?: boolean; size?: number; align?: 'left' | 'center' | 'right' } = {}): void {
  ws.mergeCells(range);
  const cell = ws.getCell(range.split(':')[0]!);
  cell.value = value;
  cell.font = { name: FONT, size: style.size ?? 12, bold: style.bold ?? false, italic: style.italic ?? false };
  cell.alignment = { horizontal: style.align ?? 'center', vertical: 'middle', wrapText: true };
}

/**
 * The form as a workbook (one sheet): the unit and the national motto, the title, the period and the day it was made,
 * the two-level header merged as printed with its column numbers, a row per field, the total row and the notes.
 * Values, not formulas (as the indicators' workbook): every program shows the same numbers.
 */
export async function periodReportWorkbook(report: PeriodReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'motcua';
  const ws = wb.addWorksheet('Biểu tình hình giải quyết TTHC', { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.columns = [{ width: 6 }, { width: 36 }, ...Array.from({ length: COLUMNS - 2 }, () => ({ width: 12 }))];

  line(ws, 'A1:E1', report.unit.name.toUpperCase(), { bold: true });
  line(ws, 'H1:M1', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true });
  line(ws, 'H2:M2', 'Độc lập - Tự do - Hạnh phúc', { bold: true });
  line(ws, 'H3:M3', longDate(report.madeOn).replace(/^n/, 'N'), { italic: true });
  line(ws, `A5:${LAST}5`, REPORT_TITLE, { bold: true, size: 14 });
  line(ws, `A6:${LAST}6`, `Kỳ báo cáo: từ ngày ${dmy(report.from)} đến ngày ${dmy(report.to)}`, { italic: true });
  line(ws, `A7:${LAST}7`, `Đơn vị báo cáo: ${report.unit.name}${report.subtree ? ' (gồm các đơn vị trực thuộc)' : ''}`);
  line(ws, `A8:${LAST}8`, 'Đơn vị tính: hồ sơ', { italic: true, align: 'right' });
  ws.getRow(5).height = 36;

  // The header: rows 9 to 11, merged as printed, then the column numbers (1) to (13) on row 12.
  const header: Array<[string, string]> = [
    ['A9:A11', 'STT'],
    ['B9:B11', 'Lĩnh vực giải quyết'],
    ['C9:F9', 'Số hồ sơ nhận giải quyết'],
    [`G9:${LAST}9`, 'Kết quả giải quyết'],
    ['C10:C11', 'Tổng số'],
    ['D10:D11', 'Số kỳ trước chuyển qua'],
    ['E10:E11', 'Số mới tiếp nhận trực tuyến'],
    ['F10:F11', 'Số mới tiếp nhận trực tiếp và qua dịch vụ bưu chính'],
    ['G10:J10', 'Số hồ sơ đã giải quyết'],
    [`K10:${LAST}10`, 'Số hồ sơ đang giải quyết'],
    ['G11', 'Tổng số'],
    ['H11', 'Trả trước hạn'],
    ['I11', 'Trả đúng thời hạn'],
    ['J11', 'Trả quá hạn'],
    ['K11', 'Tổng số'],
    ['L11', 'Chưa đến hạn'],
    ['M11', 'Quá hạn'],
  ];
  for (const [range, text] of header) {
    if (range.includes(':')) ws.mergeCells(range);
    const cell = ws.getCell(range.split(':')[0]!);
    cell.value = text;
  }
  ws.getRow(12).values = Array.from({ length: COLUMNS }, (_, i) => `(${i + 1})`);
  for (const r of [9, 10, 11, 12]) {
    const row = ws.getRow(r);
    row.height = r === 11 ? 48 : r === 10 ? 36 : 20;
    for (let c = 1; c <= COLUMNS; c += 1) {
      const cell = row.getCell(c);
      cell.font = { name: FONT, size: 11, bold: r < 12, italic: r === 12 };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = THIN;
    }
  }

  const body = (values: Array<string | number>, bold: boolean) => {
    const row = ws.addRow(values);
    for (let c = 1; c <= COLUMNS; c += 1) {
      const cell = row.getCell(c);
      cell.font = { name: FONT, size: 11, bold };
      cell.border = THIN;
      cell.alignment = { vertical: 'middle', horizontal: c === 2 ? 'left' : 'center', wrapText: c === 2 };
      if (c > 2) cell.numFmt = NUMBER;
    }
  };
  report.rows.forEach((r, i) => body([i + 1, r.field ?? NO_FIELD_LABEL, ...figureCells(r)], false));
  body(['', TOTAL_LABEL, ...figureCells(report.total)], true);

  const notes = [
    'Ghi chú: (3) = (4) + (5) + (6) = (7) + (11); (7) = (8) + (9) + (10); (11) = (12) + (13).',
    '(4): hồ sơ tiếp nhận trước kỳ, đến đầu kỳ chưa có kết quả. (5), (6): hồ sơ tiếp nhận trong kỳ theo kênh nộp.',
    '(8), (9), (10): hồ sơ có kết quả trong kỳ, so với hạn trả ban đầu: trước ngày hẹn trả; đúng ngày hẹn trả, không quá giờ hẹn; sau thời điểm hẹn trả.',
    `(11): hồ sơ chưa có kết quả đến hết kỳ (hoặc đến thời điểm lập biểu nếu kỳ chưa kết thúc); (13): đã quá hạn trả tại thời điểm đó.`,
    `Không tính ${report.withdrawnOrStopped.toLocaleString('vi-VN')} hồ sơ rút hoặc dừng giải quyết trong kỳ.`,
    `Số liệu đến ${report.asOf.slice(11, 16)} ngày ${dmy(report.asOf.slice(0, 10))}.`,
  ];
  ws.addRow([]);
  for (const text of notes) {
    const row = ws.addRow([]);
    ws.mergeCells(`A${row.number}:${LAST}${row.number}`);
    row.getCell(1).value = text;
    row.getCell(1).font = { name: FONT, size: 11, italic: true };
    row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
  }
  ws.addRow([]);
  const sign = ws.addRow([]);
  ws.mergeCells(`A${sign.number}:E${sign.number}`);
  ws.mergeCells(`H${sign.number}:${LAST}${sign.number}`);
  sign.getCell(1).value = 'NGƯỜI LẬP BIỂU';
  sign.getCell(8).value = 'THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ';
  for (const c of [1, 8]) {
    sign.getCell(c).font = { name: FONT, size: 12, bold: true };
    sign.getCell(c).alignment = { horizontal: 'center' };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
