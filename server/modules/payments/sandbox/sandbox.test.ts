// The sandbox gateway driven by the real adapter, as it would drive VNPAY: a bare Fastify app serving the plugin on a
// test database, a pinned clock, and a merchant stand-in that answers IPNs the way the payments module does.
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Database } from '../../../platform/db/database';
import { createTestDatabase } from '../../../platform/db/test-database';
import type { GatewayReport, PaymentOrder } from '../gateway/gateway';
import { createVnpayGateway, vnpaySign, vnpaySignedQuery } from '../gateway/vnpay';
import { sandboxGatewayRoutes } from './sandbox.routes';

const TMN = 'MOTCUA01';
const SECRET = 'sandbox-test-secret';
const PREFIX = '/sandbox/vnpay';
const RETURN_URL = 'https://motcua.example.vn/portal/payments/return?from=vnpay';
const IPN_URL = 'https://motcua.example.vn/api/v1/payments/vnpay/ipn';
const START = new Date('2026-03-01T02:00:00Z'); // 09:00 in Vietnam

let database: Database;
let app: FastifyInstance;
let now = START;
const clock = { now: () => new Date(now.getTime()) };

/** The merchant side: its orders, what each IPN said, and how it answered. */
const merchantOrders = new Map<string, { amountVnd: number; confirmed: boolean }>();
let delivered: Array<{ url: string; report: GatewayReport | null; answer: { RspCode: string; Message: string } }> = [];
let failDelivery: 'throw' | 'http-500' | null = null;

const gateway = createVnpayGateway(
  { tmnCode: TMN, hashSecret: SECRET, payUrl: `${PREFIX}/paymentv2/vpcpay.html`, apiUrl: `${PREFIX}/merchant_webapi/api/transaction` },
  async (url, body) => {
    const res = await app.inject({ method: 'POST', url, payload: body as object });
    return { status: res.statusCode, body: res.json<unknown>() };
  },
);

/** Answers an IPN as the merchant would: only a verified report of a known order for its amount settles it, once. */
async function merchantDeliver(url: string): Promise<{ status: number; body: unknown }> {
  if (failDelivery === 'throw') throw new Error('merchant unreachable');
  const query = Object.fromEntries(new URL(url).searchParams);
  const report = gateway.verifyCallback(query);
  const known = report ? merchantOrders.get(report.txnRef) : undefined;
  const verdict = !report
    ? 'invalid-signature'
    : !known
      ? 'order-not-found'
      : known.amountVnd !== report.amountVnd
        ? 'invalid-amount'
        : known.confirmed
          ? 'already-confirmed'
          : 'confirmed';
  if (verdict === 'confirmed') known!.confirmed = true;
  const answer = gateway.ipnAnswer(verdict);
  delivered.push({ url, report, answer });
  return failDelivery === 'http-500' ? { status: 500, body: { error: 'boom' } } : { status: 200, body: answer };
}

beforeAll(async () => {
  database = await createTestDatabase(inject('dbTemplate'));
  app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(sandboxGatewayRoutes, { prefix: PREFIX, db: database.db, clock, tmnCode: TMN, hashSecret: SECRET, ipnUrl: IPN_URL, deliver: merchantDeliver });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});
beforeEach(() => {
  now = START;
  delivered = [];
  failDelivery = null;
});

let seq = 0;
/** A new payment attempt the merchant knows about. */
function newOrder(overrides: Partial<PaymentOrder> = {}): PaymentOrder {
  seq += 1;
  const order: PaymentOrder = {
    txnRef: `T${process.pid}x${seq}`,
    amountVnd: 150_000,
    orderInfo: `Thanh toan le phi ho so HS-${seq}`,
    createdAt: now,
    expiresAt: new Date(now.getTime() + 15 * 60_000),
    ipAddr: '203.0.113.7',
    locale: 'vn',
    returnUrl: RETURN_URL,
    ...overrides,
  };
  merchantOrders.set(order.txnRef, { amountVnd: order.amountVnd, confirmed: false });
  return order;
}

const openPage = (order: PaymentOrder) => app.inject({ method: 'GET', url: gateway.paymentUrl(order) });
const form = (fields: Record<string, string>) => ({
  method: 'POST' as const,
  url: `${PREFIX}/decide`,
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  payload: new URLSearchParams(fields).toString(),
});
const decide = (txnRef: string, action: string, ipn = 'normal') => app.inject(form({ txnRef, action, ipn }));
/** The query of a redirect to the return URL. */
const returned = (location: string) => Object.fromEntries(new URL(location).searchParams);
const control = (path: string, payload: object) => app.inject({ method: 'POST', url: `${PREFIX}/control/${path}`, payload });

/** Opens and decides an order, checking the redirect; returns the verified return report and the order. */
async function pay(action: 'approve' | 'decline' | 'cancel', ipn = 'normal', overrides: Partial<PaymentOrder> = {}) {
  const order = newOrder(overrides);
  expect((await openPage(order)).statusCode).toBe(200);
  const res = await decide(order.txnRef, action, ipn);
  expect(res.statusCode).toBe(302);
  const location = String(res.headers.location);
  expect(location.startsWith(`${RETURN_URL}&vnp_`)).toBe(true);
  const report = gateway.verifyCallback(returned(location));
  expect(report).not.toBeNull();
  return { order, location, report: report! };
}

describe('payment page', () => {
  it('shows the order in Vietnamese with the decision form, escaped, under a restrictive policy', async () => {
    const order = newOrder({ orderInfo: 'Thanh toan <b>ho so</b> & "phi"' });
    const res = await openPage(order);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("form-action 'self' https://motcua.example.vn");
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toContain('unsafe-inline');
    const html = res.body;
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('150.000 ₫');
    expect(html).toContain('Thanh toan &lt;b&gt;ho so&lt;/b&gt; &amp; &quot;phi&quot;');
    expect(html).not.toContain('<b>ho so</b>');
    expect(html).toContain(TMN);
    expect(html).toContain('09:15:00 01/03/2026 (GMT+7)');
    expect(html).toContain(`action="${PREFIX}/decide"`);
    expect(html).toContain(`name="txnRef" value="${order.txnRef}"`);
    expect(html).toMatch(/<label for="sandbox-ipn">[^<]+<\/label>\s*<select id="sandbox-ipn" name="ipn"/);
    for (const mode of ['normal', 'none', 'held', 'twice']) expect(html).toContain(`<option value="${mode}"`);
    expect(html).toContain('data-testid="sandbox-approve">Thanh toán</button>');
    expect(html).toContain('data-testid="sandbox-decline">Từ chối</button>');
    expect(html).toContain('data-testid="sandbox-cancel">Hủy giao dịch</button>');
    expect(html).not.toMatch(/<script/i);
  });

  it('speaks English when vnp_Locale=en', async () => {
    const res = await openPage(newOrder({ locale: 'en', amountVnd: 1_250_000 }));
    expect(res.body).toContain('<html lang="en">');
    expect(res.body).toContain('1,250,000 ₫');
    expect(res.body).toContain('>Pay</button>');
  });

  it('is idempotent for the same order and refuses the reference with another amount', async () => {
    const order = newOrder();
    expect((await openPage(order)).statusCode).toBe(200);
    expect((await openPage(order)).statusCode).toBe(200);
    const other = await openPage({ ...order, amountVnd: 1_000 });
    expect(other.statusCode).toBe(400);
    expect(other.body).toContain('data-testid="sandbox-error-code">01<');
  });

  it("refuses a bad signature (70), another merchant (02) and malformed parameters (03) with VNPAY's code", async () => {
    const url = gateway.paymentUrl(newOrder());
    const tampered = await app.inject({ method: 'GET', url: url.replace('vnp_Amount=15000000', 'vnp_Amount=1500000') });
    expect(tampered.statusCode).toBe(400);
    expect(tampered.body).toContain('data-testid="sandbox-error-code">70<');
    expect(tampered.body).toContain('Sai chữ ký');

    const other = createVnpayGateway({ tmnCode: 'OTHER001', hashSecret: SECRET, payUrl: `${PREFIX}/paymentv2/vpcpay.html`, apiUrl: '' }, () => Promise.reject(new Error('unused')));
    expect((await app.inject({ method: 'GET', url: other.paymentUrl(newOrder()) })).body).toContain('>02<');

    // Validly signed, but without vnp_ExpireDate and with a repeated parameter.
    const params = Object.fromEntries(new URL(url, 'http://x').searchParams);
    delete params.vnp_SecureHash;
    delete params.vnp_ExpireDate;
    const noExpiry = await app.inject({ method: 'GET', url: `${PREFIX}/paymentv2/vpcpay.html?${vnpaySignedQuery(SECRET, params)}` });
    expect(noExpiry.statusCode).toBe(400);
    expect(noExpiry.body).toContain('>03<');
    expect((await app.inject({ method: 'GET', url: `${url}&vnp_TxnRef=again` })).body).toContain('>03<');
  });
});

describe('decisions', () => {
  it('approve: one IPN, verified as succeeded, before the 302 to the return URL carrying the same signed result', async () => {
    const { order, location, report } = await pay('approve');
    expect(delivered).toHaveLength(1);
    const ipn = delivered[0]!;
    expect(ipn.url.startsWith(`${IPN_URL}?vnp_Amount=15000000&`)).toBe(true);
    expect(ipn.answer).toEqual({ RspCode: '00', Message: 'Confirm Success' });
    expect(ipn.report).toEqual(report);
    expect(new URL(location).search.replace('?from=vnpay&', '?')).toBe(new URL(ipn.url).search);
    expect(report).toMatchObject({ txnRef: order.txnRef, amountVnd: 150_000, outcome: 'succeeded', responseCode: '00', transactionStatus: '00', bankCode: 'NCB', payDate: START });
    expect(report.gatewayTxnNo).toMatch(/^\d{8}$/);
    const query = returned(location);
    expect(query).toMatchObject({ vnp_CardType: 'ATM', vnp_BankTranNo: `VNP${report.gatewayTxnNo}`, vnp_OrderInfo: order.orderInfo, vnp_TmnCode: TMN, from: 'vnpay' });
  });

  it('gives each approval its own transaction number', async () => {
    const a = await pay('approve');
    const b = await pay('approve');
    expect(a.report.gatewayTxnNo).not.toBe(b.report.gatewayTxnNo);
  });

  it('decline (51) and cancel (24), with transaction number 0', async () => {
    const declined = await pay('decline');
    expect(declined.report).toMatchObject({ outcome: 'failed', responseCode: '51', transactionStatus: '02', gatewayTxnNo: null });
    expect(returned(declined.location).vnp_TransactionNo).toBe('0');
    const cancelled = await pay('cancel');
    expect(cancelled.report).toMatchObject({ outcome: 'cancelled', responseCode: '24', transactionStatus: '02', gatewayTxnNo: null });
    expect(delivered.map((d) => d.report?.outcome)).toEqual(['failed', 'cancelled']);
  });

  it('an order past its expiry is decided as expired (11), whatever was clicked', async () => {
    const order = newOrder();
    await openPage(order);
    now = new Date(order.expiresAt.getTime() + 1000);
    const res = await decide(order.txnRef, 'approve');
    expect(res.statusCode).toBe(302);
    expect(gateway.verifyCallback(returned(String(res.headers.location)))).toMatchObject({ outcome: 'failed', responseCode: '11' });
    expect(delivered[0]!.report).toMatchObject({ outcome: 'failed', responseCode: '11' });
  });

  it('decides once: a second decision and a reload show "already decided" with the way back, and send nothing', async () => {
    const { order, location } = await pay('approve');
    const again = await decide(order.txnRef, 'decline');
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('data-testid="sandbox-already-decided"');
    const reload = await openPage(order);
    expect(reload.statusCode).toBe(409);
    const href = /<a href="([^"]+)" data-testid="sandbox-return-link">/.exec(reload.body)?.[1]?.replace(/&amp;/g, '&');
    expect(href).toBe(location);
    expect(delivered).toHaveLength(1);
  });

  it('refuses a malformed decision and an unknown order', async () => {
    expect((await app.inject(form({ txnRef: 'X', action: 'steal' }))).statusCode).toBe(400);
    const unknown = await decide('NEVERSEEN', 'approve');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('>91<');
  });

  it('still redirects when the IPN cannot be delivered or is not confirmed', async () => {
    failDelivery = 'throw';
    expect((await pay('approve')).report.outcome).toBe('succeeded');
    failDelivery = 'http-500';
    expect((await pay('approve')).report.outcome).toBe('succeeded');
    expect(delivered).toHaveLength(1);
  });
});

describe('notification modes', () => {
  it('none: no IPN; the merchant learns the result by querying', async () => {
    const { order } = await pay('approve', 'none');
    expect(delivered).toHaveLength(0);
    expect(await gateway.query(order, now)).toMatchObject({ txnRef: order.txnRef, outcome: 'succeeded', amountVnd: 150_000, bankCode: 'NCB', payDate: START });
  });

  it('held: no IPN until /control/deliver, which delivers it once', async () => {
    const { order, report } = await pay('approve', 'held');
    expect(delivered).toHaveLength(0);
    const res = await control('deliver', { txnRef: order.txnRef });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ delivered: true, merchant: { RspCode: '00', Message: 'Confirm Success' }, merchantStatus: 200 });
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.report).toEqual(report);
    const again = await control('deliver', { txnRef: order.txnRef });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ delivered: false, reason: 'nothing-held' });
    expect((await control('deliver', { txnRef: 'NEVERSEEN' })).statusCode).toBe(404);
  });

  it('held: a delivery that fails keeps the notification held', async () => {
    const { order } = await pay('approve', 'held');
    failDelivery = 'throw';
    expect((await control('deliver', { txnRef: order.txnRef })).statusCode).toBe(502);
    failDelivery = null;
    expect((await control('deliver', { txnRef: order.txnRef })).json()).toMatchObject({ delivered: true });
  });

  it('twice: the same signed notification two times; the merchant confirms the first and says already confirmed', async () => {
    await pay('approve', 'twice');
    expect(delivered).toHaveLength(2);
    expect(delivered[0]!.url).toBe(delivered[1]!.url);
    expect(delivered.map((d) => d.answer.RspCode)).toEqual(['00', '02']);
  });
});

describe('querydr', () => {
  it('pending while undecided, failed once expired undecided, succeeded when paid; not found when unknown or another date', async () => {
    const order = newOrder();
    await openPage(order);
    expect(await gateway.query(order, now)).toMatchObject({ outcome: 'pending', transactionStatus: '01', gatewayTxnNo: null, payDate: null, amountVnd: 150_000 });
    now = new Date(order.expiresAt.getTime() + 1000);
    expect(await gateway.query(order, now)).toMatchObject({ outcome: 'failed', transactionStatus: '02' });

    now = START;
    const paid = await pay('approve');
    expect(await gateway.query(paid.order, now)).toEqual({ ...paid.report, responseCode: '00' });
    const cancelled = await pay('cancel');
    expect(await gateway.query(cancelled.order, now)).toMatchObject({ outcome: 'failed', transactionStatus: '02' });

    expect(await gateway.query(newOrder(), now)).toBe('not-found');
    expect(await gateway.query({ ...paid.order, createdAt: new Date(START.getTime() + 1000) }, now)).toBe('not-found');
  });

  it('answers 97 to a bad checksum, 94 to a repeated request id, 02 to another terminal, 03 to a malformed request — all signed', async () => {
    const body: Record<string, string> = {
      vnp_RequestId: 'req0001',
      vnp_Version: '2.1.0',
      vnp_Command: 'querydr',
      vnp_TmnCode: TMN,
      vnp_TxnRef: 'T1',
      vnp_TransactionDate: '20260301090000',
      vnp_CreateDate: '20260301090500',
      vnp_IpAddr: '203.0.113.7',
      vnp_OrderInfo: 'Truy van',
    };
    const sign = (b: Record<string, string>) => ({
      ...b,
      vnp_SecureHash: vnpaySign(
        SECRET,
        [b.vnp_RequestId, '2.1.0', 'querydr', b.vnp_TmnCode, b.vnp_TxnRef, b.vnp_TransactionDate, b.vnp_CreateDate, b.vnp_IpAddr, b.vnp_OrderInfo].join('|'),
      ),
    });
    const ask = async (payload: object) => (await app.inject({ method: 'POST', url: `${PREFIX}/merchant_webapi/api/transaction`, payload })).json<Record<string, string>>();
    // The answer's own signature, over its fields in the documented order.
    const verified = (a: Record<string, string>) => {
      const fields = ['vnp_ResponseId', 'vnp_Command', 'vnp_ResponseCode', 'vnp_Message', 'vnp_TmnCode', 'vnp_TxnRef', 'vnp_Amount', 'vnp_BankCode', 'vnp_PayDate'];
      const rest = ['vnp_TransactionNo', 'vnp_TransactionType', 'vnp_TransactionStatus', 'vnp_OrderInfo', 'vnp_PromotionCode', 'vnp_PromotionAmount'];
      const data = [...fields, ...rest].map((f) => a[f] ?? '').join('|');
      return a.vnp_SecureHash === createHmac('sha512', SECRET).update(data).digest('hex');
    };

    const first = await ask(sign(body));
    expect(first).toMatchObject({ vnp_ResponseCode: '91', vnp_Command: 'querydr', vnp_TmnCode: TMN, vnp_TxnRef: 'T1' });
    expect(verified(first)).toBe(true);
    const repeated = await ask(sign(body));
    expect(repeated.vnp_ResponseCode).toBe('94');
    expect(verified(repeated)).toBe(true);
    const badChecksum = await ask({ ...sign({ ...body, vnp_RequestId: 'req0002' }), vnp_TxnRef: 'T2' });
    expect(badChecksum.vnp_ResponseCode).toBe('97');
    expect(verified(badChecksum)).toBe(true);
    expect((await ask(sign({ ...body, vnp_RequestId: 'req0003', vnp_TmnCode: 'OTHER001' }))).vnp_ResponseCode).toBe('02');
    expect((await ask(sign({ ...body, vnp_RequestId: 'req0004', vnp_TransactionDate: '2026-03-01' }))).vnp_ResponseCode).toBe('03');
  });
});

describe('control notifications', () => {
  const notify = async (txnRef: string, kind: string) => {
    const res = await control('notify', { txnRef, kind });
    return { status: res.statusCode, body: res.json<{ merchant: { RspCode: string }; sent: Record<string, string> }>() };
  };

  it('repeat: the same signed result again, which the merchant has already confirmed', async () => {
    const { order } = await pay('approve');
    const res = await notify(order.txnRef, 'repeat');
    expect(res.status).toBe(200);
    expect(delivered).toHaveLength(2);
    expect(delivered[1]!.url).toBe(delivered[0]!.url);
    expect(res.body.merchant.RspCode).toBe('02');
  });

  it('forged-signature and tampered-amount fail verification', async () => {
    const { order } = await pay('approve', 'none');
    const forged = await notify(order.txnRef, 'forged-signature');
    expect(delivered[0]!.report).toBeNull();
    expect(forged.body.merchant.RspCode).toBe('97');
    expect(forged.body.sent.vnp_SecureHash).toMatch(/^[0-9a-f]{128}$/);

    const tampered = await notify(order.txnRef, 'tampered-amount');
    expect(delivered[1]!.report).toBeNull();
    expect(tampered.body.merchant.RspCode).toBe('97');
    expect(tampered.body.sent.vnp_Amount).toBe('15100000');
    // The same parameters with the real amount carry a valid signature: only the amount was changed.
    expect(gateway.verifyCallback({ ...tampered.body.sent, vnp_Amount: '15000000' })).toMatchObject({ outcome: 'succeeded' });
  });

  it('forged-signature on an undecided order forges a success', async () => {
    const order = newOrder();
    await openPage(order);
    const forged = await notify(order.txnRef, 'forged-signature');
    expect(forged.body.sent).toMatchObject({ vnp_ResponseCode: '00', vnp_TransactionStatus: '00', vnp_TxnRef: order.txnRef });
    expect(delivered[0]!.report).toBeNull();
  });

  it('wrong-amount verifies, with an amount other than the order’s', async () => {
    const { order } = await pay('approve', 'none');
    const res = await notify(order.txnRef, 'wrong-amount');
    expect(delivered[0]!.report).toMatchObject({ txnRef: order.txnRef, outcome: 'succeeded', amountVnd: 151_000 });
    expect(res.body.merchant.RspCode).toBe('04');
  });

  it('stale-failure: a validly signed failure, dated before the success, for an order that succeeded', async () => {
    const { order, report } = await pay('approve');
    const res = await notify(order.txnRef, 'stale-failure');
    const stale = delivered[1]!.report!;
    expect(stale).toMatchObject({ txnRef: order.txnRef, outcome: 'failed', responseCode: '51', amountVnd: 150_000, gatewayTxnNo: null });
    expect(stale.payDate!.getTime()).toBeLessThan(report.payDate!.getTime());
    expect(res.body.merchant.RspCode).toBe('02');
    const declined = await pay('decline');
    expect((await notify(declined.order.txnRef, 'stale-failure')).status).toBe(409);
  });

  it('unknown-order: validly signed, for a reference the merchant never created', async () => {
    const res = await notify('NEVERCREATED1', 'unknown-order');
    expect(delivered[0]!.report).toMatchObject({ txnRef: 'NEVERCREATED1', outcome: 'succeeded', amountVnd: 10_000 });
    expect(res.body.merchant.RspCode).toBe('01');
    // A known reference names the order to imitate: same amount and text, a reference nobody created.
    const { order } = await pay('approve', 'none');
    const imitation = await notify(order.txnRef, 'unknown-order');
    expect(delivered[1]!.report).toMatchObject({ txnRef: `${order.txnRef}-UNKNOWN`, outcome: 'succeeded', amountVnd: order.amountVnd });
    expect(imitation.body.sent.vnp_OrderInfo).toBe(order.orderInfo);
    expect(imitation.body.merchant.RspCode).toBe('01');
  });

  it('refuses kinds that need an order it does not have, or a decision not taken', async () => {
    expect((await notify('NEVERSEEN', 'repeat')).status).toBe(404);
    const order = newOrder();
    await openPage(order);
    expect((await notify(order.txnRef, 'repeat')).status).toBe(409);
    expect((await control('notify', { txnRef: order.txnRef, kind: 'everything' })).statusCode).toBe(400);
  });
});

describe('statement', () => {
  it("lists the day's approvals (Vietnam's day) in the CSV that parseStatement reads", async () => {
    // 2026-03-05 in Vietnam: 00:00 (17:00Z the day before) to 23:59:59 (16:59:59Z).
    now = new Date('2026-03-04T17:00:00Z');
    const first = await pay('approve', 'normal', { createdAt: now, expiresAt: new Date(now.getTime() + 900_000) });
    now = new Date('2026-03-05T16:50:00Z');
    const second = await pay('approve', 'normal', { createdAt: now, expiresAt: new Date(now.getTime() + 900_000), amountVnd: 2_500_000 });
    await pay('decline', 'normal', { createdAt: now, expiresAt: new Date(now.getTime() + 900_000) });
    now = new Date('2026-03-05T17:00:00Z');
    await pay('approve', 'normal', { createdAt: now, expiresAt: new Date(now.getTime() + 900_000) });

    const res = await app.inject({ method: 'GET', url: `${PREFIX}/statement?day=2026-03-05` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.body.startsWith('TxnRef,TransactionNo,Amount,PayDate,Status\r\n')).toBe(true);
    const parsed = gateway.parseStatement(res.body);
    expect(parsed.errors).toEqual([]);
    expect(parsed.lines).toEqual(
      [first, second].map(({ report }) => ({
        txnRef: report.txnRef,
        gatewayTxnNo: report.gatewayTxnNo,
        amountVnd: report.amountVnd,
        payDate: report.payDate,
        status: 'succeeded',
      })),
    );
    expect(gateway.parseStatement((await app.inject({ method: 'GET', url: `${PREFIX}/statement?day=2026-03-03` })).body)).toEqual({ lines: [], errors: [] });
    expect((await app.inject({ method: 'GET', url: `${PREFIX}/statement?day=2026-02-30` })).statusCode).toBe(400);
  });
});
