// The dialogue commitments of the dashboards (issue 14 item 6): a unit's commitments (or its subtree's) made in a
// period, kept on time or late, open and overdue, read by the unit's officers and the province's readers only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommitmentIndicators } from '../../../contracts/dashboards/dashboards.contracts';
import type { SessionDetail } from '../../../contracts/dialogues/dialogues.contracts';
import { anonymous, createDialogueWorld, held, MONDAY_9AM, ok, type DialogueWorld } from '../dialogues/test/factories';

let w: DialogueWorld;
beforeAll(async () => {
  w = await createDialogueWorld();
  const s = await held(w, { startsAt: '2026-04-27T08:00:00+07:00' });
  // Answered on Tuesday 28/04/2026 09:00: 2 working days end Monday 04/05 09:00 (30/04 and 01/05 are days off).
  w.t.clock.set('2026-04-28T02:00:00Z');
  const q = s.questions[0]!;
  const answered = await ok<SessionDetail>(w.agents.specialist, `/api/v1/dialogues/sessions/${s.id}/questions/${q.id}/answer`, {
    version: q.version,
    answer: 'Sở Tư pháp cam kết công khai quy trình và rút ngắn thời gian trả kết quả.',
    commitments: [
      { ownerUnitId: w.owner.id, workingDays: 2, text: 'Công khai quy trình cấp phiếu lý lịch tư pháp trên Cổng.' },
      { ownerUnitId: w.owner.id, workingDays: 2, text: 'Rút ngắn thời gian trả kết quả trực tuyến.' },
      { ownerUnitId: w.other.id, workingDays: 20, text: 'Rà soát quy trình cấp phép xây dựng.' },
    ],
  });
  const [kept, overdue] = answered.commitments;
  w.t.clock.set('2026-05-04T01:00:00Z');
  await ok(w.agents.ownerSpecialist, `/api/v1/dialogues/commitments/${kept!.id}/complete`, { version: kept!.version, note: 'Đã công khai trên Cổng.' });
  expect(overdue!.state).toBe('OPEN');
  w.t.clock.set('2026-05-06T02:00:00Z');
});
afterAll(async () => {
  w?.t.clock.set(MONDAY_9AM);
  await w?.t.close();
});

const query = (unit: string, subtree = 'false') => `/api/v1/indicators/commitments?unit=${unit}&from=2026-04-01&to=2026-04-30&subtree=${subtree}`;

describe('GET /api/v1/indicators/commitments', () => {
  it("counts a unit's commitments: kept on time, open past due; the province's subtree adds the other unit's", async () => {
    const own = (await w.agents.ownerLeader.get(query(w.owner.code))).json<CommitmentIndicators>();
    expect(own.total).toEqual({ total: 2, doneOnTime: 1, doneLate: 0, open: 1, openOverdue: 1, cancelled: 0, onTimeRate: 1 });
    expect(own.items.map((i) => i.unit.id)).toEqual([w.owner.id]);
    const province = (await w.agents.reform.get(query(w.province.code, 'true'))).json<CommitmentIndicators>();
    expect(province.total).toMatchObject({ total: 3, open: 2, openOverdue: 1 });
    expect(province.definition).toMatch(/^Cam kết đưa ra trong kỳ/);
  });

  it("refuses another unit's officers and anonymous callers", async () => {
    expect((await w.agents.otherSpecialist.get(query(w.owner.code))).statusCode).toBe(403);
    expect((await anonymous(w).get(query(w.owner.code))).statusCode).toBe(401);
  });
});
