import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
// Kernel rule: payments may hold foreign keys to identity's units. Dossiers are held as ids (STYLE boundaries rule 3).
import { identityOrgUnits } from '../identity/identity.tables';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const vnd = (name: string) => bigint(name, { mode: 'number' });

/**
 * What an applicant owes on a dossier (thông báo phí, lệ phí / nghĩa vụ tài chính, domain README §6.3): one per
 * financial-obligation pause of the dossier (the pause is what stops the clock while it is unpaid, §5.4), so opening
 * it twice is impossible. `applied_at` marks when the dossiers module confirmed the payment (the clock resumed); a
 * sweep retries until then, so a payment taken is never left without its effect on the dossier.
 */
export const paymentRequests = pgTable(
  'payments_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id').notNull(),
    dossierCode: text('dossier_code').notNull(),
    pauseId: uuid('pause_id').notNull(),
    /** The receiving unit: whose finance officer reconciles it. */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => identityOrgUnits.id),
    procedureCode: text('procedure_code').notNull(),
    procedureName: text('procedure_name').notNull(),
    /** The applicant (chủ hồ sơ) as received: who the receipt names. */
    payerName: text('payer_name').notNull(),
    description: text('description').notNull(),
    amountVnd: vnd('amount_vnd').notNull(),
    state: text('state').notNull(),
    paidAt: instant('paid_at'),
    paidTransactionId: uuid('paid_transaction_id'),
    appliedAt: instant('applied_at'),
    /** How the dossier took it: `resumed` (confirm-payment), or why not (it had moved on: `not-awaiting`). */
    appliedOutcome: text('applied_outcome'),
    createdAt: instant('created_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('payments_requests_pause_uq').on(t.pauseId),
    index('payments_requests_dossier_idx').on(t.dossierId),
    index('payments_requests_unapplied_idx')
      .on(t.paidAt)
      .where(sql`${t.state} = 'paid' and ${t.appliedAt} is null`),
    check('payments_requests_state_ck', sql`${t.state} in ('open','paid','cancelled')`),
    check('payments_requests_amount_ck', sql`${t.amountVnd} > 0`),
  ],
);

/**
 * One attempt to pay a request at the gateway (giao dịch). `txn_ref` is what the gateway knows it by and its
 * idempotency key. Settled only by a verified notification (IPN), a status query or the daily statement — never by the
 * browser's return. A second attempt that also succeeded is kept as `succeeded` with `overpaid` set, for a refund.
 */
export const paymentTransactions = pgTable(
  'payments_transactions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => paymentRequests.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => identityOrgUnits.id),
    gateway: text('gateway').notNull(),
    txnRef: text('txn_ref').notNull(),
    amountVnd: vnd('amount_vnd').notNull(),
    orderInfo: text('order_info').notNull(),
    ipAddr: text('ip_addr').notNull(),
    state: text('state').notNull(),
    createdAt: instant('created_at').notNull(),
    expiresAt: instant('expires_at').notNull(),
    returnedAt: instant('returned_at'),
    settledAt: instant('settled_at'),
    settledVia: text('settled_via'),
    responseCode: text('response_code'),
    gatewayTxnNo: text('gateway_txn_no'),
    bankCode: text('bank_code'),
    payDate: instant('pay_date'),
    /** Paid although the request was already paid by another attempt: the finance officer refunds it. */
    overpaid: text('overpaid'),
    /** The electronic receipt (biên lai điện tử): number `<unit code>/<year>/<seq>` and when it was issued. */
    receiptNo: text('receipt_no'),
    receiptIssuedAt: instant('receipt_issued_at'),
    lastQueriedAt: instant('last_queried_at'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('payments_transactions_ref_uq').on(t.txnRef),
    uniqueIndex('payments_transactions_receipt_uq').on(t.receiptNo),
    index('payments_transactions_request_idx').on(t.requestId),
    index('payments_transactions_pending_idx')
      .on(t.createdAt)
      .where(sql`${t.state} = 'pending'`),
    index('payments_transactions_unit_day_idx').on(t.unitId, t.createdAt),
    check('payments_transactions_state_ck', sql`${t.state} in ('pending','succeeded','failed','cancelled','expired')`),
    check('payments_transactions_via_ck', sql`${t.settledVia} is null or ${t.settledVia} in ('ipn','query','statement')`),
  ],
);

/** Receipt numbers: one series per unit and year, taken under the row lock of the upsert. */
export const paymentReceiptSeries = pgTable(
  'payments_receipt_series',
  {
    unitId: uuid('unit_id')
      .notNull()
      .references(() => identityOrgUnits.id),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [uniqueIndex('payments_receipt_series_uq').on(t.unitId, t.year)],
);

/** Every notification the gateway sent (or anyone sent to the IPN address), with what it did: the audit of the money. */
export const paymentNotifications = pgTable(
  'payments_notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    receivedAt: instant('received_at').notNull(),
    txnRef: text('txn_ref'),
    params: jsonb('params').$type<Record<string, string>>().notNull(),
    /** applied, duplicate, stale (a report older than the settled state), bad-signature, unknown-order, wrong-amount. */
    outcome: text('outcome').notNull(),
    rspCode: text('rsp_code').notNull(),
    ip: text('ip'),
  },
  (t) => [index('payments_notifications_ref_idx').on(t.txnRef), index('payments_notifications_received_idx').on(t.receivedAt)],
);

/** A daily statement (file đối soát) imported by a finance officer, and its totals. */
export const paymentStatements = pgTable(
  'payments_statements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    gateway: text('gateway').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    sha256: text('sha256').notNull(),
    lines: integer('lines').notNull(),
    totalVnd: vnd('total_vnd').notNull(),
    matched: integer('matched').notNull(),
    mismatches: integer('mismatches').notNull(),
    unreadable: jsonb('unreadable').$type<Array<{ line: number; reason: string }>>().notNull(),
    importedAt: instant('imported_at').notNull(),
    importedBy: uuid('imported_by'),
  },
  (t) => [index('payments_statements_day_idx').on(t.gateway, t.day)],
);

/**
 * A difference between the gateway's statement and the records, listed for the finance officer until resolved:
 * missing-record (the gateway took money the records do not show as paid), missing-in-statement (paid here, absent
 * there), amount-differs, status-differs.
 */
export const paymentMismatches = pgTable(
  'payments_mismatches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    statementId: uuid('statement_id')
      .notNull()
      .references(() => paymentStatements.id),
    kind: text('kind').notNull(),
    txnRef: text('txn_ref').notNull(),
    unitId: uuid('unit_id'),
    recordAmountVnd: vnd('record_amount_vnd'),
    statementAmountVnd: vnd('statement_amount_vnd'),
    recordState: text('record_state'),
    statementStatus: text('statement_status'),
    resolvedAt: instant('resolved_at'),
    resolvedBy: uuid('resolved_by'),
    resolution: text('resolution'),
  },
  (t) => [
    uniqueIndex('payments_mismatches_uq').on(t.statementId, t.txnRef, t.kind),
    index('payments_mismatches_open_idx')
      .on(t.unitId)
      .where(sql`${t.resolvedAt} is null`),
    check('payments_mismatches_kind_ck', sql`${t.kind} in ('missing-record','missing-in-statement','amount-differs','status-differs')`),
  ],
);

/**
 * The sandbox gateway's own side (its "bank"): orders it was sent, what the payer decided, and notifications it holds
 * back on demand. Used only when the app serves the sandbox (development and tests), never with a real gateway.
 */
export const paymentSandboxOrders = pgTable(
  'payments_sandbox_orders',
  {
    txnRef: text('txn_ref').primaryKey(),
    tmnCode: text('tmn_code').notNull(),
    /** The gateway's unit: VND × 100, as VNPAY sends it. */
    amount: vnd('amount').notNull(),
    orderInfo: text('order_info').notNull(),
    createDate: text('create_date').notNull(),
    expireAt: instant('expire_at').notNull(),
    returnUrl: text('return_url').notNull(),
    ipAddr: text('ip_addr').notNull(),
    state: text('state').notNull(),
    responseCode: text('response_code'),
    transactionNo: text('transaction_no'),
    bankCode: text('bank_code'),
    payDate: instant('pay_date'),
    /** A notification held back on demand (`ipn=held`), delivered by the control endpoint. */
    heldIpn: jsonb('held_ipn').$type<Record<string, string>>(),
    createdAt: instant('created_at').notNull(),
    decidedAt: instant('decided_at'),
  },
  (t) => [check('payments_sandbox_orders_state_ck', sql`${t.state} in ('created','succeeded','failed','cancelled')`)],
);
