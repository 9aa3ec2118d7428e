// Brand-name SMS over HTTP, in the style of Vietnamese telecom brand-name gateways: one JSON POST per message over
// HTTPS carrying the registered brand name (the sender shown on the phone), the number as 84xxxxxxxxx and the text
// prepared by sms-text.ts (without diacritics unless the brand name is registered for Unicode).
//
// Request:  POST SMS_GATEWAY_URL
//           Authorization: Bearer <SMS_API_KEY>        (or Basic <SMS_USERNAME:SMS_PASSWORD>)
//           {"brandname":"UBND TINH","phone":"84912345678","message":"…","unicode":false,"requestId":"<outbox id>"}
// Answer:   2xx = accepted (an id in `messageId`, `smsId` or `id` is kept as the provider's reference);
//           409 = this requestId was already accepted (an earlier try whose answer was lost): counted as sent;
//           any other 4xx (400 bad number or refused content, 413 too long, 422 …) = permanent for this message;
//           401/403 (credentials, unregistered brand name, address not allowed), 404 (wrong URL), 408, 425, 429 and
//           5xx = retried: they are faults of the configuration or of the moment, not of this message, and they show
//           on the outbox page until fixed; a timeout or a refused connection is retried too.
import type { FastifyBaseLogger } from 'fastify';
import type { OutgoingSms, SendReceipt, SmsChannel } from './notifications.channels';
import { PermanentDeliveryError } from './notifications.errors';
import { endpointUrl, post, providerMessage, type HttpAnswer } from './http-delivery';
import { vnMobileNumber } from './phone';
import { prepareSms } from './sms-text';

/** How to reach the gateway (from SMS_* settings; see channelsFromEnv). */
export interface SmsGatewaySettings {
  url: string;
  /** The brand name registered with the carriers: up to 11 letters, digits, spaces, dots, dashes or underscores. */
  brandname: string;
  /** An API key sent as a bearer token … */
  apiKey?: string;
  /** … or a user name and password sent as HTTP Basic. */
  username?: string;
  password?: string;
  /** Send Vietnamese as written (UCS-2) instead of without diacritics (GSM-7). */
  unicode?: boolean;
  /** Longest message in parts (default 3: 459 GSM-7 characters or 201 in UCS-2); longer texts are cut. */
  maxSegments?: number;
  timeoutMs?: number;
}

const BRANDNAME = /^[A-Za-z0-9 ._-]{1,11}$/;
const RETRIED_4XX = new Set([401, 403, 404, 408, 425, 429]);

function referenceOf(answer: HttpAnswer): string | undefined {
  const j = answer.json as Record<string, unknown> | undefined;
  if (!j || typeof j !== 'object') return undefined;
  for (const k of ['messageId', 'smsId', 'id']) {
    const v = j[k];
    if (typeof v === 'string' || typeof v === 'number') return String(v).slice(0, 200);
  }
  return undefined;
}

/** A brand-name SMS channel over the gateway's HTTP API; throws at start-up on unusable settings. */
export function createBrandnameSmsChannel(settings: SmsGatewaySettings): SmsChannel {
  const url = endpointUrl('SMS_GATEWAY_URL', settings.url);
  const brandname = settings.brandname.trim();
  if (!BRANDNAME.test(brandname)) throw new Error('SMS_BRANDNAME must be the registered brand name: 1 to 11 letters, digits, spaces, dots, dashes or underscores');
  const hasKey = Boolean(settings.apiKey);
  const hasLogin = Boolean(settings.username || settings.password);
  if (hasKey === hasLogin) throw new Error('set either SMS_API_KEY or SMS_USERNAME with SMS_PASSWORD for the SMS gateway, not both and not neither');
  if (hasLogin && !(settings.username && settings.password)) throw new Error('SMS_USERNAME and SMS_PASSWORD go together');
  const maxSegments = settings.maxSegments ?? 3;
  if (!Number.isInteger(maxSegments) || maxSegments < 1 || maxSegments > 10) throw new Error('SMS_MAX_SEGMENTS must be a whole number from 1 to 10');
  const authorization = hasKey ? `Bearer ${settings.apiKey}` : `Basic ${Buffer.from(`${settings.username}:${settings.password}`).toString('base64')}`;
  const secrets = [settings.apiKey ?? '', settings.password ?? '', authorization.split(' ')[1]!];
  const endpoint = { url, timeoutMs: settings.timeoutMs ?? 15_000 };
  const unicode = settings.unicode ?? false;

  return {
    name: 'sms-gateway',
    live: true,
    async send(sms: OutgoingSms, log: FastifyBaseLogger): Promise<SendReceipt> {
      const phone = vnMobileNumber(sms.to);
      if (!phone) throw new PermanentDeliveryError('not a Vietnamese mobile number');
      const prepared = prepareSms(sms.text, { unicode, maxSegments });
      const body = JSON.stringify({ brandname, phone, message: prepared.text, unicode: prepared.encoding === 'ucs2', ...(sms.reference ? { requestId: sms.reference } : {}) });
      const started = Date.now();
      const answer = await post(endpoint, { authorization, 'content-type': 'application/json; charset=utf-8' }, body, secrets);
      // Never the number, the text or the credentials: what happened and how big it was.
      log.info(
        { channel: 'sms', status: answer.status, ms: Date.now() - started, segments: prepared.segments, encoding: prepared.encoding, truncated: prepared.truncated },
        'SMS gateway answered',
      );
      if ((answer.status >= 200 && answer.status < 300) || answer.status === 409) return { providerMessageId: referenceOf(answer), text: prepared.text };
      const reason = `SMS gateway answered ${answer.status}: ${providerMessage(answer, secrets)}`;
      if (answer.status >= 400 && answer.status < 500 && !RETRIED_4XX.has(answer.status)) throw new PermanentDeliveryError(reason);
      throw new Error(reason);
    },
  };
}
