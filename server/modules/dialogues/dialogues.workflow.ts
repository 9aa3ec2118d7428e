// The life of sessions, questions and commitments as data (domain README §9): each action names the states it leaves
// and the state it reaches (null: the state stays). A new action is a row here and a policy, not a new branch.
import type { DIALOGUE_COMMITMENT_STATES, DIALOGUE_QUESTION_STATES, DIALOGUE_SESSION_STATES, DIALOGUE_SESSION_TRANSITIONS } from '../../../contracts/dialogues/dialogues.values';

export type SessionState = (typeof DIALOGUE_SESSION_STATES)[number];
export type SessionTransition = (typeof DIALOGUE_SESSION_TRANSITIONS)[number];
export type QuestionState = (typeof DIALOGUE_QUESTION_STATES)[number];
export type CommitmentState = (typeof DIALOGUE_COMMITMENT_STATES)[number];

interface Rule<S extends string> {
  from: readonly S[];
  to: S | null;
}

/** The session's actions. */
export const SESSION_WORKFLOW: Record<SessionTransition, Rule<SessionState>> = {
  // Details (a postponement too) change until the session has taken place.
  update: { from: ['DRAFT', 'ANNOUNCED'], to: null },
  // Published: the public reads it and sends questions until it starts.
  announce: { from: ['DRAFT'], to: 'ANNOUNCED' },
  cancel: { from: ['DRAFT', 'ANNOUNCED'], to: 'CANCELLED' },
  agenda: { from: ['DRAFT', 'ANNOUNCED', 'HELD'], to: null },
  // The minutes say it took place (only once it has started); they may be completed while HELD.
  minutes: { from: ['ANNOUNCED', 'HELD'], to: 'HELD' },
  // Every accepted question answered: closed; its commitments are tracked on.
  close: { from: ['HELD'], to: 'CLOSED' },
};

/** Session states in which questions are collected (officers add them; the public only while ANNOUNCED and not started). */
export const COLLECTING_STATES: readonly SessionState[] = ['DRAFT', 'ANNOUNCED', 'HELD'];
/** Session states in which questions are accepted or rejected. */
export const DECIDING_STATES: readonly SessionState[] = ['DRAFT', 'ANNOUNCED', 'HELD'];
/** Session states in which questions are answered: the session took place. */
export const ANSWERING_STATES: readonly SessionState[] = ['HELD'];
/** Session states the public sees. */
export const PUBLIC_STATES: readonly SessionState[] = ['ANNOUNCED', 'HELD', 'CLOSED', 'CANCELLED'];

/** The question's actions. */
export const QUESTION_WORKFLOW = {
  accept: { from: ['SUBMITTED'], to: 'ACCEPTED' },
  // A question accepted by mistake (a duplicate, out of the session's topic) may still be rejected before its answer.
  reject: { from: ['SUBMITTED', 'ACCEPTED'], to: 'REJECTED' },
  answer: { from: ['ACCEPTED'], to: 'ANSWERED' },
} as const satisfies Record<string, Rule<QuestionState>>;
export type QuestionAction = keyof typeof QUESTION_WORKFLOW;

/** Question states the public sees (on an announced session). */
export const PUBLIC_QUESTION_STATES: readonly QuestionState[] = ['ACCEPTED', 'ANSWERED'];

/** The commitment's actions. */
export const COMMITMENT_WORKFLOW = {
  progress: { from: ['OPEN'], to: null },
  complete: { from: ['OPEN'], to: 'DONE' },
  cancel: { from: ['OPEN'], to: 'CANCELLED' },
} as const satisfies Record<string, Rule<CommitmentState>>;
export type CommitmentAction = keyof typeof COMMITMENT_WORKFLOW;

/** True when the session's `transition` may leave `state`. */
export const sessionAllows = (transition: SessionTransition, state: SessionState): boolean => SESSION_WORKFLOW[transition].from.includes(state);
/** True when the question's `action` may leave `state`. */
export const questionAllows = (action: QuestionAction, state: QuestionState): boolean => (QUESTION_WORKFLOW[action].from as readonly QuestionState[]).includes(state);
/** True when the commitment's `action` may leave `state`. */
export const commitmentAllows = (action: CommitmentAction, state: CommitmentState): boolean => (COMMITMENT_WORKFLOW[action].from as readonly CommitmentState[]).includes(state);

/** True when the commitment is open and its due instant has passed. */
export function isOverdue(c: { state: CommitmentState; dueAt: Date }, now: Date): boolean {
  return c.state === 'OPEN' && now.getTime() > c.dueAt.getTime();
}
