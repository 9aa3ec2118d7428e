// Background jobs of the dossiers module (platform/jobs; worked in-process or by the worker).
import { registerJob } from '../../platform/jobs';
import { sweepAtRisk } from './use-cases/maintain-deadlines';

declare module '../../platform/jobs/jobs' {
  interface JobPayloads {
    'dossiers.sweep-at-risk': Record<string, never>;
  }
}

/** How often the at-risk flags are refreshed (each run handles at most SWEEP_LIMIT dossiers, least recent first). */
export const SWEEP_EVERY_SECONDS = 600;

registerJob('dossiers.sweep-at-risk', async (_data, job) => void (await sweepAtRisk(job.ctx)), { retryLimit: 0, everySeconds: SWEEP_EVERY_SECONDS, expireInSeconds: 300 });
