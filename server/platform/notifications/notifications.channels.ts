import type { FastifyBaseLogger } from 'fastify';
import { createSmtpTransport } from './smtp-transport';
import { createBrandnameSmsChannel } from './sms-gateway';
import { createZaloZnsChannel, parseZaloTemplates } from './zalo-zns';

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
  /** The outbox row's id: the same on every try, so a gateway that deduplicates by request id sends it once. */
  reference?: string;
}

/** A Zalo (ZNS) template message: the notification template's key, the values of its approved ZNS parameters. */
export interface OutgoingZalo {
  to: string;
  templateKey: string;
  data: Record<string, string>;
  /** The outbox row's id, sent as ZNS `tracking_id`. */
  trackingId: string;
  /** The rendered text, for logs and sinks that show it (ZNS itself shows its approved template). */
  text: string;
}

/** What a channel reports about an accepted message. */
export interface SendReceipt {
  /** The provider's id for the message (ZNS msg_id, the SMS gateway's id), kept on the outbox row. */
  providerMessageId?: string;
  /** The text exactly as it left, when the channel changed it (an SMS without diacritics, cut to its parts). */
  text?: string;
}

/** Sends e-mail; throws to have the delivery retried, or PermanentDeliveryError when retrying cannot help. */
export interface MailTransport {
  /** Recorded on each delivered message ('smtp', 'development', ...). */
  readonly name: string;
  /** False when messages do not leave the system (development): the outbox page says so. */
  readonly live: boolean;
  send(mail: OutgoingMail, log: FastifyBaseLogger): Promise<SendReceipt | void>;
  /** Releases connections at shutdown. */
  close?(): Promise<void>;
}

/** Sends SMS through a gateway; same error contract as MailTransport. */
export interface SmsChannel {
  readonly name: string;
  readonly live: boolean;
  send(sms: OutgoingSms, log: FastifyBaseLogger): Promise<SendReceipt | void>;
  close?(): Promise<void>;
}

/** Sends Zalo template messages; same error contract as MailTransport. */
export interface ZaloChannel {
  readonly name: string;
  readonly live: boolean;
  /** Whether this channel can send the notification template (ZNS: an approved template id is configured for it). */
  accepts(templateKey: string): boolean;
  send(message: OutgoingZalo, log: FastifyBaseLogger): Promise<SendReceipt | void>;
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

/** Development SMS: logged and shown on the outbox page, never sent. */
export const developmentSmsChannel: SmsChannel = {
  name: 'development',
  live: false,
  async send(sms, log) {
    log.info({ to: sms.to, length: sms.text.length }, 'SMS not sent (development channel): see the outbox page');
  },
};

/** Development Zalo: every template with a Zalo mapping is accepted, logged and shown on the outbox page, never sent. */
export const developmentZaloChannel: ZaloChannel = {
  name: 'development',
  live: false,
  accepts: () => true,
  async send(message, log) {
    log.info({ to: message.to, template: message.templateKey, parameters: Object.keys(message.data) }, 'Zalo message not sent (development channel): see the outbox page');
  },
};

/** The channels deliveries go through. */
export interface NotificationChannels {
  mail: MailTransport;
  sms: SmsChannel;
  zalo: ZaloChannel;
}

let channels: NotificationChannels = { mail: developmentMailTransport, sms: developmentSmsChannel, zalo: developmentZaloChannel };

/** Replaces some of the channels (start-up wiring, tests with fakes). */
export function configureNotificationChannels(next: Partial<NotificationChannels>): void {
  channels = { ...channels, ...next };
}

/** The channels currently in use. */
export function notificationChannels(): NotificationChannels {
  return channels;
}

/** The settings of each channel; a channel with some but not all of its required settings stops start-up. */
const GROUPS = {
  mail: { label: 'E-mail', names: ['SMTP_URL', 'MAIL_FROM', 'SMTP_CA_FILE'], required: ['SMTP_URL', 'MAIL_FROM'] },
  sms: {
    label: 'SMS',
    names: ['SMS_GATEWAY_URL', 'SMS_BRANDNAME', 'SMS_API_KEY', 'SMS_USERNAME', 'SMS_PASSWORD', 'SMS_UNICODE', 'SMS_MAX_SEGMENTS'],
    required: ['SMS_GATEWAY_URL', 'SMS_BRANDNAME'],
  },
  zalo: {
    label: 'Zalo',
    names: ['ZALO_APP_ID', 'ZALO_APP_SECRET', 'ZALO_REFRESH_TOKEN', 'ZALO_ACCESS_TOKEN', 'ZALO_ZNS_TEMPLATES', 'ZALO_ZNS_URL', 'ZALO_OAUTH_URL'],
    required: ['ZALO_APP_ID', 'ZALO_APP_SECRET', 'ZALO_REFRESH_TOKEN', 'ZALO_ZNS_TEMPLATES'],
  },
} as const;

/** True when the channel is configured; throws when it is half-configured (names only, never values). */
function configured(env: NodeJS.ProcessEnv, group: keyof typeof GROUPS): boolean {
  const { label, names, required } = GROUPS[group];
  const set = names.filter((n) => env[n]?.trim());
  if (!set.length) return false;
  const missing = required.filter((n) => !env[n]?.trim());
  if (missing.length)
    throw new Error(
      `${label} is half-configured: ${set.join(', ')} ${set.length > 1 ? 'are' : 'is'} set but ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing; set all of ${required.join(', ')} or none of ${names.join(', ')}`,
    );
  return true;
}

function flag(env: NodeJS.ProcessEnv, name: string): boolean {
  const v = env[name]?.trim().toLowerCase();
  if (!v || v === 'false' || v === '0') return false;
  if (v === 'true' || v === '1') return true;
  throw new Error(`${name} must be true or false`);
}

/**
 * Chooses channels from the environment; without a channel's settings it uses its development sink (messages are
 * recorded on the outbox page, nothing leaves). Throws at start-up on an unusable or half-set configuration.
 * - E-mail: SMTP_URL (smtp://user:pass@host:587, STARTTLS required; smtps://… for implicit TLS; `?tls=off` only for a
 *   relay on a trusted network) with MAIL_FROM and optional SMTP_CA_FILE.
 * - SMS (brand-name gateway, sms-gateway.ts): SMS_GATEWAY_URL (https://…), SMS_BRANDNAME (registered sender, ≤ 11
 *   characters), and SMS_API_KEY (bearer) or SMS_USERNAME + SMS_PASSWORD (HTTP Basic); optional SMS_UNICODE=true
 *   (send diacritics, UCS-2: 70 characters per part instead of 160) and SMS_MAX_SEGMENTS (default 3).
 * - Zalo (ZNS, zalo-zns.ts): ZALO_APP_ID, ZALO_APP_SECRET, ZALO_REFRESH_TOKEN, ZALO_ZNS_TEMPLATES
 *   (`<template key>=<ZNS template id>,…`); optional ZALO_ACCESS_TOKEN, ZALO_ZNS_URL, ZALO_OAUTH_URL.
 */
export function channelsFromEnv(env: NodeJS.ProcessEnv = process.env): NotificationChannels {
  const mail = configured(env, 'mail')
    ? createSmtpTransport({ url: env.SMTP_URL!.trim(), from: env.MAIL_FROM ?? '', caFile: env.SMTP_CA_FILE || undefined })
    : developmentMailTransport;
  let sms: SmsChannel = developmentSmsChannel;
  if (configured(env, 'sms')) {
    const segments = env.SMS_MAX_SEGMENTS?.trim();
    sms = createBrandnameSmsChannel({
      url: env.SMS_GATEWAY_URL!.trim(),
      brandname: env.SMS_BRANDNAME!,
      apiKey: env.SMS_API_KEY?.trim() || undefined,
      username: env.SMS_USERNAME?.trim() || undefined,
      password: env.SMS_PASSWORD || undefined,
      unicode: flag(env, 'SMS_UNICODE'),
      maxSegments: segments ? Number(segments) : undefined,
    });
  }
  let zalo: ZaloChannel = developmentZaloChannel;
  if (configured(env, 'zalo')) {
    zalo = createZaloZnsChannel({
      appId: env.ZALO_APP_ID!.trim(),
      appSecret: env.ZALO_APP_SECRET!.trim(),
      refreshToken: env.ZALO_REFRESH_TOKEN!.trim(),
      accessToken: env.ZALO_ACCESS_TOKEN?.trim() || undefined,
      templates: parseZaloTemplates(env.ZALO_ZNS_TEMPLATES!),
      znsUrl: env.ZALO_ZNS_URL?.trim() || undefined,
      oauthUrl: env.ZALO_OAUTH_URL?.trim() || undefined,
    });
  }
  return { mail, sms, zalo };
}
