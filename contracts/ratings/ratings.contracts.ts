import { z } from 'zod';
import { IsoDateSchema } from '../common/common.contracts';
import { RATING_CHANNELS, RATING_COMMENT_MAX, RATING_CRITERIA, RATING_STATES, SATISFACTION_LEVELS } from './ratings.values';

// Satisfaction ratings of ended dossiers (issue 11 item 7). Instants are ISO-8601 with the +07:00 offset.

export * from './ratings.values';

export const SatisfactionLevelSchema = z.enum(SATISFACTION_LEVELS);
export type SatisfactionLevel = z.infer<typeof SatisfactionLevelSchema>;
export const RatingCriterionSchema = z.enum(RATING_CRITERIA);
export type RatingCriterion = z.infer<typeof RatingCriterionSchema>;
export const RatingChannelSchema = z.enum(RATING_CHANNELS);
export const RatingStateSchema = z.enum(RATING_STATES);
export type RatingState = z.infer<typeof RatingStateSchema>;

/** The applicant's answers: the overall level, one level per criterion, an optional comment. */
export const RatingAnswersSchema = z.object({
  overall: SatisfactionLevelSchema,
  criteria: z.object({ time: SatisfactionLevelSchema, attitude: SatisfactionLevelSchema, clarity: SatisfactionLevelSchema }),
  comment: z
    .string()
    .trim()
    .max(RATING_COMMENT_MAX, 'ratings.errors.commentTooLong')
    .nullable()
    .optional()
    .transform((v) => (v ? v : null)),
});
export type RatingAnswers = z.infer<typeof RatingAnswersSchema>;

/** A rating as given (what the applicant sees back). */
export const RatingViewSchema = z.object({
  overall: SatisfactionLevelSchema,
  criteria: z.object({ time: SatisfactionLevelSchema, attitude: SatisfactionLevelSchema, clarity: SatisfactionLevelSchema }),
  comment: z.string().nullable(),
  channel: RatingChannelSchema,
  ratedAt: z.string(),
});
export type RatingView = z.infer<typeof RatingViewSchema>;

/** A dossier as its applicant sees it for rating: what ended, and whether it can still be rated. */
export const RatingInvitationViewSchema = z.object({
  dossierCode: z.string(),
  procedureName: z.string(),
  /** The dossier's internal state (RETURNED, STOPPED, WITHDRAWN once ended). */
  dossierState: z.string(),
  endedAt: z.string().nullable(),
  state: RatingStateSchema,
  rating: RatingViewSchema.nullable(),
});
export type RatingInvitationView = z.infer<typeof RatingInvitationViewSchema>;

/** The invitation link's secret (sent by e-mail, SMS or Zalo when the dossier ended). */
export const InvitationTokenSchema = z.string().trim().min(20).max(100);
export const InvitationQuerySchema = z.object({ token: InvitationTokenSchema });
export const RateByInvitationRequestSchema = RatingAnswersSchema.extend({ token: InvitationTokenSchema });
export type RateByInvitationRequest = z.infer<typeof RateByInvitationRequestSchema>;

/** What the desk's kiosk asks: the dossier code and the applicant's ID number, both printed on the receipt (Mẫu 01). */
export const KioskProofSchema = z.object({
  code: z.string().trim().min(1).max(60),
  idNumber: z.string().trim().min(9, 'ratings.errors.idNumberInvalid').max(20, 'ratings.errors.idNumberInvalid'),
});
export type KioskProof = z.infer<typeof KioskProofSchema>;
export const RateAtKioskRequestSchema = RatingAnswersSchema.extend(KioskProofSchema.shape);
export type RateAtKioskRequest = z.infer<typeof RateAtKioskRequestSchema>;

/** Counts per level and the share satisfied ((very satisfied + satisfied) / all; null when nothing was rated). */
export const LevelCountsSchema = z.object({
  'very-satisfied': z.number().int(),
  satisfied: z.number().int(),
  unsatisfied: z.number().int(),
  total: z.number().int(),
  satisfiedShare: z.number().nullable(),
});
export type LevelCounts = z.infer<typeof LevelCountsSchema>;

export const RatingsSummaryQuerySchema = z.object({
  /** Ratings of dossiers received at or handled by this unit or a unit below it; default: every unit the reader covers. */
  unitId: z.uuid().optional(),
  /** Legal dates (Vietnam) of the rating, inclusive. */
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
});
export type RatingsSummaryQuery = z.infer<typeof RatingsSummaryQuerySchema>;

/** A rating below the bar, for the leaders' follow-up. */
export const LowRatingItemSchema = z.object({
  dossierCode: z.string(),
  procedureName: z.string(),
  ratedAt: z.string(),
  criteria: z.object({ time: SatisfactionLevelSchema, attitude: SatisfactionLevelSchema, clarity: SatisfactionLevelSchema }),
  comment: z.string().nullable(),
});

export const RatingsSummarySchema = z.object({
  unitId: z.string().nullable(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  target: z.number(),
  overall: LevelCountsSchema,
  criteria: z.object({ time: LevelCountsSchema, attitude: LevelCountsSchema, clarity: LevelCountsSchema }),
  /** The latest unsatisfied ratings (at most 20), newest first. */
  recentLow: z.array(LowRatingItemSchema),
});
export type RatingsSummary = z.infer<typeof RatingsSummarySchema>;
