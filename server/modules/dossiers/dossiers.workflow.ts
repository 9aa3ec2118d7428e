// The dossier state machine as data: internal states, their national status codes, and who may make which transition.
// Domain README §3.1 (steps), §3.2 (codes 1–10 and the recommended internal machine), §19.6–19.8, §19.12.
import type { DossierState, TransitionName } from '../../../contracts/dossiers/dossiers.contracts';

export type { DossierState, TransitionName };

/** National status code of each internal state (§3.2; INTEROPERATING and AWAITING_APPROVAL are "Đang xử lý"). */
export const STATUS_CODE: Record<DossierState, number> = {
  RECEIVED: 2,
  PROCESSING: 4,
  AWAITING_APPROVAL: 4,
  INTEROPERATING: 4,
  SUPPLEMENT_REQUESTED: 5,
  AWAITING_PAYMENT: 6,
  WITHDRAWN: 7,
  STOPPED: 8,
  DONE: 9,
  RETURNED: 10,
};

/** States after which nothing more happens. */
export const TERMINAL_STATES: readonly DossierState[] = ['WITHDRAWN', 'STOPPED', 'RETURNED'];
/** States in which the dossier is still being handled (before the result is ready): its deadline is live. */
export const OPEN_STATES: readonly DossierState[] = ['RECEIVED', 'PROCESSING', 'AWAITING_APPROVAL', 'INTEROPERATING', 'SUPPLEMENT_REQUESTED', 'AWAITING_PAYMENT'];
/** Open states whose clock is stopped (pause-and-shift, §19.6). */
export const PAUSED_STATES: readonly DossierState[] = ['INTEROPERATING', 'SUPPLEMENT_REQUESTED', 'AWAITING_PAYMENT'];
/** Open states whose clock runs. */
export const RUNNING_STATES: readonly DossierState[] = ['RECEIVED', 'PROCESSING', 'AWAITING_APPROVAL'];

/** Why the clock stops in each paused state (the engine's PauseReason words). */
export const PAUSE_REASON_OF: Partial<Record<DossierState, 'supplement' | 'financial-obligation' | 'inter-agency'>> = {
  SUPPLEMENT_REQUESTED: 'supplement',
  AWAITING_PAYMENT: 'financial-obligation',
  INTEROPERATING: 'inter-agency',
};

/**
 * Who may make a transition:
 * - `holder`: an officer holding the dossier's holder role on the holder unit;
 * - `receiving-desk`: a reception officer of the receiving unit;
 * - `handling-leader`: a leader of the handling unit;
 * - `applicant`: the dossier's applicant on the portal (issue 11 item 4), whose link to the dossier the portal
 *   establishes (an online application's account, or the account's verified ID number); never an officer.
 */
export type Performer = 'holder' | 'receiving-desk' | 'handling-leader' | 'applicant';

/** How the next state is chosen. */
export type Target =
  | { kind: 'state'; state: DossierState }
  /** The next handling step (PROCESSING, or AWAITING_APPROVAL at a leader's step); DONE when none is left (`approve`). */
  | { kind: 'next-step'; doneWhenLast: boolean }
  | { kind: 'earlier-step' }
  /** Back to the step the dossier left for a pause or transfer. */
  | { kind: 'resume' };

/** One transition of the machine. */
export interface TransitionRule {
  from: readonly DossierState[];
  to: Target;
  who: readonly Performer[];
  /** A clock pause starts (with this reason) or the open one ends. */
  pause?: { start: 'supplement' | 'financial-obligation' | 'inter-agency' } | { end: true };
  /** Shown by the public lookup. */
  public: boolean;
  /** Needs a note/reason in the body. */
  requiresReason?: boolean;
  /**
   * Only for procedures the province designates for on-the-spot resolution (catalog `onTheSpot`), and only as the
   * desk's "receive and return now" at intake: never offered among a dossier's later actions.
   */
  onTheSpotOnly?: boolean;
}

const HANDLING: readonly DossierState[] = ['PROCESSING', 'AWAITING_APPROVAL'];

/** The transitions (see docs/api-plan-dossiers.md for the request fields of each). */
export const TRANSITIONS: Record<TransitionName, TransitionRule> = {
  forward: { from: ['RECEIVED', 'PROCESSING'], to: { kind: 'next-step', doneWhenLast: false }, who: ['holder'], public: true },
  'return-to-step': { from: HANDLING, to: { kind: 'earlier-step' }, who: ['holder'], public: false, requiresReason: true },
  // §3.1 step 5a: the agency sends the dossier back to the one-stop desk, which asks the applicant.
  'request-supplement': {
    from: HANDLING,
    to: { kind: 'state', state: 'SUPPLEMENT_REQUESTED' },
    who: ['holder'],
    pause: { start: 'supplement' },
    public: true,
    requiresReason: true,
  },
  // The desk records a supplement handed in; the applicant may also send it online (D28: the clock resumes at the
  // instant the system records the electronic resubmission, NĐ 45/2020/NĐ-CP; the handling agency checks it and may
  // ask again with a new Mẫu 02).
  'receive-supplement': { from: ['SUPPLEMENT_REQUESTED'], to: { kind: 'resume' }, who: ['receiving-desk', 'applicant'], pause: { end: true }, public: true },
  // §3.1 step 5b.
  'request-payment': {
    from: HANDLING,
    to: { kind: 'state', state: 'AWAITING_PAYMENT' },
    who: ['holder'],
    pause: { start: 'financial-obligation' },
    public: true,
    requiresReason: true,
  },
  'confirm-payment': { from: ['AWAITING_PAYMENT'], to: { kind: 'resume' }, who: ['holder', 'receiving-desk'], pause: { end: true }, public: true },
  // §3.1 step 5c; the wait for the other agency stops the clock (§19.6), its hop has its own sub-deadline.
  transfer: { from: HANDLING, to: { kind: 'state', state: 'INTEROPERATING' }, who: ['holder'], pause: { start: 'inter-agency' }, public: true },
  'transfer-back': { from: ['INTEROPERATING'], to: { kind: 'resume' }, who: ['holder'], pause: { end: true }, public: true },
  approve: { from: ['AWAITING_APPROVAL'], to: { kind: 'next-step', doneWhenLast: true }, who: ['holder'], public: true },
  'result-ready': { from: ['RECEIVED', 'PROCESSING'], to: { kind: 'state', state: 'DONE' }, who: ['holder'], public: true },
  'return-result': { from: ['DONE'], to: { kind: 'state', state: 'RETURNED' }, who: ['receiving-desk'], public: true },
  // Issue 9 item 6 (giải quyết ngay): result ready and returned in the visit that received it, counted as early.
  'return-on-the-spot': { from: ['RECEIVED'], to: { kind: 'state', state: 'RETURNED' }, who: ['receiving-desk'], public: true, onTheSpotOnly: true },
  // §3.1 step 5d (Mẫu 05 notice) and 5e.
  stop: { from: OPEN_STATES, to: { kind: 'state', state: 'STOPPED' }, who: ['handling-leader'], pause: { end: true }, public: true, requiresReason: true },
  withdraw: { from: OPEN_STATES, to: { kind: 'state', state: 'WITHDRAWN' }, who: ['receiving-desk'], pause: { end: true }, public: true, requiresReason: true },
};

export const TRANSITION_NAMES = Object.keys(TRANSITIONS) as TransitionName[];

/** The state a step puts the dossier in: a leader's step awaits approval. */
export function stateForStep(role: string, index: number): DossierState {
  if (index === 0) return 'RECEIVED';
  return role === 'leader' ? 'AWAITING_APPROVAL' : 'PROCESSING';
}

/** A resolved workflow step (template step with its unit placeholder resolved at intake). */
export interface StepLike {
  unitId: string;
  role: string;
}

/**
 * Index of the return step: the last template step when it belongs to the receiving centre's reception officer
 * (§3.1 step 7); -1 when the template has none. Steps before it are the handling steps.
 */
export function returnStepIndex(steps: readonly StepLike[], receivingUnitId: string): number {
  const last = steps.length - 1;
  if (last > 0 && steps[last]!.role === 'reception-officer' && steps[last]!.unitId === receivingUnitId) return last;
  return -1;
}

/** Index of the last handling step (the step after which the result is ready). */
export function lastHandlingIndex(steps: readonly StepLike[], receivingUnitId: string): number {
  const ret = returnStepIndex(steps, receivingUnitId);
  return ret === -1 ? steps.length - 1 : ret - 1;
}

/** Rule sets by the date they took effect (§16.1): a dossier keeps the one in force at reception. */
export const RULE_VERSIONS: ReadonlyArray<{ id: string; from: string; label: string }> = [
  { id: 'nd61-2018', from: '2018-07-01', label: 'Nghị định 61/2018/NĐ-CP, Thông tư 01/2018/TT-VPCP' },
  { id: 'nd118-2025', from: '2025-07-01', label: 'Nghị định 118/2025/NĐ-CP, Thông tư 03/2025/TT-VPCP' },
];

/** The rule set in force on a legal date (YYYY-MM-DD). */
export function ruleVersionOn(day: string): string {
  let id = RULE_VERSIONS[0]!.id;
  for (const r of RULE_VERSIONS) if (day >= r.from) id = r.id;
  return id;
}

/** §19.6: supplements, payments and inter-agency waits stop the clock and shift the due (no procedure declares a restart yet). */
export const DEFAULT_PAUSE_RULE = 'pause-and-shift';
