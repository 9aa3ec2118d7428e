import { declarePolicy, hasRole, type Actor, type PolicyDeclaration } from '../../platform/access';
import { isSystemAdmin, UNIT_ADMIN } from '../identity';

/** What a procedure policy looks at: the materialised paths of the version's implementing units. */
export interface ProcedureSubject {
  unitPaths: string[];
}

/** The catalog's policy actions (route `config.action` and use-case checks). */
export const CATALOG_ACTIONS = {
  manage: 'catalog.procedures.manage',
  publish: 'catalog.procedures.publish',
  /** Reading an unpublished draft in the back office (published versions are public). */
  readDraft: 'catalog.procedures.read-draft',
  importRun: 'catalog.imports.run',
} as const;

/**
 * System admins everywhere; a unit admin only for procedures whose implementing units all lie on their unit or below
 * it (a procedure with no unit yet, or with a unit outside their units, belongs to the system admin).
 */
function adminInScope(actor: Actor, subject?: ProcedureSubject): boolean {
  if (isSystemAdmin(actor)) return true;
  if (!subject) return hasRole(actor, [UNIT_ADMIN]);
  return subject.unitPaths.length > 0 && subject.unitPaths.every((path) => hasRole(actor, [UNIT_ADMIN], path));
}

/**
 * `adminInScope` as data for list queries: 'all' for system admins (province-wide), otherwise the unit paths the actor
 * administers. A version is the actor's when it has an implementing unit and every one lies within one of them; the
 * back-office list shows the actor's drafts (published versions are public), the data-quality worklist only the
 * actor's versions.
 */
export function adminScopes(actor: Actor): 'all' | string[] {
  if (isSystemAdmin(actor)) return 'all';
  return actor.type === 'user' ? actor.grants.filter((g) => g.role === UNIT_ADMIN).map((g) => g.scopePath) : [];
}

/** The units the actor administers as a unit admin (their grants' units), for saying what a scoped list covers. */
export function adminUnitIds(actor: Actor): string[] {
  return actor.type === 'user' ? [...new Set(actor.grants.filter((g) => g.role === UNIT_ADMIN).map((g) => g.orgUnitId))] : [];
}

/** The catalog's policies, declared in its manifest. */
export const catalogPolicies: PolicyDeclaration[] = [
  declarePolicy<ProcedureSubject>(CATALOG_ACTIONS.manage, adminInScope),
  declarePolicy<ProcedureSubject>(CATALOG_ACTIONS.publish, adminInScope),
  declarePolicy<ProcedureSubject>(CATALOG_ACTIONS.readDraft, adminInScope),
  declarePolicy(CATALOG_ACTIONS.importRun, isSystemAdmin),
];
