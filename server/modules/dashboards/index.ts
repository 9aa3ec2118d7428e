// The dashboards module's only public door (issue 12): indicators of units over periods, read only through what the
// dossiers and ratings modules publish (STYLE.md, boundaries 5).
import type { FastifyInstance } from 'fastify';
import type { ModuleManifest } from '../../platform/http/module';
import { dashboardMessages } from './dashboards.messages';
import { dashboardPolicies } from './dashboards.policy';
import { indicatorRoutes, publicIndicatorRoutes } from './dashboards.routes';

export { DASHBOARD_ACTIONS } from './dashboards.policy';

/** Serves /api/v1/indicators (officers). */
export const dashboardsModule: ModuleManifest = {
  key: 'indicators',
  policies: dashboardPolicies,
  messages: dashboardMessages,
  async routes(app: FastifyInstance) {
    await indicatorRoutes(app);
  },
};

/** Serves /api/v1/public/indicators (anyone). */
export const publicIndicatorsModule: ModuleManifest = {
  key: 'public',
  async routes(app: FastifyInstance) {
    await publicIndicatorRoutes(app);
  },
};
