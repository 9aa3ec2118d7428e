// The indicators' read model (issue 12 item 7): buckets marked by the triggers on every write path, recomputed from the
// dossiers, and the counters over a period with hand-computed values at the classification and day boundaries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/test-app';
import type { DossierDetail } from '../../../contracts/dossiers/dossiers.contracts';
import { countMarkedStatsBuckets, readIndicatorCounts, refreshIndicatorStats, wholeMonthsOf, type IndicatorCounts } from './use-cases/indicator-stats';
import { DOSSIER_TEST_ENV, createDossierWorld, receive, step, type DossierWorld } from './test/factories';
import { listIndicatorDossiers } from './use-cases/indicator-dossiers';
import type { IndicatorMeasure } from '../../../contracts/dossiers/dossiers.values';

let t: TestApp;
let w: DossierWorld;

beforeAll(async () => {
  t = await createTestApp({ env: DOSSIER_TEST_ENV });
  w = await createDossierWorld(t);
});
afterAll(async () => t?.close());

/** Received at the world's centre on the clock's current instant, handled by the department (5 working days). */
async function receivedAt(instant: string, channel: 'direct' | 'online' | 'post' = 'direct', fee: Record<string, unknown> = {}): Promise<DossierDetail> {
  t.clock.set(instant);
  return receive(w, { channel, ...fee });
}

/** Drives a received dossier to its result (forward, forward, approve) at `instant`. */
async function finishAt(d: DossierDetail, instant: string): Promise<DossierDetail> {
  t.clock.set(instant);
  d = await step(w.agents.reception, d, { transition: 'forward' });
  d = await step(w.agents.specialist, d, { transition: 'forward' });
  return step(w.agents.leader, d, { transition: 'approve' });
}

const bucketRows = async (unitId: string) =>
  (
    await t.database.db.execute(
      sql`select to_char(day, 'YYYY-MM-DD') as day, procedure_code, channel, received, finished_early, finished_on_time, finished_late, withdrawn, stopped
          from dossiers_stats_daily where unit_id = ${unitId} order by day, channel`,
    )
  ).rows;

describe('indicator counters of a handling unit', () => {
  it('counts received, early / on time / late at the due instant, withdrawn, open, overdue and paused by Vietnamese day', async () => {
    // Monday 2 March 2026, 09:00 +07:00; 5 working days: due Monday 9 March, 09:00 +07:00.
    const early = await receivedAt('2026-03-02T02:00:00Z');
    const onTime = await receivedAt('2026-03-02T02:00:00Z', 'online');
    const late = await receivedAt('2026-03-02T02:00:00Z', 'post');
    const withdrawn = await receivedAt('2026-03-02T02:00:00Z');
    const overdue = await receivedAt('2026-03-02T02:00:00Z', 'online');
    const paused = await receivedAt('2026-03-02T03:00:00Z');
    // Received on Friday 27 February (outside the period), finished inside it.
    const before = await receivedAt('2026-02-27T02:00:00Z');

    expect((await finishAt(early, '2026-03-03T02:00:00Z')).classification).toBe('early');
    expect(onTime.dueAt).toBe('2026-03-09T09:00:00+07:00');
    // Finished at the due instant itself: on time; one second later: late (§5.5, finish > due).
    expect((await finishAt(onTime, '2026-03-09T02:00:00Z')).classification).toBe('on-time');
    expect((await finishAt(late, '2026-03-09T02:00:01Z')).classification).toBe('late');
    expect((await finishAt(before, '2026-03-02T04:00:00Z')).classification).toBe('early');
    t.clock.set('2026-03-04T02:00:00Z');
    await step(w.agents.reception, withdrawn, { transition: 'withdraw', reason: 'Người nộp rút hồ sơ' });
    t.clock.set('2026-03-04T02:00:00Z');
    const forwarded = await step(w.agents.reception, paused, { transition: 'forward' });
    await step(w.agents.specialist, forwarded, { transition: 'request-supplement', items: ['Bản sao sổ hộ khẩu'], reason: 'Thiếu giấy tờ' });
    expect(overdue.state).toBe('RECEIVED');

    const now = new Date('2026-03-10T02:00:00Z');
    const march = await readIndicatorCounts(t.database.db, { unitIds: [w.dept.id], from: '2026-03-01', to: '2026-03-31', now });
    expect(march).toEqual({
      received: 6,
      receivedByChannel: { direct: 3, online: 2, post: 1 },
      finishedEarly: 2,
      finishedOnTime: 1,
      finishedLate: 1,
      withdrawn: 1,
      stopped: 0,
      apologies: 0,
      supplements: 1,
      // The late one ran late at the desk (its reception hop was still open at the due): the centre held it.
      lateHeld: 0,
      // Working time used, pauses left out: the early one a day (09:00 to 09:00), the on-time and the late one five days
      // (the late one a second more, rounded), the one received on Friday 27 February a day and two hours; each allowed
      // five days of 480 minutes.
      timed: 4,
      usedMinutes: 480 + 2400 + 2400 + 600,
      allowedMinutes: 4 * 2400,
      feePaid: 0,
      feePaidOnline: 0,
      feeVnd: 0,
      feeOnlineVnd: 0,
      open: 2,
      openOverdue: 1,
      openPaused: 1,
      openAtRisk: 0,
    });
    // Flagged at risk by the sweep, a running dossier counts as at risk while within its due, then as overdue.
    await t.database.db.execute(sql`update dossiers set at_risk = true, at_risk_checked_at = now() where id = ${overdue.id}`);
    const beforeDue = new Date(Date.parse(overdue.dueAt) - 60_000);
    expect(await readIndicatorCounts(t.database.db, { unitIds: [w.dept.id], from: '2026-03-01', to: '2026-03-31', now: beforeDue })).toMatchObject({
      openOverdue: 0,
      openAtRisk: 1,
    });
    expect(await readIndicatorCounts(t.database.db, { unitIds: [w.dept.id], from: '2026-03-01', to: '2026-03-31', now })).toMatchObject({ openOverdue: 1, openAtRisk: 0 });
    // February holds the one received on the 27th, finished in March; the 9th holds the on-time and the late finish.
    const february = await readIndicatorCounts(t.database.db, { unitIds: [w.dept.id], from: '2026-02-01', to: '2026-02-28', now });
    expect(february).toMatchObject({ received: 1, finishedEarly: 0, finishedOnTime: 0, finishedLate: 0, open: 0 });
    const ninth = await readIndicatorCounts(t.database.db, { unitIds: [w.dept.id], from: '2026-03-09', to: '2026-03-09', now });
    expect(ninth).toMatchObject({ received: 0, finishedEarly: 0, finishedOnTime: 1, finishedLate: 1 });
    // Counts belong to the handling unit: the desk that received them has none, but the lateness it held.
    expect(await readIndicatorCounts(t.database.db, { unitIds: [w.centre.id], from: '2026-02-01', to: '2026-03-31', now })).toMatchObject({
      received: 0,
      open: 0,
      finishedLate: 0,
      lateHeld: 1,
    });

    // The read model equals a count over the dossiers themselves, bucket by bucket.
    const naive = (
      await t.database.db.execute(
        sql`select to_char((received_at at time zone 'UTC' + interval '7 hours')::date, 'YYYY-MM-DD') as day, channel, count(*)::int as n
            from dossiers where handling_unit_id = ${w.dept.id} group by 1, 2 order by 1, 2`,
      )
    ).rows as Array<{ day: string; channel: string; n: number }>;
    const model = (await bucketRows(w.dept.id)).filter((r) => Number(r.received) > 0).map((r) => ({ day: r.day, channel: r.channel, n: Number(r.received) }));
    expect(model).toEqual(naive);
  });

  it('marks the buckets a write touches, ignores writes that change nothing counted, and a refresh clears the marks', async () => {
    await refreshIndicatorStats(t.database.db, { limit: 100_000 });
    expect(await countMarkedStatsBuckets(t.database.db)).toBe(0);

    const d = await receivedAt('2026-04-06T02:00:00Z');
    expect(await countMarkedStatsBuckets(t.database.db)).toBe(1);
    await refreshIndicatorStats(t.database.db);
    // A write that changes nothing the model counts (the at-risk sweep's flag) marks nothing.
    await t.database.db.execute(sql`update dossiers set at_risk = true, at_risk_checked_at = now() where id = ${d.id}`);
    expect(await countMarkedStatsBuckets(t.database.db)).toBe(0);
    // Finishing marks the finish day (the received day's counts do not change, but it is recomputed as well).
    await finishAt(d, '2026-04-07T02:00:00Z');
    expect(await countMarkedStatsBuckets(t.database.db)).toBe(2);
    await refreshIndicatorStats(t.database.db);
    expect(await readIndicatorCounts(t.database.db, { unitIds: [w.dept.id], from: '2026-04-06', to: '2026-04-07', now: new Date('2026-04-08T00:00:00Z') })).toMatchObject({
      received: 1,
      finishedEarly: 1,
      open: 0,
    });
    // A bucket emptied by a change leaves no row behind (a dossier moved to another handling unit).
    await t.database.db.execute(sql`update dossiers set handling_unit_id = ${w.partner.id} where id = ${d.id}`);
    await refreshIndicatorStats(t.database.db);
    expect((await bucketRows(w.dept.id)).filter((r) => String(r.day).startsWith('2026-04'))).toEqual([]);
    expect((await bucketRows(w.partner.id)).map((r) => [r.day, r.received, r.finished_early])).toEqual([
      ['2026-04-06', 1, 0],
      ['2026-04-07', 0, 1],
    ]);
  });

  it('attributes lateness to the unit that held the dossier when it ran late, and counts apologies and supplement requests on their day', async () => {
    // Monday 1 June 2026, 09:00 +07:00; due Monday 8 June, 09:00.
    // Fees taken at reception: 20,000 đ in cash for this one, 50,000 đ paid online for the next.
    const held = await step(w.agents.reception, await receivedAt('2026-06-01T02:00:00Z', 'direct', { feeVnd: 20_000, feePaymentMethod: 'cash' }), { transition: 'forward' });
    // The department's specialist sits on it past the due: the department handled it and held it when it ran late.
    t.clock.set('2026-06-30T03:00:00Z');
    const done = await step(w.agents.leader, await step(w.agents.specialist, held, { transition: 'forward' }), { transition: 'approve' });
    expect(done).toMatchObject({ classification: 'late', lateUnit: { id: w.dept.id } });

    const apologised = await step(w.agents.reception, await receivedAt('2026-06-01T02:30:00Z', 'direct', { feeVnd: 50_000, feePaymentMethod: 'online' }), {
      transition: 'forward',
    });
    t.clock.set('2026-06-02T03:00:00Z');
    const res = await w.agents.leader.post(`/api/v1/dossiers/${apologised.id}/apology`, {
      expectedVersion: apologised.version,
      reason: 'Cần xác minh thêm',
      newDueAt: '2026-06-12T17:00:00+07:00',
    });
    expect(res.statusCode, res.body).toBe(200);
    t.clock.set('2026-06-03T02:00:00Z');
    const paused = await step(w.agents.specialist, res.json<DossierDetail>(), { transition: 'request-supplement', items: ['Bản sao giấy khai sinh'], reason: 'Thiếu giấy tờ' });

    const now = new Date('2026-07-01T02:00:00Z');
    const read = (unitId: string, from: string, to: string) => readIndicatorCounts(t.database.db, { unitIds: [unitId], from, to, now });
    expect(await read(w.dept.id, '2026-06-01', '2026-06-30')).toMatchObject({ received: 2, finishedLate: 1, lateHeld: 1, apologies: 1, supplements: 1, open: 1, openPaused: 1 });
    expect(await read(w.dept.id, '2026-06-01', '2026-06-01')).toMatchObject({ feePaid: 2, feePaidOnline: 1, feeVnd: 70_000, feeOnlineVnd: 50_000 });
    expect(await read(w.dept.id, '2026-06-02', '2026-06-30')).toMatchObject({ feePaid: 0, feeVnd: 0 });
    expect(await read(w.centre.id, '2026-06-01', '2026-06-30')).toMatchObject({ received: 0, finishedLate: 0, lateHeld: 0, apologies: 0, supplements: 0 });
    expect(await read(w.dept.id, '2026-06-30', '2026-06-30')).toMatchObject({ finishedLate: 1, lateHeld: 1 });
    expect(await read(w.dept.id, '2026-06-29', '2026-06-29')).toMatchObject({ finishedLate: 0, lateHeld: 0 });
    expect(await read(w.dept.id, '2026-06-02', '2026-06-02')).toMatchObject({ apologies: 1, supplements: 0 });
    expect(await read(w.dept.id, '2026-06-03', '2026-06-03')).toMatchObject({ apologies: 0, supplements: 1 });
    // The late one: Monday 1 June 09:00 to Tuesday 30 June 10:00 — 21 working days and an hour.
    expect(await read(w.dept.id, '2026-06-30', '2026-06-30')).toMatchObject({ timed: 1, usedMinutes: 21 * 480 + 60, allowedMinutes: 2400 });
    // The paused one: supplemented on Friday 5 June 09:00 and finished on Monday 8 June 09:00 — received 1 June 09:30,
    // it ran until the request on 3 June 09:00 (two days less half an hour) and a day after the supplement: the two
    // paused days do not count.
    t.clock.set('2026-06-05T02:00:00Z');
    const resumed = await step(w.agents.reception, paused, { transition: 'receive-supplement' });
    t.clock.set('2026-06-08T02:00:00Z');
    await step(w.agents.leader, await step(w.agents.specialist, resumed, { transition: 'forward' }), { transition: 'approve' });
    expect(await read(w.dept.id, '2026-06-08', '2026-06-08')).toMatchObject({ timed: 1, usedMinutes: 2 * 480 - 30 + 480, allowedMinutes: 2400 });
    // Each of those numbers opens the dossiers behind it.
    const list = async (measure: IndicatorMeasure) =>
      (await listIndicatorDossiers(t.systemCtx(), { unitIds: [w.dept.id], from: '2026-06-01', to: '2026-06-30', measure, pageSize: 10 })).items.map((i) => i.code);
    expect(await list('apologies')).toEqual([apologised.code]);
    expect(await list('supplements')).toEqual([apologised.code]);
    expect(await list('late-held')).toEqual([done.code]);
    expect(await list('finished-late')).toEqual([done.code]);
  });
});

describe('the monthly rows', () => {
  it('are the sums of the daily rows, and a period reads the same whichever rows answer it', async () => {
    await refreshIndicatorStats(t.database.db, { limit: 100_000 });
    const diff = async (a: string, b: string) => (await t.database.db.execute(sql.raw(`${a} except all ${b}`))).rows;
    const daily = `select unit_id, date_trunc('month', day)::date as month, procedure_code, channel, sum(received)::int, sum(finished_early)::int,
                          sum(finished_on_time)::int, sum(finished_late)::int, sum(withdrawn)::int, sum(stopped)::int, sum(apologies)::int,
                          sum(supplements)::int, sum(late_held)::int
                   from dossiers_stats_daily group by 1, 2, 3, 4`;
    const monthly = `select unit_id, month, procedure_code, channel, received, finished_early, finished_on_time, finished_late, withdrawn, stopped, apologies,
                            supplements, late_held from dossiers_stats_monthly`;
    expect(await diff(daily, monthly)).toEqual([]);
    expect(await diff(monthly, daily)).toEqual([]);
    expect((await t.database.db.execute(sql`select count(*)::int as n from dossiers_stats_monthly`)).rows[0]).not.toEqual({ n: 0 });

    // 27 February – 10 June: two partial months around three whole ones, against the sums of four periods.
    const now = new Date('2026-07-01T02:00:00Z');
    const units = [w.dept.id, w.partner.id, w.centre.id];
    const whole = await readIndicatorCounts(t.database.db, { unitIds: units, from: '2026-02-27', to: '2026-06-10', now });
    const parts = await Promise.all(
      [
        ['2026-02-27', '2026-02-28'],
        ['2026-03-01', '2026-03-15'],
        ['2026-03-16', '2026-05-31'],
        ['2026-06-01', '2026-06-10'],
      ].map(([from, to]) => readIndicatorCounts(t.database.db, { unitIds: units, from: from!, to: to!, now })),
    );
    const flowKeys = [
      'received',
      'finishedEarly',
      'finishedOnTime',
      'finishedLate',
      'withdrawn',
      'stopped',
      'apologies',
      'supplements',
      'lateHeld',
      'timed',
      'usedMinutes',
      'allowedMinutes',
      'feePaid',
      'feePaidOnline',
      'feeVnd',
      'feeOnlineVnd',
    ] as const;
    const summed = Object.fromEntries(flowKeys.map((k) => [k, parts.reduce((n, p: IndicatorCounts) => n + p[k], 0)]));
    expect(Object.fromEntries(flowKeys.map((k) => [k, whole[k]]))).toEqual(summed);
    expect(whole.received).toBeGreaterThan(5);

    // A dossier without a counted working time (a duration in calendar days; finished before the measure existed)
    // is left out of the working-time sums, alone in its bucket too (8 June: the one finished early after its pause).
    const day = { unitIds: [w.dept.id], from: '2026-06-08', to: '2026-06-08', now };
    expect(await readIndicatorCounts(t.database.db, day)).toMatchObject({ timed: 1, finishedEarly: 1, finishedLate: 0, lateHeld: 0 });
    await t.database.db.execute(
      sql`update dossiers set allowed_working_minutes = null where handling_unit_id = ${w.dept.id} and finished_at >= '2026-06-08T00:00:00+07:00' and finished_at < '2026-06-09T00:00:00+07:00'`,
    );
    expect(await readIndicatorCounts(t.database.db, day)).toMatchObject({ timed: 0, usedMinutes: 0, allowedMinutes: 0, finishedEarly: 1 });
  });

  it('cover only the whole months inside a period', () => {
    expect(wholeMonthsOf('2026-01-01', '2026-12-31')).toEqual({ start: '2026-01-01', end: '2027-01-01' });
    expect(wholeMonthsOf('2026-02-27', '2026-06-10')).toEqual({ start: '2026-03-01', end: '2026-06-01' });
    expect(wholeMonthsOf('2026-02-01', '2026-02-28')).toEqual({ start: '2026-02-01', end: '2026-03-01' });
    // None inside: both at the day after the period, so the daily rows answer it all.
    expect(wholeMonthsOf('2026-03-02', '2026-03-31')).toEqual({ start: '2026-04-01', end: '2026-04-01' });
    expect(wholeMonthsOf('2026-03-09', '2026-03-09')).toEqual({ start: '2026-03-10', end: '2026-03-10' });
    expect(wholeMonthsOf('2024-02-01', '2024-02-28')).toEqual({ start: '2024-02-29', end: '2024-02-29' });
    expect(wholeMonthsOf('2025-12-15', '2026-01-31')).toEqual({ start: '2026-01-01', end: '2026-02-01' });
  });
});
