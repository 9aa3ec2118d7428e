// Types come from the shared contract (type-only, so no server or zod code reaches the bundle).
import type { TransitionName } from '../../../contracts/dossiers/dossiers.contracts';
import type { RESULT_DELIVERIES } from '../../../contracts/dossiers/dossiers.values';

export type {
  Applicant,
  ApologyRequest,
  Badge,
  ChecklistItem,
  DossierDetail,
  DossierListItem,
  DossierSlipView,
  DossierState,
  FeePaymentMethod,
  Hop,
  IntakeDecision,
  IntakeRequest,
  IntakeResponse,
  ListDossiersQuery,
  ListDossiersResponse,
  PublicLookup,
  Queue,
  TransitionName,
  TransitionRequest,
  UnitRef,
} from '../../../contracts/dossiers/dossiers.contracts';

// The contract's value lists (a zod-free module, so the bundle does not pull zod in).
export {
  APPLICANT_KINDS,
  BADGES,
  CLASSIFICATIONS,
  DOSSIER_STATES,
  FEE_PAYMENT_METHODS,
  HOP_KINDS,
  PAUSE_REASONS,
  PERSON_ID_PATTERN,
  RESULT_DELIVERIES,
  TAX_CODE_PATTERN,
} from '../../../contracts/dossiers/dossiers.values';

/** Every status-changing action, in the order the detail page offers them. */
export const TRANSITIONS = [
  'forward',
  'approve',
  'result-ready',
  'return-result',
  'return-to-step',
  'transfer',
  'transfer-back',
  'request-supplement',
  'receive-supplement',
  'request-payment',
  'confirm-payment',
  'stop',
  'withdraw',
] as const satisfies readonly TransitionName[];

/** Queue tabs of the back office, in the contract's order (its `all` is the history tab). */
export { QUEUES as QUEUE_TABS } from '../../../contracts/dossiers/dossiers.values';

/** National status codes 1–10 (§3.2). */
export const STATUS_CODES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

/** One of RESULT_DELIVERIES. */
export type ResultDelivery = (typeof RESULT_DELIVERIES)[number];
/** Roles a dossier can be held under (the workflow's roles). */
export const HOLDER_ROLES = ['reception-officer', 'specialist', 'leader'] as const;

/** Policy actions the dossier screens check (server/modules/dossiers/dossiers.policy.ts). */
export const DOSSIER_ACTIONS = {
  intake: 'dossiers.intake',
  list: 'dossiers.list',
  read: 'dossiers.read',
  transition: 'dossiers.transition',
  apology: 'dossiers.apology',
} as const;
