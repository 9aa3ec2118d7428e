import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * Transactional outbox: one row per message, inserted in the same transaction as the change it reports, then
 * delivered by the `notifications.deliver` job after commit. Queue times use the database clock (`now()`), the
 * one clock every app instance and pg-boss share.
 */
export const notificationsOutbox = pgTable(
  'notifications_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    channel: text('channel').notNull(),
    recipient: text('recipient').notNull(),
    templateKey: text('template_key').notNull(),
    params: jsonb('params')
      .$type<Record<string, unknown>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    locale: text('locale').notNull().default('vi'),
    /** pending → sending → sent | failed (retries go back to pending); skipped when there was nobody to send to. */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** What was (or would have been) sent, filled in by the delivery job. */
    renderedSubject: text('rendered_subject'),
    renderedBody: text('rendered_body'),
    /** Name of the transport that accepted it ('smtp', 'sms-gateway', 'zns', 'development', ...). */
    deliveredVia: text('delivered_via'),
    /** The provider's id for the accepted message (ZNS msg_id, the SMS gateway's id), for matching its reports. */
    providerMessageId: text('provider_message_id'),
    /** The record the message is about, for linking (same meaning as in audit_events). */
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    /** A second enqueue with the same key is ignored. */
    dedupeKey: text('dedupe_key'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true, mode: 'date' }),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }),
    /** When the sweep may consider the row's delivery job lost and queue it again; each handling moves it forward. */
    recheckAt: timestamp('recheck_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    check('notifications_outbox_channel_check', sql`${t.channel} in ('email', 'sms', 'zalo')`),
    check('notifications_outbox_status_check', sql`${t.status} in ('pending', 'sending', 'sent', 'failed', 'skipped')`),
    check('notifications_outbox_locale_check', sql`${t.locale} in ('vi', 'en')`),
    uniqueIndex('notifications_outbox_dedupe_idx').on(t.dedupeKey),
    // Only unfinished rows are swept; sent ones pile up and must not bloat the sweep's index.
    index('notifications_outbox_recheck_idx')
      .on(t.recheckAt)
      .where(sql`${t.status} in ('pending', 'sending')`),
    index('notifications_outbox_created_idx').on(t.createdAt),
    index('notifications_outbox_subject_idx').on(t.subjectType, t.subjectId),
  ],
);
