import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { openDatabase, runMigrations, type Database } from './database';

/** Where the migrated template lives; set once per test run by the global setup. */
export type TestDbTemplate = { kind: 'pglite'; file: string } | { kind: 'postgres'; adminUrl: string; template: string };

const TEMPLATE_FILE = path.resolve(import.meta.dirname, '../../../.tmp/pglite-template.tar.gz');

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Migrates a template once per test run (PGlite: a dumped data dir; PostgreSQL: a template database). */
export async function prepareTemplate(databaseUrl: string | undefined): Promise<{ template: TestDbTemplate; teardown: () => Promise<void> }> {
  if (databaseUrl) {
    const template = `motcua_tpl_${process.pid}_${randomBytes(3).toString('hex')}`;
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`create database ${template}`);
    const db = await openDatabase({ url: withDatabase(databaseUrl, template), poolSize: 1 });
    await runMigrations(db);
    await db.close();
    await admin.end();
    return {
      template: { kind: 'postgres', adminUrl: databaseUrl, template },
      teardown: async () => {
        const c = new pg.Client({ connectionString: databaseUrl });
        await c.connect();
        const leftovers = await c.query<{ datname: string }>(`select datname from pg_database where datname like $1`, [`motcua_t_${process.pid}_%`]);
        for (const row of leftovers.rows) await c.query(`drop database if exists ${row.datname} with (force)`);
        await c.query(`drop database if exists ${template} with (force)`);
        await c.end();
      },
    };
  }
  const db = await openDatabase({});
  await runMigrations(db);
  const dump = await db.pglite!.dumpDataDir('gzip');
  await db.close();
  fs.mkdirSync(path.dirname(TEMPLATE_FILE), { recursive: true });
  const file = TEMPLATE_FILE.replace('.tar.gz', `-${process.pid}.tar.gz`);
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  return { template: { kind: 'pglite', file }, teardown: async () => fs.rmSync(file, { force: true }) };
}

/** A fresh, migrated, empty database for one test file; drop it with `close()`. */
export async function createTestDatabase(template: TestDbTemplate): Promise<Database> {
  if (template.kind === 'pglite') {
    const blob = new Blob([fs.readFileSync(template.file)]);
    return openDatabase({ loadDataDir: blob });
  }
  // Names carry the template's pid so the global teardown can drop leftovers of crashed workers.
  const pid = template.template.split('_')[2];
  const name = `motcua_t_${pid}_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: template.adminUrl });
  await admin.connect();
  await admin.query(`create database ${name} template ${template.template}`);
  await admin.end();
  const database = await openDatabase({ url: withDatabase(template.adminUrl, name), poolSize: 5 });
  return {
    ...database,
    close: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: template.adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export { PGlite };

/** An empty database of its own for a test that runs the app or a command as a child process. */
export interface ScratchDatabase {
  /** The PostgreSQL URL (next to `DATABASE_URL`'s database), or null on the embedded database. */
  url: string | null;
  /** The embedded database's data folder (`MOTCUA_DATA_DIR`), or null on PostgreSQL. */
  dataDir: string | null;
  /** What a child process's environment needs to use it. */
  env: { DATABASE_URL: string; MOTCUA_DATA_DIR?: string };
  drop(): Promise<void>;
}

/** Creates a scratch database on the backend the suite runs on (`DATABASE_URL` set: PostgreSQL; unset: PGlite). */
export async function createScratchDatabase(prefix: string): Promise<ScratchDatabase> {
  const adminUrl = process.env.DATABASE_URL;
  if (adminUrl) {
    const name = `motcua_${prefix}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = withDatabase(adminUrl, name);
    return {
      url,
      dataDir: null,
      env: { DATABASE_URL: url },
      drop: async () => {
        const c = new pg.Client({ connectionString: adminUrl });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `motcua-${prefix}-`));
  return { url: null, dataDir: dir, env: { DATABASE_URL: '', MOTCUA_DATA_DIR: dir }, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}
