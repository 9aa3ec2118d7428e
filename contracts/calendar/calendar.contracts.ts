import { z } from 'zod';
import { IsoDateSchema } from '../common/common.contracts';

/** Units a statutory duration is counted in (domain README §5.3, §19 row 3). */
export const DURATION_UNITS = ['working-days', 'working-hours', 'calendar-days'] as const;
export const DurationUnitSchema = z.enum(DURATION_UNITS);
export type DurationUnit = z.infer<typeof DurationUnitSchema>;

/** Why a date is off (mirrors platform/calendar DayOffKind). */
export const DAY_OFF_KINDS = ['holiday', 'tet', 'compensatory', 'swap', 'other'] as const;
export const DayOffKindSchema = z.enum(DAY_OFF_KINDS);
export type DayOffKind = z.infer<typeof DayOffKindSchema>;

/** `HH:MM`, 24 h, `24:00` allowed as a period end. */
export const ClockTimeSchema = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'calendar.errors.clockTime');
export const OfficePeriodSchema = z.object({ start: ClockTimeSchema, end: ClockTimeSchema });
export type OfficePeriod = z.infer<typeof OfficePeriodSchema>;
const DayPeriodsSchema = z.array(OfficePeriodSchema).max(4);

/** Office hours per ISO weekday, "1" = Monday … "7" = Sunday; an empty list is a weekly rest day. */
export const WeeklyHoursSchema = z.object({
  '1': DayPeriodsSchema,
  '2': DayPeriodsSchema,
  '3': DayPeriodsSchema,
  '4': DayPeriodsSchema,
  '5': DayPeriodsSchema,
  '6': DayPeriodsSchema,
  '7': DayPeriodsSchema,
});
export type WeeklyHours = z.infer<typeof WeeklyHoursSchema>;

// ---------------------------------------------------------------------------------------------
// Public deadline calculator

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|([+-])(\d{2}):(\d{2}))$/;

/** Parses an ISO 8601 instant that states its offset (`Z` or `±HH:MM`; seconds optional); null when invalid. */
export function parseInstant(text: string): Date | null {
  const m = INSTANT.exec(text);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, zone, sign, oh, om] = m;
  const offsetMin = zone === 'Z' ? 0 : (sign === '-' ? -1 : 1) * (Number(oh) * 60 + Number(om));
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  const check = new Date(wall);
  // Date.UTC rolls 30 February over into March: a round trip rejects impossible dates and times.
  const same = check.getUTCDate() === Number(d) && check.getUTCHours() === Number(h) && check.getUTCMinutes() === Number(mi) && check.getUTCSeconds() === Number(s ?? 0);
  if (!same || Number(oh ?? 0) > 14 || Number(om ?? 0) > 59) return null;
  const fraction = /\.(\d{1,3})/.exec(text.slice(19))?.[1] ?? '';
  return new Date(wall - offsetMin * 60_000 + Number(fraction.padEnd(3, '0') || 0));
}

/** An ISO 8601 instant with an explicit offset, e.g. `2026-02-13T10:00:00+07:00`. */
export const InstantSchema = z.string().refine((v) => parseInstant(v) !== null, { message: 'calendar.errors.instant' });

/** `GET /api/v1/calendar/due` query; `start` defaults to now, `orgUnit` is a unit code. */
export const DueQuerySchema = z
  .object({
    start: InstantSchema.optional(),
    amount: z.coerce.number({ message: 'calendar.errors.amount' }).positive('calendar.errors.amount').max(3650, 'calendar.errors.amount'),
    unit: z.enum(DURATION_UNITS, { message: 'calendar.errors.unit' }),
    orgUnit: z.string().trim().min(1).max(60).optional(),
  })
  .superRefine((q, issue) => {
    if (q.unit === 'calendar-days' && !Number.isInteger(q.amount)) {
      issue.addIssue({ code: 'custom', path: ['amount'], message: 'calendar.errors.wholeDays', input: q.amount });
    }
  });
export type DueQuery = z.infer<typeof DueQuerySchema>;

export const SKIPPED_KINDS = ['weekend', ...DAY_OFF_KINDS] as const;
/** A non-working date passed over by the deadline, with its reason and legal reference. */
export const SkippedDaySchema = z.object({
  date: IsoDateSchema,
  reason: z.string(),
  kind: z.enum(SKIPPED_KINDS),
  reference: z.string().nullable(),
});
export type SkippedDay = z.infer<typeof SkippedDaySchema>;

export const DueResponseSchema = z.object({
  /** Due instant, ISO 8601 with +07:00. */
  due: z.string(),
  /** The requested start, ISO 8601 with +07:00. */
  start: z.string(),
  /** When the clock actually starts (next office period when `start` is outside office hours, §19 row 4). */
  clockStart: z.string(),
  skipped: z.array(SkippedDaySchema),
  /** True when the unit's own office hours were used. */
  unitHours: z.boolean(),
  provisional: z
    .boolean()
    .describe(
      'True when the due instant relies on a year whose official schedule is not published yet: that year is counted on the statutory calendar ' +
        '(Bộ luật Lao động 2019 Điều 112 with the lunar dates, compensatory days of Điều 111 khoản 3) and the due may move when the year is published.',
    ),
});
export type DueResponse = z.infer<typeof DueResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Calendar years (back office)

export const YEAR_STATUSES = ['draft', 'published', 'superseded'] as const;
export const YearStatusSchema = z.enum(YEAR_STATUSES);
export type YearStatus = z.infer<typeof YearStatusSchema>;

export const YearParamsSchema = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const EntryParamsSchema = YearParamsSchema.extend({ entryId: z.uuid() });

/** A day off (`day-off`) or a make-up working day (`make-up`) of a calendar year. */
export const CalendarEntrySchema = z.object({
  id: z.string(),
  date: IsoDateSchema,
  type: z.enum(['day-off', 'make-up']),
  kind: DayOffKindSchema.nullable(),
  reason: z.string(),
  reference: z.string(),
  note: z.string().nullable(),
  periods: z.array(OfficePeriodSchema).nullable(),
  /** 'draft' while proposed by the generator and not yet confirmed against the official notice. */
  status: z.enum(['draft', 'official']),
});
export type CalendarEntry = z.infer<typeof CalendarEntrySchema>;

/** One version of a year, with counts (list) — see CalendarYearDetail for entries. */
export const CalendarYearSummarySchema = z.object({
  id: z.string(),
  year: z.number().int(),
  status: YearStatusSchema,
  generated: z.boolean(),
  revisionOf: z.string().nullable(),
  version: z.number().int(),
  dayOffCount: z.number().int(),
  makeUpCount: z.number().int(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
  publishedBy: z.string().nullable(),
  publishReason: z.string().nullable(),
});
export type CalendarYearSummary = z.infer<typeof CalendarYearSummarySchema>;

export const CalendarYearDetailSchema = CalendarYearSummarySchema.extend({
  sources: z.array(z.string()),
  entries: z.array(CalendarEntrySchema),
});
export type CalendarYearDetail = z.infer<typeof CalendarYearDetailSchema>;

/** `GET /admin/years`: each year with the version in force and the draft being prepared. */
export const ListYearsResponseSchema = z.object({
  items: z.array(
    z.object({
      year: z.number().int(),
      published: CalendarYearSummarySchema.nullable(),
      draft: CalendarYearSummarySchema.nullable(),
    }),
  ),
  total: z.number().int(),
});
export type ListYearsResponse = z.infer<typeof ListYearsResponseSchema>;

/** `GET /admin/years/:year`. */
export const YearResponseSchema = z.object({
  year: z.number().int(),
  published: CalendarYearDetailSchema.nullable(),
  draft: CalendarYearDetailSchema.nullable(),
  /** The office hours the grid is drawn with (weekly rest days = days without periods). */
  weeklyHours: WeeklyHoursSchema,
});
export type YearResponse = z.infer<typeof YearResponseSchema>;

/** `POST /admin/years`: generate the draft of a year not yet drafted or published. */
export const GenerateYearRequestSchema = z.object({ year: z.number().int().min(2000).max(2100) });
export type GenerateYearRequest = z.infer<typeof GenerateYearRequestSchema>;

const TextSchema = (max: number) => z.string().trim().min(1, 'calendar.errors.required').max(max);

/** `POST /admin/years/:year/draft/entries` and `PUT …/:entryId`. */
export const EntryRequestSchema = z.object({
  date: IsoDateSchema,
  type: z.enum(['day-off', 'make-up']),
  kind: DayOffKindSchema.optional(),
  reason: TextSchema(300),
  reference: TextSchema(300),
  note: z.string().trim().max(1000).optional(),
  periods: z.array(OfficePeriodSchema).min(1).max(4).optional(),
});
export type EntryRequest = z.infer<typeof EntryRequestSchema>;

/** Dates whose working time differs between the calendar in force and the proposed one. */
export const ChangedDaySchema = z.object({
  date: IsoDateSchema,
  before: z.object({ working: z.boolean(), reason: z.string().nullable(), minutes: z.number() }).nullable(),
  after: z.object({ working: z.boolean(), reason: z.string().nullable(), minutes: z.number() }),
});
export type ChangedDay = z.infer<typeof ChangedDaySchema>;

/** How many open items each module would move, before the administrator confirms (§19 row 10). */
export const ImpactResponseSchema = z.object({
  modules: z.array(z.object({ module: z.string(), affected: z.number().int() })),
  total: z.number().int(),
  /** Dates that change (empty when a whole new year is added; capped at 400). */
  changedDays: z.array(ChangedDaySchema),
  /** True when the change adds a year the calendar did not cover yet. */
  newYear: z.boolean(),
});
export type ImpactResponse = z.infer<typeof ImpactResponseSchema>;

/** Confirmation of a change that moves working time: a reason and the impact total the administrator saw. */
export const ConfirmChangeSchema = z.object({
  reason: TextSchema(500),
  acknowledgedImpact: z.number().int().min(0),
});

/** `POST /admin/years/:year/draft/publish`. `version` is the draft version that was reviewed. */
export const PublishYearRequestSchema = ConfirmChangeSchema.extend({ version: z.number().int() });
export type PublishYearRequest = z.infer<typeof PublishYearRequestSchema>;

// ---------------------------------------------------------------------------------------------
// Office hours

export const OfficeHoursResponseSchema = z.object({
  weeklyHours: WeeklyHoursSchema,
  revision: z.number().int(),
  updatedAt: z.string(),
});
export type OfficeHoursResponse = z.infer<typeof OfficeHoursResponseSchema>;

export const HoursImpactRequestSchema = z.object({ weeklyHours: WeeklyHoursSchema });
export const UpdateOfficeHoursRequestSchema = ConfirmChangeSchema.extend({ weeklyHours: WeeklyHoursSchema });
export type UpdateOfficeHoursRequest = z.infer<typeof UpdateOfficeHoursRequestSchema>;

export const UnitCodeParamsSchema = z.object({ code: z.string().trim().min(1).max(60) });

export const UnitHoursSchema = z.object({
  orgUnitCode: z.string(),
  label: z.string().nullable(),
  weeklyHours: WeeklyHoursSchema,
  updatedAt: z.string(),
});
export type UnitHours = z.infer<typeof UnitHoursSchema>;
export const ListUnitHoursResponseSchema = z.object({ items: z.array(UnitHoursSchema), total: z.number().int() });
export type ListUnitHoursResponse = z.infer<typeof ListUnitHoursResponseSchema>;

/** `null` hours remove the unit's own hours (it falls back to the province's). */
export const UnitHoursImpactRequestSchema = z.object({ weeklyHours: WeeklyHoursSchema.nullable() });
export const UpdateUnitHoursRequestSchema = ConfirmChangeSchema.extend({
  weeklyHours: WeeklyHoursSchema.nullable(),
  label: z.string().trim().max(200).optional(),
});
export type UpdateUnitHoursRequest = z.infer<typeof UpdateUnitHoursRequestSchema>;

// ---------------------------------------------------------------------------------------------
// Status (administrators)

/** How many open items of a module rely on the provisional calendar. */
export const ProvisionalRelianceSchema = z.object({ module: z.string(), count: z.number().int() });

/**
 * `GET /api/v1/calendar/status` (calendar.manage): which years are published, which are covered provisionally, and the
 * warning shown to administrators from 1 October while next year's schedule is not published (or at any time while
 * the current year's is not).
 */
export const CalendarStatusResponseSchema = z.object({
  /** Today in Asia/Ho_Chi_Minh. */
  today: IsoDateSchema,
  lastPublishedYear: z.number().int().nullable(),
  /** Years counted on the statutory calendar because they are not published yet. */
  provisionalYears: z.array(z.number().int()),
  /** From this instant (+07:00) due instants are provisional; null while nothing is published. */
  provisionalFrom: z.string().nullable(),
  /** Open items whose due instant relies on a provisional year, per module. */
  reliance: z.array(ProvisionalRelianceSchema),
  /** Total of `reliance`. */
  provisionalOpenItems: z.number().int(),
  /** Set when the administrator should publish a year: the year, and from which date the warning shows. */
  warning: z.object({ year: z.number().int(), since: IsoDateSchema }).nullable(),
});
export type CalendarStatusResponse = z.infer<typeof CalendarStatusResponseSchema>;
