// The feedback numbers of the dashboards (issue 14 item 6): by unit, channel, procedure and kind; on time and late
// against the calendar; open past due as the clock moves; satisfaction from the senders' latest ratings; read by the
// unit's officers and the province's readers only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedbackIndicators } from '../../../contracts/dashboards/dashboards.contracts';
import { act, anonymous, answered, createFeedbackWorld, file, read, step, type FeedbackWorld } from '../feedback/test/factories';

let w: FeedbackWorld;
beforeAll(async () => {
  w = await createFeedbackWorld();
  // Monday 2 March 2026 09:00: one answered on time and rated satisfied, one answered late and rated unsatisfied.
  const onTime = await answered(w);
  await anonymous(w).post(`/api/v1/feedback/${onTime.receipt.code}/rating`, { token: onTime.receipt.senderToken, rating: 'satisfied' });
  const late = await file(anonymous(w), { procedureCode: w.procedureCode, title: 'Phí chứng thực bản sao quá cao so với tỉnh bạn' });
  let item = await step(w.agents.specialist, await read(w.agents.specialist, late.id), 'classify', { kind: 'conduct' });
  // Five working days from Monday 9:00 end Monday 9 March 9:00; the answer comes on Tuesday 10 March.
  w.t.clock.set('2026-03-10T03:00:00Z');
  item = await step(w.agents.specialist, item, 'answer-draft', { answer: 'Sở đã rà soát mức phí theo Thông tư 226/2016/TT-BTC và trả lời ông như sau.' });
  await step(w.agents.leader, item, 'approve', {});
  await anonymous(w).post(`/api/v1/feedback/${late.code}/rating`, { token: late.senderToken, rating: 'unsatisfied' });
  // Entered at the control unit by hotline on 10 March and left open: overdue once 17 March 09:00 has passed.
  const hotline = await w.agents.controlSpecialist.post('/api/v1/feedback/intake', {
    channel: 'hotline',
    receivingUnitId: w.control.id,
    title: 'Đường dây nóng: hỏi về lệ phí hộ tịch',
    content: 'Người dân gọi hỏi về mức lệ phí đăng ký hộ tịch tại phường và cách nộp trực tuyến.',
    sender: { name: 'Đinh Văn Hải', phone: '0912000999' },
  });
  expect(hotline.statusCode).toBe(201);
  // A complaint: out of scope.
  const complaint = await file(anonymous(w), { title: 'Khiếu nại quyết định xử phạt hành chính' });
  const c = await read(w.agents.controlSpecialist, complaint.id);
  expect((await act(w.agents.controlSpecialist, c, 'out-of-scope', { category: 'complaint', reason: 'Là khiếu nại quyết định hành chính' })).statusCode).toBe(200);
  w.t.clock.set('2026-03-18T03:00:00Z');
});
afterAll(async () => w?.t.close());

const query = (by: string, unit = w.province.code, subtree = 'true') => `/api/v1/indicators/feedback?unit=${unit}&from=2026-03-01&to=2026-03-31&subtree=${subtree}&by=${by}`;

describe('GET /api/v1/indicators/feedback', () => {
  it('counts the province by unit: on time and late, open past due, out of scope, satisfaction', async () => {
    const res = await w.agents.reform.get(query('unit'));
    expect(res.statusCode).toBe(200);
    const data = res.json<FeedbackIndicators>();
    expect(data.total).toEqual({
      received: 4,
      answered: 2,
      answeredOnTime: 1,
      answeredLate: 1,
      onTimeRate: 0.5,
      open: 1,
      openOverdue: 1,
      outOfScope: 1,
      rated: 2,
      satisfied: 1,
      satisfactionRate: 0.5,
    });
    expect(data.rows.map((r) => [r.label, r.received])).toEqual([
      [w.dept.name, 2],
      [w.control.name, 2],
    ]);
    expect(data.definition).toContain('đúng hạn');
  });

  it('splits by channel, procedure and kind with readable labels; the rows add up to the total', async () => {
    const byChannel = (await w.agents.reform.get(query('channel'))).json<FeedbackIndicators>();
    expect(byChannel.rows.map((r) => [r.key, r.label, r.received])).toEqual([
      ['portal', 'Cổng dịch vụ công', 3],
      ['hotline', 'Đường dây nóng', 1],
    ]);
    const byProcedure = (await w.agents.reform.get(query('procedure'))).json<FeedbackIndicators>();
    expect(byProcedure.rows.map((r) => [r.label, r.received])).toEqual([
      [`${w.procedureCode} — ${w.procedureName}`, 2],
      ['(không ghi)', 2],
    ]);
    const byKind = (await w.agents.reform.get(query('kind'))).json<FeedbackIndicators>();
    expect(byKind.rows.reduce((s, r) => s + r.received, 0)).toBe(byKind.total.received);
    expect(byKind.rows.find((r) => r.key === 'conduct')).toMatchObject({ answeredLate: 1, satisfied: 0 });
  });

  it("lets a unit's officers read their unit, not the province; refuses bad input with the parameter named", async () => {
    expect((await w.agents.leader.get(query('unit', w.dept.code, 'false'))).json<FeedbackIndicators>().total.received).toBe(2);
    const outside = await w.agents.leader.get(query('unit'));
    expect(outside.statusCode).toBe(403);
    const bad = await w.agents.reform.get(query('weather'));
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('by');
    expect((await anonymous(w).get(query('unit'))).statusCode).toBe(401);
  });
});
