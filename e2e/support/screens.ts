import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page, type TestInfo } from '@playwright/test';
import { expectNoSeriousA11yViolations, phoneLayoutScope } from './axe';

/**
 * Pictures are for people: a local run keeps them (report attachments, the committed docs/screenshots, E2E_SCREENS_DIR),
 * CI keeps no artefacts, so there a journey checks what it checks (layout, overflow, axe) without taking full-page
 * screenshots, the most expensive step of the journeys. E2E_SCREENS_DIR asks for them anyway.
 */
const KEEP_PICTURES = !process.env.CI || !!process.env.E2E_SCREENS_DIR;

/** Writes a picture to E2E_SCREENS_DIR when set, and attaches it to the report. */
async function keep(testInfo: TestInfo, name: string, body: Buffer): Promise<void> {
  await testInfo.attach(name, { body, contentType: 'image/png' });
  const dir = process.env.E2E_SCREENS_DIR;
  if (dir) {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${name}.png`), body);
  }
}

/**
 * Attaches a screenshot to the report (and, when E2E_SCREENS_DIR is set, also saves it there for review).
 * Whole page by default; `fullPage: false` for dialogs, whose mask only covers the viewport.
 */
export async function attachScreenshot(page: Page, testInfo: TestInfo, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  if (!KEEP_PICTURES) return;
  // Let antd finish its entrance animations so the picture shows the settled page.
  await page.waitForTimeout(300);
  await keep(testInfo, name, await page.screenshot({ fullPage: options.fullPage ?? true }));
}

/** Fails when the page is wider than the viewport (horizontal scrolling on a phone). */
export async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; clientWidth: number }> {
  return page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
}

/**
 * The elements that stick out past the right edge of the viewport (the innermost ones, not clipped by a scrolling
 * ancestor), as short CSS paths with their right edge: what to fix when horizontalOverflow fails.
 */
export async function overflowingElements(page: Page, limit = 5): Promise<string[]> {
  return page.evaluate((limit) => {
    const width = document.documentElement.clientWidth;
    const sticksOut = (el: Element) => el.getBoundingClientRect().right > width + 1;
    const clipped = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        if (getComputedStyle(p).overflowX !== 'visible' && !sticksOut(p)) return true;
      }
      return false;
    };
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${[...el.classList]
        .slice(0, 2)
        .map((c) => `.${c}`)
        .join('')}`;
    const path = (el: Element) => {
      const chain = [el.parentElement?.parentElement, el.parentElement, el]
        .filter((e): e is Element => !!e)
        .map(name)
        .join(' > ');
      // The nearest test id says which part of the page it is.
      const near = el.closest('[data-testid]')?.getAttribute('data-testid');
      return near ? `[data-testid=${near}] … ${chain}` : chain;
    };
    return [...document.body.querySelectorAll('*')]
      .filter((el) => sticksOut(el) && ![...el.children].some(sticksOut) && !clipped(el))
      .slice(0, limit)
      .map((el) => `${path(el)} (right edge ${Math.round(el.getBoundingClientRect().right)} px)`);
  }, limit);
}

/** Checks the page fits `width` without horizontal scrolling, then saves `<dir>/<name>-<width>.png` and attaches it. */
export async function screenAt(page: Page, testInfo: TestInfo, dir: string, name: string, width: number): Promise<void> {
  await page.setViewportSize({ width, height: width < 500 ? 844 : 900 });
  await page.waitForTimeout(300);
  const overflow = await horizontalOverflow(page);
  expect(overflow.scrollWidth, `${name} at ${width}px: ${(await overflowingElements(page)).join('; ')}`).toBeLessThanOrEqual(overflow.clientWidth);
  // One picture, saved beside the docs and attached (it used to be taken twice).
  if (KEEP_PICTURES) await keep(testInfo, `${name}-${width}`, await page.screenshot({ path: path.join(dir, `${name}-${width}.png`), fullPage: true }));
}

/**
 * The page at 390 and then 1280 px, each checked by axe (WCAG 2.1 AA, D26): the whole page at 1280; at 390 what the
 * layout changes with the width (header and side menu), as the accessibility lane does (e2e/a11y.spec.ts).
 */
export async function screensAt(page: Page, testInfo: TestInfo, dir: string, name: string): Promise<void> {
  await screenAt(page, testInfo, dir, name, 390);
  await expectNoSeriousA11yViolations(page, testInfo, `${name}-390`, await phoneLayoutScope(page));
  await screenAt(page, testInfo, dir, name, 1280);
  await expectNoSeriousA11yViolations(page, testInfo, `${name}-1280`);
}
