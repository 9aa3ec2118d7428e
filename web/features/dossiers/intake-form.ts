import type { NotificationChannel } from '../../../contracts/notifications/notifications.contracts';
import type { Channel, DocumentGroupKind, DurationUnit, Fee, ProcessingTime, PublicProcedure } from '../catalog/catalog.types';
import type { FeePaymentMethod, IntakeRequest, ResultDelivery } from './dossiers.types';
import { lines } from './dossiers.format';

/** One row of the desk checklist: a required document, whether it was handed in (or, to present, seen), and how many papers. */
export interface ChecklistRow {
  name: string;
  note: string | null;
  included: boolean;
  originals: number;
  /** Bản sao chứng thực: its own column on Mẫu 01 (§4.2); the catalog states none, so the desk starts from 0. */
  certifiedCopies: number;
  copies: number;
  /** Its group in the catalog (`documentGroups` key) and how the desk treats it; `required` = no group. */
  group: string | null;
  kind: 'required' | DocumentGroupKind;
}

/** The desk intake form's values. */
export interface IntakeFormValues {
  receivingUnitId?: string;
  handlingUnitId?: string;
  applicant: {
    kind: 'person' | 'organisation';
    name: string;
    idNumber: string;
    phone?: string;
    email?: string;
    address?: string;
    /** The channels the applicant wants to be told on; none ticked: every channel (D32). */
    notifyChannels?: NotificationChannel[];
  };
  /** Someone handing the dossier in for the applicant under an authorisation (Mẫu 01's authorised-person block). */
  submitter?: {
    authorised?: boolean;
    name?: string;
    idNumber?: string;
    phone?: string;
    email?: string;
    address?: string;
    authorisationDocument?: string;
  };
  checklist: ChecklistRow[];
  /** Conditional groups whose case applies to this applicant. */
  conditions?: string[];
  feeVnd?: number | null;
  /** How the fee was paid; asked only when a fee is taken. */
  feePaymentMethod?: FeePaymentMethod | null;
  channel: Channel;
  resultDelivery: ResultDelivery;
  duration?: { amount?: number | null; unit?: DurationUnit };
  note?: string;
}

/** Values of the guide (Mẫu 02) / refuse (Mẫu 03) dialog. */
export interface IntakeDecisionValues {
  missingItems?: string;
  reasons: string;
}

/** The catalog's time for a channel: the channel's own, else the one for any channel (as the server resolves it). */
export function timeForChannel(times: readonly ProcessingTime[], channel: Channel): ProcessingTime | null {
  return times.find((t) => t.channel === channel) ?? times.find((t) => t.channel === 'any') ?? null;
}

/** The officer must state the duration when the catalog's time for the channel cannot be computed (never guessed). */
export function needsDuration(procedure: Pick<PublicProcedure, 'processingTimes'>, channel: Channel): boolean {
  const time = timeForChannel(procedure.processingTimes, channel);
  return !(time?.readable && time.amount !== null && time.unit !== null);
}

/** The published fee for a channel in VND (channel's own, else any channel's); 0 when none is stated as a number. */
export function feeForChannel(fees: readonly Fee[], channel: Channel): number {
  const fee = fees.find((f) => f.channel === channel && f.amountVnd !== null) ?? fees.find((f) => f.channel === 'any' && f.amountVnd !== null);
  return fee?.amountVnd ?? 0;
}

/** The checklist the desk starts from: every required document, not yet ticked, with the published counts and its group. */
export function initialChecklist(procedure: Pick<PublicProcedure, 'requiredDocuments'> & Partial<Pick<PublicProcedure, 'documentGroups'>>): ChecklistRow[] {
  const groups = new Map((procedure.documentGroups ?? []).map((g) => [g.key, g]));
  return procedure.requiredDocuments.map((d) => {
    const group = d.group ? (groups.get(d.group) ?? null) : null;
    return {
      name: d.name,
      // A case heading that only names the group ("Giấy tờ phải xuất trình") is already the section title.
      note: (group ? null : d.case) ?? d.note ?? null,
      included: false,
      originals: d.originals ?? 1,
      certifiedCopies: 0,
      copies: d.copies ?? 0,
      group: group?.key ?? null,
      kind: group?.kind ?? 'required',
    };
  });
}

/** Whether a row counts: a conditional document only when its case applies. */
const applies = (r: ChecklistRow, conditions: readonly string[]) => r.kind !== 'conditional' || conditions.includes(r.group!);

/** Ticking one alternative unticks the others of its group (exactly one is handed in). */
export function tickRow(rows: readonly ChecklistRow[], index: number, included: boolean): ChecklistRow[] {
  const row = rows[index]!;
  return rows.map((r, i) => {
    if (i === index) return { ...r, included };
    if (included && row.kind === 'one-of' && r.group === row.group) return { ...r, included: false };
    return r;
  });
}

/**
 * What a guide to supplement (Mẫu 02) starts from: only what applies to this applicant — documents not handed in,
 * one line "A hoặc B" for alternatives none of which was handed in, the papers of an applying case, papers to present
 * that were not shown. Documents of cases that do not apply are never asked for.
 */
export function missingDocuments(rows: readonly ChecklistRow[] | undefined, conditions: readonly string[] = [], or = 'hoặc'): string[] {
  const out: string[] = [];
  const seenGroups = new Set<string>();
  for (const r of rows ?? []) {
    if (r.included || !applies(r, conditions)) continue;
    if (r.kind === 'one-of') {
      if (seenGroups.has(r.group!)) continue;
      seenGroups.add(r.group!);
      const alternatives = (rows ?? []).filter((x) => x.group === r.group);
      if (alternatives.some((x) => x.included)) continue;
      out.push(alternatives.map((x) => x.name).join(` ${or} `));
      continue;
    }
    out.push(r.name);
  }
  return out;
}

/** True when nothing would be kept in the dossier (papers only shown do not count): the desk cannot accept it. */
export function nothingKept(rows: readonly ChecklistRow[] | undefined, conditions: readonly string[] = []): boolean {
  return !(rows ?? []).some((r) => r.included && r.kind !== 'to-present' && applies(r, conditions));
}

const blank = (v: string | undefined): string | undefined => (v && v.trim() !== '' ? v.trim() : undefined);

/** The authorised person of the request, or undefined when the applicant submits in person. */
function toSubmitter(s: IntakeFormValues['submitter']): Extract<IntakeRequest, { decision: 'accept' }>['submitter'] {
  if (!s?.authorised || !blank(s.name)) return undefined;
  return {
    name: s.name!.trim(),
    idNumber: blank(s.idNumber) ?? null,
    phone: blank(s.phone) ?? null,
    email: blank(s.email) ?? null,
    address: blank(s.address) ?? null,
    authorisationDocument: blank(s.authorisationDocument) ?? null,
  };
}

/**
 * Builds the POST /intake body from the form (only ticked documents go into the checklist). Each decision sends only
 * its own fields, as the contract declares them: the fee, delivery, duration and authorised person with an accept, the
 * missing items with a guide, the reasons with a guide or refusal.
 */
export function toIntakeRequest<D extends IntakeRequest['decision']>(
  procedureCode: string,
  values: IntakeFormValues,
  decision: D,
  withDuration: boolean,
  extra: IntakeDecisionValues | null = null,
  returnNow = false,
): Extract<IntakeRequest, { decision: D }> {
  const a = values.applicant;
  const base = {
    procedureCode,
    receivingUnitId: values.receivingUnitId,
    handlingUnitId: values.handlingUnitId,
    channel: values.channel,
    applicant: {
      kind: a.kind,
      name: a.name.trim(),
      idNumber: a.idNumber.trim(),
      phone: blank(a.phone) ?? null,
      email: blank(a.email) ?? null,
      address: blank(a.address) ?? null,
      notifyChannels: a.notifyChannels?.length ? a.notifyChannels : null,
    },
    checklist: (values.checklist ?? [])
      .filter((r) => r.included && applies(r, values.conditions ?? []))
      .map((r) => ({
        name: r.name,
        originals: r.originals ?? 0,
        certifiedCopies: r.certifiedCopies ?? 0,
        copies: r.copies ?? 0,
        ...(r.kind === 'to-present' ? { presented: true } : {}),
      })),
    conditions: values.conditions ?? [],
    note: blank(values.note) ?? null,
  };
  // A blank reason is sent as typed: the server answers with its translated "state the reasons" on the field.
  const reasons = extra?.reasons.trim() ?? '';
  const request: IntakeRequest =
    decision === 'accept'
      ? {
          decision: 'accept',
          ...base,
          submitter: toSubmitter(values.submitter),
          feeVnd: values.feeVnd ?? 0,
          // Only with a fee (the server refuses a method without one and asks for it with one).
          ...((values.feeVnd ?? 0) > 0 ? { feePaymentMethod: values.feePaymentMethod ?? null } : {}),
          resultDelivery: values.resultDelivery,
          duration: withDuration && values.duration?.amount && values.duration.unit ? { amount: values.duration.amount, unit: values.duration.unit } : undefined,
          ...(returnNow ? { returnNow: true } : {}),
        }
      : decision === 'guide'
        ? { decision: 'guide', ...base, missingItems: lines(extra?.missingItems), reasons }
        : { decision: 'refuse', ...base, missingItems: [], reasons };
  return request as Extract<IntakeRequest, { decision: D }>;
}
