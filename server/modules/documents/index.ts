// The documents module's only public door: official incoming and outgoing documents (văn bản đến/đi, issue 15; domain
// README §11; NĐ 30/2020/NĐ-CP): the registers with their yearly numbers, assignment and handling on the working-time
// calendar, drafting, signing and issuing with the series' numbers, internal exchange between units, books and numbers.
import type { FastifyInstance } from 'fastify';
import type { ModuleHost, ModuleManifest } from '../../platform/http/module';
import { documentJobs } from './documents.jobs';
import { documentMessages } from './documents.messages';
import { documentAlertTemplate } from './documents.notify';
import { documentPolicies } from './documents.policy';
import { documentRoutes } from './documents.routes';
import { seedDocumentsDemo } from './documents.seed';

export { DOCUMENT_ACTIONS } from './documents.policy';
/** Issues a dossier's result as an outgoing document of the signing unit (issue 15 item 6): `{ id, numberSymbol, issuedOn }`. */
export { issueResultDocument } from './use-cases/outgoing';
/** The numbers for dashboards (received, assigned, done, on time, overdue; issued) of one body over a period. */
export { documentIndicators, documentStatsByUnit, type DocumentUnitStats } from './use-cases/books';
/** The reminder sweep, for a worker or an administrator's run. */
export { remindDocuments, type RemindRun } from './use-cases/remind';

/** Documents: serves /api/v1/documents, sweeps handling deadlines, seeds the demo registers. */
export const documentsModule: ModuleManifest = {
  key: 'documents',
  policies: documentPolicies,
  messages: documentMessages,
  jobs: documentJobs,
  notificationTemplates: [documentAlertTemplate],
  async routes(app: FastifyInstance, host: ModuleHost) {
    await documentRoutes(app, { files: host.files, maxFileBytes: host.config.uploadLimitBytes });
  },
  seedDemo: (ctx) => seedDocumentsDemo(ctx),
};
