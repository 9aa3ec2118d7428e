import { randomUUID } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { FirstAdminInput } from '../../../../contracts/identity/identity.contracts';
import { withTransaction, type Ctx } from '../../../platform/context/context';
import type { Queryable } from '../../../platform/db/database';
import { AppError } from '../../../platform/errors';
import { identityOrgUnits, identityRoleGrants, identityUsers } from '../identity.tables';
import { orgUnitSearchText } from '../org-units.repository';
import { hashPassword } from '../passwords';
import { findTakenIdentifiers, userSearchText } from '../users.repository';
import { duplicateError, fieldError, today } from './common';

/** Serialises concurrent first-admin runs, so two at once cannot both succeed. */
const FIRST_ADMIN_LOCK = 770301;

/** True once any account holds the system-administrator role (then the first-run command refuses). */
export async function hasSystemAdmin(db: Queryable): Promise<boolean> {
  const rows = await db.select({ userId: identityRoleGrants.userId }).from(identityRoleGrants).where(eq(identityRoleGrants.role, 'system-admin')).limit(1);
  return rows.length > 0;
}

/** The unit the first administrator's role hangs on: the only open root, or a new province root. */
async function rootUnit(ctx: Ctx, tx: Queryable, input: FirstAdminInput): Promise<{ id: string; created: boolean }> {
  const roots = await tx
    .select()
    .from(identityOrgUnits)
    .where(and(isNull(identityOrgUnits.parentId), isNull(identityOrgUnits.validTo)));
  if (input.unitCode) {
    const byCode = roots.find((r) => r.code === input.unitCode);
    if (byCode) return { id: byCode.id, created: false };
  }
  if (roots.length === 1 && !input.unitCode) return { id: roots[0]!.id, created: false };
  if (roots.length > 0) throw fieldError('unitCode', 'identity.errors.unitNotFound');
  if (!input.unitCode) throw fieldError('unitCode', 'identity.errors.firstAdminUnitRequired');
  if (!input.unitName) throw fieldError('unitName', 'identity.errors.firstAdminUnitRequired');
  const id = randomUUID();
  const now = ctx.clock.now();
  const unit = { code: input.unitCode, name: input.unitName, shortName: null };
  await tx.insert(identityOrgUnits).values({
    id,
    ...unit,
    kind: 'province',
    parentId: null,
    path: `/${id}/`,
    depth: 0,
    validFrom: today(ctx),
    searchText: orgUnitSearchText(unit),
    createdAt: now,
    updatedAt: now,
  });
  return { id, created: true };
}

/**
 * Creates the first system administrator with the password the operator chose (first run in production, issue 8
 * item 6). Works once: when any system administrator exists it refuses with FIRST_ADMIN_EXISTS and changes nothing.
 */
export async function createFirstAdmin(ctx: Ctx, input: FirstAdminInput): Promise<{ userId: string; orgUnitId: string; unitCreated: boolean }> {
  const passwordHash = await hashPassword(input.password);
  const email = input.email ?? null;
  return withTransaction(ctx, async (scope) => {
    await scope.tx.execute(sql`select pg_advisory_xact_lock(${FIRST_ADMIN_LOCK})`);
    if (await hasSystemAdmin(scope.tx)) throw new AppError('FIRST_ADMIN_EXISTS', {}, { status: 409 });
    const taken = await findTakenIdentifiers(scope.tx, { username: input.username, email });
    if (taken.length) throw duplicateError(taken);
    const unit = await rootUnit(ctx, scope.tx, input);
    const now = ctx.clock.now();
    const profile = { username: input.username, displayName: input.displayName, email, phone: null };
    const id = randomUUID();
    await scope.tx
      .insert(identityUsers)
      .values({ id, kind: 'officer', ...profile, passwordHash, passwordChangedAt: now, searchText: userSearchText(profile), createdAt: now, updatedAt: now });
    await scope.tx.insert(identityRoleGrants).values({ userId: id, role: 'system-admin', orgUnitId: unit.id });
    await scope.audit({
      action: 'identity.first-admin.create',
      subjectType: 'user',
      subjectId: id,
      after: { username: input.username, displayName: input.displayName, email, role: 'system-admin', orgUnitId: unit.id, unitCreated: unit.created },
    });
    return { userId: id, orgUnitId: unit.id, unitCreated: unit.created };
  });
}
