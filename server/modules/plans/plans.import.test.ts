// Importing a plan's tasks from Excel (issue 16 item 1): a good file writes every row; a file with bad rows writes
// nothing and reports each bad cell (row, column, why); ?partial=true writes the good rows and reports the rest.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { ImportReport, PlanDetail } from '../../../contracts/plans/plans.contracts';
import { multipartFile } from '../catalog/test/factories';
import { createPlanWorld, planWith, type PlanWorld } from './test/factories';

let w: PlanWorld;
beforeAll(async () => {
  w = await createPlanWorld();
});
afterAll(async () => w?.t.close());

const P = '/api/v1/plans';

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Kế hoạch');
  ws.addRow(['STT', 'Nhiệm vụ', 'Lĩnh vực', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời hạn', 'Sản phẩm']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function upload(plan: PlanDetail, file: Buffer, query = '') {
  const { body, headers } = multipartFile('ke-hoach.xlsx', file);
  return w.agents.reform.request('POST', `${P}/${plan.id}/tasks/import?version=${plan.version}${query}`, body, headers);
}

const read = async (id: string) => (await w.agents.reform.get(`${P}/${id}`)).json<PlanDetail>();

describe('import', () => {
  it('writes every row of a good file, units by code or exact name, areas by name', async () => {
    const plan = await planWith(w, []);
    const file = await xlsx([
      [1, 'Rà soát văn bản quy phạm pháp luật của tỉnh', 'Cải cách thể chế', w.lead.code, w.partner.name, '31/03/2026', 'Quyết định công bố'],
      [2, 'Số hóa hồ sơ thủ tục hành chính', 'xây dựng chính quyền  điện tử, chính quyền số', w.lead.name, '', new Date(Date.UTC(2026, 10, 30)), 'Báo cáo'],
    ]);
    const res = await upload(plan, file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<ImportReport>()).toEqual({ rows: 2, imported: 2, written: true, rejected: [] });
    const after = await read(plan.id);
    expect(after.tasks.map((t) => [t.area, t.leadUnit.id, t.partnerUnits.map((u) => u.id), t.deadline])).toEqual([
      ['institutions', w.lead.id, [w.partner.id], '2026-03-31'],
      ['digital-government', w.lead.id, [], '2026-11-30'],
    ]);
  });

  it('writes nothing when a row fails and reports each bad cell; partial writes the good rows', async () => {
    const plan = await planWith(w, []);
    const file = await xlsx([
      [1, 'Rà soát văn bản quy phạm pháp luật của tỉnh', 'Cải cách thể chế', w.lead.code, '', '31/03/2026', 'Quyết định công bố'],
      [2, 'Nhiệm vụ có lỗi trong nhiều ô', 'Cải cách gì đó', 'Sở Không Có', w.other.code, '31/02/2026', 'Báo cáo'],
      [3, 'Nhiệm vụ hạn ngoài năm kế hoạch', 'Cải cách TTHC', w.lead.code, '', '15/01/2027', ''],
    ]);
    const res = await upload(plan, file);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json<ImportReport>();
    expect(report).toMatchObject({ rows: 3, imported: 0, written: false });
    expect(report.rejected.map((p) => `${p.row} ${p.column} ${p.code}`)).toEqual([
      '3 Lĩnh vực plans.import.areaUnknown',
      '3 Đơn vị chủ trì plans.import.unitUnknown',
      '3 Thời hạn plans.import.dateInvalid',
      '4 Sản phẩm plans.import.productInvalid',
    ]);
    expect((await read(plan.id)).tasks).toEqual([]);

    const partial = await upload(plan, file, '&partial=true');
    expect(partial.json<ImportReport>()).toMatchObject({ rows: 3, imported: 1, written: true });
    expect((await read(plan.id)).tasks.map((t) => t.title)).toEqual(['Rà soát văn bản quy phạm pháp luật của tỉnh']);
  });
});
