// Mẫu 02 — Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (§3.1 steps 2b and 5a, §4.2).
import { contactLine, field, numbered, orBlank, paragraph, renderPdf, signatureRight, slipDocument, type PdfNode } from './slips.pdf';
import { resolveTemplateSet } from './slips.templates';
import type { SlipRequestedItem, SupplementRequestSlipData } from './slips.types';

/** One line of the list: "Group: name (condition)" — a paper asked for only in some cases says which. */
function itemLine(item: SlipRequestedItem): string {
  if (typeof item === 'string') return item;
  const head = item.group ? `${item.group}: ` : '';
  return `${head}${item.name}${item.condition ? ` (${item.condition})` : ''}`;
}

/** Renders Mẫu 02 as PDF bytes; the template set follows `submittedAt` unless `templateSet` is given. */
export async function renderSupplementRequestSlip(data: SupplementRequestSlipData): Promise<Buffer> {
  if (data.items.length === 0) throw new RangeError('A supplement request lists at least one item');
  const set = resolveTemplateSet(data.templateSet, data.submittedAt);
  const template = set.forms.supplementRequest;
  const body: PdfNode[] = [field('Hồ sơ của', data.applicant.name, { bold: true }), field('Nội dung yêu cầu giải quyết', data.procedureName, { bold: true })];
  if (data.dossierCode) body.push(field('Mã hồ sơ', data.dossierCode, { bold: true }));
  body.push(
    field('Địa chỉ', data.applicant.address),
    contactLine(data.applicant.phone, data.applicant.email),
    { text: 'Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:', margin: [0, 4, 0, 2] },
    numbered(data.items.map(itemLine)),
    field('Lý do', data.reason),
    paragraph([
      'Trong quá trình hoàn thiện hồ sơ nếu có vướng mắc, Ông/Bà liên hệ với ',
      { text: orBlank(data.contact.name), bold: true },
      ', số điện thoại ',
      { text: orBlank(data.contact.phone), bold: true },
      ' để được hướng dẫn./.',
    ]),
    signatureRight({ title: 'Người hướng dẫn', name: data.guideName }),
  );
  return renderPdf(slipDocument({ common: data, set, template, subject: data.dossierCode ?? data.applicant.name, body }));
}
