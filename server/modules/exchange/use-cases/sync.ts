// Pushing dossiers' status changes to the national portal (issue 13 item 4). The feed copies every public change of a
// dossier into the outbox in the database (so nothing is lost across restarts or outages); the push sends each
// dossier's unsent changes in order: the dossier record with its latest status, then at most 10 progress entries per
// call (§15.1), and marks them sent only when the portal confirmed both. A failure waits with exponential back-off;
// the portal's "already there" ('-3') counts as delivered, which makes a retry after a lost answer harmless.
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context/context';
import { listSyncEvents } from '../../dossiers';
import { listNationalIntakeEvents, nationalCodesOfDossiers, type NationalIntakeEvent } from '../../submissions';
import { callNational, NationalUnreachable, type NationalAnswer } from '../exchange.client';
import type { ExchangeConfig } from '../exchange.config';
import { clip, nationalDossier, nationalProgress, nationalTime } from '../exchange.format';
import { exchangeFeedState, exchangeInbound, exchangeOutbox } from '../exchange.tables';

const FEED = 'dvcqg';
/** The desk's refusals of national applications (submissions' events: no dossier was made). */
const INTAKE_FEED = 'dvcqg-intake';
/** Changes younger than this are left for the next run: a transaction still open may commit a lower event id. */
const FEED_LAG_MS = 10_000;
const FEED_BATCH = 2_000;
/** At most this many progress entries per call (CapNhatTienDoHoSoMC, §15.1). */
export const PROGRESS_BATCH = 10;
const PUSH_DOSSIERS_PER_RUN = 200;
/** Back-off after the n-th failure: 30 s, 1 min, 2 min … capped at an hour. */
export const backoffMs = (attempts: number) => Math.min(3_600_000, 30_000 * 2 ** Math.max(0, attempts - 1));

/** The outbox row of a change: the national record as it stood then, and the progress entry. */
type OutboxValues = typeof exchangeOutbox.$inferInsert;

/** Copies the changes of one feed into the outbox and moves its watermark, in one transaction. */
async function queue(ctx: Ctx, feed: string, lastEventId: number, rows: OutboxValues[]): Promise<void> {
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    if (rows.length > 0)
      await tx
        .insert(exchangeOutbox)
        .values(rows)
        .onConflictDoNothing({ target: [exchangeOutbox.source, exchangeOutbox.eventId] });
    await tx
      .insert(exchangeFeedState)
      .values({ feed, lastEventId, updatedAt: now })
      .onConflictDoUpdate({ target: exchangeFeedState.feed, set: { lastEventId: sql`greatest(${exchangeFeedState.lastEventId}, ${lastEventId})`, updatedAt: now } });
  });
}

async function watermark(ctx: Ctx, feed: string): Promise<number> {
  const [state] = await ctx.db.select().from(exchangeFeedState).where(eq(exchangeFeedState.feed, feed));
  return state?.lastEventId ?? 0;
}

/** The national record and progress with the dossier named by the portal's own code (it was submitted there). */
function renamed(payload: { dossier: Record<string, unknown>; progress: Record<string, unknown> }, nationalCode: string | undefined) {
  if (!nationalCode) return payload;
  return { dossier: { ...payload.dossier, MaHoSo: nationalCode }, progress: { ...payload.progress, MaHoSo: nationalCode }, update: true };
}

/**
 * A national application refused at the desk, as the portal is told: the dossier as the citizen submitted it, now
 * refused (TrangThaiHoSo 3, NgayTuChoi, the reasons), and the progress entry.
 */
function refusalPayload(e: NationalIntakeEvent, submitted: Record<string, unknown>): { dossier: Record<string, unknown>; progress: Record<string, unknown>; update: true } {
  // The receiving agency belongs to the portal's hand-out only (EXCHANGE_FORMAT.md §3.3).
  const { MaDonViTiepNhan: _agency, ...dossier } = submitted;
  const at = nationalTime(e.at);
  const content = `Từ chối tiếp nhận hồ sơ (phiếu số ${e.slip}): ${e.reasons}`;
  return {
    dossier: { ...dossier, TrangThaiHoSo: '3', NgayTuChoi: at, GhiChu: clip(e.reasons, 2000) },
    progress: {
      MaHoSo: e.nationalCode,
      NguoiXuLy: clip(e.actorLabel ?? 'Bộ phận một cửa', 50),
      ChucDanh: 'Cán bộ tiếp nhận',
      ThoiDiemXuLy: at,
      PhongBanXuLy: 'Bộ phận một cửa',
      NoiDungXuLy: clip(content, 2000),
      TrangThai: '3',
    },
    update: true,
  };
}

/** Copies new public changes of dossiers (and refusals of national applications) into the outbox; returns how many. Idempotent. */
export async function feedOutbox(ctx: Ctx): Promise<number> {
  const now = ctx.clock.now();
  const before = new Date(now.getTime() - FEED_LAG_MS);
  let queued = 0;
  const events = await listSyncEvents(ctx.db, { afterId: await watermark(ctx, FEED), before, limit: FEED_BATCH });
  if (events.length > 0) {
    const national = await nationalCodesOfDossiers(ctx.db, [...new Set(events.map((e) => e.dossier.id))]);
    await queue(
      ctx,
      FEED,
      events[events.length - 1]!.eventId,
      events.map((e) => ({
        source: 'dossier' as const,
        eventId: e.eventId,
        dossierId: e.dossier.id,
        dossierCode: national.get(e.dossier.id) ?? e.dossier.code,
        statusCode: e.statusCode,
        at: e.at,
        payload: renamed({ dossier: nationalDossier(e), progress: nationalProgress(e) }, national.get(e.dossier.id)),
        state: 'pending',
        nextAttemptAt: now,
        createdAt: now,
      })),
    );
    queued += events.length;
  }
  const refusals = await listNationalIntakeEvents(ctx.db, { afterId: await watermark(ctx, INTAKE_FEED), before, limit: FEED_BATCH });
  if (refusals.length > 0) {
    const codes = refusals.map((e) => e.nationalCode);
    const submitted = new Map(
      (await ctx.db.select({ code: exchangeInbound.nationalCode, payload: exchangeInbound.payload }).from(exchangeInbound).where(inArray(exchangeInbound.nationalCode, codes))).map(
        (r) => [r.code, r.payload] as const,
      ),
    );
    const rows: OutboxValues[] = [];
    for (const e of refusals) {
      const original = submitted.get(e.nationalCode);
      // Only applications this exchange took have a national record to refuse (one made otherwise is not the portal's).
      if (!original) continue;
      rows.push({
        source: 'submission',
        eventId: e.eventId,
        dossierId: e.submissionId,
        dossierCode: e.nationalCode,
        statusCode: 3,
        at: e.at,
        payload: refusalPayload(e, original),
        state: 'pending',
        nextAttemptAt: now,
        createdAt: now,
      });
    }
    await queue(ctx, INTAKE_FEED, refusals[refusals.length - 1]!.eventId, rows);
    queued += rows.length;
  }
  return queued;
}

const delivered = (a: NationalAnswer) => a.error_code === '0' || a.error_code === '-3';

/**
 * Sends one dossier's next unsent changes (oldest first, up to PROGRESS_BATCH): the dossier record with its latest
 * status first (the portal takes progress only for a dossier it knows), then the progress entries. Throws with the
 * reason on failure.
 */
async function pushDossier(config: ExchangeConfig, rows: ReadonlyArray<typeof exchangeOutbox.$inferSelect>, latest: Record<string, unknown>, synced: boolean): Promise<void> {
  let answer = await callNational(config, 'DongBoHoSoMC', { isUpdating: synced, data: [latest] });
  // The portal has it already (a new dossier whose first answer was lost) or not (an update of a dossier it lost):
  // send it the other way once.
  if (answer.error_code === '-3' && !synced) answer = await callNational(config, 'DongBoHoSoMC', { isUpdating: true, data: [latest] });
  else if (answer.error_code === '-1' && synced && /không tìm thấy/i.test(answer.message))
    answer = await callNational(config, 'DongBoHoSoMC', { isUpdating: false, data: [latest] });
  if (answer.error_code !== '0') throw new Error(`DongBoHoSoMC ${answer.error_code}: ${answer.message}`);
  const progress = await callNational(config, 'CapNhatTienDoHoSoMC', { data: rows.map((r) => r.payload.progress) });
  if (!delivered(progress)) throw new Error(`CapNhatTienDoHoSoMC ${progress.error_code}: ${progress.message}`);
}

/**
 * One run of the push: dossiers with a change due now, oldest change first. Each dossier's batch is sent in order;
 * a dossier whose oldest unsent change is waiting out its back-off is skipped whole (its later changes never overtake).
 */
export async function pushOutbox(ctx: Ctx, config: ExchangeConfig): Promise<{ dossiers: number; sent: number; failed: number }> {
  const now = ctx.clock.now();
  const due = await ctx.db
    .selectDistinctOn([exchangeOutbox.dossierId], {
      dossierId: exchangeOutbox.dossierId,
      id: exchangeOutbox.id,
      // Whether the portal has had this dossier from us already (then it is updated, not created).
      synced: sql<boolean>`exists (select 1 from ${exchangeOutbox} s where s.dossier_id = ${exchangeOutbox.dossierId} and s.state = 'sent')`,
      // The record as of the dossier's newest change, sent or not: a change sent again (a resend, the reconciliation)
      // must not set the portal's status back.
      newest: sql<Record<string, unknown>>`(select n.payload -> 'dossier' from ${exchangeOutbox} n where n.dossier_id = ${exchangeOutbox.dossierId} order by n.id desc limit 1)`,
    })
    .from(exchangeOutbox)
    .where(and(eq(exchangeOutbox.state, 'pending'), lte(exchangeOutbox.nextAttemptAt, now)))
    .orderBy(exchangeOutbox.dossierId, asc(exchangeOutbox.id))
    .limit(PUSH_DOSSIERS_PER_RUN);
  due.sort((a, b) => a.id - b.id);
  let sent = 0;
  let failed = 0;
  for (const { dossierId, synced, newest } of due) {
    const rows = await ctx.db
      .select()
      .from(exchangeOutbox)
      .where(and(eq(exchangeOutbox.dossierId, dossierId), eq(exchangeOutbox.state, 'pending')))
      .orderBy(asc(exchangeOutbox.id))
      .limit(PROGRESS_BATCH);
    if (rows.length === 0 || rows[0]!.nextAttemptAt > now) continue;
    try {
      await pushDossier(config, rows, newest, synced || rows[0]!.payload.update === true);
      await ctx.db
        .update(exchangeOutbox)
        .set({ state: 'sent', sentAt: ctx.clock.now(), lastError: null })
        .where(
          inArray(
            exchangeOutbox.id,
            rows.map((r) => r.id),
          ),
        );
      sent += rows.length;
    } catch (err) {
      failed += 1;
      const reason = err instanceof NationalUnreachable || err instanceof Error ? err.message : String(err);
      const attempts = rows[0]!.attempts + 1;
      await ctx.db
        .update(exchangeOutbox)
        .set({ attempts, lastError: reason.slice(0, 1000), nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)) })
        .where(eq(exchangeOutbox.id, rows[0]!.id));
      ctx.log.warn({ dossierId, attempts, reason }, 'exchange: push to the national portal failed; retried with back-off');
    }
  }
  return { dossiers: due.length, sent, failed };
}
