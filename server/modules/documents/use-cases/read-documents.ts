// The registers as officers read them: lists scoped to the units the caller works for (the body's roles cover its
// subtree; a lead person and the lead unit's officers see what is assigned to them), and one document with its detail.
import { and, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context/context';
import type { IncomingDetail, IncomingList, IncomingListQuery, OutgoingDetail, OutgoingList, OutgoingListQuery } from '../../../../contracts/documents/documents.contracts';
import { lookupsFor, outgoingUnitIds, presentIncomingDetail, presentIncomingSummary, presentOutgoingDetail, presentOutgoingSummary } from '../documents.presenter';
import { DOCUMENT_ROLES } from '../documents.policy';
import { pageIncoming, pageOutgoing, type IncomingRow, type OutgoingRow } from '../documents.repository';
import { searchQuery } from '../documents.search';
import { documentsIncoming as inc, documentsOutgoing as out, searchVector } from '../documents.tables';
import { actorIdOf, coveredUnitIds } from './common';
import { loadIncomingToRead } from './incoming';
import { loadOutgoingToRead } from './outgoing';
import { LEADER, SPECIALIST } from '../../identity';

const none = sql`false`;

/** GET /documents/incoming: the register, newest arrival number first. */
export async function listIncoming(ctx: Ctx, q: IncomingListQuery): Promise<IncomingList> {
  const covered = await coveredUnitIds(ctx, DOCUMENT_ROLES);
  const handles = await coveredUnitIds(ctx, [SPECIALIST, LEADER]);
  const me = actorIdOf(ctx);
  const conds: Array<SQL | undefined> = [];
  if (covered !== null) {
    conds.push(or(covered.length ? inArray(inc.unitId, covered) : none, handles && handles.length ? inArray(inc.leadUnitId, handles) : none, me ? eq(inc.leadUserId, me) : none));
  }
  if (q.unitId) conds.push(eq(inc.unitId, q.unitId));
  if (q.state) conds.push(eq(inc.state, q.state));
  if (q.year) conds.push(eq(inc.arrivalYear, q.year));
  const now = ctx.clock.now();
  if (q.overdue === true) conds.push(and(eq(inc.state, 'ASSIGNED'), lt(inc.dueAt, now)));
  if (q.assignedToMe === true) {
    conds.push(or(me ? eq(inc.leadUserId, me) : none, handles === null ? sql`${inc.leadUnitId} is not null` : handles.length ? inArray(inc.leadUnitId, handles) : none));
  }
  const tsq = searchQuery(q.q);
  if (tsq) conds.push(sql`${searchVector('documents_incoming.search_text')} @@ ${tsq}::tsquery`);
  const { rows, total } = await pageIncoming(ctx.db, and(...conds), q.page, q.pageSize);
  const l = await lookupsFor(
    ctx,
    rows.flatMap((r) => [r.unitId, r.leadUnitId]),
    rows.map((r) => r.leadUserId),
  );
  return { items: rows.map((r) => presentIncomingSummary(r, l, now)), total };
}

/** GET /documents/outgoing: the body's outgoing documents, latest first. */
export async function listOutgoing(ctx: Ctx, q: OutgoingListQuery): Promise<OutgoingList> {
  const covered = await coveredUnitIds(ctx, DOCUMENT_ROLES);
  const conds: Array<SQL | undefined> = [];
  if (covered !== null) conds.push(covered.length ? or(inArray(out.unitId, covered), inArray(out.draftingUnitId, covered)) : none);
  if (q.unitId) conds.push(eq(out.unitId, q.unitId));
  if (q.state) conds.push(eq(out.state, q.state));
  if (q.year) conds.push(sql`coalesce(${out.year}, extract(year from (${out.createdAt} at time zone 'UTC') + interval '7 hours')::int) = ${q.year}`);
  const tsq = searchQuery(q.q);
  if (tsq) conds.push(sql`${searchVector('documents_outgoing.search_text')} @@ ${tsq}::tsquery`);
  const { rows, total } = await pageOutgoing(ctx.db, and(...conds), q.page, q.pageSize);
  const l = await lookupsFor(
    ctx,
    outgoingUnitIds(rows),
    rows.map((r) => r.createdBy),
  );
  return { items: rows.map((r) => presentOutgoingSummary(r, l)), total };
}

/** GET /documents/incoming/:id. */
export async function getIncoming(ctx: Ctx, id: string): Promise<IncomingDetail> {
  const { row, roles } = await loadIncomingToRead(ctx, id);
  return presentIncomingDetail(ctx, row, roles);
}

/** An incoming document after a change, as the caller sees it. */
export const incomingAfter = async (ctx: Ctx, row: IncomingRow): Promise<IncomingDetail> => getIncoming(ctx, row.id);

/** GET /documents/outgoing/:id. */
export async function getOutgoing(ctx: Ctx, id: string): Promise<OutgoingDetail> {
  const { row, roles } = await loadOutgoingToRead(ctx, id);
  return presentOutgoingDetail(ctx, row, roles);
}

export const outgoingAfter = async (ctx: Ctx, row: OutgoingRow): Promise<OutgoingDetail> => getOutgoing(ctx, row.id);
