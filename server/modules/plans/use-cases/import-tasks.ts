// POST /plans/:id/tasks/import (issue 16 item 1): a plan's tasks from the province's Excel plan. The first worksheet,
// row 1 headers, one task a row in columns A–G: STT, Nhiệm vụ, Lĩnh vực, Đơn vị chủ trì, Đơn vị phối hợp (several
// separated by ";" or line breaks), Thời hạn (a date cell or dd/mm/yyyy), Sản phẩm. Units are matched by code or exact
// name among the plan owner's units, areas by name (PLAN_AREA_NAMES; case and spacing aside) or key. Nothing is
// guessed: each cell that cannot be read is reported (row, column, why). Nothing is written if any row fails, unless
// the caller asks partial=true; then the good rows are written in one transaction and the report lists the rest.
import ExcelJS from 'exceljs';
import { withTransaction, type Ctx } from '../../../platform/context/context';
import { AppError } from '../../../platform/errors';
import { cachedOrgUnitRefs, listOrgUnitIdsWithin, type OrgUnitRef } from '../../identity';
import { PLAN_AREA_NAMES, PLAN_AREAS, PLAN_LIMITS, type ImportReport, type PlanArea } from '../../../../contracts/plans/plans.contracts';
import { PLAN_ACTIONS } from '../plans.policy';
import { bumpPlan, findPlan } from '../plans.repository';
import { checkTask, insertCheckedTask, loadPlan, mayAct, versionConflict } from './manage-plans';

/** The columns, in order (A–G), as the report names them. */
export const IMPORT_COLUMNS = ['STT', 'Nhiệm vụ', 'Lĩnh vực', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời hạn', 'Sản phẩm'] as const;

type Problem = ImportReport['rejected'][number];
const squash = (s: string) => s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();

function cellText(value: ExcelJS.CellValue): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value)
    return (
      value.richText
        .map((r) => r.text)
        .join('')
        .trim() || null
    );
  if ('text' in value && typeof value.text === 'string') return value.text.trim() || null;
  if ('result' in value) return cellText(value.result);
  return null;
}

/** A date cell (exceljs gives midnight UTC) or dd/mm/yyyy or yyyy-mm-dd text; null when it is none of them. */
function dateOf(value: ExcelJS.CellValue): string | null {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const text = cellText(value);
  if (!text) return null;
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const iso = vn ? `${vn[3]}-${vn[2]!.padStart(2, '0')}-${vn[1]!.padStart(2, '0')}` : /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : null;
  if (!iso) return null;
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso ? null : iso;
}

const areaByName = new Map<string, PlanArea>([...PLAN_AREAS.map((a) => [a, a] as const), ...PLAN_AREAS.map((a) => [squash(PLAN_AREA_NAMES[a]), a] as const)]);

/** Imports the file's rows as tasks of the plan (see the file comment). */
export async function importTasks(ctx: Ctx, planId: string, input: { file: () => Promise<Buffer | null>; version: number; partial: boolean }): Promise<ImportReport> {
  const { plan, owner } = await loadPlan(ctx, planId);
  if (!mayAct(ctx, PLAN_ACTIONS.manage, owner)) throw new AppError('FORBIDDEN', { action: PLAN_ACTIONS.manage });
  if (plan.version !== input.version) throw versionConflict(plan.version);
  // The file is read only after the checks above, so a refused or stale call never parses an upload.
  const data = await input.file();
  if (!data) throw new AppError('PLAN_IMPORT_FILE_MISSING', {}, { status: 400 });
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as Parameters<typeof wb.xlsx.load>[0]);
  } catch (err) {
    throw new AppError('PLAN_IMPORT_FILE_INVALID', { reason: (err as Error).message }, { status: 400 });
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError('PLAN_IMPORT_FILE_INVALID', { reason: 'no worksheet' }, { status: 400 });

  const units = await cachedOrgUnitRefs(ctx.db, await listOrgUnitIdsWithin(ctx.db, [owner.path]));
  const byCode = new Map(units.map((u) => [u.code.toLowerCase(), u]));
  const byName = new Map<string, OrgUnitRef[]>();
  for (const u of units) byName.set(squash(u.name), [...(byName.get(squash(u.name)) ?? []), u]);
  const unitOf = (text: string): { unit?: OrgUnitRef; code?: string } => {
    const code = byCode.get(text.toLowerCase());
    if (code) return { unit: code };
    const named = byName.get(squash(text)) ?? [];
    if (named.length === 1) return { unit: named[0]! };
    return { code: named.length > 1 ? 'plans.import.unitAmbiguous' : 'plans.import.unitUnknown' };
  };

  const rejected: Problem[] = [];
  const good: Array<Parameters<typeof insertCheckedTask>[3]> = [];
  let rows = 0;
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells = IMPORT_COLUMNS.map((_, i) => row.getCell(i + 1).value);
    if (cells.every((v) => cellText(v) === null)) continue;
    rows++;
    const problems: Problem[] = [];
    const bad = (col: number, code: string, params?: Record<string, unknown>) => problems.push({ row: r, column: IMPORT_COLUMNS[col]!, code, ...(params ? { params } : {}) });
    const title = cellText(cells[1]);
    if (!title || title.length < PLAN_LIMITS.titleMin || title.length > PLAN_LIMITS.titleMax) bad(1, 'plans.import.titleInvalid');
    const areaText = cellText(cells[2]);
    const area = areaText ? areaByName.get(squash(areaText)) : undefined;
    if (!area) bad(2, 'plans.import.areaUnknown', { value: areaText ?? '' });
    const leadText = cellText(cells[3]);
    const lead = leadText ? unitOf(leadText) : { code: 'plans.import.required' };
    if (!lead.unit) bad(3, lead.code!, { value: leadText ?? '' });
    const partners: string[] = [];
    for (const name of (cellText(cells[4]) ?? '')
      .split(/[;\n]/)
      .map((s) => s.trim())
      .filter(Boolean)) {
      const p = unitOf(name);
      if (p.unit) partners.push(p.unit.id);
      else bad(4, p.code!, { value: name });
    }
    const deadline = dateOf(cells[5]);
    if (!deadline) bad(5, 'plans.import.dateInvalid', { value: cellText(cells[5]) ?? '' });
    const product = cellText(cells[6]);
    if (!product || product.length > PLAN_LIMITS.productMax) bad(6, 'plans.import.productInvalid');
    if (problems.length === 0 && lead.unit && deadline) {
      const { fields, dueAt } = await checkTask(ctx, plan, owner, { leadUnitId: lead.unit.id, partnerUnitIds: partners, deadline });
      for (const f of fields) bad(f.path === 'leadUnitId' ? 3 : f.path.startsWith('partner') ? 4 : 5, f.code, f.params);
      if (problems.length === 0 && dueAt) good.push({ title: title!, area: area!, leadUnitId: lead.unit.id, partnerUnitIds: partners, deadline, outputProduct: product!, dueAt });
    }
    rejected.push(...problems);
  }
  const write = good.length > 0 && (rejected.length === 0 || input.partial);
  if (write) {
    await withTransaction(ctx, async (scope) => {
      const bumped = await bumpPlan(scope.tx, plan.id, input.version, ctx.clock.now());
      if (!bumped) throw versionConflict((await findPlan(scope.tx, plan.id))?.version ?? plan.version);
      for (const task of good) await insertCheckedTask(ctx, scope, bumped, task);
      await scope.audit({
        action: 'plans.tasks-import',
        subjectType: 'plan',
        subjectId: plan.id,
        before: null,
        after: { rows, imported: good.length, rejected: rejected.length, partial: input.partial },
      });
    });
  }
  return { rows, imported: write ? good.length : 0, written: write, rejected };
}
