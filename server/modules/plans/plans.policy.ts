import { declarePolicy, hasRole, isWithin, type Actor, type PolicyDeclaration } from '../../platform/access';
import { LEADER, PROVINCE_READERS, REFORM_OFFICE, SPECIALIST } from '../identity';

/** Policy actions of the plans module. */
export const PLAN_ACTIONS = {
  /** Read a plan (subject: its owner unit) or a task (subject: its lead unit). */
  read: 'plans.read',
  /** Create a plan, add tasks, accept a task or send it back (subject: the plan's owner unit). */
  manage: 'plans.manage',
  /** Report progress on a task (subject: its lead unit). */
  report: 'plans.tasks.report',
} as const;

/** A plan or task as the policies see it: the unit concerned. */
export interface PlanUnitSubject {
  unitPath: string;
}

/** The lead unit's roles that carry a task out and report on it. */
const UNIT_ROLES = [SPECIALIST, LEADER];

/** A role of `roles` by a grant covering the unit (its own or one above it, never one below: D11). */
const holds =
  (roles: readonly string[]) =>
  (actor: Actor, s: PlanUnitSubject | undefined): boolean =>
    hasRole(actor, roles, s?.unitPath);

/** The province a unit path lies in: the root of its tree ("/<root>/"). */
const provinceOf = (path: string): string => `/${path.split('/')[1]}/`;

/**
 * The reform office (Ban/Phòng CCHC, seated at Sở Nội vụ: demo `caicach.snv`) manages the reform plans of its whole
 * province, whichever unit its grant names — the province's reform office covers the province (issue 16).
 */
const reformOfficeOver = (actor: Actor, s: PlanUnitSubject | undefined): boolean =>
  actor.type === 'user' && actor.grants.some((g) => g.role === REFORM_OFFICE && (s === undefined || isWithin(s.unitPath, provinceOf(g.scopePath))));

/** The plans module's policies, declared in its manifest. */
export const planPolicies: PolicyDeclaration[] = [
  // The province's readers (the reform office, system administrators) read every plan; a unit's officers what their grants cover.
  declarePolicy<PlanUnitSubject>(PLAN_ACTIONS.read, (actor, s) => hasRole(actor, PROVINCE_READERS) || hasRole(actor, UNIT_ROLES, s?.unitPath)),
  declarePolicy<PlanUnitSubject>(PLAN_ACTIONS.manage, reformOfficeOver),
  declarePolicy<PlanUnitSubject>(PLAN_ACTIONS.report, holds(UNIT_ROLES)),
];
