import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ListAuditEventsQuerySchema, ListAuditEventsResponseSchema } from '../../../contracts/audit/audit.contracts';
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
export { appendSealedAudit, canInsertSealed, linkAuditEntries, readAuditHead, type AuditHead, type AuditLinks, type BulkSealing, type DatedAuditEntry } from './audit.bulk';
export { auditEvents } from './audit.tables';

/** Reading the audit log; its policy is defined by the module that owns the roles (platform knows none). */
export const AUDIT_READ_ACTION = 'audit.events.list';

/** The audit log's read API (writes happen only through withTransaction's scope.audit). */
export const auditModule: ModuleManifest = {
  key: 'audit',
  async routes(app: FastifyInstance) {
    app.withTypeProvider<ZodTypeProvider>().get(
      '/events',
      {
        config: { action: AUDIT_READ_ACTION },
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
