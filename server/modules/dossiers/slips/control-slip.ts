// Mẫu 06 (TT 03/2025; Mẫu 05 of TT 01/2018) — Phiếu kiểm soát quá trình giải quyết hồ sơ: one table entry per
// hand-over, each classified trước hạn / đúng hạn / quá hạn by the receiving side (§4.2, §5.5, §16.5).
import { formatVnDateTime } from './slips.format';
import { BLANK, field, renderPdf, slipDocument, type PdfNode } from './slips.pdf';
import { resolveTemplateSet } from './slips.templates';
import { provisionalAppointmentLines } from './provisional-note';
import type { ControlSlipData, ControlSlipHandover, HandoverResult } from './slips.types';

/** Vietnamese wording of a hand-over classification (§5.5). */
export const HANDOVER_RESULT_LABEL: Readonly<Record<HandoverResult, string>> = {
  early: 'Trước hạn',
  'on-time': 'Đúng hạn',
  late: 'Quá hạn',
};

const cell = (text: string | readonly PdfNode[], extra: Record<string, unknown> = {}): PdfNode => ({ text, ...extra });

/**
 * Longest note printed in its narrow cell. A hand-over is kept whole on a page, and one taller than a page would be
 * left out of the PDF: a longer note (a transition takes 4,000 characters) is printed in full under the table, its
 * cell pointing to it.
 */
const NOTE_IN_CELL_MAX = 300;

/**
 * Two table rows per hand-over, as on the form: units, time, result, note; then the people who gave and took it.
 * `noteRef` numbers a note printed under the table.
 */
function handoverRows(h: ControlSlipHandover, noteRef: number | null): PdfNode[][] {
  const result = h.result ? HANDOVER_RESULT_LABEL[h.result] : '';
  return [
    [
      cell([{ text: '1. Giao: ', bold: true }, h.fromUnit, '\n', { text: '2. Nhận: ', bold: true }, h.toUnit]),
      cell(formatVnDateTime(h.handedOverAt), { alignment: 'center' }),
      cell(result, { alignment: 'center', bold: h.result === 'late', rowSpan: 2 }),
      cell(noteRef === null ? (h.note ?? '') : `Xem ghi chú (${noteRef}) dưới bảng`, { rowSpan: 2 }),
    ],
    [
      cell([{ text: 'Người giao', bold: true }, '\n', h.fromPerson ?? ''], { alignment: 'center' }),
      cell([{ text: 'Người nhận', bold: true }, '\n', h.toPerson ?? ''], { alignment: 'center' }),
      '',
      '',
    ],
  ];
}

/** Renders the control slip as PDF bytes; the template set follows `receivedAt` unless `templateSet` is given. */
export async function renderControlSlip(data: ControlSlipData): Promise<Buffer> {
  const set = resolveTemplateSet(data.templateSet, data.receivedAt);
  const template = set.forms.controlSlip;
  const head = (text: string) => cell(text, { bold: true, alignment: 'center', fontSize: 9.5 });
  const widths = ['*', 112, 88, 72];
  const layout = { hLineWidth: () => 0.5, vLineWidth: () => 0.5, paddingTop: () => 3, paddingBottom: () => 3 };
  const longNotes: string[] = [];
  const noteRefs = data.handovers.map((h) => (h.note && h.note.length > NOTE_IN_CELL_MAX ? longNotes.push(h.note) : null));
  // The header, then one table per hand-over with the same columns, each kept whole on a page: its two rows (units
  // and time, then the people) never part. Adjacent tables share their border line.
  const table: PdfNode = {
    stack: [
      {
        table: {
          widths,
          body: [[head('Tên đơn vị'), head('Thời gian giao nhận hồ sơ'), head('Kết quả giải quyết hồ sơ (trước hạn/đúng hạn/quá hạn)'), head('Ghi chú')]],
        },
        layout,
      },
      ...data.handovers.map((h, i) => ({ stack: [{ table: { widths, dontBreakRows: true, body: handoverRows(h, noteRefs[i]!) }, layout }], unbreakable: true })),
      ...longNotes.map((note, i) => ({ text: `(${i + 1}) ${note}`, alignment: 'justify', margin: [0, i === 0 ? 6 : 2, 0, 0] })),
    ],
    fontSize: 10,
    margin: [0, 6, 0, 8],
  };
  const body: PdfNode[] = [
    field('Mã số hồ sơ', data.dossierCode, { bold: true }),
    field('Cơ quan (bộ phận) giải quyết hồ sơ', data.handlingAgency),
    field('Cơ quan phối hợp giải quyết hồ sơ', data.coordinatingAgencies ?? 'Không'),
    field('Ngày nhận', formatVnDateTime(data.receivedAt)),
    field('Hẹn trả kết quả vào', data.dueAt === null ? 'không có ngày hẹn trả' : formatVnDateTime(data.dueAt), { bold: true }),
    // The single extension (§3.1 step 6, §19.7) is printed as such, never in place of the promise.
    ...(data.extendedDueAt
      ? [
          field(
            'Gia hạn trả kết quả đến',
            `${formatVnDateTime(data.extendedDueAt)}${data.extensionReference ? ` (theo Văn bản xin lỗi và đề nghị gia hạn số ${data.extensionReference})` : ''}`,
            { bold: true },
          ),
        ]
      : []),
    ...provisionalAppointmentLines(data).map((line) => ({ text: line, italics: true, fontSize: 9.5, margin: [0, 2, 0, 4] })),
    data.handovers.length > 0 ? table : { text: BLANK, margin: [0, 6, 0, 8] },
    { text: 'Ghi chú:', italics: true, fontSize: 10 },
    {
      ul: [
        'Kết quả giải quyết hồ sơ do bên nhận nhập thông tin/ghi khi nhận bàn giao hồ sơ.',
        'Việc lưu vết được thực hiện tự động theo chức năng của Hệ thống thông tin giải quyết thủ tục hành chính và thể hiện trên mẫu phiếu điện tử.',
      ],
      italics: true,
      fontSize: 10,
      alignment: 'justify',
    },
  ];
  return renderPdf(slipDocument({ common: data, set, template, subject: data.dossierCode, body }));
}
