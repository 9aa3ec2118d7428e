import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { OfficePeriod, WeeklyOfficeHours } from '../calendar.types';

/**
 * A working calendar (the province's: id 'province'): its office hours per ISO weekday (§19 row 2) and a
 * `revision` bumped in the same transaction as every change that moves working time (publish, office hours),
 * so each app process can check its compiled copy with one cheap query.
 */
export const calendarCalendars = pgTable('calendar_calendars', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  weeklyHours: jsonb('weekly_hours').$type<WeeklyOfficeHours>().notNull(),
  revision: integer('revision').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
});

/**
 * One version of one calendar year: a `draft` (generated or a revision), the `published` one in force, or a
 * `superseded` earlier publication kept for history. At most one draft and one published row per year.
 */
export const calendarYears = pgTable(
  'calendar_years',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    calendarId: text('calendar_id')
      .notNull()
      .references(() => calendarCalendars.id),
    year: integer('year').notNull(),
    status: text('status').notNull(),
    /** True when the rows were proposed by the generator (§19 row 9) and still need checking. */
    generated: boolean('generated').notNull().default(false),
    /** The published row this draft revises (a revision keeps the old year in force until it is published). */
    revisionOf: uuid('revision_of'),
    sources: jsonb('sources')
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
    publishedBy: text('published_by'),
    publishReason: text('publish_reason'),
    supersededAt: timestamp('superseded_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    uniqueIndex('calendar_years_published_uq')
      .on(t.calendarId, t.year)
      .where(sql`${t.status} = 'published'`),
    uniqueIndex('calendar_years_draft_uq')
      .on(t.calendarId, t.year)
      .where(sql`${t.status} = 'draft'`),
    index('calendar_years_calendar_idx').on(t.calendarId, t.status),
    check('calendar_years_status_ck', sql`${t.status} in ('draft','published','superseded')`),
    check('calendar_years_year_ck', sql`${t.year} between 1970 and 9999`),
  ],
);

/** A day off or a make-up working day of one year version, each with its legal reference (§13.2). */
export const calendarEntries = pgTable(
  'calendar_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    yearId: uuid('year_id')
      .notNull()
      .references(() => calendarYears.id, { onDelete: 'cascade' }),
    date: date('date', { mode: 'string' }).notNull(),
    type: text('type').notNull(),
    /** DayOffKind for days off; null for make-up days. */
    kind: text('kind'),
    reason: text('reason').notNull(),
    reference: text('reference').notNull(),
    note: text('note'),
    /** Office periods of a make-up day when they differ from the standard day. */
    periods: jsonb('periods').$type<OfficePeriod[]>(),
    /** 'draft' while proposed by the generator, 'official' once entered or confirmed by an administrator. */
    status: text('status').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('calendar_entries_year_date_uq').on(t.yearId, t.date),
    check('calendar_entries_type_ck', sql`${t.type} in ('day-off','make-up')`),
    check('calendar_entries_status_ck', sql`${t.status} in ('draft','official')`),
  ],
);

/**
 * A unit's own office hours (§19 row 2). Keyed by the unit's code, not a foreign key: platform code knows no
 * identity tables. Units without a row use the province's hours.
 */
export const calendarUnitHours = pgTable('calendar_unit_hours', {
  orgUnitCode: text('org_unit_code').primaryKey(),
  calendarId: text('calendar_id')
    .notNull()
    .references(() => calendarCalendars.id),
  label: text('label'),
  weeklyHours: jsonb('weekly_hours').$type<WeeklyOfficeHours>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
});
