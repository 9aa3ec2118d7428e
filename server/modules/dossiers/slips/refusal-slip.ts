// Mẫu 03 — Phiếu từ chối tiếp nhận giải quyết hồ sơ (§3.1 step 2c, §4.2).
import { contactLine, field, honorific, numbered, paragraph, renderPdf, signaturePair, slipDocument } from './slips.pdf';
import { resolveTemplateSet } from './slips.templates';
import type { RefusalSlipData } from './slips.types';

/** Renders Mẫu 03 as PDF bytes; the template set follows `submittedAt` unless `templateSet` is given. */
export async function renderRefusalSlip(data: RefusalSlipData): Promise<Buffer> {
  if (data.reasons.length === 0) throw new RangeError('A refusal states at least one reason');
  const set = resolveTemplateSet(data.templateSet, data.submittedAt);
  const template = set.forms.refusal;
  const isOrg = data.applicant.kind === 'organisation';
  const body = [
    { text: `${data.receivingCentre}:`, margin: [0, 0, 0, 1] },
    field(`Tiếp nhận hồ sơ của ${honorific(data.applicant.kind)}`, data.applicant.name, { bold: true }),
    field(isOrg ? 'Số định danh tổ chức' : 'Số định danh cá nhân', data.applicant.identityNumber),
    field('Địa chỉ', data.applicant.address),
    contactLine(data.applicant.phone, data.applicant.email),
    field('Mã hồ sơ (nếu có)', data.dossierCode),
    field('Nội dung yêu cầu giải quyết', data.procedureName, { bold: true }),
    paragraph(`Qua xem xét, ${data.receivingCentre} thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:`),
    numbered(data.reasons),
    paragraph(`Xin thông báo cho ${honorific(data.applicant.kind)} được biết và thực hiện./.`),
    signaturePair({ title: 'Người nộp hồ sơ', name: data.submitterName ?? data.applicant.name }, { title: 'Người tiếp nhận hồ sơ', name: data.receiverName }),
  ];
  return renderPdf(slipDocument({ common: data, set, template, subject: data.dossierCode ?? data.applicant.name, body }));
}
