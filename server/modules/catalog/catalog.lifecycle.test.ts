import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { createTestApp, type TestAgent, type TestApp } from '../../test/test-app';
import { auditEvents } from '../../platform/audit';
import { createOfficer, createOrgUnit, loginAs } from '../identity/test/factories';
import { catalogProcedureVersions } from './catalog.tables';
import { procedureInput } from './test/factories';

let t: TestApp;
let admin: TestAgent;
let deptAdmin: TestAgent;
let otherAdmin: TestAgent;
let specialist: TestAgent;
let dept: { id: string };
let otherDept: { id: string };

const base = '/api/v1/catalog';
const versionCount = async () => Number((await t.database.db.select({ n: sql<number>`count(*)::int` }).from(catalogProcedureVersions))[0]!.n);
const auditFor = (subjectId: string, action: string) =>
  t.database.db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.subjectId, subjectId), eq(auditEvents.action, action)));

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const province = await createOrgUnit(db, { kind: 'province' });
  dept = await createOrgUnit(db, { parent: province, kind: 'department' });
  otherDept = await createOrgUnit(db, { parent: province, kind: 'department' });
  admin = await loginAs(t.app, await createOfficer(db, 'system-admin', province));
  deptAdmin = await loginAs(t.app, await createOfficer(db, 'unit-admin', dept));
  otherAdmin = await loginAs(t.app, await createOfficer(db, 'unit-admin', otherDept));
  specialist = await loginAs(t.app, await createOfficer(db, 'specialist', dept));
});
afterAll(async () => t?.close());

describe('procedure version lifecycle', () => {
  it('drafts, publishes, refuses edits of the published version, then versions and closes the old one', async () => {
    const created = await admin.post(`${base}/admin/procedures`, procedureInput({ code: '1.004837', name: 'Thủ tục đăng ký giám hộ', implementingUnitIds: [dept.id] }));
    expect(created.statusCode).toBe(201);
    const draft = created.json();
    expect(draft).toMatchObject({ code: '1.004837', status: 'draft', revision: 1, version: 1, codeSource: 'national' });
    expect(draft.actions).toEqual({ edit: true, publish: true, withdraw: false, newVersion: false });
    expect(draft.workflow).toHaveLength(4);
    // Not public while it is a draft.
    expect((await t.app.inject({ method: 'GET', url: `${base}/procedures/1.004837` })).statusCode).toBe(404);

    const edited = await admin.put(`${base}/admin/procedures/${draft.id}`, {
      ...procedureInput({ name: 'Thủ tục đăng ký giám hộ (sửa)', implementingUnitIds: [dept.id] }),
      version: 1,
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ name: 'Thủ tục đăng ký giám hộ (sửa)', version: 2 });

    const published = await admin.post(`${base}/admin/procedures/${draft.id}/publish`, { effectiveFrom: '2025-07-01' });
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', effectiveFrom: '2025-07-01', effectiveTo: null, version: 3 });
    expect((await t.app.inject({ method: 'GET', url: `${base}/procedures/1.004837` })).json().name).toBe('Thủ tục đăng ký giám hộ (sửa)');

    const put = await admin.put(`${base}/admin/procedures/${draft.id}`, { ...procedureInput({ implementingUnitIds: [dept.id] }), version: 3 });
    expect(put.statusCode).toBe(409);
    expect(put.json().error.code).toBe('INVALID_STATE');
    expect((await admin.post(`${base}/admin/procedures/${draft.id}/publish`, {})).json().error.code).toBe('INVALID_STATE');

    const next = await admin.post(`${base}/admin/procedures/${draft.id}/new-version`, {});
    expect(next.statusCode).toBe(201);
    const v2 = next.json();
    expect(v2).toMatchObject({ code: '1.004837', status: 'draft', revision: 2, name: 'Thủ tục đăng ký giám hộ (sửa)' });
    expect(v2.implementingUnits.map((u: { id: string }) => u.id)).toEqual([dept.id]);
    // One draft at a time: the published version now names the draft and no longer offers a new version.
    expect((await admin.post(`${base}/admin/procedures/${draft.id}/new-version`, {})).statusCode).toBe(409);
    const v1 = (await admin.get(`${base}/admin/procedures/${draft.id}`)).json();
    expect(v1.openDraftId).toBe(v2.id);
    expect(v1.actions.newVersion).toBe(false);
    expect(v2.openDraftId).toBeNull();

    const v2edit = await admin.put(`${base}/admin/procedures/${v2.id}`, {
      ...procedureInput({ name: 'Thủ tục đăng ký giám hộ', implementingUnitIds: [dept.id], processingTimes: [{ channel: 'any', amount: 2, unit: 'working-days' }] }),
      version: v2.version,
    });
    expect(v2edit.statusCode).toBe(200);
    // A new version cannot start on or before the start of the one in force.
    const tooEarly = await admin.post(`${base}/admin/procedures/${v2.id}/publish`, { effectiveFrom: '2025-07-01' });
    expect(tooEarly.statusCode).toBe(400);
    expect(tooEarly.json().error.fields[0].path).toBe('effectiveFrom');

    const v2pub = await admin.post(`${base}/admin/procedures/${v2.id}/publish`, {});
    expect(v2pub.statusCode).toBe(200);
    expect(v2pub.json()).toMatchObject({ status: 'published', effectiveFrom: '2026-03-02' });
    const old = (await admin.get(`${base}/admin/procedures/${draft.id}`)).json();
    expect(old).toMatchObject({ status: 'published', effectiveFrom: '2025-07-01', effectiveTo: '2026-03-01' });
    const current = (await t.app.inject({ method: 'GET', url: `${base}/procedures/1.004837` })).json();
    expect(current).toMatchObject({ id: v2.id, revision: 2, name: 'Thủ tục đăng ký giám hộ' });
    expect(current.processingTimes[0]).toMatchObject({ channel: 'any', amount: 2, unit: 'working-days', readable: true });

    const list = (await admin.get(`${base}/admin/procedures?procedureId=${draft.procedureId}`)).json();
    expect(list.total).toBe(2);

    expect(await auditFor(draft.id, 'catalog.procedures.create')).toHaveLength(1);
    expect(await auditFor(draft.id, 'catalog.procedures.update')).toHaveLength(1);
    expect(await auditFor(draft.id, 'catalog.procedures.publish')).toHaveLength(1);
    expect(await auditFor(v2.id, 'catalog.procedures.new-version')).toHaveLength(1);
    const [pub2] = await auditFor(v2.id, 'catalog.procedures.publish');
    expect((pub2!.after as { closedVersions: unknown }).closedVersions).toEqual([{ id: draft.id, effectiveTo: '2026-03-01' }]);
  });

  it('withdraws a published version: it leaves the public catalogue', async () => {
    const created = (await admin.post(`${base}/admin/procedures`, procedureInput({ implementingUnitIds: [dept.id] }))).json();
    expect(created.code).toMatch(/^L-\d{4}$/);
    await admin.post(`${base}/admin/procedures/${created.id}/publish`, { effectiveFrom: '2025-07-01' });
    expect((await t.app.inject({ method: 'GET', url: `${base}/procedures/${created.code}` })).statusCode).toBe(200);
    expect((await admin.post(`${base}/admin/procedures/${created.id}/withdraw`, {})).statusCode).toBe(400);
    const res = await admin.post(`${base}/admin/procedures/${created.id}/withdraw`, { reason: 'Bãi bỏ theo Quyết định công bố' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'withdrawn', effectiveTo: '2026-03-02', withdrawReason: 'Bãi bỏ theo Quyết định công bố' });
    expect((await t.app.inject({ method: 'GET', url: `${base}/procedures/${created.code}` })).statusCode).toBe(404);
    expect((await admin.post(`${base}/admin/procedures/${created.id}/withdraw`, { reason: 'lần hai' })).json().error.code).toBe('INVALID_STATE');
    expect(await auditFor(created.id, 'catalog.procedures.withdraw')).toHaveLength(1);
  });

  it('refuses a stale edit with VERSION_CONFLICT and keeps the newer content', async () => {
    const draft = (await admin.post(`${base}/admin/procedures`, procedureInput({ implementingUnitIds: [dept.id] }))).json();
    const first = await admin.put(`${base}/admin/procedures/${draft.id}`, { ...procedureInput({ name: 'Bản sửa thứ nhất', implementingUnitIds: [dept.id] }), version: 1 });
    expect(first.statusCode).toBe(200);
    const stale = await deptAdmin.put(`${base}/admin/procedures/${draft.id}`, { ...procedureInput({ name: 'Bản sửa cũ', implementingUnitIds: [dept.id] }), version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    expect((await admin.get(`${base}/admin/procedures/${draft.id}`)).json()).toMatchObject({ name: 'Bản sửa thứ nhất', version: 2 });
    expect((await admin.post(`${base}/admin/procedures/${draft.id}/publish`, { version: 1 })).json().error.code).toBe('VERSION_CONFLICT');
  });

  it('validates units and content', async () => {
    const unknownUnit = await admin.post(`${base}/admin/procedures`, procedureInput({ implementingUnitIds: ['00000000-0000-4000-8000-000000000000'] }));
    expect(unknownUnit.statusCode).toBe(400);
    expect(unknownUnit.json().error.fields).toEqual([{ path: 'implementingUnitIds.0', code: 'catalog.errors.unknownUnit', message: 'Không tìm thấy đơn vị.' }]);
    const noName = await admin.post(`${base}/admin/procedures`, { ...procedureInput(), name: '' });
    expect(noName.statusCode).toBe(400);
    const dup = await admin.post(`${base}/admin/procedures`, procedureInput({ code: '1.004837' }));
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('DUPLICATE');
  });
});

describe('catalog permissions', () => {
  it('lets a unit admin manage procedures of their subtree only', async () => {
    const own = await deptAdmin.post(`${base}/admin/procedures`, procedureInput({ implementingUnitIds: [dept.id] }));
    expect(own.statusCode).toBe(201);
    expect(own.json().actions).toMatchObject({ edit: true, publish: true });
    const before = await versionCount();
    const foreign = await deptAdmin.post(`${base}/admin/procedures`, procedureInput({ implementingUnitIds: [otherDept.id] }));
    expect(foreign.statusCode).toBe(403);
    const unscoped = await deptAdmin.post(`${base}/admin/procedures`, procedureInput());
    expect(unscoped.statusCode).toBe(403);
    expect((await otherAdmin.post(`${base}/admin/procedures/${own.json().id}/publish`, {})).statusCode).toBe(403);
    expect((await otherAdmin.put(`${base}/admin/procedures/${own.json().id}`, { ...procedureInput({ implementingUnitIds: [otherDept.id] }), version: 1 })).statusCode).toBe(403);
    // Moving a procedure out of one's own subtree is refused too.
    expect((await deptAdmin.put(`${base}/admin/procedures/${own.json().id}`, { ...procedureInput({ implementingUnitIds: [otherDept.id] }), version: 1 })).statusCode).toBe(403);
    expect(await versionCount()).toBe(before);
  });

  it('lets a unit admin read only their units’ drafts, in the list and in the detail (issue 8, item 5)', async () => {
    const own = await deptAdmin.post(`${base}/admin/procedures`, procedureInput({ implementingUnitIds: [dept.id] }));
    expect(own.statusCode).toBe(201);
    const { id, name } = own.json<{ id: string; name: string }>();
    const listed = async (agent: typeof admin) => {
      const res = await agent.get(`${base}/admin/procedures?status=draft&pageSize=100&q=${encodeURIComponent(name)}`);
      expect(res.statusCode).toBe(200);
      return (res.json().items as Array<{ id: string }>).some((i) => i.id === id);
    };
    expect(await listed(deptAdmin)).toBe(true);
    expect(await listed(admin)).toBe(true);
    expect(await listed(otherAdmin)).toBe(false);
    const detail = await otherAdmin.get(`${base}/admin/procedures/${id}`);
    expect(detail.statusCode).toBe(403);
    expect(detail.json().error.code).toBe('FORBIDDEN');
    expect((await deptAdmin.get(`${base}/admin/procedures/${id}`)).statusCode).toBe(200);
    // Published versions stay readable by every administrator (they are public anyway).
    const published = await admin.post(`${base}/admin/procedures/${id}/publish`, {});
    expect(published.statusCode, published.body).toBe(200);
    expect((await otherAdmin.get(`${base}/admin/procedures/${id}`)).json().actions).toEqual({ edit: false, publish: false, withdraw: false, newVersion: false });
  });

  it('forbids officers without an admin role and asks anonymous callers to sign in', async () => {
    const before = await versionCount();
    const res = await specialist.post(`${base}/admin/procedures`, procedureInput({ implementingUnitIds: [dept.id] }));
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    expect((await specialist.get(`${base}/admin/procedures`)).statusCode).toBe(403);
    const anon = await t.app.inject({ method: 'POST', url: `${base}/admin/procedures`, payload: procedureInput() });
    expect(anon.statusCode).toBe(401);
    expect(await versionCount()).toBe(before);
  });
});
