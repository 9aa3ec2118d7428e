import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { DocumentGroup, DocumentIssue, Fee, FeeDue, FeeExemption, LegalBasis, ProcessingTime, RequiredDocument } from '../../../contracts/catalog/catalog.contracts';
import type { EFormDefinition } from '../../../contracts/catalog/eform.contracts';
// Kernel rule: catalog may hold foreign keys to identity's org units; drizzle needs the table object for them.
import { identityOrgUnits } from '../identity/identity.tables';

/**
 * A procedure's identity: the stable national code (CSDL quốc gia về TTHC, e.g. `1.001193`) when the source has one,
 * otherwise a local `L-0001` code issued by the catalog. Its content lives in versions.
 */
export const catalogProcedures = pgTable(
  'catalog_procedures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    codeSource: text('code_source').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('catalog_procedures_code_uq').on(t.code), check('catalog_procedures_code_source_ck', sql`${t.codeSource} in ('national','local')`)],
);

/**
 * One version of a procedure's published content. draft → published → withdrawn; a published version is never
 * edited (changes go to a new draft). `effective_to` is the last day the version applies (inclusive).
 * `search_text` is the lower-case, accent-free name and code used by the public search.
 */
export const catalogProcedureVersions = pgTable(
  'catalog_procedure_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    procedureId: uuid('procedure_id')
      .notNull()
      .references(() => catalogProcedures.id),
    revision: integer('revision').notNull(),
    status: text('status').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }),
    effectiveTo: date('effective_to', { mode: 'string' }),
    name: text('name').notNull(),
    searchText: text('search_text').notNull(),
    field: text('field'),
    fieldGroup: text('field_group'),
    levels: text('levels')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    levelText: text('level_text'),
    implementingAgencyText: text('implementing_agency_text'),
    applicants: text('applicants'),
    results: jsonb('results').$type<string[]>().notNull(),
    onlineMode: text('online_mode'),
    onlineModeText: text('online_mode_text'),
    processingTimeText: text('processing_time_text'),
    processingTimeNote: text('processing_time_note'),
    processingTimes: jsonb('processing_times').$type<ProcessingTime[]>().notNull(),
    /** False when no channel has a single time with a known unit: no deadline can be computed (the raw text is kept). */
    timeReadable: boolean('time_readable').notNull(),
    feeText: text('fee_text'),
    fees: jsonb('fees').$type<Fee[]>().notNull(),
    requiredDocuments: jsonb('required_documents').$type<RequiredDocument[]>().notNull(),
    /** Alternatives, conditional and to-present groups the documents' `group` keys name (issue 9 item 7). */
    documentGroups: jsonb('document_groups')
      .$type<DocumentGroup[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    /** Documents the importer could not group, kept for the administrator's worklist until an editor resolves them. */
    documentIssues: jsonb('document_issues')
      .$type<DocumentIssue[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    requiredDocumentsNote: text('required_documents_note'),
    /** Designated by the province for on-the-spot resolution (giải quyết ngay): the desk receives and returns at once. */
    onTheSpot: boolean('on_the_spot').notNull().default(false),
    /** When the fee is paid: before processing (the dossier waits for it) or with the result; null = not stated (§6.3). */
    feeDue: text('fee_due').$type<FeeDue>(),
    /** Who pays less or nothing (miễn, giảm), as the administrator entered it (FeeExemptionSchema). */
    feeExemptions: jsonb('fee_exemptions')
      .$type<FeeExemption[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    /**
     * The electronic form (mẫu điện tử tương tác) an online submission fills in, as checked by EFormDefinitionSchema; null
     * = none. Part of the version's content: a published version's form never changes (NĐ 45/2020/NĐ-CP, NĐ 42/2022).
     */
    eForm: jsonb('e_form').$type<EFormDefinition>(),
    legalBasis: jsonb('legal_basis').$type<LegalBasis[]>().notNull(),
    publishingDecision: text('publishing_decision'),
    source: jsonb('source').$type<Record<string, unknown>>(),
    confidence: text('confidence'),
    confidenceNote: text('confidence_note'),
    notes: text('notes'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
    publishedBy: uuid('published_by'),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true, mode: 'date' }),
    withdrawReason: text('withdraw_reason'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('catalog_versions_revision_uq').on(t.procedureId, t.revision),
    // At most one draft per procedure: "new version" on a procedure that already has one is refused.
    uniqueIndex('catalog_versions_one_draft_uq')
      .on(t.procedureId)
      .where(sql`${t.status} = 'draft'`),
    index('catalog_versions_status_idx').on(t.status, t.effectiveFrom),
    index('catalog_versions_field_idx').on(t.field),
    check('catalog_versions_status_ck', sql`${t.status} in ('draft','published','withdrawn')`),
    check('catalog_versions_online_mode_ck', sql`${t.onlineMode} is null or ${t.onlineMode} in ('information-only','partial','full')`),
    check('catalog_versions_fee_due_ck', sql`${t.feeDue} is null or ${t.feeDue} in ('before-processing','with-result')`),
    check('catalog_versions_effective_ck', sql`${t.effectiveTo} is null or ${t.effectiveFrom} is null or ${t.effectiveTo} >= ${t.effectiveFrom}`),
    check('catalog_versions_published_ck', sql`${t.status} = 'draft' or ${t.effectiveFrom} is not null`),
  ],
);

/** The org units that carry out a version (cơ quan thực hiện). */
export const catalogVersionUnits = pgTable(
  'catalog_version_units',
  {
    versionId: uuid('version_id')
      .notNull()
      .references(() => catalogProcedureVersions.id, { onDelete: 'cascade' }),
    orgUnitId: uuid('org_unit_id')
      .notNull()
      .references(() => identityOrgUnits.id),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.orgUnitId] }), index('catalog_version_units_unit_idx').on(t.orgUnitId)],
);

/** The ordered workflow template of a version; dossiers copy it at intake and resolve the unit placeholders. */
export const catalogWorkflowSteps = pgTable(
  'catalog_workflow_steps',
  {
    versionId: uuid('version_id')
      .notNull()
      .references(() => catalogProcedureVersions.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    unitRef: text('unit_ref').notNull(),
    orgUnitId: uuid('org_unit_id').references(() => identityOrgUnits.id),
    role: text('role').notNull(),
    budgetMinutes: integer('budget_minutes'),
    interAgency: boolean('inter_agency').notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.versionId, t.position] }),
    check('catalog_workflow_steps_unit_ref_ck', sql`${t.unitRef} in ('receiving-centre','implementing-unit','fixed')`),
    check('catalog_workflow_steps_fixed_ck', sql`(${t.unitRef} = 'fixed') = (${t.orgUnitId} is not null)`),
    check('catalog_workflow_steps_role_ck', sql`${t.role} in ('reception-officer','specialist','leader')`),
  ],
);
