import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
// Kernel rule: dialogues may hold foreign keys to identity's units and accounts. A feedback item belongs to the feedback
// module: held as its id and code, read through its public door (STYLE boundaries rule 3).
import { identityOrgUnits, identityUsers } from '../identity/identity.tables';
import {
  DIALOGUE_AUDIENCES,
  DIALOGUE_COMMITMENT_EVENT_KINDS,
  DIALOGUE_COMMITMENT_STATES,
  DIALOGUE_LEVELS,
  DIALOGUE_QUESTION_SOURCES,
  DIALOGUE_QUESTION_STATES,
  DIALOGUE_SESSION_STATES,
} from '../../../contracts/dialogues/dialogues.values';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
/** `('a','b')` from a value list of the contract, for the CHECK constraints (the column and the contract share one list). */
const inList = (values: readonly string[]) => sql.raw(`(${values.map((v) => `'${v}'`).join(',')})`);

type Of<T extends readonly string[]> = T[number];

/**
 * A dialogue session (đối thoại, domain README §9; Luật Thực hiện dân chủ ở cơ sở 2022 and NĐ 59/2023/NĐ-CP): its level,
 * the unit that organises it, the chair, when and where (a place, an online link or both), who it is for, its agenda
 * and minutes. `version` is the optimistic lock of every officer action on the session.
 */
export const dialogueSessions = pgTable(
  'dialogue_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    level: text('level').$type<Of<typeof DIALOGUE_LEVELS>>().notNull(),
    organisingUnitId: uuid('organising_unit_id')
      .notNull()
      .references(() => identityOrgUnits.id),
    title: text('title').notNull(),
    description: text('description'),
    chairName: text('chair_name').notNull(),
    chairPosition: text('chair_position').notNull(),
    startsAt: instant('starts_at').notNull(),
    place: text('place'),
    onlineUrl: text('online_url'),
    audience: text('audience').$type<Of<typeof DIALOGUE_AUDIENCES>>().notNull(),
    audienceSector: text('audience_sector'),
    state: text('state').$type<Of<typeof DIALOGUE_SESSION_STATES>>().notNull(),
    agenda: text('agenda'),
    minutes: text('minutes'),
    announcedAt: instant('announced_at'),
    /** When the minutes were first recorded (the session took place). */
    heldAt: instant('held_at'),
    closedAt: instant('closed_at'),
    cancelledAt: instant('cancelled_at'),
    cancelReason: text('cancel_reason'),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    index('dialogue_sessions_unit_idx').on(t.organisingUnitId, t.startsAt),
    // The public pages: sessions ever announced, by start.
    index('dialogue_sessions_public_idx')
      .on(t.startsAt, t.id)
      .where(sql`${t.announcedAt} is not null`),
    check('dialogue_sessions_level_ck', sql`${t.level} in ${inList(DIALOGUE_LEVELS)}`),
    check('dialogue_sessions_audience_ck', sql`${t.audience} in ${inList(DIALOGUE_AUDIENCES)}`),
    check('dialogue_sessions_state_ck', sql`${t.state} in ${inList(DIALOGUE_SESSION_STATES)}`),
    check('dialogue_sessions_where_ck', sql`${t.place} is not null or ${t.onlineUrl} is not null`),
    check('dialogue_sessions_sector_ck', sql`(${t.audience} = 'sector') = (${t.audienceSector} is not null)`),
    check('dialogue_sessions_announced_ck', sql`${t.state} = 'DRAFT' or ${t.announcedAt} is not null or ${t.state} = 'CANCELLED'`),
    check('dialogue_sessions_held_ck', sql`${t.state} not in ('HELD','CLOSED') or (${t.minutes} is not null and ${t.heldAt} is not null)`),
    check('dialogue_sessions_cancelled_ck', sql`(${t.state} = 'CANCELLED') = (${t.cancelReason} is not null and ${t.cancelledAt} is not null)`),
  ],
);

/**
 * A question of a session: sent by the public before the session (its asker's name and contact stored, shown to the
 * public as initials), pulled from a feedback item (its id and code kept), or recorded by an officer. `publicVisible`
 * is false for a feedback item whose sender did not agree to publication: organisers see it, the public does not.
 */
export const dialogueQuestions = pgTable(
  'dialogue_questions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => dialogueSessions.id),
    source: text('source').$type<Of<typeof DIALOGUE_QUESTION_SOURCES>>().notNull(),
    feedbackItemId: uuid('feedback_item_id'),
    feedbackCode: text('feedback_code'),
    askerName: text('asker_name').notNull(),
    askerDisplay: text('asker_display').notNull(),
    askerEmail: text('asker_email'),
    askerPhone: text('asker_phone'),
    /** What an officer noted as the asker's contact (a question from the floor, a letter). */
    askerContact: text('asker_contact'),
    askerAccountId: uuid('asker_account_id').references(() => identityUsers.id),
    text: text('text').notNull(),
    publicVisible: boolean('public_visible').notNull(),
    state: text('state').$type<Of<typeof DIALOGUE_QUESTION_STATES>>().notNull(),
    rejectReason: text('reject_reason'),
    decidedAt: instant('decided_at'),
    decidedBy: uuid('decided_by'),
    answer: text('answer'),
    answeredAt: instant('answered_at'),
    answeredBy: uuid('answered_by'),
    answeringUnitId: uuid('answering_unit_id').references(() => identityOrgUnits.id),
    submittedAt: instant('submitted_at').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    index('dialogue_questions_session_idx').on(t.sessionId, t.submittedAt),
    // A feedback item is pulled into a session once.
    uniqueIndex('dialogue_questions_feedback_uq')
      .on(t.sessionId, t.feedbackItemId)
      .where(sql`${t.feedbackItemId} is not null`),
    check('dialogue_questions_source_ck', sql`${t.source} in ${inList(DIALOGUE_QUESTION_SOURCES)}`),
    check('dialogue_questions_state_ck', sql`${t.state} in ${inList(DIALOGUE_QUESTION_STATES)}`),
    check('dialogue_questions_feedback_ck', sql`(${t.source} = 'feedback') = (${t.feedbackItemId} is not null and ${t.feedbackCode} is not null)`),
    check('dialogue_questions_answered_ck', sql`${t.state} <> 'ANSWERED' or (${t.answer} is not null and ${t.answeredAt} is not null)`),
    check('dialogue_questions_rejected_ck', sql`(${t.state} = 'REJECTED') = (${t.rejectReason} is not null)`),
  ],
);

/**
 * A commitment made in an answer: the owner unit, what it promises, and its due instant counted on the owner unit's
 * working-time calendar — `working_days` from `clock_started_at` (the answer), or the end of office hours of `due_on`.
 * Tracked to DONE with progress reports (dialogue_commitment_events); `completed_on_time` is §19.8's "not late".
 */
export const dialogueCommitments = pgTable(
  'dialogue_commitments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => dialogueSessions.id),
    questionId: uuid('question_id')
      .notNull()
      .references(() => dialogueQuestions.id),
    ownerUnitId: uuid('owner_unit_id')
      .notNull()
      .references(() => identityOrgUnits.id),
    /** Its place among the commitments of its answer (0 for the first), so they read in the order the answer gave them. */
    position: integer('position').notNull(),
    text: text('text').notNull(),
    clockStartedAt: instant('clock_started_at').notNull(),
    workingDays: integer('working_days'),
    /** Working minutes of `working_days` on the calendar in force when it was made (8 h a working day, §19.3). */
    durationMinutes: integer('duration_minutes'),
    dueOn: date('due_on', { mode: 'string' }),
    dueAt: instant('due_at').notNull(),
    state: text('state').$type<Of<typeof DIALOGUE_COMMITMENT_STATES>>().notNull(),
    progressPercent: integer('progress_percent').notNull().default(0),
    completedAt: instant('completed_at'),
    completedOnTime: boolean('completed_on_time'),
    cancelledAt: instant('cancelled_at'),
    cancelReason: text('cancel_reason'),
    /** The due instant the sweep last reminded of and escalated for (a due moved by a calendar change is reminded of again). */
    remindedForDueAt: instant('reminded_for_due_at'),
    escalatedForDueAt: instant('escalated_for_due_at'),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    index('dialogue_commitments_unit_idx').on(t.ownerUnitId, t.state, t.dueAt),
    index('dialogue_commitments_session_idx').on(t.sessionId),
    index('dialogue_commitments_question_idx').on(t.questionId),
    // The sweep and the overdue lists: open commitments by due instant.
    index('dialogue_commitments_open_due_idx')
      .on(t.dueAt, t.id)
      .where(sql`${t.state} = 'OPEN'`),
    check('dialogue_commitments_state_ck', sql`${t.state} in ${inList(DIALOGUE_COMMITMENT_STATES)}`),
    check('dialogue_commitments_due_ck', sql`(${t.workingDays} is null) <> (${t.dueOn} is null)`),
    check('dialogue_commitments_days_ck', sql`(${t.workingDays} is null) = (${t.durationMinutes} is null) and (${t.workingDays} is null or ${t.workingDays} > 0)`),
    check('dialogue_commitments_percent_ck', sql`${t.progressPercent} between 0 and 100`),
    check('dialogue_commitments_done_ck', sql`(${t.state} = 'DONE') = (${t.completedAt} is not null and ${t.completedOnTime} is not null)`),
    check('dialogue_commitments_cancelled_ck', sql`(${t.state} = 'CANCELLED') = (${t.cancelReason} is not null and ${t.cancelledAt} is not null)`),
  ],
);

type EventKind = Of<typeof DIALOGUE_COMMITMENT_EVENT_KINDS>;

/** A commitment's history: made, each progress report (percent and note, shown to the public), completion, the sweep's alerts. */
export const dialogueCommitmentEvents = pgTable(
  'dialogue_commitment_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    commitmentId: uuid('commitment_id')
      .notNull()
      .references(() => dialogueCommitments.id),
    at: instant('at').notNull(),
    kind: text('kind').$type<EventKind>().notNull(),
    percent: integer('percent'),
    /** The officer's note (progress, completion) or the reason (cancellation); public once written. */
    note: text('note'),
    /** Message parameters of `dialogues.history.<kind>` (due instants, officers told). */
    params: jsonb('params').$type<Record<string, string | number | boolean | null>>().notNull(),
    actorId: uuid('actor_id'),
    actorLabel: text('actor_label'),
  },
  (t) => [
    index('dialogue_commitment_events_idx').on(t.commitmentId, t.id),
    check('dialogue_commitment_events_kind_ck', sql`${t.kind} in ${inList(DIALOGUE_COMMITMENT_EVENT_KINDS)}`),
    check('dialogue_commitment_events_percent_ck', sql`${t.percent} is null or ${t.percent} between 0 and 100`),
  ],
);
