import { sql } from 'drizzle-orm';
import { bigint, bigserial, check, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * Every public status change of a dossier, to be pushed to the national portal (issue 13 item 4; domain README §15.1),
 * one row per dossier event (unique), sent in event order per dossier: a dossier whose oldest unsent row fails waits
 * (its later rows are not sent past it) with back-off, while other dossiers go on. `payload` is what is sent: the
 * dossier as it stood at the change (DongBoHoSoMC) and the progress entry (CapNhatTienDoHoSoMC).
 */
export const exchangeOutbox = pgTable(
  'exchange_outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    eventId: bigint('event_id', { mode: 'number' }).notNull(),
    dossierId: uuid('dossier_id').notNull(),
    dossierCode: text('dossier_code').notNull(),
    statusCode: smallint('status_code').notNull(),
    at: instant('at').notNull(),
    payload: jsonb('payload').$type<{ dossier: Record<string, unknown>; progress: Record<string, unknown> }>().notNull(),
    state: text('state').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: instant('next_attempt_at').notNull(),
    lastError: text('last_error'),
    sentAt: instant('sent_at'),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('exchange_outbox_event_uq').on(t.eventId),
    index('exchange_outbox_pending_idx')
      .on(t.nextAttemptAt, t.dossierId)
      .where(sql`${t.state} = 'pending'`),
    index('exchange_outbox_dossier_idx').on(t.dossierId, t.id),
    check('exchange_outbox_state_ck', sql`${t.state} in ('pending','sent')`),
  ],
);

/** How far the feed has read the dossiers' events (one row per feed). */
export const exchangeFeedState = pgTable('exchange_feed_state', {
  feed: text('feed').primaryKey(),
  lastEventId: bigint('last_event_id', { mode: 'number' }).notNull(),
  updatedAt: instant('updated_at').notNull(),
});
