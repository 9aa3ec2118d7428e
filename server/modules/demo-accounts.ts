/** Demo accounts printed at start-up; the identity module's seed creates exactly these. */
export const DEMO_PASSWORD = 'MotCua@2026';

export const DEMO_ACCOUNTS: Array<{ login: string; role: string; description: string }> = [];

export function printDemoAccounts(): void {
  if (DEMO_ACCOUNTS.length === 0) return;
  console.log(`Tài khoản demo (mật khẩu chung: ${DEMO_PASSWORD}):`);
  for (const a of DEMO_ACCOUNTS) console.log(`  ${a.login.padEnd(22)} ${a.role.padEnd(20)} ${a.description}`);
}
