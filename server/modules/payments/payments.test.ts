// Issue 13 items 1–3: a fee paid before processing, through the gateway adapter driving the sandbox gateway the app
// serves. Every scenario checks that nothing is lost or doubled: one settlement, one receipt number, one resumption
// of the dossier, and forged, replayed, late and out-of-order notifications changing nothing they must not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type TestAgent, type TestApp } from '../../test/test-app';
import type { DossierPayments, FinanceTransactions, Mismatches, PaymentReturnView, StartPaymentResponse, StatementView } from '../../../contracts/payments/payments.contracts';
import type { SubmissionDetail } from '../../../contracts/submissions/submissions.contracts';
import { createOfficer, loginAs } from '../identity/test/factories';
import { DOSSIER_TEST_ENV, publishProcedure } from '../dossiers/test/factories';
import { applicant, createSubmissionWorld, decide, FORM_ONLY_PROCEDURE, save, startDraft, submit, type SubmissionWorld } from '../submissions/test/factories';
import { applyPaidRequests, reconcilePending } from '.';
import { paymentNotifications, paymentReceiptSeries, paymentRequests, paymentTransactions } from './payments.tables';

let t: TestApp;
let w: SubmissionWorld;
let code: string;
let finance: TestAgent;
let outsideFinance: TestAgent;
const FEE = 150_000;
const FORM_ONLY = FORM_ONLY_PROCEDURE;

beforeAll(async () => {
  t = await createTestApp({ env: DOSSIER_TEST_ENV });
  w = await createSubmissionWorld(t);
  code = await publishProcedure(t, [w.dept.id], {
    ...FORM_ONLY,
    fees: [
      { channel: 'online', amountVnd: FEE, text: 'Trực tuyến: 150.000 đồng' },
      { channel: 'direct', amountVnd: 50_000, text: 'Trực tiếp: 50.000 đồng' },
    ],
    feeDue: 'before-processing',
  });
  finance = await loginAs(t.app, await createOfficer(t.database.db, 'finance-officer', w.centre));
  outsideFinance = await loginAs(t.app, await createOfficer(t.database.db, 'finance-officer', w.otherCentre));
});
afterAll(async () => t?.close());

/** An online application received by the desk: the dossier now awaits its fee. Returns the dossier's id. */
async function dossierAwaitingFee(): Promise<string> {
  const draft = await startDraft(w.citizenAgent, code, w.centre.id);
  const s = await submit(w.citizenAgent, await save(w.citizenAgent, draft, { applicant: applicant(), answers: { fullName: 'Nguyễn Văn An', birthDate: '1990-05-01' } }));
  return dossierIdOf(await decide(w.agents.reception, s, { decision: 'accept' }));
}

/** The dossier an accepted application became. */
async function dossierIdOf(accepted: SubmissionDetail): Promise<string> {
  // The desk's answer is the desk's view; the applicant's view names the dossier.
  const mine = (await w.citizenAgent.get(`/api/v1/submissions/${accepted.id}`)).json<SubmissionDetail>();
  return mine.dossier!.id;
}

const payments = async (id: string, agent: TestAgent = w.citizenAgent) => (await agent.get(`/api/v1/citizen/dossiers/${id}/payments`)).json<DossierPayments>();

async function start(id: string): Promise<StartPaymentResponse> {
  const res = await w.citizenAgent.post(`/api/v1/citizen/dossiers/${id}/payments`, { locale: 'vi' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<StartPaymentResponse>();
}

/** The payer opens the gateway's page (the sandbox checks the signed URL) and decides; returns where it sends the browser. */
async function payAtGateway(p: StartPaymentResponse, action: 'approve' | 'decline' | 'cancel', ipn: 'normal' | 'none' | 'held' | 'twice' = 'normal'): Promise<URL> {
  const page = await t.app.inject({ method: 'GET', url: p.paymentUrl });
  expect(page.statusCode, page.body).toBe(200);
  const decided = await t.app.inject({
    method: 'POST',
    url: '/sandbox/vnpay/decide',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ txnRef: p.txnRef, action, ipn, locale: 'vn' }).toString(),
  });
  expect(decided.statusCode, decided.body).toBe(302);
  return new URL(decided.headers.location as string);
}

/** The portal's return page reading the gateway's return. */
async function readReturn(back: URL): Promise<PaymentReturnView> {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/payments/return${back.search}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<PaymentReturnView>();
}

async function control(kind: string, txnRef: string): Promise<{ RspCode: string }> {
  const res = await t.app.inject({ method: 'POST', url: '/sandbox/vnpay/control/notify', payload: { txnRef, kind } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ merchant: { RspCode: string } }>().merchant;
}

/** A statement line (TxnRef, TransactionNo, Amount, PayDate, Status) with another amount. */
const withAmount = (line: string, amount: number) =>
  line
    .split(',')
    .map((cell, i) => (i === 2 ? String(amount) : cell))
    .join(',');
const txnOf = async (txnRef: string) => (await t.database.db.select().from(paymentTransactions).where(eq(paymentTransactions.txnRef, txnRef)))[0]!;
const dossierRow = async (id: string) =>
  (
    await t.database.db.execute<{ state: string; status_code: number; version: number; fee_vnd: number; fee_payment_method: string | null; due_at: Date }>(
      sql`select state, status_code, version, fee_vnd, fee_payment_method, due_at from dossiers where id = ${id}`,
    )
  ).rows[0]!;
const settleAudits = async (txnRef: string) =>
  (await t.database.db.execute<{ n: number }>(sql`select count(*)::int as n from audit_events where action like 'payments.settle.%' and after->>'txnRef' = ${txnRef}`)).rows[0]!.n;
const receiptsIssued = async () => (await t.database.db.select().from(paymentReceiptSeries).where(eq(paymentReceiptSeries.unitId, w.centre.id)))[0]?.last ?? 0;

describe('the fee notice', () => {
  it('an online dossier of a procedure whose fee is paid before processing is received awaiting it, its clock stopped', async () => {
    t.clock.set('2026-03-02T02:00:00Z');
    const id = await dossierAwaitingFee();
    const d = await dossierRow(id);
    expect(d).toMatchObject({ state: 'AWAITING_PAYMENT', status_code: 6, fee_vnd: 0 });
    const pause = await t.database.db.execute<{ reason: string; amount_vnd: number; to_at: Date | null }>(
      sql`select reason, amount_vnd, to_at from dossiers_pauses where dossier_id = ${id}`,
    );
    expect(pause.rows).toEqual([{ reason: 'financial-obligation', amount_vnd: FEE, to_at: null }]);
    const view = await payments(id);
    expect(view.due).toMatchObject({ amountVnd: FEE, payableOnline: true });
    expect(view.due!.reason).toContain('150.000');
    expect(view.requests).toEqual([]);
    // Another account sees nothing of it.
    expect((await w.otherCitizenAgent.get(`/api/v1/citizen/dossiers/${id}/payments`)).statusCode).toBe(404);
    expect((await w.otherCitizenAgent.post(`/api/v1/citizen/dossiers/${id}/payments`, {})).statusCode).toBe(404);
  });

  it('a procedure with no stated time for its fee, or a desk dossier, awaits nothing', async () => {
    const plain = await publishProcedure(t, [w.dept.id], { ...FORM_ONLY, fees: [{ channel: 'online', amountVnd: FEE }] });
    const draft = await startDraft(w.citizenAgent, plain, w.centre.id);
    const s = await submit(w.citizenAgent, await save(w.citizenAgent, draft, { applicant: applicant(), answers: { fullName: 'Nguyễn Văn An', birthDate: '1990-05-01' } }));
    const dossierId = await dossierIdOf(await decide(w.agents.reception, s, { decision: 'accept' }));
    expect((await dossierRow(dossierId)).state).toBe('RECEIVED');
    const res = await w.citizenAgent.post(`/api/v1/citizen/dossiers/${dossierId}/payments`, {});
    expect(res.statusCode).toBe(409);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('PAYMENT_NOT_DUE');
  });
});

describe('paying', () => {
  it('approved, notified before the return: one settlement, one receipt, the dossier resumes with the paused time added', async () => {
    t.clock.set('2026-03-03T02:00:00Z');
    const id = await dossierAwaitingFee();
    const dueBefore = new Date((await dossierRow(id)).due_at);
    t.clock.advance(60 * 60_000);
    const p = await start(id);
    expect(p.amountVnd).toBe(FEE);
    expect(p.paymentUrl).toMatch(/^\/sandbox\/vnpay\/paymentv2\/vpcpay\.html\?.*vnp_Amount=15000000/);
    const receiptsBefore = await receiptsIssued();
    const back = await payAtGateway(p, 'approve');
    // The notification came first: the return already reads the settled attempt.
    const ret = await readReturn(back);
    expect(ret).toMatchObject({ txnRef: p.txnRef, state: 'succeeded', gatewayOutcome: 'succeeded', amountVnd: FEE, dossierId: id });
    expect(ret.receiptNo).toMatch(new RegExp(`^${w.centre.code}-2026-\\d{6}$`));
    expect(await receiptsIssued()).toBe(receiptsBefore + 1);
    const txn = await txnOf(p.txnRef);
    expect(txn).toMatchObject({ state: 'succeeded', settledVia: 'ipn', responseCode: '00', overpaid: null });
    expect(txn.returnedAt).not.toBeNull();

    // The sweep applies it: confirm-payment, the paused hour added to the due, the fee recorded as paid online.
    expect(await applyPaidRequests(t.systemCtx())).toBeGreaterThanOrEqual(1);
    const d = await dossierRow(id);
    expect(d).toMatchObject({ state: 'RECEIVED', status_code: 2, fee_vnd: FEE, fee_payment_method: 'online' });
    expect(new Date(d.due_at).getTime()).toBeGreaterThan(dueBefore.getTime());
    const [request] = await t.database.db.select().from(paymentRequests).where(eq(paymentRequests.dossierId, id));
    expect(request).toMatchObject({ state: 'paid', appliedOutcome: 'resumed' });
    const events = await t.database.db.execute<{ kind: string }>(sql`select kind from dossiers_events where dossier_id = ${id} order by at, id`);
    expect(events.rows.map((e) => e.kind).filter((k) => k.endsWith('payment'))).toEqual(['request-payment', 'confirm-payment']);

    // A replayed notification, again and again: 02, nothing moves.
    const version = d.version;
    expect((await control('repeat', p.txnRef)).RspCode).toBe('02');
    expect((await control('repeat', p.txnRef)).RspCode).toBe('02');
    // Out of order: a failure report after the success changes nothing.
    expect((await control('stale-failure', p.txnRef)).RspCode).toBe('02');
    expect(await applyPaidRequests(t.systemCtx())).toBe(0);
    expect(await txnOf(p.txnRef)).toMatchObject({ state: 'succeeded', receiptNo: ret.receiptNo });
    expect((await dossierRow(id)).version).toBe(version);
    expect(await receiptsIssued()).toBe(receiptsBefore + 1);
    expect(await settleAudits(p.txnRef)).toBe(1);
    const outcomes = await t.database.db.select({ outcome: paymentNotifications.outcome }).from(paymentNotifications).where(eq(paymentNotifications.txnRef, p.txnRef));
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['applied', 'duplicate', 'duplicate', 'stale']);

    // Nothing is due any more; the history shows the payment and its receipt downloads.
    const view = await payments(id);
    expect(view.due).toBeNull();
    expect(view.requests[0]!.attempts[0]).toMatchObject({ txnRef: p.txnRef, state: 'succeeded', receiptNo: ret.receiptNo });
    const pdf = await w.citizenAgent.get(`/api/v1/citizen/dossiers/${id}/payments/${p.txnRef}/receipt`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await w.otherCitizenAgent.get(`/api/v1/citizen/dossiers/${id}/payments/${p.txnRef}/receipt`)).statusCode).toBe(404);
    const again = await w.citizenAgent.post(`/api/v1/citizen/dossiers/${id}/payments`, {});
    expect(again.statusCode).toBe(409);
  });

  it('forged, tampered, wrong-amount and unknown notifications are refused in the gateway’s codes and change nothing', async () => {
    t.clock.set('2026-03-04T02:00:00Z');
    const id = await dossierAwaitingFee();
    const p = await start(id);
    await t.app.inject({ method: 'GET', url: p.paymentUrl });
    expect((await control('forged-signature', p.txnRef)).RspCode).toBe('97');
    expect((await control('tampered-amount', p.txnRef)).RspCode).toBe('97');
    expect((await control('wrong-amount', p.txnRef)).RspCode).toBe('04');
    expect((await control('unknown-order', 'MCUNKNOWN000000001')).RspCode).toBe('01');
    expect(await txnOf(p.txnRef)).toMatchObject({ state: 'pending', settledAt: null, receiptNo: null });
    expect((await dossierRow(id)).state).toBe('AWAITING_PAYMENT');
    // A hand-made notification with no signature at all.
    const bare = await t.app.inject({ method: 'GET', url: `/api/v1/payments/vnpay/ipn?vnp_TxnRef=${p.txnRef}&vnp_ResponseCode=00&vnp_Amount=${FEE * 100}` });
    expect(bare.json()).toMatchObject({ RspCode: '97' });
    // A return without a valid signature is refused (and settles nothing either way).
    const badReturn = await t.app.inject({ method: 'GET', url: `/api/v1/payments/return?vnp_TxnRef=${p.txnRef}&vnp_ResponseCode=00` });
    expect(badReturn.statusCode).toBe(400);
    expect(badReturn.json<{ error: { code: string } }>().error.code).toBe('PAYMENT_SIGNATURE_INVALID');
    expect(await settleAudits(p.txnRef)).toBe(0);
  });

  it('declined, then cancelled, then paid: the request stays open until the third attempt, which alone is settled paid', async () => {
    t.clock.set('2026-03-05T02:00:00Z');
    const id = await dossierAwaitingFee();
    const first = await start(id);
    expect((await readReturn(await payAtGateway(first, 'decline'))).state).toBe('failed');
    const second = await start(id);
    const cancelled = await readReturn(await payAtGateway(second, 'cancel'));
    expect(cancelled).toMatchObject({ state: 'cancelled', receiptNo: null });
    expect((await txnOf(second.txnRef)).responseCode).toBe('24');
    expect((await dossierRow(id)).state).toBe('AWAITING_PAYMENT');
    expect((await payments(id)).due!.payableOnline).toBe(true);
    const third = await start(id);
    expect((await readReturn(await payAtGateway(third, 'approve'))).state).toBe('succeeded');
    await applyPaidRequests(t.systemCtx());
    expect((await dossierRow(id)).state).toBe('RECEIVED');
    const states = (await payments(id)).requests[0]!.attempts.map((a) => a.state);
    expect(states).toEqual(['failed', 'cancelled', 'succeeded']);
  });

  it('the payer never comes back (timed out): the reconciliation asks the gateway after the expiry and closes the attempt', async () => {
    t.clock.set('2026-03-06T02:00:00Z');
    const id = await dossierAwaitingFee();
    const p = await start(id);
    await t.app.inject({ method: 'GET', url: p.paymentUrl });
    // Not yet past the expiry and the grace: nobody is asked.
    t.clock.advance(10 * 60_000);
    await reconcilePending(t.systemCtx());
    expect((await txnOf(p.txnRef)).lastQueriedAt).toBeNull();
    t.clock.advance(30 * 60_000);
    const run = await reconcilePending(t.systemCtx());
    expect(run.asked).toBeGreaterThanOrEqual(1);
    const txn = await txnOf(p.txnRef);
    expect(txn.state === 'failed' || txn.state === 'expired').toBe(true);
    expect(txn.settledVia).toBe('query');
    expect(txn.receiptNo).toBeNull();
    expect((await dossierRow(id)).state).toBe('AWAITING_PAYMENT');
    // A decision after the expiry is refused by the gateway as expired (code 11).
    const late = await start(id);
    t.clock.advance(20 * 60_000);
    expect((await readReturn(await payAtGateway(late, 'approve'))).state).toBe('failed');
    expect((await txnOf(late.txnRef)).responseCode).toBe('11');
  });

  it('a return without a notification: pending until the reconciliation’s status query settles it; then the late notification is a duplicate', async () => {
    t.clock.set('2026-03-09T02:00:00Z');
    const id = await dossierAwaitingFee();
    const p = await start(id);
    const ret = await readReturn(await payAtGateway(p, 'approve', 'none'));
    // The browser's return says success, but only the gateway's server settles money.
    expect(ret).toMatchObject({ state: 'pending', gatewayOutcome: 'succeeded', receiptNo: null });
    expect((await dossierRow(id)).state).toBe('AWAITING_PAYMENT');
    t.clock.advance(25 * 60_000);
    await reconcilePending(t.systemCtx());
    const txn = await txnOf(p.txnRef);
    expect(txn).toMatchObject({ state: 'succeeded', settledVia: 'query' });
    expect(txn.receiptNo).not.toBeNull();
    await applyPaidRequests(t.systemCtx());
    expect((await dossierRow(id)).state).toBe('RECEIVED');
    expect((await control('repeat', p.txnRef)).RspCode).toBe('02');
    expect(await settleAudits(p.txnRef)).toBe(1);
  });

  it('a notification held back until after the return, and one delivered twice, settle once each', async () => {
    t.clock.set('2026-03-10T02:00:00Z');
    const id = await dossierAwaitingFee();
    const held = await start(id);
    expect((await readReturn(await payAtGateway(held, 'approve', 'held'))).state).toBe('pending');
    const delivered = await t.app.inject({ method: 'POST', url: '/sandbox/vnpay/control/deliver', payload: { txnRef: held.txnRef } });
    expect(delivered.json()).toMatchObject({ delivered: true, merchant: { RspCode: '00' } });
    expect((await txnOf(held.txnRef)).state).toBe('succeeded');

    const id2 = await dossierAwaitingFee();
    const twice = await start(id2);
    const receiptsBefore = await receiptsIssued();
    expect((await readReturn(await payAtGateway(twice, 'approve', 'twice'))).state).toBe('succeeded');
    expect(await receiptsIssued()).toBe(receiptsBefore + 1);
    expect(await settleAudits(twice.txnRef)).toBe(1);
  });

  it('two attempts both paid: the second is kept, with its receipt, and flagged for refund; the dossier resumes once', async () => {
    t.clock.set('2026-03-11T02:00:00Z');
    const id = await dossierAwaitingFee();
    const a = await start(id);
    const b = await start(id);
    await payAtGateway(a, 'approve');
    await payAtGateway(b, 'approve');
    const [ta, tb] = [await txnOf(a.txnRef), await txnOf(b.txnRef)];
    expect(ta).toMatchObject({ state: 'succeeded', overpaid: null });
    expect(tb).toMatchObject({ state: 'succeeded', overpaid: 'request-already-paid' });
    expect(tb.receiptNo).not.toBe(ta.receiptNo);
    await applyPaidRequests(t.systemCtx());
    const resumed = await t.database.db.execute<{ n: number }>(sql`select count(*)::int as n from dossiers_events where dossier_id = ${id} and kind = 'confirm-payment'`);
    expect(resumed.rows[0]!.n).toBe(1);
    const list = (await finance.get(`/api/v1/payments/transactions?q=${b.txnRef}`)).json<FinanceTransactions>();
    expect(list.items[0]).toMatchObject({ txnRef: b.txnRef, overpaid: true });
  });

  it('an officer confirms the payment at the desk first: the online payment stands and is marked not needed', async () => {
    t.clock.set('2026-03-12T02:00:00Z');
    const id = await dossierAwaitingFee();
    const p = await start(id);
    const d = await dossierRow(id);
    const confirmed = await w.agents.reception.post(`/api/v1/dossiers/${id}/transitions`, { transition: 'confirm-payment', expectedVersion: d.version });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    await payAtGateway(p, 'approve');
    await applyPaidRequests(t.systemCtx());
    const [request] = await t.database.db.select().from(paymentRequests).where(eq(paymentRequests.dossierId, id));
    expect(request).toMatchObject({ state: 'paid', appliedOutcome: 'not-awaiting' });
    expect((await txnOf(p.txnRef)).receiptNo).not.toBeNull();
  });
});

describe('the finance officer', () => {
  it('reads the unit’s attempts, asks the gateway about a pending one, downloads receipts; another unit’s officer cannot', async () => {
    t.clock.set('2026-03-13T02:00:00Z');
    const id = await dossierAwaitingFee();
    const p = await start(id);
    await payAtGateway(p, 'approve', 'none');
    const list = (await finance.get('/api/v1/payments/transactions?state=pending')).json<FinanceTransactions>();
    expect(list.items.map((i) => i.txnRef)).toContain(p.txnRef);
    expect((await outsideFinance.get('/api/v1/payments/transactions?state=pending')).json<FinanceTransactions>().items.map((i) => i.txnRef)).not.toContain(p.txnRef);
    expect((await outsideFinance.post(`/api/v1/payments/transactions/${p.txnRef}/query`, {})).statusCode).toBe(404);
    expect((await w.agents.specialist.get('/api/v1/payments/transactions')).statusCode).toBe(403);
    expect((await w.citizenAgent.get('/api/v1/payments/transactions')).statusCode).toBe(403);
    const asked = await finance.post(`/api/v1/payments/transactions/${p.txnRef}/query`, {});
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.json()).toMatchObject({ txnRef: p.txnRef, state: 'succeeded', settledVia: 'query' });
    const receipt = await finance.get(`/api/v1/payments/transactions/${p.txnRef}/receipt`);
    expect(receipt.statusCode).toBe(200);
    expect((await outsideFinance.get(`/api/v1/payments/transactions/${p.txnRef}/receipt`)).statusCode).toBe(404);
  });

  it('matches the gateway’s statement: the sandbox’s own matches; a doctored one lists every mismatch until resolved', async () => {
    t.clock.set('2026-03-16T02:00:00Z');
    const id = await dossierAwaitingFee();
    const paid = await start(id);
    await payAtGateway(paid, 'approve');
    const id2 = await dossierAwaitingFee();
    const unnotified = await start(id2);
    await payAtGateway(unnotified, 'approve', 'none');
    const other = await start(await dossierAwaitingFee());
    await payAtGateway(other, 'approve');

    const csv = (await t.app.inject({ method: 'GET', url: '/sandbox/vnpay/statement?day=2026-03-16' })).body;
    const clean = await finance.post('/api/v1/payments/statements', { day: '2026-03-16', csv });
    expect(clean.statusCode, clean.body).toBe(201);
    // The attempt whose notification never came is the one the gateway took money for without a record.
    const cleanView = clean.json<StatementView>();
    expect(cleanView).toMatchObject({ lines: 3, totalVnd: 3 * FEE, matched: 2, mismatches: 1, unreadable: [] });

    const lines = csv.trim().split(/\r?\n/);
    const header = lines[0]!;
    const rows = lines.slice(1);
    const doctored = [
      header,
      ...rows.filter((r) => !r.startsWith(other.txnRef)).map((r) => (r.startsWith(paid.txnRef) ? withAmount(r, FEE + 1000) : r)),
      `MC000000000000ZZZZZZZZ,99999999,${FEE},20260316100000,success`,
      'not,a,valid,line',
    ].join('\n');
    const res = await finance.post('/api/v1/payments/statements', { day: '2026-03-16', csv: doctored });
    expect(res.statusCode, res.body).toBe(201);
    const view = res.json<StatementView>();
    expect(view.unreadable).toHaveLength(1);
    const open = (await finance.get('/api/v1/payments/mismatches?pageSize=100')).json<Mismatches>();
    const mine = open.items.filter((m) => [paid.txnRef, other.txnRef, unnotified.txnRef, 'MC000000000000ZZZZZZZZ'].includes(m.txnRef));
    const kinds = mine.map((m) => `${m.kind}:${m.txnRef}`).sort();
    expect(kinds).toEqual(
      [
        `amount-differs:${paid.txnRef}`,
        `missing-in-statement:${other.txnRef}`,
        `missing-record:${unnotified.txnRef}`,
        `missing-record:${unnotified.txnRef}`,
        'missing-record:MC000000000000ZZZZZZZZ',
      ].sort(),
    );
    const target = mine.find((m) => m.kind === 'amount-differs')!;
    const empty = await finance.post(`/api/v1/payments/mismatches/${target.id}/resolve`, { resolution: '  ' });
    expect(empty.statusCode).toBe(400);
    const resolved = await finance.post(`/api/v1/payments/mismatches/${target.id}/resolve`, { resolution: 'Đã đối chiếu với ngân hàng: sao kê ghi nhầm.' });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect((await finance.get('/api/v1/payments/mismatches?pageSize=100')).json<Mismatches>().items.map((m) => m.id)).not.toContain(target.id);
    expect((await finance.post(`/api/v1/payments/mismatches/${target.id}/resolve`, { resolution: 'lần hai' })).statusCode).toBe(409);
    const bad = await finance.post('/api/v1/payments/statements', { day: '2026-03-16', csv: 'hello,world\n' });
    expect(bad.statusCode).toBe(400);
  });
});
