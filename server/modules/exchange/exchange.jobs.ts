// Background jobs of the exchange: the feed copies dossiers' changes into the outbox; the push sends them.
import { declareJob, type JobDeclaration } from '../../platform/jobs';
import { feedOutbox, pushOutbox } from './use-cases/sync';
import { exchangeConfigOf } from './use-cases/runtime';

declare module '../../platform/jobs/jobs' {
  interface JobPayloads {
    'exchange.sync': Record<string, never>;
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

export const exchangeJobs: JobDeclaration[] = [syncJob];
