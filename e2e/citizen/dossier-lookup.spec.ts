import { expect, test } from '@playwright/test';
import { attachScreenshot, horizontalOverflow } from '../support/screens';

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

test('a visitor on a phone finds the dossier tracking page from the portal header and is told when a code is unknown', async ({ page }, testInfo) => {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));

  await page.goto('/');
  await page.getByRole('link', { name: 'Tra cứu hồ sơ' }).click();
  await expect(page).toHaveURL(/\/tra-cuu$/);
  await expect(page.getByRole('heading', { name: 'Tra cứu hồ sơ' })).toBeVisible();
  const input = page.getByLabel('Mã hồ sơ');
  await expect(input).toBeFocused();
  await attachScreenshot(page, testInfo, 'dossier-lookup-01-empty');

  await input.fill('H56.999-000000-9999');
  await input.press('Enter');
  await expect(page).toHaveURL(/\/tra-cuu\/H56\.999-000000-9999$/);
  await expect(page.getByTestId('lookup-not-found')).toContainText('Không tìm thấy hồ sơ có mã H56.999-000000-9999');
  // The page explains it; no extra error toast on top.
  await expect(page.locator('.ant-message-notice')).toHaveCount(0);
  const overflow = await horizontalOverflow(page);
  expect(overflow.scrollWidth).toBeLessThanOrEqual(overflow.clientWidth);
  await attachScreenshot(page, testInfo, 'dossier-lookup-02-unknown');

  // The receipt's QR format with a query parameter lands on the same page.
  await page.goto('/tra-cuu?ma=H56.999-000000-9998');
  await expect(page.getByTestId('lookup-not-found')).toContainText('H56.999-000000-9998');

  await page.getByText('EN', { exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Track a dossier' })).toBeVisible();
  await expect(page.getByTestId('lookup-not-found')).toContainText('No dossier has the code H56.999-000000-9998');
  await attachScreenshot(page, testInfo, 'dossier-lookup-03-unknown-en');
  expect(errors).toEqual([]);
});
