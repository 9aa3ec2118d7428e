// Adopting a dialogue commitment as a plan task (issue 16 item 8): the reform office picks an open commitment up; its
// owner unit leads the task, due on the commitment's date, the link kept; once per plan; a closed one is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanDetail } from '../../../contracts/plans/plans.contracts';
import type { SessionDetail } from '../../../contracts/dialogues/dialogues.contracts';
import { createDialogueWorld, held, MONDAY_9AM, ok, type DialogueWorld } from '../dialogues/test/factories';

let w: DialogueWorld;
beforeAll(async () => {
  w = await createDialogueWorld();
});
afterAll(async () => w?.t.close());

const P = '/api/v1/plans';

describe('adopting a commitment', () => {
  it('makes a task led by the owner unit, due on the commitment date, keeping the link; once', async () => {
    const s = await held(w, { startsAt: '2026-04-27T08:00:00+07:00' });
    w.t.clock.set('2026-04-28T02:00:00Z');
    const q = s.questions[0]!;
    const answered = await ok<SessionDetail>(w.agents.specialist, `/api/v1/dialogues/sessions/${s.id}/questions/${q.id}/answer`, {
      version: q.version,
      answer: 'Sở Tư pháp cam kết rút ngắn thời gian cấp phiếu lý lịch tư pháp trực tuyến.',
      commitments: [{ ownerUnitId: w.owner.id, text: 'Rút ngắn thời gian cấp phiếu lý lịch tư pháp trực tuyến còn 5 ngày.', dueOn: '2026-06-30' }],
    });
    const commitment = answered.commitments[0]!;
    let plan = await ok<PlanDetail>(w.agents.reform, P, { year: 2026, level: 'province', ownerUnitId: w.province.id, title: 'Kế hoạch CCHC năm 2026' }, 201);

    // The commitment's owner unit does not adopt it: the reform office does.
    expect((await w.agents.ownerLeader.post(`${P}/${plan.id}/tasks/from-commitment`, { version: plan.version, commitmentId: commitment.id, area: 'procedures' })).statusCode).toBe(
      403,
    );

    plan = await ok<PlanDetail>(w.agents.reform, `${P}/${plan.id}/tasks/from-commitment`, { version: plan.version, commitmentId: commitment.id, area: 'procedures' }, 201);
    expect(plan.tasks).toHaveLength(1);
    expect(plan.tasks[0]).toMatchObject({
      title: 'Rút ngắn thời gian cấp phiếu lý lịch tư pháp trực tuyến còn 5 ngày.',
      leadUnit: { id: w.owner.id },
      deadline: '2026-06-30',
      commitmentId: commitment.id,
      state: 'OPEN',
    });
    const again = await w.agents.reform.post(`${P}/${plan.id}/tasks/from-commitment`, { version: plan.version, commitmentId: commitment.id, area: 'procedures' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('PLAN_COMMITMENT_ADOPTED');

    // A completed commitment is not adopted.
    const done = await ok<{ state: string }>(w.agents.ownerSpecialist, `/api/v1/dialogues/commitments/${commitment.id}/complete`, {
      version: commitment.version,
      note: 'Đã hoàn thành.',
    });
    expect(done.state).toBe('DONE');
    const plan2 = await ok<PlanDetail>(w.agents.reform, P, { year: 2026, level: 'province', ownerUnitId: w.province.id, title: 'Kế hoạch bổ sung năm 2026' }, 201);
    const closed = await w.agents.reform.post(`${P}/${plan2.id}/tasks/from-commitment`, { version: plan2.version, commitmentId: commitment.id, area: 'procedures' });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe('PLAN_COMMITMENT_NOT_OPEN');
    w.t.clock.set(MONDAY_9AM);
  });
});
