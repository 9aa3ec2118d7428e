import { inArray, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../../platform/db/database';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../demo-accounts';
import { identityUsers } from '../identity.tables';
import { verifyPassword } from '../passwords';
import { hasSystemAdmin } from '../use-cases/first-admin';

/** Demo accounts that still sign in with the public demo password (e.g. a database first started as a demo). */
export async function accountsWithDemoPassword(db: Queryable): Promise<string[]> {
  const logins = DEMO_ACCOUNTS.map((a) => a.login.toLowerCase());
  const rows = await db
    .select({ username: identityUsers.username, email: identityUsers.email, passwordHash: identityUsers.passwordHash })
    .from(identityUsers)
    .where(or(inArray(sql`lower(${identityUsers.username})`, logins), inArray(sql`lower(${identityUsers.email})`, logins)));
  // The seed gives every demo account one shared hash: verify each distinct hash once.
  const verdicts = new Map<string, Promise<boolean>>();
  const found: string[] = [];
  for (const r of rows) {
    if (!verdicts.has(r.passwordHash)) verdicts.set(r.passwordHash, verifyPassword(r.passwordHash, DEMO_PASSWORD));
    if (await verdicts.get(r.passwordHash)!) found.push(r.username ?? r.email ?? '?');
  }
  // In the banner's order (the demo accounts list), whatever order the rows came in.
  return found.sort((a, b) => logins.indexOf(a.toLowerCase()) - logins.indexOf(b.toLowerCase()));
}

/**
 * What the start-up banner says about accounts when the demo is off: how to create the first administrator, and a
 * warning when demo accounts with the public password are still there.
 */
export async function productionStartNotices(db: Queryable): Promise<string[]> {
  const notices: string[] = [];
  if (!(await hasSystemAdmin(db))) {
    notices.push(
      'Chưa có quản trị viên hệ thống. Tạo quản trị viên đầu tiên (chỉ một lần) / No administrator yet; create the first one (once):',
      '  npm run admin:create -- --login <tên đăng nhập> --name "<họ và tên>" --unit-code <mã tỉnh> --unit-name "<UBND tỉnh …>"',
    );
  }
  const exposed = await accountsWithDemoPassword(db);
  if (exposed.length) {
    notices.push(
      `CẢNH BÁO / WARNING: ${exposed.length} tài khoản demo vẫn dùng mật khẩu công khai / demo accounts still use the public password: ${exposed.join(', ')}`,
      '  Vô hiệu hóa hoặc đặt lại mật khẩu các tài khoản này / disable them or reset their passwords.',
    );
  }
  return notices;
}
