import { z } from 'zod';
import { IsoDateSchema, PageQuerySchema, pageOf } from '../common/common.contracts';

// Online payment of fees and financial obligations (issue 13; domain README §6.3). Amounts are whole VND; instants
// ISO-8601 with the +07:00 offset.

/** A request to pay: open until paid, or cancelled when the dossier stopped awaiting it unpaid. */
export const PAYMENT_REQUEST_STATES = ['open', 'paid', 'cancelled'] as const;
/** An attempt at the gateway. */
export const PAYMENT_TRANSACTION_STATES = ['pending', 'succeeded', 'failed', 'cancelled', 'expired'] as const;
/** How an attempt was settled: the gateway's notification, a status query, or the daily statement. */
export const PAYMENT_SETTLED_VIA = ['ipn', 'query', 'statement'] as const;
/** Differences between the gateway's statement and the records (payments.tables.ts). */
export const PAYMENT_MISMATCH_KINDS = ['missing-record', 'missing-in-statement', 'amount-differs', 'status-differs'] as const;

export const PaymentTransactionStateSchema = z.enum(PAYMENT_TRANSACTION_STATES);
export type PaymentTransactionState = z.infer<typeof PaymentTransactionStateSchema>;
export const PaymentRequestStateSchema = z.enum(PAYMENT_REQUEST_STATES);
export const PaymentMismatchKindSchema = z.enum(PAYMENT_MISMATCH_KINDS);
export type PaymentMismatchKind = z.infer<typeof PaymentMismatchKindSchema>;

/** One attempt as the payer and the finance officer see it. */
export const PaymentAttemptSchema = z.object({
  txnRef: z.string(),
  amountVnd: z.number().int(),
  state: PaymentTransactionStateSchema,
  createdAt: z.string(),
  expiresAt: z.string(),
  settledAt: z.string().nullable(),
  settledVia: z.enum(PAYMENT_SETTLED_VIA).nullable(),
  /** The gateway's response code (00 success, 24 cancelled by the payer, 11 expired, …). */
  responseCode: z.string().nullable(),
  receiptNo: z.string().nullable(),
  /** Paid although the request had already been paid: to be refunded. */
  overpaid: z.boolean(),
});
export type PaymentAttempt = z.infer<typeof PaymentAttemptSchema>;

/** A request to pay and its attempts. */
export const PaymentRequestViewSchema = z.object({
  id: z.uuid(),
  description: z.string(),
  amountVnd: z.number().int(),
  state: PaymentRequestStateSchema,
  createdAt: z.string(),
  paidAt: z.string().nullable(),
  attempts: z.array(PaymentAttemptSchema),
});
export type PaymentRequestView = z.infer<typeof PaymentRequestViewSchema>;

/** What the applicant owes on a dossier now (the fee notice) and every request to pay it ever had. */
export const DossierPaymentsSchema = z.object({
  dossierId: z.uuid(),
  dossierCode: z.string(),
  /** The obligation the dossier awaits now; null when it awaits none. */
  due: z
    .object({
      amountVnd: z.number().int().nullable(),
      reason: z.string().nullable(),
      requestedAt: z.string(),
      /** False when no amount was stated (the officer says how to pay) or a payment is already settled and being applied. */
      payableOnline: z.boolean(),
    })
    .nullable(),
  requests: z.array(PaymentRequestViewSchema),
});
export type DossierPayments = z.infer<typeof DossierPaymentsSchema>;

/** Start paying online; the answer is where to send the browser. */
export const StartPaymentRequestSchema = z.object({ locale: z.enum(['vi', 'en']).optional().default('vi') });
export type StartPaymentRequest = z.infer<typeof StartPaymentRequestSchema>;
export const StartPaymentResponseSchema = z.object({ txnRef: z.string(), paymentUrl: z.string(), expiresAt: z.string(), amountVnd: z.number().int() });
export type StartPaymentResponse = z.infer<typeof StartPaymentResponseSchema>;

const GatewayParam = z.string().max(1000).optional();
/**
 * The gateway's signed query string (return and IPN), VNPAY 2.1.0's parameters; any other parameter the gateway adds is
 * kept (it is part of what it signed) and must be a single string. The adapter checks the signature over all of them.
 */
export const GatewayQuerySchema = z
  .object({
    vnp_Amount: GatewayParam,
    vnp_BankCode: GatewayParam,
    vnp_BankTranNo: GatewayParam,
    vnp_CardType: GatewayParam,
    vnp_OrderInfo: GatewayParam,
    vnp_PayDate: GatewayParam,
    vnp_ResponseCode: GatewayParam,
    vnp_TmnCode: GatewayParam,
    vnp_TransactionNo: GatewayParam,
    vnp_TransactionStatus: GatewayParam,
    vnp_TxnRef: GatewayParam,
    vnp_SecureHashType: GatewayParam,
    vnp_SecureHash: GatewayParam,
  })
  .catchall(z.string().max(1000));

/** What the return page shows: the attempt's state as the records have it (the return itself settles nothing). */
export const PaymentReturnViewSchema = z.object({
  txnRef: z.string(),
  state: PaymentTransactionStateSchema,
  /** What the gateway said on the return (a hint until the notification settles the attempt). */
  gatewayOutcome: z.enum(['succeeded', 'failed', 'cancelled', 'pending']),
  amountVnd: z.number().int(),
  dossierId: z.uuid(),
  dossierCode: z.string(),
  receiptNo: z.string().nullable(),
});
export type PaymentReturnView = z.infer<typeof PaymentReturnViewSchema>;

/** The answer to a gateway notification, in the gateway's convention. */
export const IpnAnswerSchema = z.object({ RspCode: z.string(), Message: z.string() });

/** The finance officer's list of attempts. */
export const PaymentTransactionsQuerySchema = PageQuerySchema.extend({
  unit: z.uuid().optional(),
  state: PaymentTransactionStateSchema.optional(),
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
  q: z.string().trim().max(60).optional(),
});
export type PaymentTransactionsQuery = z.infer<typeof PaymentTransactionsQuerySchema>;

export const FinanceTransactionSchema = PaymentAttemptSchema.extend({
  dossierId: z.uuid(),
  dossierCode: z.string(),
  unit: z.object({ id: z.uuid(), name: z.string() }),
  gatewayTxnNo: z.string().nullable(),
  bankCode: z.string().nullable(),
  /** What the dossier did with the payment: resumed, or not-awaiting (it had moved on); null until applied. */
  appliedOutcome: z.string().nullable(),
});
export type FinanceTransaction = z.infer<typeof FinanceTransactionSchema>;
export const FinanceTransactionsSchema = pageOf(FinanceTransactionSchema);
export type FinanceTransactions = z.infer<typeof FinanceTransactionsSchema>;

export const TxnRefParamsSchema = z.object({ txnRef: z.string().regex(/^[A-Z0-9]{8,40}$/, 'payments.errors.txnRefInvalid') });

/** A daily statement file as exported by the gateway (CSV text, PAYMENT_GATEWAY.md), for one day. */
export const ImportStatementRequestSchema = z.object({
  day: IsoDateSchema,
  csv: z.string().min(1, 'payments.errors.statementEmpty').max(5_000_000, 'payments.errors.statementTooLarge'),
});
export type ImportStatementRequest = z.infer<typeof ImportStatementRequestSchema>;

export const StatementViewSchema = z.object({
  id: z.uuid(),
  day: z.string(),
  lines: z.number().int(),
  totalVnd: z.number().int(),
  matched: z.number().int(),
  mismatches: z.number().int(),
  unreadable: z.array(z.object({ line: z.number().int(), reason: z.string() })),
  importedAt: z.string(),
});
export type StatementView = z.infer<typeof StatementViewSchema>;

export const MismatchesQuerySchema = PageQuerySchema.extend({ open: z.enum(['true', 'false']).optional().default('true') });
export type MismatchesQuery = z.infer<typeof MismatchesQuerySchema>;

export const MismatchViewSchema = z.object({
  id: z.uuid(),
  kind: PaymentMismatchKindSchema,
  txnRef: z.string(),
  day: z.string(),
  unit: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  recordAmountVnd: z.number().int().nullable(),
  statementAmountVnd: z.number().int().nullable(),
  recordState: z.string().nullable(),
  statementStatus: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  resolution: z.string().nullable(),
});
export type MismatchView = z.infer<typeof MismatchViewSchema>;
export const MismatchesSchema = pageOf(MismatchViewSchema);
export type Mismatches = z.infer<typeof MismatchesSchema>;

export const ResolveMismatchRequestSchema = z.object({ resolution: z.string().trim().min(1, 'payments.errors.resolutionRequired').max(2000) });
export type ResolveMismatchRequest = z.infer<typeof ResolveMismatchRequestSchema>;
