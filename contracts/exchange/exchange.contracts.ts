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
