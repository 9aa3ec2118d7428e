import path from 'node:path';
import fs from 'node:fs';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { drizzle as drizzleLite } from 'drizzle-orm/pglite';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migrateLite } from 'drizzle-orm/pglite/migrator';
import { sql } from 'drizzle-orm';
import { DatabaseHealth, isDatabaseUnavailableError, registerDatabaseHealth } from './database-health';

/**
 * Session settings of the app's connections (D31): every request runs short index walks, for which PostgreSQL's JIT
 * compilation and parallel workers only cost. A walk whose filter the planner underestimates (a common name's words,
 * each common, multiplied as if independent) crosses jit_above_cost and gets two workers: measured at 1M dossiers,
 * 269 ms instead of 1–4 ms. A job that wants either sets it locally.
 */
export const OLTP_SESSION_OPTIONS = '-c jit=off -c max_parallel_workers_per_gather=0';

/** The one query-builder type modules use; the PGlite driver exposes the same API at runtime. */
export type Db = NodePgDatabase<Record<string, never>>;
/** A transaction handle, as passed to `db.transaction(async (tx) => ...)`. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything that can run a query. */
export type Queryable = Db | Tx;

export type DatabaseKind = 'pglite' | 'postgres';

/** An open database with its driver handle, closed exactly once at shutdown. */
export interface Database {
  db: Db;
  kind: DatabaseKind;
  close(): Promise<void>;
  /** Whether the database can be reached now; reports of connection errors go here (never thrown at the process). */
  health: DatabaseHealth;
  /** Present on the embedded backend only (tests clone it, pg-boss adapts to it). */
  pglite?: PGlite;
  pool?: pg.Pool;
}

export const MIGRATIONS_FOLDER = path.resolve(import.meta.dirname, '../../../migrations');

export interface OpenDatabaseOptions {
  /** PostgreSQL connection string; when set the embedded database is not used. */
  url?: string;
  /** Folder of the embedded database; undefined means in-memory. */
  dataDir?: string;
  /** A dumped PGlite data directory to start from (test templates). */
  loadDataDir?: Blob | File;
  poolSize?: number;
  /**
   * PostgreSQL only: keep trying to connect this long before giving up (start-up while the database is still
   * coming up; DATABASE_WAIT_SECONDS). 0 (default): one attempt.
   */
  waitSeconds?: number;
  /** Where the start-up wait reports its attempts (default: the console). */
  onWaiting?: (message: string) => void;
}

/** The database did not answer at start-up within the allowed wait; the message is meant for the operator. */
export class DatabaseStartError extends Error {}

/** host:port/database of a connection string, without credentials, for messages. */
export function describeDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname || 'localhost'}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'DATABASE_URL (unparsable)';
  }
}

function reasonOf(err: unknown): string {
  const e = err as { code?: string; message?: string; cause?: unknown; errors?: unknown[] };
  if (Array.isArray(e.errors) && e.errors.length) return reasonOf(e.errors[0]);
  const message = e.message || e.code || String(err);
  return e.code && !message.includes(e.code) ? `${e.code} ${message}` : message;
}

/**
 * Connects once, or keeps trying with back-off (0.5 s doubling to 5 s) for `waitSeconds` while the error is a
 * connection error; any other error (wrong password, missing database) fails at once. One line per attempt.
 */
async function waitForDatabase(pool: pg.Pool, url: string, waitSeconds: number, onWaiting: (message: string) => void): Promise<void> {
  const started = Date.now();
  let delayMs = 500;
  for (let attempt = 1; ; attempt++) {
    try {
      await pool.query('select 1');
      if (attempt > 1) onWaiting(`database ${describeDatabaseUrl(url)} reachable after ${attempt} attempts (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      return;
    } catch (err) {
      const where = describeDatabaseUrl(url);
      if (!isDatabaseUnavailableError(err)) throw new DatabaseStartError(`cannot use the database ${where}: ${reasonOf(err)}`);
      const elapsed = (Date.now() - started) / 1000;
      if (elapsed + delayMs / 1000 > waitSeconds) {
        throw new DatabaseStartError(
          `database ${where} not reachable after ${attempt} attempt${attempt > 1 ? 's' : ''} in ${elapsed.toFixed(1)} s (DATABASE_WAIT_SECONDS=${waitSeconds}): ${reasonOf(err)}`,
        );
      }
      onWaiting(`waiting for the database ${where} (attempt ${attempt}: ${reasonOf(err)}); next attempt in ${(delayMs / 1000).toFixed(1)} s`);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      delayMs = Math.min(delayMs * 2, 5000);
    }
  }
}

/** Opens PostgreSQL when a URL is given, otherwise the embedded PGlite. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.url) {
    // A connection attempt to an unreachable host gives up after 5 s instead of holding a request indefinitely.
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10, connectionTimeoutMillis: 5000, options: OLTP_SESSION_OPTIONS });
    const health = new DatabaseHealth(() => pool.query('select 1'));
    // A client the server drops (restart, crash, terminated backend) emits 'error'; without a listener Node throws it
    // at the process. The pool listens only while a client is idle, so every client gets its own listener for the
    // time it is checked out too; the query it was running rejects on its own and the pool discards the client.
    pool.on('connect', (client) => {
      client.on('error', (err) => {
        if (!health.reportError(err)) console.error(`postgres client error: ${err.message}`);
      });
    });
    pool.on('error', (err) => {
      if (!health.reportError(err)) console.error(`postgres pool: idle client error: ${err.message}`);
    });
    try {
      // Fail (or wait) at start instead of on the first request.
      await waitForDatabase(pool, options.url, options.waitSeconds ?? 0, options.onWaiting ?? ((m) => console.log(m)));
    } catch (err) {
      await pool.end();
      throw err;
    }
    const db = drizzlePg(pool) as Db;
    registerDatabaseHealth(db, health);
    return {
      db,
      kind: 'postgres',
      pool,
      health,
      close: async () => {
        health.stop();
        await pool.end();
      },
    };
  }
  if (options.dataDir) fs.mkdirSync(options.dataDir, { recursive: true });
  const lite = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  const db = drizzleLite(lite) as unknown as Db;
  // In-process: there is no connection to lose, but the same interface lets callers stay backend-agnostic.
  const health = new DatabaseHealth(() => lite.query('select 1'));
  registerDatabaseHealth(db, health);
  return {
    db,
    kind: 'pglite',
    pglite: lite,
    health,
    close: async () => {
      health.stop();
      await lite.close();
    },
  };
}

/** Applies pending migrations; safe to call from several processes at once on PostgreSQL. */
export async function runMigrations(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    await migrateLite(database.db as never, { migrationsFolder: MIGRATIONS_FOLDER });
    return;
  }
  const client = await database.pool!.connect();
  try {
    // Several app instances may start together behind a load balancer: one migrates, the others wait.
    await client.query('select pg_advisory_lock(770001)');
    await migratePg(drizzlePg(client), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    // Best effort: on a dead connection the unlock fails, but the session's end releases the lock anyway, and the
    // migration's own error (if any) is the one worth propagating.
    await client.query('select pg_advisory_unlock(770001)').catch(() => undefined);
    client.release();
  }
}

/** Reports whether the database answers and migrations are applied. */
export async function databaseStatus(db: Db): Promise<{ ok: boolean; migrations: number }> {
  const result = await db.execute<{ n: number }>(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
  return { ok: true, migrations: Number(result.rows[0]?.n ?? 0) };
}

interface DrizzleInternals {
  session: { prepareQuery(query: { sql: string; params: unknown[] }, fields: undefined, name: string, arrayMode: boolean): { execute(): Promise<{ rows: unknown[] }> } };
}

/** A hand-written statement with `$n` placeholders, run under a fixed name. */
export interface NamedStatement {
  name: string;
  text: string;
}

/**
 * Runs a hand-written statement as a named prepared statement: PostgreSQL parses and plans it once per connection
 * instead of on every call, and no query builder runs — for the few hottest writes (intake, audit, outbox), where
 * both showed up as most of the cost (bench/dossiers.bench.ts). On PGlite the name is ignored. Goes through drizzle's
 * session (what `execute` itself uses) so it joins the caller's transaction; covered by database.test.ts on both backends.
 */
export async function executeNamed<T>(q: Queryable, statement: NamedStatement, values: readonly unknown[]): Promise<T[]> {
  const internals = q as unknown as DrizzleInternals;
  const result = await internals.session.prepareQuery({ sql: statement.text, params: [...values] }, undefined, statement.name, false).execute();
  return result.rows as T[];
}
