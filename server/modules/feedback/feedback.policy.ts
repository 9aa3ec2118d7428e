import { declarePolicy, hasRole, type Actor, type PolicyDeclaration } from '../../platform/access';
import { LEADER, PROVINCE_READERS, RECEPTION_OFFICER, SPECIALIST } from '../identity';

/** Policy actions of the feedback module. */
export const FEEDBACK_ACTIONS = {
  /** An officer enters an item received at the desk, by letter, hotline or e-mail (subject: the receiving unit). */
  intake: 'feedback.intake',
  /** Read the queue and an item (subject: the assigned unit). */
  read: 'feedback.read',
  /** Classify, close as out of scope, transfer to another unit, merge into another item. */
  route: 'feedback.route',
  /** Ask the sender for more, set the deadline rule. */
  handle: 'feedback.handle',
  /** Draft the answer. */
  draft: 'feedback.draft',
  /** Approve the draft (send and publish it) or send it back. */
  approve: 'feedback.approve',
  /** A portal account follows a published item, reads its own items. */
  follow: 'feedback.follow',
} as const;

/** An item as the officers' policies see it: the unit it is assigned to (or, at intake, the receiving unit). */
export interface FeedbackUnitSubject {
  unitPath: string;
}

/** True for a signed-in citizen or business account (identity's `citizen` kind), never an officer. */
export const isPortalAccount = (actor: Actor): boolean => actor.type === 'user' && actor.kind === 'citizen' && actor.system !== true;

/** The unit's roles that take part in handling items. */
const UNIT_ROLES = [RECEPTION_OFFICER, SPECIALIST, LEADER];

/** A role of `roles` by a grant covering the item's unit (its own or one above it, never one below: D11). */
const holds =
  (roles: readonly string[]) =>
  (actor: Actor, s: FeedbackUnitSubject | undefined): boolean =>
    hasRole(actor, roles, s?.unitPath);

/** The feedback module's policies, declared in its manifest. */
export const feedbackPolicies: PolicyDeclaration[] = [
  declarePolicy<FeedbackUnitSubject>(FEEDBACK_ACTIONS.intake, holds([RECEPTION_OFFICER, SPECIALIST])),
  // The unit's officers read what is assigned to units they cover; the reform office and system administrators read the province.
  declarePolicy<FeedbackUnitSubject>(FEEDBACK_ACTIONS.read, (actor, s) => hasRole(actor, PROVINCE_READERS) || hasRole(actor, UNIT_ROLES, s?.unitPath)),
  declarePolicy<FeedbackUnitSubject>(FEEDBACK_ACTIONS.route, holds(UNIT_ROLES)),
  declarePolicy<FeedbackUnitSubject>(FEEDBACK_ACTIONS.handle, holds([SPECIALIST, LEADER])),
  declarePolicy<FeedbackUnitSubject>(FEEDBACK_ACTIONS.draft, holds([SPECIALIST])),
  declarePolicy<FeedbackUnitSubject>(FEEDBACK_ACTIONS.approve, holds([LEADER])),
  declarePolicy(FEEDBACK_ACTIONS.follow, (actor) => isPortalAccount(actor)),
];
