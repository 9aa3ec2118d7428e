import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ExchangeInboundParamsSchema,
  ExchangeInboundQuerySchema,
  ExchangeInboundRowSchema,
  ExchangeInboundSchema,
  ExchangeOutboxQuerySchema,
  ExchangeReconciliationsSchema,
  ExchangeOutboxSchema,
  ExchangeRowParamsSchema,
  ExchangeRowSchema,
} from '../../../contracts/exchange/exchange.contracts';
import type { ExchangeConfig } from './exchange.config';
import { EXCHANGE_ACTIONS } from './exchange.policy';
import { listInbound, listReconciliations, retryInbound } from './use-cases/inbound-view';
import { listOutbox, resendRow } from './use-cases/outbox-view';

const tags = ['exchange'];

/** /api/v1/exchange: the administrator's view of the national portal exchange. */
export async function exchangeRoutes(app: FastifyInstance, config: ExchangeConfig | null): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/outbox',
    {
      config: { action: EXCHANGE_ACTIONS.read },
      schema: {
        tags,
        summary: 'Status changes pushed (or to push) to the national portal: sent, waiting, failing',
        querystring: ExchangeOutboxQuerySchema,
        response: { 200: ExchangeOutboxSchema },
      },
    },
    async (request) => listOutbox(request.ctx, request.query, config !== null),
  );
  r.post(
    '/outbox/:id/resend',
    {
      config: { action: EXCHANGE_ACTIONS.resend },
      schema: {
        tags,
        summary: 'Try a change not yet delivered again at the next push, its back-off cleared (409 when already sent)',
        params: ExchangeRowParamsSchema,
        response: { 200: ExchangeRowSchema },
      },
    },
    async (request) => resendRow(request.ctx, request.params.id),
  );
  r.get(
    '/inbound',
    {
      config: { action: EXCHANGE_ACTIONS.read },
      schema: {
        tags,
        summary: 'Dossiers picked up from the national portal: received into a desk queue, unreadable (with the reasons), failed',
        querystring: ExchangeInboundQuerySchema,
        response: { 200: ExchangeInboundSchema },
      },
    },
    async (request) => listInbound(request.ctx, request.query, config !== null),
  );
  r.post(
    '/inbound/:id/retry',
    {
      config: { action: EXCHANGE_ACTIONS.resend },
      schema: {
        tags,
        summary: 'Read an unreadable national dossier again at the next pickup (409 when it was received)',
        params: ExchangeInboundParamsSchema,
        response: { 200: ExchangeInboundRowSchema },
      },
    },
    async (request) => retryInbound(request.ctx, request.params.id),
  );
  r.get(
    '/reconciliations',
    {
      config: { action: EXCHANGE_ACTIONS.read },
      schema: {
        tags,
        summary: 'The daily reconciliations with the national portal (the last 31 days): dossiers checked, mismatches, changes sent again',
        response: { 200: ExchangeReconciliationsSchema },
      },
    },
    async (request) => listReconciliations(request.ctx),
  );
}
