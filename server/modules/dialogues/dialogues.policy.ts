import { declarePolicy, hasRole, type Actor, type PolicyDeclaration } from '../../platform/access';
import { LEADER, PROVINCE_READERS, SPECIALIST } from '../identity';

/** Policy actions of the dialogues module. */
export const DIALOGUE_ACTIONS = {
  /** Read sessions (subject: the organising unit) and commitments (subject: the owner or the organising unit). */
  read: 'dialogues.read',
  /** Schedule, announce, cancel a session, decide on and answer its questions, record agenda and minutes, withdraw a commitment (subject: the organising unit). */
  manage: 'dialogues.manage',
  /** Report progress on and complete a commitment (subject: the owner unit). */
  updateCommitment: 'dialogues.commitments.update',
} as const;

/** A session or commitment as the policies see it: the unit concerned. */
export interface DialogueUnitSubject {
  unitPath: string;
}

/** True for a signed-in citizen or business account (identity's `citizen` kind), never an officer. */
export const isPortalAccount = (actor: Actor): boolean => actor.type === 'user' && actor.kind === 'citizen' && actor.system !== true;

/** The unit's roles that run dialogues and carry out commitments. */
const UNIT_ROLES = [SPECIALIST, LEADER];

/** A role of `roles` by a grant covering the unit (its own or one above it, never one below: D11). */
const holds =
  (roles: readonly string[]) =>
  (actor: Actor, s: DialogueUnitSubject | undefined): boolean =>
    hasRole(actor, roles, s?.unitPath);

/** The dialogues module's policies, declared in its manifest. */
export const dialoguePolicies: PolicyDeclaration[] = [
  // The unit's specialists and leaders read what their grants cover; the reform office and system administrators read the province.
  declarePolicy<DialogueUnitSubject>(DIALOGUE_ACTIONS.read, (actor, s) => hasRole(actor, PROVINCE_READERS) || hasRole(actor, UNIT_ROLES, s?.unitPath)),
  declarePolicy<DialogueUnitSubject>(DIALOGUE_ACTIONS.manage, holds(UNIT_ROLES)),
  declarePolicy<DialogueUnitSubject>(DIALOGUE_ACTIONS.updateCommitment, holds(UNIT_ROLES)),
];
