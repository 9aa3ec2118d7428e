import { declarePolicy, hasRole, type PolicyDeclaration } from '../../platform/access';
import { SYSTEM_ADMIN } from '../identity';

/** Policy actions of the exchange module: the province's system administrators watch and resend. */
export const EXCHANGE_ACTIONS = {
  read: 'exchange.outbox.read',
  resend: 'exchange.outbox.resend',
} as const;

export const exchangePolicies: PolicyDeclaration[] = [
  declarePolicy(EXCHANGE_ACTIONS.read, (actor) => hasRole(actor, [SYSTEM_ADMIN])),
  declarePolicy(EXCHANGE_ACTIONS.resend, (actor) => hasRole(actor, [SYSTEM_ADMIN])),
];
