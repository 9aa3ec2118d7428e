import { expect, test, type APIRequestContext, type Browser, type Locator, type Page, type TestInfo } from '@playwright/test';
import { DEMO_PASSWORD } from '../../server/modules/demo-accounts';
import { attachScreenshot } from '../support/screens';

/**
 * Collects uncaught page errors and console errors (a React crash, a failed request). `expected` skips errors the
 * test causes on purpose (e.g. a 409 or the unknown-code 404).
 */
export function watchConsole(page: Page, problems: string[], expected: (text: string, url: string) => boolean = () => false): void {
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const url = msg.location().url;
    // A visitor's GET /me answers 401 (nobody signed in).
    if (url.endsWith('/api/v1/identity/me') || expected(msg.text(), url)) return;
    problems.push(`console: ${msg.text()} (${url})`);
  });
}

/** Signs in through the API (the login form is covered by the foundation journey) and returns the CSRF token. */
export async function apiLogin(request: APIRequestContext, login: string): Promise<string> {
  const res = await request.post('/api/v1/identity/login', { data: { login, password: DEMO_PASSWORD } });
  expect(res.status(), `login ${login}`).toBe(200);
  return ((await res.json()) as { csrfToken: string }).csrfToken;
}

/** A signed-in officer in a browser context of its own. */
export async function officer(browser: Browser, login: string, problems: string[]): Promise<Page> {
  const context = await browser.newContext();
  await apiLogin(context.request, login);
  const page = await context.newPage();
  watchConsole(page, problems);
  return page;
}

/**
 * The open dialog with this title, once antd's zoom-in has finished: a click during the animation can land beside the
 * button while it still grows.
 */
export async function openedDialog(page: Page, title: string): Promise<Locator> {
  await page.bringToFront();
  const dialog = page.getByRole('dialog', { name: title });
  await expect(dialog).toBeVisible();
  await expect(dialog).not.toHaveClass(/ant-zoom-(enter|appear)/);
  return dialog;
}

/** Runs one action of the detail page through its dialog (titled and confirmed like the button). */
export async function act(page: Page, button: string, fill?: (dialog: Locator) => Promise<void>, shot?: { testInfo: TestInfo; name: string }): Promise<void> {
  // Several officers' windows are open at once; a window in the background gets no animation frames.
  await page.bringToFront();
  await page.getByTestId('actions').getByRole('button', { name: button, exact: true }).click();
  const dialog = await openedDialog(page, button);
  if (fill) await fill(dialog);
  if (shot) await attachScreenshot(page, shot.testInfo, shot.name);
  await dialog.getByRole('button', { name: button, exact: true }).click();
  await expect(dialog).toBeHidden();
}

/** Registers an afterAll that puts the adjustable clock back to real time (journeys that move it share the server). */
export function resetClockAfterAll() {
  test.afterAll(async ({ playwright, baseURL }) => {
    const admin = await playwright.request.newContext({ baseURL });
    const csrf = await apiLogin(admin, 'admin');
    const reset = await admin.post('/api/v1/clock/reset', { headers: { 'x-csrf-token': csrf }, data: {} });
    expect(reset.status()).toBe(200);
    await admin.dispose();
  });
}
