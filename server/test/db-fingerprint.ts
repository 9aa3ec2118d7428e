import { sql } from 'drizzle-orm';
import type { Db } from '../platform/db/database';
import { flushAuditSeal } from '../platform/audit';

/**
 * Returns a function that hashes every public table's rows in one round trip, so a test can cheaply show that a refused
 * request changed nothing. Tables listed in `ignored` (e.g. sessions, touched by every signed-in request) are skipped.
 */
export async function databaseFingerprinter(db: Db, ignored: ReadonlySet<string>): Promise<() => Promise<Record<string, string>>> {
  const tables = await db.execute<{ table_name: string }>(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const names = tables.rows.map((r) => r.table_name).filter((n) => !ignored.has(n));
  const columns = names.map((n, i) => `(select count(*)::text || ':' || md5(coalesce(string_agg(x::text, '|' order by x::text), '')) from "${n}" x) as c${i}`);
  const statement = `select ${columns.join(', ')}`;
  return async () => {
    // Entries committed by earlier calls are sealed in the background: settle that first so only the call under test could differ.
    await flushAuditSeal(db);
    const r = await db.execute<Record<string, string>>(sql.raw(statement));
    const row = r.rows[0]!;
    return Object.fromEntries(names.map((n, i) => [n, row[`c${i}`]!]));
  };
}
