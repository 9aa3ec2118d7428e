import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
// Kernel rule: ratings may hold foreign keys to identity's units and catalog's procedure versions. The dossier belongs
// to the dossiers module and the officers' ids are kept as given (held as ids, STYLE boundaries rule 3).
import { identityOrgUnits } from '../identity/identity.tables';
import { catalogProcedureVersions } from '../catalog/catalog.tables';
import type { RATING_CHANNELS, SATISFACTION_LEVELS } from '../../../contracts/ratings/ratings.values';

type Level = (typeof SATISFACTION_LEVELS)[number];
type Channel = (typeof RATING_CHANNELS)[number];

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const LEVELS_SQL = sql.raw(`('very-satisfied','satisfied','unsatisfied')`);

/**
 * The invitation sent when a dossier ended: one per dossier, its link's secret kept only as a SHA-256 (like identity's
 * account tokens), so a database leak rates nothing.
 */
export const ratingInvitations = pgTable(
  'ratings_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id').notNull(),
    secretHash: text('secret_hash').notNull(),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [uniqueIndex('ratings_invitations_dossier_uq').on(t.dossierId), uniqueIndex('ratings_invitations_secret_uq').on(t.secretHash)],
);

/**
 * An applicant's rating of an ended dossier (domain README §3.1 step 8): at most one per dossier (the unique index is
 * what makes "once" hold under races). The dossier's code, procedure, units and officers are copied at rating time so
 * the dashboards count by each without reaching into the dossiers module.
 */
export const ratingResponses = pgTable(
  'ratings_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dossierId: uuid('dossier_id').notNull(),
    dossierCode: text('dossier_code').notNull(),
    procedureVersionId: uuid('procedure_version_id')
      .notNull()
      .references(() => catalogProcedureVersions.id),
    procedureCode: text('procedure_code').notNull(),
    procedureName: text('procedure_name').notNull(),
    /** The one-stop desk that received the dossier. */
    receivingUnitId: uuid('receiving_unit_id')
      .notNull()
      .references(() => identityOrgUnits.id),
    /** The agency that handled it. */
    handlingUnitId: uuid('handling_unit_id')
      .notNull()
      .references(() => identityOrgUnits.id),
    /** The officer who received it and the one whose act made the result (user ids; null when unknown). */
    receivedBy: uuid('received_by'),
    handledBy: uuid('handled_by'),
    /** How the dossier ended (RETURNED, STOPPED, WITHDRAWN) and when. */
    dossierState: text('dossier_state').notNull(),
    endedAt: instant('ended_at'),
    overall: text('overall').$type<Level>().notNull(),
    timeLevel: text('time_level').$type<Level>().notNull(),
    attitudeLevel: text('attitude_level').$type<Level>().notNull(),
    clarityLevel: text('clarity_level').$type<Level>().notNull(),
    comment: text('comment'),
    channel: text('channel').$type<Channel>().notNull(),
    /** The portal account that rated (channel `account`); null for the link and the kiosk. */
    ratedBy: uuid('rated_by'),
    ratedAt: instant('rated_at').notNull(),
  },
  (t) => [
    uniqueIndex('ratings_responses_dossier_uq').on(t.dossierId),
    // The summaries: one unit's ratings in a period, as the desk and as the handling agency.
    index('ratings_responses_receiving_idx').on(t.receivingUnitId, t.ratedAt),
    index('ratings_responses_handling_idx').on(t.handlingUnitId, t.ratedAt),
    index('ratings_responses_rated_idx').on(t.ratedAt),
    check('ratings_responses_overall_ck', sql`${t.overall} in ${LEVELS_SQL}`),
    check('ratings_responses_time_ck', sql`${t.timeLevel} in ${LEVELS_SQL}`),
    check('ratings_responses_attitude_ck', sql`${t.attitudeLevel} in ${LEVELS_SQL}`),
    check('ratings_responses_clarity_ck', sql`${t.clarityLevel} in ${LEVELS_SQL}`),
    check('ratings_responses_channel_ck', sql`${t.channel} in ('link','kiosk','account')`),
    check('ratings_responses_comment_ck', sql`${t.comment} is null or char_length(${t.comment}) <= 1000`),
  ],
);

/**
 * The satisfaction counters the indicators read (issue 12 item 7): per handling unit, Vietnamese day of the rating and
 * procedure, how many ratings, per overall level, and per criterion satisfied or very satisfied. Ratings are only ever inserted
 * (one per dossier), so statement triggers (migration 0027) add each insert's counts here in the same transaction —
 * an upsert, safe under concurrent ratings — and subtract a delete's.
 */
export const ratingStatsDaily = pgTable(
  'ratings_stats_daily',
  {
    unitId: uuid('unit_id')
      .notNull()
      .references(() => identityOrgUnits.id),
    day: date('day', { mode: 'string' }).notNull(),
    procedureCode: text('procedure_code').notNull(),
    total: integer('total').notNull(),
    verySatisfied: integer('very_satisfied').notNull(),
    satisfied: integer('satisfied').notNull(),
    unsatisfied: integer('unsatisfied').notNull(),
    timeSatisfied: integer('time_satisfied').notNull(),
    attitudeSatisfied: integer('attitude_satisfied').notNull(),
    claritySatisfied: integer('clarity_satisfied').notNull(),
  },
  (t) => [
    primaryKey({ name: 'ratings_stats_daily_pk', columns: [t.unitId, t.day, t.procedureCode] }),
    check(
      'ratings_stats_daily_counts_ck',
      sql`least(${t.total}, ${t.verySatisfied}, ${t.satisfied}, ${t.unsatisfied}, ${t.timeSatisfied}, ${t.attitudeSatisfied}, ${t.claritySatisfied}) >= 0`,
    ),
  ],
);
