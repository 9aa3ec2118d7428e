// Shapes dossiers for the API, with what the calling officer may do next (Outline-style presenters).
import { can, type Actor } from '../../platform/access';
import { toVnIso, type WorkingCalendar } from '../../platform/calendar';
import { translate, type Locale } from '../../platform/i18n';
import type {
  AllowedTransitionSchema,
  DossierDetail,
  DossierListItem,
  DossierSlipView,
  IntakeDecision,
  SupplementFile,
  TransitionName,
  UnitRef,
} from '../../../contracts/dossiers/dossiers.contracts';
import type { z } from 'zod';
import { badgeOf, dueProvisionalOf, remainingOf, workingMinutesBetween } from './dossiers.deadlines';
import { noticeText } from './dossiers.notify';
import { DOSSIER_ACTIONS, performs, type DossierSubject } from './dossiers.policy';
import type { ApologyRow, DossierRow, EventRow, HopRow, PauseRow, SlipIssuanceRow, SupplementFileRow, UnitInfo } from './dossiers.repository';
import { formSymbol, issuerAbbreviation, referenceOf } from './slips';
import type { dossierIntakeDecisions } from './dossiers.tables';
import { lastHandlingIndex, OPEN_STATES, PAUSED_STATES, returnStepIndex, TRANSITION_NAMES, TRANSITIONS } from './dossiers.workflow';

const iso = (d: Date) => toVnIso(d);
const isoOrNull = (d: Date | null) => (d ? toVnIso(d) : null);

/** A unit reference; an unknown id (should not happen: foreign keys) shows its id only. */
export function unitRef(units: Map<string, UnitInfo>, id: string): UnitRef {
  const u = units.get(id);
  return u ? { id: u.id, code: u.code, name: u.name } : { id, code: '', name: '' };
}

/** The status text of the national code in `locale`. */
export function statusText(code: number, locale: Locale): string {
  return translate(locale, `dossiers.status.${code}`) ?? String(code);
}

/**
 * Whether a transition's structural precondition holds (beyond state and performer): `forward` needs a later
 * handling step, `result-ready` the last one, `return-to-step` an earlier one.
 */
export function preconditionHolds(row: Pick<DossierRow, 'workflow' | 'currentStep' | 'receivingUnitId'>, transition: TransitionName): boolean {
  const last = lastHandlingIndex(row.workflow, row.receivingUnitId);
  if (transition === 'forward') return row.currentStep < last;
  if (transition === 'result-ready') return row.currentStep >= last;
  if (transition === 'return-to-step') return row.currentStep > 0;
  return true;
}

/** The transitions this actor may make now. */
export function allowedTransitions(actor: Actor, row: DossierRow, subject: DossierSubject, locale: Locale): Array<z.infer<typeof AllowedTransitionSchema>> {
  const state = row.state;
  return TRANSITION_NAMES.filter((t) => {
    const rule = TRANSITIONS[t];
    return !rule.onTheSpotOnly && rule.from.includes(state) && rule.who.some((p) => performs(actor, p, subject)) && preconditionHolds(row, t);
  }).map((t) => ({ transition: t, label: translate(locale, `dossiers.transition.${t}`) ?? t }));
}

/** §19.7: an apology is still possible (not issued, open, at least 1 working day before the due). */
export function apologyPossible(row: DossierRow, apology: ApologyRow | null, now: Date, cal: WorkingCalendar | null): boolean {
  if (apology || !OPEN_STATES.includes(row.state) || !cal) return false;
  const left = workingMinutesBetween(now, row.dueAt, cal);
  return left !== null && left >= cal.standardDayMinutes;
}

/** Deadline figures shared by lists and details. */
export function deadlineView(row: DossierRow, now: Date, cal: WorkingCalendar | null) {
  const state = row.state;
  const effectiveDue = row.extendedDueAt ?? row.dueAt;
  const remaining = remainingOf(state, now, effectiveDue, cal);
  const badge = badgeOf({
    state,
    classification: row.classification,
    now,
    effectiveDue,
    atRisk: row.atRisk,
    remaining,
    standardDayMinutes: cal?.standardDayMinutes ?? 480,
  });
  return {
    effectiveDueAt: iso(effectiveDue),
    dueProvisional: dueProvisionalOf(row, cal),
    remainingWorkingMinutes: remaining,
    badge,
    paused: PAUSED_STATES.includes(state),
  };
}

/** A queue row. */
export function presentListItem(row: DossierRow, units: Map<string, UnitInfo>, now: Date, cal: WorkingCalendar | null, locale: Locale): DossierListItem {
  return {
    id: row.id,
    code: row.code,
    procedureName: row.procedureName,
    applicantName: row.applicantName,
    state: row.state,
    statusCode: row.statusCode,
    // Wherever a national code is shown it carries its national name (§3.2); the desk's own wording is stateText.
    statusText: statusText(row.statusCode, locale),
    stateText: translate(locale, `dossiers.state.${row.state}`) ?? statusText(row.statusCode, locale),
    holder: { unit: unitRef(units, row.holderUnitId), role: row.holderRole },
    receivedAt: iso(row.receivedAt),
    dueAt: iso(row.dueAt),
    extendedDueAt: isoOrNull(row.extendedDueAt),
    atRisk: row.atRisk,
    version: row.version,
    ...deadlineView(row, now, cal),
  };
}

/** Everything the detail view is made of. */
export interface DossierBundle {
  row: DossierRow;
  units: Map<string, UnitInfo>;
  hops: HopRow[];
  pauses: PauseRow[];
  events: EventRow[];
  apology: ApologyRow | null;
  /** Numbers issued to the dossier's slips (D14). */
  issuances: SlipIssuanceRow[];
  /** Files the applicant sent online for supplement requests (those still being prepared included). */
  supplementFiles: SupplementFileRow[];
  subject: DossierSubject;
}

/** A supplement file as the API shows it. */
export function presentSupplementFile(f: SupplementFileRow): SupplementFile {
  return {
    id: f.id,
    itemIndex: f.itemIndex,
    fileName: f.fileName,
    sizeBytes: f.sizeBytes,
    mediaType: f.mediaType,
    sha256: f.sha256,
    uploadedAt: iso(f.uploadedAt),
    submittedAt: isoOrNull(f.submittedAt),
  };
}

/**
 * The slips the dossier has, each with the number it prints (D14): the receipt's is its tracking-book entry, the
 * apology's is on its own row, the others were issued with their act (null only for a dossier older than that, until
 * its first print). The supplement request is the latest one's, as the slip route prints it.
 */
export function slipsOf(b: Pick<DossierBundle, 'row' | 'units' | 'pauses' | 'events' | 'apology' | 'issuances'>): DossierSlipView[] {
  const { row } = b;
  const numbered = (slip: DossierSlipView['slip'], form: string, subject: string): DossierSlipView => {
    const issued = b.issuances.find((i) => i.form === form && i.subject === subject);
    return { slip, reference: issued?.reference ?? null, issuedAt: issued ? iso(issued.issuedAt) : null };
  };
  const receiving = b.units.get(row.receivingUnitId);
  const receiptSymbol = formSymbol('receipt', receiving ? issuerAbbreviation(receiving) : '', row.receivedAt);
  const slips: DossierSlipView[] = [{ slip: 'receipt', reference: referenceOf(row.bookSeq, receiptSymbol), issuedAt: iso(row.receivedAt) }];
  const supplement = [...b.pauses].reverse().find((p) => p.reason === 'supplement');
  if (supplement) slips.push(numbered('supplement-request', 'supplementRequest', `pause:${supplement.id}`));
  if (b.apology) slips.push({ slip: 'apology', reference: b.apology.referenceNumber, issuedAt: iso(b.apology.issuedAt) });
  if (row.state === 'STOPPED' && b.events.some((e) => e.kind === 'stop')) slips.push(numbered('stop-notice', 'stopNotice', `dossier:${row.id}`));
  slips.push(numbered('control', 'controlSlip', `dossier:${row.id}`));
  return slips;
}

/** The dossier detail with the actor's permitted actions. */
export function presentDetail(b: DossierBundle, actor: Actor, locale: Locale, now: Date, cal: WorkingCalendar | null): DossierDetail {
  const { row, units } = b;
  const ret = returnStepIndex(row.workflow, row.receivingUnitId);
  const stop = [...b.events].reverse().find((e) => e.kind === 'stop');
  return {
    id: row.id,
    code: row.code,
    version: row.version,
    state: row.state,
    statusCode: row.statusCode,
    // Wherever a national code is shown it carries its national name (§3.2); the desk's own wording is stateText.
    statusText: statusText(row.statusCode, locale),
    stateText: translate(locale, `dossiers.state.${row.state}`) ?? statusText(row.statusCode, locale),
    procedure: { versionId: row.procedureVersionId, code: row.procedureCode, name: row.procedureName },
    receivingUnit: unitRef(units, row.receivingUnitId),
    handlingUnit: unitRef(units, row.handlingUnitId),
    holder: { unit: unitRef(units, row.holderUnitId), role: row.holderRole },
    channel: row.channel,
    resultDelivery: row.resultDelivery,
    applicant: {
      kind: row.applicantKind,
      name: row.applicantName,
      idNumber: row.applicantIdNumber,
      phone: row.applicantPhone,
      email: row.applicantEmail,
      address: row.applicantAddress,
    },
    checklist: row.checklist,
    feeVnd: row.feeVnd,
    feePaymentMethod: row.feePaymentMethod,
    duration: { amount: Number(row.durationAmount), unit: row.durationUnit, source: row.durationSource },
    ruleVersion: row.ruleVersion,
    pauseRule: row.pauseRule,
    receivedAt: iso(row.receivedAt),
    dueAt: iso(row.dueAt),
    extendedDueAt: isoOrNull(row.extendedDueAt),
    finishedAt: isoOrNull(row.finishedAt),
    returnedAt: isoOrNull(row.returnedAt),
    closedAt: isoOrNull(row.closedAt),
    returnMethod: row.returnMethod,
    returnedTo: row.returnedTo,
    classification: row.classification,
    withinExtension: row.withinExtension,
    lateUnit: row.lateUnitId ? unitRef(units, row.lateUnitId) : null,
    atRisk: row.atRisk,
    book: { number: row.bookNumber, seq: row.bookSeq },
    currentStep: row.currentStep,
    workflow: row.workflow.map((s, index) => ({
      index,
      name: s.name,
      unit: unitRef(units, s.unitId),
      role: s.role,
      budgetMinutes: s.budgetMinutes,
      interAgency: s.interAgency,
      isReturnStep: index === ret,
    })),
    hops: b.hops.map((h) => ({
      id: h.id,
      seq: h.seq,
      kind: h.kind,
      stepIndex: h.stepIndex,
      name: h.name,
      fromUnit: h.fromUnitId ? unitRef(units, h.fromUnitId) : null,
      toUnit: unitRef(units, h.toUnitId),
      role: h.role,
      startedAt: iso(h.startedAt),
      budgetMinutes: h.budgetMinutes,
      dueAt: isoOrNull(h.dueAt),
      finishedAt: isoOrNull(h.finishedAt),
      classification: h.classification,
      handedBy: h.handedBy,
      note: h.note,
      attachments: h.attachments,
    })),
    pauses: b.pauses.map((p) => ({ id: p.id, reason: p.reason, from: iso(p.fromAt), to: isoOrNull(p.toAt), note: p.note })),
    timeline: b.events.map((e) => ({
      id: e.id,
      at: iso(e.at),
      kind: e.kind,
      public: e.public,
      statusCode: e.statusCode,
      text: noticeText(e.kind, e.params, locale),
      note: e.note,
      actorLabel: e.actorLabel,
    })),
    supplementRequests: b.pauses
      .filter((p) => p.reason === 'supplement')
      .map((p) => ({
        requestedAt: iso(p.fromAt),
        items: p.items,
        reason: p.note,
        receivedAt: isoOrNull(p.toAt),
        reference: b.issuances.find((i) => i.form === 'supplementRequest' && i.subject === `pause:${p.id}`)?.reference ?? null,
        // Officers see what the applicant sent; files still being prepared are the applicant's own until resubmitted.
        files: b.supplementFiles.filter((f) => f.pauseId === p.id && f.submittedAt !== null).map(presentSupplementFile),
      })),
    slips: slipsOf(b),
    apology: b.apology
      ? {
          id: b.apology.id,
          referenceNumber: b.apology.referenceNumber,
          issuedAt: iso(b.apology.issuedAt),
          issuedBy: b.apology.issuedByLabel,
          reason: b.apology.reason,
          originalDueAt: iso(b.apology.originalDueAt),
          newDueAt: iso(b.apology.newDueAt),
        }
      : null,
    stopNotice: row.state === 'STOPPED' && stop ? { reason: stop.note ?? '', at: iso(stop.at), by: stop.actorLabel } : null,
    allowedTransitions: allowedTransitions(actor, row, b.subject, locale),
    actions: { apology: can(actor, DOSSIER_ACTIONS.apology, b.subject) && apologyPossible(row, b.apology, now, cal) },
    ...deadlineView(row, now, cal),
  };
}

/** A guide/refuse record (Mẫu 02 / Mẫu 03 data). */
export function presentIntakeDecision(r: typeof dossierIntakeDecisions.$inferSelect, units: Map<string, UnitInfo>): IntakeDecision {
  const a = r.applicant;
  return {
    id: r.id,
    kind: r.kind,
    // A refusal is code 3 "Không được tiếp nhận" (§3.2); a desk guide is no dossier and has no national status.
    statusCode: r.kind === 'refuse' ? 3 : null,
    referenceNumber: r.referenceNumber,
    procedure: { versionId: r.procedureVersionId, code: r.procedureCode, name: r.procedureName },
    receivingUnit: unitRef(units, r.receivingUnitId),
    handlingUnit: r.handlingUnitId ? unitRef(units, r.handlingUnitId) : null,
    channel: r.channel,
    applicant: {
      kind: (a.kind ?? 'person') as 'person' | 'organisation',
      name: a.name ?? '',
      idNumber: a.idNumber ?? '',
      phone: a.phone ?? null,
      email: a.email ?? null,
      address: a.address ?? null,
    },
    checklist: r.checklist,
    missingItems: r.missingItems,
    reasons: r.reasons,
    note: r.note,
    decidedAt: iso(r.decidedAt),
    decidedBy: r.decidedByLabel,
  };
}
