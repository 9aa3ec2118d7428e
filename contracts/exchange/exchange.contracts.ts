import { z } from 'zod';
import { PageQuerySchema, pageOf } from '../common/common.contracts';

// The national public-service portal exchange (issue 13 items 4–5): what was sent, what failed, what is waiting.

/** sent; waiting (queued, not yet tried or due again); failing (tried and refused or unreachable, waiting out its back-off). */
export const EXCHANGE_ROW_STATES = ['sent', 'waiting', 'failing'] as const;
export const ExchangeRowStateSchema = z.enum(EXCHANGE_ROW_STATES);

export const ExchangeOutboxQuerySchema = PageQuerySchema.extend({
  state: ExchangeRowStateSchema.optional(),
  dossier: z.string().trim().max(60).optional(),
});
export type ExchangeOutboxQuery = z.infer<typeof ExchangeOutboxQuerySchema>;

export const ExchangeRowSchema = z.object({
  id: z.number().int(),
  dossierId: z.uuid(),
  dossierCode: z.string(),
  statusCode: z.number().int(),
  at: z.string(),
  state: ExchangeRowStateSchema,
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
});
export type ExchangeRow = z.infer<typeof ExchangeRowSchema>;
export const ExchangeOutboxSchema = pageOf(ExchangeRowSchema).extend({
  enabled: z.boolean(),
  counts: z.object({ sent: z.number().int(), waiting: z.number().int(), failing: z.number().int() }),
});
export type ExchangeOutbox = z.infer<typeof ExchangeOutboxSchema>;

export const ExchangeRowParamsSchema = z.object({ id: z.coerce.number().int().min(1) });

/**
 * Dossiers picked up from the national portal: received (an application awaiting the desk, acknowledged to the portal
 * or waiting to be), unreadable (left on the portal with the reasons until an administrator retries it), failed (a
 * passing failure, retried at every pickup).
 */
export const EXCHANGE_INBOUND_STATES = ['received', 'unreadable', 'failed'] as const;
export const ExchangeInboundStateSchema = z.enum(EXCHANGE_INBOUND_STATES);

export const ExchangeInboundQuerySchema = PageQuerySchema.extend({
  state: ExchangeInboundStateSchema.optional(),
  /** A national dossier code (exact). */
  code: z.string().trim().max(60).optional(),
});
export type ExchangeInboundQuery = z.infer<typeof ExchangeInboundQuerySchema>;

export const ExchangeInboundRowSchema = z.object({
  id: z.uuid(),
  nationalCode: z.string(),
  deskCode: z.string(),
  state: ExchangeInboundStateSchema,
  /** What the province cannot take as it is, each with its message in the caller's language. */
  problems: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })),
  lastError: z.string().nullable(),
  attempts: z.number().int(),
  /** The application awaiting the desk, once received. */
  submissionId: z.uuid().nullable(),
  submissionReference: z.string().nullable(),
  applicantName: z.string().nullable(),
  procedureCode: z.string().nullable(),
  firstSeenAt: z.string(),
  updatedAt: z.string(),
  acknowledgedAt: z.string().nullable(),
});
export type ExchangeInboundRow = z.infer<typeof ExchangeInboundRowSchema>;
export const ExchangeInboundSchema = pageOf(ExchangeInboundRowSchema).extend({
  enabled: z.boolean(),
  counts: z.object({ received: z.number().int(), unreadable: z.number().int(), failed: z.number().int(), unacknowledged: z.number().int() }),
});
export type ExchangeInbound = z.infer<typeof ExchangeInboundSchema>;
export const ExchangeInboundParamsSchema = z.object({ id: z.uuid() });

/** The daily reconciliations with the portal, newest day first. */
export const ExchangeReconciliationSchema = z.object({
  /** The Vietnamese calendar day covered (yyyy-mm-dd): the changes delivered that day. */
  day: z.string(),
  state: z.enum(['running', 'done', 'failed']),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  dossiersChecked: z.number().int(),
  /** Dossiers whose record on the portal differed from what was delivered. */
  mismatches: z.number().int(),
  /** Changes queued to be sent again. */
  requeued: z.number().int(),
  inboundUnacknowledged: z.number().int(),
  inboundFailing: z.number().int(),
  findings: z.array(z.object({ code: z.string(), kind: z.enum(['missing', 'status', 'progress']), ours: z.string(), theirs: z.string() })),
  error: z.string().nullable(),
});
export type ExchangeReconciliation = z.infer<typeof ExchangeReconciliationSchema>;
export const ExchangeReconciliationsSchema = z.object({ items: z.array(ExchangeReconciliationSchema) });
export type ExchangeReconciliations = z.infer<typeof ExchangeReconciliationsSchema>;
