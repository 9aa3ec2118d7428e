import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { randomUUID } from 'node:crypto';
import type { AppConfig } from './platform/config/config';
import { type Clock, isAdjustableClock, OffsetClock, systemClock, type Ctx } from './platform/context/context';
import { clockModule } from './platform/clock';
import { databaseStatus, type Database } from './platform/db/database';
import { databaseAvailabilityPlugin, DATABASE_RETRY_AFTER_SECONDS, errorHandlerPlugin, frameworkErrorHandler, sendError } from './platform/errors';
import { EventBus } from './platform/events/event-bus';
import { requestContextPlugin, type ActorLoader } from './platform/http/request-context';
import { requestGuardsPlugin } from './platform/http/request-guards';
import { loggerOptions } from './platform/http/logging';
import { securityHeadersPlugin } from './platform/http/security-headers';
import { openApiChecksPlugin, openApiOptions } from './platform/http/openapi';
import type { ModuleEventHandler, ModuleHost, ModuleManifest } from './platform/http/module';
import { definePolicy, SYSTEM_ACTOR } from './platform/access';
import type { EventName } from './platform/events/event-bus';
import { registerMessages } from './platform/i18n';
import { registerDeclaredJob } from './platform/jobs';
import { AuditSealer, auditModule, registerAuditSealer, unregisterAuditSealer } from './platform/audit';
import { calendarModule } from './platform/calendar/store';
import { notificationsModule, registerNotificationTemplate } from './platform/notifications';
import { createFileStore, filesModule, type FileStore } from './platform/files';
import { modules as domainModules } from './modules';

export interface BuildAppOptions {
  database: Database;
  config: AppConfig;
  clock?: Clock;
  /** Logger settings (level, stream…); the data-protection rules of platform/http/logging are always added. */
  logger?: boolean | Record<string, unknown>;
  /** Serve the built web app from web/dist (off in API tests). */
  serveWeb?: boolean;
  /** Where the built web app is (tests serve a made-up one); web/dist by default. */
  webDist?: string;
  /** The file store to use instead of the one FILE_STORAGE configures (tests); the caller closes it. */
  fileStore?: FileStore;
}

export interface App {
  app: FastifyInstance;
  host: ModuleHost;
  /** A context acting as the system (seeding, jobs). */
  systemCtx(): Ctx;
}

/** Platform modules with routes or seeds, registered before the domain modules. */
const platformModules: ModuleManifest[] = [auditModule, calendarModule, notificationsModule, filesModule];

/**
 * Registers what the manifests declare (policies, messages, jobs, notification templates) in this process's registries; buildApp calls it, and
 * so may a script that needs them without an app (e.g. translated messages before the database is open). Two modules
 * declaring the same action, message key or job fail loudly; registering the same manifests again changes nothing.
 */
export function registerDeclarations(manifests: readonly ModuleManifest[] = [...platformModules, ...domainModules]): void {
  const owners = new Map<string, string>();
  const claim = (what: string, key: string) => {
    const owner = owners.get(what);
    if (owner !== undefined) throw new Error(`${what} is declared by both module ${owner} and module ${key}`);
    owners.set(what, key);
  };
  for (const mod of manifests) {
    for (const { action, policy } of mod.policies ?? []) {
      claim(`policy ${action}`, mod.key);
      definePolicy(action, policy);
    }
    for (const { locale, messages } of mod.messages ?? []) {
      for (const key of Object.keys(messages)) claim(`message ${locale} ${key}`, mod.key);
      registerMessages(locale, messages);
    }
    for (const job of mod.jobs ?? []) {
      claim(`job ${job.name}`, mod.key);
      registerDeclaredJob(job);
    }
    for (const { key, template, options } of mod.notificationTemplates ?? []) {
      claim(`notification template ${key}`, mod.key);
      registerNotificationTemplate(key, template, options);
    }
  }
}

const WEB_DIST = path.resolve(import.meta.dirname, '../web/dist');

/** Builds the HTTP application: platform plugins first, then each module's manifest. */
export async function buildApp(options: BuildAppOptions): Promise<App> {
  const { database, config } = options;
  // MOTCUA_ADJUSTABLE_CLOCK: real time plus an offset an administrator may move (platform/clock).
  const clock = options.clock ?? (config.adjustableClock ? new OffsetClock() : systemClock);
  const app = Fastify({
    logger: options.logger ? loggerOptions(options.logger === true ? {} : options.logger) : false,
    bodyLimit: config.bodyLimitBytes,
    genReqId: () => randomUUID(),
    trustProxy: config.trustProxy,
    frameworkErrors: (err, request, reply) => void frameworkErrorHandler(err, request, reply),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const events = new EventBus((err, event) => app.log.error({ err, event }, 'event handler failed'));
  let actorLoader: ActorLoader | undefined;
  const files = options.fileStore ?? createFileStore(config.fileStorage);
  if (!options.fileStore && files.close) app.addHook('onClose', () => files.close!());
  const host: ModuleHost = {
    database,
    config,
    clock,
    events,
    files,
    setActorLoader: (loader) => {
      actorLoader = loader;
    },
  };

  // Seals audit entries into the hash chain just after their transactions commit (D7 in docs/decisions.md).
  // During a database outage the health tracker logs once; the sealer retries on its own sweep.
  const sealer = new AuditSealer(database.db, (err) => database.health.reportError(err) || app.log.error({ err }, 'audit sealing failed')).start();
  registerAuditSealer(database.db, sealer);
  app.addHook('onClose', async () => {
    // Seal what this process wrote before it goes; the next process's sweep would otherwise do it.
    await sealer.flush().catch((err: unknown) => app.log.error({ err }, 'audit sealing on close failed'));
    await sealer.stop();
    unregisterAuditSealer(database.db);
  });

  await app.register(cookie);
  await app.register(securityHeadersPlugin, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // antd injects its CSS-in-JS at runtime; swagger-ui uses inline styles too.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: config.uploadLimitBytes, files: 1, fields: 20 } });
  await app.register(errorHandlerPlugin);
  await app.register(swagger, openApiOptions());
  await app.register(openApiChecksPlugin);
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(databaseAvailabilityPlugin, { health: database.health });
  await app.register(requestContextPlugin, { db: database.db, clock, config, events, loadActor: () => actorLoader });
  await app.register(requestGuardsPlugin, { publicBaseUrl: config.publicBaseUrl });

  const unavailable = z.object({ status: z.literal('unavailable'), database: z.string(), reason: z.literal('database-unreachable'), since: z.string().nullable() });
  app.get(
    '/health',
    { schema: { hide: true, response: { 200: z.object({ status: z.literal('ok'), database: z.string(), migrations: z.number() }), 503: unavailable } } },
    async (_request, reply) => {
      // A load balancer takes this instance out while its database is away; the answer comes without waiting for it.
      const down = () =>
        reply
          .status(503)
          .header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS))
          .send({ status: 'unavailable' as const, database: database.kind, reason: 'database-unreachable' as const, since: database.health.since?.toISOString() ?? null });
      if (!database.health.reachable) return down();
      try {
        const status = await databaseStatus(database.db);
        return { status: 'ok' as const, database: database.kind, migrations: status.migrations };
      } catch (err) {
        if (database.health.reportError(err)) return down();
        throw err;
      }
    },
  );

  const systemCtx = (): Ctx => ({
    actor: SYSTEM_ACTOR,
    db: database.db,
    clock,
    log: app.log,
    locale: 'vi',
    requestId: null,
    ip: null,
    events,
  });

  const clockModules = config.adjustableClock && isAdjustableClock(clock) ? [clockModule(clock)] : [];
  const allModules: ModuleManifest[] = [...platformModules, ...clockModules, ...domainModules];
  registerDeclarations(allModules);
  for (const mod of allModules) await mod.register?.(host);
  for (const mod of allModules) {
    for (const event of Object.keys(mod.events ?? {}) as EventName[]) {
      const handler = mod.events![event] as ModuleEventHandler<typeof event>;
      events.on(event, (payload) => handler(payload, { ...systemCtx(), log: app.log.child({ module: mod.key, event }) }));
    }
  }
  for (const mod of allModules) {
    if (mod.routes) {
      await app.register(async (scope) => mod.routes!(scope, host), { prefix: `/api/v1/${mod.key}` });
    }
    if (mod.siteRoutes) await app.register(async (scope) => mod.siteRoutes!(scope, host));
  }

  const webDist = options.webDist ?? WEB_DIST;
  const serveWeb = options.serveWeb === true && fs.existsSync(webDist);
  if (serveWeb) {
    // Files under assets/ are Vite's output, named `<name>-<content hash>.<ext>`.
    const isHashedAsset = (filePath: string) => path.relative(webDist, filePath).split(path.sep)[0] === 'assets';
    await app.register(fastifyStatic, {
      root: webDist,
      prefix: '/',
      wildcard: false,
      // Vite names built assets by content hash, so a browser may keep them for good and a citizen's next visit (often on a
      // slow phone connection) loads only the API; index.html, which names the current hashes, is revalidated every time.
      setHeaders: (reply, filePath) => {
        reply.header('cache-control', isHashedAsset(filePath) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    // The SPA owns every non-API GET path; API paths get the JSON 404.
    // A missing hashed asset must 404 (not return index.html as JavaScript) so a stale tab fails visibly.
    const isAsset = request.url.startsWith('/assets/');
    if (serveWeb && request.method === 'GET' && !request.url.startsWith('/api/') && !isAsset) return reply.type('text/html').sendFile('index.html');
    return sendError(reply, request, 404, 'NOT_FOUND', {});
  });

  return { app, host, systemCtx };
}

/**
 * Runs each module's demo seed in dependency order (platform modules, calendar first; then the kernel), then the demo
 * data made through the API (it needs every module's data in place).
 */
export async function seedDemoData(built: App): Promise<void> {
  const modules = [...platformModules, ...domainModules];
  for (const mod of modules) await mod.seedDemo?.(built.systemCtx(), built.host);
  for (const mod of modules) await mod.seedDemoThroughApi?.(built.app, built.host);
}
