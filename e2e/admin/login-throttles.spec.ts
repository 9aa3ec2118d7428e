import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from '../../server/modules/demo-accounts';
import { attachScreenshot } from '../support/screens';
import { expectToast } from '../support/antd';

// Issue 8 items 4 and 6: the demo says on its sign-in page that its passwords are public, and an administrator sees
// and clears sign-ins slowed down after repeated failures.
test('the demo warns on its sign-in page; an administrator clears a throttled account', async ({ page, request }, testInfo) => {
  // No other journey signs in as this account (the accessibility journey signs in as the leaders), so 127.0.0.1 is not
  // an address it recently used (which would not be held back).
  const victim = 'caicach.snv';

  await test.step('the sign-in page says this is a demo with public passwords', async () => {
    await page.goto('/admin/login');
    await expect(page.getByTestId('demo-notice')).toContainText('Mật khẩu của các tài khoản demo là công khai');
    await attachScreenshot(page, testInfo, 'throttle-01-login-demo');
  });

  await test.step('someone guesses a password until the account is slowed down', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await request.post('/api/v1/identity/login', { data: { login: victim, password: `doan-sai-${i}-x` } });
      expect(res.status()).toBe(401);
    }
    const held = await request.post('/api/v1/identity/login', { data: { login: victim, password: DEMO_PASSWORD } });
    expect(held.status()).toBe(429);
  });

  await test.step('the administrator sees it on the officers page and clears it', async () => {
    await page.getByLabel('Tên đăng nhập, thư điện tử hoặc số điện thoại').fill('admin');
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page).toHaveURL(/\/admin\/units$/);
    await page.getByRole('menuitem', { name: 'Cán bộ' }).click();
    const card = page.getByTestId('login-throttles');
    const row = card.locator('.ant-table-row').filter({ hasText: `(${victim})` });
    await expect(row).toContainText('Tài khoản');
    await expect(row).toContainText('5');
    await row.scrollIntoViewIfNeeded();
    await attachScreenshot(page, testInfo, 'throttle-02-officers');
    await row.getByRole('button', { name: 'Gỡ' }).click();
    await page.getByRole('button', { name: 'Đồng ý' }).click();
    await expectToast(page, 'Đã gỡ làm chậm đăng nhập.');
    await expect(row).toBeHidden();
    const ok = await request.post('/api/v1/identity/login', { data: { login: victim, password: DEMO_PASSWORD } });
    expect(ok.status()).toBe(200);
  });
});
