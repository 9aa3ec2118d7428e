// The submission's life as data (domain README §3.1 steps 0–2, §3.2): each transition names the states it leaves,
// the state it reaches and who performs it. A new transition is a row here and a policy, not a new branch.
import type { SUBMISSION_STATES, SUBMISSION_TRANSITIONS } from '../../../contracts/submissions/submissions.values';

export type SubmissionState = (typeof SUBMISSION_STATES)[number];
export type SubmissionTransition = (typeof SUBMISSION_TRANSITIONS)[number];

/** Who performs a transition: the owning account (portal) or the receiving desk (reception officer). */
export type SubmissionPerformer = 'owner' | 'desk';

export interface SubmissionTransitionRule {
  from: readonly SubmissionState[];
  to: SubmissionState;
  by: SubmissionPerformer;
}

export const SUBMISSION_WORKFLOW: Record<SubmissionTransition, SubmissionTransitionRule> = {
  // Step 0: the application reaches the desk ("Mới đăng ký", status 1); a guided one comes back completed.
  submit: { from: ['DRAFT', 'GUIDED'], to: 'SUBMITTED', by: 'owner' },
  // Step 2a: received (Mẫu 01) — a dossier with its code and appointment now exists (NĐ 118/2025).
  accept: { from: ['SUBMITTED'], to: 'ACCEPTED', by: 'desk' },
  // Step 2b: not received, the applicant is guided to complete it (Mẫu 02) and may submit again.
  guide: { from: ['SUBMITTED'], to: 'GUIDED', by: 'desk' },
  // Step 2c: refused (Mẫu 03), with reasons.
  refuse: { from: ['SUBMITTED'], to: 'REFUSED', by: 'desk' },
  // The applicant gives up before a decision (status 7, "Công dân yêu cầu rút hồ sơ"); a draft is simply abandoned.
  withdraw: { from: ['DRAFT', 'SUBMITTED', 'GUIDED'], to: 'WITHDRAWN', by: 'owner' },
};

/** States in which the owner edits the content (applicant, answers, files): a draft, or a guided one being completed. */
export const EDITABLE_STATES: readonly SubmissionState[] = ['DRAFT', 'GUIDED'];

/** True when `transition` may leave `state`. */
export function allows(transition: SubmissionTransition, state: SubmissionState): boolean {
  return SUBMISSION_WORKFLOW[transition].from.includes(state);
}

/**
 * The national status code of a submission (§3.2): 1 "Mới đăng ký" while it awaits reception, 2 once received, 3
 * when refused, 7 when withdrawn after it reached the desk. A draft has none (it never reached the desk), nor does a
 * guided one: the national list has no code for a dossier guided before reception (§3.2 design note), and the
 * dossier, not yet received, carries none of 2–10.
 */
export function statusCodeOf(state: SubmissionState, submitted: boolean): number | null {
  switch (state) {
    case 'SUBMITTED':
      return 1;
    case 'ACCEPTED':
      return 2;
    case 'REFUSED':
      return 3;
    case 'WITHDRAWN':
      return submitted ? 7 : null;
    default:
      return null;
  }
}
