// Legal slips of a dossier (Mẫu 01–07, §4): maps stored rows to the plain data the renderers in ../slips take.
import { eq } from 'drizzle-orm';
import { can } from '../../../platform/access';
import { vnDateOf } from '../../../platform/calendar';
import { withTransaction, type Ctx } from '../../../platform/context/context';
import { AppError, notFound } from '../../../platform/errors';
import { renderApologySlip, renderControlSlip, renderReceiptSlip, renderRefusalSlip, renderStopNotice, renderSupplementRequestSlip, type SlipParty } from '../slips';
import type { DOSSIER_SLIPS, FeePaymentMethod } from '../../../../contracts/dossiers/dossiers.contracts';
import { calendarOf, calendarOrNone, dueProvisionalOf } from '../dossiers.deadlines';
import { DOSSIER_ACTIONS } from '../dossiers.policy';
import type { DossierBundle } from '../dossiers.presenter';
import { findDossier, unitsById, type DossierRow } from '../dossiers.repository';
import { dossierIntakeDecisions } from '../dossiers.tables';
import { loadBundle } from './read-dossiers';
import { issueSlipReference, loadIssuer, referenceOf, symbolOf } from './slip-numbers';

/** The slips a dossier can print. */
export type DossierSlip = (typeof DOSSIER_SLIPS)[number];

/** A rendered file. */
export interface RenderedFile {
  fileName: string;
  mimeType: string;
  body: Buffer;
}

const PDF = 'application/pdf';
const UNIT_LABEL: Record<string, string> = { 'working-days': 'ngày làm việc', 'working-hours': 'giờ làm việc', 'calendar-days': 'ngày' };
const DELIVERY_LABEL: Record<string, string> = { post: 'Qua dịch vụ bưu chính công ích', online: 'Trực tuyến (Cổng Dịch vụ công)' };
/** The payment methods as the province's payment records name them (tiền mặt, chuyển khoản, trực tuyến; §6.3). */
const FEE_PAYMENT_LABEL: Record<FeePaymentMethod, string> = { cash: 'Tiền mặt', 'bank-transfer': 'Chuyển khoản', online: 'Trực tuyến' };

function partyOf(row: DossierRow): SlipParty {
  return {
    name: row.applicantName,
    kind: row.applicantKind === 'organisation' ? 'organisation' : 'individual',
    identityNumber: row.applicantIdNumber,
    address: row.applicantAddress,
    phone: row.applicantPhone,
    email: row.applicantEmail,
  };
}

/** Who signs a letter for the agency (Mẫu 04, Mẫu 05, §4.2). */
const AGENCY_HEAD = 'Thủ trưởng cơ quan, đơn vị';
/** Printed for a destination where nobody has acted yet: the role the dossier waits for. */
const ROLE_LABEL: Record<string, string> = { 'reception-officer': 'Cán bộ tiếp nhận', specialist: 'Chuyên viên xử lý', leader: 'Lãnh đạo' };

/** "50.000" — VND with dots between thousands. */
const vnd = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/** A hand-over between two parties, before names are looked up. */
interface Handover {
  at: Date;
  fromUnitId: string;
  /** null = the applicant (the return of the result). */
  toUnitId: string | null;
  toRole: string | null;
  fromPerson: string | null;
  toPerson: string | null;
  result: 'early' | 'on-time' | 'late' | null;
  note: string | null;
  order: number;
}

const asResult = (c: string | null) => (c === 'early' || c === 'on-time' || c === 'late' ? c : null);

/**
 * The rows of Mẫu 06, one per hand-over (§4.2): every hop after the first is a hand-over into it, made by the person
 * who handed it out of the previous holder (the hop's `handed_by`, with its note); the end of a transfer or of a
 * supplement wait hands the dossier back to the step it left (the event's actor and note); the return hands the result
 * to the applicant. The result column judges the step being left against its budget (§5.5): it is known only when that
 * step ends with the hand-over. "Người nhận" is whoever next handed the dossier on from the receiving side, else who
 * acted there, else the role it waits for.
 */
export function controlHandovers(b: Pick<DossierBundle, 'row' | 'hops' | 'events'>): Handover[] {
  const { row } = b;
  const hops = [...b.hops].sort((x, y) => x.seq - y.seq);
  const stepBefore = (seq: number) => [...hops].reverse().find((x) => x.kind === 'step' && x.seq < seq) ?? null;
  const out: Handover[] = [];
  for (const h of hops.slice(1)) {
    const left = stepBefore(h.seq);
    const closedNow = h.kind === 'step' && left?.finishedAt?.getTime() === h.startedAt.getTime();
    out.push({
      at: h.startedAt,
      fromUnitId: h.fromUnitId ?? left?.toUnitId ?? row.receivingUnitId,
      toUnitId: h.toUnitId,
      toRole: h.role,
      fromPerson: h.handedBy,
      toPerson: null,
      result: closedNow ? asResult(left.classification) : null,
      note: h.note,
      order: h.seq * 2,
    });
    if (h.kind !== 'step' && h.finishedAt) {
      const back = b.events.find((e) => (e.kind === 'transfer-back' || e.kind === 'receive-supplement') && e.at.getTime() === h.finishedAt!.getTime());
      // A side hop closed by a stop or a withdrawal hands nothing back.
      if (back && left) {
        out.push({
          at: h.finishedAt,
          fromUnitId: h.toUnitId,
          toUnitId: left.toUnitId,
          toRole: left.role,
          fromPerson: back.actorLabel,
          toPerson: null,
          result: h.kind === 'transfer' ? asResult(h.classification) : null,
          note: back.note,
          order: h.seq * 2 + 1,
        });
      }
    }
  }
  if (row.returnedAt) {
    const ret = [...b.events].reverse().find((e) => e.kind === 'return-result');
    const last = [...hops].reverse().find((x) => x.kind === 'step') ?? null;
    out.push({
      at: row.returnedAt,
      fromUnitId: last?.toUnitId ?? row.receivingUnitId,
      toUnitId: null,
      toRole: null,
      fromPerson: ret?.actorLabel ?? null,
      toPerson: row.returnedTo,
      result: asResult(last?.classification ?? null),
      note: ret?.note ?? null,
      order: Number.MAX_SAFE_INTEGER,
    });
  }
  out.sort((x, y) => x.at.getTime() - y.at.getTime() || x.order - y.order);
  const acts = b.events.filter((e) => ['approve', 'result-ready', 'stop', 'withdraw', 'request-payment', 'confirm-payment'].includes(e.kind));
  for (const [i, h] of out.entries()) {
    if (h.toPerson || h.toUnitId === null) continue;
    const next = out.slice(i + 1).find((x) => x.fromUnitId === h.toUnitId);
    const acted = acts.find((e) => e.at.getTime() >= h.at.getTime() && (!next || e.at.getTime() <= next.at.getTime()));
    h.toPerson = next?.fromPerson ?? acted?.actorLabel ?? (h.toRole ? (ROLE_LABEL[h.toRole] ?? h.toRole) : null);
  }
  return out;
}

/** Runs `fn` in a transaction and audits each slip number it issued (D14). */
export async function withIssuance<T>(
  ctx: Ctx,
  dossierId: string | null,
  fn: (issue: (input: Parameters<typeof issueSlipReference>[1]) => Promise<string>) => Promise<T>,
): Promise<T> {
  return withTransaction(ctx, async (scope) =>
    fn(async (input) => {
      const r = await issueSlipReference(scope.tx, input);
      if (r.issued) {
        await scope.audit({
          action: 'dossiers.slip-issue',
          subjectType: dossierId ? 'dossier' : 'orgUnit',
          subjectId: dossierId ?? input.issuer.unitId,
          after: { form: input.form, subject: input.subject, reference: r.reference },
        });
      }
      return r.reference;
    }),
  );
}

const fileName = (kind: string, code: string, ext = 'pdf') => `${kind}-${code.replace(/[^0-9A-Za-z.-]/g, '_')}.${ext}`;

/**
 * How the caller's right to read a slip was established. `policy`: the dossiers read policy (officers of a unit the
 * dossier involves). `applicant`: the caller is the dossier's applicant, as established by the module that links the
 * dossier to the caller's account (submissions: the account that submitted it online) — the slips of an online dossier
 * reach its applicant electronically (NĐ 45/2020/NĐ-CP), the same PDF the desk prints. An applicant never reads the
 * control slip (Mẫu 06), the agencies' own record of hand-overs.
 */
export type SlipReader = 'policy' | 'applicant';

/** Renders one slip of a dossier the actor may read; 409 INVALID_STATE when the dossier has no such slip. */
export async function renderDossierSlip(ctx: Ctx, id: string, slip: DossierSlip, lookupBaseUrl: string, reader: SlipReader = 'policy'): Promise<RenderedFile> {
  const row = await findDossier(ctx.db, id);
  if (!row) throw notFound('dossier', id);
  const b = await loadBundle(ctx, row);
  if (reader === 'policy' && !can(ctx.actor, DOSSIER_ACTIONS.read, b.subject)) throw new AppError('FORBIDDEN', { action: DOSSIER_ACTIONS.read });
  if (reader === 'applicant' && slip === 'control') throw new AppError('FORBIDDEN', { action: DOSSIER_ACTIONS.read });
  const unit = (uid: string) => b.units.get(uid) ?? { id: uid, code: '', name: '', path: '/', kind: '', shortName: null };
  const now = ctx.clock.now();
  const missing = () => new AppError('INVALID_STATE', { state: row.state, slip });
  // Issue 8 item 7: an appointment counted on the provisional calendar (a year not yet published) says so on the slip.
  const provisional = dueProvisionalOf(row, await calendarOrNone(calendarOf(ctx.db, row.calendarUnitCode)));
  const lastDue = row.extendedDueAt && row.extendedDueAt > row.dueAt ? row.extendedDueAt : row.dueAt;
  const provisionalYear = (at: Date) => (provisional ? Number(vnDateOf(at > lastDue ? at : lastDue).slice(0, 4)) : null);
  switch (slip) {
    case 'receipt': {
      const { issuer, place } = await loadIssuer(ctx.db, unit(row.receivingUnitId));
      const body = await renderReceiptSlip({
        issuer,
        // The receipt's number is the dossier's entry in the desk's book (Số thứ tự), allocated at reception (D14).
        reference: referenceOf(row.bookSeq, symbolOf('receipt', issuer, row.receivedAt)),
        place,
        issuedAt: row.receivedAt,
        dossierCode: row.code,
        lookupUrl: `${lookupBaseUrl}/tra-cuu?ma=${encodeURIComponent(row.code)}`,
        receivingCentre: unit(row.receivingUnitId).name,
        applicant: partyOf(row),
        authorisedPerson: row.submitter
          ? {
              name: row.submitter.name,
              identityNumber: row.submitter.idNumber,
              address: row.submitter.address,
              phone: row.submitter.phone,
              email: row.submitter.email,
              authorisationDocument: row.submitter.authorisationDocument,
            }
          : null,
        procedureName: row.procedureName,
        // Papers only shown for checking (giấy tờ phải xuất trình) were given back: the receipt lists what was kept.
        documents: row.checklist.filter((c) => !c.presented).map((c) => ({ name: c.name, originals: c.originals, certifiedCopies: c.certifiedCopies ?? 0, copies: c.copies })),
        dossierSets: 1,
        statutoryDurationText: `${String(Number(row.durationAmount)).padStart(2, '0')} ${UNIT_LABEL[row.durationUnit] ?? row.durationUnit}`,
        receivedAt: row.receivedAt,
        dueAt: row.dueAt,
        provisionalAppointmentYear: provisionalYear(row.dueAt),
        resultDelivery: DELIVERY_LABEL[row.resultDelivery] ?? unit(row.receivingUnitId).name,
        // The fee is taken at the desk when the dossier is received ("Thu trước", §4.2 Thanh Hóa vocabulary).
        feeCollection: row.feeVnd > 0 ? `Thu trước (đã thu ${vnd(row.feeVnd)} đồng)` : null,
        // Null on dossiers received before the method was recorded: their receipt reprints as it was first printed.
        feePaymentMethod: row.feePaymentMethod ? FEE_PAYMENT_LABEL[row.feePaymentMethod] : null,
        trackingBook: { volume: row.bookNumber, sequence: String(row.bookSeq) },
        receiverName: b.hops[0]?.handedBy ?? '',
      });
      return { fileName: fileName('mau-01-giay-tiep-nhan', row.code), mimeType: PDF, body };
    }
    case 'control': {
      const info = await loadIssuer(ctx.db, unit(row.receivingUnitId));
      const partners = [...new Set(b.hops.filter((h) => h.kind === 'transfer').map((h) => unit(h.toUnitId).name))];
      const reference = await withIssuance(ctx, row.id, (issue) => issue({ form: 'controlSlip', subject: `dossier:${row.id}`, dossierId: row.id, issuer: info, at: now }));
      const body = await renderControlSlip({
        issuer: info.issuer,
        reference,
        place: info.place,
        issuedAt: now,
        dossierCode: row.code,
        handlingAgency: unit(row.handlingUnitId).name,
        coordinatingAgencies: partners.length ? partners.join('; ') : null,
        receivedAt: row.receivedAt,
        dueAt: row.dueAt,
        extendedDueAt: row.extendedDueAt,
        extensionReference: b.apology?.referenceNumber ?? null,
        provisionalAppointmentYear: provisionalYear(row.extendedDueAt ?? row.dueAt),
        handovers: controlHandovers(b).map((h) => ({
          fromUnit: unit(h.fromUnitId).name,
          toUnit: h.toUnitId === null ? `Người nhận kết quả: ${row.returnedTo ?? row.applicantName}` : unit(h.toUnitId).name,
          fromPerson: h.fromPerson,
          toPerson: h.toPerson,
          handedOverAt: h.at,
          result: h.result,
          note: h.note,
        })),
      });
      return { fileName: fileName('mau-06-phieu-kiem-soat', row.code), mimeType: PDF, body };
    }
    case 'apology': {
      if (!b.apology) throw missing();
      const { issuer, place } = await loadIssuer(ctx.db, unit(row.handlingUnitId));
      const body = await renderApologySlip({
        // The body that writes, as its heading names it ("Ủy ban nhân dân phường …", not the ward's territory).
        agencyName: issuer.unitName,
        issuer,
        reference: b.apology.referenceNumber,
        place,
        issuedAt: b.apology.issuedAt,
        addressee: row.applicantName,
        procedureName: row.procedureName,
        applicant: partyOf(row),
        dossierCode: row.code,
        receivedAt: row.receivedAt,
        originalDueAt: b.apology.originalDueAt,
        reason: b.apology.reason,
        newDueAt: b.apology.newDueAt,
        provisionalAppointmentYear: provisionalYear(b.apology.newDueAt),
        signer: { title: AGENCY_HEAD, name: b.apology.issuedByLabel },
      });
      return { fileName: fileName('mau-04-xin-loi-hen-lai', row.code), mimeType: PDF, body };
    }
    case 'stop-notice': {
      const stop = [...b.events].reverse().find((e) => e.kind === 'stop');
      if (row.state !== 'STOPPED' || !stop) throw missing();
      const info = await loadIssuer(ctx.db, unit(row.handlingUnitId));
      const reference = await withIssuance(ctx, row.id, (issue) => issue({ form: 'stopNotice', subject: `dossier:${row.id}`, dossierId: row.id, issuer: info, at: stop.at }));
      const body = await renderStopNotice({
        issuer: info.issuer,
        reference,
        place: info.place,
        issuedAt: stop.at,
        addressee: row.applicantName,
        agencyName: info.issuer.unitName,
        procedureName: row.procedureName,
        applicant: partyOf(row),
        dossierCode: row.code,
        receivedAt: row.receivedAt,
        stoppedAt: stop.at,
        reason: stop.note ?? '',
        signer: { title: AGENCY_HEAD, name: stop.actorLabel ?? '' },
      });
      return { fileName: fileName('mau-05-dung-giai-quyet', row.code), mimeType: PDF, body };
    }
    case 'supplement-request': {
      const pause = [...b.pauses].reverse().find((p) => p.reason === 'supplement');
      const asked = [...b.events].reverse().find((e) => e.kind === 'request-supplement');
      if (!pause || !asked) throw missing();
      const info = await loadIssuer(ctx.db, unit(row.receivingUnitId));
      const reference = await withIssuance(ctx, row.id, (issue) =>
        issue({ form: 'supplementRequest', subject: `pause:${pause.id}`, dossierId: row.id, issuer: info, at: pause.fromAt }),
      );
      const body = await renderSupplementRequestSlip({
        issuer: info.issuer,
        reference,
        place: info.place,
        issuedAt: pause.fromAt,
        applicant: partyOf(row),
        procedureName: row.procedureName,
        dossierCode: row.code,
        submittedAt: row.receivedAt,
        items: pause.items,
        reason: pause.note ?? '',
        contact: { name: asked.actorLabel ?? '', phone: '' },
        guideName: asked.actorLabel ?? '',
      });
      return { fileName: fileName('mau-02-yeu-cau-bo-sung', row.code), mimeType: PDF, body };
    }
  }
}

/** Mẫu 02 (guided) or Mẫu 03 (refused) for an intake decision without a dossier (`reader`: see SlipReader). */
export async function renderIntakeDecisionSlip(ctx: Ctx, id: string, reader: SlipReader = 'policy'): Promise<RenderedFile> {
  const [r] = await ctx.db.select().from(dossierIntakeDecisions).where(eq(dossierIntakeDecisions.id, id)).limit(1);
  if (!r) throw notFound('intakeDecision', id);
  const units = await unitsById(ctx.db, [r.receivingUnitId]);
  const receiving = units.get(r.receivingUnitId)!;
  const subject = { state: 'RECEIVED' as const, holderRole: 'reception-officer', holderPath: receiving.path, receivingPath: receiving.path, handlingPath: receiving.path };
  if (reader === 'policy' && !can(ctx.actor, DOSSIER_ACTIONS.read, subject)) throw new AppError('FORBIDDEN', { action: DOSSIER_ACTIONS.read });
  const { issuer, place } = await loadIssuer(ctx.db, receiving);
  const applicant: SlipParty = {
    name: r.applicant.name ?? '',
    kind: r.applicant.kind === 'organisation' ? 'organisation' : 'individual',
    identityNumber: r.applicant.idNumber ?? null,
    address: r.applicant.address ?? null,
    phone: r.applicant.phone ?? null,
    email: r.applicant.email ?? null,
  };
  // The reference allocated with the decision, as the API shows it (D14).
  const reference = r.referenceNumber;
  if (r.kind === 'guide') {
    const body = await renderSupplementRequestSlip({
      issuer,
      reference,
      place,
      issuedAt: r.decidedAt,
      applicant,
      procedureName: r.procedureName,
      submittedAt: r.decidedAt,
      items: r.missingItems,
      reason: r.reasons,
      contact: { name: r.decidedByLabel, phone: '' },
      guideName: r.decidedByLabel,
    });
    return { fileName: fileName('mau-02-yeu-cau-bo-sung', r.referenceNumber), mimeType: PDF, body };
  }
  const body = await renderRefusalSlip({
    issuer,
    reference,
    place,
    issuedAt: r.decidedAt,
    receivingCentre: receiving.name,
    applicant,
    procedureName: r.procedureName,
    submittedAt: r.decidedAt,
    reasons: [r.reasons],
    receiverName: r.decidedByLabel,
  });
  return { fileName: fileName('mau-03-tu-choi', r.referenceNumber), mimeType: PDF, body };
}
