// Recreates an empty PostgreSQL database for one browser lane's server (playwright.config.ts), and drops those earlier
// runs left behind (named motcua_e2e_<lane>_<epoch ms>, older than an hour, so never one a parallel run is using).
import pg from 'pg';

const target = new URL(process.argv[2]);
const name = target.pathname.slice(1);
if (!/^motcua_e2e_[a-z0-9]+_\d+$/.test(name)) throw new Error(`not a browser-lane database name: ${name}`);
const admin = new URL(target);
admin.pathname = '/postgres';
const client = new pg.Client({ connectionString: admin.toString() });
await client.connect();
try {
  const old = await client.query(`select datname from pg_database where datname ~ '^motcua_e2e_[a-z0-9]+_[0-9]+$'`);
  for (const { datname } of old.rows) {
    if (Date.now() - Number(datname.split('_').at(-1)) > 3_600_000) await client.query(`drop database if exists "${datname}" with (force)`);
  }
  await client.query(`drop database if exists "${name}" with (force)`);
  await client.query(`create database "${name}"`);
} finally {
  await client.end();
}
