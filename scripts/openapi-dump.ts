// Writes the OpenAPI document the running server serves at /api/docs/json to a file (default .tmp/openapi.json),
// built by buildApp on a throwaway in-memory database, so the linter and client generator see exactly what clients get.
import fs from 'node:fs';
import path from 'node:path';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/platform/config/config';
import { openDatabase, runMigrations } from '../server/platform/db/database';

const out = path.resolve(process.argv[2] ?? '.tmp/openapi.json');
const database = await openDatabase({});
try {
  await runMigrations(database);
  const built = await buildApp({ database, config: loadConfig({ MOTCUA_DATA_DIR: '.tmp/openapi-data', JOBS_ENABLED: 'false' }) });
  await built.app.ready();
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify(built.app.swagger(), null, 2)}\n`);
  await built.app.close();
  console.log(`OpenAPI document written to ${path.relative(process.cwd(), out)}`);
} finally {
  await database.close();
}
