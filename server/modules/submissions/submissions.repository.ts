// Reads and writes of the submissions tables (no policy here: the use cases decide who may call them).
import { and, asc, count, desc, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/database';
import { submissionEvents, submissionFiles, submissionReferenceCounters, submissions } from './submissions.tables';
import type { SubmissionState } from './submissions.workflow';
import { SUBMISSION_REFERENCE_PREFIX } from '../../../contracts/submissions/submissions.values';

export type SubmissionRow = typeof submissions.$inferSelect;
export type NewSubmissionRow = typeof submissions.$inferInsert;
export type SubmissionFileRow = typeof submissionFiles.$inferSelect;
export type SubmissionEventRow = typeof submissionEvents.$inferSelect;

export async function findSubmission(db: Queryable, id: string): Promise<SubmissionRow | null> {
  const [row] = await db.select().from(submissions).where(eq(submissions.id, id)).limit(1);
  return row ?? null;
}

/** The application picked up from the national portal under this national code, if any. */
export async function findByNationalCode(db: Queryable, nationalCode: string): Promise<SubmissionRow | null> {
  const [row] = await db.select().from(submissions).where(eq(submissions.nationalCode, nationalCode)).limit(1);
  return row ?? null;
}

/** Locks the row for the rest of the transaction (file changes and state changes of one submission run one at a time). */
export async function lockSubmission(db: Queryable, id: string): Promise<SubmissionRow | null> {
  const [row] = await db.select().from(submissions).where(eq(submissions.id, id)).limit(1).for('update');
  return row ?? null;
}

export async function insertSubmission(db: Queryable, values: NewSubmissionRow): Promise<SubmissionRow> {
  const [row] = await db.insert(submissions).values(values).returning();
  return row!;
}

/**
 * Writes `patch` and bumps the version if the row still has `expectedVersion` (and, when given, one of `states`);
 * null when it moved on meanwhile (the caller answers 409 with what is stored now).
 */
export async function updateSubmission(
  db: Queryable,
  id: string,
  expectedVersion: number,
  patch: Partial<NewSubmissionRow>,
  states?: readonly SubmissionState[],
): Promise<SubmissionRow | null> {
  const conds = [eq(submissions.id, id), eq(submissions.version, expectedVersion)];
  if (states) conds.push(inArray(submissions.state, [...states]));
  const [row] = await db
    .update(submissions)
    .set({ ...patch, version: expectedVersion + 1 })
    .where(and(...conds))
    .returning();
  return row ?? null;
}

/** The files the submission holds now (not those removed after an earlier round), in upload order. */
export async function listFiles(db: Queryable, submissionId: string): Promise<SubmissionFileRow[]> {
  return db
    .select()
    .from(submissionFiles)
    .where(and(eq(submissionFiles.submissionId, submissionId), isNull(submissionFiles.removedAt)))
    .orderBy(asc(submissionFiles.uploadedAt), asc(submissionFiles.id));
}

/** One file the submission holds now, or null. */
export async function findFile(db: Queryable, submissionId: string, fileId: string): Promise<SubmissionFileRow | null> {
  const [row] = await db
    .select()
    .from(submissionFiles)
    .where(and(eq(submissionFiles.submissionId, submissionId), eq(submissionFiles.id, fileId), isNull(submissionFiles.removedAt)))
    .limit(1);
  return row ?? null;
}

/** Marks the files going to the desk now as submitted (kept from now on). */
export async function markFilesSubmitted(db: Queryable, submissionId: string, at: Date): Promise<void> {
  await db
    .update(submissionFiles)
    .set({ submittedAt: at })
    .where(and(eq(submissionFiles.submissionId, submissionId), isNull(submissionFiles.submittedAt), isNull(submissionFiles.removedAt)));
}

/** Takes a submitted file out of the submission, keeping it for the record of the round it was part of. */
export async function markFileRemoved(db: Queryable, id: string, at: Date): Promise<void> {
  await db.update(submissionFiles).set({ removedAt: at }).where(eq(submissionFiles.id, id));
}

/** Files per requirement key. */
export function countByRequirement(files: readonly Pick<SubmissionFileRow, 'requirementKey'>[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of files) out.set(f.requirementKey, (out.get(f.requirementKey) ?? 0) + 1);
  return out;
}

export async function insertFile(db: Queryable, values: typeof submissionFiles.$inferInsert): Promise<SubmissionFileRow> {
  const [row] = await db.insert(submissionFiles).values(values).returning();
  return row!;
}

export async function deleteFile(db: Queryable, id: string): Promise<void> {
  await db.delete(submissionFiles).where(eq(submissionFiles.id, id));
}

/** Moves files from one requirement key to another (a draft moved to a new catalog version, matched by name). */
export async function rekeyFiles(db: Queryable, submissionId: string, from: string, to: string): Promise<void> {
  await db
    .update(submissionFiles)
    .set({ requirementKey: to })
    .where(and(eq(submissionFiles.submissionId, submissionId), eq(submissionFiles.requirementKey, from), isNull(submissionFiles.removedAt)));
}

export async function insertEvent(db: Queryable, values: typeof submissionEvents.$inferInsert): Promise<void> {
  await db.insert(submissionEvents).values(values);
}

export async function listEvents(db: Queryable, submissionId: string): Promise<SubmissionEventRow[]> {
  return db.select().from(submissionEvents).where(eq(submissionEvents.submissionId, submissionId)).orderBy(asc(submissionEvents.id));
}

/**
 * The next tracking reference of `year` ("DK-2026-000042"): one counter row per year, incremented in the submitting
 * transaction (a reference is never reused; one lost to a rollback leaves a gap, which a tracking number may have).
 */
export async function nextReference(db: Queryable, year: number): Promise<string> {
  const [row] = await db
    .insert(submissionReferenceCounters)
    .values({ year, n: 1 })
    .onConflictDoUpdate({ target: submissionReferenceCounters.year, set: { n: sql`${submissionReferenceCounters.n} + 1` } })
    .returning({ n: submissionReferenceCounters.n });
  return `${SUBMISSION_REFERENCE_PREFIX}-${year}-${String(row!.n).padStart(6, '0')}`;
}

/** One page of an account's submissions, most recently changed first. */
export async function listByAccount(
  db: Queryable,
  accountId: string,
  filter: { state?: SubmissionState; page: number; pageSize: number },
): Promise<{ rows: SubmissionRow[]; total: number }> {
  const where = and(eq(submissions.accountId, accountId), filter.state ? eq(submissions.state, filter.state) : undefined);
  const [rows, totals] = await Promise.all([
    db
      .select()
      .from(submissions)
      .where(where)
      .orderBy(desc(submissions.updatedAt), desc(submissions.id))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db.select({ n: count() }).from(submissions).where(where),
  ]);
  return { rows, total: Number(totals[0]?.n ?? 0) };
}

/** A position in the awaiting queue: the row the page follows. */
export interface AwaitingCursor {
  submittedAt: Date;
  id: string;
}

/**
 * One page of the desks' awaiting queue, oldest submission first, by keyset on (submitted_at, id): `pageSize + 1` rows
 * so the caller knows whether a next page exists. Reads `submissions_awaiting_idx` (partial on state SUBMITTED), so
 * only what waits is touched, however long the history.
 */
export async function awaitingPage(db: Queryable, unitIds: readonly string[], after: AwaitingCursor | null, pageSize: number): Promise<SubmissionRow[]> {
  if (unitIds.length === 0) return [];
  const position = after ? or(gt(submissions.submittedAt, after.submittedAt), and(eq(submissions.submittedAt, after.submittedAt), gt(submissions.id, after.id))) : undefined;
  return db
    .select()
    .from(submissions)
    .where(and(eq(submissions.state, 'SUBMITTED'), inArray(submissions.receivingUnitId, [...unitIds]), position))
    .orderBy(asc(submissions.submittedAt), asc(submissions.id))
    .limit(pageSize + 1);
}

/** How many submissions await reception at these desks. */
export async function countAwaiting(db: Queryable, unitIds: readonly string[]): Promise<number> {
  if (unitIds.length === 0) return 0;
  const [row] = await db
    .select({ n: count() })
    .from(submissions)
    .where(and(eq(submissions.state, 'SUBMITTED'), inArray(submissions.receivingUnitId, [...unitIds])));
  return Number(row?.n ?? 0);
}

/** Number of files per submission, for list rows. */
export async function fileCountsOf(db: Queryable, ids: readonly string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: submissionFiles.submissionId, n: count() })
    .from(submissionFiles)
    .where(and(inArray(submissionFiles.submissionId, [...ids]), isNull(submissionFiles.removedAt)))
    .groupBy(submissionFiles.submissionId);
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

/**
 * The dossiers the desk received from an account's submissions (their ids), for the portal's "my dossiers". Reads the
 * account's rows through `submissions_account_idx`: as many as the account has submissions.
 */
export async function listAccountDossierIds(db: Queryable, accountId: string): Promise<string[]> {
  const rows = await db
    .select({ dossierId: submissions.dossierId })
    .from(submissions)
    .where(and(eq(submissions.accountId, accountId), sql`${submissions.dossierId} is not null`));
  return rows.map((r) => r.dossierId!);
}

/** True when the dossier was received from one of the account's submissions (one lookup by `submissions_dossier_uq`). */
export async function accountOwnsDossier(db: Queryable, accountId: string, dossierId: string): Promise<boolean> {
  const [row] = await db.select({ accountId: submissions.accountId }).from(submissions).where(eq(submissions.dossierId, dossierId)).limit(1);
  return row?.accountId === accountId;
}

/** A desk's decision on a national portal application that made no dossier (a refusal), for the exchange to report. */
export interface NationalIntakeEvent {
  eventId: number;
  submissionId: string;
  nationalCode: string;
  at: Date;
  kind: 'refused';
  reasons: string;
  slip: string;
  actorLabel: string | null;
}

/**
 * Refusals of national portal applications recorded after `afterId` and before `before` (the feed leaves recent ones
 * for a transaction that may still commit a lower id), oldest first. Acceptances are not here: they made a dossier,
 * whose own events report them.
 */
export async function listNationalIntakeEvents(db: Queryable, q: { afterId: number; before: Date; limit: number }): Promise<NationalIntakeEvent[]> {
  const rows = await db
    .select({ e: submissionEvents, nationalCode: submissions.nationalCode })
    .from(submissionEvents)
    .innerJoin(submissions, eq(submissions.id, submissionEvents.submissionId))
    .where(and(gt(submissionEvents.id, q.afterId), sql`${submissionEvents.at} < ${q.before}`, eq(submissions.origin, 'national'), eq(submissionEvents.kind, 'refused')))
    .orderBy(asc(submissionEvents.id))
    .limit(q.limit);
  return rows.map(({ e, nationalCode }) => ({
    eventId: e.id,
    submissionId: e.submissionId,
    nationalCode: nationalCode!,
    at: e.at,
    kind: 'refused' as const,
    reasons: String(e.params.reasons ?? ''),
    slip: String(e.params.slip ?? ''),
    actorLabel: e.actorLabel,
  }));
}

/** The national portal's codes of the dossiers received from national applications, by dossier id (others absent). */
export async function nationalCodesOfDossiers(db: Queryable, dossierIds: readonly string[]): Promise<Map<string, string>> {
  if (dossierIds.length === 0) return new Map();
  const rows = await db
    .select({ dossierId: submissions.dossierId, nationalCode: submissions.nationalCode })
    .from(submissions)
    .where(and(inArray(submissions.dossierId, [...dossierIds]), eq(submissions.origin, 'national')));
  return new Map(rows.map((r) => [r.dossierId!, r.nationalCode!]));
}
