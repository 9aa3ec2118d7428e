import { expect, test, type APIRequestContext } from '@playwright/test';
import { expectNoSeriousA11yViolations } from '../support/axe';
import { attachScreenshot, horizontalOverflow } from '../support/screens';
import { pdf } from '../../server/platform/files/test/fixtures';
import { officer, watchConsole } from './dossier-support';

// Issue 11 item 5: the holder issues the electronic result on the dossier page; anyone with the QR address verifies it
// and compares a file, at 1280 and 390 px, accessibly.

/** A demo dossier chuyenvien.stp may issue the result of now. */
async function issuableDossier(request: APIRequestContext): Promise<string> {
  const queue = (await (await request.get('/api/v1/dossiers', { params: { queue: 'mine', pageSize: 50 } })).json()) as { items: Array<{ id: string }> };
  for (const item of queue.items) {
    const view = (await (await request.get(`/api/v1/dossiers/${item.id}/result`)).json()) as { canAttach: boolean; current: unknown };
    if (view.canAttach && !view.current) return item.id;
  }
  throw new Error('no demo dossier whose result chuyenvien.stp may issue');
}

test('the holder issues the electronic result; the public page verifies it and compares a file', async ({ browser }, testInfo) => {
  const problems: string[] = [];
  const page = await officer(browser, 'chuyenvien.stp', problems);
  const id = await issuableDossier(page.context().request);
  const resultPdf = pdf({ streamData: Buffer.from(`BT /F1 12 Tf 72 770 Td (Quyet dinh ${Date.now()}) Tj ET`, 'latin1') });

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`/admin/dossiers/${id}`);
  const panel = page.getByTestId('result-panel');
  await expect(panel.getByTestId('result-none')).toBeVisible();
  await panel.locator('input[type=file]').setInputFiles({ name: 'Quyết định.pdf', mimeType: 'application/pdf', buffer: resultPdf });
  await panel.getByTestId('result-submit').click();
  await expect(panel.getByTestId('result-current')).toBeVisible();
  await expect(panel.getByTestId('result-file')).toContainText('Quyết định.pdf');
  await expectNoSeriousA11yViolations(page, testInfo, 'dossier-result-1280');
  await attachScreenshot(page, testInfo, 'dossier-result-1280');
  const verifyUrl = await panel.getByTestId('result-verify-link').getAttribute('href');
  expect(verifyUrl).toMatch(/\/xac-thuc-ket-qua\/[A-Za-z0-9_-]{22}$/);
  const verifyPath = new URL(verifyUrl!).pathname;

  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(panel.getByTestId('result-current')).toBeVisible();
  await attachScreenshot(page, testInfo, 'dossier-result-390');

  // A visitor, not signed in.
  const visitor = await (await browser.newContext()).newPage();
  watchConsole(visitor, problems);
  for (const width of [1280, 390]) {
    await visitor.setViewportSize({ width, height: width > 500 ? 800 : 844 });
    await visitor.goto(verifyPath);
    await expect(visitor.getByTestId('verify-status')).toContainText('Còn hiệu lực');
    await expect(visitor.locator('h1')).toHaveCount(1);
    await expect(visitor.getByTestId('verify-compare-result')).toBeAttached();
    await visitor.locator('input[type=file]').setInputFiles({ name: 'ket-qua.pdf', mimeType: 'application/pdf', buffer: resultPdf });
    await expect(visitor.getByTestId('verify-compare-result')).toContainText('Trùng khớp');
    await expectNoSeriousA11yViolations(visitor, testInfo, `verify-result-${width}`);
    const { scrollWidth, clientWidth } = await horizontalOverflow(visitor);
    expect(scrollWidth, `no horizontal scrolling at ${width} px`).toBeLessThanOrEqual(clientWidth);
    await attachScreenshot(visitor, testInfo, `verify-result-${width}`);
  }
  const changed = Buffer.from(resultPdf);
  changed[20] = changed[20]! ^ 1;
  await visitor.locator('input[type=file]').setInputFiles({ name: 'khac.pdf', mimeType: 'application/pdf', buffer: changed });
  await expect(visitor.getByTestId('verify-compare-result')).toContainText('Không trùng khớp');
  await attachScreenshot(visitor, testInfo, 'verify-result-nomatch-390');

  await visitor.goto('/xac-thuc-ket-qua/AAAAAAAAAAAAAAAAAAAAAA');
  await expect(visitor.getByTestId('verify-not-found')).toBeVisible();
  await expectNoSeriousA11yViolations(visitor, testInfo, 'verify-result-unknown-390');
  expect(problems.filter((p) => !p.includes('/api/v1/results/verify/AAAA'))).toEqual([]);
});
