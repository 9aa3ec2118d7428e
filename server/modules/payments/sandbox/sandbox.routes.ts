// The sandbox gateway: a stand-in for VNPAY (protocol 2.1.0) that the app serves itself in development and tests, so
// the real adapter drives it exactly as it would drive VNPAY. Its "bank" is the payments_sandbox_orders table. What it
// does, and the controls that make a notification late, doubled, forged or out of order, are in ../PAYMENT_GATEWAY.md.
import { randomInt, randomUUID } from 'node:crypto';
import type { FastifyBaseLogger, FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { and, asc, eq, gte, isNotNull, isNull, lt } from 'drizzle-orm';
import { z } from 'zod';
import type { Clock } from '../../../platform/context/context';
import type { Db } from '../../../platform/db/database';
import { paymentSandboxOrders } from '../payments.tables';
import {
  formatStatement,
  formatVnpayDate,
  parseVnpayDate,
  VNPAY_QUERY_MESSAGES,
  VNPAY_QUERY_REQUEST_FIELDS,
  VNPAY_QUERY_RESPONSE_FIELDS,
  VNPAY_RESPONSE_MESSAGES,
  VNPAY_VERSION,
  vnpayAmountToVnd,
  vnpayMessage,
  vnpayPipeData,
  vnpaySign,
  vnpaySignatureMatches,
  vnpaySignData,
  vnpaySignedQuery,
} from '../gateway/vnpay';
import { IPN_MODES, renderDecidedPage, renderErrorPage, renderPaymentPage, type IpnMode, type SandboxLocale, type SandboxPage } from './sandbox.page';

/** What the sandbox needs from the app. */
export interface SandboxGatewayOptions {
  db: Db;
  clock: Clock;
  tmnCode: string;
  hashSecret: string;
  /** The merchant's IPN URL (GET with the signed query string). */
  ipnUrl: string;
  /** Sends a GET to a URL and returns what the merchant answered (the app passes app.inject for its own URLs, fetch otherwise). */
  deliver: (url: string) => Promise<{ status: number; body: unknown }>;
}

type SandboxOrder = typeof paymentSandboxOrders.$inferSelect;
type Params = Record<string, string>;

/** The payer's choices on the payment page, and the expiry that overrides them. */
const DECISIONS = {
  approve: { responseCode: '00', transactionStatus: '00', state: 'succeeded' },
  decline: { responseCode: '51', transactionStatus: '02', state: 'failed' },
  cancel: { responseCode: '24', transactionStatus: '02', state: 'cancelled' },
  expired: { responseCode: '11', transactionStatus: '02', state: 'failed' },
} as const;

/** IPN answers after which VNPAY stops notifying; anything else (99, no JSON, HTTP errors) would be retried by VNPAY. */
const DEFINITE_RSP_CODES = new Set(['00', '01', '02', '04', '97']);
/** The bank every sandbox payment goes through (VNPAY's sandbox test bank). */
const BANK_CODE = 'NCB';
/** How many querydr request ids are remembered to answer 94 to a repeated one. */
const REMEMBERED_REQUEST_IDS = 10_000;
/** The amount difference of the `tampered-amount` and `wrong-amount` notifications: 1,000 VND in VNPAY's unit. */
const AMOUNT_SHIFT = 100_000;
const DAY_MS = 24 * 60 * 60 * 1000;

const TXN_REF = /^[A-Za-z0-9._-]{1,100}$/;
const isHttpUrl = (text: string) => {
  try {
    const u = new URL(text);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    // Not a URL at all: refused like any other malformed parameter.
    return false;
  }
};

const PayQuerySchema = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
const PayParamsSchema = z.object({
  vnp_Version: z.literal(VNPAY_VERSION),
  vnp_Command: z.literal('pay'),
  vnp_TmnCode: z.string(),
  vnp_Amount: z.string().refine((amount) => vnpayAmountToVnd(amount) !== null),
  vnp_CurrCode: z.literal('VND'),
  vnp_TxnRef: z.string().regex(TXN_REF),
  vnp_OrderInfo: z.string().min(1).max(255),
  vnp_OrderType: z.string().min(1).max(100),
  vnp_Locale: z.enum(['vn', 'en']),
  vnp_ReturnUrl: z.string().max(1000).refine(isHttpUrl),
  vnp_IpAddr: z.string().min(1).max(45),
  vnp_CreateDate: z.string().refine((s) => parseVnpayDate(s) !== null),
  vnp_ExpireDate: z.string().refine((s) => parseVnpayDate(s) !== null),
  vnp_BankCode: z.string().max(20).optional(),
});
const DecideBodySchema = z.object({
  txnRef: z.string().min(1).max(100),
  action: z.enum(['approve', 'decline', 'cancel']),
  ipn: z.enum(IPN_MODES).default('normal'),
  locale: z.enum(['vn', 'en']).default('vn'),
});
const QueryBodySchema = z.record(z.string(), z.unknown());
const QueryRequestSchema = z.object({
  vnp_RequestId: z.string().min(1).max(32),
  vnp_Version: z.literal(VNPAY_VERSION),
  vnp_Command: z.literal('querydr'),
  vnp_TmnCode: z.string(),
  vnp_TxnRef: z.string().min(1).max(100),
  vnp_TransactionDate: z.string().regex(/^\d{14}$/),
  vnp_CreateDate: z.string().regex(/^\d{14}$/),
  vnp_IpAddr: z.string().min(1).max(45),
  vnp_OrderInfo: z.string().min(1).max(255),
  vnp_SecureHash: z.string(),
});
/** The first instant of a day (YYYY-MM-DD) in Vietnam's time, or null when there is no such day. */
const vietnamDayStart = (day: string) => (/^\d{4}-\d{2}-\d{2}$/.test(day) ? parseVnpayDate(`${day.replace(/-/g, '')}000000`) : null);
const StatementQuerySchema = z.object({ day: z.string().refine((day) => vietnamDayStart(day) !== null, 'not a day (YYYY-MM-DD)') });
const DeliverBodySchema = z.object({ txnRef: z.string().min(1).max(100) });
/** The notifications POST /control/notify can send (PAYMENT_GATEWAY.md §7). */
export const SANDBOX_NOTIFY_KINDS = ['repeat', 'forged-signature', 'tampered-amount', 'wrong-amount', 'stale-failure', 'unknown-order'] as const;
const NotifyBodySchema = z.object({ txnRef: z.string().regex(TXN_REF), kind: z.enum(SANDBOX_NOTIFY_KINDS) });

/** `url` with a query string appended (after its own, if it has one). */
function withQuery(url: string, query: string): string {
  const hash = url.indexOf('#');
  const base = hash < 0 ? url : url.slice(0, hash);
  return `${base}${base.includes('?') ? '&' : '?'}${query}`;
}

/** The query string of result parameters, signed, or with the signature given (a forged one). */
const resultQuery = (params: Params, secret: string, signature?: string) =>
  signature === undefined ? vnpaySignedQuery(secret, params) : `${vnpaySignData(params)}&vnp_SecureHash=${signature}`;

/** The signed result of a decided order, rebuilt from its row (the same parameters every time it is asked for). */
function decidedResult(order: SandboxOrder): Params {
  const approved = order.state === 'succeeded';
  return {
    vnp_Amount: String(order.amount),
    vnp_BankCode: order.bankCode ?? BANK_CODE,
    ...(approved ? { vnp_BankTranNo: `VNP${order.transactionNo}` } : {}),
    vnp_CardType: 'ATM',
    vnp_OrderInfo: order.orderInfo,
    vnp_PayDate: formatVnpayDate(order.payDate ?? order.decidedAt ?? order.createdAt),
    vnp_ResponseCode: order.responseCode ?? '99',
    vnp_TmnCode: order.tmnCode,
    vnp_TransactionNo: order.transactionNo ?? '0',
    vnp_TransactionStatus: approved ? '00' : '02',
    vnp_TxnRef: order.txnRef,
  };
}

/** A success result for the order, for the forged and tampered notifications: its own if it succeeded, else a made-up one. */
function approvalResult(order: SandboxOrder, now: Date): Params {
  if (order.state === 'succeeded') return decidedResult(order);
  const transactionNo = String(randomInt(10_000_000, 100_000_000));
  return decidedResult({ ...order, state: 'succeeded', responseCode: '00', transactionNo, bankCode: BANK_CODE, payDate: now });
}

/** A new transaction number no other sandbox order has (8 digits, like VNPAY's). */
async function freshTransactionNo(db: Db): Promise<string> {
  for (;;) {
    const candidate = String(randomInt(10_000_000, 100_000_000));
    const [taken] = await db.select({ txnRef: paymentSandboxOrders.txnRef }).from(paymentSandboxOrders).where(eq(paymentSandboxOrders.transactionNo, candidate)).limit(1);
    if (!taken) return candidate;
  }
}

async function findOrder(db: Db, txnRef: string): Promise<SandboxOrder | null> {
  const [order] = await db.select().from(paymentSandboxOrders).where(eq(paymentSandboxOrders.txnRef, txnRef)).limit(1);
  return order ?? null;
}

/** The locale a page is shown in: the order's, else Vietnamese. */
const localeOf = (value: unknown): SandboxLocale => (value === 'en' ? 'en' : 'vn');

function sendPage(reply: FastifyReply, status: number, page: SandboxPage) {
  return (
    reply
      .status(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', page.csp)
      .header('cache-control', 'no-store')
      // Under the app's `no-referrer` a form post carries `Origin: null`, which the app refuses as a foreign origin;
      // the page's own origin is what the decision is posted with, as on a real gateway's page.
      .header('referrer-policy', 'same-origin')
      .send(page.html)
  );
}

/** The sandbox VNPAY gateway (payment page, decisions, querydr, statement, controls); register under /sandbox/vnpay. */
export async function sandboxGatewayRoutes(app: FastifyInstance, opts: SandboxGatewayOptions): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, clock, tmnCode, hashSecret } = opts;
  const open = { action: 'public' };
  const seenRequestIds = new Set<string>();

  // The payment page's form posts application/x-www-form-urlencoded; the app has no parser for it (if it ever gets
  // one, that one is used: adding a second would throw).
  if (!app.hasContentTypeParser('application/x-www-form-urlencoded')) {
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });
  }

  const errorPage = (reply: FastifyReply, locale: SandboxLocale, code: string, status = 400) =>
    sendPage(reply, status, renderErrorPage(locale, code, vnpayMessage(VNPAY_RESPONSE_MESSAGES, code, locale)));

  const decidedPage = (reply: FastifyReply, order: SandboxOrder, locale: SandboxLocale) =>
    sendPage(
      reply,
      409,
      renderDecidedPage(
        locale,
        vnpayMessage(VNPAY_RESPONSE_MESSAGES, order.responseCode ?? '99', locale),
        withQuery(order.returnUrl, resultQuery(decidedResult(order), hashSecret)),
      ),
    );

  /** Sends a notification to the merchant; never throws (a failure is logged and returned). */
  async function notify(log: FastifyBaseLogger, txnRef: string, query: string): Promise<{ status: number; body: unknown } | { error: unknown }> {
    try {
      const answer = await opts.deliver(withQuery(opts.ipnUrl, query));
      const rspCode = (answer.body as { RspCode?: unknown } | null)?.RspCode;
      if (answer.status !== 200 || typeof rspCode !== 'string' || !DEFINITE_RSP_CODES.has(rspCode)) {
        log.warn({ txnRef, status: answer.status, answer: answer.body }, 'sandbox gateway: the merchant did not confirm the notification (VNPAY would retry)');
      }
      return answer;
    } catch (error) {
      log.error({ err: error, txnRef }, 'sandbox gateway: the notification could not be delivered');
      return { error };
    }
  }

  r.get('/paymentv2/vpcpay.html', { config: open, schema: { hide: true, summary: 'Sandbox VNPAY: the payment page', querystring: PayQuerySchema } }, async (request, reply) => {
    const raw = request.query;
    const locale = localeOf(raw.vnp_Locale);
    const params: Params = {};
    for (const [key, value] of Object.entries(raw)) {
      if (typeof value !== 'string') return errorPage(reply, locale, '03');
      params[key] = value;
    }
    if (params.vnp_TmnCode !== tmnCode) return errorPage(reply, locale, '02');
    if (!vnpaySignatureMatches(hashSecret, vnpaySignData(params), params.vnp_SecureHash)) return errorPage(reply, locale, '70');
    const parsed = PayParamsSchema.safeParse(params);
    if (!parsed.success) return errorPage(reply, locale, '03');
    const p = parsed.data;
    const expireAt = parseVnpayDate(p.vnp_ExpireDate)!;
    if (expireAt.getTime() <= parseVnpayDate(p.vnp_CreateDate)!.getTime()) return errorPage(reply, locale, '03');

    const amount = Number(p.vnp_Amount);
    await db
      .insert(paymentSandboxOrders)
      .values({
        txnRef: p.vnp_TxnRef,
        tmnCode: p.vnp_TmnCode,
        amount,
        orderInfo: p.vnp_OrderInfo,
        createDate: p.vnp_CreateDate,
        expireAt,
        returnUrl: p.vnp_ReturnUrl,
        ipAddr: p.vnp_IpAddr,
        state: 'created',
        createdAt: clock.now(),
      })
      .onConflictDoNothing({ target: paymentSandboxOrders.txnRef });
    const order = (await findOrder(db, p.vnp_TxnRef))!;
    // The same reference again (a reload, the back button) is the same order only with the same amount, text and date.
    if (order.amount !== amount || order.orderInfo !== p.vnp_OrderInfo || order.createDate !== p.vnp_CreateDate) return errorPage(reply, p.vnp_Locale, '01');
    if (order.state !== 'created') return decidedPage(reply, order, p.vnp_Locale);

    return sendPage(
      reply,
      200,
      renderPaymentPage({
        locale: p.vnp_Locale,
        tmnCode: order.tmnCode,
        txnRef: order.txnRef,
        amountVnd: order.amount / 100,
        orderInfo: order.orderInfo,
        expireAt: order.expireAt,
        decideUrl: `${app.prefix}/decide`,
        returnOrigin: new URL(order.returnUrl).origin,
      }),
    );
  });

  r.post('/decide', { config: open, schema: { hide: true, summary: "Sandbox VNPAY: the payer's decision", body: DecideBodySchema } }, async (request, reply) => {
    const { txnRef, action, ipn, locale } = request.body;
    const order = await findOrder(db, txnRef);
    if (!order) return sendPage(reply, 404, renderErrorPage(locale, '91', vnpayMessage(VNPAY_QUERY_MESSAGES, '91', locale)));
    if (order.state !== 'created') return decidedPage(reply, order, locale);

    const now = clock.now();
    // VNPAY refuses payment once vnp_ExpireDate has passed, whatever the payer does then.
    const decision = DECISIONS[now.getTime() > order.expireAt.getTime() ? 'expired' : action];
    const transactionNo = decision.state === 'succeeded' ? await freshTransactionNo(db) : '0';
    const decided: SandboxOrder = {
      ...order,
      state: decision.state,
      responseCode: decision.responseCode,
      transactionNo,
      bankCode: BANK_CODE,
      payDate: now,
      decidedAt: now,
    };
    const result = decidedResult(decided);
    const query = resultQuery(result, hashSecret);
    const [updated] = await db
      .update(paymentSandboxOrders)
      .set({
        state: decided.state,
        responseCode: decided.responseCode,
        transactionNo,
        bankCode: BANK_CODE,
        payDate: now,
        decidedAt: now,
        heldIpn: ipn === 'held' ? { ...result, vnp_SecureHash: vnpaySign(hashSecret, vnpaySignData(result)) } : null,
      })
      .where(and(eq(paymentSandboxOrders.txnRef, txnRef), eq(paymentSandboxOrders.state, 'created')))
      .returning();
    // Another decision of the same order committed first.
    if (!updated) return decidedPage(reply, (await findOrder(db, txnRef))!, locale);

    const deliveries: Record<IpnMode, number> = { normal: 1, twice: 2, none: 0, held: 0 };
    for (let i = 0; i < deliveries[ipn]; i++) await notify(request.log, txnRef, query);
    return reply.header('cache-control', 'no-store').redirect(withQuery(order.returnUrl, query), 302);
  });

  /** A signed querydr answer: the fields given, plus the answer's id, command, terminal and message. */
  function queryAnswer(code: string, fields: Params): Params {
    const answer: Params = {
      vnp_ResponseId: randomUUID().replace(/-/g, ''),
      vnp_Command: 'querydr',
      vnp_ResponseCode: code,
      vnp_Message: vnpayMessage(VNPAY_QUERY_MESSAGES, code, 'en'),
      vnp_TmnCode: tmnCode,
      ...fields,
    };
    answer.vnp_SecureHash = vnpaySign(hashSecret, vnpayPipeData(VNPAY_QUERY_RESPONSE_FIELDS, answer));
    return answer;
  }

  r.post(
    '/merchant_webapi/api/transaction',
    { config: open, schema: { hide: true, summary: 'Sandbox VNPAY: querydr, the status of a transaction', body: QueryBodySchema } },
    async (request) => {
      const body = request.body;
      const txnRef: Params = typeof body.vnp_TxnRef === 'string' ? { vnp_TxnRef: body.vnp_TxnRef } : {};
      const parsed = QueryRequestSchema.safeParse(body);
      if (!parsed.success) return queryAnswer('03', txnRef);
      const q = parsed.data;
      if (q.vnp_TmnCode !== tmnCode) return queryAnswer('02', txnRef);
      if (!vnpaySignatureMatches(hashSecret, vnpayPipeData(VNPAY_QUERY_REQUEST_FIELDS, q), q.vnp_SecureHash)) return queryAnswer('97', txnRef);
      if (seenRequestIds.has(q.vnp_RequestId)) return queryAnswer('94', txnRef);
      seenRequestIds.add(q.vnp_RequestId);
      if (seenRequestIds.size > REMEMBERED_REQUEST_IDS) seenRequestIds.delete(seenRequestIds.values().next().value!);

      const order = await findOrder(db, q.vnp_TxnRef);
      // VNPAY finds a transaction by its reference and the date it was created with.
      if (!order || order.createDate !== q.vnp_TransactionDate) return queryAnswer('91', txnRef);
      const common: Params = { vnp_TxnRef: order.txnRef, vnp_Amount: String(order.amount), vnp_OrderInfo: order.orderInfo, vnp_TransactionType: '01' };
      if (order.state === 'created') {
        // Undecided: pending while the payer may still pay; past vnp_ExpireDate VNPAY reports it as not successful.
        const expired = clock.now().getTime() > order.expireAt.getTime();
        return queryAnswer('00', { ...common, vnp_TransactionNo: '0', vnp_TransactionStatus: expired ? '02' : '01' });
      }
      const result = decidedResult(order);
      return queryAnswer('00', {
        ...common,
        vnp_BankCode: result.vnp_BankCode!,
        vnp_PayDate: result.vnp_PayDate!,
        vnp_TransactionNo: result.vnp_TransactionNo!,
        vnp_TransactionStatus: result.vnp_TransactionStatus!,
      });
    },
  );

  r.get('/statement', { config: open, schema: { hide: true, summary: "Sandbox VNPAY: a day's statement (CSV)", querystring: StatementQuerySchema } }, async (request, reply) => {
    const { day } = request.query;
    const start = vietnamDayStart(day)!;
    const t = paymentSandboxOrders;
    const rows = await db
      .select()
      .from(t)
      .where(and(eq(t.state, 'succeeded'), isNotNull(t.payDate), gte(t.payDate, start), lt(t.payDate, new Date(start.getTime() + DAY_MS))))
      .orderBy(asc(t.payDate), asc(t.txnRef));
    const csv = formatStatement(
      rows.map((row) => ({ txnRef: row.txnRef, gatewayTxnNo: row.transactionNo, amountVnd: row.amount / 100, payDate: row.payDate!, status: 'succeeded' as const })),
    );
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="vnpay-statement-${day}.csv"`)
      .header('cache-control', 'no-store')
      .send(csv);
  });

  r.post(
    '/control/deliver',
    { config: open, schema: { hide: true, summary: 'Sandbox VNPAY: deliver a held notification now', body: DeliverBodySchema } },
    async (request, reply) => {
      const { txnRef } = request.body;
      const t = paymentSandboxOrders;
      const order = await findOrder(db, txnRef);
      if (!order) return reply.status(404).send({ delivered: false, reason: 'unknown-order' });
      const held = order.heldIpn;
      // Taken off the order before it is sent, so two calls never deliver it twice.
      const taken =
        held &&
        (
          await db
            .update(t)
            .set({ heldIpn: null })
            .where(and(eq(t.txnRef, txnRef), isNotNull(t.heldIpn)))
            .returning({ txnRef: t.txnRef })
        ).length > 0;
      if (!held || !taken) return reply.status(409).send({ delivered: false, reason: 'nothing-held' });
      const { vnp_SecureHash: signature, ...params } = held;
      const answer = await notify(request.log, txnRef, resultQuery(params, hashSecret, signature));
      if ('error' in answer) {
        await db
          .update(t)
          .set({ heldIpn: held })
          .where(and(eq(t.txnRef, txnRef), isNull(t.heldIpn)));
        return reply.status(502).send({ delivered: false, reason: 'delivery-failed' });
      }
      return { delivered: true, merchant: answer.body, merchantStatus: answer.status };
    },
  );

  r.post(
    '/control/notify',
    { config: open, schema: { hide: true, summary: 'Sandbox VNPAY: send a duplicated, forged, tampered or out-of-order notification', body: NotifyBodySchema } },
    async (request, reply) => {
      const { txnRef, kind } = request.body;
      const order = await findOrder(db, txnRef);
      const now = clock.now();
      let params: Params;
      let signature: string | undefined;
      if (kind === 'unknown-order') {
        // A reference the sandbox knows names the order to imitate; the notification carries one nobody created.
        const unknownRef = order ? `${txnRef.slice(0, 92)}-UNKNOWN` : txnRef;
        if (await findOrder(db, unknownRef)) return reply.status(409).send({ reason: 'order-known' });
        const made: SandboxOrder = {
          txnRef: unknownRef,
          tmnCode,
          amount: order?.amount ?? 1_000_000,
          orderInfo: order?.orderInfo ?? `Thanh toan ${unknownRef}`,
          createDate: formatVnpayDate(now),
          expireAt: now,
          returnUrl: '',
          ipAddr: '',
          state: 'created',
          responseCode: null,
          transactionNo: null,
          bankCode: null,
          payDate: null,
          heldIpn: null,
          createdAt: now,
          decidedAt: null,
        };
        params = approvalResult(made, now);
      } else if (!order) {
        return reply.status(404).send({ reason: 'unknown-order' });
      } else if (kind === 'repeat') {
        if (order.state === 'created') return reply.status(409).send({ reason: 'not-decided' });
        params = decidedResult(order);
      } else if (kind === 'stale-failure') {
        if (order.state !== 'succeeded') return reply.status(409).send({ reason: 'not-succeeded' });
        // A decline from before the payment that succeeded, arriving after it.
        const earlier = new Date((order.payDate ?? now).getTime() - 60_000);
        params = decidedResult({ ...order, state: 'failed', responseCode: '51', transactionNo: '0', payDate: earlier });
      } else if (kind === 'wrong-amount') {
        params = { ...approvalResult(order, now), vnp_Amount: String(order.amount + AMOUNT_SHIFT) };
      } else if (kind === 'tampered-amount') {
        const signed = approvalResult(order, now);
        signature = vnpaySign(hashSecret, vnpaySignData(signed));
        params = { ...signed, vnp_Amount: String(order.amount + AMOUNT_SHIFT) };
      } else {
        params = approvalResult(order, now);
        // The right length and alphabet, made with another key.
        signature = vnpaySign(`forged:${hashSecret}`, vnpaySignData(params));
      }
      const answer = await notify(request.log, txnRef, resultQuery(params, hashSecret, signature));
      if ('error' in answer) return reply.status(502).send({ reason: 'delivery-failed' });
      return { merchant: answer.body, merchantStatus: answer.status, sent: { ...params, vnp_SecureHash: signature ?? vnpaySign(hashSecret, vnpaySignData(params)) } };
    },
  );
}
