// "My dossiers" and the online supplement (issue 11 items 4 and 6), through the API on the real database: which
// dossiers an account sees (its online ones, desk ones under its verified ID number — never a merely declared one, never
// another account's), what it is told, and a supplement sent online that resumes the dossier with its due moved by
// exactly the paused working time (D28).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import { createPortalWorld } from './test/factories';
import { createTestApp, type TestAgent, type TestApp } from '../../test/test-app';
import { auditEvents } from '../../platform/audit/audit.tables';
import { addWorkingTimeMs, toVnIso, workingTimeBetween } from '../../platform/calendar';
import { getPublishedCalendar } from '../../platform/calendar/store';
import { notificationsOutbox } from '../../platform/notifications';
import { exe, multipart, pdf, png } from '../../platform/files/test/fixtures';
import { identityUsers } from '../identity';
import { createCitizen, loginAs } from '../identity/test/factories';
import { DOSSIER_TEST_ENV, personId, receive, step } from '../dossiers/test/factories';
import { applicant, decide, save, startDraft, submit, type SubmissionWorld } from '../submissions/test/factories';
import type { DossierDetail } from '../../../contracts/dossiers/dossiers.contracts';
import type { SubmissionDetail } from '../../../contracts/submissions/submissions.contracts';
import type { CitizenDossierDetail, CitizenDossiersResponse, SupplementUploadResponse } from '../../../contracts/portal/portal.contracts';

let t: TestApp;
let w: SubmissionWorld;
/** The world's citizen, with a verified ID number. */
let verifiedId: string;
/** A citizen who declared an ID number nobody verified. */
let declaredAgent: TestAgent;
let declaredId: string;
beforeAll(async () => {
  t = await createTestApp({ env: DOSSIER_TEST_ENV });
  ({ w, verifiedId } = await createPortalWorld(t));
  const declared = await createCitizen(t.database.db);
  declaredId = personId();
  await t.database.db.update(identityUsers).set({ idNumber: declaredId }).where(eq(identityUsers.id, declared.user.id));
  declaredAgent = await loginAs(t.app, declared);
});
afterAll(async () => t?.close());

/** An online application of the world's citizen, received by the desk: the dossier's id. */
async function onlineDossier(): Promise<string> {
  const draft = await startDraft(w.citizenAgent, w.onlineCode, w.centre.id);
  let s: SubmissionDetail = await save(w.citizenAgent, draft, { applicant: applicant() });
  for (const key of ['d1', 'd2']) {
    const { body, headers } = multipart([{ file: 'file', name: `${key}.pdf`, content: pdf() }]);
    const res = await w.citizenAgent.request('POST', `/api/v1/submissions/${s.id}/requirements/${key}/files`, body, headers);
    expect(res.statusCode).toBe(201);
    s = res.json().submission as SubmissionDetail;
  }
  const sent = await submit(w.citizenAgent, s);
  const accepted = await decide(w.agents.reception, sent, { decision: 'accept' });
  return accepted.dossier!.id;
}

const deskDossier = (idNumber: string, name = 'Nguyễn Văn An') =>
  receive(w, { applicant: { kind: 'person', name, idNumber, phone: '0912345678', email: 'an.nguyen@example.vn', address: null } });

const list = async (agent: TestAgent, query = '') => {
  const res = await agent.get(`/api/v1/citizen/dossiers${query}`);
  expect(res.statusCode).toBe(200);
  return res.json<CitizenDossiersResponse>();
};

const detail = async (agent: TestAgent, id: string) => {
  const res = await agent.get(`/api/v1/citizen/dossiers/${id}`);
  expect(res.statusCode).toBe(200);
  return res.json<CitizenDossierDetail>();
};

function upload(agent: TestAgent, id: string, files: Array<{ name: string; content: Buffer }>, itemIndex?: number) {
  const { body, headers } = multipart([
    ...(itemIndex === undefined ? [] : [{ field: 'itemIndex', value: String(itemIndex) }]),
    ...files.map((f) => ({ file: 'file', name: f.name, content: f.content })),
  ]);
  return agent.request('POST', `/api/v1/citizen/dossiers/${id}/supplement-files`, body, headers);
}

describe('my dossiers', () => {
  it('lists the online dossiers and the desk ones under the verified ID number, newest first, by keyset; never a declared number nor another account', async () => {
    t.clock.set('2026-03-02T02:00:00Z');
    const online = await onlineDossier();
    t.clock.set('2026-03-02T03:00:00Z');
    const desk = await deskDossier(verifiedId);
    t.clock.set('2026-03-02T04:00:00Z');
    // Somebody else's desk dossier.
    const stranger = await deskDossier(personId(), 'Trần Thị Bình');
    const underDeclared = await deskDossier(declaredId, 'Lê Văn Cường');

    const mine = await list(w.citizenAgent);
    const ids = mine.items.map((i) => i.id);
    expect(ids).toEqual([desk.id, online]);
    expect(ids).not.toContain(stranger.id);
    expect(mine.items.map((i) => i.source)).toEqual(['id-number', 'online']);
    expect(mine.items[0]).toMatchObject({
      code: desk.code,
      channel: 'direct',
      statusCode: 2,
      statusText: 'Được tiếp nhận',
      holder: { id: w.centre.id, name: w.centre.name },
      effectiveDueAt: desk.effectiveDueAt,
      paused: false,
    });
    expect(mine.items[0]!.next).toMatch(/tiếp tục giải quyết/);
    expect(mine.items[0]!.by).toContain('hẹn trả kết quả');
    expect(mine.items[1]).toMatchObject({ channel: 'online', source: 'online' });

    // Keyset: one per page, in the same order, to the end.
    const first = await list(w.citizenAgent, '?pageSize=1');
    expect(first.items.map((i) => i.id)).toEqual([desk.id]);
    const second = await list(w.citizenAgent, `?pageSize=1&after=${first.nextCursor}`);
    expect(second.items.map((i) => i.id)).toEqual([online]);
    expect(second.nextCursor).toBeNull();
    expect((await w.citizenAgent.get('/api/v1/citizen/dossiers?after=bm90LWEtY3Vyc29y')).statusCode).toBe(400);

    // A declared, unverified number opens nothing; another account sees none of these.
    expect((await list(declaredAgent)).items.map((i) => i.id)).not.toContain(underDeclared.id);
    expect((await list(w.otherCitizenAgent)).items).toEqual([]);
    expect((await declaredAgent.get(`/api/v1/citizen/dossiers/${underDeclared.id}`)).statusCode).toBe(404);
    // Another account's dossier and an unknown one answer alike.
    for (const agent of [w.otherCitizenAgent, declaredAgent]) {
      expect((await agent.get(`/api/v1/citizen/dossiers/${online}`)).statusCode).toBe(404);
      expect((await agent.get(`/api/v1/citizen/dossiers/${desk.id}`)).statusCode).toBe(404);
      expect((await agent.get(`/api/v1/citizen/dossiers/${desk.id}/slips/receipt`)).statusCode).toBe(404);
    }
    expect((await w.citizenAgent.get(`/api/v1/citizen/dossiers/${stranger.id}`)).statusCode).toBe(404);
    // Officers use the back office.
    expect((await w.agents.reception.get('/api/v1/citizen/dossiers')).statusCode).toBe(403);

    // The detail: the applicant's slips only, never the control slip (Mẫu 06).
    const d = await detail(w.citizenAgent, desk.id);
    expect(d.slips.map((s) => s.slip)).toEqual(['receipt']);
    expect(d).toMatchObject({
      receivingUnit: { id: w.centre.id },
      handlingUnit: { id: w.dept.id },
      pause: null,
      supplement: null,
      actions: { uploadSupplement: false, resubmitSupplement: false },
    });
    const receipt = await w.citizenAgent.get(`/api/v1/citizen/dossiers/${desk.id}/slips/receipt`);
    expect(receipt.statusCode).toBe(200);
    expect(receipt.headers['content-type']).toBe('application/pdf');
    expect((await w.citizenAgent.get(`/api/v1/citizen/dossiers/${desk.id}/slips/control`)).statusCode).toBe(400);
  });
});

describe('a supplement sent online', () => {
  it('requested by the officer, uploaded and sent by the citizen, resumes the dossier with its due moved by the paused working time', async () => {
    // Monday 2 March 2026, 09:00: received at the desk under the citizen's verified number; Tuesday forwarded.
    t.clock.set('2026-03-02T02:00:00Z');
    let d: DossierDetail = await deskDossier(verifiedId);
    const originalDue = d.dueAt;
    t.clock.set('2026-03-03T02:00:00Z');
    d = await step(w.agents.reception, d, { transition: 'forward' });

    // Sending while nothing is asked: 409, nothing changes.
    const early = await w.citizenAgent.post(`/api/v1/citizen/dossiers/${d.id}/supplement`, { expectedVersion: d.version });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('INVALID_STATE');
    expect((await upload(w.citizenAgent, d.id, [{ name: 'a.pdf', content: pdf() }])).statusCode).toBe(409);

    // Wednesday 10:00: the specialist asks for a supplement (Mẫu 02).
    const requestedAt = new Date('2026-03-04T03:00:00Z');
    t.clock.set(requestedAt);
    d = await step(w.agents.specialist, d, {
      transition: 'request-supplement',
      items: ['Bản sao sổ hộ khẩu', 'Giấy xác nhận cư trú'],
      reason: 'Thiếu giấy tờ chứng minh nơi cư trú.',
    });
    expect(d.state).toBe('SUPPLEMENT_REQUESTED');

    let mine = await detail(w.citizenAgent, d.id);
    expect(mine).toMatchObject({
      statusCode: 5,
      paused: true,
      pause: { reason: 'supplement', since: '2026-03-04T10:00:00+07:00' },
      supplement: { items: ['Bản sao sổ hộ khẩu', 'Giấy xác nhận cư trú'], reason: 'Thiếu giấy tờ chứng minh nơi cư trú.', files: [] },
      actions: { uploadSupplement: true, resubmitSupplement: false },
    });
    expect(mine.pause!.explanation).toContain('10:00 ngày 04/03/2026');
    expect(mine.supplement!.reference).toMatch(/\/PBS-/);
    expect(mine.slips.map((s) => s.slip)).toEqual(['receipt', 'supplement-request']);
    // The officer's reason reaches the applicant; internal notes of other changes do not.
    expect(mine.messages.find((m) => m.kind === 'request-supplement')?.note).toBe('Thiếu giấy tờ chứng minh nơi cư trú.');
    expect(mine.messages.find((m) => m.kind === 'forward')?.note ?? null).toBeNull();

    // Thursday: a program disguised as a PDF is refused by its content; nothing is recorded. Another account cannot upload.
    t.clock.set('2026-03-05T02:00:00Z');
    const bad = await upload(w.citizenAgent, d.id, [{ name: 'ho-khau.pdf', content: exe() }], 0);
    expect(bad.statusCode).toBe(415);
    expect((await upload(w.otherCitizenAgent, d.id, [{ name: 'a.pdf', content: pdf() }])).statusCode).toBe(404);
    expect((await upload(w.citizenAgent, d.id, [{ name: 'a.pdf', content: pdf() }], 7)).statusCode).toBe(400);
    // Sending with no file prepared: 400.
    const empty = await w.citizenAgent.post(`/api/v1/citizen/dossiers/${d.id}/supplement`, { expectedVersion: d.version });
    expect(empty.statusCode).toBe(400);

    const first = await upload(w.citizenAgent, d.id, [{ name: 'ho-khau.pdf', content: pdf() }], 0);
    expect(first.statusCode).toBe(201);
    t.clock.advance(60_000);
    const second = await upload(w.citizenAgent, d.id, [{ name: 'cu-tru.pdf', content: png() }], 1);
    expect(second.statusCode).toBe(201);
    const uploaded = second.json<SupplementUploadResponse>();
    expect(uploaded.files[0]).toMatchObject({ fileName: 'cu-tru.png', mediaType: 'image/png', itemIndex: 1, submittedAt: null, extensionCorrected: true });
    expect(uploaded.dossier.actions.resubmitSupplement).toBe(true);
    const spare = await upload(w.citizenAgent, d.id, [{ name: 'thua.pdf', content: pdf() }]);
    const spareId = spare.json<SupplementUploadResponse>().files[0]!.id;
    expect((await w.citizenAgent.request('DELETE', `/api/v1/citizen/dossiers/${d.id}/supplement-files/${spareId}`)).statusCode).toBe(200);
    const readBack = await w.citizenAgent.get(`/api/v1/citizen/dossiers/${d.id}/supplement-files/${uploaded.files[0]!.id}`);
    expect(readBack.statusCode).toBe(200);
    expect(readBack.headers['content-type']).toBe('image/png');
    // Officers do not see files still being prepared.
    expect((await w.agents.reception.get(`/api/v1/dossiers/${d.id}/supplement-files/${uploaded.files[0]!.id}`)).statusCode).toBe(404);

    // A stale version: 409, still paused.
    const stale = await w.citizenAgent.post(`/api/v1/citizen/dossiers/${d.id}/supplement`, { expectedVersion: d.version - 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');

    // Friday 14:30: sent. The clock resumes at this instant (D28).
    const resumedAt = new Date('2026-03-06T07:30:00Z');
    t.clock.set(resumedAt);
    const sent = await w.citizenAgent.post(`/api/v1/citizen/dossiers/${d.id}/supplement`, { expectedVersion: d.version, note: 'Đã bổ sung đủ hai giấy tờ.' });
    expect(sent.statusCode).toBe(200);
    mine = sent.json<CitizenDossierDetail>();
    expect(mine).toMatchObject({ statusCode: 4, paused: false, pause: null, supplement: null, holder: { id: w.dept.id }, actions: { uploadSupplement: false } });

    // The due moved by exactly the working time of the pause, on the calendar the dossier uses.
    const cal = await getPublishedCalendar(t.database.db, { orgUnitCode: null });
    const paused = workingTimeBetween(requestedAt, resumedAt, cal);
    expect(paused).toBe(90 + 210 + 480 + 270 + 60);
    const expectedDue = toVnIso(new Date(addWorkingTimeMs(new Date(originalDue).getTime(), paused, cal)));
    expect(expectedDue).toBe('2026-03-11T11:30:00+07:00');
    expect(mine.dueAt).toBe(expectedDue);
    expect(mine.effectiveDueAt).toBe(expectedDue);

    // The back office: the dossier is the specialist's again, with the files sent and the pause closed at 14:30.
    const officer = (await w.agents.reception.get(`/api/v1/dossiers/${d.id}`)).json<DossierDetail>();
    expect(officer).toMatchObject({ state: 'PROCESSING', holder: { unit: { id: w.dept.id }, role: 'specialist' }, dueAt: expectedDue });
    const request = officer.supplementRequests[0]!;
    expect(request.receivedAt).toBe('2026-03-06T14:30:00+07:00');
    expect(request.files.map((f) => [f.fileName, f.itemIndex, f.submittedAt])).toEqual([
      ['ho-khau.pdf', 0, '2026-03-06T14:30:00+07:00'],
      ['cu-tru.png', 1, '2026-03-06T14:30:00+07:00'],
    ]);
    const opened = await w.agents.specialist.get(`/api/v1/dossiers/${d.id}/supplement-files/${request.files[1]!.id}`);
    expect(opened.statusCode).toBe(200);
    expect(opened.headers['content-type']).toBe('image/png');
    expect((await w.agents.outsider.get(`/api/v1/dossiers/${d.id}/supplement-files/${request.files[1]!.id}`)).statusCode).toBe(403);
    // A sent file stays.
    expect((await w.citizenAgent.request('DELETE', `/api/v1/citizen/dossiers/${d.id}/supplement-files/${request.files[0]!.id}`)).statusCode).toBe(409);

    // Audited as the citizen's acts; the applicant is told the new appointment and the specialist is e-mailed.
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(
        and(eq(auditEvents.subjectId, d.id), inArray(auditEvents.action, ['dossiers.supplement.attach', 'dossiers.supplement.detach', 'dossiers.transition.receive-supplement'])),
      );
    expect(audit.map((a) => a.action).sort()).toEqual([
      'dossiers.supplement.attach',
      'dossiers.supplement.attach',
      'dossiers.supplement.attach',
      'dossiers.supplement.detach',
      'dossiers.transition.receive-supplement',
    ]);
    const resubmission = audit.find((a) => a.action === 'dossiers.transition.receive-supplement')!;
    expect(resubmission.actorId).toBe(w.citizen.user.id);
    expect(resubmission.after).toMatchObject({ state: 'PROCESSING', dueAt: expectedDue, channel: 'online', note: 'Đã bổ sung đủ hai giấy tờ.' });
    expect((resubmission.after as { files: unknown[] }).files).toHaveLength(2);
    const outbox = await t.database.db.select().from(notificationsOutbox).where(eq(notificationsOutbox.subjectId, d.id));
    expect(
      outbox
        .filter((n) => n.templateKey === 'dossiers.applicant-update' && (n.params as { kind: string }).kind === 'receive-supplement')
        .map((n) => n.channel)
        .sort(),
    ).toEqual(['email', 'sms', 'zalo']);
    expect(outbox.filter((n) => n.templateKey === 'dossiers.holder-update').map((n) => n.recipient)).toEqual([w.accounts.specialist.user.email]);

    // Sending again while nothing is asked: 409. If still incomplete, the specialist asks again (a new Mẫu 02).
    const again = await w.citizenAgent.post(`/api/v1/citizen/dossiers/${d.id}/supplement`, { expectedVersion: mine.version });
    expect(again.statusCode).toBe(409);
    t.clock.set('2026-03-09T02:00:00Z');
    const reasked = await step(w.agents.specialist, officer, { transition: 'request-supplement', items: ['Giấy xác nhận cư trú'], reason: 'Giấy xác nhận cư trú đã hết hạn.' });
    expect(reasked.state).toBe('SUPPLEMENT_REQUESTED');
    const open = await detail(w.citizenAgent, d.id);
    expect(open.supplement).toMatchObject({ items: ['Giấy xác nhận cư trú'], files: [] });
  });
});
