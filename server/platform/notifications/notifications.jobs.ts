import { declareJob, type JobDeclaration } from '../jobs';
import { deliverNotification, OUTBOX, sweepNotifications } from './notifications.outbox';

declare module '../jobs/jobs' {
  interface JobPayloads {
    'notifications.deliver': { id: string };
    'notifications.sweep': Record<string, never>;
  }
}

const deliverJob = declareJob(
  'notifications.deliver',
  async ({ id }, job) => {
    const { outcome, error } = await deliverNotification(job.ctx, id);
    // Throwing hands the retry (with backoff) to pg-boss; the row already records the attempt and its error.
    if (outcome === 'retry') throw error instanceof Error ? error : new Error(String(error));
  },
  { retryLimit: OUTBOX.maxAttempts - 1, retryDelaySeconds: 30, retryBackoff: true, expireInSeconds: 300, concurrency: 2 },
);

const sweepJob = declareJob('notifications.sweep', async (_data, job) => void (await sweepNotifications(job.ctx)), {
  retryLimit: 0,
  everySeconds: OUTBOX.sweepEverySeconds,
  expireInSeconds: 300,
});

/** The outbox's jobs, declared in the notifications manifest. */
export const notificationJobs: JobDeclaration[] = [deliverJob, sweepJob];
