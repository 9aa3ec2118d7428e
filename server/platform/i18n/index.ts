export { pickLocale, translate, registerMessages, hasMessage, LOCALES, type Locale, type MessageCatalog } from './i18n';
