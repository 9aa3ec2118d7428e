// Pushing dossiers' status changes to the national portal (issue 13 item 4). The feed copies every public change of a
// dossier into the outbox in the database (so nothing is lost across restarts or outages); the push sends each
// dossier's unsent changes in order: the dossier record with its latest status, then at most 10 progress entries per
// call (§15.1), and marks them sent only when the portal confirmed both. A failure waits with exponential back-off;
// the portal's "already there" ('-3') counts as delivered, which makes a retry after a lost answer harmless.
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Ctx } from '../../../platform/context/context';
import { listSyncEvents } from '../../dossiers';
import { callNational, NationalUnreachable, type NationalAnswer } from '../exchange.client';
import type { ExchangeConfig } from '../exchange.config';
import { nationalDossier, nationalProgress } from '../exchange.format';
import { exchangeFeedState, exchangeOutbox } from '../exchange.tables';

const FEED = 'dvcqg';
/** Changes younger than this are left for the next run: a transaction still open may commit a lower event id. */
const FEED_LAG_MS = 10_000;
const FEED_BATCH = 2_000;
/** At most this many progress entries per call (CapNhatTienDoHoSoMC, §15.1). */
export const PROGRESS_BATCH = 10;
const PUSH_DOSSIERS_PER_RUN = 200;
/** Back-off after the n-th failure: 30 s, 1 min, 2 min … capped at an hour. */
export const backoffMs = (attempts: number) => Math.min(3_600_000, 30_000 * 2 ** Math.max(0, attempts - 1));

/** Copies new public changes of dossiers into the outbox; returns how many were queued. Idempotent. */
export async function feedOutbox(ctx: Ctx): Promise<number> {
  const now = ctx.clock.now();
  const [state] = await ctx.db.select().from(exchangeFeedState).where(eq(exchangeFeedState.feed, FEED));
  const events = await listSyncEvents(ctx.db, { afterId: state?.lastEventId ?? 0, before: new Date(now.getTime() - FEED_LAG_MS), limit: FEED_BATCH });
  if (events.length === 0) return 0;
  await ctx.db.transaction(async (tx) => {
    await tx
      .insert(exchangeOutbox)
      .values(
        events.map((e) => ({
          eventId: e.eventId,
          dossierId: e.dossier.id,
          dossierCode: e.dossier.code,
          statusCode: e.statusCode,
          at: e.at,
          payload: { dossier: nationalDossier(e), progress: nationalProgress(e) },
          state: 'pending',
          nextAttemptAt: now,
          createdAt: now,
        })),
      )
      .onConflictDoNothing({ target: exchangeOutbox.eventId });
    const last = events[events.length - 1]!.eventId;
    await tx
      .insert(exchangeFeedState)
      .values({ feed: FEED, lastEventId: last, updatedAt: now })
      .onConflictDoUpdate({ target: exchangeFeedState.feed, set: { lastEventId: sql`greatest(${exchangeFeedState.lastEventId}, ${last})`, updatedAt: now } });
  });
  return events.length;
}

const delivered = (a: NationalAnswer) => a.error_code === '0' || a.error_code === '-3';

/**
 * Sends one dossier's next unsent changes (oldest first, up to PROGRESS_BATCH): the dossier record with its latest
 * status first (the portal takes progress only for a dossier it knows), then the progress entries. Throws with the
 * reason on failure.
 */
async function pushDossier(config: ExchangeConfig, rows: ReadonlyArray<typeof exchangeOutbox.$inferSelect>, synced: boolean): Promise<void> {
  const latest = rows[rows.length - 1]!.payload.dossier;
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
    .selectDistinctOn([exchangeOutbox.dossierId], { dossierId: exchangeOutbox.dossierId, id: exchangeOutbox.id })
    .from(exchangeOutbox)
    .where(and(eq(exchangeOutbox.state, 'pending'), lte(exchangeOutbox.nextAttemptAt, now)))
    .orderBy(exchangeOutbox.dossierId, asc(exchangeOutbox.id))
    .limit(PUSH_DOSSIERS_PER_RUN);
  due.sort((a, b) => a.id - b.id);
  let sent = 0;
  let failed = 0;
  for (const { dossierId } of due) {
    const rows = await ctx.db
      .select()
      .from(exchangeOutbox)
      .where(and(eq(exchangeOutbox.dossierId, dossierId), eq(exchangeOutbox.state, 'pending')))
      .orderBy(asc(exchangeOutbox.id))
      .limit(PROGRESS_BATCH);
    if (rows.length === 0 || rows[0]!.nextAttemptAt > now) continue;
    const [before] = await ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(exchangeOutbox)
      .where(and(eq(exchangeOutbox.dossierId, dossierId), eq(exchangeOutbox.state, 'sent')));
    try {
      await pushDossier(config, rows, (before?.n ?? 0) > 0);
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
