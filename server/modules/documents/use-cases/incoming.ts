// The incoming register (văn bản đến, NĐ 30/2020/NĐ-CP Điều 20–24): the clerk registers a document with the body's next
// arrival number, the leader assigns it (lead unit or person, partners, deadline on the working calendar) or notes it
// for information, the lead handles and closes it. Every change is authorised against the body (or the lead unit),
// made on the version the officer saw, allowed from the state, and written in one transaction with its audit entry.
import { CalendarError, toVnIso, vnDateOf, vnInstant, type WorkingCalendar } from '../../../platform/calendar';
import { withTransaction, type Ctx, type TxScope } from '../../../platform/context/context';
import type { OrgUnitRef } from '../../identity';
import type {
  AssignIncomingRequest,
  CloseIncomingRequest,
  IncomingNoteRequest,
  LeadCandidates,
  ReceivedVia,
  RegisterIncomingRequest,
} from '../../../../contracts/documents/documents.contracts';
import { dueAfterWorkingDays, dueOnDate, presentationDue } from '../documents.deadlines';
import { ARRIVAL_COUNTER, numberingYear, takeNumber } from '../documents.numbering';
import { DOCUMENT_ACTIONS } from '../documents.policy';
import {
  advanceReceipt,
  findAssignment,
  findIncoming,
  findOutgoing,
  insertAssignment,
  insertIncoming,
  listFiles,
  lockIncoming,
  updateIncoming,
  type IncomingRow,
  type NewIncomingRow,
} from '../documents.repository';
import { documentSearchText } from '../documents.search';
import { notifyOfficers } from '../documents.notify';
import { leadContacts } from './remind';
import {
  actorIdOf,
  authorise,
  calendarOrNull,
  forbidden,
  handlesFor,
  invalid,
  isOfBody,
  isOfficerOfBody,
  leadOfficersOfBody,
  mayAct,
  notFound,
  openUnit,
  recordEvent,
  stale,
  todayOf,
  unitOf,
  unitsById,
  userNames,
  wrongState,
} from './common';

/** Without a published calendar (a year not yet published): the next Monday–Friday at 17:00, so registering never fails. */
function weekdayFallback(receivedAt: Date): Date {
  let day = vnDateOf(receivedAt);
  do {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    day = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
  } while ([0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay()));
  return vnInstant(day, '17:00');
}

/** The presentation deadline of a document received at `at` on the body's calendar (NĐ 30/2020 Điều 22). */
export function presentDueOf(cal: WorkingCalendar | null, at: Date): Date {
  if (!cal) return weekdayFallback(at);
  try {
    return presentationDue(at, cal);
  } catch (err) {
    if (!(err instanceof CalendarError)) throw err;
    return weekdayFallback(at);
  }
}

/** The fields of an incoming document besides its number, state and bookkeeping. */
export type IncomingFields = Pick<
  NewIncomingRow,
  'senderName' | 'senderCode' | 'numberSymbol' | 'issuedOn' | 'typeCode' | 'subject' | 'urgency' | 'confidentiality' | 'pageCount' | 'note'
> & { receivedVia: ReceivedVia; sourceOutgoingId?: string | null };

/**
 * Writes an arrival in the caller's transaction: the body's next arrival number of the year (+07:00; one counter for
 * paper, electronic and internal arrivals, NĐ 30/2020 Điều 22), the presentation deadline, the history entry, the audit.
 */
export async function registerInTx(ctx: Ctx, scope: TxScope, body: OrgUnitRef, fields: IncomingFields, at: Date, presentDueAt: Date): Promise<IncomingRow> {
  const year = numberingYear(at);
  const arrivalNumber = await takeNumber(scope.tx, body.id, ARRIVAL_COUNTER, year);
  const row = await insertIncoming(scope.tx, {
    ...fields,
    sourceOutgoingId: fields.sourceOutgoingId ?? null,
    unitId: body.id,
    arrivalYear: year,
    arrivalNumber,
    receivedAt: at,
    state: 'REGISTERED',
    presentDueAt,
    searchText: documentSearchText([fields.subject, fields.numberSymbol, fields.senderName, fields.senderCode]),
    registeredBy: actorIdOf(ctx),
    createdAt: at,
    updatedAt: at,
  });
  await recordEvent(ctx, scope.tx, { incomingId: row.id, kind: 'registered', at });
  await scope.audit({
    action: 'documents.incoming-register',
    subjectType: 'document-incoming',
    subjectId: row.id,
    before: null,
    after: { unitId: body.id, arrivalYear: year, arrivalNumber, receivedVia: row.receivedVia, numberSymbol: row.numberSymbol, sender: row.senderName, typeCode: row.typeCode },
  });
  return row;
}

/** POST /documents/incoming: the clerk registers a document received on paper or electronically. */
export async function registerIncoming(ctx: Ctx, input: RegisterIncomingRequest): Promise<IncomingRow> {
  const body = await openUnit(ctx, input.unitId);
  if (!body) throw invalid([{ path: 'body.unitId', code: 'documents.errors.unitUnknown' }]);
  authorise(ctx, DOCUMENT_ACTIONS.register, body);
  if (input.issuedOn > todayOf(ctx)) throw invalid([{ path: 'body.issuedOn', code: 'documents.errors.issuedInFuture' }]);
  const now = ctx.clock.now();
  const presentDueAt = presentDueOf(await calendarOrNull(ctx, body), now);
  return withTransaction(ctx, (scope) =>
    registerInTx(
      ctx,
      scope,
      body,
      {
        receivedVia: input.receivedVia,
        senderName: input.senderName,
        senderCode: input.senderCode ?? null,
        numberSymbol: input.numberSymbol,
        issuedOn: input.issuedOn,
        typeCode: input.typeCode,
        subject: input.subject,
        urgency: input.urgency,
        confidentiality: input.confidentiality,
        pageCount: input.pageCount ?? null,
        note: input.note ?? null,
      },
      now,
      presentDueAt,
    ),
  );
}

/** An incoming document with its body: 404 when unknown. */
export async function loadIncoming(ctx: Ctx, id: string): Promise<{ row: IncomingRow; body: OrgUnitRef }> {
  const row = await findIncoming(ctx.db, id);
  if (!row) throw notFound();
  return { row, body: await unitOf(ctx.db, row.unitId) };
}

/** What the caller is to an incoming document: reader, clerk, leader, lead, partner. */
export interface IncomingRoles {
  read: boolean;
  clerk: boolean;
  leader: boolean;
  lead: boolean;
  partner: boolean;
}

/** The caller's standing on an incoming document (the body's roles, the lead person or the lead unit's officers, partners). */
export async function incomingRoles(ctx: Ctx, row: IncomingRow, body: OrgUnitRef): Promise<IncomingRoles> {
  const assignment = row.state === 'REGISTERED' ? null : await findAssignment(ctx.db, row.id);
  const units = await unitsById(ctx.db, [row.leadUnitId, ...(assignment?.partnerUnitIds ?? [])]);
  const me = actorIdOf(ctx);
  const lead = (me !== null && row.leadUserId === me) || handlesFor(ctx, row.leadUnitId ? units.get(row.leadUnitId) : undefined);
  const partner = (assignment?.partnerUnitIds ?? []).some((id) => handlesFor(ctx, units.get(id)));
  return {
    read: mayAct(ctx, DOCUMENT_ACTIONS.read, body) || lead || partner,
    clerk: mayAct(ctx, DOCUMENT_ACTIONS.register, body),
    leader: mayAct(ctx, DOCUMENT_ACTIONS.decide, body),
    lead,
    partner,
  };
}

/** An incoming document the caller may read: 404 when unknown, 403 when not theirs. */
export async function loadIncomingToRead(ctx: Ctx, id: string): Promise<{ row: IncomingRow; body: OrgUnitRef; roles: IncomingRoles }> {
  const { row, body } = await loadIncoming(ctx, id);
  const roles = await incomingRoles(ctx, row, body);
  if (!roles.read) throw forbidden();
  return { row, body, roles };
}

/** Runs a change: checks on the row seen, again on the locked row, then `apply` in the transaction. */
async function changeIncoming(
  ctx: Ctx,
  id: string,
  version: number,
  check: (row: IncomingRow, roles: IncomingRoles) => void,
  apply: (scope: TxScope, row: IncomingRow, body: OrgUnitRef, now: Date) => Promise<IncomingRow>,
): Promise<IncomingRow> {
  const { row: seen, body } = await loadIncoming(ctx, id);
  const roles = await incomingRoles(ctx, seen, body);
  check(seen, roles);
  if (seen.version !== version) throw stale(seen.version);
  const now = ctx.clock.now();
  return withTransaction(ctx, async (scope) => {
    const row = await lockIncoming(scope.tx, id);
    if (!row || row.version !== version) throw stale(row?.version ?? seen.version);
    check(row, roles);
    return apply(scope, row, body, now);
  });
}

/** GET /documents/incoming/:id/lead-candidates: the persons the body's leader may name as the lead (leaders only). */
export async function leadCandidates(ctx: Ctx, id: string): Promise<LeadCandidates> {
  const { row, body } = await loadIncoming(ctx, id);
  guard(await incomingRoles(ctx, row, body), (r) => r.leader);
  return { items: await leadOfficersOfBody(ctx.db, body) };
}

/** POST /documents/incoming/:id/assign: the leader names the lead (unit or person), partners and the deadline (NĐ 30/2020 Điều 24). */
export async function assignIncoming(ctx: Ctx, id: string, input: AssignIncomingRequest): Promise<IncomingRow> {
  const { row: seen, body } = await loadIncoming(ctx, id);
  guard(await incomingRoles(ctx, seen, body), (r) => r.leader);
  const units = await unitsById(ctx.db, [input.leadUnitId, ...input.partnerUnitIds]);
  const today = todayOf(ctx);
  if (input.leadUnitId) {
    const lead = units.get(input.leadUnitId);
    if (!lead || (lead.validTo !== null && lead.validTo < today)) throw invalid([{ path: 'body.leadUnitId', code: 'documents.errors.unitUnknown' }]);
    if (!isOfBody(lead, body)) throw invalid([{ path: 'body.leadUnitId', code: 'documents.errors.unitOutside' }]);
  }
  if (input.leadUserId && !(await isOfficerOfBody(ctx.db, input.leadUserId, body))) throw invalid([{ path: 'body.leadUserId', code: 'documents.errors.userUnknown' }]);
  input.partnerUnitIds.forEach((pid, i) => {
    const p = units.get(pid);
    if (!p) throw invalid([{ path: `body.partnerUnitIds.${i}`, code: 'documents.errors.unitUnknown' }]);
    if (!isOfBody(p, body)) throw invalid([{ path: `body.partnerUnitIds.${i}`, code: 'documents.errors.unitOutside' }]);
  });
  const now = ctx.clock.now();
  let dueAt: Date | null = null;
  if (input.handlingDays !== undefined || input.dueOn !== undefined) {
    if (input.dueOn !== undefined && input.dueOn < today) throw invalid([{ path: 'body.dueOn', code: 'documents.errors.dueInPast' }]);
    const cal = await calendarOrNull(ctx, body);
    const year = input.dueOn?.slice(0, 4) ?? today.slice(0, 4);
    if (!cal) throw invalid([{ path: 'body.dueOn', code: 'documents.errors.dueNotCovered', params: { year } }]);
    try {
      dueAt = input.handlingDays !== undefined ? dueAfterWorkingDays(now, input.handlingDays, cal) : dueOnDate(input.dueOn!, cal);
    } catch (err) {
      if (!(err instanceof CalendarError)) throw err;
      throw invalid([{ path: input.dueOn ? 'body.dueOn' : 'body.handlingDays', code: 'documents.errors.dueNotCovered', params: { year } }]);
    }
  }
  const partners = [...new Set(input.partnerUnitIds)].filter((p) => p !== input.leadUnitId);
  const leadName = input.leadUnitId ? units.get(input.leadUnitId)!.name : ((await userNames(ctx.db, [input.leadUserId!])).get(input.leadUserId!) ?? '');
  return changeIncoming(
    ctx,
    id,
    input.version,
    (row) => {
      if (row.state !== 'REGISTERED') throw wrongState(row.state);
    },
    async (scope, row, _body, at) => {
      await insertAssignment(scope.tx, {
        incomingId: row.id,
        leadUnitId: input.leadUnitId ?? null,
        leadUserId: input.leadUserId ?? null,
        partnerUnitIds: partners,
        handlingDays: input.handlingDays ?? null,
        dueOn: input.dueOn ?? null,
        dueAt,
        instruction: input.instruction ?? null,
        assignedAt: at,
        assignedBy: actorIdOf(ctx),
      });
      const next = await updateIncoming(scope.tx, row.id, row.version, {
        state: 'ASSIGNED',
        leadUnitId: input.leadUnitId ?? null,
        leadUserId: input.leadUserId ?? null,
        dueAt,
        updatedAt: at,
      });
      if (row.sourceOutgoingId) await advanceReceipt(scope.tx, row.id, { state: 'assigned', assignedAt: at });
      await recordEvent(ctx, scope.tx, { incomingId: row.id, kind: 'assigned', at, text: input.instruction ?? null });
      await notifyOfficers(scope, {
        incomingId: row.id,
        officers: await leadContacts(scope.tx, next),
        params: {
          kind: 'assigned',
          arrival: row.arrivalNumber,
          numberSymbol: row.numberSymbol,
          sender: row.senderName,
          subject: row.subject,
          lead: leadName,
          due: dueAt ? toVnIso(dueAt) : '',
        },
        dedupe: 'assigned',
      });
      await scope.audit({
        action: 'documents.incoming-assign',
        subjectType: 'document-incoming',
        subjectId: row.id,
        before: { state: row.state, version: row.version },
        after: {
          state: next.state,
          version: next.version,
          leadUnitId: next.leadUnitId,
          leadUserId: next.leadUserId,
          partnerUnitIds: partners,
          dueAt: dueAt ? toVnIso(dueAt) : null,
        },
      });
      return next;
    },
  );
}

/** POST /documents/incoming/:id/notes: a handling note by the lead, a partner or the leader. */
export async function noteIncoming(ctx: Ctx, id: string, input: IncomingNoteRequest): Promise<IncomingRow> {
  return changeIncoming(
    ctx,
    id,
    input.version,
    (row, roles) => {
      guard(roles, (r) => r.lead || r.partner || r.leader);
      if (row.state !== 'ASSIGNED') throw wrongState(row.state);
    },
    async (scope, row, _body, at) => {
      const next = await updateIncoming(scope.tx, row.id, row.version, { updatedAt: at });
      await recordEvent(ctx, scope.tx, { incomingId: row.id, kind: 'note', at, text: input.text });
      await scope.audit({
        action: 'documents.incoming-note',
        subjectType: 'document-incoming',
        subjectId: row.id,
        before: { version: row.version },
        after: { version: next.version, note: input.text.length },
      });
      return next;
    },
  );
}

/** POST /documents/incoming/:id/close: handled (lead or leader) or noted for information (the leader, also before any assignment). */
export async function closeIncoming(ctx: Ctx, id: string, input: CloseIncomingRequest): Promise<IncomingRow> {
  const { body } = await loadIncoming(ctx, id);
  if (input.replyDocumentId) {
    const reply = await findOutgoing(ctx.db, input.replyDocumentId);
    if (!reply || reply.unitId !== body.id) throw invalid([{ path: 'body.replyDocumentId', code: 'documents.errors.outgoingUnknown' }]);
  }
  return changeIncoming(
    ctx,
    id,
    input.version,
    (row, roles) => {
      if (row.state === 'REGISTERED') {
        guard(roles, (r) => r.leader);
        if (input.outcome !== 'noted') throw invalid([{ path: 'body.outcome', code: 'documents.errors.doneNeedsAssignment' }]);
      } else {
        guard(roles, (r) => r.lead || r.leader);
        if (row.state !== 'ASSIGNED') throw wrongState(row.state);
      }
    },
    async (scope, row, _body, at) => {
      const onTime = row.dueAt === null || at.getTime() <= row.dueAt.getTime();
      const next = await updateIncoming(scope.tx, row.id, row.version, {
        state: 'DONE',
        handledAt: at,
        handledOnTime: onTime,
        outcome: input.outcome,
        closeText: input.text,
        replyDocumentId: input.replyDocumentId ?? null,
        updatedAt: at,
      });
      if (row.sourceOutgoingId) await advanceReceipt(scope.tx, row.id, { state: 'done', doneAt: at });
      await recordEvent(ctx, scope.tx, { incomingId: row.id, kind: 'closed', at, text: input.text });
      await scope.audit({
        action: 'documents.incoming-close',
        subjectType: 'document-incoming',
        subjectId: row.id,
        before: { state: row.state, version: row.version },
        after: { state: next.state, version: next.version, outcome: input.outcome, handledOnTime: onTime, replyDocumentId: next.replyDocumentId },
      });
      return next;
    },
  );
}

/** 403 (DOCUMENT_FORBIDDEN) unless the caller's standing on the document allows the action. */
function guard(roles: IncomingRoles, allowed: (r: IncomingRoles) => boolean): void {
  if (!allowed(roles)) throw forbidden();
}

/** The search text of an incoming document with its files' names (searchable too). */
export async function incomingSearchText(scope: TxScope, row: IncomingRow): Promise<string> {
  const files = await listFiles(scope.tx, { incomingId: row.id });
  return documentSearchText([row.subject, row.numberSymbol, row.senderName, row.senderCode, ...files.map((f) => f.fileName)]);
}
