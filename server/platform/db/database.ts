import path from 'node:path';
import fs from 'node:fs';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { drizzle as drizzleLite } from 'drizzle-orm/pglite';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migrateLite } from 'drizzle-orm/pglite/migrator';
import { sql } from 'drizzle-orm';

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
}

/** Opens PostgreSQL when a URL is given, otherwise the embedded PGlite. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // An idle client dropped by the server (restart, failover) must not crash the process; the pool reconnects.
    pool.on('error', (err) => console.error(`postgres pool: idle client error: ${err.message}`));
    // Fail fast on a wrong URL instead of on the first request.
    await pool.query('select 1');
    return { db: drizzlePg(pool) as Db, kind: 'postgres', pool, close: () => pool.end() };
  }
  if (options.dataDir) fs.mkdirSync(options.dataDir, { recursive: true });
  const lite = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  const db = drizzleLite(lite) as unknown as Db;
  return { db, kind: 'pglite', pglite: lite, close: () => lite.close() };
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
    await client.query('select pg_advisory_unlock(770001)').catch(() => undefined);
    client.release();
  }
}

/** Reports whether the database answers and migrations are applied. */
export async function databaseStatus(db: Db): Promise<{ ok: boolean; migrations: number }> {
  const result = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
  );
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
