// Types come from the shared contract (type-only, so no server or zod code reaches the bundle).
import type { OrgUnitKind, Role } from '../../../contracts/identity/identity.contracts';

export type {
  ChangePasswordRequest,
  CloseOrgUnitRequest,
  CreateOrgUnitRequest,
  CreateUserRequest,
  GrantInput,
  GrantView,
  ListOrgUnitsQuery,
  ListOrgUnitsResponse,
  ListLoginThrottlesResponse,
  ListUsersQuery,
  ListUsersResponse,
  LoginInfoResponse,
  LoginRequest,
  LoginThrottle,
  Me,
  OrgUnit,
  OrgUnitKind,
  OrgUnitNode,
  OrgUnitTreeResponse,
  ResetPasswordRequest,
  Role,
  SessionResponse,
  UpdateOrgUnitRequest,
  UpdateUserRequest,
  User,
} from '../../../contracts/identity/identity.contracts';

/** Roles in display order (mirrors the contract's enum; `satisfies` keeps them in step). */
export const ROLES = ['system-admin', 'unit-admin', 'reception-officer', 'specialist', 'leader', 'reform-office', 'finance-officer', 'clerk'] as const satisfies readonly Role[];

/** Unit kinds offered for new units; `district` exists only for history (domain README §14.1). */
export const ORG_UNIT_KINDS = ['province', 'department', 'commune', 'service-center', 'division', 'district'] as const satisfies readonly OrgUnitKind[];

/** Policy actions the identity screens check (from identity.policy.ts). */
export const IDENTITY_ACTIONS = {
  listUnits: 'identity.org-units.list',
  createUnit: 'identity.org-units.create',
  updateUnit: 'identity.org-units.update',
  closeUnit: 'identity.org-units.close',
  listUsers: 'identity.users.list',
  createUser: 'identity.users.create',
  updateUser: 'identity.users.update',
  disableUser: 'identity.users.disable',
  resetPassword: 'identity.users.reset-password',
  manageLoginThrottles: 'identity.login-throttles.manage',
} as const;
