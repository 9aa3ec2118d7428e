// Failed sign-in throttling (OWASP ASVS v4.0.3 2.2.1, v5 6.3.1 / 6.1.1: anti-automation with soft lock-outs and
// growing delays, no permanent lock an attacker can hold). Counters live in the database so that every app process
// counts the same failures (docs/decisions.md D6).
import { and, desc, eq, gt, inArray, isNotNull, or, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { AppConfig } from '../../platform/config/config';
import type { Queryable } from '../../platform/db/database';
import { authSessions } from '../../platform/auth/auth.tables';
import { AppError } from '../../platform/errors';
import { identityLoginThrottles, type LoginThrottleScope } from './identity.tables';

/** A failure older than this no longer counts: the next one starts again from one. */
export const FAILURE_MEMORY_MS = 24 * 3600_000;
/** An address from which the account opened a session this recently is trusted by the account's own throttle. */
export const TRUSTED_ADDRESS_MS = 30 * 24 * 3600_000;
/** The first delay once the failures reach the threshold; each further failure doubles it up to the cap. */
const FIRST_DELAY_MS = 60_000;

/** Thresholds and cap of the throttle, from the configuration (README: LOGIN_*). */
export interface ThrottleSettings {
  accountMaxFailures: number;
  addressMaxFailures: number;
  maxDelayMinutes: number;
}

export function throttleSettings(config: AppConfig): ThrottleSettings {
  return { accountMaxFailures: config.loginMaxFailures, addressMaxFailures: config.loginAddressMaxFailures, maxDelayMinutes: config.loginLockMinutes };
}

/** The delay after the `failures`-th consecutive failure: none below the threshold, then 1, 2, 4 … minutes, capped. */
export function delayAfter(failures: number, threshold: number, maxDelayMinutes: number): number {
  if (failures < threshold) return 0;
  const doubled = FIRST_DELAY_MS * 2 ** Math.min(failures - threshold, 30);
  return Math.min(doubled, maxDelayMinutes * 60_000);
}

/** What a counter designates. */
export interface ThrottleKey {
  scope: LoginThrottleScope;
  key: string;
  userId?: string | null;
  login?: string | null;
}

/** The throttle key of a sign-in name: the account when it exists, else the typed login itself (same treatment). */
export function accountKey(userId: string | null, login: string): ThrottleKey {
  return userId ? { scope: 'account', key: userId, userId } : { scope: 'account', key: `login:${login.toLowerCase()}`, login: login.slice(0, 200) };
}

export function addressKey(ip: string | null): ThrottleKey {
  return { scope: 'address', key: ip ?? 'unknown' };
}

/** The instant until which any of these counters holds attempts back, or null. */
export async function blockedUntil(db: Queryable, keys: ThrottleKey[], now: Date): Promise<Date | null> {
  if (keys.length === 0) return null;
  const rows = await db
    .select({ blockedUntil: identityLoginThrottles.blockedUntil })
    .from(identityLoginThrottles)
    .where(and(or(...keys.map((k) => and(eq(identityLoginThrottles.scope, k.scope), eq(identityLoginThrottles.key, k.key)))), gt(identityLoginThrottles.blockedUntil, now)));
  const until = rows.map((r) => r.blockedUntil!.getTime());
  return until.length ? new Date(Math.max(...until)) : null;
}

/** True when the user opened a session from this address recently: their own desk is not held back by an attacker's failures. */
export async function isTrustedAddress(db: Queryable, userId: string, ip: string | null, now: Date): Promise<boolean> {
  if (!ip) return false;
  const rows = await db
    .select({ id: authSessions.id })
    .from(authSessions)
    .where(and(eq(authSessions.userId, userId), eq(authSessions.ip, ip), gt(authSessions.createdAt, new Date(now.getTime() - TRUSTED_ADDRESS_MS))))
    .limit(1);
  return rows.length > 0;
}

/**
 * Counts one failure on a counter inside the caller's transaction (the upsert locks the row, so concurrent processes
 * count each failure once) and sets the delay it earns. Returns the new count and the block, if any.
 */
export async function recordFailure(
  tx: Queryable,
  k: ThrottleKey,
  threshold: number,
  maxDelayMinutes: number,
  now: Date,
): Promise<{ id: string; failures: number; blockedUntil: Date | null }> {
  const forgetBefore = new Date(now.getTime() - FAILURE_MEMORY_MS);
  const [row] = await tx
    .insert(identityLoginThrottles)
    .values({ id: randomUUID(), scope: k.scope, key: k.key, userId: k.userId ?? null, login: k.login ?? null, failures: 1, lastFailureAt: now })
    .onConflictDoUpdate({
      target: [identityLoginThrottles.scope, identityLoginThrottles.key],
      set: {
        failures: sql`case when ${identityLoginThrottles.lastFailureAt} < ${forgetBefore.toISOString()}::timestamptz then 1 else ${identityLoginThrottles.failures} + 1 end`,
        lastFailureAt: now,
      },
    })
    .returning({ id: identityLoginThrottles.id, failures: identityLoginThrottles.failures });
  const delay = delayAfter(row!.failures, threshold, maxDelayMinutes);
  const until = delay > 0 ? new Date(now.getTime() + delay) : null;
  await tx.update(identityLoginThrottles).set({ blockedUntil: until }).where(eq(identityLoginThrottles.id, row!.id));
  return { id: row!.id, failures: row!.failures, blockedUntil: until };
}

/** Forgets a counter (after a success). */
export async function clearCounter(tx: Queryable, k: ThrottleKey): Promise<void> {
  await tx.delete(identityLoginThrottles).where(and(eq(identityLoginThrottles.scope, k.scope), eq(identityLoginThrottles.key, k.key)));
}

/** Forgets every counter of a user (an administrator reset their password or re-enabled them). */
export async function clearUserCounters(tx: Queryable, userId: string): Promise<void> {
  await tx.delete(identityLoginThrottles).where(eq(identityLoginThrottles.userId, userId));
}

/** The 429 a held-back attempt gets: the same for every login, known or not. */
export function throttledError(until: Date, now: Date): AppError {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return new AppError('LOGIN_THROTTLED', { minutes: Math.ceil(seconds / 60), retryAfterSeconds: seconds }, { status: 429 });
}

export type ThrottleRow = typeof identityLoginThrottles.$inferSelect;

/** Counters with a failure still remembered, blocked ones first. */
export async function listActiveThrottles(db: Queryable, now: Date, limit: number): Promise<ThrottleRow[]> {
  return db
    .select()
    .from(identityLoginThrottles)
    .where(gt(identityLoginThrottles.lastFailureAt, new Date(now.getTime() - FAILURE_MEMORY_MS)))
    .orderBy(sql`${identityLoginThrottles.blockedUntil} > ${now.toISOString()}::timestamptz desc nulls last`, desc(identityLoginThrottles.lastFailureAt))
    .limit(limit);
}

export async function getThrottle(db: Queryable, id: string): Promise<ThrottleRow | null> {
  const rows = await db.select().from(identityLoginThrottles).where(eq(identityLoginThrottles.id, id)).limit(1);
  return rows[0] ?? null;
}

export async function deleteThrottle(tx: Queryable, id: string): Promise<void> {
  await tx.delete(identityLoginThrottles).where(eq(identityLoginThrottles.id, id));
}

/** Until when each of these users' accounts is held back (for the users list). */
export async function accountBlocks(db: Queryable, userIds: readonly string[], now: Date): Promise<Map<string, Date>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .select({ userId: identityLoginThrottles.userId, blockedUntil: identityLoginThrottles.blockedUntil })
    .from(identityLoginThrottles)
    .where(
      and(
        eq(identityLoginThrottles.scope, 'account'),
        isNotNull(identityLoginThrottles.userId),
        inArray(identityLoginThrottles.userId, [...new Set(userIds)]),
        gt(identityLoginThrottles.blockedUntil, now),
      ),
    );
  return new Map(rows.map((r) => [r.userId!, r.blockedUntil!]));
}
