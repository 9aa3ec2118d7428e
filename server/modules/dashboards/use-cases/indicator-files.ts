// The indicators as files (issue 12 items 5 and 6): the open data of a year (CSV and JSON, every unit month by month,
// no personal data) and the Excel workbook of one query (its summary, its units and its months, totals as on screen).
import ExcelJS from 'exceljs';
import type { Ctx } from '../../../platform/context/context';
import { isWithin } from '../../../platform/access';
import { toVnIso } from '../../../platform/calendar';
import {
  INDICATOR_COLUMNS,
  ONLINE_SERVICES_DEFINITION,
  indicatorColumnValue,
  type IndicatorBreakdown,
  type IndicatorFigures,
  type IndicatorQuery,
  type IndicatorSummary,
  type OpenData,
  type OpenDataQuery,
  type OpenDataRow,
} from '../../../../contracts/dashboards/dashboards.contracts';
import { listOrgUnitsWithin } from '../../identity';
import { readGroupFigures } from './read-indicators';

/** Columns shown as percentages (rates and shares); averages of working days get one decimal. */
const RATE_COLUMNS = new Set<string>(INDICATOR_COLUMNS.map((c) => c.key).filter((k) => k.endsWith('Rate') || k.endsWith('Share')));
const DAYS_COLUMNS = new Set<string>(['averageUsedWorkingDays', 'averageAllowedWorkingDays']);
const DAYS = '0.0';

/** Every root unit and every unit below, each counting its whole subtree, month by month over `year`. */
export async function readOpenData(ctx: Ctx, query: Pick<OpenDataQuery, 'year'>): Promise<OpenData> {
  const units = await listOrgUnitsWithin(ctx.db, '/');
  const groups = units.map((u) => ({ key: u.code, unitIds: units.filter((v) => isWithin(v.path, u.path)).map((v) => v.id) }));
  const read = await readGroupFigures(ctx, { groups, from: `${query.year}-01-01`, to: `${query.year}-12-31`, byMonth: true, procedureCodes: null });
  const unitOf = new Map(units.map((u) => [u.code, u]));
  const codeOf = new Map(units.map((u) => [u.id, u.code]));
  const rows: OpenDataRow[] = read.map((r) => {
    const unit = unitOf.get(r.key)!;
    const row: Record<string, unknown> = { unitCode: unit.code, unitName: unit.name, parentCode: unit.parentId ? (codeOf.get(unit.parentId) ?? null) : null, month: r.month! };
    for (const c of INDICATOR_COLUMNS) row[c.key] = indicatorColumnValue(r.figures, c.key);
    return row as OpenDataRow;
  });
  return { year: query.year, definitions: Object.fromEntries(INDICATOR_COLUMNS.map((c) => [c.key, c.definition])), rows, asOf: toVnIso(ctx.clock.now()) };
}

/** RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. */
function csvField(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The open data as CSV (UTF-8 with a byte-order mark so spreadsheet programs read Vietnamese; CRLF line ends). */
export function openDataCsv(data: OpenData): string {
  const keys = ['unitCode', 'unitName', 'parentCode', 'month', ...INDICATOR_COLUMNS.map((c) => c.key)] as const;
  const lines = [keys.join(','), ...data.rows.map((row) => keys.map((k) => csvField(row[k])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const FONT = 'Times New Roman';
const PERCENT = '0.0%';

function headerRow(ws: ExcelJS.Worksheet, first: string): void {
  const row = ws.addRow([first, ...INDICATOR_COLUMNS.map((c) => c.label)]);
  row.font = { name: FONT, bold: true };
  row.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  row.height = 48;
}

function figuresRow(ws: ExcelJS.Worksheet, label: string, f: IndicatorFigures, bold = false): void {
  const row = ws.addRow([label, ...INDICATOR_COLUMNS.map((c) => indicatorColumnValue(f, c.key))]);
  row.font = { name: FONT, bold };
  INDICATOR_COLUMNS.forEach((c, i) => {
    if (RATE_COLUMNS.has(c.key)) row.getCell(i + 2).numFmt = PERCENT;
    if (DAYS_COLUMNS.has(c.key)) row.getCell(i + 2).numFmt = DAYS;
  });
}

function title(ws: ExcelJS.Worksheet, lines: string[]): void {
  for (const [i, line] of lines.entries()) {
    const row = ws.addRow([line]);
    row.font = { name: FONT, bold: i === 0, size: i === 0 ? 14 : 12 };
  }
  ws.addRow([]);
}

const dmy = (iso: string) => iso.split('-').reverse().join('/');

/** The first label column of the unit table: the unit's own dossiers are named as such. */
const OWN_ROW_SUFFIX = ' (hồ sơ của riêng đơn vị)';
const TOTAL_LABEL = 'Tổng cộng';

/**
 * The workbook of one query: "Tổng hợp" (every figure with its definition), "Theo đơn vị" and "Theo tháng" (one row
 * per unit / month and a total row equal to the summary). Values, not formulas: every program shows the same numbers.
 */
export async function indicatorWorkbook(query: IndicatorQuery, summary: IndicatorSummary, byUnit: IndicatorBreakdown, byMonth: IndicatorBreakdown): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'motcua';
  const heading = [
    `Chỉ số giải quyết hồ sơ — ${summary.unit.name}${query.subtree ? ' (gồm các đơn vị trực thuộc)' : ''}`,
    `Từ ${dmy(query.from)} đến ${dmy(query.to)} · số liệu đến ${summary.asOf.slice(11, 16)} ${dmy(summary.asOf.slice(0, 10))}`,
    ...(query.field ? [`Lĩnh vực: ${query.field}`] : []),
    ...(query.procedure ? [`Thủ tục: ${query.procedure}`] : []),
  ];

  const sum = wb.addWorksheet('Tổng hợp');
  title(sum, heading);
  const head = sum.addRow(['Chỉ tiêu', 'Giá trị', 'Định nghĩa']);
  head.font = { name: FONT, bold: true };
  for (const c of INDICATOR_COLUMNS) {
    const row = sum.addRow([c.label, indicatorColumnValue(summary, c.key), c.definition]);
    row.font = { name: FONT };
    row.getCell(3).alignment = { wrapText: true, vertical: 'top' };
    if (RATE_COLUMNS.has(c.key)) row.getCell(2).numFmt = PERCENT;
    if (DAYS_COLUMNS.has(c.key)) row.getCell(2).numFmt = DAYS;
  }
  const o = summary.onlineServices;
  const offered: Array<[string, number | null, string]> = [
    [`Thủ tục đơn vị thực hiện (ngày ${dmy(o.on)})`, o.procedures, 'Thủ tục có hiệu lực mà đơn vị là cơ quan thực hiện.'],
    ['Toàn trình', o.full, 'Dịch vụ công trực tuyến toàn trình (Nghị định 42/2022/NĐ-CP).'],
    ['Một phần', o.partial, 'Dịch vụ công trực tuyến một phần (Nghị định 42/2022/NĐ-CP).'],
    ['Chỉ cung cấp thông tin', o.informationOnly, 'Thủ tục chỉ cung cấp thông tin trực tuyến.'],
    ['Chưa xác định', o.notStated, 'Cơ sở dữ liệu thủ tục chưa ghi mức cung cấp trực tuyến.'],
    ['Tỷ lệ thủ tục cung cấp trực tuyến', o.onlineShare, ONLINE_SERVICES_DEFINITION],
  ];
  for (const [label, value, definition] of offered) {
    const row = sum.addRow([label, value, definition]);
    row.font = { name: FONT };
    row.getCell(3).alignment = { wrapText: true, vertical: 'top' };
  }
  sum.lastRow!.getCell(2).numFmt = PERCENT;
  sum.columns = [{ width: 32 }, { width: 14 }, { width: 90 }];

  const units = wb.addWorksheet('Theo đơn vị');
  title(units, heading);
  headerRow(units, 'Đơn vị');
  for (const r of byUnit.rows) figuresRow(units, `${r.unit!.name}${r.own && byUnit.rows.length > 1 ? OWN_ROW_SUFFIX : ''}`, r);
  figuresRow(units, TOTAL_LABEL, byUnit.total, true);

  const months = wb.addWorksheet('Theo tháng');
  title(months, heading);
  headerRow(months, 'Tháng');
  for (const r of byMonth.rows) figuresRow(months, dmy(r.month!), r);
  figuresRow(months, TOTAL_LABEL, byMonth.total, true);

  for (const ws of [units, months]) ws.columns = [{ width: 40 }, ...INDICATOR_COLUMNS.map(() => ({ width: 13 }))];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
