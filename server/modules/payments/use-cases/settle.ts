// Settling payment attempts (issue 13 item 2–3). The gateway's signed server-to-server notification (IPN) is the only
// source of truth besides the gateway's own answer to a status query: the browser's return settles nothing. Every
// settlement locks the attempt's row, so duplicated, concurrent, late and out-of-order notifications change a payment
// at most once; a payment taken always gets its receipt and, through a sweep, its effect on the dossier.
import { vnDateOf } from '../../../platform/calendar';
import { and, asc, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { withTransaction, type Ctx, type TxScope } from '../../../platform/context/context';
import { AppError } from '../../../platform/errors';
import { sendJobSoon } from '../../../platform/jobs';
import { confirmOnlinePayment } from '../../dossiers';
import { getOrgUnit } from '../../identity';
import type { GatewayReport, IpnVerdict } from '../gateway/gateway';
import { findRequest, lockRequest, lockTransaction, nextReceiptNumber, recordNotification, type TransactionRow } from '../payments.repository';
import { paymentRequests, paymentTransactions } from '../payments.tables';
import { runtimeOf } from './runtime';

type Via = 'ipn' | 'query' | 'statement';
type Settled = 'applied' | 'duplicate' | 'stale' | 'unknown-order' | 'wrong-amount' | 'still-pending';

const STATE_OF: Record<GatewayReport['outcome'], TransactionRow['state']> = { succeeded: 'succeeded', failed: 'failed', cancelled: 'cancelled', pending: 'pending' };

/** The receipt number as printed: `<unit code>-<year>-<seq, 6 digits>` (one series per unit and year). */
const receiptNoOf = (unitCode: string, year: number, seq: number) => `${unitCode}-${year}-${String(seq).padStart(6, '0')}`;

/**
 * Applies one verified report to its attempt inside `scope`: pending → the reported outcome; a failed, cancelled or
 * expired attempt → succeeded when the gateway reports the money taken after all (a late notification: the gateway's
 * word on money beats our guess); anything else is a duplicate or stale report and changes nothing.
 */
async function settleWithin(ctx: Ctx, scope: TxScope, report: GatewayReport, via: Via): Promise<{ outcome: Settled; txn: TransactionRow | null }> {
  const { tx } = scope;
  const txn = await lockTransaction(tx, report.txnRef);
  if (!txn) return { outcome: 'unknown-order', txn: null };
  if (report.amountVnd !== txn.amountVnd) return { outcome: 'wrong-amount', txn };
  if (report.outcome === 'pending') return { outcome: 'still-pending', txn };
  const next = STATE_OF[report.outcome];
  if (txn.state === next) return { outcome: 'duplicate', txn };
  const lateSuccess = next === 'succeeded' && txn.state !== 'succeeded';
  if (txn.state !== 'pending' && !lateSuccess) return { outcome: 'stale', txn };

  const now = ctx.clock.now();
  const values: Partial<TransactionRow> = {
    state: next,
    settledAt: now,
    settledVia: via,
    responseCode: report.responseCode,
    gatewayTxnNo: report.gatewayTxnNo,
    bankCode: report.bankCode,
    payDate: report.payDate,
  };
  let requestAfter: string | null = null;
  if (next === 'succeeded') {
    const request = (await lockRequest(tx, txn.requestId))!;
    const unit = (await getOrgUnit(tx, txn.unitId))!;
    const year = Number(vnDateOf(report.payDate ?? now).slice(0, 4));
    values.receiptNo = receiptNoOf(unit.code, year, await nextReceiptNumber(tx, txn.unitId, year));
    values.receiptIssuedAt = now;
    if (request.state === 'open') {
      await tx
        .update(paymentRequests)
        .set({ state: 'paid', paidAt: now, paidTransactionId: txn.id, version: sql`${paymentRequests.version} + 1` })
        .where(eq(paymentRequests.id, request.id));
      requestAfter = 'paid';
      scope.afterCommit(() => sendJobSoon('payments.apply-paid', {}));
    } else {
      // The payer paid twice (two tabs, a retry after a slow gateway): keep the money's trace and flag it for refund.
      values.overpaid = request.state === 'paid' ? 'request-already-paid' : 'request-cancelled';
    }
  }
  const [updated] = await tx
    .update(paymentTransactions)
    .set({ ...values, version: sql`${paymentTransactions.version} + 1` })
    .where(eq(paymentTransactions.id, txn.id))
    .returning();
  await scope.audit({
    action: `payments.settle.${via}`,
    subjectType: 'payment',
    subjectId: txn.id,
    before: { txnRef: txn.txnRef, state: txn.state },
    after: {
      txnRef: txn.txnRef,
      state: next,
      amountVnd: txn.amountVnd,
      responseCode: report.responseCode,
      gatewayTxnNo: report.gatewayTxnNo,
      ...(values.receiptNo ? { receiptNo: values.receiptNo } : {}),
      ...(values.overpaid ? { overpaid: values.overpaid } : {}),
      ...(requestAfter ? { request: requestAfter } : {}),
    },
  });
  return { outcome: 'applied', txn: updated! };
}

const VERDICT: Record<Settled, IpnVerdict> = {
  applied: 'confirmed',
  duplicate: 'already-confirmed',
  stale: 'already-confirmed',
  'still-pending': 'confirmed',
  'unknown-order': 'order-not-found',
  'wrong-amount': 'invalid-amount',
};

/**
 * GET /payments/vnpay/ipn: the gateway's notification. Verified, recorded (whatever it is) and applied at most once;
 * answered in the gateway's convention so that it stops retrying once the answer is definite.
 */
export async function handleNotification(ctx: Ctx, query: Readonly<Record<string, string>>): Promise<{ RspCode: string; Message: string }> {
  const { gateway } = runtimeOf(ctx.events);
  const now = ctx.clock.now();
  const base = { receivedAt: now, txnRef: typeof query.vnp_TxnRef === 'string' ? query.vnp_TxnRef.slice(0, 100) : null, params: { ...query }, ip: ctx.ip };
  const report = gateway.verifyCallback(query);
  if (!report) {
    const answer = gateway.ipnAnswer('invalid-signature');
    await recordNotification(ctx.db, { ...base, outcome: 'bad-signature', rspCode: answer.RspCode });
    ctx.log.warn({ txnRef: base.txnRef, ip: ctx.ip }, 'payments: notification with a bad signature refused');
    return answer;
  }
  try {
    return await withTransaction(ctx, async (scope) => {
      const { outcome } = await settleWithin(ctx, scope, report, 'ipn');
      const answer = gateway.ipnAnswer(VERDICT[outcome]);
      await recordNotification(scope.tx, { ...base, outcome, rspCode: answer.RspCode });
      return answer;
    });
  } catch (err) {
    // Unknown error: the gateway retries later; the attempt is untouched (the transaction rolled back).
    ctx.log.error({ err, txnRef: report.txnRef }, 'payments: notification could not be applied');
    const answer = gateway.ipnAnswer('unknown-error');
    await recordNotification(ctx.db, { ...base, outcome: 'error', rspCode: answer.RspCode }).catch(() => undefined);
    return answer;
  }
}

/**
 * Asks the gateway about one pending attempt (querydr) and settles it from the signed answer; an attempt the gateway
 * never saw and whose time ran out is expired. Returns the attempt as it is after.
 */
export async function queryAttempt(ctx: Ctx, txn: TransactionRow): Promise<TransactionRow> {
  const { gateway } = runtimeOf(ctx.events);
  const now = ctx.clock.now();
  let report: GatewayReport | 'not-found';
  try {
    report = await gateway.query({ txnRef: txn.txnRef, createdAt: txn.createdAt, ipAddr: txn.ipAddr, orderInfo: txn.orderInfo }, now);
  } catch (err) {
    await ctx.db.update(paymentTransactions).set({ lastQueriedAt: now }).where(eq(paymentTransactions.id, txn.id));
    throw new AppError('PAYMENT_GATEWAY_UNAVAILABLE', { txnRef: txn.txnRef }, { status: 503, cause: err });
  }
  return withTransaction(ctx, async (scope) => {
    if (report === 'not-found') {
      const locked = (await lockTransaction(scope.tx, txn.txnRef))!;
      if (locked.state === 'pending' && locked.expiresAt <= now) {
        const [expired] = await scope.tx
          .update(paymentTransactions)
          .set({ state: 'expired', settledAt: now, settledVia: 'query', lastQueriedAt: now, version: sql`${paymentTransactions.version} + 1` })
          .where(eq(paymentTransactions.id, locked.id))
          .returning();
        await scope.audit({
          action: 'payments.settle.query',
          subjectType: 'payment',
          subjectId: locked.id,
          before: { txnRef: locked.txnRef, state: 'pending' },
          after: { txnRef: locked.txnRef, state: 'expired' },
        });
        return expired!;
      }
      await scope.tx.update(paymentTransactions).set({ lastQueriedAt: now }).where(eq(paymentTransactions.id, locked.id));
      return locked;
    }
    const { txn: after } = await settleWithin(ctx, scope, report, 'query');
    await scope.tx.update(paymentTransactions).set({ lastQueriedAt: now }).where(eq(paymentTransactions.id, txn.id));
    return after ?? txn;
  });
}

/** Per run of the reconciliation sweep: enough for a province's hour, small enough to finish well inside a minute. */
const RECONCILE_BATCH = 100;

/**
 * The reconciliation sweep: pending attempts past their expiry by `queryAfterMinutes` (their notification never came)
 * are asked about, each at most once per `queryAfterMinutes`. Returns how many were asked and how many settled.
 */
export async function reconcilePending(ctx: Ctx): Promise<{ asked: number; settled: number; failed: number }> {
  const { config } = runtimeOf(ctx.events);
  const now = ctx.clock.now();
  const cutoff = new Date(now.getTime() - config.queryAfterMinutes * 60_000);
  const due = await ctx.db
    .select()
    .from(paymentTransactions)
    .where(
      and(
        eq(paymentTransactions.state, 'pending'),
        lt(paymentTransactions.expiresAt, cutoff),
        or(isNull(paymentTransactions.lastQueriedAt), lt(paymentTransactions.lastQueriedAt, cutoff)),
      ),
    )
    .orderBy(asc(paymentTransactions.createdAt))
    .limit(RECONCILE_BATCH);
  let settled = 0;
  let failed = 0;
  for (const txn of due) {
    try {
      const after = await queryAttempt(ctx, txn);
      if (after.state !== 'pending') settled += 1;
    } catch (err) {
      failed += 1;
      ctx.log.warn({ err, txnRef: txn.txnRef }, 'payments: status query failed; asked again next run');
    }
  }
  return { asked: due.length, settled, failed };
}

/** Finance officer: ask the gateway about one attempt now. */
export async function queryAttemptNow(ctx: Ctx, txnRef: string, canRead: (unitId: string) => Promise<boolean>): Promise<TransactionRow> {
  const [txn] = await ctx.db.select().from(paymentTransactions).where(eq(paymentTransactions.txnRef, txnRef));
  if (!txn || !(await canRead(txn.unitId))) throw new AppError('NOT_FOUND', { subject: 'payment', id: txnRef });
  if (txn.state !== 'pending') return txn;
  return queryAttempt(ctx, txn);
}

/**
 * Confirms a paid request to its dossier (the clock resumes), marking the request applied in the dossier's own
 * transaction so the two never disagree. A dossier that no longer awaits it (an officer confirmed a payment at the
 * desk, the dossier was withdrawn) is marked `not-awaiting` for the finance officer. Idempotent.
 */
export async function applyPaidRequest(ctx: Ctx, requestId: string): Promise<'resumed' | 'not-awaiting' | 'already-applied'> {
  const request = await findRequest(ctx.db, requestId);
  if (!request || request.state !== 'paid' || request.appliedAt) return 'already-applied';
  const [paid] = await ctx.db.select().from(paymentTransactions).where(eq(paymentTransactions.id, request.paidTransactionId!));
  const mark = async (tx: TxScope['tx'], outcome: string) =>
    tx
      .update(paymentRequests)
      .set({ appliedAt: ctx.clock.now(), appliedOutcome: outcome, version: sql`${paymentRequests.version} + 1` })
      .where(and(eq(paymentRequests.id, requestId), isNull(paymentRequests.appliedAt)));
  const outcome = await confirmOnlinePayment(ctx, request.dossierId, {
    pauseId: request.pauseId,
    txnRef: paid!.txnRef,
    receiptNo: paid!.receiptNo ?? '',
    within: async (scope) => {
      await mark(scope.tx, 'resumed');
    },
  });
  if (outcome === 'not-awaiting') await withTransaction(ctx, async (scope) => void (await mark(scope.tx, 'not-awaiting')));
  return outcome;
}

/** The sweep behind `payments.apply`: every paid request not yet applied (capped per run). */
export async function applyPaidRequests(ctx: Ctx, limit = 100): Promise<number> {
  const rows = await ctx.db
    .select({ id: paymentRequests.id })
    .from(paymentRequests)
    .where(and(eq(paymentRequests.state, 'paid'), isNull(paymentRequests.appliedAt)))
    .orderBy(asc(paymentRequests.paidAt))
    .limit(limit);
  let applied = 0;
  for (const r of rows) {
    try {
      await applyPaidRequest(ctx, r.id);
      applied += 1;
    } catch (err) {
      ctx.log.warn({ err, requestId: r.id }, 'payments: paid request not applied yet; retried next run');
    }
  }
  return applied;
}
