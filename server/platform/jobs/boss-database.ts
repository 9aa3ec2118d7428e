import { createRequire } from 'node:module';
import type PgBoss from 'pg-boss';
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '../db/database';

/** pg-boss's `db` adapter over the application's own connection, which knows when its last query has finished. */
export interface BossDatabase extends PgBoss.Db {
  /** Resolves once no query is running, then refuses new ones (the database is about to close). */
  drainAndClose(): Promise<void>;
}

interface SqlResult {
  rows: unknown[];
  rowCount: number;
}

// pg-boss 10 issues these two statements without awaiting them (Manager.watch: `this.complete(...)` / `this.fail(...)`
// after each job), so a rejection there is unhandled and ends the process. Their exact text comes from pg-boss's own
// statement builders (no `exports` map restricts the deep import); jobs.test.ts checks they match what pg-boss sends.
const plans = createRequire(import.meta.url)('pg-boss/src/plans') as { completeJobs(schema: string): string; failJobsById(schema: string): string };

/** The statements pg-boss fires and forgets for a schema: a job's completion and its failure. */
export function unawaitedStatements(schema: string): Set<string> {
  return new Set([plans.completeJobs(schema), plans.failJobsById(schema)]);
}

/** How long a job's outcome waits for the database to come back before it is left to pg-boss's expiry (15 min). */
const OUTCOME_WAIT_MS = 15 * 60_000;

/**
 * Runs pg-boss on the app's PGlite instance or pool instead of a second pool: PGlite has a single
 * connection anyway, and sharing the pool keeps the connection budget in one place. Connection errors are reported
 * to the database's health tracker; a job's completion or failure met by an outage waits for the database and is
 * written then, so the job is neither lost nor run again.
 */
export function bossDatabase(database: Database, log: FastifyBaseLogger, schema = 'pgboss'): BossDatabase {
  let running = 0;
  let closed = false;
  let closing = false;
  let idle: (() => void) | null = null;
  const unawaited = unawaitedStatements(schema);

  const run = async (text: string, values?: unknown[]): Promise<SqlResult> => {
    if (database.pglite) {
      const lite = database.pglite;
      // pg-boss sends multi-statement scripts (schema install, maintenance) without parameters: those need exec().
      const r = values?.length ? await lite.query(text, values) : ((await lite.exec(text)).at(-1) ?? { rows: [], affectedRows: 0 });
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
    }
    if (!database.pool) throw new Error('jobs: the database has neither a PGlite instance nor a pool');
    const r = await database.pool.query(text, values);
    return r as unknown as SqlResult;
  };

  const outcome = async (text: string, values: unknown[]): Promise<SqlResult> => {
    const giveUpAt = Date.now() + OUTCOME_WAIT_MS;
    for (;;) {
      try {
        return await run(text, values);
      } catch (err) {
        if (!database.health.reportError(err)) throw err;
        if (closing || Date.now() > giveUpAt) {
          // Not written: pg-boss expires the job (expireInSeconds) and retries it; handlers are idempotent.
          log.warn({ jobIds: values[1] }, 'jobs: outcome of a job not recorded (database unreachable); it will expire and run again');
          return { rows: [{ count: 0 }], rowCount: 0 };
        }
        await database.health.whenReachable(Math.min(5000, giveUpAt - Date.now()));
      }
    }
  };

  return {
    async executeSql(text: string, values: unknown[]) {
      // pg-boss completes jobs without awaiting; after stop() such a late query must not hit a closed database.
      if (closed) {
        if (!unawaited.has(text)) throw new Error('jobs: database adapter is closed');
        // Thrown, it would be an unhandled rejection; the job expires and runs again in the next process.
        log.warn({ jobIds: values[1] }, 'jobs: outcome of a job arrived after shutdown; it will expire and run again');
        return { rows: [{ count: 0 }], rowCount: 0 };
      }
      running++;
      try {
        if (unawaited.has(text)) return await outcome(text, values);
        try {
          return await run(text, values);
        } catch (err) {
          database.health.reportError(err);
          throw err;
        }
      } finally {
        running--;
        if (running === 0 && idle) idle();
      }
    },
    async drainAndClose() {
      // pg-boss's fire-and-forget complete()/fail() may be issued just after the last worker stops: give them a tick.
      await new Promise((resolve) => setTimeout(resolve, 20));
      closing = true;
      while (running > 0) await new Promise<void>((resolve) => (idle = resolve));
      idle = null;
      closed = true;
    },
  };
}
