// Issue 11 item 1, single sign-on: a citizen signs in to the portal with the national e-ID. The e-ID is the test
// OpenID Connect provider playwright.config.ts starts beside the server (e2e/support/oidc-provider-server.ts); the
// citizen signs in on its page and comes back signed in, the account made from the provider's claims: name, verified
// ID number and birth date on the account page. A cancelled sign-in comes back with the reason. Screens at 390 and
// 1280 px are attached to the report (and written to E2E_SCREENS_DIR when set).
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { TEST_OIDC_PASSWORD } from '../../server/test/oidc-test-settings';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { E2E_OIDC_PERSON } from '../support/oidc-person';
import { attachScreenshot, horizontalOverflow } from '../support/screens';

const person = E2E_OIDC_PERSON;

async function screens(page: Page, testInfo: TestInfo, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: width < 500 ? 844 : 900 });
    const overflow = await horizontalOverflow(page);
    expect(overflow.scrollWidth, `${name} at ${width}px`).toBeLessThanOrEqual(overflow.clientWidth);
    await attachScreenshot(page, testInfo, `oidc-${name}-${width}`);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('a citizen signs in with VNeID and lands on the portal signed in, with the name and ID number filled in', async ({ page }, testInfo) => {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.goto('/dang-nhap');
  const sso = page.getByRole('link', { name: 'Đăng nhập bằng VNeID' });
  await expect(sso).toBeVisible();
  await expectNoSeriousA11yViolations(page, testInfo, 'portal sign-in with VNeID');
  await screens(page, testInfo, 'sign-in');

  // A cancelled sign-in at the provider comes back to the sign-in page with the reason.
  await sso.click();
  await expect(page.getByRole('heading', { name: /Đăng nhập tài khoản định danh điện tử/ })).toBeVisible();
  await page.getByRole('link', { name: 'Hủy và quay lại' }).click();
  await expect(page).toHaveURL(/\/dang-nhap\?sso_error=SSO_CANCELLED$/);
  await expect(page.getByTestId('sso-error')).toContainText('Bạn đã hủy đăng nhập tại trang định danh điện tử.');
  await screens(page, testInfo, 'cancelled');

  // Signing in at the provider's page.
  await page.getByRole('link', { name: 'Đăng nhập bằng VNeID' }).click();
  await expect(page).toHaveURL(new RegExp(`^http://127\\.0\\.0\\.1:${process.env.E2E_OIDC_PORT}/interaction/`));
  await page.getByLabel('Số định danh cá nhân').fill(person.idNumber);
  await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await expect(page.getByRole('alert')).toContainText('Số định danh hoặc mật khẩu không đúng.');
  await page.getByLabel('Số định danh cá nhân').fill(person.idNumber);
  await page.getByLabel('Mật khẩu').fill(TEST_OIDC_PASSWORD);
  await screens(page, testInfo, 'provider');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();

  // Back on the portal, signed in, on the account page.
  await expect(page).toHaveURL(/\/tai-khoan$/);
  await expect(page.getByTestId('account-page')).toBeVisible();
  await expect(page.getByTestId('portal-account-link')).toContainText(person.fullName);
  await expect(page.getByLabel('Họ và tên')).toHaveValue(person.fullName);
  const idNumber = page.getByLabel('Số định danh cá nhân (số căn cước)');
  await expect(idNumber).toHaveValue(person.idNumber);
  // Vouched for by the e-ID, so it cannot be edited here.
  await expect(idNumber).toBeDisabled();
  await expect(page.getByText('Đã xác thực qua tài khoản định danh điện tử; không sửa được tại đây.')).toBeVisible();
  await expect(page.getByLabel('Ngày sinh')).toHaveValue('12/04/1995');
  const prefill = page.getByTestId('prefill');
  await expect(prefill).toContainText(person.fullName);
  await expect(prefill).toContainText(person.idNumber);
  await expect(prefill).toContainText('12/04/1995');
  await expectNoSeriousA11yViolations(page, testInfo, 'account after VNeID sign-in');
  await screens(page, testInfo, 'account');

  // Signed out and in again with VNeID: the same account, straight back.
  await page.getByTestId('portal-logout').click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto('/dang-nhap?next=%2Ftai-khoan');
  await page.getByRole('link', { name: 'Đăng nhập bằng VNeID' }).click();
  await expect(page).toHaveURL(/\/tai-khoan$/);
  await expect(page.getByLabel('Số định danh cá nhân (số căn cước)')).toHaveValue(person.idNumber);
  expect(errors).toEqual([]);
});
