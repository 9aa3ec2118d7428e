// Reform plan tasks (issue 16, first slice): deadlines on the lead unit's calendar (the 30/04 and 01/05/2026 holidays
// and the weekend move a task due on 30/04 to the end of Monday 04/05), report → accept or send back with the state
// rules, 403 outside the scope, 400 and 409 change nothing, "n of m done" overall, per area and per lead unit, the
// at-risk list, and the overdue escalation once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditEvents } from '../../platform/audit';
import { remindPlanTasks } from './index';
import { plansTaskEvents, plansTasks } from './plans.tables';
import { createPlanWorld, MONDAY_9AM, ok, planWith, taskInput, type PlanWorld } from './test/factories';

let w: PlanWorld;
beforeAll(async () => {
  w = await createPlanWorld();
});
afterAll(async () => w?.t.close());

const P = '/api/v1/plans';

describe('deadlines', () => {
  it('a task due on a holiday is due at the end of the next working day on the lead unit calendar', async () => {
    const plan = await planWith(w, [{ deadline: '2026-04-30' }, { deadline: '2026-06-30' }]);
    const [holiday, plain] = plan.tasks;
    expect(holiday!.deadline).toBe('2026-04-30');
    expect(holiday!.dueAt.startsWith('2026-05-04T')).toBe(true);
    expect(plain!.dueAt.startsWith('2026-06-30T')).toBe(true);
    expect(plan.tasks.map((t) => t.seq)).toEqual([1, 2]);
  });

  it('400 for a deadline outside the plan year or a lead unit outside the plan, nothing written', async () => {
    const plan = await planWith(w, []);
    const res = await w.agents.reform.post(`${P}/${plan.id}/tasks`, { version: plan.version, ...taskInput(w, { deadline: '2027-01-15' }) });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.body).toContain('deadline');
    const after = await w.agents.reform.get(`${P}/${plan.id}`);
    expect(after.json<{ tasks: unknown[]; version: number }>()).toMatchObject({ tasks: [], version: plan.version });
  });
});

describe('report, accept, send back', () => {
  it('the lead unit reports, the reform office sends back then accepts; n of m follows', async () => {
    let plan = await planWith(w, [{}, { area: 'digital-government' }]);
    const task = plan.tasks[0]!;
    expect(task.actions).toEqual([]); // the reform office does not report
    const lead = (await w.agents.leadSpecialist.get(`${P}/${plan.id}`)).json<typeof plan>();
    expect(lead.tasks[0]!.actions).toEqual(['report']);

    plan = await ok(w.agents.leadSpecialist, `${P}/${plan.id}/tasks/${task.id}/report`, { version: task.version, percent: 40, note: 'Đã rà soát 12/30 thủ tục.' });
    let t = plan.tasks[0]!;
    expect(t).toMatchObject({ state: 'OPEN', progressPercent: 40 });
    // Nothing to accept while OPEN: 409.
    expect((await w.agents.reform.post(`${P}/${plan.id}/tasks/${t.id}/accept`, { version: t.version })).statusCode).toBe(409);

    plan = await ok(w.agents.leadLeader, `${P}/${plan.id}/tasks/${t.id}/report`, { version: t.version, percent: 100, note: 'Đã trình dự thảo quyết định.' });
    t = plan.tasks[0]!;
    expect(t.state).toBe('REPORTED');
    // A stale version: 409, nothing changed.
    const stale = await w.agents.reform.post(`${P}/${plan.id}/tasks/${t.id}/accept`, { version: t.version - 1 });
    expect(stale.statusCode).toBe(409);

    plan = await ok(w.agents.reform, `${P}/${plan.id}/tasks/${t.id}/send-back`, { version: t.version, reason: 'Chưa có quyết định phê duyệt kèm theo.' });
    t = plan.tasks[0]!;
    expect(t).toMatchObject({ state: 'OPEN', sendBackReason: 'Chưa có quyết định phê duyệt kèm theo.' });
    plan = await ok(w.agents.leadSpecialist, `${P}/${plan.id}/tasks/${t.id}/report`, { version: t.version, percent: 100, note: 'Bổ sung quyết định.' });
    t = plan.tasks[0]!;
    plan = await ok(w.agents.reform, `${P}/${plan.id}/tasks/${t.id}/accept`, { version: t.version });
    t = plan.tasks[0]!;
    expect(t.state).toBe('DONE');
    expect(t.history.map((e) => e.kind)).toEqual(['created', 'progress', 'reported', 'sent-back', 'reported', 'accepted']);

    expect(plan.counts.overall).toEqual({ done: 1, total: 2 });
    expect(plan.counts.byArea).toEqual([
      { area: 'procedures', done: 1, total: 1 },
      { area: 'digital-government', done: 0, total: 1 },
    ]);
    expect(plan.counts.byLeadUnit).toEqual([{ unit: { id: w.lead.id, code: w.lead.code, name: w.lead.name }, done: 1, total: 2 }]);
    const audited = await w.t.database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, t.id));
    expect(audited.map((a) => a.action).sort()).toEqual(
      ['plans.task-accept', 'plans.task-create', 'plans.task-report', 'plans.task-report', 'plans.task-report', 'plans.task-send-back'].sort(),
    );
  });

  it('403 outside the scope, 400 for a bad body; nothing changes', async () => {
    const plan = await planWith(w, [{}]);
    const t = plan.tasks[0]!;
    expect((await w.agents.otherSpecialist.post(`${P}/${plan.id}/tasks/${t.id}/report`, { version: t.version, percent: 10, note: 'Không phải việc của tôi.' })).statusCode).toBe(
      403,
    );
    expect((await w.agents.otherSpecialist.get(`${P}/${plan.id}`)).statusCode).toBe(403);
    // Another province's reform office does not manage this province's plan; the lead unit does not add tasks.
    expect((await w.agents.leadLeader.post(`${P}/${plan.id}/tasks`, { version: plan.version, ...taskInput(w) })).statusCode).toBe(403);
    expect((await w.agents.elsewhereReform.post(`${P}/${plan.id}/tasks`, { version: plan.version, ...taskInput(w) })).statusCode).toBe(403);
    expect((await w.agents.elsewhereReform.post(P, { year: 2026, level: 'province', ownerUnitId: w.province.id, title: 'Kế hoạch khác' })).statusCode).toBe(403);
    expect((await w.agents.leadSpecialist.post(`${P}/${plan.id}/tasks/${t.id}/report`, { version: t.version, percent: 140, note: 'x' })).statusCode).toBe(400);
    const [row] = await w.t.database.db.select().from(plansTasks).where(eq(plansTasks.id, t.id));
    expect(row).toMatchObject({ state: 'OPEN', progressPercent: 0, version: t.version });
  });
});

describe('at risk and escalation', () => {
  it('lists overdue and soon-due open tasks, and escalates an overdue task once', async () => {
    w.t.clock.set('2026-06-20T02:00:00Z');
    const plan = await planWith(w, [{ deadline: '2026-06-22' }, { deadline: '2026-06-26' }, { deadline: '2026-12-15' }]);
    w.t.clock.set('2026-06-23T02:00:00Z');
    const view = (await w.agents.reform.get(`${P}/${plan.id}`)).json<typeof plan>();
    const [late, soon] = view.tasks;
    expect(view.atRisk).toEqual([
      { taskId: late!.id, reason: 'overdue' },
      { taskId: soon!.id, reason: 'due-soon' },
    ]);
    expect(late!.overdue).toBe(true);

    const first = await remindPlanTasks(w.t.systemCtx());
    expect(first.escalated).toBeGreaterThanOrEqual(1);
    const again = await remindPlanTasks(w.t.systemCtx());
    expect(again.escalated).toBe(0);
    const entries = await w.t.database.db.select().from(plansTaskEvents).where(eq(plansTaskEvents.taskId, late!.id));
    expect(entries.filter((e) => e.kind === 'escalated')).toHaveLength(1);
    w.t.clock.set(MONDAY_9AM);
  });
});
