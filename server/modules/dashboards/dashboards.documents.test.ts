// The official documents' numbers of the dashboards (issue 15 item 5): a body's incoming documents received in a period
// (assigned, done on time or late, open past due) and its outgoing documents issued, by body; the province's subtree
// adds every body below it; read by the unit's officers and the province's readers only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OfficialDocumentIndicators } from '../../../contracts/dashboards/dashboards.contracts';
import type { IncomingDetail } from '../../../contracts/documents/documents.contracts';
import type { TestAgent } from '../../test/test-app';
import { createDocumentWorld, issue, MONDAY_9AM, ok, registerAt, signed, type DocumentWorld } from '../documents/test/factories';
import { createOfficer, loginAs } from '../identity/test/factories';

let w: DocumentWorld;
let reform: TestAgent;
beforeAll(async () => {
  w = await createDocumentWorld();
  reform = await loginAs(w.t.app, await createOfficer(w.t.database.db, 'reform-office', w.province));
});
afterAll(async () => {
  w?.t.clock.set(MONDAY_9AM);
  await w?.t.close();
});

const assign = (d: IncomingDetail, handlingDays: number) =>
  ok<IncomingDetail>(w.agents.leader, `/api/v1/documents/incoming/${d.id}/assign`, { version: d.version, leadUserId: w.accounts.specialist.user.id, handlingDays });

const query = (code: string, subtree = 'false') => `/api/v1/indicators/documents?unit=${encodeURIComponent(code)}&from=2026-03-01&to=2026-03-31&subtree=${subtree}`;

describe('GET /api/v1/indicators/documents', () => {
  it("counts a body's incoming documents by arrival and its issued ones, and the province's subtree adds the ward's copy", async () => {
    w.t.clock.set(MONDAY_9AM);
    // Three arrivals at the Sở on Monday 02/03/2026: one done within 1 working day, one left open past its due, one
    // never assigned; one công văn issued to the ward, which registers its own copy.
    const onTime = await registerAt(w);
    const late = await registerAt(w);
    await registerAt(w);
    const a1 = await assign(onTime, 1);
    await assign(late, 1);
    await ok<IncomingDetail>(w.agents.leader, `/api/v1/documents/incoming/${onTime.id}/close`, { version: a1.version, outcome: 'done', text: 'Đã xử lý xong.' });
    await issue(w, await signed(w, { recipients: { unitIds: [w.ward.id], external: [] } }));
    // A week later the open one is past its due.
    w.t.clock.set('2026-03-09T02:00:00Z');

    const body = (await w.agents.leader.get(query(w.body.code))).json<OfficialDocumentIndicators>();
    expect(body.total).toEqual({ received: 3, assigned: 2, done: 1, doneOnTime: 1, doneLate: 0, overdueOpen: 1, onTimeRate: 1, issued: 1 });
    expect(body.items.map((i) => i.unit.id)).toEqual([w.body.id]);
    expect(body.definition).toMatch(/^Văn bản đến tiếp nhận trong kỳ/);

    const province = (await reform.get(query(w.province.code, 'true'))).json<OfficialDocumentIndicators>();
    expect(province.total).toMatchObject({ received: 4, issued: 1, overdueOpen: 1 });
    expect(province.items.map((i) => i.unit.id).sort()).toEqual([w.body.id, w.ward.id].sort());
    // Outside the period nothing counts.
    const april = (await w.agents.leader.get(query(w.body.code).replace('2026-03-01', '2026-04-01').replace('2026-03-31', '2026-04-30'))).json<OfficialDocumentIndicators>();
    expect(april.total.received).toBe(0);
  });

  it("refuses another unit's officers and anonymous callers, and a bad period", async () => {
    expect((await w.agents.otherLeader.get(query(w.body.code))).statusCode).toBe(403);
    expect((await w.t.app.inject({ method: 'GET', url: query(w.body.code) })).statusCode).toBe(401);
    expect((await w.agents.leader.get(query(w.body.code).replace('2026-03-31', '2026-13-45'))).statusCode).toBe(400);
  });
});
