// Deadlines on the working-time calendar (issue 14 item 2; domain README §8, §13, §19 rows 4–6): 5 working days from
// reception, holidays skipped; 7 when inter-agency; an appointment within 10; the clock stopped while the sender is asked
// for more and the paused working time added when they reply; reminders a working day before the due and escalation
// to the unit's leaders once overdue, by an idempotent, capped sweep.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { notificationsOutbox } from '../../platform/notifications';
import type { FeedbackQueue, SenderFeedbackView } from '../../../contracts/feedback/feedback.contracts';
import { feedbackEvents, feedbackItems } from './feedback.tables';
import { remindFeedback } from './index';
import { act, anonymous, createFeedbackWorld, file, MONDAY_9AM, read, step, type FeedbackWorld } from './test/factories';

let w: FeedbackWorld;
beforeAll(async () => {
  w = await createFeedbackWorld();
});
afterAll(async () => w?.t.close());

const at = (iso: string) => w.t.clock.set(iso);
const eventsOf = async (id: string, kind: 'reminded' | 'escalated') =>
  w.t.database.db
    .select()
    .from(feedbackEvents)
    .where(and(eq(feedbackEvents.itemId, id), eq(feedbackEvents.kind, kind)));

describe('the answer deadline', () => {
  it('skips the days off of the published calendar (30/04 and 01/05/2026)', async () => {
    at('2026-04-28T02:00:00Z');
    try {
      const receipt = await file(anonymous(w));
      // Tue 28/04 09:00 + 40 working hours: Tue, Wed, (Thu 30/04, Fri 01/05 off, weekend), Mon, Tue, Wed, Thu 09:00.
      expect(receipt.dueAt).toBe('2026-05-07T09:00:00+07:00');
    } finally {
      at(MONDAY_9AM);
    }
  });

  it('stops while the sender is asked for more and adds the paused working time when the sender replies with the secret', async () => {
    at(MONDAY_9AM);
    const receipt = await file(anonymous(w), { procedureCode: w.procedureCode });
    let item = await step(w.agents.specialist, await read(w.agents.specialist, receipt.id), 'classify', { kind: 'regulation' });
    expect(item.deadline.dueAt).toBe('2026-03-09T09:00:00+07:00');

    at('2026-03-03T02:00:00Z'); // Tuesday 09:00: one working day used.
    expect((await act(w.agents.reception, item, 'request-info', { question: 'Vui lòng cho biết số giấy khai sinh.' })).statusCode).toBe(403);
    item = await step(w.agents.specialist, item, 'request-info', { question: 'Vui lòng cho biết số giấy khai sinh và nơi đăng ký.' });
    expect(item).toMatchObject({ state: 'INFO_REQUESTED', deadline: { paused: true, overdue: false } });
    const asked = (await anonymous(w).get(`/api/v1/feedback/${receipt.code}/sender?token=${receipt.senderToken}`)).json<SenderFeedbackView>();
    expect(asked).toMatchObject({ paused: true, question: 'Vui lòng cho biết số giấy khai sinh và nơi đăng ký.', actions: { reply: true } });
    const outbox = await w.t.database.db
      .select()
      .from(notificationsOutbox)
      .where(and(eq(notificationsOutbox.subjectId, item.id), eq(notificationsOutbox.channel, 'email')));
    expect(outbox.map((o) => (o.params as { kind: string }).kind)).toEqual(['received', 'info-requested']);

    // A wrong secret is answered like an unknown code; nothing changes.
    at('2026-03-05T02:00:00Z'); // Thursday 09:00: two working days paused.
    const wrong = await anonymous(w).post(`/api/v1/feedback/${receipt.code}/reply`, { token: 'x'.repeat(32), message: 'Số 123/2020, UBND xã Đông Phong.' });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().error.code).toBe('FEEDBACK_NOT_FOUND');
    expect((await read(w.agents.specialist, item.id)).state).toBe('INFO_REQUESTED');

    const replied = await anonymous(w).post(`/api/v1/feedback/${receipt.code}/reply`, { token: receipt.senderToken, message: 'Số 123/2020, UBND xã Đông Phong.' });
    expect(replied.statusCode, replied.body).toBe(200);
    expect(replied.json<SenderFeedbackView>()).toMatchObject({ state: 'IN_PROGRESS', paused: false, question: null, dueAt: '2026-03-11T09:00:00+07:00' });
    item = await read(w.agents.specialist, item.id);
    // 16 working hours paused (Tue 09:00 → Thu 09:00): the due moves from Mon 09/03 to Wed 11/03, 09:00.
    expect(item.deadline).toMatchObject({ dueAt: '2026-03-11T09:00:00+07:00', paused: false, workingMinutes: 2400 });
    expect(item.pauses).toEqual([
      {
        from: '2026-03-03T09:00:00+07:00',
        to: '2026-03-05T09:00:00+07:00',
        question: 'Vui lòng cho biết số giấy khai sinh và nơi đăng ký.',
        reply: 'Số 123/2020, UBND xã Đông Phong.',
      },
    ]);
    expect(item.history.at(-1)!.text).toBe('Người gửi đã bổ sung thông tin; tiếp tục tính thời hạn, hạn mới 09:00 ngày 11/03/2026.');

    // Nothing is asked any more.
    const again = await anonymous(w).post(`/api/v1/feedback/${receipt.code}/reply`, { token: receipt.senderToken, message: 'Bổ sung thêm lần nữa.' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('FEEDBACK_NO_INFO_REQUEST');
    at(MONDAY_9AM);
  });

  it('lets the signed-in sender reply by their account; a paused item is not overdue while it waits', async () => {
    at(MONDAY_9AM);
    const res = await w.agents.citizen.request(
      'POST',
      '/api/v1/feedback',
      { title: 'Hồ sơ đăng ký khai sinh bị trả lại', content: 'Hồ sơ của tôi bị trả lại nhiều lần mà không rõ lý do.', procedureCode: w.procedureCode },
      { 'x-forwarded-for': '10.88.0.1' },
    );
    const { code, id } = res.json<{ code: string; id: string }>();
    const item = await step(w.agents.leader, await read(w.agents.leader, id), 'classify', { kind: 'conduct' });
    expect((await step(w.agents.leader, item, 'request-info', { question: 'Vui lòng cho biết mã hồ sơ bị trả lại.' })).state).toBe('INFO_REQUESTED');
    at('2026-03-10T03:00:00Z'); // Tuesday 10/03, past the first due (Mon 09/03 09:00).
    try {
      expect((await read(w.agents.leader, id)).deadline.overdue).toBe(false);
      const overdue = (await w.agents.leader.get('/api/v1/feedback/queue?overdue=true&pageSize=100')).json<FeedbackQueue>();
      expect(overdue.items.map((i) => i.code)).not.toContain(code);
      // Another account cannot reply, and is told only "not found".
      expect((await w.agents.otherCitizen.post(`/api/v1/feedback/${code}/reply`, { message: 'Tôi không phải người gửi.' })).statusCode).toBe(404);
      const replied = await w.agents.citizen.post(`/api/v1/feedback/${code}/reply`, { message: 'Mã hồ sơ là H56.14-260301-0001.' });
      expect(replied.statusCode, replied.body).toBe(200);
      // Paused Mon 09:00 → Tue 10/03 10:00: 6 working days and 3 hours; the whole 5 days remain from the reply.
      expect(replied.json<SenderFeedbackView>().dueAt).toBe('2026-03-17T10:00:00+07:00');
    } finally {
      at(MONDAY_9AM);
    }
  });

  it('gives 7 working days when several agencies are involved, and an appointment of at most 10', async () => {
    at(MONDAY_9AM);
    const receipt = await file(anonymous(w), { procedureCode: w.procedureCode });
    let item = await read(w.agents.specialist, receipt.id);
    item = await step(w.agents.specialist, item, 'deadline', { rule: 'inter-agency', reason: 'Cần ý kiến Sở Tài chính' });
    expect(item.deadline).toMatchObject({ rule: 'inter-agency', dueAt: '2026-03-11T09:00:00+07:00', workingMinutes: 3360, reason: 'Cần ý kiến Sở Tài chính' });

    const tooLate = await act(w.agents.specialist, item, 'deadline', { rule: 'appointment', dueAt: '2026-03-16T09:30:00+07:00', reason: 'Cần khảo sát thực tế' });
    expect(tooLate.statusCode).toBe(400);
    expect(tooLate.json().error.fields[0]).toMatchObject({
      path: 'body.dueAt',
      message: 'Thời hạn hẹn không được quá 10 ngày làm việc kể từ khi tiếp nhận (muộn nhất 09:00 ngày 16/03/2026).',
    });
    const past = await act(w.agents.specialist, item, 'deadline', { rule: 'appointment', dueAt: '2026-03-01T09:00:00+07:00', reason: 'Cần khảo sát thực tế' });
    expect(past.json().error.fields[0].code).toBe('feedback.errors.appointmentPast');
    const missing = await act(w.agents.specialist, item, 'deadline', { rule: 'appointment', reason: 'Cần khảo sát thực tế' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields[0]).toMatchObject({ path: 'body.dueAt', message: 'Chỉ khi hẹn trả lời mới ghi thời hạn hẹn, và khi hẹn thì phải ghi.' });
    expect((await read(w.agents.specialist, item.id)).version).toBe(item.version);

    item = await step(w.agents.leader, item, 'deadline', { rule: 'appointment', dueAt: '2026-03-13T15:00:00+07:00', reason: 'Cần khảo sát thực tế' });
    expect(item.deadline).toMatchObject({ rule: 'appointment', dueAt: '2026-03-13T15:00:00+07:00', workingMinutes: 4560 });
    expect(item.history.at(-1)!.text).toBe('Thời hạn trả lời: hẹn trả lời (không quá 10 ngày làm việc), đến 15:00 ngày 13/03/2026. Lý do: Cần khảo sát thực tế');
  });
});

describe('the reminder sweep (feedback.remind)', () => {
  it('reminds the unit a working day before the due, tells its leaders once overdue, once each', async () => {
    at(MONDAY_9AM);
    const receipt = await file(anonymous(w), { procedureCode: w.procedureCode });
    const ctx = () => w.t.systemCtx();

    at('2026-03-05T02:00:00Z'); // Thursday 09:00: two working days left.
    await remindFeedback(ctx());
    expect(await eventsOf(receipt.id, 'reminded')).toHaveLength(0);

    at('2026-03-06T02:00:00Z'); // Friday 09:00: exactly one working day left (Fri 09:00–17:00, Mon 07:00–09:00).
    await remindFeedback(ctx());
    await remindFeedback(ctx());
    expect(await eventsOf(receipt.id, 'reminded')).toHaveLength(1);
    const reminders = await w.t.database.db
      .select()
      .from(notificationsOutbox)
      .where(and(eq(notificationsOutbox.subjectId, receipt.id), eq(notificationsOutbox.templateKey, 'feedback.officer-alert')));
    expect(reminders.map((r) => r.recipient).sort()).toEqual([w.accounts.leader.user.email, w.accounts.specialist.user.email].sort());

    at('2026-03-09T03:00:00Z'); // Monday 10:00: an hour overdue.
    const run = await remindFeedback(ctx());
    expect(run.escalated).toBeGreaterThanOrEqual(1);
    expect((await remindFeedback(ctx())).escalated).toBe(0);
    expect(await eventsOf(receipt.id, 'escalated')).toHaveLength(1);
    const alerts = await w.t.database.db
      .select()
      .from(notificationsOutbox)
      .where(and(eq(notificationsOutbox.subjectId, receipt.id), eq(notificationsOutbox.templateKey, 'feedback.officer-alert')));
    const escalation = alerts.filter((a) => (a.params as { kind: string }).kind === 'escalation');
    expect(escalation.map((a) => a.recipient)).toEqual([w.accounts.leader.user.email]);
    const item = await read(w.agents.leader, receipt.id);
    expect(item.deadline.overdue).toBe(true);
    expect(item.history.map((h) => h.kind)).toEqual(['received', 'reminded', 'escalated']);
    const [row] = await w.t.database.db.select().from(feedbackItems).where(eq(feedbackItems.id, receipt.id));
    expect(row!.escalatedForDueAt?.toISOString()).toBe(row!.dueAt.toISOString());
    at(MONDAY_9AM);
  });

  it('handles at most `limit` items a run', async () => {
    at(MONDAY_9AM);
    await file(anonymous(w));
    await file(anonymous(w));
    at('2026-03-20T02:00:00Z');
    try {
      expect((await remindFeedback(w.t.systemCtx(), { limit: 1 })).checked).toBe(1);
    } finally {
      at(MONDAY_9AM);
    }
  });
});
