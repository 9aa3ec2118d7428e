import type { FastifyBaseLogger } from 'fastify';
import { createSmtpTransport } from './smtp-transport';

export { PermanentDeliveryError } from './notifications.errors';

/** An e-mail ready for a transport: plain text, UTF-8. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/** An SMS ready for a gateway. */
export interface OutgoingSms {
  to: string;
  text: string;
}

/** Sends e-mail; throws to have the delivery retried, or PermanentDeliveryError when retrying cannot help. */
export interface MailTransport {
  /** Recorded on each delivered message ('smtp', 'development', ...). */
  readonly name: string;
  /** False when messages do not leave the system (development): the outbox page says so. */
  readonly live: boolean;
  send(mail: OutgoingMail, log: FastifyBaseLogger): Promise<void>;
  /** Releases connections at shutdown. */
  close?(): Promise<void>;
}

/** Sends SMS through a gateway; same error contract as MailTransport. */
export interface SmsChannel {
  readonly name: string;
  readonly live: boolean;
  send(sms: OutgoingSms, log: FastifyBaseLogger): Promise<void>;
  close?(): Promise<void>;
}

/** Development e-mail: nothing leaves the machine; the message is logged and shown on the outbox page. */
export const developmentMailTransport: MailTransport = {
  name: 'development',
  live: false,
  async send(mail, log) {
    log.info({ to: mail.to, subject: mail.subject }, 'e-mail not sent (development transport): see the outbox page');
  },
};

/** Development SMS: logged and shown on the outbox page, never sent (no gateway is integrated yet). */
export const developmentSmsChannel: SmsChannel = {
  name: 'development',
  live: false,
  async send(sms, log) {
    log.info({ to: sms.to, length: sms.text.length }, 'SMS not sent (development channel): see the outbox page');
  },
};

/** The channels deliveries go through. */
export interface NotificationChannels {
  mail: MailTransport;
  sms: SmsChannel;
}

let channels: NotificationChannels = { mail: developmentMailTransport, sms: developmentSmsChannel };

/** Replaces the e-mail transport and/or SMS channel (start-up wiring, tests with fakes, an SMS gateway module). */
export function configureNotificationChannels(next: Partial<NotificationChannels>): void {
  channels = { ...channels, ...next };
}

/** The channels currently in use. */
export function notificationChannels(): NotificationChannels {
  return channels;
}

/**
 * Chooses channels from the environment: SMTP_URL (smtp://user:pass@host:587, STARTTLS required; smtps://… for
 * implicit TLS; `?tls=off` only for a relay on a trusted network) with MAIL_FROM and optional SMTP_CA_FILE;
 * without SMTP_URL e-mail uses the development transport. Throws at start-up on an unusable configuration.
 */
export function channelsFromEnv(env: NodeJS.ProcessEnv = process.env): NotificationChannels {
  const smtpUrl = env.SMTP_URL?.trim();
  const mail = smtpUrl ? createSmtpTransport({ url: smtpUrl, from: env.MAIL_FROM ?? '', caFile: env.SMTP_CA_FILE || undefined }) : developmentMailTransport;
  return { mail, sms: developmentSmsChannel };
}
