// Reads and writes of the feedback tables (no policy here: the use cases decide who may call them).
import { and, asc, count, desc, eq, gte, inArray, isNotNull, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/database';
import { escapeLike } from '../identity';
import { FEEDBACK_CODE_PREFIX } from '../../../contracts/feedback/feedback.values';
import { feedbackCodeCounters, feedbackEvents, feedbackFollowers, feedbackItems, feedbackPauses, feedbackRatings } from './feedback.tables';
import type { SimilarTerms } from './feedback.search';
import { OPEN_STATES, RUNNING_STATES, type FeedbackState } from './feedback.workflow';

/** Stored rows of the feedback tables. */
export type FeedbackRow = typeof feedbackItems.$inferSelect;
export type NewFeedbackRow = typeof feedbackItems.$inferInsert;
export type FeedbackEventRow = typeof feedbackEvents.$inferSelect;
export type FeedbackPauseRow = typeof feedbackPauses.$inferSelect;
export type FeedbackRatingRow = typeof feedbackRatings.$inferSelect;
export type FeedbackFollowerRow = typeof feedbackFollowers.$inferSelect;

const i = feedbackItems;
const inStates = (states: readonly FeedbackState[]) => inArray(i.state, [...states]);

/** An item by id, or null. */
export async function findItem(db: Queryable, id: string): Promise<FeedbackRow | null> {
  const [row] = await db.select().from(i).where(eq(i.id, id)).limit(1);
  return row ?? null;
}

/** An item by its code (as stored: upper case), or null. */
export async function findItemByCode(db: Queryable, code: string): Promise<FeedbackRow | null> {
  const [row] = await db.select().from(i).where(eq(i.code, code)).limit(1);
  return row ?? null;
}

/** Locks the row for the rest of the transaction (one change of an item at a time). */
export async function lockItem(db: Queryable, id: string): Promise<FeedbackRow | null> {
  const [row] = await db.select().from(i).where(eq(i.id, id)).limit(1).for('update');
  return row ?? null;
}

/** Inserts a new item. */
export async function insertItem(db: Queryable, values: NewFeedbackRow): Promise<FeedbackRow> {
  const [row] = await db.insert(i).values(values).returning();
  return row!;
}

/**
 * Writes `patch` and bumps the version if the row still has `expectedVersion` (and one of `states` when given); null
 * when it moved on meanwhile (the caller answers 409).
 */
export async function updateItem(
  db: Queryable,
  id: string,
  expectedVersion: number,
  patch: Partial<NewFeedbackRow>,
  states?: readonly FeedbackState[],
): Promise<FeedbackRow | null> {
  const conds = [eq(i.id, id), eq(i.version, expectedVersion)];
  if (states) conds.push(inStates(states));
  const [row] = await db
    .update(i)
    .set({ ...patch, version: expectedVersion + 1 })
    .where(and(...conds))
    .returning();
  return row ?? null;
}

/** Appends a history entry. */
export async function insertEvent(db: Queryable, values: typeof feedbackEvents.$inferInsert): Promise<void> {
  await db.insert(feedbackEvents).values(values);
}

/** An item's history, oldest first. */
export async function listEvents(db: Queryable, itemId: string): Promise<FeedbackEventRow[]> {
  return db.select().from(feedbackEvents).where(eq(feedbackEvents.itemId, itemId)).orderBy(asc(feedbackEvents.id));
}

/**
 * The next code of `year` ("PAKN-2026-000042"): one counter row per year, incremented in the intake transaction (a code
 * is never reused; one lost to a rollback leaves a gap).
 */
export async function nextCode(db: Queryable, year: number): Promise<string> {
  const [row] = await db
    .insert(feedbackCodeCounters)
    .values({ year, n: 1 })
    .onConflictDoUpdate({ target: feedbackCodeCounters.year, set: { n: sql`${feedbackCodeCounters.n} + 1` } })
    .returning({ n: feedbackCodeCounters.n });
  return `${FEEDBACK_CODE_PREFIX}-${year}-${String(row!.n).padStart(6, '0')}`;
}

// ---------------------------------------------------------------- pauses, followers, ratings

/** Opens a pause of the item's clock. */
export async function insertPause(db: Queryable, values: typeof feedbackPauses.$inferInsert): Promise<void> {
  await db.insert(feedbackPauses).values(values);
}

/** Closes the item's open pause with the sender's reply; null when none is open. */
export async function closeOpenPause(db: Queryable, itemId: string, at: Date, reply: string | null): Promise<FeedbackPauseRow | null> {
  const [row] = await db
    .update(feedbackPauses)
    .set({ toAt: at, reply })
    .where(and(eq(feedbackPauses.itemId, itemId), isNull(feedbackPauses.toAt)))
    .returning();
  return row ?? null;
}

/** An item's pauses, oldest first. */
export async function listPauses(db: Queryable, itemId: string): Promise<FeedbackPauseRow[]> {
  return db.select().from(feedbackPauses).where(eq(feedbackPauses.itemId, itemId)).orderBy(asc(feedbackPauses.fromAt));
}

/** Adds a follower unless the same account (or the same merged duplicate) already follows; true when added. */
export async function addFollower(db: Queryable, values: typeof feedbackFollowers.$inferInsert): Promise<boolean> {
  const rows = await db.insert(feedbackFollowers).values(values).onConflictDoNothing().returning({ id: feedbackFollowers.id });
  return rows.length > 0;
}

/** An item's followers, in the order they came. */
export async function listFollowers(db: Queryable, itemId: string): Promise<FeedbackFollowerRow[]> {
  return db.select().from(feedbackFollowers).where(eq(feedbackFollowers.itemId, itemId)).orderBy(asc(feedbackFollowers.createdAt), asc(feedbackFollowers.id));
}

/** Followers per item (items without any are absent). */
export async function followerCounts(db: Queryable, itemIds: readonly string[]): Promise<Map<string, number>> {
  if (itemIds.length === 0) return new Map();
  const rows = await db
    .select({ id: feedbackFollowers.itemId, n: count() })
    .from(feedbackFollowers)
    .where(inArray(feedbackFollowers.itemId, [...new Set(itemIds)]))
    .groupBy(feedbackFollowers.itemId);
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

/** Records a rating unless the round is rated already; true when recorded. */
export async function insertRating(db: Queryable, values: typeof feedbackRatings.$inferInsert): Promise<boolean> {
  const rows = await db.insert(feedbackRatings).values(values).onConflictDoNothing().returning({ id: feedbackRatings.id });
  return rows.length > 0;
}

/** An item's ratings by round. */
export async function listRatings(db: Queryable, itemId: string): Promise<FeedbackRatingRow[]> {
  return db.select().from(feedbackRatings).where(eq(feedbackRatings.itemId, itemId)).orderBy(asc(feedbackRatings.round));
}

/** The latest rating of each item (for the public pages), by item id. */
export async function latestRatings(db: Queryable, itemIds: readonly string[]): Promise<Map<string, FeedbackRatingRow>> {
  if (itemIds.length === 0) return new Map();
  const rows = await db
    .select()
    .from(feedbackRatings)
    .where(inArray(feedbackRatings.itemId, [...new Set(itemIds)]))
    .orderBy(asc(feedbackRatings.round));
  return new Map(rows.map((r) => [r.itemId, r]));
}

// ---------------------------------------------------------------- officers' queue

/** The officers' queue filters, the units already resolved from the caller's grants. */
export interface QueueFilter {
  /** The units whose items the caller reads; null: the whole province. */
  unitIds: readonly string[] | null;
  state?: FeedbackState;
  overdue?: boolean;
  q?: string[];
  code?: string;
  now: Date;
  page: number;
  pageSize: number;
}

/** One page of the queue, soonest due first. */
export async function listQueue(db: Queryable, f: QueueFilter): Promise<{ rows: FeedbackRow[]; total: number }> {
  if (f.unitIds !== null && f.unitIds.length === 0) return { rows: [], total: 0 };
  const conds: SQL[] = [];
  if (f.unitIds !== null) conds.push(inArray(i.assignedUnitId, [...f.unitIds]));
  if (f.state) conds.push(eq(i.state, f.state));
  if (f.overdue !== undefined) {
    const overdue = and(inStates(RUNNING_STATES), lt(i.dueAt, f.now))!;
    conds.push(f.overdue ? overdue : sql`not (${overdue})`);
  }
  if (f.code) conds.push(eq(i.code, f.code));
  for (const word of f.q ?? []) conds.push(sql`${i.searchText} like ${`%${escapeLike(word)}%`}`);
  const where = and(...conds);
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(i)
      .where(where)
      .orderBy(sql`case when ${i.state} in ('NEW','IN_PROGRESS','INFO_REQUESTED','AWAITING_APPROVAL') then 0 else 1 end`, asc(i.dueAt), asc(i.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(i).where(where),
  ]);
  return { rows, total: Number(totals[0]?.n ?? 0) };
}

/** The items a portal account filed, newest first. */
export async function listByAccount(db: Queryable, accountId: string, limit: number): Promise<FeedbackRow[]> {
  return db.select().from(i).where(eq(i.accountId, accountId)).orderBy(desc(i.receivedAt), desc(i.id)).limit(limit);
}

// ---------------------------------------------------------------- public

const published = isNotNull(i.publishedAt);
const publishedWords = (words: readonly string[]) => words.map((w) => sql`(' ' || ${i.publishedSearchText} || ' ') like ${`% ${escapeLike(w)}%`}`);

/** The public list's filters. */
export interface PublicFilter {
  q: string[];
  procedureCode?: string;
  field?: string;
  unitId?: string;
  page: number;
  pageSize: number;
}

/** One page of the published items, newest answer first; every word of `q` must start a word of the published text. */
export async function listPublished(db: Queryable, f: PublicFilter): Promise<{ rows: FeedbackRow[]; total: number }> {
  const conds: SQL[] = [published, ...publishedWords(f.q)];
  if (f.procedureCode) conds.push(eq(i.procedureCode, f.procedureCode));
  if (f.field) conds.push(eq(i.procedureField, f.field));
  if (f.unitId) conds.push(eq(i.assignedUnitId, f.unitId));
  const where = and(...conds);
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(i)
      .where(where)
      .orderBy(desc(i.publishedAt), desc(i.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(i).where(where),
  ]);
  return { rows, total: Number(totals[0]?.n ?? 0) };
}

/** A published item by code, or null (unknown and unpublished alike). */
export async function findPublished(db: Queryable, code: string): Promise<FeedbackRow | null> {
  const [row] = await db
    .select()
    .from(i)
    .where(and(eq(i.code, code), published))
    .limit(1);
  return row ?? null;
}

/**
 * Published items sharing the most distinctive words with a query: a word counts once, an adjacent pair of the query
 * found as such once more; at least `minWords` words must be found. Best first, then newest answer.
 */
export async function similarPublished(db: Queryable, terms: SimilarTerms, limit: number): Promise<FeedbackRow[]> {
  const spaced = sql`(' ' || ${i.publishedSearchText} || ' ')`;
  const hit = (t: string) => sql`(strpos(${spaced}, ${` ${t} `}) > 0)::int`;
  const words = sql.join(
    terms.words.map((w) => hit(w)),
    sql` + `,
  );
  const pairs = terms.pairs.length ? sql.join(terms.pairs.map(hit), sql` + `) : sql`0`;
  const wordScore = sql<number>`(${words})`;
  return db
    .select()
    .from(i)
    .where(and(published, sql`${wordScore} >= ${terms.minWords}`))
    .orderBy(sql`${wordScore} + ${pairs} desc`, desc(i.publishedAt), desc(i.id))
    .limit(limit);
}

/** GeoReport v2 filters over the published items. */
export interface Open311Filter {
  codes?: string[];
  kinds?: string[];
  status?: Array<'open' | 'closed'>;
  from?: Date;
  to?: Date;
  page: number;
  pageSize: number;
}

/** Published items for Open311, oldest request first (a client pages through them in a stable order). */
export async function listOpen311(db: Queryable, f: Open311Filter): Promise<FeedbackRow[]> {
  const conds: SQL[] = [published];
  if (f.codes) conds.push(inArray(i.code, f.codes));
  if (f.kinds) conds.push(inArray(i.kind, f.kinds as Array<'regulation' | 'conduct'>));
  if (f.status && f.status.length === 1) conds.push(f.status[0] === 'closed' ? eq(i.state, 'ANSWERED') : sql`${i.state} <> 'ANSWERED'`);
  if (f.from) conds.push(gte(i.receivedAt, f.from));
  if (f.to) conds.push(lte(i.receivedAt, f.to));
  return db
    .select()
    .from(i)
    .where(and(...conds))
    .orderBy(asc(i.receivedAt), asc(i.id))
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
}

/** One row of the counts by unit. */
export interface UnitCounts {
  unitId: string;
  received: number;
  answered: number;
  answeredOnTime: number;
  open: number;
  openOverdue: number;
  outOfScope: number;
}

/** Counts by assigned unit of the items received in [from, to) (merged duplicates left out). */
export async function countsByUnit(db: Queryable, range: { from: Date | null; to: Date | null }, now: Date): Promise<UnitCounts[]> {
  const conds: SQL[] = [sql`${i.state} <> 'MERGED'`];
  if (range.from) conds.push(gte(i.receivedAt, range.from));
  if (range.to) conds.push(lt(i.receivedAt, range.to));
  const openSql = sql.raw(`(${OPEN_STATES.map((s) => `'${s}'`).join(',')})`);
  const runningSql = sql.raw(`(${RUNNING_STATES.map((s) => `'${s}'`).join(',')})`);
  const rows = await db
    .select({
      unitId: i.assignedUnitId,
      received: sql<number>`count(*)::int`,
      // Answered once at least: an item reopened and being handled again counts with its first answer.
      answered: sql<number>`count(*) filter (where ${i.answeredAt} is not null)::int`,
      answeredOnTime: sql<number>`count(*) filter (where ${i.answeredAt} is not null and not ${i.answeredLate})::int`,
      open: sql<number>`count(*) filter (where ${i.state} in ${openSql})::int`,
      openOverdue: sql<number>`count(*) filter (where ${i.state} in ${runningSql} and ${i.dueAt} < ${now})::int`,
      outOfScope: sql<number>`count(*) filter (where ${i.state} = 'OUT_OF_SCOPE')::int`,
    })
    .from(i)
    .where(and(...conds))
    .groupBy(i.assignedUnitId);
  return rows.map((r) => ({ ...r, received: Number(r.received) }));
}

/**
 * Items whose clock runs and whose counting window (clock start to due) overlaps [from, to): those a calendar change
 * over that span can move. A paused item is left out: its due is unknown until the reply, which counts it on the
 * calendar then in force. Feedback volumes are small (a province receives hundreds a year), so they are read at once.
 */
export async function runningInWindow(db: Queryable, span: { from: Date; to: Date }): Promise<FeedbackRow[]> {
  return db
    .select()
    .from(i)
    .where(and(inStates(RUNNING_STATES), gte(i.dueAt, span.from), lt(i.clockStartedAt, span.to)))
    .orderBy(asc(i.dueAt), asc(i.id));
}

// ---------------------------------------------------------------- the reminder sweep

/**
 * Items whose clock runs and whose due instant is before `horizon`, not yet handled by the sweep for that due instant
 * (reminded before it, or escalated after it), soonest due first, at most `limit`.
 */
export async function sweepBatch(db: Queryable, now: Date, horizon: Date, limit: number): Promise<FeedbackRow[]> {
  const notReminded = or(isNull(i.remindedForDueAt), sql`${i.remindedForDueAt} <> ${i.dueAt}`);
  const notEscalated = or(isNull(i.escalatedForDueAt), sql`${i.escalatedForDueAt} <> ${i.dueAt}`);
  return db
    .select()
    .from(i)
    .where(and(inStates(RUNNING_STATES), lt(i.dueAt, horizon), or(and(gte(i.dueAt, now), notReminded), and(lt(i.dueAt, now), notEscalated))))
    .orderBy(asc(i.dueAt), asc(i.id))
    .limit(limit);
}

/** Marks the item reminded (or escalated) for its current due instant; false when another run did it first or the due moved. */
export async function markSwept(db: Queryable, id: string, dueAt: Date, what: 'reminded' | 'escalated'): Promise<boolean> {
  const column = what === 'reminded' ? i.remindedForDueAt : i.escalatedForDueAt;
  const rows = await db
    .update(i)
    .set(what === 'reminded' ? { remindedForDueAt: dueAt } : { escalatedForDueAt: dueAt })
    .where(and(eq(i.id, id), eq(i.dueAt, dueAt), inStates(RUNNING_STATES), or(isNull(column), sql`${column} <> ${dueAt}`)))
    .returning({ id: i.id });
  return rows.length > 0;
}

// ---------------------------------------------------------------- the dashboards' numbers

/** How the dashboards split the feedback numbers (issue 14 item 6). */
export type FeedbackIndicatorDimension = 'unit' | 'channel' | 'procedure' | 'kind';

/** One group's counts: items received in the period, what became of them by now, and their senders' latest ratings. */
export interface FeedbackIndicatorCounts {
  key: string;
  /** The procedure's name as the items stored it (only by procedure). */
  name: string | null;
  received: number;
  answered: number;
  answeredOnTime: number;
  open: number;
  openOverdue: number;
  outOfScope: number;
  rated: number;
  satisfied: number;
}

/**
 * Items assigned to `unitIds` and received in [from, to), merged duplicates left out (their senders follow the kept
 * item), grouped by `by`. Answered counts an item answered at least once (a reopened one keeps its first answer), on
 * time when approved no later than its due (§19.8); rated and satisfied read each item's latest rating.
 */
export async function feedbackIndicatorCounts(
  db: Queryable,
  args: { unitIds: readonly string[]; from: Date; to: Date; by: FeedbackIndicatorDimension; now: Date },
): Promise<FeedbackIndicatorCounts[]> {
  if (args.unitIds.length === 0) return [];
  const key = {
    unit: sql<string>`${i.assignedUnitId}::text`,
    channel: sql<string>`${i.channel}`,
    procedure: sql<string>`coalesce(${i.procedureCode}, '')`,
    kind: sql<string>`coalesce(${i.kind}, '')`,
  }[args.by];
  const openSql = sql.raw(`(${OPEN_STATES.map((s) => `'${s}'`).join(',')})`);
  const runningSql = sql.raw(`(${RUNNING_STATES.map((s) => `'${s}'`).join(',')})`);
  const latest = sql`(select r.rating from ${feedbackRatings} r where r.item_id = ${i.id} order by r.round desc limit 1)`;
  const rows = await db
    .select({
      key,
      name: sql<string | null>`max(${i.procedureName})`,
      received: sql<number>`count(*)::int`,
      answered: sql<number>`count(*) filter (where ${i.answeredAt} is not null)::int`,
      answeredOnTime: sql<number>`count(*) filter (where ${i.answeredAt} is not null and not ${i.answeredLate})::int`,
      open: sql<number>`count(*) filter (where ${i.state} in ${openSql})::int`,
      openOverdue: sql<number>`count(*) filter (where ${i.state} in ${runningSql} and ${i.dueAt} < ${args.now})::int`,
      outOfScope: sql<number>`count(*) filter (where ${i.state} = 'OUT_OF_SCOPE')::int`,
      rated: sql<number>`count(*) filter (where ${latest} is not null)::int`,
      satisfied: sql<number>`count(*) filter (where ${latest} = 'satisfied')::int`,
    })
    .from(i)
    .where(and(sql`${i.state} <> 'MERGED'`, inArray(i.assignedUnitId, [...args.unitIds]), gte(i.receivedAt, args.from), lt(i.receivedAt, args.to)))
    .groupBy(key);
  return rows.map((r) => ({
    ...r,
    received: Number(r.received),
    answered: Number(r.answered),
    answeredOnTime: Number(r.answeredOnTime),
    open: Number(r.open),
    openOverdue: Number(r.openOverdue),
    outOfScope: Number(r.outOfScope),
    rated: Number(r.rated),
    satisfied: Number(r.satisfied),
  }));
}
