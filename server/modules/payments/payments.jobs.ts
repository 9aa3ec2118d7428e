// Background jobs of the payments module: paid requests take effect on their dossiers, and attempts whose
// notification never came are asked about at the gateway (issue 13 item 3).
import { declareJob, type JobDeclaration } from '../../platform/jobs';
import { applyPaidRequests, reconcilePending } from './use-cases/settle';

declare module '../../platform/jobs/jobs' {
  interface JobPayloads {
    'payments.apply-paid': Record<string, never>;
    'payments.reconcile': Record<string, never>;
  }
}

/**
 * Confirms paid requests to their dossiers. Sent right after a settlement commits, and every minute as the safety net
 * (a crash between the two, a dossier locked by an officer at that moment).
 */
const applyPaidJob = declareJob('payments.apply-paid', async (_data, job) => void (await applyPaidRequests(job.ctx)), { retryLimit: 0, everySeconds: 60, expireInSeconds: 300 });

/** Asks the gateway about attempts past their expiry without a notification (each at most every few minutes). */
const reconcileJob = declareJob(
  'payments.reconcile',
  async (_data, job) => {
    const run = await reconcilePending(job.ctx);
    if (run.asked > 0) job.ctx.log.info(run, 'payments: pending attempts asked about');
  },
  { retryLimit: 0, everySeconds: 120, expireInSeconds: 600 },
);

export const paymentJobs: JobDeclaration[] = [applyPaidJob, reconcileJob];
