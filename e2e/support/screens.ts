import fs from 'node:fs';
import path from 'node:path';
import type { Page, TestInfo } from '@playwright/test';

/**
 * Attaches a screenshot to the report (and, when E2E_SCREENS_DIR is set, also saves it there for review).
 * Whole page by default; `fullPage: false` for dialogs, whose mask only covers the viewport.
 */
export async function attachScreenshot(page: Page, testInfo: TestInfo, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  // Let antd finish its entrance animations so the picture shows the settled page.
  await page.waitForTimeout(300);
  const body = await page.screenshot({ fullPage: options.fullPage ?? true });
  await testInfo.attach(name, { body, contentType: 'image/png' });
  const dir = process.env.E2E_SCREENS_DIR;
  if (dir) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${name}.png`), body);
  }
}

/** Fails when the page is wider than the viewport (horizontal scrolling on a phone). */
export async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number }> {
  return page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
}
