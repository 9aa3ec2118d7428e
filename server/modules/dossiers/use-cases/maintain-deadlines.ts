// Deadline upkeep: the at-risk sweep, and due recomputation after a published calendar changed (§19 row 10).
import { and, asc, eq, getTableColumns, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import { CalendarError, toVnIso, vnInstant, type WorkingCalendar } from '../../../platform/calendar';
import type { CalendarChange, CalendarChangedEvent } from '../../../platform/calendar/store';
import { withTransaction, type Ctx } from '../../../platform/context/context';
import { executeNamed, type NamedStatement, type Queryable } from '../../../platform/db/database';
import { calendarCache, calendarOrNone, dueOf, dueProvisionalOf, hopDueOf, toPauses } from '../dossiers.deadlines';
import { notifyApplicant } from '../dossiers.notify';
import { refreshPublicViews } from '../dossiers.public-view';
import { changeDossier, setHopDue, type DossierRow, type HopRow, type PauseRow } from '../dossiers.repository';
import { dossierPauses, dossiers, dossierSteps } from '../dossiers.tables';
import { OPEN_STATES, RUNNING_STATES, type DossierState } from '../dossiers.workflow';
import { riskAfter } from './transition-dossier';

/** Rows handled per sweep run (house rule: sweeps are capped). */
export const SWEEP_LIMIT = 500;

// The state lists are written into the SQL rather than passed as parameters: only a literal list lets the planner prove
// that the query implies a partial index's predicate (the indexes at the end of dossiers.tables.ts) in every plan.
const stateList = (states: readonly DossierState[]) => sql.raw(`(${states.map((s) => `'${s}'`).join(',')})`);
const RUNNING_SQL = stateList(RUNNING_STATES);
const OPEN_SQL = stateList(OPEN_STATES);

async function pausesByDossier(q: Queryable, ids: string[]): Promise<Map<string, PauseRow[]>> {
  const out = new Map<string, PauseRow[]>();
  if (ids.length === 0) return out;
  const rows = await q.select().from(dossierPauses).where(inArray(dossierPauses.dossierId, ids)).orderBy(asc(dossierPauses.fromAt));
  for (const r of rows) out.set(r.dossierId, [...(out.get(r.dossierId) ?? []), r]);
  return out;
}

async function openStepHops(q: Queryable, ids: string[]): Promise<Map<string, HopRow>> {
  if (ids.length === 0) return new Map();
  const rows = await q
    .select()
    .from(dossierSteps)
    .where(and(inArray(dossierSteps.dossierId, ids), eq(dossierSteps.kind, 'step'), isNull(dossierSteps.finishedAt)));
  return new Map(rows.map((h) => [h.dossierId, h]));
}

const MARK_AT_RISK: NamedStatement = {
  name: 'dossiers_mark_at_risk_v1',
  text: `update dossiers d set at_risk = v.at_risk, at_risk_checked_at = $2::timestamptz
         from jsonb_to_recordset($1::jsonb) as v(id uuid, at_risk boolean) where d.id = v.id`,
};

/** The at-risk sweep's read: running dossiers, least recently checked first (a query; dossiers.sweeps.test.ts plans it). */
export function atRiskBatch(q: Queryable, limit: number) {
  return q
    .select()
    .from(dossiers)
    .where(sql`${dossiers.state} in ${RUNNING_SQL}`)
    .orderBy(sql`${dossiers.atRiskCheckedAt} asc nulls first`, asc(dossiers.id))
    .limit(limit);
}

/**
 * `dossiers.sweep-at-risk`: recomputes the at-risk flag of running dossiers, least recently checked first, at most
 * `limit` per run; marks each handled row (`at_risk_checked_at`). Idempotent: a second run at the same instant changes
 * nothing. The flag is derived data, so it is not audited and does not bump the dossier's version. Reads the running
 * dossiers in dossiers_running_risk_check_idx order, so it never touches the finished history.
 */
export async function sweepAtRisk(ctx: Ctx, options: { limit?: number } = {}): Promise<{ checked: number; flagged: number; cleared: number }> {
  const now = ctx.clock.now();
  const rows = await atRiskBatch(ctx.db, Math.min(options.limit ?? SWEEP_LIMIT, 10_000));
  const ids = rows.map((r) => r.id);
  const [pauses, hops] = await Promise.all([pausesByDossier(ctx.db, ids), openStepHops(ctx.db, ids)]);
  const calendars = calendarCache(ctx.db);
  let flagged = 0;
  let cleared = 0;
  const updates: Array<{ id: string; at_risk: boolean }> = [];
  for (const row of rows) {
    // Without any published calendar the flag cannot be computed and keeps its value; other failures stop the sweep.
    const cal = await calendarOrNone(calendars(row.calendarUnitCode));
    const atRisk = cal ? riskAfter(row, now, cal, toPauses(pauses.get(row.id) ?? []), hops.get(row.id) ?? null) : row.atRisk;
    if (atRisk && !row.atRisk) flagged++;
    if (!atRisk && row.atRisk) cleared++;
    updates.push({ id: row.id, at_risk: atRisk });
  }
  // One statement for the whole run (atomic, like the transaction it replaces).
  if (updates.length) await executeNamed(ctx.db, MARK_AT_RISK, [JSON.stringify(updates), now.toISOString()]);
  return { checked: rows.length, flagged, cleared };
}

const BATCH = 500;

/** Where a batch read stopped: the last row's due instant (as PostgreSQL prints it, so no precision is lost) and id. */
export type DueCursor = { due: string; id: string };
type OpenRow = DossierRow & { dueKey: string };

/**
 * The open dossiers a change can move, in (due, id) order after `cursor`: those whose counting window overlaps the
 * dates the change touched (`span`, CalendarChange.changedSpan), i.e. received before its end and due at or after its
 * start. A due instant is counted from reception to itself over the pauses that ended (intake, resume and this
 * recompute store it so), and it reads no date outside that window (differingSpan), so any other open dossier keeps its
 * due. One with a pause still open from before its due has no due on either calendar and does not move either way. A
 * unit's own hours concern only its dossiers. Served by dossiers_open_due_id_idx, or dossiers_open_calendar_due_idx for
 * one unit (a query; dossiers.sweeps.test.ts plans it).
 */
export function openBatchQuery(q: Queryable, span: { from: Date; to: Date }, orgUnitCode: string | null, cursor: DueCursor | null) {
  const conds = [sql`${dossiers.state} in ${OPEN_SQL}`, gte(dossiers.dueAt, span.from), lt(dossiers.receivedAt, span.to)];
  if (orgUnitCode) conds.push(eq(dossiers.calendarUnitCode, orgUnitCode));
  if (cursor) conds.push(sql`(${dossiers.dueAt}, ${dossiers.id}) > (${cursor.due}::timestamptz, ${cursor.id}::uuid)`);
  return q
    .select({ ...getTableColumns(dossiers), dueKey: sql<string>`${dossiers.dueAt}::text` })
    .from(dossiers)
    .where(and(...conds))
    .orderBy(asc(dossiers.dueAt), asc(dossiers.id))
    .limit(BATCH);
}

async function openBatch(q: Queryable, change: Pick<CalendarChange, 'orgUnitCode' | 'changedSpan'>, cursor: DueCursor | null): Promise<OpenRow[]> {
  const span = change.changedSpan();
  return span ? openBatchQuery(q, span, change.orgUnitCode, cursor) : [];
}

const cursorOf = (rows: OpenRow[]): DueCursor => ({ due: rows[rows.length - 1]!.dueKey, id: rows[rows.length - 1]!.id });

const durationOf = (row: DossierRow) => ({ amount: Number(row.durationAmount), unit: row.durationUnit });

/** The due instant on `cal`, or null when it cannot be known (open pause) or computed (year not covered). */
function safeDue(row: DossierRow, cal: WorkingCalendar | null, pauses: PauseRow[]): Date | null {
  if (!cal) return null;
  try {
    return dueOf(row.receivedAt, durationOf(row), cal, toPauses(pauses));
  } catch (err) {
    // Past the provisional years too (CALENDAR_NOT_AVAILABLE): the stored due stays; anything else is a fault.
    if (err instanceof CalendarError) return null;
    throw err;
  }
}

/**
 * Calendar impact provider: how many open dossiers would get another due instant (§19 row 10 — the admin sees
 * this before confirming a change).
 */
export async function countDossiersAffected(q: Queryable, change: CalendarChange): Promise<number> {
  let affected = 0;
  let cursor: DueCursor | null = null;
  for (;;) {
    const rows = await openBatch(q, change, cursor);
    if (rows.length === 0) return affected;
    const pauses = await pausesByDossier(
      q,
      rows.map((r) => r.id),
    );
    for (const row of rows) {
      const cals = row.calendarUnitCode ? change.forUnit(row.calendarUnitCode) : { before: change.before, after: change.after };
      const p = pauses.get(row.id) ?? [];
      const before = safeDue(row, cals.before, p);
      const after = safeDue(row, cals.after, p);
      if (after && (!before || before.getTime() !== after.getTime())) affected++;
    }
    cursor = cursorOf(rows);
  }
}

/** Open dossiers whose appointment relies on a year not yet published (provider for the administrators' warning). */
export async function countProvisionalDossiers(q: Queryable, provisionalFrom: Date): Promise<number> {
  const [row] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(dossiers)
    .where(and(inArray(dossiers.state, [...OPEN_STATES]), sql`greatest(${dossiers.dueAt}, ${dossiers.extendedDueAt}) >= ${provisionalFrom}`));
  return Number(row?.n ?? 0);
}

/** The year a publication confirmed, when the calendar in force before counted it provisionally (a generated year). */
function confirmedYear(event: CalendarChangedEvent): number | null {
  if (event.kind !== 'year-published') return null;
  const year = event.years[0];
  return event.before?.years.some((y) => y.year === year && y.status === 'draft') ? year! : null;
}

/**
 * `calendar.changed` handler: recomputes the due instant of every open dossier the change can move (openBatch) on the
 * new calendar (finished ones keep their classification), recording the change and its reason on the public timeline, notifying the applicant and
 * auditing each dossier that moved. A dossier changed concurrently by an officer is read again and retried once.
 * When the publication confirms a year that was counted provisionally, the lookup views of the dossiers due in it are
 * stored again too: their appointment is no longer marked provisional even where it did not move.
 */
export async function recomputeForCalendarChange(ctx: Ctx, event: CalendarChangedEvent): Promise<{ moved: number }> {
  const now = ctx.clock.now();
  let moved = 0;
  let cursor: DueCursor | null = null;
  for (;;) {
    const rows = await openBatch(ctx.db, event, cursor);
    if (rows.length === 0) break;
    // The cursor keeps the due each row was read with: a dossier moved later is met again and found already current.
    cursor = cursorOf(rows);
    for (const first of rows) {
      for (let attempt = 0; attempt < 2; attempt++) {
        const row = attempt === 0 ? first : ((await ctx.db.select().from(dossiers).where(eq(dossiers.id, first.id)))[0] ?? null);
        if (!row || !OPEN_STATES.includes(row.state)) break;
        const cals = row.calendarUnitCode ? event.forUnit(row.calendarUnitCode) : { before: event.before, after: event.after };
        const cal = cals.after;
        const pauses = (await pausesByDossier(ctx.db, [row.id])).get(row.id) ?? [];
        const due = safeDue(row, cal, pauses);
        if (!cal || !due || due.getTime() === row.dueAt.getTime()) break;
        // A provisional appointment that the published calendar now fixes is announced as such (§19 row 10).
        const confirmed = cals.before !== null && dueProvisionalOf(row, cals.before) && !dueProvisionalOf({ ...row, dueAt: due }, cal);
        const ok = await applyRecomputedDue(ctx, row, due, cal, pauses, event, now, confirmed);
        if (ok) {
          moved++;
          break;
        }
      }
    }
  }
  const year = confirmedYear(event);
  if (year !== null) await refreshViewsDueIn(ctx, year);
  return { moved };
}

/**
 * Stores again the lookup views of every dossier whose appointment falls in `year` (batches in appointment order, read
 * through dossiers_last_due_idx): publishing the year made them official without changing their rows, so
 * changeDossier did not run for those that did not move. Finished dossiers are included: their view shows the mark too.
 */
async function refreshViewsDueIn(ctx: Ctx, year: number): Promise<void> {
  let cursor: DueCursor | null = null;
  for (;;) {
    const rows = await viewsDueInBatch(ctx.db, year, cursor);
    if (rows.length === 0) return;
    await refreshPublicViews(
      ctx.db,
      rows.map((r) => r.id),
    );
    cursor = { due: rows[rows.length - 1]!.due, id: rows[rows.length - 1]!.id };
  }
}

/** Dossiers whose last appointment falls in `year`, after `cursor` (a query; dossiers.sweeps.test.ts plans it). */
export function viewsDueInBatch(q: Queryable, year: number, cursor: DueCursor | null) {
  const from = vnInstant(`${year}-01-01`);
  const to = vnInstant(`${year + 1}-01-01`);
  // The expression exactly as dossiers_last_due_idx has it.
  const last = sql`greatest(${dossiers.dueAt}, ${dossiers.extendedDueAt})`;
  const conds = [sql`${last} >= ${from.toISOString()}::timestamptz`, sql`${last} < ${to.toISOString()}::timestamptz`];
  if (cursor) conds.push(sql`(${last}, ${dossiers.id}) > (${cursor.due}::timestamptz, ${cursor.id}::uuid)`);
  return q
    .select({ id: dossiers.id, due: sql<string>`${last}::text` })
    .from(dossiers)
    .where(and(...conds))
    .orderBy(last, asc(dossiers.id))
    .limit(BATCH);
}

async function applyRecomputedDue(
  ctx: Ctx,
  row: DossierRow,
  due: Date,
  cal: WorkingCalendar,
  pauses: PauseRow[],
  event: CalendarChangedEvent,
  now: Date,
  confirmed: boolean,
): Promise<boolean> {
  const hop = (await openStepHops(ctx.db, [row.id])).get(row.id) ?? null;
  const enginePauses = toPauses(pauses);
  const atRisk = riskAfter({ ...row, dueAt: due }, now, cal, enginePauses, hop);
  const kind = confirmed ? 'calendar-confirmed' : 'calendar-change';
  try {
    return await withTransaction(ctx, async (scope) => {
      const params = { reason: event.reason, before: toVnIso(row.dueAt), after: toVnIso(due), ...(confirmed ? { year: event.years[0]! } : {}) };
      const entry = { at: now, kind, public: true, params, note: event.reason, actorId: null, actorLabel: 'system' };
      const updated = await changeDossier(scope.tx, row.id, row.version, { dueAt: due, atRisk, atRiskCheckedAt: now, updatedAt: now }, entry);
      if (!updated) throw new Error('version moved');
      if (hop) await setHopDue(scope.tx, hop.id, hopDueOf(hop.startedAt, hop.budgetMinutes, cal, enginePauses));
      // One message per moved appointment: the key is the calendar revision that moved it.
      await notifyApplicant(scope, {
        subjectId: row.id,
        code: row.code,
        procedureName: row.procedureName,
        kind,
        params,
        state: updated.state,
        due: updated.extendedDueAt ?? updated.dueAt,
        email: row.applicantEmail,
        phone: row.applicantPhone,
        channels: row.applicantNotifyChannels,
        dedupe: `calendar-change:${event.revision}`,
      });
      await scope.audit({
        action: 'dossiers.due-recomputed',
        subjectType: 'dossier',
        subjectId: row.id,
        before: { version: row.version, dueAt: toVnIso(row.dueAt) },
        after: { version: updated.version, dueAt: toVnIso(due), calendarRevision: event.revision, reason: event.reason, provisionalConfirmed: confirmed },
      });
      return true;
    });
  } catch (err) {
    if (err instanceof Error && err.message === 'version moved') return false;
    throw err;
  }
}
