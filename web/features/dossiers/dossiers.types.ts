// Types come from the shared contract (type-only, so no server or zod code reaches the bundle).
import type { Badge, DossierState, Queue, TransitionName } from '../../../contracts/dossiers/dossiers.contracts';

export type {
  Applicant,
  ApologyRequest,
  Badge,
  ChecklistItem,
  DossierDetail,
  DossierListItem,
  DossierState,
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

// Value lists mirror the contract's enums (`satisfies` keeps them in step) without pulling zod into the bundle.
/** Internal states (docs/api-plan-dossiers.md, domain README §3.2). */
export const DOSSIER_STATES = [
  'RECEIVED',
  'PROCESSING',
  'AWAITING_APPROVAL',
  'INTEROPERATING',
  'SUPPLEMENT_REQUESTED',
  'AWAITING_PAYMENT',
  'WITHDRAWN',
  'STOPPED',
  'DONE',
  'RETURNED',
] as const satisfies readonly DossierState[];

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

/** Queue tabs of the back office (the contract's `all` is the history tab). */
export const QUEUE_TABS = ['mine', 'unit', 'due-soon', 'overdue', 'at-risk', 'all'] as const satisfies readonly Queue[];

/** Deadline badges of queue rows and the detail header. */
export const BADGES = ['on-track', 'due-soon', 'at-risk', 'overdue', 'paused', 'early', 'on-time', 'late', 'closed'] as const satisfies readonly Badge[];

/** National status codes 1–10 (§3.2). */
export const STATUS_CODES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

/** Applicant kinds: a person (12-digit ID) or an organisation (tax code). */
export const APPLICANT_KINDS = ['person', 'organisation'] as const;
/** Where the result is handed over. */
export const RESULT_DELIVERIES = ['desk', 'post', 'online'] as const;
/** One of RESULT_DELIVERIES. */
export type ResultDelivery = (typeof RESULT_DELIVERIES)[number];
/** §19.8 finish classes (of a dossier and of each hand-over). */
export const CLASSIFICATIONS = ['early', 'on-time', 'late'] as const;
/** Why the clock stopped (§19.6). */
export const PAUSE_REASONS = ['supplement', 'financial-obligation', 'inter-agency'] as const;
/** Kinds of hand-over rows (Mẫu 06). */
export const HOP_KINDS = ['step', 'transfer', 'supplement'] as const;
/** Roles a dossier can be held under (the workflow's roles). */
export const HOLDER_ROLES = ['reception-officer', 'specialist', 'leader'] as const;

/** 12-digit personal identification number (§15.1); mirrors the contract's PERSON_ID_PATTERN. */
export const PERSON_ID_PATTERN = /^\d{12}$/;
/** Tax code: 10 digits, or 13 for a branch (0101234567-001); mirrors TAX_CODE_PATTERN. */
export const TAX_CODE_PATTERN = /^\d{10}(-?\d{3})?$/;

/** Policy actions the dossier screens check (server/modules/dossiers/dossiers.policy.ts). */
export const DOSSIER_ACTIONS = {
  intake: 'dossiers.intake',
  list: 'dossiers.list',
  read: 'dossiers.read',
  transition: 'dossiers.transition',
  apology: 'dossiers.apology',
} as const;
