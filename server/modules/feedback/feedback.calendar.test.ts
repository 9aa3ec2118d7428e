// A change of the published calendar (domain README §19 row 10): the administrator's preview counts the running items
// it would move, and publishing it gives them their new due, said in their history, audited and told to the sender;
// paused and answered items keep theirs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents } from '../../platform/audit/audit.tables';
import { notificationsOutbox } from '../../platform/notifications';
import { addDraftEntry, startYearRevision } from '../../platform/calendar/store/use-cases/calendar-years';
import { previewYearPublication, publishCalendarYear } from '../../platform/calendar/store/use-cases/publish-calendar-year';
import { anonymous, answered, createFeedbackWorld, file, read, step, type FeedbackWorld } from './test/factories';

let w: FeedbackWorld;
beforeAll(async () => {
  w = await createFeedbackWorld();
});
afterAll(async () => w?.t.close());

describe('a calendar change', () => {
  it('is previewed with the running items it moves, then moves them, said and audited; paused and answered items keep theirs', async () => {
    const running = await file(anonymous(w));
    const paused = await step(w.agents.controlSpecialist, await read(w.agents.controlSpecialist, (await file(anonymous(w))).id), 'classify', { kind: 'regulation' });
    const waiting = await step(w.agents.controlSpecialist, paused, 'request-info', { question: 'Vui lòng bổ sung thông tin chi tiết.' });
    const { item: done } = await answered(w);

    // An extra day off on Wednesday 04/03/2026, published after review.
    const ctx = w.t.systemCtx();
    await startYearRevision(ctx, { year: 2026 });
    const draft = await addDraftEntry(ctx, {
      year: 2026,
      entry: { date: '2026-03-04', type: 'day-off', kind: 'other', reason: 'Nghỉ đột xuất (thử nghiệm)', reference: 'Thông báo thử nghiệm số 2' },
    });
    const impact = await previewYearPublication(ctx, { year: 2026 });
    expect(impact.modules).toContainEqual({ module: 'feedback', affected: 1 });
    await publishCalendarYear(ctx, { year: 2026, version: draft.version, reason: 'Bổ sung ngày nghỉ 04/03/2026', acknowledgedImpact: impact.total });

    const moved = await read(w.agents.controlSpecialist, running.id);
    expect(moved.deadline.dueAt).toBe('2026-03-10T09:00:00+07:00');
    expect(moved.history.at(-1)).toMatchObject({
      kind: 'due-recomputed',
      text: 'Lịch làm việc thay đổi (Bổ sung ngày nghỉ 04/03/2026); hạn trả lời điều chỉnh từ 09:00 ngày 09/03/2026 thành 09:00 ngày 10/03/2026.',
    });
    const audit = await w.t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, running.id), eq(auditEvents.action, 'feedback.due-recomputed')));
    expect(audit).toHaveLength(1);
    const told = await w.t.database.db
      .select()
      .from(notificationsOutbox)
      .where(and(eq(notificationsOutbox.subjectId, running.id), eq(notificationsOutbox.channel, 'email')));
    expect(told.map((n) => (n.params as { kind: string }).kind)).toEqual(['received', 'due-moved']);

    expect((await read(w.agents.controlSpecialist, waiting.id)).deadline.dueAt).toBe(waiting.deadline.dueAt);
    expect(await read(w.agents.specialist, done.id)).toMatchObject({ version: done.version, deadline: { dueAt: done.deadline.dueAt } });
  });
});
