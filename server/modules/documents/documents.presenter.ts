// Documents as the API shows them (contracts/documents): units and people by name, instants in +07:00, the electronic
// metadata of Phụ lục VI, and the actions the caller may take next (the web never guesses).
import { toVnIso } from '../../platform/calendar';
import type { Ctx } from '../../platform/context/context';
import type { OrgUnitRef } from '../identity';
import type { DocumentFile, DocumentMetadata, IncomingDetail, IncomingSummary, OutgoingDetail, OutgoingSummary } from '../../../contracts/documents/documents.contracts';
import { documentType } from './documents.numbering';
import {
  findAssignment,
  findOutgoing,
  findReceiptOfIncoming,
  listEvents,
  listFiles,
  listReceipts,
  type EventRow,
  type FileRow,
  type IncomingRow,
  type OutgoingRow,
} from './documents.repository';
import { unitsById, userNames } from './use-cases/common';
import type { IncomingRoles } from './use-cases/incoming';
import type { OutgoingRoles } from './use-cases/outgoing';

const iso = (at: Date | null): string | null => (at ? toVnIso(at) : null);
const ref = (u: OrgUnitRef | undefined) => (u ? { id: u.id, code: u.code, name: u.name } : null);
const person = (id: string | null, names: Map<string, string>) => (id ? { id, name: names.get(id) ?? '' } : null);

/** Names the presenters need for a page of rows, fetched once. */
export interface Lookups {
  units: Map<string, OrgUnitRef>;
  names: Map<string, string>;
}

export async function lookupsFor(ctx: Ctx, unitIds: ReadonlyArray<string | null>, userIds: ReadonlyArray<string | null>): Promise<Lookups> {
  const [units, names] = await Promise.all([unitsById(ctx.db, unitIds), userNames(ctx.db, userIds)]);
  return { units, names };
}

export function presentIncomingSummary(row: IncomingRow, l: Lookups, now: Date): IncomingSummary {
  return {
    id: row.id,
    unit: ref(l.units.get(row.unitId))!,
    arrivalYear: row.arrivalYear,
    arrivalNumber: row.arrivalNumber,
    receivedAt: toVnIso(row.receivedAt),
    receivedVia: row.receivedVia,
    senderName: row.senderName,
    senderCode: row.senderCode,
    numberSymbol: row.numberSymbol,
    issuedOn: row.issuedOn,
    typeCode: row.typeCode,
    typeName: documentType(row.typeCode).name,
    subject: row.subject,
    urgency: row.urgency,
    confidentiality: row.confidentiality,
    pageCount: row.pageCount,
    note: row.note,
    state: row.state,
    presentDueAt: toVnIso(row.presentDueAt),
    dueAt: iso(row.dueAt),
    overdue: row.state === 'ASSIGNED' && row.dueAt !== null && row.dueAt.getTime() < now.getTime(),
    leadUnit: row.leadUnitId ? ref(l.units.get(row.leadUnitId)) : null,
    leadUser: person(row.leadUserId, l.names),
    handledAt: iso(row.handledAt),
    handledOnTime: row.handledOnTime,
    outcome: row.outcome,
    version: row.version,
  };
}

export const presentFile = (f: FileRow): DocumentFile => ({
  id: f.id,
  fileName: f.fileName,
  sizeBytes: f.sizeBytes,
  mediaType: f.mediaType,
  sha256: f.sha256,
  uploadedAt: toVnIso(f.uploadedAt),
});

const presentEvent = (e: EventRow) => ({ at: toVnIso(e.at), kind: e.kind, actorLabel: e.actorLabel, text: e.text });

/** Phụ lục VI's codes of the security and urgency levels (0 normal, then ascending). */
const LEVEL_CODE = { normal: '0', confidential: '1', secret: '2', 'top-secret': '3', urgent: '1', 'very-urgent': '2', flash: '3' } as const;
/** Splits "125/UBND-VP" into its number ("125") and notation ("UBND-VP"). */
function splitNumberSymbol(numberSymbol: string | null): { number: string | null; notation: string | null } {
  if (!numberSymbol) return { number: null, notation: null };
  const i = numberSymbol.indexOf('/');
  return i < 0 ? { number: null, notation: numberSymbol } : { number: numberSymbol.slice(0, i), notation: numberSymbol.slice(i + 1) };
}

/** The detail of an incoming document with its files, history, assignment, receipt, metadata and allowed actions. */
export async function presentIncomingDetail(ctx: Ctx, row: IncomingRow, roles: IncomingRoles): Promise<IncomingDetail> {
  const [files, events, assignment, receipt] = await Promise.all([
    listFiles(ctx.db, { incomingId: row.id }),
    listEvents(ctx.db, { incomingId: row.id }),
    findAssignment(ctx.db, row.id),
    findReceiptOfIncoming(ctx.db, row.id),
  ]);
  const source = row.sourceOutgoingId ? await findOutgoing(ctx.db, row.sourceOutgoingId) : null;
  const l = await lookupsFor(
    ctx,
    [row.unitId, row.leadUnitId, assignment?.leadUnitId ?? null, ...(assignment?.partnerUnitIds ?? []), source?.unitId ?? null],
    [row.leadUserId, assignment?.leadUserId ?? null, assignment?.assignedBy ?? null],
  );
  const now = ctx.clock.now();
  const summary = presentIncomingSummary(row, l, now);
  const allowedActions: IncomingDetail['allowedActions'] = [];
  if (row.state === 'REGISTERED' && roles.leader) allowedActions.push('assign');
  if (row.state === 'ASSIGNED' && (roles.lead || roles.partner || roles.leader)) allowedActions.push('note');
  if ((row.state === 'ASSIGNED' && (roles.lead || roles.leader)) || (row.state === 'REGISTERED' && roles.leader)) allowedActions.push('close');
  if (roles.clerk) allowedActions.push('upload');
  const split = splitNumberSymbol(row.numberSymbol);
  const metadata: DocumentMetadata = {
    CodeNumber: split.number,
    CodeNotation: split.notation,
    IssuedDate: row.issuedOn,
    Subject: row.subject,
    TypeCode: row.typeCode,
    OrganizationCode: row.senderCode,
    SignerFullName: source?.signerName ?? null,
    SignerPosition: source?.signerPosition ?? null,
    DueDate: row.dueAt ? toVnIso(row.dueAt).slice(0, 10) : null,
    SecurityLevel: LEVEL_CODE[row.confidentiality],
    UrgencyLevel: LEVEL_CODE[row.urgency],
    RecipientList: [l.units.get(row.unitId)?.name ?? ''],
    StatusCode: row.state,
    ArrivalDate: toVnIso(row.receivedAt),
    ArrivalNumber: row.arrivalNumber,
  };
  return {
    ...summary,
    closeText: row.closeText,
    replyDocumentId: row.replyDocumentId,
    files: files.map(presentFile),
    events: events.map(presentEvent),
    assignment: assignment
      ? {
          leadUnit: assignment.leadUnitId ? ref(l.units.get(assignment.leadUnitId)) : null,
          leadUser: person(assignment.leadUserId, l.names),
          partnerUnits: assignment.partnerUnitIds.map((id) => ref(l.units.get(id))).filter((u): u is NonNullable<typeof u> => u !== null),
          handlingDays: assignment.handlingDays,
          dueOn: assignment.dueOn,
          dueAt: iso(assignment.dueAt),
          instruction: assignment.instruction,
          assignedAt: toVnIso(assignment.assignedAt),
          assignedBy: person(assignment.assignedBy, l.names),
        }
      : null,
    receipt:
      receipt && source
        ? {
            outgoingId: source.id,
            fromUnit: ref(l.units.get(source.unitId))!,
            numberSymbol: source.numberSymbol ?? row.numberSymbol,
            state: receipt.state,
            receivedAt: toVnIso(receipt.receivedAt),
            assignedAt: iso(receipt.assignedAt),
            doneAt: iso(receipt.doneAt),
          }
        : null,
    metadata,
    allowedActions,
  };
}

export function presentOutgoingSummary(row: OutgoingRow, l: Lookups): OutgoingSummary {
  return {
    id: row.id,
    unit: ref(l.units.get(row.unitId))!,
    draftingUnit: ref(l.units.get(row.draftingUnitId))!,
    typeCode: row.typeCode,
    typeName: documentType(row.typeCode).name,
    subject: row.subject,
    urgency: row.urgency,
    confidentiality: row.confidentiality,
    state: row.state,
    seriesKey: row.seriesKey,
    year: row.year,
    number: row.number,
    numberSymbol: row.numberSymbol,
    issuedOn: row.issuedOn,
    issuedAt: iso(row.issuedAt),
    signerName: row.signerName,
    signerPosition: row.signerPosition,
    signingPrefix: row.signingPrefix,
    recipients: {
      units: row.recipientUnitIds.map((id) => ref(l.units.get(id))).filter((u): u is NonNullable<typeof u> => u !== null),
      external: row.externalRecipients.map((e) => ({ name: e.name, code: e.code })),
    },
    createdAt: toVnIso(row.createdAt),
    createdBy: person(row.createdBy, l.names),
    version: row.version,
  };
}

/** Unit ids a page of outgoing rows names. */
export const outgoingUnitIds = (rows: readonly OutgoingRow[]): string[] => rows.flatMap((r) => [r.unitId, r.draftingUnitId, ...r.recipientUnitIds]);

/** The detail of an outgoing document with its files, history, receipts, metadata and allowed actions. */
export async function presentOutgoingDetail(ctx: Ctx, row: OutgoingRow, roles: OutgoingRoles): Promise<OutgoingDetail> {
  const [files, events, receipts] = await Promise.all([listFiles(ctx.db, { outgoingId: row.id }), listEvents(ctx.db, { outgoingId: row.id }), listReceipts(ctx.db, row.id)]);
  const l = await lookupsFor(ctx, [...outgoingUnitIds([row]), ...receipts.map((r) => r.recipientUnitId)], [row.createdBy]);
  const allowedActions: OutgoingDetail['allowedActions'] = [];
  if (row.state === 'DRAFT' && roles.drafter) allowedActions.push('edit', 'submit');
  if (row.state === 'IN_REVIEW' && roles.leader) allowedActions.push('return', 'sign');
  if (row.state === 'SIGNED' && roles.clerk) allowedActions.push('issue');
  if ((row.state === 'DRAFT' && roles.drafter) || (row.state !== 'ISSUED' && roles.clerk)) allowedActions.push('upload');
  const summary = presentOutgoingSummary(row, l);
  return {
    ...summary,
    content: row.content,
    replyToIncomingId: row.replyToIncomingId,
    returnNote: row.returnNote,
    dossierId: row.dossierId,
    exchangeId: row.exchangeId,
    files: files.map(presentFile),
    events: events.map(presentEvent),
    receipts: receipts.map((r) => ({
      unitId: r.recipientUnitId,
      unitName: l.units.get(r.recipientUnitId)?.name ?? '',
      state: r.state,
      receivedAt: toVnIso(r.receivedAt),
      assignedAt: iso(r.assignedAt),
      doneAt: iso(r.doneAt),
      incomingId: r.incomingId,
    })),
    metadata: {
      CodeNumber: row.number === null ? null : summary.numberSymbol!.split('/')[0]!,
      CodeNotation: splitNumberSymbol(row.numberSymbol).notation,
      IssuedDate: row.issuedOn,
      Subject: row.subject,
      TypeCode: row.typeCode,
      OrganizationCode: l.units.get(row.unitId)?.code ?? null,
      SignerFullName: row.signerName,
      SignerPosition: row.signerPosition ? `${row.signingPrefix ? `${row.signingPrefix} ` : ''}${row.signerPosition}` : null,
      DueDate: null,
      SecurityLevel: LEVEL_CODE[row.confidentiality],
      UrgencyLevel: LEVEL_CODE[row.urgency],
      RecipientList: [...summary.recipients.units.map((u) => u.name), ...summary.recipients.external.map((e) => e.name)],
      StatusCode: row.state,
    },
    allowedActions,
  };
}
