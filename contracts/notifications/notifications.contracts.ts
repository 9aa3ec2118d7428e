import { z } from 'zod';
import { PageQuerySchema, pageOf } from '../common/common.contracts';

/** Channels a message can go through. */
export const NOTIFICATION_CHANNELS = ['email', 'sms'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** pending → sending → sent | failed (a failed try goes back to pending until the last one); skipped: nobody to send to. */
export const NOTIFICATION_STATUSES = ['pending', 'sending', 'sent', 'failed', 'skipped'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/** Why a message was recorded as `skipped` (its `lastError`); other errors are the transport's own text. */
export const NOTIFICATION_SKIP_REASONS = ['no-recipient', 'invalid-email', 'invalid-phone'] as const;
export type NotificationSkipReason = (typeof NOTIFICATION_SKIP_REASONS)[number];

export const ListOutboxQuerySchema = PageQuerySchema.extend({
  status: z.enum(NOTIFICATION_STATUSES).optional(),
  channel: z.enum(NOTIFICATION_CHANNELS).optional(),
  /** Matches recipient, template key, subject id or rendered subject (case-insensitive). */
  q: z.string().trim().max(200).optional(),
});
export type ListOutboxQuery = z.infer<typeof ListOutboxQuerySchema>;

export const OutboxMessageSchema = z.object({
  id: z.string(),
  channel: z.enum(NOTIFICATION_CHANNELS),
  recipient: z.string(),
  templateKey: z.string(),
  locale: z.enum(['vi', 'en']),
  status: z.enum(NOTIFICATION_STATUSES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  /** Rendered e-mail subject (what was sent, or a preview rendered now); null if the template cannot render. */
  subject: z.string().nullable(),
  body: z.string().nullable(),
  /** Transport that accepted it ('smtp', 'development', ...); null until sent. */
  deliveredVia: z.string().nullable(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  createdAt: z.string(),
  lastAttemptAt: z.string().nullable(),
  sentAt: z.string().nullable(),
});
export type OutboxMessage = z.infer<typeof OutboxMessageSchema>;
export const ListOutboxResponseSchema = pageOf(OutboxMessageSchema);
export type ListOutboxResponse = z.infer<typeof ListOutboxResponseSchema>;

const ChannelInfoSchema = z.object({
  /** Transport name, e.g. 'smtp' or 'development'. */
  transport: z.string(),
  /** False when messages never leave the system (development): they are only listed in the outbox. */
  live: z.boolean(),
});
export const NotificationChannelsResponseSchema = z.object({ email: ChannelInfoSchema, sms: ChannelInfoSchema });
export type NotificationChannelsResponse = z.infer<typeof NotificationChannelsResponseSchema>;
