// "My dossiers" finds an account's desk dossiers by its verified ID number through `dossiers_applicant_id_idx`, in the
// page's order, so a page costs a few index entries however many dossiers the province holds (issue 11 item 6).
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database';
import { createTestDatabase } from '../../platform/db/test-database';
import { byApplicantIdNumber } from './dossiers.repository';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase(inject('dbTemplate'));
});
afterAll(async () => database?.close());

/** The plan of a statement with sequential scans priced out (an empty table would otherwise be scanned). */
async function planOf(query: { toSQL(): { sql: string; params: unknown[] } }): Promise<string> {
  const { sql: text, params } = query.toSQL();
  let inlined = text;
  // EXPLAIN takes no parameters here: inline them as literals, last first so $10 is not read as $1.
  for (let i = params.length; i >= 1; i--) {
    const v = params[i - 1];
    inlined = inlined.replaceAll(`$${i}`, typeof v === 'number' ? String(v) : `'${String(v instanceof Date ? v.toISOString() : v).replace(/'/g, "''")}'`);
  }
  return database.db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    const res = await tx.execute<{ 'QUERY PLAN': string }>(sql.raw(`explain ${inlined}`));
    return res.rows.map((r) => r['QUERY PLAN']).join('\n');
  });
}

describe('the applicant ID number lookup', () => {
  it('walks dossiers_applicant_id_idx in the page order, with and without a cursor, and sorts nothing', async () => {
    const first = await planOf(byApplicantIdNumber(database.db, '001203004567', null, 21));
    expect(first).toContain('dossiers_applicant_id_idx');
    expect(first).toMatch(/Index Scan Backward/);
    expect(first).not.toMatch(/Sort/);
    const next = await planOf(byApplicantIdNumber(database.db, '001203004567', { receivedAt: new Date('2026-03-02T02:00:00Z'), id: '00000000-0000-4000-8000-000000000000' }, 21));
    expect(next).toContain('dossiers_applicant_id_idx');
    expect(next).not.toMatch(/Sort/);
    // The cursor bounds the index walk itself (not a filter on what the walk reads from the newest entry on).
    expect(next).toMatch(/Index Cond: .*applicant_id_number.*received_at/);
  });
});
