import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/test-app';
import { withTransaction } from '../context/context';
import { verifyAuditChain, canonicalJson, flushAuditSeal, listAuditEvents, sealAuditChain } from './audit';
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
      await withTransaction(ctx, (s) =>
        s.audit({ action: 'test.write', subjectType: 'thing', subjectId: String(i), before: null, after: { name: 'Đăng ký khai sinh', n: i, nested: { z: 1, a: 2 } } }),
      );
    }
    await flushAuditSeal(t.database.db);
    const report = await verifyAuditChain(t.database.db);
    expect(report).toEqual({ ok: true, checked: 5, unsealed: 0 });
    const rows = await t.database.db.select().from(auditEvents).orderBy(auditEvents.chainSeq);
    expect(rows.map((r) => r.chainSeq)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[1]!.prevHash).toBe(rows[0]!.hash);
  });

  it('writes entries unsealed in the transaction, and the verifier counts them until they are sealed', async () => {
    const db = t.database.db;
    // Written with a raw transaction (no withTransaction, so nothing pokes the sealer).
    await db.transaction(async (tx) => {
      await tx.execute(sql`insert into audit_events (occurred_at, actor_label, action, subject_type, subject_id) values (now(), 'Hệ thống', 'test.raw', 'thing', 'r1')`);
    });
    const before = await verifyAuditChain(db);
    expect(before.ok).toBe(true);
    expect(before.unsealed).toBe(1);
    expect(before.oldestUnsealedAt).toBeInstanceOf(Date);
    expect((await sealAuditChain(db)).sealed).toBe(1);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, checked: before.checked + 1, unsealed: 0 });
  });

  it('chains 40 concurrent transactions into one unbroken chain', async () => {
    const ctx = t.systemCtx();
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        withTransaction(ctx, async (s) => {
          await s.audit({ action: 'test.concurrent', subjectType: 'thing', subjectId: `c${i}`, after: { i } });
          await s.audit({ action: 'test.concurrent', subjectType: 'thing', subjectId: `c${i}`, after: { i, second: true } });
        }),
      ),
    );
    await flushAuditSeal(t.database.db);
    const report = await verifyAuditChain(t.database.db);
    expect(report.ok).toBe(true);
    expect(report.unsealed).toBe(0);
    const n = await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditEvents)
      .where(sql`action = 'test.concurrent' and hash is not null`);
    expect(n[0]!.n).toBe(80);
  });

  it('refuses an entry inserted already sealed, and a second sealing of a sealed entry', async () => {
    await expect(
      t.database.db.execute(
        sql`insert into audit_events (occurred_at, actor_label, action, subject_type, subject_id, prev_hash, hash, chain_seq) values (now(), 'x', 'test.forged', 'thing', 'f', 'a', 'b', 999999)`,
      ),
    ).rejects.toThrow();
    await expect(t.database.db.execute(sql`update audit_events set hash = 'forged' where chain_seq = 1`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`update audit_events set chain_seq = 999999 where chain_seq = 1`)).rejects.toThrow();
  });

  it('lists entries by when they happened, newest first, whatever order they were written in', async () => {
    const ctx = t.systemCtx();
    const at = (iso: string) => ({ ...ctx, clock: { now: () => new Date(iso) } });
    await withTransaction(at('2026-01-05T02:00:00Z'), (s) => s.audit({ action: 'test.order', subjectType: 'thing', subjectId: 'late' }));
    await withTransaction(at('2025-06-01T02:00:00Z'), (s) => s.audit({ action: 'test.order', subjectType: 'thing', subjectId: 'backdated' }));
    const { items } = await listAuditEvents(t.database.db, { action: 'test.order', page: 1, pageSize: 10 });
    expect(items.map((e) => e.subjectId)).toEqual(['late', 'backdated']);
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

  it('detects a removed entry', async () => {
    const db = t.database.db;
    await db.execute(sql`alter table audit_events disable trigger audit_events_no_update`);
    // Removing the tampered entry hides the tampering but leaves a gap in the chain positions.
    await db.execute(sql`delete from audit_events where id = (select min(id) + 2 from audit_events)`);
    await db.execute(sql`alter table audit_events enable trigger audit_events_no_update`);
    const report = await verifyAuditChain(db);
    expect(report.ok).toBe(false);
    expect(report.reason).toBe('an entry is missing from the chain');
  });
});
