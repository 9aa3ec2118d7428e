// A real SMTP server on 127.0.0.1 (the smtp-server package) that keeps what it receives, for tests and journeys that
// follow a mail the application sent through its real SMTP transport (SMTP_URL=smtp://127.0.0.1:<port>?tls=off).
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One received message, headers unfolded and decoded, body decoded to text. */
export interface SunkMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  headers: Record<string, string>;
}

/** Quoted-printable to bytes (RFC 2045 §6.7). */
function qpBytes(text: string): Buffer {
  const s = text.replace(/=\r?\n/g, '');
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

/** Decodes RFC 2047 encoded words (B and Q), joining adjacent words as bytes. */
function decodeWords(value: string): string {
  const word = /=\?UTF-8\?([BQ])\?([^?]*)\?=/gi;
  return value.replace(/(?:=\?UTF-8\?[BQ]\?[^?]*\?=\s*)+/gi, (run) => {
    const parts = [...run.matchAll(word)].map(([, enc, data]) => (enc!.toUpperCase() === 'B' ? Buffer.from(data!, 'base64') : qpBytes(data!.replace(/_/g, ' '))));
    return Buffer.concat(parts).toString('utf8') + (/\s$/.test(run) ? ' ' : '');
  });
}

/** Splits a single-part message into its unfolded, decoded headers and decoded body. */
export function parseMail(raw: string): { headers: Record<string, string>; text: string } {
  const at = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, at);
  const body = raw.slice(at + 4);
  const headers: Record<string, string> = {};
  for (const line of head.split(/\r\n(?![ \t])/)) {
    const i = line.indexOf(':');
    headers[line.slice(0, i).toLowerCase()] = decodeWords(
      line
        .slice(i + 1)
        .replace(/\r\n[ \t]/g, ' ')
        .trim(),
    );
  }
  const encoding = headers['content-transfer-encoding']?.toLowerCase();
  const text = encoding === 'base64' ? Buffer.from(body.replace(/\r\n/g, ''), 'base64').toString('utf8') : encoding === 'quoted-printable' ? qpBytes(body).toString('utf8') : body;
  return { headers, text: text.replace(/\r\n/g, '\n') };
}

/** A listening SMTP sink; `waitFor` resolves with the first message matching a predicate. */
export class MailSink {
  readonly mails: SunkMail[] = [];
  private readonly server: SMTPServer;
  private waiters: Array<{ match: (m: SunkMail) => boolean; resolve: (m: SunkMail) => void }> = [];
  port = 0;

  constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const { headers, text } = parseMail(Buffer.concat(chunks).toString('utf8'));
          const mail: SunkMail = {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: headers.subject ?? '',
            text,
            headers,
          };
          this.mails.push(mail);
          this.waiters = this.waiters.filter((w) => (w.match(mail) ? (w.resolve(mail), false) : true));
          callback();
        });
      },
    });
  }

  /** Listens on `port` (0: any free port) and returns the port. */
  async listen(port = 0): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.server.address() as AddressInfo).port;
    return this.port;
  }

  /** The SMTP_URL that reaches this sink. */
  get url(): string {
    return `smtp://127.0.0.1:${this.port}?tls=off`;
  }

  /** The first message (already received or still to come) that matches, or a rejection after `timeoutMs`. */
  waitFor(match: (m: SunkMail) => boolean, timeoutMs = 15_000): Promise<SunkMail> {
    const found = this.mails.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.resolve !== done);
        reject(new Error(`no mail matched within ${timeoutMs} ms; received: ${this.mails.map((m) => `${m.to.join(',')} "${m.subject}"`).join('; ')}`));
      }, timeoutMs);
      const done = (m: SunkMail) => {
        clearTimeout(timer);
        resolve(m);
      };
      this.waiters.push({ match, resolve: done });
    });
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** The secret of the first portal link to `path` in a mail's text (`?token=…`). */
export function linkToken(mail: SunkMail, path: string): string {
  const m = new RegExp(`${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\?token=([A-Za-z0-9_-]+)`).exec(mail.text);
  if (!m) throw new Error(`no ${path} link in mail "${mail.subject}": ${mail.text}`);
  return m[1]!;
}
