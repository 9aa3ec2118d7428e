import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '../config/config';
import type { Clock, Ctx } from '../context/context';
import type { Database } from '../db/database';
import type { EventBus } from '../events/event-bus';
import type { ActorLoader } from './request-context';

/** What the application offers a module when it is registered. */
export interface ModuleHost {
  database: Database;
  config: AppConfig;
  clock: Clock;
  events: EventBus;
  setActorLoader(loader: ActorLoader): void;
}

/** A module's manifest: its key (URL prefix /api/v1/<key>), its routes, start-up wiring and demo data. */
export interface ModuleManifest {
  key: string;
  routes?: (app: FastifyInstance, host: ModuleHost) => Promise<void>;
  register?: (host: ModuleHost) => void | Promise<void>;
  /** Loads demo data when the module has none; must be idempotent. */
  seedDemo?: (ctx: Ctx, host: ModuleHost) => Promise<void>;
}
