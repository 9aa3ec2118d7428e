// Value lists of the dialogues contract (government–citizen dialogue, đối thoại; issue 14 item 5, domain README §9),
// without zod: the web bundle imports them from here and the tables type their columns with them.

/**
 * Whose dialogue it is: the province's (chaired by the Chairman or a Vice-Chairman of the provincial People's
 * Committee), a department's (its Director), a commune's (the Chairman of the commune People's Committee). The level
 * names the chair's tier; the organising unit is whichever unit prepares the session (e.g. the provincial People's
 * Committee Office for the province's dialogue).
 */
export const DIALOGUE_LEVELS = ['province', 'department', 'commune'] as const;

/** Who the session is for: citizens, businesses, or the people of one sector (named in `audienceSector`). */
export const DIALOGUE_AUDIENCES = ['citizens', 'businesses', 'sector'] as const;

/**
 * Life of a session: DRAFT (prepared, not public) → ANNOUNCED (public; questions collected from the public until it
 * starts) → HELD (it took place: minutes recorded, answers recorded) → CLOSED (every accepted question answered; the
 * commitments live on). A draft or announced session may be CANCELLED, with the reason shown to the public.
 */
export const DIALOGUE_SESSION_STATES = ['DRAFT', 'ANNOUNCED', 'HELD', 'CLOSED', 'CANCELLED'] as const;

/** Where a question came from: the public before the session, a feedback item (PAKN, domain README §8), an officer (from the floor, a letter). */
export const DIALOGUE_QUESTION_SOURCES = ['public', 'feedback', 'officer'] as const;

/** A question: SUBMITTED by the public (waiting for the organisers), ACCEPTED onto the session, REJECTED (with the reason), ANSWERED. */
export const DIALOGUE_QUESTION_STATES = ['SUBMITTED', 'ACCEPTED', 'REJECTED', 'ANSWERED'] as const;

/** A commitment made in an answer: OPEN until its owner unit completes it (DONE), or the organisers withdraw it (CANCELLED, with the reason). */
export const DIALOGUE_COMMITMENT_STATES = ['OPEN', 'DONE', 'CANCELLED'] as const;

/** Kinds of a commitment's history entries (its progress reports among them). */
export const DIALOGUE_COMMITMENT_EVENT_KINDS = ['made', 'progress', 'completed', 'cancelled', 'reminded', 'escalated', 'due-recomputed'] as const;

/** Names of the session's state-changing actions, as audited. */
export const DIALOGUE_SESSION_TRANSITIONS = ['update', 'announce', 'cancel', 'agenda', 'minutes', 'close'] as const;

/** Text limits (characters, after trimming). */
export const DIALOGUE_LIMITS = {
  titleMin: 10,
  titleMax: 300,
  descriptionMax: 5000,
  nameMin: 2,
  nameMax: 200,
  placeMax: 500,
  urlMax: 1000,
  agendaMax: 20000,
  minutesMin: 20,
  minutesMax: 50000,
  questionMin: 10,
  questionMax: 2000,
  answerMin: 10,
  answerMax: 10000,
  commitmentMin: 10,
  commitmentMax: 2000,
  noteMin: 5,
  noteMax: 2000,
  /** Commitments one answer may make at most. */
  commitmentsPerAnswer: 10,
  /** The longest commitment counted in working days (about a year). */
  workingDaysMax: 250,
} as const;
