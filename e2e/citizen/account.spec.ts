// Issue 11 item 1: a citizen registers on the portal, is refused until the e-mail is confirmed, confirms through the
// link the server sent by SMTP to a real SMTP server this journey runs (playwright.config.ts: SMTP_URL), signs in and
// edits the profile. Screens of the register and profile pages at 390 and 1280 px go to docs/screenshots/issue-11.
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { MailSink } from '../../server/test/mail-sink';
import { attachScreenshot, horizontalOverflow } from '../support/screens';
import { expectToast } from '../support/antd';

const SHOTS = path.join('docs', 'screenshots', 'issue-11');
const sink = new MailSink();

test.beforeAll(async () => {
  await sink.listen(Number(process.env.E2E_SMTP_PORT));
});
test.afterAll(async () => sink.close());

async function screen(page: Page, testInfo: Parameters<typeof attachScreenshot>[1], name: string, width: number) {
  await page.setViewportSize({ width, height: width < 500 ? 844 : 900 });
  await page.waitForTimeout(300);
  const overflow = await horizontalOverflow(page);
  expect(overflow.scrollWidth, `${name} at ${width}px`).toBeLessThanOrEqual(overflow.clientWidth);
  await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: true });
  await attachScreenshot(page, testInfo, `${name}-${width}`);
}

test('a citizen registers, confirms the e-mail from the mail, signs in on the portal and edits the profile', async ({ page }, testInfo) => {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  const email = `cong.dan.${Date.now().toString(36)}@example.vn`;
  const password = 'Mat-khau-2026';

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/');
  await page.getByRole('link', { name: 'Đăng ký' }).click();
  await expect(page).toHaveURL(/\/dang-ky$/);
  await expect(page.getByRole('heading', { name: 'Đăng ký tài khoản' })).toBeVisible();
  await screen(page, testInfo, 'register', 1280);
  await screen(page, testInfo, 'register', 390);

  await page.getByLabel('Họ và tên').fill('Lê Thị Hoa');
  await page.getByLabel('Thư điện tử').fill(email);
  await page.getByLabel('Mật khẩu', { exact: true }).fill(password);
  await page.getByLabel('Nhập lại mật khẩu').fill(password);
  await page.getByLabel('Số định danh cá nhân (số căn cước)').fill('038190012345');
  await page.getByLabel('Ngày sinh').click();
  await page.getByLabel('Ngày sinh').fill('20/07/1991');
  await page.getByLabel('Ngày sinh').press('Enter');
  await page.getByLabel('Địa chỉ').fill('Số 3 phố Trần Phú, phường Hạc Thành');
  await page.getByRole('button', { name: 'Đăng ký' }).click();
  await expect(page.getByTestId('register-sent')).toContainText(`Chúng tôi đã gửi thư tới ${email}`);

  // Signing in before the link is opened is refused, with a way to get the link again.
  await page.getByRole('link', { name: 'Đăng nhập' }).last().click();
  await page.getByLabel('Thư điện tử hoặc số điện thoại').fill(email);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByTestId('not-confirmed')).toContainText('Tài khoản chưa được kích hoạt');
  await expect(page.getByTestId('resend-link')).toBeVisible();

  const mail = await sink.waitFor((m) => m.to.includes(email) && m.subject.startsWith('Xác nhận địa chỉ thư điện tử'), 60_000);
  expect(mail.text).toContain('Kính gửi Lê Thị Hoa');
  const link = new URL(/https?:\/\/\S+\/xac-nhan-email\?token=[\w-]+/.exec(mail.text)![0]);
  // PUBLIC_BASE_URL names localhost; the journey stays on the address it was started with.
  await page.goto(link.pathname + link.search);
  await expect(page.getByTestId('email-confirmed')).toContainText(`Địa chỉ ${email} đã được xác nhận`);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByLabel('Thư điện tử hoặc số điện thoại')).toHaveValue(email);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();

  await expect(page).toHaveURL(/\/tai-khoan$/);
  await expect(page.getByTestId('account-page')).toBeVisible();
  await expect(page.getByTestId('portal-account-link')).toContainText('Lê Thị Hoa');
  const prefill = page.getByTestId('prefill');
  await expect(prefill).toContainText('038190012345');
  await expect(prefill).toContainText('20/07/1991');
  await expect(prefill).toContainText(email);

  await page.getByLabel('Địa chỉ').fill('Thôn Đông, xã Ngọc Lặc, tỉnh Thanh Hóa');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await expectToast(page, 'Đã lưu thông tin tài khoản.');
  await expect(prefill).toContainText('Thôn Đông, xã Ngọc Lặc, tỉnh Thanh Hóa');
  await page.reload();
  await expect(page.getByLabel('Địa chỉ')).toHaveValue('Thôn Đông, xã Ngọc Lặc, tỉnh Thanh Hóa');
  await screen(page, testInfo, 'profile', 1280);
  await screen(page, testInfo, 'profile', 390);

  await page.getByTestId('portal-logout').click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('link', { name: 'Đăng nhập' })).toBeVisible();
  expect(errors).toEqual([]);
});
