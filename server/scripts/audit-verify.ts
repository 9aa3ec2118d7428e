// `npm run audit:verify [-- --seal]`: recomputes the audit hash chain; exits 1 when any entry was altered or removed.
// Entries committed in the last moments may still wait for the running application to seal them; they are counted.
// --seal first seals whatever is waiting (what a running application's sealer would do).
import path from 'node:path';
import { loadConfig } from '../platform/config/config';
import { openDatabase } from '../platform/db/database';
import { sealAuditChain, verifyAuditChain } from '../platform/audit';

const config = loadConfig();
const database = await openDatabase(config.databaseUrl ? { url: config.databaseUrl, poolSize: 1 } : { dataDir: path.join(config.dataDir, 'pg') });
try {
  if (process.argv.includes('--seal')) {
    const { sealed, busy } = await sealAuditChain(database.db);
    console.log(busy ? 'another process is sealing; verifying what is sealed' : `sealed ${sealed} waiting entries`);
  }
  const report = await verifyAuditChain(database.db);
  const waiting = report.unsealed ? `; ${report.unsealed} waiting to be sealed (oldest ${report.oldestUnsealedAt?.toISOString()})` : '';
  if (report.ok) {
    console.log(`audit chain OK: ${report.checked} entries verified${waiting}`);
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
