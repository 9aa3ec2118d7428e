import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ANONYMOUS, can, isPolicyDefined, type Actor, type UserActor } from '../access';
import { AppError } from '../errors';
import { pickLocale, type Locale } from '../i18n';
import type { AppConfig } from '../config/config';
import type { Clock, Ctx } from '../context/context';
import type { Db } from '../db/database';
import type { EventBus } from '../events/event-bus';
import { findLiveSession, SESSION_COOKIE, touchSession, type SessionRow } from '../auth/sessions';

/** Loads the actor for a session's user; registered by the identity module (platform knows no users table). */
export type ActorLoader = (db: Db, userId: string, sessionId: string) => Promise<UserActor | null>;

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    locale: Locale;
    session: SessionRow | null;
    ctx: Ctx;
  }
  interface FastifyContextConfig {
    /** The policy action this route performs, or 'public'. Every /api route must declare one. */
    action?: string;
  }
  interface FastifyInstance {
    routeCatalog: Array<{ method: string; url: string; action: string }>;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface RequestContextOptions {
  db: Db;
  clock: Clock;
  config: AppConfig;
  events: EventBus;
  loadActor: () => ActorLoader | undefined;
}

/** Resolves locale, session, actor and ctx for each request, enforces CSRF and each route's declared action. */
export const requestContextPlugin = fp(async (app: FastifyInstance, opts: RequestContextOptions) => {
  const policy = { idleMinutes: opts.config.sessionIdleMinutes, absoluteHours: opts.config.sessionAbsoluteHours };
  app.decorateRequest('actor', null as never);
  app.decorateRequest('locale', 'vi' as Locale);
  app.decorateRequest('session', null);
  app.decorateRequest('ctx', null as never);
  app.decorate('routeCatalog', [] as FastifyInstance['routeCatalog']);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const action = route.config?.action;
    if (!action) throw new Error(`route ${String(route.method)} ${route.url} declares no action`);
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) if (method !== 'HEAD') app.routeCatalog.push({ method, url: route.url, action });
  });

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    request.locale = pickLocale(request.cookies?.lang, request.headers['accept-language']);
    request.actor = ANONYMOUS;
    const token = request.cookies?.[SESSION_COOKIE];
    const now = opts.clock.now();
    if (token) {
      const session = await findLiveSession(opts.db, token, now, policy);
      const loader = opts.loadActor();
      const actor = session && loader ? await loader(opts.db, session.userId, session.id) : null;
      if (session && actor) {
        request.session = session;
        request.actor = actor;
        await touchSession(opts.db, session, now);
      } else {
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
      }
    }
    request.ctx = {
      actor: request.actor,
      db: opts.db,
      clock: opts.clock,
      log: request.log,
      locale: request.locale,
      requestId: request.id,
      ip: request.ip,
      events: opts.events,
    };
  });

  // preValidation, not preHandler: a forbidden caller gets 403 even when its body would also be invalid.
  app.addHook('preValidation', async (request: FastifyRequest) => {
    const action = request.routeOptions.config?.action;
    const url = request.routeOptions.url ?? '';
    if (!url.startsWith('/api/') || url.startsWith('/api/docs')) return;
    // Synchroniser-token CSRF check: a signed-in browser must echo the session's token on every unsafe request.
    if (request.session && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || sent !== request.session.csrfToken) throw new AppError('CSRF_INVALID');
    }
    if (!action || action === 'public') return;
    if (!isPolicyDefined(action)) throw new Error(`route ${url} uses undefined action ${action}`);
    if (request.actor.type !== 'user') throw new AppError('UNAUTHENTICATED');
    if (!can(request.actor, action)) throw new AppError('FORBIDDEN', { action });
  });
});
