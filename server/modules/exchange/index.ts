// The exchange module's only public door: the national public-service portal (DVCQG) exchange (issue 13 items 4–5;
// domain README §15.1) — every dossier status change pushed in order through a durable outbox, and the administrator's
// view of it.
import type { FastifyInstance } from 'fastify';
import type { ModuleHost, ModuleManifest } from '../../platform/http/module';
import { loadExchangeConfig } from './exchange.config';
import { exchangeJobs } from './exchange.jobs';
import { exchangeMessages } from './exchange.messages';
import { exchangePolicies } from './exchange.policy';
import { exchangeRoutes } from './exchange.routes';
import { exchangeConfigOf, rememberExchange } from './use-cases/runtime';

export { EXCHANGE_ACTIONS } from './exchange.policy';
export { feedOutbox, pushOutbox } from './use-cases/sync';
export { exchangeConfigOf, exchangeRuntimeOf } from './use-cases/runtime';
export { pullInbound } from './use-cases/inbound';
export { reconcileExchange, previousVnDay } from './use-cases/reconcile';

/** Exchange: serves /api/v1/exchange; its job pushes to DVCQG_URL when configured. */
export const exchangeModule: ModuleManifest = {
  key: 'exchange',
  policies: exchangePolicies,
  messages: exchangeMessages,
  jobs: exchangeJobs,
  register(host: ModuleHost) {
    const config = loadExchangeConfig(host.config.env);
    rememberExchange(host.events, config ? { config, files: host.files, maxFileBytes: host.config.uploadLimitBytes } : null);
  },
  async routes(app: FastifyInstance, host: ModuleHost) {
    await exchangeRoutes(app, exchangeConfigOf(host.events));
  },
};
