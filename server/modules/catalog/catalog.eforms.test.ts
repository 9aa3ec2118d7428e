import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { createTestApp, type TestAgent, type TestApp } from '../../test/test-app';
import { auditEvents } from '../../platform/audit';
import { createOfficer, createOrgUnit, loginAs } from '../identity/test/factories';
import { PublicProcedureSchema } from '../../../contracts/catalog/catalog.contracts';
import { catalogProcedureVersions } from './catalog.tables';
import { DEMO_EFORMS_DIR } from './catalog.seed';
import { procedureInput } from './test/factories';
import { loadVersions } from './catalog.repository';
import { getPublishedProcedureById } from './index';

let t: TestApp;
let admin: TestAgent;
let adminEn: TestAgent;
let specialist: TestAgent;
let dept: { id: string };

const base = '/api/v1/catalog';
/** The demo's marriage-status e-form, as an editor would paste it. */
const marriageForm = () => JSON.parse(fs.readFileSync(path.join(DEMO_EFORMS_DIR, 'xac-nhan-tinh-trang-hon-nhan.json'), 'utf8')) as Record<string, unknown>;
const smallForm = (label = 'Họ và tên') => ({
  formatVersion: 1,
  title: { vi: 'Tờ khai thử', en: 'Test form' },
  sections: [{ key: 'main', title: { vi: 'Người yêu cầu' }, fields: [{ key: 'fullName', type: 'text', label: { vi: label }, required: true, prefill: 'fullName' }] }],
});
const updateBody = (version: number, overrides: Record<string, unknown> = {}) => ({ ...procedureInput({ implementingUnitIds: [dept.id] }), version, ...overrides });
const auditsOf = (id: string, action: string) =>
  t.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.subjectId, id), eq(auditEvents.action, action)));
const storedRow = async (id: string) => (await t.database.db.select().from(catalogProcedureVersions).where(eq(catalogProcedureVersions.id, id)))[0]!;

async function createDraft(overrides: Record<string, unknown> = {}) {
  const res = await admin.post(`${base}/admin/procedures`, { ...procedureInput({ implementingUnitIds: [dept.id] }), ...overrides });
  expect(res.statusCode).toBe(201);
  return res.json<{ id: string; procedureId: string; code: string; version: number }>();
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const province = await createOrgUnit(db, { kind: 'province' });
  dept = await createOrgUnit(db, { parent: province, kind: 'department' });
  const sysAdmin = await createOfficer(db, 'system-admin', province);
  admin = await loginAs(t.app, sysAdmin);
  adminEn = await loginAs(t.app, sysAdmin, 'en');
  specialist = await loginAs(t.app, await createOfficer(db, 'specialist', dept));
});
afterAll(async () => t?.close());

describe('online mode and e-form of a catalog version', () => {
  it('an editor sets the online mode and the e-form on a draft; both are audited and published with the version', async () => {
    const draft = await createDraft({ onlineMode: null });
    expect(draft).toMatchObject({ onlineMode: null, onlineService: { mode: 'none', submission: false }, eForm: null });

    const edited = await admin.put(`${base}/admin/procedures/${draft.id}`, updateBody(draft.version, { onlineMode: 'full', eForm: marriageForm() }));
    expect(edited.statusCode).toBe(200);
    const saved = edited.json();
    expect(saved).toMatchObject({ onlineMode: 'full', onlineService: { mode: 'full', submission: true }, version: draft.version + 1 });
    expect(saved.eForm.title.vi).toBe('Tờ khai cấp Giấy xác nhận tình trạng hôn nhân');
    expect(saved.eForm.sections[1].fields[0]).toMatchObject({ key: 'subjectName', type: 'text', required: true, prefill: 'fullName' });

    const [audit] = await auditsOf(draft.id, 'catalog.procedures.update');
    expect(audit!.before).toMatchObject({ onlineMode: null, eForm: null });
    expect(audit!.after).toMatchObject({ onlineMode: 'full', eForm: { title: { vi: 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân' } } });

    expect((await admin.post(`${base}/admin/procedures/${draft.id}/publish`, { effectiveFrom: '2026-03-01' })).statusCode).toBe(200);
    const pub = await t.app.inject({ method: 'GET', url: `${base}/procedures/${draft.code}` });
    expect(pub.statusCode).toBe(200);
    const body = PublicProcedureSchema.parse(pub.json());
    expect(body).toMatchObject({ procedureId: draft.procedureId, onlineMode: 'full', onlineService: { mode: 'full', submission: true } });
    expect(body.eForm).toEqual(saved.eForm);

    // The submission page is addressed by the procedure's id, stable across versions.
    const byId = await t.app.inject({ method: 'GET', url: `${base}/procedures/by-id/${draft.procedureId}` });
    expect(byId.statusCode).toBe(200);
    expect(byId.json()).toEqual(pub.json());
    expect((await getPublishedProcedureById(t.database.db, draft.procedureId, '2026-03-02'))?.eForm).toEqual(saved.eForm);
    expect(await getPublishedProcedureById(t.database.db, draft.procedureId, '2026-02-28')).toBeNull();
    expect((await t.app.inject({ method: 'GET', url: `${base}/procedures/by-id/00000000-0000-4000-8000-000000000000` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `${base}/procedures/by-id/not-a-uuid` })).statusCode).toBe(400);

    const search = await t.app.inject({ method: 'GET', url: `${base}/procedures?q=${encodeURIComponent(draft.code)}` });
    expect(search.json().items).toEqual([expect.objectContaining({ code: draft.code, onlineMode: 'full', onlineService: { mode: 'full', submission: true } })]);
    // List reads leave the form out; the detail reads it.
    const [listed] = await loadVersions(t.database.db, [draft.id], { forList: true });
    expect(listed).toMatchObject({ id: draft.id, name: saved.name, onlineMode: 'full', eForm: null });
    expect((await loadVersions(t.database.db, [draft.id]))[0]!.eForm).toEqual(saved.eForm);
  });

  it('derives the online service from the catalog’s mode: partial submits online, information-only and silence do not', async () => {
    for (const [onlineMode, expected] of [
      ['partial', { mode: 'partial', submission: true }],
      ['information-only', { mode: 'none', submission: false }],
      [null, { mode: 'none', submission: false }],
    ] as const) {
      const draft = await createDraft({ onlineMode });
      expect((await admin.get(`${base}/admin/procedures/${draft.id}`)).json().onlineService).toEqual(expected);
    }
  });

  it('refuses an invalid e-form with a translated 400 and changes nothing', async () => {
    const draft = await createDraft({ onlineMode: 'partial', eForm: smallForm() });
    const before = await storedRow(draft.id);
    const broken = {
      ...smallForm(),
      sections: [
        {
          key: 'main',
          title: { vi: 'Người yêu cầu' },
          fields: [
            { key: 'fullName', type: 'text', label: { vi: 'Họ tên' }, validation: { pattern: { regex: '(\\w+\\s?)+', message: 'person-name' } } },
            { key: 'fullName', type: 'select', label: { vi: 'Giới tính' } },
          ],
        },
      ],
    };
    const res = await admin.put(`${base}/admin/procedures/${draft.id}`, updateBody(draft.version, { onlineMode: 'full', eForm: broken }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.fields).toEqual(
      expect.arrayContaining([
        {
          path: 'body.eForm.sections.0.fields.0.validation.pattern.regex',
          code: 'custom',
          message: expect.stringContaining('Biểu thức mẫu có nhóm lặp lồng nhau'),
        },
        { path: 'body.eForm.sections.0.fields.1.options', code: 'custom', message: 'Trường chọn phải có danh sách lựa chọn.' },
        { path: 'body.eForm.sections.0.fields.1.key', code: 'custom', message: 'Mã bị trùng trong biểu mẫu.' },
      ]),
    );
    const en = await adminEn.put(`${base}/admin/procedures/${draft.id}`, updateBody(draft.version, { eForm: { ...smallForm(), formatVersion: 2, unknown: true } }));
    expect(en.statusCode).toBe(400);
    expect(en.json().error.message).toBe('The data sent is not valid. Please check the highlighted fields.');
    expect(en.json().error.fields).toEqual([
      { path: 'body.eForm.formatVersion', code: 'invalid_value', message: 'Invalid input: expected 1' },
      { path: 'body.eForm', code: 'unrecognized_keys', message: 'Unrecognized key: "unknown"' },
    ]);
    // Not JSON at all (the editor sends what it parsed; a raw string is refused by the schema).
    const text = await admin.put(`${base}/admin/procedures/${draft.id}`, updateBody(draft.version, { eForm: '{"formatVersion":1' }));
    expect(text.statusCode).toBe(400);

    const after = await storedRow(draft.id);
    expect(after.version).toBe(before.version);
    expect(after.onlineMode).toBe('partial');
    expect(after.eForm).toEqual(before.eForm);
    expect(await auditsOf(draft.id, 'catalog.procedures.update')).toHaveLength(0);
  });

  it('checks authorisation before the e-form: a specialist gets 403, not the validation errors', async () => {
    const draft = await createDraft();
    const res = await specialist.put(`${base}/admin/procedures/${draft.id}`, updateBody(draft.version, { eForm: { formatVersion: 9 } }));
    expect(res.statusCode).toBe(403);
  });

  it('never changes the e-form of a published version: edits go to a new draft, which copies it', async () => {
    const draft = await createDraft({ onlineMode: 'full', eForm: smallForm('Họ và tên') });
    const published = (await admin.post(`${base}/admin/procedures/${draft.id}/publish`, { effectiveFrom: '2026-01-01' })).json();
    const put = await admin.put(`${base}/admin/procedures/${draft.id}`, updateBody(published.version, { onlineMode: 'partial', eForm: smallForm('Tên đã sửa') }));
    expect(put.statusCode).toBe(409);
    expect(put.json().error.code).toBe('INVALID_STATE');
    const row = await storedRow(draft.id);
    expect(row.eForm?.sections[0]!.fields[0]!.label.vi).toBe('Họ và tên');
    expect(row.onlineMode).toBe('full');

    const next = (await admin.post(`${base}/admin/procedures/${draft.id}/new-version`, {})).json();
    expect(next.eForm).toEqual(published.eForm);
    const edited = await admin.put(`${base}/admin/procedures/${next.id}`, updateBody(next.version, { onlineMode: 'partial', eForm: smallForm('Tên đã sửa') }));
    expect(edited.statusCode).toBe(200);
    // The public page keeps the published version's form until the draft is published.
    const pub = (await t.app.inject({ method: 'GET', url: `${base}/procedures/${draft.code}` })).json();
    expect(pub).toMatchObject({ id: draft.id, onlineMode: 'full' });
    expect(pub.eForm.sections[0].fields[0].label.vi).toBe('Họ và tên');
    const count = await t.database.db.execute(sql`select count(*)::int as n from catalog_procedure_versions where procedure_id = ${draft.procedureId}`);
    expect(Number((count.rows[0] as { n: number }).n)).toBe(2);
  });
});
