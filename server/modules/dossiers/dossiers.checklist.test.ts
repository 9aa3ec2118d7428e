// The desk checklist against the procedure's document groups (issue 9 item 7).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app';
import { DOSSIER_TEST_ENV, createDossierWorld, intakeBody, publishProcedure, receive, type DossierWorld } from './test/factories';

let t: TestApp;
let w: DossierWorld;
let grouped: string;
beforeAll(async () => {
  t = await createTestApp({ env: DOSSIER_TEST_ENV });
  w = await createDossierWorld(t);
  t.clock.set('2026-03-02T02:00:00Z');
  grouped = await publishProcedure(t, [w.dept.id], {
    requiredDocuments: [
      { name: 'Tờ khai (nộp trực tiếp)', originals: 1, copies: 0, group: 'form' },
      { name: 'Mẫu điện tử tương tác (nộp trực tuyến)', originals: 1, copies: 0, group: 'form' },
      { name: 'Giấy chứng sinh', originals: 1, copies: 0 },
      { name: 'Biên bản trẻ bị bỏ rơi', originals: 1, copies: 0, group: 'c1' },
      { name: 'Văn bản xác nhận mang thai hộ', originals: 1, copies: 0, group: 'c2' },
      { name: 'Giấy tờ tùy thân', originals: 1, copies: 0, group: 'present' },
    ],
    documentGroups: [
      { key: 'form', kind: 'one-of' },
      { key: 'c1', kind: 'conditional', condition: 'Trường hợp trẻ em bị bỏ rơi' },
      { key: 'c2', kind: 'conditional', condition: 'Trường hợp mang thai hộ' },
      { key: 'present', kind: 'to-present', label: 'Giấy tờ phải xuất trình' },
    ],
  });
});
afterAll(async () => t?.close());

const doc = (name: string, extra: Record<string, unknown> = {}) => ({ name, originals: 1, copies: 0, ...extra });
const intake = (overrides: Record<string, unknown>) => w.agents.reception.post('/api/v1/dossiers/intake', intakeBody(w, { procedureCode: grouped, ...overrides }));
const fieldOf = async (res: Awaited<ReturnType<typeof intake>>) => {
  expect(res.statusCode).toBe(400);
  return res.json().error.fields[0] as { path: string; code: string; message: string };
};

describe('intake checklist', () => {
  it('refuses a dossier with no document ticked, with a translated message, and stores nothing', async () => {
    const before = (await w.agents.reception.get('/api/v1/dossiers?pageSize=1')).json().total;
    const res = await w.agents.reception.post('/api/v1/dossiers/intake', intakeBody(w, { checklist: [], note: 'Công dân xin nộp trước' }));
    const field = await fieldOf(res);
    expect(field).toMatchObject({ path: 'body.checklist', code: 'dossiers.errors.checklistEmpty' });
    expect(field.message).toContain('không tiếp nhận hồ sơ trống');
    // Papers only shown do not make a dossier either.
    expect(await fieldOf(await intake({ checklist: [doc('Giấy tờ tùy thân', { presented: true })] }))).toMatchObject({ code: 'dossiers.errors.checklistEmpty' });
    expect((await w.agents.reception.get('/api/v1/dossiers?pageSize=1')).json().total).toBe(before);
  });

  it('takes exactly one alternative, conditional papers only for an applying case, shown papers as shown', async () => {
    const base = [doc('Giấy chứng sinh'), doc('Giấy tờ tùy thân', { presented: true })];
    expect(await fieldOf(await intake({ checklist: base }))).toMatchObject({ code: 'dossiers.errors.alternativeRequired' });
    expect(await fieldOf(await intake({ checklist: [...base, doc('Tờ khai (nộp trực tiếp)'), doc('Mẫu điện tử tương tác (nộp trực tuyến)')] }))).toMatchObject({
      code: 'dossiers.errors.alternativesSeveral',
    });
    const withForm = [...base, doc('Tờ khai (nộp trực tiếp)')];
    expect(await fieldOf(await intake({ checklist: [...withForm, doc('Biên bản trẻ bị bỏ rơi')] }))).toMatchObject({ code: 'dossiers.errors.documentNotApplicable' });
    expect(await fieldOf(await intake({ checklist: withForm, conditions: ['c2'] }))).toMatchObject({ code: 'dossiers.errors.conditionDocumentsMissing' });
    expect(await fieldOf(await intake({ checklist: withForm, conditions: ['form'] }))).toMatchObject({ path: 'body.conditions.0', code: 'dossiers.errors.conditionUnknown' });
    expect(await fieldOf(await intake({ checklist: [doc('Giấy chứng sinh'), doc('Giấy tờ tùy thân'), doc('Tờ khai (nộp trực tiếp)')] }))).toMatchObject({
      code: 'dossiers.errors.presentedNotKept',
    });
    expect(await fieldOf(await intake({ checklist: [...withForm.slice(0, 1), doc('Tờ khai (nộp trực tiếp)', { presented: true })] }))).toMatchObject({
      code: 'dossiers.errors.notToPresent',
    });

    const d = await receive(w, { procedureCode: grouped, checklist: [...withForm, doc('Biên bản trẻ bị bỏ rơi')], conditions: ['c1'] });
    expect(d.checklist).toEqual([
      { name: 'Giấy chứng sinh', originals: 1, copies: 0, presented: false, condition: null },
      { name: 'Giấy tờ tùy thân', originals: 1, copies: 0, presented: true, condition: null },
      { name: 'Tờ khai (nộp trực tiếp)', originals: 1, copies: 0, presented: false, condition: null },
      { name: 'Biên bản trẻ bị bỏ rơi', originals: 1, copies: 0, presented: false, condition: 'Trường hợp trẻ em bị bỏ rơi' },
    ]);
  });

  it('a guide (Mẫu 02) asks only for what applies', async () => {
    const guide = (missingItems: string[], conditions: string[] = []) => intake({ decision: 'guide', checklist: [], conditions, missingItems, reasons: 'Thiếu giấy tờ' });
    expect(await fieldOf(await guide(['Giấy chứng sinh', 'Văn bản xác nhận mang thai hộ']))).toMatchObject({
      path: 'body.missingItems.1',
      code: 'dossiers.errors.missingNotApplicable',
    });
    expect(await fieldOf(await guide(['Tờ khai (nộp trực tiếp)', 'Mẫu điện tử tương tác (nộp trực tuyến)']))).toMatchObject({ code: 'dossiers.errors.missingAlternativesSeveral' });
    expect((await guide(['Giấy chứng sinh', 'Văn bản xác nhận mang thai hộ'], ['c2'])).statusCode).toBe(201);
  });
});
