import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { PaymentsConfig } from './payments.config';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParamsSchema } from '../../../contracts/common/common.contracts';
import {
  FinanceTransactionSchema,
  FinanceTransactionsSchema,
  GatewayQuerySchema,
  ImportStatementRequestSchema,
  IpnAnswerSchema,
  MismatchViewSchema,
  MismatchesQuerySchema,
  MismatchesSchema,
  PaymentReturnViewSchema,
  PaymentTransactionsQuerySchema,
  ResolveMismatchRequestSchema,
  StatementViewSchema,
  TxnRefParamsSchema,
} from '../../../contracts/payments/payments.contracts';
import { PAYMENT_ACTIONS } from './payments.policy';
import { canReadUnit, getFinanceTransaction, importStatement, listMismatches, listTransactions, resolveMismatch } from './use-cases/finance';
import { readReturn } from './use-cases/pay';
import { receiptTransaction, renderReceipt } from './use-cases/receipt';
import { handleNotification, queryAttemptNow } from './use-cases/settle';

const gatewayTags = ['payments-gateway'];
const financeTags = ['payments'];

/**
 * Notifications from the gateway's own addresses (PAYMENT_GATEWAY_ADDRESSES) are never held back: a burst of payments
 * is a burst of notifications. Any other address gets a small budget (every notification is recorded, forged ones too).
 */
const IPN_RATE_LIMIT = { max: 120, timeWindow: '1 minute' };
const RETURN_RATE_LIMIT = { max: 60, timeWindow: '1 minute' };

/** /api/v1/payments: the gateway's notification, the return page's reading, and the finance officer's reconciliation. */
export async function paymentRoutes(app: FastifyInstance, config: Pick<PaymentsConfig, 'gatewayAddresses'>): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const gatewayAddresses = new Set(config.gatewayAddresses);

  r.get(
    '/vnpay/ipn',
    {
      config: { action: 'public', rateLimit: { ...IPN_RATE_LIMIT, allowList: (request: FastifyRequest) => gatewayAddresses.has(request.ip) } },
      schema: {
        tags: gatewayTags,
        summary: 'The gateway’s signed server-to-server notification (IPN) of a payment’s outcome: the only one that settles it',
        description:
          'VNPAY 2.1.0 parameters (vnp_*), HMAC-SHA512 signed. Answered with HTTP 200 and RspCode 00 (confirmed), 01 (order not found), 02 (already confirmed: duplicates and stale reports), 04 (invalid amount), 97 (invalid signature) or 99 (unknown error, retry). Idempotent on vnp_TxnRef.',
        querystring: GatewayQuerySchema,
        response: { 200: IpnAnswerSchema },
      },
    },
    async (request) => handleNotification(request.ctx, request.query),
  );

  r.get(
    '/return',
    {
      config: { action: 'public', rateLimit: RETURN_RATE_LIMIT },
      schema: {
        tags: gatewayTags,
        summary: 'Read the signed return the gateway sent the payer’s browser back with: the attempt as recorded (the return settles nothing)',
        querystring: GatewayQuerySchema,
        response: { 200: PaymentReturnViewSchema },
      },
    },
    async (request) => readReturn(request.ctx, request.query),
  );

  r.get(
    '/transactions',
    {
      config: { action: PAYMENT_ACTIONS.read },
      schema: {
        tags: financeTags,
        summary: 'Payment attempts of the units the finance officer reconciles, newest first',
        querystring: PaymentTransactionsQuerySchema,
        response: { 200: FinanceTransactionsSchema },
      },
    },
    async (request) => listTransactions(request.ctx, request.query),
  );

  r.post(
    '/transactions/:txnRef/query',
    {
      config: { action: PAYMENT_ACTIONS.read },
      schema: {
        tags: financeTags,
        summary: 'Ask the gateway about a pending attempt now (querydr) and settle it from the signed answer',
        params: TxnRefParamsSchema,
        response: { 200: FinanceTransactionSchema },
      },
    },
    async (request) => {
      await queryAttemptNow(request.ctx, request.params.txnRef, (unitId) => canReadUnit(request.ctx, unitId));
      return getFinanceTransaction(request.ctx, request.params.txnRef);
    },
  );

  r.get(
    '/transactions/:txnRef/receipt',
    {
      config: { action: PAYMENT_ACTIONS.read },
      schema: { tags: financeTags, summary: 'The electronic receipt of a paid attempt (PDF)', params: TxnRefParamsSchema, produces: ['application/pdf'] },
    },
    async (request, reply) => {
      await getFinanceTransaction(request.ctx, request.params.txnRef);
      const file = await renderReceipt(request.ctx, await receiptTransaction(request.ctx, request.params.txnRef));
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="${file.fileName}"`).send(file.bytes);
    },
  );

  r.post(
    '/statements',
    {
      config: { action: PAYMENT_ACTIONS.reconcile },
      bodyLimit: 6 * 1024 * 1024,
      schema: {
        tags: financeTags,
        summary: 'Import the gateway’s daily statement (CSV) and match it against the records; mismatches are listed',
        body: ImportStatementRequestSchema,
        response: { 201: StatementViewSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await importStatement(request.ctx, request.body)),
  );

  r.get(
    '/mismatches',
    {
      config: { action: PAYMENT_ACTIONS.reconcile },
      schema: {
        tags: financeTags,
        summary: 'Differences between the gateway’s statements and the records, open or resolved',
        querystring: MismatchesQuerySchema,
        response: { 200: MismatchesSchema },
      },
    },
    async (request) => listMismatches(request.ctx, request.query),
  );

  r.post(
    '/mismatches/:id/resolve',
    {
      config: { action: PAYMENT_ACTIONS.reconcile },
      schema: {
        tags: financeTags,
        summary: 'Record how a mismatch was dealt with (refund, bank enquiry, …)',
        params: IdParamsSchema,
        body: ResolveMismatchRequestSchema,
        response: { 200: MismatchViewSchema },
      },
    },
    async (request) => resolveMismatch(request.ctx, request.params.id, request.body),
  );
}
