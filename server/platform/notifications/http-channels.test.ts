// The brand-name SMS and Zalo ZNS channels against real HTTP servers on 127.0.0.1 that record what they receive.
import { afterEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import type { FastifyBaseLogger } from 'fastify';
import { channelsFromEnv, type OutgoingSms, type OutgoingZalo } from './notifications.channels';
import { PermanentDeliveryError } from './notifications.errors';
import { DeliveryTimeoutError } from './http-delivery';
import { createBrandnameSmsChannel, type SmsGatewaySettings } from './sms-gateway';
import { createZaloZnsChannel, parseZaloTemplates, type ZaloZnsSettings } from './zalo-zns';
import { FakeHttpServer, type RecordedRequest, type ScriptedAnswer } from './test/fake-http-server';

const API_KEY = 'sk-live-7f3a9c1e5b2d4f60';
const PASSWORD = 'M@tKhau-Gateway-2026';
const APP_SECRET = 'zalo-app-secret-QX81LmZpR2';
const REFRESH = 'zalo-refresh-0001-Hk2Lw9';
const ACCESS = 'zalo-access-0001-a7Tq3';

/** A logger writing every line (trace and up, no redaction) into `lines`, to prove the channels log no secret. */
function capture() {
  const lines: string[] = [];
  const log = pino({ level: 'trace' }, { write: (l: string) => void lines.push(l) }) as unknown as FastifyBaseLogger;
  return { log, text: () => lines.join(''), lines };
}

const servers: FakeHttpServer[] = [];
async function serve(answer: (req: RecordedRequest, index: number) => ScriptedAnswer) {
  const server = new FakeHttpServer(answer);
  servers.push(server);
  await server.listen();
  return server;
}
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

const sms = (over: Partial<OutgoingSms> = {}): OutgoingSms => ({
  to: '0912 345 678',
  text: 'Hồ sơ H56.22-260302-0001: Đã có kết quả giải quyết. Tiếp theo: mời nhận kết quả. Thời hạn: nhận được từ bây giờ.',
  reference: '3f1d2c4b-0000-4000-8000-000000000001',
  ...over,
});

function smsChannel(url: string, over: Partial<SmsGatewaySettings> = {}) {
  return createBrandnameSmsChannel({ url: `${url}/sms/send`, brandname: 'UBND TINH', apiKey: API_KEY, timeoutMs: 2000, ...over });
}

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as Error,
  );

describe('brand-name SMS gateway', () => {
  it('posts JSON with the brand name, the number as 84…, the text without diacritics and the request id', async () => {
    const server = await serve(() => ({ status: 200, body: { messageId: 'SMS-778899', status: 'accepted' } }));
    const { log } = capture();
    const receipt = await smsChannel(server.url).send(sms(), log);
    const [req] = server.requests;
    expect(req).toMatchObject({ method: 'POST', path: '/sms/send' });
    expect(req!.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(req!.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(req!.body)).toEqual({
      brandname: 'UBND TINH',
      phone: '84912345678',
      message: 'Ho so H56.22-260302-0001: Da co ket qua giai quyet. Tiep theo: moi nhan ket qua. Thoi han: nhan duoc tu bay gio.',
      unicode: false,
      requestId: '3f1d2c4b-0000-4000-8000-000000000001',
    });
    expect(receipt).toEqual({ providerMessageId: 'SMS-778899', text: JSON.parse(req!.body).message });
  });

  it('normalises every way of writing the number', async () => {
    const server = await serve(() => ({ status: 200, body: {} }));
    const channel = smsChannel(server.url);
    const { log } = capture();
    for (const to of ['0912345678', '+84 912 345 678', '84912345678', '0912.345.678']) await channel.send(sms({ to }), log);
    expect(server.json().map((b) => b.phone)).toEqual(['84912345678', '84912345678', '84912345678', '84912345678']);
    // A landline or a foreign number never reaches the gateway.
    for (const to of ['024 3765 4321', '+33 6 12 34 56 78']) await expect(channel.send(sms({ to }), log)).rejects.toBeInstanceOf(PermanentDeliveryError);
    expect(server.requests).toHaveLength(4);
  });

  it('sends Vietnamese as written, flagged unicode, when the brand name allows it, and cuts to the parts allowed', async () => {
    const server = await serve(() => ({ status: 200, body: {} }));
    const { log } = capture();
    await smsChannel(server.url, { unicode: true }).send(sms({ text: 'Hồ sơ H001: đã tiếp nhận.' }), log);
    expect(server.json()[0]).toMatchObject({ message: 'Hồ sơ H001: đã tiếp nhận.', unicode: true });
    const long = 'Đề nghị bổ sung giấy tờ: ' + Array.from({ length: 80 }, (_, i) => `bản sao số ${i}`).join(', ');
    const receipt = await smsChannel(server.url, { maxSegments: 2 }).send(sms({ text: long }), log);
    const sent = server.json<{ message: string; unicode: boolean }>()[1]!;
    expect(sent.unicode).toBe(false);
    expect(sent.message.length).toBeLessThanOrEqual(306);
    expect(sent.message).toMatch(/^De nghi bo sung giay to: ban sao so 0, .*\.\.\.$/);
    expect(receipt).toMatchObject({ text: sent.message });
  });

  it('signs in with HTTP Basic when given a user name and password', async () => {
    const server = await serve(() => ({ status: 202, body: { id: 42 } }));
    const { log } = capture();
    const receipt = await smsChannel(server.url, { apiKey: undefined, username: 'motcua', password: PASSWORD }).send(sms(), log);
    expect(server.requests[0]!.headers.authorization).toBe(`Basic ${Buffer.from(`motcua:${PASSWORD}`).toString('base64')}`);
    expect(receipt).toMatchObject({ providerMessageId: '42' });
  });

  it('treats a refused number or content (4xx) as permanent', async () => {
    for (const status of [400, 410, 413, 422]) {
      const server = await serve(() => ({ status, body: { error: 'INVALID_PHONE', message: `Số 84912345678 không hợp lệ (${status})` } }));
      const err = await failure(smsChannel(server.url).send(sms(), capture().log));
      expect(err, String(status)).toBeInstanceOf(PermanentDeliveryError);
      expect(err!.message).toContain(`SMS gateway answered ${status}`);
      // The gateway's words are kept, the number is not.
      expect(err!.message).toContain('không hợp lệ');
      expect(err!.message).not.toContain('84912345678');
    }
  });

  it('retries server errors, throttling, credential and address faults', async () => {
    for (const status of [500, 502, 503, 504, 401, 403, 404, 408, 429]) {
      const server = await serve(() => ({ status, body: { message: 'try later' } }));
      const err = await failure(smsChannel(server.url).send(sms(), capture().log));
      expect(err, String(status)).toBeInstanceOf(Error);
      expect(err, String(status)).not.toBeInstanceOf(PermanentDeliveryError);
      expect(err!.message).toContain(`answered ${status}`);
    }
  });

  it('counts a 409 (request id already accepted) as sent: an earlier try whose answer was lost went through', async () => {
    const server = await serve(() => ({ status: 409, body: { message: 'duplicate requestId' } }));
    await expect(smsChannel(server.url).send(sms(), capture().log)).resolves.toMatchObject({ text: expect.stringContaining('Ho so') });
  });

  it('gives up waiting after the timeout, retryably, and retries a refused connection', async () => {
    const server = await serve(() => ({ hang: true }));
    const started = Date.now();
    const err = await failure(smsChannel(server.url, { timeoutMs: 300 }).send(sms(), capture().log));
    expect(err).toBeInstanceOf(DeliveryTimeoutError);
    expect(err).not.toBeInstanceOf(PermanentDeliveryError);
    expect(Date.now() - started).toBeLessThan(2000);
    const slow = await serve(() => ({ status: 200, body: {}, delayMs: 800 }));
    expect(await failure(smsChannel(slow.url, { timeoutMs: 300 }).send(sms(), capture().log))).toBeInstanceOf(DeliveryTimeoutError);

    const gone = await serve(() => ({ status: 200 }));
    const url = gone.url;
    await servers.pop()!.close();
    const refused = await failure(smsChannel(url).send(sms(), capture().log));
    expect(refused!.message).toMatch(/cannot reach http:\/\/127\.0\.0\.1:\d+\/sms\/send: ECONNREFUSED/);
    expect(refused).not.toBeInstanceOf(PermanentDeliveryError);
  });

  it('never lets the key, the password or the number into logs or error texts, even when the gateway echoes them', async () => {
    const server = await serve((req) => ({ status: 400, body: { message: `bad request from ${String(req.headers.authorization)} for ${JSON.parse(req.body).phone}` } }));
    const { log, text } = capture();
    const keyErr = await failure(smsChannel(server.url).send(sms(), log));
    const basicErr = await failure(smsChannel(server.url, { apiKey: undefined, username: 'motcua', password: PASSWORD }).send(sms(), log));
    const basic = Buffer.from(`motcua:${PASSWORD}`).toString('base64');
    for (const secret of [API_KEY, PASSWORD, basic, '84912345678', '0912 345 678']) {
      expect(keyErr!.message).not.toContain(secret);
      expect(basicErr!.message).not.toContain(secret);
      expect(text()).not.toContain(secret);
    }
    expect(keyErr!.message).toContain('[secret]');
    // The log still says what happened.
    expect(text()).toContain('SMS gateway answered');
    expect(text()).toContain('"status":400');
  });

  it('refuses unusable settings at start-up', () => {
    expect(() => smsChannel('http://sms.example.vn')).toThrow(/https/);
    expect(() => smsChannel('https://user:pw@sms.example.vn')).toThrow(/credentials/);
    expect(() => smsChannel('https://sms.example.vn', { brandname: 'UBND TINH THANH HOA' })).toThrow(/SMS_BRANDNAME/);
    expect(() => smsChannel('https://sms.example.vn', { apiKey: undefined })).toThrow(/SMS_API_KEY or SMS_USERNAME/);
    expect(() => smsChannel('https://sms.example.vn', { username: 'u', password: 'p' })).toThrow(/not both/);
    expect(() => smsChannel('https://sms.example.vn', { apiKey: undefined, username: 'u' })).toThrow(/go together/);
    expect(() => smsChannel('https://sms.example.vn', { maxSegments: 0 })).toThrow(/SMS_MAX_SEGMENTS/);
  });
});

// ---------------------------------------------------------------------------------------------------------------

const zaloMessage = (over: Partial<OutgoingZalo> = {}): OutgoingZalo => ({
  to: '+84 912 345 678',
  templateKey: 'test.update',
  data: { ma_ho_so: 'H56.22-260302-0001', cap_nhat: 'Đã có kết quả giải quyết' },
  trackingId: '3f1d2c4b-0000-4000-8000-000000000002',
  text: 'Hồ sơ H56.22-260302-0001: đã có kết quả.',
  ...over,
});

/** A Zalo double: /oauth refreshes (rotating tokens), /zns sends; `zns` scripts the send answers. */
async function zaloServer(zns: (req: RecordedRequest, token: string | undefined) => ScriptedAnswer, oauth?: (req: RecordedRequest) => ScriptedAnswer) {
  let issued = 0;
  return serve((req) => {
    if (req.path === '/oauth') {
      if (oauth) return oauth(req);
      issued += 1;
      return {
        status: 200,
        body: {
          access_token: `zalo-access-${String(issued + 1).padStart(4, '0')}-fresh`,
          refresh_token: `zalo-refresh-${String(issued + 1).padStart(4, '0')}-rot`,
          expires_in: '90000',
        },
      };
    }
    return zns(req, req.headers.access_token as string | undefined);
  });
}

function zaloChannel(url: string, over: Partial<ZaloZnsSettings> = {}) {
  return createZaloZnsChannel({
    appId: '4291763606161179100',
    appSecret: APP_SECRET,
    refreshToken: REFRESH,
    accessToken: ACCESS,
    templates: new Map([['test.update', '248210']]),
    znsUrl: `${url}/zns`,
    oauthUrl: `${url}/oauth`,
    timeoutMs: 2000,
    ...over,
  });
}

const ok = (msgId = 'zns-msg-1'): ScriptedAnswer => ({ status: 200, body: { error: 0, message: 'Success', data: { msg_id: msgId, sent_time: '1767312000000' } } });
const sends = (s: FakeHttpServer) => s.requests.filter((r) => r.path === '/zns');
const refreshes = (s: FakeHttpServer) => s.requests.filter((r) => r.path === '/oauth');

describe('Zalo ZNS', () => {
  it('sends the approved template with its data, the number as 84… and the tracking id, under the access token', async () => {
    const server = await zaloServer(() => ok());
    const channel = zaloChannel(server.url);
    expect(channel.accepts('test.update')).toBe(true);
    expect(channel.accepts('test.other')).toBe(false);
    const receipt = await channel.send(zaloMessage(), capture().log);
    expect(receipt).toEqual({ providerMessageId: 'zns-msg-1' });
    const [req] = sends(server);
    expect(req!.headers.access_token).toBe(ACCESS);
    expect(JSON.parse(req!.body)).toEqual({
      phone: '84912345678',
      template_id: '248210',
      template_data: { ma_ho_so: 'H56.22-260302-0001', cap_nhat: 'Đã có kết quả giải quyết' },
      tracking_id: '3f1d2c4b-0000-4000-8000-000000000002',
    });
    expect(refreshes(server)).toHaveLength(0);
  });

  it('normalises the number and refuses one Zalo cannot reach before calling it', async () => {
    const server = await zaloServer(() => ok());
    const channel = zaloChannel(server.url);
    for (const to of ['0912345678', '84912345678', '0912 345 678']) await channel.send(zaloMessage({ to }), capture().log);
    expect(server.json().map((b) => b.phone)).toEqual(['84912345678', '84912345678', '84912345678']);
    await expect(channel.send(zaloMessage({ to: '02437654321' }), capture().log)).rejects.toBeInstanceOf(PermanentDeliveryError);
    await expect(channel.send(zaloMessage({ templateKey: 'test.other' }), capture().log)).rejects.toThrow(/no ZNS template id configured for test.other/);
    expect(sends(server)).toHaveLength(3);
  });

  it('gets an access token from the refresh token first when none is configured, in Zalo OAuth style', async () => {
    const server = await zaloServer(() => ok());
    await zaloChannel(server.url, { accessToken: undefined }).send(zaloMessage(), capture().log);
    const [refresh] = refreshes(server);
    expect(refresh!.headers.secret_key).toBe(APP_SECRET);
    expect(refresh!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(refresh!.body))).toEqual({ app_id: '4291763606161179100', grant_type: 'refresh_token', refresh_token: REFRESH });
    expect(sends(server)[0]!.headers.access_token).toBe('zalo-access-0002-fresh');
  });

  it('refreshes an expired token (-124) once, sends again, and uses the rotated refresh token next time', async () => {
    const server = await zaloServer((_req, token) =>
      token === ACCESS || token === 'zalo-access-0002-fresh' ? { status: 200, body: { error: -124, message: 'Access token is invalid' } } : ok(),
    );
    const channel = zaloChannel(server.url);
    // First send: the configured token is refused, refreshed (→ 0002), but 0002 is refused too: retryable, not permanent.
    const err = await failure(channel.send(zaloMessage(), capture().log));
    expect(err).not.toBeInstanceOf(PermanentDeliveryError);
    expect(err!.message).toContain('error -124');
    expect(sends(server).map((r) => r.headers.access_token)).toEqual([ACCESS, 'zalo-access-0002-fresh']);
    // Next send: 0002 is refused, refreshed with the refresh token Zalo rotated to (0002-rot) → 0003, accepted.
    await expect(channel.send(zaloMessage(), capture().log)).resolves.toEqual({ providerMessageId: 'zns-msg-1' });
    expect(refreshes(server).map((r) => new URLSearchParams(r.body).get('refresh_token'))).toEqual([REFRESH, 'zalo-refresh-0002-rot']);
    expect(sends(server).at(-1)!.headers.access_token).toBe('zalo-access-0003-fresh');
  });

  it('refreshes before the token expires, and one refresh serves concurrent sends', async () => {
    const server = await zaloServer(() => ok());
    let now = Date.parse('2026-03-02T02:00:00Z');
    const channel = zaloChannel(server.url, { accessToken: undefined, now: () => now });
    await Promise.all([1, 2, 3].map(() => channel.send(zaloMessage(), capture().log)));
    expect(refreshes(server)).toHaveLength(1);
    expect(new Set(sends(server).map((r) => r.headers.access_token))).toEqual(new Set(['zalo-access-0002-fresh']));
    // 90 000 s later less the 5-minute margin: still the same token; past it, a new one.
    now += (90_000 - 301) * 1000;
    await channel.send(zaloMessage(), capture().log);
    expect(refreshes(server)).toHaveLength(1);
    now += 2000;
    await channel.send(zaloMessage(), capture().log);
    expect(refreshes(server)).toHaveLength(2);
    expect(sends(server).at(-1)!.headers.access_token).toBe('zalo-access-0003-fresh');
  });

  it('maps ZNS error codes: a number Zalo cannot reach is permanent, the rest is retried', async () => {
    const cases: Array<[number, boolean]> = [
      [-108, true],
      [-118, true],
      [-119, true],
      [-112, true],
      [-100, false],
      [-115, false],
      [-117, false],
    ];
    for (const [code, permanent] of cases) {
      const server = await zaloServer(() => ({ status: 200, body: { error: code, message: `ZNS error ${code}` } }));
      const err = await failure(zaloChannel(server.url).send(zaloMessage(), capture().log));
      expect(err, String(code)).toBeInstanceOf(Error);
      expect(err instanceof PermanentDeliveryError, String(code)).toBe(permanent);
      expect(err!.message).toContain(`error ${code}`);
    }
    const down = await zaloServer(() => ({ status: 503, body: 'Service Unavailable' }));
    const err = await failure(zaloChannel(down.url).send(zaloMessage(), capture().log));
    expect(err).not.toBeInstanceOf(PermanentDeliveryError);
    expect(err!.message).toContain('ZNS answered 503');
  });

  it('retries when Zalo does not answer in time or refuses the refresh', async () => {
    const hanging = await zaloServer(() => ({ hang: true }));
    expect(await failure(zaloChannel(hanging.url, { timeoutMs: 300 }).send(zaloMessage(), capture().log))).toBeInstanceOf(DeliveryTimeoutError);
    const refused = await zaloServer(
      () => ok(),
      () => ({ status: 200, body: { error: -14014, error_name: 'Invalid refresh token', error_description: `refresh_token ${REFRESH} is invalid` } }),
    );
    const err = await failure(zaloChannel(refused.url, { accessToken: undefined }).send(zaloMessage(), capture().log));
    expect(err).not.toBeInstanceOf(PermanentDeliveryError);
    expect(err!.message).toMatch(/Zalo access token refresh failed \(200, error -14014\)/);
    expect(sends(refused)).toHaveLength(0);
  });

  it('keeps the app secret and the tokens out of logs and error texts', async () => {
    const server = await zaloServer(
      (req, token) =>
        token === ACCESS
          ? { status: 200, body: { error: -124, message: `token ${token} expired` } }
          : { status: 200, body: { error: -100, message: `echo ${req.body} ${String(token)}` } },
      () => ({ status: 200, body: { access_token: 'zalo-access-9999-new', refresh_token: 'zalo-refresh-9999-new', expires_in: '90000', note: APP_SECRET } }),
    );
    const { log, text } = capture();
    const err = await failure(zaloChannel(server.url).send(zaloMessage(), log));
    for (const secret of [APP_SECRET, REFRESH, ACCESS, 'zalo-access-9999-new', 'zalo-refresh-9999-new', '84912345678']) {
      expect(err!.message).not.toContain(secret);
      expect(text()).not.toContain(secret);
    }
    expect(text()).toContain('Zalo access token refreshed');
  });
});

describe('channels from the environment', () => {
  const smsEnv = { SMS_GATEWAY_URL: 'https://sms.example.vn/api/send', SMS_BRANDNAME: 'UBND TINH', SMS_API_KEY: API_KEY };
  const zaloEnv = { ZALO_APP_ID: '4291763606161179100', ZALO_APP_SECRET: APP_SECRET, ZALO_REFRESH_TOKEN: REFRESH, ZALO_ZNS_TEMPLATES: 'dossiers.applicant-update=248210' };

  it('uses the development sinks without settings and the real adapters with them', () => {
    expect(channelsFromEnv({})).toMatchObject({
      mail: { name: 'development', live: false },
      sms: { name: 'development', live: false },
      zalo: { name: 'development', live: false },
    });
    const real = channelsFromEnv({ ...smsEnv, ...zaloEnv });
    expect(real.sms).toMatchObject({ name: 'sms-gateway', live: true });
    expect(real.zalo).toMatchObject({ name: 'zns', live: true });
    expect(real.zalo.accepts('dossiers.applicant-update')).toBe(true);
    expect(real.zalo.accepts('other.template')).toBe(false);
    expect(
      channelsFromEnv({ SMS_GATEWAY_URL: smsEnv.SMS_GATEWAY_URL, SMS_BRANDNAME: 'UBND', SMS_USERNAME: 'u', SMS_PASSWORD: 'p', SMS_UNICODE: 'true', SMS_MAX_SEGMENTS: '4' }).sms
        .name,
    ).toBe('sms-gateway');
  });

  it('stops start-up on a half-configured channel, naming what is missing and never a value', () => {
    const cases: Array<[NodeJS.ProcessEnv, RegExp]> = [
      [{ SMS_API_KEY: API_KEY }, /SMS is half-configured: SMS_API_KEY is set but SMS_GATEWAY_URL, SMS_BRANDNAME are missing/],
      [{ SMS_GATEWAY_URL: smsEnv.SMS_GATEWAY_URL, SMS_BRANDNAME: 'UBND' }, /SMS_API_KEY or SMS_USERNAME/],
      [{ SMS_UNICODE: 'true' }, /SMS is half-configured/],
      [{ ...smsEnv, SMS_UNICODE: 'yes' }, /SMS_UNICODE must be true or false/],
      [{ ...smsEnv, SMS_MAX_SEGMENTS: 'many' }, /SMS_MAX_SEGMENTS/],
      [{ ZALO_APP_ID: zaloEnv.ZALO_APP_ID, ZALO_APP_SECRET: APP_SECRET }, /Zalo is half-configured: .* ZALO_REFRESH_TOKEN, ZALO_ZNS_TEMPLATES are missing/],
      [{ ...zaloEnv, ZALO_ZNS_TEMPLATES: 'dossiers.applicant-update' }, /ZALO_ZNS_TEMPLATES: "dossiers.applicant-update" is not/],
      [{ ...zaloEnv, ZALO_APP_ID: 'my-app' }, /ZALO_APP_ID must be the numeric id/],
      [{ ...zaloEnv, ZALO_ZNS_URL: 'http://zns.example.vn' }, /ZALO_ZNS_URL must be an https/],
      [{ MAIL_FROM: 'noreply@example.vn' }, /E-mail is half-configured: MAIL_FROM is set but SMTP_URL is missing/],
    ];
    for (const [env, message] of cases) {
      let err: unknown = null;
      try {
        channelsFromEnv(env);
      } catch (e) {
        err = e;
      }
      expect(err, JSON.stringify(Object.keys(env))).toBeInstanceOf(Error);
      expect((err as Error).message).toMatch(message);
      for (const secret of [API_KEY, APP_SECRET, REFRESH]) expect((err as Error).message).not.toContain(secret);
    }
  });

  it('reads the ZNS template ids', () => {
    expect([...parseZaloTemplates(' a.b=1 , c.d-e=22 ')]).toEqual([
      ['a.b', '1'],
      ['c.d-e', '22'],
    ]);
    expect(() => parseZaloTemplates('a.b=1,a.b=2')).toThrow(/twice/);
    expect(() => parseZaloTemplates(' , ')).toThrow(/at least one/);
    expect(() => parseZaloTemplates('a.b=x1')).toThrow(/numeric/);
  });
});
