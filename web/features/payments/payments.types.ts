// Types come from the shared contract (type-only, so no server or zod code reaches the bundle).
import type { FinanceTransaction, PaymentMismatchKind, PaymentTransactionState } from '../../../contracts/payments/payments.contracts';

export type {
  DossierPayments,
  FinanceTransaction,
  FinanceTransactions,
  ImportStatementRequest,
  MismatchView,
  Mismatches,
  PaymentAttempt,
  PaymentMismatchKind,
  PaymentRequestView,
  PaymentReturnView,
  PaymentTransactionState,
  PaymentTransactionsQuery,
  ResolveMismatchRequest,
  StartPaymentResponse,
  StatementView,
} from '../../../contracts/payments/payments.contracts';

// Value lists mirror the contract's enums (`satisfies` keeps them in step) without pulling zod into the bundle.
/** An attempt at the gateway, as the payer and the finance officer see it. */
export const PAYMENT_TRANSACTION_STATES = ['pending', 'succeeded', 'failed', 'cancelled', 'expired'] as const satisfies readonly PaymentTransactionState[];
/** How an attempt was settled: the gateway's notification, a status query, or the daily statement. */
export const PAYMENT_SETTLED_VIA = ['ipn', 'query', 'statement'] as const satisfies readonly NonNullable<FinanceTransaction['settledVia']>[];
/** Differences between the gateway's statement and the records. */
export const PAYMENT_MISMATCH_KINDS = ['missing-record', 'missing-in-statement', 'amount-differs', 'status-differs'] as const satisfies readonly PaymentMismatchKind[];
/** What a dossier did with a payment (server: payments use-cases/settle.ts applyPaidRequest). */
export const PAYMENT_APPLIED_OUTCOMES = ['resumed', 'not-awaiting'] as const;
/** The gateway's response codes the pages explain; any other reads as a generic failure. */
export const PAYMENT_RESPONSE_REASONS = ['24', '11', '51', 'other'] as const;

/** Policy actions of the payments module (server: payments.policy.ts). */
export const PAYMENT_ACTIONS = {
  read: 'payments.transactions.read',
  reconcile: 'payments.statements.reconcile',
} as const;
