// A change of the published calendar (domain README §19 row 10): the administrator's preview counts the open
// commitments it would move, and publishing it gives them their new due, recorded in their history and audited;
// completed commitments keep theirs. Each commitment made is also announced to other modules (`dialogues.commitment-made`).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents } from '../../platform/audit/audit.tables';
import { addDraftEntry, startYearRevision } from '../../platform/calendar/store/use-cases/calendar-years';
import { previewYearPublication, publishCalendarYear } from '../../platform/calendar/store/use-cases/publish-calendar-year';
import type { CommitmentDetail } from '../../../contracts/dialogues/dialogues.contracts';
import type { CommitmentMadeEvent } from './index';
import { createDialogueWorld, held, MONDAY_9AM, ok, type DialogueWorld } from './test/factories';

let w: DialogueWorld;
const made: CommitmentMadeEvent[] = [];
beforeAll(async () => {
  w = await createDialogueWorld();
  w.t.host.events.on('dialogues.commitment-made', (e) => void made.push(e));
});
afterAll(async () => w?.t.close());

describe('a calendar change', () => {
  it('is previewed with the open commitments it moves, then moves them, recorded and audited; a completed one keeps its due', async () => {
    const s = await held(w);
    w.t.clock.set('2026-03-09T03:00:00Z'); // Monday 09/03 10:00.
    const q = s.questions[0]!;
    const answered = await ok(w.agents.specialist, `/api/v1/dialogues/sessions/${s.id}/questions/${q.id}/answer`, {
      version: q.version,
      answer: 'Sở Tư pháp cam kết hai việc trong tháng.',
      commitments: [
        { ownerUnitId: w.owner.id, text: 'Việc thứ nhất: rút ngắn thời gian cấp phiếu.', workingDays: 5 },
        { ownerUnitId: w.owner.id, text: 'Việc thứ hai: công khai quy trình mới.', workingDays: 5 },
        { ownerUnitId: w.owner.id, text: 'Việc thứ ba: hoàn thành theo ngày hẹn.', dueOn: '2026-03-11' },
      ],
    });
    const [open, done, dated] = answered.commitments;
    expect(open!.dueAt).toBe('2026-03-16T10:00:00+07:00');
    expect(dated!.dueAt).toBe('2026-03-11T17:00:00+07:00');
    await ok<CommitmentDetail>(w.agents.ownerSpecialist, `/api/v1/dialogues/commitments/${done!.id}/complete`, { version: done!.version, note: 'Đã công khai quy trình.' });
    expect(made.map((e) => e.commitmentId)).toEqual([open!.id, done!.id, dated!.id]);
    expect(made[0]).toMatchObject({ sessionId: s.id, questionId: q.id, ownerUnitId: w.owner.id, dueAt: '2026-03-16T10:00:00+07:00' });

    // An extra day off on Wednesday 11/03/2026, published after review.
    const ctx = w.t.systemCtx();
    await startYearRevision(ctx, { year: 2026 });
    const draft = await addDraftEntry(ctx, {
      year: 2026,
      entry: { date: '2026-03-11', type: 'day-off', kind: 'other', reason: 'Nghỉ đột xuất (thử nghiệm)', reference: 'Thông báo thử nghiệm số 3' },
    });
    const impact = await previewYearPublication(ctx, { year: 2026 });
    expect(impact.modules).toContainEqual({ module: 'dialogues', affected: 2 });
    await publishCalendarYear(ctx, { year: 2026, version: draft.version, reason: 'Bổ sung ngày nghỉ 11/03/2026', acknowledgedImpact: impact.total });

    const moved = (await w.agents.ownerSpecialist.get(`/api/v1/dialogues/commitments/${open!.id}`)).json<CommitmentDetail>();
    expect(moved.dueAt).toBe('2026-03-17T10:00:00+07:00');
    expect(moved.history.at(-1)).toMatchObject({
      kind: 'due-recomputed',
      text: 'Lịch làm việc thay đổi (Bổ sung ngày nghỉ 11/03/2026); thời hạn điều chỉnh từ 10:00 ngày 16/03/2026 thành 10:00 ngày 17/03/2026.',
    });
    const movedDate = (await w.agents.ownerSpecialist.get(`/api/v1/dialogues/commitments/${dated!.id}`)).json<CommitmentDetail>();
    expect(movedDate.dueAt).toBe('2026-03-12T17:00:00+07:00');
    const audit = await w.t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, open!.id), eq(auditEvents.action, 'dialogues.commitment-due-recomputed')));
    expect(audit).toHaveLength(1);
    const kept = (await w.agents.ownerSpecialist.get(`/api/v1/dialogues/commitments/${done!.id}`)).json<CommitmentDetail>();
    expect(kept.dueAt).toBe('2026-03-16T10:00:00+07:00');
    w.t.clock.set(MONDAY_9AM);
  });
});
