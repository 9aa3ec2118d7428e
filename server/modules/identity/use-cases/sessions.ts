import { eq, sql } from 'drizzle-orm';
import type { ChangePasswordRequest, LoginRequest, Me } from '../../../../contracts/identity/identity.contracts';
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
import { findUserByLogin, getUserRow, loadGrants, type UserRow } from '../users.repository';
import { accountKey, addressKey, blockedUntil, clearCounter, isTrustedAddress, recordFailure, throttledError, throttleSettings, type ThrottleSettings } from '../login-throttle';
import { authorize, fieldError, requireUser } from './common';
import { revokeLiveTokens } from '../account-tokens';

/** Throttle and session settings taken from the configuration. */
export interface AuthSettings {
  throttle: ThrottleSettings;
  session: SessionPolicy;
}

/** Reads the throttle and session settings from the configuration. */
export function authSettings(config: AppConfig): AuthSettings {
  return {
    throttle: throttleSettings(config),
    session: { idleMinutes: config.sessionIdleMinutes, absoluteHours: config.sessionAbsoluteHours },
  };
}

/** A new session: the cookie token (never stored), its CSRF token and the signed-in user. */
export interface SignedIn {
  token: string;
  csrfToken: string;
  user: Me;
}

/** Opens a session for a user inside the caller's transaction and presents them (password and single sign-on alike). */
export async function openSession(ctx: Ctx, tx: Queryable, user: UserRow, settings: AuthSettings, userAgent: string | undefined): Promise<SignedIn> {
  const now = ctx.clock.now();
  const session = await createSession(tx, { userId: user.id, now, ip: ctx.ip, userAgent: userAgent ?? null, policy: settings.session });
  const grants = activeGrants(await loadGrants(tx, [user.id]), now);
  const actor = buildActor(user, grants, session.sessionId);
  return { token: session.token, csrfToken: session.csrfToken, user: presentMe(user, grants, actionsFor(actor)) };
}

/** An id no account has (the nil UUID). */
const NO_ACCOUNT = '00000000-0000-0000-0000-000000000000';

/**
 * Signs in by user name, e-mail or phone. An unknown login and a wrong password get the same 401 after the same work,
 * and the same throttle: failures are counted per account (or per typed login when it matches no account) and per
 * client address, and past the thresholds further attempts wait a doubling, capped delay (429 LOGIN_THROTTLED).
 * The account's own counter does not hold back an address the account recently signed in from, so failures sent
 * from elsewhere cannot lock an officer out of their desk.
 */
export async function login(ctx: Ctx, input: LoginRequest, settings: AuthSettings, userAgent?: string): Promise<SignedIn> {
  const phone = /^[+\d][\d .-]{7,}$/.test(input.login) ? normalisePhone(input.login) : null;
  const user = await findUserByLogin(ctx.db, input.login, phone);
  const now = ctx.clock.now();
  const account = accountKey(user?.id ?? null, input.login);
  const address = addressKey(ctx.ip);
  // The same query for an unknown login (against an id no account has), so the two take the same time.
  const trusted = await isTrustedAddress(ctx.db, user?.id ?? NO_ACCOUNT, ctx.ip, now);
  const until = await blockedUntil(ctx.db, trusted ? [address] : [account, address], now);
  if (until) {
    // Held back without looking at the password, after the same work as a real check.
    await verifyAgainstDummy(input.password);
    throw throttledError(until, now);
  }

  const passwordOk = user ? await verifyPassword(user.passwordHash, input.password) : (await verifyAgainstDummy(input.password), false);
  if (!user || !passwordOk) {
    await withTransaction(ctx, async (scope) => {
      const { throttle } = settings;
      const byAccount = await recordFailure(scope.tx, account, throttle.accountMaxFailures, throttle.maxDelayMinutes, now);
      const byAddress = await recordFailure(scope.tx, address, throttle.addressMaxFailures, throttle.maxDelayMinutes, now);
      if (user) await scope.audit({ action: 'identity.login-failed', subjectType: 'user', subjectId: user.id, after: { failures: byAccount.failures } });
      for (const [row, scopeName] of [
        [byAccount, 'account'],
        [byAddress, 'address'],
      ] as const) {
        if (!row.blockedUntil) continue;
        await scope.audit({
          action: 'identity.login-throttled',
          subjectType: 'login-throttle',
          subjectId: row.id,
          after: { scope: scopeName, userId: user?.id ?? null, failures: row.failures, blockedUntil: row.blockedUntil },
        });
      }
    });
    throw new AppError('INVALID_CREDENTIALS');
  }
  // Only a caller who knows the password learns that the account is disabled or not confirmed yet.
  if (user.disabled) throw new AppError('ACCOUNT_DISABLED');
  // A portal account signs in once it has proved one of its contacts (the e-mail link or the SMS code).
  if (user.kind === 'citizen' && !user.emailVerifiedAt && !user.phoneVerifiedAt) {
    throw new AppError(user.email ? 'EMAIL_NOT_CONFIRMED' : 'PHONE_NOT_CONFIRMED', {}, { status: 403 });
  }

  const asUser: Ctx = { ...ctx, actor: buildActor(user, [], '') };
  return withTransaction(asUser, async (scope) => {
    const [updated] = await scope.tx.update(identityUsers).set({ lastLoginAt: now }).where(eq(identityUsers.id, user.id)).returning();
    // The account's counter restarts; the address's does not (signing in to one's own account must not reset it).
    await clearCounter(scope.tx, account);
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

/**
 * Changes one's own password after checking the current one; every other session of the user ends. Wrong current
 * passwords are throttled like sign-ins (a stolen session must not become an unlimited password oracle).
 */
export async function changeOwnPassword(ctx: Ctx, input: ChangePasswordRequest, settings: AuthSettings): Promise<void> {
  const actor = requireUser(ctx);
  authorize(ctx, 'identity.me.change-password');
  const user = await getUserRow(ctx.db, actor.userId);
  if (!user) throw new AppError('UNAUTHENTICATED');
  const now = ctx.clock.now();
  const counter = { scope: 'password-change' as const, key: user.id, userId: user.id };
  const until = await blockedUntil(ctx.db, [counter], now);
  if (until) throw throttledError(until, now);
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await withTransaction(ctx, async (scope) => {
      const { throttle } = settings;
      const row = await recordFailure(scope.tx, counter, throttle.accountMaxFailures, throttle.maxDelayMinutes, now);
      await scope.audit({ action: 'identity.password-change-failed', subjectType: 'user', subjectId: user.id, after: { failures: row.failures, blockedUntil: row.blockedUntil } });
    });
    throw fieldError('body.currentPassword', 'identity.errors.wrongCurrentPassword');
  }
  if (input.newPassword === input.currentPassword) throw fieldError('body.newPassword', 'identity.errors.samePassword');
  const passwordHash = await hashPassword(input.newPassword);
  await withTransaction(ctx, async (scope) => {
    await scope.tx
      .update(identityUsers)
      .set({ passwordHash, passwordChangedAt: now, updatedAt: now, version: sql`${identityUsers.version} + 1` })
      .where(eq(identityUsers.id, user.id));
    await clearCounter(scope.tx, counter);
    await revokeUserSessions(scope.tx, user.id, now, actor.sessionId);
    // A reset link asked for before the change must not undo it.
    await revokeLiveTokens(scope.tx, user.id, ['password-reset'], now);
    await scope.audit({ action: 'identity.password-change', subjectType: 'user', subjectId: user.id, after: { passwordChangedAt: now } });
  });
}
