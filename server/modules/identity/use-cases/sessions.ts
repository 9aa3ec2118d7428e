import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { ChangePasswordRequest, LoginRequest, Me, RegisterCitizenRequest } from '../../../../contracts/identity/identity.contracts';
import type { AppConfig } from '../../../platform/config/config';
import type { Queryable } from '../../../platform/db/database';
import { withTransaction, type Ctx } from '../../../platform/context/context';
import { AppError } from '../../../platform/errors';
import { createSession, revokeSession, revokeUserSessions, type SessionPolicy } from '../../../platform/auth/sessions';
import { actionsFor, activeGrants, buildActor } from '../actor';
import { identityUsers } from '../identity.tables';
import { presentMe } from '../identity.presenter';
import { hashPassword, verifyAgainstDummy, verifyPassword } from '../passwords';
import { normalisePhone } from '../identity.text';
import { findTakenIdentifiers, findUserByLogin, getUserRow, loadGrants, userSearchText, type UserRow } from '../users.repository';
import { authorize, duplicateError, fieldError, requireUser } from './common';

/** Lock-out and session settings taken from the configuration. */
export interface AuthSettings {
  maxFailures: number;
  lockMinutes: number;
  session: SessionPolicy;
}

/** Reads the lock-out and session settings from the configuration. */
export function authSettings(config: AppConfig): AuthSettings {
  return {
    maxFailures: config.loginMaxFailures,
    lockMinutes: config.loginLockMinutes,
    session: { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours },
  };
}

/** A new session: the cookie token (never stored), its CSRF token and the signed-in user. */
export interface SignedIn {
  token: string;
  csrfToken: string;
  user: Me;
}

const lockedError = (until: Date, now: Date) => new AppError('ACCOUNT_LOCKED', { minutes: Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000)) });

/** Opens a session for a user inside the caller's transaction and presents them. */
async function openSession(ctx: Ctx, tx: Queryable, user: UserRow, settings: AuthSettings, userAgent: string | undefined): Promise<SignedIn> {
  const now = ctx.clock.now();
  const session = await createSession(tx, { userId: user.id, now, ip: ctx.ip, userAgent: userAgent ?? null, policy: settings.session });
  const grants = activeGrants(await loadGrants(tx, [user.id]), now);
  const actor = buildActor(user, grants, session.sessionId);
  return { token: session.token, csrfToken: session.csrfToken, user: presentMe(user, grants, actionsFor(actor)) };
}

/**
 * Signs in by user name, e-mail or phone. Unknown login and wrong password give the same 401 after the same
 * work; `maxFailures` consecutive failures lock the account for `lockMinutes` (423).
 */
export async function login(ctx: Ctx, input: LoginRequest, settings: AuthSettings, userAgent?: string): Promise<SignedIn> {
  const phone = /^[+\d][\d .-]{7,}$/.test(input.login) ? normalisePhone(input.login) : null;
  const user = await findUserByLogin(ctx.db, input.login, phone);
  if (!user) {
    await verifyAgainstDummy(input.password);
    throw new AppError('INVALID_CREDENTIALS');
  }
  const now = ctx.clock.now();
  if (user.lockedUntil && user.lockedUntil > now) throw lockedError(user.lockedUntil, now);

  if (!(await verifyPassword(user.passwordHash, input.password))) {
    const lockedUntil = await withTransaction(ctx, async (scope) => {
      const [row] = await scope.tx
        .update(identityUsers)
        .set({ failedLogins: sql`${identityUsers.failedLogins} + 1` })
        .where(eq(identityUsers.id, user.id))
        .returning({ failedLogins: identityUsers.failedLogins });
      const failures = row?.failedLogins ?? 0;
      if (failures < settings.maxFailures) {
        await scope.audit({ action: 'identity.login-failed', subjectType: 'user', subjectId: user.id, after: { failedLogins: failures } });
        return null;
      }
      const until = new Date(now.getTime() + settings.lockMinutes * 60_000);
      await scope.tx.update(identityUsers).set({ failedLogins: 0, lockedUntil: until }).where(eq(identityUsers.id, user.id));
      await scope.audit({ action: 'identity.account-locked', subjectType: 'user', subjectId: user.id, after: { failedLogins: failures, lockedUntil: until } });
      return until;
    });
    if (lockedUntil) throw lockedError(lockedUntil, now);
    throw new AppError('INVALID_CREDENTIALS');
  }
  // Only a caller who knows the password learns that the account is disabled.
  if (user.disabled) throw new AppError('ACCOUNT_DISABLED');

  const asUser: Ctx = { ...ctx, actor: buildActor(user, [], '') };
  return withTransaction(asUser, async (scope) => {
    const [updated] = await scope.tx
      .update(identityUsers)
      .set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now })
      .where(eq(identityUsers.id, user.id))
      .returning();
    await scope.audit({ action: 'identity.login', subjectType: 'user', subjectId: user.id, after: { userAgent: userAgent?.slice(0, 200) ?? null } });
    return openSession(ctx, scope.tx, updated!, settings, userAgent);
  });
}

/** Ends the current session on the server (the cookie alone no longer works). */
export async function logout(ctx: Ctx): Promise<void> {
  const actor = requireUser(ctx);
  authorize(ctx, 'identity.logout');
  await withTransaction(ctx, async (scope) => {
    await revokeSession(scope.tx, actor.sessionId, ctx.clock.now());
    await scope.audit({ action: 'identity.logout', subjectType: 'user', subjectId: actor.userId });
  });
}

/** The signed-in user with the actions they may perform. */
export async function getMe(ctx: Ctx): Promise<Me> {
  const actor = requireUser(ctx);
  authorize(ctx, 'identity.me.read');
  const user = await getUserRow(ctx.db, actor.userId);
  if (!user) throw new AppError('UNAUTHENTICATED');
  return presentMe(user, activeGrants(await loadGrants(ctx.db, [user.id]), ctx.clock.now()), actionsFor(actor));
}

/** Changes one's own password after checking the current one; every other session of the user ends. */
export async function changeOwnPassword(ctx: Ctx, input: ChangePasswordRequest): Promise<void> {
  const actor = requireUser(ctx);
  authorize(ctx, 'identity.me.change-password');
  const user = await getUserRow(ctx.db, actor.userId);
  if (!user) throw new AppError('UNAUTHENTICATED');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) throw fieldError('body.currentPassword', 'identity.errors.wrongCurrentPassword');
  if (input.newPassword === input.currentPassword) throw fieldError('body.newPassword', 'identity.errors.samePassword');
  const passwordHash = await hashPassword(input.newPassword);
  const now = ctx.clock.now();
  await withTransaction(ctx, async (scope) => {
    await scope.tx
      .update(identityUsers)
      .set({ passwordHash, passwordChangedAt: now, updatedAt: now, version: sql`${identityUsers.version} + 1` })
      .where(eq(identityUsers.id, user.id));
    await revokeUserSessions(scope.tx, user.id, now, actor.sessionId);
    await scope.audit({ action: 'identity.password-change', subjectType: 'user', subjectId: user.id, after: { passwordChangedAt: now } });
  });
}

/** Public registration of a citizen or business account, which is signed in at once. */
export async function registerCitizen(ctx: Ctx, input: RegisterCitizenRequest, settings: AuthSettings, userAgent?: string): Promise<SignedIn> {
  const email = input.email ?? null;
  const phone = input.phone ? normalisePhone(input.phone) : null;
  const taken = await findTakenIdentifiers(ctx.db, { email, phone });
  if (taken.length) throw duplicateError(taken);
  const passwordHash = await hashPassword(input.password);
  const now = ctx.clock.now();
  const taxCode = input.accountType === 'business' && input.taxCode ? input.taxCode.replace('-', '') : null;
  const values = {
    kind: 'citizen' as const,
    displayName: input.fullName,
    email,
    phone,
    accountType: input.accountType,
    taxCode,
    passwordHash,
    passwordChangedAt: now,
    lastLoginAt: now,
    createdAt: now,
    updatedAt: now,
  };
  const id = randomUUID();
  const asUser: Ctx = { ...ctx, actor: buildActor({ id, kind: 'citizen', displayName: input.fullName }, [], '') };
  return withTransaction(asUser, async (scope) => {
    const [user] = await scope.tx
      .insert(identityUsers)
      .values({ id, ...values, searchText: userSearchText(values) })
      .returning();
    await scope.audit({
      action: 'identity.citizens.register',
      subjectType: 'user',
      subjectId: id,
      after: { kind: 'citizen', displayName: input.fullName, email, phone, accountType: input.accountType, taxCode },
    });
    return openSession(ctx, scope.tx, user!, settings, userAgent);
  });
}
