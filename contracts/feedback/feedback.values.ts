// Value lists of the feedback contract (phản ánh, kiến nghị — PAKN; domain README §8), without zod: the web bundle
// imports them from here and the tables type their columns with them.

/** Where an item came in: the portal (the sender files it), or an officer enters it for the sender. */
export const FEEDBACK_CHANNELS = ['portal', 'desk', 'letter', 'hotline', 'email'] as const;
/** The channels an officer enters items for: at the desk, a letter, the hotline, an e-mail (§8 "Channels"). */
export const OFFICER_INTAKE_CHANNELS = ['desk', 'letter', 'hotline', 'email'] as const;

/**
 * Life of an item: NEW (received, routed, not yet classified) → IN_PROGRESS (classified, handled by the assigned unit)
 * ⇄ INFO_REQUESTED (the sender is asked for more: the clock stops) → AWAITING_APPROVAL (a specialist's draft answer
 * before the unit's leader) → ANSWERED (approved, sent to the sender, published unless the sender opted out). Closed
 * without an answer: OUT_OF_SCOPE (a complaint or denunciation, told the law that applies) or MERGED into another item.
 */
export const FEEDBACK_STATES = ['NEW', 'IN_PROGRESS', 'INFO_REQUESTED', 'AWAITING_APPROVAL', 'ANSWERED', 'OUT_OF_SCOPE', 'MERGED'] as const;

/**
 * What an item is about (§8 "Scope boundary"): an administrative regulation (về quy định hành chính), an officer's
 * conduct while handling a procedure (về hành vi của cán bộ khi giải quyết TTHC), or neither — a complaint or a
 * denunciation, which follow their own laws.
 */
export const FEEDBACK_KINDS = ['regulation', 'conduct', 'out-of-scope'] as const;
/** The kinds an officer classifies an item as to handle it (out-of-scope has its own closing action). */
export const HANDLED_KINDS = ['regulation', 'conduct'] as const;

/** Why an item is out of scope: a complaint (khiếu nại) or a denunciation (tố cáo). */
export const OUT_OF_SCOPE_CATEGORIES = ['complaint', 'denunciation'] as const;

/**
 * The deadline an item is answered within (§8, example Bắc Ninh QĐ 80/2025 Điều 9): within the unit's competence,
 * when several agencies are involved, or an appointment the officer sets within the longest allowed.
 */
export const DEADLINE_RULES = ['competence', 'inter-agency', 'appointment'] as const;

/** The sender's rating of an answer. */
export const FEEDBACK_RATINGS = ['satisfied', 'unsatisfied'] as const;

/** Names of the state-changing actions, as audited. */
export const FEEDBACK_TRANSITIONS = [
  'classify',
  'close-out-of-scope',
  'transfer',
  'merge',
  'set-deadline',
  'request-info',
  'reply',
  'draft-answer',
  'send-back',
  'approve',
  'reopen',
] as const;

/** Kinds of history entries of an item (each state change, the sweep's reminders and escalations, a calendar change's new due). */
export const FEEDBACK_EVENT_KINDS = [
  'received',
  'classified',
  'closed-out-of-scope',
  'transferred',
  'merged',
  'duplicate-merged',
  'deadline-set',
  'info-requested',
  'info-received',
  'answer-drafted',
  'sent-back',
  'answered',
  'rated',
  'reopened',
  'reminded',
  'escalated',
  'due-recomputed',
] as const;

/** How a sender rated: through the portal account that filed the item, or the secret link given at intake. */
export const RATING_CHANNELS = ['account', 'token'] as const;

/** Prefix of an item's code, e.g. "PAKN-2026-000042". */
export const FEEDBACK_CODE_PREFIX = 'PAKN';
/** An item's code as issued: prefix, year of reception, six digits from the year's counter. */
export const FEEDBACK_CODE_PATTERN = /^PAKN-\d{4}-\d{6}$/;

/** Text limits of the intake and of the officers' texts (characters, after trimming). */
export const FEEDBACK_LIMITS = {
  titleMin: 10,
  titleMax: 200,
  contentMin: 20,
  contentMax: 5000,
  answerMin: 20,
  answerMax: 10000,
  reasonMin: 5,
  reasonMax: 2000,
} as const;

/** Open311 GeoReport v2 service codes of the public items, one per handled kind (FEEDBACK_OPEN311.md). */
export const OPEN311_SERVICE_CODES = { regulation: 'pakn-regulation', conduct: 'pakn-conduct' } as const;
