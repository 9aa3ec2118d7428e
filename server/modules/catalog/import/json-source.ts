// Reads a JSON file shaped like shared/data/procedures.json: `{description, procedures: [...]}` (or a bare array).
import type { ChannelScope, Fee, LegalBasis, RequiredDocument } from '../../../../contracts/catalog/catalog.contracts';
import { AppError } from '../../../platform/errors';
import {
  CHANNEL_LABEL_VI,
  buildProcessingTimes,
  channelOf,
  defaultWorkflow,
  formatVnd,
  parseLevels,
  parseOnlineMode,
  readDocumentGroups,
  splitTimesText,
  type RowMessage,
} from '../catalog.parsing';
import { CODE_PATTERN, hasError, intOrNull, str, type ImportCandidate } from './candidate';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const FOREIGN_CURRENCY = /\b(usd|eur|jpy)\b|\$|€/i;

/** Parses the file's records into import candidates (row = 1-based index in `procedures`). */
export function parseJsonProcedures(data: Buffer): ImportCandidate[] {
  let doc: unknown;
  try {
    doc = JSON.parse(data.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new AppError('IMPORT_FILE_INVALID', { reason: (err as Error).message });
  }
  const records = Array.isArray(doc) ? doc : isObject(doc) && Array.isArray(doc.procedures) ? doc.procedures : null;
  if (!records) throw new AppError('IMPORT_FILE_INVALID', { reason: 'procedures[]' });
  return records.map((rec, i) => fromRecord(rec, i + 1));
}

function fromRecord(rec: unknown, row: number): ImportCandidate {
  const messages: RowMessage[] = [];
  if (!isObject(rec)) {
    return { row, code: null, name: null, content: null, unitCodes: [], messages: [{ code: 'invalidRecord', severity: 'error', params: { reason: typeof rec } }] };
  }
  const code = str(rec.code);
  const name = str(rec.name);
  if (code !== null && !CODE_PATTERN.test(code)) messages.push({ code: 'invalidCode', severity: 'error', params: { code } });
  if (!name) messages.push({ code: 'missingName', severity: 'error' });
  if (hasError(messages)) return { row, code, name, content: null, unitCodes: [], messages };

  const methods = (Array.isArray(rec.submission_methods) ? rec.submission_methods : []).filter(isObject).map((m) => {
    const label = str(m.method);
    let channel: ChannelScope | null = label ? channelOf(label) : null;
    if (!channel) {
      messages.push({ code: 'unknownChannel', severity: 'warning', params: { method: label ?? '' } });
      channel = 'any';
    }
    return { channel, m };
  });

  const timeEntries = methods.flatMap(({ channel, m }) => {
    const text = str(m.processing_time);
    return text ? [{ channel, text }] : [];
  });
  const topTime = str(rec.processing_time);
  if (timeEntries.length === 0 && topTime) timeEntries.push(...splitTimesText(topTime));
  if (timeEntries.length === 0) messages.push({ code: 'timeMissing', severity: 'warning' });
  const processingTimes = buildProcessingTimes(timeEntries, messages);

  const fees = feesOf(rec, methods, messages);
  const levels = parseLevels(str(rec.level), messages);
  const onlineMode = parseOnlineMode(str(rec.online_mode), messages);

  const published: RequiredDocument[] = (Array.isArray(rec.required_documents) ? rec.required_documents : []).filter(isObject).flatMap((d) => {
    const docName = str(d.name);
    return docName ? [{ name: docName, originals: intOrNull(d.ban_chinh), copies: intOrNull(d.ban_sao), case: str(d.case), note: str(d.note), template: null, group: null }] : [];
  });
  const { documents: requiredDocuments, groups: documentGroups, issues: documentIssues } = readDocumentGroups(published, messages);
  const legalBasis: LegalBasis[] = (Array.isArray(rec.legal_basis) ? rec.legal_basis : []).filter(isObject).flatMap((l) => {
    const number = str(l.so_hieu);
    const title = str(l.ten) ?? number;
    return title ? [{ number, title }] : [];
  });
  const results = Array.isArray(rec.result) ? rec.result.flatMap((r) => (str(r) ? [str(r)!] : [])) : str(rec.result) ? [str(rec.result)!] : [];
  const unitCodes = Array.isArray(rec.implementing_unit_codes) ? rec.implementing_unit_codes.flatMap((c) => (str(c) ? [str(c)!.toUpperCase()] : [])) : [];

  return {
    row,
    code,
    name,
    unitCodes,
    messages,
    content: {
      name: name!,
      field: str(rec.field),
      fieldGroup: str(rec.field_group),
      levels,
      levelText: str(rec.level_as_published) ?? str(rec.level),
      implementingUnitIds: [],
      implementingAgencyText: str(rec.implementing_agency),
      applicants: str(rec.applicants),
      results,
      onlineMode,
      onlineModeText: str(rec.online_mode),
      processingTimeText: topTime,
      processingTimeNote: str(rec.processing_time_note),
      processingTimes,
      feeText: str(rec.fee_text),
      fees,
      requiredDocuments,
      documentGroups,
      documentIssues,
      requiredDocumentsNote: str(rec.required_documents_note),
      onTheSpot: false,
      // The national records do not say when the fee is paid: the province states it (§6.3).
      feeDue: null,
      feeExemptions: [],
      eForm: null,
      legalBasis,
      publishingDecision: str(rec.publishing_decision),
      source: isObject(rec.source) ? rec.source : null,
      confidence: str(rec.confidence),
      confidenceNote: str(rec.confidence_note),
      notes: str(rec.notes),
      workflow: defaultWorkflow(processingTimes),
    },
  };
}

/**
 * Fees per channel from the submission methods. A top-level array of amounts (fees differing by channel) is mapped
 * through the methods' own amounts and reported; without methods it cannot be mapped and only the text is kept.
 */
function feesOf(rec: Record<string, unknown>, methods: Array<{ channel: ChannelScope; m: Record<string, unknown> }>, messages: RowMessage[]): Fee[] {
  const fees: Fee[] = [];
  for (const { channel, m } of methods) {
    const fee: Fee = { channel, amountVnd: intOrNull(m.fee_amount_vnd), text: str(m.fee_text), note: str(m.fee_note) };
    if (fee.amountVnd === null && fee.text === null && fee.note === null) continue;
    if (!fees.some((f) => JSON.stringify(f) === JSON.stringify(fee))) fees.push(fee);
  }
  const topAmounts = Array.isArray(rec.fee_amount_vnd) ? rec.fee_amount_vnd.filter((a): a is number => typeof a === 'number') : null;
  if (fees.length === 0) {
    if (topAmounts) {
      messages.push({ code: 'feeArrayUnmapped', severity: 'warning', params: { amounts: topAmounts.map(formatVnd).join(', ') } });
      if (str(rec.fee_text)) fees.push({ channel: 'any', amountVnd: null, text: str(rec.fee_text), note: null });
    } else if (str(rec.fee_text) !== null || intOrNull(rec.fee_amount_vnd) !== null) {
      fees.push({ channel: 'any', amountVnd: intOrNull(rec.fee_amount_vnd), text: str(rec.fee_text), note: null });
    }
  } else if (topAmounts) {
    const perChannel = fees.filter((f) => f.amountVnd !== null);
    if (topAmounts.every((a) => perChannel.some((f) => f.amountVnd === a))) {
      const mapping = perChannel.map((f) => `${CHANNEL_LABEL_VI[f.channel]} ${formatVnd(f.amountVnd!)}`).join('; ');
      messages.push({ code: 'feeArrayMapped', severity: 'info', params: { mapping } });
    } else {
      messages.push({ code: 'feeArrayMismatch', severity: 'warning', params: { amounts: topAmounts.map(formatVnd).join(', ') } });
    }
  }
  const foreign = new Set(fees.filter((f) => f.amountVnd === null && f.text && FOREIGN_CURRENCY.test(f.text)).map((f) => f.text!));
  for (const text of foreign) messages.push({ code: 'feeNotVnd', severity: 'warning', params: { text } });
  return fees;
}
