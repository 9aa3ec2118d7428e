// Background jobs of the plans module (platform/jobs; worked in-process or by the worker).
import { declareJob, type JobDeclaration } from '../../platform/jobs';
import { remindPlanTasks } from './use-cases/remind-tasks';

declare module '../../platform/jobs/jobs' {
  interface JobPayloads {
    'plans.remind': Record<string, never>;
  }
}

/** Every 10 minutes: escalate the open tasks past their due instant (once each). */
const remindJob = declareJob('plans.remind', async (_data, job) => void (await remindPlanTasks(job.ctx)), {
  retryLimit: 0,
  everySeconds: 600,
  expireInSeconds: 300,
});

/** The plans module's jobs, declared in its manifest. */
export const planJobs: JobDeclaration[] = [remindJob];
