// The adjustable clock's API: off unless MOTCUA_ADJUSTABLE_CLOCK=true; administrators only; audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, TestAgent, type TestApp } from '../../test/test-app';
import { auditEvents } from '../audit/audit.tables';
import { seedCalendarDemo } from '../calendar/store';
import { signInAs } from '../calendar/store/test/test-actors';

let t: TestApp;
let off: TestApp;
let admin: TestAgent;
beforeAll(async () => {
  // Sessions follow the clock too: long limits so moving it by days does not sign the administrator out.
  t = await createTestApp({ env: { MOTCUA_ADJUSTABLE_CLOCK: 'true', SESSION_IDLE_MINUTES: '100000', SESSION_ABSOLUTE_HOURS: '10000' } });
  off = await createTestApp();
  await seedCalendarDemo(t.systemCtx());
  admin = await signInAs(t, { role: 'system-admin', displayName: 'Quản trị hệ thống' });
});
afterAll(async () => {
  await t?.close();
  await off?.close();
});

describe('adjustable clock', () => {
  it('does not exist unless MOTCUA_ADJUSTABLE_CLOCK=true', async () => {
    const offAdmin = await signInAs(off, { role: 'system-admin' });
    expect((await offAdmin.get('/api/v1/clock')).statusCode).toBe(404);
    expect((await offAdmin.post('/api/v1/clock/advance', { minutes: 60 })).statusCode).toBe(404);
  });

  it('lets an administrator move it forward by working time on the published calendar, then back, audited', async () => {
    // Monday 02/03/2026 09:00 in Hà Nội: one working day later is Tuesday 09:00; a second reaches Wednesday 09:00.
    expect((await admin.get('/api/v1/clock')).json()).toEqual({ now: '2026-03-02T02:00:00.000Z', offsetMinutes: 0 });
    const day = await admin.post('/api/v1/clock/advance', { workingMinutes: 480 });
    expect(day.statusCode, day.body).toBe(200);
    expect(day.json()).toEqual({ now: '2026-03-03T02:00:00.000Z', offsetMinutes: 1440 });
    expect(t.clock.now().toISOString()).toBe('2026-03-03T02:00:00.000Z');
    expect((await admin.post('/api/v1/clock/advance', { workingMinutes: 480, minutes: 30 })).json().now).toBe('2026-03-04T02:30:00.000Z');
    const reset = await admin.post('/api/v1/clock/reset', {});
    expect(reset.json()).toEqual({ now: '2026-03-02T02:00:00.000Z', offsetMinutes: 0 });
    const audit = await t.database.db.select().from(auditEvents).where(eq(auditEvents.subjectType, 'clock')).orderBy(auditEvents.id);
    expect(audit.map((a) => a.action)).toEqual(['platform.clock.advance', 'platform.clock.advance', 'platform.clock.reset']);
  });

  it('refuses other callers and an empty move, and leaves the clock alone', async () => {
    const officer = await signInAs(t, { role: 'reception-officer' });
    expect((await officer.post('/api/v1/clock/advance', { minutes: 60 })).statusCode).toBe(403);
    expect((await new TestAgent(t.app).post('/api/v1/clock/advance', { minutes: 60 })).statusCode).toBe(401);
    const empty = await admin.post('/api/v1/clock/advance', {});
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields[0].message).toBe('Nhập số phút làm việc hoặc số phút cần chuyển đồng hồ tới.');
    expect(t.clock.now().toISOString()).toBe('2026-03-02T02:00:00.000Z');
  });

  it('sets it to an instant, forward or back (a journey starts on 5 December whatever the machine date), audited', async () => {
    const officer = await signInAs(t, { role: 'reception-officer' });
    expect((await officer.post('/api/v1/clock/set', { at: '2026-12-05T09:00:00+07:00' })).statusCode).toBe(403);
    expect((await off.app.inject({ method: 'POST', url: '/api/v1/clock/set', payload: { at: '2026-12-05T09:00:00+07:00' } })).statusCode).toBe(404);
    const bad = await admin.post('/api/v1/clock/set', { at: '2026-12-05 09:00' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0]).toMatchObject({ path: 'body.at', message: 'Thời điểm phải theo ISO 8601 kèm múi giờ, ví dụ 2026-12-05T09:00:00+07:00.' });

    const set = await admin.post('/api/v1/clock/set', { at: '2026-12-05T09:00:00+07:00' });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().now).toBe('2026-12-05T02:00:00.000Z');
    expect(t.clock.now().toISOString()).toBe('2026-12-05T02:00:00.000Z');
    // Sessions follow the clock: nine months later the administrator's session has been idle too long; sign in again.
    const later = await signInAs(t, { role: 'system-admin' });
    const back = await later.post('/api/v1/clock/set', { at: '2026-01-02T02:00:00Z' });
    expect(back.json().now, back.body).toBe('2026-01-02T02:00:00.000Z');
    const audit = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'platform.clock.set')).orderBy(auditEvents.id);
    expect(audit).toHaveLength(2);
    expect(audit[0]!.after).toMatchObject({ at: '2026-12-05T09:00:00+07:00' });
    await later.post('/api/v1/clock/reset', {});
  });
});
