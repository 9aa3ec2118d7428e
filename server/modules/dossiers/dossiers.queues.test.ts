import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/test-app';
import { auditEvents } from '../../platform/audit/audit.tables';
import type { DossierDetail, DossierListItem } from '../../../contracts/dossiers/dossiers.contracts';
import { dossiers } from './dossiers.tables';
import { maskName } from './dossiers.public-view';
import { createOfficer, loginAs } from '../identity/test/factories';
import { DOSSIER_TEST_ENV, createDossierWorld, receive, step, type DossierWorld } from './test/factories';

let t: TestApp;
let w: DossierWorld;
beforeAll(async () => {
  t = await createTestApp({ env: DOSSIER_TEST_ENV });
  w = await createDossierWorld(t);
});
afterAll(async () => t?.close());

const MONDAY_9 = '2026-03-02T02:00:00Z';

async function queue(agent: keyof DossierWorld['agents'], params: string): Promise<{ items: DossierListItem[]; total: number }> {
  const res = await w.agents[agent].get(`/api/v1/dossiers?${params}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const codes = (r: { items: DossierListItem[] }) => r.items.map((i) => i.code);

describe('queues', () => {
  it('shows each officer the dossiers they hold, and their units’ dossiers', async () => {
    t.clock.set(MONDAY_9);
    const atDesk = await receive(w, { applicant: { kind: 'person', name: 'Lê Thị Hồng Nhung', idNumber: '038200001234', phone: null, email: null, address: null } });
    const withSpecialist = await step(w.agents.reception, await receive(w), { transition: 'forward' });
    expect(codes(await queue('reception', 'queue=mine&pageSize=100'))).toContain(atDesk.code);
    expect(codes(await queue('reception', 'queue=mine&pageSize=100'))).not.toContain(withSpecialist.code);
    expect(codes(await queue('specialist', 'queue=mine&pageSize=100'))).toContain(withSpecialist.code);
    expect(codes(await queue('specialist', 'queue=mine&pageSize=100'))).not.toContain(atDesk.code);
    const unit = codes(await queue('leader', 'queue=unit&pageSize=100'));
    expect(unit).toEqual(expect.arrayContaining([atDesk.code, withSpecialist.code]));
    expect((await queue('outsider', 'queue=unit')).total).toBe(0);
    expect(codes(await queue('reform', 'queue=unit&pageSize=100'))).toEqual(expect.arrayContaining([atDesk.code, withSpecialist.code]));
    // The reform office reads the whole province, whatever unit its grant hangs on.
    const reformElsewhere = await createOfficer(t.database.db, 'reform-office', w.partner);
    const reformAgent = await loginAs(t.app, reformElsewhere);
    const wide = (await reformAgent.get('/api/v1/dossiers?queue=unit&pageSize=100')).json();
    expect(wide.items.map((i: DossierListItem) => i.code)).toEqual(expect.arrayContaining([atDesk.code, withSpecialist.code]));

    const found = await queue('leader', 'queue=unit&q=hong nhung');
    expect(codes(found)).toEqual([atDesk.code]);
    expect((await queue('leader', `queue=unit&q=${encodeURIComponent(withSpecialist.code)}`)).items[0]!.id).toBe(withSpecialist.id);
    const row = found.items[0]!;
    expect(row).toMatchObject({ state: 'RECEIVED', statusCode: 2, badge: 'on-track', paused: false, remainingWorkingMinutes: 2400, dueAt: '2026-03-09T09:00:00+07:00' });
  });

  it('lists overdue and due-soon dossiers with their deadline badges', async () => {
    t.clock.set(MONDAY_9);
    const d = await receive(w, { applicant: { kind: 'person', name: 'Phan Quá Hạn', idNumber: '038200009999', phone: null, email: null, address: null } });
    t.clock.set('2026-03-06T08:00:00Z'); // Friday 15:00: 2 working hours + Monday 07:00–09:00 left
    const soon = await queue('leader', 'queue=due-soon&q=phan qua han');
    expect(soon.items).toEqual([expect.objectContaining({ id: d.id, badge: 'due-soon', remainingWorkingMinutes: 240 })]);
    t.clock.set('2026-03-09T03:00:00Z'); // Monday 10:00, an hour past the due
    const overdue = await queue('leader', 'queue=overdue&q=phan qua han');
    expect(overdue.items).toEqual([expect.objectContaining({ id: d.id, badge: 'overdue', remainingWorkingMinutes: -60 })]);
    expect((await queue('leader', 'queue=due-soon&q=phan qua han')).total).toBe(0);
  });

  it('does not list a paused dossier as overdue (its due moves when it resumes)', async () => {
    t.clock.set(MONDAY_9);
    const received = await receive(w, { applicant: { kind: 'person', name: 'Vũ Tạm Dừng', idNumber: '038200008888', phone: null, email: null, address: null } });
    const withSpecialist = await step(w.agents.reception, received, { transition: 'forward' });
    await step(w.agents.specialist, withSpecialist, { transition: 'request-supplement', items: ['Bản sao sổ hộ khẩu'], reason: 'Thiếu giấy tờ' });
    t.clock.set('2026-03-10T03:00:00Z'); // past the original due, still waiting for the supplement
    expect((await queue('leader', 'queue=overdue&q=vu tam dung')).total).toBe(0);
    expect((await queue('leader', 'queue=unit&q=vu tam dung')).items).toEqual([expect.objectContaining({ id: received.id, paused: true, badge: 'paused' })]);
  });
});

describe('public lookup', () => {
  it('accepts the code in any case and with stray spaces', async () => {
    t.clock.set(MONDAY_9);
    const d = await receive(w);
    const typed = `  ${d.code.toLowerCase().replace('-', ' - ')}  `;
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/dossiers/lookup/${encodeURIComponent(typed)}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().code).toBe(d.code);
  });
});

describe('at-risk sweep', () => {
  it('flags a dossier whose remaining working time is below its remaining step budgets; idempotent and capped', async () => {
    t.clock.set(MONDAY_9);
    const d = await receive(w, { applicant: { kind: 'person', name: 'Đỗ Rủi Ro', idNumber: '038200007777', phone: null, email: null, address: null } });
    expect(d.atRisk).toBe(false);
    // Tuesday 13:30: 630 working minutes gone, 1770 left, but appraisal (1440) and approval (480) are still ahead.
    t.clock.set('2026-03-03T06:30:00Z');
    const capped = await w.agents.admin.post('/api/v1/dossiers/admin/sweep-at-risk', { limit: 1 });
    expect(capped.json().checked).toBe(1);
    const run = await w.agents.admin.post('/api/v1/dossiers/admin/sweep-at-risk', { limit: 10000 });
    expect(run.statusCode).toBe(200);
    const flagged = (await t.database.db.select().from(dossiers).where(eq(dossiers.id, d.id)))[0]!;
    expect(flagged.atRisk).toBe(true);
    expect(flagged.atRiskCheckedAt?.toISOString()).toBe('2026-03-03T06:30:00.000Z');
    expect(flagged.version).toBe(d.version);
    const again = await w.agents.admin.post('/api/v1/dossiers/admin/sweep-at-risk', { limit: 10000 });
    expect(again.json()).toMatchObject({ flagged: 0, cleared: 0 });
    expect(codes(await queue('leader', 'queue=at-risk&q=do rui ro'))).toEqual([d.code]);
    const detail = (await w.agents.leader.get(`/api/v1/dossiers/${d.id}`)).json<DossierDetail>();
    expect(detail.badge).toBe('at-risk');
    expect((await w.agents.leader.post('/api/v1/dossiers/admin/sweep-at-risk', {})).statusCode).toBe(403);
  });
});

describe('apology and extension (Mẫu 04)', () => {
  it('lets the handling agency’s leader issue it once, at least one working day before the due', async () => {
    t.clock.set(MONDAY_9);
    const d = await step(w.agents.reception, await receive(w), { transition: 'forward' });
    const url = `/api/v1/dossiers/${d.id}/apology`;
    const body = { expectedVersion: d.version, reason: 'Cần xác minh thêm với cơ quan khác', newDueAt: '2026-03-12T17:00:00+07:00' };
    const audits = async () =>
      (
        await t.database.db
          .select({ n: sql<number>`count(*)::int` })
          .from(auditEvents)
          .where(eq(auditEvents.subjectId, d.id))
      )[0]!.n;
    const before = await audits();
    expect((await w.agents.specialist.post(url, body)).statusCode).toBe(403);
    expect(await audits()).toBe(before);
    const early = await w.agents.leader.post(url, { ...body, newDueAt: '2026-03-09T09:00:00+07:00' });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields[0].code).toBe('dossiers.errors.newDueNotAfterDue');

    const asLeader = (await w.agents.leader.get(`/api/v1/dossiers/${d.id}`)).json<DossierDetail>();
    expect(asLeader.actions.apology).toBe(true);
    const res = await w.agents.leader.post(url, body);
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json<DossierDetail>();
    expect(after).toMatchObject({ dueAt: '2026-03-09T09:00:00+07:00', extendedDueAt: '2026-03-12T17:00:00+07:00', effectiveDueAt: '2026-03-12T17:00:00+07:00' });
    expect(after.apology).toMatchObject({ originalDueAt: '2026-03-09T09:00:00+07:00', newDueAt: '2026-03-12T17:00:00+07:00' });
    expect(after.apology!.referenceNumber).toContain('/PXL-');
    expect(after.actions.apology).toBe(false);
    expect(await audits()).toBe(before + 1);

    const twice = await w.agents.leader.post(url, { ...body, expectedVersion: after.version });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('APOLOGY_ALREADY_ISSUED');

    const lookup = await t.app.inject({ method: 'GET', url: `/api/v1/dossiers/lookup/${d.code}` });
    expect(lookup.json()).toMatchObject({ appointmentAt: '2026-03-09T09:00:00+07:00', extendedAppointmentAt: '2026-03-12T17:00:00+07:00' });
  });

  it('refuses an apology later than one working day before the due', async () => {
    t.clock.set(MONDAY_9);
    const d = await step(w.agents.reception, await receive(w), { transition: 'forward' });
    t.clock.set('2026-03-06T02:00:00Z'); // Friday 09:00: exactly one working day (8 h) before Monday 09:00 — still allowed
    const preview = (await w.agents.leader.get(`/api/v1/dossiers/${d.id}`)).json<DossierDetail>();
    expect(preview.actions.apology).toBe(true);
    t.clock.set('2026-03-06T02:01:00Z'); // a minute later
    const res = await w.agents.leader.post(`/api/v1/dossiers/${d.id}/apology`, { expectedVersion: d.version, reason: 'Chậm', newDueAt: '2026-03-13T17:00:00+07:00' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'APOLOGY_TOO_LATE' });
    expect(res.json().error.message).toContain('09:00 ngày 09/03/2026');
  });
});

describe('public lookup', () => {
  it('masks the name and shows the status, holder, appointment and public steps without signing in', async () => {
    t.clock.set(MONDAY_9);
    let d = await receive(w);
    d = await step(w.agents.reception, d, { transition: 'forward' });
    d = await step(w.agents.specialist, d, { transition: 'forward' });
    d = await step(w.agents.leader, d, { transition: 'return-to-step', stepIndex: 1, note: 'Bổ sung ý kiến thẩm định' });
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/dossiers/lookup/${encodeURIComponent(d.code)}` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      code: d.code,
      applicantName: 'Nguyễn V*** A**',
      statusCode: 4,
      status: { vi: 'Đang xử lý', en: 'Being handled' },
      holderUnitName: w.dept.name,
      appointmentAt: '2026-03-09T09:00:00+07:00',
      extendedAppointmentAt: null,
    });
    expect(body.procedureName).toBe(d.procedure.name);
    // The internal send-back is not public.
    expect(body.timeline.map((e: { text: { vi: string } }) => e.text.vi)).toEqual([
      expect.stringContaining('Hồ sơ được tiếp nhận tại'),
      `Hồ sơ được chuyển đến ${w.dept.name} (Thẩm định hồ sơ).`,
      `Hồ sơ được chuyển đến ${w.dept.name} (Phê duyệt kết quả).`,
    ]);
    expect(body.timeline[0].text.en).toContain('result due 09:00 on 09/03/2026');
    expect(JSON.stringify(body)).not.toContain('Nguyễn Văn An');
  });

  it('answers an unknown code with a translated 404', async () => {
    const vi = await t.app.inject({ method: 'GET', url: '/api/v1/dossiers/lookup/H56.99-260101-0001' });
    expect(vi.statusCode).toBe(404);
    expect(vi.json().error).toMatchObject({ code: 'DOSSIER_NOT_FOUND' });
    expect(vi.json().error.message).toContain('Không tìm thấy hồ sơ có mã H56.99-260101-0001');
    const en = await t.app.inject({ method: 'GET', url: '/api/v1/dossiers/lookup/H56.99-260101-0001', headers: { 'accept-language': 'en' } });
    expect(en.json().error.message).toContain('No dossier has the code H56.99-260101-0001');
  });

  it('masks names word by word', () => {
    expect(maskName('Nguyễn Văn An')).toBe('Nguyễn V*** A**');
    expect(maskName('  Trần   Thị Ngọc  Ánh ')).toBe('Trần T*** N**** Á***');
    expect(maskName('Lan')).toBe('L***');
    expect(maskName(' Bình ')).toBe('B****');
  });
});
