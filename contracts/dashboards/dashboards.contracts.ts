import { z } from 'zod';
import { IsoDateSchema } from '../common/common.contracts';
import { DossierListItemSchema } from '../dossiers/dossiers.contracts';
import { CommitmentStatsSchema } from '../dialogues/dialogues.contracts';
import { INDICATOR_MEASURES } from '../dossiers/dossiers.values';

/** The longest period one summary covers (ten years of days): a leader's "since 2020" is fine, a typo's year 9999 is not. */
export const INDICATOR_PERIOD_MAX_DAYS = 3660;

/** GET /api/v1/indicators/summary and GET /api/v1/public/indicators (issue 12). */
/** The units and the period of a scorecard (and of every indicator query). */
export const IndicatorScopeSchema = z.object({
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
export type IndicatorScope = z.infer<typeof IndicatorScopeSchema>;

/** An indicator query: the scope, optionally narrowed to one procedure (its code) and/or one field (sector, by name). */
export const IndicatorQuerySchema = IndicatorScopeSchema.extend({
  procedure: z.string().trim().min(1).max(64).optional().describe('A procedure code: only its dossiers and ratings are counted.'),
  field: z.string().trim().min(1).max(300).optional().describe('A field (lĩnh vực) as the catalog names it: only dossiers of its procedures are counted.'),
});
export type IndicatorQuery = z.infer<typeof IndicatorQuerySchema>;

/** The procedure and field a result was narrowed to (null: all). */
const FilterEchoSchema = { procedure: z.string().nullable(), field: z.string().nullable() };

const count = z.number().int().nonnegative();
/** A share from 0 to 1; null when nothing was counted under it (no dossier finished, no rating). */
const rate = z.number().min(0).max(1).nullable();
/** A ratio that may pass 1 (time used against time allowed); null when nothing was counted. */
const ratio = z.number().nonnegative().nullable();
/** An average in working days; null when nothing was counted. */
const days = z.number().nonnegative().nullable();

/** Working minutes in a working day, to show working time in days (§19.3: one working day is the standard day of 8 hours). */
export const WORKING_DAY_MINUTES = 480;

/** The numbers of a set of units over a period: the summary's, a breakdown row's and an open-data row's. */
export const IndicatorFiguresSchema = z.object({
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
  /** Apologies (Mẫu 04) issued and supplements requested in the period, for the unit(s)' dossiers. */
  apologies: count,
  supplements: count,
  /**
   * Dossiers finished late in the period that ran late while the unit(s) held them (the first hop that ran late, or the
   * step open at the due): inter-agency attribution, whichever unit handled them.
   */
  lateHeld: count,
  /** Received in the period and still being handled now; of them, running past their due, and paused. */
  open: count,
  openOverdue: count,
  openPaused: count,
  /** Of the open work still within its due, what the at-risk sweep flagged as likely to run late (working-day calendar). */
  openAtRisk: count,
  /** "Đúng hạn và trước hạn": (finishedEarly + finishedOnTime) / finished. */
  onTimeRate: rate,
  /** Satisfaction ratings given in the period of dossiers handled by the unit(s), and the share satisfied or very satisfied. */
  ratings: count,
  /** Of the ratings, those satisfied or very satisfied (satisfiedRate = ratingsSatisfied / ratings). */
  ratingsSatisfied: count,
  satisfiedRate: rate,
  /**
   * Working time of the dossiers finished in the period (from reception to the result, pauses left out): how many were
   * timed (dossiers finished before the measure existed were not), the working minutes they used and were allowed, the
   * averages in working days, and the time used as a share of the time allowed.
   */
  timedFinished: count,
  usedWorkingMinutes: count,
  allowedWorkingMinutes: count,
  averageUsedWorkingDays: days,
  averageAllowedWorkingDays: days,
  workingTimeUsedShare: ratio,
  /**
   * Fees (phí, lệ phí) of the dossiers received in the period: how many had a fee taken, how many paid it online, the
   * amounts in whole VND, and the share of fee-bearing dossiers paid online (Decision 766 group 4).
   */
  feeDossiers: count,
  feePaidOnline: count,
  feesVnd: count,
  feesOnlineVnd: count,
  feePaidOnlineShare: rate,
  /** Per criterion (time taken, officers' attitude, clarity of the procedure): ratings satisfied or very satisfied, and their share. */
  satisfiedTime: count,
  satisfiedAttitude: count,
  satisfiedClarity: count,
  satisfiedTimeRate: rate,
  satisfiedAttitudeRate: rate,
  satisfiedClarityRate: rate,
});
export type IndicatorFigures = z.infer<typeof IndicatorFiguresSchema>;

const UnitRefSchema = z.object({ id: z.uuid(), code: z.string(), name: z.string() });

/**
 * The procedures the unit(s) carry out, in force on the period's last day (or today, if earlier), by the online service
 * they offer (Decree 42/2022/NĐ-CP: toàn trình / một phần; information only; not stated in the catalog), and the share
 * offered online (full + partial). A stock at a day, not a flow: the breakdowns do not add it up.
 */
export const OnlineServicesSchema = z.object({
  on: IsoDateSchema,
  procedures: count,
  full: count,
  partial: count,
  informationOnly: count,
  notStated: count,
  onlineShare: rate,
});
export type OnlineServices = z.infer<typeof OnlineServicesSchema>;

/** The share of procedures offered online, as the page and the Excel export define it (a web test checks they agree). */
export const ONLINE_SERVICES_DEFINITION =
  'Số thủ tục toàn trình và một phần (Nghị định 42/2022/NĐ-CP) chia cho số thủ tục đơn vị thực hiện, đang có hiệu lực vào ngày cuối kỳ (hoặc hôm nay nếu kỳ chưa hết).';

export const IndicatorSummarySchema = z.object({
  unit: UnitRefSchema,
  subtree: z.boolean(),
  from: IsoDateSchema,
  to: IsoDateSchema,
  ...FilterEchoSchema,
  ...IndicatorFiguresSchema.shape,
  onlineServices: OnlineServicesSchema,
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

/** How a breakdown splits the summary: by the units directly below (each with its subtree) or by month. */
export const INDICATOR_BREAKDOWNS = ['unit', 'month'] as const;
export type IndicatorBreakdownBy = (typeof INDICATOR_BREAKDOWNS)[number];

/** GET /api/v1/indicators/breakdown and GET /api/v1/public/indicators/breakdown. */
export const IndicatorBreakdownQuerySchema = IndicatorQuerySchema.extend({ by: z.enum(INDICATOR_BREAKDOWNS) });
export type IndicatorBreakdownQuery = z.infer<typeof IndicatorBreakdownQuerySchema>;

export const IndicatorBreakdownRowSchema = z.object({
  /**
   * by=unit: the unit's own dossiers (subtree false, the first row, `own` true), then each unit directly below it with
   * every unit below that one (when subtree is true). by=month: one row per month the period touches ('YYYY-MM').
   */
  unit: UnitRefSchema.nullable(),
  own: z.boolean(),
  month: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .nullable(),
  ...IndicatorFiguresSchema.shape,
});
export type IndicatorBreakdownRow = z.infer<typeof IndicatorBreakdownRowSchema>;

/** The rows partition the summary: their counts add up to `total`, which equals the summary of the same query. */
export const IndicatorBreakdownSchema = z.object({
  unit: UnitRefSchema,
  subtree: z.boolean(),
  from: IsoDateSchema,
  to: IsoDateSchema,
  ...FilterEchoSchema,
  by: z.enum(INDICATOR_BREAKDOWNS),
  rows: z.array(IndicatorBreakdownRowSchema),
  total: IndicatorFiguresSchema,
  asOf: z.string(),
});
export type IndicatorBreakdown = z.infer<typeof IndicatorBreakdownSchema>;

/** GET /api/v1/public/indicators/open-data: a year of every unit's numbers, month by month, as CSV or JSON. */
export const OpenDataQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  format: z.enum(['json', 'csv']).default('json'),
});
export type OpenDataQuery = z.infer<typeof OpenDataQuerySchema>;

/**
 * One unit's month: every unit counts itself with every unit below it (the province's rows count the whole province).
 * The figures are the columns of INDICATOR_COLUMNS, under the same keys.
 */
export const OpenDataRowSchema = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  parentCode: z.string().nullable(),
  month: z.string().regex(/^\d{4}-\d{2}$/),
  received: count,
  receivedDirect: count,
  receivedOnline: count,
  receivedPost: count,
  finished: count,
  finishedEarly: count,
  finishedOnTime: count,
  finishedLate: count,
  onTimeRate: rate,
  withdrawn: count,
  stopped: count,
  apologies: count,
  supplements: count,
  lateHeld: count,
  averageUsedWorkingDays: days,
  averageAllowedWorkingDays: days,
  workingTimeUsedShare: ratio,
  feeDossiers: count,
  feePaidOnline: count,
  feePaidOnlineShare: rate,
  open: count,
  openOverdue: count,
  openPaused: count,
  ratings: count,
  ratingsSatisfied: count,
  satisfiedRate: rate,
  satisfiedTimeRate: rate,
  satisfiedAttitudeRate: rate,
  satisfiedClarityRate: rate,
});
export type OpenDataRow = z.infer<typeof OpenDataRowSchema>;

export const OpenDataSchema = z.object({
  year: z.number().int(),
  /** What every column counts (the same definitions as the back office's). */
  definitions: z.record(z.string(), z.string()),
  rows: z.array(OpenDataRowSchema),
  asOf: z.string(),
});
export type OpenData = z.infer<typeof OpenDataSchema>;

/** GET /api/v1/indicators/export: the summary, the units and the months of one query as an Excel workbook. */
export const IndicatorExportQuerySchema = IndicatorQuerySchema;

/**
 * GET /api/v1/indicators/report.xlsx: the periodic report "Tình hình, kết quả giải quyết TTHC tại cơ quan, đơn vị trực
 * tiếp giải quyết TTHC" (Thông tư 01/2020/TT-VPCP) of a unit over a period, one row per field (D46).
 */
export const PeriodReportQuerySchema = IndicatorScopeSchema;
export type PeriodReportQuery = z.infer<typeof PeriodReportQuerySchema>;

/**
 * The columns of every indicator table outside the page (the Excel export, open data), in order, with their Vietnamese
 * heading and definition: the page's own definitions (web/i18n vi dashboards.json) say the same (a web test checks).
 */
export const INDICATOR_COLUMNS = [
  { key: 'received', label: 'Hồ sơ tiếp nhận', definition: 'Hồ sơ tiếp nhận trong kỳ (theo thời điểm tiếp nhận, giờ Việt Nam) mà đơn vị là cơ quan giải quyết.' },
  { key: 'receivedDirect', label: 'Tiếp nhận trực tiếp', definition: 'Hồ sơ tiếp nhận trong kỳ nộp trực tiếp tại Bộ phận Một cửa.' },
  { key: 'receivedOnline', label: 'Tiếp nhận trực tuyến', definition: 'Hồ sơ tiếp nhận trong kỳ nộp trực tuyến.' },
  { key: 'receivedPost', label: 'Tiếp nhận qua bưu chính', definition: 'Hồ sơ tiếp nhận trong kỳ nộp qua dịch vụ bưu chính công ích.' },
  { key: 'finished', label: 'Hồ sơ đã giải quyết', definition: 'Hồ sơ có kết quả giải quyết (trạng thái 9) trong kỳ, so với thời hạn hẹn trả ban đầu.' },
  { key: 'finishedEarly', label: 'Trước hạn', definition: 'Có kết quả trước ngày làm việc hẹn trả.' },
  { key: 'finishedOnTime', label: 'Đúng hạn', definition: 'Có kết quả trong ngày làm việc hẹn trả, không muộn hơn giờ hẹn.' },
  { key: 'finishedLate', label: 'Quá hạn', definition: 'Có kết quả sau giờ hẹn trả ban đầu (gia hạn không làm hồ sơ quá hạn thành đúng hạn).' },
  {
    key: 'onTimeRate',
    label: 'Tỷ lệ đúng hạn và trước hạn',
    definition:
      'Số hồ sơ giải quyết trước hạn và đúng hạn chia cho số hồ sơ đã giải quyết trong kỳ. Đúng hạn: có kết quả trong ngày làm việc hẹn trả, không muộn hơn giờ hẹn; quá hạn: sau giờ hẹn ban đầu (gia hạn không làm hồ sơ quá hạn thành đúng hạn).',
  },
  {
    key: 'averageUsedWorkingDays',
    label: 'Thời gian giải quyết bình quân (ngày làm việc)',
    definition: 'Thời gian làm việc bình quân từ khi tiếp nhận đến khi có kết quả của hồ sơ giải quyết trong kỳ, không tính thời gian tạm dừng (1 ngày làm việc = 8 giờ).',
  },
  {
    key: 'averageAllowedWorkingDays',
    label: 'Thời gian quy định bình quân (ngày làm việc)',
    definition: 'Thời hạn giải quyết theo quy định, bình quân trên cùng các hồ sơ (1 ngày làm việc = 8 giờ).',
  },
  {
    key: 'workingTimeUsedShare',
    label: 'Thời gian sử dụng so với quy định',
    definition: 'Tổng thời gian làm việc đã dùng chia cho tổng thời hạn quy định của các hồ sơ giải quyết trong kỳ; dưới 100 % là nhanh hơn quy định.',
  },
  { key: 'feeDossiers', label: 'Hồ sơ có thu phí, lệ phí', definition: 'Hồ sơ tiếp nhận trong kỳ có thu phí, lệ phí.' },
  { key: 'feePaidOnline', label: 'Nộp phí trực tuyến', definition: 'Hồ sơ tiếp nhận trong kỳ có phí, lệ phí nộp bằng hình thức trực tuyến.' },
  {
    key: 'feePaidOnlineShare',
    label: 'Tỷ lệ nộp phí trực tuyến',
    definition: 'Số hồ sơ nộp phí, lệ phí trực tuyến chia cho số hồ sơ có thu phí, lệ phí tiếp nhận trong kỳ.',
  },
  { key: 'withdrawn', label: 'Rút hồ sơ', definition: 'Hồ sơ người nộp rút trong kỳ, không có kết quả.' },
  { key: 'stopped', label: 'Dừng giải quyết', definition: 'Hồ sơ cơ quan dừng giải quyết trong kỳ, không có kết quả.' },
  { key: 'apologies', label: 'Văn bản xin lỗi', definition: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả (Mẫu 04) ban hành trong kỳ cho hồ sơ đơn vị giải quyết.' },
  { key: 'supplements', label: 'Yêu cầu bổ sung', definition: 'Lần yêu cầu bổ sung, hoàn thiện hồ sơ (Mẫu 02) trong kỳ cho hồ sơ đơn vị giải quyết.' },
  {
    key: 'lateHeld',
    label: 'Quá hạn tại đơn vị',
    definition:
      'Hồ sơ có kết quả quá hạn trong kỳ mà bước xử lý đầu tiên bị quá hạn (hoặc bước đang mở tại thời điểm hết hạn) thuộc đơn vị, kể cả hồ sơ liên thông do đơn vị khác giải quyết.',
  },
  {
    key: 'open',
    label: 'Đang giải quyết',
    definition: 'Hồ sơ tiếp nhận trong kỳ và đến nay vẫn đang giải quyết; quá hạn: đang xử lý mà đã qua hạn; tạm dừng: chờ bổ sung, chờ nộp phí hoặc đang liên thông.',
  },
  { key: 'openOverdue', label: 'Đang giải quyết quá hạn', definition: 'Hồ sơ tiếp nhận trong kỳ, đang xử lý mà đã qua hạn (kể cả hạn đã gia hạn).' },
  { key: 'openPaused', label: 'Tạm dừng', definition: 'Hồ sơ tiếp nhận trong kỳ đang chờ bổ sung, chờ nộp phí hoặc đang liên thông.' },
  { key: 'ratings', label: 'Lượt đánh giá', definition: 'Đánh giá người nộp gửi trong kỳ về hồ sơ đơn vị giải quyết.' },
  { key: 'ratingsSatisfied', label: 'Hài lòng và rất hài lòng', definition: 'Số đánh giá Hài lòng và Rất hài lòng trong kỳ.' },
  {
    key: 'satisfiedRate',
    label: 'Tỷ lệ hài lòng',
    definition: 'Số đánh giá Hài lòng và Rất hài lòng chia cho tổng số đánh giá người nộp gửi trong kỳ về hồ sơ đơn vị giải quyết.',
  },
  { key: 'satisfiedTimeRate', label: 'Hài lòng về thời gian', definition: 'Tỷ lệ đánh giá Hài lòng và Rất hài lòng về thời gian giải quyết so với quy định.' },
  { key: 'satisfiedAttitudeRate', label: 'Hài lòng về thái độ', definition: 'Tỷ lệ đánh giá Hài lòng và Rất hài lòng về thái độ của cán bộ khi hướng dẫn, tiếp nhận, giải quyết.' },
  { key: 'satisfiedClarityRate', label: 'Hài lòng về công khai, rõ ràng', definition: 'Tỷ lệ đánh giá Hài lòng và Rất hài lòng về mức độ công khai, rõ ràng của thủ tục.' },
] as const;
export type IndicatorColumnKey = (typeof INDICATOR_COLUMNS)[number]['key'];

/** A column's value in figures (counts as integers, rates as fractions or null). */
export function indicatorColumnValue(f: IndicatorFigures, key: IndicatorColumnKey): number | null {
  switch (key) {
    case 'receivedDirect':
      return f.receivedByChannel.direct;
    case 'receivedOnline':
      return f.receivedByChannel.online;
    case 'receivedPost':
      return f.receivedByChannel.post;
    default:
      return f[key];
  }
}

/**
 * Decision 766/QĐ-TTg's groups (domain README §7.1): the maximum points of each, as the mock dashboard and TH's
 * implementation split them [M]. Groups the system does not measure yet count zero and say why.
 */
export const SCORECARD_GROUPS = [
  { key: 'publicity', max: 18 },
  { key: 'timeliness', max: 20 },
  { key: 'online', max: 12 },
  { key: 'payment', max: 10 },
  { key: 'satisfaction', max: 18 },
  { key: 'digitisation', max: 22 },
] as const;
export type ScorecardGroupKey = (typeof SCORECARD_GROUPS)[number]['key'];

const points = z.number().min(0);

export const ScorecardComponentSchema = z.object({
  /** The component (its formula is shown under this key: web/i18n dashboards.scorecard.component.<key>). */
  key: z.string(),
  max: points,
  /** Null when there was nothing to score (no dossier handled, no rating, no procedure) or it is not measured yet. */
  points: points.nullable(),
  /** The raw counters the formula reads. */
  counters: z.record(z.string(), count),
});

export const ScorecardGroupSchema = z.object({
  key: z.enum(SCORECARD_GROUPS.map((g) => g.key) as [ScorecardGroupKey, ...ScorecardGroupKey[]]),
  max: points,
  /** The sum of the components' points (zero for a group not measured yet). */
  points,
  /** False for a group this system does not measure yet (no payments, publicity or digitisation data): it counts zero. */
  measured: z.boolean(),
  components: z.array(ScorecardComponentSchema),
});

/** GET /api/v1/indicators/scorecard: Decision 766's scorecard of a unit over a period, with what costs it points. */
export const ScorecardSchema = z.object({
  unit: UnitRefSchema,
  subtree: z.boolean(),
  from: IsoDateSchema,
  to: IsoDateSchema,
  points,
  max: points,
  groups: z.array(ScorecardGroupSchema),
  /**
   * Timeliness points lost to dossiers finished late and open past their due, and points at risk from open dossiers
   * still within their due that the at-risk sweep (working-day calendar) expects to run late if nothing moves.
   */
  pointsLost: points,
  pointsAtRisk: points,
  /** The units directly below (each with its subtree) by the timeliness points they cost the unit, most first. */
  unitsCosting: z.array(z.object({ unit: UnitRefSchema, pointsLost: points, pointsAtRisk: points, finishedLate: count, openOverdue: count, openAtRisk: count })),
  asOf: z.string(),
});
export type Scorecard = z.infer<typeof ScorecardSchema>;

// ---------------------------------------------------------------- feedback and petitions (issue 14 item 6)

/** How the feedback numbers are split: by the assigned unit, the channel, the procedure or the kind (topic). */
export const FEEDBACK_INDICATOR_BREAKDOWNS = ['unit', 'channel', 'procedure', 'kind'] as const;
export type FeedbackIndicatorBreakdownBy = (typeof FEEDBACK_INDICATOR_BREAKDOWNS)[number];

/** GET /api/v1/indicators/feedback: the scope and period of the summary, and the split. */
export const FeedbackIndicatorQuerySchema = IndicatorScopeSchema.extend({ by: z.enum(FEEDBACK_INDICATOR_BREAKDOWNS).default('unit') });
export type FeedbackIndicatorQuery = z.infer<typeof FeedbackIndicatorQuerySchema>;

/** The feedback numbers of a group: items received in the period and what became of them by `asOf`. */
export const FeedbackIndicatorFiguresSchema = z.object({
  received: count,
  answered: count,
  answeredOnTime: count,
  answeredLate: count,
  /** answeredOnTime / answered; null when nothing was answered. */
  onTimeRate: rate,
  open: count,
  openOverdue: count,
  outOfScope: count,
  /** Items whose sender rated the answer (the latest rating counts), and of those the satisfied. */
  rated: count,
  satisfied: count,
  satisfactionRate: rate,
});
export type FeedbackIndicatorFigures = z.infer<typeof FeedbackIndicatorFiguresSchema>;

export const FeedbackIndicatorsSchema = z.object({
  unit: UnitRefSchema,
  subtree: z.boolean(),
  from: IsoDateSchema,
  to: IsoDateSchema,
  by: z.enum(FEEDBACK_INDICATOR_BREAKDOWNS),
  /** How the numbers are counted, in the reader's language (shown next to them, §19). */
  definition: z.string(),
  total: FeedbackIndicatorFiguresSchema,
  /** One row per group, most received first; `key` is the unit id, channel, procedure code or kind ('' when none). */
  rows: z.array(FeedbackIndicatorFiguresSchema.extend({ key: z.string(), label: z.string() })),
  asOf: z.string(),
});
export type FeedbackIndicators = z.infer<typeof FeedbackIndicatorsSchema>;

// ---------------------------------------------------------------- dialogue commitments (issue 14 item 6)

/** GET /api/v1/indicators/commitments: the commitments owned by the unit (or its subtree), made in the period. */
export const CommitmentIndicatorsSchema = CommitmentStatsSchema.extend({
  unit: UnitRefSchema,
  subtree: z.boolean(),
  asOf: z.string(),
});
export type CommitmentIndicators = z.infer<typeof CommitmentIndicatorsSchema>;

/** One row of the official documents' numbers (issue 15 item 5): incoming by arrival, outgoing by issue, in the period. */
const OfficialDocumentCountsSchema = z.object({
  received: z.number().int(),
  assigned: z.number().int(),
  done: z.number().int(),
  doneOnTime: z.number().int(),
  doneLate: z.number().int(),
  overdueOpen: z.number().int(),
  /** doneOnTime / done, 0–1; null when nothing was done. */
  onTimeRate: z.number().nullable(),
  issued: z.number().int(),
});

/** GET /api/v1/indicators/documents: the official documents of the unit (or its subtree) in the period, by body. */
export const OfficialDocumentIndicatorsSchema = z.object({
  unit: UnitRefSchema,
  subtree: z.boolean(),
  from: z.string(),
  to: z.string(),
  /** How the numbers are defined, in the caller's language. */
  definition: z.string(),
  total: OfficialDocumentCountsSchema,
  items: z.array(OfficialDocumentCountsSchema.extend({ unit: UnitRefSchema })),
  asOf: z.string(),
});
export type OfficialDocumentIndicators = z.infer<typeof OfficialDocumentIndicatorsSchema>;
