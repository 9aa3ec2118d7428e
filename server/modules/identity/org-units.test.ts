import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp, type TestAgent } from '../../test/test-app';
import { auditEvents } from '../../platform/audit';
import { identityOrgUnits } from './identity.tables';
import { createCitizen, createOfficer, createOrgUnit, loginAs } from './test/factories';
import type { OrgUnitRow } from './org-units.repository';

let t: TestApp;
let province: OrgUnitRow;
let admin: TestAgent;
beforeAll(async () => {
  t = await createTestApp();
  province = await createOrgUnit(t.database.db, { name: 'Ủy ban nhân dân tỉnh Thử nghiệm', code: 'H99' });
  admin = await loginAs(t.app, await createOfficer(t.database.db, 'system-admin', province));
});
afterAll(async () => t?.close());

const URL = '/api/v1/identity/org-units';
let seq = 0;
const code = () => `H99.${++seq}`;

async function auditCount(subjectId?: string): Promise<number> {
  const rows = await t.database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditEvents)
    .where(subjectId ? eq(auditEvents.subjectId, subjectId) : undefined);
  return rows[0]!.n;
}

async function create(body: Record<string, unknown>, agent = admin) {
  return agent.post(URL, { kind: 'commune', parentId: province.id, ...body });
}

describe('create', () => {
  it('creates a unit under an open parent with path and depth, and audits it', async () => {
    const res = await create({ code: code(), name: 'Phường Hạc Thành', shortName: 'P. Hạc Thành' });
    expect(res.statusCode).toBe(201);
    const unit = res.json();
    expect(unit).toMatchObject({
      name: 'Phường Hạc Thành',
      kind: 'commune',
      parentId: province.id,
      parentName: province.name,
      path: `${province.path}${unit.id}/`,
      depth: 1,
      validFrom: '2026-03-02',
      validTo: null,
      version: 1,
    });
    const audit = await t.database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, unit.id));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'identity.org-units.create', subjectType: 'org-unit' });
    expect(audit[0]!.after).toMatchObject({ name: 'Phường Hạc Thành', path: unit.path });

    const child = await create({ code: `${unit.code}.01`, name: 'Trung tâm Phục vụ hành chính công phường Hạc Thành', kind: 'service-center', parentId: unit.id });
    expect(child.json()).toMatchObject({ depth: 2, path: `${unit.path}${child.json().id}/` });
  });

  it('accepts both agency-code styles and upper-cases the code', async () => {
    expect((await create({ code: '000.00.77.H99', name: 'Đơn vị mã cũ' })).json().code).toBe('000.00.77.H99');
    expect((await create({ code: 'h99.77', name: 'Đơn vị mã mới' })).json().code).toBe('H99.77');
  });

  it('rejects a malformed code with a translated field message', async () => {
    const vi = await create({ code: 'H99 .1', name: 'Sai mã' });
    expect(vi.statusCode).toBe(400);
    expect(vi.json().error.fields).toEqual([{ path: 'body.code', code: 'invalid_format', message: expect.stringContaining('Mã định danh không hợp lệ') }]);
    const tooLong = await create({ code: `H99.${'1'.repeat(32)}`, name: 'Quá dài' });
    expect(tooLong.statusCode).toBe(400);
    const en = await admin.request('POST', URL, { code: 'H99..1', name: 'x', kind: 'commune', parentId: province.id }, { 'accept-language': 'en' });
    expect(en.json().error.fields[0].message).toMatch(/^Invalid agency code/);
    const missing = await create({ code: code() });
    expect(missing.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['body.name']);
  });

  it('refuses a duplicate code, a missing parent and a closed parent', async () => {
    const c = code();
    await create({ code: c, name: 'Đơn vị A' });
    const dup = await create({ code: c, name: 'Đơn vị B' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.fields).toEqual([{ path: 'body.code', code: 'identity.errors.codeTaken', message: 'Mã định danh đã được dùng cho đơn vị khác.' }]);

    const noParent = await create({ code: code(), name: 'Mồ côi', parentId: '00000000-0000-4000-8000-000000000000' });
    expect(noParent.statusCode).toBe(400);
    expect(noParent.json().error.fields[0]).toMatchObject({ path: 'body.parentId', code: 'identity.errors.parentNotFound' });

    const closed = await createOrgUnit(t.database.db, { parent: province, validTo: '2025-06-30', kind: 'district' });
    const underClosed = await create({ code: code(), name: 'Dưới đơn vị đã đóng', parentId: closed.id });
    expect(underClosed.statusCode).toBe(400);
    expect(underClosed.json().error.fields[0]).toMatchObject({ path: 'body.parentId', message: 'Đơn vị cấp trên đã ngừng hoạt động.' });
  });
});

describe('update', () => {
  it('renames with the current version and refuses a stale one with 409', async () => {
    const unit = (await create({ code: code(), name: 'Xã Cũ' })).json();
    const res = await admin.put(`${URL}/${unit.id}`, { code: unit.code, name: 'Xã Mới', kind: 'commune', version: 1 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Xã Mới', version: 2 });
    const stale = await admin.put(`${URL}/${unit.id}`, { code: unit.code, name: 'Xã Khác', kind: 'commune', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    const [row] = await t.database.db.select().from(identityOrgUnits).where(eq(identityOrgUnits.id, unit.id));
    expect(row).toMatchObject({ name: 'Xã Mới', version: 2, searchText: expect.stringContaining('xa moi') });
    const audit = await t.database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, unit.id)).orderBy(auditEvents.id);
    expect(audit.map((a) => a.action)).toEqual(['identity.org-units.create', 'identity.org-units.update']);
    expect(audit[1]!.before).toMatchObject({ name: 'Xã Cũ' });
    expect(audit[1]!.after).toMatchObject({ name: 'Xã Mới' });
  });

  it('answers 404 for an unknown unit', async () => {
    const res = await admin.put(`${URL}/00000000-0000-4000-8000-000000000001`, { code: code(), name: 'x', kind: 'commune', version: 1 });
    expect(res.statusCode).toBe(404);
  });
});

describe('close', () => {
  it('keeps a unit with open children open, then closes it with a successor and history', async () => {
    const district = (await create({ code: code(), name: 'Huyện Lịch Sử', kind: 'district', validFrom: '2000-01-01' })).json();
    const child = (await create({ code: code(), name: 'Bộ phận một cửa huyện', kind: 'service-center', parentId: district.id, validFrom: '2000-01-01' })).json();
    const successor = (await create({ code: code(), name: 'Xã Kế Thừa' })).json();

    const blocked = await admin.post(`${URL}/${district.id}/close`, { validTo: '2025-06-30', successorId: successor.id, reason: 'Sắp xếp ĐVHC 2025' });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().error).toMatchObject({ code: 'UNIT_HAS_OPEN_CHILDREN', message: 'Không thể đóng đơn vị khi còn 1 đơn vị trực thuộc đang hoạt động.' });

    expect((await admin.post(`${URL}/${child.id}/close`, { validTo: '2025-06-30', reason: 'Sắp xếp ĐVHC 2025' })).statusCode).toBe(200);
    const closed = await admin.post(`${URL}/${district.id}/close`, { validTo: '2025-06-30', successorId: successor.id, reason: 'Sắp xếp ĐVHC 2025' });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ validTo: '2025-06-30', successorId: successor.id, version: 2 });

    const again = await admin.post(`${URL}/${district.id}/close`, { validTo: '2025-07-30', reason: 'lần nữa' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('INVALID_STATE');

    const open = await admin.get(`${URL}?q=lich su`);
    expect(open.json().total).toBe(0);
    const all = await admin.get(`${URL}?q=lich su&includeClosed=true`);
    expect(all.json().items.map((u: { id: string }) => u.id)).toEqual([district.id]);
    expect((await admin.get(`${URL}/${district.id}`)).json().validTo).toBe('2025-06-30');

    const audit = await t.database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, district.id)).orderBy(auditEvents.id);
    expect(audit.at(-1)).toMatchObject({ action: 'identity.org-units.close' });
    expect(audit.at(-1)!.after).toMatchObject({ validTo: '2025-06-30', successorId: successor.id, reason: 'Sắp xếp ĐVHC 2025' });
  });

  it('validates the end date and the successor', async () => {
    const unit = (await create({ code: code(), name: 'Xã Đóng Sai', validFrom: '2025-07-01' })).json();
    const early = await admin.post(`${URL}/${unit.id}/close`, { validTo: '2025-01-01', reason: 'x' });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields[0].message).toBe('Ngày kết thúc không được trước ngày bắt đầu hoạt động (2025-07-01).');
    const self = await admin.post(`${URL}/${unit.id}/close`, { validTo: '2026-01-01', successorId: unit.id, reason: 'x' });
    expect(self.statusCode).toBe(400);
    expect(self.json().error.fields[0].path).toBe('body.successorId');
    const badDate = await admin.post(`${URL}/${unit.id}/close`, { validTo: '01/01/2026', reason: 'x' });
    expect(badDate.statusCode).toBe(400);
    expect((await t.database.db.select().from(identityOrgUnits).where(eq(identityOrgUnits.id, unit.id)))[0]!.validTo).toBeNull();
  });
});

describe('list, search and tree', () => {
  it('finds units case- and diacritic-insensitively, with paging', async () => {
    const parent = await createOrgUnit(t.database.db, { parent: province, name: 'Khu tìm kiếm', kind: 'department' });
    await createOrgUnit(t.database.db, { parent, name: 'Phường Hạc Thành Mới', kind: 'commune' });
    await createOrgUnit(t.database.db, { parent, name: 'Phường Đông Sơn', kind: 'commune' });
    await createOrgUnit(t.database.db, { parent, name: 'Xã Đông Tiến', kind: 'commune', code: 'H99.DT.7' });
    await createOrgUnit(t.database.db, { parent, name: 'Văn phòng Ủy ban nhân dân tỉnh Thanh Hóa', kind: 'division' });

    // Words match from their start: "ha" is inside "nhan" and "hoa" but starts no word there.
    const ha = await admin.get(`${URL}?q=ha thanh&parentId=${parent.id}`);
    expect(ha.json().items.map((u: { name: string }) => u.name)).toEqual(['Phường Hạc Thành Mới']);
    expect((await admin.get(`${URL}?q=thanh hoa&parentId=${parent.id}`)).json().items.map((u: { name: string }) => u.name)).toEqual(['Văn phòng Ủy ban nhân dân tỉnh Thanh Hóa']);
    expect((await admin.get(`${URL}?q=dt.7`)).json().items.map((u: { code: string }) => u.code)).toEqual(['H99.DT.7']);
    expect((await admin.get(`${URL}?q=${encodeURIComponent('HẠC THÀNH mới')}`)).json().total).toBe(1);
    expect((await admin.get(`${URL}?q=dong&parentId=${parent.id}`)).json().total).toBe(2);
    const page = await admin.get(`${URL}?parentId=${parent.id}&pageSize=3&page=2`);
    expect(page.json()).toMatchObject({ total: 4 });
    expect(page.json().items).toHaveLength(1);
    expect((await admin.get(`${URL}?parentId=${parent.id}&kind=department`)).json().total).toBe(0);
    expect((await admin.get(`${URL}?q=${encodeURIComponent('100%_')}`)).json().total).toBe(0);
    expect((await admin.get(`${URL}?pageSize=101`)).statusCode).toBe(400);
  });

  it('"ha thanh" finds "Phường Hạc Thành"', async () => {
    const res = await admin.get(`${URL}?q=ha thanh`);
    expect(res.json().items.map((u: { name: string }) => u.name)).toContain('Phường Hạc Thành');
  });

  it('returns the tree with nested children, open units only unless asked', async () => {
    const res = await admin.get(`${URL}/tree`);
    expect(res.statusCode).toBe(200);
    const roots = res.json().items as Array<{ id: string; children: Array<{ name: string; children: unknown[] }> }>;
    expect(roots.map((r) => r.id)).toEqual([province.id]);
    const hacThanh = roots[0]!.children.find((c) => c.name === 'Phường Hạc Thành')!;
    expect(hacThanh.children).toMatchObject([{ kind: 'service-center', name: 'Trung tâm Phục vụ hành chính công phường Hạc Thành' }]);
    expect(roots[0]!.children.some((c) => c.name === 'Huyện Lịch Sử')).toBe(false);
    const withClosed = await admin.get(`${URL}/tree?includeClosed=true`);
    expect((withClosed.json().items[0].children as Array<{ name: string }>).some((c) => c.name === 'Huyện Lịch Sử')).toBe(true);
  });

  it('lets every officer read units, but not citizens; only admins write', async () => {
    const reception = await loginAs(t.app, await createOfficer(t.database.db, 'reception-officer', province));
    expect((await reception.get(URL)).statusCode).toBe(200);
    expect((await reception.get(`${URL}/tree`)).statusCode).toBe(200);
    const before = await auditCount();
    const denied = await create({ code: code(), name: 'Không được tạo' }, reception);
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.code).toBe('FORBIDDEN');
    expect(await auditCount()).toBe(before);

    const citizen = await loginAs(t.app, await createCitizen(t.database.db));
    expect((await citizen.get(URL)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: URL })).statusCode).toBe(401);
  });
});
