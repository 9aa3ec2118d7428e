// Reads and writes of the documents tables (the module owns them; nobody else writes them).
import { and, asc, desc, eq, gte, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/database';
import { documentsAssignments, documentsEvents, documentsFiles, documentsIncoming, documentsOutgoing, documentsReceipts, documentsSettings } from './documents.tables';

const inc = documentsIncoming;
const out = documentsOutgoing;

export type IncomingRow = typeof inc.$inferSelect;
export type NewIncomingRow = typeof inc.$inferInsert;
export type OutgoingRow = typeof out.$inferSelect;
export type NewOutgoingRow = typeof out.$inferInsert;
export type AssignmentRow = typeof documentsAssignments.$inferSelect;
export type EventRow = typeof documentsEvents.$inferSelect;
export type FileRow = typeof documentsFiles.$inferSelect;
export type ReceiptRow = typeof documentsReceipts.$inferSelect;
export type SettingsRow = typeof documentsSettings.$inferSelect;

export async function findIncoming(db: Queryable, id: string): Promise<IncomingRow | null> {
  const [row] = await db.select().from(inc).where(eq(inc.id, id)).limit(1);
  return row ?? null;
}

/** The row locked for the caller's transaction (every change re-reads it here). */
export async function lockIncoming(db: Queryable, id: string): Promise<IncomingRow | null> {
  const [row] = await db.select().from(inc).where(eq(inc.id, id)).limit(1).for('update');
  return row ?? null;
}

export async function insertIncoming(db: Queryable, values: NewIncomingRow): Promise<IncomingRow> {
  const [row] = await db.insert(inc).values(values).returning();
  return row!;
}

/** Writes `patch` and bumps the version (the caller holds the row lock and checked the version). */
export async function updateIncoming(db: Queryable, id: string, version: number, patch: Partial<NewIncomingRow>): Promise<IncomingRow> {
  const [row] = await db
    .update(inc)
    .set({ ...patch, version: version + 1 })
    .where(eq(inc.id, id))
    .returning();
  return row!;
}

export async function findOutgoing(db: Queryable, id: string): Promise<OutgoingRow | null> {
  const [row] = await db.select().from(out).where(eq(out.id, id)).limit(1);
  return row ?? null;
}

export async function lockOutgoing(db: Queryable, id: string): Promise<OutgoingRow | null> {
  const [row] = await db.select().from(out).where(eq(out.id, id)).limit(1).for('update');
  return row ?? null;
}

export async function insertOutgoing(db: Queryable, values: NewOutgoingRow): Promise<OutgoingRow> {
  const [row] = await db.insert(out).values(values).returning();
  return row!;
}

export async function updateOutgoing(db: Queryable, id: string, version: number, patch: Partial<NewOutgoingRow>): Promise<OutgoingRow> {
  const [row] = await db
    .update(out)
    .set({ ...patch, version: version + 1 })
    .where(eq(out.id, id))
    .returning();
  return row!;
}

export async function findSettings(db: Queryable, unitId: string): Promise<SettingsRow | null> {
  const [row] = await db.select().from(documentsSettings).where(eq(documentsSettings.unitId, unitId)).limit(1);
  return row ?? null;
}

export async function listSettings(db: Queryable, unitIds: readonly string[]): Promise<SettingsRow[]> {
  if (unitIds.length === 0) return [];
  return db
    .select()
    .from(documentsSettings)
    .where(inArray(documentsSettings.unitId, [...unitIds]));
}

export async function insertEvent(db: Queryable, values: typeof documentsEvents.$inferInsert): Promise<void> {
  await db.insert(documentsEvents).values(values);
}

export function listEvents(db: Queryable, owner: { incomingId: string } | { outgoingId: string }): Promise<EventRow[]> {
  const where = 'incomingId' in owner ? eq(documentsEvents.incomingId, owner.incomingId) : eq(documentsEvents.outgoingId, owner.outgoingId);
  return db.select().from(documentsEvents).where(where).orderBy(asc(documentsEvents.id));
}

export function listFiles(db: Queryable, owner: { incomingId: string } | { outgoingId: string }): Promise<FileRow[]> {
  const where = 'incomingId' in owner ? eq(documentsFiles.incomingId, owner.incomingId) : eq(documentsFiles.outgoingId, owner.outgoingId);
  return db.select().from(documentsFiles).where(where).orderBy(asc(documentsFiles.uploadedAt), asc(documentsFiles.id));
}

export async function findDocumentFile(db: Queryable, id: string): Promise<FileRow | null> {
  const [row] = await db.select().from(documentsFiles).where(eq(documentsFiles.id, id)).limit(1);
  return row ?? null;
}

export async function insertFiles(db: Queryable, rows: Array<typeof documentsFiles.$inferInsert>): Promise<void> {
  if (rows.length) await db.insert(documentsFiles).values(rows);
}

export async function findAssignment(db: Queryable, incomingId: string): Promise<AssignmentRow | null> {
  const [row] = await db.select().from(documentsAssignments).where(eq(documentsAssignments.incomingId, incomingId)).limit(1);
  return row ?? null;
}

export async function insertAssignment(db: Queryable, values: typeof documentsAssignments.$inferInsert): Promise<void> {
  await db.insert(documentsAssignments).values(values);
}

export function listReceipts(db: Queryable, outgoingId: string): Promise<ReceiptRow[]> {
  return db.select().from(documentsReceipts).where(eq(documentsReceipts.outgoingId, outgoingId)).orderBy(asc(documentsReceipts.receivedAt), asc(documentsReceipts.id));
}

export async function findReceiptOfIncoming(db: Queryable, incomingId: string): Promise<ReceiptRow | null> {
  const [row] = await db.select().from(documentsReceipts).where(eq(documentsReceipts.incomingId, incomingId)).limit(1);
  return row ?? null;
}

export async function insertReceipt(db: Queryable, values: typeof documentsReceipts.$inferInsert): Promise<void> {
  await db.insert(documentsReceipts).values(values);
}

/** Moves the receipt of an internal arrival along as its recipient acts on it (assigned, done). */
export async function advanceReceipt(db: Queryable, incomingId: string, patch: Partial<Pick<ReceiptRow, 'state' | 'assignedAt' | 'doneAt'>>): Promise<void> {
  await db.update(documentsReceipts).set(patch).where(eq(documentsReceipts.incomingId, incomingId));
}

/** One page of rows matching `where`, with the total. */
export async function pageIncoming(db: Queryable, where: SQL | undefined, page: number, pageSize: number): Promise<{ rows: IncomingRow[]; total: number }> {
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(inc)
      .where(where)
      .orderBy(desc(inc.arrivalYear), desc(inc.arrivalNumber), desc(inc.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(inc)
      .where(where),
  ]);
  return { rows, total: count?.n ?? 0 };
}

export async function pageOutgoing(db: Queryable, where: SQL | undefined, page: number, pageSize: number): Promise<{ rows: OutgoingRow[]; total: number }> {
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(out)
      .where(where)
      .orderBy(desc(out.createdAt), desc(out.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(out)
      .where(where),
  ]);
  return { rows, total: count?.n ?? 0 };
}

/** A year's register of one body, in number order (the books). */
export function incomingOfYear(db: Queryable, unitId: string, year: number): Promise<IncomingRow[]> {
  return db
    .select()
    .from(inc)
    .where(and(eq(inc.unitId, unitId), eq(inc.arrivalYear, year)))
    .orderBy(asc(inc.arrivalNumber));
}

export function outgoingOfYear(db: Queryable, unitId: string, year: number): Promise<OutgoingRow[]> {
  return db
    .select()
    .from(out)
    .where(and(eq(out.unitId, unitId), eq(out.year, year), eq(out.state, 'ISSUED')))
    .orderBy(asc(out.issuedAt), asc(out.seriesKey), asc(out.number));
}

export function assignmentsOf(db: Queryable, incomingIds: readonly string[]): Promise<AssignmentRow[]> {
  if (incomingIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(documentsAssignments)
    .where(inArray(documentsAssignments.incomingId, [...incomingIds]));
}

/** The sweep's batch: assigned documents with a deadline not yet reminded of (due ahead) or escalated for (overdue). */
export function sweepBatch(db: Queryable, now: Date, horizon: Date, limit: number): Promise<IncomingRow[]> {
  const notReminded = or(isNull(inc.remindedForDueAt), sql`${inc.remindedForDueAt} <> ${inc.dueAt}`);
  const notEscalated = or(isNull(inc.escalatedForDueAt), sql`${inc.escalatedForDueAt} <> ${inc.dueAt}`);
  return db
    .select()
    .from(inc)
    .where(and(eq(inc.state, 'ASSIGNED'), lt(inc.dueAt, horizon), or(and(gte(inc.dueAt, now), notReminded), and(lt(inc.dueAt, now), notEscalated))))
    .orderBy(asc(inc.dueAt), asc(inc.id))
    .limit(limit);
}

/** Marks the document reminded (or escalated) for its current due instant; false when another run did it first or the due moved. */
export async function markSwept(db: Queryable, id: string, dueAt: Date, what: 'reminded' | 'escalated'): Promise<boolean> {
  const column = what === 'reminded' ? inc.remindedForDueAt : inc.escalatedForDueAt;
  const rows = await db
    .update(inc)
    .set(what === 'reminded' ? { remindedForDueAt: dueAt } : { escalatedForDueAt: dueAt })
    .where(and(eq(inc.id, id), eq(inc.dueAt, dueAt), eq(inc.state, 'ASSIGNED'), or(isNull(column), sql`${column} <> ${dueAt}`)))
    .returning({ id: inc.id });
  return rows.length > 0;
}

/** Whether a body has any outgoing document (the demo seed runs once). */
export async function hasAnyOutgoing(db: Queryable): Promise<boolean> {
  const [row] = await db.select({ id: out.id }).from(out).limit(1);
  return row !== undefined;
}
