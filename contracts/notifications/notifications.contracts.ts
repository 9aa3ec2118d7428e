import { z } from 'zod';
import { PageQuerySchema, pageOf } from '../common/common.contracts';

/** Channels a message can go through: e-mail, brand-name SMS, Zalo (ZNS template messages). */
export const NOTIFICATION_CHANNELS = ['email', 'sms', 'zalo'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** pending → sending → sent | failed (a failed try goes back to pending until the last one); skipped: nobody to send to. */
export const NOTIFICATION_STATUSES = ['pending', 'sending', 'sent', 'failed', 'skipped'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/**
 * Why a message was recorded as `skipped` (its `lastError`); other errors are the transport's own text.
 * `invalid-phone`: not a Vietnamese mobile number (SMS and Zalo); `zalo-template-not-configured`: no approved ZNS
 * template id is configured for the message's template.
 */
export const NOTIFICATION_SKIP_REASONS = ['no-recipient', 'invalid-email', 'invalid-phone', 'zalo-template-not-configured'] as const;
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
  /** Rendered e-mail subject (what was sent, or a preview rendered now); null for SMS and Zalo, or if the template cannot render. */
  subject: z.string().nullable(),
  /** The text as it was sent (an SMS as the gateway got it), or a preview rendered now. */
  body: z.string().nullable(),
  /** For Zalo: the ZNS template parameters the message carries (a preview rendered now); null for other channels. */
  zaloData: z.record(z.string(), z.string()).nullable(),
  /** Transport that accepted it ('smtp', 'sms-gateway', 'zns', 'development', ...); null until sent. */
  deliveredVia: z.string().nullable(),
  /** The provider's id for the accepted message (ZNS msg_id, the SMS gateway's id). */
  providerMessageId: z.string().nullable(),
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
export const NotificationChannelsResponseSchema = z.object({ email: ChannelInfoSchema, sms: ChannelInfoSchema, zalo: ChannelInfoSchema });
export type NotificationChannelsResponse = z.infer<typeof NotificationChannelsResponseSchema>;
