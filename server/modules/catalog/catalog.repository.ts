// All SQL of the catalog module.
import { and, asc, desc, eq, getTableColumns, gte, inArray, isNull, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import { sqlIsWithin } from '../../platform/access';
import type { Queryable, Tx } from '../../platform/db/database';
import { identityOrgUnits } from '../identity';
import type {
  Fee,
  FeeDue,
  FeeExemption,
  LegalBasis,
  Level,
  OnlineMode,
  ProcessingTime,
  RequiredDocument,
  DocumentGroup,
  DocumentIssue,
  StepUnitRef,
  VersionStatus,
  WorkflowRole,
  WorkflowStepInput,
} from '../../../contracts/catalog/catalog.contracts';
import type { EFormDefinition } from '../../../contracts/catalog/eform.contracts';
import { catalogProcedures, catalogProcedureVersions, catalogVersionUnits, catalogWorkflowSteps } from './catalog.tables';
import { unitsByIds, type UnitInfo } from './catalog.org-units';
import { normaliseSearch } from './catalog.parsing';

const v = catalogProcedureVersions;
const p = catalogProcedures;

/** The content of a version as written by every use case (editor, importer, seed). */
export interface VersionContent {
  name: string;
  field: string | null;
  fieldGroup: string | null;
  levels: Level[];
  levelText: string | null;
  implementingUnitIds: string[];
  implementingAgencyText: string | null;
  applicants: string | null;
  results: string[];
  onlineMode: OnlineMode | null;
  onlineModeText: string | null;
  processingTimeText: string | null;
  processingTimeNote: string | null;
  processingTimes: ProcessingTime[];
  feeText: string | null;
  fees: Fee[];
  requiredDocuments: RequiredDocument[];
  documentGroups: DocumentGroup[];
  documentIssues: DocumentIssue[];
  requiredDocumentsNote: string | null;
  onTheSpot: boolean;
  feeDue: FeeDue | null;
  feeExemptions: FeeExemption[];
  eForm: EFormDefinition | null;
  legalBasis: LegalBasis[];
  publishingDecision: string | null;
  source: Record<string, unknown> | null;
  confidence: string | null;
  confidenceNote: string | null;
  notes: string | null;
  workflow: WorkflowStepInput[];
}

/** A stored workflow step with its fixed unit's name. */
export interface StepRecord {
  position: number;
  name: string;
  unitRef: StepUnitRef;
  orgUnitId: string | null;
  orgUnitName: string | null;
  role: WorkflowRole;
  budgetMinutes: number | null;
  interAgency: boolean;
}

/** A version row with its procedure's code, implementing units (in order) and workflow steps. */
export type VersionRecord = typeof v.$inferSelect & {
  code: string;
  codeSource: 'national' | 'local';
  status: VersionStatus;
  levels: Level[];
  onlineMode: OnlineMode | null;
  units: UnitInfo[];
  steps: StepRecord[];
};

/** Escapes LIKE wildcards so user text matches literally. */
function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The search text of a version: accent-free name and code. */
export function searchTextOf(name: string, code: string): string {
  return normaliseSearch(`${name} ${code}`);
}

function contentColumns(c: VersionContent) {
  return {
    name: c.name,
    field: c.field,
    fieldGroup: c.fieldGroup,
    levels: c.levels,
    levelText: c.levelText,
    implementingAgencyText: c.implementingAgencyText,
    applicants: c.applicants,
    results: c.results,
    onlineMode: c.onlineMode,
    onlineModeText: c.onlineModeText,
    processingTimeText: c.processingTimeText,
    processingTimeNote: c.processingTimeNote,
    processingTimes: c.processingTimes,
    timeReadable: c.processingTimes.some((t) => t.readable),
    feeText: c.feeText,
    fees: c.fees,
    requiredDocuments: c.requiredDocuments,
    documentGroups: c.documentGroups,
    documentIssues: c.documentIssues,
    requiredDocumentsNote: c.requiredDocumentsNote,
    onTheSpot: c.onTheSpot,
    feeDue: c.feeDue,
    feeExemptions: c.feeExemptions,
    eForm: c.eForm,
    legalBasis: c.legalBasis,
    publishingDecision: c.publishingDecision,
    source: c.source,
    confidence: c.confidence,
    confidenceNote: c.confidenceNote,
    notes: c.notes,
  };
}

/** Turns a stored record back into writable content (used to copy a published version into a new draft). */
export function contentOf(r: VersionRecord): VersionContent {
  return {
    name: r.name,
    field: r.field,
    fieldGroup: r.fieldGroup,
    levels: r.levels,
    levelText: r.levelText,
    implementingUnitIds: r.units.map((u) => u.id),
    implementingAgencyText: r.implementingAgencyText,
    applicants: r.applicants,
    results: r.results,
    onlineMode: r.onlineMode,
    onlineModeText: r.onlineModeText,
    processingTimeText: r.processingTimeText,
    processingTimeNote: r.processingTimeNote,
    processingTimes: r.processingTimes,
    feeText: r.feeText,
    fees: r.fees,
    requiredDocuments: r.requiredDocuments.map((d) => ({ ...d, group: d.group ?? null })),
    documentGroups: r.documentGroups,
    documentIssues: r.documentIssues,
    requiredDocumentsNote: r.requiredDocumentsNote,
    onTheSpot: r.onTheSpot,
    feeDue: r.feeDue,
    feeExemptions: r.feeExemptions,
    eForm: r.eForm,
    legalBasis: r.legalBasis,
    publishingDecision: r.publishingDecision,
    source: r.source,
    confidence: r.confidence,
    confidenceNote: r.confidenceNote,
    notes: r.notes,
    workflow: r.steps.map((s) => ({ name: s.name, unitRef: s.unitRef, orgUnitId: s.orgUnitId, role: s.role, budgetMinutes: s.budgetMinutes, interAgency: s.interAgency })),
  };
}

// ---------------------------------------------------------------- procedures

/** A procedure identity by code, or null. */
export async function findProcedureByCode(q: Queryable, code: string) {
  const rows = await q.select().from(p).where(eq(p.code, code)).limit(1);
  return rows[0] ?? null;
}

/** Local-coded procedures with the name of their latest version (to match code-less source records by name). */
export async function localProcedureNames(q: Queryable): Promise<Array<{ id: string; code: string; name: string }>> {
  return q
    .selectDistinctOn([p.id], { id: p.id, code: p.code, name: v.name })
    .from(p)
    .innerJoin(v, eq(v.procedureId, p.id))
    .where(eq(p.codeSource, 'local'))
    .orderBy(p.id, desc(v.revision));
}

// A transaction-scoped lock so two imports cannot issue the same local code.
const LOCAL_CODE_LOCK = 770101;

/** Issues the next local code `L-0001`, `L-0002`, ... (4 digits at least, grows as needed). */
export async function nextLocalCode(tx: Tx): Promise<string> {
  await tx.execute(sql`select pg_advisory_xact_lock(${LOCAL_CODE_LOCK})`);
  const rows = await tx
    .select({ n: sql<number>`coalesce(max(substring(${p.code} from 3)::int), 0)::int` })
    .from(p)
    .where(and(eq(p.codeSource, 'local'), sql`${p.code} ~ '^L-[0-9]+$'`));
  return `L-${String(Number(rows[0]?.n ?? 0) + 1).padStart(4, '0')}`;
}

/** Inserts a procedure identity; returns its id. */
export async function insertProcedure(tx: Tx, input: { code: string; codeSource: 'national' | 'local'; now: Date }): Promise<string> {
  const [row] = await tx.insert(p).values({ code: input.code, codeSource: input.codeSource, createdAt: input.now, updatedAt: input.now }).returning({ id: p.id });
  return row!.id;
}

// ---------------------------------------------------------------- versions

async function writeUnitsAndSteps(tx: Tx, versionId: string, c: VersionContent): Promise<void> {
  await tx.delete(catalogVersionUnits).where(eq(catalogVersionUnits.versionId, versionId));
  await tx.delete(catalogWorkflowSteps).where(eq(catalogWorkflowSteps.versionId, versionId));
  const unitIds = [...new Set(c.implementingUnitIds)];
  if (unitIds.length) await tx.insert(catalogVersionUnits).values(unitIds.map((orgUnitId, position) => ({ versionId, orgUnitId, position })));
  if (c.workflow.length) {
    await tx.insert(catalogWorkflowSteps).values(
      c.workflow.map((s, position) => ({
        versionId,
        position,
        name: s.name,
        unitRef: s.unitRef,
        orgUnitId: s.orgUnitId,
        role: s.role,
        budgetMinutes: s.budgetMinutes,
        interAgency: s.interAgency,
      })),
    );
  }
}

/** Inserts a draft version with its units and steps; returns its id. */
export async function insertDraftVersion(
  tx: Tx,
  input: { procedureId: string; code: string; revision: number; content: VersionContent; actorId: string | null; now: Date },
): Promise<string> {
  const [row] = await tx
    .insert(v)
    .values({
      procedureId: input.procedureId,
      revision: input.revision,
      status: 'draft',
      searchText: searchTextOf(input.content.name, input.code),
      ...contentColumns(input.content),
      version: 1,
      createdBy: input.actorId,
      createdAt: input.now,
      updatedAt: input.now,
    })
    .returning({ id: v.id });
  await writeUnitsAndSteps(tx, row!.id, input.content);
  return row!.id;
}

/** Replaces a draft's content if its optimistic version still matches; false when someone else changed it first. */
export async function replaceDraftContent(tx: Tx, input: { id: string; code: string; expectedVersion: number; content: VersionContent; now: Date }): Promise<boolean> {
  const rows = await tx
    .update(v)
    .set({ ...contentColumns(input.content), searchText: searchTextOf(input.content.name, input.code), version: sql`${v.version} + 1`, updatedAt: input.now })
    .where(and(eq(v.id, input.id), eq(v.version, input.expectedVersion), eq(v.status, 'draft')))
    .returning({ id: v.id });
  if (rows.length === 0) return false;
  await writeUnitsAndSteps(tx, input.id, input.content);
  return true;
}

/** Sets status/effective dates with the optimistic check; false when the version moved on. */
export async function updateVersionState(
  tx: Tx,
  id: string,
  expectedVersion: number,
  set: Partial<Pick<typeof v.$inferInsert, 'status' | 'effectiveFrom' | 'effectiveTo' | 'publishedAt' | 'publishedBy' | 'withdrawnAt' | 'withdrawReason'>> & { updatedAt: Date },
): Promise<boolean> {
  const rows = await tx
    .update(v)
    .set({ ...set, version: sql`${v.version} + 1` })
    .where(and(eq(v.id, id), eq(v.version, expectedVersion)))
    .returning({ id: v.id });
  return rows.length > 0;
}

/** Locks a version row for the rest of the transaction. */
export async function lockVersion(tx: Tx, id: string): Promise<void> {
  await tx.select({ id: v.id }).from(v).where(eq(v.id, id)).for('update');
}

/** Highest revision number of a procedure's versions (0 when none). */
export async function maxRevision(q: Queryable, procedureId: string): Promise<number> {
  const rows = await q
    .select({ n: sql<number>`coalesce(max(${v.revision}), 0)::int` })
    .from(v)
    .where(eq(v.procedureId, procedureId));
  return Number(rows[0]?.n ?? 0);
}

/** The procedure's draft version, if any (there is at most one). */
export async function findDraftId(q: Queryable, procedureId: string): Promise<{ id: string; version: number } | null> {
  const rows = await q
    .select({ id: v.id, version: v.version })
    .from(v)
    .where(and(eq(v.procedureId, procedureId), eq(v.status, 'draft')))
    .limit(1);
  return rows[0] ?? null;
}

/** Published versions of a procedure still in force on or after `from` (the ones a new publication must close). */
export async function publishedOpenFrom(q: Queryable, procedureId: string, from: string, exceptId: string) {
  return q
    .select({ id: v.id, effectiveFrom: v.effectiveFrom, effectiveTo: v.effectiveTo, version: v.version })
    .from(v)
    .where(and(eq(v.procedureId, procedureId), eq(v.status, 'published'), ne(v.id, exceptId), or(isNull(v.effectiveTo), gte(v.effectiveTo, from))));
}

// Every version column but the e-form, for list reads: a form is 10–20 kB of JSON no list row shows.
const { eForm: _eForm, ...listColumns } = getTableColumns(v);

/**
 * Loads full records (units and steps included) in the order of `ids`. `forList` leaves the e-form out (`eForm` is
 * null): for search and list rows, whose presenters never show it.
 */
export async function loadVersions(q: Queryable, ids: readonly string[], options: { forList?: boolean } = {}): Promise<VersionRecord[]> {
  if (ids.length === 0) return [];
  const rows = await q
    .select({ version: options.forList ? { ...listColumns, eForm: sql<null>`null` } : v, code: p.code, codeSource: p.codeSource })
    .from(v)
    .innerJoin(p, eq(p.id, v.procedureId))
    .where(inArray(v.id, [...ids]));
  const unitRows = await q
    .select()
    .from(catalogVersionUnits)
    .where(inArray(catalogVersionUnits.versionId, [...ids]))
    .orderBy(asc(catalogVersionUnits.position));
  const stepRows = await q
    .select()
    .from(catalogWorkflowSteps)
    .where(inArray(catalogWorkflowSteps.versionId, [...ids]))
    .orderBy(asc(catalogWorkflowSteps.position));
  const units = new Map((await unitsByIds(q, [...unitRows.map((u) => u.orgUnitId), ...stepRows.flatMap((s) => (s.orgUnitId ? [s.orgUnitId] : []))])).map((u) => [u.id, u]));
  const byId = new Map(
    rows.map((r) => [
      r.version.id,
      {
        ...r.version,
        code: r.code,
        codeSource: r.codeSource as 'national' | 'local',
        status: r.version.status as VersionStatus,
        levels: r.version.levels as Level[],
        onlineMode: r.version.onlineMode as OnlineMode | null,
        units: unitRows.filter((u) => u.versionId === r.version.id).flatMap((u) => (units.has(u.orgUnitId) ? [units.get(u.orgUnitId)!] : [])),
        steps: stepRows
          .filter((s) => s.versionId === r.version.id)
          .map((s) => ({
            position: s.position,
            name: s.name,
            unitRef: s.unitRef as StepUnitRef,
            orgUnitId: s.orgUnitId,
            orgUnitName: s.orgUnitId ? (units.get(s.orgUnitId)?.name ?? null) : null,
            role: s.role as WorkflowRole,
            budgetMinutes: s.budgetMinutes,
            interAgency: s.interAgency,
          })),
      } satisfies VersionRecord,
    ]),
  );
  return ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
}

/** One full record, or null. */
export async function loadVersion(q: Queryable, id: string): Promise<VersionRecord | null> {
  return (await loadVersions(q, [id]))[0] ?? null;
}

// ---------------------------------------------------------------- public reads

/** Published versions in force on `today` (effective_to is the last day, inclusive). */
function inForce(today: string): SQL {
  return and(eq(v.status, 'published'), lte(v.effectiveFrom, today), or(isNull(v.effectiveTo), gte(v.effectiveTo, today)))!;
}

/** Filters of the public search. */
export interface SearchFilter {
  q?: string;
  field?: string;
  level?: Level;
  onlineMode?: OnlineMode;
  /** Restrict to versions implemented by one of these units (a unit's subtree). */
  unitIds?: string[];
  page: number;
  pageSize: number;
}

/** Public search over versions in force: every word of `q` must appear in the accent-free name or code. */
export async function searchInForce(q: Queryable, filter: SearchFilter, today: string): Promise<{ ids: string[]; total: number }> {
  const conds: SQL[] = [inForce(today)];
  for (const word of normaliseSearch(filter.q ?? '')
    .split(' ')
    .filter(Boolean)) {
    conds.push(sql`${v.searchText} like ${`%${likeEscape(word)}%`}`);
  }
  if (filter.field) conds.push(eq(v.field, filter.field));
  if (filter.level) conds.push(sql`${filter.level} = any(${v.levels})`);
  if (filter.onlineMode) conds.push(eq(v.onlineMode, filter.onlineMode));
  if (filter.unitIds) {
    if (filter.unitIds.length === 0) return { ids: [], total: 0 };
    conds.push(sql`exists (select 1 from ${catalogVersionUnits} where ${catalogVersionUnits.versionId} = ${v.id} and ${inArray(catalogVersionUnits.orgUnitId, filter.unitIds)})`);
  }
  const where = and(...conds);
  const [rows, count] = await Promise.all([
    q
      .select({ id: v.id })
      .from(v)
      .where(where)
      // Byte order on the accent-free text: the same in every backend and locale.
      .orderBy(sql`${v.searchText} collate "C"`, asc(v.id))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    q
      .select({ n: sql<number>`count(*)::int` })
      .from(v)
      .where(where),
  ]);
  return { ids: rows.map((r) => r.id), total: Number(count[0]?.n ?? 0) };
}

/** Names one procedure: by its code (as published) or by its id (stable across versions). */
export type ProcedureKey = { code: string } | { procedureId: string };

/** The version of a procedure in force on `day`. */
export async function inForceId(q: Queryable, key: ProcedureKey, day: string): Promise<string | null> {
  const rows = await q
    .select({ id: v.id })
    .from(v)
    .innerJoin(p, eq(p.id, v.procedureId))
    .where(and('code' in key ? eq(p.code, key.code) : eq(v.procedureId, key.procedureId), inForce(day)))
    .orderBy(desc(v.effectiveFrom))
    .limit(1);
  return rows[0]?.id ?? null;
}

/** Fields (lĩnh vực) of the procedures in force, with how many each has. */
export async function fieldsInForce(q: Queryable, today: string): Promise<Array<{ name: string; count: number }>> {
  const rows = await q
    .select({ name: v.field, count: sql<number>`count(*)::int` })
    .from(v)
    .where(and(inForce(today), sql`${v.field} is not null`))
    .groupBy(v.field)
    .orderBy(sql`count(*) desc`, sql`${v.field} collate "C"`);
  return rows.map((r) => ({ name: r.name!, count: Number(r.count) }));
}

/** Units that carry out at least one procedure in force on `today`, with how many, by name. */
export async function implementingUnitsInForce(q: Queryable, today: string): Promise<Array<{ id: string; name: string; count: number }>> {
  const rows = await q
    .select({ id: catalogVersionUnits.orgUnitId, count: sql<number>`count(distinct ${v.id})::int` })
    .from(catalogVersionUnits)
    .innerJoin(v, eq(v.id, catalogVersionUnits.versionId))
    .where(inForce(today))
    .groupBy(catalogVersionUnits.orgUnitId);
  const units = new Map(
    (
      await unitsByIds(
        q,
        rows.map((r) => r.id),
      )
    ).map((u) => [u.id, u]),
  );
  return rows
    .flatMap((r) => {
      const unit = units.get(r.id);
      return unit ? [{ id: r.id, name: unit.name, count: Number(r.count) }] : [];
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

// ---------------------------------------------------------------- back-office list

/** Back-office list of version ids, most recently changed first. */
export async function listVersionIds(
  q: Queryable,
  filter: { q?: string; status?: VersionStatus; procedureId?: string; page: number; pageSize: number; adminScopes: 'all' | string[] },
): Promise<{ ids: string[]; total: number }> {
  const conds: SQL[] = [];
  if (filter.adminScopes !== 'all') conds.push(or(ne(v.status, 'draft'), administeredWithin(filter.adminScopes))!);
  for (const word of normaliseSearch(filter.q ?? '')
    .split(' ')
    .filter(Boolean))
    conds.push(sql`${v.searchText} like ${`%${likeEscape(word)}%`}`);
  if (filter.status) conds.push(eq(v.status, filter.status));
  if (filter.procedureId) conds.push(eq(v.procedureId, filter.procedureId));
  const where = conds.length ? and(...conds) : undefined;
  const [rows, count] = await Promise.all([
    q
      .select({ id: v.id })
      .from(v)
      .where(where)
      .orderBy(desc(v.updatedAt), asc(v.id))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    q
      .select({ n: sql<number>`count(*)::int` })
      .from(v)
      .where(where),
  ]);
  return { ids: rows.map((r) => r.id), total: Number(count[0]?.n ?? 0) };
}

/**
 * A version with at least one implementing unit and every one of them within one of `scopes`: the catalog's admin
 * policy (adminInScope) as a query condition. No scope matches nothing.
 */
function administeredWithin(scopes: string[]): SQL {
  if (scopes.length === 0) return sql`false`;
  const vu = catalogVersionUnits;
  const u = identityOrgUnits;
  const inScope = or(...scopes.map((scope) => sqlIsWithin(u.path, scope)))!;
  return and(
    sql`exists (select 1 from ${vu} where ${vu.versionId} = ${v.id})`,
    sql`not exists (select 1 from ${vu} join ${u} on ${u.id} = ${vu.orgUnitId} where ${vu.versionId} = ${v.id} and not (${inScope}))`,
  )!;
}

/** How many procedures exist (the demo seed runs only on an empty catalogue). */
export async function countProcedures(q: Queryable): Promise<number> {
  const rows = await q.select({ n: sql<number>`count(*)::int` }).from(p);
  return Number(rows[0]?.n ?? 0);
}

/**
 * The fields the data-quality worklist judges, for every draft and published version (withdrawn ones are history) the
 * actor administers (`adminScopes`: 'all', or the unit paths whose versions are theirs).
 */
export async function qualityRows(q: Queryable, statuses: readonly VersionStatus[], adminScopes: 'all' | string[]) {
  return q
    .select({
      versionId: v.id,
      code: p.code,
      name: v.name,
      status: v.status,
      revision: v.revision,
      processingTimes: v.processingTimes,
      processingTimeText: v.processingTimeText,
      onlineMode: v.onlineMode,
      fees: v.fees,
      documentIssues: v.documentIssues,
    })
    .from(v)
    .innerJoin(p, eq(p.id, v.procedureId))
    .where(and(inArray(v.status, [...statuses]), adminScopes === 'all' ? undefined : administeredWithin(adminScopes)))
    .orderBy(asc(p.code), asc(v.revision));
}

/** How many procedures in force on `day` the units carry out, per online mode (null: none stated), optionally of some codes only. */
export async function countInForceByOnlineMode(
  q: Queryable,
  filter: { unitIds: readonly string[]; day: string; codes: readonly string[] | null },
): Promise<Array<{ mode: string | null; n: number }>> {
  if (filter.unitIds.length === 0) return [];
  const rows = await q
    .select({ mode: v.onlineMode, n: sql<number>`count(distinct ${v.procedureId})::int` })
    .from(v)
    .innerJoin(catalogVersionUnits, eq(catalogVersionUnits.versionId, v.id))
    .innerJoin(p, eq(p.id, v.procedureId))
    .where(and(inForce(filter.day), inArray(catalogVersionUnits.orgUnitId, [...filter.unitIds]), filter.codes ? inArray(p.code, [...filter.codes]) : undefined))
    .groupBy(v.onlineMode);
  return rows.map((r) => ({ mode: r.mode, n: Number(r.n) }));
}

/** The codes of the procedures in force on `day` that the units carry out, with the online mode of that version. */
export async function inForceCodesOfUnits(q: Queryable, filter: { unitIds: readonly string[]; day: string }): Promise<Array<{ code: string; mode: string | null }>> {
  if (filter.unitIds.length === 0) return [];
  return q
    .selectDistinct({ code: p.code, mode: v.onlineMode })
    .from(v)
    .innerJoin(catalogVersionUnits, eq(catalogVersionUnits.versionId, v.id))
    .innerJoin(p, eq(p.id, v.procedureId))
    .where(and(inForce(filter.day), inArray(catalogVersionUnits.orgUnitId, [...filter.unitIds])));
}
