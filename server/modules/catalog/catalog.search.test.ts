import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app';
import { createOrgUnit } from '../identity/test/factories';
import type { ProcedureSummary } from '../../../contracts/catalog/catalog.contracts';
import type { VersionRecord } from './catalog.repository';
import { createDraft, createPublished, createWithdrawn } from './test/factories';
import { getProcedureVersion, getPublishedProcedureByCode } from './index';

let t: TestApp;
let birth: VersionRecord;
let building: VersionRecord;
let withdrawn: VersionRecord;
let future: VersionRecord;
let draftCode: string;
let pagingTag: string;
let units: { province: { id: string }; dept: { id: string }; division: { id: string }; commune: { id: string }; otherCommune: { id: string } };

const search = async (query: string) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/catalog/procedures?${query}` });
  expect(res.statusCode).toBe(200);
  return res.json<{ items: ProcedureSummary[]; total: number }>();
};
const codes = (r: { items: ProcedureSummary[] }) => r.items.map((i) => i.code).sort();

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const province = await createOrgUnit(db, { kind: 'province' });
  const dept = await createOrgUnit(db, { parent: province, kind: 'department', name: 'Sở Xây dựng thử' });
  const division = await createOrgUnit(db, { parent: dept, kind: 'division' });
  const commune = await createOrgUnit(db, { parent: province, kind: 'commune' });
  const otherCommune = await createOrgUnit(db, { parent: province, kind: 'commune' });
  units = { province, dept, division, commune, otherCommune };
  const ctx = t.systemCtx();
  birth = await createPublished(
    ctx,
    { code: '1.001193', name: 'Thủ tục đăng ký khai sinh', field: 'Hộ tịch', levels: ['commune'], onlineMode: 'partial', implementingUnitIds: [commune.id] },
    '2025-07-01',
  );
  building = await createPublished(
    ctx,
    { name: 'Cấp giấy phép xây dựng nhà ở riêng lẻ', field: 'Xây dựng', levels: ['province'], onlineMode: 'full', implementingUnitIds: [division.id] },
    '2025-07-01',
  );
  // Same words, but never public: a draft, a withdrawn version, a version in force only from next year.
  draftCode = (await createDraft(ctx, { name: 'Thủ tục đăng ký khai sinh lưu động (nháp)', implementingUnitIds: [commune.id] })).code;
  withdrawn = await createWithdrawn(ctx, { name: 'Thủ tục đăng ký khai sinh cũ đã bãi bỏ', implementingUnitIds: [commune.id] });
  future = await createPublished(ctx, { name: 'Thủ tục đăng ký khai sinh trực tuyến mới', implementingUnitIds: [commune.id] }, '2027-01-01');
  pagingTag = `phantrang${Date.now()}`;
  for (let i = 0; i < 7; i++) await createPublished(ctx, { name: `Thủ tục ${pagingTag} số ${i}`, field: 'Chứng thực', implementingUnitIds: [otherCommune.id] }, '2025-07-01');
});
afterAll(async () => t?.close());

describe('public procedure search', () => {
  it('finds the procedure whatever the case and diacritics, and only published versions in force', async () => {
    for (const q of ['dang ky khai sinh', 'ĐĂNG KÝ KHAI SINH', 'khai sinh']) {
      const res = await search(`q=${encodeURIComponent(q)}`);
      expect(codes(res)).toEqual([birth.code]);
      expect(res.total).toBe(1);
      expect(res.items[0]).toMatchObject({ code: '1.001193', name: 'Thủ tục đăng ký khai sinh', field: 'Hộ tịch', onlineMode: 'partial', timeReadable: true });
      expect(res.items[0]!.implementingUnits).toEqual([{ id: units.commune.id, name: expect.any(String) }]);
    }
    for (const hidden of [draftCode, withdrawn.code, future.code]) expect((await search(`q=${encodeURIComponent(hidden)}`)).total).toBe(0);
  });

  it('matches the code too', async () => {
    expect(codes(await search('q=1.001193'))).toEqual(['1.001193']);
  });

  it('filters by field, level, online mode and implementing unit subtree', async () => {
    expect(codes(await search(`field=${encodeURIComponent('Xây dựng')}`))).toEqual([building.code]);
    expect(codes(await search('level=province'))).toEqual([building.code]);
    expect(codes(await search('onlineMode=full'))).toEqual([building.code]);
    expect(codes(await search('onlineMode=partial'))).toEqual([birth.code]);
    // The building permit is implemented by a division below the department: the department's subtree finds it.
    expect(codes(await search(`orgUnitId=${units.dept.id}`))).toEqual([building.code]);
    expect(codes(await search(`orgUnitId=${units.commune.id}`))).toEqual([birth.code]);
    expect((await search(`orgUnitId=${units.province.id}`)).total).toBe(9);
    expect((await search('orgUnitId=00000000-0000-4000-8000-000000000000')).total).toBe(0);
    expect(codes(await search(`q=khai%20sinh&field=${encodeURIComponent('Xây dựng')}`))).toEqual([]);
  });

  it('pages with a stable order and a total', async () => {
    const seen: string[] = [];
    for (const page of [1, 2, 3]) {
      const res = await search(`q=${pagingTag}&pageSize=3&page=${page}`);
      expect(res.total).toBe(7);
      expect(res.items).toHaveLength(page < 3 ? 3 : 1);
      seen.push(...res.items.map((i) => i.code));
    }
    expect(new Set(seen).size).toBe(7);
    const tooBig = await t.app.inject({ method: 'GET', url: '/api/v1/catalog/procedures?pageSize=101' });
    expect(tooBig.statusCode).toBe(400);
  });

  it('lists fields of the procedures in force with counts', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/catalog/fields' });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<{ name: string; count: number }>;
    expect(items).toContainEqual({ name: 'Chứng thực', count: 7 });
    expect(items).toContainEqual({ name: 'Xây dựng', count: 1 });
    // Only the published, in-force "Hộ tịch" procedure counts (draft, withdrawn and future ones do not).
    expect(items).toContainEqual({ name: 'Hộ tịch', count: 1 });
  });

  it('lists the units that carry out procedures in force, with counts, without signing in', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/catalog/implementing-units' });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<{ id: string; name: string; count: number }>;
    expect(items.find((u) => u.id === units.otherCommune.id)?.count).toBe(7);
    expect(items.find((u) => u.id === units.division.id)?.count).toBe(1);
    // The commune's draft, withdrawn and future versions do not count; its one procedure in force does.
    expect(items.find((u) => u.id === units.commune.id)?.count).toBe(1);
    expect(items.find((u) => u.id === units.dept.id)).toBeUndefined();
    const names = items.map((u) => u.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'vi')));
  });
});

describe('public procedure detail', () => {
  it('shows the version in force with times, fees and documents', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/catalog/procedures/1.001193' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ code: '1.001193', name: 'Thủ tục đăng ký khai sinh', effectiveFrom: '2025-07-01', effectiveTo: null, codeSource: 'national' });
    expect(body.processingTimes).toEqual([{ channel: 'direct', amount: 3, unit: 'working-days', raw: '3 Ngày làm việc', readable: true, issue: null, alternatives: [] }]);
    expect(body.requiredDocuments[0]).toMatchObject({ name: 'Tờ khai theo mẫu', originals: 1, copies: 0 });
    expect(body.workflow).toBeUndefined();
  });

  it('answers 404 for an unknown, draft, withdrawn or not-yet-effective procedure', async () => {
    for (const code of ['9.999999', draftCode, withdrawn.code, future.code]) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/catalog/procedures/${encodeURIComponent(code)}` });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
  });

  it('gives other modules the version in force on a date, with its workflow template', async () => {
    expect(await getPublishedProcedureByCode(t.database.db, future.code, '2026-12-31')).toBeNull();
    const later = await getPublishedProcedureByCode(t.database.db, future.code, '2027-01-01');
    expect(later?.id).toBe(future.id);
    const v = await getProcedureVersion(t.database.db, birth.id);
    expect(v?.workflow.map((s) => [s.unitRef, s.role])).toEqual([
      ['receiving-centre', 'reception-officer'],
      ['implementing-unit', 'specialist'],
      ['implementing-unit', 'leader'],
      ['receiving-centre', 'reception-officer'],
    ]);
    expect(v?.workflow.reduce((s, x) => s + (x.budgetMinutes ?? 0), 0)).toBe(3 * 480);
    expect(await getProcedureVersion(t.database.db, '00000000-0000-4000-8000-000000000000')).toBeNull();
  });
});
