export { AppError, ERROR_STATUS, notFound, forbidden, type ErrorCode } from './app-error';
export { databaseAvailabilityPlugin, sendDatabaseUnavailable, DATABASE_RETRY_AFTER_SECONDS } from './database-unavailable';
export { errorHandlerPlugin, frameworkErrorHandler, sendError } from './error-handler';
