import { declarePolicy, hasRole, isBelow, isSignedIn, isWithin, type Actor, type PolicyDeclaration } from '../../platform/access';
import { isOfficer, isSystemAdmin, PRIVILEGED_ROLES, PROVINCE_READERS, UNIT_ADMIN, type Role } from './roles';

export { PRIVILEGED_ROLES };

/** An org unit as a policy subject: its materialised path. */
export interface OrgUnitSubject {
  path: string;
}

/** Where a new unit would go: its parent's path, or null for a new root. */
export interface NewOrgUnitSubject {
  parentPath: string | null;
}

/** A user as a policy subject: their kind and each grant's role and unit path. */
export interface UserSubject {
  kind: 'officer' | 'citizen';
  grants: Array<{ role: string; scopePath: string }>;
}

/** Paths of the units where the actor is unit administrator. */
function unitAdminScopes(actor: Actor): string[] {
  return actor.type === 'user' ? actor.grants.filter((g) => g.role === UNIT_ADMIN).map((g) => g.scopePath) : [];
}

/** A unit administrator manages an officer only when every grant is on their unit or below it and none is privileged. */
function unitAdminManages(actor: Actor, user: UserSubject): boolean {
  const scopes = unitAdminScopes(actor);
  return user.kind === 'officer' && user.grants.length > 0 && user.grants.every((g) => !PRIVILEGED_ROLES.includes(g.role as Role) && scopes.some((s) => isWithin(g.scopePath, s)));
}

/** Identity's policies, declared in its manifest. */
export const identityPolicies: PolicyDeclaration[] = [
  // Any officer may read the organisation (other modules' screens pick units); citizens may not.
  declarePolicy<OrgUnitSubject>('identity.org-units.list', (actor) => isOfficer(actor)),

  declarePolicy<NewOrgUnitSubject>('identity.org-units.create', (actor, s) => {
    if (isSystemAdmin(actor)) return true;
    if (s === undefined) return hasRole(actor, [UNIT_ADMIN]);
    return s.parentPath !== null && hasRole(actor, [UNIT_ADMIN], s.parentPath);
  }),

  declarePolicy<OrgUnitSubject>('identity.org-units.update', (actor, s) => isSystemAdmin(actor) || hasRole(actor, [UNIT_ADMIN], s?.path)),

  // A unit administrator may close units below their own, never the unit their role hangs on.
  declarePolicy<OrgUnitSubject>('identity.org-units.close', (actor, s) => {
    if (isSystemAdmin(actor)) return true;
    if (s === undefined) return hasRole(actor, [UNIT_ADMIN]);
    return unitAdminScopes(actor).some((scope) => isBelow(s.path, scope));
  }),

  // Reading users: system admin and the reform office province-wide; a unit admin sees anyone holding a grant in their subtree.
  declarePolicy<UserSubject>('identity.users.list', (actor, s) => {
    if (hasRole(actor, PROVINCE_READERS)) return true;
    if (s === undefined) return hasRole(actor, [UNIT_ADMIN]);
    const scopes = unitAdminScopes(actor);
    return s.kind === 'officer' && s.grants.some((g) => scopes.some((scope) => isWithin(g.scopePath, scope)));
  }),

  ...['identity.users.create', 'identity.users.update', 'identity.users.disable', 'identity.users.reset-password'].map((action) =>
    declarePolicy<UserSubject>(action, (actor, s) => {
      if (isSystemAdmin(actor)) return true;
      if (s === undefined) return hasRole(actor, [UNIT_ADMIN]);
      return unitAdminManages(actor, s);
    }),
  ),

  // Sign-in throttles span accounts and client addresses of the whole province: system administrators only.
  declarePolicy('identity.login-throttles.manage', (actor) => isSystemAdmin(actor)),

  // A portal account's own profile and contacts: citizen and business accounts only (officers have the back office).
  ...['identity.citizen.profile.read', 'identity.citizen.profile.update', 'identity.citizen.contacts.change'].map((action) =>
    declarePolicy(action, (actor) => actor.type === 'user' && actor.kind === 'citizen'),
  ),

  // Self-service: any signed-in account.
  declarePolicy('identity.me.read', (actor) => isSignedIn(actor)),
  declarePolicy('identity.me.change-password', (actor) => isSignedIn(actor)),
  declarePolicy('identity.logout', (actor) => isSignedIn(actor)),
];
