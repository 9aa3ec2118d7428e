// The daily two-sided reconciliation of the national portal exchange (issue 13 item 4). Outbound: every dossier with a
// change delivered on the day is looked up on the portal (TraCuuHoSo, EXCHANGE_FORMAT.md §3.5) and compared with what
// was sent — the dossier unknown there, its status not ours, progress entries it lacks; each such change is queued again
// (the push is harmless to repeat: '-3' and duplicate progress are delivered). Inbound: national dossiers received but
// not acknowledged, and those failing, are counted (the pickup keeps retrying them). One run per Vietnamese day.
import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { vnDateOf, vnInstant } from '../../../platform/calendar';
import type { Ctx } from '../../../platform/context/context';
import { callNational } from '../exchange.client';
import { exchangeInbound, exchangeOutbox, exchangeReconciliations, type ReconciliationFinding } from '../exchange.tables';
import type { ExchangeRuntime } from './runtime';

/** Codes per lookup (TraCuuHoSo takes at most 100). */
const LOOKUP_BATCH = 100;
/** Findings kept on the day's row; the counts cover all of them. */
const FINDINGS_KEPT = 500;
/** A run still "running" after this long was cut short (the process died): another may take the day over. */
const STALE_RUN_MS = 3_600_000;

type OutboxRow = typeof exchangeOutbox.$inferSelect;

interface PortalRecord {
  MaHoSo: string;
  TrangThaiHoSo: string;
  TienDo: Array<{ TrangThai: string; ThoiDiemXuLy: string }>;
}

/** The day before `now`'s Vietnamese date (yyyy-mm-dd). */
export function previousVnDay(now: Date): string {
  return vnDateOf(new Date(vnInstant(vnDateOf(now)).getTime() - 12 * 3_600_000));
}

/** Claims the day: true when this run is the one to do it (never done, failed, or cut short). */
async function claimDay(ctx: Ctx, day: string): Promise<boolean> {
  const now = ctx.clock.now();
  const inserted = await ctx.db.insert(exchangeReconciliations).values({ day, state: 'running', startedAt: now }).onConflictDoNothing().returning();
  if (inserted.length > 0) return true;
  const retaken = await ctx.db
    .update(exchangeReconciliations)
    .set({ state: 'running', startedAt: now, finishedAt: null, error: null })
    .where(
      and(
        eq(exchangeReconciliations.day, day),
        sql`(${exchangeReconciliations.state} = 'failed' or (${exchangeReconciliations.state} = 'running' and ${exchangeReconciliations.startedAt} < ${new Date(now.getTime() - STALE_RUN_MS)}))`,
      ),
    )
    .returning();
  return retaken.length > 0;
}

/** Compares one dossier's delivered changes with the portal's record; returns the findings and the rows to send again. */
function compare(code: string, rows: readonly OutboxRow[], portal: PortalRecord | undefined): { findings: ReconciliationFinding[]; requeue: number[] } {
  const latest = rows[rows.length - 1]!;
  if (!portal) return { findings: [{ code, kind: 'missing', ours: String(latest.statusCode), theirs: '' }], requeue: rows.map((r) => r.id) };
  const findings: ReconciliationFinding[] = [];
  const requeue = new Set<number>();
  if (portal.TrangThaiHoSo !== String(latest.statusCode)) {
    findings.push({ code, kind: 'status', ours: String(latest.statusCode), theirs: portal.TrangThaiHoSo });
    requeue.add(latest.id);
  }
  const recorded = new Set(portal.TienDo.map((p) => `${p.TrangThai}@${p.ThoiDiemXuLy}`));
  const lacking = rows.filter((r) => !recorded.has(`${String(r.payload.progress.TrangThai)}@${String(r.payload.progress.ThoiDiemXuLy)}`));
  if (lacking.length > 0) {
    findings.push({ code, kind: 'progress', ours: lacking.map((r) => String(r.payload.progress.TrangThai)).join(','), theirs: `${portal.TienDo.length}` });
    for (const r of lacking) requeue.add(r.id);
  }
  return { findings, requeue: [...requeue] };
}

/**
 * Reconciles `day` (default: yesterday in Vietnam) once: returns the day's row, or null when another run has it. A
 * lookup the portal does not answer fails the run (the row says why) and the next run takes the day again.
 */
export async function reconcileExchange(ctx: Ctx, runtime: ExchangeRuntime, day: string = previousVnDay(ctx.clock.now())) {
  if (!(await claimDay(ctx, day))) return null;
  const from = vnInstant(day);
  const to = new Date(from.getTime() + 86_400_000);
  let checked = 0;
  let mismatches = 0;
  let requeued = 0;
  const kept: ReconciliationFinding[] = [];
  try {
    // The dossiers with a change delivered that day, in pages (their ids, in order).
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const page = await ctx.db
        .selectDistinct({ dossierId: exchangeOutbox.dossierId })
        .from(exchangeOutbox)
        .where(and(eq(exchangeOutbox.state, 'sent'), gte(exchangeOutbox.sentAt, from), lt(exchangeOutbox.sentAt, to), sql`${exchangeOutbox.dossierId} > ${after}`))
        .orderBy(asc(exchangeOutbox.dossierId))
        .limit(LOOKUP_BATCH);
      if (page.length === 0) break;
      after = page[page.length - 1]!.dossierId;
      const rows = await ctx.db
        .select()
        .from(exchangeOutbox)
        .where(
          and(
            inArray(
              exchangeOutbox.dossierId,
              page.map((p) => p.dossierId),
            ),
            eq(exchangeOutbox.state, 'sent'),
          ),
        )
        .orderBy(asc(exchangeOutbox.id));
      const byCode = new Map<string, OutboxRow[]>();
      for (const r of rows) byCode.set(r.dossierCode, [...(byCode.get(r.dossierCode) ?? []), r]);
      const answer = await callNational(runtime.config, 'TraCuuHoSo', { MaHoSo: [...byCode.keys()] });
      if (answer.error_code !== '0' || !Array.isArray(answer.data)) throw new Error(`TraCuuHoSo ${answer.error_code}: ${answer.message}`);
      const portal = new Map((answer.data as PortalRecord[]).map((p) => [p.MaHoSo, p]));
      const again: number[] = [];
      for (const [code, delivered] of byCode) {
        checked += 1;
        const { findings, requeue } = compare(code, delivered, portal.get(code));
        if (findings.length > 0) mismatches += 1;
        kept.push(...findings.slice(0, Math.max(0, FINDINGS_KEPT - kept.length)));
        again.push(...requeue);
      }
      if (again.length > 0) {
        await ctx.db
          .update(exchangeOutbox)
          .set({ state: 'pending', attempts: 0, nextAttemptAt: ctx.clock.now(), lastError: `Đối soát ngày ${day}: Cổng DVCQG chưa có thay đổi này` })
          .where(inArray(exchangeOutbox.id, again));
        requeued += again.length;
      }
    }
    const [inbound] = await ctx.db
      .select({
        unacknowledged: sql<number>`count(*) filter (where ${exchangeInbound.state} = 'received' and ${exchangeInbound.acknowledgedAt} is null)::int`,
        failing: sql<number>`count(*) filter (where ${exchangeInbound.state} in ('failed','unreadable'))::int`,
      })
      .from(exchangeInbound);
    const [done] = await ctx.db
      .update(exchangeReconciliations)
      .set({
        state: 'done',
        finishedAt: ctx.clock.now(),
        dossiersChecked: checked,
        mismatches,
        requeued,
        inboundUnacknowledged: inbound?.unacknowledged ?? 0,
        inboundFailing: inbound?.failing ?? 0,
        findings: kept,
      })
      .where(eq(exchangeReconciliations.day, day))
      .returning();
    if (mismatches > 0) ctx.log.warn({ day, checked, mismatches, requeued }, 'exchange: the daily reconciliation found changes the national portal lacks; queued again');
    return done!;
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    await ctx.db
      .update(exchangeReconciliations)
      .set({ state: 'failed', finishedAt: ctx.clock.now(), dossiersChecked: checked, mismatches, requeued, findings: kept, error: reason.slice(0, 1000) })
      .where(eq(exchangeReconciliations.day, day));
    ctx.log.warn({ day, reason }, 'exchange: the daily reconciliation failed; retried at the next run');
    const [row] = await ctx.db.select().from(exchangeReconciliations).where(eq(exchangeReconciliations.day, day));
    return row!;
  }
}
