import { and, asc, count, eq, exists, inArray, like, ne, or, sql, type SQL } from 'drizzle-orm';
import type { NotificationChannel } from '../../../contracts/notifications/notifications.contracts';
import { sqlIsWithin } from '../../platform/access';
import type { Queryable } from '../../platform/db/database';
import { identityOrgUnits, identityRoleGrants, identityUsers } from './identity.tables';
import { escapeLike, normaliseSearch, searchConditions } from './identity.text';

/** A stored user row (contains the password hash: never send or audit it as is). */
export type UserRow = typeof identityUsers.$inferSelect;

/** A grant joined with its unit. */
export interface GrantRow {
  userId: string;
  role: string;
  orgUnitId: string;
  orgUnitName: string;
  orgUnitCode: string;
  scopePath: string;
  validTo: string | null;
}

/** The user's search key: names, user name, e-mail, phone, enterprise code and ID number, diacritics removed. */
export function userSearchText(u: {
  displayName: string;
  username?: string | null;
  email?: string | null;
  phone?: string | null;
  taxCode?: string | null;
  businessName?: string | null;
  idNumber?: string | null;
}): string {
  return normaliseSearch([u.displayName, u.businessName, u.username, u.email, u.phone, u.taxCode, u.idNumber].filter(Boolean).join(' '));
}

export async function getUserRow(db: Queryable, id: string): Promise<UserRow | null> {
  const rows = await db.select().from(identityUsers).where(eq(identityUsers.id, id)).limit(1);
  return rows[0] ?? null;
}

/** Locks a user row for an update in the caller's transaction. */
export async function lockUser(tx: Queryable, id: string): Promise<UserRow | null> {
  const rows = await tx.select().from(identityUsers).where(eq(identityUsers.id, id)).for('update').limit(1);
  return rows[0] ?? null;
}

/** Finds the account a sign-in name designates: user name or e-mail (case-insensitive) or phone. */
export async function findUserByLogin(db: Queryable, login: string, phone: string | null): Promise<UserRow | null> {
  const lower = login.toLowerCase();
  const conds: SQL[] = [sql`lower(${identityUsers.username}) = ${lower}`, sql`lower(${identityUsers.email}) = ${lower}`];
  if (phone) conds.push(eq(identityUsers.phone, phone));
  const rows = await db
    .select()
    .from(identityUsers)
    .where(or(...conds))
    .limit(2);
  // A login string matching two different accounts (one's user name is another's e-mail) signs in neither.
  return rows.length === 1 ? rows[0]! : null;
}

/** The account whose e-mail is `email` (case-insensitive), or null. */
export async function findUserByEmail(db: Queryable, email: string): Promise<UserRow | null> {
  const rows = await db
    .select()
    .from(identityUsers)
    .where(sql`lower(${identityUsers.email}) = ${email.toLowerCase()}`)
    .limit(1);
  return rows[0] ?? null;
}

/** The account whose phone is `phone` (stored form, 0xxxxxxxxx), or null. */
export async function findUserByPhone(db: Queryable, phone: string): Promise<UserRow | null> {
  const rows = await db.select().from(identityUsers).where(eq(identityUsers.phone, phone)).limit(1);
  return rows[0] ?? null;
}

/** Grants of these users with their units' names and paths. */
export async function loadGrants(db: Queryable, userIds: readonly string[]): Promise<GrantRow[]> {
  if (userIds.length === 0) return [];
  return db
    .select({
      userId: identityRoleGrants.userId,
      role: identityRoleGrants.role,
      orgUnitId: identityRoleGrants.orgUnitId,
      orgUnitName: identityOrgUnits.name,
      orgUnitCode: identityOrgUnits.code,
      scopePath: identityOrgUnits.path,
      validTo: identityOrgUnits.validTo,
    })
    .from(identityRoleGrants)
    .innerJoin(identityOrgUnits, eq(identityOrgUnits.id, identityRoleGrants.orgUnitId))
    .where(inArray(identityRoleGrants.userId, [...new Set(userIds)]))
    .orderBy(asc(identityOrgUnits.depth), asc(identityOrgUnits.name), asc(identityRoleGrants.role));
}

/** Replaces a user's grants inside the caller's transaction. */
export async function replaceGrants(tx: Queryable, userId: string, grants: ReadonlyArray<{ role: string; orgUnitId: string }>): Promise<void> {
  await tx.delete(identityRoleGrants).where(eq(identityRoleGrants.userId, userId));
  if (grants.length) await tx.insert(identityRoleGrants).values(grants.map((g) => ({ userId, role: g.role, orgUnitId: g.orgUnitId })));
}

/** Which of username / e-mail / phone already belong to another account. */
export async function findTakenIdentifiers(
  db: Queryable,
  v: { username?: string | null; email?: string | null; phone?: string | null; exceptUserId?: string },
): Promise<Array<'username' | 'email' | 'phone'>> {
  const conds: SQL[] = [];
  if (v.username) conds.push(sql`lower(${identityUsers.username}) = ${v.username.toLowerCase()}`);
  if (v.email) conds.push(sql`lower(${identityUsers.email}) = ${v.email.toLowerCase()}`);
  if (v.phone) conds.push(eq(identityUsers.phone, v.phone));
  if (conds.length === 0) return [];
  const where = v.exceptUserId ? and(or(...conds), ne(identityUsers.id, v.exceptUserId)) : or(...conds);
  const rows = await db.select({ username: identityUsers.username, email: identityUsers.email, phone: identityUsers.phone }).from(identityUsers).where(where);
  const taken = new Set<'username' | 'email' | 'phone'>();
  for (const r of rows) {
    if (v.username && r.username?.toLowerCase() === v.username.toLowerCase()) taken.add('username');
    if (v.email && r.email?.toLowerCase() === v.email.toLowerCase()) taken.add('email');
    if (v.phone && r.phone === v.phone) taken.add('phone');
  }
  return [...taken];
}

export interface UserFilter {
  q?: string;
  kind?: string;
  role?: string;
  /** Path of the unit whose subtree the user must hold a grant in. */
  unitPath?: string;
  /** When set, only officers holding a grant under one of these paths (a unit admin's reach). */
  visibleUnderPaths?: string[];
  page: number;
  pageSize: number;
}

function grantExists(extra: SQL[]): SQL {
  return exists(
    sql`(select 1 from ${identityRoleGrants} inner join ${identityOrgUnits} on ${identityOrgUnits.id} = ${identityRoleGrants.orgUnitId} where ${and(
      eq(identityRoleGrants.userId, identityUsers.id),
      ...extra,
    )})`,
  );
}

/** Searches users with filters; one grant must satisfy both `role` and `unitPath` when both are given. */
export async function searchUsers(db: Queryable, f: UserFilter): Promise<{ items: UserRow[]; total: number }> {
  const conds: SQL[] = searchConditions(identityUsers.searchText, f.q);
  if (f.kind) conds.push(eq(identityUsers.kind, f.kind));
  const grantConds: SQL[] = [];
  if (f.role) grantConds.push(eq(identityRoleGrants.role, f.role));
  if (f.unitPath) grantConds.push(like(identityOrgUnits.path, `${escapeLike(f.unitPath)}%`));
  if (grantConds.length) conds.push(grantExists(grantConds));
  if (f.visibleUnderPaths) {
    // A unit administrator sees officers holding a grant on their unit or below it.
    const reach = f.visibleUnderPaths.map((p) => sqlIsWithin(identityOrgUnits.path, p));
    conds.push(eq(identityUsers.kind, 'officer'), reach.length ? grantExists([or(...reach)!]) : sql`false`);
  }
  const where = conds.length ? and(...conds) : undefined;
  const [items, totals] = await Promise.all([
    db
      .select()
      .from(identityUsers)
      .where(where)
      .orderBy(asc(identityUsers.displayName), asc(identityUsers.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(identityUsers).where(where),
  ]);
  return { items, total: Number(totals[0]?.n ?? 0) };
}

/** Display names of users, for other modules that show who did what. */
export async function listUserNamesByIds(db: Queryable, ids: readonly string[]): Promise<Array<{ id: string; displayName: string; kind: string }>> {
  if (ids.length === 0) return [];
  return db
    .select({ id: identityUsers.id, displayName: identityUsers.displayName, kind: identityUsers.kind })
    .from(identityUsers)
    .where(inArray(identityUsers.id, [...new Set(ids)]));
}

/** Display and user names of users (the throttle list names the accounts it shows). */
export async function listUserLoginsByIds(db: Queryable, ids: readonly string[]): Promise<Array<{ id: string; displayName: string; username: string | null }>> {
  if (ids.length === 0) return [];
  return db
    .select({ id: identityUsers.id, displayName: identityUsers.displayName, username: identityUsers.username })
    .from(identityUsers)
    .where(inArray(identityUsers.id, [...new Set(ids)]));
}

/**
 * The portal account's ID number when a trusted source vouched for it (D24: `id_number_verified_at`), only for a
 * personal account (a business's own number is its enterprise code); null otherwise. Other modules match desk
 * dossiers to the account by this number, never by a declared one.
 */
export async function verifiedIdNumberOf(db: Queryable, userId: string): Promise<string | null> {
  const [row] = await db
    .select({ idNumber: identityUsers.idNumber, verifiedAt: identityUsers.idNumberVerifiedAt, kind: identityUsers.kind, accountType: identityUsers.accountType })
    .from(identityUsers)
    .where(eq(identityUsers.id, userId))
    .limit(1);
  if (!row || row.kind !== 'citizen' || row.accountType === 'business' || !row.verifiedAt || !row.idNumber) return null;
  return row.idNumber;
}

/**
 * The channel a portal account chose to be told on (the profile's "notification channel"), as the list other modules
 * hand the outbox; null for an account without a choice (or not a portal account): every channel then.
 */
export async function notifyChannelsOf(db: Queryable, userId: string): Promise<NotificationChannel[] | null> {
  const [row] = await db.select({ channel: identityUsers.notificationChannel, kind: identityUsers.kind }).from(identityUsers).where(eq(identityUsers.id, userId)).limit(1);
  return row?.kind === 'citizen' && row.channel ? [row.channel] : null;
}

/**
 * Active officers holding `role` by a grant on one of `unitIds` itself (not on a unit above), with their e-mail, for
 * other modules that alert a unit's leaders.
 */
export async function listRoleHolderContacts(
  db: Queryable,
  role: string,
  unitIds: readonly string[],
): Promise<Array<{ userId: string; unitId: string; displayName: string; email: string | null }>> {
  if (unitIds.length === 0) return [];
  return db
    .select({ userId: identityUsers.id, unitId: identityRoleGrants.orgUnitId, displayName: identityUsers.displayName, email: identityUsers.email })
    .from(identityRoleGrants)
    .innerJoin(identityUsers, eq(identityUsers.id, identityRoleGrants.userId))
    .where(
      and(eq(identityRoleGrants.role, role), inArray(identityRoleGrants.orgUnitId, [...new Set(unitIds)]), eq(identityUsers.kind, 'officer'), eq(identityUsers.disabled, false)),
    )
    .orderBy(asc(identityUsers.displayName), asc(identityUsers.id));
}

/**
 * Officers (enabled, with an e-mail) holding `role` by a grant on the unit itself, for messages about work the unit
 * now holds: a grant above the unit covers it for acting (D11) but does not make every dossier below its holder's mail.
 */
export async function listOfficerContacts(db: Queryable, unitId: string, role: string): Promise<Array<{ id: string; displayName: string; email: string }>> {
  const rows = await listRoleHolderContacts(db, role, [unitId]);
  return rows.flatMap((r) => (r.email === null ? [] : [{ id: r.userId, displayName: r.displayName, email: r.email }]));
}
