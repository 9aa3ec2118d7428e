// Reads the Excel sheet documented in ../IMPORT_FORMAT.md: one procedure per row, columns found by their header.
import ExcelJS from 'exceljs';
import type { Fee, LegalBasis, RequiredDocument } from '../../../../contracts/catalog/catalog.contracts';
import { AppError } from '../../../platform/errors';
import {
  buildProcessingTimes,
  defaultWorkflow,
  normaliseSearch,
  parseLevels,
  parseOnlineMode,
  parseVnd,
  readDocumentGroups,
  splitTimesText,
  type RowMessage,
} from '../catalog.parsing';
import { CODE_PATTERN, hasError, str, type ImportCandidate } from './candidate';

/** Column keys and the header texts (accent-free, lower-case, punctuation dropped) that name them. */
export const EXCEL_COLUMNS = {
  code: ['ma thu tuc', 'ma tthc', 'code'],
  name: ['ten thu tuc', 'ten tthc', 'name'],
  field: ['linh vuc', 'field'],
  level: ['cap thuc hien', 'level'],
  time: ['thoi han giai quyet', 'thoi han', 'processing time'],
  unit: ['don vi thoi han', 'don vi thoi gian', 'time unit', 'unit'],
  fee: ['le phi vnd', 'phi le phi vnd', 'le phi', 'fee vnd', 'fee'],
  onlineMode: ['muc do dvctt', 'muc do dich vu cong truc tuyen', 'online mode'],
  unitCodes: ['ma don vi thuc hien', 'co quan thuc hien', 'implementing unit codes', 'implementing units'],
  documents: ['thanh phan ho so', 'required documents'],
  legalBasis: ['can cu phap ly', 'legal basis'],
} as const;
type ColumnKey = keyof typeof EXCEL_COLUMNS;

const headerKey = (text: string) =>
  normaliseSearch(text)
    .replace(/[^a-z0-9 ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** The text of a cell whatever exceljs made of it (rich text, hyperlink, formula result, date). */
function cellText(value: ExcelJS.CellValue): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return str(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return str(value.richText.map((r) => r.text).join(''));
  if ('text' in value && typeof value.text === 'string') return str(value.text);
  if ('result' in value) return cellText(value.result);
  return null;
}

const lines = (text: string | null) =>
  (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** Parses the first worksheet; the first row holds the headers. */
export async function parseExcelProcedures(data: Buffer): Promise<ImportCandidate[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as Parameters<typeof wb.xlsx.load>[0]);
  } catch (err) {
    throw new AppError('IMPORT_FILE_INVALID', { reason: (err as Error).message });
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError('IMPORT_FILE_INVALID', { reason: 'no worksheet' });
  const columns = new Map<ColumnKey, number>();
  ws.getRow(1).eachCell((cell, col) => {
    const key = headerKey(cellText(cell.value) ?? '');
    for (const [name, aliases] of Object.entries(EXCEL_COLUMNS) as Array<[ColumnKey, readonly string[]]>) {
      if (!columns.has(name) && aliases.includes(key)) columns.set(name, col);
    }
  });
  if (!columns.has('name')) throw new AppError('IMPORT_FILE_INVALID', { reason: 'thiếu cột "Tên thủ tục" / missing column "Name"' });

  const candidates: ImportCandidate[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const get = (key: ColumnKey): string | null => {
      const col = columns.get(key);
      return col ? cellText(row.getCell(col).value) : null;
    };
    const rawFee = columns.has('fee') ? row.getCell(columns.get('fee')!).value : null;
    const values = Object.fromEntries((Object.keys(EXCEL_COLUMNS) as ColumnKey[]).map((k) => [k, get(k)])) as Record<ColumnKey, string | null>;
    if (Object.values(values).every((v) => v === null)) return;
    candidates.push(fromRow(rowNumber, values, rawFee));
  });
  return candidates;
}

function fromRow(row: number, c: Record<ColumnKey, string | null>, rawFee: ExcelJS.CellValue): ImportCandidate {
  const messages: RowMessage[] = [];
  const code = c.code;
  const name = c.name;
  if (code !== null && !CODE_PATTERN.test(code)) messages.push({ code: 'invalidCode', severity: 'error', params: { code } });
  if (!name) messages.push({ code: 'missingName', severity: 'error' });
  if (hasError(messages)) return { row, code, name, content: null, unitCodes: [], messages };

  // "5" + "ngày làm việc" → one reading for every channel; "Trực tiếp: 5 ngày làm việc; Trực tuyến: 3 ngày làm việc" also works.
  const timeText = c.time ? (c.unit ? `${c.time} ${c.unit}` : c.time) : null;
  const timeEntries = timeText ? (c.unit ? [{ channel: 'any' as const, text: timeText }] : splitTimesText(timeText)) : [];
  if (timeEntries.length === 0) messages.push({ code: 'timeMissing', severity: 'warning' });
  const processingTimes = buildProcessingTimes(timeEntries, messages);

  const fees: Fee[] = [];
  const feeText = typeof rawFee === 'number' ? String(rawFee) : c.fee;
  if (feeText !== null) {
    const amountVnd = parseVnd(typeof rawFee === 'number' ? rawFee : feeText);
    if (amountVnd === null) messages.push({ code: /usd|eur|\$/i.test(feeText) ? 'feeNotVnd' : 'feeUnreadable', severity: 'warning', params: { text: feeText } });
    fees.push({ channel: 'any', amountVnd, text: feeText, note: null });
  }

  const published: RequiredDocument[] = lines(c.documents).map((d) => ({ name: d, originals: null, copies: null, case: null, note: null, template: null, group: null }));
  const { documents: requiredDocuments, groups: documentGroups, issues: documentIssues } = readDocumentGroups(published, messages);
  const legalBasis: LegalBasis[] = lines(c.legalBasis).map((l) => {
    // "04/2020/TT-BTP — Hướng dẫn Luật hộ tịch" → number + title; anything else is a title only.
    const m = /^(\S*\/\S*)\s+[-–—:]\s+(.+)$/.exec(l);
    return m ? { number: m[1]!, title: m[2]! } : { number: null, title: l };
  });
  const unitCodes = (c.unitCodes ?? '')
    .split(/[;\n]/)
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);

  return {
    row,
    code,
    name,
    unitCodes,
    messages,
    content: {
      name: name!,
      field: c.field,
      fieldGroup: null,
      levels: parseLevels(c.level, messages),
      levelText: c.level,
      implementingUnitIds: [],
      implementingAgencyText: null,
      applicants: null,
      results: [],
      onlineMode: parseOnlineMode(c.onlineMode, messages),
      onlineModeText: c.onlineMode,
      processingTimeText: timeText,
      processingTimeNote: null,
      processingTimes,
      feeText,
      fees,
      requiredDocuments,
      documentGroups,
      documentIssues,
      requiredDocumentsNote: null,
      onTheSpot: false,
      // The national records do not say when the fee is paid: the province states it (§6.3).
      feeDue: null,
      feeExemptions: [],
      eForm: null,
      legalBasis,
      publishingDecision: null,
      source: { kind: 'excel-import', row },
      confidence: null,
      confidenceNote: null,
      notes: null,
      workflow: defaultWorkflow(processingTimes),
    },
  };
}
