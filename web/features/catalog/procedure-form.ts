import type {
  ChannelScope,
  CreateProcedureRequest,
  DocumentGroupKind,
  DocumentIssue,
  DurationUnit,
  FeeDue,
  FeeExemption,
  Level,
  OnlineMode,
  ProcedureVersion,
  StepUnitRef,
  UpdateProcedureRequest,
  WorkflowRole,
} from './catalog.types';
import { MINUTES_PER_WORKING_DAY } from './catalog.types';
import { eFormToJson, parseEFormJson } from './eform-rules';
import { foldVietnamese } from '../../ui/text';

/** Step budgets are entered in working days or working hours and stored in working minutes (domain README §19.3). */
export type BudgetUnit = 'working-days' | 'working-hours';

/** One workflow step as the form holds it. */
export interface StepValues {
  name: string;
  unitRef: StepUnitRef;
  orgUnitId?: string | null;
  role: WorkflowRole;
  budgetValue?: number | null;
  budgetUnit: BudgetUnit;
  interAgency?: boolean;
}

/**
 * One fee exemption or reduction as the form holds it. `key` is what the desk's decisions record: a stored row keeps
 * its own (`stored`, shown but not editable); a new row may be given one, else it is made from its subject on saving.
 */
export interface ExemptionValues {
  key?: string | null;
  subject?: string;
  percent?: number | null;
  basis?: string | null;
  /** Loaded from the stored version: its key is fixed. Never sent. */
  stored?: boolean;
}

/** What an exemption's key may be (the contract's rule). */
export const EXEMPTION_KEY_PATTERN = /^[a-z0-9-]{1,40}$/;
const KEY_MAX = 40;

/** A key from a subject: lower case without diacritics, words joined by dashes ("Hộ nghèo" → "ho-ngheo"), ≤ 40 characters. */
export function exemptionSlug(subject: string): string {
  const slug = foldVietnamese(subject)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, KEY_MAX).replace(/-+$/, '') || 'doi-tuong';
}

/**
 * The keys the rows are saved under, in order: a row's own key when it has one, else one made from its subject and
 * made unique against every other row's ("ho-ngheo", "ho-ngheo-2"...).
 */
export function exemptionKeys(rows: readonly ExemptionValues[]): string[] {
  const own = rows.map((r) => r.key?.trim() || null);
  const used = new Set(own.filter((k): k is string => k !== null));
  return rows.map((r, i) => {
    const given = own[i];
    if (given) return given;
    const base = exemptionSlug(r.subject ?? '');
    let key = base;
    for (let n = 2; used.has(key); n++) {
      const suffix = `-${n}`;
      key = `${base.slice(0, KEY_MAX - suffix.length).replace(/-+$/, '')}${suffix}`;
    }
    used.add(key);
    return key;
  });
}

/** Stored exemptions as form rows (their keys fixed). */
export function exemptionsToForm(list: readonly FeeExemption[]): ExemptionValues[] {
  return list.map((e) => ({ key: e.key, subject: e.subject, percent: e.percent, basis: e.basis, stored: true }));
}

/** The procedure editor's form values. */
export interface ProcedureFormValues {
  code?: string;
  name: string;
  field?: string | null;
  levels?: Level[];
  implementingUnitIds?: string[];
  onlineMode?: OnlineMode | null;
  applicants?: string | null;
  results?: string[];
  processingTimeText?: string | null;
  processingTimeNote?: string | null;
  feeText?: string | null;
  processingTimes?: Array<{ channel: ChannelScope; amount?: number | null; unit?: DurationUnit | null; raw?: string | null }>;
  fees?: Array<{ channel: ChannelScope; amountVnd?: number | null; text?: string | null; note?: string | null }>;
  requiredDocuments?: Array<{ name: string; originals?: number | null; copies?: number | null; case?: string | null; note?: string | null; group?: string | null }>;
  documentGroups?: Array<{ key: string; kind: DocumentGroupKind; label?: string | null; condition?: string | null }>;
  /** The importer's unresolved findings; the editor drops one when the administrator has dealt with it. */
  documentIssues?: DocumentIssue[];
  onTheSpot?: boolean;
  feeDue?: FeeDue | null;
  /** Who pays less or nothing (miễn, giảm phí, lệ phí). */
  feeExemptions?: ExemptionValues[];
  legalBasis?: Array<{ number?: string | null; title: string }>;
  workflow?: StepValues[];
  /** The e-form as JSON text (empty = none); its rule checks that it parses, the server checks its structure. */
  eFormJson?: string;
}

/** Splits working minutes into the unit an editor would type: whole days when exact, hours otherwise. */
export function budgetToForm(minutes: number | null): { budgetValue: number | null; budgetUnit: BudgetUnit } {
  if (minutes === null) return { budgetValue: null, budgetUnit: 'working-days' };
  if (minutes % MINUTES_PER_WORKING_DAY === 0) return { budgetValue: minutes / MINUTES_PER_WORKING_DAY, budgetUnit: 'working-days' };
  return { budgetValue: Math.round((minutes / 60) * 100) / 100, budgetUnit: 'working-hours' };
}

/** Working minutes from what the editor typed (null when left empty). */
export function budgetToMinutes(value: number | null | undefined, unit: BudgetUnit): number | null {
  if (value === null || value === undefined) return null;
  return Math.round(value * (unit === 'working-days' ? MINUTES_PER_WORKING_DAY : 60));
}

/** A new step as "add step" creates it. */
export const blankStep = (): StepValues => ({ name: '', unitRef: 'implementing-unit', role: 'specialist', budgetValue: null, budgetUnit: 'working-days', interAgency: false });

/** Loads a stored version into the form. */
export function toFormValues(v: ProcedureVersion): ProcedureFormValues {
  return {
    code: v.code,
    name: v.name,
    field: v.field,
    levels: v.levels,
    implementingUnitIds: v.implementingUnits.map((u) => u.id),
    onlineMode: v.onlineMode,
    applicants: v.applicants,
    results: v.results,
    processingTimeText: v.processingTimeText,
    processingTimeNote: v.processingTimeNote,
    feeText: v.feeText,
    processingTimes: v.processingTimes.map((p) => ({ channel: p.channel, amount: p.amount, unit: p.unit, raw: p.raw })),
    fees: v.fees.map((f) => ({ channel: f.channel, amountVnd: f.amountVnd, text: f.text, note: f.note })),
    requiredDocuments: v.requiredDocuments.map((d) => ({ name: d.name, originals: d.originals, copies: d.copies, case: d.case, note: d.note, group: d.group })),
    documentGroups: v.documentGroups.map((g) => ({ key: g.key, kind: g.kind, label: g.label, condition: g.condition })),
    documentIssues: v.documentIssues,
    onTheSpot: v.onTheSpot,
    feeDue: v.feeDue,
    feeExemptions: exemptionsToForm(v.feeExemptions ?? []),
    eFormJson: eFormToJson(v.eForm),
    legalBasis: v.legalBasis.map((l) => ({ number: l.number, title: l.title })),
    workflow: v.workflow
      .slice()
      .sort((a, b) => a.position - b.position)
      .map((s) => ({ name: s.name, unitRef: s.unitRef, orgUnitId: s.orgUnitId, role: s.role, interAgency: s.interAgency, ...budgetToForm(s.budgetMinutes) })),
  };
}

const blank = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);

/**
 * Builds the request body. Content the editor does not show (notes, source wording, confidence...) is carried
 * over from the stored version, because a PUT replaces the whole content.
 */
export function toContent(values: ProcedureFormValues, base?: ProcedureVersion): Omit<CreateProcedureRequest, 'code'> {
  const workflow = (values.workflow ?? []).map((s) => ({
    name: s.name,
    unitRef: s.unitRef,
    orgUnitId: s.unitRef === 'fixed' ? (s.orgUnitId ?? null) : null,
    role: s.role,
    budgetMinutes: budgetToMinutes(s.budgetValue, s.budgetUnit),
    interAgency: !!s.interAgency,
  }));
  return {
    name: values.name,
    field: blank(values.field),
    fieldGroup: base?.fieldGroup ?? null,
    level: base?.level ?? null,
    levels: values.levels ?? [],
    implementingUnitIds: values.implementingUnitIds ?? [],
    implementingAgencyText: base?.implementingAgencyText ?? null,
    applicants: blank(values.applicants),
    results: (values.results ?? []).map((r) => r.trim()).filter(Boolean),
    onlineMode: values.onlineMode ?? null,
    onlineModeText: base?.onlineModeText ?? null,
    processingTimeText: blank(values.processingTimeText),
    processingTimeNote: blank(values.processingTimeNote),
    processingTimes: (values.processingTimes ?? []).map((p) => ({ channel: p.channel, amount: p.amount ?? null, unit: p.unit ?? null, raw: blank(p.raw) })),
    feeText: blank(values.feeText),
    fees: (values.fees ?? []).map((f) => ({ channel: f.channel, amountVnd: f.amountVnd ?? null, text: blank(f.text), note: blank(f.note) })),
    requiredDocuments: (values.requiredDocuments ?? []).map((d, i) => ({
      name: d.name,
      originals: d.originals ?? null,
      copies: d.copies ?? null,
      case: blank(d.case),
      note: blank(d.note),
      template: base?.requiredDocuments[i]?.name === d.name ? base.requiredDocuments[i].template : null,
      group: d.group ?? null,
    })),
    documentGroups: (values.documentGroups ?? []).map((g) => ({
      key: g.key,
      kind: g.kind,
      label: blank(g.label),
      condition: g.kind === 'conditional' ? blank(g.condition) : null,
    })),
    documentIssues: values.documentIssues ?? [],
    onTheSpot: values.onTheSpot ?? false,
    feeDue: values.feeDue ?? null,
    feeExemptions: toExemptions(values.feeExemptions ?? []),
    eForm: parseEFormJson(values.eFormJson),
    requiredDocumentsNote: base?.requiredDocumentsNote ?? null,
    legalBasis: (values.legalBasis ?? []).map((l) => ({ number: blank(l.number), title: l.title })),
    publishingDecision: base?.publishingDecision ?? null,
    confidence: base?.confidence ?? null,
    confidenceNote: base?.confidenceNote ?? null,
    notes: base?.notes ?? null,
    // An empty list on a new procedure means "use the default template" (the server fills it in).
    workflow: workflow.length === 0 && !base ? undefined : workflow,
  };
}

/** The exemptions to send: trimmed, keys as `exemptionKeys` gives them, percent a whole number. */
export function toExemptions(rows: readonly ExemptionValues[]): CreateProcedureRequest['feeExemptions'] {
  const keys = exemptionKeys(rows);
  return rows.map((r, i) => ({ key: keys[i]!, subject: (r.subject ?? '').trim(), percent: Math.round(r.percent ?? 0), basis: blank(r.basis) }));
}

/** Request body for saving an existing draft. */
export function toUpdateRequest(values: ProcedureFormValues, base: ProcedureVersion): UpdateProcedureRequest {
  return { ...toContent(values, base), version: base.version };
}
