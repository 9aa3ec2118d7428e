// GET /plans/:id: the plan as its readers see it — every task with its history and the caller's actions, "n of m tasks
// done" overall, per reform area and per lead unit (the completion rate that feeds PAR INDEX field 1, domain README
// §7.3 and §10), and the at-risk list: tasks not done that are overdue or due within AT_RISK_DAYS working days.
import { CalendarError, toVnIso } from '../../../platform/calendar';
import type { Ctx } from '../../../platform/context/context';
import { AppError } from '../../../platform/errors';
import { PLAN_AREAS, type PlanDetail, type PlanTask } from '../../../../contracts/plans/plans.contracts';
import { calendarOfUnit, isDueWithin } from '../plans.deadlines';
import { PLAN_ACTIONS } from '../plans.policy';
import { listTaskEvents, listTasks, type TaskRow } from '../plans.repository';
import { loadPlan, mayAct, TASK_WORKFLOW, unitsById } from './manage-plans';

/** Open tasks due within this many working days are at risk (issue 16 item 7: what is at risk). */
export const AT_RISK_DAYS = 10;

const ref = (u: { id: string; code: string; name: string }) => ({ id: u.id, code: u.code, name: u.name });

/** The plan with its tasks, counts and at-risk list: 404 unknown, 403 unless the caller reads it. */
export async function getPlan(ctx: Ctx, id: string): Promise<PlanDetail> {
  const { plan, owner } = await loadPlan(ctx, id);
  const tasks = await listTasks(ctx.db, plan.id);
  const units = await unitsById(ctx.db, [owner.id, ...tasks.flatMap((t) => [t.leadUnitId, ...t.partnerUnitIds])]);
  const leadsRead = tasks.some((t) => mayAct(ctx, PLAN_ACTIONS.read, units.get(t.leadUnitId)!));
  if (!mayAct(ctx, PLAN_ACTIONS.read, owner) && !leadsRead) throw new AppError('FORBIDDEN', { action: PLAN_ACTIONS.read });
  const manages = mayAct(ctx, PLAN_ACTIONS.manage, owner);
  const events = await listTaskEvents(
    ctx.db,
    tasks.map((t) => t.id),
  );
  const now = ctx.clock.now();

  const count = (rows: TaskRow[]) => ({ done: rows.filter((t) => t.state === 'DONE').length, total: rows.length });
  const byArea = PLAN_AREAS.map((area) => ({ area, ...count(tasks.filter((t) => t.area === area)) })).filter((c) => c.total > 0);
  const leadIds = [...new Set(tasks.map((t) => t.leadUnitId))];
  const byLeadUnit = leadIds.map((uid) => ({ unit: ref(units.get(uid)!), ...count(tasks.filter((t) => t.leadUnitId === uid)) }));

  const atRisk: PlanDetail['atRisk'] = [];
  for (const t of tasks) {
    if (t.state === 'DONE') continue;
    if (t.dueAt.getTime() < now.getTime()) atRisk.push({ taskId: t.id, reason: 'overdue' });
    else if (await dueSoon(ctx, t, now)) atRisk.push({ taskId: t.id, reason: 'due-soon' });
  }

  const present = (t: TaskRow): PlanTask => {
    const lead = units.get(t.leadUnitId)!;
    const actions: PlanTask['actions'] = [];
    if (t.state === TASK_WORKFLOW.report && mayAct(ctx, PLAN_ACTIONS.report, lead)) actions.push('report');
    if (t.state === TASK_WORKFLOW.accept && manages) actions.push('accept', 'send-back');
    return {
      id: t.id,
      seq: t.seq,
      title: t.title,
      area: t.area,
      leadUnit: ref(lead),
      partnerUnits: t.partnerUnitIds.map((u) => ref(units.get(u)!)),
      deadline: t.deadlineOn,
      dueAt: toVnIso(t.dueAt),
      outputProduct: t.outputProduct,
      state: t.state,
      progressPercent: t.progressPercent,
      lastNote: t.lastNote,
      evidenceFileIds: t.evidenceFileIds,
      sendBackReason: t.sendBackReason,
      doneAt: t.doneAt ? toVnIso(t.doneAt) : null,
      commitmentId: t.commitmentId,
      overdue: t.state !== 'DONE' && t.dueAt.getTime() < now.getTime(),
      version: t.version,
      actions,
      history: events.filter((e) => e.taskId === t.id).map((e) => ({ at: toVnIso(e.at), kind: e.kind, percent: e.percent, note: e.note, actorLabel: e.actorLabel })),
    };
  };

  return {
    id: plan.id,
    year: plan.year,
    level: plan.level,
    ownerUnit: ref(owner),
    title: plan.title,
    version: plan.version,
    counts: { overall: count(tasks), byArea, byLeadUnit },
    atRisk,
    tasks: tasks.map(present),
    actions: manages ? ['add-task'] : [],
  };
}

async function dueSoon(ctx: Ctx, t: TaskRow, now: Date): Promise<boolean> {
  const lead = (await unitsById(ctx.db, [t.leadUnitId])).get(t.leadUnitId)!;
  try {
    return isDueWithin(now, t.dueAt, AT_RISK_DAYS, await calendarOfUnit(ctx.db, lead.code));
  } catch (err) {
    // A due in a year the calendar does not cover yet is far off: not at risk.
    if (!(err instanceof CalendarError)) throw err;
    return false;
  }
}
