// Reads and writes of electronic results (dossiers_results); the use cases decide who may call them.
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Queryable, Tx } from '../../platform/db/database';
import { dossierResults } from './dossiers.results.tables';
import { dossiers } from './dossiers.tables';

export type ResultRow = typeof dossierResults.$inferSelect;
export type NewResultRow = typeof dossierResults.$inferInsert;

/** Every issue of a dossier's result, newest first. */
export async function listResults(q: Queryable, dossierId: string): Promise<ResultRow[]> {
  return q.select().from(dossierResults).where(eq(dossierResults.dossierId, dossierId)).orderBy(desc(dossierResults.issuedAt), desc(dossierResults.id));
}

/** The result in force, or null. */
export async function findCurrentResult(q: Queryable, dossierId: string): Promise<ResultRow | null> {
  const [row] = await q
    .select()
    .from(dossierResults)
    .where(and(eq(dossierResults.dossierId, dossierId), isNull(dossierResults.replacedAt)))
    .limit(1);
  return row ?? null;
}

/** The result in force, locked until the end of the transaction (a racing replacement waits, then sees the new one). */
export async function lockCurrentResult(tx: Tx, dossierId: string): Promise<ResultRow | null> {
  const [row] = await tx
    .select()
    .from(dossierResults)
    .where(and(eq(dossierResults.dossierId, dossierId), isNull(dossierResults.replacedAt)))
    .for('update');
  return row ?? null;
}

/** An issue by its public token, or null. */
export async function findResultByToken(q: Queryable, token: string): Promise<ResultRow | null> {
  const [row] = await q.select().from(dossierResults).where(eq(dossierResults.token, token)).limit(1);
  return row ?? null;
}

/** One issue of one dossier, or null. */
export async function findResult(q: Queryable, dossierId: string, resultId: string): Promise<ResultRow | null> {
  const [row] = await q
    .select()
    .from(dossierResults)
    .where(and(eq(dossierResults.dossierId, dossierId), eq(dossierResults.id, resultId)))
    .limit(1);
  return row ?? null;
}

/** The dossier's state, locked: a transition racing the upload waits for it (and the upload sees the state it left). */
export async function lockDossierState(tx: Tx, dossierId: string): Promise<Pick<typeof dossiers.$inferSelect, 'state' | 'version'> | null> {
  const [row] = await tx.select({ state: dossiers.state, version: dossiers.version }).from(dossiers).where(eq(dossiers.id, dossierId)).for('update');
  return row ?? null;
}

/** Inserts an issue. */
export async function insertResult(tx: Tx, row: NewResultRow): Promise<ResultRow> {
  const [inserted] = await tx.insert(dossierResults).values(row).returning();
  return inserted!;
}

/** Marks the issue in force as replaced by `successorId` (the only change an issue ever gets). */
export async function markReplaced(tx: Tx, id: string, values: { at: Date; by: string | null; byLabel: string; reason: string; successorId: string }): Promise<void> {
  await tx
    .update(dossierResults)
    .set({ replacedAt: values.at, replacedBy: values.by, replacedByLabel: values.byLabel, replaceReason: values.reason, successorId: values.successorId })
    .where(and(eq(dossierResults.id, id), isNull(dossierResults.replacedAt)));
}
