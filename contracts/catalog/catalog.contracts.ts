import { z } from 'zod';
import { IsoDateSchema, PageQuerySchema, pageOf } from '../common/common.contracts';
import { EFormDefinitionSchema, EFormDefinitionViewSchema, OnlineServiceSchema } from './eform.contracts';

// Field messages below are i18n keys (translated by the server's error handler and by the web app).

/** Submission / result channels (domain README §2): at the counter, by post, online. */
export const CHANNELS = ['direct', 'online', 'post'] as const;
export const ChannelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof ChannelSchema>;

/** A time or fee tied to one channel, or `any` when the source does not tie it to a channel. */
export const CHANNEL_SCOPES = ['any', ...CHANNELS] as const;
export const ChannelScopeSchema = z.enum(CHANNEL_SCOPES);
export type ChannelScope = z.infer<typeof ChannelScopeSchema>;

/** How a statutory duration is counted (domain README §5.3, §19.3); same words as platform/calendar. */
export const DURATION_UNITS = ['working-days', 'working-hours', 'calendar-days'] as const;
export const DurationUnitSchema = z.enum(DURATION_UNITS);
export type DurationUnit = z.infer<typeof DurationUnitSchema>;

/**
 * Government level(s) that carry out a procedure, normalised from the published text.
 * `district` only appears in records from before 1 July 2025 (Luật 72/2025/QH15, domain README §14.1).
 */
export const LEVELS = ['province', 'commune', 'ministry', 'other', 'district'] as const;
export const LevelSchema = z.enum(LEVELS);
export type Level = z.infer<typeof LevelSchema>;

/**
 * Online service level per NĐ 42/2022 Điều 11 khoản 1 (domain README §6.2, §19.15): `full` = toàn trình,
 * `partial` = một phần; `information-only` = only the procedure's information is online. Null when the source is silent.
 */
export const ONLINE_MODES = ['information-only', 'partial', 'full'] as const;
export const OnlineModeSchema = z.enum(ONLINE_MODES);
export type OnlineMode = z.infer<typeof OnlineModeSchema>;

/** Life of a procedure version: a draft is edited, a published version is immutable, withdraw ends it. */
export const VERSION_STATUSES = ['draft', 'published', 'withdrawn'] as const;
export const VersionStatusSchema = z.enum(VERSION_STATUSES);
export type VersionStatus = z.infer<typeof VersionStatusSchema>;

/** Roles that work a step of a procedure's workflow template. */
export const WORKFLOW_ROLES = ['reception-officer', 'specialist', 'leader'] as const;
export const WorkflowRoleSchema = z.enum(WORKFLOW_ROLES);
export type WorkflowRole = z.infer<typeof WorkflowRoleSchema>;

/**
 * Where a workflow step happens. `receiving-centre` and `implementing-unit` are placeholders resolved when a
 * dossier is received (reception does not depend on administrative boundaries, domain README §2); `fixed` names
 * an org unit (`orgUnitId`), e.g. an agency consulted in an inter-agency (liên thông) step.
 */
export const STEP_UNIT_REFS = ['receiving-centre', 'implementing-unit', 'fixed'] as const;
export const StepUnitRefSchema = z.enum(STEP_UNIT_REFS);
export type StepUnitRef = z.infer<typeof StepUnitRefSchema>;

/** Why a processing time cannot be used to compute a deadline. */
export const TIME_ISSUES = ['no-unit', 'no-information', 'multiple', 'unrecognised', 'missing'] as const;
export const TimeIssueSchema = z.enum(TIME_ISSUES);
export type TimeIssue = z.infer<typeof TimeIssueSchema>;

const Text = (max: number) => z.string().trim().max(max);
const OptionalText = (max: number) =>
  Text(max)
    .nullable()
    .optional()
    .transform((v) => (v === undefined || v === '' ? null : v));

// ---------------------------------------------------------------- value objects

/** One reading of a processing time: `amount`+`unit` when readable, always the verbatim `raw` text. */
export const TimeReadingSchema = z.object({
  amount: z.number().nullable(),
  unit: DurationUnitSchema.nullable(),
  raw: z.string(),
});
export type TimeReading = z.infer<typeof TimeReadingSchema>;

/**
 * Processing time of one channel. `readable` ⇔ exactly one amount with a known unit, so a deadline can be computed;
 * otherwise `issue` says why and `raw` keeps the source text (`alternatives` lists each value when there are several).
 */
export const ProcessingTimeSchema = z.object({
  channel: ChannelScopeSchema,
  amount: z.number().nullable(),
  unit: DurationUnitSchema.nullable(),
  raw: z.string(),
  readable: z.boolean(),
  issue: TimeIssueSchema.nullable(),
  alternatives: z.array(TimeReadingSchema),
});
export type ProcessingTime = z.infer<typeof ProcessingTimeSchema>;

/** What an editor sends for a processing time; readability is derived by the server. */
export const ProcessingTimeInputSchema = z.object({
  channel: ChannelScopeSchema,
  amount: z
    .number()
    .positive()
    .max(10000)
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  unit: DurationUnitSchema.nullable()
    .optional()
    .transform((v) => v ?? null),
  raw: OptionalText(500),
});
export type ProcessingTimeInput = z.infer<typeof ProcessingTimeInputSchema>;

/**
 * When the applicant pays the fee (domain README §6.3): before processing — the dossier waits for it, its clock
 * stopped (§5.4) — or with the result. Not in the national database's records: the province states it per procedure.
 */
export const FEE_DUES = ['before-processing', 'with-result'] as const;
export const FeeDueSchema = z.enum(FEE_DUES);
export type FeeDue = z.infer<typeof FeeDueSchema>;

/**
 * Who pays less or nothing (miễn, giảm phí, lệ phí): an applicant category the law or the province's resolution names,
 * the share taken off (100 = exempt), and the text that grants it. Entered by the catalogue's administrator: the national
 * records state exemptions only in free text (kept in the fee's `note`), which the importer never turns into rules.
 */
export const FeeExemptionSchema = z.object({
  key: z.string(),
  subject: z.string(),
  percent: z.number().int().min(1).max(100),
  basis: z.string().nullable(),
});
export type FeeExemption = z.infer<typeof FeeExemptionSchema>;
export const FeeExemptionInputSchema = z.object({
  key: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{1,40}$/, 'catalog.errors.exemptionKeyInvalid'),
  subject: z.string().trim().min(1).max(500),
  percent: z.number().int().min(1).max(100),
  basis: OptionalText(1000),
});

/** A fee or charge of one channel: integer VND when known, always the source text, plus any exemption note. */
export const FeeSchema = z.object({
  channel: ChannelScopeSchema,
  amountVnd: z.number().int().min(0).nullable(),
  text: z.string().nullable(),
  note: z.string().nullable(),
});
export type Fee = z.infer<typeof FeeSchema>;
/** What an editor sends for a fee. */
export const FeeInputSchema = z.object({
  channel: ChannelScopeSchema,
  amountVnd: z
    .number()
    .int()
    .min(0)
    .max(1_000_000_000_000)
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  text: OptionalText(500),
  note: OptionalText(4000),
});

/**
 * The longest name of a required document that any write takes: the catalog (editor and importer), the desk's checklist
 * (Mẫu 01) and the papers asked for (Mẫu 02). Published names are whole paragraphs: 4,516 characters in procedure
 * 1.013225 (a building permit), so the desk must take at least what the catalog holds (issue 10 item 6).
 */
export const DOCUMENT_NAME_MAX = 10_000;

/** A form template attached to a required document: file metadata only (the file lives in file storage). */
export const TemplateFileSchema = z.object({
  fileName: Text(255).min(1),
  mimeType: Text(120).min(1),
  sizeBytes: z.number().int().min(0),
  storageKey: Text(500)
    .nullable()
    .optional()
    .transform((v) => v ?? null),
});
export type TemplateFile = z.infer<typeof TemplateFileSchema>;
/** A form template as the API shows it back: what is stored, without the editor's input limits. */
export const TemplateFileViewSchema = z.object({ fileName: z.string(), mimeType: z.string(), sizeBytes: z.number().int(), storageKey: z.string().nullable() });

/**
 * How the desk treats a group of required documents (issue 9 item 7): `one-of` = alternatives, exactly one is handed
 * in (the paper form or the e-form); `conditional` = only when its `condition` applies to this applicant ("trường hợp
 * trẻ em bị bỏ rơi"); `to-present` = shown for checking and given back, not kept (giấy tờ phải xuất trình).
 * A document without a group must be handed in.
 */
export const DOCUMENT_GROUP_KINDS = ['one-of', 'conditional', 'to-present'] as const;
export const DocumentGroupKindSchema = z.enum(DOCUMENT_GROUP_KINDS);
export type DocumentGroupKind = z.infer<typeof DocumentGroupKindSchema>;

/** A group of a version's required documents; `key` is what each document's `group` names (unique in the version). */
export const DocumentGroupSchema = z.object({
  key: z.string(),
  kind: DocumentGroupKindSchema,
  label: z.string().nullable(),
  /** The case a `conditional` group applies to, as the source words it; null for the other kinds. */
  condition: z.string().nullable(),
});
export type DocumentGroup = z.infer<typeof DocumentGroupSchema>;
/** What an editor sends for a document group; a conditional group states its condition. */
export const DocumentGroupInputSchema = z
  .object({
    key: Text(40).regex(/^[a-z0-9-]+$/, 'catalog.errors.documentGroupKey'),
    kind: DocumentGroupKindSchema,
    label: OptionalText(500),
    condition: OptionalText(1000),
  })
  .refine((g) => g.kind !== 'conditional' || g.condition !== null, { message: 'catalog.errors.documentConditionRequired', path: ['condition'] });

/** Why the importer could not read how a document is grouped (it keeps the document as published and reports it). */
export const DOCUMENT_ISSUES = ['case-ambiguous', 'refers-to-other'] as const;
export const DocumentIssueCodeSchema = z.enum(DOCUMENT_ISSUES);
/** A document the importer could not group: its 0-based position in `requiredDocuments` and the text it read. */
export const DocumentIssueSchema = z.object({ document: z.number().int().min(0), code: DocumentIssueCodeSchema, raw: z.string() });
export type DocumentIssue = z.infer<typeof DocumentIssueSchema>;

/** A document the applicant must submit: counts of originals (bản chính) and copies (bản sao) as published. */
export const RequiredDocumentSchema = z.object({
  name: z.string(),
  originals: z.number().int().min(0).nullable(),
  copies: z.number().int().min(0).nullable(),
  case: z.string().nullable(),
  note: z.string().nullable(),
  template: TemplateFileViewSchema.nullable(),
  /** Key of its group in the version's `documentGroups`; null = must be handed in. */
  group: z.string().nullable(),
});
export type RequiredDocument = z.infer<typeof RequiredDocumentSchema>;
/** What an editor sends for a required document. */
/** How many papers of one kind (originals or copies) a document asks for; absent means not stated. */
const PaperCount = z
  .number()
  .int()
  .min(0)
  .max(100)
  .nullable()
  .optional()
  .transform((v) => v ?? null);

export const RequiredDocumentInputSchema = z.object({
  name: Text(DOCUMENT_NAME_MAX).min(1, 'catalog.errors.documentNameRequired'),
  originals: PaperCount,
  copies: PaperCount,
  case: OptionalText(1000),
  note: OptionalText(2000),
  template: TemplateFileSchema.nullable()
    .optional()
    .transform((v) => v ?? null),
  group: Text(40)
    .nullable()
    .optional()
    .transform((v) => (v === undefined || v === '' ? null : v)),
});

/** A legal text the procedure rests on: its number (số hiệu) and title. */
export const LegalBasisSchema = z.object({ number: z.string().nullable(), title: z.string() });
export type LegalBasis = z.infer<typeof LegalBasisSchema>;
/** What an editor sends for a legal text. */
export const LegalBasisInputSchema = z.object({ number: OptionalText(100), title: Text(2000).min(1) });

/** One step of the workflow template; `budgetMinutes` is the step's share of the time in working minutes (§19.3). */
export const WorkflowStepSchema = z.object({
  position: z.number().int(),
  name: z.string(),
  unitRef: StepUnitRefSchema,
  orgUnitId: z.uuid().nullable(),
  orgUnitName: z.string().nullable(),
  role: WorkflowRoleSchema,
  budgetMinutes: z.number().int().nullable(),
  interAgency: z.boolean(),
});
export type WorkflowStep = z.infer<typeof WorkflowStepSchema>;
/** What an editor sends for a workflow step; a `fixed` step names its org unit, the placeholders do not. */
export const WorkflowStepInputSchema = z
  .object({
    name: Text(300).min(1),
    unitRef: StepUnitRefSchema,
    orgUnitId: z
      .uuid()
      .nullable()
      .optional()
      .transform((v) => v ?? null),
    role: WorkflowRoleSchema,
    budgetMinutes: z
      .number()
      .int()
      .min(0)
      .max(10_000_000)
      .nullable()
      .optional()
      .transform((v) => v ?? null),
    interAgency: z.boolean().optional().default(false),
  })
  .refine((s) => (s.unitRef === 'fixed') === (s.orgUnitId !== null), { message: 'catalog.errors.stepUnit', path: ['orgUnitId'] });
export type WorkflowStepInput = z.infer<typeof WorkflowStepInputSchema>;

/** An org unit as shown beside a procedure. */
export const UnitRefSchema = z.object({ id: z.uuid(), code: z.string(), name: z.string() });

// ---------------------------------------------------------------- public reads

/** Public search filters. */
export const SearchProceduresQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(200).optional(),
  field: z.string().trim().max(300).optional(),
  orgUnitId: z.uuid().optional(),
  level: LevelSchema.optional(),
  onlineMode: OnlineModeSchema.optional(),
});
export type SearchProceduresQuery = z.infer<typeof SearchProceduresQuerySchema>;

/** One row of the public procedure search. `level` is the published wording, `levels` its normalised form. */
export const ProcedureSummarySchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  field: z.string().nullable(),
  level: z.string().nullable(),
  levels: z.array(LevelSchema),
  onlineMode: OnlineModeSchema.nullable(),
  /** The online service derived from `onlineMode`: `none` / `partial` / `full`, and whether online submission is open. */
  onlineService: OnlineServiceSchema,
  processingTimeText: z.string().nullable(),
  timeReadable: z.boolean(),
  feeText: z.string().nullable(),
  implementingUnits: z.array(z.object({ id: z.uuid(), name: z.string() })),
});
export type ProcedureSummary = z.infer<typeof ProcedureSummarySchema>;
export const SearchProceduresResponseSchema = pageOf(ProcedureSummarySchema);
export type SearchProceduresResponse = z.infer<typeof SearchProceduresResponseSchema>;

/** `:code` of the public detail route. */
export const ProcedureCodeParamsSchema = z.object({ code: z.string().trim().min(1).max(60) });
/** `:procedureId` of the public detail by procedure id. */
export const ProcedureIdParamsSchema = z.object({ procedureId: z.uuid() });

/** Everything the public may read about the current published version of a procedure. */
export const PublicProcedureSchema = z.object({
  /** The version's id. */
  id: z.uuid(),
  /** The procedure's id, the same for all its versions (the portal's online submission page is addressed by it). */
  procedureId: z.uuid(),
  code: z.string(),
  codeSource: z.enum(['national', 'local']),
  revision: z.number().int(),
  effectiveFrom: z.string().nullable(),
  effectiveTo: z.string().nullable(),
  name: z.string(),
  field: z.string().nullable(),
  fieldGroup: z.string().nullable(),
  level: z.string().nullable(),
  levels: z.array(LevelSchema),
  implementingUnits: z.array(UnitRefSchema),
  implementingAgencyText: z.string().nullable(),
  applicants: z.string().nullable(),
  results: z.array(z.string()),
  onlineMode: OnlineModeSchema.nullable(),
  onlineModeText: z.string().nullable(),
  onlineService: OnlineServiceSchema,
  /** The version's electronic form (mẫu điện tử tương tác) for online submission; null when it has none. */
  eForm: EFormDefinitionViewSchema.nullable(),
  processingTimeText: z.string().nullable(),
  processingTimes: z.array(ProcessingTimeSchema),
  timeReadable: z.boolean(),
  feeText: z.string().nullable(),
  fees: z.array(FeeSchema),
  requiredDocuments: z.array(RequiredDocumentSchema),
  documentGroups: z.array(DocumentGroupSchema),
  requiredDocumentsNote: z.string().nullable(),
  legalBasis: z.array(LegalBasisSchema),
  publishingDecision: z.string().nullable(),
  /** Designated by the province for on-the-spot resolution (giải quyết ngay): received and returned in one visit. */
  onTheSpot: z.boolean(),
  /** When the fee is paid (before processing: the dossier waits for it), null when not stated. */
  feeDue: FeeDueSchema.nullable(),
  /** Who pays less or nothing, and by how much. */
  feeExemptions: z.array(FeeExemptionSchema),
});
export type PublicProcedure = z.infer<typeof PublicProcedureSchema>;

/**
 * The catalog administrator's notes about the source (issue 9 item 9: kept off the public pages): the importer's
 * remarks on times, its confidence, the record's provenance and the documents it could not group.
 */
export const CatalogNotesSchema = z.object({
  processingTimeNote: z.string().nullable(),
  source: z.record(z.string(), z.unknown()).nullable(),
  confidence: z.string().nullable(),
  confidenceNote: z.string().nullable(),
  notes: z.string().nullable(),
  documentIssues: z.array(DocumentIssueSchema),
});

/** Fields (lĩnh vực) with their number of procedures in force. */
export const FieldsResponseSchema = z.object({ items: z.array(z.object({ name: z.string(), count: z.number().int() })) });
export type FieldsResponse = z.infer<typeof FieldsResponseSchema>;

/** Units that carry out at least one procedure in force, with how many (the portal's "implementing unit" filter). */
export const ImplementingUnitsResponseSchema = z.object({ items: z.array(z.object({ id: z.uuid(), name: z.string(), count: z.number().int() })) });
export type ImplementingUnitsResponse = z.infer<typeof ImplementingUnitsResponseSchema>;

// ---------------------------------------------------------------- back office

/** Back-office versions list filters. */
export const ListVersionsQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(200).optional(),
  status: VersionStatusSchema.optional(),
  procedureId: z.uuid().optional(),
});
export type ListVersionsQuery = z.infer<typeof ListVersionsQuerySchema>;

/** A row of the back-office versions list. */
export const VersionSummarySchema = z.object({
  id: z.uuid(),
  procedureId: z.uuid(),
  code: z.string(),
  name: z.string(),
  field: z.string().nullable(),
  status: VersionStatusSchema,
  revision: z.number().int(),
  effectiveFrom: z.string().nullable(),
  effectiveTo: z.string().nullable(),
  timeReadable: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type VersionSummary = z.infer<typeof VersionSummarySchema>;
export const ListVersionsResponseSchema = pageOf(VersionSummarySchema);
export type ListVersionsResponse = z.infer<typeof ListVersionsResponseSchema>;

/** A version as the back office sees it, with its workflow template and what the caller may do with it. */
export const ProcedureVersionSchema = PublicProcedureSchema.extend({
  ...CatalogNotesSchema.shape,
  status: VersionStatusSchema,
  workflow: z.array(WorkflowStepSchema),
  version: z.number().int(),
  publishedAt: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  withdrawReason: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The procedure's draft when this version is not it (one draft per procedure): edit that rather than start another. */
  openDraftId: z.uuid().nullable(),
  actions: z.object({ edit: z.boolean(), publish: z.boolean(), withdraw: z.boolean(), newVersion: z.boolean() }),
});
export type ProcedureVersion = z.infer<typeof ProcedureVersionSchema>;

/** The editable content of a draft version. */
export const ProcedureContentSchema = z.object({
  name: Text(1000).min(1, 'catalog.errors.nameRequired'),
  field: OptionalText(300),
  fieldGroup: OptionalText(300),
  level: OptionalText(500),
  levels: z.array(LevelSchema).max(5).optional().default([]),
  implementingUnitIds: z.array(z.uuid()).max(500).optional().default([]),
  implementingAgencyText: OptionalText(2000),
  applicants: OptionalText(2000),
  results: z.array(Text(1000).min(1)).max(50).optional().default([]),
  onlineMode: OnlineModeSchema.nullable()
    .optional()
    .transform((v) => v ?? null),
  onlineModeText: OptionalText(500),
  processingTimeText: OptionalText(1000),
  processingTimeNote: OptionalText(4000),
  processingTimes: z.array(ProcessingTimeInputSchema).max(20).optional().default([]),
  feeText: OptionalText(1000),
  fees: z.array(FeeInputSchema).max(20).optional().default([]),
  requiredDocuments: z.array(RequiredDocumentInputSchema).max(200).optional().default([]),
  documentGroups: z.array(DocumentGroupInputSchema).max(200).optional().default([]),
  /** The importer's unresolved findings about document groups; the editor drops one when it has been dealt with. */
  documentIssues: z.array(DocumentIssueSchema).max(200).optional().default([]),
  requiredDocumentsNote: OptionalText(4000),
  legalBasis: z.array(LegalBasisInputSchema).max(200).optional().default([]),
  publishingDecision: OptionalText(500),
  confidence: OptionalText(20),
  confidenceNote: OptionalText(2000),
  notes: OptionalText(8000),
  onTheSpot: z.boolean().optional().default(false),
  /** When the fee is paid; null or omitted ⇒ not stated (no dossier waits for its fee). */
  feeDue: FeeDueSchema.nullable()
    .optional()
    .transform((v) => v ?? null),
  /** Who pays less or nothing; keys unique within the version. */
  feeExemptions: z
    .array(FeeExemptionInputSchema)
    .max(30)
    .optional()
    .default([])
    .refine((list) => new Set(list.map((e) => e.key)).size === list.length, 'catalog.errors.exemptionKeyRepeated'),
  /** The version's electronic form; null or omitted ⇒ none. Versioned with the version like the rest of its content. */
  eForm: EFormDefinitionSchema.nullable()
    .optional()
    .transform((v) => v ?? null),
  /** Omitted ⇒ the default template (tiếp nhận → thẩm định → phê duyệt → trả kết quả). */
  workflow: z.array(WorkflowStepInputSchema).max(50).optional(),
});
export type ProcedureContent = z.infer<typeof ProcedureContentSchema>;

/** A national procedure code such as `1.001193` (or a provincial variant); omitted ⇒ a local `L-xxxx` code. */
export const ProcedureCodeSchema = z
  .string()
  .trim()
  .max(60)
  .regex(/^[0-9A-Za-z][0-9A-Za-z.-]*$/, 'catalog.errors.invalidCode');

export const CreateProcedureRequestSchema = ProcedureContentSchema.extend({ code: ProcedureCodeSchema.optional() });
export type CreateProcedureRequest = z.infer<typeof CreateProcedureRequestSchema>;
export const UpdateProcedureRequestSchema = ProcedureContentSchema.extend({ version: z.number().int().min(1) });
export type UpdateProcedureRequest = z.infer<typeof UpdateProcedureRequestSchema>;

/** Publish a draft; `effectiveFrom` defaults to today (Asia/Ho_Chi_Minh). */
export const PublishRequestSchema = z.object({ effectiveFrom: IsoDateSchema.optional(), version: z.number().int().min(1).optional() });
export type PublishRequest = z.infer<typeof PublishRequestSchema>;
/** Withdraw a published version; `effectiveTo` (its last legal day) defaults to today. */
export const WithdrawRequestSchema = z.object({
  reason: Text(2000).min(1, 'catalog.errors.reasonRequired'),
  effectiveTo: IsoDateSchema.optional(),
  version: z.number().int().min(1).optional(),
});
export type WithdrawRequest = z.infer<typeof WithdrawRequestSchema>;
/** New version takes no input (the content is copied). */
export const NewVersionRequestSchema = z.object({}).optional();

// ---------------------------------------------------------------- imports

const BoolQuery = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
/** Options of an import run (see server/modules/catalog/IMPORT_FORMAT.md). */
export const ImportQuerySchema = z.object({
  dryRun: BoolQuery.optional().default(false),
  publish: BoolQuery.optional().default(false),
  /** Start of validity of versions published by the import; defaults to today (Asia/Ho_Chi_Minh). */
  effectiveFrom: IsoDateSchema.optional(),
});
export type ImportQuery = z.infer<typeof ImportQuerySchema>;

/** A row is `imported` cleanly, imported with a `warning`, or skipped for an `error`. */
export const IMPORT_ROW_STATUSES = ['imported', 'warning', 'error'] as const;
/** One finding about a row, already translated. */
export const ImportMessageSchema = z.object({
  code: z.string(),
  severity: z.enum(['info', 'warning', 'error']),
  message: z.string(),
});
export type ImportMessage = z.infer<typeof ImportMessageSchema>;
/** The report line of one source row. */
export const ImportRowSchema = z.object({
  row: z.number().int(),
  code: z.string().nullable(),
  name: z.string().nullable(),
  status: z.enum(IMPORT_ROW_STATUSES),
  /** `created` new procedure, `updated` new version or replaced draft, `skipped` row not imported. */
  outcome: z.enum(['created', 'updated', 'skipped']),
  versionId: z.uuid().nullable(),
  messages: z.array(ImportMessageSchema),
});
export type ImportRow = z.infer<typeof ImportRowSchema>;
/** The answer of an import run. */
export const ImportReportSchema = z.object({
  format: z.enum(['json', 'xlsx']),
  dryRun: z.boolean(),
  published: z.boolean(),
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  rows: z.array(ImportRowSchema),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;

// ---------------------------------------------------------------- data-quality worklist

/**
 * What the catalog administrator must fix before a procedure serves the desk and the portal well (issue 9 item 9):
 * no processing time a deadline can be computed from, no online service level, a fee whose amount could not be read,
 * documents whose grouping the importer could not read.
 */
export const QUALITY_ISSUES = ['time-unreadable', 'online-mode-missing', 'fee-unparsed', 'document-groups-unreadable'] as const;
export const QualityIssueSchema = z.enum(QUALITY_ISSUES);
export type QualityIssue = z.infer<typeof QualityIssueSchema>;

/** Worklist filters: one issue, one status (default: drafts and published versions, never withdrawn ones). */
export const WorklistQuerySchema = PageQuerySchema.extend({
  issue: QualityIssueSchema.optional(),
  status: z.enum(['draft', 'published']).optional(),
});
export type WorklistQuery = z.infer<typeof WorklistQuerySchema>;

/** One version with its findings and the source text behind each, for the administrator to correct. */
export const WorklistItemSchema = z.object({
  versionId: z.uuid(),
  code: z.string(),
  name: z.string(),
  status: VersionStatusSchema,
  revision: z.number().int(),
  issues: z.array(QualityIssueSchema),
  /** The time text as published (e.g. "1") when it cannot be read. */
  timeText: z.string().nullable(),
  /** Fee texts whose amount is unknown. */
  unparsedFees: z.array(z.string()),
  /** How many documents the importer could not group. */
  documentIssues: z.number().int(),
});
export type WorklistItem = z.infer<typeof WorklistItemSchema>;
/**
 * The worklist page plus the number of versions with each issue (for the filter's badges), over the versions the caller
 * administers: all of them for a system administrator, those carried out by their units for a unit administrator.
 */
export const WorklistResponseSchema = pageOf(WorklistItemSchema).extend({
  counts: z.object({
    'time-unreadable': z.number().int(),
    'online-mode-missing': z.number().int(),
    'fee-unparsed': z.number().int(),
    'document-groups-unreadable': z.number().int(),
  }),
  /** What the list covers: the whole province (`all`), or the versions whose implementing units all lie within `units` and below. */
  scope: z.object({ all: z.boolean(), units: z.array(z.object({ id: z.uuid(), name: z.string() })) }),
});
export type WorklistResponse = z.infer<typeof WorklistResponseSchema>;
