// The desk's side of online applications and who may do what: refusal (Mẫu 03), withdrawal, the awaiting queue,
// stale decisions, and the owner-only portal routes (issue 11 item 3).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/test-app';
import { notificationsOutbox } from '../../platform/notifications';
import { flushAuditSeal } from '../../platform/audit';
import { intakeDossier } from '../dossiers';
import { DOSSIER_TEST_ENV, publishProcedure } from '../dossiers/test/factories';
import type { DeskQueueResponse, SubmissionDetail } from '../../../contracts/submissions/submissions.contracts';
import { applicant, createSubmissionWorld, decide, FORM_ONLY_PROCEDURE, save, startDraft, submit, type SubmissionWorld } from './test/factories';

let t: TestApp;
let w: SubmissionWorld;
let code: string;
beforeAll(async () => {
  t = await createTestApp({ env: DOSSIER_TEST_ENV });
  w = await createSubmissionWorld(t);
  code = await publishProcedure(t, [w.dept.id], FORM_ONLY_PROCEDURE);
});
afterAll(async () => t?.close());

/** A submitted application of the first citizen at the world's centre. */
async function submitted(): Promise<SubmissionDetail> {
  const draft = await startDraft(w.citizenAgent, code, w.centre.id);
  return submit(w.citizenAgent, await save(w.citizenAgent, draft, { applicant: applicant(), answers: { fullName: 'Nguyễn Văn An', birthDate: '1990-05-01' } }));
}

/** Rows of the dossiers module's table (read by SQL: its tables are its own business, STYLE boundaries rule 2). */
const countDossiers = async () => (await t.database.db.execute<{ n: number }>(sql`select count(*)::int as n from dossiers`)).rows[0]!.n;

describe('the desk refuses', () => {
  it('records Mẫu 03 with its number; the applicant sees the refusal and opens the slip; nothing is received', async () => {
    t.clock.set('2026-03-02T03:00:00Z');
    const s = await submitted();
    const before = await countDossiers();
    const refused = await decide(w.agents.reception, s, { decision: 'refuse', reasons: 'Thủ tục không thuộc thẩm quyền tiếp nhận trực tuyến.' });
    expect(refused.state).toBe('REFUSED');
    expect(refused.statusCode).toBe(3);
    expect(refused.latestDecision).toMatchObject({
      kind: 'refuse',
      referenceNumber: expect.stringMatching(/^\d{2,}\/PTC?-/),
      reasons: 'Thủ tục không thuộc thẩm quyền tiếp nhận trực tuyến.',
    });
    expect(await countDossiers()).toBe(before);
    const record = await t.database.db.execute<{ kind: string; channel: string }>(
      sql`select kind, channel from dossiers_intake_decisions where id = ${refused.latestDecision!.id}`,
    );
    expect(record.rows).toEqual([{ kind: 'refuse', channel: 'online' }]);

    const mine = (await w.citizenAgent.get(`/api/v1/submissions/${s.id}`)).json<SubmissionDetail>();
    expect(mine.timeline.map((e) => e.kind)).toEqual(['created', 'submitted', 'refused']);
    expect(mine.actions).toEqual({ edit: false, submit: false, withdraw: false, decide: false });
    const pdf = await w.citizenAgent.get(mine.latestDecision!.slipUrl);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // The refusal reached the applicant through the outbox (the intake's own notice) on the channel the account chose
    // in its profile (the factory's citizen: e-mail), not on every channel the application's contacts reach.
    const outbox = await t.database.db.select().from(notificationsOutbox).where(eq(notificationsOutbox.subjectId, refused.latestDecision!.id));
    expect(outbox.map((o) => o.channel).sort()).toEqual(['email']);
    // Decided once: a second decision is refused.
    const again = await w.agents.reception.post(`/api/v1/submissions/desk/${s.id}/decision`, { version: refused.version, decision: 'accept' });
    expect(again.statusCode).toBe(409);
  });
});

describe('the applicant withdraws', () => {
  it('takes it out of the queue before a decision; the desk can no longer decide', async () => {
    t.clock.set('2026-03-02T04:00:00Z');
    const s = await submitted();
    const withdrawn = await w.citizenAgent.post(`/api/v1/submissions/${s.id}/withdraw`, { version: s.version, reason: 'Nộp nhầm thủ tục' });
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json<SubmissionDetail>()).toMatchObject({ state: 'WITHDRAWN', statusCode: 7 });
    const queue = (await w.agents.reception.get('/api/v1/submissions/desk/queue?pageSize=100')).json<DeskQueueResponse>();
    expect(queue.items.map((i) => i.id)).not.toContain(s.id);
    const late = await w.agents.reception.post(`/api/v1/submissions/desk/${s.id}/decision`, { version: s.version, decision: 'accept' });
    expect(late.statusCode).toBe(409);
    // A draft may be withdrawn too (abandoned); it never had a national status.
    const draft = await startDraft(w.citizenAgent, code, w.centre.id);
    const dropped = await w.citizenAgent.post(`/api/v1/submissions/${draft.id}/withdraw`, { version: draft.version });
    expect(dropped.json<SubmissionDetail>()).toMatchObject({ state: 'WITHDRAWN', statusCode: null });
  });
});

describe('the awaiting queue', () => {
  it("lists each desk's submissions oldest first, pages by cursor, and shows another desk nothing", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      t.clock.set(`2026-03-03T0${i + 1}:00:00Z`);
      ids.push((await submitted()).id);
    }
    const first = (await w.agents.reception.get('/api/v1/submissions/desk/queue?pageSize=2')).json<DeskQueueResponse>();
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const all: string[] = [...first.items.map((i) => i.id)];
    let cursor = first.nextCursor;
    while (cursor) {
      const page = (await w.agents.reception.get(`/api/v1/submissions/desk/queue?pageSize=2&after=${cursor}`)).json<DeskQueueResponse>();
      all.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    }
    expect(all.length).toBe(first.total);
    // Oldest first: the three made here in order, after anything left from the tests before.
    expect(all.filter((id) => ids.includes(id))).toEqual(ids);
    const other = (await w.agents.otherReception.get('/api/v1/submissions/desk/queue')).json<DeskQueueResponse>();
    expect(other).toEqual({ items: [], total: 0, nextCursor: null });
    const forbidden = await w.agents.otherReception.get(`/api/v1/submissions/desk/queue?receivingUnitId=${w.centre.id}`);
    expect(forbidden.statusCode).toBe(403);
    const badCursor = await w.agents.reception.get('/api/v1/submissions/desk/queue?after=bm90LWEtY3Vyc29y');
    expect(badCursor.statusCode).toBe(400);
  });
});

describe('a stale desk decision', () => {
  it('is refused with 409 and receives nothing', async () => {
    t.clock.set('2026-03-04T02:00:00Z');
    const s = await submitted();
    const before = await countDossiers();
    const stale = await w.agents.reception.post(`/api/v1/submissions/desk/${s.id}/decision`, { version: s.version - 1, decision: 'accept' });
    expect(stale.statusCode).toBe(409);
    expect(await countDossiers()).toBe(before);
    const ok = await decide(w.agents.reception, s, { decision: 'accept' });
    expect(ok.state).toBe('ACCEPTED');
    expect(await countDossiers()).toBe(before + 1);
  });
});

describe("the intake's `within` hook", () => {
  it('runs in the intake transaction: when it throws, no dossier, code, book entry or slip number is left', async () => {
    t.clock.set('2026-03-04T03:00:00Z');
    const tables = ['dossiers', 'dossiers_code_counters', 'dossiers_slip_counters', 'dossiers_intake_decisions', 'audit_events', 'notifications_outbox'];
    // Every row's content, so a counter moved by one (a code or slip number taken) shows as well as a new row.
    const snapshot = async () => {
      // Entries committed earlier are sealed in the background (D7): settle that first.
      await flushAuditSeal(t.database.db);
      const out: Record<string, string> = {};
      for (const name of tables) {
        const r = await t.database.db.execute<{ h: string }>(sql.raw(`select count(*) || ':' || md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from ${name} x`));
        out[name] = r.rows[0]!.h;
      }
      return out;
    };
    const before = await snapshot();
    const request = {
      procedureCode: code,
      receivingUnitId: w.centre.id,
      channel: 'online' as const,
      applicant: { kind: 'person' as const, name: 'Nguyễn Văn An', idNumber: '012345678901', phone: null, email: 'an@example.vn', address: null },
      checklist: [{ name: 'Tờ khai điện tử (nộp trực tuyến)', originals: 1, copies: 0 }],
      note: null,
    };
    const boom = () => Promise.reject(new Error('the caller refuses'));
    await expect(intakeDossier(t.systemCtx(), { ...request, decision: 'accept', feeVnd: 0 }, { within: boom })).rejects.toThrow('the caller refuses');
    await expect(intakeDossier(t.systemCtx(), { ...request, decision: 'guide', missingItems: ['Tờ khai'], reasons: 'Thiếu' }, { within: boom })).rejects.toThrow(
      'the caller refuses',
    );
    expect(await snapshot()).toEqual(before);
  });
});

describe('who may do what', () => {
  it('keeps a submission to its owner, citizens off the desk, and officers off the portal routes', async () => {
    const draft = await startDraft(w.citizenAgent, code, w.centre.id);
    // Another citizen: neither reads nor changes it.
    expect((await w.otherCitizenAgent.get(`/api/v1/submissions/${draft.id}`)).statusCode).toBe(403);
    expect((await w.otherCitizenAgent.request('PATCH', `/api/v1/submissions/${draft.id}`, { version: draft.version, applicant: applicant() })).statusCode).toBe(403);
    expect((await w.otherCitizenAgent.post(`/api/v1/submissions/${draft.id}/withdraw`, { version: draft.version })).statusCode).toBe(403);
    const list = (await w.otherCitizenAgent.get('/api/v1/submissions')).json<{ items: Array<{ id: string }> }>();
    expect(list.items.map((i) => i.id)).not.toContain(draft.id);
    // An officer uses no portal route, not even to start one.
    expect((await w.agents.reception.get(`/api/v1/submissions/${draft.id}`)).statusCode).toBe(403);
    expect((await w.agents.reception.post('/api/v1/submissions', { procedureCode: code })).statusCode).toBe(403);
    expect((await w.agents.admin.get('/api/v1/submissions')).statusCode).toBe(403);
    // A citizen uses no desk route; a draft is no desk's business (404) until it is submitted.
    expect((await w.citizenAgent.get('/api/v1/submissions/desk/queue')).statusCode).toBe(403);
    expect((await w.agents.reception.get(`/api/v1/submissions/desk/${draft.id}`)).statusCode).toBe(404);
    const mine = (await w.citizenAgent.get('/api/v1/submissions')).json<{ items: Array<{ id: string; state: string }> }>();
    expect(mine.items.find((i) => i.id === draft.id)?.state).toBe('DRAFT');
  });

  it('refuses to start an application for a procedure not offered online', async () => {
    const offline = await publishProcedure(t, [w.dept.id], { onlineMode: 'information-only' });
    const res = await w.citizenAgent.post('/api/v1/submissions', { procedureCode: offline, receivingUnitId: w.centre.id });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('SUBMISSION_NOT_ONLINE');
    const notDesk = await w.citizenAgent.post('/api/v1/submissions', { procedureCode: code, receivingUnitId: w.dept.id });
    expect(notDesk.statusCode).toBe(400);
    expect(notDesk.json().error.fields[0].code).toBe('submissions.errors.deskInvalid');
    // By the procedure's id (the portal's submit page), without naming a desk: the usual one (the department's
    // procedure goes to the centre directly under the province, the world's `centre` or `otherCentre`).
    const { procedureId } = (await w.citizenAgent.get(`/api/v1/catalog/procedures/${encodeURIComponent(code)}`)).json<{ procedureId: string }>();
    const byId = await w.citizenAgent.post('/api/v1/submissions', { procedureId });
    expect(byId.statusCode, byId.body).toBe(201);
    expect(byId.json<SubmissionDetail>().procedure.code).toBe(code);
    const both = await w.citizenAgent.post('/api/v1/submissions', { procedureId, procedureCode: code });
    expect(both.statusCode).toBe(400);
    expect(both.json().error.fields[0].message).toBe('Vui lòng chọn một thủ tục (theo mã hoặc theo định danh).');
  });
});
