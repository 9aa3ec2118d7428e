// Demo catalogue: the 40 real procedures of demo/procedures.json, imported through the same importer and published.
import fs from 'node:fs';
import path from 'node:path';
import type { Ctx } from '../../platform/context/context';
import type { Level } from '../../../contracts/catalog/catalog.contracts';
import { normaliseSearch } from './catalog.parsing';
import { openUnitsOfKinds, type UnitInfo } from './catalog.org-units';
import { countProcedures } from './catalog.repository';
import { parseJsonProcedures } from './import/json-source';
import { applyImport } from './use-cases/import-procedures';
import { today } from './use-cases/manage-procedures';

/** A copy of shared/data/procedures.json (header kept) so a fresh clone seeds without ../shared. */
export const DEMO_PROCEDURES_FILE = path.resolve(import.meta.dirname, 'demo/procedures.json');
/** NĐ 118/2025/NĐ-CP and the two-tier local government took effect on 1 July 2025 (domain README §1, §14.1). */
export const DEMO_EFFECTIVE_FROM = '2025-07-01';

/**
 * The provincial department that carries out a field's province-level procedures, by the record's field group
 * (accent-free prefix; more specific prefixes first). Since 2025 the labour and social portfolio sits with Sở Nội vụ;
 * driving licences follow the record itself, whose implementing agency is the police (Công an tỉnh).
 */
export const DEPARTMENT_BY_FIELD_GROUP: ReadonlyArray<readonly [string, string]> = [
  ['ho tich', 'Sở Tư pháp'],
  ['chung thuc', 'Sở Tư pháp'],
  ['ly lich tu phap', 'Sở Tư pháp'],
  ['dat dai', 'Sở Nông nghiệp và Môi trường'],
  ['xay dung', 'Sở Xây dựng'],
  ['dang ky doanh nghiep', 'Sở Tài chính'],
  ['dang ky kinh doanh', 'Sở Tài chính'],
  ['cu tru', 'Công an tỉnh'],
  ['can cuoc', 'Công an tỉnh'],
  ['giao thong (dang ky xe)', 'Công an tỉnh'],
  ['giao thong (giay phep lai xe)', 'Công an tỉnh'],
  ['xa hoi', 'Sở Nội vụ'],
  ['nguoi co cong', 'Sở Nội vụ'],
  ['y te', 'Sở Y tế'],
  ['giao duc', 'Sở Giáo dục và Đào tạo'],
  ['giao thong', 'Sở Xây dựng'],
];

/** The department name for a field group, or null. */
export function departmentForField(fieldGroup: string | null): string | null {
  if (!fieldGroup) return null;
  const key = normaliseSearch(fieldGroup);
  return DEPARTMENT_BY_FIELD_GROUP.find(([prefix]) => key.startsWith(prefix))?.[1] ?? null;
}

/** Finds a unit whose accent-free name contains the wanted name, departments first. */
function findByName(units: readonly UnitInfo[], name: string): UnitInfo | null {
  const wanted = normaliseSearch(name);
  const matches = units.filter((u) => u.kind !== 'commune' && normaliseSearch(u.name).includes(wanted));
  return matches.find((u) => u.kind === 'department') ?? matches[0] ?? null;
}

/**
 * Implementing units of a demo procedure: every demo commune when it is carried out at commune level; the
 * field's department when at province level, or when the record names neither level (ministry, district or
 * "other" only), so every demo procedure has somewhere to go.
 */
export function demoUnitsFor(levels: readonly Level[], fieldGroup: string | null, units: readonly UnitInfo[]): string[] {
  const ids: string[] = [];
  if (levels.includes('commune')) ids.push(...units.filter((u) => u.kind === 'commune').map((u) => u.id));
  if (levels.includes('province') || !levels.includes('commune')) {
    const name = departmentForField(fieldGroup);
    const dept = name ? findByName(units, name) : null;
    if (dept) ids.push(dept.id);
  }
  return ids;
}

/** Seeds the demo catalogue once (nothing when any procedure exists); the identity seed must have run first. */
export async function seedCatalogDemo(ctx: Ctx): Promise<void> {
  if ((await countProcedures(ctx.db)) > 0) return;
  const candidates = parseJsonProcedures(fs.readFileSync(DEMO_PROCEDURES_FILE));
  const units = await openUnitsOfKinds(ctx.db, ['commune', 'department', 'province', 'service-center', 'division'], today(ctx));
  for (const c of candidates) {
    if (c.content) c.unitIds = demoUnitsFor(c.content.levels, c.content.fieldGroup ?? c.content.field, units);
  }
  const result = await applyImport(ctx, candidates, {
    fileName: 'demo/procedures.json',
    format: 'json',
    dryRun: false,
    publish: true,
    effectiveFrom: DEMO_EFFECTIVE_FROM,
    publishWithoutUsableTime: true,
  });
  const unitless = candidates.filter((c) => c.unitIds?.length === 0).length;
  ctx.log.info({ created: result.created, skipped: result.skipped, withoutUnits: unitless }, 'catalog demo procedures seeded');
}
