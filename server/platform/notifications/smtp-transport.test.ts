import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { channelsFromEnv } from './notifications.channels';
import { PermanentDeliveryError } from './notifications.errors';
import { createSmtpTransport } from './smtp-transport';
import { FakeSmtpServer } from './test/fake-smtp-server';

const silent = { info: () => undefined } as never;
const mail = {
  to: 'cong.dan@example.vn',
  subject: 'Hồ sơ H001 đã được tiếp nhận — Trung tâm Phục vụ hành chính công tỉnh',
  text: 'Kính gửi ông Nguyễn Văn An,\n.dòng bắt đầu bằng dấu chấm\nTrân trọng.',
};
const FROM = 'Trung tâm Phục vụ hành chính công <noreply@motcua.test>';

/** Quoted-printable to bytes (RFC 2045 §6.7). */
function qpBytes(text: string): Buffer {
  const s = text.replace(/=\r\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const hex = s.slice(i + 1, i + 3);
    if (s[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(s[i]!, 'utf8'));
    }
  }
  return Buffer.from(bytes);
}

/** Decodes RFC 2047 encoded words (B and Q; adjacent words joined as bytes): the test's own reading of a header. */
function decodeWords(value: string): string {
  const word = /=\?UTF-8\?([BQ])\?([^?]*)\?=/gi;
  return value.replace(/(?:=\?UTF-8\?[BQ]\?[^?]*\?=\s*)+/gi, (run) => {
    const parts = [...run.matchAll(word)].map(([, enc, data]) => (enc!.toUpperCase() === 'B' ? Buffer.from(data!, 'base64') : qpBytes(data!.replace(/_/g, ' '))));
    return Buffer.concat(parts).toString('utf8') + (/\s$/.test(run) ? ' ' : '');
  });
}

/** Splits what the server received into unfolded headers and the decoded body. */
function parseMessage(data: string): { headers: Record<string, string>; body: string } {
  const at = data.indexOf('\r\n\r\n');
  const head = data.slice(0, at);
  const raw = data.slice(at + 4);
  const headers: Record<string, string> = {};
  for (const line of head.split(/\r\n(?![ \t])/)) {
    const i = line.indexOf(':');
    headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
  }
  const encoding = headers['content-transfer-encoding']?.toLowerCase();
  const body = encoding === 'base64' ? Buffer.from(raw.replace(/\r\n/g, ''), 'base64').toString('utf8') : encoding === 'quoted-printable' ? qpBytes(raw).toString('utf8') : raw;
  return { headers, body };
}

// A throw-away self-signed certificate for 127.0.0.1 (openssl ships with every supported platform image).
let tlsKeys: { key: string; cert: string } | null = null;
let certDir = '';
beforeAll(() => {
  certDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-smtp-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      path.join(certDir, 'key.pem'),
      '-out',
      path.join(certDir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  tlsKeys = { key: fs.readFileSync(path.join(certDir, 'key.pem'), 'utf8'), cert: fs.readFileSync(path.join(certDir, 'cert.pem'), 'utf8') };
});
afterAll(() => fs.rmSync(certDir, { recursive: true, force: true }));

const servers: FakeSmtpServer[] = [];
async function serve(options: ConstructorParameters<typeof FakeSmtpServer>[0]) {
  const server = new FakeSmtpServer({ ...tlsKeys!, ...options });
  servers.push(server);
  await server.listen();
  return server;
}
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

/** The verbs the server saw, in order. */
const verbs = (server: FakeSmtpServer, i = 0) => server.sessions[i]!.commands.map((c) => c.split(' ')[0]);

describe('SMTP transport', () => {
  it('sends over STARTTLS with AUTH PLAIN, a verified certificate and a UTF-8 message', async () => {
    const server = await serve({ mode: 'starttls', auth: ['PLAIN', 'LOGIN'] });
    const transport = createSmtpTransport({ url: `smtp://mailer:p%40ss@127.0.0.1:${server.port}`, from: FROM, ca: tlsKeys!.cert, timeoutMs: 5000 });
    await transport.send(mail, silent);
    const [s] = server.sessions;
    expect(s).toMatchObject({ secure: true, authUser: 'mailer', authPass: 'p@ss', from: 'MAIL FROM:<noreply@motcua.test>', to: 'RCPT TO:<cong.dan@example.vn>' });
    expect(verbs(server).slice(0, 7)).toEqual(['EHLO', 'STARTTLS', 'EHLO', 'AUTH', 'MAIL', 'RCPT', 'DATA']);
    const { headers, body } = parseMessage(s!.data!);
    expect(decodeWords(headers.subject!)).toBe(mail.subject);
    expect(decodeWords(headers.from!)).toBe(FROM);
    expect(headers.to).toContain('cong.dan@example.vn');
    expect(headers['content-type']).toMatch(/^text\/plain; charset=utf-8$/i);
    expect(headers['auto-submitted']).toBe('auto-generated');
    // The line starting with a dot survived dot-stuffing both ways.
    expect(body).toBe(mail.text.replace(/\n/g, '\r\n'));
  });

  it('refuses a server certificate it cannot verify', async () => {
    const server = await serve({ mode: 'starttls', auth: ['PLAIN'] });
    const transport = createSmtpTransport({ url: `smtp://mailer:secret@127.0.0.1:${server.port}`, from: FROM, timeoutMs: 5000 });
    const err = await transport.send(mail, silent).catch((e: unknown) => e);
    expect(String(err)).toMatch(/self-signed|certificate/i);
    expect(err).not.toBeInstanceOf(PermanentDeliveryError);
    expect(verbs(server)).toEqual(['EHLO', 'STARTTLS']);
    expect(server.sessions[0]!.authPass).toBeUndefined();
    expect(server.sessions[0]!.data).toBeUndefined();
  });

  it('trusts the CA named by SMTP_CA_FILE', async () => {
    const server = await serve({ mode: 'starttls' });
    const { mail: transport } = channelsFromEnv({ SMTP_URL: `smtp://127.0.0.1:${server.port}`, MAIL_FROM: FROM, SMTP_CA_FILE: path.join(certDir, 'cert.pem') });
    await transport.send(mail, silent);
    expect(server.sessions[0]).toMatchObject({ secure: true, to: 'RCPT TO:<cong.dan@example.vn>' });
    expect(server.sessions[0]!.data).toBeDefined();
  });

  it('speaks implicit TLS for smtps:// and falls back to AUTH LOGIN', async () => {
    const server = await serve({ mode: 'implicit', auth: ['LOGIN'] });
    const transport = createSmtpTransport({ url: `smtps://mailer:secret@127.0.0.1:${server.port}`, from: 'noreply@motcua.test', ca: tlsKeys!.cert, timeoutMs: 5000 });
    await transport.send(mail, silent);
    expect(server.sessions[0]).toMatchObject({ secure: true, authUser: 'mailer', authPass: 'secret' });
    expect(verbs(server)).not.toContain('STARTTLS');
    expect(server.sessions[0]!.data).toBeDefined();
  });

  it('requires STARTTLS unless the URL opts out for a trusted relay', async () => {
    const server = await serve({ mode: 'plain', auth: ['PLAIN'] });
    const strict = createSmtpTransport({ url: `smtp://mailer:secret@127.0.0.1:${server.port}`, from: FROM, timeoutMs: 5000 });
    const err = await strict.send(mail, silent).catch((e: unknown) => e);
    expect(String(err)).toMatch(/STARTTLS/);
    // The server's 502 to STARTTLS is a configuration fault, not a verdict on this message.
    expect(err).not.toBeInstanceOf(PermanentDeliveryError);
    expect(server.sessions[0]!.authPass).toBeUndefined();
    expect(server.sessions[0]!.data).toBeUndefined();

    const relay = createSmtpTransport({ url: `smtp://127.0.0.1:${server.port}?tls=off`, from: FROM, timeoutMs: 5000 });
    await relay.send(mail, silent);
    expect(server.sessions[1]!.data).toBeDefined();

    // tls=off means no TLS at all, even when offered (a relay whose certificate nobody can verify).
    const offering = await serve({ mode: 'starttls' });
    await createSmtpTransport({ url: `smtp://127.0.0.1:${offering.port}?tls=off`, from: FROM, timeoutMs: 5000 }).send(mail, silent);
    expect(offering.sessions[0]).toMatchObject({ secure: false, to: 'RCPT TO:<cong.dan@example.vn>' });
    expect(verbs(offering)).not.toContain('STARTTLS');
  });

  it('treats a 5xx to the recipient or the message as permanent', async () => {
    const rcpt = await serve({ mode: 'plain', reject: { RCPT: '550 5.1.1 no such user' } });
    const unknownUser = await createSmtpTransport({ url: `smtp://127.0.0.1:${rcpt.port}?tls=off`, from: FROM, timeoutMs: 5000 })
      .send(mail, silent)
      .catch((e: unknown) => e);
    expect(unknownUser).toBeInstanceOf(PermanentDeliveryError);
    expect(String(unknownUser)).toMatch(/550 5\.1\.1 no such user/);

    const content = await serve({ mode: 'plain', reject: { MESSAGE: '554 5.7.1 message refused' } });
    const refused = await createSmtpTransport({ url: `smtp://127.0.0.1:${content.port}?tls=off`, from: FROM, timeoutMs: 5000 })
      .send(mail, silent)
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PermanentDeliveryError);
    expect(String(refused)).toMatch(/554 5\.7\.1 message refused/);
  });

  it('retries a temporary refusal and a configuration fault', async () => {
    const cases = [{ DATA: '451 4.3.0 try later' }, { RCPT: '450 4.2.0 mailbox busy' }, { AUTH: '535 5.7.8 bad credentials' }, { MAIL: '553 5.7.1 sender not allowed' }];
    for (const reject of cases) {
      const server = await serve({ mode: 'plain', auth: ['PLAIN'], reject });
      const err = await createSmtpTransport({ url: `smtp://mailer:secret@127.0.0.1:${server.port}?tls=off`, from: FROM, timeoutMs: 5000 })
        .send(mail, silent)
        .catch((e: unknown) => e);
      expect(err, JSON.stringify(reject)).toBeInstanceOf(Error);
      expect(err, JSON.stringify(reject)).not.toBeInstanceOf(PermanentDeliveryError);
      expect(String(err)).toContain(Object.values(reject)[0]);
    }
  });

  it('rejects an address that could inject commands before connecting', async () => {
    const server = await serve({ mode: 'plain' });
    const transport = createSmtpTransport({ url: `smtp://127.0.0.1:${server.port}?tls=off`, from: FROM, timeoutMs: 5000 });
    for (const to of ['a@b.vn>\r\nRCPT TO:<x@y.vn', 'a@b.vn, x@y.vn', 'Công dân <a@b.vn>']) {
      await expect(transport.send({ ...mail, to }, silent)).rejects.toBeInstanceOf(PermanentDeliveryError);
    }
    expect(server.sessions).toHaveLength(0);
  });

  it('keeps line breaks in the subject out of the headers', async () => {
    const server = await serve({ mode: 'plain' });
    const transport = createSmtpTransport({ url: `smtp://127.0.0.1:${server.port}?tls=off`, from: FROM, timeoutMs: 5000 });
    await transport.send({ ...mail, subject: 'Một\r\nBcc: x@y.vn' }, silent);
    const data = server.sessions[0]!.data!;
    expect(data.slice(0, data.indexOf('\r\n\r\n'))).not.toMatch(/^Bcc:/im);
    expect(server.sessions[0]!.commands.filter((c) => c.startsWith('RCPT'))).toEqual(['RCPT TO:<cong.dan@example.vn>']);
  });

  it('fails when the server is down (retryable)', async () => {
    const server = await serve({ mode: 'plain' });
    const port = server.port;
    await servers.pop()!.close();
    const transport = createSmtpTransport({ url: `smtp://127.0.0.1:${port}?tls=off`, from: FROM, timeoutMs: 5000 });
    const err = await transport.send(mail, silent).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err).not.toBeInstanceOf(PermanentDeliveryError);
  });
});

describe('configuration from the environment', () => {
  it('uses the development transport without SMTP_URL', () => {
    expect(channelsFromEnv({}).mail).toMatchObject({ name: 'development', live: false });
  });

  it('stops start-up on an unusable SMTP configuration', () => {
    expect(() => channelsFromEnv({ SMTP_URL: 'http://mail.example.vn', MAIL_FROM: FROM })).toThrow(/smtp:\/\/ or smtps:\/\//);
    expect(() => channelsFromEnv({ SMTP_URL: 'smtp://mail.example.vn:587' })).toThrow(/MAIL_FROM/);
    expect(() => channelsFromEnv({ SMTP_URL: 'smtp://mail.example.vn:587', MAIL_FROM: 'a@b.vn, c@d.vn' })).toThrow(/MAIL_FROM/);
    expect(() => channelsFromEnv({ SMTP_URL: 'smtp://mail.example.vn?tls=maybe', MAIL_FROM: FROM })).toThrow(/tls=off/);
    expect(() => channelsFromEnv({ SMTP_URL: 'smtps://mail.example.vn', MAIL_FROM: FROM, SMTP_CA_FILE: path.join(certDir, 'missing.pem') })).toThrow(/ENOENT/);
    expect(channelsFromEnv({ SMTP_URL: 'smtps://u:p@mail.example.vn', MAIL_FROM: FROM }).mail).toMatchObject({ name: 'smtp', live: true });
  });
});
