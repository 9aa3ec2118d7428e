// What a submission still lacks, by the same rules the desk applies (dossiers use-cases/intake-checklist.ts, D16):
// §3.1 step 1 — the desk checks the dossier against the published list and "must not ask for papers outside the
// published list", so the portal asks for exactly the catalog version's required documents, by their groups:
// - a document without a group must be attached;
// - `one-of`: exactly one of the alternatives (the paper declaration or its electronic form, for instance);
// - `conditional`: only when the applicant declares the case, and then at least one of its documents;
// - `to-present` (giấy tờ phải xuất trình): shown for checking and never kept; online there is nothing to show at a
//   counter, so a scan may be attached for the check but is not required (the desk still receives without it, as at
//   the counter, where the checklist does not require presented papers either);
// - the electronic form: when the version has an e-form (mẫu điện tử tương tác), the alternative of a one-of group
//   that names the electronic/online declaration ("Mẫu hộ tịch điện tử tương tác …, nếu … nộp hồ sơ theo hình thức
//   trực tuyến", as the importer pairs them, D16) is filled in by answering the e-form, not by attaching a file
//   (NĐ 45/2020/NĐ-CP: the e-form is the electronic declaration). Its answers are checked by the catalog's validator.
// Pure functions: the use cases read the rows, these say what is missing, and submitting refuses until nothing is.
import type { ChecklistItem } from '../../../contracts/dossiers/dossiers.contracts';
import { ApplicantSchema, type Applicant } from '../../../contracts/dossiers/dossiers.contracts';
import type { RequirementStatus } from '../../../contracts/submissions/submissions.contracts';
import type { ProcedureVersionView } from '../catalog';
import type { ApplicantDraftRow } from './submissions.tables';

type Catalog = Pick<ProcedureVersionView, 'requiredDocuments' | 'documentGroups' | 'eForm'>;
type Group = Catalog['documentGroups'][number];

/** One thing to fix: where, and an i18n key with its parameters. */
export interface Problem {
  path: string;
  code: string;
  params?: Record<string, unknown>;
}

/** A required document of the version with its key and group. */
export interface RequirementDef {
  key: string;
  name: string;
  originals: number | null;
  copies: number | null;
  note: string | null;
  group: Group | null;
}

/** The key of the document at `index` in the version's required documents (stable: a published version never changes). */
export const requirementKeyOf = (index: number): string => `d${index + 1}`;

/** Words by which a one-of alternative names the electronic/online declaration (the desk's plainChecklist reads them too). */
const ELECTRONIC_FORM = /trực tuyến|điện tử/i;

/** Keys of the documents the version's e-form stands for (none without an e-form): see the file comment. */
export function eFormRequirementKeys(version: Catalog): Set<string> {
  if (!version.eForm) return new Set();
  const oneOf = new Set(version.documentGroups.filter((g) => g.kind === 'one-of').map((g) => g.key));
  const keys = new Set<string>();
  const chosen = new Set<string>();
  version.requiredDocuments.forEach((d, i) => {
    // One per group: two alternatives both naming the online channel are still alternatives.
    if (d.group && oneOf.has(d.group) && !chosen.has(d.group) && ELECTRONIC_FORM.test(d.name)) {
      chosen.add(d.group);
      keys.add(requirementKeyOf(i));
    }
  });
  return keys;
}

/** The version's required documents with their keys and groups. */
export function requirementsOf(version: Catalog): RequirementDef[] {
  const groups = new Map(version.documentGroups.map((g) => [g.key, g]));
  return version.requiredDocuments.map((d, i) => ({
    key: requirementKeyOf(i),
    name: d.name,
    originals: d.originals,
    copies: d.copies,
    note: d.note,
    group: d.group ? (groups.get(d.group) ?? null) : null,
  }));
}

/** The content of a submission the checks read. */
export interface SubmissionContent {
  applicant: ApplicantDraftRow;
  conditions: readonly string[];
  resultDelivery: string | null;
  handlingUnitId: string | null;
}

/** What the checks found: each requirement's status, and the problems in the order a form shows them. */
export interface CompletenessResult {
  statuses: Map<string, RequirementStatus>;
  problems: Problem[];
}

/**
 * Checks the documents: each requirement's status and the problems that stop submitting. `fileCounts` gives the
 * number of files attached per requirement key (keys the version does not know are reported: a draft moved to a new
 * version keeps the files the citizen attached, for them to move or remove).
 */
export function checkDocuments(version: Catalog, conditions: readonly string[], fileCounts: ReadonlyMap<string, number>): CompletenessResult {
  const defs = requirementsOf(version);
  const statuses = new Map<string, RequirementStatus>();
  const problems: Problem[] = [];
  const applied = new Set(conditions);
  const byEForm = eFormRequirementKeys(version);
  const has = (d: RequirementDef) => byEForm.has(d.key) || (fileCounts.get(d.key) ?? 0) > 0;

  for (const d of defs.filter((x) => x.group === null)) {
    statuses.set(d.key, has(d) ? 'attached' : 'missing');
    if (!has(d)) problems.push({ path: `documents.${d.key}`, code: 'submissions.errors.documentMissing', params: { name: short(d.name) } });
  }
  for (const g of version.documentGroups) {
    const members = defs.filter((d) => d.group?.key === g.key);
    if (members.length === 0) continue;
    const attached = members.filter(has);
    if (g.kind === 'one-of') {
      if (attached.length === 0) {
        for (const d of members) statuses.set(d.key, 'missing');
        problems.push({ path: `groups.${g.key}`, code: 'dossiers.errors.alternativeRequired', params: { names: members.map((d) => short(d.name)).join(' / ') } });
      } else if (attached.length === 1) {
        for (const d of members) statuses.set(d.key, has(d) ? 'attached' : 'not-applicable');
      } else {
        for (const d of members) statuses.set(d.key, has(d) ? 'too-many' : 'not-applicable');
        problems.push({ path: `groups.${g.key}`, code: 'dossiers.errors.alternativesSeveral' });
      }
    } else if (g.kind === 'conditional') {
      if (applied.has(g.key)) {
        for (const d of members) statuses.set(d.key, has(d) ? 'attached' : attached.length > 0 ? 'optional' : 'missing');
        if (attached.length === 0) problems.push({ path: `groups.${g.key}`, code: 'dossiers.errors.conditionDocumentsMissing', params: { condition: g.condition } });
      } else {
        for (const d of members) {
          statuses.set(d.key, has(d) ? 'too-many' : 'not-applicable');
          if (has(d)) problems.push({ path: `documents.${d.key}`, code: 'dossiers.errors.documentNotApplicable', params: { condition: g.condition } });
        }
      }
    } else {
      for (const d of members) statuses.set(d.key, has(d) ? 'attached' : 'optional');
    }
  }
  // A document naming a group the version does not define is handed in like one without a group (the desk does the same).
  for (const d of defs) {
    if (statuses.has(d.key)) continue;
    statuses.set(d.key, has(d) ? 'attached' : 'missing');
    if (!has(d)) problems.push({ path: `documents.${d.key}`, code: 'submissions.errors.documentMissing', params: { name: short(d.name) } });
  }
  const known = new Set(defs.map((d) => d.key));
  for (const [key, n] of fileCounts) {
    if (n > 0 && !known.has(key)) problems.push({ path: `documents.${key}`, code: 'submissions.errors.requirementUnknown' });
  }
  // No empty dossier (D16): the desk never receives one whose catalog lists papers to keep and none is attached.
  const keepsSomething = defs.some((d) => d.group?.kind !== 'to-present');
  const keptAttached = defs.some((d) => d.group?.kind !== 'to-present' && has(d) && statuses.get(d.key) === 'attached');
  if (keepsSomething && !keptAttached && problems.length === 0) problems.push({ path: 'documents', code: 'submissions.errors.documentsEmpty' });
  return { statuses, problems };
}

/** Checks the declared cases: each must be one of the version's conditional groups. */
export function checkConditions(version: Catalog, conditions: readonly string[]): Problem[] {
  const conditional = new Set(version.documentGroups.filter((g) => g.kind === 'conditional').map((g) => g.key));
  return conditions.flatMap((key, i) => (conditional.has(key) ? [] : [{ path: `conditions.${i}`, code: 'dossiers.errors.conditionUnknown' }]));
}

/**
 * The applicant checked with the desk's own schema (dossiers ApplicantSchema), so what the desk receives is what a
 * counter intake would accept. Returns the parsed applicant, or the problems under `applicant.<field>`.
 */
export function checkApplicant(a: ApplicantDraftRow): { applicant: Applicant | null; problems: Problem[] } {
  if (a.kind === null) return { applicant: null, problems: [{ path: 'applicant.kind', code: 'submissions.errors.applicantKindRequired' }] };
  const parsed = ApplicantSchema.safeParse({ kind: a.kind, name: a.name ?? '', idNumber: a.idNumber ?? '', phone: a.phone, email: a.email, address: a.address });
  if (parsed.success) {
    // Without a way to reach the applicant the desk's slips (Mẫu 01–03) could not be sent electronically.
    if (!parsed.data.email && !parsed.data.phone) return { applicant: null, problems: [{ path: 'applicant.email', code: 'submissions.errors.contactRequired' }] };
    return { applicant: parsed.data, problems: [] };
  }
  const problems = parsed.error.issues.map((issue) => ({
    path: ['applicant', ...issue.path.map(String)].join('.'),
    // The schema's own rules carry i18n keys as messages (contracts' convention); anything else (a type error, zod's
    // own wording) gets the module's general message.
    code: MESSAGE_KEY.test(issue.message) ? issue.message : 'submissions.errors.applicantInvalid',
  }));
  return { applicant: null, problems };
}

/**
 * Checks how the result is to be delivered: required, and for a fully online service (toàn trình, NĐ 42/2022 Điều 11
 * khoản 1) returned online or by public post, never only at a counter.
 */
export function checkResultDelivery(onlineMode: string | null, resultDelivery: string | null): Problem[] {
  if (resultDelivery === null) return [{ path: 'resultDelivery', code: 'submissions.errors.resultDeliveryRequired' }];
  if (onlineMode === 'full' && resultDelivery === 'desk') return [{ path: 'resultDelivery', code: 'submissions.errors.resultDeliveryNotOnline' }];
  return [];
}

/** Checks the chosen handling agency: one of the version's implementing units. */
export function checkHandlingUnit(version: Pick<ProcedureVersionView, 'implementingUnits'>, handlingUnitId: string | null): Problem[] {
  if (handlingUnitId === null) return [];
  const allowed = version.implementingUnits.map((u) => u.id);
  return allowed.includes(handlingUnitId) ? [] : [{ path: 'handlingUnitId', code: 'dossiers.errors.handlingUnitInvalid' }];
}

/**
 * The desk checklist built from the attached files and the e-form (what Mẫu 01, 02 or 03 lists): one line per
 * required document with files or filled in by the e-form, in catalog order, under the catalog's name. An electronic dossier holds electronic copies (NĐ 45/2020:
 * e-documents or scans of the papers), counted as one copy each — no paper original was handed in. A paper to present
 * is marked as shown, never kept (D16).
 */
export function checklistFromFiles(version: Catalog, fileCounts: ReadonlyMap<string, number>): ChecklistItem[] {
  const byEForm = eFormRequirementKeys(version);
  return requirementsOf(version)
    .filter((d) => byEForm.has(d.key) || (fileCounts.get(d.key) ?? 0) > 0)
    .map((d) =>
      // The e-form is the declaration itself, made electronically: an original, not a copy of a paper.
      byEForm.has(d.key) ? { name: d.name, originals: 1, copies: 0, presented: false } : { name: d.name, originals: 0, copies: 1, presented: d.group?.kind === 'to-present' },
    );
}

/** An i18n key as the contracts write them in zod messages: `<module>.errors.<name>`. */
const MESSAGE_KEY = /^[a-z]+\.errors\.[A-Za-z]+$/;

/** A document name short enough for a message (published names may be whole paragraphs). */
function short(name: string): string {
  return name.length > 120 ? `${name.slice(0, 117)}…` : name;
}
