import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { attachScreenshot } from '../support/screens';
import { apiLogin, watchConsole } from './dossier-support';

/**
 * The demo seed receives dossiers over the last 90 days: the last 120 days hold them whatever today is (a quarter
 * just begun would not). The range is typed, as an officer may.
 */
async function typeLast120Days(page: Page): Promise<{ from: string; to: string }> {
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
  return { from, to };
}

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

  const { from, to } = await typeLast120Days(page);
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

// Issue 12 done-when: a leader signs in and lands on the dashboard, filters a unit and a quarter, drills into the late
// dossiers, exports Excel (the file opens, its totals are the screen's), and the public page shows the same rates.
test('a leader lands on the dashboard, filters a unit and a quarter, drills into the late dossiers, exports Excel; the public page agrees', async ({ page, browser }, testInfo) => {
  const problems: string[] = [];
  watchConsole(page, problems);
  await page.goto('/admin/login');
  await page.getByLabel('Tên đăng nhập', { exact: false }).first().fill('lanhdao.hacthanh');
  await page.getByLabel('Mật khẩu', { exact: false }).first().fill('MotCua@2026');
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/indicators$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Chỉ số giải quyết hồ sơ');
  await expect(page.getByTestId('indicators-decisions')).toContainText('Đang chờ tôi xử lý');

  // The demo seed receives dossiers over the last 90 days: the quarter holding the day 45 days ago is full of them.
  const anchor = new Date(Date.now() - 45 * 86_400_000 + 7 * 3_600_000);
  const year = anchor.getUTCFullYear();
  const quarter = Math.floor(anchor.getUTCMonth() / 3) + 1;
  const from = `${year}-${String((quarter - 1) * 3 + 1).padStart(2, '0')}-01`;
  const to = new Date(Date.UTC(year, quarter * 3, 0)).toISOString().slice(0, 10);
  const shown = (iso: string) => iso.split('-').reverse().join('/');

  // The unit: the ward itself, chosen in the tree of the leader's units.
  await page.getByTestId('indicators-unit').click();
  await page.getByRole('tree').getByText('Phường Hạc Thành', { exact: true }).click();
  await page.getByTestId('indicators-period').getByText('Quý').click();
  await page.getByTestId('indicators-anchor').click();
  await page.locator('.ant-picker-dropdown:visible .ant-picker-header-view').getByRole('button').first().click();
  await page.locator('.ant-picker-dropdown:visible').getByText(String(year), { exact: true }).click();
  await page.locator('.ant-picker-dropdown:visible').getByText(`Q${quarter}`, { exact: true }).click();
  await expect(page.getByTestId('indicators-dates')).toHaveText(`Từ ${shown(from)} đến ${shown(to)}`);

  const unitCode = (await (await page.request.get('/api/v1/identity/me')).json()).user.grants[0].orgUnitCode as string;
  const summary = await (await page.request.get('/api/v1/indicators/summary', { params: { unit: unitCode, from, to, subtree: 'true' } })).json();
  expect(summary.finishedLate, 'the demo ward finished dossiers late in the quarter').toBeGreaterThan(0);
  await expect(page.getByTestId('indicator-finished').locator('.ant-statistic-content-value')).toHaveText(String(summary.finished));
  const onTimeText = (await page.getByTestId('indicator-on-time').locator('.ant-statistic-content-value').innerText()).trim();
  await expect(page.getByTestId('indicators-by-month-total-received')).toHaveText(summary.received.toLocaleString('vi-VN'));
  await expect(page.getByTestId('indicators-by-month-total-onTimeRate')).toHaveText(onTimeText);
  await attachScreenshot(page, testInfo, 'indicators-leader-quarter');

  // The late dossiers behind the number.
  await page.getByTestId('drill-finished-late').click();
  const drawer = page.getByRole('dialog', { name: 'Hồ sơ giải quyết quá hạn' });
  await expect(drawer.getByTestId('indicator-dossier-link')).toHaveCount(Math.min(summary.finishedLate, 20));
  await attachScreenshot(page, testInfo, 'indicators-leader-late', { fullPage: false });
  await drawer
    .getByRole('button', { name: 'Close' })
    .or(drawer.getByRole('button', { name: 'Đóng' }))
    .first()
    .click();
  await expect(drawer).toBeHidden();

  // Excel: the workbook opens and its totals are the screen's.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('indicators-export').click()]);
  expect(download.suggestedFilename()).toBe(`chi-so-${unitCode}-${from}-${to}.xlsx`);
  const file = testInfo.outputPath('indicators.xlsx');
  await download.saveAs(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheet = wb.getWorksheet('Tổng hợp')!;
  const cell = (label: string) => {
    let value: ExcelJS.CellValue = null;
    sheet.eachRow((row) => {
      if (row.getCell(1).value === label) value = row.getCell(2).value;
    });
    return value;
  };
  expect(cell('Hồ sơ tiếp nhận')).toBe(summary.received);
  expect(cell('Hồ sơ đã giải quyết')).toBe(summary.finished);
  expect(cell('Quá hạn')).toBe(summary.finishedLate);
  expect(`${(Number(cell('Tỷ lệ đúng hạn và trước hạn')) * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} %`).toBe(onTimeText);
  const months = wb.getWorksheet('Theo tháng')!;
  const header = months.getRow(4).values as unknown[];
  const total = months.getRow(months.rowCount).values as unknown[];
  expect(total[1]).toBe('Tổng cộng');
  expect(total[header.indexOf('Hồ sơ tiếp nhận')]).toBe(summary.received);
  expect(total[header.indexOf('Quá hạn')]).toBe(summary.finishedLate);

  // The public page, without signing in: the same month-by-month rates for the ward.
  const monthRates = await page
    .getByTestId('indicators-by-month')
    .locator('.ant-table-row')
    .evaluateAll((rows) => rows.map((r) => [r.querySelector('td')?.textContent ?? '', r.querySelectorAll('td')[8]?.textContent ?? '']));
  const visitor = await browser.newContext();
  const pub = await visitor.newPage();
  watchConsole(pub, problems);
  await pub.goto('/minh-bach');
  await expect(pub.getByRole('heading', { level: 1 })).toHaveText('Công khai kết quả giải quyết thủ tục hành chính');
  await pub.getByTestId('public-year').click();
  await pub.locator('.ant-select-dropdown:visible').getByTitle(String(year), { exact: true }).click();
  await pub.getByTestId('public-unit').click();
  await pub.keyboard.type('Hac Thanh');
  await pub.locator('.ant-select-dropdown:visible').getByTitle('Phường Hạc Thành', { exact: true }).click();
  await expect(pub.getByTestId('public-by-month').locator('.ant-table-row')).toHaveCount(12);
  for (const [month, rate] of monthRates) {
    await expect(pub.getByTestId('public-by-month').locator('.ant-table-row', { hasText: month! }).locator('td').nth(8)).toHaveText(rate!);
  }
  await attachScreenshot(pub, testInfo, 'transparency-ward');
  await visitor.close();
  expect(problems).toEqual([]);
});

// Issue 12 item 1: the indicators of a field (lĩnh vực) and of one procedure, chosen on the page, are the API's for the
// same narrowing, and the dossiers behind them are that procedure's.
test('a leader narrows the indicators to a field, then to one procedure, and drills into its dossiers', async ({ page }, testInfo) => {
  const problems: string[] = [];
  watchConsole(page, problems);
  await apiLogin(page.request, 'lanhdao.hacthanh');
  await page.goto('/admin/indicators');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Chỉ số giải quyết hồ sơ');
  const { from, to } = await typeLast120Days(page);
  const unit = (await (await page.request.get('/api/v1/identity/me')).json()).user.grants[0].orgUnitCode as string;
  const summaryOf = async (extra: Record<string, string>) =>
    (await (await page.request.get('/api/v1/indicators/summary', { params: { unit, from, to, subtree: 'true', ...extra } })).json()) as {
      received: number;
      procedure: string | null;
      field: string | null;
    };
  // The ward's busiest field in the period, and the fields the page offers.
  const fields = ((await (await page.request.get('/api/v1/catalog/fields')).json()) as { items: Array<{ name: string }> }).items.map((f) => f.name);
  const counted = await Promise.all(fields.map(async (name) => ({ name, received: (await summaryOf({ field: name })).received })));
  const field = counted.sort((a, b) => b.received - a.received)[0]!;
  expect(field.received, 'the demo ward received dossiers of some field').toBeGreaterThan(0);
  const all = await summaryOf({});
  expect(field.received).toBeLessThanOrEqual(all.received);

  // The field list is long (a virtual list shows a few): typed to filter it, as an officer would.
  const searched = page.waitForResponse((r) => r.url().includes('/api/v1/catalog/procedures') && r.url().includes('field='));
  await page.getByTestId('indicators-field').click();
  await page.keyboard.type(field.name);
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: new RegExp(`^${field.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) })
    .first()
    .click();
  await searched;
  await expect(page.getByTestId('indicator-received').locator('.ant-statistic-content-value')).toHaveText(String(field.received));

  // The field's busiest procedure, found in the picker by typing its code (the picker searches within the field).
  const inField = (
    (await (await page.request.get('/api/v1/catalog/procedures', { params: { field: field.name, pageSize: '50' } })).json()) as {
      items: Array<{ code: string }>;
    }
  ).items;
  const perProcedure = await Promise.all(inField.map(async (p) => ({ code: p.code, received: (await summaryOf({ field: field.name, procedure: p.code })).received })));
  const { code } = perProcedure.sort((a, b) => b.received - a.received)[0]!;
  const found = page.waitForResponse((r) => r.url().includes('/api/v1/catalog/procedures') && r.url().includes(`q=${encodeURIComponent(code)}`));
  await page.getByTestId('indicators-procedure').click();
  await page.keyboard.type(code);
  await found;
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: `${code} — ` })
    .first()
    .click();
  const narrowed = await summaryOf({ field: field.name, procedure: code });
  expect(narrowed).toMatchObject({ procedure: code, field: field.name });
  expect(narrowed.received, 'the busiest procedure of the busiest field received dossiers').toBeGreaterThan(0);
  await expect(page.getByTestId('indicator-received').locator('.ant-statistic-content-value')).toHaveText(String(narrowed.received));
  await attachScreenshot(page, testInfo, 'indicators-narrowed-procedure');
  await page.getByTestId('drill-indicator-received').click();
  const drawer = page.getByRole('dialog', { name: 'Hồ sơ tiếp nhận trong kỳ' });
  await expect(drawer.getByTestId('indicator-dossier-link')).toHaveCount(Math.min(narrowed.received, 20));
  const listed = await (
    await page.request.get('/api/v1/indicators/dossiers', { params: { unit, from, to, subtree: 'true', field: field.name, procedure: code, measure: 'received' } })
  ).json();
  const names = new Set((listed.items as Array<{ procedureName: string }>).map((i) => i.procedureName));
  expect(names.size, 'every dossier behind the number is of the one procedure').toBe(1);
  expect(problems).toEqual([]);
});
