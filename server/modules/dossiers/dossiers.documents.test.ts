import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app';
import { DOSSIER_TEST_ENV, createDossierWorld, intakeBody, receive, step, type DossierWorld } from './test/factories';

let t: TestApp;
let w: DossierWorld;
beforeAll(async () => {
  t = await createTestApp({ env: DOSSIER_TEST_ENV });
  w = await createDossierWorld(t);
});
afterAll(async () => t?.close());

const isPdf = (body: Buffer) => body.subarray(0, 5).toString('latin1') === '%PDF-';

describe('legal slips of a dossier', () => {
  it('prints the receipt (Mẫu 01) and the control slip (Mẫu 06) as PDF for officers of the dossier', async () => {
    t.clock.set('2026-03-02T02:00:00Z');
    const d = await step(w.agents.reception, await receive(w), { transition: 'forward' });
    const receipt = await w.agents.reception.get(`/api/v1/dossiers/${d.id}/slips/receipt`);
    expect(receipt.statusCode).toBe(200);
    expect(receipt.headers['content-type']).toBe('application/pdf');
    expect(receipt.headers['content-disposition']).toMatch(/^inline; filename="mau-01-giay-tiep-nhan/);
    expect(isPdf(receipt.rawPayload)).toBe(true);
    const control = await w.agents.specialist.get(`/api/v1/dossiers/${d.id}/slips/control`);
    expect(control.statusCode).toBe(200);
    expect(isPdf(control.rawPayload)).toBe(true);
    expect((await w.agents.outsider.get(`/api/v1/dossiers/${d.id}/slips/receipt`)).statusCode).toBe(403);
  });

  it('prints the apology (Mẫu 04), supplement request (Mẫu 02) and stop notice (Mẫu 05) only once they exist', async () => {
    t.clock.set('2026-03-02T02:00:00Z');
    let d = await step(w.agents.reception, await receive(w), { transition: 'forward' });
    expect((await w.agents.leader.get(`/api/v1/dossiers/${d.id}/slips/apology`)).statusCode).toBe(409);
    const apology = await w.agents.leader.post(`/api/v1/dossiers/${d.id}/apology`, {
      expectedVersion: d.version,
      reason: 'Cần xác minh thêm',
      newDueAt: '2026-03-12T17:00:00+07:00',
    });
    d = apology.json();
    expect(isPdf((await w.agents.leader.get(`/api/v1/dossiers/${d.id}/slips/apology`)).rawPayload)).toBe(true);
    d = await step(w.agents.specialist, d, { transition: 'request-supplement', items: ['Bản sao giấy khai sinh'], reason: 'Thiếu giấy tờ' });
    expect(isPdf((await w.agents.reception.get(`/api/v1/dossiers/${d.id}/slips/supplement-request`)).rawPayload)).toBe(true);
    expect((await w.agents.leader.get(`/api/v1/dossiers/${d.id}/slips/stop-notice`)).statusCode).toBe(409);
    d = await step(w.agents.leader, d, { transition: 'stop', reason: 'Người nộp đề nghị dừng giải quyết' });
    expect(isPdf((await w.agents.leader.get(`/api/v1/dossiers/${d.id}/slips/stop-notice`)).rawPayload)).toBe(true);
  });

  it('prints Mẫu 02 / Mẫu 03 for intake decisions and the tracking book (Mẫu 07) as Excel', async () => {
    t.clock.set('2026-03-02T02:00:00Z');
    const guided = (await w.agents.reception.post('/api/v1/dossiers/intake', intakeBody(w, { decision: 'guide', missingItems: ['Tờ khai'], reasons: 'Thiếu tờ khai' }))).json();
    const refused = (await w.agents.reception.post('/api/v1/dossiers/intake', intakeBody(w, { decision: 'refuse', reasons: 'Không thuộc thẩm quyền' }))).json();
    for (const id of [guided.intakeDecision.id, refused.intakeDecision.id]) {
      const res = await w.agents.reception.get(`/api/v1/dossiers/intake-decisions/${id}/slip`);
      expect(res.statusCode).toBe(200);
      expect(isPdf(res.rawPayload)).toBe(true);
    }
    const book = await w.agents.reception.get(`/api/v1/dossiers/tracking-book?receivingUnitId=${w.centre.id}&from=2026-03-01&to=2026-03-31`);
    expect(book.statusCode).toBe(200);
    expect(book.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(book.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
    expect((await w.agents.outsider.get(`/api/v1/dossiers/tracking-book?receivingUnitId=${w.centre.id}&from=2026-03-01&to=2026-03-31`)).statusCode).toBe(403);
  });
});

describe('public lookup rate limit', () => {
  it('limits one client to 60 lookups a minute', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++) statuses.push((await t.app.inject({ method: 'GET', url: '/api/v1/dossiers/lookup/H56.99-260101-0002' })).statusCode);
    expect(statuses.slice(0, 60).every((s) => s === 404)).toBe(true);
    expect(statuses[60]).toBe(429);
  });
});
