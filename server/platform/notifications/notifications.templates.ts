import type { Locale } from '../i18n';
import { PermanentDeliveryError } from './notifications.errors';

/** A message ready to send: e-mail uses both parts, SMS sends only `body`. */
export interface RenderedNotification {
  subject: string;
  body: string;
}

/** One renderer per language; each receives the params stored with the message. */
export type NotificationTemplate<P> = Record<Locale, (params: P) => RenderedNotification>;

const KEY = /^[a-z][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)+$/;
const templates = new Map<string, NotificationTemplate<never>>();
const secretParams = new Map<string, readonly string[]>();

/** How a template's messages are kept. */
export interface NotificationTemplateOptions {
  /**
   * Params that open something (a single-use link, a one-time code): the outbox keeps them only until the message has
   * left through a live channel or failed for good, then replaces them — in the params and the stored text — by
   * REDACTED, and the outbox page never shows them while a live channel holds them.
   */
  secretParams?: readonly string[];
}

/** What a secret param reads as once the outbox no longer keeps it. */
export const REDACTED = '***';

/** A module's message template, as its manifest declares it (`notificationTemplates`); buildApp registers it. */
export interface NotificationTemplateDeclaration {
  readonly key: string;
  readonly template: NotificationTemplate<never>;
  readonly options?: NotificationTemplateOptions;
}

/** Declares a message template under `<module>.<kebab-name>` (pure: nothing is registered until buildApp reads the manifest). */
export function declareNotificationTemplate<P extends object = Record<string, unknown>>(
  key: string,
  template: NotificationTemplate<P>,
  options?: NotificationTemplateOptions,
): NotificationTemplateDeclaration {
  return { key, template: template, ...(options ? { options } : {}) };
}

/**
 * Registers a message template under `<module>.<kebab-name>` (buildApp does it from the manifests). The same template
 * again is a no-op (several apps per process); another template under a known key is refused.
 */
export function registerNotificationTemplate<P extends object = Record<string, unknown>>(
  key: string,
  template: NotificationTemplate<P>,
  options: NotificationTemplateOptions = {},
): void {
  if (!KEY.test(key)) throw new Error(`notification template key must be <module>.<kebab-name>, got "${key}"`);
  const existing = templates.get(key);
  if (existing === (template as NotificationTemplate<never>)) return;
  if (existing) throw new Error(`notification template already registered: ${key}`);
  templates.set(key, template);
  if (options.secretParams?.length) secretParams.set(key, [...options.secretParams]);
}

/** The string values of a stored message's secret params (empty for templates without any, or once redacted). */
export function secretValues(key: string, params: Record<string, unknown>): string[] {
  return (secretParams.get(key) ?? []).map((name) => params[name]).filter((v): v is string => typeof v === 'string' && v !== '' && v !== REDACTED);
}

/** The params with their secret values replaced by REDACTED. */
export function redactParams(key: string, params: Record<string, unknown>): Record<string, unknown> {
  const names = secretParams.get(key);
  if (!names) return params;
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, names.includes(k) ? REDACTED : v]));
}

/** `text` with every occurrence of the secret values replaced by REDACTED. */
export function redactText(text: string | null, secrets: readonly string[]): string | null {
  if (text === null) return null;
  return secrets.reduce((out, secret) => out.split(secret).join(REDACTED), text);
}

/** Whether a template is registered under `key`. */
export function hasNotificationTemplate(key: string): boolean {
  return templates.has(key);
}

/** Raised when a message cannot be rendered: retrying will not help. */
export class TemplateError extends PermanentDeliveryError {
  override name = 'TemplateError';
}

/** Renders a stored message in its language (Vietnamese when the template lacks that language). */
export function renderNotification(key: string, locale: Locale, params: Record<string, unknown>): RenderedNotification {
  const template = templates.get(key);
  if (!template) throw new TemplateError(`no notification template "${key}"`);
  const render = template[locale] ?? template.vi;
  let out: RenderedNotification;
  try {
    out = render(params as never);
  } catch (err) {
    throw new TemplateError(`template "${key}" failed: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!out || typeof out.subject !== 'string' || typeof out.body !== 'string') throw new TemplateError(`template "${key}" returned no subject/body`);
  return out;
}
