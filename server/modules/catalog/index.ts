// The catalog module's only public door: procedures, their versions, processing times, fees and workflow templates.
import type { ModuleManifest } from '../../platform/http/module';
import type { Queryable } from '../../platform/db/database';
import { catalogMessages } from './catalog.messages';
import { catalogPolicies } from './catalog.policy';
import { catalogRoutes } from './catalog.routes';
import { seedCatalogDemo } from './catalog.seed';
import { countInForceByOnlineMode, inForceCodesOfUnits, loadVersion, loadVersions, searchInForce } from './catalog.repository';
import { presentVersionView, type ProcedureVersionView } from './catalog.presenter';
import { findInForce } from './use-cases/read-procedures';
import { and, eq, inArray, type SQL } from 'drizzle-orm';
import { catalogProcedures, catalogProcedureVersions } from './catalog.tables';

/** The codes of the procedures in force on `day` that the units carry out, each with its online service mode. */
export async function listProcedureCodesOfUnits(db: Queryable, filter: { unitIds: readonly string[]; day: string }): Promise<Array<{ code: string; mode: string | null }>> {
  return inForceCodesOfUnits(db, filter);
}

/** The procedures in force on `day` that the units carry out, by online service mode (Decree 42/2022: toàn trình, một phần). */
export async function countProceduresByOnlineMode(
  db: Queryable,
  filter: { unitIds: readonly string[]; day: string; codes: readonly string[] | null },
): Promise<{ procedures: number; full: number; partial: number; informationOnly: number; notStated: number }> {
  const rows = await countInForceByOnlineMode(db, filter);
  const n = (mode: string | null) => rows.find((r) => r.mode === mode)?.n ?? 0;
  const out = { full: n('full'), partial: n('partial'), informationOnly: n('information-only'), notStated: n(null) };
  return { procedures: out.full + out.partial + out.informationOnly + out.notStated, ...out };
}

/**
 * The codes of the procedures with this code and/or in this field (sector) in any published or withdrawn version — the
 * dossiers counted under a field keep the code of the version they were received under. Empty when none matches.
 */
export async function listProcedureCodesMatching(db: Queryable, filter: { code?: string; field?: string }): Promise<string[]> {
  const where: SQL[] = [inArray(catalogProcedureVersions.status, ['published', 'withdrawn'])];
  if (filter.code !== undefined) where.push(eq(catalogProcedures.code, filter.code));
  if (filter.field !== undefined) where.push(eq(catalogProcedureVersions.field, filter.field));
  const rows = await db
    .selectDistinct({ code: catalogProcedures.code })
    .from(catalogProcedureVersions)
    .innerJoin(catalogProcedures, eq(catalogProcedures.id, catalogProcedureVersions.procedureId))
    .where(and(...where));
  return rows.map((r) => r.code).sort();
}

/**
 * The field (lĩnh vực) of each procedure code as its latest published or withdrawn version names it (null: none
 * stated), for reports that group dossiers by field (the periodic TTHC report, D46). Codes without a version are absent.
 */
export async function listProcedureFields(db: Queryable, codes: readonly string[]): Promise<Map<string, string | null>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    .select({ code: catalogProcedures.code, field: catalogProcedureVersions.field, from: catalogProcedureVersions.effectiveFrom })
    .from(catalogProcedureVersions)
    .innerJoin(catalogProcedures, eq(catalogProcedures.id, catalogProcedureVersions.procedureId))
    .where(and(inArray(catalogProcedureVersions.status, ['published', 'withdrawn']), inArray(catalogProcedures.code, [...codes])));
  const latest = new Map<string, { field: string | null; from: string }>();
  for (const r of rows) {
    const seen = latest.get(r.code);
    if (!seen || (r.from ?? '') > seen.from) latest.set(r.code, { field: r.field?.trim() || null, from: r.from ?? '' });
  }
  return new Map([...latest].map(([code, v]) => [code, v.field]));
}

export { CATALOG_ACTIONS } from './catalog.policy';
export { feeForChannel, timeForChannel, workingMinutesOf } from './catalog.parsing';
/** A version as other modules read it: content, processing times, workflow template, online service and e-form. */
export type { ProcedureVersionView } from './catalog.presenter';
/** The online service of a catalog online mode: `{mode: 'none'|'partial'|'full', submission}` (NĐ 42/2022 Điều 11). */
export { onlineServiceOf } from './catalog.presenter';
/** E-form answers: the pure validator (translated per-field errors) and its 400-throwing form for use cases. */
export { validateEFormAnswers, assertEFormAnswers, type EFormFieldError, type EFormValidation } from './catalog.eform';
/** The e-form definition's types, schema and per-answer rule, for modules that store or show answers. */
export { EFormDefinitionSchema, type EFormDefinition, type EFormField, type OnlineService } from '../../../contracts/catalog/eform.contracts';
export { checkEFormAnswer, eFormFields, eFormPrefill, type EFormAnswers, type EFormAnswerValue, type EFormApplicant } from '../../../contracts/catalog/eform.rules';

/**
 * The published version of a procedure in force on `onDate` (YYYY-MM-DD, Asia/Ho_Chi_Minh), with its processing
 * times and workflow template; null when none. A dossier keeps the version in force when it was received (§16.1).
 */
export async function getPublishedProcedureByCode(db: Queryable, code: string, onDate: string): Promise<ProcedureVersionView | null> {
  const r = await findInForce(db, { code }, onDate);
  return r ? presentVersionView(r) : null;
}

/**
 * Every published version in force on `onDate` (YYYY-MM-DD), with processing times and workflow template, in the
 * public search's order (a province has a few thousand: read for bulk work such as generated scale data).
 */
export async function listPublishedProcedures(db: Queryable, onDate: string): Promise<ProcedureVersionView[]> {
  const { ids } = await searchInForce(db, { page: 1, pageSize: 100_000 }, onDate);
  return (await loadVersions(db, ids)).map(presentVersionView);
}

/**
 * The published version in force on `onDate` (YYYY-MM-DD) of the procedure with this id (stable across versions), with
 * its online service and e-form; null when none. The online submission checks `onlineService.submission` on it.
 */
export async function getPublishedProcedureById(db: Queryable, procedureId: string, onDate: string): Promise<ProcedureVersionView | null> {
  const r = await findInForce(db, { procedureId }, onDate);
  return r ? presentVersionView(r) : null;
}

/** Any version by id (whatever its status), with its processing times and workflow template; null when unknown. */
export async function getProcedureVersion(db: Queryable, id: string): Promise<ProcedureVersionView | null> {
  const r = await loadVersion(db, id);
  return r ? presentVersionView(r) : null;
}

/** Procedures (kernel): public catalogue and search, back-office versions, imports, demo seed. */
export const catalogModule: ModuleManifest = {
  key: 'catalog',
  policies: catalogPolicies,
  messages: catalogMessages,
  routes: (app) => catalogRoutes(app),
  seedDemo: (ctx) => seedCatalogDemo(ctx),
};
