import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/test-app';
import { withTransaction } from '../context/context';
import { verifyAuditChain, canonicalJson } from './audit';
import { auditEvents } from './audit.tables';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('audit chain', () => {
  it('canonical JSON does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: 'Nguyễn' } })).toBe(canonicalJson({ a: { c: 'Nguyễn', d: [1, { x: 1, y: 2 }] }, b: 1 }));
  });

  it('links entries written in transactions and verifies them', async () => {
    const ctx = t.systemCtx();
    for (let i = 0; i < 5; i++) {
      await withTransaction(ctx, (s) => s.audit({ action: 'test.write', subjectType: 'thing', subjectId: String(i), before: null, after: { name: 'Đăng ký khai sinh', n: i, nested: { z: 1, a: 2 } } }));
    }
    const report = await verifyAuditChain(t.database.db);
    expect(report).toEqual({ ok: true, checked: 5 });
  });

  it('rolls the entry back with the change', async () => {
    const ctx = t.systemCtx();
    const before = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(auditEvents);
    await expect(
      withTransaction(ctx, async (s) => {
        await s.audit({ action: 'test.write', subjectType: 'thing', subjectId: 'x' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const after = await t.database.db.select({ n: sql<number>`count(*)::int` }).from(auditEvents);
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('refuses UPDATE and DELETE through the append-only trigger', async () => {
    await expect(t.database.db.execute(sql`update audit_events set action = 'x'`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`delete from audit_events`)).rejects.toThrow();
  });

  it('detects a tampered row', async () => {
    // A superuser can bypass the trigger; the hash chain still exposes the change.
    await t.database.db.execute(sql`alter table audit_events disable trigger audit_events_no_update`);
    await t.database.db.execute(sql`update audit_events set after = '{"name":"Đã sửa"}'::jsonb where id = (select min(id) + 2 from audit_events)`);
    await t.database.db.execute(sql`alter table audit_events enable trigger audit_events_no_update`);
    const report = await verifyAuditChain(t.database.db);
    expect(report.ok).toBe(false);
    expect(report.reason).toBe('row content does not match its hash');
  });
});
