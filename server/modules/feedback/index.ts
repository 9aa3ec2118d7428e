// The feedback module's only public door: feedback and petitions on administrative regulations (phản ánh, kiến nghị —
// PAKN; issue 14 items 1–4, domain README §8): intake from the portal and by officers, classification and routing,
// deadlines on the working-time calendar, answers approved and published masked, the public pages and Open311.
import type { FastifyInstance } from 'fastify';
import { registerCalendarImpactProvider } from '../../platform/calendar/store';
import type { ModuleHost, ModuleManifest } from '../../platform/http/module';
import { loadFeedbackConfig } from './feedback.config';
import { feedbackJobs } from './feedback.jobs';
import { feedbackMessages } from './feedback.messages';
import { officerAlertTemplate, senderNoticeTemplate } from './feedback.notify';
import { feedbackPolicies } from './feedback.policy';
import { feedbackRoutes } from './feedback.routes';
import { seedFeedbackDemo } from './feedback.seed';
import { countFeedbackAffected, recomputeForCalendarChange } from './use-cases/calendar-change';
import { rememberFeedbackConfig } from './use-cases/common';

export { FEEDBACK_ACTIONS } from './feedback.policy';
export { FEEDBACK_WORKFLOW, OPEN_STATES, RUNNING_STATES } from './feedback.workflow';
/** The sweep, for a worker or an administrator's run. */
export { remindFeedback, type RemindRun } from './use-cases/remind-feedback';
/** The masking rules of published items, for other modules that publish citizens' text (dialogues' questions). */
export { maskPersonalData, initialsOf } from './feedback.masking';
/** The numbers the dashboards show (issue 14 item 6). */
export { readFeedbackIndicators } from './use-cases/feedback-indicators';
/** An item read by its code for a dialogue's question (when the caller may read it), for the dialogues module. */
export { readFeedbackForDialogue, type DialogueSourceItem } from './use-cases/dialogue-source';

/**
 * Feedback: serves /api/v1/feedback; reads FEEDBACK_* settings (feedback.config.ts) when the app is built, counts its
 * items in a calendar change's preview and recomputes their due instants after `calendar.changed` (§19 row 10).
 */
export const feedbackModule: ModuleManifest = {
  key: 'feedback',
  policies: feedbackPolicies,
  messages: feedbackMessages,
  jobs: feedbackJobs,
  notificationTemplates: [senderNoticeTemplate, officerAlertTemplate],
  events: {
    async 'calendar.changed'(event, ctx) {
      const { moved } = await recomputeForCalendarChange(ctx, event);
      ctx.log.info({ moved, revision: event.revision }, 'feedback: due instants recomputed after a calendar change');
    },
  },
  register(host: ModuleHost) {
    rememberFeedbackConfig(host.events, loadFeedbackConfig(host.config.env, host.config.publicBaseUrl, host.config.seedDemo));
    registerCalendarImpactProvider({ module: 'feedback', countAffected: (db, _before, _after, change) => countFeedbackAffected(db, change) });
  },
  async routes(app: FastifyInstance) {
    await feedbackRoutes(app);
  },
  seedDemoThroughApi: (app) => seedFeedbackDemo(app),
};
