import { declarePolicy, type Actor, type PolicyDeclaration } from '../../platform/access';

/** Policy actions of the portal's composition. */
export const PORTAL_ACTIONS = {
  /** A signed-in citizen or business reads its own dossiers and answers their supplement requests. */
  dossiers: 'citizen.dossiers',
} as const;

/** A signed-in portal account (identity's `citizen` kind), never an officer nor the system. */
export const isPortalAccount = (actor: Actor): boolean => actor.type === 'user' && actor.kind === 'citizen' && actor.system !== true;

/** Which dossier is the account's is decided per dossier by the claim (use-cases/claim.ts): the policy admits the account kind. */
export const portalPolicies: PolicyDeclaration[] = [declarePolicy(PORTAL_ACTIONS.dossiers, isPortalAccount)];
