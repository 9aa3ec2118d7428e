import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/test-app';
import { auditEvents } from '../../platform/audit';
import { identityUsers } from './identity.tables';
import { createOfficer, createOrgUnit, loginAs, randomIp, type TestAccount } from './test/factories';
import type { OrgUnitRow } from './org-units.repository';

let t: TestApp;
let province: OrgUnitRow;
beforeAll(async () => {
  t = await createTestApp();
  province = await createOrgUnit(t.database.db, { name: 'Tỉnh Thử nghiệm' });
});
afterAll(async () => t?.close());

const MINUTE = 60_000;

function loginRequest(login: string, password: string, ip = randomIp(), lang = 'vi') {
  return t.app.inject({ method: 'POST', url: '/api/v1/identity/login', payload: { login, password }, headers: { 'x-forwarded-for': ip, 'accept-language': lang } });
}

async function auditRows(subjectId: string, action?: string) {
  return t.database.db
    .select()
    .from(auditEvents)
    .where(action ? and(eq(auditEvents.subjectId, subjectId), eq(auditEvents.action, action)) : eq(auditEvents.subjectId, subjectId));
}

async function newOfficer(): Promise<TestAccount> {
  return createOfficer(t.database.db, 'reception-officer', province);
}

describe('login', () => {
  it('signs in by user name, e-mail (any case) or phone and sets a safe session cookie', async () => {
    const officer = await newOfficer();
    await t.database.db.update(identityUsers).set({ phone: '0912000999' }).where(eq(identityUsers.id, officer.user.id));

    const byName = await loginRequest(officer.login.toUpperCase(), officer.password);
    expect(byName.statusCode).toBe(200);
    expect(byName.json()).toMatchObject({ user: { id: officer.user.id, kind: 'officer', username: officer.login }, csrfToken: expect.any(String) });
    const cookie = String(byName.headers['set-cookie']);
    expect(cookie).toMatch(/^motcua_sid=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/i);

    expect((await loginRequest(officer.user.email!.toUpperCase(), officer.password)).statusCode).toBe(200);
    expect((await loginRequest('+84 912 000 999', officer.password)).statusCode).toBe(200);

    const rows = await auditRows(officer.user.id, 'identity.login');
    expect(rows).toHaveLength(3);
    expect(rows[0]!.actorId).toBe(officer.user.id);
    expect(JSON.stringify(rows)).not.toContain('argon2');
  });

  it('answers an unknown login and a wrong password with the same 401', async () => {
    const officer = await newOfficer();
    const unknown = await loginRequest('nobody-here', 'whatever-123');
    const wrong = await loginRequest(officer.login, 'wrong-password-1');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json().error).toEqual(wrong.json().error);
    expect(wrong.json().error).toEqual({ code: 'INVALID_CREDENTIALS', message: 'Tên đăng nhập hoặc mật khẩu không đúng.' });
  });

  it('a success resets the account counter', async () => {
    const officer = await newOfficer();
    for (let i = 0; i < 4; i++) await loginRequest(officer.login, 'wrong-pass-x1');
    expect((await loginRequest(officer.login, officer.password)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await loginRequest(officer.login, 'wrong-pass-x1')).statusCode).toBe(401);
  });

  it('refuses a disabled account only when the password is right', async () => {
    const officer = await newOfficer();
    await t.database.db.update(identityUsers).set({ disabled: true }).where(eq(identityUsers.id, officer.user.id));
    expect((await loginRequest(officer.login, 'wrong-pass-123')).statusCode).toBe(401);
    const res = await loginRequest(officer.login, officer.password);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('ACCOUNT_DISABLED');
  });

  it('rate-limits login per client address', async () => {
    const ip = randomIp();
    const codes: number[] = [];
    // Distinct logins, so only the per-process request limit (not a login's throttle) is reached.
    for (let i = 0; i < 21; i++) codes.push((await loginRequest(`nobody-${i}`, 'nothing-1', ip)).statusCode);
    expect(codes.slice(0, 20).every((c) => c === 401)).toBe(true);
    expect(codes[20]).toBe(429);
    const limited = await loginRequest('nobody', 'nothing-1', ip);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    // Another address is not affected.
    expect((await loginRequest('nobody', 'nothing-1')).statusCode).toBe(401);
  });

  it('gives per-field validation messages in Vietnamese by default and in English on request', async () => {
    const vi = await t.app.inject({ method: 'POST', url: '/api/v1/identity/login', payload: { login: '' }, headers: { 'x-forwarded-for': randomIp() } });
    expect(vi.statusCode).toBe(400);
    expect(vi.json().error.code).toBe('VALIDATION_FAILED');
    const fields = vi.json().error.fields as Array<{ path: string; message: string }>;
    expect(fields.map((f) => f.path).sort()).toEqual(['body.login', 'body.password']);
    expect(vi.json().error.message).toMatch(/không hợp lệ/);
    const en = await t.app.inject({ method: 'POST', url: '/api/v1/identity/login', payload: { login: '' }, headers: { 'x-forwarded-for': randomIp(), 'accept-language': 'en' } });
    expect(en.json().error.message).toMatch(/not valid/);
    expect(en.json().error.fields[0].message).not.toEqual(fields.find((f) => f.path === en.json().error.fields[0].path)!.message);
  });
});

describe('session', () => {
  it('GET /me returns the user, grants, usable actions and the CSRF token', async () => {
    const officer = await newOfficer();
    const agent = await loginAs(t.app, officer);
    const res = await agent.get('/api/v1/identity/me');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.csrfToken).toBe(agent.csrfToken);
    expect(body.user.grants).toEqual([{ role: 'reception-officer', orgUnitId: province.id, orgUnitName: province.name, orgUnitCode: province.code }]);
    expect(body.user.actions).toContain('identity.org-units.list');
    expect(body.user.actions).toContain('identity.me.change-password');
    expect(body.user.actions).not.toContain('identity.users.list');
    expect(body.user.actions).not.toContain('identity.org-units.create');
  });

  it('GET /me without a session is 401', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/identity/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('logout revokes the server-side session: the old cookie no longer works', async () => {
    const officer = await newOfficer();
    const agent = await loginAs(t.app, officer);
    const stolen = { ...agent.cookies };
    const out = await agent.post('/api/v1/identity/logout');
    expect(out.statusCode).toBe(200);
    expect(out.json()).toEqual({ ok: true });
    expect(agent.cookies.motcua_sid).toBeUndefined();
    const replay = await t.app.inject({ method: 'GET', url: '/api/v1/identity/me', headers: { cookie: `motcua_sid=${stolen.motcua_sid}` } });
    expect(replay.statusCode).toBe(401);
    expect(await auditRows(officer.user.id, 'identity.logout')).toHaveLength(1);
  });

  it('expires after SESSION_IDLE_MINUTES without requests', async () => {
    const agent = await loginAs(t.app, await newOfficer());
    t.clock.advance((t.config.sessionIdleMinutes - 1) * MINUTE);
    expect((await agent.get('/api/v1/identity/me')).statusCode).toBe(200);
    t.clock.advance((t.config.sessionIdleMinutes - 1) * MINUTE);
    expect((await agent.get('/api/v1/identity/me')).statusCode).toBe(200);
    t.clock.advance(t.config.sessionIdleMinutes * MINUTE);
    expect((await agent.get('/api/v1/identity/me')).statusCode).toBe(401);
  });

  it('expires after SESSION_ABSOLUTE_HOURS even when used all the time', async () => {
    const agent = await loginAs(t.app, await newOfficer());
    const steps = (t.config.sessionAbsoluteHours * 60) / 20;
    for (let i = 1; i < steps; i++) {
      t.clock.advance(20 * MINUTE);
      expect((await agent.get('/api/v1/identity/me')).statusCode).toBe(200);
    }
    t.clock.advance(20 * MINUTE);
    expect((await agent.get('/api/v1/identity/me')).statusCode).toBe(401);
  });

  it('refuses a signed-in POST without or with a wrong x-csrf-token, and changes nothing', async () => {
    const officer = await newOfficer();
    const agent = await loginAs(t.app, officer);
    const before = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(auditEvents);
    const body = { currentPassword: officer.password, newPassword: 'Brand-new-pass-1' };
    const missing = await t.app.inject({ method: 'POST', url: '/api/v1/identity/me/password', payload: body, headers: { cookie: `motcua_sid=${agent.cookies.motcua_sid}` } });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().error.code).toBe('CSRF_INVALID');
    const wrong = await agent.request('POST', '/api/v1/identity/me/password', body, { 'x-csrf-token': 'forged-token' });
    expect(wrong.statusCode).toBe(403);
    const after = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(auditEvents);
    expect(after[0]!.n).toBe(before[0]!.n);
    expect((await loginRequest(officer.login, officer.password)).statusCode).toBe(200);
    expect((await loginRequest(officer.login, 'Brand-new-pass-1')).statusCode).toBe(401);
  });
});

describe('change own password', () => {
  it('checks the current password and the policy, then revokes the other sessions', async () => {
    const officer = await newOfficer();
    const agent = await loginAs(t.app, officer);
    const other = await loginAs(t.app, officer);

    const wrongCurrent = await agent.post('/api/v1/identity/me/password', { currentPassword: 'not-my-pass-1', newPassword: 'Brand-new-pass-1' });
    expect(wrongCurrent.statusCode).toBe(400);
    expect(wrongCurrent.json().error.fields).toEqual([{ path: 'body.currentPassword', code: 'identity.errors.wrongCurrentPassword', message: 'Mật khẩu hiện tại không đúng.' }]);

    const weak = await agent.post('/api/v1/identity/me/password', { currentPassword: officer.password, newPassword: 'short1' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.fields).toEqual([{ path: 'body.newPassword', code: 'custom', message: 'Mật khẩu phải có ít nhất 10 ký tự, gồm cả chữ và số.' }]);
    const noDigit = await agent.request('POST', '/api/v1/identity/me/password', { currentPassword: officer.password, newPassword: 'onlyletterslong' }, { 'accept-language': 'en' });
    expect(noDigit.json().error.fields[0].message).toBe('The password needs at least 10 characters, with both letters and digits.');

    const ok = await agent.post('/api/v1/identity/me/password', { currentPassword: officer.password, newPassword: 'Brand-new-pass-1' });
    expect(ok.statusCode).toBe(200);
    expect((await agent.get('/api/v1/identity/me')).statusCode).toBe(200);
    expect((await other.get('/api/v1/identity/me')).statusCode).toBe(401);
    expect((await loginRequest(officer.login, officer.password)).statusCode).toBe(401);
    expect((await loginRequest(officer.login, 'Brand-new-pass-1')).statusCode).toBe(200);
    const rows = await auditRows(officer.user.id, 'identity.password-change');
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows[0])).not.toContain('Brand-new-pass-1');
  });
});
