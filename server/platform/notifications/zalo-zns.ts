// Zalo Notification Service (ZNS): template messages from the province's Official Account to a phone number, in the
// style of Zalo's HTTP API. ZNS only delivers templates Zalo approved beforehand; each has an id (per Official
// Account) and named parameters, so a message is a template id plus its parameter values, never free text.
//
// Send:     POST ZALO_ZNS_URL   header access_token: <OA access token>
//           {"phone":"84912345678","template_id":"248210","template_data":{…},"tracking_id":"<outbox id>"}
//           → 200 {"error":0,"message":"Success","data":{"msg_id":"…","sent_time":"…"}} or {"error":-118,…}
// Refresh:  POST ZALO_OAUTH_URL  header secret_key: <app secret>, form app_id, grant_type=refresh_token, refresh_token
//           → {"access_token":"…","refresh_token":"…","expires_in":"90000"} or {"error":-14014,"error_name":…}
// An access token lives about 25 hours; the refresh token is single-use and comes back renewed with every refresh.
// Both are kept in this process's memory only (never written to the database, a file or a log), so after a restart
// the configured ZALO_REFRESH_TOKEN is used again — see README: it must then still be valid.
import type { FastifyBaseLogger } from 'fastify';
import type { OutgoingZalo, SendReceipt, ZaloChannel } from './notifications.channels';
import { PermanentDeliveryError } from './notifications.errors';
import { endpointUrl, post, providerMessage, scrubSecrets, type EndpointSettings } from './http-delivery';
import { vnMobileNumber } from './phone';

/** Zalo's endpoints (overridable for a relay and for tests). */
export const ZALO_DEFAULT_URLS = {
  zns: 'https://business.openapi.zalo.me/message/template',
  oauth: 'https://oauth.zaloapp.com/v4/oa/access_token',
} as const;

/** How to reach ZNS (from ZALO_* settings; see channelsFromEnv). */
export interface ZaloZnsSettings {
  appId: string;
  appSecret: string;
  refreshToken: string;
  /** A current access token, if one is at hand; otherwise the first send refreshes. */
  accessToken?: string;
  /** Notification template key → approved ZNS template id. */
  templates: ReadonlyMap<string, string>;
  znsUrl?: string;
  oauthUrl?: string;
  timeoutMs?: number;
  /** Milliseconds since the epoch (tests move it). */
  now?: () => number;
}

// ZNS answers HTTP 200 with its own error codes (Zalo's published "Cách xử lý mã lỗi" table for ZNS). These say
// the message can never reach this recipient, whatever we retry: -108 phone number invalid, -110 the recipient's
// Zalo version cannot show ZNS, -111 / -112 template data empty / invalid (our parameters for this message),
// -118 no Zalo account for this number, -119 this account cannot receive ZNS. Every other code — -100 unknown,
// the application, template-permission and quota errors — is a fault of the moment or of the configuration that
// would fail every message alike, so it is retried and shows on the outbox page until someone fixes it.
const PERMANENT_CODES = new Set([-108, -110, -111, -112, -118, -119]);
/** The access token is invalid or expired: refresh it and send once more. */
const TOKEN_INVALID = -124;
/** Refresh a token this long before Zalo says it expires. */
const EXPIRY_MARGIN_MS = 5 * 60_000;

/** Keeps the OA access token and its single-use refresh token in memory; one refresh at a time. */
class ZaloTokens {
  private access: string | null;
  private expiresAt: number | null = null;
  private refresh: string;
  private pending: Promise<string> | null = null;

  constructor(
    private readonly settings: ZaloZnsSettings,
    private readonly endpoint: EndpointSettings,
    private readonly now: () => number,
  ) {
    this.access = settings.accessToken || null;
    this.refresh = settings.refreshToken;
  }

  /** Every secret this channel holds now, for scrubbing texts. */
  secrets(): string[] {
    return [this.settings.appSecret, this.settings.refreshToken, this.refresh, this.access ?? '', this.settings.accessToken ?? ''];
  }

  /** A usable access token: the current one unless it is about to expire. */
  async current(log: FastifyBaseLogger): Promise<string> {
    if (this.access && (this.expiresAt === null || this.now() < this.expiresAt - EXPIRY_MARGIN_MS)) return this.access;
    return this.renew(log);
  }

  /** Drops `token` (Zalo refused it) and gets a new one, unless another send already did. */
  async replace(token: string, log: FastifyBaseLogger): Promise<string> {
    if (this.access !== token && this.access !== null) return this.access;
    this.access = null;
    return this.renew(log);
  }

  private renew(log: FastifyBaseLogger): Promise<string> {
    // Single flight: the refresh token is single-use, so two concurrent refreshes would void each other.
    this.pending ??= this.refreshNow(log).finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  private async refreshNow(log: FastifyBaseLogger): Promise<string> {
    const form = new URLSearchParams({ app_id: this.settings.appId, grant_type: 'refresh_token', refresh_token: this.refresh });
    const answer = await post(this.endpoint, { secret_key: this.settings.appSecret, 'content-type': 'application/x-www-form-urlencoded' }, form.toString(), this.secrets());
    const j = (answer.json ?? {}) as { access_token?: unknown; refresh_token?: unknown; expires_in?: unknown; error?: unknown };
    if (answer.status !== 200 || typeof j.access_token !== 'string' || !j.access_token) {
      log.warn({ channel: 'zalo', status: answer.status, error: typeof j.error === 'number' ? j.error : undefined }, 'Zalo access token refresh refused');
      throw new Error(`Zalo access token refresh failed (${answer.status}${typeof j.error === 'number' ? `, error ${j.error}` : ''}): ${providerMessage(answer, this.secrets())}`);
    }
    this.access = j.access_token;
    if (typeof j.refresh_token === 'string' && j.refresh_token) this.refresh = j.refresh_token;
    const seconds = Number(j.expires_in);
    this.expiresAt = Number.isFinite(seconds) && seconds > 0 ? this.now() + seconds * 1000 : null;
    log.info({ channel: 'zalo', expiresInSeconds: Number.isFinite(seconds) ? seconds : null }, 'Zalo access token refreshed');
    return this.access;
  }
}

/** Parses ZALO_ZNS_TEMPLATES: `template.key=248210,other.key=248211`. */
export function parseZaloTemplates(raw: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const pair of raw
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [key, id, ...rest] = pair.split('=').map((p) => p.trim());
    if (!key || !id || rest.length || !/^[0-9]{1,20}$/.test(id)) throw new Error(`ZALO_ZNS_TEMPLATES: "${pair}" is not <template key>=<numeric ZNS template id>`);
    if (out.has(key)) throw new Error(`ZALO_ZNS_TEMPLATES names ${key} twice`);
    out.set(key, id);
  }
  if (!out.size) throw new Error('ZALO_ZNS_TEMPLATES must map at least one notification template to its approved ZNS template id');
  return out;
}

/** A ZNS channel over Zalo's HTTP API; throws at start-up on unusable settings. */
export function createZaloZnsChannel(settings: ZaloZnsSettings): ZaloChannel {
  if (!/^[0-9]{1,30}$/.test(settings.appId)) throw new Error('ZALO_APP_ID must be the numeric id of the Zalo application');
  if (!settings.appSecret || !settings.refreshToken) throw new Error('ZALO_APP_SECRET and ZALO_REFRESH_TOKEN are required for ZNS');
  const timeoutMs = settings.timeoutMs ?? 15_000;
  const zns = { url: endpointUrl('ZALO_ZNS_URL', settings.znsUrl || ZALO_DEFAULT_URLS.zns), timeoutMs };
  const oauth = { url: endpointUrl('ZALO_OAUTH_URL', settings.oauthUrl || ZALO_DEFAULT_URLS.oauth), timeoutMs };
  const tokens = new ZaloTokens(settings, oauth, settings.now ?? Date.now);

  async function attempt(token: string, body: string, log: FastifyBaseLogger) {
    const started = Date.now();
    const answer = await post(zns, { access_token: token, 'content-type': 'application/json; charset=utf-8' }, body, tokens.secrets());
    const j = (answer.json ?? {}) as { error?: unknown; data?: { msg_id?: unknown } };
    const code = typeof j.error === 'number' ? j.error : null;
    log.info({ channel: 'zalo', status: answer.status, error: code, ms: Date.now() - started }, 'ZNS answered');
    return { answer, code, msgId: typeof j.data?.msg_id === 'string' || typeof j.data?.msg_id === 'number' ? String(j.data.msg_id) : undefined };
  }

  return {
    name: 'zns',
    live: true,
    accepts: (templateKey) => settings.templates.has(templateKey),
    async send(message: OutgoingZalo, log: FastifyBaseLogger): Promise<SendReceipt> {
      const templateId = settings.templates.get(message.templateKey);
      if (!templateId) throw new PermanentDeliveryError(`no ZNS template id configured for ${message.templateKey} (ZALO_ZNS_TEMPLATES)`);
      const phone = vnMobileNumber(message.to);
      if (!phone) throw new PermanentDeliveryError('not a Vietnamese mobile number');
      // tracking_id lets Zalo's delivery reports and our outbox row be matched; it is the outbox id, stable across tries.
      const body = JSON.stringify({ phone, template_id: templateId, template_data: message.data, tracking_id: message.trackingId });
      let token = await tokens.current(log);
      let result = await attempt(token, body, log);
      if (result.code === TOKEN_INVALID) {
        token = await tokens.replace(token, log);
        result = await attempt(token, body, log);
      }
      const { answer, code } = result;
      if (answer.status === 200 && code === 0) return { providerMessageId: result.msgId };
      const reason = scrubSecrets(`ZNS answered ${answer.status}${code !== null ? `, error ${code}` : ''}: ${providerMessage(answer, tokens.secrets())}`, tokens.secrets());
      if (code !== null && PERMANENT_CODES.has(code)) throw new PermanentDeliveryError(reason);
      if (code === null && answer.status >= 400 && answer.status < 500 && ![401, 403, 404, 408, 425, 429].includes(answer.status)) throw new PermanentDeliveryError(reason);
      throw new Error(reason);
    },
  };
}
