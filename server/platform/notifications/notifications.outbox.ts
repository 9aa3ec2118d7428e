import { and, eq, lt, or, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { NotificationChannel, NotificationSkipReason } from '../../../contracts/notifications/notifications.contracts';
import { withTransaction, type TxScope, type Ctx } from '../context/context';
import type { Locale } from '../i18n';
import { sendJob, sendJobSoon } from '../jobs';
import { executeNamed, type NamedStatement } from '../db/database';
import { databaseHealthOf } from '../db/database-health';
import { notificationsOutbox } from './notifications.tables';
import {
  hasNotificationTemplate,
  hasZaloMapping,
  redactParams,
  redactText,
  renderNotification,
  renderZaloData,
  secretValues,
  type RenderedNotification,
} from './notifications.templates';
import { notificationChannels, type SendReceipt } from './notifications.channels';
import { PermanentDeliveryError } from './notifications.errors';
import { isMailAddress } from './smtp-transport';
import { vnMobileNumber } from './phone';

export type { NotificationChannel };
export type NotificationStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'skipped';

/** A message to queue: which channel, to whom, which template with which params, about which record. */
export interface NotificationMessage {
  channel: NotificationChannel;
  /**
   * E-mail address, or phone number for SMS and Zalo (stored as 84xxxxxxxxx); empty or invalid → the row is recorded
   * as `skipped` (nothing to send to).
   */
  recipient: string | null | undefined;
  /** A template key a module declares in its manifest (declareNotificationTemplate). */
  template: string;
  /** A JSON-serialisable object the template renders (its params type); stored with the message. */
  params?: object;
  /** The recipient's language (default vi). */
  locale?: Locale;
  /** The record the message is about (e.g. the changed record's type and id), for linking and search. */
  subjectType?: string;
  subjectId?: string;
  /** Queue at most one message per key (e.g. `<record id>:<status>:<channel>`); a repeat is ignored. */
  dedupeKey?: string;
}

/** Delivery tuning; the deliver job's retry limit is MAX_ATTEMPTS - 1. */
export const OUTBOX = {
  /** Sends per message before it is marked failed (first try + 5 retries, ~30 min with backoff). */
  maxAttempts: 6,
  /** A pending row whose delivery job has not claimed it after this long is queued again by the sweep. */
  sweepAfterSeconds: 60,
  /**
   * A claim (`sending`) lasts this long past its last renewal. The claiming process renews it every
   * `heartbeatSeconds` while it sends and records the outcome, so only a claim whose process died (or lost the
   * database for longer than this) lapses; the sweep then retries the message (D12 in docs/decisions.md).
   */
  sendingLeaseSeconds: 30,
  heartbeatSeconds: 10,
  /** How often the sweep runs (each process with workers; sweeps skip rows another sweep holds). */
  sweepEverySeconds: 15,
  /** A failed try waits for pg-boss's retry (longest backoff ~16 min); after this the sweep takes over. */
  retryGraceSeconds: 3600,
  /** Rows queued again per sweep run. */
  sweepBatch: 200,
  /** How long a sent message's outcome waits for an unreachable database (the claim is renewed meanwhile). */
  recordWaitSeconds: 600,
};

const OUTBOX_INSERT: NamedStatement = {
  name: 'notifications_outbox_insert_v1',
  text: `insert into notifications_outbox (channel, recipient, template_key, params, locale, status, last_error, subject_type, subject_id, dedupe_key, recheck_at)
         values ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9, $10, now() + $11::int * interval '1 second')
         on conflict (dedupe_key) do nothing returning id`,
};

function normaliseRecipient(channel: NotificationChannel, raw: string | null | undefined): { recipient: string; problem: NotificationSkipReason | null } {
  const value = (raw ?? '').trim();
  if (!value) return { recipient: '', problem: 'no-recipient' };
  if (channel === 'email') return { recipient: value, problem: isMailAddress(value) ? null : 'invalid-email' };
  // SMS gateways and ZNS take 84xxxxxxxxx; storing that form also makes one number one recipient whatever was typed.
  const phone = vnMobileNumber(value);
  return phone ? { recipient: phone, problem: null } : { recipient: value.slice(0, 40), problem: 'invalid-phone' };
}

/**
 * Queues a message inside the caller's transaction; it is sent by the `notifications.deliver` job only after
 * the transaction commits (nothing is sent for a rolled-back change). Returns the row, or null when `dedupeKey`
 * was already used. A missing or invalid recipient is recorded as `skipped` rather than failing the change.
 */
export async function enqueueNotification(scope: TxScope, message: NotificationMessage): Promise<{ id: string; status: 'pending' | 'skipped' } | null> {
  if (!hasNotificationTemplate(message.template)) throw new Error(`no notification template "${message.template}" (declare it in a module manifest)`);
  if (message.channel === 'zalo' && !hasZaloMapping(message.template)) throw new Error(`notification template "${message.template}" has no Zalo mapping`);
  const normalised = normaliseRecipient(message.channel, message.recipient);
  const { recipient } = normalised;
  let problem = normalised.problem;
  // ZNS sends only templates approved for the Official Account: one without a configured id is recorded, not sent.
  if (!problem && message.channel === 'zalo' && !notificationChannels().zalo.accepts(message.template)) problem = 'zalo-template-not-configured';
  const status = problem ? 'skipped' : 'pending';
  // Stored as JSON: Dates become ISO strings now rather than surprising the template later. Hand-written and named:
  // every notified change runs it, so it is planned once per connection and skips the query builder.
  const rows = await executeNamed<{ id: string }>(scope.tx, OUTBOX_INSERT, [
    message.channel,
    recipient,
    message.template,
    JSON.stringify(message.params ?? {}),
    message.locale ?? 'vi',
    status,
    problem,
    message.subjectType ?? null,
    message.subjectId ?? null,
    message.dedupeKey ?? null,
    OUTBOX.sweepAfterSeconds,
  ]);
  const row = rows[0];
  if (!row) return null;
  // Not awaited, and re-sent once the database is back if it went away just after COMMIT: the change is committed
  // and its caller gets its answer either way; the sweep remains the safety net.
  if (status === 'pending') scope.afterCommit(() => sendJobSoon('notifications.deliver', { id: row.id }));
  return { id: row.id, status };
}

/** Where a recipient can be reached. `zaloPhone` defaults to `phone` (the number most people use Zalo with); null: no Zalo. */
export interface NotificationContacts {
  email?: string | null;
  phone?: string | null;
  zaloPhone?: string | null;
}

/** The channels a recipient accepts, in their order of preference, or every channel. */
export type ChannelPreference = 'all' | readonly NotificationChannel[];

/** One message to a person on the channels they accept: the same template rendered for each channel. */
export interface NotificationRequest extends Omit<NotificationMessage, 'channel' | 'recipient'> {
  to: NotificationContacts;
  /** Absent or null: 'all' (a recipient who chose nothing is reached on every channel). */
  channels?: ChannelPreference | null;
}

const ALL_CHANNELS: readonly NotificationChannel[] = ['email', 'sms', 'zalo'];

function contactFor(to: NotificationContacts, channel: NotificationChannel): string | null {
  const value = channel === 'email' ? to.email : channel === 'sms' ? to.phone : to.zaloPhone === undefined ? to.phone : to.zaloPhone;
  return value?.trim() ? value : null;
}

/**
 * Queues a message on every channel the recipient can be reached by and accepts, in the caller's transaction (each
 * row as enqueueNotification writes it; `dedupeKey` gets `:<channel>` appended). A channel is possible when the
 * recipient has a contact for it (and, for Zalo, the template has a Zalo mapping). The preference narrows the
 * possible channels but never silences a message: when none of the preferred channels is possible, every possible
 * one is used, because what is sent here is what the recipient must be told. Returns the rows written.
 */
export async function enqueueNotifications(
  scope: TxScope,
  request: NotificationRequest,
): Promise<Array<{ channel: NotificationChannel; id: string; status: 'pending' | 'skipped' }>> {
  const { to, dedupeKey, ...message } = request;
  const channels = request.channels ?? 'all';
  if (channels !== 'all' && channels.some((c) => !ALL_CHANNELS.includes(c))) throw new Error(`unknown notification channel in ${JSON.stringify(channels)}`);
  const possible = ALL_CHANNELS.filter((c) => contactFor(to, c) !== null && (c !== 'zalo' || hasZaloMapping(message.template)));
  const preferred = channels === 'all' ? possible : channels.filter((c) => possible.includes(c));
  const chosen = preferred.length ? preferred : possible;
  const out: Array<{ channel: NotificationChannel; id: string; status: 'pending' | 'skipped' }> = [];
  const write = async (channel: NotificationChannel) => {
    const row = await enqueueNotification(scope, { ...message, channel, recipient: contactFor(to, channel), ...(dedupeKey ? { dedupeKey: `${dedupeKey}:${channel}` } : {}) });
    if (row) out.push({ channel, ...row });
  };
  for (const channel of chosen) await write(channel);
  // Nothing on the preferred channels can leave (a Zalo template without an approved id, a number Zalo cannot take):
  // the other possible channels carry it instead, for the same reason a preference never silences a message.
  if (out.length > 0 && out.every((r) => r.status === 'skipped')) for (const channel of possible) if (!chosen.includes(channel)) await write(channel);
  return out;
}

/** One e-mail to each officer who has an address, keyed `<dedupeKey>:<userId>`; returns how many were queued. */
export async function emailOfficers(
  scope: TxScope,
  request: Omit<NotificationMessage, 'channel' | 'recipient' | 'dedupeKey'> & { officers: ReadonlyArray<{ userId: string; email: string | null }>; dedupeKey: string },
): Promise<number> {
  const { officers, dedupeKey, ...message } = request;
  let queued = 0;
  for (const officer of officers) {
    if (!officer.email) continue;
    const row = await enqueueNotification(scope, { ...message, channel: 'email', recipient: officer.email, dedupeKey: `${dedupeKey}:${officer.userId}` });
    if (row) queued++;
  }
  return queued;
}

/**
 * Zalo refused a message for good (not on Zalo, number blocked, template refused — the permanent ZNS verdicts, D22):
 * the same message goes by SMS to the same number, unless an SMS of it was queued already (same key, or for a
 * message queued without a key, the same template, subject, number and params).
 */
async function queueSmsFallback(ctx: Ctx, zaloRow: OutboxRow): Promise<void> {
  const key = zaloRow.dedupeKey?.endsWith(':zalo') ? `${zaloRow.dedupeKey.slice(0, -':zalo'.length)}:sms` : `${zaloRow.id}:sms-fallback`;
  await withTransaction(ctx, async (scope) => {
    if (!zaloRow.dedupeKey) {
      const t = notificationsOutbox;
      const same = await scope.tx
        .select({ id: t.id })
        .from(t)
        .where(
          and(
            eq(t.channel, 'sms'),
            eq(t.recipient, zaloRow.recipient),
            eq(t.templateKey, zaloRow.templateKey),
            zaloRow.subjectId === null ? sql`${t.subjectId} is null` : eq(t.subjectId, zaloRow.subjectId),
            sql`${t.params} = ${JSON.stringify(zaloRow.params)}::jsonb`,
          ),
        )
        .limit(1);
      if (same.length) return;
    }
    await enqueueNotification(scope, {
      channel: 'sms',
      recipient: zaloRow.recipient,
      template: zaloRow.templateKey,
      params: zaloRow.params,
      locale: zaloRow.locale as Locale,
      ...(zaloRow.subjectType ? { subjectType: zaloRow.subjectType } : {}),
      ...(zaloRow.subjectId ? { subjectId: zaloRow.subjectId } : {}),
      dedupeKey: key,
    });
  });
}

/** What one delivery run did. */
export type DeliveryOutcome = 'sent' | 'failed' | 'retry' | 'not-pending';

function errorText(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).slice(0, 1000);
}

type OutboxRow = typeof notificationsOutbox.$inferSelect;

/**
 * Claims a pending message (or one whose claim lapsed) for this process: `sending`, one more attempt, a lease of
 * `sendingLeaseSeconds`. The attempt number is the claim's fencing token: renewals and the outcome only apply while
 * the row still carries it. Returns null when the row is not there to claim.
 */
export async function claimNotification(ctx: Ctx, id: string): Promise<OutboxRow | null> {
  const t = notificationsOutbox;
  const claimed = await ctx.db
    .update(t)
    .set({
      status: 'sending',
      attempts: sql`${t.attempts} + 1`,
      lastAttemptAt: sql`now()`,
      recheckAt: sql`now() + ${OUTBOX.sendingLeaseSeconds}::int * interval '1 second'`,
    })
    .where(and(eq(t.id, id), or(eq(t.status, 'pending'), and(eq(t.status, 'sending'), lt(t.recheckAt, sql`now()`)))))
    .returning();
  return claimed[0] ?? null;
}

/** Where a claim holds: this row, still `sending`, still at the claim's attempt. */
function held(claim: OutboxRow) {
  const t = notificationsOutbox;
  return and(eq(t.id, claim.id), eq(t.status, 'sending'), eq(t.attempts, claim.attempts));
}

/** Renews the claim every `heartbeatSeconds`, and at once when the database comes back; returns the stop function. */
function keepClaim(ctx: Ctx, claim: OutboxRow): () => void {
  const t = notificationsOutbox;
  const renew = () =>
    void ctx.db
      .update(t)
      .set({ recheckAt: sql`now() + ${OUTBOX.sendingLeaseSeconds}::int * interval '1 second'` })
      .where(held(claim))
      .catch((err: unknown) => {
        if (!databaseHealthOf(ctx.db)?.reportError(err)) ctx.log.warn({ err, id: claim.id }, 'notifications: cannot renew a delivery claim');
      });
  const timer = setInterval(renew, OUTBOX.heartbeatSeconds * 1000);
  timer.unref();
  const offReachable = databaseHealthOf(ctx.db)?.onReachable(renew);
  return () => {
    clearInterval(timer);
    offReachable?.();
  };
}

/**
 * Writes a delivery's outcome under its claim. A message already handed to the channel must not be sent again, so
 * when the database is unreachable the write waits for it (up to `recordWaitSeconds`, the claim renewed meanwhile).
 * Returns false when the claim had lapsed and another process took the message over.
 */
async function recordOutcome(ctx: Ctx, claim: OutboxRow, values: PgUpdateSetSource<typeof notificationsOutbox>): Promise<boolean> {
  const health = databaseHealthOf(ctx.db);
  const giveUpAt = Date.now() + OUTBOX.recordWaitSeconds * 1000;
  for (;;) {
    try {
      const rows = await ctx.db.update(notificationsOutbox).set(values).where(held(claim)).returning({ id: notificationsOutbox.id });
      if (!rows.length) ctx.log.warn({ id: claim.id, attempt: claim.attempts }, 'notifications: delivery claim lapsed before its outcome was recorded');
      return rows.length > 0;
    } catch (err) {
      if (!health?.reportError(err) || Date.now() > giveUpAt) throw err;
      await health.whenReachable(Math.min(5000, Math.max(0, giveUpAt - Date.now())));
    }
  }
}

/**
 * Delivers one queued message: claims the row (so a duplicate job cannot send it twice at the same time), keeps the
 * claim alive while it works, renders the message, hands it to the channel and records the outcome. Returns 'retry'
 * after a transient failure — the job then throws so pg-boss retries it with backoff.
 */
export async function deliverNotification(ctx: Ctx, id: string): Promise<{ outcome: DeliveryOutcome; error?: unknown }> {
  const row = await claimNotification(ctx, id);
  if (!row) return { outcome: 'not-pending' };
  const stop = keepClaim(ctx, row);
  try {
    let rendered: RenderedNotification | null = null;
    let sentText: string | null = null;
    let via = '';
    let receipt: SendReceipt | void = undefined;
    let live = false;
    let failure: { err: unknown } | null = null;
    try {
      rendered = renderNotification(row.templateKey, row.locale as Locale, row.params);
      const { mail, sms, zalo } = notificationChannels();
      if (row.channel === 'email') {
        live = mail.live;
        sentText = rendered.body;
        receipt = await mail.send({ to: row.recipient, subject: rendered.subject, text: rendered.body }, ctx.log);
        via = mail.name;
      } else if (row.channel === 'sms') {
        live = sms.live;
        sentText = rendered.sms ?? rendered.body;
        receipt = await sms.send({ to: row.recipient, text: sentText, reference: row.id }, ctx.log);
        via = sms.name;
      } else {
        live = zalo.live;
        sentText = rendered.body;
        const data = renderZaloData(row.templateKey, row.params);
        receipt = await zalo.send({ to: row.recipient, templateKey: row.templateKey, data, trackingId: row.id, text: rendered.body }, ctx.log);
        via = zalo.name;
      }
    } catch (err) {
      failure = { err };
    }
    // Secret params (single-use links, codes) are kept only while they may still be needed: until a live channel took
    // the message, or it failed for good. A development channel's message never left, so the outbox page stays its mailbox.
    const secrets = secretValues(row.templateKey, row.params);
    const forget = (text: string | null) => redactText(text, secrets);
    if (!failure) {
      await recordOutcome(ctx, row, {
        status: 'sent',
        sentAt: sql`now()`,
        lastError: null,
        renderedSubject: row.channel === 'email' ? (live ? forget(rendered!.subject) : rendered!.subject) : null,
        renderedBody: live ? forget(receipt?.text ?? sentText) : (receipt?.text ?? sentText),
        deliveredVia: via,
        providerMessageId: receipt?.providerMessageId ?? null,
        ...(live && secrets.length ? { params: redactParams(row.templateKey, row.params) } : {}),
      });
      return { outcome: 'sent' };
    }
    const final = failure.err instanceof PermanentDeliveryError || row.attempts >= OUTBOX.maxAttempts;
    await recordOutcome(ctx, row, {
      status: final ? 'failed' : 'pending',
      lastError: errorText(failure.err),
      renderedSubject: row.channel === 'email' ? (final ? forget(rendered?.subject ?? null) : (rendered?.subject ?? null)) : null,
      renderedBody: final ? forget(sentText) : sentText,
      recheckAt: sql`now() + ${OUTBOX.retryGraceSeconds}::int * interval '1 second'`,
      ...(final && secrets.length ? { params: redactParams(row.templateKey, row.params) } : {}),
    });
    // The params are still whole in `row` (redacted only in the stored copy), so the SMS can carry the same message.
    if (final && row.channel === 'zalo' && failure.err instanceof PermanentDeliveryError) await queueSmsFallback(ctx, row);
    return { outcome: final ? 'failed' : 'retry', error: failure.err };
  } finally {
    stop();
  }
}

/**
 * Crash safety: queues again the rows whose delivery job was lost (after-commit send failed, the process died,
 * jobs were off when the row was written). Idempotent and capped: each handled row's `recheck_at` moves forward.
 */
export async function sweepNotifications(ctx: Ctx, limit = OUTBOX.sweepBatch): Promise<number> {
  const due = await ctx.db.execute<{ id: string }>(sql`
    with due as (
      select id from notifications_outbox
      where status in ('pending', 'sending') and recheck_at < now()
      order by recheck_at
      limit ${limit}
      for update skip locked
    )
    update notifications_outbox o
    set status = 'pending', recheck_at = now() + ${OUTBOX.sweepAfterSeconds}::int * interval '1 second'
    from due where o.id = due.id
    returning o.id`);
  for (const { id } of due.rows) await sendJob('notifications.deliver', { id });
  if (due.rows.length) ctx.log.info({ count: due.rows.length }, 'notifications: sweep queued lost deliveries again');
  return due.rows.length;
}
