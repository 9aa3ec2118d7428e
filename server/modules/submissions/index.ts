// The submissions module's only public door: online applications by citizens and businesses, and the desk's review
// of them before reception (issue 11 item 3; domain README §3.1 steps 0–2).
import type { FastifyInstance } from 'fastify';
import type { ModuleHost, ModuleManifest } from '../../platform/http/module';
import { submissionMessages } from './submissions.messages';
import { submissionNoticeTemplate } from './submissions.notify';
import { submissionPolicies } from './submissions.policy';
import { submissionRoutes } from './submissions.routes';
import { seedSubmissionsDemo } from './submissions.seed';

export { SUBMISSION_ACTIONS } from './submissions.policy';
export { SUBMISSION_WORKFLOW, EDITABLE_STATES } from './submissions.workflow';
/** What the portal's composition (modules/portal) reads: the dossiers an account's applications became, and its file quota. */
export { listAccountDossierIds, accountOwnsDossier } from './submissions.repository';
export { ownerKeyOf, SUBMISSION_FILE_LIMITS } from './use-cases/submission-files';
/** What the national portal exchange (modules/exchange) uses: hand over its applications, read what became of them. */
export {
  checkNationalApplication,
  receiveNationalApplication,
  NATIONAL_FILE_KEY_PREFIX,
  type NationalApplicationInput,
  type NationalCheck,
  type NationalProblem,
} from './use-cases/receive-national';
export { listNationalIntakeEvents, nationalCodesOfDossiers, type NationalIntakeEvent } from './submissions.repository';
export { openDeskCodes } from './use-cases/common';

/** Submissions: serves /api/v1/submissions (the portal's applications and the desk's "online, awaiting reception"). */
export const submissionsModule: ModuleManifest = {
  key: 'submissions',
  policies: submissionPolicies,
  messages: submissionMessages,
  notificationTemplates: [submissionNoticeTemplate],
  async routes(app: FastifyInstance, host: ModuleHost) {
    await submissionRoutes(app, { publicBaseUrl: host.config.publicBaseUrl, files: host.files, maxFileBytes: host.config.uploadLimitBytes });
  },
  seedDemoThroughApi: (app, host) => seedSubmissionsDemo(app, host.clock),
};
