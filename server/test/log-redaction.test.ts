// No personal data or secrets in the logs (issue 8 item 3): the real application logs into a captured stream at the
// most verbose level while a database error fails an intake and a user creation carrying personal data and an
// argon2 hash, while someone signs in, and while officers search by name; none of the values may appear.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from './test-app';
import { createDossierWorld, DOSSIER_TEST_ENV, intakeBody, personId, type DossierWorld } from '../modules/dossiers/test/factories';
import { FACTORY_PASSWORD } from '../modules/identity/test/factories';
import { scrubMessage, scrubUrl, serializeError } from '../platform/http/logging';

const lines: string[] = [];
const stream = { write: (line: string) => void lines.push(line) };
let t: TestApp;
let w: DossierWorld;

const logText = () => lines.join('');
const parsed = () => lines.map((l) => JSON.parse(l) as Record<string, unknown> & { msg?: string; err?: Record<string, unknown> });

beforeAll(async () => {
  t = await createTestApp({ env: DOSSIER_TEST_ENV, logger: { level: 'trace', stream } });
  w = await createDossierWorld(t);
  // Statement-level failures that carry the row's values in the driver's error (parameters, "Failing row contains").
  await t.database.db.execute(sql.raw(`alter table dossiers add constraint log_redaction_forced check (applicant_name <> 'Trần Thị Bình Nhật Ký')`));
  await t.database.db.execute(sql.raw(`alter table identity_users add constraint log_redaction_forced_user check (display_name <> 'Lê Văn Khoá Nhật Ký')`));
}, 120_000);
afterAll(async () => t?.close());

describe('logs carry no personal data or secrets', () => {
  it('a failing intake logs the error without the applicant name, ID number, phone, e-mail or address', async () => {
    lines.length = 0;
    const applicant = {
      kind: 'person',
      name: 'Trần Thị Bình Nhật Ký',
      idNumber: personId(),
      phone: '0987654321',
      email: 'binh.tran.log@example.vn',
      address: 'Số 17 Ngõ Riêng Tư',
    };
    const res = await w.agents.reception.post('/api/v1/dossiers/intake', intakeBody(w, { applicant }));
    expect(res.statusCode).toBe(500);
    const failure = parsed().find((l) => l.msg === 'unhandled error');
    expect(failure, logText()).toBeDefined();
    // The error is still useful: the failing constraint and the SQLSTATE are kept.
    expect(JSON.stringify(failure)).toContain('log_redaction_forced');
    expect(JSON.stringify(failure)).toContain('23514');
    const text = logText();
    for (const value of [applicant.name, applicant.idNumber, applicant.phone, applicant.email, applicant.address, 'tran thi binh nhat ky', 'Bình']) {
      expect(text, `log contains ${value}`).not.toContain(value);
    }
  });

  it('a failing user creation logs no password, argon2 hash, phone or e-mail', async () => {
    lines.length = 0;
    const password = 'Mat-khau-rieng-2026!';
    const res = await w.agents.admin.post('/api/v1/identity/users', {
      username: `log.redaction.${Date.now()}`,
      displayName: 'Lê Văn Khoá Nhật Ký',
      email: 'khoa.le.log@example.vn',
      phone: '0911222333',
      password,
      grants: [{ role: 'specialist', orgUnitId: w.dept.id }],
    });
    expect(res.statusCode).toBe(500);
    expect(parsed().some((l) => l.msg === 'unhandled error')).toBe(true);
    const text = logText();
    for (const value of [password, '$argon2', 'Lê Văn Khoá', 'khoa.le.log@example.vn', '0911222333']) expect(text, `log contains ${value}`).not.toContain(value);
  });

  it('signing in and searching log no password, session token, CSRF token or search text', async () => {
    lines.length = 0;
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/v1/identity/login',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '10.9.8.7' },
      payload: { login: w.accounts.admin.login, password: FACTORY_PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    const token = login.cookies.find((c) => c.name === 'motcua_sid')!.value;
    const csrf = login.json<{ csrfToken: string }>().csrfToken;
    const headers = { cookie: `motcua_sid=${token}`, 'x-csrf-token': csrf, 'x-forwarded-for': '10.9.8.7' };
    const search = await t.app.inject({ method: 'GET', url: `/api/v1/identity/users?q=${encodeURIComponent('Nguyễn Thị Tìm Kiếm')}`, headers });
    expect(search.statusCode).toBe(200);
    const lookup = await t.app.inject({ method: 'GET', url: '/api/v1/dossiers/?q=012345678901', headers });
    expect(lookup.statusCode).toBe(200);
    const text = logText();
    expect(text).toContain('q=[redacted]');
    for (const value of [FACTORY_PASSWORD, token, csrf, 'Nguy%E1%BB%85n', 'Nguyễn Thị Tìm Kiếm', '012345678901']) expect(text, `log contains ${value}`).not.toContain(value);
  });
});

describe('error and URL scrubbing', () => {
  it('removes values from driver messages and keeps what names the failure', () => {
    expect(scrubMessage('Failed query: insert into x values ($1, $2)\nparams: Nguyễn Văn An,012345678901')).toBe('Failed query: insert into x values ($1, $2)\nparams: [redacted]');
    expect(scrubMessage('Key (lower(email))=(an@example.vn) already exists.')).toBe('Key (lower(email))=([redacted]) already exists.');
    expect(scrubMessage('Failing row contains (1, Nguyễn Văn An, 0912345678).')).toBe('Failing row contains ([redacted]).');
    expect(scrubMessage('invalid input syntax for type uuid: "Nguyễn"')).toBe('invalid input syntax for type uuid: "[redacted]"');
    expect(scrubMessage('duplicate key value violates unique constraint "identity_users_email_uq"')).toBe(
      'duplicate key value violates unique constraint "identity_users_email_uq"',
    );
    expect(scrubUrl('/api/v1/dossiers/?q=Nguy%E1%BB%85n&page=2')).toBe('/api/v1/dossiers/?q=[redacted]&page=[redacted]');
  });

  it('keeps only allow-listed error fields, through the cause chain', () => {
    const cause = Object.assign(new Error('new row for relation "dossiers" violates check constraint "c"'), {
      code: '23514',
      constraint: 'c',
      detail: 'Failing row contains (Nguyễn Văn An).',
      parameters: ['Nguyễn Văn An'],
      where: 'SQL statement with Nguyễn Văn An',
    });
    const err = Object.assign(new Error('Failed query: insert\nparams: Nguyễn Văn An'), { params: ['Nguyễn Văn An'], query: 'insert', cause });
    const out = JSON.stringify(serializeError(err));
    expect(out).not.toContain('Nguyễn');
    expect(out).toContain('23514');
    expect(out).toContain('"constraint":"c"');
  });
});
