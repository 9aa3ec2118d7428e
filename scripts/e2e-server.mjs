// Starts the real app for Playwright on a fresh database: a new PGlite folder, or (when DATABASE_URL is set)
// a new PostgreSQL database created next to the one named there, so journeys never see earlier runs' data.
import fs from 'node:fs';
import path from 'node:path';
import { spawn, execSync } from 'node:child_process';
import pg from 'pg';

const root = path.resolve(import.meta.dirname, '..');
const stamp = `${Date.now()}_${process.pid}`;
const env = { ...process.env, PORT: process.env.E2E_PORT ?? '3100', MOTCUA_SEED_DEMO: 'true', LOG_LEVEL: 'warn' };

execSync('node scripts/ensure-web-build.mjs', { cwd: root, stdio: 'inherit' });

let dropDatabase = async () => {};
if (process.env.DATABASE_URL) {
  const name = `motcua_e2e_${stamp}`;
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
  dropDatabase = async () => {
    const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  };
} else {
  const dir = path.join(root, '.tmp', `e2e-data-${stamp}`);
  fs.rmSync(dir, { recursive: true, force: true });
  env.MOTCUA_DATA_DIR = dir;
  delete env.DATABASE_URL;
  dropDatabase = async () => fs.rmSync(dir, { recursive: true, force: true });
}

const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: root, env, stdio: 'inherit' });
const stop = (signal) => child.kill(signal);
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
child.on('exit', async (code) => {
  await dropDatabase().catch((err) => console.error('e2e cleanup failed:', err.message));
  process.exit(code ?? 0);
});
