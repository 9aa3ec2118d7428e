// Mẫu 05 (TT 03/2025) — Thông báo dừng giải quyết hồ sơ (§3.1 step 5d). §4.2 lists no fields for it: the wording
// follows the apology letter's structure and should be checked against the official Phụ lục I of TT 03/2025.
import { formatVnDate, formatVnDateTime } from './slips.format';
import { field, honorific, orBlank, paragraph, renderPdf, signatureRight, slipDocument, type PdfNode } from './slips.pdf';
import { resolveTemplateSet } from './slips.templates';
import type { StopNoticeData } from './slips.types';

/** Renders the stop-handling notice as PDF bytes; the template set follows `receivedAt` unless `templateSet` is given. */
export async function renderStopNotice(data: StopNoticeData): Promise<Buffer> {
  const set = resolveTemplateSet(data.templateSet, data.receivedAt);
  const template = set.forms.stopNotice;
  const who = honorific(data.applicant.kind);
  const agency = data.agencyName;
  const body: PdfNode[] = [
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
    paragraph([`${agency} thông báo dừng giải quyết hồ sơ nêu trên kể từ `, { text: formatVnDateTime(data.stoppedAt), bold: true }, '.']),
    field('Lý do', data.reason),
  ];
  if (data.legalBasis) body.push(field('Căn cứ', data.legalBasis));
  body.push(paragraph(`${agency} thông báo để ${who} được biết./.`), signatureRight(data.signer));
  return renderPdf(slipDocument({ common: data, set, template, subject: data.dossierCode, body }));
}
