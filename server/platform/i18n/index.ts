export { pickLocale, translate, registerMessages, hasMessage, messagesFingerprint, LOCALES, type Locale, type MessageCatalog } from './i18n';
