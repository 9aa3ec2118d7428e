// Reads of the catalog: the public search and detail, and the back-office lists.
import type { Ctx } from '../../../platform/context/context';
import type { Queryable } from '../../../platform/db/database';
import { can } from '../../../platform/access';
import { AppError, notFound } from '../../../platform/errors';
import { adminScopes, adminUnitIds, CATALOG_ACTIONS } from '../catalog.policy';
import { subjectOf } from '../catalog.presenter';
import {
  QUALITY_ISSUES,
  type ListVersionsQuery,
  type OnlineMode,
  type SearchProceduresQuery,
  type VersionStatus,
  type WorklistQuery,
  type WorklistResponse,
} from '../../../../contracts/catalog/catalog.contracts';
import { qualityIssuesOf } from '../catalog.parsing';
import { subtreeUnitIds, unitsByIds } from '../catalog.org-units';
import {
  fieldsInForce,
  findDraftId,
  implementingUnitsInForce,
  inForceId,
  qualityRows,
  listVersionIds,
  loadVersion,
  loadVersions,
  searchInForce,
  type ProcedureKey,
  type VersionRecord,
} from '../catalog.repository';
import { today } from './manage-procedures';

/** Public search: published versions in force today, filtered and paged. */
export async function searchProcedures(ctx: Ctx, query: SearchProceduresQuery): Promise<{ items: VersionRecord[]; total: number }> {
  let unitIds: string[] | undefined;
  if (query.orgUnitId) unitIds = (await subtreeUnitIds(ctx.db, query.orgUnitId)) ?? [];
  const { ids, total } = await searchInForce(
    ctx.db,
    { q: query.q, field: query.field, level: query.level, onlineMode: query.onlineMode, unitIds, page: query.page, pageSize: query.pageSize },
    today(ctx),
  );
  return { items: await loadVersions(ctx.db, ids, { forList: true }), total };
}

/** The version of a procedure (by code or id) in force on `day` (YYYY-MM-DD), or null. */
export async function findInForce(q: Queryable, key: ProcedureKey, day: string): Promise<VersionRecord | null> {
  const id = await inForceId(q, key, day);
  return id ? loadVersion(q, id) : null;
}

/**
 * Public detail of the version in force today, by code (the portal's procedure page) or by the procedure's id (its
 * online submission page); 404 when the procedure is unknown, withdrawn or not yet in force.
 */
export async function getPublicProcedure(ctx: Ctx, key: ProcedureKey): Promise<VersionRecord> {
  const r = await findInForce(ctx.db, key, today(ctx));
  if (!r) throw notFound('procedure', 'code' in key ? key.code : key.procedureId);
  return r;
}

/** Fields (lĩnh vực) with how many procedures in force each has. */
export async function listFields(ctx: Ctx): Promise<Array<{ name: string; count: number }>> {
  return fieldsInForce(ctx.db, today(ctx));
}

/** Units that carry out procedures in force (public, for the portal's filter). */
export async function listImplementingUnits(ctx: Ctx): Promise<Array<{ id: string; name: string; count: number }>> {
  return implementingUnitsInForce(ctx.db, today(ctx));
}

/** Back-office list of versions (any status; drafts only where the actor may read them). */
export async function listVersions(ctx: Ctx, query: ListVersionsQuery): Promise<{ items: VersionRecord[]; total: number }> {
  const { ids, total } = await listVersionIds(ctx.db, { ...query, adminScopes: adminScopes(ctx.actor) });
  return { items: await loadVersions(ctx.db, ids, { forList: true }), total };
}

/** The id of the procedure's draft, when there is one the actor may read (a draft is its own: null for a draft). */
export async function openDraftOf(ctx: Ctx, version: VersionRecord): Promise<string | null> {
  if (version.status === 'draft') return null;
  const draftId = (await findDraftId(ctx.db, version.procedureId))?.id;
  if (!draftId) return null;
  const draft = await loadVersion(ctx.db, draftId);
  return draft && can(ctx.actor, CATALOG_ACTIONS.readDraft, subjectOf(draft)) ? draftId : null;
}

/** One version for the back office; a draft only for those whose units carry it out (403 otherwise). */
export async function getVersion(ctx: Ctx, id: string): Promise<VersionRecord> {
  const r = await loadVersion(ctx.db, id);
  if (!r) throw notFound('procedureVersion', id);
  if (r.status === 'draft' && !can(ctx.actor, CATALOG_ACTIONS.readDraft, subjectOf(r))) throw new AppError('FORBIDDEN', { action: CATALOG_ACTIONS.readDraft });
  return r;
}

/**
 * The catalog administrator's data-quality worklist (issue 9 item 9): drafts and published versions with at least one
 * finding, filtered by issue and status, with how many versions have each issue. Only the versions the actor
 * administers (a unit admin: those carried out by their units; a system admin: all), the ones they can correct.
 * Computed from the stored content (a province's catalogue is a few thousand versions), so it is always current.
 */
export async function listQualityWorklist(ctx: Ctx, query: WorklistQuery): Promise<WorklistResponse> {
  const statuses: VersionStatus[] = query.status ? [query.status] : ['draft', 'published'];
  const scopes = adminScopes(ctx.actor);
  const [found, units] = await Promise.all([qualityRows(ctx.db, statuses, scopes), scopes === 'all' ? [] : unitsByIds(ctx.db, adminUnitIds(ctx.actor))]);
  const rows = found.map((r) => ({ ...r, issues: qualityIssuesOf({ ...r, onlineMode: r.onlineMode as OnlineMode | null }) }));
  const counts = Object.fromEntries(QUALITY_ISSUES.map((i) => [i, rows.filter((r) => r.issues.includes(i)).length])) as WorklistResponse['counts'];
  const matching = rows.filter((r) => (query.issue ? r.issues.includes(query.issue) : r.issues.length > 0));
  const page = matching.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
  return {
    total: matching.length,
    counts,
    scope: { all: scopes === 'all', units: units.map((u) => ({ id: u.id, name: u.name })).sort((a, b) => a.name.localeCompare(b.name, 'vi')) },
    items: page.map((r) => ({
      versionId: r.versionId,
      code: r.code,
      name: r.name,
      status: r.status as VersionStatus,
      revision: r.revision,
      issues: r.issues,
      timeText: r.issues.includes('time-unreadable') ? (r.processingTimeText ?? r.processingTimes.map((t) => t.raw).join('; ')) : null,
      unparsedFees: [...new Set(r.fees.filter((f) => f.amountVnd === null && f.text !== null).map((f) => f.text!))],
      documentIssues: r.documentIssues.length,
    })),
  };
}
