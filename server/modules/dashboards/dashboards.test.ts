// Issue 12's interfaces through the real application: GET /api/v1/indicators/summary (officers covering the unit) and
// GET /api/v1/public/indicators (anyone, the same numbers), with hand-computed values on a fixed set of dossiers.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app';
import type { DossierDetail } from '../../../contracts/dossiers/dossiers.contracts';
import { createOrgUnit } from '../identity/test/factories';
import { DOSSIER_TEST_ENV, createDossierWorld, publishProcedure, receive, step, type DossierWorld } from '../dossiers/test/factories';
import { answers } from '../ratings/test/factories';

let t: TestApp;
let w: DossierWorld;
let ipSeq = 0;

function anon(url: string, lang: 'vi' | 'en' = 'vi') {
  ipSeq += 1;
  return t.app.inject({ method: 'GET', url, headers: { 'accept-language': lang, 'x-forwarded-for': `10.88.${Math.floor(ipSeq / 250)}.${(ipSeq % 250) + 1}` } });
}

async function finishAt(d: DossierDetail, instant: string): Promise<DossierDetail> {
  t.clock.set(instant);
  d = await step(w.agents.reception, d, { transition: 'forward' });
  d = await step(w.agents.specialist, d, { transition: 'forward' });
  return step(w.agents.leader, d, { transition: 'approve' });
}

async function receivedAt(instant: string, overrides: Record<string, unknown> = {}): Promise<DossierDetail> {
  t.clock.set(instant);
  return receive(w, overrides);
}

const summaryUrl = (unit: string, from: string, to: string, subtree?: boolean) =>
  `/api/v1/indicators/summary?unit=${encodeURIComponent(unit)}&from=${from}&to=${to}${subtree === undefined ? '' : `&subtree=${subtree}`}`;

beforeAll(async () => {
  t = await createTestApp({ env: DOSSIER_TEST_ENV });
  w = await createDossierWorld(t);
  // Quarter 2 of 2026 at the department (5 working days each). Received Wednesday 1 April, 09:00: due Wednesday 8 April, 09:00.
  const early = await receivedAt('2026-04-01T02:00:00Z');
  const onTime = await receivedAt('2026-04-01T02:00:00Z', { channel: 'online' });
  const late = await receivedAt('2026-04-01T02:00:00Z', { channel: 'online' });
  await receivedAt('2026-04-01T02:00:00Z'); // still open on 20 April: past its due
  await receivedAt('2026-04-20T01:00:00Z', { channel: 'post' }); // open, within its due
  await finishAt(early, '2026-04-02T02:00:00Z');
  await finishAt(onTime, '2026-04-08T02:00:00Z');
  const lateDone = await finishAt(late, '2026-04-08T03:00:00Z');
  // The late one is returned and rated "satisfied" at the kiosk (but not with the time taken); the early one "unsatisfied".
  t.clock.set('2026-04-09T02:00:00Z');
  const returned = await step(w.agents.reception, lateDone, { transition: 'return-result', method: 'desk', receivedBy: 'Nguyễn Văn An' });
  const earlyNow = (await w.agents.reception.get(`/api/v1/dossiers/${early.id}`)).json<DossierDetail>();
  const earlyReturned = await step(w.agents.reception, earlyNow, { transition: 'return-result', method: 'desk', receivedBy: 'Nguyễn Văn An' });
  for (const [d, level, criteria] of [
    [returned, 'satisfied', { time: 'unsatisfied', attitude: 'very-satisfied', clarity: 'satisfied' }],
    [earlyReturned, 'unsatisfied', { time: 'unsatisfied', attitude: 'unsatisfied', clarity: 'unsatisfied' }],
  ] as const) {
    const rated = await t.app.inject({
      method: 'POST',
      url: '/api/v1/ratings/kiosk/rating',
      headers: { 'x-forwarded-for': `10.89.0.${++ipSeq}` },
      payload: { code: d.code, idNumber: d.applicant.idNumber, ...answers(level, { criteria }) },
    });
    if (rated.statusCode !== 201) throw new Error(`rating failed: ${rated.statusCode} ${rated.body}`);
  }
  t.clock.set('2026-04-20T03:00:00Z');
}, 120_000);
afterAll(async () => t?.close());

describe('GET /api/v1/indicators/summary', () => {
  it("answers the department's quarter with hand-computed counts and rates", async () => {
    const res = await w.agents.leader.get(summaryUrl(w.dept.code, '2026-04-01', '2026-06-30'));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      unit: { id: w.dept.id, code: w.dept.code, name: w.dept.name },
      subtree: false,
      from: '2026-04-01',
      to: '2026-06-30',
      procedure: null,
      field: null,
      received: 5,
      receivedOnline: 2,
      receivedByChannel: { direct: 2, online: 2, post: 1 },
      finished: 3,
      finishedEarly: 1,
      finishedOnTime: 1,
      finishedLate: 1,
      withdrawn: 0,
      stopped: 0,
      apologies: 0,
      supplements: 0,
      // The late one ran late at the desk (the centre's reception step was open at the due): not held here.
      lateHeld: 0,
      // Working time: a day (early), five days (on time at the due), five days and an hour (late); five days allowed each.
      timedFinished: 3,
      usedWorkingMinutes: 480 + 2400 + 2460,
      allowedWorkingMinutes: 3 * 2400,
      averageUsedWorkingDays: (480 + 2400 + 2460) / 3 / 480,
      averageAllowedWorkingDays: 5,
      workingTimeUsedShare: (480 + 2400 + 2460) / 7200,
      feeDossiers: 0,
      feePaidOnline: 0,
      feesVnd: 0,
      feesOnlineVnd: 0,
      feePaidOnlineShare: null,
      open: 2,
      openOverdue: 1,
      openPaused: 0,
      openAtRisk: 0,
      onTimeRate: 2 / 3,
      ratings: 2,
      ratingsSatisfied: 1,
      satisfiedRate: 0.5,
      satisfiedTime: 0,
      satisfiedAttitude: 1,
      satisfiedClarity: 1,
      satisfiedTimeRate: 0,
      satisfiedAttitudeRate: 0.5,
      satisfiedClarityRate: 0.5,
      // The department carries out the world's procedure, which states no online service (read on the clock's day).
      onlineServices: { on: '2026-04-20', procedures: 1, full: 0, partial: 0, informationOnly: 0, notStated: 1, onlineShare: 0 },
      asOf: '2026-04-20T10:00:00+07:00',
    });
  });

  it('counts a subtree only when asked, and days outside the period not at all', async () => {
    const province = await w.agents.reform.get(summaryUrl(w.province.code, '2026-04-01', '2026-06-30'));
    expect(province.json()).toMatchObject({ received: 0, finished: 0, onTimeRate: null, satisfiedRate: null });
    const withSubtree = await w.agents.reform.get(summaryUrl(w.province.code, '2026-04-01', '2026-06-30', true));
    expect(withSubtree.json()).toMatchObject({ subtree: true, received: 5, finished: 3, open: 2, ratings: 2 });
    // 8 April only: the on-time and the late finish; nothing received.
    const eighth = await w.agents.leader.get(summaryUrl(w.dept.code, '2026-04-08', '2026-04-08'));
    expect(eighth.json()).toMatchObject({ received: 0, finished: 2, finishedOnTime: 1, finishedLate: 1, onTimeRate: 0.5, ratings: 0 });
    // The desk that held the late one when it ran late carries it, though it handled nothing; its drill-down lists it.
    const centre = await w.agents.reform.get(summaryUrl(w.centre.code, '2026-04-01', '2026-06-30'));
    expect(centre.json()).toMatchObject({ received: 0, finished: 0, finishedLate: 0, lateHeld: 1 });
    const held = await w.agents.reform.get(`/api/v1/indicators/dossiers?unit=${w.centre.code}&from=2026-04-01&to=2026-06-30&measure=late-held`);
    expect(held.statusCode, held.body).toBe(200);
    expect(held.json<{ items: Array<{ badge: string }> }>().items.map((i) => i.badge)).toEqual(['late']);
  });

  it('is read by officers covering the unit and the province readers only, with translated refusals', async () => {
    expect((await w.agents.specialist.get(summaryUrl(w.dept.code, '2026-04-01', '2026-04-30'))).statusCode).toBe(200);
    const outsider = await w.agents.outsider.get(summaryUrl(w.dept.code, '2026-04-01', '2026-04-30'));
    expect(outsider.statusCode).toBe(403);
    expect(outsider.json().error.fields[0]).toMatchObject({ path: 'query.unit', message: 'Bạn không xem được số liệu của đơn vị này.' });
    // A department's officer does not read a sibling department.
    expect((await w.agents.leader.get(summaryUrl(w.partner.code, '2026-04-01', '2026-04-30'))).statusCode).toBe(403);
    const anonymous = await anon(summaryUrl(w.dept.code, '2026-04-01', '2026-04-30'));
    expect(anonymous.statusCode).toBe(401);
  });

  it('refuses a bad query with a translated 400 or 404 naming the field', async () => {
    const reversed = await w.agents.leader.get(summaryUrl(w.dept.code, '2026-04-30', '2026-04-01'));
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.fields[0]).toMatchObject({ path: 'query.from', message: 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.' });
    const tooLong = await w.agents.reform.get(summaryUrl(w.dept.code, '2000-01-01', '2026-04-01'));
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.fields[0]).toMatchObject({ path: 'query.to', message: 'Một lần xem tối đa 3660 ngày.' });
    const unknown = await w.agents.reform.get(summaryUrl('KHONG-CO', '2026-04-01', '2026-04-30'));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.fields[0]).toMatchObject({ path: 'query.unit', message: 'Không có đơn vị mã KHONG-CO.' });
    const badDate = await w.agents.reform.get(`/api/v1/indicators/summary?unit=${w.dept.code}&from=2026-4-1&to=2026-04-30`);
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error.fields[0].path).toBe('querystring.from');
    // A day that does not exist is refused before any query (not a database error).
    for (const day of ['2026-02-30', '2026-13-01', '2025-02-29']) {
      const impossible = await w.agents.reform.get(`/api/v1/indicators/summary?unit=${w.dept.code}&from=${day}&to=2026-12-31`);
      expect(impossible.statusCode, day).toBe(400);
      expect(impossible.json().error.fields[0].path, day).toBe('querystring.from');
    }
    const missing = await w.agents.reform.get('/api/v1/indicators/summary?from=2026-04-01&to=2026-04-30');
    expect(missing.statusCode).toBe(400);
  });
});

describe('GET /api/v1/indicators/dossiers', () => {
  const drill = (measure: string, extra = '') => w.agents.leader.get(`/api/v1/indicators/dossiers?unit=${w.dept.code}&from=2026-04-01&to=2026-06-30&measure=${measure}${extra}`);

  it('lists exactly the dossiers behind each number of the summary', async () => {
    const summary = (await w.agents.leader.get(summaryUrl(w.dept.code, '2026-04-01', '2026-06-30'))).json();
    const expected: Record<string, number> = {
      received: summary.received,
      finished: summary.finished,
      'finished-early': summary.finishedEarly,
      'finished-on-time': summary.finishedOnTime,
      'finished-late': summary.finishedLate,
      withdrawn: summary.withdrawn,
      stopped: summary.stopped,
      open: summary.open,
      'open-overdue': summary.openOverdue,
      'open-paused': summary.openPaused,
      'open-at-risk': summary.openAtRisk,
    };
    for (const [measure, count] of Object.entries(expected)) {
      const res = await drill(measure);
      expect(res.statusCode, measure).toBe(200);
      expect(res.json().items, measure).toHaveLength(count);
    }
    const late = (await drill('finished-late')).json().items;
    expect(late[0]).toMatchObject({ badge: 'late' });
    // The open one past its due is the one received on 1 April and never forwarded.
    const overdue = (await drill('open-overdue')).json().items;
    expect(overdue[0]).toMatchObject({ state: 'RECEIVED', receivedAt: '2026-04-01T09:00:00+07:00', badge: 'overdue' });
  });

  it('pages by cursor, most recent first, without repeating or skipping a dossier', async () => {
    const first = (await drill('received', '&pageSize=2')).json();
    expect(first.items).toHaveLength(2);
    expect(first.items[0].receivedAt).toBe('2026-04-20T08:00:00+07:00');
    const second = (await drill('received', `&pageSize=2&after=${encodeURIComponent(first.nextCursor)}`)).json();
    const third = (await drill('received', `&pageSize=2&after=${encodeURIComponent(second.nextCursor)}`)).json();
    expect(third.nextCursor).toBeNull();
    const codes = [...first.items, ...second.items, ...third.items].map((d: { code: string }) => d.code);
    expect(codes).toHaveLength(5);
    expect(new Set(codes).size).toBe(5);
    const all = (await drill('received', '&pageSize=100')).json().items.map((d: { code: string }) => d.code);
    expect(codes).toEqual(all);
  });

  it("is refused outside the reader's units, and a bad measure or cursor is a 400", async () => {
    const outsider = await w.agents.outsider.get(`/api/v1/indicators/dossiers?unit=${w.dept.code}&from=2026-04-01&to=2026-06-30&measure=received`);
    expect(outsider.statusCode).toBe(403);
    expect((await anon(`/api/v1/indicators/dossiers?unit=${w.dept.code}&from=2026-04-01&to=2026-06-30&measure=received`)).statusCode).toBe(401);
    const measure = await drill('late');
    expect(measure.statusCode).toBe(400);
    expect(measure.json().error.fields[0].path).toBe('querystring.measure');
    expect((await drill('received', '&after=not-a-cursor')).statusCode).toBe(400);
  });
});

describe('GET /api/v1/public/indicators', () => {
  it('answers anyone with the same numbers as the officers see, in either language', async () => {
    const officer = (await w.agents.reform.get(summaryUrl(w.province.code, '2026-04-01', '2026-06-30', true))).json();
    const open = await anon(`/api/v1/public/indicators?unit=${w.province.code}&from=2026-04-01&to=2026-06-30&subtree=true`, 'en');
    expect(open.statusCode).toBe(200);
    expect(open.json()).toEqual(officer);
    const unknown = await anon('/api/v1/public/indicators?unit=KHONG-CO&from=2026-04-01&to=2026-04-30', 'en');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.fields[0].message).toBe('There is no unit with code KHONG-CO.');
  });

  it('counts a new unit with no dossiers as zeros, its rates as null', async () => {
    const fresh = await createOrgUnit(t.database.db, { parent: w.province, kind: 'department' });
    expect((await anon(`/api/v1/public/indicators?unit=${fresh.code}&from=2026-04-01&to=2026-04-30`)).json()).toMatchObject({
      received: 0,
      finished: 0,
      open: 0,
      onTimeRate: null,
      ratings: 0,
      satisfiedRate: null,
    });
  });
});

/** The figures of a summary or a breakdown row (without the unit, period, filter, procedures offered and reading time). */
function figures(x: Record<string, unknown>) {
  const { unit: _u, subtree: _s, from: _f, to: _t, asOf: _a, own: _o, month: _m, procedure: _p, field: _fi, onlineServices: _os, ...rest } = x;
  return rest;
}

describe('GET /api/v1/indicators/breakdown and /api/v1/public/indicators/breakdown', () => {
  const breakdownUrl = (unit: string, from: string, to: string, by: string, subtree = true) =>
    `/api/v1/indicators/breakdown?unit=${encodeURIComponent(unit)}&from=${from}&to=${to}&by=${by}&subtree=${subtree}`;

  beforeAll(async () => {
    // Two dossiers of the partner department either side of midnight +07:00 between 31 August and 1 September.
    const procedureCode = await publishProcedure(t, [w.partner.id]);
    await receivedAt('2026-08-31T16:59:00Z', { procedureCode });
    await receivedAt('2026-08-31T17:00:00Z', { procedureCode, channel: 'online' });
    t.clock.set('2026-04-20T03:00:00Z');
  });

  it("splits the province's quarter into its own dossiers and each unit below with its subtree; the rows add up to the summary", async () => {
    const res = await w.agents.reform.get(breakdownUrl(w.province.code, '2026-04-01', '2026-06-30', 'unit'));
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const summary = (await w.agents.reform.get(summaryUrl(w.province.code, '2026-04-01', '2026-06-30', true))).json();
    expect(body.total).toEqual(figures(summary));
    expect(body.rows[0]).toMatchObject({ unit: { code: w.province.code }, own: true, month: null, received: 0 });
    const codes = body.rows.map((r: { unit: { code: string } }) => r.unit.code);
    expect(codes).toEqual(expect.arrayContaining([w.centre.code, w.otherCentre.code, w.dept.code, w.partner.code]));
    expect(codes).not.toContain(w.division.code); // below the department: counted in the department's row
    const dept = body.rows.find((r: { unit: { code: string } }) => r.unit.code === w.dept.code);
    const deptSummary = (await w.agents.reform.get(summaryUrl(w.dept.code, '2026-04-01', '2026-06-30', true))).json();
    expect(figures(dept)).toEqual(figures(deptSummary));
    expect(dept).toMatchObject({ received: 5, finishedLate: 1, ratings: 2, ratingsSatisfied: 1, onTimeRate: 2 / 3 });
  });

  it('splits a period by month in +07:00, every month listed, and the months add up to the summary', async () => {
    const quarter = (await w.agents.leader.get(breakdownUrl(w.dept.code, '2026-04-01', '2026-06-30', 'month'))).json();
    expect(quarter.rows.map((r: { month: string }) => r.month)).toEqual(['2026-04', '2026-05', '2026-06']);
    expect(quarter.rows[0]).toMatchObject({ received: 5, finished: 3, open: 2, openOverdue: 1, ratings: 2, satisfiedRate: 0.5 });
    expect(quarter.rows[1]).toMatchObject({ received: 0, finished: 0, onTimeRate: null, satisfiedRate: null });
    expect(quarter.total).toEqual(figures((await w.agents.leader.get(summaryUrl(w.dept.code, '2026-04-01', '2026-06-30', true))).json()));
    // 23:59 on 31 August and 00:00 on 1 September in Vietnam: one in each month.
    const edge = (await w.agents.reform.get(breakdownUrl(w.partner.code, '2026-08-15', '2026-09-15', 'month'))).json();
    expect(edge.rows.map((r: { month: string; received: number; receivedOnline: number }) => [r.month, r.received, r.receivedOnline])).toEqual([
      ['2026-08', 1, 0],
      ['2026-09', 1, 1],
    ]);
  });

  it('gives anyone the same rows, and refuses officers outside the unit and bad queries', async () => {
    const officer = (await w.agents.reform.get(breakdownUrl(w.province.code, '2026-04-01', '2026-06-30', 'unit'))).json();
    const open = await anon(breakdownUrl(w.province.code, '2026-04-01', '2026-06-30', 'unit').replace('/api/v1/indicators/', '/api/v1/public/indicators/'));
    expect(open.statusCode).toBe(200);
    expect(open.json()).toEqual(officer);
    expect((await w.agents.leader.get(breakdownUrl(w.partner.code, '2026-04-01', '2026-06-30', 'unit'))).statusCode).toBe(403);
    expect((await anon(breakdownUrl(w.dept.code, '2026-04-01', '2026-06-30', 'unit'))).statusCode).toBe(401);
    const by = await w.agents.reform.get(breakdownUrl(w.dept.code, '2026-04-01', '2026-06-30', 'week'));
    expect(by.statusCode).toBe(400);
    expect(by.json().error.fields[0].path).toBe('querystring.by');
    const reversed = await w.agents.reform.get(breakdownUrl(w.dept.code, '2026-06-30', '2026-04-01', 'month'));
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.fields[0].path).toBe('query.from');
  });
});

describe('GET /api/v1/indicators/export', () => {
  it('downloads a workbook whose summary, unit and month totals are the numbers on screen', async () => {
    const url = `/api/v1/indicators/export?unit=${w.province.code}&from=2026-04-01&to=2026-06-30&subtree=true`;
    const res = await w.agents.reform.get(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="chi-so-${w.province.code}-2026-04-01-2026-06-30.xlsx"`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Tổng hợp', 'Theo đơn vị', 'Theo tháng']);
    const summary = (await w.agents.reform.get(summaryUrl(w.province.code, '2026-04-01', '2026-06-30', true))).json();
    const valueOf = (sheet: ExcelJS.Worksheet, label: string) => {
      let found: ExcelJS.CellValue = undefined;
      sheet.eachRow((row) => {
        if (row.getCell(1).value === label) found = row.getCell(2).value;
      });
      return found;
    };
    const sum = wb.getWorksheet('Tổng hợp')!;
    expect(valueOf(sum, 'Hồ sơ tiếp nhận')).toBe(summary.received);
    expect(valueOf(sum, 'Quá hạn')).toBe(summary.finishedLate);
    expect(valueOf(sum, 'Tỷ lệ đúng hạn và trước hạn')).toBe(summary.onTimeRate);
    expect(valueOf(sum, 'Tỷ lệ hài lòng')).toBe(summary.satisfiedRate);
    for (const name of ['Theo đơn vị', 'Theo tháng']) {
      const sheet = wb.getWorksheet(name)!;
      const header = sheet.getRow(4).values as unknown[];
      const total = sheet.getRow(sheet.rowCount).values as unknown[];
      expect(total[1], name).toBe('Tổng cộng');
      expect(total[header.indexOf('Hồ sơ tiếp nhận')], name).toBe(summary.received);
      expect(total[header.indexOf('Trước hạn')], name).toBe(summary.finishedEarly);
      expect(total[header.indexOf('Đang giải quyết quá hạn')], name).toBe(summary.openOverdue);
      expect(total[header.indexOf('Lượt đánh giá')], name).toBe(summary.ratings);
    }
  });

  it('is refused to officers outside the unit and to anonymous callers', async () => {
    expect((await w.agents.leader.get(`/api/v1/indicators/export?unit=${w.partner.code}&from=2026-04-01&to=2026-06-30`)).statusCode).toBe(403);
    expect((await anon(`/api/v1/indicators/export?unit=${w.dept.code}&from=2026-04-01&to=2026-06-30`)).statusCode).toBe(401);
  });
});

describe('GET /api/v1/public/indicators/open-data', () => {
  it("publishes every unit's year month by month, each with its subtree, as JSON and as the same CSV", async () => {
    const res = await anon('/api/v1/public/indicators/open-data?year=2026');
    expect(res.statusCode).toBe(200);
    const data = res.json();
    expect(data.year).toBe(2026);
    expect(Object.keys(data.definitions)).toContain('onTimeRate');
    const rowOf = (code: string, month: string) => data.rows.find((r: { unitCode: string; month: string }) => r.unitCode === code && r.month === month);
    expect(data.rows.filter((r: { unitCode: string }) => r.unitCode === w.dept.code)).toHaveLength(12);
    expect(rowOf(w.dept.code, '2026-04')).toMatchObject({
      unitName: w.dept.name,
      parentCode: w.province.code,
      received: 5,
      finished: 3,
      finishedLate: 1,
      ratings: 2,
      satisfiedRate: 0.5,
    });
    expect(rowOf(w.province.code, '2026-04')).toMatchObject({ parentCode: null, received: 5 });
    expect(rowOf(w.province.code, '2026-08')).toMatchObject({ received: 1 });
    const april = (await anon(`/api/v1/public/indicators?unit=${w.province.code}&from=2026-04-01&to=2026-04-30&subtree=true`)).json();
    expect(rowOf(w.province.code, '2026-04').onTimeRate).toBe(april.onTimeRate);
    // No personal data: only unit codes, names, months and numbers.
    expect(JSON.stringify(data)).not.toContain('Nguyễn Văn An');

    const csv = await anon('/api/v1/public/indicators/open-data?year=2026&format=csv');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="chi-so-giai-quyet-ho-so-2026.csv"');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines).toHaveLength(data.rows.length + 1);
    const header = lines[0]!.split(',');
    expect(header.slice(0, 5)).toEqual(['unitCode', 'unitName', 'parentCode', 'month', 'received']);
    const line = lines.find((l) => l.startsWith(`${w.dept.code},`) && l.includes(',2026-04,'))!;
    const cells = line.split(',');
    expect(Number(cells[header.indexOf('received')])).toBe(5);
    expect(Number(cells[header.indexOf('onTimeRate')])).toBeCloseTo(2 / 3, 10);
  });

  it('refuses a year out of range with a 400', async () => {
    const res = await anon('/api/v1/public/indicators/open-data?year=99');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0].path).toBe('querystring.year');
    expect((await anon('/api/v1/public/indicators/open-data?year=2026&format=xml')).statusCode).toBe(400);
  });
});

describe('GET /api/v1/indicators/scorecard', () => {
  it("scores the department's quarter by Decision 766's groups, with the counters behind every component", async () => {
    const res = await w.agents.leader.get(`/api/v1/indicators/scorecard?unit=${w.dept.code}&from=2026-04-01&to=2026-06-30`);
    expect(res.statusCode).toBe(200);
    const card = res.json();
    const group = (key: string) => card.groups.find((g: { key: string }) => g.key === key);
    // Handled: 2 open (1 past due) + 3 finished (1 late) = 5; not late: 1 open within due + 1 early + 1 on time = 3.
    expect(group('timeliness')).toEqual({
      key: 'timeliness',
      max: 20,
      points: 12,
      measured: true,
      components: [
        {
          key: 'timeliness',
          max: 20,
          points: 12,
          counters: { handled: 5, openWithinDue: 1, finishedEarly: 1, finishedOnTime: 1, withdrawnOrStopped: 0, finishedLate: 1, openOverdue: 1 },
        },
      ],
    });
    expect(card.pointsLost).toBe(8);
    expect(card.pointsAtRisk).toBe(0);
    // One published procedure at the department, not offered online: 1.6 of 2; no online procedure to use (null);
    // 2 of 5 dossiers came online (40 % < 50 %): 3 of 6.
    expect(group('online')).toMatchObject({ points: 4.6, measured: true });
    expect(group('online').components).toEqual([
      { key: 'onlineOffered', max: 2, points: 1.6, counters: { procedures: 1, onlineProcedures: 0 } },
      { key: 'onlineUsed', max: 4, points: null, counters: { onlineProcedures: 0, onlineProceduresWithDossiers: 0 } },
      { key: 'onlineSubmitted', max: 6, points: 3, counters: { received: 5, receivedOnline: 2 } },
    ]);
    // Two ratings, one satisfied: 18 × 1/2.
    expect(group('satisfaction')).toMatchObject({ points: 9, components: [{ counters: { ratings: 2, satisfied: 1 } }] });
    // No dossier of the quarter took a fee: nothing to score in group 4 (and the national portal is not measured).
    expect(group('payment')).toMatchObject({
      points: 0,
      measured: true,
      components: [
        { key: 'feeProceduresOnline', points: null, counters: { feeProcedures: 0, feeProceduresPaidOnline: 0 } },
        { key: 'payableOnNational', points: null, counters: {} },
        { key: 'feeDossiersOnline', points: null, counters: { feeDossiers: 0, feePaidOnline: 0 } },
      ],
    });
    for (const key of ['publicity', 'digitisation']) expect(group(key)).toMatchObject({ points: 0, measured: false });
    expect(card).toMatchObject({ points: 25.6, max: 100 });
  });

  it('names the units below costing the province its timeliness points', async () => {
    const card = (await w.agents.reform.get(`/api/v1/indicators/scorecard?unit=${w.province.code}&from=2026-04-01&to=2026-06-30&subtree=true`)).json();
    expect(card.unitsCosting).toEqual([
      { unit: { id: w.dept.id, code: w.dept.code, name: w.dept.name }, pointsLost: 8, pointsAtRisk: 0, finishedLate: 1, openOverdue: 1, openAtRisk: 0 },
    ]);
    expect((await w.agents.leader.get(`/api/v1/indicators/scorecard?unit=${w.partner.code}&from=2026-04-01&to=2026-06-30`)).statusCode).toBe(403);
  });
});

describe('indicators narrowed to a procedure or a field', () => {
  let other: string;
  beforeAll(async () => {
    // October 2026 at the department: two dossiers of the world's procedure (no field), one of a certification procedure.
    other = await publishProcedure(t, [w.dept.id], { field: 'Chứng thực', onlineMode: 'full' });
    await receivedAt('2026-10-05T02:00:00Z');
    await receivedAt('2026-10-05T02:10:00Z', { channel: 'online' });
    await receivedAt('2026-10-05T02:20:00Z', { procedureCode: other, feeVnd: 30_000, feePaymentMethod: 'online' });
  });
  const url = (extra: string) => `${summaryUrl(w.dept.code, '2026-10-01', '2026-10-31')}${extra}`;

  it('counts only that procedure’s or that field’s dossiers, in the summary, the breakdowns, the drill-down and the public numbers', async () => {
    expect((await w.agents.leader.get(url(''))).json()).toMatchObject({ received: 3, procedure: null, field: null });
    expect((await w.agents.leader.get(url(`&procedure=${w.procedureCode}`))).json()).toMatchObject({ received: 2, receivedOnline: 1, procedure: w.procedureCode });
    const field = await w.agents.leader.get(url(`&field=${encodeURIComponent('Chứng thực')}`));
    expect(field.json()).toMatchObject({ received: 1, receivedOnline: 0, field: 'Chứng thực', procedure: null });
    // The procedures offered online are counted on the period's last day (the clock's day when earlier), narrowed alike.
    expect((await w.agents.leader.get(url(''))).json().onlineServices).toEqual({
      on: '2026-10-05',
      procedures: 2,
      full: 1,
      partial: 0,
      informationOnly: 0,
      notStated: 1,
      onlineShare: 0.5,
    });
    expect(field.json().onlineServices).toMatchObject({ procedures: 1, full: 1, onlineShare: 1 });
    // Its fee was paid online; the others took none.
    expect(field.json()).toMatchObject({ feeDossiers: 1, feePaidOnline: 1, feesVnd: 30_000, feesOnlineVnd: 30_000, feePaidOnlineShare: 1 });
    expect((await w.agents.leader.get(url(`&procedure=${w.procedureCode}`))).json()).toMatchObject({ feeDossiers: 0, feePaidOnlineShare: null });
    expect((await w.agents.leader.get(url(`&procedure=${other}&field=${encodeURIComponent('Chứng thực')}`))).json()).toMatchObject({ received: 1 });
    const byMonth = await w.agents.leader.get(`/api/v1/indicators/breakdown?unit=${w.dept.code}&from=2026-10-01&to=2026-10-31&by=month&procedure=${other}`);
    expect(byMonth.json()).toMatchObject({ procedure: other, total: { received: 1 }, rows: [{ month: '2026-10', received: 1 }] });
    const drill = await w.agents.leader.get(`/api/v1/indicators/dossiers?unit=${w.dept.code}&from=2026-10-01&to=2026-10-31&measure=received&procedure=${other}`);
    expect(drill.json<{ items: Array<{ procedureName: string }> }>().items).toHaveLength(1);
    const pub = await anon(`/api/v1/public/indicators?unit=${w.dept.code}&from=2026-10-01&to=2026-10-31&field=${encodeURIComponent('Chứng thực')}`);
    expect(pub.json()).toMatchObject({ received: 1, field: 'Chứng thực' });
  });

  it('refuses a procedure or a field the catalog does not have, with a translated 404 naming the parameter', async () => {
    const unknown = await w.agents.leader.get(url('&procedure=KHONG-CO'));
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.fields[0]).toMatchObject({ path: 'query.procedure', message: 'Không có thủ tục mã KHONG-CO.' });
    const mismatch = await w.agents.leader.get(url(`&procedure=${w.procedureCode}&field=${encodeURIComponent('Chứng thực')}`));
    expect(mismatch.statusCode).toBe(404);
    expect(mismatch.json().error.fields[0]).toMatchObject({ path: 'query.procedure', message: `Thủ tục mã ${w.procedureCode} không thuộc lĩnh vực Chứng thực.` });
    const noField = await anon(`/api/v1/public/indicators?unit=${w.dept.code}&from=2026-10-01&to=2026-10-31&field=Kh%C3%B4ng`, 'en');
    expect(noField.statusCode).toBe(404);
    expect(noField.json().error.fields[0]).toMatchObject({ path: 'query.field', message: 'No procedure is in the field Không.' });
    // The scorecard is for whole units: it takes no filter.
    const scorecard = await w.agents.leader.get(`/api/v1/indicators/scorecard?unit=${w.dept.code}&from=2026-10-01&to=2026-10-31&procedure=${other}`);
    expect(scorecard.statusCode).toBe(200);
    // October: one procedure of two took a fee and it was paid online (2 points: half or more), one fee-bearing dossier
    // of one paid online (6 points: 30 % or more).
    expect(scorecard.json<{ groups: Array<{ key: string }> }>().groups.find((g) => g.key === 'payment')).toMatchObject({
      points: 8,
      components: [
        { key: 'feeProceduresOnline', points: 2, counters: { feeProcedures: 1, feeProceduresPaidOnline: 1 } },
        { key: 'payableOnNational', points: null },
        { key: 'feeDossiersOnline', points: 6, counters: { feeDossiers: 1, feePaidOnline: 1 } },
      ],
    });
  });
});
