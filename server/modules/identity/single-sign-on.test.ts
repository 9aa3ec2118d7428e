// Issue 11 item 1, single sign-on: the real application against a real OpenID Connect provider (oidc-provider on
// 127.0.0.1, server/test/oidc-provider.ts) over the whole authorization code flow with PKCE — the start route's
// redirect, the provider's pages and cookies followed by fetch, the callback through app.inject.
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { auditEvents } from '../../platform/audit';
import { OIDC_CALLBACK_PATH } from '../../platform/config/oidc.config';
import { startOidcProvider, type TestOidcProvider, type TestOidcUser } from '../../test/oidc-provider';
import { createTestApp, TestAgent, type TestApp } from '../../test/test-app';
import { identityOidcIdentities, identityOidcRequests, identityUsers } from './identity.tables';
import { createCitizen, createOfficer, createOrgUnit, randomIp } from './test/factories';

const PUBLIC_BASE_URL = 'https://dichvucong.thanhhoa.example.vn';
const REDIRECT_URI = `${PUBLIC_BASE_URL}${OIDC_CALLBACK_PATH}`;
const START = '/api/v1/identity/citizen/sso/start';

let t: TestApp;
let op: TestOidcProvider;

beforeAll(async () => {
  op = await startOidcProvider({ redirectUris: [REDIRECT_URI] });
  t = await createTestApp({ env: { PUBLIC_BASE_URL, ...op.env(REDIRECT_URI) } });
}, 60_000);
afterAll(async () => {
  await t?.close();
  await op?.close();
});

let seq = 0;
const idNumber = () => `0${String(randomInt(10 ** 9)).padStart(9, '0')}${String(++seq % 100).padStart(2, '0')}`;
function person(extra: Partial<TestOidcUser> = {}): TestOidcUser {
  const user = { sub: `vneid-${Date.now().toString(36)}-${++seq}`, idNumber: idNumber(), fullName: 'Nguyễn Thị Thu Hà', birthDate: '1990-05-17', ...extra };
  op.addUser(user);
  return user;
}

/** A browser: one client address, the app's cookies kept by TestAgent. */
function browser(lang: 'vi' | 'en' = 'vi') {
  const agent = new TestAgent(t.app, lang);
  const ip = randomIp();
  return { agent, get: (url: string) => agent.request('GET', url, undefined, { 'x-forwarded-for': ip }) };
}
type Browser = ReturnType<typeof browser>;

/** Starts at the portal, signs in at the provider (as `who`, or cancels), and returns the callback URL it sent back. */
async function throughProvider(b: Browser, who: string, next?: string): Promise<{ start: LightMyRequestResponse; callback: URL }> {
  op.loginNext(who);
  const start = await b.get(next ? `${START}?next=${encodeURIComponent(next)}` : START);
  expect(start.statusCode).toBe(302);
  const authorization = new URL(String(start.headers.location));
  expect(authorization.origin).toBe(op.issuer);
  // Authorization code flow with PKCE (S256), state and nonce, for the configured scopes.
  expect(Object.fromEntries(authorization.searchParams)).toMatchObject({
    response_type: 'code',
    client_id: op.clientId,
    redirect_uri: REDIRECT_URI,
    scope: 'openid vneid',
    code_challenge_method: 'S256',
    code_challenge: expect.stringMatching(/^[\w-]{43}$/),
    state: expect.stringMatching(/^[\w-]{20,}$/),
    nonce: expect.stringMatching(/^[\w-]{20,}$/),
  });
  const callback = await op.authorize(authorization.href);
  expect(`${callback.origin}${callback.pathname}`).toBe(REDIRECT_URI);
  return { start, callback };
}

/** The whole flow; returns the callback's answer. */
async function ssoSignIn(b: Browser, who: string, next?: string): Promise<LightMyRequestResponse> {
  const { callback } = await throughProvider(b, who, next);
  return b.get(callback.pathname + callback.search);
}

const sessionCookie = (res: LightMyRequestResponse) => (res.cookies as Array<{ name: string; value: string }>).find((c) => c.name === 'motcua_sid' && c.value);
const refusedWith = (res: LightMyRequestResponse, code: string) => {
  expect(res.statusCode).toBe(302);
  expect(res.headers.location).toBe(`/dang-nhap?sso_error=${code}`);
  expect(sessionCookie(res)).toBeUndefined();
};

async function userById(id: string) {
  return (await t.database.db.select().from(identityUsers).where(eq(identityUsers.id, id)))[0]!;
}
async function usersWithIdNumber(n: string) {
  return t.database.db.select().from(identityUsers).where(eq(identityUsers.idNumber, n));
}
async function links(userId: string) {
  return t.database.db.select().from(identityOidcIdentities).where(eq(identityOidcIdentities.userId, userId));
}
async function audits(subjectId: string, actions: string[]) {
  return t.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.subjectId, subjectId), inArray(auditEvents.action, actions)))
    .orderBy(auditEvents.id);
}

describe('single sign-on with the national e-ID', () => {
  it('tells the portal it is on: the provider name for the button and the route it opens', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/identity/login-info' });
    expect(res.json()).toEqual({ demo: expect.any(Boolean), sso: { provider: 'VNeID', startPath: START } });
  });

  it('creates a citizen account from the claims (verified ID number, name, birth date) and signs in; the next time signs in to it', async () => {
    const p = person({ fullName: 'Nguyễn  Thị Thu Hà ' });
    const b = browser();
    const res = await ssoSignIn(b, p.sub);
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe('/tai-khoan');
    expect(sessionCookie(res)).toBeDefined();
    // The state cookie is spent.
    expect(b.agent.cookies.motcua_sso).toBeUndefined();

    // The same session a password sign-in opens: /me and the profile answer, with the CSRF token for writes.
    const me = await b.get('/api/v1/identity/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toMatchObject({ kind: 'citizen', accountType: 'citizen', displayName: 'Nguyễn Thị Thu Hà', email: null });
    const profile = await b.get('/api/v1/identity/citizen/me');
    expect(profile.json()).toMatchObject({ fullName: 'Nguyễn Thị Thu Hà', idNumber: p.idNumber, idNumberVerified: true, birthDate: '1990-05-17' });
    expect(profile.json().applicant).toMatchObject({ kind: 'person', name: 'Nguyễn Thị Thu Hà', idNumber: p.idNumber, birthDate: '1990-05-17' });

    const userId = me.json().user.id as string;
    const user = await userById(userId);
    expect(user.idNumberVerifiedAt).toEqual(t.clock.now());
    expect(await links(userId)).toEqual([expect.objectContaining({ issuer: op.issuer, subject: p.sub })]);
    const trail = await audits(userId, ['identity.sso.register', 'identity.sso.link', 'identity.sso.login']);
    expect(trail.map((a) => [a.action, a.actorId])).toEqual([
      ['identity.sso.register', userId],
      ['identity.sso.link', userId],
      ['identity.sso.login', userId],
    ]);
    expect(trail[0]!.after).toMatchObject({ issuer: op.issuer, subject: p.sub, idNumber: p.idNumber, fullName: 'Nguyễn Thị Thu Hà', birthDate: '1990-05-17' });
    expect(trail[1]!.after).toMatchObject({ by: 'new-account' });

    // The account has no contact yet, and can still save its profile (the channel waits for a confirmed contact).
    const csrf = await b.get('/api/v1/identity/me');
    expect(csrf.statusCode).toBe(200);
    const saved = await b.agent.request('PUT', '/api/v1/identity/citizen/me', {
      fullName: 'Nguyễn Thị Thu Hà',
      idNumber: p.idNumber,
      birthDate: '1990-05-17',
      address: 'Số 5 Lê Lợi, phường Hạc Thành',
      notificationChannel: 'sms',
      version: profile.json().version,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ address: 'Số 5 Lê Lợi, phường Hạc Thành', idNumberVerified: true });

    // Again, from another browser, with a page to return to: the linked account, no second one.
    const again = browser();
    const second = await ssoSignIn(again, p.sub, '/dich-vu-cong/ho-so?ma=1');
    expect(second.headers.location).toBe('/dich-vu-cong/ho-so?ma=1');
    expect((await again.get('/api/v1/identity/me')).json().user.id).toBe(userId);
    expect(await usersWithIdNumber(p.idNumber!)).toHaveLength(1);
    expect(await audits(userId, ['identity.sso.login'])).toHaveLength(2);
    expect(await audits(userId, ['identity.sso.link', 'identity.sso.register'])).toHaveLength(2);
    // A return address elsewhere is ignored.
    expect((await ssoSignIn(browser(), p.sub, '//evil.example/x')).headers.location).toBe('/tai-khoan');
    expect((await ssoSignIn(browser(), p.sub, '/admin/users')).headers.location).toBe('/tai-khoan');
  });

  it('links an existing account whose ID number was already verified, and signs in to it', async () => {
    const p = person({ fullName: 'Trần Văn Minh' });
    const existing = await createCitizen(t.database.db, { displayName: 'Trần Văn Minh' });
    await t.database.db
      .update(identityUsers)
      .set({ idNumber: p.idNumber, idNumberVerifiedAt: new Date('2026-01-05T00:00:00Z') })
      .where(eq(identityUsers.id, existing.user.id));

    const b = browser();
    const res = await ssoSignIn(b, p.sub);
    expect(res.headers.location).toBe('/tai-khoan');
    expect((await b.get('/api/v1/identity/me')).json().user).toMatchObject({ id: existing.user.id, email: existing.login });
    expect(await links(existing.user.id)).toEqual([expect.objectContaining({ subject: p.sub })]);
    expect(await usersWithIdNumber(p.idNumber!)).toHaveLength(1);
    const trail = await audits(existing.user.id, ['identity.sso.register', 'identity.sso.link', 'identity.sso.login']);
    expect(trail.map((a) => a.action)).toEqual(['identity.sso.link', 'identity.sso.login']);
    expect(trail[0]!.after).toMatchObject({ issuer: op.issuer, subject: p.sub, by: 'verified-id-number' });
    // The password still works alongside.
    const password = await browser().agent.request('POST', '/api/v1/identity/login', { login: existing.login, password: existing.password }, { 'x-forwarded-for': randomIp() });
    expect(password.statusCode).toBe(200);
  });

  it('never links on an ID number that is only declared: a separate account is made for the verified person', async () => {
    const p = person({ fullName: 'Lê Văn Nam' });
    // Someone declared this number on their account (anyone can type anyone's number).
    const declared = await createCitizen(t.database.db, { displayName: 'Người Khai Số' });
    await t.database.db.update(identityUsers).set({ idNumber: p.idNumber }).where(eq(identityUsers.id, declared.user.id));

    const b = browser();
    const res = await ssoSignIn(b, p.sub);
    expect(res.headers.location).toBe('/tai-khoan');
    const me = (await b.get('/api/v1/identity/me')).json().user;
    expect(me.id).not.toBe(declared.user.id);
    expect(me.displayName).toBe('Lê Văn Nam');
    expect(await links(declared.user.id)).toEqual([]);
    expect(await audits(declared.user.id, ['identity.sso.link', 'identity.sso.login'])).toEqual([]);
    const holders = await usersWithIdNumber(p.idNumber!);
    expect(holders.map((u) => [u.id, u.idNumberVerifiedAt !== null]).sort()).toEqual(
      [
        [declared.user.id, false],
        [me.id, true],
      ].sort(),
    );
  });

  it('refuses a callback without the state cookie of the browser that started, with a wrong state, or too late', async () => {
    const p = person();
    const victim = browser();
    const before = (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(identityUsers))[0]!.n;

    // Login CSRF: the callback opened in another browser (no state cookie) is refused.
    const { callback } = await throughProvider(browser(), p.sub);
    refusedWith(await victim.get(callback.pathname + callback.search), 'SSO_STATE_INVALID');

    // A state that is not the one the cookie holds.
    const started = await throughProvider(victim, p.sub);
    const forged = new URL(started.callback.href);
    forged.searchParams.set('state', 'x'.repeat(43));
    refusedWith(await victim.get(forged.pathname + forged.search), 'SSO_STATE_INVALID');

    // Too late: the request lived 10 minutes.
    const late = browser();
    const slow = await throughProvider(late, p.sub);
    t.clock.advance(11 * 60_000);
    try {
      refusedWith(await late.get(slow.callback.pathname + slow.callback.search), 'SSO_STATE_INVALID');
    } finally {
      t.clock.reset();
    }
    // No state at all.
    refusedWith(await browser().get(OIDC_CALLBACK_PATH), 'SSO_STATE_INVALID');
    expect((await t.database.db.select({ n: sql<number>`count(*)::int` }).from(identityUsers))[0]!.n).toBe(before);
  });

  it('refuses a replayed callback, even with the state cookie', async () => {
    const p = person();
    const b = browser();
    const { callback } = await throughProvider(b, p.sub);
    const stateCookie = b.agent.cookies.motcua_sso!;
    expect(stateCookie).toBeTruthy();
    const first = await b.get(callback.pathname + callback.search);
    expect(first.headers.location).toBe('/tai-khoan');
    const userId = (await b.get('/api/v1/identity/me')).json().user.id as string;

    // The same answer again, cookie and all (a captured request, or the back button).
    const replay = browser();
    replay.agent.cookies.motcua_sso = stateCookie;
    refusedWith(await replay.get(callback.pathname + callback.search), 'SSO_STATE_INVALID');
    const [row] = await t.database.db.select().from(identityOidcRequests).where(eq(identityOidcRequests.usedAt, t.clock.now())).limit(1);
    expect(row).toBeDefined();
    expect(await audits(userId, ['identity.sso.login'])).toHaveLength(1);
  });

  it('reports a cancelled sign-in and a provider error, and refuses claims without the ID number', async () => {
    refusedWith(await ssoSignIn(browser(), 'cancel'), 'SSO_CANCELLED');

    const b = browser();
    const { callback } = await throughProvider(b, person().sub);
    const failed = new URL(callback.href);
    failed.searchParams.delete('code');
    failed.searchParams.set('error', 'server_error');
    refusedWith(await b.get(failed.pathname + failed.search), 'SSO_PROVIDER_ERROR');

    // A code the provider did not issue: the exchange fails.
    const c = browser();
    const other = await throughProvider(c, person().sub);
    const wrongCode = new URL(other.callback.href);
    wrongCode.searchParams.set('code', 'not-a-code');
    refusedWith(await c.get(wrongCode.pathname + wrongCode.search), 'SSO_PROVIDER_ERROR');

    const noId = person({ idNumber: undefined, fullName: 'Không Có Số' });
    refusedWith(await ssoSignIn(browser(), noId.sub), 'SSO_CLAIMS_MISSING');
    expect(await t.database.db.select().from(identityUsers).where(eq(identityUsers.displayName, 'Không Có Số'))).toEqual([]);
    const [refusal] = await audits(noId.sub, ['identity.sso.refused']);
    expect(refusal!.after).toMatchObject({ issuer: op.issuer, subject: noId.sub, reason: 'claims-missing' });
  });

  it('refuses a disabled account, and an ID number verified on an officer account', async () => {
    const p = person();
    const b = browser();
    await ssoSignIn(b, p.sub);
    const userId = (await b.get('/api/v1/identity/me')).json().user.id as string;
    await t.database.db.update(identityUsers).set({ disabled: true }).where(eq(identityUsers.id, userId));
    refusedWith(await ssoSignIn(browser(), p.sub), 'ACCOUNT_DISABLED');
    expect((await audits(userId, ['identity.sso.refused']))[0]!.after).toMatchObject({ reason: 'account-disabled' });

    const unit = await createOrgUnit(t.database.db);
    const officer = await createOfficer(t.database.db, 'specialist', unit);
    const q = person();
    await t.database.db.update(identityUsers).set({ idNumber: q.idNumber, idNumberVerifiedAt: new Date() }).where(eq(identityUsers.id, officer.user.id));
    refusedWith(await ssoSignIn(browser(), q.sub), 'SSO_ACCOUNT_CONFLICT');
    expect(await links(officer.user.id)).toEqual([]);
  });
});

describe('single sign-on switched off or unreachable', () => {
  it('is off without OIDC_ISSUER: no button, and the start route says so', async () => {
    const off = await createTestApp();
    try {
      expect((await off.app.inject({ method: 'GET', url: '/api/v1/identity/login-info' })).json().sso).toBeNull();
      const res = await off.app.inject({ method: 'GET', url: START });
      expect(res.statusCode).toBe(302);
      expect(res.headers.location).toBe('/dang-nhap?sso_error=SSO_NOT_CONFIGURED');
    } finally {
      await off.close();
    }
  });

  it('sends the browser back with an error when the provider cannot be reached, and keeps nothing', async () => {
    const closed = await startOidcProvider({ redirectUris: [REDIRECT_URI] });
    await closed.close();
    const down = await createTestApp({ env: { PUBLIC_BASE_URL, ...closed.env(REDIRECT_URI) } });
    try {
      const res = await down.app.inject({ method: 'GET', url: START });
      expect(res.headers.location).toBe('/dang-nhap?sso_error=SSO_PROVIDER_ERROR');
      expect(await down.database.db.select().from(identityOidcRequests)).toEqual([]);
    } finally {
      await down.close();
    }
  });
});
