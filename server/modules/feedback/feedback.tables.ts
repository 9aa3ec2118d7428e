import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
// Kernel rule: feedback may hold foreign keys to identity's units and accounts and to catalog's procedure versions. A
// dossier belongs to the dossiers module: held as its code, checked through its public lookup (STYLE boundaries rule 3).
import { identityOrgUnits, identityUsers } from '../identity/identity.tables';
import { catalogProcedureVersions } from '../catalog/catalog.tables';
import {
  DEADLINE_RULES,
  FEEDBACK_CHANNELS,
  FEEDBACK_EVENT_KINDS,
  FEEDBACK_KINDS,
  FEEDBACK_RATINGS,
  FEEDBACK_STATES,
  OUT_OF_SCOPE_CATEGORIES,
  RATING_CHANNELS,
} from '../../../contracts/feedback/feedback.values';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
/** `('a','b')` from a value list of the contract, for the CHECK constraints (the column and the contract share one list). */
const inList = (values: readonly string[]) => sql.raw(`(${values.map((v) => `'${v}'`).join(',')})`);

type Of<T extends readonly string[]> = T[number];

/**
 * A feedback item (phản ánh, kiến nghị — PAKN, domain README §8; NĐ 20/2008/NĐ-CP amended by NĐ 48/2013/NĐ-CP). `code`
 * is "PAKN-<year>-<6 digits>" from a per-year counter. The item is routed to `assigned_unit_id`, the competent unit;
 * its answer is due at `due_at`, counted on the working-time calendar from `clock_started_at` (reception, or the
 * reopening) for `duration_minutes` of working time with the clock stopped while the sender is asked for more
 * (`feedback_pauses`). `published_*` are the masked copies the public reads (feedback.masking.ts), written at approval;
 * the public search reads only `published_search_text`, so nothing personal can be searched for. `version` is the
 * optimistic lock of every officer action.
 */
export const feedbackItems = pgTable(
  'feedback_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    channel: text('channel').$type<Of<typeof FEEDBACK_CHANNELS>>().notNull(),
    state: text('state').$type<Of<typeof FEEDBACK_STATES>>().notNull(),
    kind: text('kind').$type<Of<typeof FEEDBACK_KINDS>>(),
    title: text('title').notNull(),
    content: text('content').notNull(),
    /** The procedure it is about, as the catalogue had it in force at intake (code, name, field copied for lists). */
    procedureVersionId: uuid('procedure_version_id').references(() => catalogProcedureVersions.id),
    procedureCode: text('procedure_code'),
    procedureName: text('procedure_name'),
    procedureField: text('procedure_field'),
    /** A dossier it is about, by its code (checked to exist at intake through the dossiers module's public lookup). */
    dossierCode: text('dossier_code'),
    /** The portal account that filed it; null for an anonymous sender and for an item an officer entered. */
    accountId: uuid('account_id').references(() => identityUsers.id),
    senderName: text('sender_name').notNull(),
    senderEmail: text('sender_email'),
    senderPhone: text('sender_phone'),
    senderAddress: text('sender_address'),
    /** SHA-256 of the secret given to a sender without an account (reply, rate, read); the secret itself is never kept. */
    senderTokenHash: text('sender_token_hash'),
    /** The sender agreed that the answer is published, masked (the default at intake). */
    publishConsent: boolean('publish_consent').notNull(),
    /** The officer's unit that entered it (desk, letter, hotline, e-mail); null from the portal. */
    receivingUnitId: uuid('receiving_unit_id').references(() => identityOrgUnits.id),
    receivedBy: uuid('received_by'),
    assignedUnitId: uuid('assigned_unit_id')
      .notNull()
      .references(() => identityOrgUnits.id),
    receivedAt: instant('received_at').notNull(),
    clockStartedAt: instant('clock_started_at').notNull(),
    deadlineRule: text('deadline_rule').$type<Of<typeof DEADLINE_RULES>>().notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    deadlineReason: text('deadline_reason'),
    /** The due instant last computed; while paused, the one before the pause (a new one is computed at the reply). */
    dueAt: instant('due_at').notNull(),
    pausedAt: instant('paused_at'),
    draftAnswer: text('draft_answer'),
    draftedBy: uuid('drafted_by'),
    draftedAt: instant('drafted_at'),
    answer: text('answer'),
    answeredAt: instant('answered_at'),
    answeredBy: uuid('answered_by'),
    /** Approved after its due instant (§19.8: late when finish > due); null until answered. */
    answeredLate: boolean('answered_late'),
    outOfScopeCategory: text('out_of_scope_category').$type<Of<typeof OUT_OF_SCOPE_CATEGORIES>>(),
    closingReason: text('closing_reason'),
    closedAt: instant('closed_at'),
    mergedIntoId: uuid('merged_into_id').references((): AnyPgColumn => feedbackItems.id),
    /** How many times the sender reopened it after an unsatisfied rating (at most once). */
    reopenCount: integer('reopen_count').notNull().default(0),
    publishedAt: instant('published_at'),
    publishedTitle: text('published_title'),
    publishedContent: text('published_content'),
    publishedAnswer: text('published_answer'),
    publishedSenderName: text('published_sender_name'),
    publishedSearchText: text('published_search_text'),
    /** The officers' search key: code and title without diacritics. */
    searchText: text('search_text').notNull(),
    /** The due instant the sweep last reminded of and escalated for (a moved due is reminded of again). */
    remindedForDueAt: instant('reminded_for_due_at'),
    escalatedForDueAt: instant('escalated_for_due_at'),
    version: integer('version').notNull().default(1),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('feedback_items_code_uq').on(t.code),
    uniqueIndex('feedback_items_sender_token_uq').on(t.senderTokenHash),
    // The officers' queues: a unit's items by state, soonest due first.
    index('feedback_items_unit_idx').on(t.assignedUnitId, t.state, t.dueAt),
    // The sweep: items whose clock runs, by due instant.
    index('feedback_items_running_due_idx')
      .on(t.dueAt, t.id)
      .where(sql`${t.state} in ('NEW','IN_PROGRESS','AWAITING_APPROVAL')`),
    // The public pages: published items only, newest answer first.
    index('feedback_items_published_idx')
      .on(t.publishedAt, t.id)
      .where(sql`${t.publishedAt} is not null`),
    index('feedback_items_account_idx').on(t.accountId, t.receivedAt),
    check('feedback_items_channel_ck', sql`${t.channel} in ${inList(FEEDBACK_CHANNELS)}`),
    check('feedback_items_state_ck', sql`${t.state} in ${inList(FEEDBACK_STATES)}`),
    check('feedback_items_kind_ck', sql`${t.kind} is null or ${t.kind} in ${inList(FEEDBACK_KINDS)}`),
    check('feedback_items_rule_ck', sql`${t.deadlineRule} in ${inList(DEADLINE_RULES)}`),
    check('feedback_items_category_ck', sql`${t.outOfScopeCategory} is null or ${t.outOfScopeCategory} in ${inList(OUT_OF_SCOPE_CATEGORIES)}`),
    check('feedback_items_duration_ck', sql`${t.durationMinutes} > 0`),
    check('feedback_items_reopen_ck', sql`${t.reopenCount} between 0 and 1`),
    // Closed states carry what closed them; an answered one its answer; a paused one its pause.
    check('feedback_items_answered_ck', sql`${t.state} <> 'ANSWERED' or (${t.answer} is not null and ${t.answeredAt} is not null)`),
    check('feedback_items_out_of_scope_ck', sql`${t.state} <> 'OUT_OF_SCOPE' or (${t.outOfScopeCategory} is not null and ${t.closingReason} is not null)`),
    check('feedback_items_merged_ck', sql`${t.state} <> 'MERGED' or ${t.mergedIntoId} is not null`),
    check('feedback_items_paused_ck', sql`(${t.state} = 'INFO_REQUESTED') = (${t.pausedAt} is not null)`),
    check('feedback_items_published_ck', sql`${t.publishedAt} is null or (${t.publishConsent} and ${t.publishedAnswer} is not null)`),
  ],
);

type EventKind = Of<typeof FEEDBACK_EVENT_KINDS>;

/** The item's history: every state change (and the sweep's reminders and escalations), with who and the parameters. */
export const feedbackEvents = pgTable(
  'feedback_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => feedbackItems.id),
    at: instant('at').notNull(),
    kind: text('kind').$type<EventKind>().notNull(),
    /** Message parameters of `feedback.history.<kind>` (units, reasons, due instants…). */
    params: jsonb('params').$type<Record<string, string | number | boolean | null>>().notNull(),
    actorId: uuid('actor_id'),
    actorLabel: text('actor_label'),
  },
  (t) => [index('feedback_events_item_idx').on(t.itemId, t.id), check('feedback_events_kind_ck', sql`${t.kind} in ${inList(FEEDBACK_EVENT_KINDS)}`)],
);

/**
 * A stop of the clock while the sender is asked for more information (§19.6 pause-and-shift): open until the sender
 * replies; the working time inside it does not count towards the due instant.
 */
export const feedbackPauses = pgTable(
  'feedback_pauses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => feedbackItems.id),
    fromAt: instant('from_at').notNull(),
    toAt: instant('to_at'),
    question: text('question').notNull(),
    reply: text('reply'),
    askedBy: uuid('asked_by'),
  },
  (t) => [
    index('feedback_pauses_item_idx').on(t.itemId, t.fromAt),
    // At most one open pause per item.
    uniqueIndex('feedback_pauses_open_uq')
      .on(t.itemId)
      .where(sql`${t.toAt} is null`),
    check('feedback_pauses_order_ck', sql`${t.toAt} is null or ${t.toAt} >= ${t.fromAt}`),
  ],
);

/**
 * Who follows an item besides its sender: a portal account that chose to (instead of filing the same again), or the
 * sender of a duplicate merged into it (by their account, else their contacts). Told when it is answered.
 */
export const feedbackFollowers = pgTable(
  'feedback_followers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => feedbackItems.id),
    accountId: uuid('account_id').references(() => identityUsers.id),
    email: text('email'),
    phone: text('phone'),
    /** The duplicate whose sender this is (merge); null for an account that followed. */
    mergedFromId: uuid('merged_from_id').references(() => feedbackItems.id),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('feedback_followers_account_uq')
      .on(t.itemId, t.accountId)
      .where(sql`${t.accountId} is not null`),
    uniqueIndex('feedback_followers_merged_uq')
      .on(t.itemId, t.mergedFromId)
      .where(sql`${t.mergedFromId} is not null`),
    check('feedback_followers_who_ck', sql`${t.accountId} is not null or ${t.email} is not null or ${t.phone} is not null`),
  ],
);

/**
 * The sender's rating of an answer: once per answer (`round` 0 for the first answer, 1 after the one reopening); the
 * unique index is what makes "once" hold under races.
 */
export const feedbackRatings = pgTable(
  'feedback_ratings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => feedbackItems.id),
    round: integer('round').notNull(),
    rating: text('rating').$type<Of<typeof FEEDBACK_RATINGS>>().notNull(),
    comment: text('comment'),
    /** This rating reopened the item. */
    reopened: boolean('reopened').notNull(),
    channel: text('channel').$type<Of<typeof RATING_CHANNELS>>().notNull(),
    ratedAt: instant('rated_at').notNull(),
  },
  (t) => [
    uniqueIndex('feedback_ratings_round_uq').on(t.itemId, t.round),
    check('feedback_ratings_rating_ck', sql`${t.rating} in ${inList(FEEDBACK_RATINGS)}`),
    check('feedback_ratings_channel_ck', sql`${t.channel} in ${inList(RATING_CHANNELS)}`),
    check('feedback_ratings_reopened_ck', sql`not ${t.reopened} or ${t.rating} = 'unsatisfied'`),
  ],
);

/** One counter per year for the item codes; incremented in the intake transaction, never reused. */
export const feedbackCodeCounters = pgTable('feedback_code_counters', {
  year: integer('year').primaryKey(),
  n: integer('n').notNull(),
});
