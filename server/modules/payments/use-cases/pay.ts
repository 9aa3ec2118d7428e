// The applicant's side of paying online (issue 13 items 1–2): the fee notice a dossier awaits, starting an attempt at
// the gateway, and the page the gateway sends the browser back to. The portal module checks that the account may
// act for the dossier before calling these.
import { randomBytes } from 'node:crypto';
import { toVnIso } from '../../../platform/calendar';
import { withTransaction, type Ctx } from '../../../platform/context/context';
import { AppError } from '../../../platform/errors';
import { translate } from '../../../platform/i18n';
import type { DossierPayments, PaymentAttempt, PaymentReturnView, StartPaymentRequest, StartPaymentResponse } from '../../../../contracts/payments/payments.contracts';
import { findPaymentDemand } from '../../dossiers';
import { countLivePending, findTransaction, listDossierPayments, type TransactionRow } from '../payments.repository';
import { paymentRequests, paymentTransactions } from '../payments.tables';
import { eq, sql } from 'drizzle-orm';
import { runtimeOf } from './runtime';

/** At most this many attempts of one request may wait for the gateway at once (a payer retrying in several tabs). */
const MAX_LIVE_ATTEMPTS = 5;

/** An attempt as the payer and the finance officer see it. */
export function presentAttempt(t: TransactionRow): PaymentAttempt {
  return {
    txnRef: t.txnRef,
    amountVnd: t.amountVnd,
    state: t.state as PaymentAttempt['state'],
    createdAt: toVnIso(t.createdAt),
    expiresAt: toVnIso(t.expiresAt),
    settledAt: t.settledAt ? toVnIso(t.settledAt) : null,
    settledVia: (t.settledVia as PaymentAttempt['settledVia']) ?? null,
    responseCode: t.responseCode,
    receiptNo: t.receiptNo,
    overpaid: t.overpaid !== null,
  };
}

/** The fee notice a dossier awaits now, and every request to pay on it. `dossierCode` as the caller read it. */
export async function dossierPayments(ctx: Ctx, dossierId: string, dossierCode: string): Promise<DossierPayments> {
  const [demand, history] = await Promise.all([findPaymentDemand(ctx.db, dossierId), listDossierPayments(ctx.db, dossierId)]);
  const settledForDemand = demand ? history.some((h) => h.request.pauseId === demand.pauseId && h.request.state === 'paid') : false;
  return {
    dossierId,
    dossierCode,
    due: demand
      ? {
          amountVnd: demand.amountVnd,
          reason: demand.reason,
          requestedAt: toVnIso(demand.requestedAt),
          payableOnline: (demand.amountVnd ?? 0) > 0 && !settledForDemand,
        }
      : null,
    requests: history.map(({ request, attempts }) => ({
      id: request.id,
      description: request.description,
      amountVnd: request.amountVnd,
      state: request.state as 'open' | 'paid' | 'cancelled',
      createdAt: toVnIso(request.createdAt),
      paidAt: request.paidAt ? toVnIso(request.paidAt) : null,
      attempts: attempts.map(presentAttempt),
    })),
  };
}

/** `MC` + the +07:00 timestamp to the second + 8 random characters: unique, sortable, what gateways accept (A–Z, 0–9). */
function newTxnRef(now: Date): string {
  const stamp = toVnIso(now)
    .replace(/[^0-9]/g, '')
    .slice(2, 14);
  const random = randomBytes(6)
    .toString('base64url')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, 'X')
    .padEnd(8, '0')
    .slice(0, 8);
  return `MC${stamp}${random}`;
}

/**
 * POST …/payments: opens the request for the obligation the dossier awaits (once per obligation) and a new attempt at
 * the gateway; answers the signed URL to send the browser to. 409 when nothing is due, no amount is stated, or it is
 * already paid; 429 with too many attempts waiting.
 */
export async function startPayment(ctx: Ctx, dossierId: string, input: StartPaymentRequest, payerIp: string): Promise<StartPaymentResponse> {
  const { config, gateway } = runtimeOf(ctx.events);
  const demand = await findPaymentDemand(ctx.db, dossierId);
  if (!demand) {
    const [row] = await ctx.db.select({ code: paymentRequests.dossierCode }).from(paymentRequests).where(eq(paymentRequests.dossierId, dossierId)).limit(1);
    throw new AppError('PAYMENT_NOT_DUE', { code: row?.code ?? '' }, { status: 409 });
  }
  if (!demand.amountVnd || demand.amountVnd <= 0) throw new AppError('PAYMENT_AMOUNT_UNKNOWN', { code: demand.dossierCode }, { status: 409 });
  const amountVnd = demand.amountVnd;
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + config.expireMinutes * 60_000);
  const txnRef = newTxnRef(now);
  const orderInfo = translate('vi', 'payments.orderInfo', { code: demand.dossierCode }) ?? demand.dossierCode;
  await withTransaction(ctx, async (scope) => {
    const { tx } = scope;
    await tx
      .insert(paymentRequests)
      .values({
        dossierId,
        dossierCode: demand.dossierCode,
        pauseId: demand.pauseId,
        unitId: demand.receivingUnitId,
        procedureCode: demand.procedureCode,
        procedureName: demand.procedureName,
        payerName: demand.applicantName,
        description: demand.reason ?? translate('vi', 'payments.description.fee') ?? '',
        amountVnd,
        state: 'open',
        createdAt: now,
      })
      .onConflictDoNothing({ target: paymentRequests.pauseId });
    const [request] = await tx.select().from(paymentRequests).where(eq(paymentRequests.pauseId, demand.pauseId)).for('update');
    if (request!.state === 'paid') throw new AppError('PAYMENT_ALREADY_PAID', { code: demand.dossierCode }, { status: 409 });
    if ((await countLivePending(tx, request!.id, now)) >= MAX_LIVE_ATTEMPTS) throw new AppError('PAYMENT_TOO_MANY_ATTEMPTS', {}, { status: 429 });
    const [txn] = await tx
      .insert(paymentTransactions)
      .values({
        requestId: request!.id,
        unitId: request!.unitId,
        gateway: gateway.name,
        txnRef,
        amountVnd,
        orderInfo,
        ipAddr: payerIp,
        state: 'pending',
        createdAt: now,
        expiresAt,
      })
      .returning();
    await scope.audit({
      action: 'payments.start',
      subjectType: 'payment',
      subjectId: txn!.id,
      before: null,
      after: { txnRef, dossierId, dossierCode: demand.dossierCode, requestId: request!.id, amountVnd, gateway: gateway.name, expiresAt: toVnIso(expiresAt) },
    });
  });
  const paymentUrl = gateway.paymentUrl({
    txnRef,
    amountVnd,
    orderInfo,
    createdAt: now,
    expiresAt,
    ipAddr: payerIp,
    locale: input.locale === 'en' ? 'en' : 'vn',
    returnUrl: config.returnUrl,
  });
  return { txnRef, paymentUrl, expiresAt: toVnIso(expiresAt), amountVnd };
}

/**
 * GET /payments/return: the gateway sent the browser back. Its signature is checked and its word shown as a hint;
 * the attempt's state is what the records say (settled only by the notification or a query). Remembers the return.
 */
export async function readReturn(ctx: Ctx, query: Readonly<Record<string, string>>): Promise<PaymentReturnView> {
  const { gateway } = runtimeOf(ctx.events);
  const report = gateway.verifyCallback(query);
  if (!report) throw new AppError('PAYMENT_SIGNATURE_INVALID', {}, { status: 400 });
  const txn = await findTransaction(ctx.db, report.txnRef);
  if (!txn) throw new AppError('NOT_FOUND', { subject: 'payment', id: report.txnRef });
  if (!txn.returnedAt)
    await ctx.db
      .update(paymentTransactions)
      .set({ returnedAt: ctx.clock.now() })
      .where(sql`${paymentTransactions.id} = ${txn.id} and ${paymentTransactions.returnedAt} is null`);
  const [request] = await ctx.db.select().from(paymentRequests).where(eq(paymentRequests.id, txn.requestId));
  return {
    txnRef: txn.txnRef,
    state: txn.state as PaymentReturnView['state'],
    gatewayOutcome: report.outcome,
    amountVnd: txn.amountVnd,
    dossierId: request!.dossierId,
    dossierCode: request!.dossierCode,
    receiptNo: txn.receiptNo,
  };
}
