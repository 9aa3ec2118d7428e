// The public lookup's read model: written with every change, never served outdated, rendered on the fly otherwise.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/test-app';
import { PublicLookupSchema, type DossierDetail } from '../../../contracts/dossiers/dossiers.contracts';
import { identityOrgUnits } from '../identity';
import { dossierEvents, dossiers } from './dossiers.tables';
import { changeDossier } from './dossiers.repository';
import { publicViewRevision, refreshOutdatedPublicViews, refreshPublicViews, writePublicViews } from './dossiers.public-view';
import { DOSSIER_TEST_ENV, createDossierWorld, receive, step, type DossierWorld } from './test/factories';

let t: TestApp;
let w: DossierWorld;
beforeAll(async () => {
  t = await createTestApp({ env: DOSSIER_TEST_ENV });
  w = await createDossierWorld(t);
  t.clock.set('2026-03-02T02:00:00Z');
});
afterAll(async () => t?.close());

const stored = async (id: string) =>
  (await t.database.db.select({ view: dossiers.publicView, rev: dossiers.publicViewRev, version: dossiers.version }).from(dossiers).where(eq(dossiers.id, id)))[0]!;

async function lookup(code: string) {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/dossiers/lookup/${encodeURIComponent(code)}` });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
  // The route sends the stored string as is, so the contract is checked here rather than by a response serializer.
  return PublicLookupSchema.strict().parse(res.json());
}

/** What the lookup shows when rendered from the dossier now, with the stored view set aside. */
async function rendered(d: Pick<DossierDetail, 'id' | 'code'>) {
  const saved = await stored(d.id);
  await t.database.db.execute(sql`update dossiers set public_view_rev = 'set-aside' where id = ${d.id}`);
  const body = await lookup(d.code);
  await t.database.db.execute(sql`update dossiers set public_view_rev = ${saved.rev} where id = ${d.id}`);
  return body;
}

describe('public lookup read model', () => {
  it('is written at intake and by every change, and serves exactly what rendering from the dossier shows', async () => {
    let d = await receive(w);
    let view = await stored(d.id);
    expect(view.view).not.toBeNull();
    expect(view.rev).toBe(publicViewRevision());
    expect(await lookup(d.code)).toEqual(await rendered(d));

    d = await step(w.agents.reception, d, { transition: 'forward' });
    view = await stored(d.id);
    expect(view.rev).toBe(publicViewRevision());
    const body = await lookup(d.code);
    expect(body.timeline).toHaveLength(2);
    expect(body).toEqual(await rendered(d));

    const res = await w.agents.leader.post(`/api/v1/dossiers/${d.id}/apology`, {
      expectedVersion: d.version,
      newDueAt: '2026-03-12T17:00:00+07:00',
      reason: 'Cần xác minh thêm',
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = await lookup(d.code);
    expect(after.extendedAppointmentAt).toBe('2026-03-12T17:00:00+07:00');
    expect(after).toEqual(await rendered(d));
  });

  it('names the approving leader’s unit (the handling agency) in the approval entry', async () => {
    let d = await receive(w);
    d = await step(w.agents.reception, d, { transition: 'forward' });
    d = await step(w.agents.specialist, d, { transition: 'forward' });
    d = await step(w.agents.leader, d, { transition: 'approve' });
    const body = await lookup(d.code);
    expect(body.timeline.at(-1)!.text.vi).toBe(`Lãnh đạo ${w.dept.name} đã phê duyệt.`);
    expect(body).toEqual(await rendered(d));
  });

  it('is cleared by a write that changes the dossier without writing a fresh view, and the lookup stays right', async () => {
    const d = await receive(w);
    // A change made outside the dossier use cases (a hand-run repair, a future code path that forgets the view).
    await t.database.db.execute(sql`update dossiers set status_code = 4, state = 'PROCESSING', version = version + 1 where id = ${d.id}`);
    expect((await stored(d.id)).view).toBeNull();
    expect((await lookup(d.code)).statusCode).toBe(4);
    // A flag the lookup does not show leaves the view alone.
    await refreshPublicViews(t.database.db, [d.id]);
    await t.database.db.execute(sql`update dossiers set at_risk = true where id = ${d.id}`);
    expect((await stored(d.id)).view).not.toBeNull();
  });

  it('renders views made with other wording on the fly, and the refresher writes them again', async () => {
    const d = await receive(w);
    await t.database.db.execute(sql`update dossiers set public_view = replace(public_view, 'tiếp nhận', 'TỪ NGỮ CŨ'), public_view_rev = '0.old' where id = ${d.id}`);
    const body = await lookup(d.code);
    expect(JSON.stringify(body)).not.toContain('TỪ NGỮ CŨ');
    expect(await refreshOutdatedPublicViews(t.database.db, 10_000)).toBeGreaterThanOrEqual(1);
    expect((await stored(d.id)).rev).toBe(publicViewRevision());
    expect((await stored(d.id)).view).not.toContain('TỪ NGỮ CŨ');
  });

  it('shows the holder unit under its current name (the name is not stored in the view)', async () => {
    const d = await receive(w);
    const [unit] = await t.database.db.select().from(identityOrgUnits).where(eq(identityOrgUnits.id, w.centre.id));
    await t.database.db
      .update(identityOrgUnits)
      .set({ name: `${unit!.name} (đổi tên)` })
      .where(eq(identityOrgUnits.id, w.centre.id));
    try {
      expect((await lookup(d.code)).holderUnitName).toBe(`${unit!.name} (đổi tên)`);
    } finally {
      await t.database.db.update(identityOrgUnits).set({ name: unit!.name }).where(eq(identityOrgUnits.id, w.centre.id));
    }
  });

  it('never overwrites a newer change with a view rendered from an older version', async () => {
    const d = await receive(w);
    const before = await stored(d.id);
    // A refresher rendered version N; meanwhile a change moved the dossier to N+1 (the trigger cleared the view).
    await t.database.db.execute(sql`update dossiers set version = version + 1, status_code = 4 where id = ${d.id}`);
    expect(await writePublicViews(t.database.db, [{ id: d.id, version: before.version, view: before.view! }])).toBe(0);
    expect((await stored(d.id)).view).toBeNull();
    expect((await lookup(d.code)).statusCode).toBe(4);
    expect(await writePublicViews(t.database.db, [{ id: d.id, version: before.version + 1, view: before.view! }])).toBe(1);
  });

  it('changeDossier writes the row, its timeline entry and the view together, or nothing on a stale version', async () => {
    const d = await receive(w);
    const before = await stored(d.id);
    const entries = async () => (await t.database.db.select().from(dossierEvents).where(eq(dossierEvents.dossierId, d.id))).length;
    const n = await entries();
    const entry = {
      at: new Date('2026-03-02T02:00:00Z'),
      kind: 'calendar-change',
      public: true,
      params: { reason: 'x', before: '2026-03-10T17:00:00+07:00', after: '2026-03-20T17:00:00+07:00' },
      note: 'x',
      actorId: null,
      actorLabel: 'system',
    };
    const dueAt = new Date('2026-03-20T10:00:00Z');
    expect(await t.database.db.transaction((tx) => changeDossier(tx, d.id, before.version - 1, { dueAt }, entry))).toBeNull();
    expect(await entries()).toBe(n);
    expect(await stored(d.id)).toEqual(before);

    const row = await t.database.db.transaction((tx) => changeDossier(tx, d.id, before.version, { dueAt }, entry));
    expect(row?.version).toBe(before.version + 1);
    expect(await entries()).toBe(n + 1);
    const after = await stored(d.id);
    expect(after.rev).toBe(publicViewRevision());
    const body = await lookup(d.code);
    expect(body.appointmentAt).toBe('2026-03-20T17:00:00+07:00');
    expect(body.timeline.at(-1)?.statusCode).toBe(row!.statusCode);
    expect(body).toEqual(await rendered(d));
  });
});
