import { z } from 'zod';
import { PageQuerySchema, pageOf } from '../common/common.contracts';
import { ChannelSchema, DOCUMENT_NAME_MAX, DurationUnitSchema } from '../catalog/catalog.contracts';
import { NOTIFICATION_CHANNELS } from '../notifications/notifications.contracts';

// Field messages below are i18n keys (translated by the server's error handler and by the web app).
// Instants are ISO-8601 with the +07:00 offset (domain README §19.1). See docs/api-plan-dossiers.md.

import {
  APPLICANT_KINDS,
  BADGES,
  CLASSIFICATIONS,
  DOSSIER_SLIPS,
  DOSSIER_STATES,
  DURATION_SOURCES,
  FEE_PAYMENT_METHODS,
  HOP_KINDS,
  INTAKE_DECISION_KINDS,
  PAUSE_REASONS,
  PERSON_ID_PATTERN,
  QUEUES,
  RESULT_DELIVERIES,
  TAX_CODE_PATTERN,
  TRANSITION_NAMES,
} from './dossiers.values';

export * from './dossiers.values';

/**
 * True while the due (or extended due) instant relies on a year whose official working calendar is not published yet:
 * it was counted on the statutory calendar (Bộ luật Lao động 2019 Điều 112) and is recomputed — the applicant notified
 * if it moves — when that year is published.
 */
export const DueProvisionalSchema = z
  .boolean()
  .describe('True while the appointment relies on a year whose official calendar is not published yet (counted on the statutory calendar, Labour Code art. 112).');

export const DossierStateSchema = z.enum(DOSSIER_STATES);
export type DossierState = z.infer<typeof DossierStateSchema>;
export const TransitionNameSchema = z.enum(TRANSITION_NAMES);
export type TransitionName = z.infer<typeof TransitionNameSchema>;
export const ResultDeliverySchema = z.enum(RESULT_DELIVERIES);
/** How the fee taken at the desk was paid: `cash` (tiền mặt), `bank-transfer` (chuyển khoản), `online` (trực tuyến), §6.3. */
export const FeePaymentMethodSchema = z.enum(FEE_PAYMENT_METHODS);
export type FeePaymentMethod = z.infer<typeof FeePaymentMethodSchema>;
export const ClassificationSchema = z.enum(CLASSIFICATIONS);
export type Classification = z.infer<typeof ClassificationSchema>;
export const QueueSchema = z.enum(QUEUES);
export type Queue = z.infer<typeof QueueSchema>;
export const BadgeSchema = z.enum(BADGES);
export type Badge = z.infer<typeof BadgeSchema>;

const Text = (max: number) => z.string().trim().max(max);
const OptionalText = (max: number) =>
  Text(max)
    .nullable()
    .optional()
    .transform((v) => (v === undefined || v === '' ? null : v));

export const ApplicantSchema = z
  .object({
    kind: z.enum(APPLICANT_KINDS),
    name: Text(300).min(1, 'dossiers.errors.applicantNameRequired'),
    idNumber: Text(20),
    phone: OptionalText(20).refine((v) => v === null || /^\+?[0-9 .-]{8,20}$/.test(v), 'dossiers.errors.phoneInvalid'),
    email: OptionalText(200).refine((v) => v === null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), 'dossiers.errors.emailInvalid'),
    address: OptionalText(500),
    /**
     * The channels the applicant wants to be told on (a portal account's choice, or what they told the desk); absent or
     * null: every channel their contacts reach.
     */
    notifyChannels: z
      .array(z.enum(NOTIFICATION_CHANNELS))
      .min(1)
      .max(NOTIFICATION_CHANNELS.length)
      .refine((v) => new Set(v).size === v.length, 'dossiers.errors.notifyChannelsRepeated')
      .nullable()
      .optional(),
  })
  .superRefine((a, ctx) => {
    if (a.kind === 'person' && !PERSON_ID_PATTERN.test(a.idNumber)) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: 'dossiers.errors.idNumberPerson' });
    if (a.kind === 'organisation' && !TAX_CODE_PATTERN.test(a.idNumber)) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: 'dossiers.errors.idNumberOrganisation' });
  });
export type Applicant = z.infer<typeof ApplicantSchema>;

/**
 * The person who hands the dossier in on the applicant's behalf (người được ủy quyền), printed in Mẫu 01's
 * authorised-person block (§4.2); absent when the applicant submits in person.
 */
export const SubmitterSchema = z.object({
  name: Text(300).min(1, 'dossiers.errors.submitterNameRequired'),
  idNumber: OptionalText(20).refine((v) => v === null || PERSON_ID_PATTERN.test(v), 'dossiers.errors.idNumberPerson'),
  phone: OptionalText(20).refine((v) => v === null || /^\+?[0-9 .-]{8,20}$/.test(v), 'dossiers.errors.phoneInvalid'),
  email: OptionalText(200).refine((v) => v === null || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), 'dossiers.errors.emailInvalid'),
  address: OptionalText(500),
  /** The authorisation paper, e.g. "Giấy ủy quyền số 12/GUQ ngày 20/11/2026". */
  authorisationDocument: OptionalText(500),
});
export type Submitter = z.infer<typeof SubmitterSchema>;

/** The applicant as the API shows it back (intake decisions and dossiers). */
const ApplicantViewSchema = z.object({
  kind: z.enum(APPLICANT_KINDS),
  name: z.string(),
  idNumber: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
});

/**
 * The name of a paper at the desk, in the checklist or among the papers asked for: as long as the catalog lets a
 * required document's name be, since the desk copies it from there (DOCUMENT_NAME_MAX, issue 10 item 6).
 */
const DocumentName = Text(DOCUMENT_NAME_MAX).min(1);

export const ChecklistItemSchema = z.object({
  name: DocumentName,
  originals: z.number().int().min(0).max(100),
  /** Bản sao chứng thực, its own column on Mẫu 01 (§4.2); absent = 0. */
  certifiedCopies: z.number().int().min(0).max(100).optional(),
  copies: z.number().int().min(0).max(100),
  /** Shown to the officer and given back (giấy tờ phải xuất trình), not kept in the dossier. */
  presented: z.boolean().optional(),
  /** The case this document was asked for ("Trường hợp trẻ em bị bỏ rơi"); set by the server from the catalog. */
  condition: z.string().nullable().optional(),
});
export type ChecklistItem = z.infer<typeof ChecklistItemSchema>;
/**
 * A checklist item as the API shows it back. Read schemas state the shape of what is stored and never the input
 * limits: a limit checked again on the way out turns a value some write once took into a 500 (issue 10 item 6).
 */
export const ChecklistItemViewSchema = z.object({
  name: z.string(),
  originals: z.number().int(),
  certifiedCopies: z.number().int().optional(),
  copies: z.number().int(),
  presented: z.boolean().optional(),
  condition: z.string().nullable().optional(),
});

export const DurationInputSchema = z.object({ amount: z.number().positive().max(10000), unit: DurationUnitSchema });

export const AttachmentSchema = z.object({
  fileName: Text(255).min(1),
  mimeType: Text(120).min(1),
  sizeBytes: z.number().int().min(0),
  storageKey: OptionalText(500),
});
export type Attachment = z.infer<typeof AttachmentSchema>;
/** An attachment as the API shows it back (no input limits, see ChecklistItemViewSchema). */
export const AttachmentViewSchema = z.object({ fileName: z.string(), mimeType: z.string(), sizeBytes: z.number().int(), storageKey: z.string().nullable() });

export const UnitRefSchema = z.object({ id: z.uuid(), code: z.string(), name: z.string() });
export type UnitRef = z.infer<typeof UnitRefSchema>;
export const ProcedureRefSchema = z.object({ versionId: z.uuid(), code: z.string(), name: z.string() });

// ---------------------------------------------------------------- intake

/** What every intake decision names: the procedure, the desks, the applicant and the papers checked at the desk. */
const intakeBase = {
  procedureCode: Text(60).min(1),
  receivingUnitId: z.uuid().optional(),
  handlingUnitId: z.uuid().optional(),
  channel: ChannelSchema,
  applicant: ApplicantSchema,
  /** The papers checked at the desk; a guide or refusal keeps them on its record (Mẫu 02 / Mẫu 03). */
  checklist: z.array(ChecklistItemSchema).max(200).default([]),
  /** Keys of the procedure's conditional document groups whose case applies to this applicant (catalog `documentGroups`). */
  conditions: z.array(Text(40).min(1)).max(100).optional(),
  note: OptionalText(4000),
};
// Absent, null or blank all get the same translated message (the key is also the type error's, so a missing field names it).
const IntakeReasons = z.string({ error: 'dossiers.errors.reasonsRequired' }).trim().min(1, 'dossiers.errors.reasonsRequired').max(4000);
const MissingItem = DocumentName;

/**
 * POST /dossiers/intake, one shape per `decision`: each declares exactly its own fields (issue 8 item 12). Fields of
 * another decision are dropped, not refused, so a client sending the whole desk form keeps working.
 */
export const IntakeRequestSchema = z.discriminatedUnion('decision', [
  z
    .object({
      decision: z.literal('accept'),
      ...intakeBase,
      /** Who hands the dossier in for the applicant (Mẫu 01 authorised-person block); omit when the applicant comes in person. */
      submitter: SubmitterSchema.optional(),
      feeVnd: z.number().int().min(0).max(1_000_000_000_000).optional().default(0),
      /**
       * How the fee was paid (printed on Mẫu 01 beside "Hình thức thu phí, lệ phí"): required when `feeVnd` is above 0,
       * refused when no fee was taken.
       */
      feePaymentMethod: FeePaymentMethodSchema.nullable().optional(),
      resultDelivery: ResultDeliverySchema.optional(),
      /** Required when the catalog's time for the channel is unreadable: the officer states it, nothing is guessed. */
      duration: DurationInputSchema.optional(),
      /**
       * "Receive and return now" (issue 9 item 6): only for a procedure the province designates for on-the-spot resolution
       * (catalog `onTheSpot`); the dossier is received, then returned to the applicant at the desk, finished early.
       */
      returnNow: z.boolean().optional(),
    })
    .superRefine((r, ctx) => {
      if (r.feeVnd > 0 && !r.feePaymentMethod) ctx.addIssue({ code: 'custom', path: ['feePaymentMethod'], message: 'dossiers.errors.feePaymentMethodRequired' });
      if (r.feeVnd === 0 && r.feePaymentMethod) ctx.addIssue({ code: 'custom', path: ['feePaymentMethod'], message: 'dossiers.errors.feePaymentMethodWithoutFee' });
    }),
  z.object({
    /** Guide to supplement (Mẫu 02, §3.1 step 2b): the papers still missing and why; no dossier is received. */
    decision: z.literal('guide'),
    ...intakeBase,
    missingItems: z.array(MissingItem, { error: 'dossiers.errors.missingItemsRequired' }).min(1, 'dossiers.errors.missingItemsRequired').max(100),
    reasons: IntakeReasons,
  }),
  z.object({
    /** Refuse (Mẫu 03, §3.1 step 2c): the reasons; any papers named are passed on in the applicant's notice. */
    decision: z.literal('refuse'),
    ...intakeBase,
    missingItems: z.array(MissingItem).max(100).optional().default([]),
    reasons: IntakeReasons,
  }),
]);
export type IntakeRequest = z.infer<typeof IntakeRequestSchema>;

export const IntakeDecisionSchema = z.object({
  id: z.uuid(),
  kind: z.enum(INTAKE_DECISION_KINDS),
  /** National code 3 "Không được tiếp nhận" for a refusal (§3.2); null for a desk guide, which is no dossier. */
  statusCode: z.number().int().nullable(),
  referenceNumber: z.string(),
  procedure: ProcedureRefSchema,
  receivingUnit: UnitRefSchema,
  handlingUnit: UnitRefSchema.nullable(),
  channel: ChannelSchema,
  applicant: ApplicantViewSchema,
  checklist: z.array(ChecklistItemViewSchema),
  missingItems: z.array(z.string()),
  reasons: z.string(),
  note: z.string().nullable(),
  decidedAt: z.string(),
  decidedBy: z.string(),
});
export type IntakeDecision = z.infer<typeof IntakeDecisionSchema>;

// ---------------------------------------------------------------- detail

export const HolderSchema = z.object({ unit: UnitRefSchema, role: z.string() });

export const WorkflowStepViewSchema = z.object({
  index: z.number().int(),
  name: z.string(),
  unit: UnitRefSchema,
  role: z.string(),
  budgetMinutes: z.number().int().nullable(),
  interAgency: z.boolean(),
  isReturnStep: z.boolean(),
});

export const HopSchema = z.object({
  id: z.uuid(),
  seq: z.number().int(),
  kind: z.enum(HOP_KINDS),
  stepIndex: z.number().int().nullable(),
  name: z.string(),
  fromUnit: UnitRefSchema.nullable(),
  toUnit: UnitRefSchema,
  role: z.string(),
  startedAt: z.string(),
  budgetMinutes: z.number().int().nullable(),
  dueAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  classification: ClassificationSchema.nullable(),
  handedBy: z.string().nullable(),
  note: z.string().nullable(),
  attachments: z.array(AttachmentViewSchema),
});
export type Hop = z.infer<typeof HopSchema>;

export const PauseSchema = z.object({
  id: z.uuid(),
  reason: z.enum(PAUSE_REASONS),
  from: z.string(),
  to: z.string().nullable(),
  note: z.string().nullable(),
});

export const TimelineEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  kind: z.string(),
  public: z.boolean(),
  statusCode: z.number().int(),
  text: z.string(),
  note: z.string().nullable(),
  actorLabel: z.string().nullable(),
});

export const AllowedTransitionSchema = z.object({ transition: TransitionNameSchema, label: z.string() });

/** A slip of the dossier as the detail lists it, with the number it prints (D14). */
export const DossierSlipViewSchema = z.object({
  slip: z.enum(DOSSIER_SLIPS),
  /**
   * The number as printed, e.g. "03/PKS-TTPVHCC": issued with the act the slip records (reception, the supplement
   * request, the stop, the apology), so it is the same here and on every print. Null only for a slip of a dossier
   * received before slips were numbered with their act, until its first print.
   */
  reference: z.string().nullable(),
  /** When the number was issued; null with it. */
  issuedAt: z.string().nullable(),
});
export type DossierSlipView = z.infer<typeof DossierSlipViewSchema>;

/** A file the applicant sent online for a supplement request (issue 11 item 4), as officers and the applicant see it. */
export const SupplementFileSchema = z.object({
  id: z.uuid(),
  /** Position of the asked-for paper in the request's `items`; null when sent without naming one. */
  itemIndex: z.number().int().nullable(),
  fileName: z.string(),
  sizeBytes: z.number().int(),
  mediaType: z.string(),
  sha256: z.string(),
  uploadedAt: z.string(),
  /** When the applicant resubmitted it with the supplement; null while it is still being prepared. */
  submittedAt: z.string().nullable(),
});
export type SupplementFile = z.infer<typeof SupplementFileSchema>;

export const DossierDetailSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  version: z.number().int(),
  state: DossierStateSchema,
  statusCode: z.number().int(),
  /** The national name of statusCode (§3.2), e.g. "Được tiếp nhận". */
  statusText: z.string(),
  /** The back office's own wording of the internal state, e.g. "Đã tiếp nhận, chờ chuyển xử lý". */
  stateText: z.string(),
  procedure: ProcedureRefSchema,
  receivingUnit: UnitRefSchema,
  handlingUnit: UnitRefSchema,
  holder: HolderSchema,
  channel: ChannelSchema,
  resultDelivery: ResultDeliverySchema,
  applicant: ApplicantViewSchema,
  checklist: z.array(ChecklistItemViewSchema),
  feeVnd: z.number().int(),
  /** How the fee was paid; null when no fee was taken, or not recorded (dossiers received before it was asked). */
  feePaymentMethod: FeePaymentMethodSchema.nullable(),
  duration: z.object({ amount: z.number(), unit: DurationUnitSchema, source: z.enum(DURATION_SOURCES) }),
  ruleVersion: z.string(),
  pauseRule: z.string(),
  receivedAt: z.string(),
  dueAt: z.string(),
  extendedDueAt: z.string().nullable(),
  effectiveDueAt: z.string(),
  dueProvisional: DueProvisionalSchema,
  finishedAt: z.string().nullable(),
  returnedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  returnMethod: z.string().nullable(),
  returnedTo: z.string().nullable(),
  classification: ClassificationSchema.nullable(),
  withinExtension: z.boolean(),
  lateUnit: UnitRefSchema.nullable(),
  atRisk: z.boolean(),
  paused: z.boolean(),
  remainingWorkingMinutes: z.number().nullable(),
  badge: BadgeSchema,
  book: z.object({ number: z.string(), seq: z.number().int() }),
  currentStep: z.number().int(),
  workflow: z.array(WorkflowStepViewSchema),
  hops: z.array(HopSchema),
  pauses: z.array(PauseSchema),
  timeline: z.array(TimelineEntrySchema),
  supplementRequests: z.array(
    z.object({
      requestedAt: z.string(),
      items: z.array(z.string()),
      reason: z.string().nullable(),
      receivedAt: z.string().nullable(),
      /** Its Mẫu 02 number (the desk's series, D14); null for a request made before it was numbered with the act, until printed. */
      reference: z.string().nullable(),
      /** The files the applicant sent online for it (submitted ones only: what is still being prepared is the applicant's). */
      files: z.array(SupplementFileSchema),
    }),
  ),
  /** The slips this dossier has, in print order (the supplement request is the latest one's), each with its number. */
  slips: z.array(DossierSlipViewSchema),
  apology: z
    .object({
      id: z.uuid(),
      referenceNumber: z.string(),
      issuedAt: z.string(),
      issuedBy: z.string(),
      reason: z.string(),
      originalDueAt: z.string(),
      newDueAt: z.string(),
    })
    .nullable(),
  stopNotice: z.object({ reason: z.string(), at: z.string(), by: z.string().nullable() }).nullable(),
  allowedTransitions: z.array(AllowedTransitionSchema),
  actions: z.object({ apology: z.boolean() }),
});
export type DossierDetail = z.infer<typeof DossierDetailSchema>;

export const IntakeResponseSchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('accept'), dossier: DossierDetailSchema }),
  z.object({ decision: z.literal('guide'), intakeDecision: IntakeDecisionSchema }),
  z.object({ decision: z.literal('refuse'), intakeDecision: IntakeDecisionSchema }),
]);
export type IntakeResponse = z.infer<typeof IntakeResponseSchema>;

// ---------------------------------------------------------------- transitions

const base = {
  expectedVersion: z.number().int().min(1),
  note: OptionalText(4000),
  attachments: z.array(AttachmentSchema).max(20).optional().default([]),
};
const Reason = Text(4000).min(1, 'dossiers.errors.reasonRequired');

export const TransitionRequestSchema = z.discriminatedUnion('transition', [
  z.object({ transition: z.literal('forward'), ...base }),
  z.object({ transition: z.literal('return-to-step'), ...base, stepIndex: z.number().int().min(0), note: Reason }),
  z.object({ transition: z.literal('request-supplement'), ...base, items: z.array(DocumentName).min(1, 'dossiers.errors.missingItemsRequired').max(100), reason: Reason }),
  z.object({ transition: z.literal('receive-supplement'), ...base }),
  z.object({ transition: z.literal('request-payment'), ...base, amountVnd: z.number().int().min(0).max(1_000_000_000_000).optional(), reason: Reason }),
  z.object({ transition: z.literal('confirm-payment'), ...base }),
  z.object({
    transition: z.literal('transfer'),
    ...base,
    toUnitId: z.uuid(),
    role: z.enum(['specialist', 'leader']).optional().default('specialist'),
    budgetMinutes: z.number().int().min(1).max(10_000_000),
  }),
  z.object({ transition: z.literal('transfer-back'), ...base }),
  z.object({ transition: z.literal('approve'), ...base }),
  z.object({ transition: z.literal('result-ready'), ...base }),
  z.object({ transition: z.literal('return-result'), ...base, method: ResultDeliverySchema, receivedBy: Text(300).min(1, 'dossiers.errors.receivedByRequired') }),
  // Issue 9 item 6: an on-the-spot procedure is received and its result handed to the applicant at the desk at once.
  z.object({ transition: z.literal('return-on-the-spot'), ...base }),
  z.object({ transition: z.literal('stop'), ...base, reason: Reason }),
  z.object({ transition: z.literal('withdraw'), ...base, reason: Reason }),
]);
export type TransitionRequest = z.infer<typeof TransitionRequestSchema>;

export const ApologyRequestSchema = z.object({
  expectedVersion: z.number().int().min(1),
  reason: Text(4000).min(1, 'dossiers.errors.reasonRequired'),
  newDueAt: z.iso.datetime({ offset: true }),
});
export type ApologyRequest = z.infer<typeof ApologyRequestSchema>;

// ---------------------------------------------------------------- queues

/** An opaque position in a queue's order (effective due, then code), from a previous page's `nextCursor`/`prevCursor`. */
const QueueCursorSchema = z
  .string()
  .max(200)
  .regex(/^[A-Za-z0-9_-]+$/, 'dossiers.errors.cursorInvalid')
  .describe('Opaque keyset cursor from a previous page (nextCursor or prevCursor); pages from it cost the same at any depth.');

export const ListDossiersQuerySchema = PageQuerySchema.extend({
  queue: QueueSchema.optional().default('mine'),
  q: z
    .string()
    .trim()
    .max(200)
    .optional()
    .describe(
      'Words the dossier must have: its code (or parts of it between dashes), applicant name with or without diacritics, ID number or phone; the last word may be the start of a word (4 characters or more).',
    ),
  state: DossierStateSchema.optional(),
  after: QueueCursorSchema.optional().describe('The page after this cursor (keyset pagination; `page` is then ignored).'),
  before: QueueCursorSchema.optional().describe('The page before this cursor (keyset pagination; `page` is then ignored).'),
}).refine((q) => !(q.after && q.before), { message: 'dossiers.errors.cursorInvalid', path: ['before'] });
export type ListDossiersQuery = z.infer<typeof ListDossiersQuerySchema>;

export const DossierListItemSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  procedureName: z.string(),
  applicantName: z.string(),
  state: DossierStateSchema,
  statusCode: z.number().int(),
  /** The national name of statusCode (§3.2). */
  statusText: z.string(),
  /** The back office's own wording of the internal state. */
  stateText: z.string(),
  holder: HolderSchema,
  receivedAt: z.string(),
  dueAt: z.string(),
  extendedDueAt: z.string().nullable(),
  effectiveDueAt: z.string(),
  dueProvisional: DueProvisionalSchema,
  remainingWorkingMinutes: z.number().nullable(),
  badge: BadgeSchema,
  atRisk: z.boolean(),
  paused: z.boolean(),
  version: z.number().int(),
});
export type DossierListItem = z.infer<typeof DossierListItemSchema>;
/** Totals are counted up to this many; beyond it the queue answers "more than 10,000" (`totalExact` false). */
export const QUEUE_TOTAL_CAP = 10_000;
/**
 * A search's matches are counted up to this many: a name shared by thousands of applicants is a reason to type more
 * (an ID number, a phone), and counting every match would cost a visit per match (D21).
 */
export const SEARCH_TOTAL_CAP = 200;
export const ListDossiersResponseSchema = pageOf(DossierListItemSchema).extend({
  total: z
    .number()
    .int()
    .describe(
      `Dossiers in the queue, counted up to ${QUEUE_TOTAL_CAP} (with \`q\`: up to ${SEARCH_TOTAL_CAP}; a search of common words in "all" is not counted and gives the rows known so far); see totalExact.`,
    ),
  totalExact: z
    .boolean()
    .describe(`False when the queue holds more than total: more than the cap (${QUEUE_TOTAL_CAP}, or ${SEARCH_TOTAL_CAP} with \`q\`), or more than the rows known so far.`),
  nextCursor: z.string().nullable().describe('Cursor of the next page (pass as `after`); null on the last page.'),
  prevCursor: z.string().nullable().describe('Cursor of the previous page (pass as `before`); null on the first page.'),
});
export type ListDossiersResponse = z.infer<typeof ListDossiersResponseSchema>;

// ---------------------------------------------------------------- public lookup

export const DossierCodeParamsSchema = z.object({ code: z.string().trim().min(1).max(60) });

const Bilingual = z.object({ vi: z.string(), en: z.string() });
export const PublicLookupSchema = z.object({
  code: z.string(),
  procedureName: z.string(),
  applicantName: z.string(),
  statusCode: z.number().int(),
  status: Bilingual,
  holderUnitName: z.string(),
  receivedAt: z.string(),
  appointmentAt: z.string(),
  extendedAppointmentAt: z.string().nullable(),
  dueProvisional: DueProvisionalSchema,
  finishedAt: z.string().nullable(),
  returnedAt: z.string().nullable(),
  timeline: z.array(z.object({ at: z.string(), statusCode: z.number().int(), text: Bilingual })),
});
export type PublicLookup = z.infer<typeof PublicLookupSchema>;

// ---------------------------------------------------------------- sweep

export const SweepRequestSchema = z.object({ limit: z.number().int().min(1).max(10000).optional() }).optional();
export const SweepResponseSchema = z.object({ checked: z.number().int(), flagged: z.number().int(), cleared: z.number().int() });
export type SweepResponse = z.infer<typeof SweepResponseSchema>;

// ---------------------------------------------------------------- slips (Mẫu 01–07)

export const SlipParamsSchema = z.object({ id: z.uuid(), slip: z.enum(DOSSIER_SLIPS) });
export const TrackingBookQuerySchema = z
  .object({
    receivingUnitId: z.uuid(),
    from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'errors.field.date'),
    to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'errors.field.date'),
  })
  .refine((q) => q.from <= q.to, { message: 'dossiers.errors.periodInvalid', path: ['to'] });
/** A binary file (PDF or Excel); documented only — Fastify sends buffers and streams (the tracking book) unserialised. */
export const FileResponseSchema = z.string().describe('binary file: application/pdf or application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
