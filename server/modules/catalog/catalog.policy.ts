import { definePolicy, hasRole, type Actor } from '../../platform/access';

/** What a procedure policy looks at: the materialised paths of the version's implementing units. */
export interface ProcedureSubject {
  unitPaths: string[];
}

/** The catalog's policy actions (route `config.action` and use-case checks). */
export const CATALOG_ACTIONS = {
  manage: 'catalog.procedures.manage',
  publish: 'catalog.procedures.publish',
  importRun: 'catalog.imports.run',
} as const;

/**
 * System admins everywhere; a unit admin only for procedures whose implementing units all lie in their subtree
 * (a procedure with no unit yet, or with a unit outside the subtree, belongs to the system admin).
 */
function adminInScope(actor: Actor, subject?: ProcedureSubject): boolean {
  if (hasRole(actor, ['system-admin'])) return true;
  if (!subject) return hasRole(actor, ['unit-admin']);
  return subject.unitPaths.length > 0 && subject.unitPaths.every((path) => hasRole(actor, ['unit-admin'], path));
}

definePolicy<ProcedureSubject>(CATALOG_ACTIONS.manage, adminInScope);
definePolicy<ProcedureSubject>(CATALOG_ACTIONS.publish, adminInScope);
definePolicy(CATALOG_ACTIONS.importRun, (actor) => hasRole(actor, ['system-admin']));
