// The whole path of an online application with files (issue 11 item 3; domain README §3.1 steps 0–2): draft,
// autosave with a stale version, submission refused while incomplete, files, submission, the desk of another unit
// refused, a guide (Mẫu 02), completion and resubmission, reception as a dossier with its code and the appointment
// counted from reception (NĐ 118/2025), and what the applicant then sees and opens.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { createTestApp, type TestAgent, type TestApp } from '../../test/test-app';
import { auditEvents } from '../../platform/audit/audit.tables';
import { notificationsOutbox } from '../../platform/notifications';
import { multipart, pdf, png, zip } from '../../platform/files/test/fixtures';
import { DOSSIER_TEST_ENV, publishProcedure } from '../dossiers/test/factories';
import type { AttachFilesResponse, DeskQueueResponse, SubmissionDetail } from '../../../contracts/submissions/submissions.contracts';
import type { DossierDetail } from '../../../contracts/dossiers/dossiers.contracts';
import { amendProcedure, applicant, createSubmissionWorld, decide, save, startDraft, submit, type SubmissionWorld } from './test/factories';

let t: TestApp;
let w: SubmissionWorld;
beforeAll(async () => {
  t = await createTestApp({ env: DOSSIER_TEST_ENV });
  w = await createSubmissionWorld(t);
});
afterAll(async () => t?.close());

async function attach(agent: TestAgent, s: Pick<SubmissionDetail, 'id'>, key: string, files: Array<{ name: string; content: Buffer }>) {
  const { body, headers } = multipart(files.map((f) => ({ file: 'file', name: f.name, content: f.content })));
  return agent.request('POST', `/api/v1/submissions/${s.id}/requirements/${key}/files`, body, headers);
}

async function attached(agent: TestAgent, s: Pick<SubmissionDetail, 'id'>, key: string, name: string, content: Buffer = pdf()): Promise<AttachFilesResponse> {
  const res = await attach(agent, s, key, [{ name, content }]);
  if (res.statusCode !== 201) throw new Error(`attach failed: ${res.statusCode} ${res.body}`);
  return res.json<AttachFilesResponse>();
}

const read = async (agent: TestAgent, id: string) => (await agent.get(`/api/v1/submissions/${id}`)).json<SubmissionDetail>();

describe('an online application from draft to dossier', () => {
  it('goes through draft, guide and reception, with a dossier code and an appointment issued at reception', async () => {
    // Monday 2 March 2026, 09:00 in Hà Nội.
    t.clock.set('2026-03-02T02:00:00Z');
    const draft = await startDraft(w.citizenAgent, w.onlineCode, w.centre.id);
    expect(draft).toMatchObject({ state: 'DRAFT', statusCode: null, reference: null, version: 1, resultDelivery: 'online', handlingUnit: { id: w.dept.id } });
    // Pre-filled from the account: its name and its confirmed e-mail.
    expect(draft.applicant).toMatchObject({ kind: 'person', name: 'Nguyễn Văn An', email: w.citizen.login });
    expect(draft.requirements.map((r) => [r.key, r.name, r.status])).toEqual([
      ['d1', 'Tờ khai theo mẫu', 'missing'],
      ['d2', 'Bản sao giấy tờ tùy thân', 'missing'],
    ]);

    // Autosave, then a save from a second tab that still holds version 1: 409 with what is stored, nothing lost.
    const typed = applicant();
    const saved = await save(w.citizenAgent, draft, { applicant: typed });
    expect(saved.version).toBe(2);
    const stale = await w.citizenAgent.request('PATCH', `/api/v1/submissions/${draft.id}`, { version: 1, applicant: { ...typed, name: 'Tên khác' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('SUBMISSION_VERSION_CONFLICT');
    expect(stale.json().current).toMatchObject({ version: 2, applicant: { name: typed.name, idNumber: typed.idNumber } });
    expect((await read(w.citizenAgent, draft.id)).applicant.name).toBe(typed.name);

    // What is missing, and submitting while it is: 400 listing each item, translated; nothing changes.
    const missing = (await w.citizenAgent.get(`/api/v1/submissions/${draft.id}/missing`)).json<{ complete: boolean; problems: Array<{ path: string; message: string }> }>();
    expect(missing.complete).toBe(false);
    expect(missing.problems.map((p) => p.path)).toEqual(['documents.d1', 'documents.d2']);
    expect(missing.problems[0]!.message).toBe('Chưa đính kèm "Tờ khai theo mẫu".');
    const auditBefore = (
      await t.database.db
        .select({ n: sql<number>`count(*)::int` })
        .from(auditEvents)
        .where(eq(auditEvents.subjectId, draft.id))
    )[0]!.n;
    const incomplete = await w.citizenAgent.post(`/api/v1/submissions/${draft.id}/submit`, { version: saved.version });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().error.code).toBe('SUBMISSION_INCOMPLETE');
    expect(incomplete.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['submission.documents.d1', 'submission.documents.d2']);
    const untouched = await read(w.citizenAgent, draft.id);
    expect([untouched.state, untouched.version, untouched.reference]).toEqual(['DRAFT', 2, null]);
    expect(
      (
        await t.database.db
          .select({ n: sql<number>`count(*)::int` })
          .from(auditEvents)
          .where(eq(auditEvents.subjectId, draft.id))
      )[0]!.n,
    ).toBe(auditBefore);
    // The English caller reads the same problems in English.
    const english = await w.citizenAgent.request('GET', `/api/v1/submissions/${draft.id}/missing`, undefined, { 'accept-language': 'en' });
    expect(english.json().problems[0].message).toBe('"Tờ khai theo mẫu" is not attached yet.');

    // Files: type by content (a ZIP named .pdf is refused, nothing kept); a PNG named .pdf is kept as .png.
    const refusedZip = await attach(w.citizenAgent, draft, 'd1', [{ name: 'to-khai.pdf', content: zip() }]);
    expect(refusedZip.statusCode).toBe(415);
    expect(refusedZip.json().error.code).toBe('FILE_TYPE_NOT_ALLOWED');
    expect((await read(w.citizenAgent, draft.id)).requirements[0]!.files).toEqual([]);
    const form = await attached(w.citizenAgent, draft, 'd1', 'to-khai.pdf');
    expect(form.files[0]).toMatchObject({ requirementKey: 'd1', fileName: 'to-khai.pdf', mediaType: 'application/pdf', extensionCorrected: false });
    expect(form.files[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    const idCard = await attached(w.citizenAgent, draft, 'd2', 'cccd.pdf', png());
    expect(idCard.files[0]).toMatchObject({ fileName: 'cccd.png', mediaType: 'image/png', extensionCorrected: true });
    expect(idCard.submission.completeness).toEqual({ complete: true, problems: [] });
    const unknownKey = await attach(w.citizenAgent, draft, 'd9', [{ name: 'x.pdf', content: pdf() }]);
    expect(unknownKey.statusCode).toBe(400);
    // The owner reads back what was attached.
    const back = await w.citizenAgent.get(form.files[0]!.url);
    expect(back.statusCode).toBe(200);
    expect(back.headers['content-type']).toBe('application/pdf');

    const sent = await submit(w.citizenAgent, idCard.submission);
    expect(sent).toMatchObject({ state: 'SUBMITTED', statusCode: 1, stateText: 'Chờ tiếp nhận trực tuyến', submittedAt: '2026-03-02T09:00:00+07:00' });
    expect(sent.reference).toMatch(/^DK-2026-\d{6}$/);
    expect(sent.dossier).toBeNull();
    expect(sent.actions).toEqual({ edit: false, submit: false, withdraw: true, decide: false });
    const submitNotice = await t.database.db
      .select()
      .from(notificationsOutbox)
      .where(and(eq(notificationsOutbox.subjectType, 'submission'), eq(notificationsOutbox.subjectId, draft.id)));
    // To the application's e-mail, on the channel the account chose (the factory's citizen: e-mail), not also by SMS.
    expect(submitNotice.map((n) => [n.channel, n.recipient, n.templateKey]).sort()).toEqual([['email', typed.email, 'submissions.applicant-update']]);
    // Nothing more can be attached or changed while it waits for the desk.
    expect((await attach(w.citizenAgent, draft, 'd1', [{ name: 'x.pdf', content: pdf() }])).statusCode).toBe(409);
    expect((await w.citizenAgent.request('PATCH', `/api/v1/submissions/${draft.id}`, { version: sent.version, applicant: typed })).statusCode).toBe(409);

    // The desk of another centre neither sees it in its queue nor opens it, its files or its decision.
    const otherQueue = (await w.agents.otherReception.get('/api/v1/submissions/desk/queue')).json<DeskQueueResponse>();
    expect(otherQueue.items.map((i) => i.id)).not.toContain(draft.id);
    expect((await w.agents.otherReception.get(`/api/v1/submissions/desk/${draft.id}`)).statusCode).toBe(403);
    expect((await w.agents.otherReception.get(`/api/v1/submissions/desk/${draft.id}/files/${form.files[0]!.id}`)).statusCode).toBe(403);
    const foreign = await w.agents.otherReception.post(`/api/v1/submissions/desk/${draft.id}/decision`, { version: sent.version, decision: 'accept' });
    expect(foreign.statusCode).toBe(403);
    // A specialist of the handling department is no reception officer either.
    expect((await w.agents.specialist.get(`/api/v1/submissions/desk/${draft.id}`)).statusCode).toBe(403);

    // The receiving desk: its queue, the detail, a file in the browser.
    const queue = (await w.agents.reception.get('/api/v1/submissions/desk/queue')).json<DeskQueueResponse>();
    expect(queue.items.find((i) => i.id === draft.id)).toMatchObject({ reference: sent.reference, applicantName: typed.name, fileCount: 2, resubmitted: false });
    const review = (await w.agents.reception.get(`/api/v1/submissions/desk/${draft.id}`)).json<SubmissionDetail>();
    expect(review.actions.decide).toBe(true);
    const scan = await w.agents.reception.get(review.requirements[1]!.files[0]!.url);
    expect(scan.statusCode).toBe(200);
    expect(scan.headers['content-type']).toBe('image/png');
    expect(scan.headers['content-disposition']).toMatch(/^inline/);

    // Guide (Mẫu 02): the applicant is asked for a clearer copy; no dossier is received.
    const guided = await decide(w.agents.reception, review, {
      decision: 'guide',
      missingItems: ['Bản sao giấy tờ tùy thân'],
      reasons: 'Ảnh chụp căn cước bị mờ, không đọc được số.',
    });
    expect(guided).toMatchObject({ state: 'GUIDED', statusCode: null, dossier: null });
    expect(guided.latestDecision).toMatchObject({ kind: 'guide', missingItems: ['Bản sao giấy tờ tùy thân'], referenceNumber: expect.stringMatching(/^\d{2,}\/PBS-/) });
    const noticesOf = async (subjectId: string) =>
      (await t.database.db.select().from(notificationsOutbox).where(eq(notificationsOutbox.subjectId, subjectId))).map((n) => n.channel).sort();
    // The applicant is told in the intake's own transaction (dossiers.notify.ts), on the channel the account chose in
    // its profile (the factory's citizen: e-mail) rather than on every channel the application's contacts reach.
    expect(await noticesOf(guided.latestDecision!.id)).toEqual(['email']);
    // The desk's view links the desk's own routes.
    expect(guided.latestDecision!.slipUrl).toBe(`/api/v1/dossiers/intake-decisions/${guided.latestDecision!.id}/slip`);
    const decisionRow = await t.database.db.execute<{ channel: string; checklist: unknown }>(
      sql`select channel, checklist from dossiers_intake_decisions where id = ${guided.latestDecision!.id}`,
    );
    expect(decisionRow.rows[0]).toEqual({
      channel: 'online',
      checklist: [
        { name: 'Tờ khai theo mẫu', originals: 0, copies: 1, presented: false, condition: null },
        { name: 'Bản sao giấy tờ tùy thân', originals: 0, copies: 1, presented: false, condition: null },
      ],
    });

    // The applicant sees the guide, opens Mẫu 02, replaces the blurred scan and submits again.
    t.clock.set('2026-03-02T08:00:00Z');
    const mine = await read(w.citizenAgent, draft.id);
    expect(mine.stateText).toBe('Yêu cầu bổ sung, hoàn thiện trước khi tiếp nhận');
    expect(mine.actions).toEqual({ edit: true, submit: true, withdraw: true, decide: false });
    const slip = await w.citizenAgent.get(mine.latestDecision!.slipUrl);
    expect(slip.statusCode).toBe(200);
    expect(slip.headers['content-type']).toBe('application/pdf');
    expect(mine.timeline.find((e) => e.kind === 'guided')?.slipUrl).toBe(mine.latestDecision!.slipUrl);
    const blurred = mine.requirements[1]!.files[0]!;
    const removed = await w.citizenAgent.delete(`/api/v1/submissions/${draft.id}/files/${blurred.id}`);
    expect(removed.statusCode).toBe(200);
    // It went to the desk once: it leaves the application but is kept with the record of that round.
    const kept = await t.database.db.execute<{ removed: boolean }>(sql`select removed_at is not null as removed from submissions_files where id = ${blurred.id}`);
    expect(kept.rows).toEqual([{ removed: true }]);
    const clearer = await attached(w.citizenAgent, draft, 'd2', 'cccd-ro.pdf');
    const resent = await submit(w.citizenAgent, clearer.submission);
    expect(resent).toMatchObject({ state: 'SUBMITTED', reference: sent.reference, firstSubmittedAt: sent.submittedAt, submittedAt: '2026-03-02T15:00:00+07:00' });
    expect(resent.requirements[1]!.files.map((f) => f.fileName)).toEqual(['cccd-ro.pdf']);

    // Accepted the next morning: the dossier's code and appointment are issued now, not at submission.
    t.clock.set('2026-03-03T02:00:00Z'); // Tuesday 09:00
    const queued = (await w.agents.reception.get('/api/v1/submissions/desk/queue')).json<DeskQueueResponse>();
    expect(queued.items.find((i) => i.id === draft.id)).toMatchObject({ resubmitted: true });
    const accepted = await decide(w.agents.reception, resent, { decision: 'accept' });
    expect(accepted).toMatchObject({ state: 'ACCEPTED', statusCode: 2 });
    const dossier = (await w.agents.reception.get(`/api/v1/dossiers/${accepted.dossier!.id}`)).json<DossierDetail>();
    expect(dossier.code).toBe(accepted.dossier!.code);
    expect(dossier.code).toMatch(new RegExp(`^${w.dept.code.replace(/\./g, '\\.')}-260303-\\d{4}$`));
    expect(dossier).toMatchObject({ channel: 'online', resultDelivery: 'online', receivedAt: '2026-03-03T09:00:00+07:00', dueAt: '2026-03-10T09:00:00+07:00' });
    expect(dossier.applicant).toMatchObject({ name: typed.name, idNumber: typed.idNumber });
    expect(dossier.checklist.map((c) => c.name)).toEqual(['Tờ khai theo mẫu', 'Bản sao giấy tờ tùy thân']);
    // The dossier keeps the account's choice for every later message.
    expect(await noticesOf(dossier.id)).toEqual(['email']);
    const stored = await t.database.db.execute<{ channels: string[] }>(sql`select applicant_notify_channels as channels from dossiers where id = ${dossier.id}`);
    expect(stored.rows[0]!.channels).toEqual(['email']);

    // The applicant sees the code and the appointment, and opens Mẫu 01.
    const done = await read(w.citizenAgent, draft.id);
    expect(done.dossier).toMatchObject({ code: dossier.code, statusCode: 2, statusText: 'Được tiếp nhận', dueAt: '2026-03-10T09:00:00+07:00' });
    expect(done.dossier!.slips.map((s) => s.slip)).toEqual(['receipt']);
    const receipt = await w.citizenAgent.get(done.dossier!.slips[0]!.url);
    expect(receipt.statusCode).toBe(200);
    expect(receipt.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(done.timeline.map((e) => e.kind)).toEqual(['created', 'submitted', 'guided', 'resubmitted', 'accepted']);
    const mineList = (await w.citizenAgent.get('/api/v1/submissions')).json<{ items: Array<{ id: string; dossierCode: string | null }> }>();
    expect(mineList.items.find((i) => i.id === draft.id)?.dossierCode).toBe(dossier.code);
    // The control slip (Mẫu 06) is the agencies' own record; another citizen opens none of it.
    expect((await w.citizenAgent.get(`/api/v1/submissions/${draft.id}/dossier/slips/control`)).statusCode).toBe(400);
    expect((await w.otherCitizenAgent.get(done.dossier!.slips[0]!.url)).statusCode).toBe(403);
    expect((await w.otherCitizenAgent.get(form.files[0]!.url)).statusCode).toBe(403);

    // Every change is audited under the submission, and the reception under the dossier.
    const actions = (
      await t.database.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.subjectType, 'submission'), eq(auditEvents.subjectId, draft.id)))
    ).map((a) => a.action);
    for (const a of ['submissions.start', 'submissions.save', 'submissions.attach', 'submissions.submit', 'submissions.guide', 'submissions.detach', 'submissions.accept'])
      expect(actions).toContain(a);
    const intake = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, dossier.id), eq(auditEvents.action, 'dossiers.intake')));
    expect(intake).toHaveLength(1);
  });

  it('deletes a file that never reached the desk, content and all', async () => {
    t.clock.set('2026-03-04T02:00:00Z');
    const draft = await startDraft(w.citizenAgent, w.onlineCode, w.centre.id);
    const up = await attached(w.citizenAgent, draft, 'd1', 'to-khai.pdf');
    const fileId = up.files[0]!.id;
    const platformId = (await t.database.db.execute<{ file_id: string }>(sql`select file_id from submissions_files where id = ${fileId}`)).rows[0]!.file_id;
    expect((await w.citizenAgent.delete(`/api/v1/submissions/${draft.id}/files/${fileId}`)).statusCode).toBe(200);
    const rows = await t.database.db.execute<{ n: number }>(
      sql`select (select count(*) from submissions_files where id = ${fileId}) + (select count(*) from platform_files where id = ${platformId}) as n`,
    );
    expect(Number(rows.rows[0]!.n)).toBe(0);
    expect((await w.citizenAgent.get(up.files[0]!.url)).statusCode).toBe(404);
  });

  it('moves files with their document when an amended version comes into force, and sets apart those whose document is gone', async () => {
    t.clock.set('2026-03-05T02:00:00Z');
    const code = await publishProcedure(t, [w.dept.id], { onlineMode: 'full' });
    const draft = await startDraft(w.citizenAgent, code, w.centre.id);
    await attached(w.citizenAgent, draft, 'd1', 'to-khai.pdf');
    await attached(w.citizenAgent, draft, 'd2', 'cccd.pdf');
    t.clock.set('2026-03-06T02:00:00Z');
    await amendProcedure(
      w,
      code,
      [
        { name: 'Bản sao giấy tờ tùy thân', originals: 0, copies: 1 },
        { name: 'Giấy ủy quyền', originals: 1, copies: 0 },
      ],
      '2026-03-06',
    );
    const moved = await save(w.citizenAgent, await read(w.citizenAgent, draft.id), {});
    expect(moved.requirements.map((r) => [r.key, r.name, r.status, r.files.map((f) => f.fileName)])).toEqual([
      ['d1', 'Bản sao giấy tờ tùy thân', 'attached', ['cccd.pdf']],
      ['d2', 'Giấy ủy quyền', 'missing', []],
    ]);
    expect(moved.otherFiles.map((f) => [f.requirementKey, f.fileName])).toEqual([['gone-d1', 'to-khai.pdf']]);
    const documentProblems = (d: SubmissionDetail) => d.completeness.problems.filter((p) => p.path.startsWith('documents'));
    expect(documentProblems(moved).map((p) => [p.path, p.code])).toEqual([
      ['documents.d2', 'submissions.errors.documentMissing'],
      ['documents.gone-d1', 'submissions.errors.requirementUnknown'],
    ]);
    const cleaned = (await w.citizenAgent.delete(`/api/v1/submissions/${draft.id}/files/${moved.otherFiles[0]!.id}`)).json<SubmissionDetail>();
    expect(cleaned.otherFiles).toEqual([]);
    expect(documentProblems(cleaned).map((p) => p.path)).toEqual(['documents.d2']);
  });
});
