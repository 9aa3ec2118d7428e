// Mẫu 07 (TT 03/2025; Mẫu 06 of TT 01/2018) — Sổ theo dõi hồ sơ as an Excel workbook for one unit and period (§4.2).
// The electronic book needs no printing but must hold every column of the form (§4.2 notes); it is still laid out
// for A4 landscape so that a unit that wants paper can print it.
import { PassThrough, type Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { formatDateLine, formatIsoDate, toInstant, vnParts } from './slips.format';
import { circularLabel, formNumberLabel, numberLine, resolveTemplateSet, type TemplateSet } from './slips.templates';
import type { SlipInstant, TrackingBookData, TrackingBookRow } from './slips.types';

/** First row of the two-row column header (1-based). */
export const TRACKING_BOOK_HEADER_ROW = 10;
/** First data row (1-based). */
export const TRACKING_BOOK_FIRST_DATA_ROW = TRACKING_BOOK_HEADER_ROW + 2;
/** Excel number format of the instant columns (24-hour clock). */
export const TRACKING_BOOK_DATE_FORMAT = 'hh:mm dd/mm/yyyy';

const FONT = 'Times New Roman';
const LAST_COL = 'L';
const COLUMNS: ReadonlyArray<{ readonly key: string; readonly width: number }> = [
  { key: 'stt', width: 6 },
  { key: 'code', width: 22 },
  { key: 'procedure', width: 32 },
  { key: 'applicant', width: 24 },
  { key: 'contact', width: 28 },
  { key: 'agency', width: 20 },
  { key: 'received', width: 17 },
  { key: 'due', width: 17 },
  { key: 'extended', width: 17 },
  { key: 'returned', width: 17 },
  { key: 'delivery', width: 16 },
  { key: 'signature', width: 16 },
];

/**
 * Excel has no time zones: an instant is written as the Asia/Ho_Chi_Minh wall clock, i.e. a Date whose UTC fields
 * are the Vietnamese date and time, so Excel shows "09:32 27/11/2026" wherever the file is opened.
 */
export function vnWallClock(value: SlipInstant): Date {
  const p = vnParts(toInstant(value));
  return new Date(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute));
}

const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
const box: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

function put(ws: ExcelJS.Worksheet, range: string, value: ExcelJS.CellValue, style: { font?: Partial<ExcelJS.Font>; align?: Partial<ExcelJS.Alignment> } = {}): void {
  const [first] = range.split(':') as [string];
  if (range.includes(':')) ws.mergeCells(range);
  const c = ws.getCell(first);
  c.value = value;
  c.font = { name: FONT, size: 12, ...style.font };
  c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true, ...style.align };
}

function rowValues(row: TrackingBookRow): ExcelJS.CellValue[] {
  const contact = [row.applicantAddress, row.applicantPhone].filter((s): s is string => !!s && !!s.trim()).join('\n');
  return [
    // STT is the dossier's number in its book, the receipt's "Số thứ tự" (Mẫu 01), not its position in this export.
    row.sequence,
    row.dossierCode,
    row.procedureName,
    row.applicantName,
    contact,
    row.handlingAgency,
    vnWallClock(row.receivedAt),
    row.dueAt === null ? 'Không có ngày hẹn trả' : vnWallClock(row.dueAt),
    row.extendedDueAt ? vnWallClock(row.extendedDueAt) : '',
    row.returnedAt ? vnWallClock(row.returnedAt) : '',
    row.resultDelivery ?? '',
    row.signature ?? '',
  ];
}

/** One sheet of an export: one volume (quyển) under one form set. */
export interface BookSheetPlan {
  readonly set: TemplateSet;
  readonly volume: string;
}

/** One sheet with its rows in memory. */
interface BookSheet extends BookSheetPlan {
  readonly rows: TrackingBookRow[];
}

/** Everything of the book but its rows. */
export type TrackingBookHead = Omit<TrackingBookData, 'rows'>;

const sheetKey = (s: BookSheetPlan) => `${s.volume}|${s.set.effectiveFrom}`;

/**
 * Sheet order: by volume, then the older form set (the code-unit order of "volume|effectiveFrom"). A book without a
 * row still has one sheet, under the set and year of the period's start.
 */
export function orderBookSheets<S extends BookSheetPlan>(head: TrackingBookHead, sheets: readonly S[]): Array<S | BookSheetPlan> {
  if (sheets.length === 0) return [{ set: resolveTemplateSet(head.templateSet, head.period.from), volume: head.period.from.slice(0, 4) }];
  return [...sheets].sort((a, b) => (sheetKey(a) < sheetKey(b) ? -1 : sheetKey(a) > sheetKey(b) ? 1 : 0));
}

/**
 * The export's sheets: a row belongs to the volume of its own dossier and to the form set in force on its own
 * reception date (§19.13), whatever the period's start. Sheets follow volume order, then the older form set.
 */
export function bookSheets(data: TrackingBookData): BookSheet[] {
  const sheets = new Map<string, BookSheet>();
  for (const row of data.rows) {
    const set = resolveTemplateSet(data.templateSet, row.receivedAt);
    const key = sheetKey({ set, volume: row.volume });
    const sheet = sheets.get(key) ?? { set, volume: row.volume, rows: [] };
    sheet.rows.push(row);
    sheets.set(key, sheet);
  }
  return orderBookSheets(data, [...sheets.values()]).map((s) => ({ ...s, rows: 'rows' in s ? [...s.rows].sort((a, b) => a.sequence - b.sequence) : [] }));
}

/** Options of `writeTrackingBook`. */
export interface WriteTrackingBookOptions {
  /** Bytes of a sheet the zip may hold unread before the writer waits for the reader (default 1 MiB). */
  readonly highWaterMark?: number;
  /** Called each time the writer waits for a slow reader. */
  readonly onBackpressure?: () => void;
}

/** The reader of a streamed book went away (the response was closed) before the book was complete. */
export class TrackingBookAbortedError extends Error {
  constructor() {
    super('the tracking book was closed by its reader before it was complete');
    this.name = 'TrackingBookAbortedError';
  }
}

/** Node and readable-stream 2 keep a stream's buffered byte counts here. */
interface BufferedStream {
  readonly _writableState?: { readonly length: number };
  readonly _readableState?: { readonly length: number };
  once(event: 'drain', listener: () => void): unknown;
  off(event: 'drain', listener: () => void): unknown;
}

/**
 * Where a sheet's committed rows wait for the zip. exceljs 4.4's streaming writer ignores backpressure: a committed row
 * goes into the sheet's StreamBuf, which passes each 64 KiB to archiver's PassThrough for the entry whatever that
 * PassThrough already holds; with a slow reader the bytes pile up there. Null if exceljs is built differently (the
 * book is still correct, only unthrottled; tracking-book.stream.test.ts fails then).
 */
function sheetBuffer(ws: ExcelJS.Worksheet): BufferedStream | null {
  const pipes = (ws as unknown as { stream?: { pipes?: unknown[] } }).stream?.pipes;
  const first = pipes?.[0] as BufferedStream | undefined;
  return first && first._writableState ? first : null;
}

const buffered = (s: BufferedStream) => (s._writableState?.length ?? 0) + (s._readableState?.length ?? 0);

/** Waits until the zip has taken the sheet's rows down to `limit` bytes; throws once `out` is closed. */
async function keepPace(ws: ExcelJS.Worksheet, out: Writable, limit: number, onWait?: () => void): Promise<void> {
  for (;;) {
    if (out.destroyed) throw new TrackingBookAbortedError();
    const pending = sheetBuffer(ws);
    if (!pending || buffered(pending) <= limit) return;
    onWait?.();
    // Above the limit the PassThrough's last write returned false, so it emits 'drain' once empty.
    await new Promise<void>((resolve) => {
      const done = () => {
        pending.off('drain', done);
        out.off('close', done);
        resolve();
      };
      pending.once('drain', done);
      out.once('close', done);
    });
  }
}

/**
 * Text goes inline (t="str"), so nothing grows with the rows, except the empty string: inline it reads back as no value
 * at all, while the book's blank columns (no extension, not yet returned, not signed) are empty text, as they were when
 * the book was built in memory with a shared-string table. The table then holds "" alone: exceljs 4.4 shares a string
 * only when its table's `add` returns an index, and writes it inline otherwise.
 */
function shareOnlyTheEmptyString(wb: ExcelJS.stream.xlsx.WorkbookWriter): void {
  const table = (wb as unknown as { sharedStrings: { add(value: unknown): number | undefined } }).sharedStrings;
  const add = table.add.bind(table);
  table.add = (value) => (value === '' ? add(value) : undefined);
}

/** Resolves when `out` has taken every byte written to it; rejects if it is closed first. */
function committed(wb: ExcelJS.stream.xlsx.WorkbookWriter, out: Writable): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    // A PassThrough also closes after a normal end (autoDestroy): only a close before 'finish' is the reader leaving.
    const closed = () => {
      if (!out.writableFinished) reject(new TrackingBookAbortedError());
    };
    out.once('close', closed);
    wb.commit().then(
      () => {
        out.off('close', closed);
        resolve();
      },
      (err: unknown) => {
        out.off('close', closed);
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}

/**
 * Writes the tracking book as .xlsx into `out`, sheet after sheet and row after row (exceljs's streaming writer):
 * `sheets` in the order `orderBookSheets` gives, each sheet's rows asked of `rowsOf` in batches, in book order (STT).
 * Only the rows not yet taken by `out` stay in memory: before each batch the writer waits for a slow reader. Rejects
 * with TrackingBookAbortedError when `out` is closed first, or with the error of `rowsOf`; either way the zip is
 * never finished, so the bytes already written are not a readable workbook. Resolves with the number of rows.
 */
export async function writeTrackingBook<S extends BookSheetPlan>(
  out: Writable,
  head: TrackingBookHead,
  sheets: readonly S[],
  rowsOf: (sheet: S) => AsyncIterable<readonly TrackingBookRow[]> | Iterable<readonly TrackingBookRow[]>,
  options: WriteTrackingBookOptions = {},
): Promise<number> {
  const limit = options.highWaterMark ?? 1024 * 1024;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
  shareOnlyTheEmptyString(wb);
  wb.creator = 'motcua';
  wb.lastModifiedBy = 'motcua';
  wb.created = toInstant(head.issuedAt);
  wb.modified = toInstant(head.issuedAt);
  wb.title = `SỔ THEO DÕI HỒ SƠ ${formatIsoDate(head.period.from)} – ${formatIsoDate(head.period.to)}`;
  const volumes = new Set(sheets.map((s) => s.volume));
  let total = 0;
  for (const sheet of sheets) {
    const label = formNumberLabel(sheet.set.forms.trackingBook) ?? '';
    // Two sheets of one volume differ by their form number (a volume that spans 1 July 2025).
    const name = sheets.filter((s) => s.volume === sheet.volume).length > 1 ? `Quyển ${sheet.volume} - ${label}` : `Quyển ${sheet.volume}`;
    const ws = writeSheetHead(wb, name, head, sheet, volumes.size);
    let n = 0;
    if (out.destroyed) throw new TrackingBookAbortedError();
    for await (const batch of rowsOf(sheet)) {
      for (const row of batch) writeRow(ws, TRACKING_BOOK_FIRST_DATA_ROW + n++, row);
      await keepPace(ws, out, limit, options.onBackpressure);
    }
    writeNotes(ws, TRACKING_BOOK_FIRST_DATA_ROW + n + 1);
    // The streaming writer zips sheets one after the other: this one must be complete before the next begins.
    ws.commit();
    total += n;
  }
  await committed(wb, out);
  return total;
}

/** Renders the tracking book as .xlsx bytes: one sheet per volume and form set (see `bookSheets`). */
export async function renderTrackingBook(data: TrackingBookData): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await writeTrackingBook(out, data, bookSheets(data), async function* (sheet) {
    yield sheet.rows;
  });
  await finished(out);
  return Buffer.concat(chunks);
}

/** Adds a sheet with its heading, title rows and two-row column header; rows follow from TRACKING_BOOK_FIRST_DATA_ROW. */
function writeSheetHead(wb: ExcelJS.stream.xlsx.WorkbookWriter, sheetName: string, data: TrackingBookHead, sheet: BookSheetPlan, volumeCount: number): ExcelJS.Worksheet {
  const { set } = sheet;
  const template = set.forms.trackingBook;
  const reference = data.volumes?.find((v) => v.volume === sheet.volume)?.reference ?? null;
  const ws = wb.addWorksheet(sheetName, {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.6, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printTitlesRow: `${TRACKING_BOOK_HEADER_ROW}:${TRACKING_BOOK_HEADER_ROW + 1}`,
    },
    views: [{ state: 'frozen', ySplit: TRACKING_BOOK_HEADER_ROW + 1 }],
  });
  ws.columns = COLUMNS.map((c) => ({ key: c.key, width: c.width }));

  const label = formNumberLabel(template);
  if (label) put(ws, `A1:${LAST_COL}1`, `${label} (${circularLabel(set)})`, { font: { size: 9, italic: true }, align: { horizontal: 'right' } });
  const issuerLines = [data.issuer.parentName, data.issuer.unitName].filter((s): s is string => !!s);
  if (issuerLines.length === 2) {
    put(ws, 'A2:D2', issuerLines[0]!.toLocaleUpperCase('vi'));
    put(ws, 'A3:D3', issuerLines[1]!.toLocaleUpperCase('vi'), { font: { bold: true } });
  } else {
    put(ws, 'A2:D3', issuerLines[0]!.toLocaleUpperCase('vi'), { font: { bold: true } });
  }
  put(ws, `F2:${LAST_COL}2`, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { font: { bold: true } });
  put(ws, `F3:${LAST_COL}3`, 'Độc lập - Tự do - Hạnh phúc', { font: { bold: true, underline: true } });
  put(ws, 'A4:D4', numberLine({ ...data, reference: reference ?? data.reference ?? null }, template));
  put(ws, `F4:${LAST_COL}4`, formatDateLine(data.place, data.issuedAt), { font: { italic: true } });
  put(ws, `A6:${LAST_COL}6`, template.title, { font: { bold: true, size: 14 } });
  const scope = [data.bookName, `Quyển số: ${sheet.volume}`].filter((s) => s).join(' — ');
  put(ws, `A7:${LAST_COL}7`, scope, { font: { bold: true } });
  const period = `Từ ngày ${formatIsoDate(data.period.from)} đến ngày ${formatIsoDate(data.period.to)}`;
  put(ws, `A8:${LAST_COL}8`, volumeCount > 1 ? `${period} (phần thuộc Quyển số ${sheet.volume})` : period, { font: { italic: true } });
  ws.getRow(3).height = 32;

  // Two-row header: six columns span both rows, "Nhận và trả kết quả" spans the columns beneath it (§4.2).
  const h1 = TRACKING_BOOK_HEADER_ROW;
  const h2 = h1 + 1;
  const headerFont = { bold: true, size: 11 };
  const spanning: Array<[string, string]> = [
    ['A', 'STT'],
    ['B', 'Mã hồ sơ'],
    ['C', 'Tên TTHC'],
    ['D', 'Tên tổ chức, cá nhân'],
    ['E', 'Địa chỉ/SĐT'],
    ['F', 'Cơ quan chủ trì giải quyết'],
  ];
  for (const [col, text] of spanning) put(ws, `${col}${h1}:${col}${h2}`, text, { font: headerFont });
  put(ws, `G${h1}:${LAST_COL}${h1}`, 'Nhận và trả kết quả', { font: headerFont });
  const lower: Array<[string, string]> = [
    ['G', 'Nhận hồ sơ'],
    ['H', 'Hẹn trả kết quả'],
    // The promise stays as made; the single apology extension (§19.7) has its own column.
    ['I', 'Gia hạn hẹn trả (văn bản xin lỗi)'],
    ['J', 'Trả kết quả'],
    ['K', 'Phương thức nhận kết quả'],
    ['L', 'Ký nhận'],
  ];
  for (const [col, text] of lower) put(ws, `${col}${h2}`, text, { font: headerFont });
  ws.getRow(h1).height = 22;
  ws.getRow(h2).height = 32;
  for (const r of [h1, h2]) {
    for (let c = 1; c <= COLUMNS.length; c++) {
      const cell = ws.getRow(r).getCell(c);
      cell.border = box;
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
    }
  }

  return ws;
}

/** Writes one dossier's row and hands it to the zip (rows above it are then final). */
function writeRow(ws: ExcelJS.Worksheet, rowNumber: number, row: TrackingBookRow): void {
  const r = ws.getRow(rowNumber);
  r.values = rowValues(row);
  for (let c = 1; c <= COLUMNS.length; c++) {
    const cell = r.getCell(c);
    cell.border = box;
    cell.font = { name: FONT, size: 11 };
    const centred = c === 1 || c >= 7;
    cell.alignment = { vertical: 'top', horizontal: centred ? 'center' : 'left', wrapText: true };
    if (cell.value instanceof Date) cell.numFmt = TRACKING_BOOK_DATE_FORMAT;
  }
  r.commit();
}

/** The notes under the last row (the form's "Ghi chú"). */
function writeNotes(ws: ExcelJS.Worksheet, notesRow: number): void {
  put(ws, `A${notesRow}:${LAST_COL}${notesRow}`, 'Ghi chú:', { font: { bold: true, italic: true, size: 11 }, align: { horizontal: 'left' } });
  put(ws, `A${notesRow + 1}:${LAST_COL}${notesRow + 1}`, '- Sổ theo dõi hồ sơ được lập theo từng lĩnh vực hoặc nhóm lĩnh vực tại Bộ phận Một cửa.', {
    font: { italic: true, size: 11 },
    align: { horizontal: 'left' },
  });
  put(
    ws,
    `A${notesRow + 2}:${LAST_COL}${notesRow + 2}`,
    '- Trường hợp áp dụng Sổ theo dõi hồ sơ điện tử thì theo dõi trực tiếp trên Hệ thống thông tin giải quyết thủ tục hành chính, không cần thực hiện in sổ giấy nhưng phải đảm bảo đầy đủ thông tin theo quy định.',
    { font: { italic: true, size: 11 }, align: { horizontal: 'left' } },
  );
  ws.getRow(notesRow + 2).height = 30;
}
