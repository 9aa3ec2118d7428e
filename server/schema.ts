// Every table of the application, for drizzle-kit and the test-database helper. Modules add their tables file here.
export * from './platform/audit/audit.tables';
export * from './platform/auth/auth.tables';
export * from './platform/calendar/store/calendar.tables';
export * from './platform/notifications/notifications.tables';
export * from './platform/files/files.tables';
export * from './modules/identity/identity.tables';
export * from './modules/catalog/catalog.tables';
export * from './modules/dossiers/dossiers.tables';
export * from './modules/dossiers/dossiers.results.tables';
export * from './modules/dossiers/dossiers.stats.tables';
export * from './modules/submissions/submissions.tables';
export * from './modules/ratings/ratings.tables';
export * from './modules/payments/payments.tables';
export * from './modules/exchange/exchange.tables';
export * from './modules/feedback/feedback.tables';
export * from './modules/dialogues/dialogues.tables';
export * from './modules/documents/documents.tables';
