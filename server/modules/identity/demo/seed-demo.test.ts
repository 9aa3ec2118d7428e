import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { seedDemoData } from '../../../app';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../demo-accounts';
import { identityOrgUnits, identityUsers } from '../identity.tables';
import { loginAs } from '../test/factories';
import { DEMO_OFFICERS, DEMO_UNITS } from './demo-org';
import { productionStartNotices } from './start-notices';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoData(t);
});
afterAll(async () => t?.close());

const countUnits = async () => (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(identityOrgUnits))[0]!.n;

describe('identity demo seed', () => {
  it('loads every demo unit once; a second run changes nothing', async () => {
    expect(await countUnits()).toBe(DEMO_UNITS.length);
    await seedDemoData(t);
    expect(await countUnits()).toBe(DEMO_UNITS.length);
    const users = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(identityUsers);
    expect(users[0]!.n).toBe(DEMO_OFFICERS.length + 2);
  });

  it('lists exactly the seeded accounts in DEMO_ACCOUNTS, and each signs in with DEMO_PASSWORD in its role', async () => {
    expect(DEMO_ACCOUNTS.filter((a) => a.role !== 'citizen' && a.role !== 'business').map((a) => a.login)).toEqual(DEMO_OFFICERS.map((o) => o.login));
    for (const account of DEMO_ACCOUNTS) {
      const agent = await loginAs(t.app, { login: account.login, password: DEMO_PASSWORD });
      const me = (await agent.get('/api/v1/identity/me')).json().user;
      if (account.role === 'citizen' || account.role === 'business') expect(me).toMatchObject({ kind: 'citizen', accountType: account.role });
      else expect(me.grants.map((g: { role: string }) => g.role)).toContain(account.role);
    }
    const roles = new Set(DEMO_ACCOUNTS.map((a) => a.role));
    for (const role of ['system-admin', 'unit-admin', 'reception-officer', 'specialist', 'leader', 'reform-office', 'citizen']) expect(roles).toContain(role);
  });

  it('builds the two-tier province: communes with their service centres, and a closed district with a successor', async () => {
    const admin = await loginAs(t.app, { login: 'admin', password: DEMO_PASSWORD });
    const tree = (await admin.get('/api/v1/identity/org-units/tree')).json().items;
    expect(tree).toHaveLength(1);
    expect(tree[0]).toMatchObject({ code: 'H56', kind: 'province' });
    const communes = tree[0].children.filter((c: { kind: string }) => c.kind === 'commune');
    expect(communes.length).toBeGreaterThanOrEqual(10);
    for (const c of communes) expect(c.children).toMatchObject([{ kind: 'service-center' }]);
    expect(tree[0].children.some((c: { kind: string }) => c.kind === 'district')).toBe(false);

    const [district] = await t.database.db.select().from(identityOrgUnits).where(eq(identityOrgUnits.kind, 'district'));
    expect(district!.validTo).toBe('2025-06-30');
    const successor = (await admin.get(`/api/v1/identity/org-units/${district!.successorId}`)).json();
    expect(successor).toMatchObject({ name: 'Phường Bỉm Sơn', validTo: null });
    expect((await admin.get('/api/v1/identity/org-units?q=ha thanh')).json().items[0].name).toBe('Phường Hạc Thành');
  });

  it('started later with the demo off, the banner names the demo accounts still on the public password', async () => {
    const notices = (await productionStartNotices(t.database.db)).join('\n');
    expect(notices).toContain(`${DEMO_ACCOUNTS.length} tài khoản demo vẫn dùng mật khẩu công khai`);
    expect(notices).toContain(DEMO_ACCOUNTS.map((a) => a.login).join(', '));
    // An administrator exists, so the first-run hint is not shown.
    expect(notices).not.toContain('admin:create');
    const info = await t.app.inject({ method: 'GET', url: '/api/v1/identity/login-info' });
    expect(info.json()).toEqual({ demo: true, sso: null });
  });
});
