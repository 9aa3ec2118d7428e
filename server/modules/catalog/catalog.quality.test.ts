// Issue 9 item 9: the data-quality worklist, publication refused without a usable time, notes kept off the public detail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestAgent, type TestApp } from '../../test/test-app';
import { auditEvents } from '../../platform/audit';
import { createOfficer, createOrgUnit, loginAs } from '../identity/test/factories';
import { procedureInput } from './test/factories';
import type { WorklistResponse } from '../../../contracts/catalog/catalog.contracts';

let t: TestApp;
let admin: TestAgent;
let dept: { id: string };
const base = '/api/v1/catalog';

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const province = await createOrgUnit(db, { kind: 'province' });
  dept = await createOrgUnit(db, { parent: province, kind: 'department' });
  admin = await loginAs(t.app, await createOfficer(db, 'system-admin', province));
});
afterAll(async () => t?.close());

const create = async (overrides: Record<string, unknown>) => {
  const res = await admin.post(`${base}/admin/procedures`, procedureInput({ implementingUnitIds: [dept.id], onlineMode: 'partial', ...overrides }));
  expect(res.statusCode).toBe(201);
  return res.json<{ id: string; code: string; version: number }>();
};

describe('publishing needs a usable processing time', () => {
  it('refuses with a translated error and changes nothing; publishes once the time is readable', async () => {
    const draft = await create({ processingTimes: [{ channel: 'any', amount: 1, unit: null, raw: '1' }] });
    const refused = await admin.post(`${base}/admin/procedures/${draft.id}/publish`, {});
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual([expect.objectContaining({ path: 'processingTimes', code: 'catalog.errors.timeUnusable' })]);
    expect(refused.json().error.fields[0].message).toContain('Không công bố được để tiếp nhận');
    expect((await admin.get(`${base}/admin/procedures/${draft.id}`)).json()).toMatchObject({ status: 'draft', version: draft.version });
    expect(
      await t.database.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.subjectId, draft.id), eq(auditEvents.action, 'catalog.procedures.publish'))),
    ).toHaveLength(0);

    const fixed = await admin.put(`${base}/admin/procedures/${draft.id}`, {
      ...procedureInput({ implementingUnitIds: [dept.id], onlineMode: 'partial', processingTimes: [{ channel: 'any', amount: 1, unit: 'working-days', raw: '1 ngày làm việc' }] }),
      version: draft.version,
    });
    expect(fixed.statusCode).toBe(200);
    expect((await admin.post(`${base}/admin/procedures/${draft.id}/publish`, {})).statusCode).toBe(200);
  });
});

describe('data-quality worklist', () => {
  it('lists versions without a readable time, online mode, parsed fee or readable document groups, with counts', async () => {
    const time = await create({ name: 'Thủ tục thiếu đơn vị thời hạn', processingTimes: [{ channel: 'any', amount: 1, unit: null, raw: '1' }] });
    const online = await create({ name: 'Thủ tục chưa có mức độ trực tuyến', onlineMode: null });
    const fee = await create({ name: 'Thủ tục phí chưa đọc được', fees: [{ channel: 'any', amountVnd: null, text: 'Theo Nghị quyết của HĐND tỉnh' }] });
    const docs = await create({
      name: 'Thủ tục giấy tờ chưa phân nhóm',
      requiredDocuments: [{ name: 'Hồ sơ của người nhận con nuôi' }, { name: 'Hồ sơ của người được nhận làm con nuôi' }],
      documentIssues: [
        { document: 0, code: 'case-ambiguous', raw: 'Hồ sơ của người nhận con nuôi' },
        { document: 1, code: 'case-ambiguous', raw: 'Hồ sơ của người được nhận làm con nuôi' },
      ],
    });
    const clean = await create({ name: 'Thủ tục đủ dữ liệu' });

    const res = await admin.get(`${base}/admin/quality?pageSize=100`);
    expect(res.statusCode).toBe(200);
    const list = res.json<WorklistResponse>();
    const item = (id: string) => list.items.find((i) => i.versionId === id);
    expect(item(time.id)).toMatchObject({ issues: ['time-unreadable'], timeText: '1' });
    expect(item(online.id)!.issues).toEqual(['online-mode-missing']);
    expect(item(fee.id)).toMatchObject({ issues: ['fee-unparsed'], unparsedFees: ['Theo Nghị quyết của HĐND tỉnh'] });
    expect(item(docs.id)).toMatchObject({ issues: ['document-groups-unreadable'], documentIssues: 2 });
    expect(item(clean.id)).toBeUndefined();
    expect(list.counts['time-unreadable']).toBeGreaterThanOrEqual(1);

    const onlyFees = (await admin.get(`${base}/admin/quality?issue=fee-unparsed`)).json<WorklistResponse>();
    expect(onlyFees.items.every((i) => i.issues.includes('fee-unparsed'))).toBe(true);
    expect(onlyFees.items.map((i) => i.versionId)).toContain(fee.id);
    expect(onlyFees.total).toBe(list.counts['fee-unparsed']);
    // Officers outside catalogue administration do not see it.
    const province = await createOrgUnit(t.database.db, { kind: 'province' });
    const officer = await loginAs(t.app, await createOfficer(t.database.db, 'specialist', province));
    expect((await officer.get(`${base}/admin/quality`)).statusCode).toBe(403);
  });

  it("shows each unit administrator only their units' versions, with counts over those; the system administrator all", async () => {
    const db = t.database.db;
    const province = await createOrgUnit(db, { kind: 'province' });
    const ward = await createOrgUnit(db, { parent: province, kind: 'commune', name: 'Phường Hạc Thành' });
    const wardCentre = await createOrgUnit(db, { parent: ward, kind: 'service-center' });
    const otherWard = await createOrgUnit(db, { parent: province, kind: 'commune', name: 'Phường Đông Sơn' });
    const wardAdmin = await loginAs(t.app, await createOfficer(db, 'unit-admin', ward));
    const otherAdmin = await loginAs(t.app, await createOfficer(db, 'unit-admin', otherWard));
    const unreadable = { processingTimes: [{ channel: 'any', amount: 1, unit: null, raw: '1' }] };
    const at = (units: string[], over: Record<string, unknown> = {}) => create({ implementingUnitIds: units, ...unreadable, ...over });
    const own = await at([ward.id]);
    const below = await at([wardCentre.id], { onlineMode: null });
    const theirs = await at([otherWard.id]);
    const shared = await at([ward.id, otherWard.id]);
    // A published one of the other ward is public, but not the ward administrator's to correct either.
    const theirsPublished = await at([otherWard.id], {
      processingTimes: [{ channel: 'any', amount: 2, unit: 'working-days', raw: '2 ngày làm việc' }],
      fees: [{ channel: 'any', amountVnd: null, text: 'Theo Nghị quyết' }],
    });
    expect((await admin.post(`${base}/admin/procedures/${theirsPublished.id}/publish`, {})).statusCode).toBe(200);

    const worklist = async (agent: TestAgent, query = '') => {
      const res = await agent.get(`${base}/admin/quality?pageSize=100${query}`);
      expect(res.statusCode).toBe(200);
      return res.json<WorklistResponse>();
    };
    const ids = (list: WorklistResponse) => list.items.map((i) => i.versionId);

    const mine = await worklist(wardAdmin);
    expect(ids(mine).sort()).toEqual([own.id, below.id].sort());
    expect(mine.total).toBe(2);
    expect(mine.counts).toEqual({ 'time-unreadable': 2, 'online-mode-missing': 1, 'fee-unparsed': 0, 'document-groups-unreadable': 0 });
    expect(mine.scope).toEqual({ all: false, units: [{ id: ward.id, name: 'Phường Hạc Thành' }] });
    expect(ids(await worklist(wardAdmin, '&issue=online-mode-missing'))).toEqual([below.id]);

    const other = await worklist(otherAdmin);
    expect(ids(other).sort()).toEqual([theirs.id, theirsPublished.id].sort());
    expect(other.counts).toMatchObject({ 'time-unreadable': 1, 'fee-unparsed': 1 });
    expect(ids(await worklist(otherAdmin, '&status=published'))).toEqual([theirsPublished.id]);

    const all = await worklist(admin);
    expect(ids(all)).toEqual(expect.arrayContaining([own.id, below.id, theirs.id, shared.id, theirsPublished.id]));
    expect(all.scope).toEqual({ all: true, units: [] });
    expect(all.counts['time-unreadable']).toBeGreaterThan(mine.counts['time-unreadable'] + other.counts['time-unreadable']);
  });

  it('keeps the administrator notes off the public detail', async () => {
    const v = await create({ processingTimeNote: 'CSDL chỉ hiển thị "1"', notes: 'Nguồn: bản thu thập', confidenceNote: 'Chưa đối chiếu' });
    expect((await admin.post(`${base}/admin/procedures/${v.id}/publish`, {})).statusCode).toBe(200);
    const pub = await t.app.inject({ method: 'GET', url: `${base}/procedures/${v.code}` });
    expect(pub.statusCode).toBe(200);
    expect(pub.body).not.toContain('CSDL');
    expect(pub.json()).not.toHaveProperty('notes');
    expect(pub.json()).not.toHaveProperty('processingTimeNote');
    expect((await admin.get(`${base}/admin/procedures/${v.id}`)).json()).toMatchObject({ processingTimeNote: 'CSDL chỉ hiển thị "1"', notes: 'Nguồn: bản thu thập' });
  });
});
