// The submissions module's only public door: online applications by citizens and businesses, and the desk's review
// of them before reception (issue 11 item 3; domain README §3.1 steps 0–2).
import type { FastifyInstance } from 'fastify';
import type { ModuleHost, ModuleManifest } from '../../platform/http/module';
import { submissionMessages } from './submissions.messages';
import { submissionNoticeTemplate } from './submissions.notify';
import { submissionPolicies } from './submissions.policy';
import { submissionRoutes } from './submissions.routes';

export { SUBMISSION_ACTIONS } from './submissions.policy';
export { SUBMISSION_WORKFLOW, EDITABLE_STATES } from './submissions.workflow';

/** Submissions: serves /api/v1/submissions (the portal's applications and the desk's "online, awaiting reception"). */
export const submissionsModule: ModuleManifest = {
  key: 'submissions',
  policies: submissionPolicies,
  messages: submissionMessages,
  notificationTemplates: [submissionNoticeTemplate],
  async routes(app: FastifyInstance, host: ModuleHost) {
    await submissionRoutes(app, { publicBaseUrl: host.config.publicBaseUrl, files: host.files, maxFileBytes: host.config.uploadLimitBytes });
  },
};
