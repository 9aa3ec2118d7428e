import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestAgent } from '../../test/test-app';
import { auditEvents } from '../../platform/audit';
import { identityLoginThrottles, identityOrgUnits, identityRoleGrants, identityUsers } from './identity.tables';
import { createCitizen, createOfficer, createOrgUnit, FACTORY_PASSWORD, loginAs, randomIp, type TestAccount } from './test/factories';
import type { OrgUnitRow } from './org-units.repository';

const URL = '/api/v1/identity/users';
const UNITS = '/api/v1/identity/org-units';

let t: TestApp;
let province: OrgUnitRow;
let communeA: OrgUnitRow;
let centreA: OrgUnitRow;
let communeB: OrgUnitRow;
let sysAdmin: TestAccount;
let unitAdminA: TestAccount;
let officerA: TestAccount;
let officerB: TestAccount;
let admin: TestAgent;
let adminA: TestAgent;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  province = await createOrgUnit(db, { name: 'Tỉnh Thử nghiệm' });
  communeA = await createOrgUnit(db, { parent: province, name: 'Phường An Hoạch', kind: 'commune' });
  centreA = await createOrgUnit(db, { parent: communeA, name: 'Trung tâm PVHCC phường An Hoạch', kind: 'service-center' });
  communeB = await createOrgUnit(db, { parent: province, name: 'Xã Bình Minh', kind: 'commune' });
  sysAdmin = await createOfficer(db, 'system-admin', province, { displayName: 'Quản Trị Tỉnh' });
  unitAdminA = await createOfficer(db, 'unit-admin', communeA, { displayName: 'Quản Trị An Hoạch' });
  officerA = await createOfficer(db, 'reception-officer', centreA, { displayName: 'Trần Văn Tiếp' });
  officerB = await createOfficer(db, 'specialist', communeB, { displayName: 'Lê Thị Bình' });
  admin = await loginAs(t.app, sysAdmin);
  adminA = await loginAs(t.app, unitAdminA);
});
afterAll(async () => t?.close());

async function auditCount(): Promise<number> {
  const rows = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(auditEvents);
  return rows[0]!.n;
}

async function userRow(id: string) {
  const [row] = await t.database.db.select().from(identityUsers).where(eq(identityUsers.id, id));
  return row!;
}

let seq = 0;
const newUser = (grants: Array<{ role: string; orgUnitId: string }>, extra: Record<string, unknown> = {}) => ({
  username: `canbo.${Date.now().toString(36)}.${++seq}`,
  displayName: 'Nguyễn Thị Mới',
  password: 'Mat-khau-moi-2026',
  grants,
  ...extra,
});

describe('system administrator', () => {
  it('creates an officer with grants, audited without the password', async () => {
    const body = newUser([{ role: 'specialist', orgUnitId: communeB.id }], { email: 'Moi.NT@ThanhHoa.vn', phone: '0912 111 222' });
    const res = await admin.post(URL, body);
    expect(res.statusCode).toBe(201);
    const user = res.json();
    expect(user).toMatchObject({
      kind: 'officer',
      username: body.username,
      email: 'moi.nt@thanhhoa.vn',
      phone: '0912111222',
      disabled: false,
      lockedUntil: null,
      grants: [{ role: 'specialist', orgUnitId: communeB.id, orgUnitName: 'Xã Bình Minh', orgUnitCode: communeB.code }],
      version: 1,
    });
    expect(user).not.toHaveProperty('passwordHash');
    const audit = await t.database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, user.id));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'identity.users.create', actorId: sysAdmin.user.id });
    expect(JSON.stringify(audit[0])).not.toMatch(/Mat-khau|argon2/);
    const agent = await loginAs(t.app, { login: body.username, password: body.password });
    expect((await agent.get('/api/v1/identity/me')).json().user.displayName).toBe('Nguyễn Thị Mới');
  });

  it('refuses a taken user name and an unknown unit with field errors', async () => {
    const taken = await admin.post(URL, newUser([{ role: 'specialist', orgUnitId: communeB.id }], { username: officerA.login.toUpperCase() }));
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.fields).toEqual([{ path: 'body.username', code: 'identity.errors.usernameTaken', message: 'Tên đăng nhập đã được sử dụng.' }]);
    const unknown = await admin.post(URL, newUser([{ role: 'specialist', orgUnitId: '00000000-0000-4000-8000-000000000009' }]));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields[0].path).toBe('body.grants.0.orgUnitId');
    const noGrant = await admin.request('POST', URL, newUser([]), { 'accept-language': 'en' });
    expect(noGrant.json().error.fields).toEqual([{ path: 'body.grants', code: 'too_small', message: 'An officer needs at least one role in a unit.' }]);
    const badRole = await admin.post(URL, newUser([{ role: 'king', orgUnitId: communeB.id }]));
    expect(badRole.json().error.fields[0].path).toBe('body.grants.0.role');
  });

  it('updates profile and grants with an optimistic version check', async () => {
    const target = await createOfficer(t.database.db, 'specialist', communeB);
    const res = await admin.put(`${URL}/${target.user.id}`, {
      displayName: 'Tên Đã Sửa',
      grants: [
        { role: 'leader', orgUnitId: communeB.id },
        { role: 'leader', orgUnitId: communeB.id },
        { role: 'specialist', orgUnitId: province.id },
      ],
      version: 1,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ displayName: 'Tên Đã Sửa', version: 2 });
    expect(res.json().grants).toHaveLength(2);
    const stale = await admin.put(`${URL}/${target.user.id}`, { displayName: 'Lần nữa', grants: [{ role: 'leader', orgUnitId: communeB.id }], version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    expect((await userRow(target.user.id)).displayName).toBe('Tên Đã Sửa');
    const audit = await t.database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, target.user.id));
    expect(audit.map((a) => a.action)).toEqual(['identity.users.update']);
    expect((audit[0]!.before as { grants: unknown[] }).grants).toEqual([{ role: 'specialist', orgUnitId: communeB.id }]);
  });

  it('disables an account (its sessions end at once) and enables it again', async () => {
    const target = await createOfficer(t.database.db, 'specialist', communeB);
    const session = await loginAs(t.app, target);
    const res = await admin.post(`${URL}/${target.user.id}/disable`);
    expect(res.statusCode).toBe(200);
    expect(res.json().disabled).toBe(true);
    expect((await session.get('/api/v1/identity/me')).statusCode).toBe(401);
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/identity/login',
      payload: { login: target.login, password: target.password },
      headers: { 'x-forwarded-for': randomIp() },
    });
    expect(login.json().error.code).toBe('ACCOUNT_DISABLED');

    expect((await admin.post(`${URL}/${target.user.id}/enable`)).json().disabled).toBe(false);
    await loginAs(t.app, target);
    const actions = (await t.database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, target.user.id)).orderBy(auditEvents.id)).map((a) => a.action);
    expect(actions).toEqual(['identity.login', 'identity.users.disable', 'identity.users.enable', 'identity.login']);
  });

  it('cannot disable itself', async () => {
    const res = await admin.post(`${URL}/${sysAdmin.user.id}/disable`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'CANNOT_DISABLE_SELF', message: 'Bạn không thể tự vô hiệu hóa tài khoản của mình.' });
  });

  it('resets a password: old sessions end, the lock-out is lifted, the new password works', async () => {
    const target = await createOfficer(t.database.db, 'specialist', communeB);
    const session = await loginAs(t.app, target);
    const until = new Date(t.clock.now().getTime() + 600_000);
    await t.database.db
      .insert(identityLoginThrottles)
      .values({ scope: 'account', key: target.user.id, userId: target.user.id, failures: 9, lastFailureAt: t.clock.now(), blockedUntil: until });
    expect((await admin.get(`${URL}/${target.user.id}`)).json().lockedUntil).toBe(until.toISOString());
    const res = await admin.post(`${URL}/${target.user.id}/reset-password`, { newPassword: 'Dat-lai-2026' });
    expect(res.statusCode).toBe(200);
    expect((await admin.get(`${URL}/${target.user.id}`)).json().lockedUntil).toBeNull();
    expect((await session.get('/api/v1/identity/me')).statusCode).toBe(401);
    await loginAs(t.app, { login: target.login, password: 'Dat-lai-2026' });
    const weak = await admin.post(`${URL}/${target.user.id}/reset-password`, { newPassword: '123' });
    expect(weak.statusCode).toBe(400);
  });

  it('lists and filters users (subtree, role, kind, search)', async () => {
    const bySubtree = await admin.get(`${URL}?orgUnitId=${communeA.id}`);
    expect(
      bySubtree
        .json()
        .items.map((u: { id: string }) => u.id)
        .sort(),
    ).toEqual([unitAdminA.user.id, officerA.user.id].sort());
    const byRole = await admin.get(`${URL}?orgUnitId=${communeA.id}&role=reception-officer`);
    expect(byRole.json().items.map((u: { id: string }) => u.id)).toEqual([officerA.user.id]);
    const search = await admin.get(`${URL}?q=tran van tiep`);
    expect(search.json().items.map((u: { id: string }) => u.id)).toEqual([officerA.user.id]);
    const citizen = await createCitizen(t.database.db, { displayName: 'Công Dân Lọc' });
    const citizens = await admin.get(`${URL}?kind=citizen`);
    expect(citizens.json().items.map((u: { id: string }) => u.id)).toContain(citizen.user.id);
    expect(citizens.json().items.every((u: { kind: string }) => u.kind === 'citizen')).toBe(true);
    expect((await admin.get(`${URL}/${officerA.user.id}`)).json().grants[0].orgUnitName).toBe(centreA.name);
  });
});

describe('unit administrator scope', () => {
  it('manages officers inside its subtree', async () => {
    const res = await adminA.post(URL, newUser([{ role: 'reception-officer', orgUnitId: centreA.id }]));
    expect(res.statusCode).toBe(201);
    const reset = await adminA.post(`${URL}/${officerA.user.id}/reset-password`, { newPassword: FACTORY_PASSWORD + 'x' });
    expect(reset.statusCode).toBe(200);
    const unit = await adminA.post(UNITS, { code: 'T.SCOPE.1', name: 'Tổ một cửa lưu động', kind: 'division', parentId: communeA.id });
    expect(unit.statusCode).toBe(201);
    expect((await adminA.post(`${UNITS}/${unit.json().id}/close`, { validTo: '2026-03-02', reason: 'Giải thể' })).statusCode).toBe(200);
  });

  it('is refused outside its subtree: 403, nothing changed, no audit row', async () => {
    const before = await auditCount();
    const hashB = (await userRow(officerB.user.id)).passwordHash;
    const usersBefore = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(identityUsers);

    const attempts = [
      await adminA.post(URL, newUser([{ role: 'specialist', orgUnitId: communeB.id }])),
      await adminA.post(
        URL,
        newUser([
          { role: 'specialist', orgUnitId: centreA.id },
          { role: 'specialist', orgUnitId: communeB.id },
        ]),
      ),
      await adminA.post(URL, newUser([{ role: 'system-admin', orgUnitId: communeA.id }])),
      await adminA.post(URL, newUser([{ role: 'reform-office', orgUnitId: centreA.id }])),
      await adminA.post(`${URL}/${officerB.user.id}/reset-password`, { newPassword: 'Chiem-quyen-2026' }),
      await adminA.post(`${URL}/${officerB.user.id}/disable`),
      await adminA.put(`${URL}/${officerB.user.id}`, { displayName: 'Bị sửa', grants: [{ role: 'specialist', orgUnitId: communeB.id }], version: 1 }),
      // Pulling an outside officer into its own unit is still managing an outsider.
      await adminA.put(`${URL}/${officerB.user.id}`, { displayName: 'Bị kéo', grants: [{ role: 'specialist', orgUnitId: centreA.id }], version: 1 }),
      // Promoting an insider beyond its subtree.
      await adminA.put(`${URL}/${officerA.user.id}`, {
        displayName: 'Vượt quyền',
        grants: [{ role: 'specialist', orgUnitId: province.id }],
        version: (await userRow(officerA.user.id)).version,
      }),
      await adminA.get(`${URL}/${officerB.user.id}`),
      await adminA.post(UNITS, { code: 'T.SCOPE.2', name: 'Ngoài phạm vi', kind: 'division', parentId: communeB.id }),
      await adminA.post(UNITS, { code: 'T.SCOPE.3', name: 'Gốc mới', kind: 'province', parentId: null }),
      await adminA.put(`${UNITS}/${communeB.id}`, { code: communeB.code, name: 'Đổi tên trái phép', kind: 'commune', version: 1 }),
      await adminA.post(`${UNITS}/${communeB.id}/close`, { validTo: '2026-03-01', reason: 'x' }),
      // Not even the unit its own role hangs on.
      await adminA.post(`${UNITS}/${communeA.id}/close`, { validTo: '2026-03-01', reason: 'x' }),
      await adminA.post(`${URL}/${sysAdmin.user.id}/disable`),
    ];
    expect(attempts.map((r) => r.statusCode)).toEqual(attempts.map(() => 403));
    expect(attempts.every((r) => r.json().error.code === 'FORBIDDEN')).toBe(true);

    expect(await auditCount()).toBe(before);
    expect((await userRow(officerB.user.id)).passwordHash).toBe(hashB);
    expect((await userRow(officerB.user.id)).disabled).toBe(false);
    expect((await userRow(officerB.user.id)).displayName).toBe('Lê Thị Bình');
    const grantsA = await t.database.db.select().from(identityRoleGrants).where(eq(identityRoleGrants.userId, officerA.user.id));
    expect(grantsA.map((g) => g.orgUnitId)).toEqual([centreA.id]);
    const [b] = await t.database.db.select().from(identityOrgUnits).where(eq(identityOrgUnits.id, communeB.id));
    expect(b).toMatchObject({ name: 'Xã Bình Minh', validTo: null, version: 1 });
    expect((await t.database.db.select().from(identityOrgUnits).where(eq(identityOrgUnits.code, 'T.SCOPE.2'))).length).toBe(0);
    const usersAfter = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(identityUsers);
    expect(usersAfter[0]!.n).toBe(usersBefore[0]!.n);
  });

  it('lists only users holding a grant inside its subtree', async () => {
    const res = await adminA.get(`${URL}?pageSize=100`);
    expect(res.statusCode).toBe(200);
    const ids = res.json().items.map((u: { id: string }) => u.id) as string[];
    expect(ids).toContain(officerA.user.id);
    expect(ids).toContain(unitAdminA.user.id);
    expect(ids).not.toContain(officerB.user.id);
    expect(ids).not.toContain(sysAdmin.user.id);
    expect(res.json().total).toBe(ids.length);
    expect((await adminA.get(`${URL}?kind=citizen`)).json().total).toBe(0);
  });

  it('advertises only the actions it can use', async () => {
    const actions = (await adminA.get('/api/v1/identity/me')).json().user.actions as string[];
    expect(actions).toEqual(expect.arrayContaining(['identity.users.create', 'identity.users.list', 'identity.org-units.create', 'identity.org-units.close']));
    expect(actions).not.toContain('audit.events.list');
  });
});

describe('other roles', () => {
  it('the reform office reads users and units province-wide but changes nothing', async () => {
    const reform = await loginAs(t.app, await createOfficer(t.database.db, 'reform-office', communeB));
    const list = await reform.get(`${URL}?pageSize=100`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((u: { id: string }) => u.id)).toEqual(expect.arrayContaining([officerA.user.id, officerB.user.id, sysAdmin.user.id]));
    expect((await reform.get(`${URL}/${officerA.user.id}`)).statusCode).toBe(200);
    expect((await reform.get(UNITS)).statusCode).toBe(200);
    expect((await reform.post(URL, newUser([{ role: 'specialist', orgUnitId: communeB.id }]))).statusCode).toBe(403);
    expect((await reform.post(`${URL}/${officerB.user.id}/disable`)).statusCode).toBe(403);
    const actions = (await reform.get('/api/v1/identity/me')).json().user.actions as string[];
    expect(actions).toContain('identity.users.list');
    expect(actions).not.toContain('identity.users.create');
  });

  it('case officers may list units but not users', async () => {
    for (const role of ['reception-officer', 'specialist', 'leader'] as const) {
      const agent = await loginAs(t.app, await createOfficer(t.database.db, role, communeA));
      expect((await agent.get(UNITS)).statusCode).toBe(200);
      expect((await agent.get(URL)).statusCode).toBe(403);
      expect((await agent.get(`${URL}/${officerA.user.id}`)).statusCode).toBe(403);
    }
  });

  it('citizens can only serve themselves', async () => {
    const citizen = await loginAs(t.app, await createCitizen(t.database.db));
    expect((await citizen.get(URL)).statusCode).toBe(403);
    expect((await citizen.post(URL, newUser([{ role: 'specialist', orgUnitId: communeA.id }]))).statusCode).toBe(403);
    expect((await citizen.get('/api/v1/identity/me')).json().user.actions.sort()).toEqual([
      'citizen.dossiers',
      'feedback.follow',
      'identity.citizen.contacts.change',
      'identity.citizen.profile.read',
      'identity.citizen.profile.update',
      'identity.logout',
      'identity.me.change-password',
      'identity.me.read',
      'submissions.own',
    ]);
  });
});
