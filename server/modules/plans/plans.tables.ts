import { sql } from 'drizzle-orm';
import { bigserial, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
// Kernel rule: plans may hold foreign keys to identity's units. A dialogue commitment adopted as a task is held as its id.
import { identityOrgUnits } from '../identity/identity.tables';
import { PLAN_AREAS, PLAN_LEVELS, PLAN_TASK_EVENT_KINDS, PLAN_TASK_STATES } from '../../../contracts/plans/plans.values';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
/** `('a','b')` from a value list of the contract, for the CHECK constraints (the column and the contract share one list). */
const inList = (values: readonly string[]) => sql.raw(`(${values.map((v) => `'${v}'`).join(',')})`);

type Of<T extends readonly string[]> = T[number];

/** A yearly reform plan (Kế hoạch CCHC, domain README §10) of a unit at its level; `version` locks adding tasks. */
export const plansPlans = pgTable(
  'plans_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    year: integer('year').notNull(),
    level: text('level').$type<Of<typeof PLAN_LEVELS>>().notNull(),
    ownerUnitId: uuid('owner_unit_id')
      .notNull()
      .references(() => identityOrgUnits.id),
    title: text('title').notNull(),
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    // Not unique: a unit issues more than one plan a year (the CCHC plan, the plan for reviewing procedures, NĐ 63/2010 Điều 30; §10).
    index('plans_plans_unit_year_idx').on(t.ownerUnitId, t.year),
    check('plans_plans_level_ck', sql`${t.level} in ${inList(PLAN_LEVELS)}`),
  ],
);

/**
 * A task of a plan: its reform area, lead and partner units, the legal date it is due (`deadline_on`) and the instant
 * that means on the lead unit's calendar (`due_at`), its output product, its state and the last progress report.
 */
export const plansTasks = pgTable(
  'plans_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plansPlans.id),
    seq: integer('seq').notNull(),
    title: text('title').notNull(),
    area: text('area').$type<Of<typeof PLAN_AREAS>>().notNull(),
    leadUnitId: uuid('lead_unit_id')
      .notNull()
      .references(() => identityOrgUnits.id),
    partnerUnitIds: jsonb('partner_unit_ids').$type<string[]>().notNull(),
    deadlineOn: date('deadline_on', { mode: 'string' }).notNull(),
    dueAt: instant('due_at').notNull(),
    outputProduct: text('output_product').notNull(),
    state: text('state').$type<Of<typeof PLAN_TASK_STATES>>().notNull(),
    progressPercent: integer('progress_percent').notNull().default(0),
    lastNote: text('last_note'),
    evidenceFileIds: jsonb('evidence_file_ids').$type<string[]>().notNull(),
    sendBackReason: text('send_back_reason'),
    doneAt: instant('done_at'),
    /** The dialogue commitment this task was adopted from (dialogues' id, read through its public door). */
    commitmentId: uuid('commitment_id'),
    /** When the overdue escalation went out (once per task). */
    escalatedAt: instant('escalated_at'),
    version: integer('version').notNull().default(1),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('plans_tasks_plan_seq_uq').on(t.planId, t.seq),
    index('plans_tasks_lead_idx').on(t.leadUnitId),
    // The escalation sweep: open tasks not yet escalated, by due instant.
    index('plans_tasks_escalation_idx')
      .on(t.dueAt)
      .where(sql`${t.state} = 'OPEN' and ${t.escalatedAt} is null`),
    check('plans_tasks_area_ck', sql`${t.area} in ${inList(PLAN_AREAS)}`),
    check('plans_tasks_state_ck', sql`${t.state} in ${inList(PLAN_TASK_STATES)}`),
    check('plans_tasks_percent_ck', sql`${t.progressPercent} between 0 and 100`),
    check('plans_tasks_done_ck', sql`(${t.state} = 'DONE') = (${t.doneAt} is not null)`),
  ],
);

/** A task's history: creation, progress reports, acceptance, sending back, escalation. Append-only. */
export const plansTaskEvents = pgTable(
  'plans_task_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => plansTasks.id),
    at: instant('at').notNull(),
    kind: text('kind').$type<Of<typeof PLAN_TASK_EVENT_KINDS>>().notNull(),
    percent: integer('percent'),
    note: text('note'),
    actorId: uuid('actor_id'),
    actorLabel: text('actor_label'),
  },
  (t) => [index('plans_task_events_task_idx').on(t.taskId, t.at), check('plans_task_events_kind_ck', sql`${t.kind} in ${inList(PLAN_TASK_EVENT_KINDS)}`)],
);
