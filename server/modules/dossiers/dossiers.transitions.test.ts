import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/test-app';
import { auditEvents } from '../../platform/audit/audit.tables';
import type { DossierDetail } from '../../../contracts/dossiers/dossiers.contracts';
import { dossiers } from './dossiers.tables';
import { DOSSIER_TEST_ENV, createDossierWorld, publishProcedure, receive, step, transition, type DossierWorld } from './test/factories';

let t: TestApp;
let w: DossierWorld;
/** A procedure whose last handling step is a specialist's (reception → appraisal → return), for `result-ready`. */
let shortCode: string;

beforeAll(async () => {
  t = await createTestApp({ env: DOSSIER_TEST_ENV });
  w = await createDossierWorld(t);
  shortCode = await publishProcedure(t, [w.dept.id], {
    workflow: [
      { name: 'Tiếp nhận hồ sơ', unitRef: 'receiving-centre', role: 'reception-officer', budgetMinutes: 240 },
      { name: 'Giải quyết', unitRef: 'implementing-unit', role: 'specialist', budgetMinutes: 1680 },
      { name: 'Trả kết quả', unitRef: 'receiving-centre', role: 'reception-officer', budgetMinutes: 480 },
    ],
  });
});
afterAll(async () => t?.close());

type Reach = 'RECEIVED' | 'PROCESSING' | 'AWAITING_APPROVAL' | 'SUPPLEMENT_REQUESTED' | 'AWAITING_PAYMENT' | 'INTEROPERATING' | 'DONE' | 'SHORT_PROCESSING';

/** Receives a dossier and drives it to `state` through the API. */
async function reach(state: Reach): Promise<DossierDetail> {
  t.clock.set('2026-03-02T02:00:00Z');
  if (state === 'SHORT_PROCESSING') return step(w.agents.reception, await receive(w, { procedureCode: shortCode }), { transition: 'forward' });
  let d = await receive(w);
  if (state === 'RECEIVED') return d;
  d = await step(w.agents.reception, d, { transition: 'forward' });
  if (state === 'PROCESSING') return d;
  if (state === 'SUPPLEMENT_REQUESTED') return step(w.agents.specialist, d, { transition: 'request-supplement', items: ['Bản sao sổ hộ khẩu'], reason: 'Thiếu giấy tờ' });
  if (state === 'AWAITING_PAYMENT') return step(w.agents.specialist, d, { transition: 'request-payment', amountVnd: 500000, reason: 'Nộp lệ phí trước bạ' });
  if (state === 'INTEROPERATING') return step(w.agents.specialist, d, { transition: 'transfer', toUnitId: w.partner.id, budgetMinutes: 960 });
  d = await step(w.agents.specialist, d, { transition: 'forward' });
  if (state === 'AWAITING_APPROVAL') return d;
  return step(w.agents.leader, d, { transition: 'approve' });
}

async function auditCount(id: string): Promise<number> {
  return (
    await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditEvents)
      .where(eq(auditEvents.subjectId, id))
  )[0]!.n;
}
async function rowOf(id: string) {
  return (await t.database.db.select().from(dossiers).where(eq(dossiers.id, id)))[0]!;
}

interface Case {
  transition: string;
  from: Reach;
  body?: Record<string, unknown>;
  allowed: keyof DossierWorld['agents'];
  forbidden: keyof DossierWorld['agents'];
  to: string;
  /** A state in which the allowed actor may act on the dossier but this transition is not valid. */
  invalidFrom: Reach;
  invalidActor?: keyof DossierWorld['agents'];
}

const CASES: Case[] = [
  { transition: 'forward', from: 'RECEIVED', allowed: 'reception', forbidden: 'specialist', to: 'PROCESSING', invalidFrom: 'DONE' },
  {
    transition: 'return-to-step',
    from: 'AWAITING_APPROVAL',
    body: { stepIndex: 1, note: 'Cần thẩm định lại' },
    allowed: 'leader',
    forbidden: 'specialist',
    to: 'PROCESSING',
    invalidFrom: 'RECEIVED',
    invalidActor: 'reception',
  },
  {
    transition: 'request-supplement',
    from: 'PROCESSING',
    body: { items: ['Giấy xác nhận tình trạng hôn nhân'], reason: 'Thiếu giấy tờ' },
    allowed: 'specialist',
    forbidden: 'reception',
    to: 'SUPPLEMENT_REQUESTED',
    invalidFrom: 'DONE',
    invalidActor: 'reception',
  },
  { transition: 'receive-supplement', from: 'SUPPLEMENT_REQUESTED', allowed: 'reception', forbidden: 'specialist', to: 'PROCESSING', invalidFrom: 'RECEIVED' },
  {
    transition: 'request-payment',
    from: 'PROCESSING',
    body: { reason: 'Nộp lệ phí', amountVnd: 100000 },
    allowed: 'specialist',
    forbidden: 'outsider',
    to: 'AWAITING_PAYMENT',
    invalidFrom: 'RECEIVED',
    invalidActor: 'reception',
  },
  { transition: 'confirm-payment', from: 'AWAITING_PAYMENT', allowed: 'specialist', forbidden: 'outsider', to: 'PROCESSING', invalidFrom: 'PROCESSING' },
  {
    transition: 'transfer',
    from: 'PROCESSING',
    body: { toUnitId: 'PARTNER', budgetMinutes: 960 },
    allowed: 'specialist',
    forbidden: 'reception',
    to: 'INTEROPERATING',
    invalidFrom: 'RECEIVED',
    invalidActor: 'reception',
  },
  {
    transition: 'transfer-back',
    from: 'INTEROPERATING',
    allowed: 'partnerSpecialist',
    forbidden: 'specialist',
    to: 'PROCESSING',
    invalidFrom: 'PROCESSING',
    invalidActor: 'specialist',
  },
  { transition: 'approve', from: 'AWAITING_APPROVAL', allowed: 'leader', forbidden: 'specialist', to: 'DONE', invalidFrom: 'PROCESSING', invalidActor: 'specialist' },
  { transition: 'result-ready', from: 'SHORT_PROCESSING', allowed: 'specialist', forbidden: 'leader', to: 'DONE', invalidFrom: 'DONE', invalidActor: 'reception' },
  {
    transition: 'return-result',
    from: 'DONE',
    body: { method: 'desk', receivedBy: 'Nguyễn Văn An' },
    allowed: 'reception',
    forbidden: 'specialist',
    to: 'RETURNED',
    invalidFrom: 'PROCESSING',
  },
  { transition: 'stop', from: 'PROCESSING', body: { reason: 'Người nộp đề nghị dừng giải quyết' }, allowed: 'leader', forbidden: 'specialist', to: 'STOPPED', invalidFrom: 'DONE' },
  {
    transition: 'withdraw',
    from: 'PROCESSING',
    body: { reason: 'Công dân có đơn xin rút hồ sơ' },
    allowed: 'reception',
    forbidden: 'specialist',
    to: 'WITHDRAWN',
    invalidFrom: 'DONE',
  },
];

const bodyOf = (c: Case) => {
  const body: Record<string, unknown> = { transition: c.transition, ...(c.body ?? {}) };
  if (body.toUnitId === 'PARTNER') body.toUnitId = w.partner.id;
  return body;
};

describe.each(CASES)('transition $transition', (c) => {
  it(`moves ${c.from} → ${c.to} for the ${c.allowed}, with one audit entry and a timeline entry`, async () => {
    const d = await reach(c.from);
    const audits = await auditCount(d.id);
    const res = await transition(w.agents[c.allowed], d, bodyOf(c));
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json<DossierDetail>();
    expect(after.state).toBe(c.to);
    expect(after.version).toBe(d.version + 1);
    expect(after.timeline.at(-1)!.kind).toBe(c.transition);
    expect(await auditCount(d.id)).toBe(audits + 1);
    const [entry] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, d.id), eq(auditEvents.action, `dossiers.transition.${c.transition}`)));
    expect(entry).toBeDefined();
  });

  it(`is forbidden (403) to the ${c.forbidden}, changing nothing`, async () => {
    const d = await reach(c.from);
    const before = await rowOf(d.id);
    const audits = await auditCount(d.id);
    const res = await transition(w.agents[c.forbidden], d, bodyOf(c));
    expect(res.statusCode).toBe(403);
    expect(await rowOf(d.id)).toEqual(before);
    expect(await auditCount(d.id)).toBe(audits);
  });

  it(`answers 409 INVALID_STATE from ${c.invalidFrom}`, async () => {
    const d = await reach(c.invalidFrom);
    const before = await rowOf(d.id);
    const res = await transition(w.agents[c.invalidActor ?? c.allowed], d, bodyOf(c));
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().error.code).toBe('INVALID_STATE');
    expect(await rowOf(d.id)).toEqual(before);
  });

  it('lets exactly one of two concurrent requests with the same expectedVersion win', async () => {
    const d = await reach(c.from);
    const audits = await auditCount(d.id);
    const [a, b] = await Promise.all([transition(w.agents[c.allowed], d, bodyOf(c)), transition(w.agents[c.allowed], d, bodyOf(c))]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json().error.code).toBe('VERSION_CONFLICT');
    expect(loser.json().error.message).toBe('Dữ liệu đã được người khác cập nhật. Vui lòng tải lại và thử lại.');
    expect((await rowOf(d.id)).version).toBe(d.version + 1);
    expect(await auditCount(d.id)).toBe(audits + 1);
  });
});

describe('workflow details', () => {
  it('refuses a stale expectedVersion with a translated conflict message', async () => {
    const d = await reach('PROCESSING');
    const res = await w.agents.specialist.request(
      'POST',
      `/api/v1/dossiers/${d.id}/transitions`,
      { transition: 'forward', expectedVersion: d.version - 1 },
      { 'accept-language': 'en' },
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'VERSION_CONFLICT', message: 'Someone else updated this data. Please reload and try again.' });
  });

  it('pauses the clock during a supplement request and shifts the due by the paused working time', async () => {
    const d = await reach('PROCESSING');
    expect(d.dueAt).toBe('2026-03-09T09:00:00+07:00');
    t.clock.set('2026-03-03T02:00:00Z'); // Tuesday 09:00
    const asked = await step(w.agents.specialist, d, { transition: 'request-supplement', items: ['Bản sao giấy khai sinh'], reason: 'Thiếu giấy tờ' });
    expect(asked.holder).toMatchObject({ unit: { id: w.centre.id }, role: 'reception-officer' });
    expect(asked.paused).toBe(true);
    expect(asked.supplementRequests).toEqual([expect.objectContaining({ items: ['Bản sao giấy khai sinh'], receivedAt: null })]);
    t.clock.set('2026-03-05T02:00:00Z'); // Thursday 09:00: two working days paused
    const back = await step(w.agents.reception, asked, { transition: 'receive-supplement' });
    expect(back.state).toBe('PROCESSING');
    expect(back.holder).toMatchObject({ unit: { id: w.dept.id }, role: 'specialist' });
    expect(back.dueAt).toBe('2026-03-11T09:00:00+07:00');
    expect(back.pauses).toEqual([expect.objectContaining({ reason: 'supplement', from: '2026-03-03T09:00:00+07:00', to: '2026-03-05T09:00:00+07:00' })]);
    // The appraisal hop (3 working days from Monday 09:00 → Thursday) moves by the same two working days.
    expect(d.hops.find((h) => h.stepIndex === 1)!.dueAt).toBe('2026-03-05T09:00:00+07:00');
    expect(back.hops.find((h) => h.stepIndex === 1)!.dueAt).toBe('2026-03-09T09:00:00+07:00');
  });

  it('runs a transfer hop with its own sub-deadline and pauses the dossier’s clock meanwhile', async () => {
    const d = await reach('INTEROPERATING');
    const hop = d.hops.at(-1)!;
    expect(hop).toMatchObject({ kind: 'transfer', toUnit: { id: w.partner.id }, budgetMinutes: 960, dueAt: '2026-03-04T09:00:00+07:00', finishedAt: null });
    expect(d.holder.unit.id).toBe(w.partner.id);
    expect(d.pauses[0]).toMatchObject({ reason: 'inter-agency', to: null });
    t.clock.set('2026-03-03T02:00:00Z');
    const back = await step(w.agents.partnerSpecialist, d, { transition: 'transfer-back' });
    expect(back.hops.find((h) => h.id === hop.id)).toMatchObject({ classification: 'early', finishedAt: '2026-03-03T09:00:00+07:00' });
    expect(back.dueAt).toBe('2026-03-10T09:00:00+07:00');
  });

  it('classifies a finished dossier (§19.8) and attributes lateness to the unit whose hop overran', async () => {
    const onTime = await reach('AWAITING_APPROVAL');
    const done = await step(w.agents.leader, onTime, { transition: 'approve' });
    expect(done).toMatchObject({ state: 'DONE', statusCode: 9, classification: 'early', lateUnit: null, finishedAt: '2026-03-02T09:00:00+07:00' });
    expect(done.holder).toMatchObject({ unit: { id: w.centre.id }, role: 'reception-officer' });
    expect(done.currentStep).toBe(3);

    const late = await reach('PROCESSING');
    t.clock.set('2026-03-10T02:00:00Z'); // the specialist sat on it past the due
    const forwarded = await step(w.agents.specialist, late, { transition: 'forward' });
    expect(forwarded.hops.find((h) => h.stepIndex === 1)!.classification).toBe('late');
    expect(forwarded.badge).toBe('overdue');
    const finished = await step(w.agents.leader, forwarded, { transition: 'approve' });
    expect(finished.classification).toBe('late');
    expect(finished.lateUnit?.id).toBe(w.dept.id);
    const returned = await step(w.agents.reception, finished, { transition: 'return-result', method: 'post', receivedBy: 'Bưu điện tỉnh' });
    expect(returned).toMatchObject({ state: 'RETURNED', statusCode: 10, returnMethod: 'post', returnedTo: 'Bưu điện tỉnh' });
    expect(returned.allowedTransitions).toEqual([]);
  });

  it('offers each actor only the transitions they may make', async () => {
    const d = await reach('PROCESSING');
    const asSpecialist = (await w.agents.specialist.get(`/api/v1/dossiers/${d.id}`)).json<DossierDetail>();
    expect(asSpecialist.allowedTransitions.map((a) => a.transition).sort()).toEqual(['forward', 'request-payment', 'request-supplement', 'return-to-step', 'transfer']);
    const asLeader = (await w.agents.leader.get(`/api/v1/dossiers/${d.id}`)).json<DossierDetail>();
    expect(asLeader.allowedTransitions.map((a) => a.transition)).toEqual(['stop']);
    const asReception = (await w.agents.reception.get(`/api/v1/dossiers/${d.id}`)).json<DossierDetail>();
    expect(asReception.allowedTransitions.map((a) => a.transition)).toEqual(['withdraw']);
    const outsider = await w.agents.outsider.get(`/api/v1/dossiers/${d.id}`);
    expect(outsider.statusCode).toBe(403);
  });

  it('does not forward past the last handling step', async () => {
    const d = await reach('SHORT_PROCESSING');
    const res = await transition(w.agents.specialist, d, { transition: 'forward' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.fields[0].code).toBe('dossiers.errors.lastStep');
  });
});
