import type { Dayjs } from 'dayjs';
import type {
  AnswerDraftRequest,
  ApproveAnswerRequest,
  ClassifyFeedbackRequest,
  DeadlineRule,
  FeedbackActionKey,
  MergeFeedbackRequest,
  OutOfScopeCategory,
  OutOfScopeRequest,
  RequestInfoRequest,
  SendBackRequest,
  SetDeadlineRequest,
  TransferFeedbackRequest,
} from './feedback.types';

/** One officer action: the transition it performs (as audited, and in test ids) and the path it posts to. */
export interface FeedbackActionDef {
  key: FeedbackActionKey;
  transition: string;
  path: string;
}

/**
 * The officer actions in the page's order: handling first (classify, deadline, ask, draft, approve, send back), then
 * routing away (transfer, merge) and closing (out of scope) last. Paths as in server/modules/feedback/feedback.routes.ts.
 */
export const FEEDBACK_ACTIONS: readonly FeedbackActionDef[] = [
  { key: 'classify', transition: 'classify', path: 'classify' },
  { key: 'setDeadline', transition: 'set-deadline', path: 'deadline' },
  { key: 'requestInfo', transition: 'request-info', path: 'request-info' },
  { key: 'draftAnswer', transition: 'draft-answer', path: 'answer-draft' },
  { key: 'approve', transition: 'approve', path: 'approve' },
  { key: 'sendBack', transition: 'send-back', path: 'send-back' },
  { key: 'transfer', transition: 'transfer', path: 'transfer' },
  { key: 'merge', transition: 'merge', path: 'merge' },
  { key: 'closeOutOfScope', transition: 'close-out-of-scope', path: 'out-of-scope' },
];

/** An action's definition by its key. */
export const actionDef = (key: FeedbackActionKey): FeedbackActionDef => FEEDBACK_ACTIONS.find((a) => a.key === key)!;

/** The actions shown as the page's main step. */
export const PRIMARY_ACTIONS: ReadonlySet<FeedbackActionKey> = new Set(['classify', 'draftAnswer', 'approve']);
/** The actions that end the item without an answer. */
export const DANGEROUS_ACTIONS: ReadonlySet<FeedbackActionKey> = new Set(['closeOutOfScope']);

/** What every action dialog may hold; each action reads its own fields. */
export interface FeedbackActionValues {
  kind?: ClassifyFeedbackRequest['kind'];
  note?: string;
  category?: OutOfScopeCategory;
  reason?: string;
  unitId?: string;
  intoCode?: string;
  rule?: DeadlineRule;
  dueAt?: Dayjs | null;
  question?: string;
  answer?: string;
}

/** Any action's request body. */
export type FeedbackActionRequest =
  | ClassifyFeedbackRequest
  | OutOfScopeRequest
  | TransferFeedbackRequest
  | MergeFeedbackRequest
  | SetDeadlineRequest
  | RequestInfoRequest
  | AnswerDraftRequest
  | ApproveAnswerRequest
  | SendBackRequest;

const text = (v: string | undefined): string => (v ?? '').trim();
/** An optional text: left out when empty (the contract refuses an empty string). */
const optional = <K extends string>(key: K, v: string | undefined): Partial<Record<K, string>> => (text(v) ? ({ [key]: text(v) } as Record<K, string>) : {});

/**
 * An appointment picked in the officer's calendar, as the instant in Hà Nội time (+07:00, domain README §19.1): the
 * wall-clock time chosen is the province's, whatever zone the browser runs in.
 */
export const appointmentInstant = (d: Dayjs): string => `${d.format('YYYY-MM-DDTHH:mm')}:00+07:00`;

/** The request body of `key` from the dialog's values, with the version the officer saw (the optimistic lock). */
export function toActionRequest(key: FeedbackActionKey, version: number, v: FeedbackActionValues): FeedbackActionRequest {
  switch (key) {
    case 'classify':
      return { version, kind: v.kind!, ...optional('note', v.note) };
    case 'closeOutOfScope':
      return { version, category: v.category!, reason: text(v.reason) };
    case 'transfer':
      return { version, unitId: v.unitId!, reason: text(v.reason) };
    case 'merge':
      return { version, intoCode: text(v.intoCode).toUpperCase(), ...optional('reason', v.reason) };
    case 'setDeadline':
      return { version, rule: v.rule!, ...(v.rule === 'appointment' && v.dueAt ? { dueAt: appointmentInstant(v.dueAt) } : {}), reason: text(v.reason) };
    case 'requestInfo':
      return { version, question: text(v.question) };
    case 'draftAnswer':
      return { version, answer: text(v.answer) };
    case 'approve':
      return { version, ...optional('note', v.note) };
    case 'sendBack':
      return { version, note: text(v.note) };
  }
}
