import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { createTestApp, TestAgent, type TestApp } from '../../../test/test-app';
import { auditEvents } from '../../audit/audit.tables';
import { DRAFT_NOTE, generateDraftYear } from '../holiday-generator';
import { createLunarCalendar } from '../lunar';
import { OFFICIAL_YEARS } from '../official-years';
import { seedCalendarDemo } from './calendar.seed';
import { calendarEntries, calendarYears } from './calendar.tables';
import { signInAs } from './test/test-actors';

let t: TestApp;
let admin: TestAgent;
let adminEn: TestAgent;
let officer: TestAgent;
let citizen: TestAgent;
const anonymous = () => new TestAgent(t.app);

beforeAll(async () => {
  t = await createTestApp();
  await seedCalendarDemo(t.systemCtx());
  admin = await signInAs(t, { role: 'system-admin', displayName: 'Quản trị hệ thống' });
  adminEn = await signInAs(t, { role: 'system-admin' }, 'en');
  officer = await signInAs(t, { role: 'reception-officer' });
  citizen = await signInAs(t, { kind: 'citizen' });
});
afterAll(async () => t?.close());

async function fingerprint(): Promise<string> {
  const r = await t.database.db.execute<{ h: string }>(sql`
    select md5(
      coalesce((select string_agg(x::text, '|' order by x::text) from calendar_years x), '') ||
      coalesce((select string_agg(x::text, '|' order by x::text) from calendar_entries x), '') ||
      coalesce((select string_agg(x::text, '|' order by x::text) from calendar_calendars x), '') ||
      coalesce((select string_agg(x::text, '|' order by x::text) from calendar_unit_hours x), '') ||
      (select count(*)::text from audit_events)) as h`);
  return r.rows[0]!.h;
}

const auditOf = (action: string) => t.database.db.select().from(auditEvents).where(eq(auditEvents.action, action));

describe('calendar years (back office)', () => {
  it('lists the seeded published 2024–2026 years and the generated 2027 draft', async () => {
    const res = await officer.get('/api/v1/calendar/admin/years');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Array<{ year: number; published: { dayOffCount: number; makeUpCount: number } | null; draft: { generated: boolean } | null }>;
    expect(items.map((i) => i.year)).toEqual([2024, 2025, 2026, 2027]);
    for (const official of OFFICIAL_YEARS) {
      const item = items.find((i) => i.year === official.year)!;
      expect(item.published).toMatchObject({ dayOffCount: official.daysOff.length, makeUpCount: official.makeUpDays.length });
      expect(item.draft).toBeNull();
    }
    expect(items[3]).toMatchObject({ published: null, draft: { generated: true, status: 'draft' } });
  });

  it('shows the 2027 draft as generated from the statutory days, each marked to be confirmed', async () => {
    const res = await officer.get('/api/v1/calendar/admin/years/2027');
    expect(res.statusCode).toBe(200);
    const { draft, published, weeklyHours } = res.json();
    expect(published).toBeNull();
    expect(weeklyHours['6']).toEqual([]);
    const expected = generateDraftYear(2027, createLunarCalendar());
    expect(draft.entries.map((e: { date: string }) => e.date)).toEqual(expected.daysOff.map((d) => d.date));
    expect(draft.entries.every((e: { status: string; note: string }) => e.status === 'draft' && e.note.startsWith(DRAFT_NOTE))).toBe(true);
    expect((await officer.get('/api/v1/calendar/admin/years/2031')).json().error.code).toBe('CALENDAR_YEAR_NOT_FOUND');
  });

  it('generates a new draft year, audited, and refuses a year that already has a draft or is published', async () => {
    const res = await admin.post('/api/v1/calendar/admin/years', { year: 2028 });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ year: 2028, status: 'draft', generated: true });
    expect(res.json().entries.length).toBeGreaterThanOrEqual(10);
    const audit = await auditOf('calendar.year.generate');
    expect(audit.find((a) => a.subjectId === res.json().id)?.actorLabel).toBe('Quản trị hệ thống');

    const again = await admin.post('/api/v1/calendar/admin/years', { year: 2028 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'CALENDAR_DRAFT_EXISTS', message: 'Lịch năm 2028 đang có một bản nháp.' });
    const published = await adminEn.post('/api/v1/calendar/admin/years', { year: 2026 });
    expect(published.statusCode).toBe(409);
    expect(published.json().error.message).toBe('The 2026 calendar is already published. Start a revision to change it.');
    expect((await admin.post('/api/v1/calendar/admin/years', { year: 1999 })).statusCode).toBe(400);
  });

  it('refuses every change to non-administrators (403, 401 when signed out) and changes nothing', async () => {
    const before = await fingerprint();
    const draft = (await officer.get('/api/v1/calendar/admin/years/2027')).json().draft;
    const entryId = draft.entries[0].id;
    const attempts: Array<[string, string, unknown?]> = [
      ['POST', '/api/v1/calendar/admin/years', { year: 2029 }],
      ['POST', '/api/v1/calendar/admin/years/2026/revisions'],
      ['POST', '/api/v1/calendar/admin/years/2027/draft/entries', { date: '2027-11-24', type: 'day-off', reason: 'x', reference: 'y' }],
      ['PUT', `/api/v1/calendar/admin/years/2027/draft/entries/${entryId}`, { date: '2027-11-24', type: 'day-off', reason: 'x', reference: 'y' }],
      ['DELETE', `/api/v1/calendar/admin/years/2027/draft/entries/${entryId}`],
      ['DELETE', '/api/v1/calendar/admin/years/2027/draft'],
      ['POST', '/api/v1/calendar/admin/years/2027/draft/publish', { reason: 'x', acknowledgedImpact: 0, version: draft.version }],
      ['PUT', '/api/v1/calendar/admin/office-hours', { weeklyHours: {}, reason: 'x', acknowledgedImpact: 0 }],
      ['PUT', '/api/v1/calendar/admin/unit-hours/X1', { weeklyHours: null, reason: 'x', acknowledgedImpact: 0 }],
      ['GET', '/api/v1/calendar/admin/years/2027/draft/impact'],
    ];
    for (const [method, url, body] of attempts) {
      for (const agent of [officer, citizen]) {
        const res = await agent.request(method as 'POST', url, body);
        expect(res.statusCode, `${method} ${url}`).toBe(403);
        expect(res.json().error.code).toBe('FORBIDDEN');
      }
      expect((await anonymous().request(method as 'POST', url, body)).statusCode, `${method} ${url}`).toBe(401);
    }
    expect((await citizen.get('/api/v1/calendar/admin/years')).statusCode).toBe(403);
    expect((await anonymous().get('/api/v1/calendar/admin/office-hours')).statusCode).toBe(401);
    expect(await fingerprint()).toBe(before);
  });

  it('validates draft entries with translated field errors', async () => {
    const outside = await admin.post('/api/v1/calendar/admin/years/2027/draft/entries', { date: '2026-11-24', type: 'day-off', reason: 'Nghỉ', reference: 'TB 1' });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.fields).toEqual([{ path: 'body.date', code: 'calendar.errors.dateOutsideYear', message: 'Ngày phải thuộc năm 2027.' }]);
    const taken = await adminEn.post('/api/v1/calendar/admin/years/2027/draft/entries', { date: '2027-01-01', type: 'day-off', reason: 'Nghỉ', reference: 'TB 1' });
    expect(taken.json().error.fields).toEqual([{ path: 'body.date', code: 'calendar.errors.dateTaken', message: '2027-01-01 is already listed in this year.' }]);
    // Wednesday 24/11/2027 is a working day: it cannot be "made up".
    const makeUp = await admin.post('/api/v1/calendar/admin/years/2027/draft/entries', { date: '2027-11-24', type: 'make-up', reason: 'Làm bù', reference: 'TB 1' });
    expect(makeUp.json().error.fields[0]).toMatchObject({ path: 'body.date', code: 'calendar.errors.makeUpOnWorkingDay' });
    const blank = await admin.post('/api/v1/calendar/admin/years/2027/draft/entries', { date: '2027-11-24', type: 'day-off', reason: '  ', reference: '' });
    expect(blank.statusCode).toBe(400);
    expect(
      blank
        .json()
        .error.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['body.reason', 'body.reference']);
    expect(blank.json().error.fields[0].message).toBe('Trường này là bắt buộc.');
    const noDraft = await admin.post('/api/v1/calendar/admin/years/2026/draft/entries', { date: '2026-11-24', type: 'day-off', reason: 'Nghỉ', reference: 'TB 1' });
    expect(noDraft.statusCode).toBe(404);
    expect(noDraft.json().error.code).toBe('CALENDAR_NO_DRAFT');
  });

  it('edits the 2027 draft and publishes it: audited, entries confirmed, and /due then uses it', async () => {
    const due2027 = () => t.app.inject({ method: 'GET', url: `/api/v1/calendar/due?start=${encodeURIComponent('2027-11-23T09:00:00+07:00')}&amount=1&unit=working-days` });
    // Not published yet: counted on the statutory calendar (Labour Code art. 112) and said to be provisional.
    const provisional = await due2027();
    expect(provisional.statusCode).toBe(200);
    expect(provisional.json()).toMatchObject({ due: '2027-11-24T09:00:00+07:00', skipped: [], provisional: true });

    const added = await admin.post('/api/v1/calendar/admin/years/2027/draft/entries', {
      date: '2027-11-24',
      type: 'day-off',
      kind: 'other',
      reason: 'Ngày Văn hóa Việt Nam',
      reference: 'Nghị quyết 28/2026/QH16',
    });
    expect(added.statusCode).toBe(200);
    const entry = added.json().entries.find((e: { date: string }) => e.date === '2027-11-24');
    expect(entry).toMatchObject({ type: 'day-off', kind: 'other', status: 'official', reference: 'Nghị quyết 28/2026/QH16' });

    // Confirm one generated entry by editing its reference, remove a make-up day added by mistake.
    const newYear = added.json().entries.find((e: { date: string }) => e.date === '2027-01-01');
    const edited = await admin.put(`/api/v1/calendar/admin/years/2027/draft/entries/${newYear.id}`, {
      date: '2027-01-01',
      type: 'day-off',
      kind: 'holiday',
      reason: 'Tết Dương lịch',
      reference: 'Thông báo thử 1/TB-BNV',
    });
    expect(edited.json().entries.find((e: { id: string }) => e.id === newYear.id)).toMatchObject({ status: 'official', reference: 'Thông báo thử 1/TB-BNV' });
    const mistaken = await admin.post('/api/v1/calendar/admin/years/2027/draft/entries', { date: '2027-11-27', type: 'make-up', reason: 'Làm bù', reference: 'TB thử' });
    const mistakenId = mistaken.json().entries.find((e: { date: string }) => e.date === '2027-11-27').id;
    const removed = await admin.delete(`/api/v1/calendar/admin/years/2027/draft/entries/${mistakenId}`);
    expect(removed.json().entries.some((e: { date: string }) => e.date === '2027-11-27')).toBe(false);
    expect((await auditOf('calendar.entry.add')).length).toBe(2);
    expect((await auditOf('calendar.entry.update')).length).toBe(1);
    expect((await auditOf('calendar.entry.remove')).length).toBe(1);

    const impact = await admin.get('/api/v1/calendar/admin/years/2027/draft/impact');
    expect(impact.statusCode).toBe(200);
    // The changed days are those where the draft differs from the provisional calendar in force for 2027.
    expect(impact.json()).toMatchObject({ total: 0, newYear: true });
    expect(impact.json().changedDays).toEqual([
      { date: '2027-11-24', before: { working: true, reason: null, minutes: 480 }, after: { working: false, reason: 'Ngày Văn hóa Việt Nam', minutes: 0 } },
    ]);

    const version = removed.json().version;
    const stale = await admin.post('/api/v1/calendar/admin/years/2027/draft/publish', { reason: 'Theo thông báo', acknowledgedImpact: 0, version: version - 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    const noReason = await admin.post('/api/v1/calendar/admin/years/2027/draft/publish', { reason: '', acknowledgedImpact: 0, version });
    expect(noReason.statusCode).toBe(400);

    const res = await admin.post('/api/v1/calendar/admin/years/2027/draft/publish', { reason: 'Đã đối chiếu thông báo chính thức', acknowledgedImpact: 0, version });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'published', publishedBy: 'Quản trị hệ thống', publishReason: 'Đã đối chiếu thông báo chính thức' });
    expect(res.json().entries.every((e: { status: string; note: string | null }) => e.status === 'official' && !e.note?.startsWith(DRAFT_NOTE))).toBe(true);
    const [audit] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'calendar.year.publish'), eq(auditEvents.subjectId, res.json().id)));
    expect(audit).toMatchObject({ actorLabel: 'Quản trị hệ thống' });
    expect((audit!.after as { entries: Array<{ date: string }> }).entries.map((e) => e.date)).toContain('2027-11-24');

    const list = (await officer.get('/api/v1/calendar/admin/years')).json().items;
    expect(list.find((i: { year: number }) => i.year === 2027)).toMatchObject({ draft: null, published: { status: 'published' } });

    const after = await due2027();
    expect(after.statusCode).toBe(200);
    expect(after.json()).toMatchObject({
      due: '2027-11-25T09:00:00+07:00',
      provisional: false,
      skipped: [{ date: '2027-11-24', reason: 'Ngày Văn hóa Việt Nam', kind: 'other', reference: 'Nghị quyết 28/2026/QH16' }],
    });
  });

  it('keeps published years contiguous', async () => {
    await admin.post('/api/v1/calendar/admin/years', { year: 2030 });
    const impact = await admin.get('/api/v1/calendar/admin/years/2030/draft/impact');
    expect(impact.statusCode).toBe(409);
    expect(impact.json().error).toMatchObject({ code: 'CALENDAR_YEAR_NOT_CONTIGUOUS', message: 'Chỉ có thể công bố năm liền kề các năm đã công bố (2024–2027).' });
    const draft = (await admin.get('/api/v1/calendar/admin/years/2030')).json().draft;
    const res = await admin.post('/api/v1/calendar/admin/years/2030/draft/publish', { reason: 'Thử', acknowledgedImpact: 0, version: draft.version });
    expect(res.statusCode).toBe(409);
    const discard = await admin.delete('/api/v1/calendar/admin/years/2030/draft');
    expect(discard.json()).toEqual({ ok: true });
    expect((await admin.get('/api/v1/calendar/admin/years/2030')).statusCode).toBe(404);
    expect((await auditOf('calendar.year.discard')).length).toBe(1);
  });

  it('revises a published year: the published version stays in force until the revision is published', async () => {
    const dueAcross = () => t.app.inject({ method: 'GET', url: `/api/v1/calendar/due?start=${encodeURIComponent('2026-11-23T09:00:00+07:00')}&amount=2&unit=working-days` });
    expect((await dueAcross()).json().due).toBe('2026-11-25T09:00:00+07:00');

    const revision = await admin.post('/api/v1/calendar/admin/years/2026/revisions');
    expect(revision.statusCode).toBe(201);
    const publishedId = (await admin.get('/api/v1/calendar/admin/years/2026')).json().published.id;
    expect(revision.json()).toMatchObject({ status: 'draft', generated: false, revisionOf: publishedId });
    expect(revision.json().entries).toHaveLength(OFFICIAL_YEARS[2]!.daysOff.length + OFFICIAL_YEARS[2]!.makeUpDays.length);
    expect((await admin.post('/api/v1/calendar/admin/years/2026/revisions')).json().error.code).toBe('CALENDAR_DRAFT_EXISTS');

    const edited = await admin.post('/api/v1/calendar/admin/years/2026/draft/entries', {
      date: '2026-11-24',
      type: 'day-off',
      reason: 'Ngày Văn hóa Việt Nam',
      reference: 'Nghị quyết 28/2026/QH16',
    });
    expect((await dueAcross()).json().due).toBe('2026-11-25T09:00:00+07:00');

    const impact = (await admin.get('/api/v1/calendar/admin/years/2026/draft/impact')).json();
    expect(impact.newYear).toBe(false);
    expect(impact.changedDays).toEqual([
      { date: '2026-11-24', before: { working: true, reason: null, minutes: 480 }, after: { working: false, reason: 'Ngày Văn hóa Việt Nam', minutes: 0 } },
    ]);

    const res = await admin.post('/api/v1/calendar/admin/years/2026/draft/publish', { reason: 'Nghị quyết 28/2026/QH16', acknowledgedImpact: 0, version: edited.json().version });
    expect(res.statusCode).toBe(200);
    const [old] = await t.database.db.select().from(calendarYears).where(eq(calendarYears.id, publishedId));
    expect(old!.status).toBe('superseded');
    expect(await t.database.db.select().from(calendarEntries).where(eq(calendarEntries.yearId, publishedId))).toHaveLength(revision.json().entries.length);
    expect((await dueAcross()).json()).toMatchObject({ due: '2026-11-26T09:00:00+07:00', skipped: [{ date: '2026-11-24' }] });
  });
});
