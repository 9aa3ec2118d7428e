import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from '../../server/modules/demo-accounts';
import { attachScreenshot, horizontalOverflow } from '../support/screens';
import { chooseOption, chooseTreeNode, expectToast } from '../support/antd';

// Unique per run so the journey also passes against a database that already holds an earlier run's data.
const suffix = Date.now().toString(36).toUpperCase();
const unitName = `Xã Đông Thử Nghiệm ${suffix}`;
const unitCode = `H56.E2E.${suffix}`;
const officerUsername = `tiepnhan.e2e.${suffix.toLowerCase()}`;
const officerName = `Nguyễn Thị Thử ${suffix}`;
const procedureName = `Cấp giấy xác nhận thử nghiệm tự động ${suffix}`;
// What a visitor types: the same words with no diacritics.
const procedureSearch = `cap giay xac nhan thu nghiem ${suffix.toLowerCase()}`;

/** Fails the test on any uncaught page error or console error (e.g. a React crash or a failed request). */
function watchConsole(page: Page, problems: string[]) {
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    // The back office asks GET /me to learn whether anyone is signed in; its 401 for a visitor is expected.
    if (msg.type() !== 'error' || msg.location().url.endsWith('/api/v1/identity/me')) return;
    problems.push(`console: ${msg.text()} (${msg.location().url})`);
  });
}

test('admin sets up a commune, an officer and a procedure; a visitor finds it without diacritics', async ({ browser, baseURL }, testInfo) => {
  const problems: string[] = [];
  const admin = await browser.newContext();
  const page = await admin.newPage();
  watchConsole(page, problems);

  await test.step('admin signs in', async () => {
    await page.goto('/admin');
    await expect(page).toHaveURL(/\/admin\/login/);
    await expect(page.getByRole('heading', { name: 'Đăng nhập' })).toBeVisible();
    await expect(page.getByTestId('demo-notice')).toBeVisible();
    await attachScreenshot(page, testInfo, '01-login');
    await page.getByLabel('Tên đăng nhập, thư điện tử hoặc số điện thoại').fill('admin');
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page).toHaveURL(/\/admin\/units$/);
    await expect(page.getByRole('heading', { name: 'Đơn vị hành chính' })).toBeVisible();
    await expect(page.getByRole('menuitem', { name: 'Nhật ký hệ thống' })).toBeVisible();
  });

  await test.step('admin creates a commune under the province', async () => {
    await page.getByTestId('create-unit').click();
    const dialog = page.getByRole('dialog', { name: 'Thêm đơn vị' });
    await expect(dialog).toBeVisible();
    await chooseTreeNode(page, dialog.getByLabel('Đơn vị cấp trên'), 'tinh Thanh', 'Ủy ban nhân dân tỉnh Thanh Hóa');
    await dialog.getByLabel('Tên đơn vị').fill(unitName);
    await dialog.getByLabel('Mã định danh').fill(unitCode);
    await expect(dialog.getByLabel('Loại đơn vị').locator('xpath=ancestor::div[contains(@class,"ant-select")][1]')).toContainText('Xã, phường');
    await attachScreenshot(page, testInfo, '02-unit-form', { fullPage: false });
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await expect(dialog).toBeHidden({ timeout: 30_000 });
    await page.getByPlaceholder('Tìm theo tên hoặc mã').fill(suffix);
    await page.getByPlaceholder('Tìm theo tên hoặc mã').press('Enter');
    const row = page.locator('.ant-table-row').filter({ hasText: unitName });
    await expect(row).toBeVisible();
    await expect(row).toContainText(unitCode);
    await expect(row).toContainText('Ủy ban nhân dân tỉnh Thanh Hóa');
    await attachScreenshot(page, testInfo, '03-units');
  });

  await test.step('admin creates a reception officer in the new commune', async () => {
    await page.getByRole('menuitem', { name: 'Cán bộ' }).click();
    await expect(page.getByRole('heading', { name: 'Cán bộ, công chức' })).toBeVisible();
    await page.getByTestId('create-officer').click();
    const dialog = page.getByRole('dialog', { name: 'Thêm cán bộ' });
    await dialog.getByLabel('Tên đăng nhập').fill(officerUsername);
    await dialog.getByLabel('Họ và tên').fill(officerName);
    await dialog.getByLabel('Thư điện tử').fill(`${officerUsername}@thanhhoa.demo.vn`);
    await dialog.getByLabel('Mật khẩu ban đầu').fill('TiepNhan2026a');
    // The first grant row starts as "Cán bộ tiếp nhận"; only its unit is chosen.
    await expect(dialog.getByTestId('grant-0')).toContainText('Cán bộ tiếp nhận');
    await chooseTreeNode(page, dialog.getByTestId('grant-0').getByRole('combobox').nth(1), suffix, unitName);
    await attachScreenshot(page, testInfo, '04-officer-form', { fullPage: false });
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await expect(dialog).toBeHidden({ timeout: 30_000 });
    await page.getByPlaceholder('Tìm theo tên, tên đăng nhập, thư điện tử, số điện thoại').fill(officerUsername);
    await page.getByPlaceholder('Tìm theo tên, tên đăng nhập, thư điện tử, số điện thoại').press('Enter');
    const row = page.locator('.ant-table-row').filter({ hasText: officerName });
    await expect(row).toBeVisible();
    await expect(row).toContainText(`Cán bộ tiếp nhận — ${unitName}`);
    await expect(row).toContainText('Đang hoạt động');
    await attachScreenshot(page, testInfo, '05-officers');
  });

  await test.step('admin creates a procedure with a two-step workflow and publishes it', async () => {
    await page.getByRole('menuitem', { name: 'Thủ tục hành chính' }).click();
    await expect(page.getByRole('heading', { name: 'Danh mục thủ tục hành chính' })).toBeVisible();
    await expect(page.locator('.ant-table-row').first()).toBeVisible();
    await attachScreenshot(page, testInfo, '06-procedures');
    await page.getByTestId('create-procedure').click();
    await expect(page.getByRole('heading', { name: 'Thêm thủ tục hành chính' })).toBeVisible();

    await page.getByLabel('Tên thủ tục').fill(procedureName);
    await page.getByLabel('Lĩnh vực', { exact: true }).fill('Hộ tịch');
    await page.keyboard.press('Escape');
    await chooseOption(page, page.getByLabel('Cấp thực hiện'), 'Cấp xã', { multiple: true });
    await chooseOption(page, page.getByLabel('Mức độ dịch vụ công trực tuyến'), 'Trực tuyến một phần');
    await chooseTreeNode(page, page.getByLabel('Cơ quan thực hiện'), suffix, unitName, { multiple: true });
    await page.getByLabel('Đối tượng thực hiện').fill('Công dân Việt Nam');

    await page.getByLabel('Thời hạn giải quyết (tóm tắt)').fill('03 ngày làm việc');
    await page.getByTestId('add-time').click();
    await page.getByTestId('time-0').getByLabel('Số lượng').fill('3');
    await page.getByTestId('time-0').getByLabel('Nguyên văn theo văn bản công bố').fill('03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ');

    await page.getByLabel('Phí, lệ phí (tóm tắt)').fill('15.000 đồng/bản');
    await page.getByTestId('add-fee').click();
    await page.getByTestId('fee-0').getByLabel('Mức thu (đồng)').fill('15000');
    await page.getByTestId('fee-0').getByLabel('Nội dung theo văn bản').fill('15.000 đồng/bản');

    await page.getByTestId('add-document').click();
    await page.getByTestId('document-0').getByLabel('Tên giấy tờ').fill('Tờ khai đề nghị cấp giấy xác nhận theo mẫu');
    await page.getByTestId('add-document').click();
    await page.getByTestId('document-1').getByLabel('Tên giấy tờ').fill('Giấy tờ tùy thân của người yêu cầu');
    await page.getByTestId('document-1').getByLabel('Số bản chính').fill('0');
    await page.getByTestId('document-1').getByLabel('Số bản sao').fill('1');

    await page.getByTestId('add-legal').click();
    await page.getByTestId('legal-0').getByLabel('Số hiệu văn bản').fill('123/2025/NĐ-CP');
    await page.getByTestId('legal-0').getByLabel('Trích yếu văn bản').fill('Nghị định quy định chi tiết về cấp giấy xác nhận (dữ liệu thử nghiệm)');

    // Two steps, entered in the wrong order and then reordered with "move up".
    await page.getByTestId('add-step').click();
    await page.getByTestId('step-0').getByLabel('Tên bước').fill('Thẩm định và trả kết quả');
    await page.getByTestId('step-0').getByLabel('Thời gian', { exact: true }).fill('2');
    await page.getByTestId('add-step').click();
    const second = page.getByTestId('step-1');
    await second.getByLabel('Tên bước').fill('Tiếp nhận hồ sơ');
    await chooseOption(page, second.getByLabel('Nơi thực hiện'), 'Bộ phận một cửa tiếp nhận');
    await chooseOption(page, second.getByLabel('Người thực hiện'), 'Cán bộ tiếp nhận');
    await second.getByLabel('Thời gian', { exact: true }).fill('4');
    await chooseOption(page, second.getByLabel('Đơn vị thời gian'), 'giờ làm việc');
    await second.getByRole('button', { name: 'Chuyển lên' }).click();
    await expect(page.getByTestId('step-0').getByLabel('Tên bước')).toHaveValue('Tiếp nhận hồ sơ');
    await expect(page.getByTestId('step-1').getByLabel('Tên bước')).toHaveValue('Thẩm định và trả kết quả');
    await expect(page.getByText('Tổng thời gian các bước: 2,5 ngày làm việc')).toBeVisible();
    await attachScreenshot(page, testInfo, '07-procedure-form');

    await page.getByTestId('save-procedure').click();
    await expectToast(page, 'Đã tạo bản nháp thủ tục.');
    await expect(page).toHaveURL(/\/admin\/procedures\/[0-9a-f-]{36}$/);
    await expect(page.locator('.ant-tag').filter({ hasText: 'Bản nháp' })).toBeVisible();
    // What the server stored comes back into the form: two steps in the chosen order.
    await expect(page.getByTestId('step-0').getByLabel('Tên bước')).toHaveValue('Tiếp nhận hồ sơ');
    await expect(page.getByTestId('step-1').getByLabel('Tên bước')).toHaveValue('Thẩm định và trả kết quả');
    await expect(page.getByTestId('step-2')).toHaveCount(0);

    await page.getByTestId('publish-procedure').click();
    const dialog = page.getByRole('dialog', { name: 'Công bố thủ tục' });
    await expect(dialog).toBeVisible();
    await attachScreenshot(page, testInfo, '08-publish-dialog', { fullPage: false });
    await dialog.getByRole('button', { name: 'Công bố' }).click();
    await expectToast(page, 'Đã công bố thủ tục.');
    await expect(page.locator('.ant-tag').filter({ hasText: 'Đã công bố' })).toBeVisible();
    await expect(page.getByTestId('new-version')).toBeVisible();
    await attachScreenshot(page, testInfo, '09-procedure-published');
  });

  await test.step('the audit log shows what the admin did', async () => {
    await page.getByRole('menuitem', { name: 'Nhật ký hệ thống' }).click();
    await expect(page.getByRole('heading', { name: 'Nhật ký hệ thống' })).toBeVisible();
    await expect(page.locator('.ant-table-row').first()).toBeVisible();
    await page.locator('.ant-table-row-expand-icon').first().click();
    await expect(page.getByText('Sau khi thay đổi')).toBeVisible();
    await attachScreenshot(page, testInfo, '10-audit');
  });

  await test.step('the import page checks the sample data set without writing', async () => {
    await page.goto('/admin/procedures/import');
    await page.locator('input[type=file]').setInputFiles(path.resolve('server/modules/catalog/demo/procedures.json'));
    await page.getByTestId('run-import').click();
    await expect(page.getByText('Kết quả kiểm tra', { exact: true })).toBeVisible({ timeout: 60_000 });
    await expect(page.locator('.ant-table-row').first()).toBeVisible();
    await attachScreenshot(page, testInfo, '11-import-dry-run');
  });
  await admin.close();

  const visitor = await browser.newContext();
  const portal = await visitor.newPage();
  watchConsole(portal, problems);

  await test.step('a visitor searches without diacritics and opens the procedure', async () => {
    await portal.goto('/');
    await expect(portal.getByText('Tỉnh Thanh Hóa — Cổng dịch vụ công')).toBeVisible();
    await expect(portal.getByRole('heading', { name: 'Tra cứu thủ tục hành chính' })).toBeVisible();
    await attachScreenshot(portal, testInfo, '12-portal-home');
    await portal.getByPlaceholder('Nhập tên thủ tục, ví dụ: đăng ký khai sinh').fill(procedureSearch);
    await portal.getByPlaceholder('Nhập tên thủ tục, ví dụ: đăng ký khai sinh').press('Enter');
    await expect(portal).toHaveURL(/\/thu-tuc\?q=/);
    const result = portal.getByTestId('procedure-result').filter({ hasText: procedureName });
    await expect(result).toBeVisible();
    await expect(portal.getByTestId('result-count')).toHaveText('Tìm thấy 1 thủ tục');
    await expect(result).toContainText('Thời hạn: 03 ngày làm việc');
    await expect(result).toContainText('Phí, lệ phí: 15.000 đồng/bản');
    await attachScreenshot(portal, testInfo, '13-portal-search');
    await result.getByRole('link', { name: procedureName }).click();
    await expect(portal.getByTestId('procedure-name')).toHaveText(procedureName);
    await expect(portal.getByText(unitName)).toBeVisible();
    await expect(portal.getByText('Mọi hình thức: 3 ngày làm việc')).toBeVisible();
    await expect(portal.getByTestId('required-document')).toHaveCount(2);
    await expect(portal.getByText('1 bản sao')).toBeVisible();
    await expect(portal.getByText('123/2025/NĐ-CP')).toBeVisible();
    await attachScreenshot(portal, testInfo, '14-portal-detail');
  });

  await test.step('a procedure with an unreadable time shows it verbatim with a warning', async () => {
    // Demo data: "Thủ tục đăng ký khai sinh" is published with the bare number "1" (no unit) as its time.
    await portal.goto('/thu-tuc/1.001193');
    await expect(portal.getByTestId('procedure-name')).toHaveText('Thủ tục đăng ký khai sinh');
    await expect(portal.getByTestId('time-unreadable').first()).toBeVisible();
    await attachScreenshot(portal, testInfo, '15-portal-detail-unreadable-time');
  });
  await visitor.close();

  await test.step('search and detail pages fit a 390 px wide phone', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const mobile = await phone.newPage();
    watchConsole(mobile, problems);
    await mobile.goto(`/thu-tuc?q=${encodeURIComponent(procedureSearch)}`);
    await expect(mobile.getByTestId('procedure-result').first()).toBeVisible();
    expect((await horizontalOverflow(mobile)).scrollWidth).toBeLessThanOrEqual(390);
    await attachScreenshot(mobile, testInfo, '16-mobile-search');
    await mobile.goto('/thu-tuc/1.001193');
    await expect(mobile.getByTestId('procedure-name')).toBeVisible();
    expect((await horizontalOverflow(mobile)).scrollWidth).toBeLessThanOrEqual(390);
    await attachScreenshot(mobile, testInfo, '17-mobile-detail');
    await mobile.goto(`/thu-tuc/${encodeURIComponent(await codeOf(baseURL!, procedureSearch))}`);
    await expect(mobile.getByTestId('procedure-name')).toHaveText(procedureName);
    expect((await horizontalOverflow(mobile)).scrollWidth).toBeLessThanOrEqual(390);
    await attachScreenshot(mobile, testInfo, '18-mobile-detail-new');
    await phone.close();
  });

  expect(problems).toEqual([]);
});

/** The code the server gave the new procedure (a local code when none was typed). */
async function codeOf(baseURL: string, q: string): Promise<string> {
  const res = await fetch(`${baseURL}/api/v1/catalog/procedures?q=${encodeURIComponent(q)}`);
  const body = (await res.json()) as { items: Array<{ code: string }> };
  if (!body.items[0]) throw new Error(`no published procedure matches "${q}"`);
  return body.items[0].code;
}
