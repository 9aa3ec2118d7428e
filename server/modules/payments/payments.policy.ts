import { declarePolicy, hasRole, type PolicyDeclaration } from '../../platform/access';
import { FINANCE_OFFICER, SYSTEM_ADMIN } from '../identity';

/** Policy actions of the payments module (paying is the applicant's, checked through the portal's claim). */
export const PAYMENT_ACTIONS = {
  /** Read the unit's payment attempts, ask the gateway about one, download a receipt. */
  read: 'payments.transactions.read',
  /** Import the gateway's daily statement and resolve the mismatches it shows. */
  reconcile: 'payments.statements.reconcile',
} as const;

/** The unit whose payments are read. */
export interface PaymentUnitSubject {
  unitPath: string;
}

/** The finance officers of the unit's subtree, and the system administrator (the merchant account is the province's). */
export const PAYMENT_READERS: readonly string[] = [FINANCE_OFFICER, SYSTEM_ADMIN];

/** The payments module's policies, declared in its manifest. */
export const paymentPolicies: PolicyDeclaration[] = [
  declarePolicy<PaymentUnitSubject>(PAYMENT_ACTIONS.read, (actor, s) => hasRole(actor, [SYSTEM_ADMIN]) || hasRole(actor, PAYMENT_READERS, s?.unitPath)),
  declarePolicy<PaymentUnitSubject>(PAYMENT_ACTIONS.reconcile, (actor, s) => hasRole(actor, [SYSTEM_ADMIN]) || hasRole(actor, [FINANCE_OFFICER], s?.unitPath)),
];
