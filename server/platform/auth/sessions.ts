import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Queryable } from '../db/database';
import { authSessions } from './auth.tables';

export const SESSION_COOKIE = 'motcua_sid';

export interface SessionPolicy {
  idleMinutes: number;
  absoluteHours: number;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Opens a session; only the token's hash is stored, so a database leak does not leak live sessions. */
export async function createSession(
  q: Queryable,
  input: { userId: string; now: Date; ip?: string | null; userAgent?: string | null; policy: SessionPolicy },
): Promise<{ token: string; sessionId: string; csrfToken: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const sessionId = hashToken(token);
  const expiresAt = new Date(input.now.getTime() + input.policy.absoluteHours * 3600_000);
  await q.insert(authSessions).values({
    id: sessionId,
    userId: input.userId,
    csrfToken,
    createdAt: input.now,
    lastSeenAt: input.now,
    expiresAt,
    ip: input.ip ?? null,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
  });
  return { token, sessionId, csrfToken, expiresAt };
}

export type SessionRow = typeof authSessions.$inferSelect;

/** Finds a live session by cookie token; returns null when unknown, revoked, idle too long or past its absolute expiry. */
export async function findLiveSession(q: Queryable, token: string, now: Date, policy: SessionPolicy): Promise<SessionRow | null> {
  const rows = await q
    .select()
    .from(authSessions)
    .where(eq(authSessions.id, hashToken(token)))
    .limit(1);
  const row = rows[0];
  if (!row || row.revokedAt) return null;
  if (row.expiresAt.getTime() <= now.getTime()) return null;
  if (row.lastSeenAt.getTime() + policy.idleMinutes * 60_000 <= now.getTime()) return null;
  return row;
}

/** Slides the idle window; written at most once a minute per session to keep reads cheap. */
export async function touchSession(q: Queryable, row: SessionRow, now: Date): Promise<void> {
  if (now.getTime() - row.lastSeenAt.getTime() < 60_000) return;
  await q.update(authSessions).set({ lastSeenAt: now }).where(eq(authSessions.id, row.id));
}

export async function revokeSession(q: Queryable, sessionId: string, now: Date): Promise<void> {
  await q
    .update(authSessions)
    .set({ revokedAt: now })
    .where(and(eq(authSessions.id, sessionId), isNull(authSessions.revokedAt)));
}

/** Ends every session of a user (password change, account disabled), optionally keeping the current one. */
export async function revokeUserSessions(q: Queryable, userId: string, now: Date, exceptSessionId?: string): Promise<void> {
  const conds = [eq(authSessions.userId, userId), isNull(authSessions.revokedAt)];
  if (exceptSessionId) conds.push(ne(authSessions.id, exceptSessionId));
  await q
    .update(authSessions)
    .set({ revokedAt: now })
    .where(and(...conds));
}
