// Mẫu 01 — Giấy tiếp nhận hồ sơ và hẹn trả kết quả (§4.2, §5.2), with a QR code of the public lookup page.
import QRCode from 'qrcode';
import { formatCount, formatVnDateTime } from './slips.format';
import { provisionalAppointmentLines } from './provisional-note';
import { BLANK, contactLine, field, honorific, keepWithSignature, orBlank, renderPdf, signaturePair, slipDocument, type PdfNode } from './slips.pdf';
import { resolveTemplateSet } from './slips.templates';
import type { ReceiptSlipData, SubmittedDocument } from './slips.types';

/** QR image options: error correction M, one-module quiet zone (the slip's white margin adds more), 6 px per module. */
export const RECEIPT_QR_OPTIONS = { errorCorrectionLevel: 'M', margin: 1, scale: 6 } as const;
/** Printed size of the QR code in points (about 30 mm). */
const QR_SIZE = 84;

/**
 * Longest document name whose row is kept on one page. A row taller than a page is left out of the PDF altogether when
 * rows may not break, and published names run to 4,516 characters (procedure 1.013225: about 60 lines here).
 */
const ROW_KEPT_WHOLE_MAX = 1500;

/** "Thành phần hồ sơ nộp gồm": numbered table of components with the number of originals and copies. */
function documentsTable(documents: readonly SubmittedDocument[]): PdfNode {
  const count = (n: number) => ({ text: n > 0 ? String(n) : '', alignment: 'center' });
  const head = (text: string) => ({ text, bold: true, alignment: 'center', fontSize: 9.5 });
  return {
    table: {
      headerRows: 1,
      dontBreakRows: documents.every((d) => d.name.length <= ROW_KEPT_WHOLE_MAX),
      widths: [22, '*', 40, 62, 40],
      body: [
        [head('TT'), head('Tên giấy tờ'), head('Bản chính'), head('Bản sao chứng thực'), head('Bản chụp')],
        ...documents.map((d, i) => [{ text: String(i + 1), alignment: 'center' }, d.name, count(d.originals), count(d.certifiedCopies), count(d.copies)]),
      ],
    },
    layout: { hLineWidth: () => 0.5, vLineWidth: () => 0.5, paddingTop: () => 2, paddingBottom: () => 2 },
    fontSize: 10.5,
    margin: [0, 2, 0, 4],
  };
}

/** Renders Mẫu 01 as PDF bytes; the template set follows `receivedAt` unless `templateSet` is given. */
export async function renderReceiptSlip(data: ReceiptSlipData): Promise<Buffer> {
  const set = resolveTemplateSet(data.templateSet, data.receivedAt);
  const template = set.forms.receipt;
  const qr = await QRCode.toDataURL(data.lookupUrl, RECEIPT_QR_OPTIONS);
  const who = honorific(data.applicant.kind);
  // §4.2: "Số định danh cá nhân/tổ chức" — an organisation's e-identifier is its số định danh (QĐ 20/2020 Điều 5).
  const idLabel = data.applicant.kind === 'organisation' ? 'Số định danh tổ chức' : 'Số định danh cá nhân';
  const auth = data.authorisedPerson;
  const book = data.trackingBook;

  // The QR code sits beside the applicant block, where the lines are short.
  const top: PdfNode = {
    columns: [
      {
        width: '*',
        stack: [
          { text: ['Mã hồ sơ: ', { text: data.dossierCode, bold: true }], fontSize: 12.5, margin: [0, 0, 0, 3] },
          { text: `${data.receivingCentre}:`, margin: [0, 0, 0, 2] },
          field(`Tiếp nhận hồ sơ của ${who}`, data.applicant.name, { bold: true }),
          field(idLabel, data.applicant.identityNumber),
          field('Địa chỉ', data.applicant.address),
          contactLine(data.applicant.phone, data.applicant.email),
        ],
      },
      {
        width: QR_SIZE + 8,
        stack: [
          { image: 'qr', width: QR_SIZE, height: QR_SIZE, alignment: 'center' },
          { text: 'Quét mã để tra cứu hồ sơ', fontSize: 7, italics: true, alignment: 'center' },
        ],
      },
    ],
    columnGap: 8,
  };

  const body: PdfNode[] = [top];
  if (auth) {
    body.push(
      {
        text: ['Người được ủy quyền: ', { text: auth.name, bold: true }, `; Số định danh cá nhân: ${orBlank(auth.identityNumber)}`],
        margin: [0, 0, 0, 2],
      },
      field('Địa chỉ', auth.address),
      contactLine(auth.phone, auth.email),
      field('Giấy tờ ủy quyền', auth.authorisationDocument),
    );
  }
  body.push(
    field('Nội dung yêu cầu giải quyết', data.procedureName, { bold: true }),
    { text: 'Thành phần hồ sơ nộp gồm:', margin: [0, 0, 0, 2] },
    data.documents.length > 0 ? documentsTable(data.documents) : { text: BLANK, margin: [0, 0, 0, 4] },
    field('Số lượng hồ sơ', `${formatCount(data.dossierSets)} (bộ)`),
    field('Thời gian giải quyết hồ sơ theo quy định là', data.statutoryDurationText),
    field('Thời gian nhận hồ sơ', formatVnDateTime(data.receivedAt)),
    field('Thời gian trả kết quả giải quyết hồ sơ', data.dueAt === null ? 'không có ngày hẹn trả (thủ tục không quy định thời hạn)' : formatVnDateTime(data.dueAt), { bold: true }),
  );
  const tail: PdfNode[] = [];
  if (data.feeCollection) tail.push(field('Hình thức thu phí, lệ phí', data.feeCollection));
  if (data.feeCollection && data.feePaymentMethod) tail.push(field('Phương thức nộp phí, lệ phí', data.feePaymentMethod));
  tail.push(field('Đăng ký nhận kết quả tại', data.resultDelivery), {
    text: `Vào Sổ theo dõi hồ sơ, Quyển số: ${orBlank(book?.volume)}, Số thứ tự: ${orBlank(book?.sequence)}`,
    margin: [0, 0, 0, 3],
  });
  for (const note of [...provisionalAppointmentLines(data), ...(data.notes ?? [])])
    tail.push({ text: note, italics: true, fontSize: 9.5, alignment: 'justify', margin: [0, 2, 0, 0] });

  const submitter = data.submitterName ?? auth?.name ?? data.applicant.name;
  return renderPdf(
    slipDocument({
      common: data,
      set,
      template,
      subject: data.dossierCode,
      images: { qr },
      body: [...body, keepWithSignature(tail, signaturePair({ title: 'Người nộp hồ sơ', name: submitter }, { title: 'Người tiếp nhận hồ sơ', name: data.receiverName }))],
    }),
  );
}
