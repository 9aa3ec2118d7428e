import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { identityOrgUnits } from '../identity/identity.tables';

/** The key's procedure and channel and the counters, as the daily and the monthly rows keep them. */
const counters = () => ({
  procedureCode: text('procedure_code').notNull(),
  channel: text('channel').notNull(),
  received: integer('received').notNull(),
  finishedEarly: integer('finished_early').notNull(),
  finishedOnTime: integer('finished_on_time').notNull(),
  finishedLate: integer('finished_late').notNull(),
  withdrawn: integer('withdrawn').notNull(),
  stopped: integer('stopped').notNull(),
  // Defaults only for the rows that existed before migration 0026 (which recounts them all).
  apologies: integer('apologies').notNull().default(0),
  supplements: integer('supplements').notNull().default(0),
  lateHeld: integer('late_held').notNull().default(0),
  /** Of the dossiers finished, those whose working time was counted, with the sums of the time used and allowed. */
  timed: integer('timed').notNull().default(0),
  usedMinutes: bigint('used_minutes', { mode: 'number' }).notNull().default(0),
  allowedMinutes: bigint('allowed_minutes', { mode: 'number' }).notNull().default(0),
  /** Of the dossiers received, those whose fee was taken, and of them paid online; the amounts (whole VND). */
  feePaid: integer('fee_paid').notNull().default(0),
  feePaidOnline: integer('fee_paid_online').notNull().default(0),
  feeVnd: bigint('fee_vnd', { mode: 'number' }).notNull().default(0),
  feeOnlineVnd: bigint('fee_online_vnd', { mode: 'number' }).notNull().default(0),
});

/**
 * The indicators' read model (issue 12 item 7): per handling unit, Vietnamese day, procedure and channel, how many
 * dossiers were received, finished early / on time / late, withdrawn and stopped that day; how many apologies were
 * issued and supplements requested that day; and how many late dossiers finished that day had run late while this
 * unit held them (`late_held`: inter-agency attribution, which may name a unit other than the handling one). Rows are never written by
 * request handlers: a trigger on `dossiers` marks the (unit, day) buckets a write touches in `dossiers_stats_dirty`,
 * and the refresh job recomputes each marked bucket from the dossiers themselves (use-cases/indicator-stats.ts), so
 * a number can lag a refresh behind but never drift from the dossiers it counts.
 */
export const dossierStatsDaily = pgTable(
  'dossiers_stats_daily',
  {
    unitId: uuid('unit_id')
      .notNull()
      .references(() => identityOrgUnits.id),
    /** Day in Vietnam (+07:00) of the instant counted: received_at, finished_at or closed_at. */
    day: date('day', { mode: 'string' }).notNull(),
    ...counters(),
  },
  (t) => [
    // A unit's period is a range of this key; a province's is the same per unit (a few hundred units).
    primaryKey({ name: 'dossiers_stats_daily_pk', columns: [t.unitId, t.day, t.procedureCode, t.channel] }),
    check(
      'dossiers_stats_daily_counts_ck',
      sql`least(${t.received}, ${t.finishedEarly}, ${t.finishedOnTime}, ${t.finishedLate}, ${t.withdrawn}, ${t.stopped}, ${t.apologies}, ${t.supplements}, ${t.lateHeld}) >= 0`,
    ),
  ],
);

/**
 * The same counters per calendar month (`month` is its first day): the sums of the daily rows of that unit and month,
 * rewritten by the refresh that recomputes any of its days. A period's whole months are read here (a year is twelve
 * rows per unit, procedure and channel instead of 365); its partial months from the daily rows.
 */
export const dossierStatsMonthly = pgTable(
  'dossiers_stats_monthly',
  {
    unitId: uuid('unit_id')
      .notNull()
      .references(() => identityOrgUnits.id),
    month: date('month', { mode: 'string' }).notNull(),
    ...counters(),
  },
  (t) => [
    primaryKey({ name: 'dossiers_stats_monthly_pk', columns: [t.unitId, t.month, t.procedureCode, t.channel] }),
    check('dossiers_stats_monthly_first_day_ck', sql`extract(day from ${t.month}) = 1`),
  ],
);

/** Buckets to recompute: marked by the `dossiers_stats_mark_*` triggers (migration 0025), claimed by the refresh job. */
export const dossierStatsDirty = pgTable(
  'dossiers_stats_dirty',
  {
    unitId: uuid('unit_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    markedAt: timestamp('marked_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'dossiers_stats_dirty_pk', columns: [t.unitId, t.day] }), index('dossiers_stats_dirty_marked_idx').on(t.markedAt)],
);
