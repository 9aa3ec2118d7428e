// Mẫu 04 — Phiếu xin lỗi và đề nghị gia hạn thời gian giải quyết (TT 03/2025); under TT 01/2018 "Phiếu xin lỗi và hẹn
// lại ngày trả kết quả". Sent no later than one working day before the due instant, once per dossier (§3.1 step 6, §19.7).
import { formatVnDate, formatVnDateTime } from './slips.format';
import { field, honorific, orBlank, paragraph, renderPdf, signatureRight, slipDocument } from './slips.pdf';
import { resolveTemplateSet } from './slips.templates';
import { provisionalAppointmentLines } from './provisional-note';
import type { ApologySlipData } from './slips.types';

/** Renders Mẫu 04 as PDF bytes; the template set follows `receivedAt` unless `templateSet` is given. */
export async function renderApologySlip(data: ApologySlipData): Promise<Buffer> {
  const set = resolveTemplateSet(data.templateSet, data.receivedAt);
  const template = set.forms.apology;
  const who = honorific(data.applicant.kind);
  const agency = data.agencyName;
  // New wording from the Bộ Y tế reproduction (§4.2); the old form re-appoints ("hẹn lại", §4.1) — its exact sentence
  // was not in the sources consulted.
  const promise =
    set.id === 'tt01-2018'
      ? `${agency} xin lỗi ${who} và hẹn lại thời gian trả kết quả giải quyết hồ sơ vào `
      : `${agency} xin lỗi ${who} và sẽ trả kết quả giải quyết hồ sơ cho ${who} vào `;
  const body = [
    { text: [{ text: 'Kính gửi: ' }, { text: data.addressee, bold: true }], alignment: 'center', margin: [0, 0, 0, 8] },
    paragraph([
      `Ngày ${formatVnDate(data.receivedAt)}, ${agency} tiếp nhận giải quyết hồ sơ đề nghị giải quyết thủ tục hành chính `,
      { text: data.procedureName, bold: true },
      ` của ${who} `,
      { text: data.applicant.name, bold: true },
      `; số định danh: ${orBlank(data.applicant.identityNumber)}; mã số hồ sơ: `,
      { text: data.dossierCode, bold: true },
      '.',
    ]),
    field('Thời gian hẹn trả kết quả giải quyết hồ sơ', formatVnDateTime(data.originalDueAt)),
    paragraph(`Tuy nhiên đến nay, ${agency} chưa trả kết quả giải quyết hồ sơ của ${who} đúng thời hạn quy định ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả.`),
    field('Lý do', data.reason),
    paragraph(`${agency} xin trân trọng gửi lời xin lỗi đến ${who} vì sự chậm trễ trong quá trình giải quyết hồ sơ có thể gây phiền hà, tốn kém về chi phí, công sức của ${who}.`),
    paragraph([promise, { text: formatVnDateTime(data.newDueAt), bold: true }, '.']),
    ...provisionalAppointmentLines(data).map((line) => ({ text: line, italics: true, fontSize: 9.5, margin: [0, 2, 0, 4] })),
    paragraph(`Mong nhận được sự thông cảm của ${who} vì sự chậm trễ này./.`),
    signatureRight(data.signer),
  ];
  return renderPdf(slipDocument({ common: data, set, template, subject: data.dossierCode, body }));
}
