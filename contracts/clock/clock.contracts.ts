import { z } from 'zod';

/** The server's clock: what it reads now, and how far it was moved (only with MOTCUA_ADJUSTABLE_CLOCK=true). */
export const ClockStateSchema = z.object({
  now: z.string(),
  offsetMinutes: z.number(),
});
export type ClockState = z.infer<typeof ClockStateSchema>;

/** Moves the clock forward by working time on the province calendar, and/or by plain minutes. */
export const AdvanceClockSchema = z
  .object({
    workingMinutes: z
      .number()
      .int()
      .min(0)
      .max(480 * 60)
      .optional(),
    minutes: z
      .number()
      .int()
      .min(0)
      .max(60 * 24 * 366)
      .optional(),
  })
  .refine((b) => (b.workingMinutes ?? 0) + (b.minutes ?? 0) > 0, { message: 'platform.clock.nothingToAdvance', path: ['workingMinutes'] });
export type AdvanceClock = z.infer<typeof AdvanceClockSchema>;

/**
 * Sets the clock to an instant (ISO 8601 with an offset), forward or back: a journey or a training session starts on a
 * given day (e.g. 5 December, when next year's calendar is not yet published) whatever the machine's date.
 */
export const SetClockSchema = z.object({
  at: z.iso.datetime({ offset: true, message: 'platform.clock.instant' }),
});
export type SetClock = z.infer<typeof SetClockSchema>;
