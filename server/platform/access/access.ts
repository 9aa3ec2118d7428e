import { isWithin } from './unit-relations';

/** A role held over an organisation unit's subtree; `scopePath` is the unit's materialised path ("/a/b/"). */
export interface RoleGrant {
  role: string;
  orgUnitId: string;
  scopePath: string;
}

export type Actor =
  | { type: 'anonymous' }
  | {
      type: 'user';
      userId: string;
      /** 'officer' for staff, 'citizen' for citizens and businesses. */
      kind: 'officer' | 'citizen';
      displayName: string;
      grants: RoleGrant[];
      sessionId: string;
      /** Set only on SYSTEM_ACTOR: the application itself (start-up jobs, seeding), which every policy admits. */
      system?: true;
    };

export type UserActor = Extract<Actor, { type: 'user' }>;
export const ANONYMOUS: Actor = { type: 'anonymous' };
/** The id the system actor (and seed stand-ins) carry; never a row in the users table. */
export const SYSTEM_USER_ID = '00000000-0000-0000-0000-000000000000';
/** The actor used by start-up jobs and seeding; audited as "system". It holds no role: `can` admits it by `system`. */
export const SYSTEM_ACTOR: UserActor = { type: 'user', userId: SYSTEM_USER_ID, kind: 'officer', displayName: 'system', grants: [], sessionId: 'system', system: true };

/** True for the application's own actor (SYSTEM_ACTOR). */
export const isSystemActor = (actor: Actor): boolean => actor.type === 'user' && actor.system === true;

/**
 * A policy answers "may this actor do this action to this subject?". With no subject it answers
 * "could this actor do it to some subject?", which is what route-level checks ask.
 */
export type Policy<S = unknown> = (actor: Actor, subject?: S) => boolean;

/** A module's rule for one action, as its manifest declares it (`policies`); buildApp registers it. */
export interface PolicyDeclaration {
  readonly action: string;
  readonly policy: Policy<never>;
}

/** Declares the rule for an action (pure: nothing is registered until buildApp reads the manifest). */
export function declarePolicy<S>(action: string, policy: Policy<S>): PolicyDeclaration {
  return { action, policy: policy };
}

const policies = new Map<string, Policy<never>>();

/**
 * Registers the rule for an action (buildApp does it from the manifests). Registering the same function again is a
 * no-op, so several apps may be built in one process; another rule for an action already defined is refused.
 */
export function definePolicy<S>(action: string, policy: Policy<S>): void {
  const existing = policies.get(action);
  if (existing === (policy as Policy<never>)) return;
  if (existing) throw new Error(`policy already defined: ${action}`);
  policies.set(action, policy);
}

export function isPolicyDefined(action: string): boolean {
  return policies.has(action);
}

export function listActions(): string[] {
  return [...policies.keys()].sort();
}

/** The single authorisation question of the application. */
export function can<S>(actor: Actor, action: string, subject?: S): boolean {
  const policy = policies.get(action) as Policy<S> | undefined;
  if (!policy) throw new Error(`no policy for action ${action}`);
  return isSystemActor(actor) || policy(actor, subject);
}

/** True when the grant covers the unit at `unitPath`: its own unit or a unit below it, never a unit above it. */
export function grantCovers(grant: Pick<RoleGrant, 'scopePath'>, unitPath: string): boolean {
  return isWithin(unitPath, grant.scopePath);
}

/** True when the actor holds one of `roles` by a grant covering `unitPath` (on any unit when the path is omitted). */
export function hasRole(actor: Actor, roles: readonly string[], unitPath?: string): boolean {
  if (actor.type !== 'user') return false;
  return actor.grants.some((g) => roles.includes(g.role) && (unitPath === undefined || grantCovers(g, unitPath)));
}

/** True when some grant of the actor, whatever its role, covers `unitPath`. */
export function hasAnyGrantCovering(actor: Actor, unitPath: string): boolean {
  return actor.type === 'user' && actor.grants.some((g) => grantCovers(g, unitPath));
}

/** The acting user's id for audit and authorship columns; null for anonymous callers and the system actor. */
export function actorUserId(actor: Actor): string | null {
  return actor.type === 'user' && actor.userId !== SYSTEM_USER_ID ? actor.userId : null;
}

export const isSignedIn = (actor: Actor): actor is UserActor => actor.type === 'user';
