import { sql } from 'drizzle-orm';
import { bigint, bigserial, check, date, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

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
    /** Whose event: a dossier's (dossiers_events) or a national application's refused at the desk (submissions_events). */
    source: text('source').$type<'dossier' | 'submission'>().notNull().default('dossier'),
    eventId: bigint('event_id', { mode: 'number' }).notNull(),
    /** The dossier's id, or the application's for a refusal (no dossier was made): the unit of ordering either way. */
    dossierId: uuid('dossier_id').notNull(),
    dossierCode: text('dossier_code').notNull(),
    statusCode: smallint('status_code').notNull(),
    at: instant('at').notNull(),
    /** `update`: the portal has the dossier from the start (it was submitted there), so it is only ever updated. */
    payload: jsonb('payload').$type<{ dossier: Record<string, unknown>; progress: Record<string, unknown>; update?: boolean }>().notNull(),
    state: text('state').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: instant('next_attempt_at').notNull(),
    lastError: text('last_error'),
    sentAt: instant('sent_at'),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('exchange_outbox_source_event_uq').on(t.source, t.eventId),
    index('exchange_outbox_pending_idx')
      .on(t.nextAttemptAt, t.dossierId)
      .where(sql`${t.state} = 'pending'`),
    index('exchange_outbox_dossier_idx').on(t.dossierId, t.id),
    check('exchange_outbox_state_ck', sql`${t.state} in ('pending','sent')`),
    check('exchange_outbox_source_ck', sql`${t.source} in ('dossier','submission')`),
  ],
);

/** How far the feed has read the dossiers' events (one row per feed). */
export const exchangeFeedState = pgTable('exchange_feed_state', {
  feed: text('feed').primaryKey(),
  lastEventId: bigint('last_event_id', { mode: 'number' }).notNull(),
  updatedAt: instant('updated_at').notNull(),
});

/** Why a national dossier was not taken: an i18n key with its parameters (submissions' NationalProblem). */
export interface InboundProblem {
  path: string;
  code: string;
  params?: Record<string, string | number>;
}

/**
 * Every dossier the national portal handed out (LayDanhSachHoSoMoi), one row per national code, with what became of
 * it: `received` — an application awaiting the desk (`submission_id`), acknowledged to the portal once it answered
 * (`acknowledged_at`); `unreadable` — the province cannot take it as it is (`problems`), left on the portal,
 * unacknowledged, until an administrator retries it; `failed` — a passing failure (a file that would not download),
 * retried at every pickup (`last_error`). `payload` is the dossier exactly as received.
 */
export const exchangeInbound = pgTable(
  'exchange_inbound',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    nationalCode: text('national_code').notNull(),
    deskCode: text('desk_code').notNull(),
    state: text('state').$type<'received' | 'unreadable' | 'failed'>().notNull(),
    problems: jsonb('problems').$type<InboundProblem[]>(),
    lastError: text('last_error'),
    attempts: integer('attempts').notNull().default(0),
    submissionId: uuid('submission_id'),
    submissionReference: text('submission_reference'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    firstSeenAt: instant('first_seen_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
    acknowledgedAt: instant('acknowledged_at'),
  },
  (t) => [
    uniqueIndex('exchange_inbound_national_code_uq').on(t.nationalCode),
    index('exchange_inbound_state_idx').on(t.state, t.updatedAt),
    check('exchange_inbound_state_ck', sql`${t.state} in ('received','unreadable','failed')`),
    check('exchange_inbound_received_ck', sql`${t.state} <> 'received' or ${t.submissionId} is not null`),
  ],
);

/** One mismatch the daily reconciliation found (kept for the administrator; at most a few hundred per day). */
export interface ReconciliationFinding {
  code: string;
  /** missing: the portal does not know the dossier; status: its status differs; progress: entries it lacks. */
  kind: 'missing' | 'status' | 'progress';
  ours: string;
  theirs: string;
}

/**
 * The daily two-sided reconciliation of the exchange (issue 13 item 4), one row per Vietnamese calendar day it covers:
 * every dossier with a change delivered that day is looked up on the portal (TraCuuHoSo) and compared with what was
 * sent; what the portal lacks is queued again (`requeued`). The inbound side counts the national dossiers received but
 * not yet acknowledged, and those failing. The day's row makes the run once per day whatever the number of processes.
 */
export const exchangeReconciliations = pgTable(
  'exchange_reconciliations',
  {
    day: date('day', { mode: 'string' }).primaryKey(),
    state: text('state').$type<'running' | 'done' | 'failed'>().notNull(),
    startedAt: instant('started_at').notNull(),
    finishedAt: instant('finished_at'),
    dossiersChecked: integer('dossiers_checked').notNull().default(0),
    mismatches: integer('mismatches').notNull().default(0),
    requeued: integer('requeued').notNull().default(0),
    inboundUnacknowledged: integer('inbound_unacknowledged').notNull().default(0),
    inboundFailing: integer('inbound_failing').notNull().default(0),
    findings: jsonb('findings')
      .$type<ReconciliationFinding[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    error: text('error'),
  },
  (t) => [check('exchange_reconciliations_state_ck', sql`${t.state} in ('running','done','failed')`)],
);
