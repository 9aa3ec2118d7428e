import { z } from 'zod';
import { IsoDateSchema, PageQuerySchema, pageOf } from '../common/common.contracts';
import { UnitRefSchema } from '../dossiers/dossiers.contracts';
import {
  DIALOGUE_AUDIENCES,
  DIALOGUE_COMMITMENT_EVENT_KINDS,
  DIALOGUE_COMMITMENT_STATES,
  DIALOGUE_LEVELS,
  DIALOGUE_LIMITS as L,
  DIALOGUE_QUESTION_SOURCES,
  DIALOGUE_QUESTION_STATES,
  DIALOGUE_SESSION_STATES,
} from './dialogues.values';

// Government–citizen dialogue (issue 14 item 5; domain README §9). Field messages below are i18n keys (translated by
// the server's error handler and by the web app). Instants are ISO-8601 with the +07:00 offset (domain README §19.1).

export * from './dialogues.values';

export const DialogueLevelSchema = z.enum(DIALOGUE_LEVELS);
export type DialogueLevel = z.infer<typeof DialogueLevelSchema>;
export const DialogueAudienceSchema = z.enum(DIALOGUE_AUDIENCES);
export const DialogueSessionStateSchema = z.enum(DIALOGUE_SESSION_STATES);
export type DialogueSessionState = z.infer<typeof DialogueSessionStateSchema>;
export const DialogueQuestionStateSchema = z.enum(DIALOGUE_QUESTION_STATES);
export type DialogueQuestionState = z.infer<typeof DialogueQuestionStateSchema>;
export const DialogueQuestionSourceSchema = z.enum(DIALOGUE_QUESTION_SOURCES);
export const DialogueCommitmentStateSchema = z.enum(DIALOGUE_COMMITMENT_STATES);
export type DialogueCommitmentState = z.infer<typeof DialogueCommitmentStateSchema>;

const Text = (min: number, max: number) => z.string().trim().min(min).max(max);
const Instant = z.iso.datetime({ offset: true });
/** The optimistic lock every officer action carries: the version the officer saw. */
const Version = z.number().int().min(1);
const Note = Text(L.noteMin, L.noteMax);
const WebLink = z
  .string()
  .trim()
  .max(L.urlMax)
  .pipe(z.url({ protocol: /^https?$/, error: 'dialogues.errors.linkInvalid' }));

export const DialogueIdParamsSchema = z.object({ id: z.uuid() });
export const DialogueQuestionParamsSchema = z.object({ id: z.uuid(), questionId: z.uuid() });

// ---------------------------------------------------------------- sessions (officers)

const sessionFields = {
  level: DialogueLevelSchema,
  /** The unit that prepares the session; its specialists and leaders manage it. */
  organisingUnitId: z.uuid(),
  title: Text(L.titleMin, L.titleMax),
  /** The topic and purpose, as announced. */
  description: Text(1, L.descriptionMax).optional(),
  chairName: Text(L.nameMin, L.nameMax),
  /** The chair's office, e.g. "Phó Chủ tịch UBND tỉnh". */
  chairPosition: Text(L.nameMin, L.nameMax),
  startsAt: Instant,
  place: Text(2, L.placeMax).optional(),
  onlineUrl: WebLink.optional(),
  audience: DialogueAudienceSchema,
  audienceSector: Text(L.nameMin, L.nameMax).optional(),
};

/** A session needs a place or an online link (or both), and a sector exactly when its audience is a sector. */
function sessionRules(s: { place?: string; onlineUrl?: string; audience: string; audienceSector?: string }, ctx: z.RefinementCtx): void {
  if (!s.place && !s.onlineUrl) ctx.addIssue({ code: 'custom', path: ['place'], message: 'dialogues.errors.placeOrLink' });
  if ((s.audience === 'sector') !== (s.audienceSector !== undefined)) ctx.addIssue({ code: 'custom', path: ['audienceSector'], message: 'dialogues.errors.sector' });
}

/** POST /dialogues/sessions: a new session, in DRAFT. */
export const CreateSessionRequestSchema = z.object(sessionFields).superRefine(sessionRules);
export type CreateSessionRequest = z.infer<typeof CreateSessionRequestSchema>;
/** PUT /dialogues/sessions/:id: the session's details, while DRAFT or ANNOUNCED (a postponement is a new start). */
export const UpdateSessionRequestSchema = z
  .object({ ...sessionFields, version: Version })
  .omit({ organisingUnitId: true })
  .superRefine(sessionRules);
export type UpdateSessionRequest = z.infer<typeof UpdateSessionRequestSchema>;

export const SessionVersionRequestSchema = z.object({ version: Version });
export type SessionVersionRequest = z.infer<typeof SessionVersionRequestSchema>;
export const CancelSessionRequestSchema = z.object({ version: Version, reason: Note });
export type CancelSessionRequest = z.infer<typeof CancelSessionRequestSchema>;
export const AgendaRequestSchema = z.object({ version: Version, agenda: Text(1, L.agendaMax) });
export type AgendaRequest = z.infer<typeof AgendaRequestSchema>;
/** POST /dialogues/sessions/:id/minutes: recorded once the session has started; the session is then HELD. */
export const MinutesRequestSchema = z.object({ version: Version, minutes: Text(L.minutesMin, L.minutesMax) });
export type MinutesRequest = z.infer<typeof MinutesRequestSchema>;

export const SessionListQuerySchema = PageQuerySchema.extend({
  state: DialogueSessionStateSchema.optional(),
  level: DialogueLevelSchema.optional(),
  unitId: z.uuid().optional(),
});
export type SessionListQuery = z.infer<typeof SessionListQuerySchema>;

// ---------------------------------------------------------------- questions

/** Who asks, when not signed in with a portal account: a name and an e-mail or a phone (to be told the answer). */
export const AskerInputSchema = z.object({
  name: Text(L.nameMin, L.nameMax).optional(),
  email: z.string().trim().max(200).pipe(z.email('dialogues.errors.emailInvalid')).optional(),
  phone: z
    .string()
    .trim()
    .max(20)
    .regex(/^\+?[0-9][0-9 .-]{7,18}[0-9]$/, 'dialogues.errors.phoneInvalid')
    .optional(),
});

/** POST /dialogues/public/sessions/:id/questions: a question to an announced session, before it starts. */
export const PublicQuestionRequestSchema = z.object({ text: Text(L.questionMin, L.questionMax), asker: AskerInputSchema.optional() });
export type PublicQuestionRequest = z.infer<typeof PublicQuestionRequestSchema>;
export const PublicQuestionReceiptSchema = z.object({ id: z.uuid(), sessionId: z.uuid(), state: DialogueQuestionStateSchema, submittedAt: z.string() });
export type PublicQuestionReceipt = z.infer<typeof PublicQuestionReceiptSchema>;

/** POST /dialogues/sessions/:id/questions: a question an officer records (from the floor, a letter, a call), accepted at once. */
export const OfficerQuestionRequestSchema = z.object({
  askerName: Text(L.nameMin, L.nameMax),
  askerContact: Text(3, 200).optional(),
  text: Text(L.questionMin, L.questionMax),
});
export type OfficerQuestionRequest = z.infer<typeof OfficerQuestionRequestSchema>;
/** POST /dialogues/sessions/:id/questions/from-feedback: a feedback item's title and content become a question, accepted at once. */
export const FeedbackQuestionRequestSchema = z.object({ feedbackCode: Text(1, 40) });
export type FeedbackQuestionRequest = z.infer<typeof FeedbackQuestionRequestSchema>;

export const QuestionVersionRequestSchema = z.object({ version: Version });
export type QuestionVersionRequest = z.infer<typeof QuestionVersionRequestSchema>;
export const RejectQuestionRequestSchema = z.object({ version: Version, reason: Note });
export type RejectQuestionRequest = z.infer<typeof RejectQuestionRequestSchema>;

/**
 * A commitment an answer makes: the unit that owes it, what it promises, and when — a number of working days counted
 * on the owner unit's working-time calendar from the answer, or a date (due at the end of that day's office hours; a
 * day off moves it to the next working day). Neither: the province's default (DIALOGUE_COMMITMENT_DEFAULT_DAYS).
 */
export const CommitmentInputSchema = z
  .object({
    ownerUnitId: z.uuid(),
    text: Text(L.commitmentMin, L.commitmentMax),
    workingDays: z.number().int().min(1).max(L.workingDaysMax).optional(),
    dueOn: IsoDateSchema.optional(),
  })
  .refine((c) => c.workingDays === undefined || c.dueOn === undefined, { message: 'dialogues.errors.daysOrDate', path: ['dueOn'] });
export type CommitmentInput = z.infer<typeof CommitmentInputSchema>;

/** POST /dialogues/sessions/:id/questions/:questionId/answer: the answer given, with the commitments it makes. */
export const AnswerQuestionRequestSchema = z.object({
  version: Version,
  answer: Text(L.answerMin, L.answerMax),
  /** The unit that answered (default: the organising unit). */
  answeringUnitId: z.uuid().optional(),
  commitments: z.array(CommitmentInputSchema).max(L.commitmentsPerAnswer).default([]),
});
export type AnswerQuestionRequest = z.infer<typeof AnswerQuestionRequestSchema>;

// ---------------------------------------------------------------- commitments (officers)

export const CommitmentProgressRequestSchema = z.object({ version: Version, percent: z.number().int().min(0).max(100), note: Note });
export type CommitmentProgressRequest = z.infer<typeof CommitmentProgressRequestSchema>;
export const CompleteCommitmentRequestSchema = z.object({ version: Version, note: Note });
export type CompleteCommitmentRequest = z.infer<typeof CompleteCommitmentRequestSchema>;
export const CancelCommitmentRequestSchema = z.object({ version: Version, reason: Note });
export type CancelCommitmentRequest = z.infer<typeof CancelCommitmentRequestSchema>;

const Flag = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional();

export const CommitmentListQuerySchema = PageQuerySchema.extend({
  state: DialogueCommitmentStateSchema.optional(),
  /** true: only OPEN commitments past their due instant. */
  overdue: Flag,
  /** The owner unit. */
  unitId: z.uuid().optional(),
  sessionId: z.uuid().optional(),
});
export type CommitmentListQuery = z.infer<typeof CommitmentListQuerySchema>;

// ---------------------------------------------------------------- views

const ChairSchema = z.object({ name: z.string(), position: z.string() });

/** A session as lists show it. */
export const SessionSummarySchema = z.object({
  id: z.uuid(),
  level: DialogueLevelSchema,
  title: z.string(),
  organisingUnit: UnitRefSchema,
  chair: ChairSchema,
  startsAt: z.string(),
  place: z.string().nullable(),
  onlineUrl: z.string().nullable(),
  audience: DialogueAudienceSchema,
  audienceSector: z.string().nullable(),
  state: DialogueSessionStateSchema,
  stateText: z.string(),
  /** Questions accepted or answered (the public sees these). */
  questionCount: z.number().int(),
  /** Public questions waiting for the organisers' decision. */
  pendingCount: z.number().int(),
  commitmentCount: z.number().int(),
});
export type SessionSummary = z.infer<typeof SessionSummarySchema>;
export const SessionListSchema = pageOf(SessionSummarySchema);
export type SessionList = z.infer<typeof SessionListSchema>;

/** A commitment as the officers see it, with what the caller may do next. */
export const CommitmentSchema = z.object({
  id: z.uuid(),
  session: z.object({ id: z.uuid(), title: z.string() }),
  questionId: z.uuid(),
  ownerUnit: UnitRefSchema,
  text: z.string(),
  /** The working days it was given, or null when a date was given. */
  workingDays: z.number().int().nullable(),
  dueOn: z.string().nullable(),
  madeAt: z.string(),
  dueAt: z.string(),
  state: DialogueCommitmentStateSchema,
  stateText: z.string(),
  progressPercent: z.number().int(),
  /** OPEN and past its due instant. */
  overdue: z.boolean(),
  completedAt: z.string().nullable(),
  /** Completed no later than its due instant (§19.8: late when finish > due); null until completed. */
  completedOnTime: z.boolean().nullable(),
  cancelReason: z.string().nullable(),
  version: z.number().int(),
  actions: z.object({ progress: z.boolean(), complete: z.boolean(), cancel: z.boolean() }),
});
export type Commitment = z.infer<typeof CommitmentSchema>;
export const CommitmentListSchema = pageOf(CommitmentSchema);
export type CommitmentList = z.infer<typeof CommitmentListSchema>;
export const CommitmentDetailSchema = CommitmentSchema.extend({
  question: z.object({ text: z.string(), answer: z.string().nullable(), askerName: z.string() }),
  history: z.array(
    z.object({ at: z.string(), kind: z.enum(DIALOGUE_COMMITMENT_EVENT_KINDS), percent: z.number().int().nullable(), text: z.string(), actorLabel: z.string().nullable() }),
  ),
});
export type CommitmentDetail = z.infer<typeof CommitmentDetailSchema>;

/** A question as the organisers see it. */
export const OfficerQuestionSchema = z.object({
  id: z.uuid(),
  source: DialogueQuestionSourceSchema,
  feedbackCode: z.string().nullable(),
  askerName: z.string(),
  /** The name as the public sees it (initials). */
  askerDisplay: z.string(),
  askerContact: z.string().nullable(),
  text: z.string(),
  /** Shown on the public page once accepted (false for a feedback item whose sender did not agree to publication). */
  publicVisible: z.boolean(),
  state: DialogueQuestionStateSchema,
  stateText: z.string(),
  rejectReason: z.string().nullable(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  answeringUnit: UnitRefSchema.nullable(),
  submittedAt: z.string(),
  version: z.number().int(),
  actions: z.object({ accept: z.boolean(), reject: z.boolean(), answer: z.boolean() }),
});
export type OfficerQuestion = z.infer<typeof OfficerQuestionSchema>;

/** A session as its organisers (and the province's readers) see it, with what the caller may do next. */
export const SessionDetailSchema = SessionSummarySchema.extend({
  description: z.string().nullable(),
  agenda: z.string().nullable(),
  minutes: z.string().nullable(),
  announcedAt: z.string().nullable(),
  heldAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
  /** Public questions are taken until the session starts, while it is announced. */
  acceptingQuestions: z.boolean(),
  version: z.number().int(),
  questions: z.array(OfficerQuestionSchema),
  commitments: z.array(CommitmentSchema),
  actions: z.object({
    update: z.boolean(),
    announce: z.boolean(),
    cancel: z.boolean(),
    agenda: z.boolean(),
    minutes: z.boolean(),
    close: z.boolean(),
    addQuestion: z.boolean(),
  }),
});
export type SessionDetail = z.infer<typeof SessionDetailSchema>;

// ---------------------------------------------------------------- public views (personal data masked)

export const PublicProgressSchema = z.object({ at: z.string(), percent: z.number().int().nullable(), note: z.string() });
/** A commitment as the public sees it: its text masked, its progress reports. */
export const PublicCommitmentSchema = z.object({
  id: z.uuid(),
  session: z.object({ id: z.uuid(), title: z.string() }),
  questionId: z.uuid(),
  ownerUnit: UnitRefSchema,
  text: z.string(),
  madeAt: z.string(),
  dueAt: z.string(),
  state: DialogueCommitmentStateSchema,
  stateText: z.string(),
  progressPercent: z.number().int(),
  overdue: z.boolean(),
  completedAt: z.string().nullable(),
  completedOnTime: z.boolean().nullable(),
  cancelReason: z.string().nullable(),
  progress: z.array(PublicProgressSchema),
});
export type PublicCommitment = z.infer<typeof PublicCommitmentSchema>;
export const PublicCommitmentListSchema = pageOf(PublicCommitmentSchema);
export type PublicCommitmentList = z.infer<typeof PublicCommitmentListSchema>;

/** An accepted (or answered) question as the public sees it: the asker as initials, personal data masked. */
export const PublicQuestionSchema = z.object({
  id: z.uuid(),
  source: DialogueQuestionSourceSchema,
  askerDisplay: z.string(),
  text: z.string(),
  state: DialogueQuestionStateSchema,
  stateText: z.string(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  answeringUnit: UnitRefSchema.nullable(),
});
export type PublicQuestion = z.infer<typeof PublicQuestionSchema>;

export const PublicSessionSummarySchema = SessionSummarySchema.omit({ pendingCount: true });
export type PublicSessionSummary = z.infer<typeof PublicSessionSummarySchema>;
export const PublicSessionListSchema = pageOf(PublicSessionSummarySchema);
export type PublicSessionList = z.infer<typeof PublicSessionListSchema>;
export const PublicSessionDetailSchema = PublicSessionSummarySchema.extend({
  description: z.string().nullable(),
  agenda: z.string().nullable(),
  minutes: z.string().nullable(),
  cancelReason: z.string().nullable(),
  acceptingQuestions: z.boolean(),
  questions: z.array(PublicQuestionSchema),
  commitments: z.array(PublicCommitmentSchema),
});
export type PublicSessionDetail = z.infer<typeof PublicSessionDetailSchema>;

export const PublicSessionQuerySchema = PageQuerySchema.extend({
  /** upcoming: announced and not yet started; past: started, held, closed or cancelled. */
  when: z.enum(['upcoming', 'past']).optional(),
  level: DialogueLevelSchema.optional(),
});
export type PublicSessionQuery = z.infer<typeof PublicSessionQuerySchema>;
export const PublicCommitmentQuerySchema = PageQuerySchema.extend({
  state: DialogueCommitmentStateSchema.optional(),
  overdue: Flag,
  unitId: z.uuid().optional(),
});
export type PublicCommitmentQuery = z.infer<typeof PublicCommitmentQuerySchema>;

// ---------------------------------------------------------------- numbers

/** Commitments made from `from` to `to` (Vietnamese calendar days, both included), by owner unit. */
export const CommitmentStatsQuerySchema = z.object({ from: IsoDateSchema.optional(), to: IsoDateSchema.optional() });
export type CommitmentStatsQuery = z.infer<typeof CommitmentStatsQuerySchema>;
const StatsRow = z.object({
  /** Commitments made and not withdrawn. */
  total: z.number().int(),
  doneOnTime: z.number().int(),
  doneLate: z.number().int(),
  open: z.number().int(),
  openOverdue: z.number().int(),
  cancelled: z.number().int(),
  /** doneOnTime / (doneOnTime + doneLate), null when none is done. */
  onTimeRate: z.number().nullable(),
});
export const CommitmentStatsSchema = z.object({
  from: z.string().nullable(),
  to: z.string().nullable(),
  /** How the numbers are defined, in the caller's language (§19: each definition shown next to its numbers). */
  definition: z.string(),
  total: StatsRow,
  items: z.array(StatsRow.extend({ unit: UnitRefSchema })),
});
export type CommitmentStats = z.infer<typeof CommitmentStatsSchema>;
