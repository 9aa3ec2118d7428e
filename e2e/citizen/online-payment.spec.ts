// Issue 13: a citizen pays a fee online. The demo citizen applies online for a temporary residence registration (Đăng
// ký tạm trú, 1.004194: 7.000 đồng online, paid before processing in the demo catalogue) and the ward's desk receives
// it, so the dossier awaits its fee. In the browser the citizen opens the dossier, pays in the sandbox gateway the app
// serves, comes back to the result page and downloads the receipt; a duplicated notification from the gateway changes
// nothing; the dossier resumes and the desk can move it on. Screens at 390 and 1280 px, each checked by axe.
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { screensAt } from '../support/screens';
import { pdf } from '../../server/platform/files/test/fixtures';
import { apiLogin, watchConsole } from '../officer/dossier-support';

const SHOTS = path.join('docs', 'screenshots', 'issue-13');
const CITIZEN = 'citizen@example.vn';
const DESK_OFFICER = 'tiepnhan.hacthanh';
const WARD = 'Phường Hạc Thành';
/** Đăng ký tạm trú: 7.000 đồng online, paid before processing (catalog demo/online-services.json). */
const PROCEDURE = '1.004194';
const FEE_TEXT = '7.000';
const screens = (page: Parameters<typeof screensAt>[0], testInfo: Parameters<typeof screensAt>[1], name: string) => screensAt(page, testInfo, SHOTS, name);

interface Draft {
  id: string;
  version: number;
  completeness: { complete: boolean; problems: Array<{ path: string }> };
  dossier: { id: string; code: string } | null;
}

async function json<T>(res: Awaited<ReturnType<APIRequestContext['get']>>, status: number, what: string): Promise<T> {
  expect(res.status(), `${what}: ${await res.text()}`).toBe(status);
  return (await res.json()) as T;
}

/** The demo citizen's application for the procedure, received by the ward's desk: returns the dossier it became. */
async function receivedApplication(citizen: APIRequestContext, csrf: string, desk: APIRequestContext, deskCsrf: string): Promise<{ id: string; code: string }> {
  const h = { 'x-csrf-token': csrf };
  const desks = await json<{ items: Array<{ id: string; name: string }> }>(await citizen.get('/api/v1/submissions/desks'), 200, 'desks');
  const wardDesk = desks.items.find((d) => d.name.endsWith('phường Hạc Thành'))!;
  const procedure = await json<{ implementingUnits: Array<{ id: string; name: string }> }>(await citizen.get(`/api/v1/catalog/procedures/${PROCEDURE}`), 200, 'procedure');
  const ward = procedure.implementingUnits.find((u) => u.name === WARD)!;
  let draft = await json<Draft>(await citizen.post('/api/v1/submissions', { headers: h, data: { procedureCode: PROCEDURE, receivingUnitId: wardDesk.id } }), 201, 'start');
  draft = await json<Draft>(await citizen.patch(`/api/v1/submissions/${draft.id}`, { headers: h, data: { version: draft.version, handlingUnitId: ward.id } }), 200, 'save');
  for (const problem of draft.completeness.problems) {
    const key = /documents\.(\w+)/.exec(problem.path)?.[1];
    if (!key) continue;
    const res = await citizen.post(`/api/v1/submissions/${draft.id}/requirements/${key}/files`, {
      headers: h,
      multipart: { file: { name: `giay-to-${key}.pdf`, mimeType: 'application/pdf', buffer: pdf() } },
    });
    expect(res.status(), await res.text()).toBe(201);
  }
  draft = await json<Draft>(await citizen.get(`/api/v1/submissions/${draft.id}`), 200, 'read');
  expect(draft.completeness, JSON.stringify(draft.completeness)).toMatchObject({ complete: true });
  draft = await json<Draft>(await citizen.post(`/api/v1/submissions/${draft.id}/submit`, { headers: h, data: { version: draft.version } }), 200, 'submit');
  const decided = await desk.post(`/api/v1/submissions/desk/${draft.id}/decision`, { headers: { 'x-csrf-token': deskCsrf }, data: { decision: 'accept', version: draft.version } });
  expect(decided.status(), await decided.text()).toBe(200);
  const mine = await json<Draft>(await citizen.get(`/api/v1/submissions/${draft.id}`), 200, 'accepted');
  return mine.dossier!;
}

interface Payments {
  due: { amountVnd: number | null; payableOnline: boolean } | null;
  requests: Array<{ state: string; attempts: Array<{ txnRef: string; state: string; receiptNo: string | null }> }>;
}

test('a citizen pays the fee online; a duplicated notification changes nothing; the receipt downloads; the dossier goes on', async ({ browser }, testInfo) => {
  test.setTimeout(240_000);
  const problems: string[] = [];
  const citizenContext = await browser.newContext();
  const csrf = await apiLogin(citizenContext.request, CITIZEN);
  const deskContext = await browser.newContext();
  const deskCsrf = await apiLogin(deskContext.request, DESK_OFFICER);
  const dossier = await receivedApplication(citizenContext.request, csrf, deskContext.request, deskCsrf);
  const before = await json<{ statusCode: number }>(await citizenContext.request.get(`/api/v1/citizen/dossiers/${dossier.id}`), 200, 'dossier');
  expect(before.statusCode).toBe(6);

  const page = await citizenContext.newPage();
  watchConsole(page, problems);
  await page.goto(`/ho-so-cua-toi/${dossier.id}`);
  const card = page.getByTestId('dossier-payment-card');
  await expect(card).toContainText(FEE_TEXT);
  await screens(page, testInfo, 'payment-due');

  await page.getByTestId('pay-online').click();
  // The sandbox gateway's page: the amount, then the payer approves (the notification reaches the app first).
  await expect(page).toHaveURL(/\/sandbox\/vnpay\/paymentv2\/vpcpay\.html/);
  await expect(page.locator('body')).toContainText(FEE_TEXT);
  await screens(page, testInfo, 'sandbox-gateway');
  await page.getByRole('button', { name: 'Thanh toán', exact: true }).click();

  await expect(page).toHaveURL(/\/thanh-toan\/ket-qua\?/);
  await expect(page.getByTestId('payment-state')).toContainText('Thanh toán thành công');
  const result = page.getByTestId('payment-return-result');
  await expect(page.locator('body')).toContainText(dossier.code);
  await screens(page, testInfo, 'payment-succeeded');

  // One settled attempt with its receipt.
  const paid = await json<Payments>(await citizenContext.request.get(`/api/v1/citizen/dossiers/${dossier.id}/payments`), 200, 'payments');
  const attempt = paid.requests[0]!.attempts[0]!;
  expect(paid.requests[0]!.state).toBe('paid');
  expect(attempt).toMatchObject({ state: 'succeeded', receiptNo: expect.stringMatching(/-\d{4}-\d{6}$/) });

  // The gateway sends the same notification again: answered "already confirmed", nothing changes.
  const repeat = await citizenContext.request.post('/sandbox/vnpay/control/notify', { data: { txnRef: attempt.txnRef, kind: 'repeat' } });
  expect(((await repeat.json()) as { merchant: { RspCode: string } }).merchant.RspCode).toBe('02');
  const after = await json<Payments>(await citizenContext.request.get(`/api/v1/citizen/dossiers/${dossier.id}/payments`), 200, 'payments again');
  expect(after.requests.flatMap((r) => r.attempts)).toEqual(paid.requests.flatMap((r) => r.attempts));

  // The receipt, as the citizen downloads it.
  const download = page.waitForEvent('download');
  await result.getByRole('link', { name: 'Tải biên lai' }).click();
  const file = await (await download).path();
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain('BIÊN LAI THU PHÍ, LỆ PHÍ TRỰC TUYẾN');
  expect(text).toContain(attempt.receiptNo!);
  expect(text).toContain(dossier.code);
  expect(text).toContain('Bảy nghìn đồng');

  // Processing goes on: the dossier resumes (status 2) and the desk may move it to the next step.
  await expect
    .poll(async () => ((await (await citizenContext.request.get(`/api/v1/citizen/dossiers/${dossier.id}`)).json()) as { statusCode: number }).statusCode, { timeout: 30_000 })
    .toBe(2);
  const held = await json<{ state: string; allowedTransitions: Array<{ transition: string }> }>(await deskContext.request.get(`/api/v1/dossiers/${dossier.id}`), 200, 'desk view');
  expect(held.state).toBe('RECEIVED');
  expect(held.allowedTransitions.map((t) => t.transition)).toContain('forward');
  await page.goto(`/ho-so-cua-toi/${dossier.id}`);
  await expect(page.getByTestId('dossier-payment-card')).toContainText(attempt.receiptNo!);
  await screens(page, testInfo, 'payment-history');
  expect(problems).toEqual([]);
});
