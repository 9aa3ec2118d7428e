import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { createTestApp, TestClock, type TestApp } from '../../test/test-app';
import { seedCalendarDemo } from '../../platform/calendar/store';
import { verifyAuditChain } from '../../platform/audit/audit';
import { identityModule } from '../identity';
import { catalogModule } from '../catalog';
import { dossiersModule } from '.';
import { dossierEvents, dossierIntakeDecisions, dossiers, dossierSteps } from './dossiers.tables';
import { insertNewDossier } from './dossiers.repository';
import { DOSSIER_TEST_ENV } from './test/factories';

let t: TestApp;
let seedMs = 0;
beforeAll(async () => {
  t = await createTestApp({ env: DOSSIER_TEST_ENV, clock: new TestClock(new Date('2026-11-27T03:00:00Z')) });
  await seedCalendarDemo(t.systemCtx());
  await identityModule.seedDemo!(t.systemCtx(), t.host);
  await catalogModule.seedDemo!(t.systemCtx(), t.host);
  const started = performance.now();
  await dossiersModule.seedDemo!(t.systemCtx(), t.host);
  seedMs = performance.now() - started;
}, 120_000);
afterAll(async () => t?.close());

describe('demo dossiers', () => {
  it('fills every state, with late, at-risk and apologised dossiers, over the last three months', async () => {
    const db = t.database.db;
    const byState = await db
      .select({ state: dossiers.state, n: sql<number>`count(*)::int` })
      .from(dossiers)
      .groupBy(dossiers.state);
    const counts = Object.fromEntries(byState.map((r) => [r.state, Number(r.n)]));
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(150);
    for (const state of ['RECEIVED', 'PROCESSING', 'AWAITING_APPROVAL', 'SUPPLEMENT_REQUESTED', 'AWAITING_PAYMENT', 'INTEROPERATING', 'DONE', 'RETURNED', 'WITHDRAWN', 'STOPPED']) {
      expect(counts[state] ?? 0, `${state} in ${JSON.stringify(counts)}`).toBeGreaterThan(0);
    }
    const [stats] = await db
      .select({
        late: sql<number>`count(*) filter (where classification = 'late')::int`,
        onTime: sql<number>`count(*) filter (where classification in ('early','on-time'))::int`,
        overdueOpen: sql<number>`count(*) filter (where state in ('RECEIVED','PROCESSING','AWAITING_APPROVAL') and coalesce(extended_due_at, due_at) < ${new Date('2026-11-27T03:00:00Z')})::int`,
        atRisk: sql<number>`count(*) filter (where at_risk)::int`,
        extended: sql<number>`count(*) filter (where extended_due_at is not null)::int`,
        oldest: sql<Date>`min(received_at)`,
      })
      .from(dossiers);
    expect(stats!.late).toBeGreaterThan(0);
    expect(stats!.onTime).toBeGreaterThan(stats!.late);
    expect(stats!.overdueOpen + stats!.atRisk).toBeGreaterThan(0);
    expect(stats!.extended).toBeGreaterThan(0);
    expect(new Date(stats!.oldest).getTime()).toBeGreaterThan(new Date('2026-08-25T00:00:00Z').getTime());
    expect((await db.select({ n: sql<number>`count(*)::int` }).from(dossierIntakeDecisions))[0]!.n).toBeGreaterThan(0);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('writes through the intake insert, which stores every column of a finished dossier and its first hop and entry', async () => {
    const db = t.database.db;
    const [done] = await db.select().from(dossiers).where(eq(dossiers.state, 'RETURNED')).limit(1);
    const [firstHop] = await db
      .select()
      .from(dossierSteps)
      .where(and(eq(dossierSteps.dossierId, done!.id), eq(dossierSteps.seq, 1)));
    const [firstEvent] = await db.select().from(dossierEvents).where(eq(dossierEvents.dossierId, done!.id)).orderBy(dossierEvents.id).limit(1);
    const { id: _d, code: _c, publicView: _v, publicViewRev: _r, ...row } = done!;
    const { id: _h, dossierId: _hd, seq: _s, ...hop } = firstHop!;
    const { id: _e, dossierId: _ed, ...event } = firstEvent!;
    const id = crypto.randomUUID();
    const suffix = row.searchText.slice(row.searchText.indexOf(' ') + 1);
    const code = await db.transaction((tx) =>
      insertNewDossier(tx, { id, agencyCode: 'TEST', day: '2026-11-27', row: { ...row, searchText: suffix }, hop, event, publicView: null }),
    );
    expect(code).toBe('TEST-261127-0001');
    const [copy] = await db.select().from(dossiers).where(eq(dossiers.id, id));
    expect(copy).toEqual({ ...done, id, code, searchText: `test-261127-0001 ${suffix}`, publicView: null, publicViewRev: null });
    const [copyHop] = await db.select().from(dossierSteps).where(eq(dossierSteps.dossierId, id));
    expect(copyHop).toEqual({ ...firstHop, id: copyHop!.id, dossierId: id });
    const [copyEvent] = await db.select().from(dossierEvents).where(eq(dossierEvents.dossierId, id));
    expect(copyEvent).toEqual({ ...firstEvent, id: copyEvent!.id, dossierId: id });
    await db.delete(dossierEvents).where(eq(dossierEvents.dossierId, id));
    await db.delete(dossierSteps).where(eq(dossierSteps.dossierId, id));
    await db.delete(dossiers).where(eq(dossiers.id, id));
  });

  it('is idempotent', async () => {
    const before = (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(dossiers))[0]!.n;
    await dossiersModule.seedDemo!(t.systemCtx(), t.host);
    expect((await t.database.db.select({ n: sql<number>`count(*)::int` }).from(dossiers))[0]!.n).toBe(before);
    // Timing is reported, not asserted (performance belongs in bench/); the start-up time is in the closing note.
    console.log(`dossiers demo seed: ${before} dossiers in ${Math.round(seedMs)} ms (${t.database.kind})`);
  });
});
