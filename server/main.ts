import { buildApp, seedDemoData } from './app';
import { loadConfig } from './platform/config/config';
import { DatabaseStartError, openDatabase, runMigrations, type Database } from './platform/db/database';
import { loadDatabaseConfig } from './platform/db/database.config';
import { loadJobsConfig, startJobs } from './platform/jobs';
import path from 'node:path';

const startedAt = performance.now();
const config = loadConfig();
let database: Database;
try {
  // DATABASE_WAIT_SECONDS: PostgreSQL may still be starting (host boot, container order); wait for it, bounded.
  database = await openDatabase(config.databaseUrl ? { url: config.databaseUrl, waitSeconds: loadDatabaseConfig().waitSeconds } : { dataDir: path.join(config.dataDir, 'pg') });
} catch (err) {
  if (!(err instanceof DatabaseStartError)) throw err;
  console.error(`motcua: ${err.message}`);
  process.exit(1);
}
// Safety net: a database call some code left un-awaited must not end the process during an outage. Anything else
// stays fatal, as without a handler.
process.on('unhandledRejection', (reason) => {
  if (database.health.reportError(reason)) return;
  console.error('motcua: unhandled rejection', reason);
  process.exit(1);
});
await runMigrations(database);
const built = await buildApp({ database, config, logger: { level: config.logLevel }, serveWeb: true });
if (config.seedDemo) await seedDemoData(built);
// JOBS_ENABLED=false: this process only queues jobs; another process (same build) works them. The workers start before
// the port opens: a request answered before they listened would leave its jobs (e.g. the applicant's e-mail) to the
// next sweep instead of being worked at once.
const jobsConfig = loadJobsConfig();
const jobs = await startJobs({
  database,
  systemCtx: () => built.systemCtx(),
  log: built.app.log,
  work: jobsConfig.enabled,
  pollingIntervalSeconds: jobsConfig.pollingIntervalSeconds,
});
await built.app.listen({ port: config.port, host: config.host });

const ms = Math.round(performance.now() - startedAt);
const rssMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
console.log(
  `\nmotcua đang chạy tại http://localhost:${config.port}  (CSDL: ${database.kind === 'pglite' ? `PGlite ${path.join(config.dataDir, 'pg')}` : 'PostgreSQL'}, khởi động ${ms} ms, RSS ${rssMb} MB)`,
);
if (config.seedDemo) {
  const { printDemoAccounts } = await import('./modules/demo-accounts');
  printDemoAccounts();
} else {
  const { productionStartNotices } = await import('./modules/identity');
  for (const line of await productionStartNotices(database.db)) console.log(line);
}

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  built.app.log.info({ signal }, 'shutting down');
  await built.app.close();
  await jobs.stop();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
