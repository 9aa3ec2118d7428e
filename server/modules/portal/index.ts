// The portal's composition (STYLE.md layout: `portal/` composes other modules' public functions through their
// index.ts): the signed-in account's dossiers — online and, by its verified ID number, desk ones — and the online
// supplement during handling (issue 11 items 4 and 6). It owns no table; its routes live under /api/v1/citizen.
import type { FastifyInstance } from 'fastify';
import type { ModuleHost, ModuleManifest } from '../../platform/http/module';
import { portalMessages } from './portal.messages';
import { portalPolicies } from './portal.policy';
import { portalRoutes } from './portal.routes';

export { PORTAL_ACTIONS } from './portal.policy';

/** Portal: serves /api/v1/citizen (the manifest key is the URL prefix; the OpenAPI tag is `citizen`). */
export const portalModule: ModuleManifest = {
  key: 'citizen',
  policies: portalPolicies,
  messages: portalMessages,
  async routes(app: FastifyInstance, host: ModuleHost) {
    await portalRoutes(app, { publicBaseUrl: host.config.publicBaseUrl, files: host.files, maxFileBytes: host.config.uploadLimitBytes });
  },
};
