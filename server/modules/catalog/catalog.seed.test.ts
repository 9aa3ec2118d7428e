import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/test-app';
import { seedDemoData } from '../../app';
import { auditEvents } from '../../platform/audit';
import { identityOrgUnits } from '../identity';
import { catalogProcedures, catalogProcedureVersions } from './catalog.tables';
import { getPublishedProcedureByCode, validateEFormAnswers } from './index';
import { applyDemoOnlineServices, readDemoOnlineServices, DEMO_PROCEDURES_FILE } from './catalog.seed';
import { parseJsonProcedures } from './import/json-source';
import fs from 'node:fs';

let t: TestApp;
const unitName = new Map<string, string>();
const detail = async (code: string) => (await getPublishedProcedureByCode(t.database.db, code, '2026-03-02'))!;
const unitNames = async (code: string) => (await detail(code)).implementingUnits.map((u) => unitName.get(u.id));

beforeAll(async () => {
  t = await createTestApp();
  await seedDemoData(t);
  for (const u of await t.database.db.select().from(identityOrgUnits)) unitName.set(u.id, u.name);
});
afterAll(async () => t?.close());

describe('catalog demo seed', () => {
  it('publishes the 40 demo procedures from 2025-07-01', async () => {
    const rows = await t.database.db.select().from(catalogProcedureVersions);
    expect(rows).toHaveLength(40);
    expect(rows.every((r) => r.status === 'published' && r.effectiveFrom === '2025-07-01' && r.effectiveTo === null)).toBe(true);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/catalog/procedures?pageSize=100' });
    expect(res.json().total).toBe(40);
    const search = await t.app.inject({ method: 'GET', url: `/api/v1/catalog/procedures?q=${encodeURIComponent('ĐĂNG KÝ KHAI SINH')}` });
    expect(search.json().items.map((i: { code: string }) => i.code)).toContain('1.001193');
  });

  it('attaches communes for commune-level procedures and the field’s department for province-level ones', async () => {
    const communes = [...unitName.values()].filter((n) => /^(Phường|Xã) /.test(n)).sort();
    expect(communes.length).toBeGreaterThan(0);
    expect(((await unitNames('1.001193')) as string[]).sort()).toEqual(communes);
    expect(await unitNames('3.000333')).toEqual(['Sở Tư pháp']);
    expect(await unitNames('1.012787')).toEqual(['Sở Nông nghiệp và Môi trường']);
    expect(await unitNames('2.001583')).toEqual(['Sở Tài chính']);
    expect(await unitNames('3.000348')).toEqual(['Công an tỉnh']);
    // Province and commune level: every commune plus the department.
    expect((await unitNames('1.010803')).filter((n) => !communes.includes(n!))).toEqual(['Sở Nội vụ']);
    expect((await unitNames('1.013274')).filter((n) => !communes.includes(n!))).toEqual(['Sở Xây dựng']);
    // Neither province nor commune in the record (a health facility; the abolished district): the field's department.
    const [healthCode, schoolCode] = await Promise.all(
      ['Cấp lại giấy chứng sinh đối với trường hợp bị nhầm lẫn khi ghi chép Giấy chứng sinh', 'Chuyển trường đối với học sinh trung học cơ sở'].map(async (name) => {
        const [row] = await t.database.db
          .select({ code: catalogProcedures.code })
          .from(catalogProcedureVersions)
          .innerJoin(catalogProcedures, eq(catalogProcedures.id, catalogProcedureVersions.procedureId))
          .where(eq(catalogProcedureVersions.name, name));
        return row!.code;
      }),
    );
    expect(healthCode).toMatch(/^L-\d{4}$/);
    expect(await unitNames(healthCode!)).toEqual(['Sở Y tế']);
    expect(await unitNames(schoolCode!)).toEqual(['Sở Giáo dục và Đào tạo']);
    const unitless = await t.database.db.execute(
      sql`select count(*)::int as n from catalog_procedure_versions v where not exists (select 1 from catalog_version_units u where u.version_id = v.id)`,
    );
    expect(Number((unitless.rows[0] as { n: number }).n)).toBe(0);
  });

  it('keeps unreadable times verbatim and flagged, and sizes workflow budgets on readable ones', async () => {
    const birth = await t.app.inject({ method: 'GET', url: '/api/v1/catalog/procedures/1.001193' });
    expect(birth.statusCode).toBe(200);
    expect(birth.json()).toMatchObject({ timeReadable: false, processingTimeText: '1' });
    expect(birth.json().processingTimes[0]).toMatchObject({ raw: '1', readable: false, issue: 'no-unit' });
    expect((await detail('1.001193')).workflow.every((s) => s.budgetMinutes === null)).toBe(true);

    const residence = await detail('1.004222');
    expect(residence.workflow.map((s) => s.name)).toEqual(['Tiếp nhận hồ sơ', 'Thẩm định hồ sơ', 'Phê duyệt kết quả', 'Trả kết quả']);
    expect(residence.workflow.reduce((s, x) => s + x.budgetMinutes!, 0)).toBe(7 * 480);
    // Land registration: budgets follow the counter's time (27 working days), the longest of its channels.
    expect((await detail('1.013978')).workflow.reduce((s, x) => s + x.budgetMinutes!, 0)).toBe(27 * 480);
  });

  it('marks a realistic share online: the source’s levels first, then the documented demo overlay', async () => {
    const rows = await t.database.db.select({ mode: catalogProcedureVersions.onlineMode, name: catalogProcedureVersions.name }).from(catalogProcedureVersions);
    const count = (mode: string | null) => rows.filter((r) => r.mode === mode).length;
    expect({ full: count('full'), partial: count('partial'), info: count('information-only'), none: count(null) }).toEqual({ full: 10, partial: 12, info: 7, none: 11 });
    const online = (count('full') + count('partial')) / rows.length;
    expect(online).toBeGreaterThanOrEqual(0.4);
    expect(online).toBeLessThanOrEqual(0.6);
    // The two levels the source states stay as stated; its old "Mức độ 4" stays unconverted, for an editor to settle.
    expect((await detail('1.013076')).onlineMode).toBe('partial');
    expect((await detail('1.010803')).onlineMode).toBe('partial');
    expect(await detail('1.001699')).toMatchObject({ onlineMode: null, onlineService: { mode: 'none', submission: false } });
    // The overlay says where its values come from.
    expect((await detail('1.000894')).notes).toMatch(/^Dữ liệu demo: mức độ dịch vụ công trực tuyến do bộ dữ liệu demo gán/);
    expect((await detail('1.001193')).notes).toContain('và biểu mẫu điện tử');
  });

  it('gives four common procedures a Vietnamese e-form a sample answer passes', async () => {
    const withForms = await t.database.db
      .select({ code: catalogProcedures.code })
      .from(catalogProcedureVersions)
      .innerJoin(catalogProcedures, eq(catalogProcedures.id, catalogProcedureVersions.procedureId))
      .where(sql`${catalogProcedureVersions.eForm} is not null`);
    expect(withForms.map((r) => r.code).sort()).toEqual(['1.001193', '1.001612', '1.003677', '1.004873']);
    const birth = await t.app.inject({ method: 'GET', url: '/api/v1/catalog/procedures/1.001193' });
    expect(birth.json()).toMatchObject({ onlineService: { mode: 'full', submission: true }, eForm: { title: { vi: 'Tờ khai đăng ký khai sinh' } } });
    const household = (await detail('1.001612')).eForm!;
    const answers = {
      businessName: 'Hộ kinh doanh Hoa Mai',
      businessAddress: 'Số 12 đường Trần Phú, phường Hạc Thành, tỉnh Thanh Hóa',
      businessLines: 'Bán lẻ hoa, cây cảnh',
      capitalVnd: 50_000_000,
      founders: 'ca-nhan',
      ownerName: 'Lê Thị Mai',
      ownerBirthDate: '1988-04-12',
      ownerSex: 'nu',
      ownerEthnicity: 'kinh',
      ownerNationality: 'Việt Nam',
      ownerIdNumber: '038188001234',
      ownerAddress: 'Số 12 đường Trần Phú, phường Hạc Thành, tỉnh Thanh Hóa',
      ownerPhone: '0912345678',
      commitment: true,
    };
    expect(validateEFormAnswers(household, answers, 'vi', '2026-03-02').errors).toEqual([]);
    expect(validateEFormAnswers(household, { ...answers, businessName: 'Hoa Mai' }, 'vi', '2026-03-02').errors.map((e) => e.message)).toEqual([
      'Tên hộ kinh doanh phải bắt đầu bằng "Hộ kinh doanh" và có tên riêng.',
    ]);
  });

  it('refuses an overlay line that contradicts the source or names no procedure', () => {
    const overlay = readDemoOnlineServices();
    const fresh = () => parseJsonProcedures(fs.readFileSync(DEMO_PROCEDURES_FILE));
    expect(() => applyDemoOnlineServices(fresh(), [...overlay, { code: '1.013076', onlineMode: 'full', reason: 'x', form: null }])).toThrow(/already states 1.013076/);
    expect(() => applyDemoOnlineServices(fresh(), [{ code: '1.001699', onlineMode: 'full', reason: 'x', form: null }])).toThrow(/already states 1.001699/);
    expect(() => applyDemoOnlineServices(fresh(), [{ code: '9.999999', onlineMode: 'full', reason: 'x', form: null }])).toThrow(/no procedure 9.999999/);
  });

  it('is idempotent and audited once', async () => {
    await seedDemoData(t);
    expect(await t.database.db.select().from(catalogProcedures)).toHaveLength(40);
    const audits = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'catalog.imports.run'));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.after).toMatchObject({ fileName: 'demo/procedures.json', created: 40, publish: true, effectiveFrom: '2025-07-01' });
  });
});
