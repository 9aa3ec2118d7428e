// Value lists of the ratings contract, without zod: the web bundle imports them from here.

/**
 * The satisfaction scale: the three levels DVCQG and provincial systems record and QĐ 766/QĐ-TTg (2022) counts —
 * Rất hài lòng / Hài lòng / Không hài lòng (domain README §3.1 step 8 and §7.1: "ratings (rất hài lòng / hài lòng /
 * không hài lòng)"). A share satisfied is (very satisfied + satisfied) / all, the figure the province's ≥ 95 % target
 * measures (§7.5); a five-star scale would need a cut the indicator does not define.
 */
export const SATISFACTION_LEVELS = ['very-satisfied', 'satisfied', 'unsatisfied'] as const;

/** Levels that count as satisfied in the share. */
export const SATISFIED_LEVELS = ['very-satisfied', 'satisfied'] as const;

/**
 * The criteria rated besides the overall level, from the agency evaluation's criteria (domain README §7.2): the time
 * taken against the law (criterion 1), the officers' attitude when guiding, receiving and handling (criterion 7), and
 * how public and clear the procedure was (criterion 6).
 */
export const RATING_CRITERIA = ['time', 'attitude', 'clarity'] as const;

/** How a rating came in: the link sent when the dossier ended, the desk's kiosk, or the applicant's account. */
export const RATING_CHANNELS = ['link', 'kiosk', 'account'] as const;

/** Where a dossier stands for its applicant's rating. */
export const RATING_STATES = ['can-rate', 'rated', 'not-ended'] as const;

/** Longest comment, in characters. */
export const RATING_COMMENT_MAX = 1000;

/** The province's target share satisfied (§7.5: "mức độ hài lòng… đạt tối thiểu 95 %"). */
export const SATISFACTION_TARGET = 0.95;
