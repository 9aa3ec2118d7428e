// Issue 8 item 7: a dossier received in December whose due falls in a year not yet published is received on the
// provisional statutory calendar, marked provisional everywhere, and recomputed (applicant told) when the year is published.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, like, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/test-app';
import { notificationsOutbox } from '../../platform/notifications';
import { calendarCalendars, calendarUnitHours, PROVINCE_CALENDAR_ID } from '../../platform/calendar/store';
import type { CalendarChangedEvent } from '../../platform/calendar/store';
import { addDraftEntry } from '../../platform/calendar/store/use-cases/calendar-years';
import { previewYearPublication, publishCalendarYear } from '../../platform/calendar/store/use-cases/publish-calendar-year';
import type { DossierDetail, PublicLookup } from '../../../contracts/dossiers/dossiers.contracts';
import { flatText } from './slips/test/pdf-tools';
import { DOSSIER_TEST_ENV, createDossierWorld, publishProcedure, receive, step, type DossierWorld } from './test/factories';

let t: TestApp;
let w: DossierWorld;
let longProcedure: string;
beforeAll(async () => {
  t = await createTestApp({ env: DOSSIER_TEST_ENV });
  w = await createDossierWorld(t);
  longProcedure = await publishProcedure(t, [w.dept.id], { processingTimes: [{ channel: 'any', amount: 20, unit: 'working-days', raw: '20 ngày làm việc' }] });
});
afterAll(async () => t?.close());

const lookup = async (code: string): Promise<PublicLookup> => (await t.app.inject({ method: 'GET', url: `/api/v1/dossiers/lookup/${code}` })).json<PublicLookup>();
const detail = async (id: string): Promise<DossierDetail> => (await w.agents.leader.get(`/api/v1/dossiers/${id}`)).json<DossierDetail>();
const movedMessages = (id: string) =>
  t.database.db
    .select()
    .from(notificationsOutbox)
    .where(and(eq(notificationsOutbox.subjectId, id), like(notificationsOutbox.dedupeKey, '%calendar-change%')));

describe('provisional calendar for a year not yet published (issue 8 item 7)', () => {
  let received: DossierDetail;
  let paused: DossierDetail;

  it('receives a 20-working-day dossier on 5 December 2026 with its due in 2027 marked provisional', async () => {
    // Saturday 05/12/2026 09:00: the clock starts Monday 07/12; 19 working days in December, 01/01/2027 is Tết Dương
    // lịch (Labour Code art. 112), so the 20th working day is Monday 04/01/2027.
    t.clock.set('2026-12-05T02:00:00Z');
    received = await receive(w, { procedureCode: longProcedure });
    expect(received).toMatchObject({ dueAt: '2027-01-04T17:00:00+07:00', dueProvisional: true });
    expect((await lookup(received.code)).dueProvisional).toBe(true);
    // The receipt (Mẫu 01) and the control slip say the appointment is provisional until 2027 is published.
    for (const slip of ['receipt', 'control']) {
      const pdf = await w.agents.reception.get(`/api/v1/dossiers/${received.id}/slips/${slip}`);
      expect(pdf.statusCode).toBe(200);
      expect(flatText(pdf.rawPayload)).toContain('Ngày hẹn trả kết quả là tạm tính cho đến khi lịch làm việc chính thức năm 2027 được công bố');
    }

    const queue = (await w.agents.reception.get('/api/v1/dossiers?queue=unit&pageSize=100')).json<{ items: Array<{ id: string; dueProvisional: boolean }> }>();
    expect(queue.items.find((i) => i.id === received.id)?.dueProvisional).toBe(true);

    // A dossier due within the published year is not provisional.
    const short = await receive(w);
    expect(short).toMatchObject({ dueAt: '2026-12-11T17:00:00+07:00', dueProvisional: false });
    expect((await lookup(short.code)).dueProvisional).toBe(false);
    const shortReceipt = await w.agents.reception.get(`/api/v1/dossiers/${short.id}/slips/receipt`);
    expect(flatText(shortReceipt.rawPayload)).not.toContain('tạm tính');

    // Another provisional one whose clock is stopped (supplement requested): its due cannot move on publication.
    paused = await step(w.agents.specialist, await step(w.agents.reception, await receive(w, { procedureCode: longProcedure }), { transition: 'forward' }), {
      transition: 'request-supplement',
      items: ['Bản sao giấy khai sinh'],
      reason: 'Thiếu giấy tờ',
    });
    expect(paused).toMatchObject({ state: 'SUPPLEMENT_REQUESTED', dueAt: '2027-01-04T17:00:00+07:00', dueProvisional: true });
  });

  it('warns administrators that 2027 is not published, with how many open dossiers rely on it', async () => {
    const status = await w.agents.admin.get('/api/v1/calendar/status');
    expect(status.statusCode).toBe(200);
    expect(status.json()).toMatchObject({
      today: '2026-12-05',
      lastPublishedYear: 2026,
      provisionalYears: [2027, 2028],
      provisionalFrom: '2027-01-01T00:00:00+07:00',
      reliance: [{ module: 'dossiers', count: 2 }],
      provisionalOpenItems: 2,
      warning: { year: 2027, since: '2026-10-01' },
    });
    // Before 1 October there is no warning yet (the count is still given).
    t.clock.set('2026-09-30T10:00:00Z');
    expect((await w.agents.admin.get('/api/v1/calendar/status')).json()).toMatchObject({ warning: null, provisionalOpenItems: 2 });
    t.clock.set('2026-12-05T02:00:00Z');
    // Administrators only.
    expect((await w.agents.reception.get('/api/v1/calendar/status')).statusCode).toBe(403);
  });

  it('publishing 2027 with a changed day moves the due, clears the provisional mark and notifies the applicant once', async () => {
    const ctx = t.systemCtx();
    // The official notice (test) adds Monday 04/01/2027 as a day off.
    const draft = await addDraftEntry(ctx, {
      year: 2027,
      entry: { date: '2027-01-04', type: 'day-off', kind: 'swap', reason: 'Nghỉ hoán đổi (thử nghiệm)', reference: 'Thông báo thử nghiệm 2027' },
    });
    const impact = await previewYearPublication(ctx, { year: 2027 });
    expect(impact.modules).toContainEqual({ module: 'dossiers', affected: 1 });
    expect(impact.newYear).toBe(true);
    expect(impact.changedDays.map((d) => d.date)).toEqual(['2027-01-04']);
    let changed: CalendarChangedEvent | null = null;
    const off = t.host.events.on('calendar.changed', (e) => {
      changed = e;
    });
    try {
      await publishCalendarYear(ctx, { year: 2027, version: draft.version, reason: 'Công bố lịch 2027', acknowledgedImpact: impact.total });
    } finally {
      off();
    }

    const moved = await detail(received.id);
    expect(moved).toMatchObject({ dueAt: '2027-01-05T17:00:00+07:00', dueProvisional: false, version: received.version + 1 });
    expect(moved.timeline.at(-1)).toMatchObject({
      kind: 'calendar-confirmed',
      public: true,
      text: 'Lịch làm việc chính thức năm 2027 đã được công bố (Công bố lịch 2027); lịch hẹn trả kết quả tạm tính 17:00 ngày 04/01/2027 được điều chỉnh thành 17:00 ngày 05/01/2027.',
    });
    const view = await lookup(received.code);
    expect(view).toMatchObject({ appointmentAt: '2027-01-05T17:00:00+07:00', dueProvisional: false });
    const receipt = await w.agents.reception.get(`/api/v1/dossiers/${received.id}/slips/receipt`);
    expect(flatText(receipt.rawPayload)).not.toContain('tạm tính');

    // One message per channel the applicant can be reached by (e-mail, SMS, Zalo on the phone) for the moved appointment.
    const messages = await movedMessages(received.id);
    expect(messages.map((m) => m.channel).sort()).toEqual(['email', 'sms', 'zalo']);
    expect(messages[0]!.params).toMatchObject({ kind: 'calendar-confirmed' });

    // The paused dossier did not move, but its appointment is now official: the lookup no longer says provisional.
    expect(await detail(paused.id)).toMatchObject({ dueAt: '2027-01-04T17:00:00+07:00', dueProvisional: false, version: paused.version });
    expect((await lookup(paused.code)).dueProvisional).toBe(false);
    expect(await movedMessages(paused.id)).toHaveLength(0);

    // Handling the same event again (a redelivery) moves nothing and sends nothing twice.
    expect(changed).not.toBeNull();
    await t.host.events.emit('calendar.changed', changed!);
    expect(await detail(received.id)).toMatchObject({ version: moved.version });
    expect(await movedMessages(received.id)).toHaveLength(3);

    // Nothing relies on a provisional year any more; 2027 is published so no warning in December.
    expect((await w.agents.admin.get('/api/v1/calendar/status')).json()).toMatchObject({ lastPublishedYear: 2027, provisionalOpenItems: 0, warning: null });
  });

  it('does not hide a calendar that fails to load: reading the dossier says why (item 12)', async () => {
    // A unit's stored hours that cannot compile (Monday defines the working day and has none here).
    const broken = { 1: [], 2: [], 3: [], 4: [], 5: [], 6: [], 7: [] };
    await t.database.db.insert(calendarUnitHours).values({ orgUnitCode: w.centre.code, calendarId: PROVINCE_CALENDAR_ID, weeklyHours: broken, updatedAt: new Date() });
    await t.database.db
      .update(calendarCalendars)
      .set({ revision: sql`${calendarCalendars.revision} + 1` })
      .where(eq(calendarCalendars.id, PROVINCE_CALENDAR_ID));
    try {
      const res = await w.agents.leader.get(`/api/v1/dossiers/${received.id}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('CALENDAR_INVALID');
      const list = await w.agents.reception.get('/api/v1/dossiers?queue=unit');
      expect(list.json().error.code).toBe('CALENDAR_INVALID');
    } finally {
      await t.database.db.delete(calendarUnitHours).where(eq(calendarUnitHours.orgUnitCode, w.centre.code));
      await t.database.db
        .update(calendarCalendars)
        .set({ revision: sql`${calendarCalendars.revision} + 1` })
        .where(eq(calendarCalendars.id, PROVINCE_CALENDAR_ID));
    }
    expect((await w.agents.leader.get(`/api/v1/dossiers/${received.id}`)).statusCode).toBe(200);
  });
});
