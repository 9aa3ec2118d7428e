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
    taxCode: text('tax_code'),
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
    check('identity_users_kind_ck', sql`${t.kind} in ('officer','citizen')`),
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
    check('identity_role_grants_role_ck', sql`${t.role} in ('system-admin','unit-admin','reception-officer','specialist','leader','reform-office')`),
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
