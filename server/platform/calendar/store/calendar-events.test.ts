import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { createTestApp, type TestAgent, type TestApp } from '../../../test/test-app';
import type { Ctx } from '../../context/context';
import type { Db } from '../../db/database';
import { addWorkingTime, describeDay, toVnIso } from '../calendar.engine';
import type { Duration, WorkingCalendar } from '../calendar.types';
import type { CalendarChangedEvent } from './calendar.events';
import { registerCalendarImpactProvider } from './calendar.impact';
import { seedCalendarDemo } from './calendar.seed';
import { getPublishedCalendar, PROVINCE_CALENDAR_ID } from './calendar.state';
import { calendarCalendars, calendarEntries, calendarYears } from './calendar.tables';
import { publishCalendarYear } from './use-cases/publish-calendar-year';
import { signInAs } from './test/test-actors';

let t: TestApp;
let admin: TestAgent;
const cleanups: Array<() => void> = [];

beforeAll(async () => {
  t = await createTestApp();
  await seedCalendarDemo(t.systemCtx());
  admin = await signInAs(t, { role: 'system-admin' });
});
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});
afterAll(async () => t?.close());

/** A stand-in for a module holding deadlines: open items with a stored due, recomputed on calendar.changed. */
class TestDeadlines {
  items: Array<{ id: string; start: Date; duration: Duration; due: string }> = [];
  constructor(private readonly cal: WorkingCalendar) {}
  add(id: string, start: string, duration: Duration) {
    this.items.push({ id, start: new Date(start), duration, due: toVnIso(addWorkingTime(new Date(start), duration, this.cal).due!) });
  }
  wouldMove(before: WorkingCalendar, after: WorkingCalendar): number {
    return this.items.filter((i) => addWorkingTime(i.start, i.duration, before).due!.getTime() !== addWorkingTime(i.start, i.duration, after).due!.getTime()).length;
  }
  async recompute(db: Db): Promise<void> {
    const cal = await getPublishedCalendar(db);
    for (const i of this.items) i.due = toVnIso(addWorkingTime(i.start, i.duration, cal).due!);
  }
}

async function draftWithExtraDayOff(year: number, date: string): Promise<number> {
  const revision = await admin.post(`/api/v1/calendar/admin/years/${year}/revisions`);
  expect(revision.statusCode).toBe(201);
  const res = await admin.post(`/api/v1/calendar/admin/years/${year}/draft/entries`, { date, type: 'day-off', reason: 'Nghỉ thêm (thử)', reference: 'Thông báo thử' });
  expect(res.statusCode).toBe(200);
  return res.json().version as number;
}

/** Lets handlers still running (e.g. the dossiers module's, registered before ours) finish. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

const publish = (year: number, body: { version: number; acknowledgedImpact: number; reason?: string }) =>
  admin.post(`/api/v1/calendar/admin/years/${year}/draft/publish`, { reason: 'Thông báo bổ sung', ...body });

describe('impact preview and calendar.changed', () => {
  it('asks each registered provider how many open items would move, and refuses a publish that acknowledged another number', async () => {
    const deadlines = new TestDeadlines(await getPublishedCalendar(t.database.db));
    deadlines.add('crosses', '2026-10-05T09:00:00+07:00', { amount: 3, unit: 'working-days' }); // due Thu 08/10
    deadlines.add('after', '2026-10-12T09:00:00+07:00', { amount: 1, unit: 'working-days' });
    deadlines.add('before', '2026-09-28T09:00:00+07:00', { amount: 2, unit: 'working-days' });
    const seen: Array<{ before: WorkingCalendar; after: WorkingCalendar }> = [];
    cleanups.push(
      registerCalendarImpactProvider({
        module: 'test-deadlines',
        countAffected: async (_db, before, after) => {
          seen.push({ before, after });
          return deadlines.wouldMove(before, after);
        },
      }),
      registerCalendarImpactProvider({ module: 'a-quiet-module', countAffected: async () => 0 }),
    );
    const version = await draftWithExtraDayOff(2026, '2026-10-07');

    const impact = await admin.get('/api/v1/calendar/admin/years/2026/draft/impact');
    expect(impact.statusCode).toBe(200);
    const body = impact.json<{ modules: Array<{ module: string; affected: number }>; total: number }>();
    // Modules of the app (e.g. dossiers) answer too; this database holds none of their items.
    expect(body.modules).toContainEqual({ module: 'test-deadlines', affected: 1 });
    expect(body.modules).toContainEqual({ module: 'a-quiet-module', affected: 0 });
    expect(body.modules.map((m) => m.module)).toEqual(body.modules.map((m) => m.module).sort());
    expect(body.total).toBe(1);
    expect(impact.json()).toMatchObject({
      newYear: false,
      changedDays: [{ date: '2026-10-07', before: { working: true }, after: { working: false, reason: 'Nghỉ thêm (thử)' } }],
    });
    expect(describeDay('2026-10-07', seen[0]!.before).working).toBe(true);
    expect(describeDay('2026-10-07', seen[0]!.after).working).toBe(false);

    const blind = await publish(2026, { version, acknowledgedImpact: 0 });
    expect(blind.statusCode).toBe(409);
    expect(blind.json().error).toMatchObject({
      code: 'CALENDAR_IMPACT_CHANGED',
      message: 'Số mục bị ảnh hưởng đã thay đổi (đã xem: 0, hiện tại: 1). Vui lòng xem lại trước khi xác nhận.',
    });
    expect((await admin.get('/api/v1/calendar/admin/years/2026')).json().draft).not.toBeNull();

    const ok = await publish(2026, { version, acknowledgedImpact: 1 });
    expect(ok.statusCode).toBe(200);
  });

  it('emits calendar.changed after commit, and a subscriber recomputes its open items on the new calendar', async () => {
    const deadlines = new TestDeadlines(await getPublishedCalendar(t.database.db));
    deadlines.add('crosses', '2026-10-19T09:00:00+07:00', { amount: 3, unit: 'working-days' });
    expect(deadlines.items[0]!.due).toBe('2026-10-22T09:00:00+07:00');
    const events: Array<{ event: CalendarChangedEvent; statusSeenByOthers: string | undefined }> = [];
    cleanups.push(
      t.host.events.on('calendar.changed', async (event) => {
        // Read outside the publishing transaction: after commit, the year is already published for everyone.
        const [row] = await t.database.db
          .select({ status: calendarYears.status })
          .from(calendarYears)
          .where(and(eq(calendarYears.year, 2026), eq(calendarYears.status, 'draft')));
        events.push({ event, statusSeenByOthers: row?.status });
        await deadlines.recompute(t.database.db);
      }),
    );
    const [{ revision: revisionBefore }] = (await t.database.db.select({ revision: calendarCalendars.revision }).from(calendarCalendars)) as [{ revision: number }];
    const version = await draftWithExtraDayOff(2026, '2026-10-21');
    expect(events).toHaveLength(0); // editing a draft moves nothing

    const res = await publish(2026, { version, acknowledgedImpact: 0, reason: 'Nghỉ thêm theo thông báo' });
    expect(res.statusCode).toBe(200);
    expect(events).toHaveLength(1);
    const { event, statusSeenByOthers } = events[0]!;
    expect(statusSeenByOthers).toBeUndefined(); // no draft left: the publication was committed
    expect(event).toMatchObject({
      kind: 'year-published',
      calendarId: PROVINCE_CALENDAR_ID,
      orgUnitCode: null,
      years: [2026],
      revision: revisionBefore + 1,
      reason: 'Nghỉ thêm theo thông báo',
    });
    expect(describeDay('2026-10-21', event.before!).working).toBe(true);
    expect(describeDay('2026-10-21', event.after!).working).toBe(false);
    expect(deadlines.items[0]!.due).toBe('2026-10-23T09:00:00+07:00');
  });

  it('does not emit calendar.changed, nor change anything, when the transaction rolls back', async () => {
    const received: CalendarChangedEvent[] = [];
    cleanups.push(t.host.events.on('calendar.changed', (e) => void received.push(e)));
    const version = await draftWithExtraDayOff(2026, '2026-12-01');
    const db = t.database.db;
    // The write succeeds but COMMIT never happens (e.g. the connection drops): nothing may be announced.
    const failingDb = Object.create(db, {
      transaction: {
        value: (fn: (tx: unknown) => Promise<unknown>) =>
          db.transaction(async (tx) => {
            await fn(tx);
            throw new Error('commit failed');
          }),
      },
    }) as Db;
    const ctx: Ctx = { ...t.systemCtx(), db: failingDb };
    const revisionBefore = (await db.select({ revision: calendarCalendars.revision }).from(calendarCalendars))[0]!.revision;
    await expect(publishCalendarYear(ctx, { year: 2026, version, reason: 'Thử', acknowledgedImpact: 0 })).rejects.toThrow('commit failed');
    await settle();
    expect(received).toHaveLength(0);
    expect((await admin.get('/api/v1/calendar/admin/years/2026')).json().draft).toMatchObject({ status: 'draft', version });
    expect((await db.select({ revision: calendarCalendars.revision }).from(calendarCalendars))[0]!.revision).toBe(revisionBefore);

    // The same publication through the real transaction is announced once.
    await publishCalendarYear({ ...t.systemCtx() }, { year: 2026, version, reason: 'Thử', acknowledgedImpact: 0 });
    await settle();
    expect(received).toHaveLength(1);
  });
});

describe('compiled calendar cache', () => {
  const dueAcross = async () =>
    (await t.app.inject({ method: 'GET', url: `/api/v1/calendar/due?start=${encodeURIComponent('2026-12-14T09:00:00+07:00')}&amount=1&unit=working-days` })).json();

  it('reflects a publish at once', async () => {
    expect((await dueAcross()).due).toBe('2026-12-15T09:00:00+07:00');
    const version = await draftWithExtraDayOff(2026, '2026-12-15');
    expect((await dueAcross()).due).toBe('2026-12-15T09:00:00+07:00');
    expect((await publish(2026, { version, acknowledgedImpact: 0 })).statusCode).toBe(200);
    expect((await dueAcross()).due).toBe('2026-12-16T09:00:00+07:00');
  });

  it('notices a publish made by another process through the revision number, and only then reloads', async () => {
    const db = t.database.db;
    const [year] = await db
      .select()
      .from(calendarYears)
      .where(and(eq(calendarYears.year, 2026), eq(calendarYears.status, 'published')));
    // Another process writes the day off; until it bumps the revision this process keeps its compiled copy.
    await db.insert(calendarEntries).values({
      yearId: year!.id,
      date: '2026-12-16',
      type: 'day-off',
      kind: 'other',
      reason: 'Nghỉ (tiến trình khác)',
      reference: 'TB',
      status: 'official',
      createdAt: new Date(),
    });
    expect((await dueAcross()).due).toBe('2026-12-16T09:00:00+07:00');
    await db.update(calendarCalendars).set({ revision: sql`${calendarCalendars.revision} + 1` });
    expect((await dueAcross()).due).toBe('2026-12-17T09:00:00+07:00');
  });
});
