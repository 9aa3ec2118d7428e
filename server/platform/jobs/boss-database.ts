import type PgBoss from 'pg-boss';
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

/**
 * Runs pg-boss on the app's PGlite instance or pool instead of a second pool: PGlite has a single
 * connection anyway, and sharing the pool keeps the connection budget in one place.
 */
export function bossDatabase(database: Database): BossDatabase {
  let running = 0;
  let closed = false;
  let idle: (() => void) | null = null;

  const run = async (text: string, values?: unknown[]): Promise<SqlResult> => {
    if (database.pglite) {
      const lite = database.pglite;
      // pg-boss sends multi-statement scripts (schema install, maintenance) without parameters: those need exec().
      const r = values?.length ? await lite.query(text, values as unknown[]) : ((await lite.exec(text)).at(-1) ?? { rows: [], affectedRows: 0 });
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
    }
    if (!database.pool) throw new Error('jobs: the database has neither a PGlite instance nor a pool');
    const r = await database.pool.query(text, values);
    return r as unknown as SqlResult;
  };

  return {
    async executeSql(text: string, values: unknown[]) {
      // pg-boss completes jobs without awaiting; after stop() such a late query must not hit a closed database.
      if (closed) throw new Error('jobs: database adapter is closed');
      running++;
      try {
        return await run(text, values);
      } finally {
        running--;
        if (running === 0 && idle) idle();
      }
    },
    async drainAndClose() {
      // pg-boss's fire-and-forget complete()/fail() may be issued just after the last worker stops: give them a tick.
      await new Promise((resolve) => setTimeout(resolve, 20));
      while (running > 0) await new Promise<void>((resolve) => (idle = resolve));
      idle = null;
      closed = true;
    },
  };
}
