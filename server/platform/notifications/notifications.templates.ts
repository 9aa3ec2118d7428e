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

/** A module's message template, as its manifest declares it (`notificationTemplates`); buildApp registers it. */
export interface NotificationTemplateDeclaration {
  readonly key: string;
  readonly template: NotificationTemplate<never>;
}

/** Declares a message template under `<module>.<kebab-name>` (pure: nothing is registered until buildApp reads the manifest). */
export function declareNotificationTemplate<P extends object = Record<string, unknown>>(key: string, template: NotificationTemplate<P>): NotificationTemplateDeclaration {
  return { key, template: template };
}

/**
 * Registers a message template under `<module>.<kebab-name>` (buildApp does it from the manifests). The same template
 * again is a no-op (several apps per process); another template under a known key is refused.
 */
export function registerNotificationTemplate<P extends object = Record<string, unknown>>(key: string, template: NotificationTemplate<P>): void {
  if (!KEY.test(key)) throw new Error(`notification template key must be <module>.<kebab-name>, got "${key}"`);
  const existing = templates.get(key);
  if (existing === (template as NotificationTemplate<never>)) return;
  if (existing) throw new Error(`notification template already registered: ${key}`);
  templates.set(key, template);
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
