// Background jobs of the dossiers module (platform/jobs; worked in-process or by the worker).
import { declareJob, type JobDeclaration } from '../../platform/jobs';
import { sweepAtRisk } from './use-cases/maintain-deadlines';
import { refreshOutdatedPublicViews } from './dossiers.public-view';
import { refreshIndicatorStats } from './use-cases/indicator-stats';

declare module '../../platform/jobs/jobs' {
  interface JobPayloads {
    'dossiers.sweep-at-risk': Record<string, never>;
  }
}

/** How often the at-risk flags are refreshed (each run handles at most SWEEP_LIMIT dossiers, least recent first). */
export const SWEEP_EVERY_SECONDS = 600;

const sweepAtRiskJob = declareJob('dossiers.sweep-at-risk', async (_data, job) => void (await sweepAtRisk(job.ctx)), {
  retryLimit: 0,
  everySeconds: SWEEP_EVERY_SECONDS,
  expireInSeconds: 300,
});

declare module '../../platform/jobs/jobs' {
  interface JobPayloads {
    'dossiers.refresh-public-views': Record<string, never>;
  }
}

/**
 * Writes missing or outdated public lookup views (after a deployment changed the wording, or a write that cleared
 * them). Lookups stay correct meanwhile (they render on the fly); this only brings them back to the fast path.
 */
const refreshPublicViewsJob = declareJob('dossiers.refresh-public-views', async (_data, job) => void (await refreshOutdatedPublicViews(job.ctx.db, 2000)), {
  retryLimit: 0,
  everySeconds: 60,
  expireInSeconds: 300,
});

declare module '../../platform/jobs/jobs' {
  interface JobPayloads {
    'dossiers.refresh-indicator-stats': Record<string, never>;
  }
}

/**
 * Recomputes the indicators' buckets that writes marked (use-cases/indicator-stats.ts). Readers also refresh their own
 * units' marked buckets before reading, so this keeps the backlog short rather than the numbers correct.
 */
const refreshIndicatorStatsJob = declareJob('dossiers.refresh-indicator-stats', async (_data, job) => void (await refreshIndicatorStats(job.ctx.db)), {
  retryLimit: 0,
  everySeconds: 30,
  expireInSeconds: 300,
});

/** The dossiers module's jobs, declared in its manifest. */
export const dossierJobs: JobDeclaration[] = [sweepAtRiskJob, refreshPublicViewsJob, refreshIndicatorStatsJob];
