// Demo catalogue: the 40 real procedures of demo/procedures.json, imported through the same importer and published.
import fs from 'node:fs';
import path from 'node:path';
import type { Ctx } from '../../platform/context/context';
import type { FeeDue, FeeExemption, Level, OnlineMode } from '../../../contracts/catalog/catalog.contracts';
import { EFormDefinitionSchema, type EFormDefinition } from '../../../contracts/catalog/eform.contracts';
import type { ImportCandidate } from './import/candidate';
import { normaliseSearch } from './catalog.parsing';
import { openUnitsOfKinds, type UnitInfo } from './catalog.org-units';
import { countProcedures } from './catalog.repository';
import { parseJsonProcedures } from './import/json-source';
import { applyImport } from './use-cases/import-procedures';
import { today } from './use-cases/manage-procedures';

/** A copy of shared/data/procedures.json (header kept) so a fresh clone seeds without ../shared. */
export const DEMO_PROCEDURES_FILE = path.resolve(import.meta.dirname, 'demo/procedures.json');
/** The demo's online service levels and e-forms, which the source leaves out (see its `description`). */
export const DEMO_ONLINE_SERVICES_FILE = path.resolve(import.meta.dirname, 'demo/online-services.json');
/** The demo e-forms, one JSON definition per file, named by the overlay's `eForm`. */
export const DEMO_EFORMS_DIR = path.resolve(import.meta.dirname, 'demo/eforms');
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

/** One line of the demo overlay: a procedure (by code, or by name when the source has no code) and what it is given. */
export interface DemoOnlineService {
  code?: string;
  name?: string;
  onlineMode: OnlineMode;
  /** File name (without `.json`) in demo/eforms. */
  eForm?: string;
  /** When the fee is paid (the source never says): the demo's assumption for some fee-bearing online procedures. */
  feeDue?: FeeDue;
  /**
   * Exemptions transcribed from the source's own fee note (the importer never reads free text into rules): a demo
   * administrator's entry, marked as such in the version's notes.
   */
  feeExemptions?: FeeExemption[];
  /** Why the demo gives it this level: a demo assumption, shown to administrators in the version's notes. */
  reason: string;
}

/** Reads the overlay and its e-forms; every e-form must pass the same schema as an editor's. */
export function readDemoOnlineServices(): Array<DemoOnlineService & { form: EFormDefinition | null }> {
  const doc = JSON.parse(fs.readFileSync(DEMO_ONLINE_SERVICES_FILE, 'utf8')) as { procedures: DemoOnlineService[] };
  return doc.procedures.map((entry) => ({
    ...entry,
    form: entry.eForm ? EFormDefinitionSchema.parse(JSON.parse(fs.readFileSync(path.join(DEMO_EFORMS_DIR, `${entry.eForm}.json`), 'utf8'))) : null,
  }));
}

/**
 * Gives the demo procedures the overlay's online level and e-form. Only where the source is silent: a level the source
 * states (or an old NĐ 43/2011 level the importer reported and left empty) is the source's word, and an overlay line
 * naming such a procedure, or no procedure at all, is a mistake in the demo data and stops the seed. The import itself
 * is unchanged: it still reports what it cannot read. The version's notes say where the values came from.
 */
export function applyDemoOnlineServices(candidates: readonly ImportCandidate[], overlay: ReturnType<typeof readDemoOnlineServices>): void {
  for (const entry of overlay) {
    const target = candidates.find((c) => c.content && (entry.code ? c.code === entry.code : c.code === null && c.name === entry.name));
    if (!target?.content) throw new Error(`demo online-services: no procedure ${entry.code ?? entry.name}`);
    const c = target.content;
    if (c.onlineMode !== null || c.onlineModeText !== null) throw new Error(`demo online-services: the source already states ${entry.code ?? entry.name}`);
    c.onlineMode = entry.onlineMode;
    c.eForm = entry.form;
    if (entry.feeDue) c.feeDue = entry.feeDue;
    if (entry.feeExemptions) c.feeExemptions = entry.feeExemptions;
    const note = `Dữ liệu demo: mức độ dịch vụ công trực tuyến${entry.form ? ' và biểu mẫu điện tử' : ''}${entry.feeDue ? ', thời điểm nộp phí (trước khi giải quyết)' : ''}${entry.feeExemptions ? ', đối tượng miễn phí (chép từ ghi chú lệ phí của nguồn)' : ''} do bộ dữ liệu demo gán (demo/online-services.json), không lấy từ nguồn — ${entry.reason}`;
    c.notes = c.notes ? `${c.notes}\n${note}` : note;
  }
}

/** Seeds the demo catalogue once (nothing when any procedure exists); the identity seed must have run first. */
export async function seedCatalogDemo(ctx: Ctx): Promise<void> {
  if ((await countProcedures(ctx.db)) > 0) return;
  const candidates = parseJsonProcedures(fs.readFileSync(DEMO_PROCEDURES_FILE));
  applyDemoOnlineServices(candidates, readDemoOnlineServices());
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
