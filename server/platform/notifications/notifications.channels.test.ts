// Channels through the outbox: the recipient's contacts and preference decide the rows, and the real SMS gateway and
// ZNS adapters (against local HTTP servers) deliver them, retried and recorded like e-mail.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/test-app';
import { withTransaction } from '../context/context';
import {
  configureNotificationChannels,
  createBrandnameSmsChannel,
  createZaloZnsChannel,
  deliverNotification,
  developmentMailTransport,
  developmentSmsChannel,
  developmentZaloChannel,
  enqueueNotification,
  enqueueNotifications,
  notificationsOutbox,
  registerNotificationTemplate,
  type NotificationRequest,
} from './index';
import { FakeHttpServer, type RecordedRequest, type ScriptedAnswer } from './test/fake-http-server';
import { signInAs } from './test/test-helpers';

type P = { name: string; code: string };
registerNotificationTemplate<P>('test.zalo-update', {
  vi: (p) => ({ subject: `Hồ sơ ${p.code}`, body: `Kính gửi ${p.name}, hồ sơ ${p.code} đã có kết quả; mời nhận tại Trung tâm.`, sms: `Hồ sơ ${p.code} đã có kết quả.` }),
  en: (p) => ({ subject: `Dossier ${p.code}`, body: `Dear ${p.name}, dossier ${p.code} has its result.`, sms: `Dossier ${p.code}: result ready.` }),
  zalo: { params: { ten: 30, ma_ho_so: 30 }, data: (p) => ({ ten: p.name, ma_ho_so: p.code }) },
});
registerNotificationTemplate<P>('test.mail-sms-only', {
  vi: (p) => ({ subject: `Hồ sơ ${p.code}`, body: `Hồ sơ ${p.code}.` }),
  en: (p) => ({ subject: `Dossier ${p.code}`, body: `Dossier ${p.code}.` }),
});

const API_KEY = 'sk-outbox-test-5c2e9a';
let t: TestApp;
const servers: FakeHttpServer[] = [];
const tag = () => randomBytes(4).toString('hex');

beforeAll(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  configureNotificationChannels({ mail: developmentMailTransport, sms: developmentSmsChannel, zalo: developmentZaloChannel });
  for (const s of servers.splice(0)) await s.close();
});
afterAll(async () => t?.close());

async function serve(answer: (req: RecordedRequest, index: number) => ScriptedAnswer) {
  const server = new FakeHttpServer(answer);
  servers.push(server);
  await server.listen();
  return server;
}

const request = (over: Partial<NotificationRequest> = {}): NotificationRequest => {
  const code = `H${tag()}`;
  return {
    to: { email: `cong.dan.${tag()}@test.vn`, phone: '0912 345 678' },
    template: 'test.zalo-update',
    params: { name: 'Nguyễn Văn An', code },
    subjectType: 'record',
    subjectId: code,
    ...over,
  };
};
/** The ZNS adapter against a local server, with the test template approved. */
const znsChannel = (serverUrl: string) =>
  createZaloZnsChannel({
    appId: '4291763606161179100',
    appSecret: 'app-secret-x',
    refreshToken: 'refresh-x',
    accessToken: 'access-x',
    templates: new Map([['test.zalo-update', '248210']]),
    znsUrl: `${serverUrl}/zns`,
    oauthUrl: `${serverUrl}/oauth`,
    timeoutMs: 2000,
  });
const enqueueAll = (r: NotificationRequest) => withTransaction(t.systemCtx(), (s) => enqueueNotifications(s, r));
const rowsOf = (subjectId: string) => t.database.db.select().from(notificationsOutbox).where(eq(notificationsOutbox.subjectId, subjectId));
const summary = async (subjectId: string) => (await rowsOf(subjectId)).map((r) => `${r.channel}:${r.recipient}:${r.status}${r.lastError ? `:${r.lastError}` : ''}`).sort();

describe('enqueue by contacts and preference', () => {
  it('sends on every channel the recipient can be reached by, Zalo on the phone number, by default', async () => {
    const r = request({ dedupeKey: `record-${tag()}:ready` });
    const rows = await enqueueAll(r);
    expect(rows.map((x) => x.channel)).toEqual(['email', 'sms', 'zalo']);
    expect(await summary(r.subjectId!)).toEqual([`email:${r.to.email}:pending`, 'sms:84912345678:pending', 'zalo:84912345678:pending']);
    const keys = (await rowsOf(r.subjectId!)).map((x) => x.dedupeKey).sort();
    expect(keys).toEqual([`${r.dedupeKey}:email`, `${r.dedupeKey}:sms`, `${r.dedupeKey}:zalo`]);
    // The same message again is ignored on every channel.
    expect(await enqueueAll({ ...r })).toEqual([]);
  });

  it('follows the preference, a separate Zalo number, and a template without Zalo', async () => {
    const zaloOnly = request({ channels: ['zalo'] });
    await enqueueAll(zaloOnly);
    expect(await summary(zaloOnly.subjectId!)).toEqual(['zalo:84912345678:pending']);

    const smsMail = request({ channels: ['sms', 'email'] });
    await enqueueAll(smsMail);
    expect((await summary(smsMail.subjectId!)).map((s) => s.split(':')[0])).toEqual(['email', 'sms']);

    const otherZalo = request({ to: { phone: '0912345678', zaloPhone: '+84 987 654 321' } });
    await enqueueAll(otherZalo);
    expect(await summary(otherZalo.subjectId!)).toEqual(['sms:84912345678:pending', 'zalo:84987654321:pending']);

    const noZalo = request({ to: { phone: '0912345678', zaloPhone: null } });
    await enqueueAll(noZalo);
    expect(await summary(noZalo.subjectId!)).toEqual(['sms:84912345678:pending']);

    const notOnZalo = request({ template: 'test.mail-sms-only' });
    await enqueueAll(notOnZalo);
    expect((await summary(notOnZalo.subjectId!)).map((s) => s.split(':')[0])).toEqual(['email', 'sms']);
  });

  it('never silences a message: without a contact for any preferred channel, every possible one is used', async () => {
    const r = request({ to: { email: 'an.nguyen@test.vn' }, channels: ['zalo', 'sms'] });
    await enqueueAll(r);
    expect(await summary(r.subjectId!)).toEqual(['email:an.nguyen@test.vn:pending']);
    const nobody = request({ to: {} });
    expect(await enqueueAll(nobody)).toEqual([]);
    const fax = JSON.parse('["fax"]') as NotificationRequest['channels'];
    await expect(enqueueAll(request({ channels: fax }))).rejects.toThrow(/unknown notification channel/);
  });

  it('records what cannot be sent: a number that is not a Vietnamese mobile, a template Zalo has no id for', async () => {
    const landline = request({ to: { phone: '024 3765 4321' } });
    await enqueueAll(landline);
    expect(await summary(landline.subjectId!)).toEqual(['sms:024 3765 4321:skipped:invalid-phone', 'zalo:024 3765 4321:skipped:invalid-phone']);

    configureNotificationChannels({
      zalo: createZaloZnsChannel({
        appId: '1',
        appSecret: 's',
        refreshToken: 'r',
        templates: new Map([['other.template', '1']]),
        znsUrl: 'https://zns.invalid/x',
        oauthUrl: 'https://oauth.invalid/x',
      }),
    });
    const unapproved = request({ channels: ['zalo'] });
    await enqueueAll(unapproved);
    // Only Zalo was wanted and Zalo cannot take it: the other channels carry the message rather than nobody.
    expect(await summary(unapproved.subjectId!)).toEqual([
      `email:${unapproved.to.email}:pending`,
      'sms:84912345678:pending',
      'zalo:84912345678:skipped:zalo-template-not-configured',
    ]);
    // A Zalo message of a template with no Zalo mapping is a programming error, refused inside the transaction.
    await expect(withTransaction(t.systemCtx(), (s) => enqueueNotification(s, { channel: 'zalo', recipient: '0912345678', template: 'test.mail-sms-only' }))).rejects.toThrow(
      /has no Zalo mapping/,
    );
  });
});

describe('delivery through the real adapters', () => {
  it('sends a Zalo message through ZNS and records the provider id and the text', async () => {
    const server = await serve(() => ({ status: 200, body: { error: 0, message: 'Success', data: { msg_id: 'zns-8a7b6c' } } }));
    configureNotificationChannels({
      zalo: znsChannel(server.url),
    });
    const r = request({ channels: ['zalo'] });
    const [queued] = await enqueueAll(r);
    expect(await deliverNotification(t.systemCtx(), queued!.id)).toEqual({ outcome: 'sent' });
    const [row] = await rowsOf(r.subjectId!);
    expect(row).toMatchObject({
      status: 'sent',
      deliveredVia: 'zns',
      providerMessageId: 'zns-8a7b6c',
      renderedSubject: null,
      renderedBody: expect.stringContaining('Kính gửi Nguyễn Văn An'),
    });
    expect(server.json()).toEqual([{ phone: '84912345678', template_id: '248210', template_data: { ten: 'Nguyễn Văn An', ma_ho_so: r.subjectId }, tracking_id: queued!.id }]);
  });

  it('sends by SMS what Zalo refused for good, once, and not when an SMS of it was queued already', async () => {
    const zns = await serve(() => ({ status: 200, body: { error: -118, message: 'Zalo account not existed' } }));
    const gateway = await serve(() => ({ status: 200, body: { messageId: 'SMS-FB' } }));
    configureNotificationChannels({
      zalo: znsChannel(zns.url),
      sms: createBrandnameSmsChannel({ url: `${gateway.url}/send`, brandname: 'UBND TINH', apiKey: API_KEY, timeoutMs: 2000 }),
    });
    for (const keyed of [true, false]) {
      const r = request({ channels: ['zalo'], ...(keyed ? { dedupeKey: `record-${tag()}:done` } : {}) });
      const [queued] = await enqueueAll(r);
      expect(await deliverNotification(t.systemCtx(), queued!.id)).toMatchObject({ outcome: 'failed' });
      expect(await summary(r.subjectId!)).toEqual(['sms:84912345678:pending', 'zalo:84912345678:failed:ZNS answered 200, error -118: Zalo account not existed']);
      const sms = (await rowsOf(r.subjectId!)).find((x) => x.channel === 'sms')!;
      expect(sms).toMatchObject({ templateKey: 'test.zalo-update', params: r.params, dedupeKey: keyed ? `${r.dedupeKey}:sms` : `${queued!.id}:sms-fallback` });
      expect(await deliverNotification(t.systemCtx(), sms.id)).toEqual({ outcome: 'sent' });
      expect(gateway.json().at(-1)).toMatchObject({ message: `Ho so ${r.subjectId} da co ket qua.`, requestId: sms.id });
    }
    // Every channel was used: the SMS already queued is the fallback, none is added.
    for (const keyed of [true, false]) {
      const r = request({ to: { phone: '0912345678' }, ...(keyed ? { dedupeKey: `record-${tag()}:done` } : {}) });
      const rows = await enqueueAll(r);
      const zaloRow = rows.find((x) => x.channel === 'zalo')!;
      expect((await deliverNotification(t.systemCtx(), zaloRow.id)).outcome).toBe('failed');
      expect((await rowsOf(r.subjectId!)).map((x) => x.channel).sort()).toEqual(['sms', 'zalo']);
    }
    // A temporary refusal is retried on Zalo, with no SMS yet.
    const busy = await serve(() => ({ status: 503, body: 'Service Unavailable' }));
    configureNotificationChannels({
      zalo: znsChannel(busy.url),
    });
    const later = request({ channels: ['zalo'] });
    const [queued] = await enqueueAll(later);
    expect((await deliverNotification(t.systemCtx(), queued!.id)).outcome).toBe('retry');
    expect(await summary(later.subjectId!)).toEqual([expect.stringMatching(/^zalo:84912345678:pending:/)]);
  });

  it('retries an SMS the gateway could not take (503), with the same request id, then records it as sent without diacritics', async () => {
    const server = await serve((_req, i) => (i === 0 ? { status: 503, body: { message: 'busy' } } : { status: 200, body: { messageId: 'SMS-1' } }));
    configureNotificationChannels({ sms: createBrandnameSmsChannel({ url: `${server.url}/send`, brandname: 'UBND TINH', apiKey: API_KEY, timeoutMs: 2000 }) });
    const r = request({ channels: ['sms'] });
    const [queued] = await enqueueAll(r);
    expect((await deliverNotification(t.systemCtx(), queued!.id)).outcome).toBe('retry');
    expect((await rowsOf(r.subjectId!))[0]).toMatchObject({ status: 'pending', attempts: 1, lastError: 'SMS gateway answered 503: busy' });
    expect((await deliverNotification(t.systemCtx(), queued!.id)).outcome).toBe('sent');
    const [row] = await rowsOf(r.subjectId!);
    expect(row).toMatchObject({
      status: 'sent',
      attempts: 2,
      lastError: null,
      deliveredVia: 'sms-gateway',
      providerMessageId: 'SMS-1',
      renderedBody: `Ho so ${r.subjectId} da co ket qua.`,
    });
    expect(server.json().map((b) => b.requestId)).toEqual([queued!.id, queued!.id]);
  });

  it('fails an SMS at once when the gateway refuses the number, with no secret in the recorded error', async () => {
    const server = await serve((req) => ({ status: 400, body: { message: `invalid destination (key ${String(req.headers.authorization)})` } }));
    configureNotificationChannels({ sms: createBrandnameSmsChannel({ url: `${server.url}/send`, brandname: 'UBND TINH', apiKey: API_KEY, timeoutMs: 2000 }) });
    const r = request({ channels: ['sms'] });
    const [queued] = await enqueueAll(r);
    expect((await deliverNotification(t.systemCtx(), queued!.id)).outcome).toBe('failed');
    const [row] = await rowsOf(r.subjectId!);
    expect(row).toMatchObject({ status: 'failed', attempts: 1, lastError: 'SMS gateway answered 400: invalid destination (key Bearer [secret])' });
  });

  it('delivers through the development sinks, which keep the messages on the outbox page', async () => {
    const r = request();
    const rows = await enqueueAll(r);
    for (const q of rows) expect((await deliverNotification(t.systemCtx(), q.id)).outcome).toBe('sent');
    expect((await rowsOf(r.subjectId!)).map((x) => `${x.channel}:${x.deliveredVia}:${x.status}`).sort()).toEqual([
      'email:development:sent',
      'sms:development:sent',
      'zalo:development:sent',
    ]);
    const admin = await signInAs(t, 'system-admin');
    const list = (await admin.get(`/api/v1/notifications/outbox?q=${encodeURIComponent(r.subjectId!)}&channel=zalo`)).json();
    expect(list).toMatchObject({
      total: 1,
      items: [
        {
          channel: 'zalo',
          recipient: '84912345678',
          subject: null,
          body: expect.stringContaining('Kính gửi'),
          zaloData: { ten: 'Nguyễn Văn An', ma_ho_so: r.subjectId },
          deliveredVia: 'development',
        },
      ],
    });
    const sms = (await admin.get(`/api/v1/notifications/outbox?q=${encodeURIComponent(r.subjectId!)}&channel=sms`)).json();
    expect(sms.items[0]).toMatchObject({ subject: null, body: `Hồ sơ ${r.subjectId} đã có kết quả.`, zaloData: null });
    // A number typed as people write it finds the rows stored as 84….
    const byPhone = (await admin.get(`/api/v1/notifications/outbox?q=${encodeURIComponent('0912 345 678')}&pageSize=100`)).json();
    expect((byPhone.items as Array<{ subjectId: string }>).filter((i) => i.subjectId === r.subjectId)).toHaveLength(2);
  });
});
