import { and, eq, sql } from 'drizzle-orm';
import type { Queryable, Tx } from '../../platform/db/database';
import { paymentNotifications, paymentReceiptSeries, paymentRequests, paymentTransactions } from './payments.tables';

export type RequestRow = typeof paymentRequests.$inferSelect;
export type TransactionRow = typeof paymentTransactions.$inferSelect;

/** The attempt with this reference, locked until the transaction ends (settling serialises on it). */
export async function lockTransaction(tx: Tx, txnRef: string): Promise<TransactionRow | null> {
  const [row] = await tx.select().from(paymentTransactions).where(eq(paymentTransactions.txnRef, txnRef)).for('update');
  return row ?? null;
}

export async function findTransaction(q: Queryable, txnRef: string): Promise<TransactionRow | null> {
  const [row] = await q.select().from(paymentTransactions).where(eq(paymentTransactions.txnRef, txnRef));
  return row ?? null;
}

export async function lockRequest(tx: Tx, id: string): Promise<RequestRow | null> {
  const [row] = await tx.select().from(paymentRequests).where(eq(paymentRequests.id, id)).for('update');
  return row ?? null;
}

export async function findRequest(q: Queryable, id: string): Promise<RequestRow | null> {
  const [row] = await q.select().from(paymentRequests).where(eq(paymentRequests.id, id));
  return row ?? null;
}

/** Records what a notification was and what it did (every one, forged ones included). */
export async function recordNotification(q: Queryable, n: typeof paymentNotifications.$inferInsert): Promise<void> {
  await q.insert(paymentNotifications).values(n);
}

/** The next receipt number of the unit's yearly series (the row stays locked until COMMIT, so numbers have no gaps). */
export async function nextReceiptNumber(tx: Tx, unitId: string, year: number): Promise<number> {
  const [row] = await tx
    .insert(paymentReceiptSeries)
    .values({ unitId, year, last: 1 })
    .onConflictDoUpdate({ target: [paymentReceiptSeries.unitId, paymentReceiptSeries.year], set: { last: sql`${paymentReceiptSeries.last} + 1` } })
    .returning({ last: paymentReceiptSeries.last });
  return row!.last;
}

/** Every request of a dossier with its attempts, oldest first. */
export async function listDossierPayments(q: Queryable, dossierId: string): Promise<Array<{ request: RequestRow; attempts: TransactionRow[] }>> {
  const requests = await q.select().from(paymentRequests).where(eq(paymentRequests.dossierId, dossierId)).orderBy(paymentRequests.createdAt);
  if (requests.length === 0) return [];
  const attempts = await q
    .select()
    .from(paymentTransactions)
    .where(
      sql`${paymentTransactions.requestId} in (${sql.join(
        requests.map((r) => sql`${r.id}::uuid`),
        sql`, `,
      )})`,
    )
    .orderBy(paymentTransactions.createdAt);
  return requests.map((request) => ({ request, attempts: attempts.filter((a) => a.requestId === request.id) }));
}

/** The request opened for a dossier's obligation (one per pause), or null. */
export async function findRequestByPause(q: Queryable, pauseId: string): Promise<RequestRow | null> {
  const [row] = await q.select().from(paymentRequests).where(eq(paymentRequests.pauseId, pauseId));
  return row ?? null;
}

/** Pending attempts of a request not yet past their expiry. */
export async function countLivePending(q: Queryable, requestId: string, now: Date): Promise<number> {
  const [row] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(paymentTransactions)
    .where(and(eq(paymentTransactions.requestId, requestId), eq(paymentTransactions.state, 'pending'), sql`${paymentTransactions.expiresAt} > ${now.toISOString()}::timestamptz`));
  return row?.n ?? 0;
}
