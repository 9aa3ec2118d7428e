// Test factories for identity data, usable by every module's tests. They write straight to the database
// (no audit rows), so tests that count audit entries only see what the code under test wrote.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Role, OrgUnitKind } from '../../../../contracts/identity/identity.contracts';
import type { App } from '../../../app';
import type { Queryable } from '../../../platform/db/database';
import { TestAgent } from '../../../test/test-app';
import { identityOrgUnits, identityRoleGrants, identityUsers } from '../identity.tables';
import { orgUnitSearchText, type OrgUnitRow } from '../org-units.repository';
import { hashPassword } from '../passwords';
import { userSearchText, type UserRow } from '../users.repository';

/** The password of every factory-made account (meets the password policy). */
export const FACTORY_PASSWORD = 'Factory-pass-2026';
let factoryHash: Promise<string> | undefined;
const passwordHash = () => (factoryHash ??= hashPassword(FACTORY_PASSWORD));

const unique = () => randomBytes(4).toString('hex');

/** Inserts an org unit (a root when no parent is given) with a unique code and name. */
export async function createOrgUnit(
  db: Queryable,
  opts: {
    parent?: Pick<OrgUnitRow, 'id' | 'path' | 'depth'>;
    name?: string;
    code?: string;
    kind?: OrgUnitKind;
    shortName?: string;
    validFrom?: string;
    validTo?: string | null;
  } = {},
): Promise<OrgUnitRow> {
  const id = randomUUID();
  const tag = unique();
  const values = {
    id,
    code: opts.code ?? `T${tag.toUpperCase()}`,
    name: opts.name ?? `Đơn vị thử ${tag}`,
    shortName: opts.shortName ?? null,
    kind: opts.kind ?? (opts.parent ? 'department' : 'province'),
    parentId: opts.parent?.id ?? null,
    path: `${opts.parent?.path ?? '/'}${id}/`,
    depth: opts.parent ? opts.parent.depth + 1 : 0,
    validFrom: opts.validFrom ?? '2025-07-01',
    validTo: opts.validTo ?? null,
    successorId: null,
    createdAt: new Date('2025-07-01T00:00:00Z'),
    updatedAt: new Date('2025-07-01T00:00:00Z'),
  };
  const [row] = await db
    .insert(identityOrgUnits)
    .values({ ...values, searchText: orgUnitSearchText(values) })
    .returning();
  return row!;
}

/** A factory-made account with what it takes to sign in. */
export interface TestAccount {
  user: UserRow;
  login: string;
  password: string;
}

/** Inserts an officer holding `role` on `unit` (more grants via `extraGrants`). */
export async function createOfficer(
  db: Queryable,
  role: Role,
  unit: Pick<OrgUnitRow, 'id'>,
  opts: { displayName?: string; username?: string; extraGrants?: Array<{ role: Role; orgUnitId: string }> } = {},
): Promise<TestAccount> {
  const tag = unique();
  const profile = { username: opts.username ?? `officer.${tag}`, displayName: opts.displayName ?? `Cán bộ ${tag}`, email: `officer.${tag}@test.vn`, phone: null };
  const [user] = await db
    .insert(identityUsers)
    .values({ kind: 'officer', ...profile, passwordHash: await passwordHash(), searchText: userSearchText(profile), createdAt: new Date(), updatedAt: new Date() })
    .returning();
  const grants = [{ role, orgUnitId: unit.id }, ...(opts.extraGrants ?? [])];
  await db.insert(identityRoleGrants).values(grants.map((g) => ({ userId: user!.id, ...g })));
  return { user: user!, login: profile.username, password: FACTORY_PASSWORD };
}

/** Inserts a citizen account that signs in with its e-mail (confirmed unless `confirmed: false`). */
export async function createCitizen(db: Queryable, opts: { displayName?: string; confirmed?: boolean } = {}): Promise<TestAccount> {
  const tag = unique();
  const profile = { displayName: opts.displayName ?? `Công dân ${tag}`, email: `citizen.${tag}@test.vn` };
  const [user] = await db
    .insert(identityUsers)
    .values({
      kind: 'citizen',
      ...profile,
      emailVerifiedAt: opts.confirmed === false ? null : new Date('2026-01-01T00:00:00Z'),
      notificationChannel: 'email',
      accountType: 'citizen',
      passwordHash: await passwordHash(),
      searchText: userSearchText(profile),
      createdAt: new Date(),
      updatedAt: new Date(),
    })
    .returning();
  return { user: user!, login: profile.email, password: FACTORY_PASSWORD };
}

/** A random client address, so the per-IP login rate limit never trips across unrelated tests. */
export function randomIp(): string {
  const b = randomBytes(3);
  return `10.${b[0]}.${b[1]}.${b[2]}`;
}

/** Signs in through the API and returns a browser-like agent holding the cookie and CSRF token. */
export async function loginAs(app: App['app'], account: { login: string; password: string }, lang: 'vi' | 'en' = 'vi'): Promise<TestAgent> {
  const agent = new TestAgent(app, lang);
  const res = await agent.request('POST', '/api/v1/identity/login', { login: account.login, password: account.password }, { 'x-forwarded-for': randomIp() });
  if (res.statusCode !== 200) throw new Error(`login as ${account.login} failed: ${res.statusCode} ${res.body}`);
  return agent;
}
