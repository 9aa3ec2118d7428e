import ExcelJS from 'exceljs';
import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { chooseOption, chooseTreeNode, expectToast } from '../support/antd';
import { attachScreenshot } from '../support/screens';
import { apiLogin, officer, openedDialog } from './dossier-support';

// Issue 15, "Done when": a clerk registers an incoming paper document (its arrival number is the next of the year); the
// leader assigns it with a deadline; the specialist drafts the reply; the leader signs; the clerk issues it with the
// next number of the series; the recipient unit sees it arrive in its incoming register; the books export.
// Sở Tư pháp (H56.03) is the body: vanthu.stp its clerk, lanhdao.stp its leader, chuyenvien.stp its specialist; the
// reply goes to Phường Hạc Thành, whose clerk is vanthu.hacthanh. The expected numbers are read from the registers
// through the API before each step, so the journey holds on a demo that already has documents.

const suffix = Date.now().toString(36).toUpperCase();
const senderName = 'Bộ Tư pháp';
const senderNumberSymbol = `1234/BTP-HCTP-${suffix}`;
const incomingSubject = `V/v hướng dẫn cấp Phiếu lý lịch tư pháp trên ứng dụng VNeID (${suffix})`;
const replySubject = `V/v triển khai cấp Phiếu lý lịch tư pháp trên ứng dụng VNeID tại phường (${suffix})`;
const DAY = 24 * 3600 * 1000;
/** Today in Hà Nội as the pages write it, and its year. */
const todayVn = new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);
const year = Number(todayVn.slice(0, 4));
const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const pad2 = (n: number) => String(n).padStart(2, '0');

type Grant = { role: string; orgUnitId: string; orgUnitCode: string; orgUnitName: string };
type Page_<T> = { items: T[] };
type IncomingRow = { id: string; arrivalNumber: number; numberSymbol: string; subject: string; state: string };
type OutgoingRow = { id: string; number: number | null; numberSymbol: string | null; seriesKey: string | null; typeCode: string; state: string };
type Settings = { issuerAbbreviation: string; series: Array<{ key: string; typeCodes: string[] }> };

async function api(login: string, baseURL: string | undefined, playwright: { request: { newContext: (o: { baseURL?: string }) => Promise<APIRequestContext> } }) {
  const request = await playwright.request.newContext({ baseURL });
  await apiLogin(request, login);
  return request;
}

async function json<T>(request: APIRequestContext, url: string, params?: Record<string, string | number>): Promise<T> {
  const res = await request.get(url, params ? { params } : undefined);
  expect(res.status(), `GET ${url}`).toBe(200);
  return (await res.json()) as T;
}

/** Picks a document type: the list of 29 is virtual, so the type is typed into the select's search first. */
async function chooseType(page: Page, select: Locator, name: string): Promise<void> {
  await select.click();
  await select.locator('input').pressSequentially(name, { delay: 10 });
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: new RegExp(`^${name}$`) })
    .first()
    .click();
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
}

/** Reads a downloaded workbook's first sheet as rows of cell texts. */
async function sheetRows(page: Page, testId: string): Promise<string[][]> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const rows: string[][] = [];
  workbook.worksheets[0]!.eachRow((row) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell) => cells.push(cell.text));
    rows.push(cells);
  });
  return rows;
}

test('a clerk registers an incoming document, the leader assigns it, the reply is drafted, signed, numbered and arrives at the ward; the books export', async ({
  browser,
  playwright,
  baseURL,
}, testInfo) => {
  const problems: string[] = [];
  const clerk = await api('vanthu.stp', baseURL, playwright);
  const me = (await json<{ user: { grants: Grant[] } }>(clerk, '/api/v1/identity/me')).user;
  const stp = me.grants.find((g) => g.role === 'clerk')!;
  expect(stp.orgUnitCode).toBe('H56.03');

  const before = await json<Page_<IncomingRow>>(clerk, '/api/v1/documents/incoming', { unitId: stp.orgUnitId, year, pageSize: 1 });
  const expectedArrival = (before.items[0]?.arrivalNumber ?? 0) + 1;

  const desk = await officer(browser, 'vanthu.stp', problems);
  let incomingUrl = '';
  await test.step(`the clerk registers a paper document; it gets arrival number ${expectedArrival}`, async () => {
    await desk.goto('/admin/documents/incoming');
    await expect(desk.getByRole('heading', { level: 1, name: 'Sổ văn bản đến' })).toBeVisible();
    await desk.getByRole('link', { name: 'Vào sổ văn bản đến' }).click();
    await expect(desk.getByTestId('incoming-form')).toBeVisible();
    await desk.getByTestId('incoming-sender').fill(senderName);
    await desk.getByTestId('incoming-number-symbol').fill(senderNumberSymbol);
    await desk.getByTestId('incoming-issued-on').click();
    await desk.getByTestId('incoming-issued-on').fill(dmy(todayVn));
    await desk.keyboard.press('Enter');
    await chooseType(desk, desk.getByTestId('incoming-type'), 'Công văn');
    await desk.getByTestId('incoming-subject').fill(incomingSubject);
    await attachScreenshot(desk, testInfo, 'documents-1-register');
    await desk.getByTestId('incoming-submit').click();
    await expectToast(desk, String(expectedArrival));
    await expect(desk).toHaveURL(/\/admin\/documents\/incoming\/[0-9a-f-]{36}$/);
    await expect(desk.getByTestId('incoming-arrival-number')).toHaveText(String(expectedArrival));
    incomingUrl = desk.url();
  });
  const incomingId = incomingUrl.split('/').pop()!;

  const leader = await officer(browser, 'lanhdao.stp', problems);
  await test.step('the leader assigns it to the Sở with a deadline of 3 working days', async () => {
    await leader.goto(incomingUrl);
    await expect(leader.getByTestId('incoming-title')).toContainText(String(expectedArrival));
    await leader.getByTestId('incoming-assign').click();
    const dialog = await openedDialog(leader, 'Phân công xử lý văn bản đến');
    await chooseTreeNode(leader, dialog.getByTestId('assign-lead-unit').locator('input'), 'Sở Tư', 'Sở Tư pháp');
    await dialog.getByTestId('assign-days').fill('3');
    await dialog.getByTestId('assign-instruction').fill('Phòng Hành chính tư pháp dự thảo văn bản hướng dẫn các phường.');
    await attachScreenshot(leader, testInfo, 'documents-2-assign');
    await dialog.getByRole('button', { name: 'Phân công xử lý' }).click();
    await expect(dialog).toBeHidden();
    await expect(leader.getByTestId('incoming-assignment')).toContainText('Sở Tư pháp');
    const assigned = await json<{ state: string; assignment: { dueAt: string | null } }>(clerk, `/api/v1/documents/incoming/${incomingId}`);
    expect(assigned.state).toBe('ASSIGNED');
    // Three working days from today end on a later day (a weekend or holiday can only push it further).
    const due = assigned.assignment.dueAt!;
    expect(Date.parse(due) - Date.now()).toBeGreaterThan(DAY);
    await expect(leader.getByTestId('incoming-assignment')).toContainText(dmy(new Date(Date.parse(due) + 7 * 3600 * 1000).toISOString().slice(0, 10)));
  });

  const specialist = await officer(browser, 'chuyenvien.stp', problems);
  let outgoingUrl = '';
  await test.step('the specialist drafts the reply to Phường Hạc Thành and submits it', async () => {
    await specialist.goto(incomingUrl);
    await specialist.getByTestId('incoming-reply').click();
    await expect(specialist).toHaveURL(/\/admin\/documents\/outgoing\/new/);
    // Drafted by the Sở's division: a công văn's symbol names the drafting unit (STP-HCTP).
    await chooseTreeNode(specialist, specialist.getByTestId('outgoing-drafting-unit').locator('input'), 'Hành chính', 'Phòng Hành chính tư pháp');
    await chooseType(specialist, specialist.getByTestId('outgoing-type'), 'Công văn');
    await specialist.getByTestId('outgoing-subject').fill(replySubject);
    await specialist.getByTestId('outgoing-content').fill('Sở Tư pháp hướng dẫn Ủy ban nhân dân phường triển khai việc cấp Phiếu lý lịch tư pháp trên ứng dụng VNeID như sau: …');
    await chooseTreeNode(specialist, specialist.getByTestId('outgoing-recipient-units').locator('input'), 'Hạc', 'Phường Hạc Thành', { multiple: true });
    await attachScreenshot(specialist, testInfo, 'documents-3-draft');
    await specialist.getByTestId('outgoing-save').click();
    await expectToast(specialist, 'Đã lưu dự thảo.');
    await expect(specialist).toHaveURL(/\/admin\/documents\/outgoing\/[0-9a-f-]{36}$/);
    outgoingUrl = specialist.url();
    await specialist.getByTestId('outgoing-submit').click();
    await specialist.getByRole('tooltip').getByRole('button', { name: 'Đồng ý' }).click();
    await expectToast(specialist, 'Đã trình lãnh đạo.');
  });
  const outgoingId = outgoingUrl.split('/').pop()!;

  await test.step('the leader signs it', async () => {
    await leader.goto(outgoingUrl);
    await leader.getByTestId('outgoing-sign').click();
    const dialog = await openedDialog(leader, 'Ký duyệt văn bản');
    await chooseOption(leader, dialog.getByTestId('sign-prefix'), 'KT. — Ký thay người đứng đầu');
    await dialog.getByTestId('sign-position').fill('Phó Giám đốc');
    await dialog.getByTestId('sign-name').fill('Đỗ Thị Hương');
    await dialog.getByRole('button', { name: 'Ký duyệt' }).click();
    await expect(dialog).toBeHidden();
    await expectToast(leader, 'Đã ký duyệt văn bản.');
  });

  // The number the clerk's issue must give: the next in the series that covers công văn, in this year.
  const draft = await json<{ draftingUnit: { id: string } }>(clerk, `/api/v1/documents/outgoing/${outgoingId}`);
  const settings = await json<Settings>(clerk, `/api/v1/documents/settings/${stp.orgUnitId}`);
  const drafting = await json<Settings>(clerk, `/api/v1/documents/settings/${draft.draftingUnit.id}`);
  const series = settings.series.find((s) => s.typeCodes.includes('CV'))?.key ?? 'chung';
  const issued = await json<Page_<OutgoingRow>>(clerk, '/api/v1/documents/outgoing', { unitId: stp.orgUnitId, year, state: 'ISSUED', pageSize: 100 });
  const expectedNumber = Math.max(0, ...issued.items.filter((d) => d.seriesKey === series).map((d) => d.number ?? 0)) + 1;
  // NĐ 30/2020/NĐ-CP Điều 15 and Phụ lục I: công văn "Số: 15/UBND-VP", a leading zero below 10.
  const expectedSymbol = `${pad2(expectedNumber)}/${settings.issuerAbbreviation}-${drafting.issuerAbbreviation}`;

  await test.step(`the clerk issues it as "Số: ${expectedSymbol}"`, async () => {
    await desk.goto(outgoingUrl);
    await desk.getByTestId('outgoing-issue').click();
    await desk.getByRole('tooltip').getByRole('button', { name: 'Đồng ý' }).click();
    await expect(desk.getByTestId('outgoing-number')).toHaveText(`Số: ${expectedSymbol}`);
    await expect(desk.getByTestId('outgoing-issued-on')).toContainText(dmy(todayVn));
    await expect(desk.getByTestId('outgoing-receipts')).toContainText('Phường Hạc Thành');
    await attachScreenshot(desk, testInfo, 'documents-4-issued');
  });

  const ward = await officer(browser, 'vanthu.hacthanh', problems);
  await test.step("the ward's clerk finds it at once in its incoming register", async () => {
    await ward.goto('/admin/documents/incoming');
    const row = ward.getByTestId('incoming-table').getByRole('row').filter({ hasText: expectedSymbol });
    await expect(row).toBeVisible();
    await row.getByRole('link').first().click();
    await expect(ward.getByTestId('incoming-receipt')).toContainText(expectedSymbol);
    await expect(ward.getByTestId('incoming-number-symbol')).toContainText(expectedSymbol);
    await attachScreenshot(ward, testInfo, 'documents-5-arrived');
  });

  await test.step('the Sở closes its incoming document with the reply; the books export both', async () => {
    const closed = await json<{ state: string }>(clerk, `/api/v1/documents/incoming/${incomingId}`);
    expect(closed.state).toBe('ASSIGNED');
    await specialist.goto(incomingUrl);
    await specialist.getByTestId('incoming-close').click();
    const dialog = await openedDialog(specialist, 'Kết thúc xử lý văn bản');
    await dialog.getByTestId('close-text').fill(`Đã trả lời bằng Công văn số ${expectedSymbol}.`);
    await dialog.getByRole('button', { name: 'Kết thúc xử lý' }).click();
    await expect(dialog).toBeHidden();
    await expect(specialist.getByTestId('incoming-outcome')).toContainText(expectedSymbol);

    await desk.goto('/admin/documents/incoming');
    const incomingBook = await sheetRows(desk, 'incoming-book');
    const arrivalRow = incomingBook.find((r) => r.includes(senderNumberSymbol));
    expect(arrivalRow, 'the registered document in the incoming book').toBeTruthy();
    expect(arrivalRow).toContain(String(expectedArrival));
    await desk.goto('/admin/documents/outgoing');
    const outgoingBook = await sheetRows(desk, 'outgoing-book');
    expect(
      outgoingBook.some((r) => r.includes(expectedSymbol) && r.some((c) => c.includes(replySubject))),
      'the issued reply in the outgoing book',
    ).toBe(true);
  });

  expect(problems).toEqual([]);
  await clerk.dispose();
});
