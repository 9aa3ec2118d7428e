// The dialogues module's only public door: government–citizen dialogue (đối thoại; issue 14 item 5, domain README §9):
// sessions by level with their chair, time, place or link and audience; questions collected in advance from the
// public and from feedback items; agenda and minutes; an answer per question; commitments with an owner unit and a
// deadline on the working-time calendar, tracked to done with public progress, reminders and escalation.
import type { FastifyInstance } from 'fastify';
import { registerCalendarImpactProvider } from '../../platform/calendar/store';
import type { ModuleHost, ModuleManifest } from '../../platform/http/module';
import { loadDialoguesConfig } from './dialogues.config';
import { dialogueJobs } from './dialogues.jobs';
import { dialogueMessages } from './dialogues.messages';
import { askerNoticeTemplate, officerAlertTemplate } from './dialogues.notify';
import { dialoguePolicies } from './dialogues.policy';
import { dialogueRoutes } from './dialogues.routes';
import { seedDialoguesDemo } from './dialogues.seed';
import { countCommitmentsAffected, recomputeForCalendarChange } from './use-cases/calendar-change';
import { rememberDialoguesConfig } from './use-cases/common';

export { DIALOGUE_ACTIONS } from './dialogues.policy';
/** The `dialogues.commitment-made` event's payload, for modules that pick commitments up (the reform plan's tasks). */
export type { CommitmentMadeEvent } from './dialogues.events';
/** The numbers for dashboards: commitments made, done on time, done late, open and overdue, by owner unit, over a period. */
export { commitmentStats } from './use-cases/public-dialogues';
/** A commitment with its history as the officers see it (for the reform plan's task, which links to it). */
export { getCommitmentForOfficer } from './use-cases/read-dialogues';
/** The reminder sweep, for a worker or an administrator's run. */
export { remindCommitments, type RemindRun } from './use-cases/remind-commitments';

/**
 * Dialogues: serves /api/v1/dialogues; reads DIALOGUE_* settings (dialogues.config.ts) when the app is built, counts its
 * open commitments in a calendar change's preview and recomputes their due instants after `calendar.changed` (§19 row 10).
 */
export const dialoguesModule: ModuleManifest = {
  key: 'dialogues',
  policies: dialoguePolicies,
  messages: dialogueMessages,
  jobs: dialogueJobs,
  notificationTemplates: [askerNoticeTemplate, officerAlertTemplate],
  events: {
    async 'calendar.changed'(event, ctx) {
      const { moved } = await recomputeForCalendarChange(ctx, event);
      ctx.log.info({ moved, revision: event.revision }, 'dialogues: commitment due instants recomputed after a calendar change');
    },
  },
  register(host: ModuleHost) {
    rememberDialoguesConfig(host.events, loadDialoguesConfig(host.config.env, host.config.publicBaseUrl));
    registerCalendarImpactProvider({ module: 'dialogues', countAffected: (db, _before, _after, change) => countCommitmentsAffected(db, change) });
  },
  async routes(app: FastifyInstance) {
    await dialogueRoutes(app);
  },
  seedDemo: (ctx) => seedDialoguesDemo(ctx),
};
