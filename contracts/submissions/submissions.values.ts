// Value lists of the online-submission contract, without zod: the web bundle imports them from here.

/**
 * Life of an online submission (domain README §3.1 steps 0–2, §3.2): the citizen's DRAFT becomes SUBMITTED ("Mới
 * đăng ký" / "Chờ tiếp nhận trực tuyến", national status 1); the desk then receives it (ACCEPTED: a dossier with its
 * code and appointment exists, Mẫu 01), guides the applicant to complete it (GUIDED: Mẫu 02, the dossier is not
 * received; the citizen edits and submits again) or refuses it (REFUSED: Mẫu 03). The citizen may withdraw it while
 * it is not decided.
 */
export const SUBMISSION_STATES = ['DRAFT', 'SUBMITTED', 'GUIDED', 'ACCEPTED', 'REFUSED', 'WITHDRAWN'] as const;

/** Names of the state-changing actions, as audited and listed on the timeline. */
export const SUBMISSION_TRANSITIONS = ['submit', 'withdraw', 'accept', 'guide', 'refuse'] as const;

/** What the desk decides about a submission awaiting reception (§3.1 steps 2a–2c). */
export const DESK_DECISIONS = ['accept', 'guide', 'refuse'] as const;

/** Kinds of timeline entries of a submission. */
export const SUBMISSION_EVENT_KINDS = ['created', 'submitted', 'resubmitted', 'accepted', 'guided', 'refused', 'withdrawn'] as const;

/**
 * Where one required document of the catalog stands in a submission: `attached` (has files), `missing` (must be
 * attached before submitting), `optional` (may be attached: an alternative already chosen elsewhere is not, see
 * `too-many`; a paper to present), `not-applicable` (a case the applicant did not declare), `too-many` (a second
 * alternative of a one-of group, or files for a case that does not apply: remove them).
 */
export const REQUIREMENT_STATUSES = ['attached', 'missing', 'optional', 'not-applicable', 'too-many'] as const;

/** Slips of a received dossier the applicant may open (the control slip, Mẫu 06, is the agencies' own record). */
export const APPLICANT_SLIPS = ['receipt', 'supplement-request', 'apology', 'stop-notice'] as const;

/** Prefix of the tracking reference given at the first submission, e.g. "DK-2026-000042" (đăng ký, status 1). */
export const SUBMISSION_REFERENCE_PREFIX = 'DK';
