import { declarePolicy, hasRole, type Actor, type PolicyDeclaration } from '../../platform/access';
import { RECEPTION_OFFICER } from '../identity';

/** Policy actions of the submissions module. */
export const SUBMISSION_ACTIONS = {
  /** The portal side: a citizen's or business's own submissions. */
  own: 'submissions.own',
  /** The desk reads submissions sent to it (queue, detail, files). */
  review: 'submissions.review',
  /** The desk decides: accept, guide (Mẫu 02), refuse (Mẫu 03). */
  decide: 'submissions.decide',
} as const;

/** A submission as the owner's policy sees it. */
export interface OwnSubject {
  accountId: string;
}

/** A submission as the desk's policy sees it: where it is received. */
export interface DeskSubject {
  receivingUnitPath: string;
}

/** True for a signed-in citizen or business account (identity's `citizen` kind), never an officer. */
export const isPortalAccount = (actor: Actor): boolean => actor.type === 'user' && actor.kind === 'citizen' && actor.system !== true;

/**
 * A reception officer of the receiving desk: a grant covering the desk's unit, never one below it (D11). Any centre of
 * the province may receive (§2), so the desk is the unit the applicant chose, not the procedure's agency.
 */
const receivesAt = (actor: Actor, s: DeskSubject | undefined) => hasRole(actor, [RECEPTION_OFFICER], s?.receivingUnitPath);

/** The submissions module's policies, declared in its manifest. */
export const submissionPolicies: PolicyDeclaration[] = [
  // Only the owning account reads or changes a submission from the portal; officers use the desk's routes.
  declarePolicy<OwnSubject>(SUBMISSION_ACTIONS.own, (actor, s) => isPortalAccount(actor) && (s === undefined || (actor.type === 'user' && actor.userId === s.accountId))),
  declarePolicy<DeskSubject>(SUBMISSION_ACTIONS.review, receivesAt),
  declarePolicy<DeskSubject>(SUBMISSION_ACTIONS.decide, receivesAt),
];
