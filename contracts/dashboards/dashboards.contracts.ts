import { z } from 'zod';
import { IsoDateSchema } from '../common/common.contracts';
import { DossierListItemSchema } from '../dossiers/dossiers.contracts';
import { INDICATOR_MEASURES } from '../dossiers/dossiers.values';

/** The longest period one summary covers (ten years of days): a leader's "since 2020" is fine, a typo's year 9999 is not. */
export const INDICATOR_PERIOD_MAX_DAYS = 3660;

/** GET /api/v1/indicators/summary and GET /api/v1/public/indicators (issue 12). */
export const IndicatorQuerySchema = z.object({
  /** The unit's code (identity_org_units.code), e.g. the province's or a department's. */
  unit: z.string().trim().min(1).max(64),
  /** Legal dates in Vietnam (+07:00), both included: dossiers received, finished or closed on those days. */
  from: IsoDateSchema,
  to: IsoDateSchema,
  /** The unit with every unit below it (a department with its divisions, the province with everything). */
  subtree: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});
export type IndicatorQuery = z.infer<typeof IndicatorQuerySchema>;

const count = z.number().int().nonnegative();
/** A share from 0 to 1; null when nothing was counted under it (no dossier finished, no rating). */
const rate = z.number().min(0).max(1).nullable();

export const IndicatorSummarySchema = z.object({
  unit: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
  subtree: z.boolean(),
  from: IsoDateSchema,
  to: IsoDateSchema,
  /** Dossiers received in the period (by the instant of their receipt), all channels, and per channel. */
  received: count,
  receivedOnline: count,
  receivedByChannel: z.object({ direct: count, online: count, post: count }),
  /** Dossiers whose result was ready in the period, classified against their original due (§5.5, §19.8). */
  finished: count,
  finishedEarly: count,
  finishedOnTime: count,
  finishedLate: count,
  /** Closed in the period without a result: withdrawn by the applicant, stopped by the agency. */
  withdrawn: count,
  stopped: count,
  /** Received in the period and still being handled now; of them, running past their due, and paused. */
  open: count,
  openOverdue: count,
  openPaused: count,
  /** "Đúng hạn và trước hạn": (finishedEarly + finishedOnTime) / finished. */
  onTimeRate: rate,
  /** Satisfaction ratings given in the period of dossiers handled by the unit(s), and the share satisfied or very satisfied. */
  ratings: count,
  satisfiedRate: rate,
  /** When the numbers were read (they include every write committed before it). */
  asOf: z.string(),
});
export type IndicatorSummary = z.infer<typeof IndicatorSummarySchema>;

/** GET /api/v1/indicators/dossiers: the dossiers behind one number of the summary (same unit, period and subtree). */
export const IndicatorDossiersQuerySchema = IndicatorQuerySchema.extend({
  measure: z.enum(INDICATOR_MEASURES),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  after: z.string().max(200).optional().describe("The page after this cursor (the previous page's nextCursor)."),
});
export type IndicatorDossiersQuery = z.infer<typeof IndicatorDossiersQuerySchema>;

export const IndicatorDossiersSchema = z.object({
  items: z.array(DossierListItemSchema),
  /** The next page's cursor; null on the last page. */
  nextCursor: z.string().nullable(),
});
export type IndicatorDossiers = z.infer<typeof IndicatorDossiersSchema>;
