import type { EFormDefinition } from '../catalog/catalog.types';
import type { Requirement, SaveSubmissionRequest, SubmissionDetail, SubmissionProblem, SubmissionState } from './submissions.types';

/** Portal pages of online submission. */
export const SUBMISSION_PATHS = {
  /** Start (or resume) an application for a procedure, addressed by the procedure's stable id. */
  start: (procedureId: string) => `/nop-ho-so/${procedureId}`,
  /** The account's online applications. */
  mine: '/ho-so-nop-truc-tuyen',
  /** One application: edited while a draft or being completed, otherwise its status. */
  one: (id: string) => `/ho-so-nop-truc-tuyen/${id}`,
} as const;

/** Back-office pages of the desk's review. */
export const DESK_PATHS = {
  queue: '/admin/online-submissions',
  one: (id: string) => `/admin/online-submissions/${id}`,
} as const;

/** What the application's form holds: the parts of the draft a citizen edits (files are sent on their own). */
export interface SubmissionFormValues {
  receivingUnitId?: string;
  handlingUnitId?: string | null;
  resultDelivery?: SubmissionDetail['resultDelivery'];
  applicant: Partial<Record<keyof SubmissionDetail['applicant'], string | null>>;
  answers: Record<string, unknown>;
  conditions: string[];
}

/** The parts of the form a save sends (each replaces the stored one). */
export type SubmissionPart = 'receivingUnitId' | 'handlingUnitId' | 'resultDelivery' | 'applicant' | 'answers' | 'conditions';
export const SUBMISSION_PARTS: readonly SubmissionPart[] = ['receivingUnitId', 'handlingUnitId', 'resultDelivery', 'applicant', 'answers', 'conditions'];

/** The form's values from the stored application. */
export function formValuesOf(s: SubmissionDetail): SubmissionFormValues {
  return {
    receivingUnitId: s.receivingUnit.id,
    handlingUnitId: s.handlingUnit?.id ?? null,
    resultDelivery: s.resultDelivery,
    applicant: { ...s.applicant },
    answers: { ...s.answers },
    conditions: [...s.conditions],
  };
}

/** An answer as the API stores it: empty ones (cleared inputs give null or undefined) are left out. */
function cleanAnswers(answers: Record<string, unknown> | undefined): Record<string, string | number | boolean | string[]> {
  const out: Record<string, string | number | boolean | string[]> = {};
  for (const [key, value] of Object.entries(answers ?? {})) {
    if (value === null || value === undefined) continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out[key] = value;
    else if (Array.isArray(value)) out[key] = value.filter((v): v is string => typeof v === 'string');
  }
  return out;
}

/** The PATCH body for the parts that changed, at the version last read. */
export function saveBodyOf(values: Partial<SubmissionFormValues>, parts: Iterable<SubmissionPart>, version: number): SaveSubmissionRequest {
  const body: SaveSubmissionRequest = { version };
  for (const part of parts) {
    if (part === 'answers') body.answers = cleanAnswers(values.answers);
    else if (part === 'applicant') {
      const a = values.applicant ?? {};
      body.applicant = {
        kind: (a.kind as 'person' | 'organisation' | null | undefined) ?? null,
        name: a.name ?? null,
        idNumber: a.idNumber ?? null,
        phone: a.phone ?? null,
        email: a.email ?? null,
        address: a.address ?? null,
      };
    } else if (part === 'conditions') body.conditions = values.conditions ?? [];
    else if (part === 'resultDelivery') body.resultDelivery = values.resultDelivery ?? null;
    else if (part === 'handlingUnitId') body.handlingUnitId = values.handlingUnitId ?? null;
    else if (part === 'receivingUnitId' && values.receivingUnitId) body.receivingUnitId = values.receivingUnitId;
  }
  return body;
}

/** The top-level parts an antd `onValuesChange` touched. */
export function partsOf(changed: object): SubmissionPart[] {
  return Object.keys(changed).filter((k): k is SubmissionPart => (SUBMISSION_PARTS as readonly string[]).includes(k));
}

/**
 * The form field a problem of /missing (or of a refused submit, `submission.` prefixed) belongs to; null for the
 * documents and groups, which the documents card shows by requirement.
 */
export function problemField(path: string): Array<string | number> | null {
  const parts = path.replace(/^(body|submission)\./, '').split('.');
  const [head, ...rest] = parts;
  if ((head === 'applicant' || head === 'answers') && rest.length === 1) return [head, rest[0]!];
  if (head === 'resultDelivery' || head === 'handlingUnitId' || head === 'receivingUnitId') return [head];
  if (head === 'conditions') return ['conditions'];
  return null;
}

/** The problems of one requirement (`documents.<key>`) or of its group (`groups.<key>`). */
export function problemsOf(problems: readonly SubmissionProblem[], r: Pick<Requirement, 'key' | 'group'>): SubmissionProblem[] {
  return problems.filter((p) => p.path === `documents.${r.key}` || (r.group !== null && p.path === `groups.${r.group.key}`));
}

/** A block of the documents card: the catalog's way of grouping what to hand in (D16), in catalog order. */
export type RequirementBlock =
  | { kind: 'required'; items: Requirement[] }
  | { kind: 'one-of' | 'conditional' | 'to-present'; groupKey: string; label: string | null; condition: string | null; items: Requirement[] };

/**
 * The documents grouped as the catalog says: each document without a group on its own (to attach), then each group in
 * the order its first document appears (one of, only in a declared case, to present).
 */
export function requirementBlocks(requirements: readonly Requirement[]): RequirementBlock[] {
  const blocks: RequirementBlock[] = [];
  const byGroup = new Map<string, RequirementBlock & { groupKey: string }>();
  for (const r of requirements) {
    if (!r.group) {
      const last = blocks.at(-1);
      if (last?.kind === 'required') last.items.push(r);
      else blocks.push({ kind: 'required', items: [r] });
      continue;
    }
    const existing = byGroup.get(r.group.key);
    if (existing) {
      existing.items.push(r);
      continue;
    }
    const block = { kind: r.group.kind, groupKey: r.group.key, label: r.group.label, condition: r.group.condition, items: [r] };
    byGroup.set(r.group.key, block);
    blocks.push(block);
  }
  return blocks;
}

/** States in which the citizen edits the application (a draft, or one being completed after a guide). */
export const EDITABLE: readonly SubmissionState[] = ['DRAFT', 'GUIDED'];

/** Tag colour of a state. */
export function stateColor(state: SubmissionState): string {
  switch (state) {
    case 'DRAFT':
      return 'default';
    case 'SUBMITTED':
      return 'blue';
    case 'GUIDED':
      return 'orange';
    case 'ACCEPTED':
      return 'green';
    case 'REFUSED':
      return 'red';
    case 'WITHDRAWN':
      return 'default';
  }
}

/** One answer as text, by the e-form's field (option labels, dd/MM/yyyy dates, yes/no); null when not answered. */
export function answerText(definition: EFormDefinition, key: string, value: unknown, lang: string, yesNo: { yes: string; no: string }): string | null {
  const field = definition.sections.flatMap((s) => s.fields).find((f) => f.key === key);
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return null;
  const label = (v: string) => {
    const o = field?.options?.find((x) => x.value === v);
    return o ? (lang.startsWith('en') && o.label.en ? o.label.en : o.label.vi) : v;
  };
  if (typeof value === 'boolean') return value ? yesNo.yes : yesNo.no;
  if (Array.isArray(value)) return value.map((v) => label(String(v))).join('; ');
  if (field?.type === 'date' && typeof value === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    return m ? `${m[3]}/${m[2]}/${m[1]}` : value;
  }
  if (typeof value !== 'string' && typeof value !== 'number') return JSON.stringify(value);
  if (field?.type === 'select' || field?.type === 'radio') return label(String(value));
  return String(value);
}
