import { z } from 'zod';
import { IsoDateSchema, PageQuerySchema, pageOf } from '../common/common.contracts';
import { UnitRefSchema } from '../dossiers/dossiers.contracts';
import {
  DEADLINE_RULES,
  FEEDBACK_CHANNELS,
  FEEDBACK_EVENT_KINDS,
  FEEDBACK_KINDS,
  FEEDBACK_LIMITS as L,
  FEEDBACK_RATINGS,
  FEEDBACK_STATES,
  HANDLED_KINDS,
  OFFICER_INTAKE_CHANNELS,
  OUT_OF_SCOPE_CATEGORIES,
} from './feedback.values';

// Feedback and petitions on administrative regulations (PAKN, issue 14 items 1–4; domain README §8). Field messages
// below are i18n keys (translated by the server's error handler and by the web app). Instants are ISO-8601 with the
// +07:00 offset (domain README §19.1).

export * from './feedback.values';

export const FeedbackStateSchema = z.enum(FEEDBACK_STATES);
export type FeedbackState = z.infer<typeof FeedbackStateSchema>;
export const FeedbackKindSchema = z.enum(FEEDBACK_KINDS);
export type FeedbackKind = z.infer<typeof FeedbackKindSchema>;
export const FeedbackChannelSchema = z.enum(FEEDBACK_CHANNELS);
export const DeadlineRuleSchema = z.enum(DEADLINE_RULES);
export type DeadlineRule = z.infer<typeof DeadlineRuleSchema>;
export const FeedbackRatingSchema = z.enum(FEEDBACK_RATINGS);
export const OutOfScopeCategorySchema = z.enum(OUT_OF_SCOPE_CATEGORIES);

const Text = (min: number, max: number) => z.string().trim().min(min).max(max);
const Reason = Text(L.reasonMin, L.reasonMax);
const Instant = z.iso.datetime({ offset: true });
/** The optimistic lock every officer action carries: the version the officer saw. */
const Version = z.number().int().min(1);

// ---------------------------------------------------------------- intake

/**
 * Who sends the item. Anonymous portal senders give a name and an e-mail or a phone (to be told the answer and to
 * follow it: NĐ 20/2008/NĐ-CP, as amended, and provincial rules such as Bắc Ninh QĐ 80/2025 do not answer items whose
 * sender cannot be reached, §8 "Intake rejection"); a signed-in account's own details fill what is left out.
 */
export const FeedbackSenderInputSchema = z.object({
  name: Text(2, 200).optional(),
  email: z.string().trim().max(200).pipe(z.email('feedback.errors.emailInvalid')).optional(),
  phone: z
    .string()
    .trim()
    .max(20)
    .regex(/^\+?[0-9][0-9 .-]{7,18}[0-9]$/, 'feedback.errors.phoneInvalid')
    .optional(),
  address: Text(1, 500).optional(),
});
export type FeedbackSenderInput = z.infer<typeof FeedbackSenderInputSchema>;

/** POST /feedback: an item filed from the portal (signed in, or anonymous with contact details). */
export const SubmitFeedbackRequestSchema = z.object({
  title: Text(L.titleMin, L.titleMax),
  content: Text(L.contentMin, L.contentMax),
  /** The procedure it is about (its code in the catalogue in force); routes it to the procedure's implementing unit. */
  procedureCode: Text(1, 60).optional(),
  /**
   * The field (lĩnh vực, as the catalogue names it) when no procedure is named: routes it to the unit that alone carries
   * out the field's procedures in force, else to the province's default unit.
   */
  field: Text(1, 300).optional(),
  /** A dossier it is about, by the code on the receipt. */
  dossierCode: Text(1, 60).optional(),
  /** The sender agrees that the answer is published with personal data masked (the default); false keeps it private. */
  publish: z.boolean().default(true),
  sender: FeedbackSenderInputSchema.optional(),
});
export type SubmitFeedbackRequest = z.infer<typeof SubmitFeedbackRequestSchema>;

/** POST /feedback/intake: an officer enters an item received at the desk, by letter, hotline or e-mail, for its sender. */
export const OfficerIntakeRequestSchema = SubmitFeedbackRequestSchema.extend({
  channel: z.enum(OFFICER_INTAKE_CHANNELS),
  /** The officer's unit that received it. */
  receivingUnitId: z.uuid(),
  sender: FeedbackSenderInputSchema,
});
export type OfficerIntakeRequest = z.infer<typeof OfficerIntakeRequestSchema>;

/** What intake answers: the code, where it went, when it is due, and (for a sender without an account) the secret key. */
export const FeedbackReceiptSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  state: FeedbackStateSchema,
  channel: FeedbackChannelSchema,
  receivedAt: z.string(),
  dueAt: z.string(),
  assignedUnit: UnitRefSchema,
  publish: z.boolean(),
  /**
   * The secret that lets a sender without an account reply, rate and read the item (shown once, also sent to their
   * contacts); null for an item filed by a signed-in account, which uses the account.
   */
  senderToken: z.string().nullable(),
});
export type FeedbackReceipt = z.infer<typeof FeedbackReceiptSchema>;

// ---------------------------------------------------------------- public

export const FeedbackCodeParamsSchema = z.object({ code: z.string().trim().min(1).max(40) });

/** An answered item as the public sees it: personal data masked, the sender's name as initials. */
export const PublicFeedbackSummarySchema = z.object({
  code: z.string(),
  kind: z.enum(HANDLED_KINDS),
  title: z.string(),
  senderName: z.string(),
  procedure: z.object({ code: z.string(), name: z.string() }).nullable(),
  field: z.string().nullable(),
  unit: UnitRefSchema,
  receivedAt: z.string(),
  answeredAt: z.string(),
  /** True while a reopened item is handled again (its earlier answer stays shown). */
  reopened: z.boolean(),
  followers: z.number().int(),
});
export type PublicFeedbackSummary = z.infer<typeof PublicFeedbackSummarySchema>;
export const PublicFeedbackDetailSchema = PublicFeedbackSummarySchema.extend({
  content: z.string(),
  answer: z.string(),
  dueAt: z.string(),
  /** The answer was approved no later than its due instant (working time, pauses left out). */
  answeredOnTime: z.boolean().nullable(),
});
export type PublicFeedbackDetail = z.infer<typeof PublicFeedbackDetailSchema>;

/** GET /feedback/similar: answered, published items like what the citizen is typing (at most 5). */
export const SimilarFeedbackQuerySchema = z.object({ q: Text(3, 500) });
export const SimilarFeedbackResponseSchema = z.object({ items: z.array(PublicFeedbackSummarySchema) });
export type SimilarFeedbackResponse = z.infer<typeof SimilarFeedbackResponseSchema>;

export const PublicFeedbackQuerySchema = PageQuerySchema.extend({
  q: z.string().trim().max(200).optional(),
  procedureCode: z.string().trim().max(60).optional(),
  field: z.string().trim().max(300).optional(),
  unitId: z.uuid().optional(),
});
export type PublicFeedbackQuery = z.infer<typeof PublicFeedbackQuerySchema>;
export const PublicFeedbackListSchema = pageOf(PublicFeedbackSummarySchema);
export type PublicFeedbackList = z.infer<typeof PublicFeedbackListSchema>;

/** Counts by the assigned unit, items received from `from` to `to` (Vietnamese calendar days, both included). */
export const FeedbackStatsQuerySchema = z.object({ from: IsoDateSchema.optional(), to: IsoDateSchema.optional() });
const StatsRow = z.object({
  received: z.number().int(),
  answered: z.number().int(),
  answeredOnTime: z.number().int(),
  /** answeredOnTime / answered, null when nothing was answered. */
  onTimeRate: z.number().nullable(),
  open: z.number().int(),
  openOverdue: z.number().int(),
  outOfScope: z.number().int(),
});
export const FeedbackStatsSchema = z.object({
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** How the numbers are defined, in the caller's language (§19: each definition shown next to its numbers). */
  definition: z.string(),
  total: StatsRow,
  items: z.array(StatsRow.extend({ unit: UnitRefSchema })),
});
export type FeedbackStats = z.infer<typeof FeedbackStatsSchema>;

// ---------------------------------------------------------------- the sender

export const FollowFeedbackResponseSchema = z.object({ code: z.string(), following: z.literal(true), followers: z.number().int() });
export type FollowFeedbackResponse = z.infer<typeof FollowFeedbackResponseSchema>;

/** The sender's secret, for a sender without an account (a signed-in sender sends none). */
const SenderToken = z.string().trim().min(16).max(100).optional();

export const SenderViewQuerySchema = z.object({ token: SenderToken });
/** POST /feedback/:code/reply: the sender answers an information request; the clock resumes. */
export const FeedbackReplyRequestSchema = z.object({ token: SenderToken, message: Text(L.reasonMin, L.contentMax) });
export type FeedbackReplyRequest = z.infer<typeof FeedbackReplyRequestSchema>;
/** POST /feedback/:code/rating: once per answer; an unsatisfied rating may ask to reopen the item (once per item). */
export const FeedbackRatingRequestSchema = z.object({
  token: SenderToken,
  rating: FeedbackRatingSchema,
  comment: Text(1, L.reasonMax).optional(),
  reopen: z.boolean().default(false),
});
export type FeedbackRatingRequest = z.infer<typeof FeedbackRatingRequestSchema>;

/** An item as its sender sees it. */
export const SenderFeedbackViewSchema = z.object({
  code: z.string(),
  title: z.string(),
  state: FeedbackStateSchema,
  stateText: z.string(),
  receivedAt: z.string(),
  dueAt: z.string(),
  paused: z.boolean(),
  /** The open information request, when the unit asked for more. */
  question: z.string().nullable(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  outOfScope: z.object({ category: OutOfScopeCategorySchema, reason: z.string(), law: z.string() }).nullable(),
  mergedInto: z.string().nullable(),
  ratings: z.array(z.object({ round: z.number().int(), rating: FeedbackRatingSchema, ratedAt: z.string() })),
  /** The unit handling it now (so the sender sees where it went). */
  unit: UnitRefSchema,
  /**
   * What happened to it, oldest first: received, classified, transferred, deadline set, information asked and given,
   * answered, rated, reopened, closed or merged (the unit's internal drafts, notes and reminders are left out).
   */
  history: z.array(z.object({ at: z.string(), kind: z.enum(FEEDBACK_EVENT_KINDS), text: z.string() })),
  actions: z.object({ reply: z.boolean(), rate: z.boolean(), reopen: z.boolean() }),
});
export type SenderFeedbackView = z.infer<typeof SenderFeedbackViewSchema>;
export const MyFeedbackResponseSchema = z.object({ items: z.array(SenderFeedbackViewSchema) });
export type MyFeedbackResponse = z.infer<typeof MyFeedbackResponseSchema>;

// ---------------------------------------------------------------- officers

export const FeedbackIdParamsSchema = z.object({ id: z.uuid() });

export const FeedbackQueueQuerySchema = PageQuerySchema.extend({
  state: FeedbackStateSchema.optional(),
  /** true: only items past their due instant while the clock runs. */
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  /** A code, or words of the title (diacritics ignored). */
  q: z.string().trim().max(200).optional(),
  unitId: z.uuid().optional(),
});
export type FeedbackQueueQuery = z.infer<typeof FeedbackQueueQuerySchema>;

export const FeedbackQueueItemSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  title: z.string(),
  state: FeedbackStateSchema,
  stateText: z.string(),
  kind: FeedbackKindSchema.nullable(),
  channel: FeedbackChannelSchema,
  assignedUnit: UnitRefSchema,
  senderName: z.string(),
  procedureCode: z.string().nullable(),
  receivedAt: z.string(),
  dueAt: z.string(),
  paused: z.boolean(),
  overdue: z.boolean(),
  version: z.number().int(),
});
export type FeedbackQueueItem = z.infer<typeof FeedbackQueueItemSchema>;
export const FeedbackQueueSchema = pageOf(FeedbackQueueItemSchema);
export type FeedbackQueue = z.infer<typeof FeedbackQueueSchema>;

export const FeedbackActionsSchema = z.object({
  classify: z.boolean(),
  closeOutOfScope: z.boolean(),
  transfer: z.boolean(),
  merge: z.boolean(),
  setDeadline: z.boolean(),
  requestInfo: z.boolean(),
  draftAnswer: z.boolean(),
  approve: z.boolean(),
  sendBack: z.boolean(),
});

/** An item as the officers of its unit (and the province's readers) see it, with what the caller may do next. */
export const FeedbackDetailSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  version: z.number().int(),
  state: FeedbackStateSchema,
  stateText: z.string(),
  kind: FeedbackKindSchema.nullable(),
  channel: FeedbackChannelSchema,
  title: z.string(),
  content: z.string(),
  procedure: z.object({ code: z.string(), name: z.string(), field: z.string().nullable() }).nullable(),
  dossierCode: z.string().nullable(),
  sender: z.object({ name: z.string(), email: z.string().nullable(), phone: z.string().nullable(), address: z.string().nullable(), hasAccount: z.boolean() }),
  publish: z.boolean(),
  receivingUnit: UnitRefSchema.nullable(),
  assignedUnit: UnitRefSchema,
  receivedAt: z.string(),
  deadline: z.object({
    rule: DeadlineRuleSchema,
    /** The working time allowed from the clock's start, in working minutes (8 h a working day, §19.3). */
    workingMinutes: z.number().int(),
    clockStartedAt: z.string(),
    dueAt: z.string(),
    reason: z.string().nullable(),
    paused: z.boolean(),
    overdue: z.boolean(),
  }),
  draftAnswer: z.string().nullable(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  answeredOnTime: z.boolean().nullable(),
  outOfScope: z.object({ category: OutOfScopeCategorySchema, reason: z.string(), law: z.string() }).nullable(),
  mergedInto: z.object({ id: z.uuid(), code: z.string() }).nullable(),
  reopenCount: z.number().int(),
  published: z.object({ at: z.string(), title: z.string(), content: z.string(), answer: z.string(), senderName: z.string() }).nullable(),
  followers: z.number().int(),
  pauses: z.array(z.object({ from: z.string(), to: z.string().nullable(), question: z.string(), reply: z.string().nullable() })),
  ratings: z.array(z.object({ round: z.number().int(), rating: FeedbackRatingSchema, comment: z.string().nullable(), reopened: z.boolean(), ratedAt: z.string() })),
  history: z.array(z.object({ at: z.string(), kind: z.enum(FEEDBACK_EVENT_KINDS), text: z.string(), actorLabel: z.string().nullable() })),
  actions: FeedbackActionsSchema,
});
export type FeedbackDetail = z.infer<typeof FeedbackDetailSchema>;

export const ClassifyFeedbackRequestSchema = z.object({ version: Version, kind: z.enum(HANDLED_KINDS), note: Text(1, L.reasonMax).optional() });
export type ClassifyFeedbackRequest = z.infer<typeof ClassifyFeedbackRequestSchema>;
/** A complaint or denunciation: closed with the reason; the sender is told the law that applies. */
export const OutOfScopeRequestSchema = z.object({ version: Version, category: OutOfScopeCategorySchema, reason: Reason });
export type OutOfScopeRequest = z.infer<typeof OutOfScopeRequestSchema>;
export const TransferFeedbackRequestSchema = z.object({ version: Version, unitId: z.uuid(), reason: Reason });
export type TransferFeedbackRequest = z.infer<typeof TransferFeedbackRequestSchema>;
/** Merges this item (a duplicate) into the item with code `intoCode`; its sender then follows that one. */
export const MergeFeedbackRequestSchema = z.object({ version: Version, intoCode: Text(1, 40), reason: Text(1, L.reasonMax).optional() });
export type MergeFeedbackRequest = z.infer<typeof MergeFeedbackRequestSchema>;
/** The deadline rule; `dueAt` (the appointment) only with `appointment`, within the longest allowed. */
export const SetDeadlineRequestSchema = z
  .object({ version: Version, rule: DeadlineRuleSchema, dueAt: Instant.optional(), reason: Reason })
  .refine((r) => (r.rule === 'appointment') === (r.dueAt !== undefined), { message: 'feedback.errors.appointmentDue', path: ['dueAt'] });
export type SetDeadlineRequest = z.infer<typeof SetDeadlineRequestSchema>;
export const RequestInfoRequestSchema = z.object({ version: Version, question: Text(10, L.reasonMax) });
export type RequestInfoRequest = z.infer<typeof RequestInfoRequestSchema>;
export const AnswerDraftRequestSchema = z.object({ version: Version, answer: Text(L.answerMin, L.answerMax) });
export type AnswerDraftRequest = z.infer<typeof AnswerDraftRequestSchema>;
export const ApproveAnswerRequestSchema = z.object({ version: Version, note: Text(1, L.reasonMax).optional() });
export type ApproveAnswerRequest = z.infer<typeof ApproveAnswerRequestSchema>;
export const SendBackRequestSchema = z.object({ version: Version, note: Reason });
export type SendBackRequest = z.infer<typeof SendBackRequestSchema>;

// ---------------------------------------------------------------- Open311 GeoReport v2 (read only, FEEDBACK_OPEN311.md)

/** GET …/open311/v2/services.json: one service per handled kind. */
export const Open311ServiceSchema = z.object({
  service_code: z.string(),
  service_name: z.string(),
  description: z.string(),
  metadata: z.boolean(),
  type: z.literal('realtime'),
  keywords: z.string(),
  group: z.string(),
});
export const Open311ServicesSchema = z.array(Open311ServiceSchema);
export type Open311Service = z.infer<typeof Open311ServiceSchema>;

/** A public item as a GeoReport v2 service request (no location: PAKN is about rules, not places). */
export const Open311RequestSchema = z.object({
  service_request_id: z.string(),
  status: z.enum(['open', 'closed']),
  status_notes: z.string().nullable(),
  service_name: z.string(),
  service_code: z.string(),
  description: z.string(),
  agency_responsible: z.string(),
  service_notice: z.string().nullable(),
  requested_datetime: z.string(),
  updated_datetime: z.string(),
  expected_datetime: z.string().nullable(),
  address: z.null(),
  address_id: z.null(),
  zipcode: z.null(),
  lat: z.null(),
  long: z.null(),
  media_url: z.null(),
});
export const Open311RequestsSchema = z.array(Open311RequestSchema);
export type Open311Request = z.infer<typeof Open311RequestSchema>;

/** GeoReport v2 filters of GET requests.json, plus page / page_size (a common extension of the spec). */
export const Open311RequestsQuerySchema = z.object({
  jurisdiction_id: z.string().trim().max(100).optional(),
  service_request_id: z.string().trim().max(1000).optional(),
  service_code: z.string().trim().max(60).optional(),
  status: z
    .string()
    .trim()
    .max(20)
    .regex(/^(open|closed)(,(open|closed))?$/, 'feedback.errors.open311Status')
    .optional(),
  start_date: Instant.optional(),
  end_date: Instant.optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  page_size: z.coerce.number().int().min(1).max(200).default(50),
});
export type Open311RequestsQuery = z.infer<typeof Open311RequestsQuerySchema>;
/** `<code>.json`, as GeoReport v2 addresses one request. */
export const Open311RequestParamsSchema = z.object({
  file: z
    .string()
    .max(60)
    .regex(/^[A-Za-z0-9-]+\.json$/, 'feedback.errors.open311Format'),
});
export const Open311ServicesQuerySchema = z.object({ jurisdiction_id: z.string().trim().max(100).optional() });
