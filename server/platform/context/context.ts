import type { FastifyBaseLogger } from 'fastify';
import { actorUserId, type Actor } from '../access';
import type { Db, Tx } from '../db/database';
import type { Locale } from '../i18n';
import { auditEntriesCommitted, recordAudit, type AuditEntry } from '../audit/audit';
import type { EventBus } from '../events/event-bus';

/** Injected time source; modules never call `new Date()` for "now". */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** A clock an administrator may move forward and back to real time (MOTCUA_ADJUSTABLE_CLOCK; see platform/clock). */
export interface AdjustableClock extends Clock {
  advance(ms: number): void;
  /** Back to where it started (real time for the system clock). */
  reset(): void;
  /** How far it is ahead of where it started, in ms. */
  offsetMs(): number;
}

/** Real time plus an offset. */
export class OffsetClock implements AdjustableClock {
  private offset = 0;
  now(): Date {
    return new Date(Date.now() + this.offset);
  }
  advance(ms: number): void {
    this.offset += ms;
  }
  reset(): void {
    this.offset = 0;
  }
  offsetMs(): number {
    return this.offset;
  }
}

export function isAdjustableClock(clock: Clock): clock is AdjustableClock {
  const c = clock as Partial<AdjustableClock>;
  return typeof c.advance === 'function' && typeof c.reset === 'function' && typeof c.offsetMs === 'function';
}

/** Everything a use case needs: who acts, where to write, what time it is, how to log, which language. */
export interface Ctx {
  actor: Actor;
  db: Db;
  clock: Clock;
  log: FastifyBaseLogger;
  locale: Locale;
  requestId: string | null;
  ip: string | null;
  events: EventBus;
}

/** A transaction scope: write, audit, and queue events that are published only after COMMIT. */
export interface TxScope {
  tx: Tx;
  // Function-typed properties (not methods): use cases destructure them from the scope.
  audit: (entry: AuditEntry) => Promise<void>;
  afterCommit: (fn: () => void | Promise<void>) => void;
}

/** Runs `fn` in one transaction; audit entries commit with it, after-commit hooks run only if it commits. */
export async function withTransaction<T>(ctx: Ctx, fn: (scope: TxScope) => Promise<T>): Promise<T> {
  const hooks: Array<() => void | Promise<void>> = [];
  let audited = false;
  const result = await ctx.db.transaction(async (tx) => {
    const scope: TxScope = {
      tx,
      audit: (entry) => {
        audited = true;
        return recordAudit(
          tx,
          {
            actorId: actorUserId(ctx.actor),
            actorLabel: ctx.actor.type === 'user' ? ctx.actor.displayName : 'anonymous',
            requestId: ctx.requestId,
            ip: ctx.ip,
            at: ctx.clock.now(),
          },
          entry,
        );
      },
      afterCommit: (hook) => hooks.push(hook),
    };
    return fn(scope);
  });
  // Entries are sealed into the hash chain in the background, just after commit (platform/audit).
  if (audited) auditEntriesCommitted(ctx.db);
  for (const hook of hooks) {
    try {
      await hook();
    } catch (err) {
      ctx.log.error({ err }, 'after-commit hook failed');
    }
  }
  return result;
}
