import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ListOutboxQuerySchema, ListOutboxResponseSchema, NotificationChannelsResponseSchema } from '../../../contracts/notifications/notifications.contracts';
import { describeChannels, listOutbox } from './notifications.read';
import { OUTBOX_READ_ACTION } from './notifications.policy';

const tags = ['notifications'];
const READ = { action: OUTBOX_READ_ACTION } as const;

/** Routes under /api/v1/notifications: the outbox as administrators (and developers) see it. */
export async function notificationsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/outbox',
    { config: READ, schema: { tags, summary: 'Queued and sent messages, newest first', querystring: ListOutboxQuerySchema, response: { 200: ListOutboxResponseSchema } } },
    async (request) => listOutbox(request.ctx, request.query),
  );
  app.get(
    '/channels',
    { config: READ, schema: { tags, summary: 'Configured e-mail transport, SMS and Zalo channels', response: { 200: NotificationChannelsResponseSchema } } },
    async (request) => describeChannels(request.ctx),
  );
}
