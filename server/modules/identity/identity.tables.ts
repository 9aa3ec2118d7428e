import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * Organisation units as a tree of any depth (province → departments, communes; districts kept for history).
 * `path` is the materialised path of ids ("/<root>/<child>/") so subtree checks are a prefix match.
 * Units are never deleted: a merged or renamed unit is closed (`valid_to`) with a successor (§14, §19.14).
 */
export const identityOrgUnits = pgTable(
  'identity_org_units',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Official e-identifier (QĐ 20/2020/QĐ-TTg Điều 4), legacy `000.00.06.H56` or new `H56.14` style. */
    code: text('code').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    kind: text('kind').notNull(),
    parentId: uuid('parent_id'),
    path: text('path').notNull(),
    depth: integer('depth').notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    successorId: uuid('successor_id'),
    searchText: text('search_text').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('identity_org_units_code_uq').on(t.code),
    index('identity_org_units_parent_idx').on(t.parentId),
    index('identity_org_units_path_idx').on(t.path),
    check('identity_org_units_kind_ck', sql`${t.kind} in ('province','department','commune','district','service-center','division')`),
  ],
);

/** Officer, citizen and business accounts. `kind` separates staff from the public. */
export const identityUsers = pgTable(
  'identity_users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind').notNull(),
    /** Officers sign in with a user name; citizens with e-mail or phone. */
    username: text('username'),
    email: text('email'),
    phone: text('phone'),
    displayName: text('display_name').notNull(),
    accountType: text('account_type'),
    /**
     * A business's enterprise code, which is also its tax code (Luật Doanh nghiệp 2020 Điều 29): 10 digits, or
     * 10-3 for a dependent unit (Thông tư 105/2020/TT-BTC Điều 5), stored as written ("0100109106-001").
     */
    taxCode: text('tax_code'),
    /** A business account's registered name; `display_name` is the person who holds the account. */
    businessName: text('business_name'),
    /** Personal identification number (số định danh cá nhân, the 12 digits of the CCCD; Luật Căn cước 2023 Điều 12), as declared. */
    idNumber: text('id_number'),
    /**
     * When a trusted source (the national e-ID, VNeID, through single sign-on) vouched for `id_number`; null while
     * it is only declared. Only a verified number is unique, so nobody can hold another person's number hostage.
     */
    idNumberVerifiedAt: timestamp('id_number_verified_at', { withTimezone: true, mode: 'date' }),
    bornOn: date('born_on', { mode: 'string' }),
    address: text('address'),
    /** When the account proved it receives mail at `email` (a confirmation or password-reset link was used). */
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true, mode: 'date' }),
    /** When the account proved it receives SMS at `phone` (a one-time code was entered). */
    phoneVerifiedAt: timestamp('phone_verified_at', { withTimezone: true, mode: 'date' }),
    /** How the citizen prefers to be told about their dossiers. */
    notificationChannel: text('notification_channel').$type<NotificationChannelPreference>(),
    passwordHash: text('password_hash').notNull(),
    disabled: boolean('disabled').notNull().default(false),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true, mode: 'date' }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true, mode: 'date' }),
    searchText: text('search_text').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('identity_users_username_uq').on(sql`lower(${t.username})`),
    uniqueIndex('identity_users_email_uq').on(sql`lower(${t.email})`),
    uniqueIndex('identity_users_phone_uq').on(t.phone),
    uniqueIndex('identity_users_verified_id_number_uq')
      .on(t.idNumber)
      .where(sql`${t.idNumberVerifiedAt} is not null`),
    index('identity_users_id_number_idx').on(t.idNumber),
    check('identity_users_kind_ck', sql`${t.kind} in ('officer','citizen')`),
    check('identity_users_account_type_ck', sql`${t.accountType} in ('citizen','business')`),
    check('identity_users_id_number_ck', sql`${t.idNumber} ~ '^[0-9]{12}$'`),
    check('identity_users_tax_code_ck', sql`${t.taxCode} ~ '^[0-9]{10}(-[0-9]{3})?$'`),
    check('identity_users_notification_channel_ck', sql`${t.notificationChannel} in ('email','sms','zalo')`),
  ],
);

/** Channels a citizen may prefer for news of their dossiers. */
export const NOTIFICATION_CHANNEL_PREFERENCES = ['email', 'sms', 'zalo'] as const;
export type NotificationChannelPreference = (typeof NOTIFICATION_CHANNEL_PREFERENCES)[number];

/** What an account token proves when it is used. */
export const ACCOUNT_TOKEN_PURPOSES = ['email-confirmation', 'phone-confirmation', 'password-reset'] as const;
export type AccountTokenPurpose = (typeof ACCOUNT_TOKEN_PURPOSES)[number];

/**
 * Single-use secrets sent to a citizen: a link (e-mail confirmation, password reset) or a six-digit code (phone
 * confirmation). Only a SHA-256 of the secret is kept, so a database leak opens no account. `target` is the address
 * or number the secret was sent to: using it proves that one, which may be a new address the account is moving to.
 */
export const identityAccountTokens = pgTable(
  'identity_account_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => identityUsers.id),
    purpose: text('purpose').$type<AccountTokenPurpose>().notNull(),
    target: text('target').notNull(),
    secretHash: text('secret_hash').notNull(),
    /** Wrong codes entered against this token (codes only; a link's secret cannot be guessed). */
    attempts: integer('attempts').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true, mode: 'date' }),
    /** Replaced by a newer token of the same purpose, burnt by too many wrong codes, or voided by a password change. */
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    uniqueIndex('identity_account_tokens_secret_uq').on(t.secretHash),
    index('identity_account_tokens_user_idx').on(t.userId, t.purpose),
    index('identity_account_tokens_target_idx').on(t.target, t.purpose, t.createdAt),
    check('identity_account_tokens_purpose_ck', sql`${t.purpose} in ('email-confirmation','phone-confirmation','password-reset')`),
  ],
);

/** A role held by a user over a unit's subtree. */
export const identityRoleGrants = pgTable(
  'identity_role_grants',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => identityUsers.id),
    role: text('role').notNull(),
    orgUnitId: uuid('org_unit_id')
      .notNull()
      .references(() => identityOrgUnits.id),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.role, t.orgUnitId] }),
    check('identity_role_grants_role_ck', sql`${t.role} in ('system-admin','unit-admin','reception-officer','specialist','leader','reform-office','finance-officer','clerk')`),
  ],
);

/** What a sign-in throttle counts failures of: an account (or an unknown login), a client address, or password changes of one user. */
export const LOGIN_THROTTLE_SCOPES = ['account', 'address', 'password-change'] as const;
export type LoginThrottleScope = (typeof LOGIN_THROTTLE_SCOPES)[number];

/**
 * Failed sign-in counters with growing delays (OWASP ASVS v4 2.2.1): kept in the database so every app process sees
 * the same counts (D6). `key` is the user id, `login:<typed login>` for a login matching no account, or the address.
 */
export const identityLoginThrottles = pgTable(
  'identity_login_throttles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    scope: text('scope').$type<LoginThrottleScope>().notNull(),
    key: text('key').notNull(),
    userId: uuid('user_id').references(() => identityUsers.id),
    /** The login as typed when it matched no account (shown to administrators). */
    login: text('login'),
    failures: integer('failures').notNull(),
    lastFailureAt: timestamp('last_failure_at', { withTimezone: true, mode: 'date' }).notNull(),
    blockedUntil: timestamp('blocked_until', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    uniqueIndex('identity_login_throttles_scope_key_uq').on(t.scope, t.key),
    index('identity_login_throttles_user_idx').on(t.userId),
    check('identity_login_throttles_scope_ck', sql`${t.scope} in ('account','address','password-change')`),
  ],
);

/**
 * A portal account's identity at an OpenID Connect provider (the national e-ID): the provider's issuer and its
 * stable subject for the person. One per issuer and subject; an account may hold several (one per provider).
 */
export const identityOidcIdentities = pgTable(
  'identity_oidc_identities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    issuer: text('issuer').notNull(),
    subject: text('subject').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => identityUsers.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('identity_oidc_identities_subject_uq').on(t.issuer, t.subject), index('identity_oidc_identities_user_idx').on(t.userId)],
);

/**
 * Single sign-on requests between the redirect to the provider and its callback, kept in the database so any app
 * process can take the callback. `state_hash` is the SHA-256 of the state, which is also held by the browser in a
 * short-lived httpOnly cookie (the request is bound to that browser); each is used once.
 */
export const identityOidcRequests = pgTable(
  'identity_oidc_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    stateHash: text('state_hash').notNull(),
    nonce: text('nonce').notNull(),
    codeVerifier: text('code_verifier').notNull(),
    /** The portal page to land on once signed in. */
    returnTo: text('return_to').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [uniqueIndex('identity_oidc_requests_state_uq').on(t.stateHash), index('identity_oidc_requests_expires_idx').on(t.expiresAt)],
);
