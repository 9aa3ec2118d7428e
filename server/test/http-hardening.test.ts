// Issue 8 items 2 and 5 at the request layer, through the real application: the examples the issue names for
// control characters and multipart, the foreign-Origin refusal, no-store on signed-in responses, and the masking
// of a one-word applicant name in the public lookup.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TestAgent, type TestApp } from './test-app';
import { createDossierWorld, DOSSIER_TEST_ENV, receive, type DossierWorld } from '../modules/dossiers/test/factories';
import { randomIp } from '../modules/identity/test/factories';
import { isOwnOrigin } from '../platform/http/request-guards';

let t: TestApp;
let w: DossierWorld;

beforeAll(async () => {
  t = await createTestApp({ env: { ...DOSSIER_TEST_ENV, PUBLIC_BASE_URL: 'https://motcua.example.gov.vn' } });
  w = await createDossierWorld(t);
}, 120_000);
afterAll(async () => t?.close());

describe('control characters in text', () => {
  it('refuses NUL in a search, a lookup code and a login name with a translated 400 naming the field', async () => {
    const search = await w.agents.admin.get('/api/v1/identity/users?q=%00');
    expect(search.statusCode).toBe(400);
    expect(search.json().error.code).toBe('VALIDATION_FAILED');
    expect(search.json().error.fields).toEqual([
      expect.objectContaining({ path: 'querystring.q', code: 'CONTROL_CHARACTER', message: expect.stringContaining('Trường q chứa ký tự điều khiển') }),
    ]);

    const lookup = await t.app.inject({ method: 'GET', url: '/api/v1/dossiers/lookup/H56%00', headers: { 'accept-language': 'en' } });
    expect(lookup.statusCode).toBe(400);
    expect(lookup.json().error.fields[0]).toMatchObject({ path: 'params.code', message: expect.stringContaining('The field code contains a control character') });

    const login = await new TestAgent(t.app).request('POST', '/api/v1/identity/login', { login: 'admin\u0000', password: 'x' }, { 'x-forwarded-for': randomIp() });
    expect(login.statusCode).toBe(400);
    expect(login.json().error.fields[0].path).toBe('body.login');
  });

  it('refuses other C0 controls but keeps tab, line feed and carriage return', async () => {
    const bell = await w.agents.admin.get('/api/v1/identity/users?q=a%07');
    expect(bell.statusCode).toBe(400);
    const tab = await w.agents.admin.get('/api/v1/identity/users?q=a%09b%0D%0A');
    expect(tab.statusCode).toBe(200);
  });

  it('refuses a body nested deeper than any contract instead of walking it to a stack overflow', async () => {
    const payload = `{"login":"a","password":"b","x":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`;
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/identity/login', headers: { 'content-type': 'application/json', 'x-forwarded-for': randomIp() }, payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0]).toMatchObject({ code: 'NESTING_TOO_DEEP' });
  });

  it('checks authorisation first: an anonymous caller gets 401, not a 400 about its input', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/identity/users?q=%00' });
    expect(res.statusCode).toBe(401);
  });
});

describe('multipart', () => {
  it('answers a multipart request without a boundary with a translated 400', async () => {
    const res = await w.agents.admin.request('POST', '/api/v1/catalog/admin/imports?dryRun=true', '--x\r\n\r\n', { 'content-type': 'multipart/form-data' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'MULTIPART_BOUNDARY_MISSING', message: expect.stringContaining('boundary') });
  });

  it('answers a truncated multipart body with a translated 400', async () => {
    const payload = '--b\r\nContent-Disposition: form-data; name="file"; filename="a.json"\r\nContent-Type: application/json\r\n\r\n{"a"';
    const res = await w.agents.admin.request('POST', '/api/v1/catalog/admin/imports?dryRun=true', payload, { 'content-type': 'multipart/form-data; boundary=b' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('MULTIPART_MALFORMED');
  });
});

describe('foreign Origin on state-changing requests', () => {
  it('refuses a signed-in write from another origin with a translated 403, even with the right CSRF token', async () => {
    const res = await w.agents.admin.request('POST', '/api/v1/identity/org-units', { name: 'x' }, { origin: 'https://evil.example' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'ORIGIN_FORBIDDEN', message: expect.stringContaining('trang web khác') });
    const nullOrigin = await new TestAgent(t.app).request('POST', '/api/v1/identity/login', { login: 'a', password: 'b' }, { origin: 'null', 'x-forwarded-for': randomIp() });
    expect(nullOrigin.statusCode).toBe(403);
  });

  it('accepts the published origin, the origin of the requested host, and requests without Origin', async () => {
    const body = { login: 'khong.ton.tai', password: 'sai-mat-khau' };
    for (const origin of ['https://motcua.example.gov.vn', 'http://localhost:80', undefined]) {
      const res = await new TestAgent(t.app).request('POST', '/api/v1/identity/login', body, {
        'x-forwarded-for': randomIp(),
        host: 'localhost:80',
        ...(origin ? { origin } : {}),
      });
      expect(res.statusCode, String(origin)).toBe(401);
    }
  });

  it('does not check the Origin of reads', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/catalog/fields', headers: { origin: 'https://evil.example' } });
    expect(res.statusCode).toBe(200);
  });
});

describe('caching', () => {
  it('marks signed-in API responses and the sign-in response no-store, and leaves public anonymous ones alone', async () => {
    const me = await w.agents.admin.get('/api/v1/identity/me');
    expect(me.statusCode).toBe(200);
    expect(me.headers['cache-control']).toBe('no-store');
    const refused = await w.agents.admin.get('/api/v1/identity/users/not-a-uuid');
    expect(refused.headers['cache-control']).toBe('no-store');
    const login = await new TestAgent(t.app).request(
      'POST',
      '/api/v1/identity/login',
      { login: w.accounts.reception.login, password: w.accounts.reception.password },
      { 'x-forwarded-for': randomIp() },
    );
    expect(login.statusCode).toBe(200);
    expect(login.headers['cache-control']).toBe('no-store');
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/catalog/fields' });
    expect(anonymous.headers['cache-control']).toBeUndefined();
  });
});

describe('public lookup', () => {
  it('masks a one-word applicant name', async () => {
    const d = await receive(w, { applicant: { kind: 'person', name: 'Bình', idNumber: '001203004005', phone: null, email: null, address: null } });
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/dossiers/lookup/${encodeURIComponent(d.code)}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().applicantName).toBe('B****');
    expect(res.body).not.toContain('Bình');
  });
});

describe('isOwnOrigin', () => {
  it('compares host and effective port, not the scheme', () => {
    const published = 'https://motcua.example.gov.vn';
    expect(isOwnOrigin('https://motcua.example.gov.vn', 'internal:3000', published)).toBe(true);
    expect(isOwnOrigin('http://localhost:3000', 'localhost:3000', published)).toBe(true);
    expect(isOwnOrigin('http://localhost', 'localhost:80', published)).toBe(true);
    expect(isOwnOrigin('https://app.example.vn', 'APP.example.vn', published)).toBe(true);
    expect(isOwnOrigin('http://[::1]:3000', '[::1]:3000', published)).toBe(true);
    expect(isOwnOrigin('http://localhost:5173', 'localhost:3000', published)).toBe(false);
    expect(isOwnOrigin('https://motcua.example.gov.vn.evil.example', 'motcua.example.gov.vn', published)).toBe(false);
    expect(isOwnOrigin('null', 'localhost:3000', published)).toBe(false);
  });
});
