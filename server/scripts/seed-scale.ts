// `npm run seed:scale -- --dossiers N [--seed S] [--now ISO] [--years Y] [--batch B]`: province-scale data
// (dossiers.scale.ts). Migrates and loads the demo province first, as `npm start` does; then generates N dossiers
// and prints rows/s, dossiers/s and the database size per dossier. With DATABASE_URL on PostgreSQL, else on the
// embedded database in MOTCUA_DATA_DIR. A second run adds N more (codes and numbers continue). Exit 2 on bad arguments.
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { buildApp, seedDemoData } from '../app';
import { loadConfig } from '../platform/config/config';
import type { Clock } from '../platform/context/context';
import { openDatabase, runMigrations, type Db } from '../platform/db/database';
import type { BulkSealing } from '../platform/audit';
import { generateDossiers, SCALE_TABLES, type GenerateProgress } from '../modules/dossiers';
import { generatedRatings } from '../modules/ratings';

const USAGE = `usage: npm run seed:scale -- --dossiers N [--seed S] [--now ISO-instant] [--years Y] [--batch B] [--audit-sealing update|insert-sealed]
  --dossiers N   how many dossiers to add (e.g. 300, 100000, 100k, 1M)
  --seed S       seed of the generator, a non-negative integer (default 1)
  --now ISO      the clock's now, e.g. 2026-12-01T10:00:00+07:00 (default: the current time)
  --years Y      how far back receptions go (default 3)
  --batch B      dossiers per transaction (default 2000)
  --audit-sealing update          audit entries inserted unsealed, then sealed by one UPDATE per batch (what the
                                  triggers of migration 0003 expect of every writer)
  --audit-sealing insert-sealed   inserted sealed, the insert trigger off inside each batch's transaction only
                                  (default when the database user owns audit_events: about 3x less audit work)`;

class UsageError extends Error {}

interface Args {
  dossiers: number;
  seed: number;
  now: Date | null;
  years: number;
  batch: number;
  auditSealing: BulkSealing | undefined;
}

function count(name: string, raw: string): number {
  const m = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(raw.replace(/[_,]/g, ''));
  const n = m ? Number(m[1]) * (m[2] === '' ? 1 : /k/i.test(m[2]!) ? 1_000 : 1_000_000) : NaN;
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} must be a positive whole number, got "${raw}"`);
  return n;
}

export function parseArgs(argv: readonly string[]): Args | 'help' {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return 'help';
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!m || !['dossiers', 'seed', 'now', 'years', 'batch', 'audit-sealing'].includes(m[1]!)) throw new UsageError(`unknown argument "${arg}"`);
    const value = m[2] ?? argv[++i];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`--${m[1]} needs a value`);
    values.set(m[1]!, value);
  }
  const dossiers = values.get('dossiers');
  if (dossiers === undefined) throw new UsageError('--dossiers N is required');
  const seed = values.get('seed') ?? '1';
  if (!/^\d{1,10}$/.test(seed) || Number(seed) > 0xffffffff) throw new UsageError(`--seed must be an integer from 0 to ${0xffffffff}, got "${seed}"`);
  const nowText = values.get('now');
  const now = nowText === undefined ? null : new Date(nowText);
  if (now && (!/^\d{4}-\d\d-\d\d/.test(nowText!) || Number.isNaN(now.getTime()))) throw new UsageError(`--now must be an ISO instant, got "${nowText}"`);
  const years = Number(values.get('years') ?? '3');
  if (!(years > 0 && years <= 20)) throw new UsageError(`--years must be a number in (0, 20], got "${values.get('years')}"`);
  const auditSealing = values.get('audit-sealing');
  if (auditSealing !== undefined && auditSealing !== 'update' && auditSealing !== 'insert-sealed') {
    throw new UsageError(`--audit-sealing must be update or insert-sealed, got "${auditSealing}"`);
  }
  return { dossiers: count('dossiers', dossiers), seed: Number(seed), now, years, batch: values.has('batch') ? count('batch', values.get('batch')!) : 2000, auditSealing };
}

/** Every table a run writes: the dossiers' and the companions' (ratings). */
const TABLES = [...SCALE_TABLES, 'ratings_responses'];

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Sizes in bytes of the database and of each written table with its indexes and TOAST; null where not available. */
async function sizes(db: Db): Promise<{ database: number; tables: Record<string, number> }> {
  const [row] = (
    await db.execute<Record<string, string | number>>(
      sql.raw(`select pg_database_size(current_database()) as database, ${TABLES.map((t) => `pg_total_relation_size('${t}') as "${t}"`).join(', ')}`),
    )
  ).rows;
  return { database: Number(row!.database), tables: Object.fromEntries(TABLES.map((t) => [t, Number(row![t])])) };
}

/** The progress line: redrawn in place on a terminal, one line per ~10 % otherwise (logs, CI). */
function progressReporter(): (p: GenerateProgress) => void {
  const tty = process.stderr.isTTY === true;
  let nextTenth = 1;
  return (p) => {
    const pct = (100 * p.done) / p.total;
    const secs = p.elapsedMs / 1000;
    const eta = p.done ? (secs * (p.total - p.done)) / p.done : 0;
    const line = `seed:scale ${fmt(p.done)}/${fmt(p.total)} dossiers (${pct.toFixed(0)} %) · ${fmt(p.rows / secs)} rows/s · ${fmt(p.done / secs)} dossiers/s · eta ${Math.round(eta)} s`;
    if (tty) process.stderr.write(`\r${line}\u001b[K${p.done === p.total ? '\n' : ''}`);
    else if (p.done === p.total || pct >= nextTenth * 10) {
      process.stderr.write(`${line}\n`);
      nextTenth = Math.floor(pct / 10) + 1;
    }
  };
}

async function main(): Promise<number> {
  let args: Args | 'help';
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(`seed:scale: ${err.message}\n${USAGE}`);
    return 2;
  }
  if (args === 'help') {
    console.log(USAGE);
    return 0;
  }
  const config = loadConfig();
  const database = await openDatabase(config.databaseUrl ? { url: config.databaseUrl, poolSize: 3 } : { dataDir: path.join(config.dataDir, 'pg') });
  try {
    // As `npm start`: migrations, then the demo province when the database has none (its seeds do nothing otherwise).
    await runMigrations(database);
    const fixed = args.now;
    const clock: Clock | undefined = fixed ? { now: () => new Date(fixed.getTime()) } : undefined;
    const built = await buildApp({ database, config, ...(clock ? { clock } : {}), logger: false });
    if (config.seedDemo) await seedDemoData(built);
    const now = built.systemCtx().clock.now();
    // The app's only part in the load: its declarations (wording of the views) stay registered after it closes.
    await built.app.close();

    const before = await sizes(database.db);
    console.log(
      `seed:scale: adding ${fmt(args.dossiers)} dossiers (seed ${args.seed}, now ${now.toISOString()}, ${args.years} years) to ${database.kind === 'postgres' ? 'PostgreSQL' : `PGlite ${path.join(config.dataDir, 'pg')}`}`,
    );
    const result = await generateDossiers(database.db, {
      dossiers: args.dossiers,
      seed: args.seed,
      now,
      years: args.years,
      batchSize: args.batch,
      ...(args.auditSealing ? { auditSealing: args.auditSealing } : {}),
      companions: [generatedRatings({ seed: args.seed, now })],
      onProgress: progressReporter(),
    });
    const after = await sizes(database.db);

    const secs = result.loadMs / 1000;
    const finished = (result.states.DONE ?? 0) + (result.states.RETURNED ?? 0);
    console.log(
      `seed:scale: ${fmt(result.dossiers)} dossiers, ${fmt(result.totalRows)} rows in ${seconds(result.loadMs)}: ${fmt(result.totalRows / secs)} rows/s, ${fmt(result.dossiers / secs)} dossiers/s; VACUUM (ANALYZE) ${seconds(result.vacuumMs)} (run ${result.run}, from ${result.from.toISOString()}, audit ${result.auditSealing})`,
    );
    console.log(
      `  states: ${Object.entries(result.states)
        .sort((a, b) => b[1] - a[1])
        .map(([s, n]) => `${s} ${((100 * n) / result.dossiers).toFixed(1)} %`)
        .join(', ')}; late ${((100 * result.late) / Math.max(1, finished)).toFixed(1)} % of finished`,
    );
    console.log(
      `  rows: ${Object.entries(result.rows)
        .map(([t, n]) => `${t} ${fmt(n)}`)
        .join(', ')}`,
    );
    const grown = after.database - before.database;
    console.log(`  database +${(grown / 1024 ** 2).toFixed(0)} MB = ${fmt(grown / result.dossiers)} bytes per dossier (now ${(after.database / 1024 ** 3).toFixed(2)} GB)`);
    console.log(`  per dossier by table (with indexes): ${TABLES.map((t) => `${t} ${fmt((after.tables[t]! - before.tables[t]!) / result.dossiers)} B`).join(', ')}`);
    return 0;
  } finally {
    await database.close();
  }
}

try {
  process.exitCode = await main();
} catch (err) {
  console.error(`seed:scale failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exitCode = 1;
}
