// The administrator's view of the national dossiers picked up (issue 13 item 5): what arrived, what could not be taken
// and why, what waits for a retry; a retry once the cause is put right (a procedure published, a desk's code set); and
// the daily reconciliations.
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { toVnIso } from '../../../platform/calendar';
import { withTransaction, type Ctx } from '../../../platform/context/context';
import { AppError } from '../../../platform/errors';
import { translate } from '../../../platform/i18n';
import type { ExchangeInbound, ExchangeInboundQuery, ExchangeInboundRow, ExchangeReconciliations } from '../../../../contracts/exchange/exchange.contracts';
import { exchangeInbound, exchangeReconciliations } from '../exchange.tables';

type Row = typeof exchangeInbound.$inferSelect;

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

function present(ctx: Ctx, r: Row): ExchangeInboundRow {
  return {
    id: r.id,
    nationalCode: r.nationalCode,
    deskCode: r.deskCode,
    state: r.state,
    problems: (r.problems ?? []).map((p) => ({ path: p.path, code: p.code, message: translate(ctx.locale, p.code, p.params ?? {}) ?? p.code })),
    lastError: r.lastError,
    attempts: r.attempts,
    submissionId: r.submissionId,
    submissionReference: r.submissionReference,
    applicantName: str(r.payload.ChuHoSo),
    procedureCode: str(r.payload.MaTTHC),
    firstSeenAt: toVnIso(r.firstSeenAt),
    updatedAt: toVnIso(r.updatedAt),
    acknowledgedAt: r.acknowledgedAt ? toVnIso(r.acknowledgedAt) : null,
  };
}

/** GET /exchange/inbound: most recently changed first, with the counts of each state. */
export async function listInbound(ctx: Ctx, q: ExchangeInboundQuery, enabled: boolean): Promise<ExchangeInbound> {
  const where: SQL | undefined = and(q.state ? eq(exchangeInbound.state, q.state) : undefined, q.code ? eq(exchangeInbound.nationalCode, q.code) : undefined);
  const [rows, [counts]] = await Promise.all([
    ctx.db
      .select()
      .from(exchangeInbound)
      .where(where)
      .orderBy(desc(exchangeInbound.updatedAt), desc(exchangeInbound.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db
      .select({
        received: sql<number>`count(*) filter (where ${exchangeInbound.state} = 'received')::int`,
        unreadable: sql<number>`count(*) filter (where ${exchangeInbound.state} = 'unreadable')::int`,
        failed: sql<number>`count(*) filter (where ${exchangeInbound.state} = 'failed')::int`,
        unacknowledged: sql<number>`count(*) filter (where ${exchangeInbound.state} = 'received' and ${exchangeInbound.acknowledgedAt} is null)::int`,
        total: sql<number>`count(*) filter (where ${where ?? sql`true`})::int`,
      })
      .from(exchangeInbound),
  ]);
  return {
    items: rows.map((r) => present(ctx, r)),
    total: counts?.total ?? 0,
    enabled,
    counts: { received: counts?.received ?? 0, unreadable: counts?.unreadable ?? 0, failed: counts?.failed ?? 0, unacknowledged: counts?.unacknowledged ?? 0 },
  };
}

/**
 * POST /exchange/inbound/:id/retry: an unreadable dossier is read again at the next pickup (the portal still lists
 * it, unacknowledged). A received one is refused (409): it is in the desk's queue already. Audited.
 */
export async function retryInbound(ctx: Ctx, id: string): Promise<ExchangeInboundRow> {
  return withTransaction(ctx, async (scope) => {
    const [row] = await scope.tx.select().from(exchangeInbound).where(eq(exchangeInbound.id, id)).for('update');
    if (!row) throw new AppError('NOT_FOUND', { subject: 'exchange-inbound', id });
    if (row.state === 'received') throw new AppError('INVALID_STATE', { state: row.state });
    const [updated] = await scope.tx.update(exchangeInbound).set({ state: 'failed', lastError: null, updatedAt: ctx.clock.now() }).where(eq(exchangeInbound.id, id)).returning();
    await scope.audit({
      action: 'exchange.inbound.retry',
      subjectType: 'exchange-inbound',
      subjectId: row.id,
      before: { state: row.state, problems: row.problems },
      after: { state: 'failed', nationalCode: row.nationalCode },
    });
    return present(ctx, updated!);
  });
}

/** GET /exchange/reconciliations: the last 31 days reconciled, newest first. */
export async function listReconciliations(ctx: Ctx): Promise<ExchangeReconciliations> {
  const rows = await ctx.db.select().from(exchangeReconciliations).orderBy(desc(exchangeReconciliations.day)).limit(31);
  return {
    items: rows.map((r) => ({
      day: r.day,
      state: r.state,
      startedAt: toVnIso(r.startedAt),
      finishedAt: r.finishedAt ? toVnIso(r.finishedAt) : null,
      dossiersChecked: r.dossiersChecked,
      mismatches: r.mismatches,
      requeued: r.requeued,
      inboundUnacknowledged: r.inboundUnacknowledged,
      inboundFailing: r.inboundFailing,
      findings: r.findings,
      error: r.error,
    })),
  };
}
