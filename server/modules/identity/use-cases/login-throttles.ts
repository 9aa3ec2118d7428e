import type { LoginThrottle } from '../../../../contracts/identity/identity.contracts';
import { withTransaction, type Ctx } from '../../../platform/context/context';
import { notFound } from '../../../platform/errors';
import { deleteThrottle, getThrottle, listActiveThrottles, type ThrottleRow } from '../login-throttle';
import { listUserLoginsByIds } from '../users.repository';
import { authorize, requireUser } from './common';

/** At most this many counters are listed (an attack from many addresses must not make the page unusable). */
const LIST_LIMIT = 500;

function presentThrottle(row: ThrottleRow, names: Map<string, { displayName: string; username: string | null }>, now: Date): LoginThrottle {
  const who = row.userId ? names.get(row.userId) : undefined;
  return {
    id: row.id,
    scope: row.scope,
    userId: row.userId,
    userDisplayName: who?.displayName ?? null,
    username: who?.username ?? null,
    login: row.login,
    address: row.scope === 'address' ? row.key : null,
    failures: row.failures,
    lastFailureAt: row.lastFailureAt.toISOString(),
    blockedUntil: row.blockedUntil && row.blockedUntil > now ? row.blockedUntil.toISOString() : null,
  };
}

/** Sign-in counters with a failure in the last day, held-back ones first. */
export async function listLoginThrottles(ctx: Ctx): Promise<{ items: LoginThrottle[] }> {
  requireUser(ctx);
  authorize(ctx, 'identity.login-throttles.manage');
  const now = ctx.clock.now();
  const rows = await listActiveThrottles(ctx.db, now, LIST_LIMIT);
  const userIds = rows.flatMap((r) => (r.userId ? [r.userId] : []));
  const names = new Map((await listUserLoginsByIds(ctx.db, userIds)).map((u) => [u.id, u]));
  return { items: rows.map((r) => presentThrottle(r, names, now)) };
}

/** Forgets a counter: its account or address may try again at once. */
export async function clearLoginThrottle(ctx: Ctx, id: string): Promise<void> {
  requireUser(ctx);
  authorize(ctx, 'identity.login-throttles.manage');
  const row = await getThrottle(ctx.db, id);
  if (!row) throw notFound('login-throttle', id);
  await withTransaction(ctx, async (scope) => {
    await deleteThrottle(scope.tx, id);
    await scope.audit({
      action: 'identity.login-throttles.clear',
      subjectType: 'login-throttle',
      subjectId: id,
      before: { scope: row.scope, userId: row.userId, address: row.scope === 'address' ? row.key : null, failures: row.failures, blockedUntil: row.blockedUntil },
    });
  });
}
