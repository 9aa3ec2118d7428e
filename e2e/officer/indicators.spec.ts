import { expect, test } from '@playwright/test';
import { attachScreenshot } from '../support/screens';
import { apiLogin, watchConsole } from './dossier-support';

// Issue 12 (first part): a leader reads the department's indicators for a period, opens the dossiers behind a
// number, and the public API answers the same numbers without signing in.
test('a leader reads a period, drills into the dossiers received, and the public numbers match', async ({ page, playwright, baseURL }, testInfo) => {
  const problems: string[] = [];
  watchConsole(page, problems);
  await apiLogin(page.request, 'lanhdao.stp');
  await page.goto('/admin/dossiers');
  await page.getByRole('menuitem', { name: 'Chỉ số giải quyết hồ sơ' }).click();
  await expect(page).toHaveURL(/\/admin\/indicators$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Chỉ số giải quyết hồ sơ');

  // The demo seed receives dossiers over the last 90 days: the last 120 days hold them whatever today is (a quarter
  // just begun would not). The range is typed, as an officer may.
  await page.getByTestId('indicators-period').getByText('Tùy chọn').click();
  const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);
  const [from, to] = [day(120), day(0)];
  const shown = (iso: string) => iso.split('-').reverse().join('/');
  await page.getByPlaceholder('Từ ngày').click();
  await page.keyboard.type(shown(from));
  await page.keyboard.press('Enter');
  await page.keyboard.type(shown(to));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('indicators-dates')).toHaveText(`Từ ${shown(from)} đến ${shown(to)}`);
  const unitCode = (await (await page.request.get('/api/v1/identity/me')).json()).user.grants[0].orgUnitCode as string;
  const summary = await (await page.request.get('/api/v1/indicators/summary', { params: { unit: unitCode, from, to, subtree: 'true' } })).json();
  await expect(page.getByTestId('indicator-received').locator('.ant-statistic-content-value')).toHaveText(String(summary.received));
  await expect(page.getByTestId('indicator-finished').locator('.ant-statistic-content-value')).toHaveText(String(summary.finished));
  expect(summary.received, 'the demo department received dossiers in the period').toBeGreaterThan(0);

  await page.getByTestId('drill-indicator-received').click();
  const drawer = page.getByRole('dialog', { name: 'Hồ sơ tiếp nhận trong kỳ' });
  await expect(drawer).toBeVisible();
  await expect(drawer.getByTestId('indicator-dossier-link')).toHaveCount(Math.min(summary.received, 20));
  await attachScreenshot(page, testInfo, 'indicators-drill-received');
  const code = await drawer.getByTestId('indicator-dossier-link').first().innerText();
  await drawer.getByTestId('indicator-dossier-link').first().click();
  await expect(page).toHaveURL(/\/admin\/dossiers\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(code);

  // The transparency API: anyone, the same numbers.
  const anonymous = await playwright.request.newContext({ baseURL });
  const open = await (await anonymous.get('/api/v1/public/indicators', { params: { unit: unitCode, from, to, subtree: 'true' } })).json();
  await anonymous.dispose();
  expect({ ...open, asOf: null }).toEqual({ ...summary, asOf: null });
  expect(problems).toEqual([]);
});
