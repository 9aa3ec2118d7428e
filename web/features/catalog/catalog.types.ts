// Types come from the shared contract (type-only, so no server or zod code reaches the bundle).
import type {
  Channel,
  ChannelScope,
  DocumentGroupKind,
  FeeDue,
  DurationUnit,
  Level,
  OnlineMode,
  QualityIssue,
  StepUnitRef,
  VersionStatus,
  WorkflowRole,
} from '../../../contracts/catalog/catalog.contracts';

export type {
  Channel,
  ChannelScope,
  CreateProcedureRequest,
  DocumentGroup,
  DocumentGroupKind,
  DocumentIssue,
  QualityIssue,
  WorklistItem,
  WorklistQuery,
  WorklistResponse,
  DurationUnit,
  Fee,
  FeeDue,
  FeeExemption,
  FieldsResponse,
  ImportReport,
  ImportRow,
  LegalBasis,
  Level,
  ListVersionsQuery,
  ListVersionsResponse,
  OnlineMode,
  ProcedureSummary,
  ProcedureVersion,
  ProcessingTime,
  PublicProcedure,
  PublishRequest,
  RequiredDocument,
  SearchProceduresQuery,
  SearchProceduresResponse,
  StepUnitRef,
  UpdateProcedureRequest,
  VersionStatus,
  VersionSummary,
  WithdrawRequest,
  WorkflowRole,
  WorkflowStep,
} from '../../../contracts/catalog/catalog.contracts';
export type { EFormDefinition, EFormField, EFormSection, OnlineService } from '../../../contracts/catalog/eform.contracts';
export type { EFormAnswers, EFormApplicant, PrefillSource } from '../../../contracts/catalog/eform.rules';

// Value lists mirror the contract's enums (`satisfies` keeps them in step) without pulling zod into the bundle.
/** Channels a time or fee may be tied to; `any` = not tied to a channel. */
export const CHANNEL_SCOPES = ['any', 'direct', 'online', 'post'] as const satisfies readonly ChannelScope[];
/** Submission channels: at the counter, online, by post. */
export const CHANNELS = ['direct', 'online', 'post'] as const satisfies readonly Channel[];
/** How a processing time is counted. */
export const DURATION_UNITS = ['working-days', 'working-hours', 'calendar-days'] as const satisfies readonly DurationUnit[];
/** Government levels; `district` only for records from before 1 July 2025. */
export const LEVELS = ['province', 'commune', 'ministry', 'other', 'district'] as const satisfies readonly Level[];
/** Online service levels (NĐ 42/2022 Điều 11), most online first. */
export const ONLINE_MODES = ['full', 'partial', 'information-only'] as const satisfies readonly OnlineMode[];
/** Life of a procedure version. */
export const VERSION_STATUSES = ['draft', 'published', 'withdrawn'] as const satisfies readonly VersionStatus[];
/** Roles that can work a workflow step. */
export const WORKFLOW_ROLES = ['reception-officer', 'specialist', 'leader'] as const satisfies readonly WorkflowRole[];
/** Where a workflow step happens. */
export const STEP_UNIT_REFS = ['receiving-centre', 'implementing-unit', 'fixed'] as const satisfies readonly StepUnitRef[];

/** How the desk treats a group of documents: alternatives, a case with its condition, papers only shown. */
export const DOCUMENT_GROUP_KINDS = ['one-of', 'conditional', 'to-present'] as const satisfies readonly DocumentGroupKind[];
/** Data-quality findings of the catalog worklist. */
export const QUALITY_ISSUES = ['time-unreadable', 'online-mode-missing', 'fee-unparsed', 'document-groups-unreadable'] as const satisfies readonly QualityIssue[];

/** Working minutes in a standard working day (domain README §19.2–3: 8 hours). */
export const MINUTES_PER_WORKING_DAY = 8 * 60;

/** Policy actions the catalog screens check (from catalog.policy.ts). */
export const CATALOG_ACTIONS = {
  manage: 'catalog.procedures.manage',
  publish: 'catalog.procedures.publish',
  import: 'catalog.imports.run',
} as const;

/** When the fee is paid (the contract's FEE_DUES). */
export const FEE_DUES = ['before-processing', 'with-result'] as const satisfies readonly FeeDue[];
