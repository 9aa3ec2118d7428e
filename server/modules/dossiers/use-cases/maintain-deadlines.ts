// Deadline upkeep: the at-risk sweep, and due recomputation after a published calendar changed (§19 row 10).
import { and, asc, eq, gt, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import { CalendarError, toVnIso, vnInstant, type WorkingCalendar } from '../../../platform/calendar';
import type { CalendarChange, CalendarChangedEvent } from '../../../platform/calendar/store';
import { withTransaction, type Ctx } from '../../../platform/context/context';
import type { Queryable } from '../../../platform/db/database';
import { calendarCache, calendarOrNone, dueOf, dueProvisionalOf, hopDueOf, toPauses } from '../dossiers.deadlines';
import { notifyApplicant } from '../dossiers.notify';
import { refreshPublicViews } from '../dossiers.public-view';
import { changeDossier, setHopDue, type DossierRow, type HopRow, type PauseRow } from '../dossiers.repository';
import { dossierPauses, dossiers, dossierSteps } from '../dossiers.tables';
import { OPEN_STATES, RUNNING_STATES } from '../dossiers.workflow';
import { riskAfter } from './transition-dossier';

/** Rows handled per sweep run (house rule: sweeps are capped). */
export const SWEEP_LIMIT = 500;

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

/**
 * `dossiers.sweep-at-risk`: recomputes the at-risk flag of running dossiers, least recently checked first, at most
 * `limit` per run; marks each handled row (`at_risk_checked_at`). Idempotent: a second run at the same instant changes
 * nothing. The flag is derived data, so it is not audited and does not bump the dossier's version.
 */
export async function sweepAtRisk(ctx: Ctx, options: { limit?: number } = {}): Promise<{ checked: number; flagged: number; cleared: number }> {
  const now = ctx.clock.now();
  const rows = await ctx.db
    .select()
    .from(dossiers)
    .where(inArray(dossiers.state, [...RUNNING_STATES]))
    .orderBy(sql`${dossiers.atRiskCheckedAt} asc nulls first`, asc(dossiers.id))
    .limit(Math.min(options.limit ?? SWEEP_LIMIT, 10_000));
  const ids = rows.map((r) => r.id);
  const [pauses, hops] = await Promise.all([pausesByDossier(ctx.db, ids), openStepHops(ctx.db, ids)]);
  const calendars = calendarCache(ctx.db);
  let flagged = 0;
  let cleared = 0;
  const updates: Array<{ id: string; atRisk: boolean }> = [];
  for (const row of rows) {
    // Without any published calendar the flag cannot be computed and keeps its value; other failures stop the sweep.
    const cal = await calendarOrNone(calendars(row.calendarUnitCode));
    const atRisk = cal ? riskAfter(row, now, cal, toPauses(pauses.get(row.id) ?? []), hops.get(row.id) ?? null) : row.atRisk;
    if (atRisk && !row.atRisk) flagged++;
    if (!atRisk && row.atRisk) cleared++;
    updates.push({ id: row.id, atRisk });
  }
  if (updates.length) {
    await ctx.db.transaction(async (tx) => {
      for (const u of updates) await tx.update(dossiers).set({ atRisk: u.atRisk, atRiskCheckedAt: now }).where(eq(dossiers.id, u.id));
    });
  }
  return { checked: rows.length, flagged, cleared };
}

const BATCH = 500;

/** Open dossiers a change concerns, in id order from `afterId` (a unit's own hours concern only its dossiers). */
async function openBatch(q: Queryable, change: Pick<CalendarChange, 'orgUnitCode'>, afterId: string | null): Promise<DossierRow[]> {
  const conds = [inArray(dossiers.state, [...OPEN_STATES])];
  if (change.orgUnitCode) conds.push(eq(dossiers.calendarUnitCode, change.orgUnitCode));
  if (afterId) conds.push(gt(dossiers.id, afterId));
  return q
    .select()
    .from(dossiers)
    .where(and(...conds))
    .orderBy(asc(dossiers.id))
    .limit(BATCH);
}

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
  let afterId: string | null = null;
  for (;;) {
    const rows = await openBatch(q, change, afterId);
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
    afterId = rows[rows.length - 1]!.id;
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
 * `calendar.changed` handler: recomputes the due instant of every open dossier on the new calendar (finished ones keep
 * their classification), recording the change and its reason on the public timeline, notifying the applicant and
 * auditing each dossier that moved. A dossier changed concurrently by an officer is read again and retried once.
 * When the publication confirms a year that was counted provisionally, the lookup views of the dossiers due in it are
 * stored again too: their appointment is no longer marked provisional even where it did not move.
 */
export async function recomputeForCalendarChange(ctx: Ctx, event: CalendarChangedEvent): Promise<{ moved: number }> {
  const now = ctx.clock.now();
  let moved = 0;
  let afterId: string | null = null;
  for (;;) {
    const rows = await openBatch(ctx.db, event, afterId);
    if (rows.length === 0) break;
    afterId = rows[rows.length - 1]!.id;
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
 * Stores again the lookup views of every dossier whose appointment falls in `year` (batches, in id order): publishing
 * the year made them official without changing their rows, so changeDossier did not run for those that did not move.
 */
async function refreshViewsDueIn(ctx: Ctx, year: number): Promise<void> {
  const from = vnInstant(`${year}-01-01`);
  const to = vnInstant(`${year + 1}-01-01`);
  const last = sql`greatest(${dossiers.dueAt}, ${dossiers.extendedDueAt})`;
  let afterId: string | null = null;
  for (;;) {
    const conds = [gte(last, from), lt(last, to)];
    if (afterId) conds.push(gt(dossiers.id, afterId));
    const ids = (
      await ctx.db
        .select({ id: dossiers.id })
        .from(dossiers)
        .where(and(...conds))
        .orderBy(asc(dossiers.id))
        .limit(BATCH)
    ).map((r) => r.id);
    if (ids.length === 0) return;
    await refreshPublicViews(ctx.db, ids);
    afterId = ids[ids.length - 1]!;
  }
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
        email: row.applicantEmail,
        phone: row.applicantPhone,
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
