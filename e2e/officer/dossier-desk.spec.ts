import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { attachScreenshot } from '../support/screens';
import { apiLogin, openedDialog, watchConsole } from './dossier-support';

/** The paper declaration of "Thủ tục đăng ký giám hộ" as its catalog entry names it (one of the paper form or the e-form). */
async function paperForm(request: APIRequestContext): Promise<{ name: string; originals: number; copies: number }> {
  const procedure = (await (await request.get('/api/v1/catalog/procedures/1.004837')).json()) as { requiredDocuments: Array<{ name: string; group: string | null }> };
  const form = procedure.requiredDocuments.find((d) => d.group === 'form' && !/điện tử/.test(d.name));
  expect(form, 'paper form of 1.004837').toBeTruthy();
  return { name: form!.name, originals: 1, copies: 0 };
}

/** Picks a procedure in the focused intake search with the keyboard and fills the applicant (Tab order of the desk form). */
async function fillDeskForm(page: Page, search: string, procedureName: RegExp, applicant: { name: string; id: string }) {
  const kb = page.keyboard;
  await expect(page.getByLabel('Thủ tục', { exact: true })).toBeFocused();
  await kb.type(search, { delay: 15 });
  await expect(page.locator('.ant-select-dropdown:visible .ant-select-item-option').first()).toContainText(procedureName);
  await kb.press('Enter');
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
  await expect(page.getByTestId('procedure-info')).toContainText(procedureName);
  await kb.press('Tab');
  await kb.press('Tab');
  await expect(page.getByLabel('Họ và tên')).toBeFocused();
  await kb.type(applicant.name);
  await kb.press('Tab');
  await kb.type(applicant.id);
}

test('the desk guides an incomplete dossier (Mẫu 02) and refuses an out-of-scope one (Mẫu 03) without issuing a code', async ({ page }, testInfo) => {
  const problems: string[] = [];
  watchConsole(page, problems);
  await apiLogin(page.request, 'tiepnhan.tinh');
  await page.goto('/admin/dossiers/intake');
  await expect(page.getByTestId('desk-unit')).toHaveText('Trung tâm Phục vụ hành chính công tỉnh');

  await test.step('guide to supplement: the unticked documents are the starting list', async () => {
    await fillDeskForm(page, 'ly lich tu phap', /Lý lịch tư pháp/, { name: 'Trần Văn Bổ Sung', id: '038085001111' });
    // The handling agency comes from the procedure and is not the desk that receives.
    await expect(page.getByTestId('handling-units')).not.toHaveText('');
    await expect(page.getByTestId('handling-units')).not.toHaveText('Trung tâm Phục vụ hành chính công tỉnh');
    // Only the first document was handed in. Tab passes phone, e-mail, address and the three notification channels.
    for (let i = 0; i < 7; i++) await page.keyboard.press('Tab');
    const first = page.getByTestId('checklist').getByRole('checkbox').first();
    await expect(first).toBeFocused();
    await page.keyboard.press('Space');
    const secondName = (await page.getByTestId('checklist').getByRole('listitem').nth(1).innerText()).split('\n')[0]!.trim();

    await page.getByTestId('intake-guide').click();
    const dialog = await openedDialog(page, 'Hướng dẫn bổ sung, hoàn thiện hồ sơ (Mẫu 02)');
    expect(await dialog.getByLabel('Giấy tờ cần bổ sung, hoàn thiện').inputValue()).toContain(secondName.slice(0, 40));
    await dialog.getByLabel('Lý do').fill('Thiếu bản sao Thẻ căn cước của người được cấp Phiếu.');
    await attachScreenshot(page, testInfo, 'dossier-desk-01-guide-dialog');
    await dialog.getByRole('button', { name: 'Lập phiếu hướng dẫn' }).click();
    await expect(page.getByTestId('intake-decided')).toContainText('Đã lập Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ');
    await expect(page.getByTestId('intake-decided')).toContainText(/Số phiếu: \d+\/PBS-/);
    await expect(page.getByTestId('print-decision')).toBeFocused();
    await expect(page.getByTestId('intake-accepted')).toHaveCount(0);
    await attachScreenshot(page, testInfo, 'dossier-desk-02-guided');

    const href = (await page.getByTestId('print-decision').getAttribute('href'))!;
    expect(href).toMatch(/\/api\/v1\/dossiers\/intake-decisions\/[0-9a-f-]{36}\/slip$/);
    const pdf = await page.request.get(href);
    expect(pdf.status()).toBe(200);
    const file = testInfo.outputPath('guide.pdf');
    fs.writeFileSync(file, await pdf.body());
    expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toContain('Trần Văn Bổ Sung');
  });

  await test.step('a new intake starts clean with the focus on the procedure search; then a refusal', async () => {
    await page.getByTestId('intake-new').click();
    await expect(page.getByLabel('Thủ tục', { exact: true })).toBeFocused();
    await expect(page.getByLabel('Họ và tên')).toHaveValue('');
    await fillDeskForm(page, 'ly lich tu phap', /Lý lịch tư pháp/, { name: 'Lê Thị Từ Chối', id: '038190002222' });
    await page.getByTestId('intake-refuse').click();
    const dialog = await openedDialog(page, 'Từ chối tiếp nhận hồ sơ (Mẫu 03)');
    await dialog.getByLabel('Lý do từ chối').fill('Người yêu cầu đề nghị cấp Phiếu cho người khác không thuộc trường hợp được ủy quyền.');
    await attachScreenshot(page, testInfo, 'dossier-desk-03-refuse-dialog');
    await dialog.getByRole('button', { name: 'Lập phiếu từ chối' }).click();
    await expect(page.getByTestId('intake-decided')).toContainText('Đã lập Phiếu từ chối tiếp nhận hồ sơ');
    await expect(page.getByTestId('intake-decided')).toContainText(/Số phiếu: \d+\/PTC-/);
    await attachScreenshot(page, testInfo, 'dossier-desk-04-refused');
  });

  await test.step('the desk checks the applicant before sending anything', async () => {
    await page.getByTestId('intake-new').click();
    await fillDeskForm(page, 'ly lich tu phap', /Lý lịch tư pháp/, { name: 'Sai Số Định Danh', id: '12345' });
    await page.keyboard.press('Control+Enter');
    await expect(page.getByText('Số định danh cá nhân phải gồm đúng 12 chữ số.')).toBeVisible();
    await expect(page.getByLabel('Số định danh cá nhân (12 chữ số)')).toBeFocused();
    await attachScreenshot(page, testInfo, 'dossier-desk-05-validation');
  });

  expect(problems).toEqual([]);
});

test('a stale screen gets the translated conflict message and keeps what was typed; the screens switch to English', async ({ browser, baseURL }, testInfo) => {
  const problems: string[] = [];
  const context = await browser.newContext();
  const csrf = await apiLogin(context.request, 'tiepnhan.hacthanh');
  // The dossier itself comes through the API: the desk screen is covered by the lifecycle journey.
  const wards = (await (await context.request.get('/api/v1/identity/org-units', { params: { q: 'Hac Thanh', kind: 'commune' } })).json()) as {
    items: Array<{ id: string; name: string }>;
  };
  const intake = await context.request.post('/api/v1/dossiers/intake', {
    headers: { 'x-csrf-token': csrf },
    data: {
      procedureCode: '1.004837',
      handlingUnitId: wards.items.find((u) => u.name === 'Phường Hạc Thành')!.id,
      channel: 'direct',
      applicant: { kind: 'person', name: 'Phạm Văn Xung Đột', idNumber: '038070003333' },
      // Issue 9 item 7: an empty dossier is refused; the paper form of the guardianship procedure is handed in.
      checklist: [await paperForm(context.request)],
      decision: 'accept',
    },
  });
  expect(intake.status(), await intake.text()).toBe(201);
  const { dossier } = (await intake.json()) as { dossier: { id: string; code: string } };

  const first = await context.newPage();
  const second = await context.newPage();
  // The stale screen's forward answers 409 on purpose.
  const conflict = (text: string) => text.includes('409');
  watchConsole(first, problems, conflict);
  watchConsole(second, problems, conflict);
  for (const p of [first, second]) {
    await p.goto(`/admin/dossiers/${dossier.id}`);
    await expect(p.getByTestId('detail-code')).toContainText(dossier.code);
  }

  await test.step('the first screen forwards the dossier', async () => {
    await first.getByTestId('action-forward').click();
    const dialog = await openedDialog(first, 'Chuyển bước tiếp theo');
    await dialog.getByRole('button', { name: 'Chuyển bước tiếp theo' }).click();
    await expect(dialog).toBeHidden();
    await expect(first.getByTestId('holder')).toContainText('Chuyên viên xử lý');
  });

  await test.step('the second, stale screen is told and may reload without losing the note', async () => {
    await second.getByTestId('action-forward').click();
    const dialog = await openedDialog(second, 'Chuyển bước tiếp theo');
    await dialog.getByLabel('Ghi chú').fill('Ghi chú đang soạn dở');
    await dialog.getByRole('button', { name: 'Chuyển bước tiếp theo' }).click();
    await expect(dialog.getByTestId('conflict')).toContainText('Hồ sơ vừa được cập nhật bởi người khác');
    await expect(dialog.getByTestId('conflict')).toContainText('Dữ liệu đã được người khác cập nhật');
    await attachScreenshot(second, testInfo, 'dossier-desk-06-conflict');
    await dialog.getByTestId('conflict-reload').click();
    await expect(dialog).toContainText('Đã tải lại hồ sơ');
    await expect(dialog.getByLabel('Ghi chú')).toHaveValue('Ghi chú đang soạn dở');
    await dialog.getByRole('button', { name: 'Hủy' }).click();
    // The fresh copy shows the new holder and no longer offers the forward.
    await expect(second.getByTestId('holder')).toContainText('Chuyên viên xử lý');
    await expect(second.getByTestId('action-forward')).toHaveCount(0);
  });

  await test.step('in English the same screens show no Vietnamese fallback and no raw keys', async () => {
    await second.getByText('EN', { exact: true }).click();
    await expect(second.getByTestId('status-tag').first()).toHaveText('Being handled');
    await expect(second.getByText('Handling control slip (Form 06)')).toBeVisible();
    // The server's timeline texts follow the language too (the page fetches them again).
    await expect(second.getByTestId('timeline')).toContainText('Dossier received at');
    const text = await second.locator('main, .ant-layout-content').first().innerText();
    expect(text).not.toMatch(/undefined|dossiers\.|\{\{/);
    await attachScreenshot(second, testInfo, 'dossier-desk-07-detail-en');
    await second.goto(`/admin/dossiers?queue=unit&q=${encodeURIComponent(dossier.code)}`);
    await expect(second.getByRole('tab', { name: 'My unit' })).toHaveAttribute('aria-selected', 'true');
    await expect(second.locator('.ant-table-row').filter({ hasText: dossier.code })).toBeVisible();
    await attachScreenshot(second, testInfo, 'dossier-desk-08-queue-en');
    await second.getByText('VI', { exact: true }).click();
    await expect(second.getByRole('tab', { name: 'Của đơn vị' })).toBeVisible();
  });

  await test.step('the tracking book (Mẫu 07) of the desk for a period', async () => {
    await second.getByTestId('tracking-book').click();
    const dialog = await openedDialog(second, 'Sổ theo dõi hồ sơ (Mẫu 07)');
    await attachScreenshot(second, testInfo, 'dossier-desk-09-tracking-book');
    const href = (await dialog.getByTestId('download-book').getAttribute('href'))!;
    expect(href).toMatch(/\/api\/v1\/dossiers\/tracking-book\?receivingUnitId=[0-9a-f-]{36}&from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/);
    const book = await second.request.get(new URL(href, baseURL).toString());
    expect(book.status()).toBe(200);
    expect(book.headers()['content-type']).toContain('spreadsheetml');
  });

  await context.close();
  expect(problems).toEqual([]);
});
