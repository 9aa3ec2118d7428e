// Legal slips of a dossier (Mẫu 01–07, §4): maps stored rows to the plain data the renderers in ../slips take.
import { and, asc, eq, gte, lt } from 'drizzle-orm';
import { can } from '../../../platform/access';
import { vnInstant } from '../../../platform/calendar';
import type { Ctx } from '../../../platform/context/context';
import { AppError, notFound } from '../../../platform/errors';
import {
  renderApologySlip,
  renderControlSlip,
  renderReceiptSlip,
  renderRefusalSlip,
  renderStopNotice,
  renderSupplementRequestSlip,
  renderTrackingBook,
  type SlipIssuer,
  type SlipParty,
} from '../slips';
import type { DOSSIER_SLIPS } from '../../../../contracts/dossiers/dossiers.contracts';
import { DOSSIER_ACTIONS } from '../dossiers.policy';
import { findDossier, unitsById, type DossierRow, type UnitInfo } from '../dossiers.repository';
import { dossierIntakeDecisions, dossiers } from '../dossiers.tables';
import { loadBundle } from './read-dossiers';

/** The slips a dossier can print. */
export type DossierSlip = (typeof DOSSIER_SLIPS)[number];

/** A rendered file. */
export interface RenderedFile {
  fileName: string;
  mimeType: string;
  body: Buffer;
}

const PDF = 'application/pdf';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const UNIT_LABEL: Record<string, string> = { 'working-days': 'ngày làm việc', 'working-hours': 'giờ làm việc', 'calendar-days': 'ngày' };
const DELIVERY_LABEL: Record<string, string> = { post: 'Qua dịch vụ bưu chính công ích', online: 'Trực tuyến (Cổng Dịch vụ công)' };

/** The province part of the place line: "Ủy ban nhân dân tỉnh Thanh Hóa" → "Thanh Hóa". */
function placeOf(rootName: string): string {
  return /(?:tỉnh|thành phố)\s+(.+)$/i.exec(rootName)?.[1] ?? rootName;
}

/** Issuer lines for a unit: its parent (governing body) and itself. */
async function issuerOf(ctx: Ctx, unit: UnitInfo): Promise<{ issuer: SlipIssuer; place: string }> {
  const ids = unit.path.split('/').filter(Boolean);
  const chain = await unitsById(ctx.db, ids);
  const parent = chain.get(ids[ids.length - 2] ?? '') ?? unit;
  const root = chain.get(ids[0] ?? '') ?? unit;
  return { issuer: { parentName: parent.name, unitName: unit.name }, place: placeOf(root.name) };
}

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

const fileName = (kind: string, code: string, ext = 'pdf') => `${kind}-${code.replace(/[^0-9A-Za-z.-]/g, '_')}.${ext}`;

/** Renders one slip of a dossier the actor may read; 409 INVALID_STATE when the dossier has no such slip. */
export async function renderDossierSlip(ctx: Ctx, id: string, slip: DossierSlip, lookupBaseUrl: string): Promise<RenderedFile> {
  const row = await findDossier(ctx.db, id);
  if (!row) throw notFound('dossier', id);
  const b = await loadBundle(ctx, row);
  if (!can(ctx.actor, DOSSIER_ACTIONS.read, b.subject)) throw new AppError('FORBIDDEN', { action: DOSSIER_ACTIONS.read });
  const unit = (uid: string) => b.units.get(uid) ?? { id: uid, code: '', name: '', path: '/' };
  const now = ctx.clock.now();
  const missing = () => new AppError('INVALID_STATE', { state: row.state, slip });
  switch (slip) {
    case 'receipt': {
      const { issuer, place } = await issuerOf(ctx, unit(row.receivingUnitId));
      const body = await renderReceiptSlip({
        issuer,
        number: String(row.bookSeq).padStart(2, '0'),
        place,
        issuedAt: row.receivedAt,
        dossierCode: row.code,
        lookupUrl: `${lookupBaseUrl}/tra-cuu?ma=${encodeURIComponent(row.code)}`,
        receivingCentre: unit(row.receivingUnitId).name,
        applicant: partyOf(row),
        procedureName: row.procedureName,
        // Papers only shown for checking (giấy tờ phải xuất trình) were given back: the receipt lists what was kept.
        documents: row.checklist.filter((c) => !c.presented).map((c) => ({ name: c.name, originals: c.originals, certifiedCopies: 0, copies: c.copies })),
        dossierSets: 1,
        statutoryDurationText: `${String(Number(row.durationAmount)).padStart(2, '0')} ${UNIT_LABEL[row.durationUnit] ?? row.durationUnit}`,
        receivedAt: row.receivedAt,
        dueAt: row.dueAt,
        resultDelivery: DELIVERY_LABEL[row.resultDelivery] ?? unit(row.receivingUnitId).name,
        trackingBook: { volume: row.bookNumber, sequence: String(row.bookSeq) },
        receiverName: b.hops[0]?.handedBy ?? '',
      });
      return { fileName: fileName('mau-01-giay-tiep-nhan', row.code), mimeType: PDF, body };
    }
    case 'control': {
      const { issuer, place } = await issuerOf(ctx, unit(row.receivingUnitId));
      const finished = b.hops.filter((h) => h.finishedAt !== null);
      const partners = [...new Set(b.hops.filter((h) => h.kind === 'transfer').map((h) => unit(h.toUnitId).name))];
      const body = await renderControlSlip({
        issuer,
        place,
        issuedAt: now,
        dossierCode: row.code,
        handlingAgency: unit(row.handlingUnitId).name,
        coordinatingAgencies: partners.length ? partners.join('; ') : null,
        receivedAt: row.receivedAt,
        dueAt: row.extendedDueAt ?? row.dueAt,
        // One row per finished hop: the unit that worked hands over; its result is judged against its own budget.
        handovers: finished.map((h) => {
          const next = b.hops.find((x) => x.seq > h.seq && x.startedAt.getTime() === h.finishedAt!.getTime());
          return {
            fromUnit: unit(h.toUnitId).name,
            toUnit: next ? unit(next.toUnitId).name : row.state === 'RETURNED' ? row.applicantName : unit(row.holderUnitId).name,
            fromPerson: h.handedBy,
            handedOverAt: h.finishedAt!,
            result: (h.classification as 'early' | 'on-time' | 'late' | null) ?? null,
            note: h.note,
          };
        }),
      });
      return { fileName: fileName('mau-06-phieu-kiem-soat', row.code), mimeType: PDF, body };
    }
    case 'apology': {
      if (!b.apology) throw missing();
      const { issuer, place } = await issuerOf(ctx, unit(row.handlingUnitId));
      const body = await renderApologySlip({
        issuer,
        number: b.apology.referenceNumber.split('/')[0] ?? null,
        place,
        issuedAt: b.apology.issuedAt,
        addressee: row.applicantName,
        agencyName: unit(row.handlingUnitId).name,
        procedureName: row.procedureName,
        applicant: partyOf(row),
        dossierCode: row.code,
        receivedAt: row.receivedAt,
        originalDueAt: b.apology.originalDueAt,
        reason: b.apology.reason,
        newDueAt: b.apology.newDueAt,
        signer: { title: 'THỦ TRƯỞNG CƠ QUAN', name: b.apology.issuedByLabel },
      });
      return { fileName: fileName('mau-04-xin-loi-hen-lai', row.code), mimeType: PDF, body };
    }
    case 'stop-notice': {
      const stop = [...b.events].reverse().find((e) => e.kind === 'stop');
      if (row.state !== 'STOPPED' || !stop) throw missing();
      const { issuer, place } = await issuerOf(ctx, unit(row.handlingUnitId));
      const body = await renderStopNotice({
        issuer,
        place,
        issuedAt: stop.at,
        addressee: row.applicantName,
        agencyName: unit(row.handlingUnitId).name,
        procedureName: row.procedureName,
        applicant: partyOf(row),
        dossierCode: row.code,
        receivedAt: row.receivedAt,
        stoppedAt: stop.at,
        reason: stop.note ?? '',
        signer: { title: 'THỦ TRƯỞNG CƠ QUAN', name: stop.actorLabel ?? '' },
      });
      return { fileName: fileName('mau-05-dung-giai-quyet', row.code), mimeType: PDF, body };
    }
    case 'supplement-request': {
      const pause = [...b.pauses].reverse().find((p) => p.reason === 'supplement');
      const asked = [...b.events].reverse().find((e) => e.kind === 'request-supplement');
      if (!pause || !asked) throw missing();
      const { issuer, place } = await issuerOf(ctx, unit(row.receivingUnitId));
      const body = await renderSupplementRequestSlip({
        issuer,
        place,
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

/** Mẫu 02 (guided) or Mẫu 03 (refused) for an intake decision without a dossier. */
export async function renderIntakeDecisionSlip(ctx: Ctx, id: string): Promise<RenderedFile> {
  const [r] = await ctx.db.select().from(dossierIntakeDecisions).where(eq(dossierIntakeDecisions.id, id)).limit(1);
  if (!r) throw notFound('intakeDecision', id);
  const units = await unitsById(ctx.db, [r.receivingUnitId]);
  const receiving = units.get(r.receivingUnitId)!;
  const subject = { state: 'RECEIVED' as const, holderRole: 'reception-officer', holderPath: receiving.path, receivingPath: receiving.path, handlingPath: receiving.path };
  if (!can(ctx.actor, DOSSIER_ACTIONS.read, subject)) throw new AppError('FORBIDDEN', { action: DOSSIER_ACTIONS.read });
  const { issuer, place } = await issuerOf(ctx, receiving);
  const applicant: SlipParty = {
    name: r.applicant.name ?? '',
    kind: r.applicant.kind === 'organisation' ? 'organisation' : 'individual',
    identityNumber: r.applicant.idNumber ?? null,
    address: r.applicant.address ?? null,
    phone: r.applicant.phone ?? null,
    email: r.applicant.email ?? null,
  };
  const number = r.referenceNumber.split('/')[0] ?? null;
  if (r.kind === 'guide') {
    const body = await renderSupplementRequestSlip({
      issuer,
      number,
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
    number,
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

/** Mẫu 07: the tracking book of a receiving unit for a period (inclusive dates), as an Excel workbook. */
export async function renderTrackingBookFile(ctx: Ctx, input: { receivingUnitId: string; from: string; to: string }): Promise<RenderedFile> {
  const units = await unitsById(ctx.db, [input.receivingUnitId]);
  const receiving = units.get(input.receivingUnitId);
  if (!receiving) throw notFound('orgUnit', input.receivingUnitId);
  const subject = { state: 'RECEIVED' as const, holderRole: 'reception-officer', holderPath: receiving.path, receivingPath: receiving.path, handlingPath: receiving.path };
  if (!can(ctx.actor, DOSSIER_ACTIONS.read, subject)) throw new AppError('FORBIDDEN', { action: DOSSIER_ACTIONS.read });
  const end = new Date(vnInstant(input.to).getTime() + 86_400_000);
  const rows = await ctx.db
    .select()
    .from(dossiers)
    .where(and(eq(dossiers.receivingUnitId, receiving.id), gte(dossiers.receivedAt, vnInstant(input.from)), lt(dossiers.receivedAt, end)))
    .orderBy(asc(dossiers.receivedAt))
    .limit(20_000);
  const handling = await unitsById(ctx.db, rows.map((r) => r.handlingUnitId));
  const { issuer, place } = await issuerOf(ctx, receiving);
  const body = await renderTrackingBook({
    issuer,
    place,
    issuedAt: ctx.clock.now(),
    volume: input.from.slice(0, 4),
    period: { from: input.from, to: input.to },
    rows: rows.map((r) => ({
      dossierCode: r.code,
      procedureName: r.procedureName,
      applicantName: r.applicantName,
      applicantAddress: r.applicantAddress,
      applicantPhone: r.applicantPhone,
      handlingAgency: handling.get(r.handlingUnitId)?.name ?? '',
      receivedAt: r.receivedAt,
      dueAt: r.extendedDueAt ?? r.dueAt,
      returnedAt: r.returnedAt,
      resultDelivery: r.returnMethod === 'post' ? 'Bưu chính' : r.returnMethod === 'online' ? 'Trực tuyến' : r.returnMethod === 'desk' ? 'Trực tiếp' : null,
      signature: r.returnedTo,
    })),
  });
  return { fileName: `mau-07-so-theo-doi-${receiving.code}-${input.from}-${input.to}.xlsx`, mimeType: XLSX, body };
}
