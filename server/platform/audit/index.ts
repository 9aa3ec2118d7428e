import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ListAuditEventsQuerySchema, ListAuditEventsResponseSchema } from '../../../contracts/audit/audit.contracts';
import { definePolicy, hasRole } from '../access';
import type { ModuleManifest } from '../http/module';
import { listAuditEvents } from './audit';

export {
  recordAudit,
  verifyAuditChain,
  canonicalJson,
  GENESIS_HASH,
  sealAuditChain,
  AuditSealer,
  registerAuditSealer,
  unregisterAuditSealer,
  auditEntriesCommitted,
  flushAuditSeal,
  type AuditEntry,
  type ChainReport,
} from './audit';
export { auditEvents } from './audit.tables';

definePolicy('audit.events.list', (actor) => hasRole(actor, ['system-admin']));

/** The audit log's read API (writes happen only through withTransaction's scope.audit). */
export const auditModule: ModuleManifest = {
  key: 'audit',
  async routes(app: FastifyInstance) {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/events',
      {
        config: { action: 'audit.events.list' },
        schema: { tags: ['audit'], summary: 'Search the audit log', querystring: ListAuditEventsQuerySchema, response: { 200: ListAuditEventsResponseSchema } },
      },
      async (request) => {
        const q = request.query;
        const { items, total } = await listAuditEvents(request.ctx.db, {
          ...q,
          from: q.from ? new Date(q.from) : undefined,
          to: q.to ? new Date(q.to) : undefined,
        });
        return { items: items.map((e) => ({ ...e, occurredAt: e.occurredAt.toISOString() })), total };
      },
    );
  },
};
