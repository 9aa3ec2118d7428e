// Submissions as the API shows them: to their owner (portal) or to the reviewing desk, with what the viewer may do next.
import { toVnIso } from '../../platform/calendar';
import { translate, type Locale } from '../../platform/i18n';
import type {
  DeskQueueItem,
  Requirement,
  SubmissionDecisionView,
  SubmissionDetail,
  SubmissionDossierView,
  SubmissionFile,
  SubmissionProblem,
  SubmissionSummary,
} from '../../../contracts/submissions/submissions.contracts';
import type { ApplicantDossierView, ApplicantIntakeDecision } from '../dossiers';
import type { ProcedureVersionView } from '../catalog';
import type { Problem } from './submissions.requirements';
import { eFormRequirementKeys, requirementsOf } from './submissions.requirements';
import type { SubmissionEventRow, SubmissionFileRow, SubmissionRow } from './submissions.repository';
import { allows, EDITABLE_STATES, statusCodeOf } from './submissions.workflow';
import type { RequirementStatus } from '../../../contracts/submissions/submissions.contracts';

const iso = (d: Date) => toVnIso(d);
const isoOrNull = (d: Date | null) => (d ? toVnIso(d) : null);

/** Who looks: the owning account (portal) or a reception officer of its desk; decides the links and the actions. */
export type Viewer = 'owner' | 'desk';

const API = '/api/v1';

/** Where the viewer opens a file, a slip of the dossier, and a guide/refusal slip. */
export const links = {
  file: (viewer: Viewer, submissionId: string, fileId: string) =>
    viewer === 'owner' ? `${API}/submissions/${submissionId}/files/${fileId}` : `${API}/submissions/desk/${submissionId}/files/${fileId}`,
  dossierSlip: (viewer: Viewer, submissionId: string, dossierId: string, slip: string) =>
    viewer === 'owner' ? `${API}/submissions/${submissionId}/dossier/slips/${slip}` : `${API}/dossiers/${dossierId}/slips/${slip}`,
  decisionSlip: (viewer: Viewer, submissionId: string, decisionId: string) =>
    viewer === 'owner' ? `${API}/submissions/${submissionId}/decisions/${decisionId}/slip` : `${API}/dossiers/intake-decisions/${decisionId}/slip`,
};

export function stateText(state: SubmissionRow['state'], locale: Locale): string {
  return translate(locale, `submissions.state.${state}`) ?? state;
}

/** A problem with its message in the viewer's language. */
export function presentProblem(p: Problem, locale: Locale): SubmissionProblem {
  return { path: p.path, code: p.code, message: translate(locale, p.code, p.params ?? {}) ?? p.code };
}

export function presentFile(viewer: Viewer, f: SubmissionFileRow): SubmissionFile {
  return {
    id: f.id,
    requirementKey: f.requirementKey,
    fileName: f.fileName,
    sizeBytes: f.sizeBytes,
    mediaType: f.mediaType,
    sha256: f.sha256,
    uploadedAt: iso(f.uploadedAt),
    url: links.file(viewer, f.submissionId, f.id),
  };
}

/** The version's required documents with their status and files (files of unknown keys are listed by the problems). */
export function presentRequirements(
  viewer: Viewer,
  version: Pick<ProcedureVersionView, 'requiredDocuments' | 'documentGroups' | 'eForm'>,
  files: SubmissionFileRow[],
  statuses: Map<string, RequirementStatus>,
): Requirement[] {
  const byEForm = eFormRequirementKeys(version);
  return requirementsOf(version).map((d) => ({
    key: d.key,
    filledByEForm: byEForm.has(d.key),
    name: d.name,
    originals: d.originals,
    copies: d.copies,
    note: d.note,
    group: d.group ? { key: d.group.key, kind: d.group.kind, label: d.group.label, condition: d.group.condition } : null,
    status: statuses.get(d.key) ?? 'missing',
    files: files.filter((f) => f.requirementKey === d.key).map((f) => presentFile(viewer, f)),
  }));
}

export function presentDecision(viewer: Viewer, submissionId: string, d: ApplicantIntakeDecision): SubmissionDecisionView {
  return { ...d, slipUrl: links.decisionSlip(viewer, submissionId, d.id) };
}

export function presentDossier(viewer: Viewer, submissionId: string, d: ApplicantDossierView): SubmissionDossierView {
  return { ...d, slips: d.slips.map((s) => ({ ...s, url: links.dossierSlip(viewer, submissionId, d.id, s.slip) })) };
}

/** Everything the detail is made of, read by the use case. */
export interface SubmissionBundle {
  row: SubmissionRow;
  version: ProcedureVersionView;
  inForce: boolean;
  units: Map<string, { id: string; code: string; name: string }>;
  files: SubmissionFileRow[];
  events: SubmissionEventRow[];
  statuses: Map<string, RequirementStatus>;
  problems: Problem[];
  decision: ApplicantIntakeDecision | null;
  dossier: ApplicantDossierView | null;
  /** Whether the desk viewer may decide (the use case asked the policy). */
  mayDecide: boolean;
}

/** The slip an event issued: the guide's or refusal's record, or the receipt of the dossier received. */
function slipOfEvent(viewer: Viewer, row: SubmissionRow, e: SubmissionEventRow): string | null {
  const decisionId = e.params.decisionId;
  if ((e.kind === 'guided' || e.kind === 'refused') && typeof decisionId === 'string') return links.decisionSlip(viewer, row.id, decisionId);
  if (e.kind === 'accepted' && row.dossierId) return links.dossierSlip(viewer, row.id, row.dossierId, 'receipt');
  return null;
}

const unitRef = (units: SubmissionBundle['units'], id: string) => units.get(id) ?? { id, code: '', name: '' };

export function presentDetail(viewer: Viewer, b: SubmissionBundle, locale: Locale): SubmissionDetail {
  const { row, version } = b;
  const editable = viewer === 'owner' && EDITABLE_STATES.includes(row.state);
  const known = new Set(requirementsOf(version).map((d) => d.key));
  return {
    id: row.id,
    reference: row.reference,
    state: row.state,
    statusCode: statusCodeOf(row.state, row.firstSubmittedAt !== null),
    stateText: stateText(row.state, locale),
    version: row.version,
    origin: row.origin,
    nationalCode: row.nationalCode,
    procedure: { versionId: row.procedureVersionId, code: row.procedureCode, name: row.procedureName, onlineMode: version.onlineMode, inForce: b.inForce },
    receivingUnit: unitRef(b.units, row.receivingUnitId),
    handlingUnit: row.handlingUnitId ? unitRef(b.units, row.handlingUnitId) : null,
    handlingUnitChoices: version.implementingUnits.map((u) => ({ id: u.id, code: u.code, name: u.name })),
    applicant: row.applicant,
    eForm: version.eForm,
    answers: row.answers,
    conditions: row.conditions,
    resultDelivery: row.resultDelivery,
    requirements: presentRequirements(viewer, version, b.files, b.statuses),
    otherFiles: b.files.filter((f) => !known.has(f.requirementKey)).map((f) => presentFile(viewer, f)),
    groups: version.documentGroups.map((g) => ({ key: g.key, kind: g.kind, label: g.label, condition: g.condition })),
    completeness: { complete: b.problems.length === 0, problems: b.problems.map((p) => presentProblem(p, locale)) },
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    firstSubmittedAt: isoOrNull(row.firstSubmittedAt),
    submittedAt: isoOrNull(row.submittedAt),
    decidedAt: isoOrNull(row.decidedAt),
    latestDecision: b.decision ? presentDecision(viewer, row.id, b.decision) : null,
    dossier: b.dossier ? presentDossier(viewer, row.id, b.dossier) : null,
    timeline: b.events.map((e) => ({
      at: iso(e.at),
      kind: e.kind,
      text: translate(locale, `submissions.timeline.${e.kind}`, e.params) ?? e.kind,
      actorLabel: e.actorLabel,
      slipUrl: slipOfEvent(viewer, row, e),
    })),
    actions: {
      edit: editable,
      submit: editable && allows('submit', row.state) && b.problems.length === 0 && b.inForce,
      withdraw: viewer === 'owner' && allows('withdraw', row.state),
      decide: viewer === 'desk' && b.mayDecide && row.state === 'SUBMITTED',
    },
  };
}

export function presentSummary(row: SubmissionRow, units: SubmissionBundle['units'], locale: Locale): SubmissionSummary {
  return {
    id: row.id,
    reference: row.reference,
    state: row.state,
    statusCode: statusCodeOf(row.state, row.firstSubmittedAt !== null),
    stateText: stateText(row.state, locale),
    procedureCode: row.procedureCode,
    procedureName: row.procedureName,
    applicantName: row.applicant.name,
    receivingUnit: unitRef(units, row.receivingUnitId),
    dossierCode: row.dossierCode,
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    submittedAt: isoOrNull(row.submittedAt),
  };
}

export function presentQueueItem(row: SubmissionRow, units: SubmissionBundle['units'], fileCount: number): DeskQueueItem {
  return {
    id: row.id,
    reference: row.reference!,
    procedureCode: row.procedureCode,
    procedureName: row.procedureName,
    applicantName: row.applicant.name,
    applicantIdNumber: row.applicant.idNumber,
    receivingUnit: unitRef(units, row.receivingUnitId),
    submittedAt: iso(row.submittedAt!),
    firstSubmittedAt: iso(row.firstSubmittedAt!),
    resubmitted: row.submittedAt!.getTime() !== row.firstSubmittedAt!.getTime(),
    origin: row.origin,
    nationalCode: row.nationalCode,
    fileCount,
    version: row.version,
  };
}
