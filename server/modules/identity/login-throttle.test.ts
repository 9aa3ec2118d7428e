// Sign-in throttling (issue 8 item 4, OWASP ASVS 2.2.1): the same answer for known and unknown logins, growing and
// capped delays per account and per address, no lock-out of an officer's own desk, password changes throttled too,
// and administrators who can see and clear the counters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/test-app';
import { auditEvents } from '../../platform/audit';
import { identityLoginThrottles } from './identity.tables';
import { delayAfter } from './login-throttle';
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

function loginRequest(app: TestApp, login: string, password: string, ip = randomIp(), lang = 'vi') {
  return app.app.inject({ method: 'POST', url: '/api/v1/identity/login', payload: { login, password }, headers: { 'x-forwarded-for': ip, 'accept-language': lang } });
}

/** Status, body and Retry-After of an answer: what an attacker can compare. */
async function answer(app: TestApp, login: string, password: string, ip = randomIp()) {
  const res = await loginRequest(app, login, password, ip);
  const { requestId: _requestId, ...body } = res.json<Record<string, unknown>>();
  return { status: res.statusCode, body, retryAfter: res.headers['retry-after'] ?? null };
}

describe('known and unknown logins', () => {
  it('get the same answers, attempt after attempt, from the first failure to the delay', async () => {
    const officer = await createOfficer(t.database.db, 'system-admin', province);
    const known: unknown[] = [];
    const unknown: unknown[] = [];
    for (let i = 0; i < 7; i++) {
      known.push(await answer(t, officer.login, `wrong-pass-${i}`));
      unknown.push(await answer(t, `nobody.${officer.login}`, `wrong-pass-${i}`));
    }
    expect(unknown).toEqual(known);
    expect(known.slice(0, 5).map((a) => (a as { status: number }).status)).toEqual([401, 401, 401, 401, 401]);
    expect(known[5]).toEqual({
      status: 429,
      body: { error: { code: 'LOGIN_THROTTLED', message: 'Đã nhập sai nhiều lần. Vui lòng thử lại sau 1 phút.' } },
      retryAfter: '60',
    });
  });
});

describe('an attacker elsewhere', () => {
  it('cannot lock an administrator out of the address they work from', async () => {
    const admin = await createOfficer(t.database.db, 'system-admin', province);
    const desk = randomIp();
    expect((await loginRequest(t, admin.login, admin.password, desk)).statusCode).toBe(200);

    const attacker = randomIp();
    for (let i = 0; i < 12; i++) await loginRequest(t, admin.login, `guess-${i}-pass`, i % 2 ? attacker : randomIp());
    // The attacker is held back on this account, whatever the password…
    const held = await loginRequest(t, admin.login, admin.password, randomIp());
    expect(held.statusCode).toBe(429);
    // …but the administrator's own desk signs in with the right password.
    expect((await loginRequest(t, admin.login, admin.password, desk)).statusCode).toBe(200);
  });

  it('holds an account back only for a while: the delay doubles from 1 minute and stops at LOGIN_LOCK_MINUTES', async () => {
    expect([4, 5, 6, 7, 8, 9, 10, 40].map((f) => delayAfter(f, 5, 15) / MINUTE)).toEqual([0, 1, 2, 4, 8, 15, 15, 15]);
    const officer = await createOfficer(t.database.db, 'reception-officer', province);
    const waits: number[] = [];
    for (let i = 0; i < 10; i++) {
      expect((await loginRequest(t, officer.login, `guess-${i}-pass`)).statusCode).toBe(401);
      const [row] = await t.database.db.select().from(identityLoginThrottles).where(eq(identityLoginThrottles.key, officer.user.id));
      const wait = row!.blockedUntil ? (row!.blockedUntil.getTime() - t.clock.now().getTime()) / 1000 : 0;
      if (wait) {
        // A held-back attempt is answered with the wait and not counted: probing during the delay does not lengthen it.
        const probe = await loginRequest(t, officer.login, officer.password);
        expect([probe.statusCode, Number(probe.headers['retry-after'])]).toEqual([429, wait]);
      }
      waits.push(wait / 60);
      t.clock.advance(wait * 1000);
    }
    expect(waits).toEqual([0, 0, 0, 0, 1, 2, 4, 8, 15, 15]);
    // Once the delay has passed, the right password works from a new address: there is no permanent lock.
    expect((await loginRequest(t, officer.login, officer.password)).statusCode).toBe(200);
    const [row] = await t.database.db.select().from(identityLoginThrottles).where(eq(identityLoginThrottles.key, officer.user.id));
    expect(row).toBeUndefined();
  });

  it('forgets failures a day old', async () => {
    const officer = await createOfficer(t.database.db, 'specialist', province);
    for (let i = 0; i < 4; i++) await loginRequest(t, officer.login, 'wrong-pass-old1');
    t.clock.advance(25 * 60 * MINUTE);
    await loginRequest(t, officer.login, 'wrong-pass-new1');
    const [row] = await t.database.db.select().from(identityLoginThrottles).where(eq(identityLoginThrottles.key, officer.user.id));
    expect(row).toMatchObject({ failures: 1, blockedUntil: null });
  });
});

describe('per client address', () => {
  let small: TestApp;
  beforeAll(async () => {
    small = await createTestApp({ env: { LOGIN_ADDRESS_MAX_FAILURES: '3' } });
  });
  afterAll(async () => small?.close());

  it('holds back an address that fails over many logins, not other addresses', async () => {
    const unit = await createOrgUnit(small.database.db);
    const officer = await createOfficer(small.database.db, 'specialist', unit);
    const ip = randomIp();
    for (let i = 0; i < 3; i++) expect((await loginRequest(small, `spray-${i}`, 'Common-pass-1', ip)).statusCode).toBe(401);
    const held = await loginRequest(small, officer.login, officer.password, ip);
    expect(held.statusCode).toBe(429);
    expect(held.headers['retry-after']).toBe('60');
    expect((await loginRequest(small, officer.login, officer.password, randomIp())).statusCode).toBe(200);
  });
});

describe('changing one own password', () => {
  it('throttles wrong current passwords, and the delay passes', async () => {
    const officer = await createOfficer(t.database.db, 'specialist', province);
    const agent = await loginAs(t.app, officer);
    const change = (currentPassword: string) => agent.post('/api/v1/identity/me/password', { currentPassword, newPassword: 'Brand-new-pass-7' });
    for (let i = 0; i < 5; i++) expect((await change(`not-mine-${i}x`)).statusCode).toBe(400);
    const held = await change(officer.password);
    expect(held.statusCode).toBe(429);
    expect(held.json().error.code).toBe('LOGIN_THROTTLED');
    expect(held.headers['retry-after']).toBe('60');
    const failed = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, officer.user.id), eq(auditEvents.action, 'identity.password-change-failed')));
    expect(failed).toHaveLength(5);
    t.clock.advance(MINUTE);
    expect((await change(officer.password)).statusCode).toBe(200);
  });
});

describe('administrators', () => {
  let sysAdmin: TestAccount;
  beforeAll(async () => {
    sysAdmin = await createOfficer(t.database.db, 'system-admin', province);
  });

  it('see held-back accounts and addresses and clear them; the clearing is audited', async () => {
    const admin = await loginAs(t.app, sysAdmin);
    const victim = await createOfficer(t.database.db, 'leader', province, { displayName: 'Lãnh đạo Bị Thử' });
    const ip = randomIp();
    for (let i = 0; i < 5; i++) await loginRequest(t, victim.login, `guess-${i}-pass`, ip);
    for (let i = 0; i < 5; i++) await loginRequest(t, 'no.such.login', `guess-${i}-pass`, randomIp());
    expect((await loginRequest(t, victim.login, victim.password)).statusCode).toBe(429);

    const list = await admin.get('/api/v1/identity/login-throttles');
    expect(list.statusCode).toBe(200);
    const items = list.json().items as Array<Record<string, unknown>>;
    const account = items.find((r) => r.userId === victim.user.id)!;
    expect(account).toMatchObject({ scope: 'account', userDisplayName: 'Lãnh đạo Bị Thử', username: victim.login, address: null, failures: 5, blockedUntil: expect.any(String) });
    expect(items.find((r) => r.scope === 'address' && r.address === ip)).toMatchObject({ failures: 5, blockedUntil: null });
    expect(items.find((r) => r.login === 'no.such.login')).toMatchObject({ scope: 'account', userId: null, failures: 5, blockedUntil: expect.any(String) });
    expect((await admin.get(`/api/v1/identity/users/${victim.user.id}`)).json().lockedUntil).toBe(account.blockedUntil);

    const cleared = await admin.post(`/api/v1/identity/login-throttles/${account.id as string}/clear`);
    expect(cleared.statusCode).toBe(200);
    expect((await loginRequest(t, victim.login, victim.password)).statusCode).toBe(200);
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, account.id as string), eq(auditEvents.action, 'identity.login-throttles.clear')));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBe(sysAdmin.user.id);
    expect((await admin.post(`/api/v1/identity/login-throttles/${account.id as string}/clear`)).statusCode).toBe(404);
  });

  it('are the only ones who may', async () => {
    const unitAdmin = await loginAs(t.app, await createOfficer(t.database.db, 'unit-admin', province));
    expect((await unitAdmin.get('/api/v1/identity/login-throttles')).statusCode).toBe(403);
    const [any] = await t.database.db.select().from(identityLoginThrottles).limit(1);
    expect((await unitAdmin.post(`/api/v1/identity/login-throttles/${any!.id}/clear`)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/identity/login-throttles' })).statusCode).toBe(401);
  });
});
