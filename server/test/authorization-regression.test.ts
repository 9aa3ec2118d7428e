// Issue 8, item 1, reproduced on the demo organisation: a procedure carried out by the province root (UBND tỉnh),
// received and forwarded by the provincial desk. Officers of a ward (below the root) must not read, forward or
// approve it, nor download the root's tracking book (Mẫu 07): a grant covers its own unit and the units below it,
// never the units above it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestAgent, type TestApp } from './test-app';
import { seedCalendarDemo } from '../platform/calendar/store';
import { DEMO_PASSWORD } from '../modules/demo-accounts';
import { identityModule, identityOrgUnits } from '../modules/identity';
import { createOfficer, loginAs } from '../modules/identity/test/factories';
import { DESK_AND_UNIT_WORKFLOW, DOSSIER_TEST_ENV, intakeBody, publishProcedure, receive, step, transition, type DossierWorld } from '../modules/dossiers/test/factories';
import type { DossierDetail } from '../../contracts/dossiers/dossiers.contracts';

let t: TestApp;
const agents: Record<string, TestAgent> = {};
let root: { id: string };
let provinceCentre: { id: string };
let received: DossierDetail;

const unitByCode = async (code: string) => (await t.database.db.select().from(identityOrgUnits).where(eq(identityOrgUnits.code, code)))[0]!;

beforeAll(async () => {
  t = await createTestApp({ env: DOSSIER_TEST_ENV });
  await seedCalendarDemo(t.systemCtx());
  await identityModule.seedDemo!(t.systemCtx(), t.host);
  root = await unitByCode('H56');
  provinceCentre = await unitByCode('H56.02');
  for (const login of ['tiepnhan.tinh', 'chuyenvien.hacthanh', 'lanhdao.hacthanh', 'tiepnhan.hacthanh', 'quantri.hacthanh', 'chuyenvien.stp', 'lanhdao.stp']) {
    agents[login] = await loginAs(t.app, { login, password: DEMO_PASSWORD });
  }
  // The provincial specialist and leader who do hold the roles on the root (not demo accounts).
  agents.rootSpecialist = await loginAs(t.app, await createOfficer(t.database.db, 'specialist', root));
  agents.rootLeader = await loginAs(t.app, await createOfficer(t.database.db, 'leader', root));

  const procedureCode = await publishProcedure(t, [root.id], { workflow: DESK_AND_UNIT_WORKFLOW });
  const world = { procedureCode, centre: provinceCentre } as unknown as DossierWorld;
  expect(intakeBody(world).receivingUnitId).toBe(provinceCentre.id);
  received = await receive(world, {}, agents['tiepnhan.tinh']);
  // The provincial desk forwards it: the root's specialists now hold it.
  received = await step(agents['tiepnhan.tinh']!, received, { transition: 'forward' });
  expect(received.state).toBe('PROCESSING');
});
afterAll(async () => t?.close());

describe('issue 8 item 1: a ward officer gains nothing on a root-unit dossier', () => {
  it('the ward specialist can neither read nor forward it, nor find it in a queue', async () => {
    const s = agents['chuyenvien.hacthanh']!;
    expect((await s.get(`/api/v1/dossiers/${received.id}`)).statusCode).toBe(403);
    expect((await s.get(`/api/v1/dossiers/by-code/${encodeURIComponent(received.code)}`)).statusCode).toBe(403);
    expect((await s.get(`/api/v1/dossiers/${received.id}/slips/receipt`)).statusCode).toBe(403);
    const res = await transition(s, received, { transition: 'forward' });
    expect(res.statusCode).toBe(403);
    for (const queue of ['mine', 'unit', 'all']) {
      const list = await s.get(`/api/v1/dossiers?queue=${queue}&q=${encodeURIComponent(received.code)}`);
      expect(list.statusCode).toBe(200);
      expect(list.json().items, queue).toEqual([]);
    }
    // Nothing moved: the root's specialist still holds it at the same version.
    const current = await agents.rootSpecialist!.get(`/api/v1/dossiers/${received.id}`);
    expect(current.statusCode).toBe(200);
    expect(current.json()).toMatchObject({ state: 'PROCESSING', version: received.version });
  });

  it('the ward leader cannot approve it once it awaits the root leader', async () => {
    const awaiting = await step(agents.rootSpecialist!, received, { transition: 'forward' });
    expect(awaiting.state).toBe('AWAITING_APPROVAL');
    const l = agents['lanhdao.hacthanh']!;
    expect((await l.get(`/api/v1/dossiers/${awaiting.id}`)).statusCode).toBe(403);
    expect((await transition(l, awaiting, { transition: 'approve' })).statusCode).toBe(403);
    expect((await transition(l, awaiting, { transition: 'stop', reason: 'Thử dừng' })).statusCode).toBe(403);
    expect((await l.post(`/api/v1/dossiers/${awaiting.id}/apology`, { expectedVersion: awaiting.version, reason: 'Thử', newDueAt: '2026-12-31T09:00:00+07:00' })).statusCode).toBe(
      403,
    );
    // A department leader is elsewhere in the tree: refused too.
    expect((await transition(agents['lanhdao.stp']!, awaiting, { transition: 'approve' })).statusCode).toBe(403);
    // The root's leader may.
    const approved = await step(agents.rootLeader!, awaiting, { transition: 'approve' });
    expect(approved.state).toBe('DONE');
  });

  it('no ward officer downloads the root unit’s or the provincial centre’s tracking book (Mẫu 07)', async () => {
    for (const login of ['chuyenvien.hacthanh', 'lanhdao.hacthanh', 'tiepnhan.hacthanh', 'quantri.hacthanh', 'chuyenvien.stp']) {
      for (const unit of [root, provinceCentre]) {
        const res = await agents[login]!.get(`/api/v1/dossiers/tracking-book?receivingUnitId=${unit.id}&from=2026-01-01&to=2026-12-31`);
        expect(res.statusCode, `${login} ${unit.id}`).toBe(403);
      }
    }
    // The provincial desk keeps its own book.
    const own = await agents['tiepnhan.tinh']!.get(`/api/v1/dossiers/tracking-book?receivingUnitId=${provinceCentre.id}&from=2026-01-01&to=2026-12-31`);
    expect(own.statusCode).toBe(200);
  });

  it('the ward’s own officers still work the ward’s dossiers (the demo journey)', async () => {
    const ward = await unitByCode('H56.101');
    const wardCentre = await unitByCode('H56.101.01');
    const code = await publishProcedure(t, [ward.id]);
    const d = await receive({ procedureCode: code, centre: wardCentre } as unknown as DossierWorld, {}, agents['tiepnhan.hacthanh']);
    const forwarded = await step(agents['tiepnhan.hacthanh']!, d, { transition: 'forward' });
    expect(forwarded.state).toBe('PROCESSING');
    expect((await agents['chuyenvien.hacthanh']!.get(`/api/v1/dossiers/${d.id}`)).statusCode).toBe(200);
    // The Sở Tư pháp specialist, consulted by transfer, acts on it at the department (D11: the grant is on the department).
    const stp = await unitByCode('H56.03');
    const transferred = await step(agents['chuyenvien.hacthanh']!, forwarded, { transition: 'transfer', toUnitId: stp.id, budgetMinutes: 480 });
    expect(transferred.state).toBe('INTEROPERATING');
    const back = await step(agents['chuyenvien.stp']!, transferred, { transition: 'transfer-back' });
    expect(back.state).toBe('PROCESSING');
  });
});
