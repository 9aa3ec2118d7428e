export {
  pickLocale,
  translate,
  registerMessages,
  declareMessages,
  hasMessage,
  messagesFingerprint,
  LOCALES,
  type Locale,
  type MessageCatalog,
  type MessageDeclaration,
} from './i18n';
