// The VNPAY adapter against computations it does not make itself: HMACs from openssl over strings written out by hand,
// VNPAY's published sample URL, and querydr answers signed in the field order the documentation gives.
import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { GatewayTransport, PaymentOrder } from './gateway';
import { createVnpayGateway, formatStatement, formatVnpayDate, parseStatement, parseVnpayDate, vnpaySign, vnpaySignData, vnpaySignedQuery } from './vnpay';

const SECRET = 'TESTSECRETKEY0123456789ABCDEFGHI';
const TMN = 'MOTCUA01';
const config = { tmnCode: TMN, hashSecret: SECRET, payUrl: 'https://pay.example.vn/paymentv2/vpcpay.html', apiUrl: 'https://pay.example.vn/merchant_webapi/api/transaction' };
const noTransport: GatewayTransport = () => Promise.reject(new Error('no transport in this test'));

const order: PaymentOrder = {
  txnRef: 'P20260301A1',
  amountVnd: 150_000,
  orderInfo: 'Thanh toan phi ho so HS-000123: le phi',
  createdAt: new Date('2026-03-01T02:00:00Z'),
  expiresAt: new Date('2026-03-01T02:15:00Z'),
  ipAddr: '203.0.113.7',
  locale: 'vn',
  returnUrl: 'https://motcua.example.vn/portal/payments/return',
};

// Written out by hand from the protocol: sorted keys, URL-encoded values, spaces as '+'.
const CANONICAL =
  'vnp_Amount=15000000&vnp_Command=pay&vnp_CreateDate=20260301090000&vnp_CurrCode=VND&vnp_ExpireDate=20260301091500&vnp_IpAddr=203.0.113.7' +
  '&vnp_Locale=vn&vnp_OrderInfo=Thanh+toan+phi+ho+so+HS-000123%3A+le+phi&vnp_OrderType=other' +
  '&vnp_ReturnUrl=https%3A%2F%2Fmotcua.example.vn%2Fportal%2Fpayments%2Freturn&vnp_TmnCode=MOTCUA01&vnp_TxnRef=P20260301A1&vnp_Version=2.1.0';
// `printf '%s' "$CANONICAL" | openssl dgst -sha512 -hmac "$SECRET"`, run once when this test was written.
const CANONICAL_HMAC = '20c311a437226e5f588a331b34c3fee8cb501fa5852a9969fe7509cc50e753f14dd9e06154dfc47df080433bb862f778f3f975dab96cd385d05ecc6a25bf8466';

/** HMAC-SHA512 by the openssl command line, or null where openssl is not installed. */
function opensslHmac(secret: string, data: string): string | null {
  try {
    const out = execFileSync('openssl', ['dgst', '-sha512', '-hmac', secret], { input: data, encoding: 'utf8' });
    return /=\s*([0-9a-f]{128})\s*$/.exec(out)?.[1] ?? null;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** A return/IPN query as VNPAY sends it: signed, then parsed back the way a query-string parser does. */
function callback(params: Record<string, string>, secret = SECRET): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(vnpaySignedQuery(secret, params)));
}

const success = {
  vnp_Amount: '15000000',
  vnp_BankCode: 'NCB',
  vnp_BankTranNo: 'VNP14226112',
  vnp_CardType: 'ATM',
  vnp_OrderInfo: 'Thanh toan phi ho so HS-000123',
  vnp_PayDate: '20260301091012',
  vnp_ResponseCode: '00',
  vnp_TmnCode: TMN,
  vnp_TransactionNo: '14226112',
  vnp_TransactionStatus: '00',
  vnp_TxnRef: 'P20260301A1',
};

describe('signature', () => {
  it('signs the canonical string the way openssl computes the HMAC of the hand-written string', () => {
    const gateway = createVnpayGateway(config, noTransport);
    const url = gateway.paymentUrl(order);
    const [base, query] = url.split('?') as [string, string];
    expect(base).toBe(config.payUrl);
    expect(query).toBe(`${CANONICAL}&vnp_SecureHash=${CANONICAL_HMAC}`);
    expect(vnpaySign(SECRET, CANONICAL)).toBe(CANONICAL_HMAC);
    const live = opensslHmac(SECRET, CANONICAL);
    if (live !== null) expect(live).toBe(CANONICAL_HMAC);
  });

  it("encodes VNPAY's published sample URL exactly as published (order of keys, '+' for spaces, %3A)", () => {
    // https://sandbox.vnpayment.vn/apis/docs/huong-dan-tich-hop/ — the parameters, shuffled, and the query it shows.
    const published =
      'vnp_Amount=1806000&vnp_Command=pay&vnp_CreateDate=20210801153333&vnp_CurrCode=VND&vnp_IpAddr=127.0.0.1&vnp_Locale=vn' +
      '&vnp_OrderInfo=Thanh+toan+don+hang+%3A5&vnp_OrderType=other&vnp_ReturnUrl=https%3A%2F%2Fdomainmerchant.vn%2FReturnUrl&vnp_TmnCode=DEMOV210&vnp_TxnRef=5&vnp_Version=2.1.0';
    const params = {
      vnp_Version: '2.1.0',
      vnp_TxnRef: '5',
      vnp_TmnCode: 'DEMOV210',
      vnp_ReturnUrl: 'https://domainmerchant.vn/ReturnUrl',
      vnp_OrderType: 'other',
      vnp_OrderInfo: 'Thanh toan don hang :5',
      vnp_Locale: 'vn',
      vnp_IpAddr: '127.0.0.1',
      vnp_CurrCode: 'VND',
      vnp_CreateDate: '20210801153333',
      vnp_Command: 'pay',
      vnp_Amount: '1806000',
    };
    expect(vnpaySignData({ ...params, vnp_SecureHash: 'ab', vnp_SecureHashType: 'HmacSHA512', other: 'not signed', vnp_BankCode: '' })).toBe(published);
  });

  it('signs Vietnamese text as UTF-8 percent-encoding with spaces as +, and a return carrying it round-trips', () => {
    const params = { vnp_TmnCode: TMN, vnp_OrderInfo: 'Nộp lệ phí hồ sơ', vnp_Amount: '15000000' };
    const data = 'vnp_Amount=15000000&vnp_OrderInfo=N%E1%BB%99p+l%E1%BB%87+ph%C3%AD+h%E1%BB%93+s%C6%A1&vnp_TmnCode=MOTCUA01';
    expect(vnpaySignData(params)).toBe(data);
    const expected = '82e6ede94c8b56cd408b49475597b16784ca2d4ae341b29f6d2bd70756d046881db3d655ddcedf1dde1625d0bdfddab3ce5800711efcf0f5458c574294dc2a90';
    expect(vnpaySign(SECRET, data)).toBe(expected);
    const live = opensslHmac(SECRET, data);
    if (live !== null) expect(live).toBe(expected);

    const gateway = createVnpayGateway(config, noTransport);
    const report = gateway.verifyCallback(callback({ ...success, vnp_OrderInfo: 'Thanh toán lệ phí: hồ sơ số 12 & 13 / 100% ' }));
    expect(report).toMatchObject({ txnRef: 'P20260301A1', amountVnd: 150_000, outcome: 'succeeded' });
  });

  it("refuses to send order text VNPAY's samples would sign differently, and amounts that are not whole VND", () => {
    const gateway = createVnpayGateway(config, noTransport);
    expect(() => gateway.paymentUrl({ ...order, orderInfo: 'Nộp phí' })).toThrow(/vnp_OrderInfo/);
    expect(() => gateway.paymentUrl({ ...order, orderInfo: 'Phi (le phi)' })).toThrow(/vnp_OrderInfo/);
    expect(() => gateway.paymentUrl({ ...order, orderInfo: '' })).toThrow(/vnp_OrderInfo/);
    expect(() => gateway.paymentUrl({ ...order, amountVnd: 1500.5 })).toThrow(/amount/);
    expect(() => gateway.paymentUrl({ ...order, amountVnd: 0 })).toThrow(/amount/);
    expect(() => gateway.paymentUrl({ ...order, txnRef: 'a b' })).toThrow(/vnp_TxnRef/);
    expect(() => gateway.paymentUrl({ ...order, expiresAt: order.createdAt })).toThrow(/expire/);
  });
});

describe('verifyCallback', () => {
  const gateway = createVnpayGateway(config, noTransport);

  it('reports a signed success, with VND and the pay date at +07:00', () => {
    expect(gateway.verifyCallback(callback(success))).toEqual({
      txnRef: 'P20260301A1',
      amountVnd: 150_000,
      outcome: 'succeeded',
      responseCode: '00',
      transactionStatus: '00',
      gatewayTxnNo: '14226112',
      bankCode: 'NCB',
      payDate: new Date('2026-03-01T02:10:12Z'),
    });
  });

  it('accepts the signature in upper case and ignores vnp_SecureHashType and parameters outside vnp_', () => {
    const query = callback(success);
    expect(gateway.verifyCallback({ ...query, vnp_SecureHash: query.vnp_SecureHash!.toUpperCase(), vnp_SecureHashType: 'HmacSHA512', lang: 'vi' })).not.toBeNull();
  });

  it('maps the codes to outcomes', () => {
    const outcome = (vnp_ResponseCode: string, vnp_TransactionStatus: string) =>
      gateway.verifyCallback(callback({ ...success, vnp_ResponseCode, vnp_TransactionStatus, vnp_TransactionNo: '0' }))?.outcome;
    expect(outcome('24', '02')).toBe('cancelled');
    expect(outcome('51', '02')).toBe('failed');
    expect(outcome('11', '02')).toBe('failed');
    expect(outcome('00', '02')).toBe('failed');
    expect(outcome('07', '07')).toBe('pending');
    expect(gateway.verifyCallback(callback({ ...success, vnp_ResponseCode: '24', vnp_TransactionStatus: '02', vnp_TransactionNo: '0' }))?.gatewayTxnNo).toBeNull();
  });

  it('rejects a tampered amount, a missing or malformed signature, an added parameter and another secret', () => {
    const query = callback(success);
    expect(gateway.verifyCallback({ ...query, vnp_Amount: '1500000' })).toBeNull();
    const { vnp_SecureHash: _dropped, ...unsigned } = query;
    expect(gateway.verifyCallback(unsigned)).toBeNull();
    expect(gateway.verifyCallback({ ...query, vnp_SecureHash: '' })).toBeNull();
    expect(gateway.verifyCallback({ ...query, vnp_SecureHash: query.vnp_SecureHash!.slice(0, 127) })).toBeNull();
    expect(gateway.verifyCallback({ ...query, vnp_SecureHash: `${query.vnp_SecureHash!}00` })).toBeNull();
    expect(gateway.verifyCallback({ ...query, vnp_PromotionCode: 'FREE' })).toBeNull();
    expect(gateway.verifyCallback(callback(success, 'another-secret'))).toBeNull();
    expect(gateway.verifyCallback({ ...query, vnp_TxnRef: ['a', 'b'] as unknown as string })).toBeNull();
  });

  it('rejects validly signed callbacks of another terminal, with amounts that are not whole VND, or missing codes', () => {
    expect(gateway.verifyCallback(callback({ ...success, vnp_TmnCode: 'OTHER001' }))).toBeNull();
    expect(gateway.verifyCallback(callback({ ...success, vnp_Amount: '15000050' }))).toBeNull();
    expect(gateway.verifyCallback(callback({ ...success, vnp_Amount: '150000.00' }))).toBeNull();
    expect(gateway.verifyCallback(callback({ ...success, vnp_Amount: '-15000000' }))).toBeNull();
    expect(gateway.verifyCallback(callback({ ...success, vnp_Amount: '0' }))).toBeNull();
    expect(gateway.verifyCallback(callback({ ...success, vnp_PayDate: '20260230091012' }))).toBeNull();
    const { vnp_ResponseCode: _r, ...noResponse } = success;
    expect(gateway.verifyCallback(callback(noResponse))).toBeNull();
    const { vnp_TransactionStatus: _s, ...noStatus } = success;
    expect(gateway.verifyCallback(callback(noStatus))).toBeNull();
  });

  it('answers IPNs in VNPAY’s codes', () => {
    expect(gateway.ipnAnswer('confirmed')).toEqual({ RspCode: '00', Message: 'Confirm Success' });
    expect(gateway.ipnAnswer('order-not-found').RspCode).toBe('01');
    expect(gateway.ipnAnswer('already-confirmed').RspCode).toBe('02');
    expect(gateway.ipnAnswer('invalid-amount').RspCode).toBe('04');
    expect(gateway.ipnAnswer('invalid-signature')).toEqual({ RspCode: '97', Message: 'Invalid signature' });
    expect(gateway.ipnAnswer('unknown-error').RspCode).toBe('99');
  });
});

describe('dates', () => {
  it('writes instants in Vietnam time, across midnight UTC and the new year', () => {
    expect(formatVnpayDate(new Date('2026-03-01T16:59:59Z'))).toBe('20260301235959');
    expect(formatVnpayDate(new Date('2026-03-01T17:00:00Z'))).toBe('20260302000000');
    expect(formatVnpayDate(new Date('2026-03-01T23:30:05Z'))).toBe('20260302063005');
    expect(formatVnpayDate(new Date('2025-12-31T20:00:00Z'))).toBe('20260101030000');
    expect(() => formatVnpayDate(new Date(Number.NaN))).toThrow();
  });

  it('reads them back, refusing what is not a date', () => {
    expect(parseVnpayDate('20260302000000')?.toISOString()).toBe('2026-03-01T17:00:00.000Z');
    expect(parseVnpayDate('20240229120000')?.toISOString()).toBe('2024-02-29T05:00:00.000Z');
    for (const bad of ['20260230120000', '20250229120000', '20260301240000', '20261301000000', '2026030112000', '202603011200000', '2026-03-01 12:00', '']) {
      expect(parseVnpayDate(bad), bad).toBeNull();
    }
  });
});

describe('query (querydr)', () => {
  const now = new Date('2026-03-01T03:00:00Z');
  const queried = { txnRef: order.txnRef, createdAt: order.createdAt, ipAddr: order.ipAddr, orderInfo: 'Thanh toan phi ho so HS-000123' };
  // The answer's fields in the order the documentation gives, joined by '|' (written here, not taken from the adapter).
  const signAnswer = (a: Record<string, string>, secret = SECRET) => {
    const data = [
      a.vnp_ResponseId,
      a.vnp_Command,
      a.vnp_ResponseCode,
      a.vnp_Message,
      a.vnp_TmnCode,
      a.vnp_TxnRef,
      a.vnp_Amount,
      a.vnp_BankCode,
      a.vnp_PayDate,
      a.vnp_TransactionNo,
      a.vnp_TransactionType,
      a.vnp_TransactionStatus,
      a.vnp_OrderInfo,
      a.vnp_PromotionCode,
      a.vnp_PromotionAmount,
    ]
      .map((v) => v ?? '')
      .join('|');
    return { ...a, vnp_SecureHash: createHmac('sha512', secret).update(data).digest('hex') };
  };
  const paid = {
    vnp_ResponseId: 'a1b2c3',
    vnp_Command: 'querydr',
    vnp_ResponseCode: '00',
    vnp_Message: 'QueryDR Success',
    vnp_TmnCode: TMN,
    vnp_TxnRef: order.txnRef,
    vnp_Amount: '15000000',
    vnp_BankCode: 'NCB',
    vnp_PayDate: '20260301091012',
    vnp_TransactionNo: '14226112',
    vnp_TransactionType: '01',
    vnp_TransactionStatus: '00',
    vnp_OrderInfo: 'Thanh toan phi ho so HS-000123',
  };
  const answering = (answer: unknown, status = 200) => {
    const sent: Array<{ url: string; body: Record<string, string> }> = [];
    const transport: GatewayTransport = async (url, body) => {
      sent.push({ url, body: body as Record<string, string> });
      return { status, body: answer };
    };
    return { gateway: createVnpayGateway(config, transport), sent };
  };

  it('sends the documented fields, signed over them joined by | in the documented order', async () => {
    const { gateway, sent } = answering(signAnswer(paid));
    await gateway.query(queried, now);
    expect(sent).toHaveLength(1);
    const { url, body } = sent[0]!;
    expect(url).toBe(config.apiUrl);
    expect(body).toMatchObject({
      vnp_Version: '2.1.0',
      vnp_Command: 'querydr',
      vnp_TmnCode: TMN,
      vnp_TxnRef: order.txnRef,
      vnp_TransactionDate: '20260301090000',
      vnp_CreateDate: '20260301100000',
      vnp_IpAddr: '203.0.113.7',
      vnp_OrderInfo: 'Thanh toan phi ho so HS-000123',
    });
    expect(body.vnp_RequestId).toMatch(/^[0-9a-f]{32}$/);
    const data = `${body.vnp_RequestId}|2.1.0|querydr|MOTCUA01|P20260301A1|20260301090000|20260301100000|203.0.113.7|Thanh toan phi ho so HS-000123`;
    expect(body.vnp_SecureHash).toBe(createHmac('sha512', SECRET).update(data).digest('hex'));
    const again = answering(signAnswer(paid));
    await again.gateway.query(queried, now);
    expect(again.sent[0]!.body.vnp_RequestId).not.toBe(body.vnp_RequestId);
  });

  it('reports a verified answer: paid, pending, failed, refunded', async () => {
    expect(await answering(signAnswer(paid)).gateway.query(queried, now)).toEqual({
      txnRef: order.txnRef,
      amountVnd: 150_000,
      outcome: 'succeeded',
      responseCode: '00',
      transactionStatus: '00',
      gatewayTxnNo: '14226112',
      bankCode: 'NCB',
      payDate: new Date('2026-03-01T02:10:12Z'),
    });
    const pending = { ...paid, vnp_TransactionStatus: '01', vnp_TransactionNo: '0', vnp_BankCode: '', vnp_PayDate: '' };
    expect(await answering(signAnswer(pending)).gateway.query(queried, now)).toMatchObject({ outcome: 'pending', gatewayTxnNo: null, bankCode: null, payDate: null });
    expect(await answering(signAnswer({ ...paid, vnp_TransactionStatus: '02' })).gateway.query(queried, now)).toMatchObject({ outcome: 'failed' });
    expect(await answering(signAnswer({ ...paid, vnp_TransactionType: '02', vnp_TransactionStatus: '05' })).gateway.query(queried, now)).toMatchObject({ outcome: 'succeeded' });
    // Numbers where strings were expected are read as their decimal text, for the signature too.
    const numeric = signAnswer(paid);
    expect(await answering({ ...numeric, vnp_Amount: 15000000 }).gateway.query(queried, now)).toMatchObject({ amountVnd: 150_000 });
  });

  it("returns 'not-found' for a signed 91", async () => {
    const notFound = { vnp_ResponseId: 'x', vnp_Command: 'querydr', vnp_ResponseCode: '91', vnp_Message: 'Not found', vnp_TmnCode: TMN, vnp_TxnRef: order.txnRef };
    expect(await answering(signAnswer(notFound)).gateway.query(queried, now)).toBe('not-found');
    await expect(answering(notFound).gateway.query(queried, now)).rejects.toThrow(/unsigned or its signature is wrong/);
  });

  it('throws when the answer is forged, unsigned, for another transaction, refused, or never comes', async () => {
    const forged = { ...signAnswer(paid), vnp_Amount: '1500000' };
    await expect(answering(forged).gateway.query(queried, now)).rejects.toThrow(/signature is wrong/);
    const { vnp_SecureHash: _h, ...unsigned } = signAnswer(paid);
    await expect(answering(unsigned).gateway.query(queried, now)).rejects.toThrow(/unsigned/);
    await expect(answering(signAnswer(paid, 'another-secret')).gateway.query(queried, now)).rejects.toThrow(/signature/);
    await expect(answering(signAnswer({ ...paid, vnp_TxnRef: 'OTHER' })).gateway.query(queried, now)).rejects.toThrow(/another transaction/);
    await expect(answering(signAnswer({ ...paid, vnp_TmnCode: 'OTHER001' })).gateway.query(queried, now)).rejects.toThrow(/another terminal/);
    await expect(answering(signAnswer({ ...paid, vnp_ResponseCode: '97' })).gateway.query(queried, now)).rejects.toThrow(/code 97/);
    await expect(answering(signAnswer({ ...paid, vnp_ResponseCode: '94' })).gateway.query(queried, now)).rejects.toThrow(/code 94/);
    await expect(answering(signAnswer(paid), 502).gateway.query(queried, now)).rejects.toThrow(/HTTP 502/);
    await expect(answering('<html>').gateway.query(queried, now)).rejects.toThrow(/not a JSON object/);
    const down = createVnpayGateway(config, () => Promise.reject(new Error('ECONNREFUSED')));
    const err: unknown = await down.query(queried, now).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/did not reach VNPAY/);
    expect(((err as Error).cause as Error).message).toBe('ECONNREFUSED');
  });
});

describe('statement', () => {
  const gateway = createVnpayGateway(config, noTransport);

  it('reads good lines and reports each bad one by its line number and reason, with a BOM and CRLF', () => {
    const csv = [
      '\uFEFFTxnRef,TransactionNo,Amount,PayDate,Status',
      'P1,14226112,150000,20260301091012,success',
      '"P2",14226113,"2000000",20260301235959,refund',
      'P3,0,50000,20260301100000,failed',
      '',
      'P4,14226114,150.000,20260301091012,success',
      'P5,14226115,150000,20260230091012,success',
      'P6,14226116,150000,20260301091012,ok',
      'P7,14226117,150000,20260301091012',
      ',14226118,150000,20260301091012,success',
      '"P9,14226119,150000,20260301091012,success',
      'P10,VNP1,150000,20260301091012,success',
      'P11,14226120,0,20260301091012,success',
      'P12,14226121,150000,20260301091012,Success',
      '',
    ].join('\r\n');
    const parsed = gateway.parseStatement(csv);
    expect(parsed.lines).toEqual([
      { txnRef: 'P1', gatewayTxnNo: '14226112', amountVnd: 150_000, payDate: new Date('2026-03-01T02:10:12Z'), status: 'succeeded' },
      { txnRef: 'P2', gatewayTxnNo: '14226113', amountVnd: 2_000_000, payDate: new Date('2026-03-01T16:59:59Z'), status: 'refunded' },
      { txnRef: 'P3', gatewayTxnNo: null, amountVnd: 50_000, payDate: new Date('2026-03-01T03:00:00Z'), status: 'failed' },
    ]);
    expect(parsed.errors).toEqual([
      { line: 6, reason: 'amount-invalid' },
      { line: 7, reason: 'pay-date-invalid' },
      { line: 8, reason: 'status-unknown' },
      { line: 9, reason: 'field-count' },
      { line: 10, reason: 'txn-ref-missing' },
      { line: 11, reason: 'quote-invalid' },
      { line: 12, reason: 'transaction-no-invalid' },
      { line: 13, reason: 'amount-invalid' },
      { line: 14, reason: 'status-unknown' },
    ]);
  });

  it('reads columns by their header names and ignores other columns; LF alone works too', () => {
    const parsed = parseStatement('Status,Amount,BankCode,TxnRef,PayDate,TransactionNo\nsuccess,150000,NCB,P1,20260301091012,14226112\n');
    expect(parsed).toEqual({ lines: [{ txnRef: 'P1', gatewayTxnNo: '14226112', amountVnd: 150_000, payDate: new Date('2026-03-01T02:10:12Z'), status: 'succeeded' }], errors: [] });
  });

  it('reads nothing without its header', () => {
    expect(parseStatement('')).toEqual({ lines: [], errors: [{ line: 1, reason: 'header-missing' }] });
    expect(parseStatement('P1,14226112,150000,20260301091012,success\n')).toEqual({ lines: [], errors: [{ line: 1, reason: 'header-invalid' }] });
    expect(parseStatement('TxnRef,TxnRef,TransactionNo,Amount,PayDate,Status\n').errors).toEqual([{ line: 1, reason: 'header-invalid' }]);
  });

  it('writes what it reads', () => {
    const lines = [
      { txnRef: 'P1', gatewayTxnNo: '14226112', amountVnd: 150_000, payDate: new Date('2026-03-01T17:00:00Z'), status: 'succeeded' as const },
      { txnRef: 'P,2', gatewayTxnNo: null, amountVnd: 1, payDate: new Date('2026-03-01T02:00:00Z'), status: 'refunded' as const },
    ];
    const csv = formatStatement(lines);
    expect(csv.split('\r\n')[1]).toBe('P1,14226112,150000,20260302000000,success');
    expect(parseStatement(csv)).toEqual({ lines, errors: [] });
  });
});
