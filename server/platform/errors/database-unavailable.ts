import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { DatabaseHealth } from '../db/database-health';
import { pickLocale } from '../i18n';
import { sendError } from './error-handler';

/** Seconds a client is asked to wait (Retry-After) while the database is unreachable; the probe runs every second. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

declare module 'fastify' {
  interface FastifyInstance {
    databaseHealth: DatabaseHealth;
  }
}

/** 503 with Retry-After and the translated DATABASE_UNAVAILABLE message. */
export function sendDatabaseUnavailable(reply: FastifyReply, request: FastifyRequest) {
  reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
  return sendError(reply, request, 503, 'DATABASE_UNAVAILABLE', {});
}

/**
 * For the central error handler: a connection error (refused, dropped, server shutting down or starting up) is the
 * database being away, not a bug — answer 503 and let the health tracker log the outage once, instead of one error
 * line per request. Returns false for any other error.
 */
export function replyIfDatabaseUnavailable(err: unknown, request: FastifyRequest, reply: FastifyReply): boolean {
  const health = request.server.databaseHealth as DatabaseHealth | undefined;
  if (!health?.reportError(err)) return false;
  void sendDatabaseUnavailable(reply, request);
  return true;
}

/**
 * Makes the database's health known to routes and the error handler, and while it is unreachable answers API
 * requests at once with 503 (no connection attempt, no session lookup); the web app's static files still load.
 */
export const databaseAvailabilityPlugin = fp(async (app: FastifyInstance, opts: { health: DatabaseHealth }) => {
  opts.health.useLogger(app.log);
  app.decorate('databaseHealth', opts.health);
  app.addHook('onRequest', async (request, reply) => {
    if (opts.health.reachable || !request.url.startsWith('/api/') || request.url.startsWith('/api/docs')) return;
    request.locale = pickLocale(request.cookies?.lang, request.headers['accept-language']);
    return sendDatabaseUnavailable(reply, request);
  });
});
