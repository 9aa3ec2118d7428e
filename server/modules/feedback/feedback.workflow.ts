// The item's life as data (domain README §8): each transition names the states it leaves, the state it reaches (null:
// the state stays) and who performs it. A new transition is a row here and a policy, not a new branch.
import type { FEEDBACK_STATES, FEEDBACK_TRANSITIONS } from '../../../contracts/feedback/feedback.values';

export type FeedbackState = (typeof FEEDBACK_STATES)[number];
export type FeedbackTransition = (typeof FEEDBACK_TRANSITIONS)[number];

/**
 * Who performs a transition: `intake` (a reception officer, specialist or leader of the assigned unit: classify, route,
 * merge), `handler` (a specialist or leader of the unit), `drafter` (a specialist), `leader`, or the `sender`.
 */
export type FeedbackPerformer = 'intake' | 'handler' | 'drafter' | 'leader' | 'sender';

/** One transition: the states it leaves, the state it reaches (null: unchanged), who performs it. */
export interface FeedbackTransitionRule {
  from: readonly FeedbackState[];
  to: FeedbackState | null;
  by: FeedbackPerformer;
}

/** The item's transitions as data. */
export const FEEDBACK_WORKFLOW: Record<FeedbackTransition, FeedbackTransitionRule> = {
  // Classified as about a regulation or an officer's conduct: the unit now handles it (may be classified again).
  classify: { from: ['NEW', 'IN_PROGRESS'], to: 'IN_PROGRESS', by: 'intake' },
  // A complaint or denunciation (Luật Khiếu nại 2011, Luật Tố cáo 2018): closed, the sender told where to turn.
  'close-out-of-scope': { from: ['NEW', 'IN_PROGRESS'], to: 'OUT_OF_SCOPE', by: 'intake' },
  // To the competent unit, with the reason; the promise to the sender (the due instant) stays.
  transfer: { from: ['NEW', 'IN_PROGRESS'], to: null, by: 'intake' },
  // A duplicate joins the item it repeats; its sender follows that one.
  merge: { from: ['NEW', 'IN_PROGRESS', 'INFO_REQUESTED'], to: 'MERGED', by: 'intake' },
  // Inter-agency (7 working days) or an appointment (at most 10), Bắc Ninh QĐ 80/2025 Điều 9 as the example.
  'set-deadline': { from: ['NEW', 'IN_PROGRESS'], to: null, by: 'handler' },
  // The clock stops until the sender replies (§19.6).
  'request-info': { from: ['IN_PROGRESS'], to: 'INFO_REQUESTED', by: 'handler' },
  reply: { from: ['INFO_REQUESTED'], to: 'IN_PROGRESS', by: 'sender' },
  'draft-answer': { from: ['IN_PROGRESS'], to: 'AWAITING_APPROVAL', by: 'drafter' },
  'send-back': { from: ['AWAITING_APPROVAL'], to: 'IN_PROGRESS', by: 'leader' },
  // Approved: sent to the sender and followers, published (masked) unless the sender opted out.
  approve: { from: ['AWAITING_APPROVAL'], to: 'ANSWERED', by: 'leader' },
  // An unsatisfied sender reopens it once: back to the unit with a new due.
  reopen: { from: ['ANSWERED'], to: 'IN_PROGRESS', by: 'sender' },
};

/** States in which the clock runs (an item past its due in one of them is overdue). */
export const RUNNING_STATES: readonly FeedbackState[] = ['NEW', 'IN_PROGRESS', 'AWAITING_APPROVAL'];
/** States in which the item is still with the unit (running or paused). */
export const OPEN_STATES: readonly FeedbackState[] = [...RUNNING_STATES, 'INFO_REQUESTED'];

/** True when `transition` may leave `state`. */
export function allows(transition: FeedbackTransition, state: FeedbackState): boolean {
  return FEEDBACK_WORKFLOW[transition].from.includes(state);
}

/** The state `transition` reaches from `state`. */
export function nextState(transition: FeedbackTransition, state: FeedbackState): FeedbackState {
  return FEEDBACK_WORKFLOW[transition].to ?? state;
}

/** True when the item's clock runs and its due instant has passed. */
export function isOverdue(item: { state: FeedbackState; dueAt: Date }, now: Date): boolean {
  return RUNNING_STATES.includes(item.state) && now.getTime() > item.dueAt.getTime();
}
