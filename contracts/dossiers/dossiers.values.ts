// Value lists and patterns of the dossier contract, without zod: the web bundle imports them from here.

/** Internal dossier states, mapped to the national status codes 1–10 (domain README §3.2). */
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
] as const;

/** Names of the status-changing actions (POST /:id/transitions). */
export const TRANSITION_NAMES = [
  'forward',
  'return-to-step',
  'request-supplement',
  'receive-supplement',
  'request-payment',
  'confirm-payment',
  'transfer',
  'transfer-back',
  'approve',
  'result-ready',
  'return-result',
  'return-on-the-spot',
  'stop',
  'withdraw',
] as const;

/** Applicant kinds: a person (12-digit ID) or an organisation (tax code). */
export const APPLICANT_KINDS = ['person', 'organisation'] as const;
/** Where the result is handed over. */
export const RESULT_DELIVERIES = ['desk', 'post', 'online'] as const;
/** How a fee taken at the desk was paid: tiền mặt, chuyển khoản, trực tuyến (the payment methods of §6.3). */
export const FEE_PAYMENT_METHODS = ['cash', 'bank-transfer', 'online'] as const;
/** §19.8 finish classes (of a dossier and of each hand-over). */
export const CLASSIFICATIONS = ['early', 'on-time', 'late'] as const;
/** Queues of the back office (`all` includes finished dossiers). */
/** What an indicator counts (issue 12), each the name of the dossiers behind one number of the summary. */
export const INDICATOR_MEASURES = [
  'received',
  'finished',
  'finished-early',
  'finished-on-time',
  'finished-late',
  'late-held',
  'apologies',
  'supplements',
  'withdrawn',
  'stopped',
  'open',
  'open-overdue',
  'open-at-risk',
  'open-paused',
] as const;
export type IndicatorMeasure = (typeof INDICATOR_MEASURES)[number];

export const QUEUES = ['mine', 'unit', 'due-soon', 'overdue', 'at-risk', 'paused', 'all'] as const;
/** Deadline badges of queue rows and the detail header. */
export const BADGES = ['on-track', 'due-soon', 'at-risk', 'overdue', 'paused', 'early', 'on-time', 'late', 'closed'] as const;
/** Why the clock stopped (§19.6). */
export const PAUSE_REASONS = ['supplement', 'financial-obligation', 'inter-agency'] as const;
/** Kinds of hand-over rows (Mẫu 06). */
export const HOP_KINDS = ['step', 'transfer', 'supplement'] as const;
/** Where a dossier's statutory duration came from: the catalog, or the officer at the desk. */
export const DURATION_SOURCES = ['catalog', 'officer'] as const;
/** Slips a dossier can print: Mẫu 01 receipt, 06 control slip, 04 apology, 05 stop notice, 02 supplement request. */
export const DOSSIER_SLIPS = ['receipt', 'control', 'apology', 'stop-notice', 'supplement-request'] as const;
/** Intake decisions that create no dossier: guided to supplement (Mẫu 02) or refused (Mẫu 03). */
export const INTAKE_DECISION_KINDS = ['guide', 'refuse'] as const;

/** 12-digit personal identification number (căn cước, §15.1 LoaiDinhDanh 1). */
export const PERSON_ID_PATTERN = /^\d{12}$/;
/** Enterprise tax code: 10 digits, or 13 for a branch (written 0101234567-001 or 0101234567001). */
export const TAX_CODE_PATTERN = /^\d{10}(-?\d{3})?$/;
