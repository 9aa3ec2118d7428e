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
 * The draft-reading rule as data for list queries: 'all' for system admins, otherwise the unit paths whose drafts the
 * actor reads (a draft is listed when every implementing unit lies within one of them, as `adminInScope` decides).
 */
export function draftScopes(actor: Actor): 'all' | string[] {
  if (isSystemAdmin(actor)) return 'all';
  return actor.type === 'user' ? actor.grants.filter((g) => g.role === UNIT_ADMIN).map((g) => g.scopePath) : [];
}

/** The catalog's policies, declared in its manifest. */
export const catalogPolicies: PolicyDeclaration[] = [
  declarePolicy<ProcedureSubject>(CATALOG_ACTIONS.manage, adminInScope),
  declarePolicy<ProcedureSubject>(CATALOG_ACTIONS.publish, adminInScope),
  declarePolicy<ProcedureSubject>(CATALOG_ACTIONS.readDraft, adminInScope),
  declarePolicy(CATALOG_ACTIONS.importRun, isSystemAdmin),
];
