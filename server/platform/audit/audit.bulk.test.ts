// Bulk audit appends: sealed in the writer's transaction, chained after entries sealed the ordinary way, verifiable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/test-app';
import { withTransaction } from '../context/context';
import { flushAuditSeal, verifyAuditChain } from './audit';
import { appendSealedAudit, canInsertSealed, linkAuditEntries, readAuditHead, type DatedAuditEntry } from './audit.bulk';
import { auditEvents } from './audit.tables';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const entries = (n: number, from: number): DatedAuditEntry[] =>
  Array.from({ length: n }, (_, i) => ({
    source: { actorId: null, actorLabel: 'Nguyễn Văn "A"', at: new Date(Date.UTC(2025, 0, 2, 1, 0, from + i)), requestId: `req-${from + i}`, ip: '10.56.0.1' },
    entry: { action: 'test.bulk', subjectType: 'thing', subjectId: String(from + i), before: null, after: { n: from + i, text: 'Hồ sơ\\', list: [1.5, null, { z: 1, a: 'x' }] } },
  }));

describe.each(['update', 'insert-sealed'] as const)('appendSealedAudit (%s)', (sealing) => {
  it('appends sealed entries after the chain, using links computed ahead while the head stands still', async () => {
    const db = t.database.db;
    await withTransaction(t.systemCtx(), (s) => s.audit({ action: 'test.single', subjectType: 'thing', subjectId: 'x' }));
    await flushAuditSeal(db);
    const head = await readAuditHead(db);
    const first = entries(50, 0);
    const links = linkAuditEntries(head, first);
    const after = await db.transaction((tx) => appendSealedAudit(tx, first, links, sealing));
    expect(after).toEqual({ seq: head.seq + 50, hash: links.hashes.at(-1) });
    // Links computed against an outdated head are recomputed, not trusted.
    const stale = linkAuditEntries(head, entries(20, 50));
    await db.transaction((tx) => appendSealedAudit(tx, entries(20, 50), stale, sealing));
    await withTransaction(t.systemCtx(), (s) => s.audit({ action: 'test.single', subjectType: 'thing', subjectId: 'y' }));
    await flushAuditSeal(db);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, checked: head.seq + 71, unsealed: 0 });
    const rows = await db
      .select()
      .from(auditEvents)
      .where(sql`${auditEvents.chainSeq} > ${head.seq}`)
      .orderBy(auditEvents.chainSeq);
    // Chain order follows the entries' order (and their ids).
    expect(rows.filter((r) => r.action === 'test.bulk').map((r) => Number(r.subjectId))).toEqual(Array.from({ length: 70 }, (_, i) => i));
    // The triggers still guard every other writer: no sealed insert, no update of a sealed entry.
    await expect(
      db.execute(
        sql`insert into audit_events (occurred_at, actor_label, action, subject_type, subject_id, hash, prev_hash, chain_seq) values (now(), 'x', 'x', 'x', 'x', 'h', 'p', 999999)`,
      ),
    ).rejects.toThrow();
    await expect(db.execute(sql`update audit_events set actor_label = 'x' where id = ${rows[0]!.id}`)).rejects.toThrow();
  });

  it('writes nothing when the transaction rolls back', async () => {
    expect(await canInsertSealed(t.database.db)).toBe(true);
    const db = t.database.db;
    const before = await readAuditHead(db);
    await expect(
      db.transaction(async (tx) => {
        await appendSealedAudit(tx, entries(5, 100), undefined, sealing);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await readAuditHead(db)).toEqual(before);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });
});
