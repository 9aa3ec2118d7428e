import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/test-app';
import { auditEvents } from '../../platform/audit/audit.tables';
import { addDraftEntry, startYearRevision } from '../../platform/calendar/store/use-cases/calendar-years';
import { previewYearPublication, publishCalendarYear } from '../../platform/calendar/store/use-cases/publish-calendar-year';
import type { DossierDetail } from '../../../contracts/dossiers/dossiers.contracts';
import { DOSSIER_TEST_ENV, createDossierWorld, receive, step, type DossierWorld } from './test/factories';

let t: TestApp;
let w: DossierWorld;
beforeAll(async () => {
  t = await createTestApp({ env: DOSSIER_TEST_ENV });
  w = await createDossierWorld(t);
});
afterAll(async () => t?.close());

describe('calendar changes (§19 row 10)', () => {
  it('counts the open dossiers a change would move, then recomputes their due and records why', async () => {
    t.clock.set('2026-03-02T02:00:00Z');
    const open = await step(w.agents.reception, await receive(w), { transition: 'forward' });
    const later = await receive(w);
    const finished = await step(
      w.agents.leader,
      await step(w.agents.specialist, await step(w.agents.reception, await receive(w), { transition: 'forward' }), { transition: 'forward' }),
      {
        transition: 'approve',
      },
    );
    expect(open.dueAt).toBe('2026-03-09T09:00:00+07:00');

    // An extra day off on Wednesday 04/03/2026, published after review.
    const ctx = t.systemCtx();
    await startYearRevision(ctx, { year: 2026 });
    const draft = await addDraftEntry(ctx, {
      year: 2026,
      entry: { date: '2026-03-04', type: 'day-off', kind: 'other', reason: 'Nghỉ đột xuất (thử nghiệm)', reference: 'Thông báo thử nghiệm số 1' },
    });
    const impact = await previewYearPublication(ctx, { year: 2026 });
    expect(impact.modules).toContainEqual({ module: 'dossiers', affected: 2 });
    await publishCalendarYear(ctx, { year: 2026, version: draft.version, reason: 'Bổ sung ngày nghỉ 04/03/2026', acknowledgedImpact: impact.total });

    const moved = (await w.agents.leader.get(`/api/v1/dossiers/${open.id}`)).json<DossierDetail>();
    expect(moved.dueAt).toBe('2026-03-10T09:00:00+07:00');
    expect(moved.version).toBe(open.version + 1);
    const entry = moved.timeline.at(-1)!;
    expect(entry).toMatchObject({ kind: 'calendar-change', public: true });
    expect(entry.text).toBe('Lịch làm việc thay đổi (Bổ sung ngày nghỉ 04/03/2026); thời hạn trả kết quả điều chỉnh từ 09:00 ngày 09/03/2026 thành 09:00 ngày 10/03/2026.');
    // The open hop's budget moves with the calendar too (appraisal: 3 working days from Monday, now skipping Wednesday).
    expect(moved.hops.at(-1)!.dueAt).toBe('2026-03-06T09:00:00+07:00');
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, open.id), eq(auditEvents.action, 'dossiers.due-recomputed')));
    expect(audit).toHaveLength(1);

    expect((await w.agents.leader.get(`/api/v1/dossiers/${later.id}`)).json<DossierDetail>().dueAt).toBe('2026-03-10T09:00:00+07:00');
    const kept = (await w.agents.leader.get(`/api/v1/dossiers/${finished.id}`)).json<DossierDetail>();
    expect(kept).toMatchObject({ dueAt: finished.dueAt, classification: finished.classification, version: finished.version });

    const lookup = await t.app.inject({ method: 'GET', url: `/api/v1/dossiers/lookup/${open.code}` });
    expect(lookup.json().appointmentAt).toBe('2026-03-10T09:00:00+07:00');
    expect(lookup.json().timeline.at(-1).text.en).toContain('due time moved from 09:00 on 09/03/2026 to 09:00 on 10/03/2026');
  });
});
