// Claims of messages being sent: a claim whose process died lapses within the lease and the message is retried; a
// live process keeps its claim however long its send takes, so the message goes out exactly once (D12).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/test-app';
import { withTransaction } from '../context/context';
import {
  claimNotification,
  configureNotificationChannels,
  deliverNotification,
  enqueueNotification,
  notificationsOutbox,
  OUTBOX,
  registerNotificationTemplate,
  sweepNotifications,
} from './index';
import type { OutgoingMail, OutgoingSms, MailTransport, SmsChannel } from './notifications.channels';

registerNotificationTemplate<{ code: string }>('test.claim', {
  vi: (p) => ({ subject: `Hồ sơ ${p.code}`, body: `Hồ sơ ${p.code} đã được tiếp nhận.` }),
  en: (p) => ({ subject: `Application ${p.code}`, body: `Application ${p.code} received.` }),
});

/** A transport whose sends take `delayMs` and are counted per recipient. */
class SlowTransport implements MailTransport, SmsChannel {
  readonly name = 'slow';
  readonly live = false;
  readonly sent: string[] = [];
  constructor(private readonly delayMs: number) {}
  async send(message: OutgoingMail | OutgoingSms): Promise<void> {
    await new Promise((r) => setTimeout(r, this.delayMs));
    this.sent.push(message.to);
  }
}

let t: TestApp;
const defaults = { ...OUTBOX };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function queued(): Promise<{ id: string; recipient: string }> {
  const recipient = `claim.${randomBytes(4).toString('hex')}@test.vn`;
  const row = await withTransaction(t.systemCtx(), (s) => enqueueNotification(s, { channel: 'email', recipient, template: 'test.claim', params: { code: 'H1' } }));
  return { id: row!.id, recipient };
}

async function outboxRow(id: string) {
  const [row] = await t.database.db.select().from(notificationsOutbox).where(eq(notificationsOutbox.id, id));
  return row!;
}

beforeAll(async () => {
  t = await createTestApp();
});
afterEach(() => Object.assign(OUTBOX, defaults));
afterAll(async () => t?.close());

describe('outbox claims', () => {
  it('lets a dead process hold a message for half a minute at most, not ten', () => {
    // Retried "promptly": lease plus one sweep period.
    expect(OUTBOX.sendingLeaseSeconds + OUTBOX.sweepEverySeconds).toBeLessThanOrEqual(60);
    expect(OUTBOX.heartbeatSeconds * 2).toBeLessThan(OUTBOX.sendingLeaseSeconds);
  });

  it('retries a message whose claimer died once its lease lapses, and sends it once', async () => {
    OUTBOX.sendingLeaseSeconds = 1;
    const transport = new SlowTransport(0);
    configureNotificationChannels({ mail: transport, sms: transport });
    const { id, recipient } = await queued();
    // A process claims the message and dies before sending: nobody renews its claim.
    expect(await claimNotification(t.systemCtx(), id)).toMatchObject({ status: 'sending', attempts: 1 });
    expect(await sweepNotifications(t.systemCtx())).toBe(0);
    expect((await deliverNotification(t.systemCtx(), id)).outcome).toBe('not-pending');
    await sleep(1300);
    expect(await sweepNotifications(t.systemCtx())).toBeGreaterThanOrEqual(1);
    expect((await outboxRow(id)).status).toBe('pending');
    expect((await deliverNotification(t.systemCtx(), id)).outcome).toBe('sent');
    expect((await deliverNotification(t.systemCtx(), id)).outcome).toBe('not-pending');
    expect(transport.sent.filter((to) => to === recipient)).toEqual([recipient]);
    expect(await outboxRow(id)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('keeps the claim of a live process sending for longer than the lease, so sweeps never send it twice', async () => {
    OUTBOX.sendingLeaseSeconds = 1;
    OUTBOX.heartbeatSeconds = 0.25;
    const transport = new SlowTransport(2500);
    configureNotificationChannels({ mail: transport, sms: transport });
    const { id, recipient } = await queued();
    const first = deliverNotification(t.systemCtx(), id);
    let finished = false;
    void first.finally(() => (finished = true));
    const others: string[] = [];
    // Meanwhile other processes sweep and try to deliver it, as the sweep's jobs would.
    while (!finished) {
      await sleep(300);
      await sweepNotifications(t.systemCtx());
      // Run to completion only if it claimed; a claim here would be the bug (a second send).
      others.push((await deliverNotification(t.systemCtx(), id)).outcome);
    }
    expect((await first).outcome).toBe('sent');
    expect(others.filter((o) => o !== 'not-pending')).toEqual([]);
    expect(transport.sent.filter((to) => to === recipient)).toEqual([recipient]);
    expect(await outboxRow(id)).toMatchObject({ status: 'sent', attempts: 1 });
  });
});
