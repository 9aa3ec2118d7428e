import { declarePolicy, hasRole, type PolicyDeclaration } from '../../platform/access';
import { LEADER, PROVINCE_READERS, UNIT_ADMIN } from '../identity';

/** Policy actions of the ratings module (rating itself is public: a link's secret, a receipt's proof or the owner). */
export const RATING_ACTIONS = {
  /** Read the satisfaction summary of units. */
  summary: 'ratings.summary.read',
} as const;

/** The unit whose ratings are read. */
export interface SummarySubject {
  unitPath: string;
}

/** Who reads the summaries: the units' leaders and administrators for their subtree, the province's readers for all. */
export const SUMMARY_READERS: readonly string[] = [LEADER, UNIT_ADMIN, ...PROVINCE_READERS];

/** The ratings module's policies, declared in its manifest. */
export const ratingPolicies: PolicyDeclaration[] = [
  declarePolicy<SummarySubject>(RATING_ACTIONS.summary, (actor, s) => hasRole(actor, PROVINCE_READERS) || hasRole(actor, SUMMARY_READERS, s?.unitPath)),
];
