import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';

/** The WCAG 2.1 AA rule sets (issue 11 item 9): level A and AA of WCAG 2.0 and of the 2.1 additions. */
export const WCAG_21_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;
type Violation = AxeResults['violations'][number];

/** Options for one scan: narrow it to part of the page, or leave out a region the test does not own. */
export interface A11yScanOptions {
  /** CSS selectors to scan instead of the whole page (e.g. an open dialog). */
  include?: string[];
  /** CSS selectors to leave out (third-party widgets; say why at the call site). */
  exclude?: string[];
}

/**
 * What axe scans at the phone width: the parts the layout changes with the width (the header with its menu button, the
 * side menu); the content is the same markup laid out narrower, its reflow checked by the overflow test. A page without
 * either is scanned whole.
 */
export async function phoneLayoutScope(page: Page): Promise<A11yScanOptions> {
  const include: string[] = [];
  for (const selector of ['header', 'aside']) if ((await page.locator(selector).count()) > 0) include.push(selector);
  return include.length > 0 ? { include } : {};
}

/** Targets listed per rule in a failure message; the attachment has all of them. */
const TARGETS_PER_RULE = 6;

/**
 * One block per rule: impact, id, help address, then its first failing elements with the reason, so a failure reads
 * without opening the report.
 */
export function describeViolations(violations: readonly Violation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes.slice(0, TARGETS_PER_RULE).map((n) => {
        const reason = (n.failureSummary ?? '').split('\n').slice(1, 2).join(' ').trim();
        return `    ${n.target.join(' ')}${reason ? ` — ${reason}` : ''}`;
      });
      const more = v.nodes.length > TARGETS_PER_RULE ? [`    … and ${v.nodes.length - TARGETS_PER_RULE} more`] : [];
      return [`- [${v.impact}] ${v.id} (${v.nodes.length}): ${v.help} ${v.helpUrl}`, ...nodes, ...more].join('\n');
    })
    .join('\n');
}

/**
 * Runs axe-core with the WCAG 2.1 A/AA rules on what the page shows now and fails on any serious or critical violation,
 * listing rule ids, targets and help addresses. The full result is attached to the report as `axe-<name>.json`; with
 * E2E_A11Y_REPORT set, a line of counts per scan is also appended to that file (before/after comparisons).
 * Call it once the page's data has loaded; minor and moderate findings are kept in the attachment, not failed on.
 */
export async function expectNoSeriousA11yViolations(page: Page, testInfo: TestInfo, name: string, options: A11yScanOptions = {}): Promise<AxeResults> {
  // A scan in the middle of a transition reads colours halfway (an upload row fading out measured 1.01:1 once): wait
  // for the finite animations to end first. Endless ones (spinners) are left running; if some transition outlasts the
  // wait, the scan runs anyway and judges what is shown.
  await page
    .waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity), undefined, {
      timeout: 3_000,
    })
    .catch(() => undefined);
  let builder = new AxeBuilder({ page }).withTags([...WCAG_21_AA_TAGS]);
  for (const selector of options.include ?? []) builder = builder.include(selector);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const results = await builder.analyze();
  await testInfo.attach(`axe-${name}.json`, { body: JSON.stringify(results, null, 2), contentType: 'application/json' });

  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  // axe accepts any name, so it misses antd icons named after their file ("close-circle"): checked here as well.
  const fileNamed = await iconsNamedByFile(page);
  const report = process.env.E2E_A11Y_REPORT;
  if (report) {
    const byRule = Object.fromEntries(results.violations.map((v) => [v.id, { impact: v.impact, nodes: v.nodes.length }]));
    fs.mkdirSync(path.dirname(path.resolve(report)), { recursive: true });
    fs.appendFileSync(report, `${JSON.stringify({ name, url: page.url(), seriousNodes: serious.reduce((n, v) => n + v.nodes.length, 0), byRule })}\n`);
  }
  // The readable list is the compared value, so a failure prints it as received instead of a diff of axe objects.
  expect(describeViolations(serious), `${name}: serious or critical accessibility violations (WCAG 2.1 AA)`).toBe('');
  expect(fileNamed, `${name}: icons read out by their file name (give them a real aria-label or none)`).toEqual([]);
  return results;
}

/** Icons whose accessible name is their antd file name (`<span role="img" aria-label="folder-open">`). */
export async function iconsNamedByFile(page: Page): Promise<string[]> {
  return page
    .locator('.anticon[role="img"][aria-label]')
    .evaluateAll((icons) => icons.map((i) => i.getAttribute('aria-label')!).filter((label, k) => icons[k]!.classList.contains(`anticon-${label}`)));
}
