import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestAgent, type TestApp } from '../../../test/test-app';
import { auditEvents } from '../../audit/audit.tables';
import { addWorkingTime, DEFAULT_WEEKLY_HOURS } from '../calendar.engine';
import type { CalendarChangedEvent } from './calendar.events';
import { registerCalendarImpactProvider } from './calendar.impact';
import { presentWeeklyHours } from './calendar.presenter';
import { seedCalendarDemo } from './calendar.seed';
import { signInAs } from './test/test-actors';

let t: TestApp;
let admin: TestAgent;
let officer: TestAgent;
const cleanups: Array<() => void> = [];

beforeAll(async () => {
  t = await createTestApp();
  await seedCalendarDemo(t.systemCtx());
  admin = await signInAs(t, { role: 'system-admin' });
  officer = await signInAs(t, { role: 'specialist' });
});
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});
afterAll(async () => t?.close());

const defaults = presentWeeklyHours(DEFAULT_WEEKLY_HOURS);
const withSaturdayMorning = { ...defaults, '6': [{ start: '07:30', end: '11:30' }] };
const friday16 = encodeURIComponent('2026-03-06T16:00:00+07:00');
const dueFor = async (orgUnit?: string) =>
  (await t.app.inject({ method: 'GET', url: `/api/v1/calendar/due?start=${friday16}&amount=2&unit=working-hours${orgUnit ? `&orgUnit=${orgUnit}` : ''}` })).json();

describe('unit office hours', () => {
  it('uses a unit’s own office hours for /due when it has them, after the admin confirmed the impact', async () => {
    const events: CalendarChangedEvent[] = [];
    cleanups.push(t.host.events.on('calendar.changed', (e) => void events.push(e)));
    cleanups.push(
      registerCalendarImpactProvider({
        module: 'test-unit-items',
        // One open item of unit XA-01 received Friday 16:00 with 2 working hours.
        countAffected: async (_db, _before, _after, change) => {
          const pair = change.forUnit('XA-01');
          const start = new Date('2026-03-06T16:00:00+07:00');
          const due = (cal: typeof pair.after) => addWorkingTime(start, { amount: 2, unit: 'working-hours' }, cal!).due!.getTime();
          return due(pair.before) === due(pair.after) ? 0 : 1;
        },
      }),
    );
    expect(await dueFor('XA-01')).toMatchObject({ due: '2026-03-09T08:00:00+07:00', unitHours: false });

    const impact = await admin.post('/api/v1/calendar/admin/unit-hours/XA-01/impact', { weeklyHours: withSaturdayMorning });
    expect(impact.json().total).toBe(1);
    expect(impact.json().modules).toContainEqual({ module: 'test-unit-items', affected: 1 });
    const res = await admin.put('/api/v1/calendar/admin/unit-hours/XA-01', {
      weeklyHours: withSaturdayMorning,
      label: 'UBND xã thử',
      reason: 'Tiếp nhận sáng Thứ Bảy',
      acknowledgedImpact: 1,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([{ orgUnitCode: 'XA-01', label: 'UBND xã thử', weeklyHours: withSaturdayMorning, updatedAt: expect.any(String) }]);
    expect(events).toMatchObject([{ kind: 'unit-hours', orgUnitCode: 'XA-01', reason: 'Tiếp nhận sáng Thứ Bảy' }]);
    expect((await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'calendar.unit-hours.update'))).length).toBe(1);

    // Friday 16:00–17:00, then Saturday 07:30–08:30 at this unit; other units still wait for Monday.
    expect(await dueFor('XA-01')).toMatchObject({ due: '2026-03-07T08:30:00+07:00', unitHours: true, skipped: [] });
    expect(await dueFor('XA-02')).toMatchObject({ due: '2026-03-09T08:00:00+07:00', unitHours: false });
    expect(await dueFor()).toMatchObject({ due: '2026-03-09T08:00:00+07:00', unitHours: false });
    expect((await officer.get('/api/v1/calendar/admin/unit-hours')).json().total).toBe(1);

    const removed = await admin.put('/api/v1/calendar/admin/unit-hours/XA-01', { weeklyHours: null, reason: 'Thôi làm Thứ Bảy', acknowledgedImpact: 1 });
    expect(removed.json()).toEqual({ items: [], total: 0 });
    expect(await dueFor('XA-01')).toMatchObject({ due: '2026-03-09T08:00:00+07:00', unitHours: false });
    const missing = await admin.put('/api/v1/calendar/admin/unit-hours/XA-01', { weeklyHours: null, reason: 'Lần nữa', acknowledgedImpact: 0 });
    expect(missing.statusCode).toBe(404);
  });

  it('rejects overlapping periods, bad times and a Monday without hours with field errors', async () => {
    const overlapping = {
      ...defaults,
      '2': [
        { start: '07:00', end: '12:00' },
        { start: '11:00', end: '17:00' },
      ],
    };
    const bad = await admin.put('/api/v1/calendar/admin/unit-hours/XA-03', { weeklyHours: overlapping, reason: 'Thử', acknowledgedImpact: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual([{ path: 'body.weeklyHours.2.1', code: 'calendar.errors.periods', message: expect.stringContaining('không chồng lấn') }]);
    const noMonday = await admin.post('/api/v1/calendar/admin/office-hours/impact', { weeklyHours: { ...defaults, '1': [] } });
    expect(noMonday.json().error.fields).toEqual([{ path: 'body.weeklyHours.1', code: 'calendar.errors.mondayRequired', message: expect.stringContaining('Thứ Hai') }]);
    const time = await admin.post('/api/v1/calendar/admin/office-hours/impact', { weeklyHours: { ...defaults, '3': [{ start: '7h', end: '25:00' }] } });
    expect(time.statusCode).toBe(400);
    expect(time.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['body.weeklyHours.3.0.start', 'body.weeklyHours.3.0.end']);
    expect(time.json().error.fields[0].message).toBe('Giờ phải theo dạng HH:MM (từ 00:00 đến 24:00).');
  });
  it('keeps a make-up Saturday worked, with the unit’s own Saturday hours, where the unit already opens on Saturdays', async () => {
    const res = await admin.put('/api/v1/calendar/admin/unit-hours/XA-04', { weeklyHours: withSaturdayMorning, reason: 'Thử', acknowledgedImpact: 0 });
    expect(res.statusCode).toBe(200);
    // Sat 10/01/2026 is a make-up day for everyone (a full standard day); at XA-04 it is worked 07:30–11:30 as every Saturday.
    const start = encodeURIComponent('2026-01-09T16:00:00+07:00');
    const province = await t.app.inject({ method: 'GET', url: `/api/v1/calendar/due?start=${start}&amount=3&unit=working-hours` });
    expect(province.json().due).toBe('2026-01-10T09:00:00+07:00');
    const unit = await t.app.inject({ method: 'GET', url: `/api/v1/calendar/due?start=${start}&amount=3&unit=working-hours&orgUnit=XA-04` });
    expect(unit.json().due).toBe('2026-01-10T09:30:00+07:00');
  });
});

describe('province office hours', () => {
  it('changes the province hours after confirmation; /due and the event follow', async () => {
    const events: CalendarChangedEvent[] = [];
    cleanups.push(t.host.events.on('calendar.changed', (e) => void events.push(e)));
    const read = await officer.get('/api/v1/calendar/admin/office-hours');
    expect(read.json().weeklyHours).toEqual(defaults);
    const later = {
      ...defaults,
      '5': [
        { start: '07:30', end: '11:30' },
        { start: '13:30', end: '16:00' },
      ],
    };
    const impact = await admin.post('/api/v1/calendar/admin/office-hours/impact', { weeklyHours: later });
    expect(impact.json()).toMatchObject({ total: 0, changedDays: [], newYear: false });
    const res = await admin.put('/api/v1/calendar/admin/office-hours', { weeklyHours: later, reason: 'Quyết định giờ làm việc mới', acknowledgedImpact: 0 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ weeklyHours: later, revision: read.json().revision + 1 });
    expect(events).toMatchObject([{ kind: 'office-hours', years: [2024, 2025, 2026], orgUnitCode: null }]);
    // Friday now closes at 16:00: two hours from Friday 16:00 end Monday 09:00.
    expect(await dueFor()).toMatchObject({ clockStart: '2026-03-09T07:00:00+07:00', due: '2026-03-09T09:00:00+07:00' });
    const forbidden = await officer.put('/api/v1/calendar/admin/office-hours', { weeklyHours: defaults, reason: 'x', acknowledgedImpact: 0 });
    expect(forbidden.statusCode).toBe(403);
    expect((await officer.get('/api/v1/calendar/admin/office-hours')).json().weeklyHours).toEqual(later);
  });
});
