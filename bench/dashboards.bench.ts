// Indicators at province scale (issue 12 item 7) on PostgreSQL (DATABASE_URL): the province's and a department's
// summary for a year and the first page of a drill-down, timed over HTTP against the real app on N generated dossiers
// (default 1,000,000; `npm run bench -- dashboards --dossiers N`), against a naive GROUP BY over the dossiers answering
// the province's question in the same run. Reuses the queues bench's databases (motcua_bench_queues_<N>): the app's
// migrations add the read model, whose buckets are then recomputed in full once (timed and printed) before measuring.
import pg from 'pg';
import { BENCH_NOW, agent, dossiersOption, ensureDatabase, fmt, login, p, request, sortNum, startApp } from './queues.bench';

const DEFAULT_SIZE = 1_000_000;
const SAMPLES = 40;
const NAIVE_SAMPLES = 5;
/** The year the generated data ends in (its clock is BENCH_NOW, 30/11/2026). */
const FROM = '2026-01-01';
const TO = '2026-12-31';

/** The province's question answered straight from the dossiers: what the read model saves. */
const NAIVE = `
  with units as (select id from identity_org_units where path like (select path from identity_org_units where code = 'H56') || '%'),
       period as (select '${FROM}T00:00:00+07:00'::timestamptz as starts, (('${TO}'::date + 1)::text || 'T00:00:00+07:00')::timestamptz as ends)
  select count(*) filter (where received_at >= starts and received_at < ends) as received,
         count(*) filter (where received_at >= starts and received_at < ends and channel = 'online') as received_online,
         count(*) filter (where finished_at >= starts and finished_at < ends and classification = 'early') as early,
         count(*) filter (where finished_at >= starts and finished_at < ends and classification = 'on-time') as on_time,
         count(*) filter (where finished_at >= starts and finished_at < ends and classification = 'late') as late,
         count(*) filter (where closed_at >= starts and closed_at < ends and state in ('WITHDRAWN','STOPPED')) as ended,
         count(*) filter (where received_at >= starts and received_at < ends
                            and state in ('RECEIVED','PROCESSING','AWAITING_APPROVAL','INTEROPERATING','SUPPLEMENT_REQUESTED','AWAITING_PAYMENT')) as open
  from dossiers, period where handling_unit_id in (select id from units)`;

async function fillReadModel(url: string): Promise<{ buckets: number; seconds: number }> {
  const { openDatabase } = await import('../server/platform/db/database');
  const { refreshIndicatorStats } = await import('../server/modules/dossiers');
  const database = await openDatabase({ url, poolSize: 2 });
  const started = performance.now();
  let buckets = 0;
  for (;;) {
    const done = await refreshIndicatorStats(database.db, { limit: 5000 });
    if (done === 0) break;
    buckets += done;
  }
  await database.close();
  return { buckets, seconds: (performance.now() - started) / 1000 };
}

export async function run(): Promise<void> {
  const base = process.env.DATABASE_URL;
  const size = dossiersOption(DEFAULT_SIZE);
  if (!base) {
    console.log('dashboards bench: set DATABASE_URL to a PostgreSQL server (it shares the queues bench databases motcua_bench_queues_<N>).');
    console.log('dashboards: p95 n/a ms province, n/a ms unit, n/a ms drill-down at n/a dossiers, naive p95 n/a ms');
    return;
  }
  if (!Number.isInteger(size) || size < 10_000) throw new Error('--dossiers must be a whole number of at least 10000');
  const db = await ensureDatabase(base, size);
  if (db.generated) console.log(`  ${db.generated}`);
  // The app migrates the database (the read model's tables, indexes and marks), then the model is filled once.
  const { child, port } = await startApp(db.url);
  try {
    const filled = await fillReadModel(db.url);
    const pool = new pg.Pool({ connectionString: db.url, max: 2 });
    const [{ n }] = (await pool.query<{ n: number }>('select count(*)::int as n from dossiers')).rows as [{ n: number }];
    console.log(`dashboards bench: ${n.toLocaleString('en-US')} dossiers; read model filled: ${filled.buckets.toLocaleString('en-US')} buckets in ${filled.seconds.toFixed(1)} s`);
    const province = await login(port, 'admin');
    const leader = await login(port, 'lanhdao.stp');
    const clock = await request(port, 'POST', '/api/v1/clock/set', province, { at: BENCH_NOW });
    if (clock.status !== 200) throw new Error(`clock/set: ${clock.status} ${clock.body}`);
    const probes = [
      { label: 'province', session: province, path: `/api/v1/indicators/summary?unit=H56&from=${FROM}&to=${TO}&subtree=true` },
      { label: 'unit', session: leader, path: `/api/v1/indicators/summary?unit=H56.03&from=${FROM}&to=${TO}&subtree=true` },
      { label: 'drill-down', session: leader, path: `/api/v1/indicators/dossiers?unit=H56.03&from=${FROM}&to=${TO}&subtree=true&measure=finished-late` },
    ];
    const results = new Map<string, number[]>();
    const bodies = new Map<string, string>();
    for (const probe of probes) {
      let last = '';
      for (let i = 0; i < 3; i++) {
        const warm = await request(port, 'GET', probe.path, probe.session);
        if (warm.status !== 200) throw new Error(`${probe.label}: ${warm.status} ${warm.body.slice(0, 300)}`);
        last = warm.body;
      }
      const times: number[] = [];
      for (let i = 0; i < SAMPLES; i++) times.push((await request(port, 'GET', probe.path, probe.session)).ms);
      results.set(probe.label, sortNum(times));
      bodies.set(probe.label, last);
      console.log(`  ${probe.label.padEnd(12)} p50 ${fmt(p(sortNum(times), 0.5))} ms, p95 ${fmt(p(sortNum(times), 0.95))} ms — ${last.slice(0, 160)}…`);
    }
    const naive: number[] = [];
    let naiveRow = '';
    for (let i = 0; i < NAIVE_SAMPLES; i++) {
      const started = performance.now();
      const r = await pool.query(NAIVE);
      naive.push(performance.now() - started);
      naiveRow = JSON.stringify(r.rows[0]);
    }
    await pool.end();
    // The read model must answer exactly what the dossiers say.
    const summary = JSON.parse(bodies.get('province')!) as Record<string, number>;
    const counted = JSON.parse(naiveRow) as Record<string, string>;
    const pairs: Array<[string, number, number]> = [
      ['received', summary.received!, Number(counted.received)],
      ['receivedOnline', summary.receivedOnline!, Number(counted.received_online)],
      ['finishedEarly', summary.finishedEarly!, Number(counted.early)],
      ['finishedOnTime', summary.finishedOnTime!, Number(counted.on_time)],
      ['finishedLate', summary.finishedLate!, Number(counted.late)],
      ['withdrawn + stopped', summary.withdrawn! + summary.stopped!, Number(counted.ended)],
      ['open', summary.open!, Number(counted.open)],
    ];
    const wrong = pairs.filter(([, a, b]) => a !== b);
    if (wrong.length > 0) throw new Error(`the province summary differs from the dossiers: ${wrong.map(([k, a, b]) => `${k} ${a} ≠ ${b}`).join(', ')}`);
    const naiveP95 = p(sortNum(naive), 0.95);
    const provinceP95 = p(results.get('province')!, 0.95);
    console.log(`  naive GROUP BY (province, ${FROM}..${TO}) p95 ${fmt(naiveP95)} ms — ${naiveRow}; ${(naiveP95 / provinceP95).toFixed(0)}× the province summary`);
    console.log(
      `dashboards: p95 ${fmt(provinceP95)} ms province, ${fmt(p(results.get('unit')!, 0.95))} ms unit, ${fmt(p(results.get('drill-down')!, 0.95))} ms drill-down at ${n} dossiers, naive p95 ${fmt(naiveP95)} ms`,
    );
  } finally {
    child.kill('SIGTERM');
    agent.destroy();
  }
}
