// Reads and writes of the dialogue tables (no policy here: the use cases decide who may call them).
import { and, asc, count, desc, eq, gte, inArray, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/database';
import { dialogueCommitmentEvents, dialogueCommitments, dialogueQuestions, dialogueSessions } from './dialogues.tables';
import type { CommitmentState, QuestionState, SessionState } from './dialogues.workflow';

/** Stored rows of the dialogue tables. */
export type SessionRow = typeof dialogueSessions.$inferSelect;
export type NewSessionRow = typeof dialogueSessions.$inferInsert;
export type QuestionRow = typeof dialogueQuestions.$inferSelect;
export type NewQuestionRow = typeof dialogueQuestions.$inferInsert;
export type CommitmentRow = typeof dialogueCommitments.$inferSelect;
export type NewCommitmentRow = typeof dialogueCommitments.$inferInsert;
export type CommitmentEventRow = typeof dialogueCommitmentEvents.$inferSelect;

const s = dialogueSessions;
const q = dialogueQuestions;
const c = dialogueCommitments;
const e = dialogueCommitmentEvents;

// ---------------------------------------------------------------- sessions

/** A session by id, or null. */
export async function findSession(db: Queryable, id: string): Promise<SessionRow | null> {
  const [row] = await db.select().from(s).where(eq(s.id, id)).limit(1);
  return row ?? null;
}

/** Locks the session for the rest of the transaction (its questions' changes are serialised through it too). */
export async function lockSession(db: Queryable, id: string): Promise<SessionRow | null> {
  const [row] = await db.select().from(s).where(eq(s.id, id)).limit(1).for('update');
  return row ?? null;
}

/** Inserts a new session. */
export async function insertSession(db: Queryable, values: NewSessionRow): Promise<SessionRow> {
  const [row] = await db.insert(s).values(values).returning();
  return row!;
}

/** Writes `patch` and bumps the version if the row still has `expectedVersion`; null when it moved on meanwhile. */
export async function updateSession(db: Queryable, id: string, expectedVersion: number, patch: Partial<NewSessionRow>): Promise<SessionRow | null> {
  const [row] = await db
    .update(s)
    .set({ ...patch, version: expectedVersion + 1 })
    .where(and(eq(s.id, id), eq(s.version, expectedVersion)))
    .returning();
  return row ?? null;
}

/** The officers' session filters, the units already resolved from the caller's grants. */
export interface SessionFilter {
  /** Organising units the caller reads; null: the whole province. */
  unitIds: readonly string[] | null;
  state?: SessionState;
  level?: SessionRow['level'];
  page: number;
  pageSize: number;
}

/** One page of sessions, latest start first. */
export async function listSessions(db: Queryable, f: SessionFilter): Promise<{ rows: SessionRow[]; total: number }> {
  if (f.unitIds !== null && f.unitIds.length === 0) return { rows: [], total: 0 };
  const conds: SQL[] = [];
  if (f.unitIds !== null) conds.push(inArray(s.organisingUnitId, [...f.unitIds]));
  if (f.state) conds.push(eq(s.state, f.state));
  if (f.level) conds.push(eq(s.level, f.level));
  return page(db, and(...conds), f, [desc(s.startsAt), desc(s.id)]);
}

/** The public's session filters. */
export interface PublicSessionFilter {
  when?: 'upcoming' | 'past';
  level?: SessionRow['level'];
  now: Date;
  page: number;
  pageSize: number;
}

/** One page of the sessions ever announced: upcoming soonest first, past ones latest first, all of them by start (latest first). */
export async function listPublicSessions(db: Queryable, f: PublicSessionFilter): Promise<{ rows: SessionRow[]; total: number }> {
  const conds: SQL[] = [isNotNull(s.announcedAt)];
  if (f.level) conds.push(eq(s.level, f.level));
  const upcoming = and(eq(s.state, 'ANNOUNCED'), gte(s.startsAt, f.now))!;
  if (f.when === 'upcoming') conds.push(upcoming);
  if (f.when === 'past') conds.push(sql`not (${upcoming})`);
  const order = f.when === 'upcoming' ? [asc(s.startsAt), asc(s.id)] : [desc(s.startsAt), desc(s.id)];
  return page(db, and(...conds), f, order);
}

async function page(db: Queryable, where: SQL | undefined, f: { page: number; pageSize: number }, order: SQL[]): Promise<{ rows: SessionRow[]; total: number }> {
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(s)
      .where(where)
      .orderBy(...order)
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(s).where(where),
  ]);
  return { rows, total: Number(totals[0]?.n ?? 0) };
}

/** Per session: questions accepted or answered, public questions waiting, commitments made (withdrawn ones left out). */
export async function sessionCounts(db: Queryable, sessionIds: readonly string[]): Promise<Map<string, { questions: number; pending: number; commitments: number }>> {
  const out = new Map<string, { questions: number; pending: number; commitments: number }>();
  if (sessionIds.length === 0) return out;
  const ids = [...new Set(sessionIds)];
  for (const id of ids) out.set(id, { questions: 0, pending: 0, commitments: 0 });
  const [questions, commitments] = await Promise.all([
    db
      .select({
        id: q.sessionId,
        questions: sql<number>`count(*) filter (where ${q.state} in ('ACCEPTED','ANSWERED'))::int`,
        pending: sql<number>`count(*) filter (where ${q.state} = 'SUBMITTED')::int`,
      })
      .from(q)
      .where(inArray(q.sessionId, ids))
      .groupBy(q.sessionId),
    db
      .select({ id: c.sessionId, n: sql<number>`count(*)::int` })
      .from(c)
      .where(and(inArray(c.sessionId, ids), sql`${c.state} <> 'CANCELLED'`))
      .groupBy(c.sessionId),
  ]);
  for (const r of questions) Object.assign(out.get(r.id)!, { questions: Number(r.questions), pending: Number(r.pending) });
  for (const r of commitments) out.get(r.id)!.commitments = Number(r.n);
  return out;
}

// ---------------------------------------------------------------- questions

/** A question of a session, or null. */
export async function findQuestion(db: Queryable, sessionId: string, id: string): Promise<QuestionRow | null> {
  const [row] = await db
    .select()
    .from(q)
    .where(and(eq(q.id, id), eq(q.sessionId, sessionId)))
    .limit(1);
  return row ?? null;
}

/** Questions by id. */
export async function questionsByIds(db: Queryable, ids: readonly string[]): Promise<Map<string, QuestionRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select()
    .from(q)
    .where(inArray(q.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Inserts a question. */
export async function insertQuestion(db: Queryable, values: NewQuestionRow): Promise<QuestionRow> {
  const [row] = await db.insert(q).values(values).returning();
  return row!;
}

/** The question of `sessionId` pulled from feedback item `feedbackItemId`, or null. */
export async function findFeedbackQuestion(db: Queryable, sessionId: string, feedbackItemId: string): Promise<QuestionRow | null> {
  const [row] = await db
    .select()
    .from(q)
    .where(and(eq(q.sessionId, sessionId), eq(q.feedbackItemId, feedbackItemId)))
    .limit(1);
  return row ?? null;
}

/** Writes `patch` and bumps the version if the question still has `expectedVersion` and one of `states`; null otherwise. */
export async function updateQuestion(
  db: Queryable,
  id: string,
  expectedVersion: number,
  patch: Partial<NewQuestionRow>,
  states: readonly QuestionState[],
): Promise<QuestionRow | null> {
  const [row] = await db
    .update(q)
    .set({ ...patch, version: expectedVersion + 1 })
    .where(and(eq(q.id, id), eq(q.version, expectedVersion), inArray(q.state, [...states])))
    .returning();
  return row ?? null;
}

/** A session's questions, in the order they came. */
export async function listQuestions(db: Queryable, sessionId: string, states?: readonly QuestionState[]): Promise<QuestionRow[]> {
  const conds: SQL[] = [eq(q.sessionId, sessionId)];
  if (states) conds.push(inArray(q.state, [...states]));
  return db
    .select()
    .from(q)
    .where(and(...conds))
    .orderBy(asc(q.submittedAt), asc(q.id));
}

/** How many of a session's questions are accepted and not yet answered. */
export async function countUnanswered(db: Queryable, sessionId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(q)
    .where(and(eq(q.sessionId, sessionId), eq(q.state, 'ACCEPTED')));
  return Number(row?.n ?? 0);
}

// ---------------------------------------------------------------- commitments

/** A commitment by id, or null. */
export async function findCommitment(db: Queryable, id: string): Promise<CommitmentRow | null> {
  const [row] = await db.select().from(c).where(eq(c.id, id)).limit(1);
  return row ?? null;
}

/** Locks the commitment for the rest of the transaction. */
export async function lockCommitment(db: Queryable, id: string): Promise<CommitmentRow | null> {
  const [row] = await db.select().from(c).where(eq(c.id, id)).limit(1).for('update');
  return row ?? null;
}

/** Inserts a commitment. */
export async function insertCommitment(db: Queryable, values: NewCommitmentRow): Promise<CommitmentRow> {
  const [row] = await db.insert(c).values(values).returning();
  return row!;
}

/** Writes `patch` and bumps the version if the commitment still has `expectedVersion` and one of `states`; null otherwise. */
export async function updateCommitment(
  db: Queryable,
  id: string,
  expectedVersion: number,
  patch: Partial<NewCommitmentRow>,
  states: readonly CommitmentState[],
): Promise<CommitmentRow | null> {
  const [row] = await db
    .update(c)
    .set({ ...patch, version: expectedVersion + 1 })
    .where(and(eq(c.id, id), eq(c.version, expectedVersion), inArray(c.state, [...states])))
    .returning();
  return row ?? null;
}

/** A session's commitments, in the order they were made. */
export async function listSessionCommitments(db: Queryable, sessionId: string): Promise<CommitmentRow[]> {
  return db.select().from(c).where(eq(c.sessionId, sessionId)).orderBy(asc(c.createdAt), asc(c.questionId), asc(c.position));
}

/** The commitment filters, the units already resolved from the caller's grants. */
export interface CommitmentFilter {
  /** Units whose commitments (as owner or as organiser) the caller reads; null: the whole province. */
  unitIds: readonly string[] | null;
  /** Only these owner units. */
  ownerUnitId?: string;
  sessionId?: string;
  state?: CommitmentState;
  overdue?: boolean;
  /** Only commitments of sessions the public sees (the public list). */
  publicOnly?: boolean;
  now: Date;
  page: number;
  pageSize: number;
}

const overdueSql = (now: Date) => and(eq(c.state, 'OPEN'), lt(c.dueAt, now))!;

/** One page of commitments: open ones soonest due first, then the others latest due first. */
export async function listCommitments(db: Queryable, f: CommitmentFilter): Promise<{ rows: CommitmentRow[]; total: number }> {
  if (f.unitIds !== null && f.unitIds.length === 0) return { rows: [], total: 0 };
  const conds: SQL[] = [];
  if (f.unitIds !== null) {
    const organisedThere = db
      .select({ id: s.id })
      .from(s)
      .where(inArray(s.organisingUnitId, [...f.unitIds]));
    conds.push(or(inArray(c.ownerUnitId, [...f.unitIds]), inArray(c.sessionId, organisedThere))!);
  }
  if (f.ownerUnitId) conds.push(eq(c.ownerUnitId, f.ownerUnitId));
  if (f.sessionId) conds.push(eq(c.sessionId, f.sessionId));
  if (f.state) conds.push(eq(c.state, f.state));
  if (f.overdue !== undefined) conds.push(f.overdue ? overdueSql(f.now) : sql`not (${overdueSql(f.now)})`);
  if (f.publicOnly) {
    // A question hidden from the public (its feedback sender did not agree) hides the commitments made in its answer.
    const visible = db.select({ id: q.id }).from(q).where(eq(q.publicVisible, true));
    conds.push(inArray(c.questionId, visible));
  }
  const where = and(...conds);
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(c)
      .where(where)
      .orderBy(sql`case when ${c.state} = 'OPEN' then 0 else 1 end`, sql`case when ${c.state} = 'OPEN' then ${c.dueAt} end asc`, desc(c.dueAt), asc(c.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(c).where(where),
  ]);
  return { rows, total: Number(totals[0]?.n ?? 0) };
}

/** Appends a history entry of a commitment. */
export async function insertCommitmentEvent(db: Queryable, values: typeof e.$inferInsert): Promise<void> {
  await db.insert(e).values(values);
}

/** The history of the commitments `ids`, oldest first, by commitment. */
export async function commitmentEvents(db: Queryable, ids: readonly string[], kinds?: ReadonlyArray<CommitmentEventRow['kind']>): Promise<Map<string, CommitmentEventRow[]>> {
  const out = new Map<string, CommitmentEventRow[]>();
  if (ids.length === 0) return out;
  const conds: SQL[] = [inArray(e.commitmentId, [...new Set(ids)])];
  if (kinds) conds.push(inArray(e.kind, [...kinds]));
  const rows = await db
    .select()
    .from(e)
    .where(and(...conds))
    .orderBy(asc(e.id));
  for (const r of rows) out.set(r.commitmentId, [...(out.get(r.commitmentId) ?? []), r]);
  return out;
}

/** One row of the numbers by owner unit. */
export interface CommitmentCounts {
  unitId: string;
  total: number;
  doneOnTime: number;
  doneLate: number;
  open: number;
  openOverdue: number;
  cancelled: number;
}

/** Counts by owner unit of the commitments made in [from, to). */
export async function countsByOwnerUnit(db: Queryable, range: { from: Date | null; to: Date | null }, now: Date): Promise<CommitmentCounts[]> {
  const conds: SQL[] = [];
  if (range.from) conds.push(gte(c.clockStartedAt, range.from));
  if (range.to) conds.push(lt(c.clockStartedAt, range.to));
  const rows = await db
    .select({
      unitId: c.ownerUnitId,
      total: sql<number>`count(*) filter (where ${c.state} <> 'CANCELLED')::int`,
      doneOnTime: sql<number>`count(*) filter (where ${c.state} = 'DONE' and ${c.completedOnTime})::int`,
      doneLate: sql<number>`count(*) filter (where ${c.state} = 'DONE' and not ${c.completedOnTime})::int`,
      open: sql<number>`count(*) filter (where ${c.state} = 'OPEN')::int`,
      openOverdue: sql<number>`count(*) filter (where ${c.state} = 'OPEN' and ${c.dueAt} < ${now})::int`,
      cancelled: sql<number>`count(*) filter (where ${c.state} = 'CANCELLED')::int`,
    })
    .from(c)
    .where(and(...conds))
    .groupBy(c.ownerUnitId);
  return rows.map((r) => ({
    unitId: r.unitId,
    total: Number(r.total),
    doneOnTime: Number(r.doneOnTime),
    doneLate: Number(r.doneLate),
    open: Number(r.open),
    openOverdue: Number(r.openOverdue),
    cancelled: Number(r.cancelled),
  }));
}

/**
 * Open commitments a calendar change over [from, to) can move: those counted in working days whose counting window
 * (made to due) overlaps it, and those promised for a date due at or after its start (the caller recounts them and
 * keeps the ones whose due differs). Commitments are few (tens a session), so they are read at once.
 */
export async function openInWindow(db: Queryable, span: { from: Date; to: Date }): Promise<CommitmentRow[]> {
  const counted = and(isNotNull(c.workingDays), gte(c.dueAt, span.from), lt(c.clockStartedAt, span.to));
  const dated = and(isNotNull(c.dueOn), gte(c.dueAt, span.from));
  return db
    .select()
    .from(c)
    .where(and(eq(c.state, 'OPEN'), or(counted, dated)))
    .orderBy(asc(c.dueAt), asc(c.id));
}

// ---------------------------------------------------------------- the reminder sweep

/**
 * Open commitments whose due instant is before `horizon`, not yet handled by the sweep for that due instant (reminded
 * before it, or escalated after it), soonest due first, at most `limit`.
 */
export async function sweepBatch(db: Queryable, now: Date, horizon: Date, limit: number): Promise<CommitmentRow[]> {
  const notReminded = or(isNull(c.remindedForDueAt), sql`${c.remindedForDueAt} <> ${c.dueAt}`);
  const notEscalated = or(isNull(c.escalatedForDueAt), sql`${c.escalatedForDueAt} <> ${c.dueAt}`);
  return db
    .select()
    .from(c)
    .where(and(eq(c.state, 'OPEN'), lt(c.dueAt, horizon), or(and(gte(c.dueAt, now), notReminded), and(lt(c.dueAt, now), notEscalated))))
    .orderBy(asc(c.dueAt), asc(c.id))
    .limit(limit);
}

/** Marks the commitment reminded (or escalated) for its current due instant; false when another run did it first or the due moved. */
export async function markSwept(db: Queryable, id: string, dueAt: Date, what: 'reminded' | 'escalated'): Promise<boolean> {
  const column = what === 'reminded' ? c.remindedForDueAt : c.escalatedForDueAt;
  const rows = await db
    .update(c)
    .set(what === 'reminded' ? { remindedForDueAt: dueAt } : { escalatedForDueAt: dueAt })
    .where(and(eq(c.id, id), eq(c.dueAt, dueAt), eq(c.state, 'OPEN'), or(isNull(column), sql`${column} <> ${dueAt}`)))
    .returning({ id: c.id });
  return rows.length > 0;
}

/** Whether any session exists (the demo seed runs once). */
export async function hasAnySession(db: Queryable): Promise<boolean> {
  const [row] = await db.select({ id: s.id }).from(s).limit(1);
  return row !== undefined;
}
