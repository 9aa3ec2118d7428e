// Reads and writes of the plans module's own tables (plans_*), built from the table definitions.
import { and, asc, eq, inArray, isNull, lt, max } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/database';
import { plansPlans as p, plansTaskEvents as e, plansTasks as t } from './plans.tables';

export type PlanRow = typeof p.$inferSelect;
export type TaskRow = typeof t.$inferSelect;
export type NewTaskRow = typeof t.$inferInsert;
export type TaskEventRow = typeof e.$inferSelect;

/** A plan by id. */
export async function findPlan(db: Queryable, id: string): Promise<PlanRow | null> {
  const [row] = await db.select().from(p).where(eq(p.id, id)).limit(1);
  return row ?? null;
}

/** Inserts a plan. */
export async function insertPlan(db: Queryable, values: typeof p.$inferInsert): Promise<PlanRow> {
  const [row] = await db.insert(p).values(values).returning();
  return row!;
}

/** Bumps the plan's version if it still has `expected` (adding a task); false otherwise. */
export async function bumpPlan(db: Queryable, id: string, expected: number, now: Date): Promise<PlanRow | null> {
  const [row] = await db
    .update(p)
    .set({ version: expected + 1, updatedAt: now })
    .where(and(eq(p.id, id), eq(p.version, expected)))
    .returning();
  return row ?? null;
}

/** The plan's tasks by number. */
export function listTasks(db: Queryable, planId: string): Promise<TaskRow[]> {
  return db.select().from(t).where(eq(t.planId, planId)).orderBy(asc(t.seq));
}

/** The next task number of a plan. */
export async function nextSeq(db: Queryable, planId: string): Promise<number> {
  const [row] = await db
    .select({ m: max(t.seq) })
    .from(t)
    .where(eq(t.planId, planId));
  return (row?.m ?? 0) + 1;
}

/** A task by id. */
export async function findTask(db: Queryable, id: string): Promise<TaskRow | null> {
  const [row] = await db.select().from(t).where(eq(t.id, id)).limit(1);
  return row ?? null;
}

/** Inserts a task. */
export async function insertTask(db: Queryable, values: NewTaskRow): Promise<TaskRow> {
  const [row] = await db.insert(t).values(values).returning();
  return row!;
}

/** Writes `patch` and bumps the version if the task still has `expected` and `state`; null otherwise. */
export async function updateTask(db: Queryable, id: string, expected: number, state: TaskRow['state'], patch: Partial<NewTaskRow>): Promise<TaskRow | null> {
  const [row] = await db
    .update(t)
    .set({ ...patch, version: expected + 1 })
    .where(and(eq(t.id, id), eq(t.version, expected), eq(t.state, state)))
    .returning();
  return row ?? null;
}

/** Appends a history entry. */
export async function insertTaskEvent(db: Queryable, values: typeof e.$inferInsert): Promise<void> {
  await db.insert(e).values(values);
}

/** The history of the tasks of a plan, oldest first. */
export function listTaskEvents(db: Queryable, taskIds: string[]): Promise<TaskEventRow[]> {
  if (taskIds.length === 0) return Promise.resolve([]);
  return db.select().from(e).where(inArray(e.taskId, taskIds)).orderBy(asc(e.at), asc(e.id));
}

/** Open tasks overdue at `now` and not yet escalated, soonest due first, at most `limit`. */
export function overdueBatch(db: Queryable, now: Date, limit: number): Promise<TaskRow[]> {
  return db
    .select()
    .from(t)
    .where(and(eq(t.state, 'OPEN'), isNull(t.escalatedAt), lt(t.dueAt, now)))
    .orderBy(asc(t.dueAt))
    .limit(limit);
}

/** Marks a task escalated if no run marked it before; false when another run did. */
export async function markEscalated(db: Queryable, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(t)
    .set({ escalatedAt: now })
    .where(and(eq(t.id, id), isNull(t.escalatedAt)))
    .returning({ id: t.id });
  return rows.length === 1;
}

/** Whether any plan exists (the demo seed runs once). */
export async function hasAnyPlan(db: Queryable): Promise<boolean> {
  const [row] = await db.select({ id: p.id }).from(p).limit(1);
  return row !== undefined;
}

/** The plan's task adopted from a commitment, if any. */
export async function findTaskOfCommitment(db: Queryable, planId: string, commitmentId: string): Promise<TaskRow | null> {
  const [row] = await db
    .select()
    .from(t)
    .where(and(eq(t.planId, planId), eq(t.commitmentId, commitmentId)))
    .limit(1);
  return row ?? null;
}
