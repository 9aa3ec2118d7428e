import { declarePolicy, hasRole, type PolicyDeclaration } from '../../platform/access';
import { FINANCE_OFFICER, LEADER, PROVINCE_READERS, RECEPTION_OFFICER, SPECIALIST, UNIT_ADMIN } from '../identity';

/** Policy actions of the dashboards module (the public indicators need none: they hold no personal data). */
export const DASHBOARD_ACTIONS = {
  /** Read the indicators of a unit. */
  indicators: 'dashboards.indicators.read',
} as const;

/** The unit whose indicators are read. */
export interface IndicatorSubject {
  unitPath: string;
}

/** Officers read their own units' indicators (and those below); the province's readers read every unit's. */
export const INDICATOR_READERS: readonly string[] = [LEADER, UNIT_ADMIN, SPECIALIST, RECEPTION_OFFICER, FINANCE_OFFICER];

/**
 * The dashboards module's policies, declared in its manifest. Without a subject (the route's own check, before the unit
 * is known) the question is whether the actor reads any unit's indicators at all.
 */
export const dashboardPolicies: PolicyDeclaration[] = [
  declarePolicy<IndicatorSubject>(DASHBOARD_ACTIONS.indicators, (actor, s) => hasRole(actor, PROVINCE_READERS) || hasRole(actor, INDICATOR_READERS, s?.unitPath)),
];
