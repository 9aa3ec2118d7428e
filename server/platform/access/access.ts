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
    };

export type UserActor = Extract<Actor, { type: 'user' }>;
export const ANONYMOUS: Actor = { type: 'anonymous' };
/** The actor used by start-up jobs and seeding; audited as "system". */
/** The id the system actor (and seed stand-ins) carry; never a row in the users table. */
export const SYSTEM_USER_ID = '00000000-0000-0000-0000-000000000000';
export const SYSTEM_ACTOR: UserActor = { type: 'user', userId: SYSTEM_USER_ID, kind: 'officer', displayName: 'system', grants: [{ role: 'system-admin', orgUnitId: '', scopePath: '/' }], sessionId: 'system' };

/**
 * A policy answers "may this actor do this action to this subject?". With no subject it answers
 * "could this actor do it to some subject?", which is what route-level checks ask.
 */
export type Policy<S = unknown> = (actor: Actor, subject?: S) => boolean;

const policies = new Map<string, Policy<never>>();

/** Registers the rule for an action; each action is registered exactly once, by its module. */
export function definePolicy<S>(action: string, policy: Policy<S>): void {
  if (policies.has(action)) throw new Error(`policy already defined: ${action}`);
  policies.set(action, policy as Policy<never>);
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
  return policy(actor, subject);
}

/** True when the actor holds one of `roles` on `unitPath` or an ancestor of it (any unit when path is omitted). */
export function hasRole(actor: Actor, roles: readonly string[], unitPath?: string): boolean {
  if (actor.type !== 'user') return false;
  return actor.grants.some((g) => roles.includes(g.role) && (unitPath === undefined || unitPath.startsWith(g.scopePath)));
}

/** The acting user's id for audit and authorship columns; null for anonymous callers and the system actor. */
export function actorUserId(actor: Actor): string | null {
  return actor.type === 'user' && actor.userId !== SYSTEM_USER_ID ? actor.userId : null;
}

export const isSignedIn = (actor: Actor): actor is UserActor => actor.type === 'user';
