export { AppError, ERROR_STATUS, notFound, forbidden, type ErrorCode } from './app-error';
export { errorHandlerPlugin, frameworkErrorHandler, sendError } from './error-handler';
