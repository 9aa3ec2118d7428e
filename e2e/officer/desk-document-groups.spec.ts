// Issue 9 items 7–9: the desk checklist by document group, Mẫu 02 only with what applies, the catalog worklist,
// the portal without catalog internals, and the back office at 390 px.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { attachScreenshot, horizontalOverflow } from '../support/screens';
import { apiLogin, openedDialog, watchConsole } from './dossier-support';

const SHOTS = process.env.E2E_SCREENS_DIR ?? path.join('.tmp', 'shots');

/** Picks birth registration in the focused procedure search with the keyboard and fills the parent's name and ID. */
async function startBirthRegistration(page: Page) {
  await page.keyboard.type('dang ky khai sinh', { delay: 15 });
  await expect(page.locator('.ant-select-dropdown:visible .ant-select-item-option').first()).toContainText('Thủ tục đăng ký khai sinh');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('procedure-info')).toContainText('Thủ tục đăng ký khai sinh');
  await page.getByLabel('Họ và tên').fill('Nguyễn Thị Mẹ');
  await page.getByLabel('Số định danh cá nhân (12 chữ số)').fill('038190005555');
}

/** Ticks a checklist box and waits for the form to show it ticked (the checklist sets its values through the form, so
 * the box turns on one render later than the click; Playwright's check() would read the state too early). */
async function tick(box: Locator) {
  await box.click();
  await expect(box).toBeChecked();
}

test('the desk ticks what applies to a birth registration, refuses an empty dossier, and guides with only what applies', async ({ page }, testInfo) => {
  process.env.E2E_SCREENS_DIR ??= SHOTS;
  const problems: string[] = [];
  watchConsole(page, problems, (text) => text.includes('400'));
  await apiLogin(page.request, 'tiepnhan.hacthanh');
  await page.goto('/admin/dossiers/intake');
  await expect(page.getByTestId('shell-title')).toHaveText('Một cửa — Tiếp nhận và trả kết quả');

  await expect(page.getByLabel('Thủ tục', { exact: true })).toBeFocused();
  await startBirthRegistration(page);

  const checklist = page.getByTestId('checklist');
  // Paper form or e-form: one group; the abandoned-child and surrogacy papers only under their case; papers shown.
  await expect(page.getByTestId('checklist-form')).toContainText('Chọn một trong các giấy tờ sau');
  await expect(page.getByTestId('checklist-form').getByRole('checkbox')).toHaveCount(2);
  const abandoned = checklist.locator('section', { hasText: 'Trường hợp trẻ em bị bỏ rơi' });
  await expect(abandoned.getByRole('checkbox').nth(1)).toBeDisabled();
  await expect(page.getByTestId('checklist-present')).toContainText('Giấy tờ phải xuất trình');

  await test.step('nothing ticked: refused with a clear message', async () => {
    await page.getByTestId('intake-accept').click();
    await expect(page.getByTestId('checklist-empty')).toContainText('không tiếp nhận hồ sơ trống');
    await attachScreenshot(page, testInfo, 'desk-01-checklist-empty');
  });

  await test.step('tick the paper form, the birth certificate, the identity paper seen', async () => {
    const form = page.getByTestId('checklist-form').getByRole('checkbox');
    await tick(form.nth(1));
    // The notice goes with the first tick (the page gets shorter, so wait before the next click).
    await expect(page.getByTestId('checklist-empty')).toHaveCount(0);
    await tick(form.nth(0));
    await expect(form.nth(1)).not.toBeChecked();
    await tick(checklist.getByRole('checkbox', { name: /^Giấy chứng sinh/ }));
    await tick(page.getByTestId('checklist-present').getByRole('checkbox', { name: /^Hộ chiếu\/Thẻ căn cước/ }));
    await attachScreenshot(page, testInfo, 'desk-02-checklist-groups');
  });

  await test.step('a guide (Mẫu 02) lists only what applies to this parent', async () => {
    await page.getByTestId('intake-guide').click();
    const dialog = await openedDialog(page, 'Hướng dẫn bổ sung, hoàn thiện hồ sơ (Mẫu 02)');
    const items = await dialog.getByLabel('Giấy tờ cần bổ sung, hoàn thiện').inputValue();
    expect(items).not.toContain('bị bỏ rơi');
    expect(items).not.toContain('mang thai hộ');
    expect(items).not.toContain('Tờ khai đăng ký khai sinh');
    await dialog.getByLabel('Giấy tờ cần bổ sung, hoàn thiện').fill('Giấy tờ có giá trị chứng minh thông tin về cư trú');
    await dialog.getByLabel('Lý do').fill('Chưa có giấy tờ chứng minh nơi cư trú.');
    await dialog.getByRole('button', { name: 'Lập phiếu hướng dẫn' }).click();
    await expect(page.getByTestId('intake-decided')).toContainText(/Số phiếu: \d+\/PBS-/);
    const href = (await page.getByTestId('print-decision').getAttribute('href'))!;
    const pdf = await page.request.get(href);
    expect(pdf.status()).toBe(200);
    const file = testInfo.outputPath('mau-02.pdf');
    fs.writeFileSync(file, await pdf.body());
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).not.toContain('bỏ rơi');
    expect(text).not.toContain('mang thai hộ');
    fs.mkdirSync(SHOTS, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', file, path.join(SHOTS, 'desk-03-mau-02')]);
  });

  await test.step('the same applicant with what applies is received', async () => {
    await page.getByTestId('intake-new').click();
    await startBirthRegistration(page);
    await tick(page.getByTestId('checklist-form').getByRole('checkbox').nth(0));
    await tick(checklist.getByRole('checkbox', { name: /^Giấy chứng sinh/ }));
    await tick(page.getByTestId('checklist-present').getByRole('checkbox', { name: /^Hộ chiếu\/Thẻ căn cước/ }));
    // The catalog's "1" cannot be computed: the officer states the time (never guessed).
    await page.getByLabel('Thời hạn', { exact: true }).fill('1');
    await page.getByTestId('intake-accept').click();
    await expect(page.getByTestId('dossier-code')).toBeVisible();
  });
  expect(problems).toEqual([]);
});

test('the catalog administrator has a worklist; the portal shows no catalog internals; the back office fits 390 px', async ({ browser }, testInfo) => {
  process.env.E2E_SCREENS_DIR ??= SHOTS;
  const admin = await browser.newContext();
  const adminCsrf = await apiLogin(admin.request, 'admin');
  const page = await admin.newPage();
  await page.goto('/admin/procedures/quality');
  await expect(page.getByTestId('quality-table')).toContainText('Thủ tục đăng ký khai sinh');
  await expect(page.getByTestId('quality-table')).toContainText('nguồn ghi «1»');
  // The system administrator's list covers the province: no scope notice.
  await expect(page.getByTestId('quality-scope')).toHaveCount(0);
  await attachScreenshot(page, testInfo, 'worklist-01');
  await page.getByTestId('quality-filter').getByText('Giấy tờ chưa phân nhóm').click();
  await expect(page.getByTestId('quality-table')).toContainText('Đăng ký thường trú');
  await attachScreenshot(page, testInfo, 'worklist-02-documents');

  await test.step("a ward's administrator sees only the procedures of the ward, not those of another ward nor the shared ones", async () => {
    const communes = (await (await admin.request.get('/api/v1/identity/org-units', { params: { kind: 'commune', pageSize: 100 } })).json()) as {
      items: Array<{ id: string; name: string }>;
    };
    const unit = (name: string) => communes.items.find((u) => u.name === name)!.id;
    const suffix = Date.now().toString(36).toUpperCase();
    const draft = async (name: string, unitName: string) => {
      const res = await admin.request.post('/api/v1/catalog/admin/procedures', {
        headers: { 'x-csrf-token': adminCsrf },
        data: {
          name,
          field: 'Hộ tịch',
          levels: ['commune'],
          implementingUnitIds: [unit(unitName)],
          // "1" with no unit: no deadline can be computed from it, so it is on the worklist.
          processingTimes: [{ channel: 'any', amount: 1, unit: null, raw: '1' }],
          fees: [],
          requiredDocuments: [{ name: 'Tờ khai theo mẫu', originals: 1, copies: 0 }],
          legalBasis: [],
        },
      });
      expect(res.status(), await res.text()).toBe(201);
    };
    const own = `Thủ tục riêng của Phường Hạc Thành ${suffix}`;
    const other = `Thủ tục riêng của Phường Hàm Rồng ${suffix}`;
    await draft(own, 'Phường Hạc Thành');
    await draft(other, 'Phường Hàm Rồng');

    const ward = await browser.newContext();
    await apiLogin(ward.request, 'quantri.hacthanh');
    const wardPage = await ward.newPage();
    await wardPage.goto('/admin/procedures/quality');
    await expect(wardPage.getByTestId('quality-scope')).toContainText('Chỉ gồm thủ tục do đơn vị bạn quản trị thực hiện: Phường Hạc Thành');
    const table = wardPage.getByTestId('quality-table');
    await expect(table).toContainText(own);
    await expect(table).not.toContainText(other);
    // Birth registration is carried out by every commune: the ward cannot correct it, so it is not the ward's work.
    await expect(table).not.toContainText('Thủ tục đăng ký khai sinh');
    await attachScreenshot(wardPage, testInfo, 'worklist-03-unit-admin');
    await ward.close();
  });

  const portal = await browser.newPage();
  await portal.goto('/thu-tuc/1.001193');
  await expect(portal.getByRole('heading', { name: 'Thủ tục đăng ký khai sinh' })).toBeVisible();
  await expect(portal.locator('body')).not.toContainText('CSDL');
  await expect(portal.getByTestId('processing-time').first()).toContainText('Thời hạn cụ thể do cơ quan giải quyết thông báo');
  await attachScreenshot(portal, testInfo, 'portal-01-procedure');

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  await apiLogin(phone.request, 'lanhdao.stp');
  const mobile = await phone.newPage();
  await mobile.goto('/admin/dossiers?queue=overdue');
  await expect(mobile.getByTestId('overdue-hint')).toBeVisible();
  const button = await mobile.getByTestId('menu-button').boundingBox();
  const title = await mobile.getByRole('heading', { level: 1 }).boundingBox();
  expect(button!.y + button!.height).toBeLessThanOrEqual(title!.y);
  const overflow = await horizontalOverflow(mobile);
  expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.clientWidth);
  await attachScreenshot(mobile, testInfo, 'mobile-01-queue-390', { fullPage: false });
  await mobile.getByTestId('menu-button').click();
  await expect(mobile.getByTestId('shell-title')).toHaveText('Một cửa — Giải quyết hồ sơ');
  await attachScreenshot(mobile, testInfo, 'mobile-02-menu-390', { fullPage: false });
});
