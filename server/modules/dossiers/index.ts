// The dossiers module's only public door: intake, workflow, deadlines, queues and the public lookup.
import type { FastifyInstance } from 'fastify';
import { registerCalendarImpactProvider } from '../../platform/calendar/store';
import type { ModuleHost, ModuleManifest } from '../../platform/http/module';
import { dossierRoutes } from './dossiers.routes';
import { dossierResultRoutes, publicResultRoutes } from './dossiers.results.routes';
import { dossierResultMessages } from './dossiers.results.messages';
import { seedDossiersDemo } from './dossiers.seed';
import { dossierPolicies } from './dossiers.policy';
import { dossierMessages } from './dossiers.messages';
import { dossierJobs } from './dossiers.jobs';
import { applicantUpdateTemplate, holderUpdateTemplate } from './dossiers.notify';
import { countDossiersAffected, countProvisionalDossiers, recomputeForCalendarChange } from './use-cases/maintain-deadlines';

export { DOSSIER_ACTIONS } from './dossiers.policy';
export { STATUS_CODE, TRANSITIONS, OPEN_STATES, TERMINAL_STATES } from './dossiers.workflow';
export { intakeDossier, type IntakeResult, type IntakeOptions } from './use-cases/intake-dossier';
export { renderDossierSlip, renderIntakeDecisionSlip, type RenderedFile, type SlipReader } from './use-cases/render-slips';
export { getDossierForApplicant, getIntakeDecisionForApplicant, type ApplicantDossierView, type ApplicantIntakeDecision } from './use-cases/applicant-reads';
export { transitionDossier } from './use-cases/transition-dossier';
export { confirmOnlinePayment, findPaymentDemand, type PaymentDemand } from './use-cases/online-payment';
export { listSyncEvents, type DossierSyncEvent } from './use-cases/exchange-feed';
/** The slips' PDF engine (A4, Noto Serif, no file or network access) and its building blocks, for other modules' documents. */
export { renderPdf, field as pdfField, paragraph as pdfParagraph, type PdfNode, type PdfDocument } from './slips/slips.pdf';
/** The applicant's side (issue 11 items 4 and 6), for the portal's composition: the caller establishes the claim. */
export { listApplicantDossiers, getApplicantDossier, presentApplicantDossier, renderApplicantSlip, type ApplicantClaim } from './use-cases/applicant-dossiers';
export {
  attachSupplementFiles,
  removeSupplementFile,
  sendApplicantSupplementFile,
  receiveOnlineSupplement,
  SUPPLEMENT_FILE_LIMITS,
  type UploadQuota,
} from './use-cases/online-supplement';
export { issueApology } from './use-cases/issue-apology';
export { sweepAtRisk, recomputeForCalendarChange, countDossiersAffected } from './use-cases/maintain-deadlines';
export { getDossier, getDossierByCode, getIntakeDecision, listDossiers, lookupDossier } from './use-cases/read-dossiers';
export { maskName, refreshOutdatedPublicViews } from './dossiers.public-view';
export { getIssuedResultForApplicant, sendIssuedResult, type ApplicantIssuedResult } from './use-cases/read-results';
export { getDossierRatingFacts, findDossierRatingFactsByReceipt, listEndedDossierIds, type DossierRatingFacts } from './use-cases/rating-facts';
export type { DossierEndedEvent } from './dossiers.events';
/** The indicators' counters (issue 12), for the dashboards module. */
export { readIndicatorCountsGrouped, readProcedureCounters, refreshIndicatorStats, zeroCounts, type IndicatorCounts, type IndicatorGroup } from './use-cases/indicator-stats';
export { listIndicatorDossiers } from './use-cases/indicator-dossiers';
/** The periodic TTHC report's counts per procedure (issue 12 item 6, D46). */
export { readPeriodReportCounts, type PeriodReportCounts } from './use-cases/period-report-counts';
export {
  generateDossiers,
  SCALE_TABLES,
  type CompanionRows,
  type GeneratedEnding,
  type GenerateDossiersOptions,
  type GenerateDossiersResult,
  type GenerateProgress,
} from './dossiers.scale';
export { hashText, prng, uuidOf, weighted, type Rand } from './dossiers.scale-people';

/** Dossiers: registers the calendar impact provider, reacts to `calendar.changed`, serves /api/v1/dossiers. */
export const dossiersModule: ModuleManifest = {
  key: 'dossiers',
  policies: dossierPolicies,
  messages: dossierMessages,
  jobs: dossierJobs,
  notificationTemplates: [applicantUpdateTemplate, holderUpdateTemplate],
  events: {
    async 'calendar.changed'(event, ctx) {
      const { moved } = await recomputeForCalendarChange(ctx, event);
      ctx.log.info({ moved, revision: event.revision }, 'dossiers: due instants recomputed after a calendar change');
    },
  },
  register() {
    registerCalendarImpactProvider({
      module: 'dossiers',
      countAffected: (db, _before, _after, change) => countDossiersAffected(db, change),
      countProvisional: (db, provisionalFrom) => countProvisionalDossiers(db, provisionalFrom),
    });
  },
  async routes(app: FastifyInstance, host: ModuleHost) {
    await dossierRoutes(app, { publicBaseUrl: host.config.publicBaseUrl, files: host.files });
    await dossierResultRoutes(app, { publicBaseUrl: host.config.publicBaseUrl, files: host.files, maxFileBytes: host.config.uploadLimitBytes });
  },
  seedDemo: (ctx) => seedDossiersDemo(ctx),
};

/** Electronic results' public verification (NĐ 45/2020/NĐ-CP), served under /api/v1/results; part of the dossiers module. */
export const dossierResultsModule: ModuleManifest = {
  key: 'results',
  messages: dossierResultMessages,
  async routes(app: FastifyInstance, host: ModuleHost) {
    await publicResultRoutes(app, { publicBaseUrl: host.config.publicBaseUrl, files: host.files, maxFileBytes: host.config.uploadLimitBytes });
  },
};
