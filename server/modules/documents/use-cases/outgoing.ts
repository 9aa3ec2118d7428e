// Outgoing documents (văn bản đi, NĐ 30/2020/NĐ-CP Điều 13–18): a unit of the body drafts, the leader returns or signs,
// the clerk numbers and issues. Issuing takes the next number of the series covering the type in the body's year from a
// counter row locked in the same transaction, and hands the document at once to every recipient unit inside motcua
// (an incoming copy with its own arrival number, and a receipt the sender follows).
import { toVnIso, vnDateOf } from '../../../platform/calendar';
import { withTransaction, type Ctx, type TxScope } from '../../../platform/context/context';
import type { OrgUnitRef } from '../../identity';
import type {
  CreateOutgoingRequest,
  IssueOutgoingRequest,
  IssueResultDocumentInput,
  IssuedDocumentRef,
  OutgoingVersionRequest,
  ReturnOutgoingRequest,
  SignOutgoingRequest,
  UpdateOutgoingRequest,
} from '../../../../contracts/documents/documents.contracts';
import { IssueResultDocumentInputSchema } from '../../../../contracts/documents/documents.contracts';
import { exchangeIdOf, isCongVan, numberingYear, numberSymbol, seriesCounter, seriesOf, takeNumber } from '../documents.numbering';
import { DOCUMENT_ACTIONS } from '../documents.policy';
import { findIncoming, findOutgoing, insertOutgoing, insertReceipt, listFiles, lockOutgoing, updateOutgoing, type OutgoingRow } from '../documents.repository';
import { documentSearchText } from '../documents.search';
import {
  actorIdOf,
  calendarOrNull,
  effectiveSettings,
  forbidden,
  invalid,
  isOfBody,
  mayAct,
  notFound,
  openUnit,
  recordEvent,
  stale,
  unitOf,
  unitsById,
  wrongState,
  type FieldError,
} from './common';
import { presentDueOf, registerInTx } from './incoming';
import { AppError } from '../../../platform/errors';

/** An outgoing document with its body and drafting unit: 404 when unknown. */
export async function loadOutgoing(ctx: Ctx, id: string): Promise<{ row: OutgoingRow; body: OrgUnitRef; drafting: OrgUnitRef }> {
  const row = await findOutgoing(ctx.db, id);
  if (!row) throw notFound();
  const [body, drafting] = await Promise.all([unitOf(ctx.db, row.unitId), unitOf(ctx.db, row.draftingUnitId)]);
  return { row, body, drafting };
}

/** What the caller is to an outgoing document. */
export interface OutgoingRoles {
  read: boolean;
  drafter: boolean;
  leader: boolean;
  clerk: boolean;
}

export function outgoingRoles(ctx: Ctx, body: OrgUnitRef, drafting: OrgUnitRef): OutgoingRoles {
  return {
    read: mayAct(ctx, DOCUMENT_ACTIONS.read, body) || mayAct(ctx, DOCUMENT_ACTIONS.draft, drafting),
    drafter: mayAct(ctx, DOCUMENT_ACTIONS.draft, drafting),
    leader: mayAct(ctx, DOCUMENT_ACTIONS.decide, body),
    clerk: mayAct(ctx, DOCUMENT_ACTIONS.register, body),
  };
}

/** An outgoing document the caller may read: 404 when unknown, 403 when not theirs. */
export async function loadOutgoingToRead(ctx: Ctx, id: string) {
  const loaded = await loadOutgoing(ctx, id);
  const roles = outgoingRoles(ctx, loaded.body, loaded.drafting);
  if (!roles.read) throw forbidden();
  return { ...loaded, roles };
}

type DraftFields = Omit<CreateOutgoingRequest, 'unitId'>;

/** Checks the drafting unit, the recipients and the reply link against the body; returns the stored fields. */
async function draftFields(ctx: Ctx, body: OrgUnitRef, input: DraftFields) {
  const units = await unitsById(ctx.db, [input.draftingUnitId, ...input.recipients.unitIds]);
  const fields: FieldError[] = [];
  const drafting = units.get(input.draftingUnitId);
  if (!drafting) fields.push({ path: 'body.draftingUnitId', code: 'documents.errors.unitUnknown' });
  else if (!isOfBody(drafting, body)) fields.push({ path: 'body.draftingUnitId', code: 'documents.errors.unitOutside' });
  input.recipients.unitIds.forEach((id, i) => {
    if (!units.get(id)) fields.push({ path: `body.recipients.unitIds.${i}`, code: 'documents.errors.unitUnknown' });
    else if (id === body.id) fields.push({ path: `body.recipients.unitIds.${i}`, code: 'documents.errors.recipientSelf' });
  });
  if (input.replyToIncomingId) {
    const incoming = await findIncoming(ctx.db, input.replyToIncomingId);
    if (!incoming || incoming.unitId !== body.id) fields.push({ path: 'body.replyToIncomingId', code: 'documents.errors.incomingUnknown' });
  }
  return {
    drafting: drafting!,
    fields,
    values: {
      draftingUnitId: input.draftingUnitId,
      typeCode: input.typeCode,
      subject: input.subject,
      content: input.content ?? null,
      urgency: input.urgency,
      confidentiality: input.confidentiality,
      recipientUnitIds: input.recipients.unitIds,
      externalRecipients: input.recipients.external.map((e) => ({ name: e.name, code: e.code ?? null })),
      replyToIncomingId: input.replyToIncomingId ?? null,
      searchText: documentSearchText([input.subject, input.content, ...input.recipients.external.map((e) => e.name)]),
    },
  };
}

/** POST /documents/outgoing: a specialist or leader of the drafting unit starts a draft. */
export async function createOutgoing(ctx: Ctx, input: CreateOutgoingRequest): Promise<OutgoingRow> {
  const body = await openUnit(ctx, input.unitId);
  if (!body) throw invalid([{ path: 'body.unitId', code: 'documents.errors.unitUnknown' }]);
  const drafting = await openUnit(ctx, input.draftingUnitId);
  // The drafter's grant must cover the drafting unit inside the body (else the body itself, so an outsider gets 403 first).
  if (!mayAct(ctx, DOCUMENT_ACTIONS.draft, drafting && isOfBody(drafting, body) ? drafting : body)) throw forbidden();
  const checked = await draftFields(ctx, body, input);
  if (checked.fields.length) throw invalid(checked.fields);
  const now = ctx.clock.now();
  return withTransaction(ctx, async (scope) => {
    const row = await insertOutgoing(scope.tx, { ...checked.values, unitId: body.id, state: 'DRAFT', createdBy: actorIdOf(ctx), createdAt: now, updatedAt: now });
    await recordEvent(ctx, scope.tx, { outgoingId: row.id, kind: 'created', at: now });
    await scope.audit({
      action: 'documents.outgoing-create',
      subjectType: 'document-outgoing',
      subjectId: row.id,
      before: null,
      after: {
        unitId: body.id,
        draftingUnitId: row.draftingUnitId,
        typeCode: row.typeCode,
        subject: row.subject,
        recipients: row.recipientUnitIds.length + row.externalRecipients.length,
      },
    });
    return row;
  });
}

/** Runs a change: the caller's standing and the state checked on the row seen and again on the locked row. */
async function changeOutgoing(
  ctx: Ctx,
  id: string,
  version: number,
  check: (row: OutgoingRow, roles: OutgoingRoles) => void,
  apply: (scope: TxScope, row: OutgoingRow, body: OrgUnitRef, now: Date) => Promise<OutgoingRow>,
): Promise<OutgoingRow> {
  const { row: seen, body, drafting } = await loadOutgoing(ctx, id);
  const roles = outgoingRoles(ctx, body, drafting);
  check(seen, roles);
  if (seen.version !== version) throw stale(seen.version);
  const now = ctx.clock.now();
  return withTransaction(ctx, async (scope) => {
    const row = await lockOutgoing(scope.tx, id);
    if (!row || row.version !== version) throw stale(row?.version ?? seen.version);
    check(row, roles);
    return apply(scope, row, body, now);
  });
}

/** 403 unless allowed; then 409 unless the document is in one of `states`. */
const rule =
  (allowed: (r: OutgoingRoles) => boolean, states: ReadonlyArray<OutgoingRow['state']>) =>
  (row: OutgoingRow, roles: OutgoingRoles): void => {
    if (!allowed(roles)) throw forbidden();
    if (!states.includes(row.state)) throw wrongState(row.state);
  };

/** Audits a state change. */
async function auditStep(scope: TxScope, name: string, before: OutgoingRow, after: OutgoingRow, extra: Record<string, unknown> = {}): Promise<void> {
  await scope.audit({
    action: `documents.outgoing-${name}`,
    subjectType: 'document-outgoing',
    subjectId: after.id,
    before: { state: before.state, version: before.version },
    after: { state: after.state, version: after.version, ...extra },
  });
}

/** PUT /documents/outgoing/:id: the draft's fields, while DRAFT. */
export async function updateOutgoingDraft(ctx: Ctx, id: string, input: UpdateOutgoingRequest): Promise<OutgoingRow> {
  const { row: seen, body, drafting } = await loadOutgoing(ctx, id);
  rule((r) => r.drafter, ['DRAFT'])(seen, outgoingRoles(ctx, body, drafting));
  const checked = await draftFields(ctx, body, input);
  if (checked.fields.length) throw invalid(checked.fields);
  return changeOutgoing(
    ctx,
    id,
    input.version,
    rule((r) => r.drafter, ['DRAFT']),
    async (scope, row, _body, now) => {
      const next = await updateOutgoing(scope.tx, row.id, row.version, { ...checked.values, updatedAt: now });
      await recordEvent(ctx, scope.tx, { outgoingId: row.id, kind: 'updated', at: now });
      await auditStep(scope, 'update', row, next, { typeCode: next.typeCode, subject: next.subject, draftingUnitId: next.draftingUnitId });
      return next;
    },
  );
}

/** POST /documents/outgoing/:id/submit: the draft goes to the leader for review. */
export function submitOutgoing(ctx: Ctx, id: string, input: OutgoingVersionRequest): Promise<OutgoingRow> {
  return changeOutgoing(
    ctx,
    id,
    input.version,
    rule((r) => r.drafter, ['DRAFT']),
    async (scope, row, _body, now) => {
      const next = await updateOutgoing(scope.tx, row.id, row.version, { state: 'IN_REVIEW', updatedAt: now });
      await recordEvent(ctx, scope.tx, { outgoingId: row.id, kind: 'submitted', at: now });
      await auditStep(scope, 'submit', row, next);
      return next;
    },
  );
}

/** POST /documents/outgoing/:id/return: the leader sends the draft back with a note. */
export function returnOutgoing(ctx: Ctx, id: string, input: ReturnOutgoingRequest): Promise<OutgoingRow> {
  return changeOutgoing(
    ctx,
    id,
    input.version,
    rule((r) => r.leader, ['IN_REVIEW']),
    async (scope, row, _body, now) => {
      const next = await updateOutgoing(scope.tx, row.id, row.version, { state: 'DRAFT', returnNote: input.note, updatedAt: now });
      await recordEvent(ctx, scope.tx, { outgoingId: row.id, kind: 'returned', at: now, text: input.note });
      await auditStep(scope, 'return', row, next, { note: input.note.length });
      return next;
    },
  );
}

/** POST /documents/outgoing/:id/sign: the leader signs (NĐ 30/2020 Điều 13: TM., KT., TL., TUQ., Q. before the title). */
export function signOutgoing(ctx: Ctx, id: string, input: SignOutgoingRequest): Promise<OutgoingRow> {
  return changeOutgoing(
    ctx,
    id,
    input.version,
    rule((r) => r.leader, ['IN_REVIEW']),
    async (scope, row, _body, now) => {
      const next = await updateOutgoing(scope.tx, row.id, row.version, {
        state: 'SIGNED',
        signerName: input.signerName,
        signerPosition: input.signerPosition,
        signingPrefix: input.signingPrefix,
        signedAt: now,
        signedBy: actorIdOf(ctx),
        updatedAt: now,
      });
      await recordEvent(ctx, scope.tx, {
        outgoingId: row.id,
        kind: 'signed',
        at: now,
        text: `${input.signingPrefix ? `${input.signingPrefix} ` : ''}${input.signerPosition} ${input.signerName}`,
      });
      await auditStep(scope, 'sign', row, next, { signer: `${input.signingPrefix} ${input.signerPosition} ${input.signerName}`.trim() });
      return next;
    },
  );
}

/** What issuing needs that is read before its transaction: the recipients and their presentation deadlines. */
interface IssuePlan {
  recipients: Array<{ unit: OrgUnitRef; presentDueAt: Date }>;
}

async function planIssue(ctx: Ctx, row: Pick<OutgoingRow, 'recipientUnitIds'>, now: Date): Promise<IssuePlan> {
  const units = await unitsById(ctx.db, row.recipientUnitIds);
  // Sorted: concurrent issues to the same units take the recipients' counters in one order (no deadlock).
  const recipients = [...units.values()].sort((a, b) => a.id.localeCompare(b.id));
  return { recipients: await Promise.all(recipients.map(async (unit) => ({ unit, presentDueAt: presentDueOf(await calendarOrNull(ctx, unit), now) }))) };
}

/**
 * Numbers and issues a signed document in the caller's transaction: the series covering its type (else `chung`), the
 * next number of that series in the body's year from the locked counter row, the printed số/ký hiệu (NĐ 30/2020
 * Điều 15, Phụ lục I), the exchange identifier when it goes outside motcua, then an incoming copy and a receipt for
 * each recipient unit inside motcua.
 */
async function issueInTx(ctx: Ctx, scope: TxScope, row: OutgoingRow, body: OrgUnitRef, plan: IssuePlan, now: Date): Promise<OutgoingRow> {
  const settings = await effectiveSettings(scope.tx, body);
  if (!settings.issuerAbbreviation) throw new AppError('VALIDATION_FAILED', {}, { status: 400, fields: [{ path: 'params.id', code: 'documents.errors.noAbbreviation' }] });
  let drafting: string | null = null;
  if (isCongVan(row.typeCode) || row.typeCode === 'TC2') {
    if (row.draftingUnitId !== body.id) drafting = (await effectiveSettings(scope.tx, await unitOf(scope.tx, row.draftingUnitId))).issuerAbbreviation || null;
  }
  const year = numberingYear(now);
  const seriesKey = seriesOf(settings.series, row.typeCode);
  const number = await takeNumber(scope.tx, body.id, seriesCounter(seriesKey), year);
  const symbol = numberSymbol({ number, typeCode: row.typeCode, issuer: settings.issuerAbbreviation, drafting });
  const issuedOn = vnDateOf(now);
  const exchangeId = row.externalRecipients.length > 0 ? exchangeIdOf(body.code, issuedOn, symbol) : null;
  const files = await listFiles(scope.tx, { outgoingId: row.id });
  const next = await updateOutgoing(scope.tx, row.id, row.version, {
    state: 'ISSUED',
    seriesKey,
    year,
    number,
    numberSymbol: symbol,
    issuedOn,
    issuedAt: now,
    issuedBy: actorIdOf(ctx),
    exchangeId,
    searchText: documentSearchText([row.subject, row.content, symbol, ...row.externalRecipients.map((e) => e.name), ...files.map((f) => f.fileName)]),
    updatedAt: now,
  });
  for (const { unit, presentDueAt } of plan.recipients) {
    const copy = await registerInTx(
      ctx,
      scope,
      unit,
      {
        receivedVia: 'internal',
        sourceOutgoingId: row.id,
        senderName: body.name,
        senderCode: body.code,
        numberSymbol: symbol,
        issuedOn,
        typeCode: row.typeCode,
        subject: row.subject,
        urgency: row.urgency,
        confidentiality: row.confidentiality,
        pageCount: null,
        note: null,
      },
      now,
      presentDueAt,
    );
    await insertReceipt(scope.tx, { outgoingId: row.id, recipientUnitId: unit.id, incomingId: copy.id, state: 'received', receivedAt: now });
  }
  await recordEvent(ctx, scope.tx, { outgoingId: row.id, kind: 'issued', at: now, text: symbol });
  await auditStep(scope, 'issue', row, next, { seriesKey, year, number, numberSymbol: symbol, exchangeId, internalRecipients: plan.recipients.map((r) => r.unit.id) });
  return next;
}

/** POST /documents/outgoing/:id/issue: the clerk numbers and issues a signed document. */
export async function issueOutgoing(ctx: Ctx, id: string, input: IssueOutgoingRequest): Promise<OutgoingRow> {
  const { row: seen } = await loadOutgoing(ctx, id);
  const now = ctx.clock.now();
  const plan = await planIssue(ctx, seen, now);
  return changeOutgoing(
    ctx,
    id,
    input.version,
    rule((r) => r.clerk, ['SIGNED']),
    (scope, row, body) => issueInTx(ctx, scope, row, body, plan, now),
  );
}

/**
 * A dossier's result issued as an outgoing document of the signing unit (issue 15, item 6): created signed and issued
 * at once with the next number of the unit's series covering the type. The caller (the dossiers module) decided who
 * signs; no recipient inside motcua (the result goes to the applicant).
 */
export async function issueResultDocument(ctx: Ctx, input: IssueResultDocumentInput): Promise<IssuedDocumentRef> {
  const parsed = IssueResultDocumentInputSchema.parse(input);
  const body = await openUnit(ctx, parsed.unitId);
  if (!body) throw invalid([{ path: 'unitId', code: 'documents.errors.unitUnknown' }]);
  const now = ctx.clock.now();
  const row = await withTransaction(ctx, async (scope) => {
    const draft = await insertOutgoing(scope.tx, {
      unitId: body.id,
      draftingUnitId: body.id,
      typeCode: parsed.typeCode,
      subject: parsed.subject,
      content: null,
      urgency: 'normal',
      confidentiality: 'normal',
      state: 'SIGNED',
      recipientUnitIds: [],
      externalRecipients: [],
      replyToIncomingId: null,
      dossierId: parsed.dossierId,
      signerName: parsed.signerName,
      signerPosition: parsed.signerPosition,
      signingPrefix: parsed.signingPrefix,
      signedAt: now,
      signedBy: actorIdOf(ctx),
      searchText: documentSearchText([parsed.subject]),
      createdBy: actorIdOf(ctx),
      createdAt: now,
      updatedAt: now,
    });
    await recordEvent(ctx, scope.tx, { outgoingId: draft.id, kind: 'signed', at: now, text: `${parsed.signerPosition} ${parsed.signerName}` });
    return issueInTx(ctx, scope, draft, body, { recipients: [] }, now);
  });
  return { id: row.id, numberSymbol: row.numberSymbol!, issuedOn: row.issuedOn! };
}

/** The instant as the audit and the history show it. */
export const shown = (at: Date | null): string | null => (at ? toVnIso(at) : null);
