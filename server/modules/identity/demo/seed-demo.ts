import { randomUUID } from 'node:crypto';
import { DEMO_PASSWORD } from '../../demo-accounts';
import { withTransaction, type Ctx } from '../../../platform/context/context';
import { identityOrgUnits, identityRoleGrants, identityUsers } from '../identity.tables';
import { hasAnyOrgUnit, orgUnitSearchText } from '../org-units.repository';
import { hashPassword } from '../passwords';
import { userSearchText } from '../users.repository';
import { DEMO_BUSINESS, DEMO_CITIZEN, DEMO_OFFICERS, DEMO_UNITS } from './demo-org';

/** Loads the demo province, its officers, one citizen and one business; does nothing once any org unit exists. */
export async function seedIdentityDemo(ctx: Ctx): Promise<void> {
  if (await hasAnyOrgUnit(ctx.db)) return;
  // One argon2 hash shared by every demo account: hashing each would add seconds to the first start.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = ctx.clock.now();

  const ids = new Map(DEMO_UNITS.map((u) => [u.key, randomUUID()]));
  const paths = new Map<string, { path: string; depth: number }>();
  const units = DEMO_UNITS.map((u) => {
    const id = ids.get(u.key)!;
    const parent = u.parent ? paths.get(u.parent) : undefined;
    if (u.parent && !parent) throw new Error(`demo unit ${u.key} listed before its parent ${u.parent}`);
    const place = { path: `${parent?.path ?? '/'}${id}/`, depth: parent ? parent.depth + 1 : 0 };
    paths.set(u.key, place);
    return {
      id,
      code: u.code,
      name: u.name,
      shortName: u.shortName ?? null,
      kind: u.kind,
      parentId: u.parent ? ids.get(u.parent)! : null,
      ...place,
      validFrom: u.validFrom,
      validTo: u.validTo ?? null,
      successorId: u.successor ? ids.get(u.successor)! : null,
      searchText: orgUnitSearchText(u),
      createdAt: now,
      updatedAt: now,
    };
  });

  const officers = DEMO_OFFICERS.map((o) => {
    const profile = { username: o.login, displayName: o.displayName, email: o.email, phone: o.phone ?? null };
    return { id: randomUUID(), kind: 'officer', ...profile, passwordHash, passwordChangedAt: now, searchText: userSearchText(profile), createdAt: now, updatedAt: now };
  });
  // The portal's demo accounts have confirmed their e-mail and phone, so they sign in at once.
  const [citizen, business] = [DEMO_CITIZEN, DEMO_BUSINESS].map((account) => ({
    id: randomUUID(),
    kind: 'citizen',
    username: null,
    ...account,
    emailVerifiedAt: now,
    phoneVerifiedAt: now,
    // The demo citizen's ID number stands verified, as single sign-on with the national e-ID would make it (D24), so
    // "my dossiers" also lists the desk's demo dossiers under it (dossiers.seed.ts DEMO_CITIZEN_APPLICANT).
    idNumberVerifiedAt: account === DEMO_CITIZEN ? now : null,
    passwordHash,
    passwordChangedAt: now,
    searchText: userSearchText(account),
    createdAt: now,
    updatedAt: now,
  }));
  const grants = DEMO_OFFICERS.flatMap((o, i) => o.grants.map((g) => ({ userId: officers[i]!.id, role: g.role, orgUnitId: ids.get(g.unit)! })));

  await withTransaction(ctx, async (scope) => {
    await scope.tx.insert(identityOrgUnits).values(units);
    await scope.tx.insert(identityUsers).values([...officers, citizen!, business!]);
    await scope.tx.insert(identityRoleGrants).values(grants);
    await scope.audit({
      action: 'identity.demo-seed',
      subjectType: 'org-unit',
      subjectId: units[0]!.id,
      after: { units: units.length, officers: officers.map((o) => o.username), citizens: [citizen!.email, business!.email] },
    });
  });
  ctx.log.info({ units: units.length, users: officers.length + 2 }, 'identity demo data loaded');
}
