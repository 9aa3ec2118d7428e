// Background jobs of the exchange: the feed copies dossiers' changes into the outbox; the push sends them.
import { declareJob, type JobDeclaration } from '../../platform/jobs';
import { feedOutbox, pushOutbox } from './use-cases/sync';
import { pullInbound } from './use-cases/inbound';
import { reconcileExchange } from './use-cases/reconcile';
import { exchangeConfigOf, exchangeRuntimeOf } from './use-cases/runtime';

declare module '../../platform/jobs/jobs' {
  interface JobPayloads {
    'exchange.sync': Record<string, never>;
    'exchange.pull': Record<string, never>;
    'exchange.reconcile': Record<string, never>;
  }
}

/** Every 15 s: queue new changes, then push what is due (nothing at all while the exchange is off). */
const syncJob = declareJob(
  'exchange.sync',
  async (_data, job) => {
    const config = exchangeConfigOf(job.ctx.events);
    if (!config) return;
    await feedOutbox(job.ctx);
    const run = await pushOutbox(job.ctx, config);
    if (run.sent + run.failed > 0) job.ctx.log.info(run, 'exchange: pushed to the national portal');
  },
  { retryLimit: 0, everySeconds: 15, expireInSeconds: 600 },
);

/** Every minute: take the dossiers citizens submitted on the national portal into the desks' queues. */
const pullJob = declareJob(
  'exchange.pull',
  async (_data, job) => {
    const runtime = exchangeRuntimeOf(job.ctx.events);
    if (!runtime) return;
    const run = await pullInbound(job.ctx, runtime);
    if (run.received + run.unreadable + run.failed > 0) job.ctx.log.info(run, 'exchange: picked up national portal dossiers');
  },
  { retryLimit: 0, everySeconds: 60, expireInSeconds: 600 },
);

/**
 * Every hour: reconcile yesterday with the portal if no run has done it yet (the day's row makes it once per day across
 * processes and restarts; a failed or cut-short day is taken again).
 */
const reconcileJob = declareJob(
  'exchange.reconcile',
  async (_data, job) => {
    const runtime = exchangeRuntimeOf(job.ctx.events);
    if (!runtime) return;
    const run = await reconcileExchange(job.ctx, runtime);
    if (run) job.ctx.log.info({ day: run.day, state: run.state, checked: run.dossiersChecked, mismatches: run.mismatches }, 'exchange: daily reconciliation');
  },
  { retryLimit: 0, everySeconds: 3_600, expireInSeconds: 3_000 },
);

export const exchangeJobs: JobDeclaration[] = [syncJob, pullJob, reconcileJob];
