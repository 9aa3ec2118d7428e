// The dossiers module's only public door: intake, workflow, deadlines, queues and the public lookup.
import './dossiers.policy';
import './dossiers.messages';
import './dossiers.notify';
import './dossiers.jobs';
import type { FastifyInstance } from 'fastify';
import { SYSTEM_ACTOR } from '../../platform/access';
import { registerCalendarImpactProvider } from '../../platform/calendar/store';
import type { ModuleHost, ModuleManifest } from '../../platform/http/module';
import { dossierRoutes } from './dossiers.routes';
import { seedDossiersDemo } from './dossiers.seed';
import { countDossiersAffected, countProvisionalDossiers, recomputeForCalendarChange } from './use-cases/maintain-deadlines';

export { DOSSIER_ACTIONS } from './dossiers.policy';
export { STATUS_CODE, TRANSITIONS, OPEN_STATES, TERMINAL_STATES } from './dossiers.workflow';
export { intakeDossier, type IntakeResult } from './use-cases/intake-dossier';
export { transitionDossier } from './use-cases/transition-dossier';
export { issueApology } from './use-cases/issue-apology';
export { sweepAtRisk, recomputeForCalendarChange, countDossiersAffected } from './use-cases/maintain-deadlines';
export { getDossier, getDossierByCode, getIntakeDecision, listDossiers, lookupDossier } from './use-cases/read-dossiers';
export { maskName } from './dossiers.public-view';

/** Dossiers: registers the calendar impact provider, subscribes to `calendar.changed`, serves /api/v1/dossiers. */
export const dossiersModule: ModuleManifest = {
  key: 'dossiers',
  register() {
    registerCalendarImpactProvider({
      module: 'dossiers',
      countAffected: (db, _before, _after, change) => countDossiersAffected(db, change),
      countProvisional: (db, provisionalFrom) => countProvisionalDossiers(db, provisionalFrom),
    });
  },
  async routes(app: FastifyInstance, host: ModuleHost) {
    await dossierRoutes(app, { publicBaseUrl: host.config.publicBaseUrl });
    // Subscribed here (once per app build) because this is where the app's logger is at hand.
    host.events.on('calendar.changed', async (event) => {
      const ctx = { actor: SYSTEM_ACTOR, db: host.database.db, clock: host.clock, log: app.log, locale: 'vi' as const, requestId: null, ip: null, events: host.events };
      const { moved } = await recomputeForCalendarChange(ctx, event);
      app.log.info({ moved, revision: event.revision }, 'dossiers: due instants recomputed after a calendar change');
    });
  },
  seedDemo: (ctx) => seedDossiersDemo(ctx),
};
