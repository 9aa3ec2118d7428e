// The identity module's only public door: org units (tree), users, roles, sessions.
import { identityPolicies } from './identity.policy';
import { platformPolicies } from './platform.policy';
import { identityMessages } from './identity.messages';
import type { FastifyInstance } from 'fastify';
import type { ModuleHost, ModuleManifest } from '../../platform/http/module';
import { createActorLoader } from './actor';
import { authRoutes } from './auth.routes';
import { citizenRoutes } from './citizen.routes';
import { ssoRoutes } from './sso.routes';
import { identityNotificationTemplates } from './identity.notify';
import { seedIdentityDemo } from './demo/seed-demo';
import { orgUnitRoutes } from './org-units.routes';
import { userRoutes } from './users.routes';

/**
 * Manifest: its policies and those of the platform's administrative actions (identity owns the roles), its messages to
 * citizens, loads the request actor for the platform, serves /api/v1/identity (with the portal's account routes under
 * /citizen) and seeds the demo province.
 */
export const identityModule: ModuleManifest = {
  key: 'identity',
  policies: [...identityPolicies, ...platformPolicies],
  messages: identityMessages,
  notificationTemplates: identityNotificationTemplates,
  register(host: ModuleHost) {
    host.setActorLoader(createActorLoader(host.clock));
  },
  async routes(app: FastifyInstance, host: ModuleHost) {
    await authRoutes(app, host);
    await citizenRoutes(app, host);
    await ssoRoutes(app, host);
    await orgUnitRoutes(app);
    await userRoutes(app);
  },
  seedDemo: (ctx) => seedIdentityDemo(ctx),
};

export { identityOrgUnits, identityUsers, identityRoleGrants } from './identity.tables';
export {
  getOrgUnit,
  getOrgUnitByCode,
  listOpenOrgUnitsOfKind,
  listOrgUnitsByIds,
  listOrgUnitIdsWithin,
  listOrgUnitsWithin,
  listOrgUnitRefs,
  cachedOrgUnitRefs,
  isOpenOn,
  type OrgUnitView,
  type OrgUnitRef,
} from './org-units.repository';
export { listUserNamesByIds, listOfficerContacts, listRoleHolderContacts, verifiedIdNumberOf, notifyChannelsOf } from './users.repository';
export { createFirstAdmin, hasSystemAdmin } from './use-cases/first-admin';
/** The signed-in portal account's profile, with the applicant block application forms pre-fill (submissions). */
export { getCitizenProfile } from './use-cases/citizen-profile';
export { productionStartNotices } from './demo/start-notices';
export { escapeLike, normaliseSearch, vietnamDate } from './identity.text';
export { type OrgUnitSubject, type UserSubject } from './identity.policy';
export {
  ROLES,
  SYSTEM_ADMIN,
  UNIT_ADMIN,
  RECEPTION_OFFICER,
  SPECIALIST,
  LEADER,
  REFORM_OFFICE,
  FINANCE_OFFICER,
  CLERK,
  PROVINCE_READERS,
  PRIVILEGED_ROLES,
  isSystemAdmin,
  isOfficer,
  type Role,
} from './roles';
export type { OrgUnitRow } from './org-units.repository';
