import fs from 'node:fs';
import nodemailer, { type NodemailerError } from 'nodemailer';
import addressparser from 'nodemailer/lib/addressparser';
import type { MailTransport, OutgoingMail } from './notifications.channels';
import { PermanentDeliveryError } from './notifications.errors';

/** Where and how to reach the SMTP server. */
export interface SmtpSettings {
  /** smtp://user:pass@host:587 (STARTTLS required), smtps://… (implicit TLS), smtp://host:25?tls=off (trusted relay only). */
  url: string;
  /** Sender, `Name <address>` or `address`. */
  from: string;
  /** PEM file of the CA that signed the server's certificate (an internal CA); the system CAs otherwise. */
  caFile?: string;
  /** PEM text of that CA (tests). */
  ca?: string;
  timeoutMs?: number;
}

// A plain ASCII mailbox with no characters that could break out of an SMTP command or header.
const ADDRESS = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

/** True for an address this transport can send to (ASCII; no SMTPUTF8): the outbox skips the others at enqueue. */
export function isMailAddress(value: string): boolean {
  return value.length <= 254 && ADDRESS.test(value);
}

interface SmtpTarget {
  host: string;
  port: number;
  implicitTls: boolean;
  startTls: boolean;
  user?: string;
  pass?: string;
}

function parseUrl(raw: string): SmtpTarget {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new Error('SMTP_URL is not a valid URL (expected smtp://user:password@host:587 or smtps://…)');
  }
  if (u.protocol !== 'smtp:' && u.protocol !== 'smtps:') throw new Error(`SMTP_URL must start with smtp:// or smtps://, got ${u.protocol}//`);
  if (!u.hostname) throw new Error('SMTP_URL has no host');
  const implicitTls = u.protocol === 'smtps:';
  const tlsParam = u.searchParams.get('tls');
  if (tlsParam !== null && tlsParam !== 'off') throw new Error('SMTP_URL: the only accepted option is tls=off');
  return {
    host: u.hostname.replace(/^\[|\]$/g, ''),
    port: u.port ? Number(u.port) : implicitTls ? 465 : 587,
    implicitTls,
    startTls: !implicitTls && tlsParam !== 'off',
    ...(u.username ? { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) } : {}),
  };
}

function parseFrom(raw: string): { name: string; address: string } {
  const [sender, ...more] = addressparser(raw.trim(), { flatten: true });
  if (!sender || more.length > 0 || !isMailAddress(sender.address)) {
    throw new Error('MAIL_FROM must be set to one sender address, e.g. "Trung tâm Phục vụ hành chính công <noreply@example.gov.vn>"');
  }
  return sender;
}

// Only a 5xx to the recipient (RCPT TO) or to the message (DATA and its final dot) says this message can never
// go through. A 5xx elsewhere (STARTTLS refused, AUTH 535, MAIL FROM 553) is a configuration fault that would
// fail every message alike, so it stays retryable and shows up on the outbox page instead of discarding mail.
// 503 (bad sequence of commands) is a session fault, not a verdict on the message (nodemailer's `permanent` flag agrees).
const MESSAGE_COMMANDS = new Set(['RCPT TO', 'DATA']);

function isPermanent(err: NodemailerError): boolean {
  const code = err.responseCode;
  return typeof code === 'number' && code >= 500 && code !== 503 && MESSAGE_COMMANDS.has(err.command ?? '');
}

/**
 * E-mail over SMTP with nodemailer: TLS required (certificates verified) unless the URL says `tls=off`, plain-text
 * UTF-8 body. A 5xx answer to the recipient or to the message is a PermanentDeliveryError; everything else
 * (timeouts, 4xx, a down server, a refused login or STARTTLS) is thrown as is, so the delivery is retried.
 */
export function createSmtpTransport(settings: SmtpSettings): MailTransport {
  const target = parseUrl(settings.url);
  const from = parseFrom(settings.from);
  const ca = settings.ca ?? (settings.caFile ? fs.readFileSync(settings.caFile, 'utf8') : undefined);
  // Bounded well under the outbox's `sending` lease (600 s), so a stuck server cannot outlive the claim.
  const timeoutMs = settings.timeoutMs ?? 30_000;

  // Not pooled: each delivery job sends one message and retries are minutes apart, so a connection per message
  // costs little and leaves no idle sockets to keep alive, no state shared between jobs, and nothing to drain at
  // shutdown; a broken session fails only the message it carried.
  const transporter = nodemailer.createTransport({
    host: target.host,
    port: target.port,
    secure: target.implicitTls,
    requireTLS: target.startTls,
    ignoreTLS: !target.implicitTls && !target.startTls,
    ...(target.user !== undefined ? { auth: { user: target.user, pass: target.pass ?? '' } } : {}),
    tls: { rejectUnauthorized: true, ...(ca ? { ca } : {}) },
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    // Messages are rendered templates: never let a message option read a local file or fetch a URL.
    disableFileAccess: true,
    disableUrlAccess: true,
  });

  return {
    name: 'smtp',
    live: true,
    async send(mail: OutgoingMail) {
      // Nodemailer would read "a@b.vn, c@d.vn" as two recipients; one checked mailbox is all a message may have.
      if (!isMailAddress(mail.to)) throw new PermanentDeliveryError(`not a deliverable e-mail address: ${mail.to.slice(0, 100)}`);
      try {
        await transporter.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, headers: { 'Auto-Submitted': 'auto-generated' } });
      } catch (err) {
        if (err instanceof Error && isPermanent(err)) throw new PermanentDeliveryError(err.message.slice(0, 500), { cause: err });
        throw err;
      }
    },
    async close() {
      transporter.close();
    },
  };
}
