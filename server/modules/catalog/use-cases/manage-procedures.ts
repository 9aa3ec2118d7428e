// Back-office use cases on procedure versions: create a draft, edit it, publish, withdraw, start a new version.
import { actorUserId, can } from '../../../platform/access';
import { withTransaction, type Ctx } from '../../../platform/context/context';
import type { Queryable, Tx } from '../../../platform/db/database';
import { AppError, notFound } from '../../../platform/errors';
import { vnDateOf } from '../../../platform/calendar';
import type { CreateProcedureRequest, ProcedureContent, PublishRequest, UpdateProcedureRequest, WithdrawRequest } from '../../../../contracts/catalog/catalog.contracts';
import { CATALOG_ACTIONS } from '../catalog.policy';
import { unitOpenOn, unitsByIds, type UnitInfo } from '../catalog.org-units';
import { defaultWorkflow, processingTimeFromInput } from '../catalog.parsing';
import {
  contentOf,
  findDraftId,
  findProcedureByCode,
  insertDraftVersion,
  insertProcedure,
  loadVersion,
  lockVersion,
  maxRevision,
  nextLocalCode,
  publishedOpenFrom,
  replaceDraftContent,
  updateVersionState,
  type VersionContent,
  type VersionRecord,
} from '../catalog.repository';

/** Today's legal date in Asia/Ho_Chi_Minh (domain README §19.1). */
export function today(ctx: Ctx): string {
  return vnDateOf(ctx.clock.now());
}

/** The day before an ISO date (plain calendar arithmetic). */
export function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/** The acting user's id, or null for the system actor (seeding, jobs). */
export const actorIdOf = (ctx: Ctx): string | null => actorUserId(ctx.actor);

/** Editor input → stored content; the default workflow template when none is given. */
export function contentFromInput(input: ProcedureContent, source: Record<string, unknown> | null = null): VersionContent {
  const processingTimes = input.processingTimes.map(processingTimeFromInput);
  return {
    name: input.name,
    field: input.field,
    fieldGroup: input.fieldGroup,
    levels: [...new Set(input.levels)],
    levelText: input.level,
    implementingUnitIds: [...new Set(input.implementingUnitIds)],
    implementingAgencyText: input.implementingAgencyText,
    applicants: input.applicants,
    results: input.results,
    onlineMode: input.onlineMode,
    onlineModeText: input.onlineModeText,
    processingTimeText: input.processingTimeText,
    processingTimeNote: input.processingTimeNote,
    processingTimes,
    feeText: input.feeText,
    fees: input.fees,
    requiredDocuments: input.requiredDocuments,
    documentGroups: input.documentGroups,
    documentIssues: input.documentIssues,
    requiredDocumentsNote: input.requiredDocumentsNote,
    onTheSpot: input.onTheSpot,
    feeDue: input.feeDue,
    feeExemptions: input.feeExemptions.map((e) => ({ key: e.key, subject: e.subject, percent: e.percent, basis: e.basis })),
    eForm: input.eForm,
    legalBasis: input.legalBasis,
    publishingDecision: input.publishingDecision,
    source,
    confidence: input.confidence,
    confidenceNote: input.confidenceNote,
    notes: input.notes,
    workflow: input.workflow ?? defaultWorkflow(processingTimes),
  };
}

/** Each document names a group of the version, keys are unique and a one-of group offers at least two documents. */
export function checkDocumentGroups(c: Pick<VersionContent, 'requiredDocuments' | 'documentGroups'>): void {
  const fields: NonNullable<AppError['fields']> = [];
  const keys = new Set<string>();
  c.documentGroups.forEach((g, i) => {
    if (keys.has(g.key)) fields.push({ path: `documentGroups.${i}.key`, code: 'catalog.errors.documentGroupDuplicate' });
    keys.add(g.key);
  });
  c.requiredDocuments.forEach((d, i) => {
    if (d.group !== null && !keys.has(d.group)) fields.push({ path: `requiredDocuments.${i}.group`, code: 'catalog.errors.documentGroupUnknown' });
  });
  c.documentGroups.forEach((g, i) => {
    if (g.kind === 'one-of' && c.requiredDocuments.filter((d) => d.group === g.key).length < 2) {
      fields.push({ path: `documentGroups.${i}.kind`, code: 'catalog.errors.documentAlternativesTooFew' });
    }
  });
  if (fields.length) throw new AppError('VALIDATION_FAILED', {}, { fields });
}

/** Checks that every unit named by the content exists and is open; returns the implementing units. */
export async function checkUnits(q: Queryable, c: VersionContent, day: string): Promise<UnitInfo[]> {
  const stepUnitIds = c.workflow.flatMap((s) => (s.orgUnitId ? [s.orgUnitId] : []));
  const known = new Map((await unitsByIds(q, [...c.implementingUnitIds, ...stepUnitIds])).map((u) => [u.id, u]));
  const fields: NonNullable<AppError['fields']> = [];
  const check = (id: string, path: string) => {
    const unit = known.get(id);
    if (!unit) fields.push({ path, code: 'catalog.errors.unknownUnit' });
    else if (!unitOpenOn(unit, day)) fields.push({ path, code: 'catalog.errors.closedUnit' });
  };
  c.implementingUnitIds.forEach((id, i) => check(id, `implementingUnitIds.${i}`));
  c.workflow.forEach((s, i) => s.orgUnitId && check(s.orgUnitId, `workflow.${i}.orgUnitId`));
  if (fields.length) throw new AppError('VALIDATION_FAILED', {}, { fields });
  return c.implementingUnitIds.map((id) => known.get(id)!);
}

/** A compact audit snapshot of a version (no secrets; large texts left out). */
export function auditView(r: VersionRecord) {
  return {
    code: r.code,
    revision: r.revision,
    status: r.status,
    name: r.name,
    effectiveFrom: r.effectiveFrom,
    effectiveTo: r.effectiveTo,
    implementingUnitIds: r.units.map((u) => u.id),
    timeReadable: r.timeReadable,
    version: r.version,
  };
}

/** Only the content keys that changed, as {before, after}. */
function diffContent(before: VersionContent, after: VersionContent) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after) as Array<keyof VersionContent>) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}

function assertCan(ctx: Ctx, action: string, units: UnitInfo[]): void {
  if (!can(ctx.actor, action, { unitPaths: units.map((u) => u.path) })) throw new AppError('FORBIDDEN', { action });
}

async function loadOr404(q: Queryable, id: string): Promise<VersionRecord> {
  const r = await loadVersion(q, id);
  if (!r) throw notFound('procedureVersion', id);
  return r;
}

/** Re-reads a version under a row lock and checks the caller's optimistic version when given. */
async function lockFresh(tx: Tx, id: string, expectedVersion?: number): Promise<VersionRecord> {
  await lockVersion(tx, id);
  const r = await loadOr404(tx, id);
  if (expectedVersion !== undefined && expectedVersion !== r.version) throw new AppError('VERSION_CONFLICT', { current: r.version });
  return r;
}

const notDraft = (status: string) => new AppError('INVALID_STATE', { status }, { fields: [{ path: 'status', code: 'catalog.errors.notDraft' }] });
/** Refusal to publish a version with no processing time a deadline can be computed from. */
export const timeUnusable = () => new AppError('VALIDATION_FAILED', {}, { fields: [{ path: 'processingTimes', code: 'catalog.errors.timeUnusable' }] });
const notPublished = (status: string) => new AppError('INVALID_STATE', { status }, { fields: [{ path: 'status', code: 'catalog.errors.notPublished' }] });

/** Creates a procedure with its first draft version; a local `L-xxxx` code is issued when none is given. */
export async function createProcedure(ctx: Ctx, input: CreateProcedureRequest): Promise<VersionRecord> {
  const content = contentFromInput(input, { kind: 'manual' });
  checkDocumentGroups(content);
  const units = await checkUnits(ctx.db, content, today(ctx));
  assertCan(ctx, CATALOG_ACTIONS.manage, units);
  const id = await withTransaction(ctx, async (scope) => {
    if (input.code && (await findProcedureByCode(scope.tx, input.code))) {
      throw new AppError('DUPLICATE', { field: input.code }, { fields: [{ path: 'code', code: 'catalog.errors.codeTaken' }] });
    }
    const code = input.code ?? (await nextLocalCode(scope.tx));
    const now = ctx.clock.now();
    const procedureId = await insertProcedure(scope.tx, { code, codeSource: input.code ? 'national' : 'local', now });
    const versionId = await insertDraftVersion(scope.tx, { procedureId, code, revision: 1, content, actorId: actorIdOf(ctx), now });
    const created = (await loadVersion(scope.tx, versionId))!;
    await scope.audit({ action: 'catalog.procedures.create', subjectType: 'catalog.procedure-version', subjectId: versionId, before: null, after: auditView(created) });
    return versionId;
  });
  return (await loadVersion(ctx.db, id))!;
}

/** Replaces a draft's content; a published or withdrawn version is immutable (409 INVALID_STATE). */
export async function updateProcedureDraft(ctx: Ctx, id: string, input: UpdateProcedureRequest): Promise<VersionRecord> {
  const existing = await loadOr404(ctx.db, id);
  const content = contentFromInput(input, existing.source ?? null);
  checkDocumentGroups(content);
  const units = await checkUnits(ctx.db, content, today(ctx));
  // Both the current and the new units must be in the caller's scope: nobody moves a procedure out of reach.
  assertCan(ctx, CATALOG_ACTIONS.manage, existing.units);
  assertCan(ctx, CATALOG_ACTIONS.manage, units);
  if (existing.status !== 'draft') throw notDraft(existing.status);
  await withTransaction(ctx, async (scope) => {
    const current = await lockFresh(scope.tx, id);
    if (current.status !== 'draft') throw notDraft(current.status);
    if (current.version !== input.version) throw new AppError('VERSION_CONFLICT', { current: current.version });
    const ok = await replaceDraftContent(scope.tx, { id, code: current.code, expectedVersion: input.version, content, now: ctx.clock.now() });
    if (!ok) throw new AppError('VERSION_CONFLICT', {});
    const diff = diffContent(contentOf(current), content);
    await scope.audit({
      action: 'catalog.procedures.update',
      subjectType: 'catalog.procedure-version',
      subjectId: id,
      before: { version: current.version, ...diff.before },
      after: { version: current.version + 1, ...diff.after },
    });
  });
  return (await loadVersion(ctx.db, id))!;
}

/**
 * Publishes a draft from `effectiveFrom` and closes the range of the version in force before it (its last day
 * becomes the day before). Shared by the publish use case and the importer; the caller audits.
 */
export async function publishInTx(
  tx: Tx,
  r: VersionRecord,
  effectiveFrom: string,
  actorId: string | null,
  now: Date,
  options: { allowUnusableTime?: boolean } = {},
): Promise<Array<{ id: string; effectiveTo: string }>> {
  if (r.status !== 'draft') throw notDraft(r.status);
  // Issue 9 item 9: the desk computes every appointment from this time; without one no deadline can be promised.
  if (!r.timeReadable && !options.allowUnusableTime) throw timeUnusable();
  const open = await publishedOpenFrom(tx, r.procedureId, effectiveFrom, r.id);
  for (const o of open) {
    if (o.effectiveFrom! >= effectiveFrom) {
      throw new AppError('VALIDATION_FAILED', {}, { fields: [{ path: 'effectiveFrom', code: 'catalog.errors.effectiveFromTooEarly', params: { current: o.effectiveFrom } }] });
    }
  }
  const closed: Array<{ id: string; effectiveTo: string }> = [];
  for (const o of open) {
    const effectiveTo = dayBefore(effectiveFrom);
    if (!(await updateVersionState(tx, o.id, o.version, { effectiveTo, updatedAt: now }))) throw new AppError('VERSION_CONFLICT', {});
    closed.push({ id: o.id, effectiveTo });
  }
  const ok = await updateVersionState(tx, r.id, r.version, { status: 'published', effectiveFrom, publishedAt: now, publishedBy: actorId, updatedAt: now });
  if (!ok) throw new AppError('VERSION_CONFLICT', {});
  return closed;
}

/** Publishes a draft (effective today unless a date is given); the version becomes immutable. */
export async function publishProcedureVersion(ctx: Ctx, id: string, input: PublishRequest): Promise<VersionRecord> {
  const existing = await loadOr404(ctx.db, id);
  assertCan(ctx, CATALOG_ACTIONS.publish, existing.units);
  if (existing.status !== 'draft') throw notDraft(existing.status);
  await withTransaction(ctx, async (scope) => {
    const current = await lockFresh(scope.tx, id, input.version);
    const effectiveFrom = input.effectiveFrom ?? today(ctx);
    const closed = await publishInTx(scope.tx, current, effectiveFrom, actorIdOf(ctx), ctx.clock.now());
    await scope.audit({
      action: 'catalog.procedures.publish',
      subjectType: 'catalog.procedure-version',
      subjectId: id,
      before: auditView(current),
      after: { ...auditView(current), status: 'published', effectiveFrom, version: current.version + 1, closedVersions: closed },
    });
  });
  return (await loadVersion(ctx.db, id))!;
}

/** Withdraws a published version: it leaves the public catalog now; `effectiveTo` records its last legal day. */
export async function withdrawProcedureVersion(ctx: Ctx, id: string, input: WithdrawRequest): Promise<VersionRecord> {
  const existing = await loadOr404(ctx.db, id);
  assertCan(ctx, CATALOG_ACTIONS.publish, existing.units);
  if (existing.status !== 'published') throw notPublished(existing.status);
  await withTransaction(ctx, async (scope) => {
    const current = await lockFresh(scope.tx, id, input.version);
    if (current.status !== 'published') throw notPublished(current.status);
    const from = current.effectiveFrom!;
    const day = today(ctx);
    const effectiveTo = input.effectiveTo ?? (day < from ? from : day);
    if (effectiveTo < from) {
      throw new AppError('VALIDATION_FAILED', {}, { fields: [{ path: 'effectiveTo', code: 'catalog.errors.effectiveToBeforeFrom', params: { from } }] });
    }
    const now = ctx.clock.now();
    const ok = await updateVersionState(scope.tx, id, current.version, { status: 'withdrawn', effectiveTo, withdrawnAt: now, withdrawReason: input.reason, updatedAt: now });
    if (!ok) throw new AppError('VERSION_CONFLICT', {});
    await scope.audit({
      action: 'catalog.procedures.withdraw',
      subjectType: 'catalog.procedure-version',
      subjectId: id,
      before: auditView(current),
      after: { ...auditView(current), status: 'withdrawn', effectiveTo, reason: input.reason, version: current.version + 1 },
    });
  });
  return (await loadVersion(ctx.db, id))!;
}

/** Starts a new draft copied from a published (or withdrawn) version; one draft per procedure at a time. */
export async function createNewVersion(ctx: Ctx, id: string): Promise<VersionRecord> {
  const source = await loadOr404(ctx.db, id);
  assertCan(ctx, CATALOG_ACTIONS.manage, source.units);
  if (source.status === 'draft') throw notPublished(source.status);
  const newId = await withTransaction(ctx, async (scope) => {
    if (await findDraftId(scope.tx, source.procedureId)) {
      throw new AppError('INVALID_STATE', {}, { fields: [{ path: 'status', code: 'catalog.errors.draftExists' }] });
    }
    const revision = (await maxRevision(scope.tx, source.procedureId)) + 1;
    const versionId = await insertDraftVersion(scope.tx, {
      procedureId: source.procedureId,
      code: source.code,
      revision,
      content: contentOf(source),
      actorId: actorIdOf(ctx),
      now: ctx.clock.now(),
    });
    await scope.audit({
      action: 'catalog.procedures.new-version',
      subjectType: 'catalog.procedure-version',
      subjectId: versionId,
      before: null,
      after: { copiedFrom: source.id, code: source.code, revision },
    });
    return versionId;
  });
  return (await loadVersion(ctx.db, newId))!;
}
