import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { z } from 'zod';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from './app-error';
import { replyIfDatabaseUnavailable } from './database-unavailable';
import { pickLocale, translate, type Locale } from '../i18n';

const zodLocales = { vi: z.locales.vi(), en: z.locales.en() } as const;

interface FieldError {
  path: string;
  code: string;
  message: string;
}

/** Turns a zod issue back into its translated message in the caller's language. */
function zodMessage(locale: Locale, issue: { code: string; message: string; params?: Record<string, unknown> }, path: string[]): string {
  // Custom refinements carry an i18n key as their message.
  const own = translate(locale, issue.message, issue.params ?? {});
  if (own) return own;
  const localeError = zodLocales[locale].localeError;
  const rebuilt = { ...(issue.params ?? {}), code: issue.code, path, input: undefined, message: issue.message } as never;
  const out = localeError?.(rebuilt);
  if (typeof out === 'string') return out;
  if (out && typeof out === 'object' && 'message' in out) return String(out.message);
  return issue.message;
}

export function sendError(reply: FastifyReply, request: FastifyRequest, status: number, code: string, params: Record<string, unknown>, fields?: FieldError[]) {
  const locale = request.locale ?? 'vi';
  const message = translate(locale, `errors.${code}`, params) ?? translate(locale, 'errors.BAD_REQUEST')!;
  return reply.status(status).send({ error: { code, message, ...(fields ? { fields } : {}) }, requestId: request.id });
}

/** One handler maps every error to `{error:{code,message,fields?}, requestId}` in the caller's language. */
export const errorHandlerPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((err: FastifyError | AppError | Error, request, reply) => {
    const locale = request.locale ?? 'vi';
    if (err instanceof AppError) {
      const fields = err.fields?.map((f) => ({
        path: f.path,
        code: f.code,
        message: translate(locale, f.code, f.params ?? {}) ?? translate(locale, `errors.${f.code}`, f.params ?? {}) ?? f.code,
      }));
      if (err.status >= 500) request.log.error({ err }, 'app error');
      return sendError(reply, request, err.status, err.code, err.params, fields);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fields = err.validation.map((v) => {
        const path = v.instancePath.split('/').filter(Boolean);
        const where = (err as FastifyError).validationContext ?? 'body';
        return {
          path: [where, ...path].join('.'),
          code: v.keyword,
          message: zodMessage(locale, { code: v.keyword, message: v.message ?? '', params: v.params }, path),
        };
      });
      return sendError(reply, request, 400, 'VALIDATION_FAILED', {}, fields);
    }
    const fe = err as FastifyError;
    if (fe.statusCode === 429) return sendError(reply, request, 429, 'RATE_LIMITED', {});
    if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || fe.code === 'FST_REQ_FILE_TOO_LARGE' || fe.code === 'FST_FILES_LIMIT' || fe.statusCode === 413) {
      return sendError(reply, request, 413, 'PAYLOAD_TOO_LARGE', {});
    }
    if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || fe.statusCode === 415) return sendError(reply, request, 415, 'UNSUPPORTED_MEDIA_TYPE', {});
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      return sendError(reply, request, fe.statusCode, fe.statusCode === 404 ? 'NOT_FOUND' : 'BAD_REQUEST', {});
    }
    const pgCode = (err as { code?: string; cause?: { code?: string } }).cause?.code ?? (err as { code?: string }).code;
    if (pgCode === '23505') return sendError(reply, request, 409, 'DUPLICATE', { field: '' });
    if (pgCode === '40001' || pgCode === '40P01') return sendError(reply, request, 409, 'CONFLICT', {});
    if (replyIfDatabaseUnavailable(err, request, reply)) return reply;
    request.log.error({ err }, 'unhandled error');
    return sendError(reply, request, 500, 'INTERNAL', {});
  });
});

/**
 * Fastify's `frameworkErrors`: a malformed URL (bad percent-encoding) or an over-long path parameter is answered
 * before any hook runs, so the caller's language is read from the raw headers here.
 */
export function frameworkErrorHandler(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const langCookie = /(?:^|;\s*)lang=(vi|en)\b/.exec(request.headers.cookie ?? '')?.[1];
  request.locale = pickLocale(langCookie, request.headers['accept-language']);
  if (err.code === 'FST_ERR_MAX_PARAM_LENGTH') return sendError(reply, request, 414, 'URI_TOO_LONG', {});
  return sendError(reply, request, 400, 'BAD_REQUEST', {});
}
