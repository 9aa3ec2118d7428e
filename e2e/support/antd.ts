import { expect, type Locator, type Page } from '@playwright/test';

/** The dropdown antd currently shows (Select, TreeSelect, AutoComplete all render one into the body). */
export const openDropdown = (page: Page) => page.locator('.ant-select-dropdown:visible').last();

/** Waits until no dropdown is open, so the next click cannot land on a closing popup. */
async function dropdownsClosed(page: Page): Promise<void> {
  await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0);
}

/** Opens a Select and clicks the option with this exact text (multi-selects are closed with Escape). */
export async function chooseOption(page: Page, select: Locator, option: string, { multiple = false } = {}): Promise<void> {
  await select.click();
  await openDropdown(page)
    .locator('.ant-select-item-option')
    .filter({ hasText: new RegExp(`^${escape(option)}$`) })
    .first()
    .click();
  if (multiple) await page.keyboard.press('Escape');
  await dropdownsClosed(page);
}

/** Opens a TreeSelect, types to filter it, and clicks the node with this exact title (multi-selects are closed with Escape). */
export async function chooseTreeNode(page: Page, select: Locator, search: string, title: string, { multiple = false } = {}): Promise<void> {
  await select.click();
  await select.pressSequentially(search, { delay: 10 });
  const node = openDropdown(page)
    .locator('.ant-select-tree-node-content-wrapper')
    .filter({ hasText: new RegExp(`^${escape(title)}$`) })
    .first();
  await expect(node).toBeVisible();
  if (multiple) {
    await node.click();
    await page.keyboard.press('Escape');
    await dropdownsClosed(page);
    return;
  }
  // A click landing while the filtered tree re-renders is lost (seen on a loaded CI runner: the dropdown stayed open
  // with the node in it): click again until the single-select closes; choosing the same node twice changes nothing.
  await expect(async () => {
    if (await node.isVisible()) await node.click({ timeout: 2_000 });
    await expect(page.locator('.ant-select-dropdown:visible')).toHaveCount(0, { timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
}

/** Waits for antd's success toast with this text. */
export async function expectToast(page: Page, text: string | RegExp): Promise<void> {
  await expect(page.locator('.ant-message-notice').filter({ hasText: text }).first()).toBeVisible();
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
