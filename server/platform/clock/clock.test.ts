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
});
