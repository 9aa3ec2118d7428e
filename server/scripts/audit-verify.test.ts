import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase, runMigrations, type Database } from '../platform/db/database';
import { recordAudit } from '../platform/audit';
import { createScratchDatabase } from '../platform/db/test-database';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

// The script is run as a child process exactly as `npm run audit:verify` runs it, against its own database.
let database: Database;
let env: NodeJS.ProcessEnv;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const scratch = await createScratchDatabase('auditcli');
  database = await openDatabase(scratch.url ? { url: scratch.url, poolSize: 1 } : { dataDir: path.join(scratch.dataDir!, 'pg') });
  env = { ...process.env, ...scratch.env };
  cleanup = async () => {
    await database.close();
    await scratch.drop();
  };
  await runMigrations(database);
  for (let i = 0; i < 3; i++) {
    await database.db.transaction((tx) =>
      recordAudit(
        tx,
        { actorId: null, actorLabel: 'test', at: new Date(Date.UTC(2026, 0, 1, 0, i)) },
        { action: 'test.write', subjectType: 'thing', subjectId: String(i), after: { i } },
      ),
    );
  }
}, 60_000);

afterAll(async () => cleanup?.());

async function verify(...args: string[]): Promise<{ code: number; out: string }> {
  // The embedded database allows one process at a time, so close ours while the CLI runs.
  if (database.kind === 'pglite') await database.close();
  try {
    const r = await run(process.execPath, ['--import', 'tsx', 'server/scripts/audit-verify.ts', ...args], { cwd: root, env });
    return { code: 0, out: r.stdout };
  } catch (err) {
    const e = err as { code: number; stderr: string };
    return { code: e.code, out: e.stderr };
  } finally {
    if (database.kind === 'pglite') database = await openDatabase({ dataDir: path.join(env.MOTCUA_DATA_DIR!, 'pg') });
  }
}

describe('npm run audit:verify', () => {
  it('counts entries still waiting to be sealed, seals them with --seal, and exits 0 on an intact chain', async () => {
    const waiting = await verify();
    expect(waiting.code).toBe(0);
    expect(waiting.out).toContain('0 entries verified; 3 waiting to be sealed');
    const sealed = await verify('--seal');
    expect(sealed.code).toBe(0);
    expect(sealed.out).toContain('sealed 3 waiting entries');
    expect(sealed.out).toContain('audit chain OK: 3 entries verified\n');
  }, 60_000);

  it('exits non-zero after one row is tampered with', async () => {
    await database.db.execute(sql`alter table audit_events disable trigger audit_events_no_update`);
    await database.db.execute(sql`update audit_events set subject_id = 'forged' where subject_id = '1'`);
    await database.db.execute(sql`alter table audit_events enable trigger audit_events_no_update`);
    const r = await verify();
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/BROKEN at entry #\d+/);
  }, 60_000);
});
