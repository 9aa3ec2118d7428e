// Types come from the shared contract (type-only, so no server or zod code reaches the bundle); the value lists come
// from the contract's zod-free values file.
import type { FeedbackDetail } from '../../../contracts/feedback/feedback.contracts';

export type {
  AnswerDraftRequest,
  ApproveAnswerRequest,
  ClassifyFeedbackRequest,
  DeadlineRule,
  FeedbackDetail,
  FeedbackKind,
  FeedbackQueue,
  FeedbackQueueItem,
  FeedbackQueueQuery,
  FeedbackReceipt,
  FeedbackState,
  MergeFeedbackRequest,
  OfficerIntakeRequest,
  OutOfScopeRequest,
  PublicFeedbackSummary,
  RequestInfoRequest,
  SendBackRequest,
  SetDeadlineRequest,
  SimilarFeedbackResponse,
  TransferFeedbackRequest,
} from '../../../contracts/feedback/feedback.contracts';

export {
  DEADLINE_RULES,
  FEEDBACK_CHANNELS,
  FEEDBACK_KINDS,
  FEEDBACK_LIMITS,
  FEEDBACK_RATINGS,
  FEEDBACK_STATES,
  HANDLED_KINDS,
  OFFICER_INTAKE_CHANNELS,
  OUT_OF_SCOPE_CATEGORIES,
} from '../../../contracts/feedback/feedback.values';

/** What the caller may do with an item, as the server says (one flag per action). */
export type FeedbackActionKey = keyof FeedbackDetail['actions'];
export type FeedbackChannel = FeedbackDetail['channel'];
export type OutOfScopeCategory = NonNullable<FeedbackDetail['outOfScope']>['category'];
export type FeedbackRating = FeedbackDetail['ratings'][number]['rating'];

/** Policy actions of the feedback module (server: feedback.policy.ts). */
export const FEEDBACK_POLICY = {
  intake: 'feedback.intake',
  read: 'feedback.read',
} as const;

/** The roles that may enter an item for a unit (server: feedback.policy.ts, `feedback.intake`). */
export const INTAKE_ROLES: readonly string[] = ['reception-officer', 'specialist'];
/** The roles whose grants make a unit's items readable (server: read-feedback.ts, readableUnits). */
export const HANDLING_ROLES: readonly string[] = ['reception-officer', 'specialist', 'leader'];
/** The roles that read every unit's items (server: identity PROVINCE_READERS). */
export const PROVINCE_READER_ROLES: readonly string[] = ['system-admin', 'reform-office'];

/** Where the back-office pages of the module live. */
export const FEEDBACK_PATHS = {
  queue: '/admin/feedback',
  intake: '/admin/feedback/new',
  one: (id: string) => `/admin/feedback/${id}`,
  /** The public page of an answered, published item (portal). */
  published: (code: string) => `/phan-anh-kien-nghi/cong-khai/${encodeURIComponent(code)}`,
  /** The sender's own page, opened with the secret given at intake (router.tsx: `?khoa=`). */
  sender: (code: string, token: string) => `/phan-anh-kien-nghi/${encodeURIComponent(code)}?khoa=${encodeURIComponent(token)}`,
} as const;
