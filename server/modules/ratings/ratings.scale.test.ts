// Ratings in the scale data (ratings.scale.ts through generateDossiers): only ended dossiers, once each, after they
// ended and before the clock, with their audit entries in the sealed chain; and the province's indicators count them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, TestClock, type TestApp } from '../../test/test-app';
import { seedCalendarDemo } from '../../platform/calendar/store';
import { flushAuditSeal, verifyAuditChain } from '../../platform/audit';
import { DEMO_PASSWORD } from '../demo-accounts';
import { identityModule } from '../identity';
import { catalogModule } from '../catalog';
import { loginAs } from '../identity/test/factories';
import { generateDossiers, type GenerateDossiersResult } from '../dossiers';
import { DOSSIER_TEST_ENV } from '../dossiers/test/factories';
import { generatedRatings, RATING_LIFE } from './ratings.scale';

const NOW = new Date('2026-11-25T03:00:00Z');
const OPTIONS = { dossiers: 400, seed: 7, now: NOW, years: 0.5 } as const;

let t: TestApp;
let result: GenerateDossiersResult;
beforeAll(async () => {
  t = await createTestApp({ env: DOSSIER_TEST_ENV, clock: new TestClock(NOW) });
  await seedCalendarDemo(t.systemCtx());
  await identityModule.seedDemo!(t.systemCtx(), t.host);
  await catalogModule.seedDemo!(t.systemCtx(), t.host);
  result = await generateDossiers(t.database.db, { ...OPTIONS, companions: [generatedRatings({ seed: OPTIONS.seed, now: NOW })] });
}, 120_000);
afterAll(async () => t?.close());

type Row = {
  state: string;
  ended: string | null;
  rated: string | null;
  channel: string | null;
  sameUnits: boolean | null;
  overall: string | null;
  audited: number;
};

describe('generated ratings', () => {
  it('rate about a third of the dossiers returned, only ended ones, once each, after they ended and before now', async () => {
    const rows = (
      await t.database.db.execute<Row>(sql`
        select d.state, coalesce(d.closed_at, d.returned_at)::text as ended, r.rated_at::text as rated, r.channel, r.overall,
               (r.handling_unit_id = d.handling_unit_id and r.receiving_unit_id = d.receiving_unit_id and r.dossier_code = d.code) as "sameUnits",
               (select count(*)::int from audit_events a where a.action = 'ratings.rate' and a.subject_id = r.id::text) as audited
        from dossiers d left join ratings_responses r on r.dossier_id = d.id`)
    ).rows;
    expect(rows.length).toBe(OPTIONS.dossiers);
    const rated = rows.filter((r) => r.rated !== null);
    expect(result.rows.ratings_responses).toBe(rated.length);
    for (const r of rated) {
      expect(['RETURNED', 'STOPPED', 'WITHDRAWN']).toContain(r.state);
      expect(new Date(r.rated!).getTime()).toBeGreaterThan(new Date(r.ended!).getTime());
      expect(new Date(r.rated!).getTime()).toBeLessThan(NOW.getTime());
      expect(r.sameUnits).toBe(true);
      expect(r.audited).toBe(1);
      if (r.channel === 'kiosk') expect(new Date(r.rated!).getTime() - new Date(r.ended!).getTime()).toBeLessThanOrEqual(15 * 60_000);
    }
    const returned = rows.filter((r) => r.state === 'RETURNED');
    const share = returned.filter((r) => r.rated !== null).length / returned.length;
    // 35 % drawn; a few recent returns are not rated yet at the clock's now.
    expect(share).toBeGreaterThan(RATING_LIFE.ratedReturned - 0.12);
    expect(share).toBeLessThan(RATING_LIFE.ratedReturned + 0.1);
    const satisfied = rated.filter((r) => r.overall !== 'unsatisfied').length / rated.length;
    expect(satisfied).toBeGreaterThan(0.8);
    expect(satisfied).toBeLessThan(1);
  });

  it('leave the audit chain whole', async () => {
    await flushAuditSeal(t.database.db);
    const report = await verifyAuditChain(t.database.db);
    expect(report.ok).toBe(true);
    expect(report.unsealed).toBe(0);
  });

  it('are what the province dashboard counts', async () => {
    const agent = await loginAs(t.app, { login: 'admin', password: DEMO_PASSWORD });
    const res = await agent.get('/api/v1/indicators/summary?unit=H56&from=2026-01-01&to=2026-12-31&subtree=true');
    expect(res.statusCode, res.body).toBe(200);
    const summary = res.json<{ ratings: number; ratingsSatisfied: number; satisfiedRate: number | null }>();
    const [counted] = (
      await t.database.db.execute<{ n: number; ok: number }>(
        sql`select count(*)::int as n, count(*) filter (where overall <> 'unsatisfied')::int as ok from ratings_responses
            where rated_at >= '2026-01-01T00:00:00+07:00' and rated_at < '2027-01-01T00:00:00+07:00'`,
      )
    ).rows;
    expect(summary.ratings).toBe(counted!.n);
    expect(summary.ratings).toBeGreaterThan(20);
    expect(summary.ratingsSatisfied).toBe(counted!.ok);
    expect(summary.satisfiedRate).toBeCloseTo(counted!.ok / counted!.n, 6);
  });

  it('are counted per unit and day by the counters the triggers keep, equal to a count over the ratings', async () => {
    const diff = async (a: string, b: string) => (await t.database.db.execute(sql.raw(`${a} except all ${b}`))).rows;
    const counted = `select handling_unit_id, ((rated_at at time zone 'UTC') + interval '7 hours')::date, procedure_code, count(*)::int,
                            (count(*) filter (where overall = 'very-satisfied'))::int, (count(*) filter (where overall = 'satisfied'))::int,
                            (count(*) filter (where overall = 'unsatisfied'))::int, (count(*) filter (where time_level <> 'unsatisfied'))::int,
                            (count(*) filter (where attitude_level <> 'unsatisfied'))::int, (count(*) filter (where clarity_level <> 'unsatisfied'))::int
                     from ratings_responses group by 1, 2, 3`;
    const kept = `select unit_id, day, procedure_code, total, very_satisfied, satisfied, unsatisfied, time_satisfied, attitude_satisfied, clarity_satisfied
                  from ratings_stats_daily where total > 0`;
    expect(await diff(counted, kept)).toEqual([]);
    expect(await diff(kept, counted)).toEqual([]);
  });
});
