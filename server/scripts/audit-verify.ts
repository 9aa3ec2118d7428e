// `npm run audit:verify`: recomputes the audit hash chain; exits 1 when any row was altered, removed or inserted out of order.
import path from 'node:path';
import { loadConfig } from '../platform/config/config';
import { openDatabase } from '../platform/db/database';
import { verifyAuditChain } from '../platform/audit';

const config = loadConfig();
const database = await openDatabase(config.databaseUrl ? { url: config.databaseUrl, poolSize: 1 } : { dataDir: path.join(config.dataDir, 'pg') });
try {
  const report = await verifyAuditChain(database.db);
  if (report.ok) {
    console.log(`audit chain OK: ${report.checked} entries verified`);
    process.exitCode = 0;
  } else {
    console.error(`audit chain BROKEN at entry #${report.firstBrokenId}: ${report.reason} (${report.checked} entries verified before it)`);
    process.exitCode = 1;
  }
} catch (err) {
  console.error('audit verification failed:', err instanceof Error ? err.message : err);
  process.exitCode = 2;
} finally {
  await database.close();
}
