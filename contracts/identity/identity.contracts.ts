import { z } from 'zod';
import { IsoDateSchema, PageQuerySchema, pageOf } from '../common/common.contracts';

// Field messages below are i18n keys (translated by the server's error handler and by the web app).

/** Roles an officer can hold over a unit's subtree. */
export const ROLES = ['system-admin', 'unit-admin', 'reception-officer', 'specialist', 'leader', 'reform-office', 'finance-officer', 'clerk'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** Kinds of organisation unit; `district` exists only for units closed by the 2025 reform (domain README §14.1). */
export const ORG_UNIT_KINDS = ['province', 'department', 'commune', 'district', 'service-center', 'division'] as const;
export const OrgUnitKindSchema = z.enum(ORG_UNIT_KINDS);
export type OrgUnitKind = z.infer<typeof OrgUnitKindSchema>;

export const UserKindSchema = z.enum(['officer', 'citizen']);
export type UserKind = z.infer<typeof UserKindSchema>;
export const AccountTypeSchema = z.enum(['citizen', 'business']);
export type AccountType = z.infer<typeof AccountTypeSchema>;

/** Password policy: 10–128 characters with at least one letter and one digit. */
export const PasswordSchema = z
  .string()
  .max(128, 'identity.errors.passwordTooLong')
  .refine((p) => p.length >= 10 && /\p{L}/u.test(p) && /\d/.test(p), { message: 'identity.errors.weakPassword' });

/**
 * Agency e-identifier (QĐ 20/2020/QĐ-TTg Điều 4, domain README §14.2): ≤ 35 characters of 0-9, A-Z and dots,
 * dot-separated groups; accepts the legacy `000.00.06.H56` and the new `H56.14` style. Lower case is upper-cased.
 */
export const OrgUnitCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^(?=.{1,35}$)[0-9A-Z]+(\.[0-9A-Z]+)*$/, 'identity.errors.invalidUnitCode');

/** Officer user names: 3–50 of a-z, 0-9, dot, dash, underscore (stored lower-case). */
export const UsernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,49}$/, 'identity.errors.invalidUsername');

export const EmailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email('identity.errors.invalidEmail'));

/** Vietnamese phone number: 0xxxxxxxxx or +84xxxxxxxxx (spaces, dots and dashes allowed). */
export const PhoneSchema = z
  .string()
  .trim()
  .regex(/^(\+84|0)[\d .-]{8,14}$/, 'identity.errors.invalidPhone')
  .refine((p) => /^(\+84|0)\d{9,10}$/.test(p.replace(/[ .-]/g, '')), { message: 'identity.errors.invalidPhone' });

const NameSchema = z.string().trim().min(1).max(200);
const ShortNameSchema = z.string().trim().max(100);

/** A role grant as shown to clients. */
/** A role on a unit, with the unit's name and code (the code names it in the indicators' queries). */
export const GrantViewSchema = z.object({ role: RoleSchema, orgUnitId: z.uuid(), orgUnitName: z.string(), orgUnitCode: z.string() });
export type GrantView = z.infer<typeof GrantViewSchema>;

/** A role grant as sent by clients. */
export const GrantInputSchema = z.object({ role: RoleSchema, orgUnitId: z.uuid() });
export type GrantInput = z.infer<typeof GrantInputSchema>;

// ---------------------------------------------------------------- session

/** The signed-in user with the policy actions they may perform somewhere. */
export const MeSchema = z.object({
  id: z.uuid(),
  kind: UserKindSchema,
  username: z.string().nullable(),
  displayName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  /** `citizen` or `business` for portal accounts, null for officers. */
  accountType: AccountTypeSchema.nullable(),
  grants: z.array(GrantViewSchema),
  actions: z.array(z.string()),
});
export type Me = z.infer<typeof MeSchema>;

export const LoginRequestSchema = z.object({
  /** User name, e-mail or phone. */
  login: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(200),
});
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

/** Answer of login and `GET /me`: the user and the token to echo in `x-csrf-token`. */
export const SessionResponseSchema = z.object({ user: MeSchema, csrfToken: z.string() });
export type SessionResponse = z.infer<typeof SessionResponseSchema>;
export const LoginResponseSchema = SessionResponseSchema;
export type LoginResponse = SessionResponse;
export const MeResponseSchema = SessionResponseSchema;
export type MeResponse = SessionResponse;

export const ChangePasswordRequestSchema = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: PasswordSchema,
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequestSchema>;

// ---------------------------------------------------------------- org units

export const OrgUnitSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  kind: OrgUnitKindSchema,
  parentId: z.uuid().nullable(),
  parentName: z.string().nullable(),
  /** Materialised path of ids, `/<root>/<child>/`. */
  path: z.string(),
  depth: z.number().int(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  successorId: z.uuid().nullable(),
  version: z.number().int(),
});
export type OrgUnit = z.infer<typeof OrgUnitSchema>;

/** A unit with its children, for the tree endpoint. */
export type OrgUnitNode = OrgUnit & { children: OrgUnitNode[] };
export const OrgUnitNodeSchema: z.ZodType<OrgUnitNode> = OrgUnitSchema.extend({
  get children() {
    return z.array(OrgUnitNodeSchema);
  },
}).meta({ id: 'OrgUnitNode' });

const BooleanQuerySchema = z
  .enum(['true', 'false'])
  .optional()
  .transform((v) => v === 'true');

export const ListOrgUnitsQuerySchema = PageQuerySchema.extend({
  /** Case- and diacritic-insensitive search on name, short name and code. */
  q: z.string().trim().max(200).optional(),
  kind: OrgUnitKindSchema.optional(),
  parentId: z.uuid().optional(),
  /** Include units whose `validTo` has passed. */
  includeClosed: BooleanQuerySchema,
});
export type ListOrgUnitsQuery = z.input<typeof ListOrgUnitsQuerySchema>;
export const ListOrgUnitsResponseSchema = pageOf(OrgUnitSchema);
export type ListOrgUnitsResponse = z.infer<typeof ListOrgUnitsResponseSchema>;

export const OrgUnitTreeQuerySchema = z.object({ includeClosed: BooleanQuerySchema });
export type OrgUnitTreeQuery = z.input<typeof OrgUnitTreeQuerySchema>;
export const OrgUnitTreeResponseSchema = z.object({ items: z.array(OrgUnitNodeSchema) });
export type OrgUnitTreeResponse = z.infer<typeof OrgUnitTreeResponseSchema>;

export const CreateOrgUnitRequestSchema = z.object({
  code: OrgUnitCodeSchema,
  name: NameSchema,
  shortName: ShortNameSchema.nullish(),
  kind: OrgUnitKindSchema,
  parentId: z.uuid().nullable(),
  /** Defaults to today (Asia/Ho_Chi_Minh). */
  validFrom: IsoDateSchema.optional(),
});
export type CreateOrgUnitRequest = z.infer<typeof CreateOrgUnitRequestSchema>;

export const UpdateOrgUnitRequestSchema = z.object({
  code: OrgUnitCodeSchema,
  name: NameSchema,
  shortName: ShortNameSchema.nullish(),
  kind: OrgUnitKindSchema,
  version: z.number().int().min(1),
});
export type UpdateOrgUnitRequest = z.infer<typeof UpdateOrgUnitRequestSchema>;

/** Closing keeps the unit and its history; a merged or renamed unit names its successor (§14.1). */
export const CloseOrgUnitRequestSchema = z.object({
  validTo: IsoDateSchema,
  successorId: z.uuid().nullish(),
  reason: z.string().trim().min(1).max(1000),
});
export type CloseOrgUnitRequest = z.infer<typeof CloseOrgUnitRequestSchema>;

// ---------------------------------------------------------------- users

export const UserSchema = z.object({
  id: z.uuid(),
  kind: UserKindSchema,
  username: z.string().nullable(),
  displayName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  accountType: AccountTypeSchema.nullable(),
  taxCode: z.string().nullable(),
  disabled: z.boolean(),
  /** Set while the account is locked after too many failed sign-ins. */
  lockedUntil: z.string().nullable(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  grants: z.array(GrantViewSchema),
  version: z.number().int(),
});
export type User = z.infer<typeof UserSchema>;

export const ListUsersQuerySchema = PageQuerySchema.extend({
  /** Case- and diacritic-insensitive search on name, user name, e-mail and phone. */
  q: z.string().trim().max(200).optional(),
  /** Users holding a grant on this unit or below it. */
  orgUnitId: z.uuid().optional(),
  role: RoleSchema.optional(),
  kind: UserKindSchema.optional(),
});
export type ListUsersQuery = z.input<typeof ListUsersQuerySchema>;
export const ListUsersResponseSchema = pageOf(UserSchema);
export type ListUsersResponse = z.infer<typeof ListUsersResponseSchema>;

export const CreateUserRequestSchema = z.object({
  username: UsernameSchema,
  displayName: NameSchema,
  email: EmailSchema.nullish(),
  phone: PhoneSchema.nullish(),
  password: PasswordSchema,
  grants: z.array(GrantInputSchema).min(1, 'identity.errors.grantsRequired').max(50),
});
export type CreateUserRequest = z.infer<typeof CreateUserRequestSchema>;

/** Replaces the user's profile and grants; officers keep at least one grant, citizens hold none. */
export const UpdateUserRequestSchema = z.object({
  displayName: NameSchema,
  email: EmailSchema.nullish(),
  phone: PhoneSchema.nullish(),
  grants: z.array(GrantInputSchema).max(50),
  version: z.number().int().min(1),
});
export type UpdateUserRequest = z.infer<typeof UpdateUserRequestSchema>;

export const ResetPasswordRequestSchema = z.object({ newPassword: PasswordSchema });
export type ResetPasswordRequest = z.infer<typeof ResetPasswordRequestSchema>;

// ---------------------------------------------------------------- sign-in throttles

export const LoginThrottleScopeSchema = z.enum(['account', 'address', 'password-change']);
export type LoginThrottleScope = z.infer<typeof LoginThrottleScopeSchema>;

/**
 * A failed sign-in counter (OWASP ASVS 2.2.1): per account (or per typed login matching no account), per client
 * address, or per user for wrong current passwords. Past the threshold each attempt waits a doubling, capped delay.
 */
export const LoginThrottleSchema = z.object({
  id: z.uuid(),
  scope: LoginThrottleScopeSchema,
  /** The account, when the counter belongs to one. */
  userId: z.uuid().nullable(),
  userDisplayName: z.string().nullable(),
  username: z.string().nullable(),
  /** The login as typed, for a login matching no account. */
  login: z.string().nullable(),
  /** The client address, for an address counter. */
  address: z.string().nullable(),
  failures: z.number().int(),
  lastFailureAt: z.string(),
  /** Attempts are held back until then (null: counting, not yet held back). */
  blockedUntil: z.string().nullable(),
});
export type LoginThrottle = z.infer<typeof LoginThrottleSchema>;

export const ListLoginThrottlesResponseSchema = z.object({ items: z.array(LoginThrottleSchema) });
export type ListLoginThrottlesResponse = z.infer<typeof ListLoginThrottlesResponseSchema>;

/** Public facts the sign-in page shows before anyone signs in. */
export const LoginInfoResponseSchema = z.object({
  /** True when this instance runs with the demo data, whose printed accounts share a public password. */
  demo: z.boolean(),
  /** Single sign-on with the national e-ID, when configured: the provider's name for the button and the route it opens. */
  sso: z.object({ provider: z.string(), startPath: z.string() }).nullable(),
});
export type LoginInfoResponse = z.infer<typeof LoginInfoResponseSchema>;

// ---------------------------------------------------------------- first administrator (`npm run admin:create`)

/**
 * Input of the first-run command that creates the province's first system administrator (README "First run").
 * The province root unit is created from `unitCode`/`unitName` when the database has no unit yet.
 */
export const FirstAdminInputSchema = z.object({
  username: UsernameSchema,
  displayName: NameSchema,
  email: EmailSchema.nullish(),
  password: PasswordSchema,
  unitCode: OrgUnitCodeSchema.nullish(),
  unitName: NameSchema.nullish(),
});
export type FirstAdminInput = z.infer<typeof FirstAdminInputSchema>;
