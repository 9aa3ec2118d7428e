import { z } from 'zod';
import { PageQuerySchema, pageOf } from '../common/common.contracts';

export const ListAuditEventsQuerySchema = PageQuerySchema.extend({
  actorId: z.uuid().optional(),
  action: z.string().max(100).optional(),
  subjectType: z.string().max(60).optional(),
  subjectId: z.string().max(100).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type ListAuditEventsQuery = z.infer<typeof ListAuditEventsQuerySchema>;

export const AuditEventSchema = z.object({
  id: z.number().int(),
  occurredAt: z.string(),
  actorId: z.string().nullable(),
  actorLabel: z.string(),
  action: z.string(),
  subjectType: z.string(),
  subjectId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  /** Position in the hash chain and the entry's hash; null for the moments between commit and sealing. */
  chainSeq: z.number().int().nullable(),
  hash: z.string().nullable(),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;
export const ListAuditEventsResponseSchema = pageOf(AuditEventSchema);
export type ListAuditEventsResponse = z.infer<typeof ListAuditEventsResponseSchema>;
