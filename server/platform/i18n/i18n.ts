import { createHash } from 'node:crypto';
import { vi } from './messages.vi';
import { en } from './messages.en';

export type Locale = 'vi' | 'en';
export const LOCALES: readonly Locale[] = ['vi', 'en'];
export type MessageCatalog = Record<string, string>;

const catalogs: Record<Locale, MessageCatalog> = { vi: { ...vi }, en: { ...en } };

/** A module's server-side messages in one locale, as its manifest declares them (`messages`); buildApp registers them. */
export interface MessageDeclaration {
  readonly locale: Locale;
  readonly messages: Readonly<MessageCatalog>;
}

/** Declares a module's messages in one locale (pure: nothing is registered until buildApp reads the manifest). */
export function declareMessages(locale: Locale, messages: MessageCatalog): MessageDeclaration {
  return { locale, messages };
}

/**
 * Adds server-side messages (error codes, field messages); buildApp does it from the manifests. A key already known
 * with the same text is left as it is (several apps per process); the same key with another text is refused, so two
 * modules cannot silently overwrite each other's wording.
 */
export function registerMessages(locale: Locale, messages: MessageCatalog): void {
  const catalog = catalogs[locale];
  const conflicts = Object.keys(messages).filter((key) => key in catalog && catalog[key] !== messages[key]);
  if (conflicts.length > 0) throw new Error(`messages already defined with another text (${locale}): ${conflicts.join(', ')}`);
  Object.assign(catalog, messages);
}

/** Picks the caller's language: explicit `lang` cookie first, then Accept-Language; Vietnamese by default. */
export function pickLocale(cookieLang: string | undefined, acceptLanguage: string | undefined): Locale {
  if (cookieLang === 'en' || cookieLang === 'vi') return cookieLang;
  if (acceptLanguage) {
    for (const part of acceptLanguage.split(',')) {
      const tag = part.split(';')[0]!.trim().toLowerCase();
      if (tag.startsWith('vi')) return 'vi';
      if (tag.startsWith('en')) return 'en';
    }
  }
  return 'vi';
}

/** A message parameter as text: strings, numbers and booleans as they are, anything else as JSON. */
const paramText = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint' ? String(v) : JSON.stringify(v));

/** Translates a key with {param} interpolation; an unknown key returns undefined so callers can decide. */
export function translate(locale: Locale, key: string, params: Record<string, unknown> = {}): string | undefined {
  const template = catalogs[locale][key] ?? catalogs.vi[key];
  if (template === undefined) return undefined;
  return template.replace(/\{(\w+)\}/g, (_, name: string) => (params[name] === undefined ? `{${name}}` : paramText(params[name])));
}

export function hasMessage(key: string): boolean {
  return key in catalogs.vi;
}

/**
 * A fingerprint of the messages under these key prefixes in every locale: text rendered and stored from them (a read
 * model) records it, and is rendered again when a deployment changed the wording.
 */
export function messagesFingerprint(prefixes: readonly string[]): string {
  const hash = createHash('sha256');
  for (const locale of LOCALES) {
    for (const key of Object.keys(catalogs[locale]).sort()) {
      if (prefixes.some((p) => key.startsWith(p))) hash.update(`${locale}\u0000${key}\u0000${catalogs[locale][key]}\u0000`);
    }
  }
  return hash.digest('hex').slice(0, 16);
}
