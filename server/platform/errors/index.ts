export { AppError, ERROR_STATUS, notFound, forbidden, type ErrorCode } from './app-error';
export { errorHandlerPlugin, sendError } from './error-handler';
export { databaseAvailabilityPlugin, sendDatabaseUnavailable, DATABASE_RETRY_AFTER_SECONDS } from './database-unavailable';
