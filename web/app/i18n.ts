import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import { resources } from '../i18n/resources';

/** Languages the UI ships; Vietnamese is the default and the fallback. */
export type Lang = 'vi' | 'en';
/** Every UI language, default first. */
export const LANGS: readonly Lang[] = ['vi', 'en'];

const STORAGE_KEY = 'lang';

function readCookie(name: string): string | undefined {
  if (typeof document === 'undefined') return undefined;
  const hit = document.cookie.split('; ').find((c) => c.startsWith(`${name}=`));
  return hit ? decodeURIComponent(hit.slice(name.length + 1)) : undefined;
}

function storedLang(): Lang {
  let saved: string | null | undefined;
  try {
    saved = localStorage.getItem(STORAGE_KEY);
  } catch {
    saved = undefined;
  }
  saved ??= readCookie(STORAGE_KEY);
  return saved === 'en' ? 'en' : 'vi';
}

function applyLang(lang: Lang): void {
  dayjs.locale(lang === 'vi' ? 'vi' : 'en');
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

/** Switches the UI language and remembers it: localStorage for the browser, the `lang` cookie so the server translates errors too. */
export async function setLanguage(lang: Lang): Promise<void> {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode may refuse storage; the cookie still carries the choice.
  }
  document.cookie = `${STORAGE_KEY}=${lang}; path=/; max-age=31536000; SameSite=Lax`;
  applyLang(lang);
  await i18n.changeLanguage(lang);
}

const initial = storedLang();
applyLang(initial);
// Keep the cookie in step with localStorage so the very first API call already gets translated errors.
if (typeof document !== 'undefined' && readCookie(STORAGE_KEY) !== initial) {
  document.cookie = `${STORAGE_KEY}=${initial}; path=/; max-age=31536000; SameSite=Lax`;
}

void i18n.use(initReactI18next).init({
  resources,
  lng: initial,
  fallbackLng: 'vi',
  supportedLngs: LANGS,
  interpolation: { escapeValue: false },
  returnNull: false,
  showSupportNotice: false,
});

/** The configured i18next instance (also used outside React, e.g. by the API client). */
export default i18n;
