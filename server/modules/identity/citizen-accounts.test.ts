// Issue 11 item 1: portal accounts of citizens and businesses, through the real application, its outbox and job
// worker, and its real SMTP transport delivering to a real SMTP server on 127.0.0.1 (server/test/mail-sink.ts).
// SMS leaves through the channel interface to a recording gateway (no SMS gateway is integrated).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { createTestApp, TestAgent, type TestApp } from '../../test/test-app';
import { linkToken, MailSink, type SunkMail } from '../../test/mail-sink';
import { auditEvents } from '../../platform/audit';
import { startJobs, type JobRunner } from '../../platform/jobs';
import {
  configureNotificationChannels,
  createSmtpTransport,
  developmentMailTransport,
  developmentSmsChannel,
  notificationsOutbox,
  type SmsChannel,
  type OutgoingSms,
} from '../../platform/notifications';
import { DEMO_PASSWORD } from '../demo-accounts';
import { identityAccountTokens, identityUsers } from './identity.tables';
import { identityModule } from './index';
import { createCitizen, createOfficer, createOrgUnit, loginAs, randomIp } from './test/factories';

/** A stand-in SMS gateway behind the real channel interface: records what it is handed. */
class RecordingSmsGateway implements SmsChannel {
  readonly name = 'test-gateway';
  readonly live = true;
  readonly sent: OutgoingSms[] = [];
  async send(sms: OutgoingSms): Promise<void> {
    this.sent.push(sms);
  }
}

let t: TestApp;
let jobs: JobRunner;
const sink = new MailSink();
const sms = new RecordingSmsGateway();

beforeAll(async () => {
  // A public address unlike the test's host, so the links are checked to use PUBLIC_BASE_URL.
  t = await createTestApp({ env: { PUBLIC_BASE_URL: 'https://dichvucong.thanhhoa.example.vn' } });
  await sink.listen();
  configureNotificationChannels({ mail: createSmtpTransport({ url: sink.url, from: 'Cổng dịch vụ công <noreply@thanhhoa.example.vn>' }), sms });
  jobs = await startJobs({ database: t.database, systemCtx: t.systemCtx, log: t.app.log, pollingIntervalSeconds: 0.5 });
  await identityModule.seedDemo!(t.systemCtx(), t.host);
}, 60_000);
afterAll(async () => {
  await jobs?.stop();
  configureNotificationChannels({ mail: developmentMailTransport, sms: developmentSmsChannel });
  await sink.close();
  await t?.close();
});

let seq = 0;
const uniqueEmail = () => `cong.dan.${Date.now().toString(36)}.${++seq}@example.vn`;
const uniqueMobile = () => `09${String(Date.now() % 1e6).padStart(6, '0')}${String(++seq % 100).padStart(2, '0')}`;
const PASSWORD = 'Mat-khau-2026';

function post(url: string, body: object, opts: { ip?: string; lang?: 'vi' | 'en'; agent?: TestAgent } = {}) {
  const agent = opts.agent ?? new TestAgent(t.app, opts.lang ?? 'vi');
  return agent.request('POST', url, body, { 'x-forwarded-for': opts.ip ?? randomIp() });
}
const register = (body: object, opts: { ip?: string; lang?: 'vi' | 'en' } = {}) => post('/api/v1/identity/citizen/registrations', body, opts);
const login = (loginName: string, password: string, ip = randomIp()) => post('/api/v1/identity/login', { login: loginName, password }, { ip });

const mailTo = (to: string, subject: RegExp) => sink.waitFor((m) => m.to.includes(to) && subject.test(m.subject));
const smsTo = async (to: string, count = 1): Promise<OutgoingSms> => {
  const until = Date.now() + 15_000;
  for (;;) {
    const found = sms.sent.filter((s) => s.to === to);
    if (found.length >= count) return found[count - 1]!;
    if (Date.now() > until) throw new Error(`no SMS number ${count} to ${to}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};
const smsCode = (m: OutgoingSms) => /^(\d{6}) /.exec(m.text)![1]!;

async function userByEmail(email: string) {
  return (
    await t.database.db
      .select()
      .from(identityUsers)
      .where(sql`lower(${identityUsers.email}) = ${email.toLowerCase()}`)
  )[0];
}
async function audits(subjectId: string, action: string) {
  return t.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.subjectId, subjectId), eq(auditEvents.action, action)));
}

/** Registers by e-mail, follows the link from the mail the sink caught, and returns the account. */
async function registerConfirmed(extra: object = {}): Promise<{ email: string; id: string; mail: SunkMail }> {
  const email = uniqueEmail();
  const res = await register({ accountType: 'citizen', fullName: 'Lê Thị Hoa', email, password: PASSWORD, ...extra });
  expect(res.statusCode).toBe(202);
  const mail = await mailTo(email, /Xác nhận/);
  const confirm = await post('/api/v1/identity/citizen/email-confirmations', { token: linkToken(mail, '/xac-nhan-email') });
  expect(confirm.statusCode).toBe(200);
  return { email, id: (await userByEmail(email))!.id, mail };
}

describe('registration by e-mail', () => {
  it('sends a confirmation link by SMTP; the account signs in only after the link is used', async () => {
    const email = uniqueEmail();
    const res = await register({
      accountType: 'citizen',
      fullName: 'Lê Thị Hoa',
      email: email.toUpperCase(),
      password: PASSWORD,
      idNumber: '038 190 012 345',
      birthDate: '1991-07-20',
      address: 'Số 3 phố Trần Phú, phường Hạc Thành',
    });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ channel: 'email' });
    // No session: the account is not active yet.
    expect(String(res.headers['set-cookie'] ?? '')).not.toContain('motcua_sid');

    const user = (await userByEmail(email))!;
    expect(user).toMatchObject({ kind: 'citizen', accountType: 'citizen', idNumber: '038190012345', bornOn: '1991-07-20', emailVerifiedAt: null, notificationChannel: 'email' });
    const early = await login(email, PASSWORD);
    expect(early.statusCode).toBe(403);
    expect(early.json().error).toEqual({
      code: 'EMAIL_NOT_CONFIRMED',
      message: 'Tài khoản chưa được kích hoạt: vui lòng mở liên kết xác nhận đã gửi tới thư điện tử của bạn, hoặc yêu cầu gửi lại liên kết.',
    });
    // A wrong password learns nothing about the account's state.
    expect((await login(email, 'Sai-mat-khau-1')).json().error.code).toBe('INVALID_CREDENTIALS');

    const mail = await mailTo(email, /Xác nhận địa chỉ thư điện tử/);
    expect(mail.from).toBe('noreply@thanhhoa.example.vn');
    expect(mail.text).toContain('Kính gửi Lê Thị Hoa');
    expect(mail.text).toMatch(/https:\/\/dichvucong\.thanhhoa\.example\.vn\/xac-nhan-email\?token=[A-Za-z0-9_-]{43}/);
    const token = linkToken(mail, '/xac-nhan-email');

    const confirmed = await post('/api/v1/identity/citizen/email-confirmations', { token });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toEqual({ email });

    const signedIn = await login(email, PASSWORD);
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().user).toMatchObject({ kind: 'citizen', accountType: 'citizen', displayName: 'Lê Thị Hoa', email });
    expect(await audits(user.id, 'identity.citizen.register')).toHaveLength(1);
    const [confirmAudit] = await audits(user.id, 'identity.citizen.email-confirm');
    expect(confirmAudit!.actorId).toBe(user.id);
    // Only the hash of the secret is stored, and the outbox forgot the link once SMTP took the mail.
    const [stored] = await t.database.db.select().from(identityAccountTokens).where(eq(identityAccountTokens.userId, user.id));
    expect(stored!.secretHash).not.toContain(token);
    expect(stored!.usedAt).not.toBeNull();
    const [outbox] = await t.database.db
      .select()
      .from(notificationsOutbox)
      .where(and(eq(notificationsOutbox.recipient, email), eq(notificationsOutbox.templateKey, 'identity.email-confirmation')));
    expect(outbox).toMatchObject({ status: 'sent', deliveredVia: 'smtp', params: expect.objectContaining({ link: '***' }) });
    expect(JSON.stringify(outbox)).not.toContain(token);
    expect(JSON.stringify(await t.database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, user.id)))).not.toContain(token);
  });

  it('refuses an unknown, a malformed, a used, a replaced and an expired link, each with its own translated error', async () => {
    const unknown = await post('/api/v1/identity/citizen/email-confirmations', { token: 'A'.repeat(43) });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('TOKEN_INVALID');
    const malformed = await post('/api/v1/identity/citizen/email-confirmations', { token: 'abc' }, { lang: 'en' });
    expect(malformed.json().error.fields).toEqual([{ path: 'body.token', code: 'invalid_format', message: 'The link is incomplete. Open the link exactly as in the message.' }]);

    const { mail } = await registerConfirmed();
    const reused = await post('/api/v1/identity/citizen/email-confirmations', { token: linkToken(mail, '/xac-nhan-email') });
    expect(reused.statusCode).toBe(409);
    expect(reused.json().error.code).toBe('TOKEN_USED');

    const email = uniqueEmail();
    await register({ accountType: 'citizen', fullName: 'Trần Văn Bình', email, password: PASSWORD });
    const first = linkToken(await mailTo(email, /Xác nhận/), '/xac-nhan-email');
    expect((await post('/api/v1/identity/citizen/email-confirmations/resend', { email })).statusCode).toBe(202);
    const second = await sink.waitFor((m) => m.to.includes(email) && linkToken(m, '/xac-nhan-email') !== first);
    expect((await post('/api/v1/identity/citizen/email-confirmations', { token: first })).json().error.code).toBe('TOKEN_USED');

    t.clock.advance(49 * 3600_000);
    try {
      const expired = await post('/api/v1/identity/citizen/email-confirmations', { token: linkToken(second, '/xac-nhan-email') });
      expect(expired.statusCode).toBe(410);
      expect(expired.json().error).toMatchObject({ code: 'TOKEN_EXPIRED', message: 'Liên kết đã hết hạn. Vui lòng yêu cầu gửi liên kết mới.' });
    } finally {
      t.clock.reset();
    }
    expect((await userByEmail(email))!.emailVerifiedAt).toBeNull();
  });

  it('answers a registered e-mail exactly like a new one, creates nothing, and tells the address owner instead', async () => {
    const { email, id } = await registerConfirmed();
    const before = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(identityUsers);
    const again = await register({ accountType: 'citizen', fullName: 'Kẻ Giả Mạo', email: email.toUpperCase(), password: 'Khac-mat-khau-9' });
    const fresh = await register({ accountType: 'citizen', fullName: 'Người Mới', email: uniqueEmail(), password: PASSWORD });
    expect(again.statusCode).toBe(fresh.statusCode);
    expect(again.json()).toEqual(fresh.json());
    const after = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(identityUsers);
    expect(after[0]!.n).toBe(before[0]!.n + 1);
    const notice = await mailTo(email, /đã có tài khoản/);
    expect(notice.text).toContain('https://dichvucong.thanhhoa.example.vn/quen-mat-khau');
    expect(notice.text).not.toContain('token=');
    // The account and its password are untouched.
    expect((await userByEmail(email))!.displayName).toBe('Lê Thị Hoa');
    expect((await login(email, PASSWORD)).statusCode).toBe(200);
    expect(await audits(id, 'identity.citizen.register-existing')).toHaveLength(1);
  });

  it('keeps a phone another account holds out of a new account and says so in the confirmation mail', async () => {
    const holder = await registerPhoneOnly();
    const email = uniqueEmail();
    expect((await register({ accountType: 'citizen', fullName: 'Đỗ Văn Cường', email, phone: holder.phone, password: PASSWORD })).json()).toEqual({ channel: 'email' });
    const mail = await mailTo(email, /Xác nhận/);
    expect(mail.text).toContain(`Số điện thoại ${holder.phone} đã được dùng cho một tài khoản khác nên chưa được lưu`);
    expect((await userByEmail(email))!.phone).toBeNull();
  });

  it('validates every field with translated messages and refuses a future birth date', async () => {
    const bad = await register({ accountType: 'citizen', fullName: ' ', password: 'short', phone: '024 3823 4567', idNumber: '12345' });
    expect(bad.statusCode).toBe(400);
    const fields = Object.fromEntries((bad.json().error.fields as Array<{ path: string; message: string }>).map((f) => [f.path, f.message]));
    expect(fields).toEqual({
      'body.fullName': 'Vui lòng nhập họ và tên.',
      'body.password': 'Mật khẩu phải có ít nhất 10 ký tự, gồm cả chữ và số.',
      'body.phone': 'Số điện thoại di động không hợp lệ: 10 chữ số bắt đầu bằng 03, 05, 07, 08 hoặc 09 (ví dụ 0912 345 678 hoặc +84 912 345 678).',
      'body.idNumber': 'Số định danh cá nhân (số căn cước) gồm đúng 12 chữ số.',
    });
    const future = await register({ accountType: 'citizen', fullName: 'Tương Lai', email: uniqueEmail(), password: PASSWORD, birthDate: '2030-01-01' });
    expect(future.json().error.fields).toEqual([
      { path: 'body.birthDate', code: 'identity.errors.invalidBirthDate', message: 'Ngày sinh không hợp lệ (không được sau ngày hôm nay).' },
    ]);
    const impossible = await register({ accountType: 'citizen', fullName: 'Ngày Sai', email: uniqueEmail(), password: PASSWORD, birthDate: '1990-02-30' });
    expect(impossible.statusCode).toBe(400);
    const none = await register({ accountType: 'citizen', fullName: 'Không Liên Lạc', password: PASSWORD });
    expect(none.json().error.fields).toEqual([{ path: 'body.email', code: 'custom', message: 'Cần nhập thư điện tử hoặc số điện thoại.' }]);
  });
});

describe('business accounts', () => {
  it('refuses a bad or missing enterprise code, and business fields on a citizen account', async () => {
    const bad = await register(
      { accountType: 'business', fullName: 'Phạm Văn Đức', businessName: 'Công ty X', enterpriseCode: '12345-678', email: uniqueEmail(), password: PASSWORD },
      { lang: 'en' },
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual([
      {
        path: 'body.enterpriseCode',
        code: 'invalid_format',
        message: 'An enterprise code has 10 digits, or 13 written 10-3 for a dependent unit (e.g. 0100109106 or 0100109106-001).',
      },
    ]);
    const missing = await register({ accountType: 'business', fullName: 'Phạm Văn Đức', email: uniqueEmail(), password: PASSWORD });
    expect((missing.json().error.fields as Array<{ path: string }>).map((f) => f.path).sort()).toEqual(['body.businessName', 'body.enterpriseCode']);
    const citizen = await register({ accountType: 'citizen', fullName: 'Phạm Văn Đức', enterpriseCode: '0100109106', email: uniqueEmail(), password: PASSWORD });
    expect(citizen.json().error.fields).toEqual([{ path: 'body.enterpriseCode', code: 'custom', message: 'Chỉ tài khoản doanh nghiệp mới có tên và mã số doanh nghiệp.' }]);
  });

  it('registers a business held by a person; forms pre-fill the business with the holder as representative', async () => {
    const email = uniqueEmail();
    const res = await register({
      accountType: 'business',
      fullName: 'Phạm Văn Đức',
      businessName: 'Công ty TNHH Lam Sơn',
      enterpriseCode: '2800123456001',
      email,
      password: PASSWORD,
      idNumber: '038080001111',
    });
    expect(res.statusCode).toBe(202);
    expect(await userByEmail(email)).toMatchObject({ accountType: 'business', taxCode: '2800123456-001', businessName: 'Công ty TNHH Lam Sơn', displayName: 'Phạm Văn Đức' });
    await post('/api/v1/identity/citizen/email-confirmations', { token: linkToken(await mailTo(email, /Xác nhận/), '/xac-nhan-email') });
    const agent = await loginAs(t.app, { login: email, password: PASSWORD });
    const me = (await agent.get('/api/v1/identity/citizen/me')).json();
    expect(me).toMatchObject({ accountType: 'business', businessName: 'Công ty TNHH Lam Sơn', enterpriseCode: '2800123456-001', emailVerified: true });
    expect(me.applicant).toEqual({
      kind: 'organisation',
      name: 'Công ty TNHH Lam Sơn',
      idNumber: '2800123456-001',
      birthDate: null,
      phone: null,
      email,
      address: null,
      representative: { name: 'Phạm Văn Đức', idNumber: '038080001111', birthDate: null },
    });
  });
});

/** Registers by phone only and confirms it with the code the SMS gateway received. */
async function registerPhoneOnly(): Promise<{ phone: string; id: string }> {
  const phone = uniqueMobile();
  const res = await register({ accountType: 'citizen', fullName: 'Hoàng Thị Giang', phone: `+84 ${phone.slice(1, 4)} ${phone.slice(4)}`, password: PASSWORD });
  expect(res.json()).toEqual({ channel: 'sms' });
  const code = smsCode(await smsTo(phone));
  expect((await post('/api/v1/identity/citizen/phone-confirmations', { phone, code })).statusCode).toBe(200);
  return { phone, id: (await t.database.db.select().from(identityUsers).where(eq(identityUsers.phone, phone)))[0]!.id };
}

describe('registration by phone', () => {
  it('confirms by an SMS code: wrong codes are counted and the fifth burns the code; a new code then works', async () => {
    const phone = uniqueMobile();
    await register({ accountType: 'citizen', fullName: 'Hoàng Thị Giang', phone, password: PASSWORD });
    const first = smsCode(await smsTo(phone));
    expect((await smsTo(phone)).text).toMatch(/^\d{6} là mã xác nhận số điện thoại trên Cổng dịch vụ công, hiệu lực 10 phút/);
    const early = await login(phone, PASSWORD);
    expect(early.json().error.code).toBe('PHONE_NOT_CONFIRMED');

    const wrong = first === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) {
      const res = await post('/api/v1/identity/citizen/phone-confirmations', { phone, code: wrong });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('PHONE_CODE_INVALID');
    }
    // Burnt: the right code no longer works.
    expect((await post('/api/v1/identity/citizen/phone-confirmations', { phone, code: first })).json().error.code).toBe('PHONE_CODE_INVALID');
    const user = (await t.database.db.select().from(identityUsers).where(eq(identityUsers.phone, phone)))[0]!;
    expect(await audits(user.id, 'identity.citizen.phone-code-failed')).toHaveLength(5);

    expect((await post('/api/v1/identity/citizen/phone-confirmations/resend', { phone })).statusCode).toBe(202);
    const second = smsCode(await smsTo(phone, 2));
    const ok = await post('/api/v1/identity/citizen/phone-confirmations', { phone, code: second });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ phone });
    expect((await login(phone, PASSWORD)).statusCode).toBe(200);
    // Once SMS took the message, the outbox no longer holds the code.
    const rows = await t.database.db.select().from(notificationsOutbox).where(eq(notificationsOutbox.recipient, phone));
    expect(rows.every((r) => r.status === 'sent' && !r.renderedBody!.includes(second) && !JSON.stringify(r.params).includes(second))).toBe(true);
  });

  it('a registered phone gets a notice by SMS and the same answer; no code exists for it', async () => {
    const { phone } = await registerPhoneOnly();
    const again = await register({ accountType: 'citizen', fullName: 'Ai Đó', phone, password: PASSWORD });
    expect(again.json()).toEqual({ channel: 'sms' });
    const notice = await smsTo(phone, 2);
    expect(notice.text).toContain('Số điện thoại này đã có tài khoản');
    expect((await post('/api/v1/identity/citizen/phone-confirmations', { phone, code: '123456' })).json().error.code).toBe('PHONE_CODE_INVALID');
  });
});

describe('forgotten password', () => {
  it('same answer whether the account exists; the link sets the password once and ends every session', async () => {
    const { email, id } = await registerConfirmed();
    const session = await loginAs(t.app, { login: email, password: PASSWORD });
    const known = await post('/api/v1/identity/citizen/password-resets', { email });
    const unknown = await post('/api/v1/identity/citizen/password-resets', { email: uniqueEmail() });
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(known.json()).toEqual(unknown.json());

    const mail = await mailTo(email, /Đặt lại mật khẩu/);
    const token = linkToken(mail, '/dat-lai-mat-khau');
    const weak = await post('/api/v1/identity/citizen/password-resets/complete', { token, newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    const done = await post('/api/v1/identity/citizen/password-resets/complete', { token, newPassword: 'Mat-khau-moi-2027' });
    expect(done.statusCode).toBe(200);
    expect((await session.get('/api/v1/identity/me')).statusCode).toBe(401);
    expect((await login(email, PASSWORD)).statusCode).toBe(401);
    expect((await login(email, 'Mat-khau-moi-2027')).statusCode).toBe(200);
    expect((await post('/api/v1/identity/citizen/password-resets/complete', { token, newPassword: 'Lan-thu-hai-2027' })).json().error.code).toBe('TOKEN_USED');
    const [entry] = await audits(id, 'identity.citizen.password-reset');
    expect(entry!.actorId).toBe(id);
    expect(JSON.stringify(entry)).not.toContain('Mat-khau-moi-2027');
  });

  it('sends nothing for an officer or an unknown address, and a reset link expires after an hour', async () => {
    const officer = await createOfficer(t.database.db, 'specialist', await createOrgUnit(t.database.db));
    await post('/api/v1/identity/citizen/password-resets', { email: officer.user.email! });
    expect(await t.database.db.select().from(notificationsOutbox).where(eq(notificationsOutbox.recipient, officer.user.email!))).toEqual([]);

    const { email } = await registerConfirmed();
    await post('/api/v1/identity/citizen/password-resets', { email });
    const token = linkToken(await mailTo(email, /Đặt lại mật khẩu/), '/dat-lai-mat-khau');
    t.clock.advance(61 * 60_000);
    try {
      expect((await post('/api/v1/identity/citizen/password-resets/complete', { token, newPassword: 'Mat-khau-moi-2027' })).statusCode).toBe(410);
    } finally {
      t.clock.reset();
    }
  });

  it('a reset link confirms the unconfirmed e-mail it was sent to', async () => {
    const email = uniqueEmail();
    await register({ accountType: 'citizen', fullName: 'Quên Xác Nhận', email, password: PASSWORD });
    await post('/api/v1/identity/citizen/password-resets', { email });
    const token = linkToken(await mailTo(email, /Đặt lại mật khẩu/), '/dat-lai-mat-khau');
    await post('/api/v1/identity/citizen/password-resets/complete', { token, newPassword: 'Mat-khau-moi-2027' });
    expect((await login(email, 'Mat-khau-moi-2027')).statusCode).toBe(200);
  });
});

describe('profile', () => {
  it('reads and edits the profile; the channel must reach a confirmed contact; the ID number is checked', async () => {
    const { email } = await registerConfirmed({ idNumber: '038190099999' });
    const agent = await loginAs(t.app, { login: email, password: PASSWORD });
    const me = (await agent.get('/api/v1/identity/citizen/me')).json();
    expect(me).toMatchObject({ accountType: 'citizen', fullName: 'Lê Thị Hoa', email, emailVerified: true, phone: null, notificationChannel: 'email', idNumber: '038190099999' });
    const edit = {
      fullName: 'Lê Thị Hoa Mai',
      idNumber: '038190088888',
      birthDate: '1990-01-02',
      address: 'Thôn Đông, xã Ngọc Lặc',
      notificationChannel: 'email',
      version: me.version,
    };
    const sms = await agent.put('/api/v1/identity/citizen/me', { ...edit, notificationChannel: 'sms' });
    expect(sms.json().error.fields).toEqual([
      { path: 'body.notificationChannel', code: 'identity.errors.channelNeedsPhone', message: 'Cần có số điện thoại đã xác nhận để nhận thông báo qua SMS hoặc Zalo.' },
    ]);
    const badId = await agent.put('/api/v1/identity/citizen/me', { ...edit, idNumber: '0381900888' });
    expect(badId.statusCode).toBe(400);
    const ok = await agent.put('/api/v1/identity/citizen/me', edit);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ fullName: 'Lê Thị Hoa Mai', idNumber: '038190088888', version: me.version + 1 });
    expect(ok.json().applicant).toEqual({
      kind: 'person',
      name: 'Lê Thị Hoa Mai',
      idNumber: '038190088888',
      birthDate: '1990-01-02',
      phone: null,
      email,
      address: 'Thôn Đông, xã Ngọc Lặc',
      representative: null,
    });
    expect((await agent.put('/api/v1/identity/citizen/me', edit)).json().error.code).toBe('VERSION_CONFLICT');
    const [entry] = await audits(me.id, 'identity.citizen.profile-update');
    expect(entry).toMatchObject({ before: expect.objectContaining({ idNumber: '038190099999' }), after: expect.objectContaining({ idNumber: '038190088888' }) });
  });

  it('moves to a new e-mail only when its link is used, and adds a phone by SMS code', async () => {
    const { email, id } = await registerConfirmed();
    const agent = await loginAs(t.app, { login: email, password: PASSWORD });
    const next = uniqueEmail();
    expect((await agent.post('/api/v1/identity/citizen/me/email', { email: next })).statusCode).toBe(202);
    const pending = (await agent.get('/api/v1/identity/citizen/me')).json();
    expect(pending).toMatchObject({ email, pendingEmail: next });
    const mail = await mailTo(next, /Xác nhận/);
    expect(mail.text).toContain('Bạn vừa yêu cầu dùng địa chỉ thư điện tử này cho tài khoản của mình');
    await post('/api/v1/identity/citizen/email-confirmations', { token: linkToken(mail, '/xac-nhan-email') });
    expect((await agent.get('/api/v1/identity/citizen/me')).json()).toMatchObject({ email: next, emailVerified: true, pendingEmail: null });

    const phone = uniqueMobile();
    expect((await agent.post('/api/v1/identity/citizen/me/phone', { phone })).statusCode).toBe(202);
    const code = smsCode(await smsTo(phone));
    expect((await agent.post('/api/v1/identity/citizen/phone-confirmations', { phone, code })).statusCode).toBe(200);
    const me = (await agent.get('/api/v1/identity/citizen/me')).json();
    expect(me).toMatchObject({ phone, phoneVerified: true });
    expect(
      (await agent.put('/api/v1/identity/citizen/me', { fullName: me.fullName, idNumber: null, birthDate: null, address: null, notificationChannel: 'zalo', version: me.version }))
        .statusCode,
    ).toBe(200);
    expect(await audits(id, 'identity.citizen.phone-confirm')).toHaveLength(1);
  });

  it('is for portal accounts only: officers get 403, anonymous callers 401', async () => {
    const officer = await loginAs(t.app, await createOfficer(t.database.db, 'specialist', await createOrgUnit(t.database.db)));
    expect((await officer.get('/api/v1/identity/citizen/me')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/identity/citizen/me' })).statusCode).toBe(401);
  });
});

describe('request protections', () => {
  it('refuses a signed-in change without the CSRF token and changes nothing', async () => {
    const citizen = await createCitizen(t.database.db);
    const agent = await loginAs(t.app, citizen);
    const me = (await agent.get('/api/v1/identity/citizen/me')).json();
    const body = { fullName: 'Đổi Tên Trái Phép', idNumber: null, birthDate: null, address: null, notificationChannel: 'email', version: me.version };
    const res = await t.app.inject({ method: 'PUT', url: '/api/v1/identity/citizen/me', payload: body, headers: { cookie: `motcua_sid=${agent.cookies.motcua_sid}` } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_INVALID');
    const email = await t.app.inject({
      method: 'POST',
      url: '/api/v1/identity/citizen/me/email',
      payload: { email: uniqueEmail() },
      headers: { cookie: `motcua_sid=${agent.cookies.motcua_sid}` },
    });
    expect(email.statusCode).toBe(403);
    expect((await agent.get('/api/v1/identity/citizen/me')).json()).toMatchObject({ fullName: me.fullName, version: me.version, pendingEmail: null });
  });

  it('rate-limits registration, resends and reset requests per client address', async () => {
    for (const url of ['/api/v1/identity/citizen/registrations', '/api/v1/identity/citizen/email-confirmations/resend', '/api/v1/identity/citizen/password-resets']) {
      const ip = randomIp();
      const codes: number[] = [];
      // Invalid bodies: the limit counts requests, before any work is done.
      for (let i = 0; i < 11; i++) codes.push((await post(url, {}, { ip })).statusCode);
      expect(
        codes.slice(0, 10).every((c) => c === 400),
        url,
      ).toBe(true);
      expect(codes[10], url).toBe(429);
      expect((await post(url, {}, { ip })).json().error.code).toBe('RATE_LIMITED');
    }
  });

  it('stops sending confirmation links to one address after five in an hour', async () => {
    const email = uniqueEmail();
    await register({ accountType: 'citizen', fullName: 'Gửi Nhiều Lần', email, password: PASSWORD });
    for (let i = 0; i < 6; i++) expect((await post('/api/v1/identity/citizen/email-confirmations/resend', { email })).statusCode).toBe(202);
    const user = (await userByEmail(email))!;
    const tokens = await t.database.db.select().from(identityAccountTokens).where(eq(identityAccountTokens.userId, user.id));
    expect(tokens).toHaveLength(5);
    expect(tokens.filter((row) => row.revokedAt === null)).toHaveLength(1);
  });
});

describe('demo accounts', () => {
  it('the demo citizen and business sign in at once and their profiles pre-fill forms', async () => {
    const citizen = await loginAs(t.app, { login: 'citizen@example.vn', password: DEMO_PASSWORD });
    const me = (await citizen.get('/api/v1/identity/citizen/me')).json();
    expect(me.applicant).toMatchObject({
      kind: 'person',
      name: 'Nguyễn Văn An',
      idNumber: '038090001234',
      birthDate: '1990-05-12',
      phone: '0987654321',
      email: 'citizen@example.vn',
    });
    const business = await loginAs(t.app, { login: 'doanhnghiep@example.vn', password: DEMO_PASSWORD });
    expect((await business.get('/api/v1/identity/citizen/me')).json().applicant).toMatchObject({
      kind: 'organisation',
      name: 'Công ty TNHH Thương mại Hạc Thành',
      idNumber: '2801234567',
    });
  });
});
