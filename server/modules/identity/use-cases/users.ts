import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { CreateUserRequest, GrantInput, UpdateUserRequest, User } from '../../../../contracts/identity/identity.contracts';
import { hasRole } from '../../../platform/access';
import { revokeUserSessions } from '../../../platform/auth/sessions';
import { withTransaction, type Ctx } from '../../../platform/context/context';
import { AppError, notFound } from '../../../platform/errors';
import { identityUsers } from '../identity.tables';
import type { UserSubject } from '../identity.policy';
import { auditUser, presentUser } from '../identity.presenter';
import { normalisePhone } from '../identity.text';
import { getOrgUnit, isOpenOn, listOrgUnitsByIds } from '../org-units.repository';
import { accountBlocks, clearUserCounters } from '../login-throttle';
import { revokeLiveTokens } from '../account-tokens';
import { hashPassword } from '../passwords';
import { PROVINCE_READERS, UNIT_ADMIN } from '../roles';
import { findTakenIdentifiers, getUserRow, loadGrants, replaceGrants, searchUsers, userSearchText, type GrantRow, type UserRow } from '../users.repository';
import { authorize, duplicateError, fieldError, requireUser, today } from './common';

function subjectOf(user: Pick<UserRow, 'kind'>, grants: ReadonlyArray<{ role: string; scopePath: string }>): UserSubject {
  return { kind: user.kind === 'citizen' ? 'citizen' : 'officer', grants: grants.map((g) => ({ role: g.role, scopePath: g.scopePath })) };
}

/** De-duplicates the requested grants and resolves their units, which must exist and be open. */
async function resolveGrants(ctx: Ctx, grants: GrantInput[]): Promise<Array<{ role: string; orgUnitId: string; scopePath: string }>> {
  const unique = [...new Map(grants.map((g) => [`${g.role}|${g.orgUnitId}`, g])).values()];
  const units = new Map(
    (
      await listOrgUnitsByIds(
        ctx.db,
        unique.map((g) => g.orgUnitId),
      )
    ).map((u) => [u.id, u]),
  );
  const day = today(ctx);
  return unique.map((g) => {
    const unit = units.get(g.orgUnitId);
    const index = grants.indexOf(g);
    if (!unit) throw fieldError(`body.grants.${index}.orgUnitId`, 'identity.errors.unitNotFound');
    if (!isOpenOn(unit, day)) throw fieldError(`body.grants.${index}.orgUnitId`, 'identity.errors.unitClosed');
    return { role: g.role, orgUnitId: g.orgUnitId, scopePath: unit.path };
  });
}

async function requireUserWithGrants(ctx: Ctx, id: string): Promise<{ user: UserRow; grants: GrantRow[] }> {
  const user = await getUserRow(ctx.db, id);
  if (!user) throw notFound('user', id);
  return { user, grants: await loadGrants(ctx.db, [id]) };
}

async function present(ctx: Ctx, user: UserRow): Promise<User> {
  const now = ctx.clock.now();
  return presentUser(user, await loadGrants(ctx.db, [user.id]), (await accountBlocks(ctx.db, [user.id], now)).get(user.id) ?? null);
}

/** Creates an officer account with its grants; a unit admin may only grant non-privileged roles inside their subtree. */
export async function createUser(ctx: Ctx, input: CreateUserRequest): Promise<User> {
  requireUser(ctx);
  const grants = await resolveGrants(ctx, input.grants);
  authorize(ctx, 'identity.users.create', subjectOf({ kind: 'officer' }, grants));
  const phone = input.phone ? normalisePhone(input.phone) : null;
  const email = input.email ?? null;
  const taken = await findTakenIdentifiers(ctx.db, { username: input.username, email, phone });
  if (taken.length) throw duplicateError(taken);
  const passwordHash = await hashPassword(input.password);
  const now = ctx.clock.now();
  const profile = { username: input.username, displayName: input.displayName, email, phone };
  const user = await withTransaction(ctx, async (scope) => {
    const [row] = await scope.tx
      .insert(identityUsers)
      .values({ id: randomUUID(), kind: 'officer', ...profile, passwordHash, passwordChangedAt: now, searchText: userSearchText(profile), createdAt: now, updatedAt: now })
      .returning();
    await replaceGrants(scope.tx, row!.id, grants);
    await scope.audit({ action: 'identity.users.create', subjectType: 'user', subjectId: row!.id, after: auditUser(row!, grants) });
    return row!;
  });
  return present(ctx, user);
}

/** Replaces a user's profile and grants; both the old and the new grants must be within the actor's reach. */
export async function updateUser(ctx: Ctx, id: string, input: UpdateUserRequest): Promise<User> {
  requireUser(ctx);
  const { user, grants: before } = await requireUserWithGrants(ctx, id);
  authorize(ctx, 'identity.users.update', subjectOf(user, before));
  if (user.kind === 'citizen' && input.grants.length > 0) throw fieldError('body.grants', 'identity.errors.citizenNoGrants');
  if (user.kind === 'officer' && input.grants.length === 0) throw fieldError('body.grants', 'identity.errors.grantsRequired');
  const grants = await resolveGrants(ctx, input.grants);
  authorize(ctx, 'identity.users.update', subjectOf(user, grants));
  if (user.version !== input.version) throw new AppError('VERSION_CONFLICT');
  const phone = input.phone ? normalisePhone(input.phone) : null;
  const email = input.email ?? null;
  const taken = await findTakenIdentifiers(ctx.db, { email, phone, exceptUserId: id });
  if (taken.length) throw duplicateError(taken);

  const profile = {
    displayName: input.displayName,
    email,
    phone,
    // A portal account's confirmation covers the address it proved; one an administrator types in is not proved.
    ...(user.kind === 'citizen' && email?.toLowerCase() !== user.email?.toLowerCase() ? { emailVerifiedAt: null } : {}),
    ...(user.kind === 'citizen' && phone !== user.phone ? { phoneVerifiedAt: null } : {}),
  };
  const updated = await withTransaction(ctx, async (scope) => {
    const [row] = await scope.tx
      .update(identityUsers)
      .set({ ...profile, searchText: userSearchText({ ...user, ...profile }), updatedAt: ctx.clock.now(), version: sql`${identityUsers.version} + 1` })
      .where(and(eq(identityUsers.id, id), eq(identityUsers.version, input.version)))
      .returning();
    if (!row) throw new AppError('VERSION_CONFLICT');
    await replaceGrants(scope.tx, id, grants);
    await scope.audit({ action: 'identity.users.update', subjectType: 'user', subjectId: id, before: auditUser(user, before), after: auditUser(row, grants) });
    return row;
  });
  return present(ctx, updated);
}

/** Disables (ending every session at once) or re-enables an account; enabling also clears its sign-in throttles. */
export async function setUserDisabled(ctx: Ctx, id: string, disabled: boolean): Promise<User> {
  const actor = requireUser(ctx);
  const { user, grants } = await requireUserWithGrants(ctx, id);
  authorize(ctx, 'identity.users.disable', subjectOf(user, grants));
  if (disabled && id === actor.userId) throw new AppError('CANNOT_DISABLE_SELF', {}, { status: 409 });
  const now = ctx.clock.now();
  const updated = await withTransaction(ctx, async (scope) => {
    const [row] = await scope.tx
      .update(identityUsers)
      .set({ disabled, updatedAt: now, version: sql`${identityUsers.version} + 1` })
      .where(eq(identityUsers.id, id))
      .returning();
    if (disabled) await revokeUserSessions(scope.tx, id, now);
    else await clearUserCounters(scope.tx, id);
    await scope.audit({
      action: disabled ? 'identity.users.disable' : 'identity.users.enable',
      subjectType: 'user',
      subjectId: id,
      before: { disabled: user.disabled },
      after: { disabled },
    });
    return row!;
  });
  return present(ctx, updated);
}

/** Sets a new password for a user (who forgot theirs); their sessions end and their sign-in throttles are cleared. */
export async function resetUserPassword(ctx: Ctx, id: string, newPassword: string): Promise<void> {
  requireUser(ctx);
  const { user, grants } = await requireUserWithGrants(ctx, id);
  authorize(ctx, 'identity.users.reset-password', subjectOf(user, grants));
  const passwordHash = await hashPassword(newPassword);
  const now = ctx.clock.now();
  await withTransaction(ctx, async (scope) => {
    await scope.tx
      .update(identityUsers)
      .set({ passwordHash, passwordChangedAt: now, updatedAt: now, version: sql`${identityUsers.version} + 1` })
      .where(eq(identityUsers.id, id));
    await clearUserCounters(scope.tx, id);
    await revokeUserSessions(scope.tx, id, now);
    await revokeLiveTokens(scope.tx, id, ['password-reset'], now);
    await scope.audit({ action: 'identity.users.reset-password', subjectType: 'user', subjectId: id, after: { passwordChangedAt: now } });
  });
}

/** Lists users the actor may see: everyone for system admins and the reform office, a unit admin's subtree otherwise. */
export async function listUsers(
  ctx: Ctx,
  q: { q?: string; orgUnitId?: string; role?: string; kind?: string; page: number; pageSize: number },
): Promise<{ items: User[]; total: number }> {
  const actor = requireUser(ctx);
  authorize(ctx, 'identity.users.list');
  let unitPath: string | undefined;
  if (q.orgUnitId) {
    const unit = await getOrgUnit(ctx.db, q.orgUnitId);
    if (!unit) throw fieldError('querystring.orgUnitId', 'identity.errors.unitNotFound');
    unitPath = unit.path;
  }
  // Mirrors the 'identity.users.list' policy as a query condition (a policy cannot filter rows by itself).
  const visibleUnderPaths = hasRole(actor, PROVINCE_READERS) ? undefined : actor.grants.filter((g) => g.role === UNIT_ADMIN).map((g) => g.scopePath);
  const { items, total } = await searchUsers(ctx.db, { ...q, unitPath, visibleUnderPaths });
  const grants = await loadGrants(
    ctx.db,
    items.map((u) => u.id),
  );
  const blocks = await accountBlocks(
    ctx.db,
    items.map((u) => u.id),
    ctx.clock.now(),
  );
  return {
    items: items.map((u) =>
      presentUser(
        u,
        grants.filter((g) => g.userId === u.id),
        blocks.get(u.id) ?? null,
      ),
    ),
    total,
  };
}

/** One user, if the actor may see them. */
export async function getUserById(ctx: Ctx, id: string): Promise<User> {
  requireUser(ctx);
  const { user, grants } = await requireUserWithGrants(ctx, id);
  authorize(ctx, 'identity.users.list', subjectOf(user, grants));
  return presentUser(user, grants, (await accountBlocks(ctx.db, [id], ctx.clock.now())).get(id) ?? null);
}
