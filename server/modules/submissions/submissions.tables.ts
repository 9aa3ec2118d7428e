import { sql } from 'drizzle-orm';
import { bigint, bigserial, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
// Kernel rule: submissions may hold foreign keys to identity's accounts and units and to catalog's procedure versions.
// The dossier and the desk's intake decision belong to the dossiers module: held as ids (STYLE boundaries rule 3).
import { identityOrgUnits, identityUsers } from '../identity/identity.tables';
import { catalogProcedureVersions } from '../catalog/catalog.tables';
import { platformFiles } from '../../platform/files/files.tables';
import type { RESULT_DELIVERIES } from '../../../contracts/dossiers/dossiers.values';
import type { SUBMISSION_EVENT_KINDS, SUBMISSION_STATES } from '../../../contracts/submissions/submissions.values';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

type SubmissionState = (typeof SUBMISSION_STATES)[number];

/** The applicant as a draft holds it (the dossiers ApplicantSchema's fields, each possibly still empty). */
export interface ApplicantDraftRow {
  kind: 'person' | 'organisation' | null;
  name: string | null;
  idNumber: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
}

/** One answer of the e-form as typed (checked against the version's e-form when submitting). */
export type AnswerValue = string | number | boolean | string[];

/**
 * An online submission (nộp hồ sơ trực tuyến, §3.1 step 0; NĐ 45/2020/NĐ-CP on TTHC in the electronic environment):
 * a citizen's or business's draft, then the application awaiting the desk's check. It becomes a dossier only when the
 * desk receives it (`dossier_id`): the dossier code and the appointment are issued at reception (NĐ 118/2025).
 * `version` is the optimistic lock of every save and state change.
 */
export const submissions = pgTable(
  'submissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /**
     * The account that owns it; only this account reads or changes it from the portal. None for an application
     * submitted on the national portal (`origin` national): its applicant has no account here.
     */
    accountId: uuid('account_id').references(() => identityUsers.id),
    /** Where it was submitted: this province's portal, or the national public-service portal (DVCQG, issue 13 item 4). */
    origin: text('origin').$type<'portal' | 'national'>().notNull().default('portal'),
    /** The national portal's dossier code (MaHoSo) of an application picked up from it; the exchange names it so. */
    nationalCode: text('national_code'),
    procedureVersionId: uuid('procedure_version_id')
      .notNull()
      .references(() => catalogProcedureVersions.id),
    /** Snapshots of the procedure's code and name when the version was chosen (lists read them without a join). */
    procedureCode: text('procedure_code').notNull(),
    procedureName: text('procedure_name').notNull(),
    /** The one-stop desk that receives it (any centre of the province, §2: reception does not depend on boundaries). */
    receivingUnitId: uuid('receiving_unit_id')
      .notNull()
      .references(() => identityOrgUnits.id),
    /** The handling agency when the applicant chose one of the procedure's implementing units; else the desk chooses. */
    handlingUnitId: uuid('handling_unit_id').references(() => identityOrgUnits.id),
    applicant: jsonb('applicant').$type<ApplicantDraftRow>().notNull(),
    answers: jsonb('answers').$type<Record<string, AnswerValue>>().notNull(),
    /** Keys of the catalog's conditional document groups the applicant declared as applying (D16). */
    conditions: jsonb('conditions').$type<string[]>().notNull(),
    resultDelivery: text('result_delivery').$type<(typeof RESULT_DELIVERIES)[number]>(),
    state: text('state').$type<SubmissionState>().notNull(),
    version: integer('version').notNull().default(1),
    /** Tracking reference ("DK-2026-000042") given at the first submission; null while a draft. */
    reference: text('reference'),
    firstSubmittedAt: instant('first_submitted_at'),
    /** The latest submission (a guided one is submitted again): the desk's queue order, oldest first. */
    submittedAt: instant('submitted_at'),
    /** When the desk last decided (guide, refuse or accept), or the citizen withdrew. */
    decidedAt: instant('decided_at'),
    /** The dossier the desk received from it (dossiers module), and its code as issued at reception (lists show it). */
    dossierId: uuid('dossier_id'),
    dossierCode: text('dossier_code'),
    /** The desk's latest guide or refusal record (dossiers_intake_decisions: Mẫu 02 / Mẫu 03). */
    latestDecisionId: uuid('latest_decision_id'),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('submissions_reference_uq').on(t.reference),
    uniqueIndex('submissions_dossier_uq').on(t.dossierId),
    uniqueIndex('submissions_national_code_uq').on(t.nationalCode),
    // A portal application always has its owner; a national one its national code and no owner here.
    check(
      'submissions_origin_ck',
      sql`(${t.origin} = 'portal' and ${t.accountId} is not null and ${t.nationalCode} is null) or (${t.origin} = 'national' and ${t.accountId} is null and ${t.nationalCode} is not null)`,
    ),
    // "My submissions": the account's rows, most recently changed first.
    index('submissions_account_idx').on(t.accountId, t.updatedAt, t.id),
    // The desk's "online, awaiting reception" queue: per desk, oldest submission first (keyset on submitted_at, id).
    // Partial: only what waits, whatever the size of the history.
    index('submissions_awaiting_idx')
      .on(t.receivingUnitId, t.submittedAt, t.id)
      .where(sql`${t.state} = 'SUBMITTED'`),
    check('submissions_state_ck', sql`${t.state} in ('DRAFT','SUBMITTED','GUIDED','ACCEPTED','REFUSED','WITHDRAWN')`),
    check('submissions_result_delivery_ck', sql`${t.resultDelivery} is null or ${t.resultDelivery} in ('desk','post','online')`),
    // A submitted one always has its reference and time; an accepted one its dossier.
    check('submissions_submitted_ck', sql`${t.state} in ('DRAFT','WITHDRAWN') or (${t.reference} is not null and ${t.submittedAt} is not null)`),
    check('submissions_accepted_ck', sql`${t.state} <> 'ACCEPTED' or ${t.dossierId} is not null`),
  ],
);

/**
 * A file attached to a submission for one required document of the catalog version (`requirement_key`, `d<position>`
 * in its required documents). The content lives in platform file storage (`file_id`, D23); name, size, media type and
 * SHA-256 are kept here so lists and the desk's checklist need no second read, and the hash shows the desk reviews
 * exactly what was submitted. A file that went to the desk (`submitted_at`) is never deleted: removed while the
 * applicant completes a guided submission, it is only marked `removed_at` and stays with the record of that round.
 */
export const submissionFiles = pgTable(
  'submissions_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => submissions.id),
    requirementKey: text('requirement_key').notNull(),
    fileId: uuid('file_id')
      .notNull()
      .references(() => platformFiles.id),
    fileName: text('file_name').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    mediaType: text('media_type').notNull(),
    sha256: text('sha256').notNull(),
    uploadedAt: instant('uploaded_at').notNull(),
    uploadedBy: uuid('uploaded_by'),
    /** The first submission that carried it to the desk; from then on it is kept. */
    submittedAt: instant('submitted_at'),
    /** Taken out of the submission after it went to the desk (kept for the record of the earlier round). */
    removedAt: instant('removed_at'),
  },
  (t) => [
    index('submissions_files_submission_idx').on(t.submissionId, t.requirementKey, t.uploadedAt),
    uniqueIndex('submissions_files_file_uq').on(t.fileId),
    check('submissions_files_size_ck', sql`${t.sizeBytes} >= 0`),
    check('submissions_files_removed_ck', sql`${t.removedAt} is null or ${t.submittedAt} is not null`),
  ],
);

type SubmissionEventKind = (typeof SUBMISSION_EVENT_KINDS)[number];

/** The submission's timeline, shown to its owner and to the desk: every state change, with who and the slip it produced. */
export const submissionEvents = pgTable(
  'submissions_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => submissions.id),
    at: instant('at').notNull(),
    kind: text('kind').$type<SubmissionEventKind>().notNull(),
    /** Message parameters of `submissions.timeline.<kind>` (reference, dossier code, slip number, reasons…). */
    params: jsonb('params').$type<Record<string, string | number | null>>().notNull(),
    actorId: uuid('actor_id'),
    actorLabel: text('actor_label'),
  },
  (t) => [
    index('submissions_events_submission_idx').on(t.submissionId, t.id),
    check('submissions_events_kind_ck', sql`${t.kind} in ('created','submitted','resubmitted','accepted','guided','refused','withdrawn')`),
  ],
);

/** One counter per year for the tracking references; incremented in the submitting transaction, never reused. */
export const submissionReferenceCounters = pgTable('submissions_reference_counters', {
  year: integer('year').primaryKey(),
  n: integer('n').notNull(),
});
