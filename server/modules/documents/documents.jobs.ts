// Background jobs of the documents module (platform/jobs; worked in-process or by the worker).
import { declareJob, type JobDeclaration } from '../../platform/jobs';
import { remindDocuments } from './use-cases/remind';

declare module '../../platform/jobs/jobs' {
  interface JobPayloads {
    'documents.remind': Record<string, never>;
  }
}

/** How often the reminder sweep runs (each run handles at most REMIND_LIMIT documents). */
export const REMIND_EVERY_SECONDS = 600;

/** Every 10 minutes: remind the lead before an incoming document is due, tell the body's leaders once it is overdue. */
const remindJob = declareJob('documents.remind', async (_data, job) => void (await remindDocuments(job.ctx)), {
  retryLimit: 0,
  everySeconds: REMIND_EVERY_SECONDS,
  expireInSeconds: 300,
});

/** The documents module's jobs, declared in its manifest. */
export const documentJobs: JobDeclaration[] = [remindJob];
