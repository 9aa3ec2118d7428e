import type { FastifyInstance } from 'fastify';
import type { PolicyDeclaration } from '../access/access';
import type { AppConfig } from '../config/config';
import type { Clock, Ctx } from '../context/context';
import type { Database } from '../db/database';
import type { FileStore } from '../files/files.store';
import type { DomainEvents, EventBus, EventName } from '../events/event-bus';
import type { MessageDeclaration } from '../i18n/i18n';
import type { JobDeclaration } from '../jobs/jobs';
import type { NotificationTemplateDeclaration } from '../notifications/notifications.templates';
import type { ActorLoader } from './request-context';

/** What the application offers a module when it is registered. */
export interface ModuleHost {
  database: Database;
  config: AppConfig;
  clock: Clock;
  events: EventBus;
  /** Where uploaded files' contents live (platform/files); features take uploads through it. */
  files: FileStore;
  setActorLoader(loader: ActorLoader): void;
}

/** Reacts to a domain event after its commit; `ctx` is the app's system context, its logger tagged with the event. */
export type ModuleEventHandler<K extends EventName> = (payload: DomainEvents[K], ctx: Ctx) => void | Promise<void>;

/** A module's reactions to domain events, one handler per event. */
export type ModuleEventHandlers = { readonly [K in EventName]?: ModuleEventHandler<K> };

/**
 * A module's manifest: its key (URL prefix /api/v1/<key>), what it declares (policies, messages, jobs, notification
 * templates, event handlers;
 * buildApp registers them, importing the module registers nothing), its routes, start-up wiring and demo data.
 */
export interface ModuleManifest {
  key: string;
  /** The rules of the actions this module decides (declarePolicy). */
  policies?: readonly PolicyDeclaration[];
  /** Its server-side messages, one declaration per locale (declareMessages). */
  messages?: readonly MessageDeclaration[];
  /** Its background jobs (declareJob). */
  jobs?: readonly JobDeclaration[];
  /** Its message templates for the notification outbox (declareNotificationTemplate). */
  notificationTemplates?: readonly NotificationTemplateDeclaration[];
  /** Its reactions to domain events, subscribed on each app's event bus. */
  events?: ModuleEventHandlers;
  routes?: (app: FastifyInstance, host: ModuleHost) => Promise<void>;
  /** Routes outside the API, at the site's root (a stand-in service's pages such as the payments sandbox). */
  siteRoutes?: (app: FastifyInstance, host: ModuleHost) => Promise<void>;
  register?: (host: ModuleHost) => void | Promise<void>;
  /** Loads demo data when the module has none; must be idempotent. */
  seedDemo?: (ctx: Ctx, host: ModuleHost) => Promise<void>;
  /**
   * Demo data made the way its users make it, through the app's public API (`app.inject`), after every module's
   * seedDemo; must be idempotent.
   */
  seedDemoThroughApi?: (app: FastifyInstance, host: ModuleHost) => Promise<void>;
}
