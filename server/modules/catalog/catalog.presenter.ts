import type { Actor } from '../../platform/access';
import { can } from '../../platform/access';
import type { OnlineMode, ProcedureSummary, ProcedureVersion, PublicProcedure, VersionSummary } from '../../../contracts/catalog/catalog.contracts';
import type { OnlineService } from '../../../contracts/catalog/eform.contracts';
import { CATALOG_ACTIONS, type ProcedureSubject } from './catalog.policy';
import type { VersionRecord } from './catalog.repository';

/** The policy subject of a version: where its implementing units sit in the tree. */
export function subjectOf(r: Pick<VersionRecord, 'units'>): ProcedureSubject {
  return { unitPaths: r.units.map((u) => u.path) };
}

/**
 * The online service of a catalog online mode (NĐ 42/2022/NĐ-CP Điều 11 khoản 1, domain README §6.2): toàn trình and
 * một phần take the dossier online; "information only" and a catalog that is silent offer no online submission.
 */
export function onlineServiceOf(mode: OnlineMode | null): OnlineService {
  return mode === 'full' || mode === 'partial' ? { mode, submission: true } : { mode: 'none', submission: false };
}

/** A search result row. */
export function presentSummary(r: VersionRecord): ProcedureSummary {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    field: r.field,
    level: r.levelText,
    levels: r.levels,
    onlineMode: r.onlineMode,
    onlineService: onlineServiceOf(r.onlineMode),
    processingTimeText: r.processingTimeText,
    timeReadable: r.timeReadable,
    feeText: r.feeText,
    implementingUnits: r.units.map((u) => ({ id: u.id, name: u.name })),
  };
}

/** The public detail of a version (no workflow, no internal bookkeeping). */
export function presentPublic(r: VersionRecord): PublicProcedure {
  return {
    id: r.id,
    procedureId: r.procedureId,
    code: r.code,
    codeSource: r.codeSource,
    revision: r.revision,
    effectiveFrom: r.effectiveFrom,
    effectiveTo: r.effectiveTo,
    name: r.name,
    field: r.field,
    fieldGroup: r.fieldGroup,
    level: r.levelText,
    levels: r.levels,
    implementingUnits: r.units.map((u) => ({ id: u.id, code: u.code, name: u.name })),
    implementingAgencyText: r.implementingAgencyText,
    applicants: r.applicants,
    results: r.results,
    onlineMode: r.onlineMode,
    onlineModeText: r.onlineModeText,
    onlineService: onlineServiceOf(r.onlineMode),
    eForm: r.eForm ?? null,
    processingTimeText: r.processingTimeText,
    processingTimes: r.processingTimes,
    timeReadable: r.timeReadable,
    feeText: r.feeText,
    fees: r.fees,
    // Documents stored before groups existed have no `group`: they must be handed in.
    requiredDocuments: r.requiredDocuments.map((d) => ({ ...d, group: d.group ?? null })),
    documentGroups: r.documentGroups,
    requiredDocumentsNote: r.requiredDocumentsNote,
    legalBasis: r.legalBasis,
    publishingDecision: r.publishingDecision,
    onTheSpot: r.onTheSpot,
    feeDue: r.feeDue,
    feeExemptions: r.feeExemptions,
  };
}

/** The administrator's notes on a version's source; never part of the public detail (issue 9 item 9). */
function presentNotes(r: VersionRecord) {
  return {
    processingTimeNote: r.processingTimeNote,
    source: r.source ?? null,
    confidence: r.confidence,
    confidenceNote: r.confidenceNote,
    notes: r.notes,
    documentIssues: r.documentIssues,
  };
}

/** A version with its workflow template, as other modules read it (no caller-specific actions). */
export type ProcedureVersionView = Omit<ProcedureVersion, 'actions' | 'openDraftId'>;

/** The version as other modules read it. */
export function presentVersionView(r: VersionRecord): ProcedureVersionView {
  return {
    ...presentPublic(r),
    ...presentNotes(r),
    status: r.status,
    workflow: r.steps,
    version: r.version,
    publishedAt: r.publishedAt?.toISOString() ?? null,
    withdrawnAt: r.withdrawnAt?.toISOString() ?? null,
    withdrawReason: r.withdrawReason,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/**
 * The back-office detail, with what this actor may do to it next. `openDraftId`: the procedure's draft when it is
 * another version (a new version cannot be started while one exists).
 */
export function presentVersion(r: VersionRecord, actor: Actor, openDraftId: string | null): ProcedureVersion {
  const subject = subjectOf(r);
  const manage = can(actor, CATALOG_ACTIONS.manage, subject);
  const publish = can(actor, CATALOG_ACTIONS.publish, subject);
  return {
    ...presentVersionView(r),
    openDraftId: openDraftId === r.id ? null : openDraftId,
    actions: {
      edit: manage && r.status === 'draft',
      publish: publish && r.status === 'draft',
      withdraw: publish && r.status === 'published',
      newVersion: manage && r.status !== 'draft' && !openDraftId,
    },
  };
}

/** A row of the back-office versions list. */
export function presentVersionSummary(r: VersionRecord): VersionSummary {
  return {
    id: r.id,
    procedureId: r.procedureId,
    code: r.code,
    name: r.name,
    field: r.field,
    status: r.status,
    revision: r.revision,
    effectiveFrom: r.effectiveFrom,
    effectiveTo: r.effectiveTo,
    timeReadable: r.timeReadable,
    version: r.version,
    updatedAt: r.updatedAt.toISOString(),
  };
}
