// An online application whose declaration is the version's e-form (nothing to attach): draft, autosave, the e-form's
// own checks, submission, and the desk's reception through the dossiers intake (issue 11 item 3).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/test-app';
import { auditEvents } from '../../platform/audit/audit.tables';
import { DOSSIER_TEST_ENV, publishProcedure } from '../dossiers/test/factories';
import type { SubmissionDetail } from '../../../contracts/submissions/submissions.contracts';
import type { DossierDetail } from '../../../contracts/dossiers/dossiers.contracts';
import { amendProcedure, applicant, createSubmissionWorld, decide, save, startDraft, submit, TEST_EFORM, type SubmissionWorld } from './test/factories';

let t: TestApp;
let w: SubmissionWorld;
let code: string;
beforeAll(async () => {
  t = await createTestApp({ env: DOSSIER_TEST_ENV });
  w = await createSubmissionWorld(t);
  // The declaration on paper or as the e-form (the importer's form pair, D16), and an ID card to show.
  code = await publishProcedure(t, [w.dept.id], {
    onlineMode: 'partial',
    eForm: TEST_EFORM,
    requiredDocuments: [
      { name: 'Tờ khai theo mẫu (nếu nộp hồ sơ trực tiếp hoặc qua bưu chính)', originals: 1, copies: 0, group: 'form' },
      { name: 'Tờ khai điện tử tương tác (nếu nộp hồ sơ trực tuyến)', originals: 1, copies: 0, group: 'form' },
      { name: 'Căn cước (xuất trình)', originals: 1, copies: 0, group: 'show' },
    ],
    documentGroups: [
      { key: 'form', kind: 'one-of' },
      { key: 'show', kind: 'to-present' },
    ],
  });
});
afterAll(async () => t?.close());

describe('an application declared through the e-form', () => {
  it('pre-fills, checks the e-form by the catalog rules, and is received as a dossier with the e-form on its checklist', async () => {
    t.clock.set('2026-03-02T02:00:00Z'); // Monday 09:00
    const draft = await startDraft(w.citizenAgent, code, w.centre.id);
    expect(draft.answers).toEqual({ fullName: 'Nguyễn Văn An' });
    // The form the answers fill in comes with them (the portal renders it, the desk reads the answers by its labels).
    expect(draft.eForm?.title.vi).toBe(TEST_EFORM.title.vi);
    expect(draft.eForm?.sections[0]!.fields.map((f) => [f.key, f.label.vi])).toEqual([
      ['fullName', 'Họ, chữ đệm, tên'],
      ['birthDate', 'Ngày sinh'],
    ]);
    expect(draft.requirements.map((r) => [r.key, r.status, r.filledByEForm])).toEqual([
      ['d1', 'not-applicable', false],
      ['d2', 'attached', true],
      ['d3', 'optional', false],
    ]);
    const problems = draft.completeness.problems.map((p) => p.path);
    expect(problems).toContain('answers.birthDate');

    // A birth date in the future is the e-form's own refusal, translated; submitting refuses and changes nothing.
    const future = await save(w.citizenAgent, draft, { applicant: applicant(), answers: { fullName: 'Nguyễn Văn An', birthDate: '2030-01-01' } });
    const refused = await w.citizenAgent.post(`/api/v1/submissions/${draft.id}/submit`, { version: future.version });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('SUBMISSION_INCOMPLETE');
    const field = refused.json().error.fields.find((f: { path: string }) => f.path === 'submission.answers.birthDate');
    expect(field.code).toBe('catalog.eform.errors.dateFuture');
    expect(field.message).not.toBe(field.code);

    const ready = await save(w.citizenAgent, future, { answers: { fullName: '  Nguyễn Văn An ', birthDate: '1990-05-01' } });
    expect(ready.completeness).toEqual({ complete: true, problems: [] });
    const sent = await submit(w.citizenAgent, ready);
    expect(sent.state).toBe('SUBMITTED');
    // Kept as the validator cleans it.
    expect(sent.answers).toEqual({ fullName: 'Nguyễn Văn An', birthDate: '1990-05-01' });

    const atDesk = (await w.agents.reception.get(`/api/v1/submissions/desk/${sent.id}`)).json<SubmissionDetail>();
    expect(atDesk.eForm?.sections[0]!.fields.map((f) => f.key)).toEqual(['fullName', 'birthDate']);
    const accepted = await decide(w.agents.reception, sent, { decision: 'accept' });
    const dossier = (await w.agents.reception.get(`/api/v1/dossiers/${accepted.dossier!.id}`)).json<DossierDetail>();
    expect(dossier.channel).toBe('online');
    expect(dossier.checklist).toEqual([{ name: 'Tờ khai điện tử tương tác (nếu nộp hồ sơ trực tuyến)', originals: 1, copies: 0, presented: false, condition: null }]);
  });

  it('refuses to submit under an amended procedure, changing nothing, and moves the draft to the version in force on save', async () => {
    t.clock.set('2026-03-04T02:00:00Z');
    const amended = await publishProcedure(t, [w.dept.id], { onlineMode: 'full', eForm: TEST_EFORM });
    const draft = await startDraft(w.citizenAgent, amended, w.centre.id);
    const filled = await save(w.citizenAgent, draft, { applicant: applicant(), answers: { fullName: 'A', birthDate: '1990-01-01' } });
    // The catalog amends the procedure from 5 March: a new version with one more paper to attach.
    t.clock.set('2026-03-05T02:00:00Z');
    const nvId = await amendProcedure(w, amended, [{ name: 'Giấy ủy quyền', originals: 1, copies: 0 }], '2026-03-05');

    const seen = (await w.citizenAgent.get(`/api/v1/submissions/${filled.id}`)).json<SubmissionDetail>();
    expect(seen.procedure.inForce).toBe(false);
    expect(seen.actions.submit).toBe(false);
    const refused = await w.citizenAgent.post(`/api/v1/submissions/${filled.id}/submit`, { version: filled.version });
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().error.code).toBe('SUBMISSION_PROCEDURE_AMENDED');
    const unchanged = (await w.citizenAgent.get(`/api/v1/submissions/${filled.id}`)).json<SubmissionDetail>();
    expect([unchanged.state, unchanged.version, unchanged.reference]).toEqual(['DRAFT', filled.version, null]);

    const moved = await save(w.citizenAgent, unchanged, {});
    expect(moved.procedure).toMatchObject({ versionId: nvId, inForce: true });
    expect(moved.requirements.map((r) => r.name)).toContain('Giấy ủy quyền');
    expect(moved.completeness.problems.map((p) => p.path)).toContain('documents.d1');
  });

  it('audits the start, every save and the submission under the submission', async () => {
    const draft = await startDraft(w.citizenAgent, code, w.centre.id);
    const saved = await save(w.citizenAgent, draft, { applicant: applicant(), answers: { fullName: 'A', birthDate: '1990-01-01' } });
    await submit(w.citizenAgent, saved);
    const actions = (
      await t.database.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.subjectType, 'submission'), eq(auditEvents.subjectId, draft.id)))
    ).map((a) => a.action);
    expect(actions.sort()).toEqual(['submissions.save', 'submissions.start', 'submissions.submit']);
    const detail = (await w.citizenAgent.get(`/api/v1/submissions/${draft.id}`)).json<SubmissionDetail>();
    expect(detail.timeline.map((e) => e.kind)).toEqual(['created', 'submitted']);
  });
});
