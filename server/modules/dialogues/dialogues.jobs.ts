// Background jobs of the dialogues module (platform/jobs; worked in-process or by the worker).
import { declareJob, type JobDeclaration } from '../../platform/jobs';
import { remindCommitments } from './use-cases/remind-commitments';

declare module '../../platform/jobs/jobs' {
  interface JobPayloads {
    'dialogues.remind': Record<string, never>;
  }
}

/** How often the reminder sweep runs (each run handles at most REMIND_LIMIT commitments). */
export const REMIND_EVERY_SECONDS = 600;

/** Every 10 minutes: remind the owner unit before a commitment is due, tell its leaders once it is overdue. */
const remindJob = declareJob('dialogues.remind', async (_data, job) => void (await remindCommitments(job.ctx)), {
  retryLimit: 0,
  everySeconds: REMIND_EVERY_SECONDS,
  expireInSeconds: 300,
});

/** The dialogues module's jobs, declared in its manifest. */
export const dialogueJobs: JobDeclaration[] = [remindJob];
