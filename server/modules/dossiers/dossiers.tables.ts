import { sql, type SQL } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
// Kernel rule: dossiers may hold foreign keys to identity's org units and catalog's procedure versions.
import { identityOrgUnits } from '../identity/identity.tables';
import { catalogProcedureVersions } from '../catalog/catalog.tables';
import { platformFiles } from '../../platform/files/files.tables';
import type { Channel, DurationUnit, WorkflowRole } from '../../../contracts/catalog/catalog.contracts';
import type { NotificationChannel } from '../../../contracts/notifications/notifications.contracts';
import type {
  APPLICANT_KINDS,
  CLASSIFICATIONS,
  DOSSIER_STATES,
  DURATION_SOURCES,
  FEE_PAYMENT_METHODS,
  HOP_KINDS,
  INTAKE_DECISION_KINDS,
  PAUSE_REASONS,
  RESULT_DELIVERIES,
} from '../../../contracts/dossiers/dossiers.values';

// Enum-like text columns carry the contracts' value lists as their TypeScript type (the CHECK constraints below keep
// the database in step), so rows need no casts.
type DossierState = (typeof DOSSIER_STATES)[number];
type Classification = (typeof CLASSIFICATIONS)[number];

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** The appointment in force: the apology's new date when one was issued, else the promise (§19.7). */
export const EFFECTIVE_DUE_SQL = sql`coalesce(extended_due_at, due_at)`;
/** Work not yet ended (the inverse of TERMINAL_STATES), as the partial queue indexes state it. */
export const ACTIVE_SQL = sql`state not in ('WITHDRAWN', 'STOPPED', 'RETURNED')`;
/** The search text's words (split at spaces and dashes, so a code's parts are words too) as a tsvector. */
export const SEARCH_VECTOR_SQL = sql`array_to_tsvector(array_remove(regexp_split_to_array(search_text, '[[:space:]-]+'), ''))`;
/** The search text with its separators as spaces and a space at each end, for the walk's LIKE tests (D21). */
export const SEARCH_TEXT_SPACED_SQL = sql`(' ' || translate(search_text, '-', ' ') || ' ')`;

/** One document handed in at the desk: counts of originals (bản chính), certified copies (bản sao chứng thực) and copies. */
export interface ChecklistItem {
  name: string;
  originals: number;
  /** Absent on rows written before certified copies were counted apart (read as 0). */
  certifiedCopies?: number;
  copies: number;
  /** Only shown for checking and given back (giấy tờ phải xuất trình); absent on rows stored before issue 9. */
  presented?: boolean;
  /** The case the document was asked for, from the catalog's conditional group. */
  condition?: string | null;
}

/** The person who hands the dossier in on the applicant's behalf (Mẫu 01 "trường hợp ủy quyền", §4.2). */
export interface SubmitterInfo {
  name: string;
  idNumber: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  /** The authorisation paper, e.g. "Giấy ủy quyền số 12/GUQ ngày 20/11/2026". */
  authorisationDocument: string | null;
}

/** A workflow step copied from the catalog template at intake, with its unit placeholder resolved. */
export interface ResolvedStep {
  name: string;
  unitId: string;
  role: WorkflowRole;
  budgetMinutes: number | null;
  interAgency: boolean;
}

/** File metadata attached to a hand-over (the file itself lives in file storage). */
export interface AttachmentMeta {
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  storageKey: string | null;
}

/**
 * A received dossier (hồ sơ). `state` is the internal state, `status_code` the national code 1–10 (§3.2);
 * `due_at` is the promise made at reception (shifted only by pauses and calendar changes), `extended_due_at` the
 * single apology's new date (§19.7). `version` is the optimistic-lock counter of every status change.
 */
type QueueUnitColumns = { holderUnitId: AnyPgColumn; handlingUnitId: AnyPgColumn; receivingUnitId: AnyPgColumn; code: AnyPgColumn };

/** A queue's partial indexes in its (effective due, code) order: province-wide and by each unit column (D18). */
function queueSubsetIndexes(t: QueueUnitColumns, name: string, where: SQL) {
  return [
    index(`dossiers_q_${name}_idx`).on(EFFECTIVE_DUE_SQL, t.code).where(where),
    index(`dossiers_q_${name}_holder_idx`).on(t.holderUnitId, EFFECTIVE_DUE_SQL, t.code).where(where),
    index(`dossiers_q_${name}_handling_idx`).on(t.handlingUnitId, EFFECTIVE_DUE_SQL, t.code).where(where),
    index(`dossiers_q_${name}_receiving_idx`).on(t.receivingUnitId, EFFECTIVE_DUE_SQL, t.code).where(where),
  ];
}

export const dossiers = pgTable(
  'dossiers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    procedureVersionId: uuid('procedure_version_id')
      .notNull()
      .references(() => catalogProcedureVersions.id),
    /** Snapshots of the procedure's code and name at reception (the public lookup reads them without a join). */
    procedureCode: text('procedure_code').notNull(),
    procedureName: text('procedure_name').notNull(),
    receivingUnitId: uuid('receiving_unit_id')
      .notNull()
      .references(() => identityOrgUnits.id),
    handlingUnitId: uuid('handling_unit_id')
      .notNull()
      .references(() => identityOrgUnits.id),
    channel: text('channel').$type<Channel>().notNull(),
    resultDelivery: text('result_delivery').$type<(typeof RESULT_DELIVERIES)[number]>().notNull(),
    applicantKind: text('applicant_kind').$type<(typeof APPLICANT_KINDS)[number]>().notNull(),
    applicantName: text('applicant_name').notNull(),
    applicantIdNumber: text('applicant_id_number').notNull(),
    applicantPhone: text('applicant_phone'),
    applicantEmail: text('applicant_email'),
    applicantAddress: text('applicant_address'),
    /** The channels the applicant chose to be told on; null: every channel their contacts reach. */
    // jsonb rather than text[]: the bulk loaders (platform/db/bulk-insert) move arrays of rows, not arrays of arrays.
    applicantNotifyChannels: jsonb('applicant_notify_channels').$type<NotificationChannel[]>(),
    /** Null when the applicant submitted in person. */
    submitter: jsonb('submitter').$type<SubmitterInfo>(),
    checklist: jsonb('checklist').$type<ChecklistItem[]>().notNull(),
    feeVnd: integer('fee_vnd').notNull().default(0),
    state: text('state').$type<DossierState>().notNull(),
    statusCode: smallint('status_code').notNull(),
    workflow: jsonb('workflow').$type<ResolvedStep[]>().notNull(),
    currentStep: integer('current_step').notNull(),
    holderUnitId: uuid('holder_unit_id')
      .notNull()
      .references(() => identityOrgUnits.id),
    holderRole: text('holder_role').$type<WorkflowRole>().notNull(),
    /** The state to go back to when a pause or transfer ends. */
    resumeState: text('resume_state').$type<DossierState>(),
    durationAmount: numeric('duration_amount', { mode: 'number' }).notNull(),
    durationUnit: text('duration_unit').$type<DurationUnit>().notNull(),
    durationSource: text('duration_source').$type<(typeof DURATION_SOURCES)[number]>().notNull(),
    /** The unit whose office hours the deadline uses (its own if it has them, else the province's). */
    calendarUnitCode: text('calendar_unit_code'),
    receivedAt: instant('received_at').notNull(),
    dueAt: instant('due_at').notNull(),
    extendedDueAt: instant('extended_due_at'),
    finishedAt: instant('finished_at'),
    returnedAt: instant('returned_at'),
    closedAt: instant('closed_at'),
    returnMethod: text('return_method'),
    returnedTo: text('returned_to'),
    classification: text('classification').$type<Classification>(),
    withinExtension: boolean('within_extension').notNull().default(false),
    lateUnitId: uuid('late_unit_id').references(() => identityOrgUnits.id),
    /** Working minutes from reception to the result without pauses, and those the duration allows (dossiers.deadlines workingTimeUsed). */
    usedWorkingMinutes: integer('used_working_minutes'),
    allowedWorkingMinutes: integer('allowed_working_minutes'),
    atRisk: boolean('at_risk').notNull().default(false),
    atRiskCheckedAt: instant('at_risk_checked_at'),
    /** Legal rule set in force at reception (§16.1), e.g. `nd118-2025`; and how pauses count (§19.6). */
    ruleVersion: text('rule_version').notNull(),
    pauseRule: text('pause_rule').notNull(),
    /** Tracking-book entry (Sổ theo dõi hồ sơ): book number (the year) and its running number. */
    bookNumber: text('book_number').notNull(),
    bookSeq: integer('book_seq').notNull(),
    receivedBy: uuid('received_by'),
    /** Lower-case, accent-free code, applicant name and ID number for the queue search. */
    searchText: text('search_text').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
    /**
     * Read model of the public lookup (dossiers.public-view.ts): the rendered JSON without the code and the holder's
     * name, and the fingerprint of the renderer and wording it was made with. A trigger clears it when a write changes
     * the dossier without writing a fresh one; a cleared or outdated view is rendered on the fly.
     */
    publicView: text('public_view'),
    publicViewRev: text('public_view_rev'),
    /**
     * How the fee was paid (tiền mặt, chuyển khoản, trực tuyến), printed on Mẫu 01; null when no fee was taken or for
     * dossiers received before it was recorded (read as "not recorded").
     */
    feePaymentMethod: text('fee_payment_method').$type<(typeof FEE_PAYMENT_METHODS)[number]>(),
  },
  (t) => [
    uniqueIndex('dossiers_code_uq').on(t.code),
    // The queues (D18): every queue is read in (effective due, code) order, per unit of the reader's scope, from an
    // index in that order — the whole history for "all", the open work (a partial index) for the others; "mine" also
    // by the holder's role. Province-wide readers walk the unit-less ones. The history's indexes also carry what a
    // search walking them tests and returns (D21: due_at, extended_due_at, search_text after the code, which is unique
    // and so ends the order), so that walk reads no row; Drizzle has no INCLUDE, hence trailing key columns.
    index('dossiers_q_all_idx').on(EFFECTIVE_DUE_SQL, t.code, t.dueAt, t.extendedDueAt, t.searchText),
    index('dossiers_q_all_holder_idx').on(t.holderUnitId, EFFECTIVE_DUE_SQL, t.code, t.dueAt, t.extendedDueAt, t.searchText),
    index('dossiers_q_all_handling_idx').on(t.handlingUnitId, EFFECTIVE_DUE_SQL, t.code, t.dueAt, t.extendedDueAt, t.searchText),
    index('dossiers_q_all_receiving_idx').on(t.receivingUnitId, EFFECTIVE_DUE_SQL, t.code, t.dueAt, t.extendedDueAt, t.searchText),
    index('dossiers_q_active_idx').on(EFFECTIVE_DUE_SQL, t.code).where(ACTIVE_SQL),
    index('dossiers_q_active_holder_idx').on(t.holderUnitId, EFFECTIVE_DUE_SQL, t.code).where(ACTIVE_SQL),
    index('dossiers_q_active_handling_idx').on(t.handlingUnitId, EFFECTIVE_DUE_SQL, t.code).where(ACTIVE_SQL),
    index('dossiers_q_active_receiving_idx').on(t.receivingUnitId, EFFECTIVE_DUE_SQL, t.code).where(ACTIVE_SQL),
    index('dossiers_q_mine_idx').on(t.holderUnitId, t.holderRole, EFFECTIVE_DUE_SQL, t.code).where(ACTIVE_SQL),
    // The queues that hold only part of the open work (overdue and due soon: running; paused; at risk) walk their own
    // partial indexes: walking the open-work ones would first step over every result never collected (DONE) and every
    // other kind of open dossier due earlier, which grows with the history. Literal lists, as for the sweeps below.
    ...queueSubsetIndexes(t, 'running', sql`${t.state} in ('RECEIVED','PROCESSING','AWAITING_APPROVAL')`),
    ...queueSubsetIndexes(t, 'paused', sql`${t.state} in ('INTEROPERATING','SUPPLEMENT_REQUESTED','AWAITING_PAYMENT')`),
    ...queueSubsetIndexes(t, 'risk', sql`${t.atRisk} and ${t.state} in ('RECEIVED','PROCESSING','AWAITING_APPROVAL','INTEROPERATING','SUPPLEMENT_REQUESTED','AWAITING_PAYMENT')`),
    // The queue search: the words of search_text as lexemes (no dictionary: the text is already accent-free).
    index('dossiers_search_idx').using('gin', SEARCH_VECTOR_SQL),
    // Searches of the open-work queues: their matches among open work only, however long the history (D21).
    index('dossiers_search_active_idx').using('gin', SEARCH_VECTOR_SQL).where(ACTIVE_SQL),
    // Mẫu 07 (use-cases/render-tracking-book.ts): one desk's period, then a volume's entries in book order.
    index('dossiers_receiving_received_idx').on(t.receivingUnitId, t.receivedAt),
    index('dossiers_book_idx').on(t.receivingUnitId, t.bookNumber, t.bookSeq, t.id),
    // The portal's "my dossiers" (modules/portal): an account's desk dossiers by its verified ID number, most recent
    // first, read by keyset (received_at, id) backwards from this index — a few entries per page at any table size.
    index('dossiers_applicant_id_idx').on(t.applicantIdNumber, t.receivedAt, t.id),
    check('dossiers_channel_ck', sql`${t.channel} in ('direct','online','post')`),
    check('dossiers_result_delivery_ck', sql`${t.resultDelivery} in ('desk','post','online')`),
    check('dossiers_applicant_kind_ck', sql`${t.applicantKind} in ('person','organisation')`),
    check('dossiers_applicant_notify_channels_ck', sql`jsonb_typeof(${t.applicantNotifyChannels}) = 'array' and ${t.applicantNotifyChannels} <@ '["email","sms","zalo"]'::jsonb`),
    check('dossiers_status_code_ck', sql`${t.statusCode} between 1 and 10`),
    check(
      'dossiers_state_ck',
      sql`${t.state} in ('RECEIVED','PROCESSING','AWAITING_APPROVAL','INTEROPERATING','SUPPLEMENT_REQUESTED','AWAITING_PAYMENT','WITHDRAWN','STOPPED','DONE','RETURNED')`,
    ),
    check('dossiers_duration_unit_ck', sql`${t.durationUnit} in ('working-days','working-hours','calendar-days')`),
    check('dossiers_duration_source_ck', sql`${t.durationSource} in ('catalog','officer')`),
    check('dossiers_classification_ck', sql`${t.classification} is null or ${t.classification} in ('early','on-time','late')`),
    check('dossiers_fee_ck', sql`${t.feeVnd} >= 0`),
    // Sweeps (issue 10 item 4): each reads only the rows that need work, whatever the size of the finished history.
    // The state lists are written out because a partial index serves only a query whose own literal list implies it
    // (maintain-deadlines.ts writes the same lists from dossiers.workflow.ts; dossiers.sweeps.test.ts checks both).
    // The at-risk sweep: running dossiers, least recently checked first.
    index('dossiers_running_risk_check_idx')
      .on(t.atRiskCheckedAt.asc().nullsFirst(), t.id)
      .where(sql`${t.state} in ('RECEIVED','PROCESSING','AWAITING_APPROVAL')`),
    // The deadline recompute after a calendar change: open dossiers by due (province-wide, or one unit's calendar).
    index('dossiers_open_due_id_idx')
      .on(t.dueAt, t.id)
      .where(sql`${t.state} in ('RECEIVED','PROCESSING','AWAITING_APPROVAL','INTEROPERATING','SUPPLEMENT_REQUESTED','AWAITING_PAYMENT')`),
    index('dossiers_open_calendar_due_idx')
      .on(t.calendarUnitCode, t.dueAt, t.id)
      .where(sql`${t.state} in ('RECEIVED','PROCESSING','AWAITING_APPROVAL','INTEROPERATING','SUPPLEMENT_REQUESTED','AWAITING_PAYMENT')`),
    // Indicators (issue 12, dossiers.stats.tables.ts): a bucket's recompute reads one handling unit's day by each instant
    // it counts; the open work received in a period is counted from its own partial index, without reading rows.
    index('dossiers_handling_received_idx').on(t.handlingUnitId, t.receivedAt),
    index('dossiers_handling_finished_idx')
      .on(t.handlingUnitId, t.finishedAt)
      .where(sql`${t.finishedAt} is not null`),
    index('dossiers_handling_closed_idx')
      .on(t.handlingUnitId, t.closedAt)
      .where(sql`${t.state} in ('WITHDRAWN','STOPPED')`),
    index('dossiers_open_handling_received_idx')
      .on(t.handlingUnitId, t.receivedAt, t.state, t.dueAt, t.extendedDueAt)
      .where(sql`${t.state} in ('RECEIVED','PROCESSING','AWAITING_APPROVAL','INTEROPERATING','SUPPLEMENT_REQUESTED','AWAITING_PAYMENT')`),
    // The late dossiers a unit held when their hop ran late (inter-agency attribution), by the day they finished.
    index('dossiers_late_unit_finished_idx')
      .on(t.lateUnitId, t.finishedAt)
      .where(sql`${t.lateUnitId} is not null`),
    // Lookup views to store again when a year is published: every dossier by its last appointment.
    index('dossiers_last_due_idx').on(sql`greatest(${t.dueAt}, ${t.extendedDueAt})`, t.id),
    // The public-view refresher: views missing or made with other wording. Nearly every row holds the current
    // revision, so the btree deduplicates it to a few bytes per row.
    index('dossiers_public_view_rev_idx').on(t.publicViewRev),
  ],
);

/**
 * Every hop of a dossier (the rows of the control slip, Phiếu kiểm soát — Mẫu 06): a template step at a unit, an
 * inter-agency transfer, or a supplement wait at the desk. `due_at` is the hop's budget counted on the calendar with
 * the dossier's pauses; `classification` compares `finished_at` with it.
 */
export const dossierSteps = pgTable(
  'dossiers_steps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    seq: integer('seq').notNull(),
    kind: text('kind').$type<(typeof HOP_KINDS)[number]>().notNull(),
    stepIndex: integer('step_index'),
    name: text('name').notNull(),
    fromUnitId: uuid('from_unit_id').references(() => identityOrgUnits.id),
    toUnitId: uuid('to_unit_id')
      .notNull()
      .references(() => identityOrgUnits.id),
    role: text('role').$type<WorkflowRole>().notNull(),
    startedAt: instant('started_at').notNull(),
    budgetMinutes: integer('budget_minutes'),
    dueAt: instant('due_at'),
    finishedAt: instant('finished_at'),
    classification: text('classification').$type<Classification>(),
    handedBy: text('handed_by'),
    note: text('note'),
    attachments: jsonb('attachments')
      .$type<AttachmentMeta[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
  },
  (t) => [
    uniqueIndex('dossiers_steps_seq_uq').on(t.dossierId, t.seq),
    index('dossiers_steps_open_idx')
      .on(t.toUnitId)
      .where(sql`${t.finishedAt} is null`),
    check('dossiers_steps_kind_ck', sql`${t.kind} in ('step','transfer','supplement')`),
    check('dossiers_steps_classification_ck', sql`${t.classification} is null or ${t.classification} in ('early','on-time','late')`),
  ],
);

/** Intervals during which the dossier's clock is stopped (§5.4, §19.6); `to_at` null = still paused. */
export const dossierPauses = pgTable(
  'dossiers_pauses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    reason: text('reason').$type<(typeof PAUSE_REASONS)[number]>().notNull(),
    fromAt: instant('from_at').notNull(),
    toAt: instant('to_at'),
    note: text('note'),
    /** Supplement: the items asked for (Mẫu 02 during handling). */
    items: jsonb('items')
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    amountVnd: integer('amount_vnd'),
  },
  (t) => [
    index('dossiers_pauses_dossier_idx').on(t.dossierId),
    // The indicators count supplement requests by the day they were made (dossiers.stats.tables.ts).
    index('dossiers_pauses_supplement_from_idx')
      .on(t.fromAt)
      .where(sql`${t.reason} = 'supplement'`),
    uniqueIndex('dossiers_pauses_one_open_uq')
      .on(t.dossierId)
      .where(sql`${t.toAt} is null`),
    check('dossiers_pauses_reason_ck', sql`${t.reason} in ('supplement','financial-obligation','inter-agency')`),
  ],
);

/** The dossier's timeline; `public` entries are shown by the public lookup. Text is rendered from `kind` + `params`. */
export const dossierEvents = pgTable(
  'dossiers_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    at: instant('at').notNull(),
    kind: text('kind').notNull(),
    public: boolean('public').notNull(),
    statusCode: smallint('status_code').notNull(),
    params: jsonb('params')
      .$type<Record<string, string | number | null>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    note: text('note'),
    actorId: uuid('actor_id'),
    actorLabel: text('actor_label'),
  },
  (t) => [index('dossiers_events_dossier_idx').on(t.dossierId, t.id)],
);

/**
 * Files the applicant sent online for a supplement request during handling (issue 11 item 4; NĐ 45/2020/NĐ-CP: an
 * electronic dossier is made of e-documents and scans). The content lives in platform file storage (D23); name, size,
 * type and SHA-256 are kept here so the desk and the handling officers see exactly what was sent. `item_index` is the
 * position of the asked-for paper in the pause's `items` (null: sent without naming one). A file becomes part of the
 * dossier when the applicant resubmits (`submitted_at`); until then the applicant may remove it.
 */
export const dossierSupplementFiles = pgTable(
  'dossiers_supplement_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    pauseId: uuid('pause_id')
      .notNull()
      .references(() => dossierPauses.id),
    itemIndex: integer('item_index'),
    fileId: uuid('file_id')
      .notNull()
      .references(() => platformFiles.id),
    fileName: text('file_name').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    mediaType: text('media_type').notNull(),
    sha256: text('sha256').notNull(),
    uploadedAt: instant('uploaded_at').notNull(),
    uploadedBy: uuid('uploaded_by'),
    submittedAt: instant('submitted_at'),
  },
  (t) => [
    index('dossiers_supplement_files_dossier_idx').on(t.dossierId, t.pauseId, t.uploadedAt),
    uniqueIndex('dossiers_supplement_files_file_uq').on(t.fileId),
    check('dossiers_supplement_files_size_ck', sql`${t.sizeBytes} >= 0`),
  ],
);

/**
 * Intake decisions that do not create a dossier: guided to supplement (Mẫu 02) or refused (Mẫu 03). They carry a
 * slip reference number, never a dossier code (a code is issued only on reception, §3.1 step 2a).
 */
export const dossierIntakeDecisions = pgTable(
  'dossiers_intake_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').$type<(typeof INTAKE_DECISION_KINDS)[number]>().notNull(),
    referenceNumber: text('reference_number').notNull(),
    procedureVersionId: uuid('procedure_version_id')
      .notNull()
      .references(() => catalogProcedureVersions.id),
    procedureCode: text('procedure_code').notNull(),
    procedureName: text('procedure_name').notNull(),
    receivingUnitId: uuid('receiving_unit_id')
      .notNull()
      .references(() => identityOrgUnits.id),
    handlingUnitId: uuid('handling_unit_id').references(() => identityOrgUnits.id),
    channel: text('channel').$type<Channel>().notNull(),
    applicant: jsonb('applicant').$type<Record<string, string | null>>().notNull(),
    checklist: jsonb('checklist').$type<ChecklistItem[]>().notNull(),
    missingItems: jsonb('missing_items').$type<string[]>().notNull(),
    reasons: text('reasons').notNull(),
    note: text('note'),
    decidedAt: instant('decided_at').notNull(),
    decidedBy: uuid('decided_by'),
    decidedByLabel: text('decided_by_label').notNull(),
  },
  (t) => [
    uniqueIndex('dossiers_intake_decisions_ref_uq').on(t.receivingUnitId, t.kind, t.referenceNumber),
    index('dossiers_intake_decisions_unit_idx').on(t.receivingUnitId, t.decidedAt),
    check('dossiers_intake_decisions_kind_ck', sql`${t.kind} in ('guide','refuse')`),
  ],
);

/** The apology and extension letter (Mẫu 04): at most one per dossier (§3.1 step 6, §19.7). */
export const dossierApologies = pgTable(
  'dossiers_apologies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id')
      .notNull()
      .references(() => dossiers.id),
    referenceNumber: text('reference_number').notNull(),
    issuedAt: instant('issued_at').notNull(),
    issuedBy: uuid('issued_by'),
    issuedByLabel: text('issued_by_label').notNull(),
    reason: text('reason').notNull(),
    originalDueAt: instant('original_due_at').notNull(),
    newDueAt: instant('new_due_at').notNull(),
  },
  // The indicators count apologies by the day they were issued (dossiers.stats.tables.ts).
  (t) => [uniqueIndex('dossiers_apologies_dossier_uq').on(t.dossierId), index('dossiers_apologies_issued_idx').on(t.issuedAt)],
);

/** Daily dossier-code sequence per handling agency (§5.1, §19.11): allocated atomically, never reused. */
export const dossierCodeCounters = pgTable(
  'dossiers_code_counters',
  {
    agencyCode: text('agency_code').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agencyCode, t.day] })],
);

/** Yearly running numbers per unit for slips and books: `book` (Sổ theo dõi), `PBS` (Mẫu 02), `PTC` (Mẫu 03), `PXL` (Mẫu 04). */
export const dossierSlipCounters = pgTable(
  'dossiers_slip_counters',
  {
    unitId: uuid('unit_id').notNull(),
    kind: text('kind').notNull(),
    year: integer('year').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.kind, t.year] })],
);

/** Forms that carry a number (Mẫu 01–07, §4.2), as stored in `dossiers_slip_issuances.form`. */
export const SLIP_FORMS = ['receipt', 'supplementRequest', 'refusal', 'apology', 'stopNotice', 'controlSlip', 'trackingBook'] as const;

/**
 * One numbered slip (D14): the number allocated from the issuer's yearly counter of that form the first time the slip
 * was issued, and the whole reference as printed ("03/PKS-TTPVHCC"), so every reprint and every screen shows the same
 * one. `subject` names what the slip is about (a dossier, a supplement pause, an intake decision, a book volume).
 */
export const dossierSlipIssuances = pgTable(
  'dossiers_slip_issuances',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    form: text('form').$type<(typeof SLIP_FORMS)[number]>().notNull(),
    subject: text('subject').notNull(),
    dossierId: uuid('dossier_id').references(() => dossiers.id),
    issuerUnitId: uuid('issuer_unit_id')
      .notNull()
      .references(() => identityOrgUnits.id),
    year: integer('year').notNull(),
    number: integer('number').notNull(),
    reference: text('reference').notNull(),
    issuedAt: instant('issued_at').notNull(),
  },
  (t) => [
    uniqueIndex('dossiers_slip_issuances_subject_uq').on(t.form, t.subject),
    uniqueIndex('dossiers_slip_issuances_number_uq').on(t.issuerUnitId, t.form, t.year, t.number),
    index('dossiers_slip_issuances_dossier_idx').on(t.dossierId),
    check('dossiers_slip_issuances_form_ck', sql`${t.form} in ('receipt','supplementRequest','refusal','apology','stopNotice','controlSlip','trackingBook')`),
  ],
);
