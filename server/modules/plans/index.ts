// The plans module's only public door: the yearly administrative-reform plan (kế hoạch CCHC; issue 16, domain README
// §7.3 and §10) — plans per year and unit, tasks by reform area with lead and partner units, deadlines on the lead
// unit's calendar and output products, progress reports reviewed by the reform office, and overdue escalation.
import type { FastifyInstance } from 'fastify';
import type { ModuleManifest } from '../../platform/http/module';
import { planJobs } from './plans.jobs';
import { planMessages } from './plans.messages';
import { planPolicies } from './plans.policy';
import { planRoutes } from './plans.routes';
import { seedPlansDemo } from './plans.seed';

export { PLAN_ACTIONS } from './plans.policy';
/** The escalation sweep, for a worker or an administrator's run. */
export { remindPlanTasks, type PlanRemindRun } from './use-cases/remind-tasks';

/** Plans: serves /api/v1/plans and runs the `plans.remind` sweep. */
export const plansModule: ModuleManifest = {
  key: 'plans',
  policies: planPolicies,
  messages: planMessages,
  jobs: planJobs,
  async routes(app: FastifyInstance) {
    await planRoutes(app);
  },
  seedDemo: (ctx) => seedPlansDemo(ctx),
};
