// Every table of the application, for drizzle-kit and the test-database helper. Modules add their tables file here.
export * from './platform/audit/audit.tables';
export * from './platform/auth/auth.tables';
export * from './modules/identity/identity.tables';
