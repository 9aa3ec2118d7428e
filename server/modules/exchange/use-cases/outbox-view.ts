// The administrator's view of the exchange (issue 13 item 5): what was sent, what failed, what waits; and a resend.
import { and, desc, eq, gt, sql, type SQL } from 'drizzle-orm';
import { toVnIso } from '../../../platform/calendar';
import { withTransaction, type Ctx } from '../../../platform/context/context';
import { AppError } from '../../../platform/errors';
import type { ExchangeOutbox, ExchangeOutboxQuery, ExchangeRow } from '../../../../contracts/exchange/exchange.contracts';
import { exchangeOutbox } from '../exchange.tables';

type Row = typeof exchangeOutbox.$inferSelect;

const stateOf = (r: Row): ExchangeRow['state'] => (r.state === 'sent' ? 'sent' : r.attempts > 0 ? 'failing' : 'waiting');

function present(r: Row): ExchangeRow {
  return {
    id: r.id,
    dossierId: r.dossierId,
    dossierCode: r.dossierCode,
    statusCode: r.statusCode,
    at: toVnIso(r.at),
    state: stateOf(r),
    attempts: r.attempts,
    nextAttemptAt: r.state === 'sent' ? null : toVnIso(r.nextAttemptAt),
    lastError: r.lastError,
    sentAt: r.sentAt ? toVnIso(r.sentAt) : null,
  };
}

const FILTER: Record<ExchangeRow['state'], SQL> = {
  sent: sql`${exchangeOutbox.state} = 'sent'`,
  waiting: sql`${exchangeOutbox.state} = 'pending' and ${exchangeOutbox.attempts} = 0`,
  failing: sql`${exchangeOutbox.state} = 'pending' and ${exchangeOutbox.attempts} > 0`,
};

/** GET /exchange/outbox: newest first, with the counts of each state. */
export async function listOutbox(ctx: Ctx, q: ExchangeOutboxQuery, enabled: boolean): Promise<ExchangeOutbox> {
  const where = and(q.state ? FILTER[q.state] : undefined, q.dossier ? eq(exchangeOutbox.dossierCode, q.dossier) : undefined);
  const [rows, [counts]] = await Promise.all([
    ctx.db
      .select()
      .from(exchangeOutbox)
      .where(where)
      .orderBy(desc(exchangeOutbox.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db
      .select({
        sent: sql<number>`count(*) filter (where ${FILTER.sent})::int`,
        waiting: sql<number>`count(*) filter (where ${FILTER.waiting})::int`,
        failing: sql<number>`count(*) filter (where ${FILTER.failing})::int`,
        total: sql<number>`count(*) filter (where ${where ?? sql`true`})::int`,
      })
      .from(exchangeOutbox),
  ]);
  return { items: rows.map(present), total: counts?.total ?? 0, enabled, counts: { sent: counts?.sent ?? 0, waiting: counts?.waiting ?? 0, failing: counts?.failing ?? 0 } };
}

/**
 * POST /exchange/outbox/:id/resend: a row not yet delivered (and so its dossier's queue) is tried at the next push, its
 * back-off cleared. A row already sent is refused (409): sending an older record again would set the portal's status
 * back. Audited.
 */
export async function resendRow(ctx: Ctx, id: number): Promise<ExchangeRow> {
  return withTransaction(ctx, async (scope) => {
    const [row] = await scope.tx.select().from(exchangeOutbox).where(eq(exchangeOutbox.id, id)).for('update');
    if (!row) throw new AppError('NOT_FOUND', { subject: 'exchange-row', id: String(id) });
    if (row.state === 'sent') throw new AppError('INVALID_STATE', { state: 'sent' });
    const now = ctx.clock.now();
    // Everything after it for the same dossier was waiting behind it: due now as well, still in order.
    await scope.tx
      .update(exchangeOutbox)
      .set({ nextAttemptAt: now })
      .where(and(eq(exchangeOutbox.dossierId, row.dossierId), eq(exchangeOutbox.state, 'pending'), gt(exchangeOutbox.nextAttemptAt, now)));
    const [updated] = await scope.tx.update(exchangeOutbox).set({ nextAttemptAt: now }).where(eq(exchangeOutbox.id, id)).returning();
    await scope.audit({
      action: 'exchange.outbox.resend',
      subjectType: 'exchange-row',
      subjectId: row.dossierId,
      before: { id, state: stateOf(row), attempts: row.attempts },
      after: { id, state: 'pending', dossierCode: row.dossierCode, statusCode: row.statusCode },
    });
    return present(updated!);
  });
}
