// Issue 10 item 4: the sweeps read only the rows that need work, through indexes that serve their filter and order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/test-app';
import { executeNamed } from '../../platform/db/database';
import { addDraftEntry, startYearRevision } from '../../platform/calendar/store/use-cases/calendar-years';
import { previewYearPublication, publishCalendarYear } from '../../platform/calendar/store/use-cases/publish-calendar-year';
import type { DossierDetail } from '../../../contracts/dossiers/dossiers.contracts';
import { dossiers } from './dossiers.tables';
import { OUTDATED_VIEWS, publicViewRevision, refreshOutdatedPublicViews } from './dossiers.public-view';
import { atRiskBatch, openBatchQuery, viewsDueInBatch } from './use-cases/maintain-deadlines';
import { DOSSIER_TEST_ENV, createDossierWorld, receive, step, type DossierWorld } from './test/factories';

let t: TestApp;
let w: DossierWorld;
beforeAll(async () => {
  t = await createTestApp({ env: DOSSIER_TEST_ENV });
  w = await createDossierWorld(t);
});
afterAll(async () => t?.close());

const detail = async (id: string): Promise<DossierDetail> => (await w.agents.leader.get(`/api/v1/dossiers/${id}`)).json<DossierDetail>();
const storedDue = async (id: string): Promise<string> => (await t.database.db.select({ dueAt: dossiers.dueAt }).from(dossiers).where(eq(dossiers.id, id)))[0]!.dueAt.toISOString();

describe('deadline recompute after a calendar change reads only the dossiers whose window the change touches', () => {
  it('moves the dossiers counted over the changed day, pauses included, and does not even read the others', async () => {
    // Five working days each. Before the change: received Mon 02/02/2026, due Mon 09/02 09:00 — before the changed day.
    t.clock.set('2026-02-02T02:00:00Z');
    const early = await receive(w);
    expect(early.dueAt).toBe('2026-02-09T09:00:00+07:00');
    // Received Mon 23/02, paused Tue 24/02 09:00 – Mon 02/03 09:00 (four working days): due Fri 06/03 09:00. Without
    // its pause it would have been due Mon 02/03, before the changed day: the pause puts its window over it.
    t.clock.set('2026-02-23T02:00:00Z');
    let paused = await step(w.agents.reception, await receive(w), { transition: 'forward' });
    t.clock.set('2026-02-24T02:00:00Z');
    paused = await step(w.agents.specialist, paused, { transition: 'request-supplement', items: ['Bản sao giấy khai sinh'], reason: 'Thiếu giấy tờ' });
    t.clock.set('2026-03-02T02:00:00Z');
    paused = await step(w.agents.reception, paused, { transition: 'receive-supplement' });
    expect(paused.dueAt).toBe('2026-03-06T09:00:00+07:00');
    // Received Mon 02/03 (the day off falls inside its window): due Mon 09/03 09:00.
    const inside = await receive(w);
    expect(inside.dueAt).toBe('2026-03-09T09:00:00+07:00');
    // Received Mon 06/04, after the changed day.
    t.clock.set('2026-04-06T02:00:00Z');
    const later = await receive(w);
    expect(later.dueAt).toBe('2026-04-13T09:00:00+07:00');

    // Store a due an hour off on the two dossiers whose windows miss the changed day, still outside it: a recompute that
    // read them would put their true due back (the full scan this replaces did), one that reads only the window leaves it.
    await t.database.db.execute(sql`update dossiers set due_at = due_at + interval '1 hour' where id in (${early.id}, ${later.id})`);

    // An extra day off on Wednesday 04/03/2026, published after review.
    const ctx = t.systemCtx();
    await startYearRevision(ctx, { year: 2026 });
    const draft = await addDraftEntry(ctx, {
      year: 2026,
      entry: { date: '2026-03-04', type: 'day-off', kind: 'other', reason: 'Nghỉ đột xuất (thử nghiệm)', reference: 'Thông báo thử nghiệm số 2' },
    });
    const impact = await previewYearPublication(ctx, { year: 2026 });
    expect(impact.modules).toContainEqual({ module: 'dossiers', affected: 2 });
    await publishCalendarYear(ctx, { year: 2026, version: draft.version, reason: 'Bổ sung ngày nghỉ 04/03/2026', acknowledgedImpact: impact.total });

    expect(await detail(inside.id)).toMatchObject({ dueAt: '2026-03-10T09:00:00+07:00', version: inside.version + 1 });
    expect(await detail(paused.id)).toMatchObject({ dueAt: '2026-03-09T09:00:00+07:00', version: paused.version + 1 });
    expect(await storedDue(early.id)).toBe('2026-02-09T03:00:00.000Z');
    expect(await storedDue(later.id)).toBe('2026-04-13T03:00:00.000Z');
    expect((await detail(later.id)).version).toBe(later.version);
  });
});

describe('public-view refresh', () => {
  it('finds views missing, and made with wording sorting before or after the current one, in one capped call', async () => {
    t.clock.set('2026-03-02T02:00:00Z');
    await refreshOutdatedPublicViews(t.database.db, 10_000); // what earlier tests left (hand-run updates clear views)
    const [a, b, c] = [await receive(w), await receive(w), await receive(w)];
    await t.database.db.execute(sql`update dossiers set public_view_rev = '0.old' where id = ${a.id}`);
    await t.database.db.execute(sql`update dossiers set public_view_rev = '~.newer' where id = ${b.id}`);
    await t.database.db.execute(sql`update dossiers set public_view = null, public_view_rev = null where id = ${c.id}`);
    expect(await refreshOutdatedPublicViews(t.database.db, 2)).toBe(2);
    expect(await refreshOutdatedPublicViews(t.database.db, 10)).toBe(1);
    expect(await refreshOutdatedPublicViews(t.database.db, 10)).toBe(0);
    const revs = await t.database.db
      .select({ rev: dossiers.publicViewRev })
      .from(dossiers)
      .where(sql`${dossiers.id} in (${a.id}, ${b.id}, ${c.id})`);
    expect(revs.map((r) => r.rev)).toEqual([publicViewRevision(), publicViewRevision(), publicViewRevision()]);
  });
});

/**
 * The plan of a query with sequential scans, bitmap scans and sorts priced out: it names an index only when that index
 * can serve the filter (a partial index's predicate implied, the same expression) and the order by itself.
 */
let planSeq = 0;
async function planOf(text: string, params: unknown[]): Promise<string> {
  return t.database.db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    await tx.execute(sql`set local enable_bitmapscan = off`);
    await tx.execute(sql`set local enable_sort = off`);
    const rows = await executeNamed<Record<string, string>>(tx, { name: `sweeps_plan_${++planSeq}`, text: `explain ${text}` }, params);
    return rows.map((r) => Object.values(r)[0]).join('\n');
  });
}
const planOfQuery = (query: { toSQL(): { sql: string; params: unknown[] } }) => {
  const { sql: text, params } = query.toSQL();
  return planOf(text, params);
};

describe('each sweep reads through its index (plans on this database)', () => {
  const served = (plan: string, index: string) => {
    expect(plan).toContain(`Index Scan using ${index}`);
    expect(plan).not.toMatch(/Seq Scan|Sort/);
  };
  const span = { from: new Date('2026-03-03T17:00:00Z'), to: new Date('2026-03-04T17:00:00Z') };
  const cursor = { due: '2026-03-06 02:00:00+00', id: '00000000-0000-0000-0000-000000000000' };

  it('the at-risk sweep: running dossiers in check order', async () => {
    served(await planOfQuery(atRiskBatch(t.database.db, 500)), 'dossiers_running_risk_check_idx');
  });

  it('the recompute: open dossiers by due, province-wide and for one unit, from a cursor', async () => {
    served(await planOfQuery(openBatchQuery(t.database.db, span, null, null)), 'dossiers_open_due_id_idx');
    served(await planOfQuery(openBatchQuery(t.database.db, span, null, cursor)), 'dossiers_open_due_id_idx');
    served(await planOfQuery(openBatchQuery(t.database.db, span, w.centre.code, cursor)), 'dossiers_open_calendar_due_idx');
  });

  it('the views of a published year: every dossier by its last appointment', async () => {
    served(await planOfQuery(viewsDueInBatch(t.database.db, 2027, null)), 'dossiers_last_due_idx');
    served(await planOfQuery(viewsDueInBatch(t.database.db, 2027, cursor)), 'dossiers_last_due_idx');
  });

  it('the public-view refresh: three range scans of the revision', async () => {
    const plan = await planOf(OUTDATED_VIEWS.text, [publicViewRevision(), 2000]);
    expect(plan.match(/Index Scan using dossiers_public_view_rev_idx/g)).toHaveLength(3);
    expect(plan).not.toMatch(/Seq Scan|Sort/);
  });
});
