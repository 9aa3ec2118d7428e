// Several app processes behind a load balancer: each has a sealer; one chain comes out. PostgreSQL only (PGlite is
// one process by construction).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/test-app';
import { buildApp } from '../../app';
import { loadConfig } from '../config/config';
import { withTransaction, type Ctx } from '../context/context';
import { openDatabase } from '../db/database';
import { flushAuditSeal, verifyAuditChain } from './audit';
import { auditEvents } from './audit.tables';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe.runIf(process.env.DATABASE_URL)('audit chain across processes', () => {
  it('seals concurrent writes of two app instances into one unbroken chain', async () => {
    const url = (t.database.pool as unknown as { options: { connectionString: string } }).options.connectionString;
    const second = await openDatabase({ url, poolSize: 5 });
    const other = await buildApp({ database: second, config: loadConfig({ MOTCUA_DATA_DIR: '.tmp/test-data', DATABASE_URL: url }) });
    try {
      const write = (ctx: Ctx, tag: string, i: number) =>
        withTransaction(ctx, (s) => s.audit({ action: 'test.two-processes', subjectType: 'thing', subjectId: `${tag}${i}`, after: { i } }));
      await Promise.all(Array.from({ length: 60 }, (_, i) => (i % 2 ? write(t.systemCtx(), 'a', i) : write(other.systemCtx(), 'b', i))));
      await Promise.all([flushAuditSeal(t.database.db), flushAuditSeal(second.db)]);
      const report = await verifyAuditChain(t.database.db);
      expect(report).toMatchObject({ ok: true, unsealed: 0 });
      const n = await t.database.db
        .select({ n: sql<number>`count(*)::int` })
        .from(auditEvents)
        .where(sql`action = 'test.two-processes' and hash is not null`);
      expect(n[0]!.n).toBe(60);
    } finally {
      await other.app.close();
      await second.close();
    }
  });
});

// Keeps the file a valid suite on PGlite, where the case above does not apply.
describe.skipIf(process.env.DATABASE_URL)('audit chain across processes (PGlite)', () => {
  it('is a single process on the embedded database', () => {
    expect(t.database.kind).toBe('pglite');
  });
});
