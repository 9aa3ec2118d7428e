// The reform plan's use cases (issue 16, domain README §10): the reform office creates a unit's yearly plan and adds
// tasks (area, lead and partner units, deadline on the lead unit's calendar, output product); the lead unit reports
// progress (a percentage, a note, evidence files) and, at 100 %, the task waits for review (REPORTED); the reform office
// accepts it (DONE) or sends it back with the reason (OPEN). Every change: 404/403/400/409 before any write, then one
// transaction with its history entry and audit entry; a stale `version` is 409 and changes nothing.
import { CalendarError, toVnIso, vnDateOf } from '../../../platform/calendar';
import { can, isWithin } from '../../../platform/access';
import { withTransaction, type Ctx, type TxScope } from '../../../platform/context/context';
import { actorIdOf, actorLabelOf, todayOf } from '../../../platform/context/ctx-facts';
import type { Queryable } from '../../../platform/db/database';
import { AppError } from '../../../platform/errors';
import { cachedOrgUnitRefs, isOpenOn, type OrgUnitRef } from '../../identity';
import type { AcceptTaskRequest, CreatePlanRequest, CreateTaskRequest, ReportTaskRequest, SendBackTaskRequest } from '../../../../contracts/plans/plans.contracts';
import { calendarOfUnit, dueOnDate } from '../plans.deadlines';
import { PLAN_ACTIONS } from '../plans.policy';
import {
  bumpPlan,
  findPlan,
  findTask,
  insertPlan,
  insertTask,
  insertTaskEvent,
  nextSeq,
  updateTask,
  type NewTaskRow,
  type PlanRow,
  type TaskEventRow,
  type TaskRow,
} from '../plans.repository';

/** One field's problem: where, the message key, its parameters. */
type FieldError = { path: string; code: string; params?: Record<string, unknown> };

/** A 400 with field messages (i18n keys), nothing changed. */
export const invalid = (fields: FieldError[]) => new AppError('VALIDATION_FAILED', {}, { status: 400, fields });
/** A stale version: 409 and nothing changes. */
export const versionConflict = (current: number) => new AppError('VERSION_CONFLICT', { version: current }, { status: 409 });
/** An action not allowed from the current state: 409 and nothing changes. */
export const invalidState = (state: string) => new AppError('INVALID_STATE', { state }, { status: 409 });

/** Unit reference fields by id. */
export async function unitsById(db: Queryable, ids: ReadonlyArray<string>): Promise<Map<string, OrgUnitRef>> {
  return new Map((await cachedOrgUnitRefs(db, [...new Set(ids)])).map((u) => [u.id, u]));
}

/** One unit's reference fields; a stored foreign key without its unit is a bug, not a request error. */
export async function unitOf(db: Queryable, id: string): Promise<OrgUnitRef> {
  const [unit] = await cachedOrgUnitRefs(db, [id]);
  if (!unit) throw new Error(`plans: unit ${id} not found`);
  return unit;
}

/** Whether the caller may take `action` over `unit`. */
export const mayAct = (ctx: Ctx, action: string, unit: Pick<OrgUnitRef, 'path'>): boolean => can(ctx.actor, action, { unitPath: unit.path });

function authorise(ctx: Ctx, action: string, unit: Pick<OrgUnitRef, 'path'>): void {
  if (!mayAct(ctx, action, unit)) throw new AppError('FORBIDDEN', { action });
}

/** A plan and its owner unit: 404 when unknown. */
export async function loadPlan(ctx: Ctx, id: string): Promise<{ plan: PlanRow; owner: OrgUnitRef }> {
  const plan = await findPlan(ctx.db, id);
  if (!plan) throw new AppError('PLAN_NOT_FOUND', { id }, { status: 404 });
  return { plan, owner: await unitOf(ctx.db, plan.ownerUnitId) };
}

/** A task with its plan, the plan's owner unit and the lead unit: 404 when unknown (or not of plan `planId`). */
export async function loadTask(ctx: Ctx, planId: string, taskId: string): Promise<{ task: TaskRow; plan: PlanRow; owner: OrgUnitRef; lead: OrgUnitRef }> {
  const task = await findTask(ctx.db, taskId);
  if (!task || task.planId !== planId) throw new AppError('PLAN_TASK_NOT_FOUND', { id: taskId }, { status: 404 });
  const { plan, owner } = await loadPlan(ctx, planId);
  return { task, plan, owner, lead: await unitOf(ctx.db, task.leadUnitId) };
}

async function recordEvent(ctx: Ctx, db: Queryable, entry: { taskId: string; kind: TaskEventRow['kind']; at: Date; percent?: number | null; note?: string | null }) {
  await insertTaskEvent(db, { ...entry, percent: entry.percent ?? null, note: entry.note ?? null, actorId: actorIdOf(ctx), actorLabel: actorLabelOf(ctx) });
}

/** POST /plans: the reform office creates a plan of a unit for a year. */
export async function createPlan(ctx: Ctx, input: CreatePlanRequest): Promise<PlanRow> {
  const [owner] = await cachedOrgUnitRefs(ctx.db, [input.ownerUnitId]);
  if (!owner || !isOpenOn(owner, todayOf(ctx))) throw invalid([{ path: 'ownerUnitId', code: 'plans.errors.unitUnknown' }]);
  authorise(ctx, PLAN_ACTIONS.manage, owner);
  const now = ctx.clock.now();
  return withTransaction(ctx, async (scope) => {
    const plan = await insertPlan(scope.tx, { ...input, createdBy: actorIdOf(ctx), createdAt: now, updatedAt: now });
    await scope.audit({ action: 'plans.plan-create', subjectType: 'plan', subjectId: plan.id, before: null, after: { ...input } });
    return plan;
  });
}

/** A task's fields checked against the plan (units open and within the owner's subtree, deadline in the plan's year and on a published calendar). */
export async function checkTask(
  ctx: Ctx,
  plan: PlanRow,
  owner: OrgUnitRef,
  input: Pick<CreateTaskRequest, 'leadUnitId' | 'partnerUnitIds' | 'deadline'>,
  at = '',
): Promise<{ fields: FieldError[]; dueAt: Date | null }> {
  const fields: FieldError[] = [];
  const units = await unitsById(ctx.db, [input.leadUnitId, ...input.partnerUnitIds]);
  const today = todayOf(ctx);
  const usable = (id: string) => {
    const u = units.get(id);
    return u && isOpenOn(u, today) ? u : null;
  };
  const lead = usable(input.leadUnitId);
  if (!lead) fields.push({ path: `${at}leadUnitId`, code: 'plans.errors.unitUnknown' });
  else if (!isWithin(lead.path, owner.path)) fields.push({ path: `${at}leadUnitId`, code: 'plans.errors.unitOutsidePlan' });
  input.partnerUnitIds.forEach((id, i) => {
    if (!usable(id)) fields.push({ path: `${at}partnerUnitIds.${i}`, code: 'plans.errors.unitUnknown' });
  });
  let dueAt: Date | null = null;
  if (!input.deadline.startsWith(`${plan.year}-`)) fields.push({ path: `${at}deadline`, code: 'plans.errors.deadlineOutsideYear', params: { year: plan.year } });
  else if (lead) {
    try {
      dueAt = dueOnDate(input.deadline, await calendarOfUnit(ctx.db, lead.code));
    } catch (err) {
      if (!(err instanceof CalendarError)) throw err;
      fields.push({ path: `${at}deadline`, code: 'plans.errors.deadlineNotCovered', params: { year: plan.year } });
    }
  }
  return { fields, dueAt };
}

/** Inserts a checked task with its 'created' entry, in the caller's transaction. */
export async function insertCheckedTask(
  ctx: Ctx,
  scope: TxScope,
  plan: PlanRow,
  input: Omit<CreateTaskRequest, 'version'> & { dueAt: Date; commitmentId?: string | null },
): Promise<TaskRow> {
  const now = ctx.clock.now();
  const values: NewTaskRow = {
    planId: plan.id,
    seq: await nextSeq(scope.tx, plan.id),
    title: input.title,
    area: input.area,
    leadUnitId: input.leadUnitId,
    partnerUnitIds: input.partnerUnitIds,
    deadlineOn: input.deadline,
    dueAt: input.dueAt,
    outputProduct: input.outputProduct,
    state: 'OPEN',
    evidenceFileIds: [],
    commitmentId: input.commitmentId ?? null,
    createdAt: now,
    updatedAt: now,
  };
  const task = await insertTask(scope.tx, values);
  await recordEvent(ctx, scope.tx, { taskId: task.id, kind: 'created', at: now });
  await scope.audit({
    action: 'plans.task-create',
    subjectType: 'plan-task',
    subjectId: task.id,
    before: null,
    after: { planId: plan.id, seq: task.seq, title: task.title, area: task.area, leadUnitId: task.leadUnitId, deadline: task.deadlineOn, dueAt: toVnIso(task.dueAt) },
  });
  return task;
}

/** POST /plans/:id/tasks: the reform office adds a task (the plan's version is the lock). */
export async function addTask(ctx: Ctx, planId: string, input: CreateTaskRequest): Promise<TaskRow> {
  const { plan, owner } = await loadPlan(ctx, planId);
  authorise(ctx, PLAN_ACTIONS.manage, owner);
  if (plan.version !== input.version) throw versionConflict(plan.version);
  const { fields, dueAt } = await checkTask(ctx, plan, owner, input);
  if (fields.length > 0 || !dueAt) throw invalid(fields);
  return withTransaction(ctx, async (scope) => {
    const bumped = await bumpPlan(scope.tx, plan.id, input.version, ctx.clock.now());
    if (!bumped) throw versionConflict((await findPlan(scope.tx, plan.id))?.version ?? plan.version);
    return insertCheckedTask(ctx, scope, bumped, { ...input, dueAt });
  });
}

/** Runs a change of a task: 404, 403, 409 (stale version, wrong state) before any write; then one transaction. */
async function changeTask(
  ctx: Ctx,
  spec: {
    planId: string;
    taskId: string;
    version: number;
    action: 'report' | 'accept' | 'send-back';
    apply: (task: TaskRow, now: Date) => { patch: Partial<NewTaskRow>; kind: TaskEventRow['kind']; percent?: number; note?: string | null };
  },
): Promise<TaskRow> {
  const { task, owner, lead } = await loadTask(ctx, spec.planId, spec.taskId);
  authorise(ctx, spec.action === 'report' ? PLAN_ACTIONS.report : PLAN_ACTIONS.manage, spec.action === 'report' ? lead : owner);
  if (task.version !== spec.version) throw versionConflict(task.version);
  const from = TASK_WORKFLOW[spec.action];
  if (task.state !== from) throw invalidState(task.state);
  const now = ctx.clock.now();
  return withTransaction(ctx, async (scope) => {
    const { patch, kind, percent, note } = spec.apply(task, now);
    const updated = await updateTask(scope.tx, task.id, spec.version, from, { ...patch, updatedAt: now });
    if (!updated) {
      const current = await findTask(scope.tx, task.id);
      throw current && current.version !== spec.version ? versionConflict(current.version) : invalidState(current?.state ?? task.state);
    }
    await recordEvent(ctx, scope.tx, { taskId: task.id, kind, at: now, percent, note });
    await scope.audit({
      action: `plans.task-${spec.action}`,
      subjectType: 'plan-task',
      subjectId: task.id,
      before: { state: task.state, version: task.version, progressPercent: task.progressPercent },
      after: { state: updated.state, version: updated.version, progressPercent: updated.progressPercent, note: note ?? null },
    });
    return updated;
  });
}

/** The state each action starts from (the workflow as data). */
export const TASK_WORKFLOW = { report: 'OPEN', accept: 'REPORTED', 'send-back': 'REPORTED' } as const satisfies Record<string, TaskRow['state']>;

/** POST /plans/:id/tasks/:taskId/report: the lead unit reports progress; at 100 % the task waits for the reform office's review. */
export function reportTask(ctx: Ctx, planId: string, taskId: string, input: ReportTaskRequest): Promise<TaskRow> {
  return changeTask(ctx, {
    planId,
    taskId,
    version: input.version,
    action: 'report',
    apply: (task) => ({
      patch: {
        progressPercent: input.percent,
        lastNote: input.note,
        evidenceFileIds: [...new Set([...task.evidenceFileIds, ...input.evidenceFileIds])],
        state: input.percent === 100 ? 'REPORTED' : 'OPEN',
      },
      kind: input.percent === 100 ? 'reported' : 'progress',
      percent: input.percent,
      note: input.note,
    }),
  });
}

/** POST /plans/:id/tasks/:taskId/accept: the reform office accepts a reported task as done. */
export function acceptTask(ctx: Ctx, planId: string, taskId: string, input: AcceptTaskRequest): Promise<TaskRow> {
  return changeTask(ctx, {
    planId,
    taskId,
    version: input.version,
    action: 'accept',
    apply: (_task, now) => ({ patch: { state: 'DONE', doneAt: now, sendBackReason: null }, kind: 'accepted', note: input.note ?? null }),
  });
}

/** POST /plans/:id/tasks/:taskId/send-back: the reform office sends a reported task back, with the reason. */
export function sendBackTask(ctx: Ctx, planId: string, taskId: string, input: SendBackTaskRequest): Promise<TaskRow> {
  return changeTask(ctx, {
    planId,
    taskId,
    version: input.version,
    action: 'send-back',
    apply: () => ({ patch: { state: 'OPEN', sendBackReason: input.reason }, kind: 'sent-back', note: input.reason }),
  });
}

/** The legal date of an instant, for the views. */
export const dateOf = (at: Date): string => vnDateOf(at);
