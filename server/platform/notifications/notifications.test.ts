import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/test-app';
import { withTransaction } from '../context/context';
import { startJobs, type JobRunner } from '../jobs';
import {
  configureNotificationChannels,
  deliverNotification,
  developmentSmsChannel,
  enqueueNotification,
  notificationsOutbox,
  OUTBOX,
  PermanentDeliveryError,
  registerNotificationTemplate,
  sweepNotifications,
  type NotificationMessage,
} from './index';
import { RecordingTransport, signInAs, waitForRow } from './test/test-helpers';

registerNotificationTemplate<{ name: string; code: string }>('test.greeting', {
  vi: (p) => ({ subject: `Hồ sơ ${p.code} đã được tiếp nhận`, body: `Kính gửi ${p.name}, hồ sơ ${p.code} đã được tiếp nhận.` }),
  en: (p) => ({ subject: `Application ${p.code} received`, body: `Dear ${p.name}, application ${p.code} has been received.` }),
});
registerNotificationTemplate<{ name: string; link: string }>(
  'test.secret-link',
  {
    vi: (p) => ({ subject: `Liên kết cho ${p.name}`, body: `Mở ${p.link} để xác nhận.` }),
    en: (p) => ({ subject: `A link for ${p.name}`, body: `Open ${p.link} to confirm.` }),
  },
  { secretParams: ['link'] },
);
registerNotificationTemplate('test.broken', {
  vi: () => {
    throw new Error('missing field');
  },
  en: () => ({ subject: '', body: '' }),
});

let t: TestApp;
let jobs: JobRunner | null = null;

const tag = () => randomBytes(4).toString('hex');
const message = (over: Partial<NotificationMessage> = {}): NotificationMessage => {
  const code = `H${tag()}`;
  return {
    channel: 'email',
    recipient: `cong.dan.${tag()}@test.vn`,
    template: 'test.greeting',
    params: { name: 'Nguyễn Văn An', code },
    subjectType: 'record',
    subjectId: code,
    ...over,
  };
};
const enqueue = (m: NotificationMessage) => withTransaction(t.systemCtx(), (s) => enqueueNotification(s, m));

/** Starts the worker with a transport; `sweep: false` leaves the periodic sweep out so a test can run it by hand. */
async function startWorker(transport: RecordingTransport, opts: { sweep?: boolean } = {}) {
  configureNotificationChannels({ mail: transport, sms: transport });
  jobs = await startJobs({
    database: t.database,
    systemCtx: t.systemCtx,
    log: t.app.log,
    pollingIntervalSeconds: 0.5,
    overrides: {
      'notifications.deliver': { retryDelaySeconds: 0, retryBackoff: false },
      ...(opts.sweep === false ? { 'notifications.sweep': { everySeconds: undefined } } : {}),
    },
  });
}

async function outboxRow(id: string) {
  const [row] = await t.database.db.select().from(notificationsOutbox).where(eq(notificationsOutbox.id, id));
  return row!;
}

beforeAll(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await jobs?.stop();
  jobs = null;
});
afterAll(async () => t?.close());

describe('notifications outbox', () => {
  it('delivers a message queued in a committed transaction, rendered in the recipient language', async () => {
    const transport = new RecordingTransport();
    await startWorker(transport);
    const m = message({ locale: 'en' });
    const started = performance.now();
    const queued = await enqueue(m);
    expect(queued?.status).toBe('pending');
    const row = await waitForRow(t, queued!.id, (r) => r.status === 'sent');
    const latencyMs = performance.now() - started;
    const code = (m.params as { code: string }).code;
    expect(transport.sent).toEqual([{ to: m.recipient, subject: `Application ${code} received`, text: `Dear Nguyễn Văn An, application ${code} has been received.` }]);
    expect(row).toMatchObject({ attempts: 1, lastError: null, deliveredVia: 'fake', renderedSubject: `Application ${code} received`, subjectType: 'record', subjectId: code });
    expect(row.sentAt).toBeInstanceOf(Date);
    t.app.log.info({ latencyMs }, 'commit-to-sent latency');
  });

  it('sends nothing for a rolled-back transaction', async () => {
    const transport = new RecordingTransport();
    await startWorker(transport);
    const rolledBack = message();
    await expect(
      withTransaction(t.systemCtx(), async (s) => {
        await enqueueNotification(s, rolledBack);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    // A later committed message is delivered; by then the rolled-back one would have been too, had it been queued.
    const committed = message();
    const queued = await enqueue(committed);
    await waitForRow(t, queued!.id, (r) => r.status === 'sent');
    expect(transport.sent.map((s) => s.to)).toEqual([committed.recipient]);
    const left = await t.database.db.select().from(notificationsOutbox).where(eq(notificationsOutbox.recipient, rolledBack.recipient!));
    expect(left).toEqual([]);
  });

  it('retries a failing transport through pg-boss until it succeeds', async () => {
    const transport = new RecordingTransport(2);
    await startWorker(transport);
    const queued = await enqueue(message({ channel: 'sms', recipient: '0912 345 678' }));
    const row = await waitForRow(t, queued!.id, (r) => r.status === 'sent');
    expect(row).toMatchObject({ attempts: 3, lastError: null, recipient: '0912345678' });
    expect(transport.calls).toBe(3);
    expect(transport.sent).toEqual([{ to: '0912345678', text: expect.stringContaining('đã được tiếp nhận') }]);
  });

  it('fails at once on a permanent error and records it', async () => {
    const transport = new RecordingTransport(1, () => new PermanentDeliveryError('550 mailbox unavailable'));
    await startWorker(transport);
    const queued = await enqueue(message());
    const row = await waitForRow(t, queued!.id, (r) => r.status === 'failed');
    expect(row).toMatchObject({ attempts: 1, lastError: '550 mailbox unavailable' });
    expect(row.renderedSubject).toMatch(/^Hồ sơ H\w+ đã được tiếp nhận$/);
    expect(transport.sent).toEqual([]);
  });

  it('marks a message failed when its template cannot render', async () => {
    const transport = new RecordingTransport();
    await startWorker(transport);
    const queued = await enqueue(message({ template: 'test.broken' }));
    const row = await waitForRow(t, queued!.id, (r) => r.status === 'failed');
    expect(row.lastError).toMatch(/template "test.broken" failed: missing field/);
    expect(transport.calls).toBe(0);
  });

  it('gives up after the last attempt and ignores later runs', async () => {
    configureNotificationChannels({ mail: new RecordingTransport(100) });
    const queued = await enqueue(message());
    const outcomes: string[] = [];
    for (let i = 0; i < OUTBOX.maxAttempts; i++) outcomes.push((await deliverNotification(t.systemCtx(), queued!.id)).outcome);
    expect(outcomes).toEqual([...Array(OUTBOX.maxAttempts - 1).fill('retry'), 'failed']);
    expect(await outboxRow(queued!.id)).toMatchObject({ status: 'failed', attempts: OUTBOX.maxAttempts, lastError: 'temporary failure' });
    expect((await deliverNotification(t.systemCtx(), queued!.id)).outcome).toBe('not-pending');
  });

  it('the sweep queues lost deliveries again, once, and leaves fresh rows alone', async () => {
    // Written while no worker runs: the after-commit send finds no job system, as after a crash.
    const lost = await enqueue(message());
    const crashed = await enqueue(message());
    const fresh = await enqueue(message());
    await t.database.db.execute(sql`update notifications_outbox set recheck_at = now() - interval '1 second' where id = ${lost!.id}`);
    // A worker died mid-send: the row stayed 'sending' past its lease.
    await t.database.db.execute(sql`update notifications_outbox set status = 'sending', attempts = 1, recheck_at = now() - interval '1 second' where id = ${crashed!.id}`);

    const transport = new RecordingTransport();
    await startWorker(transport, { sweep: false });
    expect(await sweepNotifications(t.systemCtx())).toBe(2);
    expect(await sweepNotifications(t.systemCtx())).toBe(0);
    expect(await waitForRow(t, lost!.id, (r) => r.status === 'sent')).toMatchObject({ attempts: 1 });
    expect(await waitForRow(t, crashed!.id, (r) => r.status === 'sent')).toMatchObject({ attempts: 2 });
    expect(await outboxRow(fresh!.id)).toMatchObject({ status: 'pending', attempts: 0 });
    expect(transport.sent).toHaveLength(2);
  });

  it('runs the sweep periodically from the job system', async () => {
    const lost = await enqueue(message());
    await t.database.db.execute(sql`update notifications_outbox set recheck_at = now() - interval '1 second' where id = ${lost!.id}`);
    const transport = new RecordingTransport();
    // The periodic sweep also runs once at start-up.
    await startWorker(transport);
    const row = await waitForRow(t, lost!.id, (r) => r.status === 'sent');
    expect(transport.sent.map((s) => s.to)).toContain(row.recipient);
  });

  it('ignores a repeated dedupe key and skips messages with nobody to send to', async () => {
    const key = `record-${tag()}:received:email`;
    const first = await enqueue(message({ dedupeKey: key }));
    expect(first?.status).toBe('pending');
    expect(await enqueue(message({ dedupeKey: key }))).toBeNull();
    expect(await t.database.db.select().from(notificationsOutbox).where(eq(notificationsOutbox.dedupeKey, key))).toHaveLength(1);

    const none = await enqueue(message({ recipient: '  ' }));
    const invalid = await enqueue(message({ recipient: 'not an address' }));
    expect(await outboxRow(none!.id)).toMatchObject({ status: 'skipped', lastError: 'no-recipient' });
    expect(await outboxRow(invalid!.id)).toMatchObject({ status: 'skipped', lastError: 'invalid-email' });
  });

  it('forgets secret params once a live channel took the message or it failed for good; a development channel keeps them', async () => {
    const secretMessage = () => message({ template: 'test.secret-link', params: { name: 'Nguyễn Văn An', link: `https://x.test/xac-nhan?token=${tag()}${tag()}` } });
    const live = new RecordingTransport(0, undefined, true);
    configureNotificationChannels({ mail: live });
    const sent = secretMessage();
    const link = (sent.params as { link: string }).link;
    const queued = await enqueue(sent);
    // While it waits, the outbox page does not show the link of a live channel.
    const page = await (await signInAs(t, 'system-admin')).get(`/api/v1/notifications/outbox?q=${encodeURIComponent(sent.recipient!)}`);
    expect(page.json().items).toEqual([expect.objectContaining({ id: queued!.id, status: 'pending', body: 'Mở *** để xác nhận.' })]);
    expect((await deliverNotification(t.systemCtx(), queued!.id)).outcome).toBe('sent');
    expect(live.sent[0]).toMatchObject({ text: `Mở ${link} để xác nhận.` });
    const row = await outboxRow(queued!.id);
    expect(row).toMatchObject({ status: 'sent', renderedBody: 'Mở *** để xác nhận.', params: { name: 'Nguyễn Văn An', link: '***' } });

    configureNotificationChannels({ mail: new RecordingTransport(1, () => new PermanentDeliveryError('550 no such user')) });
    const failed = await enqueue(secretMessage());
    expect((await deliverNotification(t.systemCtx(), failed!.id)).outcome).toBe('failed');
    expect(await outboxRow(failed!.id)).toMatchObject({ status: 'failed', renderedBody: 'Mở *** để xác nhận.', params: expect.objectContaining({ link: '***' }) });

    const dev = new RecordingTransport();
    configureNotificationChannels({ mail: dev });
    const kept = secretMessage();
    const keptQueued = await enqueue(kept);
    await deliverNotification(t.systemCtx(), keptQueued!.id);
    expect((await outboxRow(keptQueued!.id)).renderedBody).toBe(`Mở ${(kept.params as { link: string }).link} để xác nhận.`);
  });

  it('refuses an unregistered template inside the transaction', async () => {
    await expect(enqueue(message({ template: 'test.unknown' }))).rejects.toThrow(/no notification template "test.unknown"/);
  });
});

describe('GET /api/v1/notifications/outbox', () => {
  it('lists messages with a rendered preview for system administrators', async () => {
    configureNotificationChannels({ mail: new RecordingTransport() });
    const m = message();
    const queued = await enqueue(m);
    const admin = await signInAs(t, 'system-admin');
    const res = await admin.get(`/api/v1/notifications/outbox?q=${encodeURIComponent(m.recipient!)}`);
    expect(res.statusCode).toBe(200);
    const code = (m.params as { code: string }).code;
    expect(res.json()).toEqual({
      total: 1,
      items: [
        expect.objectContaining({
          id: queued!.id,
          channel: 'email',
          recipient: m.recipient,
          templateKey: 'test.greeting',
          status: 'pending',
          attempts: 0,
          subject: `Hồ sơ ${code} đã được tiếp nhận`,
          body: `Kính gửi Nguyễn Văn An, hồ sơ ${code} đã được tiếp nhận.`,
          deliveredVia: null,
          subjectType: 'record',
          subjectId: code,
        }),
      ],
    });
  });

  it('filters by status and channel and pages newest first', async () => {
    const admin = await signInAs(t, 'system-admin');
    const skipped = await admin.get('/api/v1/notifications/outbox?status=skipped&pageSize=100');
    const items = skipped.json().items as Array<{ status: string }>;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.status === 'skipped')).toBe(true);
    const sms = await admin.get('/api/v1/notifications/outbox?channel=sms');
    expect((sms.json().items as Array<{ channel: string; subject: string | null }>).every((i) => i.channel === 'sms' && i.subject === null)).toBe(true);
    const page = await admin.get('/api/v1/notifications/outbox?pageSize=2&page=1');
    const all = page.json<{ items: Array<{ createdAt: string }>; total: number }>();
    expect(all.items).toHaveLength(2);
    expect(all.total).toBeGreaterThan(2);
    expect(all.items[0]!.createdAt >= all.items[1]!.createdAt).toBe(true);
    expect((await admin.get('/api/v1/notifications/outbox?status=unknown')).statusCode).toBe(400);
  });

  it('reports whether the channels really send', async () => {
    configureNotificationChannels({ mail: new RecordingTransport(), sms: developmentSmsChannel });
    const admin = await signInAs(t, 'system-admin');
    const res = await admin.get('/api/v1/notifications/channels');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ email: { transport: 'fake', live: false }, sms: { transport: 'development', live: false } });
  });

  it('is refused to other roles and to anonymous callers', async () => {
    const officer = await signInAs(t, 'specialist');
    expect((await officer.get('/api/v1/notifications/outbox')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/notifications/outbox' })).statusCode).toBe(401);
    expect((await officer.get('/api/v1/notifications/channels')).statusCode).toBe(403);
  });
});
