// Form sets versioned by effective date: a dossier keeps the set in force when it was received (§16.1, §19.13).
//
// Numbering and titles follow the domain brief §4.1 and the field lists of §4.2 (the Bộ Y tế reproduction of the forms,
// QĐ 3621/QĐ-BYT of 24/11/2025). The TT 03/2025 column of §4.1 is only [M] confidence (one secondary source): check
// numbers, titles and number suffixes against the official Phụ lục I of Thông tư 03/2025/TT-VPCP before relying on
// them, and correct this table only — the renderers read everything from here.
import { toInstant, vnParts } from './slips.format';
import type { SlipCommon, SlipDate, SlipFormKind, SlipInstant, TemplateSetId } from './slips.types';

/** How one form is labelled in a template set. */
export interface FormTemplate {
  readonly kind: SlipFormKind;
  /** "01"…"07"; null when the circular has no form for it (no stop-handling notice before TT 03/2025). */
  readonly formNumber: string | null;
  /** Title in upper case, as printed. */
  readonly title: string;
  /** Suffix before the unit abbreviation in "Số: …/PBS-TTPVHCC"; "" for the receipt ("Số: …/TTPVHCC"). */
  readonly numberSuffix: string;
}

/** A set of forms issued by one circular. */
export interface TemplateSet {
  readonly id: TemplateSetId;
  /** "Thông tư số 03/2025/TT-VPCP". */
  readonly circular: string;
  /** Signing date of the circular. */
  readonly circularDate: SlipDate;
  /** First reception date (Asia/Ho_Chi_Minh) the set applies to, inclusive. */
  readonly effectiveFrom: SlipDate;
  /** Reception date from which the next set applies (exclusive); null while current. */
  readonly effectiveUntil: SlipDate | null;
  readonly forms: Readonly<Record<SlipFormKind, FormTemplate>>;
}

const form = (kind: SlipFormKind, formNumber: string | null, title: string, numberSuffix: string): FormTemplate => ({
  kind,
  formNumber,
  title,
  numberSuffix,
});

/** TT 01/2018/TT-VPCP (23/11/2018), guidance of NĐ 61/2018: Mẫu 01–06 (§4.1, old column). */
const TT01_2018: TemplateSet = {
  id: 'tt01-2018',
  circular: 'Thông tư số 01/2018/TT-VPCP',
  circularDate: '2018-11-23',
  effectiveFrom: '2018-11-23',
  effectiveUntil: '2025-07-01',
  forms: {
    receipt: form('receipt', '01', 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', ''),
    supplementRequest: form('supplementRequest', '02', 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ', 'PBS'),
    refusal: form('refusal', '03', 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ', 'PTC'),
    apology: form('apology', '04', 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ', 'PXL'),
    // TT 01/2018 has no stop-handling notice: the document is printed without a form number.
    stopNotice: form('stopNotice', null, 'THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ', 'TB'),
    controlSlip: form('controlSlip', '05', 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ', 'PKS'),
    trackingBook: form('trackingBook', '06', 'SỔ THEO DÕI HỒ SƠ', 'STD'),
  },
};

/**
 * TT 03/2025/TT-VPCP (15/09/2025), guidance of NĐ 118/2025: Mẫu 01–07 (§4.1 new column, §19.13). It applies from
 * NĐ 118/2025's effective date 01/07/2025 (§1), as the brief decides, although the circular was signed later.
 */
const TT03_2025: TemplateSet = {
  id: 'tt03-2025',
  circular: 'Thông tư số 03/2025/TT-VPCP',
  circularDate: '2025-09-15',
  effectiveFrom: '2025-07-01',
  effectiveUntil: null,
  forms: {
    receipt: form('receipt', '01', 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', ''),
    supplementRequest: form('supplementRequest', '02', 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ', 'PBS'),
    refusal: form('refusal', '03', 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ', 'PTC'),
    apology: form('apology', '04', 'PHIẾU XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT', 'PXL'),
    // The suffix of the stop notice is not in §4.2: "TB" is the NĐ 30/2020 abbreviation of Thông báo (§11.1).
    stopNotice: form('stopNotice', '05', 'THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ', 'TB'),
    controlSlip: form('controlSlip', '06', 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ', 'PKS'),
    trackingBook: form('trackingBook', '07', 'SỔ THEO DÕI HỒ SƠ', 'STD'),
  },
};

/** All template sets, oldest first. */
export const TEMPLATE_SETS: readonly TemplateSet[] = [TT01_2018, TT03_2025];

/** The template set with this id. */
export function templateSetById(id: TemplateSetId): TemplateSet {
  const set = TEMPLATE_SETS.find((s) => s.id === id);
  if (!set) throw new RangeError(`Unknown template set "${id}"`);
  return set;
}

/** The Asia/Ho_Chi_Minh calendar date of an instant, or the date itself when given `YYYY-MM-DD`. */
function legalDateOf(value: SlipInstant | SlipDate): SlipDate {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const p = vnParts(toInstant(value));
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/**
 * The template set for a dossier received (or submitted) at `receivedAt`, judged on its Asia/Ho_Chi_Minh date:
 * TT 03/2025 from 01/07/2025, TT 01/2018 before (dossiers received earlier than TT 01/2018 also get it).
 */
export function selectTemplateSet(receivedAt: SlipInstant | SlipDate): TemplateSet {
  const date = legalDateOf(receivedAt);
  // ISO dates compare correctly as strings.
  for (let i = TEMPLATE_SETS.length - 1; i >= 0; i--) {
    const set = TEMPLATE_SETS[i]!;
    if (date >= set.effectiveFrom) return set;
  }
  return TEMPLATE_SETS[0]!;
}

/** Explicit set if given, else the one in force at `basis`. */
export function resolveTemplateSet(explicit: TemplateSetId | undefined, basis: SlipInstant | SlipDate): TemplateSet {
  return explicit ? templateSetById(explicit) : selectTemplateSet(basis);
}

/** "Mẫu số 02" or null when the set has no number for the form. */
export function formNumberLabel(t: FormTemplate): string | null {
  return t.formNumber ? `Mẫu số ${t.formNumber}` : null;
}

/** "ban hành kèm theo Thông tư số 03/2025/TT-VPCP ngày 15/09/2025". */
export function circularLabel(set: TemplateSet): string {
  const [y, m, d] = set.circularDate.split('-');
  return `ban hành kèm theo ${set.circular} ngày ${d}/${m}/${y}`;
}

/** The symbol after the slash, "PBS-TTPVHCC": the form suffix and the issuer's abbreviation (§4.2). */
export function slipSymbol(template: FormTemplate, abbreviation: string): string {
  return [template.numberSuffix, abbreviation].filter((s) => s).join('-');
}

/** "Số: 15/PBS-TTPVHCC" (§4.2): number, then the form suffix and the unit abbreviation joined by a hyphen. */
export function numberLine(common: SlipCommon, template: FormTemplate): string {
  if (common.reference?.trim()) return `Số: ${common.reference.trim()}`;
  const abbreviation = common.issuer.abbreviation ?? 'TTPVHCC';
  const symbol = [template.numberSuffix, abbreviation].filter((s) => s).join('-');
  const number = common.number?.trim() || '……';
  return symbol ? `Số: ${number}/${symbol}` : `Số: ${number}`;
}
