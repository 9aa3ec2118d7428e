import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/test-app';
import { addWorkingTime, buildCalendar, toVnIso } from '../calendar.engine';
import { NOTICE_9441_2025, OFFICIAL_YEARS } from '../official-years';
import { LABOR_CODE_ART_111_3, LABOR_CODE_ART_112 } from '../holiday-generator';
import type { DurationUnit } from '../calendar.types';
import { seedCalendarDemo } from './calendar.seed';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedCalendarDemo(t.systemCtx());
});
afterAll(async () => t?.close());

const due = (query: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url: `/api/v1/calendar/due?${query}`, headers: { 'x-forwarded-for': '198.51.100.1', ...headers } });

// The engine on the same published data, as an independent oracle for the HTTP answer.
const engine = buildCalendar({ id: 'oracle', years: OFFICIAL_YEARS });
const oracle = (start: string, amount: number, unit: DurationUnit) => {
  const r = addWorkingTime(new Date(start), { amount, unit }, engine);
  return { due: toVnIso(r.due!), skipped: r.skipped.map((s) => s.date) };
};

describe('GET /api/v1/calendar/due (public)', () => {
  it('skips the 2026 Tết days and lists each skipped day with its reason and reference', async () => {
    const res = await due(`start=${encodeURIComponent('2026-02-13T10:00:00+07:00')}&amount=3&unit=working-days`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    // Fri 13/02 10:00 leaves 5 h that day; Mon 23/02 gives 8 h, Tue 24/02 8 h; the last 3 h end Wed 25/02 10:00.
    expect(body.due).toBe('2026-02-25T10:00:00+07:00');
    expect(body.due).toBe(oracle('2026-02-13T10:00:00+07:00', 3, 'working-days').due);
    expect(body.skipped.map((s: { date: string }) => s.date)).toEqual(oracle('2026-02-13T10:00:00+07:00', 3, 'working-days').skipped);
    expect(body.skipped[0]).toEqual({ date: '2026-02-14', kind: 'weekend', reason: 'Ngày nghỉ hằng tuần (Thứ Bảy)', reference: null });
    expect(body.skipped[2]).toEqual({ date: '2026-02-16', kind: 'tet', reason: 'Tết Nguyên đán Bính Ngọ', reference: NOTICE_9441_2025 });
    expect(body.skipped.filter((s: { kind: string }) => s.kind === 'tet')).toHaveLength(5);
    expect(body.clockStart).toBe('2026-02-13T10:00:00+07:00');
  });

  it('counts working hours past a Sunday holiday and its compensatory Monday', async () => {
    const res = await due(`start=${encodeURIComponent('2026-04-24T16:00:00+07:00')}&amount=4&unit=working-hours`);
    expect(res.statusCode).toBe(200);
    expect(res.json().due).toBe(oracle('2026-04-24T16:00:00+07:00', 4, 'working-hours').due);
    expect(res.json().due).toBe('2026-04-28T10:00:00+07:00');
    expect(res.json().skipped.slice(1)).toEqual([
      { date: '2026-04-26', kind: 'holiday', reason: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', reference: LABOR_CODE_ART_112 },
      { date: '2026-04-27', kind: 'compensatory', reason: 'Nghỉ bù Giỗ Tổ Hùng Vương (26/04/2026 rơi vào Chủ nhật)', reference: LABOR_CODE_ART_111_3 },
    ]);
  });

  it('ends calendar days at the close of the next working day and keeps the make-up Saturday worked', async () => {
    const res = await due(`start=${encodeURIComponent('2026-08-20T09:00:00+07:00')}&amount=10&unit=calendar-days`);
    expect(res.statusCode).toBe(200);
    // 30/08 is a Sunday, 31/08 a swapped day off, 01–02/09 Quốc khánh: the first working day is Thu 03/09.
    expect(res.json().due).toBe('2026-09-03T17:00:00+07:00');
    expect(res.json().skipped.map((s: { date: string }) => s.date)).toEqual(oracle('2026-08-20T09:00:00+07:00', 10, 'calendar-days').skipped);
    expect(res.json().skipped.map((s: { date: string }) => s.date)).not.toContain('2026-08-22');
  });

  it('starts at now when no start is given and moves a start outside office hours to the next period', async () => {
    // The test clock is Monday 2026-03-02 09:00 in Hà Nội.
    const now = await due('amount=1&unit=working-days');
    expect(now.json()).toMatchObject({ start: '2026-03-02T09:00:00+07:00', due: '2026-03-03T09:00:00+07:00', skipped: [] });
    const evening = await due(`start=${encodeURIComponent('2026-03-06T18:30:00+07:00')}&amount=2&unit=working-hours`);
    expect(evening.json()).toMatchObject({ clockStart: '2026-03-09T07:00:00+07:00', due: '2026-03-09T09:00:00+07:00' });
    // A UTC instant is read as the same moment: 03:00Z is 10:00 in Hà Nội.
    const utc = await due(`start=${encodeURIComponent('2026-02-13T03:00:00Z')}&amount=3&unit=working-days`);
    expect(utc.json().due).toBe('2026-02-25T10:00:00+07:00');
  });

  it('refuses bad start, amount and unit with translated field messages (Vietnamese by default)', async () => {
    const res = await due('start=13/02/2026&amount=-1&unit=weeks');
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.message).toBe('Dữ liệu gửi lên không hợp lệ. Vui lòng kiểm tra các trường được đánh dấu.');
    const byPath = Object.fromEntries(body.error.fields.map((f: { path: string; message: string }) => [f.path, f.message]));
    expect(byPath['querystring.start']).toBe('Thời điểm phải theo chuẩn ISO 8601 và có múi giờ, ví dụ 2026-02-13T10:00:00+07:00.');
    expect(byPath['querystring.amount']).toBe('Thời hạn phải là một số lớn hơn 0 và không quá 3650.');
    expect(byPath['querystring.unit']).toMatch(/^Đơn vị phải là working-days/);

    const en = await due('start=2026-02-13T10:00:00&amount=abc&unit=working-days', { 'accept-language': 'en' });
    expect(en.statusCode).toBe(400);
    const enFields = Object.fromEntries(en.json().error.fields.map((f: { path: string; message: string }) => [f.path, f.message]));
    expect(enFields['querystring.start']).toBe('The instant must be ISO 8601 with a time zone offset, e.g. 2026-02-13T10:00:00+07:00.');
    expect(enFields['querystring.amount']).toBe('The amount must be a number greater than 0 and at most 3650.');

    const fraction = await due('amount=1.5&unit=calendar-days');
    expect(fraction.statusCode).toBe(400);
    expect(fraction.json().error.fields).toEqual([{ path: 'querystring.amount', code: 'custom', message: 'Số ngày theo lịch phải là số nguyên.' }]);
    const missing = await due('unit=working-days');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields[0].path).toBe('querystring.amount');
  });

  it('answers past the last published year on the statutory calendar, marked provisional (issue 8 item 7)', async () => {
    // Saturday 05/12/2026: 19 working days left in December, 01/01/2027 off under the Labour Code art. 112.
    const res = await due(`start=${encodeURIComponent('2026-12-05T09:00:00+07:00')}&amount=20&unit=working-days`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ due: '2027-01-04T17:00:00+07:00', clockStart: '2026-12-07T07:00:00+07:00', provisional: true });
    expect(res.json().skipped).toContainEqual({ date: '2027-01-01', kind: 'holiday', reason: 'Tết Dương lịch', reference: LABOR_CODE_ART_112 });
    // Tết 2027 (Saturday 06/02) as generated: the eve and mùng 1–4, with compensatory days for the weekend ones.
    const tet = (await due(`start=${encodeURIComponent('2027-02-04T09:00:00+07:00')}&amount=2&unit=working-days`)).json();
    expect(tet.provisional).toBe(true);
    expect(tet.skipped.filter((s: { kind: string }) => s.kind === 'compensatory').map((s: { reference: string }) => s.reference)).toEqual([
      LABOR_CODE_ART_111_3,
      LABOR_CODE_ART_111_3,
    ]);
    // Within the published years nothing is provisional.
    expect((await due(`start=${encodeURIComponent('2026-12-01T09:00:00+07:00')}&amount=5&unit=working-days`)).json()).toMatchObject({ provisional: false });
  });

  it('answers CALENDAR_NOT_AVAILABLE (409, translated) before the published years and past the provisional ones', async () => {
    const before = await due(`start=${encodeURIComponent('2023-06-01T09:00:00+07:00')}&amount=1&unit=working-days`);
    expect(before.statusCode).toBe(409);
    expect(before.json().error).toMatchObject({ code: 'CALENDAR_NOT_AVAILABLE', message: expect.stringContaining('năm 2023') });
    // Past the two provisional years after the last published one (2027, 2028) nothing is guessed.
    const spill = await due(`start=${encodeURIComponent('2028-12-28T09:00:00+07:00')}&amount=5&unit=working-days`, { 'accept-language': 'en' });
    expect(spill.statusCode).toBe(409);
    expect(spill.json().error).toEqual({
      code: 'CALENDAR_NOT_AVAILABLE',
      message: 'No working calendar has been published for 2029. Choose an instant within the published years or contact an administrator.',
    });
  });

  it('is listed as public in the route catalogue and rate-limited per client', async () => {
    expect(t.app.routeCatalog).toContainEqual({ method: 'GET', url: '/api/v1/calendar/due', action: 'public' });
    const ip = { 'x-forwarded-for': '203.0.113.77' };
    const statuses: number[] = [];
    for (let i = 0; i < 121; i++) statuses.push((await due('amount=1&unit=working-days', ip)).statusCode);
    expect(statuses.slice(0, 120).every((s) => s === 200)).toBe(true);
    expect(statuses[120]).toBe(429);
    const limited = await due('amount=1&unit=working-days', ip);
    expect(limited.json().error.code).toBe('RATE_LIMITED');
    // Another client is not affected.
    expect((await due('amount=1&unit=working-days', { 'x-forwarded-for': '203.0.113.78' })).statusCode).toBe(200);
  });
});

describe('GET /api/v1/calendar/due before anything is published', () => {
  it('answers CALENDAR_NOT_AVAILABLE on an empty calendar', async () => {
    const empty = await createTestApp();
    try {
      const res = await empty.app.inject({ method: 'GET', url: '/api/v1/calendar/due?amount=1&unit=working-days' });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('CALENDAR_NOT_AVAILABLE');
      expect(res.json().error.message).toContain('năm 2026');
    } finally {
      await empty.close();
    }
  });
});
