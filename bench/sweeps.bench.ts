// Sweeps benchmark on PostgreSQL (DATABASE_URL): each background sweep's time per run with 10k finished dossiers and
// with 200k, over the same small amount of open work; the ratio should stay close to 1 (issue 10 item 4: a sweep reads
// only the rows that need work, never the finished history). Two fresh databases, one per size, built alike and measured
// in alternating rounds, so a change in machine load hits both; dropped at the end (BENCH_KEEP_DB=1 keeps them, e.g.
// for EXPLAIN).
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const SMALL = 10_000;
const LARGE = 200_000;
/** Open work, the same at both sizes: received over the fortnight before BENCH_NOW through the intake use case. */
const OPEN = 300;
/** Rounds per sweep and size, alternating sizes; the median round is reported. */
const ROUNDS = 9;
const MIN_ROUND_MS = 300;
/** Views cleared before each refresh run, so every run has the same small amount of work. */
const CLEARED_VIEWS = 20;
const INSERT_BATCH = 50_000;
/** Monday 15/06/2026 09:00 in Hà Nội. */
const BENCH_NOW = new Date('2026-06-15T02:00:00Z');
/** The open dossiers are received from Monday 01/06/2026 on (5 working days each, so due by 22/06/2026). */
const OPEN_FROM = new Date('2026-06-01T01:00:00Z');

function dbUrl(base: string, name: string): string {
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Mean time of one run, repeated for at least MIN_ROUND_MS so that a sweep of a few milliseconds is not all noise. */
async function timed(op: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  let n = 0;
  do {
    await op();
    n++;
  } while (performance.now() - t0 < MIN_ROUND_MS);
  return (performance.now() - t0) / n;
}

/**
 * Finished history copied from a template dossier: 60% returned, 30% done, 10% withdrawn, received over 01/2024 –
 * 05/2026, each with a current lookup view (nothing for the refresher to do).
 */
async function insertHistory(pool: pg.Pool, templateId: string, from: number, to: number): Promise<void> {
  for (let lo = from; lo < to; lo += INSERT_BATCH) {
    const hi = Math.min(to, lo + INSERT_BATCH);
    await pool.query(
      `insert into dossiers (id, code, procedure_version_id, procedure_code, procedure_name, receiving_unit_id, handling_unit_id, channel, result_delivery,
         applicant_kind, applicant_name, applicant_id_number, applicant_phone, applicant_email, applicant_address, checklist, fee_vnd, state, status_code,
         workflow, current_step, holder_unit_id, holder_role, duration_amount, duration_unit, duration_source, calendar_unit_code, received_at, due_at,
         finished_at, returned_at, closed_at, classification, at_risk, at_risk_checked_at, rule_version, pause_rule, book_number, book_seq, search_text,
         version, created_at, updated_at, public_view, public_view_rev)
       select gen_random_uuid(), 'BENCH-H' || lpad(g::text, 8, '0'), t.procedure_version_id, t.procedure_code, t.procedure_name, t.receiving_unit_id,
         t.handling_unit_id, t.channel, t.result_delivery, t.applicant_kind, t.applicant_name, lpad((100000000000 + g)::text, 12, '0'), t.applicant_phone,
         t.applicant_email, t.applicant_address, t.checklist, t.fee_vnd, s.state, s.code, t.workflow, 3, t.holder_unit_id, t.holder_role, t.duration_amount,
         t.duration_unit, t.duration_source, t.calendar_unit_code, r.at, r.at + interval '7 days', r.at + interval '5 days',
         case when s.state = 'RETURNED' then r.at + interval '6 days' end, case when s.state <> 'DONE' then r.at + interval '6 days' end,
         case when s.state = 'WITHDRAWN' then null else 'on-time' end, false, r.at + interval '1 day', t.rule_version, t.pause_rule,
         extract(year from r.at)::text, g, 'bench-h' || g || ' nguyen van an', 6, r.at, r.at + interval '6 days', t.public_view, t.public_view_rev
       from generate_series($2::int, $3::int) g
       cross join lateral (select timestamptz '2024-01-02 08:00+07' + ((g::bigint * 7919) % (870 * 1440)) * interval '1 minute' as at) r
       cross join lateral (select case when g % 10 < 6 then 'RETURNED' when g % 10 < 9 then 'DONE' else 'WITHDRAWN' end as state) s0
       cross join lateral (select s0.state, case s0.state when 'RETURNED' then 10 when 'DONE' then 9 else 7 end::smallint as code) s
       join dossiers t on t.id = $1`,
      [templateId, lo, hi - 1],
    );
  }
  await pool.query('vacuum analyze dossiers');
}

const SWEEPS = ['refresh', 'atRisk', 'impactFar', 'impactNear', 'recomputeNear', 'publication'] as const;
type Sweep = (typeof SWEEPS)[number];

/** One database with the open work and `finished` history dossiers; returns one run of each sweep. */
async function world(url: string, finished: number) {
  const { openDatabase, runMigrations } = await import('../server/platform/db/database');
  const { buildApp } = await import('../server/app');
  const { loadConfig } = await import('../server/platform/config/config');
  const { seedCalendarDemo } = await import('../server/platform/calendar/store');
  const { loadState, provisionalYear } = await import('../server/platform/calendar/store/calendar.state');
  const { describeChange } = await import('../server/platform/calendar/store/calendar.service');
  const { createOrgUnit, createOfficer } = await import('../server/modules/identity/test/factories');
  const { createPublished } = await import('../server/modules/catalog/test/factories');
  const { intakeDossier, sweepAtRisk, countDossiersAffected, recomputeForCalendarChange, refreshOutdatedPublicViews } = await import('../server/modules/dossiers');

  const database = await openDatabase({ url, poolSize: 4 });
  await runMigrations(database);
  let now = BENCH_NOW;
  const built = await buildApp({
    database,
    config: loadConfig({ ...process.env, DATABASE_URL: url, MOTCUA_SEED_DEMO: 'false' }),
    clock: { now: () => now },
    logger: false,
  });
  const pool = database.pool!;
  const system = built.systemCtx();
  await seedCalendarDemo(system);
  const province = await createOrgUnit(database.db, { kind: 'province' });
  const centre = await createOrgUnit(database.db, { parent: province, kind: 'service-center' });
  const dept = await createOrgUnit(database.db, { parent: province, kind: 'department' });
  const officer = await createOfficer(database.db, 'reception-officer', centre);
  const version = await createPublished(
    system,
    { code: '9.999002', implementingUnitIds: [dept.id], processingTimes: [{ channel: 'any', amount: 5, unit: 'working-days', raw: '05 ngày làm việc' }] },
    '2025-07-01',
  );
  const ctx = {
    ...system,
    actor: {
      type: 'user' as const,
      userId: officer.user.id,
      kind: 'officer' as const,
      displayName: 'Cán bộ thử tải',
      grants: [{ role: 'reception-officer', orgUnitId: centre.id, scopePath: centre.path }],
      sessionId: 'bench',
    },
  };
  const openIds: string[] = [];
  for (let i = 0; i < OPEN; i++) {
    // Thirty a working day over two weeks, on the hour within office hours.
    const day = Math.floor(i / 30);
    now = new Date(OPEN_FROM.getTime() + (day + 2 * Math.floor(day / 5)) * 86_400_000 + (i % 8) * 3_600_000);
    const r = await intakeDossier(ctx, {
      procedureCode: version.code,
      receivingUnitId: centre.id,
      handlingUnitId: dept.id,
      channel: 'direct',
      applicant: { kind: 'person', name: 'Nguyễn Văn An', idNumber: String(200000000000 + i), phone: null, email: `an.${i}@example.vn`, address: 'Thanh Hóa' },
      checklist: [{ name: 'Tờ khai', originals: 1, copies: 0 }],
      feeVnd: 0,
      decision: 'accept',
      note: null,
    });
    if (r.decision !== 'accept') throw new Error('intake refused');
    openIds.push(r.dossierId);
  }
  now = BENCH_NOW;
  await insertHistory(pool, openIds[0]!, 0, finished);

  // Calendar changes: a day off added far from every open dossier's window (Tuesday 15/12/2026), one inside the
  // windows (Wednesday 17/06/2026, and its removal, alternately, so each run moves dossiers), and the publication of
  // 2027 exactly as generated (moves nothing; the views of dossiers due in 2027 are stored again).
  const state = (await loadState(database.db))!;
  const withDayOff = (date: string) => ({
    ...state,
    years: state.years.map((y) =>
      y.year === 2026 ? { ...y, daysOff: [...y.daysOff, { date, kind: 'other' as const, reason: 'Nghỉ thử tải', reference: 'Bench', status: 'official' as const }] } : y,
    ),
  });
  const event = (change: ReturnType<typeof describeChange>) => ({ ...change, revision: 1_000_000, reason: 'Thử tải', actorId: null, occurredAt: BENCH_NOW.toISOString() });
  const far = describeChange('year-published', state, withDayOff('2026-12-15'), null, [2026]);
  const near = describeChange('year-published', state, withDayOff('2026-06-17'), null, [2026]);
  const nearBack = describeChange('year-published', withDayOff('2026-06-17'), state, null, [2026]);
  const published2027 = describeChange('year-published', state, { ...state, years: [...state.years, { ...provisionalYear(2027), status: 'official' as const }] }, null, [2027]);
  let flip = 0;
  const runs: Record<Sweep, () => Promise<unknown>> = {
    refresh: async () => {
      await pool.query('update dossiers set public_view = null, public_view_rev = null where id = any($1::uuid[])', [openIds.slice(0, CLEARED_VIEWS)]);
      const n = await refreshOutdatedPublicViews(database.db, 2000);
      if (n !== CLEARED_VIEWS) throw new Error(`refresh stored ${n} views, expected ${CLEARED_VIEWS}`);
    },
    atRisk: () => sweepAtRisk(system, { limit: 500 }),
    impactFar: () => countDossiersAffected(database.db, far),
    impactNear: () => countDossiersAffected(database.db, near),
    recomputeNear: () => recomputeForCalendarChange(system, event(flip++ % 2 === 0 ? near : nearBack)),
    publication: () => recomputeForCalendarChange(system, event(published2027)),
  };
  return {
    runs,
    affectedNear: () => countDossiersAffected(database.db, near),
    async close() {
      await built.app.close();
      await database.close();
    },
  };
}

export async function run(): Promise<void> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    console.log('sweeps bench: set DATABASE_URL to a PostgreSQL server (the bench creates and drops its own databases).');
    console.log('sweeps: n/a');
    return;
  }
  const keep = process.env.BENCH_KEEP_DB === '1';
  const tag = `${process.pid}_${randomBytes(3).toString('hex')}`;
  const names = { small: `motcua_bench_sweeps_${tag}_small`, large: `motcua_bench_sweeps_${tag}_large` };
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    for (const name of Object.values(names)) await admin.query(`create database ${name}`);
    const small = await world(dbUrl(base, names.small), SMALL);
    const large = await world(dbUrl(base, names.large), LARGE);
    const ms: Record<Sweep, { small: number[]; large: number[] }> = Object.fromEntries(SWEEPS.map((k) => [k, { small: [], large: [] }])) as never;
    for (const key of SWEEPS) {
      // A warm-up run each (prepared statements, calendar caches), then alternating rounds.
      await small.runs[key]();
      await large.runs[key]();
      // Which size goes first alternates too: a round right after another may pay for what that one left behind.
      for (let r = 0; r < ROUNDS; r++) {
        for (const size of r % 2 === 0 ? (['small', 'large'] as const) : (['large', 'small'] as const)) {
          ms[key][size].push(await timed((size === 'small' ? small : large).runs[key]));
        }
      }
    }
    const affected = await small.affectedNear();
    await small.close();
    await large.close();

    const labels: Record<Sweep, string> = {
      refresh: `public-view refresh (${CLEARED_VIEWS} cleared views)`,
      atRisk: `at-risk sweep (${OPEN} running)`,
      impactFar: 'impact count, day off far from open work',
      impactNear: `impact count, day off inside open work (${affected} affected)`,
      recomputeNear: 'recompute, day off inside open work',
      publication: 'recompute, publication of 2027',
    };
    const ratio = (k: Sweep) => median(ms[k].large) / median(ms[k].small);
    console.log(
      `sweeps bench: PostgreSQL, ${OPEN} open dossiers (intake use case) plus finished history; median of ${ROUNDS} alternating rounds (each at least ${MIN_ROUND_MS} ms of back-to-back runs) per sweep and size`,
    );
    for (const k of SWEEPS) {
      console.log(
        `  ${labels[k]}: ${median(ms[k].small).toFixed(1)} ms at ${SMALL / 1000}k, ${median(ms[k].large).toFixed(1)} ms at ${LARGE / 1000}k, ratio ${ratio(k).toFixed(2)}`,
      );
    }
    if (keep) console.log(`kept databases ${names.small}, ${names.large}`);
    console.log(`sweeps: ratio ${LARGE / 1000}k/${SMALL / 1000}k finished: ${SWEEPS.map((k) => `${k} ${ratio(k).toFixed(2)}`).join(', ')}`);
  } finally {
    if (!keep) for (const name of Object.values(names)) await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
