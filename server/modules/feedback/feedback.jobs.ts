// Background jobs of the feedback module (platform/jobs; worked in-process or by the worker).
import { declareJob, type JobDeclaration } from '../../platform/jobs';
import { remindFeedback } from './use-cases/remind-feedback';

declare module '../../platform/jobs/jobs' {
  interface JobPayloads {
    'feedback.remind': Record<string, never>;
  }
}

/** How often the reminder sweep runs (each run handles at most REMIND_LIMIT items). */
export const REMIND_EVERY_SECONDS = 600;

/** Every 10 minutes: remind the unit one working day before an answer is due, tell its leaders once it is overdue. */
const remindJob = declareJob('feedback.remind', async (_data, job) => void (await remindFeedback(job.ctx)), {
  retryLimit: 0,
  everySeconds: REMIND_EVERY_SECONDS,
  expireInSeconds: 300,
});

/** The feedback module's jobs, declared in its manifest. */
export const feedbackJobs: JobDeclaration[] = [remindJob];
