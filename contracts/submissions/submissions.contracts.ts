import { z } from 'zod';
import { DocumentGroupKindSchema, OnlineModeSchema } from '../catalog/catalog.contracts';
import { EFormDefinitionViewSchema } from '../catalog/eform.contracts';
import { APPLICANT_KINDS, DossierSlipViewSchema, DurationInputSchema, ResultDeliverySchema, UnitRefSchema } from '../dossiers/dossiers.contracts';
import { APPLICANT_SLIPS, DESK_DECISIONS, REQUIREMENT_STATUSES, SUBMISSION_EVENT_KINDS, SUBMISSION_STATES } from './submissions.values';

// Online submission and desk review (issue 11 item 3). Field messages below are i18n keys (translated by the server's
// error handler and by the web app). Instants are ISO-8601 with the +07:00 offset (domain README §19.1).

export * from './submissions.values';

export const SubmissionStateSchema = z.enum(SUBMISSION_STATES);
export type SubmissionState = z.infer<typeof SubmissionStateSchema>;
export const RequirementStatusSchema = z.enum(REQUIREMENT_STATUSES);
export type RequirementStatus = z.infer<typeof RequirementStatusSchema>;
export const ApplicantSlipSchema = z.enum(APPLICANT_SLIPS);
export type ApplicantSlip = z.infer<typeof ApplicantSlipSchema>;

const Text = (max: number) => z.string().trim().max(max);
/** A draft's text field: blank is stored as null, so an emptied field reads back empty. */
const DraftText = (max: number) =>
  Text(max)
    .nullable()
    .optional()
    .transform((v) => (v === undefined || v === '' ? null : v));

/**
 * The applicant as a draft holds it: every field may still be empty or unfinished (autosave keeps what was typed).
 * Submitting checks it against the desk's own rules (dossiers ApplicantSchema: 12-digit personal number or tax code,
 * phone and e-mail shapes), so the dossier the desk receives carries exactly what a counter intake would.
 */
export const ApplicantDraftSchema = z.object({
  kind: z
    .enum(APPLICANT_KINDS)
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  name: DraftText(300),
  idNumber: DraftText(20),
  phone: DraftText(20),
  email: DraftText(200),
  address: DraftText(500),
});
export type ApplicantDraft = z.infer<typeof ApplicantDraftSchema>;
export const ApplicantDraftViewSchema = z.object({
  kind: z.enum(APPLICANT_KINDS).nullable(),
  name: z.string().nullable(),
  idNumber: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
});

/** Largest e-form answers a draft keeps, as JSON text (a form has at most 200 fields of at most 4,000 characters). */
export const ANSWERS_MAX_JSON = 200_000;
/**
 * The e-form's answers by field key, as typed so far (checked against the version's e-form when submitting). Stored
 * as they come: an unfinished answer is still the citizen's work. A cleared field is sent as "" or [] (or left out).
 */
export const EFormAnswersDraftSchema = z
  .record(z.string().min(1).max(100), z.union([z.string().max(10_000), z.number(), z.boolean(), z.array(z.string().max(1_000)).max(200)]))
  .refine((a) => Object.keys(a).length <= 500 && JSON.stringify(a).length <= ANSWERS_MAX_JSON, 'submissions.errors.answersTooLarge');
export type EFormAnswersDraft = z.infer<typeof EFormAnswersDraftSchema>;

/** Keys of the catalog's conditional document groups whose case applies to the applicant (as at the desk). */
const Conditions = z.array(Text(40).min(1)).max(100);

// ---------------------------------------------------------------- citizen requests

/**
 * POST /submissions: a draft for the procedure's version in force, if it is offered online (partial or full). The
 * procedure by its code or by its id (stable across versions: the portal's submit page is addressed by it); one of them.
 */
export const StartSubmissionRequestSchema = z
  .object({
    procedureCode: Text(60).min(1).optional(),
    procedureId: z.uuid().optional(),
    /** The one-stop desk that will receive it (any centre of the province, §2); omitted: the procedure's usual desk. */
    receivingUnitId: z.uuid().optional(),
  })
  .refine((r) => (r.procedureCode === undefined) !== (r.procedureId === undefined), { message: 'submissions.errors.procedureRequired', path: ['procedureCode'] });
export type StartSubmissionRequest = z.infer<typeof StartSubmissionRequestSchema>;

/**
 * PATCH /submissions/:id — autosave of a draft (or of a guided submission being completed). Each field sent replaces
 * the stored one (`answers` as a whole); omitted fields stay. `version` is the one the client last read: a stale one
 * gets 409 with the stored submission, so the client can merge and nothing typed is lost.
 */
export const SaveSubmissionRequestSchema = z.object({
  version: z.number().int().min(1),
  applicant: ApplicantDraftSchema.optional(),
  answers: EFormAnswersDraftSchema.optional(),
  conditions: Conditions.optional(),
  resultDelivery: ResultDeliverySchema.nullable().optional(),
  receivingUnitId: z.uuid().optional(),
  handlingUnitId: z.uuid().nullable().optional(),
});
export type SaveSubmissionRequest = z.infer<typeof SaveSubmissionRequestSchema>;

/** POST /submissions/:id/submit and /withdraw: the version the citizen saw. */
export const SubmitSubmissionRequestSchema = z.object({ version: z.number().int().min(1) });
export type SubmitSubmissionRequest = z.infer<typeof SubmitSubmissionRequestSchema>;
export const WithdrawSubmissionRequestSchema = z.object({ version: z.number().int().min(1), reason: DraftText(2000) });
export type WithdrawSubmissionRequest = z.infer<typeof WithdrawSubmissionRequestSchema>;

export const SubmissionIdParamsSchema = z.object({ id: z.uuid() });
export const RequirementParamsSchema = z.object({
  id: z.uuid(),
  key: z
    .string()
    .max(40)
    .regex(/^[a-z0-9-]+$/, 'submissions.errors.requirementUnknown'),
});
export const SubmissionFileParamsSchema = z.object({ id: z.uuid(), fileId: z.uuid() });
export const SubmissionSlipParamsSchema = z.object({ id: z.uuid(), slip: ApplicantSlipSchema });
export const SubmissionDecisionSlipParamsSchema = z.object({ id: z.uuid(), decisionId: z.uuid() });

export const ListMySubmissionsQuerySchema = z.object({
  state: SubmissionStateSchema.optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListMySubmissionsQuery = z.infer<typeof ListMySubmissionsQuerySchema>;

// ---------------------------------------------------------------- views

/** One attached file as the API shows it; `url` opens it for whoever asked (owner or desk). */
export const SubmissionFileSchema = z.object({
  id: z.uuid(),
  requirementKey: z.string(),
  fileName: z.string(),
  sizeBytes: z.number().int(),
  mediaType: z.string(),
  sha256: z.string(),
  uploadedAt: z.string(),
  url: z.string(),
});
export type SubmissionFile = z.infer<typeof SubmissionFileSchema>;

/** A group of the catalog's required documents, as the desk checks it (catalog `documentGroups`, D16). */
export const RequirementGroupSchema = z.object({ key: z.string(), kind: DocumentGroupKindSchema, label: z.string().nullable(), condition: z.string().nullable() });

/** One required document of the procedure's version, with the files attached for it. */
export const RequirementSchema = z.object({
  /** Stable within the catalog version: `d<position>` (1-based) in the version's required documents. */
  key: z.string(),
  /** Filled in by answering the version's e-form (the electronic declaration), not by attaching a file. */
  filledByEForm: z.boolean(),
  name: z.string(),
  originals: z.number().int().nullable(),
  copies: z.number().int().nullable(),
  note: z.string().nullable(),
  group: RequirementGroupSchema.nullable(),
  status: RequirementStatusSchema,
  files: z.array(SubmissionFileSchema),
});
export type Requirement = z.infer<typeof RequirementSchema>;

/** Something to fix before submitting: where (`applicant.idNumber`, `documents.d2`, `answers.fullName`…) and why. */
export const SubmissionProblemSchema = z.object({ path: z.string(), code: z.string(), message: z.string() });
export type SubmissionProblem = z.infer<typeof SubmissionProblemSchema>;

/** GET /submissions/:id/missing: what still stops the submission (the same checks submitting runs). */
export const CompletenessSchema = z.object({
  complete: z.boolean(),
  problems: z.array(SubmissionProblemSchema),
  requirements: z.array(RequirementSchema),
});
export type Completeness = z.infer<typeof CompletenessSchema>;

/** The desk's decision on one round of the submission (guide or refuse): its slip and what it asked for. */
export const SubmissionDecisionViewSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['guide', 'refuse']),
  /** The slip's number, e.g. "03/PBS-TTPVHCC" (Mẫu 02) or "01/PTC-TTPVHCC" (Mẫu 03), D14. */
  referenceNumber: z.string(),
  missingItems: z.array(z.string()),
  reasons: z.string(),
  decidedAt: z.string(),
  /** The slip as PDF, readable by the owner and by the desk. */
  slipUrl: z.string(),
});
export type SubmissionDecisionView = z.infer<typeof SubmissionDecisionViewSchema>;

/** The dossier the desk received from this submission, as its applicant sees it. */
export const SubmissionDossierViewSchema = z.object({
  id: z.uuid(),
  /** The dossier code issued at reception (§5.1, NĐ 118/2025). */
  code: z.string(),
  statusCode: z.number().int(),
  statusText: z.string(),
  receivedAt: z.string(),
  dueAt: z.string(),
  effectiveDueAt: z.string(),
  dueProvisional: z.boolean(),
  finishedAt: z.string().nullable(),
  returnedAt: z.string().nullable(),
  /** The slips the applicant may open, each with its number and the address of its PDF. */
  slips: z.array(DossierSlipViewSchema.extend({ url: z.string() })),
});
export type SubmissionDossierView = z.infer<typeof SubmissionDossierViewSchema>;

export const SubmissionEventSchema = z.object({
  at: z.string(),
  kind: z.enum(SUBMISSION_EVENT_KINDS),
  text: z.string(),
  actorLabel: z.string().nullable(),
  /** The slip the event issued, as PDF: Mẫu 02 for a guide, Mẫu 03 for a refusal, Mẫu 01 for the reception. */
  slipUrl: z.string().nullable(),
});

/** A submission as its owner or the reviewing desk sees it, with what the viewer may do next. */
export const SubmissionDetailSchema = z.object({
  id: z.uuid(),
  /** Tracking reference given at the first submission ("DK-2026-000042"); null while a draft. */
  reference: z.string().nullable(),
  state: SubmissionStateSchema,
  /** National status code (§3.2): 1 while awaiting reception, 2 received, 3 refused, 7 withdrawn; null otherwise. */
  statusCode: z.number().int().nullable(),
  stateText: z.string(),
  version: z.number().int(),
  /** Where it was submitted: this province's portal, or the national public-service portal (DVCQG). */
  origin: z.enum(['portal', 'national']),
  /** The national portal's dossier code of an application submitted there; null otherwise. */
  nationalCode: z.string().nullable(),
  procedure: z.object({
    versionId: z.uuid(),
    code: z.string(),
    name: z.string(),
    onlineMode: OnlineModeSchema.nullable(),
    /** False when another version came into force since the draft was started: saving moves the draft to it. */
    inForce: z.boolean(),
  }),
  receivingUnit: UnitRefSchema,
  handlingUnit: UnitRefSchema.nullable(),
  /** The procedure's implementing units the applicant may choose the handling agency from. */
  handlingUnitChoices: z.array(UnitRefSchema),
  applicant: ApplicantDraftViewSchema,
  /** The e-form of the submission's catalog version (the form the answers fill in, with its labels); null without one. */
  eForm: EFormDefinitionViewSchema.nullable(),
  answers: z.record(z.string(), z.unknown()),
  conditions: z.array(z.string()),
  resultDelivery: ResultDeliverySchema.nullable(),
  requirements: z.array(RequirementSchema),
  /** Files of documents the version in force no longer lists (a draft moved to an amended procedure): to remove. */
  otherFiles: z.array(SubmissionFileSchema),
  groups: z.array(RequirementGroupSchema),
  completeness: z.object({ complete: z.boolean(), problems: z.array(SubmissionProblemSchema) }),
  createdAt: z.string(),
  updatedAt: z.string(),
  firstSubmittedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** The desk's latest guide or refusal (Mẫu 02 / Mẫu 03), with its slip. */
  latestDecision: SubmissionDecisionViewSchema.nullable(),
  dossier: SubmissionDossierViewSchema.nullable(),
  timeline: z.array(SubmissionEventSchema),
  actions: z.object({ edit: z.boolean(), submit: z.boolean(), withdraw: z.boolean(), decide: z.boolean() }),
});
export type SubmissionDetail = z.infer<typeof SubmissionDetailSchema>;

/**
 * 409 of a save or action: with `current` (the stored submission) when the version was stale, so the client merges
 * instead of losing what was typed; without it for the other conflicts (a state that does not allow the action, an
 * amended procedure).
 */
export const SubmissionConflictSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), fields: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() })).optional() }),
  requestId: z.string(),
  current: SubmissionDetailSchema.optional(),
});

export const SubmissionSummarySchema = z.object({
  id: z.uuid(),
  reference: z.string().nullable(),
  state: SubmissionStateSchema,
  statusCode: z.number().int().nullable(),
  stateText: z.string(),
  procedureCode: z.string(),
  procedureName: z.string(),
  applicantName: z.string().nullable(),
  receivingUnit: UnitRefSchema,
  dossierCode: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
});
export type SubmissionSummary = z.infer<typeof SubmissionSummarySchema>;
export const ListMySubmissionsResponseSchema = z.object({ items: z.array(SubmissionSummarySchema), total: z.number().int() });
export type ListMySubmissionsResponse = z.infer<typeof ListMySubmissionsResponseSchema>;

/** GET /submissions/desks: the one-stop desks a citizen may submit to (every open centre of the province, §2). */
export const ReceptionDeskSchema = UnitRefSchema.extend({ parentName: z.string().nullable() });
export const ListReceptionDesksResponseSchema = z.object({ items: z.array(ReceptionDeskSchema) });
export type ListReceptionDesksResponse = z.infer<typeof ListReceptionDesksResponseSchema>;

// ---------------------------------------------------------------- desk

/** An opaque position in the awaiting queue (submitted at, id), from a previous page's `nextCursor`. */
const DeskCursorSchema = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9_-]+$/, 'submissions.errors.cursorInvalid')
  .describe('Opaque keyset cursor from a previous page (nextCursor); pages from it cost the same at any depth.');

export const DeskQueueQuerySchema = z.object({
  /** Only this desk (one of the caller's); omitted: every desk the caller receives for. */
  receivingUnitId: z.uuid().optional(),
  after: DeskCursorSchema.optional(),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type DeskQueueQuery = z.infer<typeof DeskQueueQuerySchema>;

export const DeskQueueItemSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  procedureCode: z.string(),
  procedureName: z.string(),
  applicantName: z.string().nullable(),
  applicantIdNumber: z.string().nullable(),
  receivingUnit: UnitRefSchema,
  /** When it was (last) submitted: the queue's order, oldest first. */
  submittedAt: z.string(),
  firstSubmittedAt: z.string(),
  /** True when it comes back after a guide (Mẫu 02). */
  resubmitted: z.boolean(),
  /** Where it was submitted: this province's portal, or the national public-service portal (DVCQG). */
  origin: z.enum(['portal', 'national']),
  /** The national portal's dossier code of an application submitted there; null otherwise. */
  nationalCode: z.string().nullable(),
  fileCount: z.number().int(),
  version: z.number().int(),
});
export type DeskQueueItem = z.infer<typeof DeskQueueItemSchema>;
export const DeskQueueResponseSchema = z.object({
  items: z.array(DeskQueueItemSchema),
  /** Submissions awaiting reception at these desks (all of them, however many pages). */
  total: z.number().int(),
  nextCursor: z.string().nullable().describe('Cursor of the next page (pass as `after`); null on the last page.'),
});
export type DeskQueueResponse = z.infer<typeof DeskQueueResponseSchema>;

const Reasons = z.string({ error: 'dossiers.errors.reasonsRequired' }).trim().min(1, 'dossiers.errors.reasonsRequired').max(4000);
const Note = DraftText(4000);
const MissingItems = z.array(Text(10_000).min(1)).max(100);

/**
 * POST /submissions/desk/:id/decision. The desk's intake of an online submission (§3.1 step 2): `accept` receives it
 * as a dossier (code and appointment issued now, NĐ 118/2025; Mẫu 01), `guide` asks for completion (Mẫu 02), `refuse`
 * refuses it (Mẫu 03). The papers are the attached files; the applicant is the one submitted.
 */
export const DeskDecisionRequestSchema = z.discriminatedUnion('decision', [
  z.object({
    decision: z.literal(DESK_DECISIONS[0]),
    version: z.number().int().min(1),
    /** The handling agency, when the procedure has several and the applicant chose none (or the desk redirects). */
    handlingUnitId: z.uuid().optional(),
    /** Only when the catalog's time for the online channel is unreadable: the officer states it (never guessed). */
    duration: DurationInputSchema.optional(),
    /**
     * The key of the procedure's fee exemption (miễn, giảm) the desk found the applicant entitled to, having checked the
     * proof; the fee awaited online is reduced by its share (nothing is awaited when exempt).
     */
    feeExemption: z.string().trim().min(1).max(40).optional(),
    note: Note,
  }),
  z.object({
    decision: z.literal(DESK_DECISIONS[1]),
    version: z.number().int().min(1),
    missingItems: z.array(Text(10_000).min(1), { error: 'dossiers.errors.missingItemsRequired' }).min(1, 'dossiers.errors.missingItemsRequired').max(100),
    reasons: Reasons,
    note: Note,
  }),
  z.object({
    decision: z.literal(DESK_DECISIONS[2]),
    version: z.number().int().min(1),
    missingItems: MissingItems.optional().default([]),
    reasons: Reasons,
    note: Note,
  }),
]);
export type DeskDecisionRequest = z.infer<typeof DeskDecisionRequestSchema>;

/** POST /submissions/:id/requirements/:key/files: the application as it now stands and the files just attached. */
export const AttachFilesResponseSchema = z.object({
  submission: SubmissionDetailSchema,
  files: z.array(
    SubmissionFileSchema.extend({
      /** The name's extension did not match the content and was corrected (a PNG named scan.pdf is kept as scan.png, D23). */
      extensionCorrected: z.boolean(),
    }),
  ),
});
export type AttachFilesResponse = z.infer<typeof AttachFilesResponseSchema>;

export const BinaryFileSchema = z.string().describe('binary file: the attached document (PDF, image…) or a slip (application/pdf)');
