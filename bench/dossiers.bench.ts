// Dossiers benchmark on PostgreSQL (DATABASE_URL): intake throughput against a raw-SQL baseline writing the same rows,
// and public lookups over HTTP at 50 connections against a bare Fastify + pg point lookup. A fresh database is created
// for the run and dropped at the end. Servers run in child processes so the load generator does not share their event loop.
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { randomBytes, randomUUID } from 'node:crypto';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import Fastify from 'fastify';

/** Measurements alternate use case and baseline in short rounds, so a change in machine load hits both alike. */
const ROUNDS = 4;
const INTAKE_SECONDS = 1.5;
/**
 * Intake is measured as peak throughput: each variant at each of these numbers of concurrent intakes (alternating
 * rounds), and each variant's best level reported, the whole curve printed. On a small machine the peak comes at low
 * concurrency (PostgreSQL backends, the app and the load share the cores); a fixed level would measure contention.
 */
const INTAKE_CONCURRENCY_LEVELS = [2, 4, 8, 16];
const INTAKE_ROUNDS_PER_LEVEL = 2;
const POOL_SIZE = 20;
const LOOKUP_SECONDS = 1.5;
const LOOKUP_WARMUP_SECONDS = 1;
const CONNECTIONS = 50;
const AGENCIES = 10;
/** Monday 15/06/2026 09:00 in Hà Nội: every due instant falls inside the published 2026 calendar. */
const BENCH_NOW = new Date('2026-06-15T02:00:00Z');
const SELF = fileURLToPath(import.meta.url);

const LOOKUP_SQL = `select d.code, d.procedure_name, d.applicant_name, d.status_code, u.name as holder_name, d.received_at, d.due_at, d.extended_due_at
  from dossiers d join identity_org_units u on u.id = d.holder_unit_id where d.code = $1`;

function dbUrl(base: string, name: string): string {
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
}

// ---------------------------------------------------------------------------------------------------------------
// Child processes: the application server and the baseline server

async function serveApp(url: string): Promise<void> {
  const { buildApp } = await import('../server/app');
  const { loadConfig } = await import('../server/platform/config/config');
  const { openDatabase } = await import('../server/platform/db/database');
  const database = await openDatabase({ url, poolSize: POOL_SIZE });
  // Clients reach the server through a reverse proxy that sets X-Forwarded-For (the per-IP rate limit then sees each citizen).
  const built = await buildApp({ database, config: loadConfig({ ...process.env, DATABASE_URL: url, MOTCUA_SEED_DEMO: 'false', TRUST_PROXY: 'true' }), logger: false });
  await built.app.listen({ port: 0, host: '127.0.0.1' });
  const address = built.app.server.address();
  console.log(`listening ${typeof address === 'object' && address ? address.port : 0}`);
}

async function serveBaseline(url: string): Promise<void> {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE });
  const app = Fastify({ logger: false });
  app.get<{ Params: { code: string } }>('/lookup/:code', async (request, reply) => {
    const res = await pool.query({ name: 'lookup', text: LOOKUP_SQL, values: [request.params.code] });
    if (!res.rows[0]) return reply.status(404).send({ error: 'not found' });
    return res.rows[0];
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  console.log(`listening ${typeof address === 'object' && address ? address.port : 0}`);
}

function startServer(mode: 'app' | 'baseline', url: string): Promise<{ child: ChildProcess; port: number }> {
  // BENCH_CPU_PROF=<dir> writes a V8 CPU profile of each server (inspect with Chrome DevTools or speedscope).
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', SELF, 'serve', mode, url], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const m = /listening (\d+)/.exec(buffer);
      if (m) resolve({ child, port: Number(m[1]) });
    });
    child.on('exit', (code) => reject(new Error(`${mode} server exited with ${code}`)));
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Load generator: CONNECTIONS keep-alive sockets, each running requests back to back

interface LoadResult {
  requests: number;
  seconds: number;
  latencies: number[];
  statuses: Record<string, number>;
}

let clientSeq = 0;

async function hammer(port: number, pathFor: () => string, seconds: number): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const until = performance.now() + seconds * 1000;
  const one = () =>
    new Promise<void>((resolve) => {
      const started = performance.now();
      // A different client address per request: the per-IP rate limit is exercised but never trips (many citizens).
      const n = ++clientSeq;
      const ip = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
      const req = http.request({ host: '127.0.0.1', port, path: pathFor(), agent, headers: { 'x-forwarded-for': ip } }, (res) => {
        res.resume();
        res.on('end', () => {
          statuses[String(res.statusCode)] = (statuses[String(res.statusCode)] ?? 0) + 1;
          latencies.push(performance.now() - started);
          resolve();
        });
      });
      req.on('error', (err) => {
        statuses[err.message] = (statuses[err.message] ?? 0) + 1;
        resolve();
      });
      req.end();
    });
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < until) await one();
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  agent.destroy();
  return { requests: latencies.length, seconds: elapsed, latencies, statuses };
}

/** Merges rounds: requests per second over the measured time, p99 over every latency. */
function merge(results: LoadResult[]): { perSecond: number; p99: number; statuses: Record<string, number> } {
  const latencies = results.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const statuses: Record<string, number> = {};
  for (const r of results) for (const [k, v] of Object.entries(r.statuses)) statuses[k] = (statuses[k] ?? 0) + v;
  const seconds = results.reduce((a, r) => a + r.seconds, 0);
  return { perSecond: latencies.length / seconds, p99: latencies[Math.floor(latencies.length * 0.99)] ?? 0, statuses };
}

// ---------------------------------------------------------------------------------------------------------------
// Intake: the use case against raw SQL writing the same rows

async function timed(seconds: number, concurrency: number, op: (i: number) => Promise<unknown>): Promise<{ done: number; seconds: number }> {
  let done = 0;
  let next = 0;
  const until = performance.now() + seconds * 1000;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        await op(next++);
        done++;
      }
    }),
  );
  return { done, seconds: (performance.now() - t0) / 1000 };
}

/** Org units for the run: a province, its service centre and AGENCIES departments (bench fixture, plain SQL). */
async function insertUnits(pool: pg.Pool) {
  const province = randomUUID();
  const centre = randomUUID();
  const units: Array<{ id: string; code: string; name: string; kind: string; parent: string | null; path: string; depth: number }> = [
    { id: province, code: 'B99', name: 'Tỉnh thử tải', kind: 'province', parent: null, path: `/${province}/`, depth: 0 },
    { id: centre, code: 'B99.02', name: 'Trung tâm Phục vụ hành chính công tỉnh thử tải', kind: 'service-center', parent: province, path: `/${province}/${centre}/`, depth: 1 },
  ];
  for (let i = 0; i < AGENCIES; i++) {
    const id = randomUUID();
    units.push({ id, code: `B99.${10 + i}`, name: `Sở thử tải ${i + 1}`, kind: 'department', parent: province, path: `/${province}/${id}/`, depth: 1 });
  }
  for (const u of units) {
    await pool.query(
      `insert into identity_org_units (id, code, name, kind, parent_id, path, depth, valid_from, search_text, created_at, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, '2025-07-01', lower($3), now(), now())`,
      [u.id, u.code, u.name, u.kind, u.parent, u.path, u.depth],
    );
  }
  return { centre: units[1]!, agencies: units.slice(2) };
}

export async function run(): Promise<void> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    console.log('dossiers bench: set DATABASE_URL to a PostgreSQL server (the bench creates and drops its own database).');
    console.log('intake: n/a, baseline n/a');
    console.log('lookup: n/a req/s, p99 n/a ms, baseline n/a req/s');
    return;
  }
  const name = `motcua_bench_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = dbUrl(base, name);
  const children: ChildProcess[] = [];
  try {
    const { openDatabase, runMigrations } = await import('../server/platform/db/database');
    const { buildApp } = await import('../server/app');
    const { loadConfig } = await import('../server/platform/config/config');
    const { seedCalendarDemo, getPublishedCalendar } = await import('../server/platform/calendar/store');
    const { addWorkingTime, toVnIso, vnDateOf } = await import('../server/platform/calendar');
    const { createPublished } = await import('../server/modules/catalog/test/factories');
    const { intakeDossier } = await import('../server/modules/dossiers');

    const database = await openDatabase({ url, poolSize: POOL_SIZE });
    await runMigrations(database);
    const built = await buildApp({
      database,
      config: loadConfig({ ...process.env, DATABASE_URL: url, MOTCUA_SEED_DEMO: 'false' }),
      clock: { now: () => BENCH_NOW },
      logger: false,
    });
    const system = built.systemCtx();
    await seedCalendarDemo(system);
    const { centre, agencies } = await insertUnits(database.pool!);
    const version = await createPublished(
      system,
      { code: '9.999001', implementingUnitIds: agencies.map((a) => a.id), processingTimes: [{ channel: 'any', amount: 5, unit: 'working-days', raw: '05 ngày làm việc' }] },
      '2025-07-01',
    );
    const ctx = {
      ...system,
      actor: {
        type: 'user' as const,
        userId: randomUUID(),
        kind: 'officer' as const,
        displayName: 'Cán bộ thử tải',
        grants: [{ role: 'reception-officer', orgUnitId: centre.id, scopePath: centre.path }],
        sessionId: 'bench',
      },
    };
    const input = (i: number) => ({
      procedureCode: version.code,
      receivingUnitId: centre.id,
      handlingUnitId: agencies[i % AGENCIES]!.id,
      channel: 'direct' as const,
      applicant: { kind: 'person' as const, name: 'Nguyễn Văn An', idNumber: String(100000000000 + i), phone: null, email: `an.${i}@example.vn`, address: 'Thanh Hóa' },
      checklist: [{ name: 'Tờ khai', originals: 1, copies: 0 }],
      feeVnd: 0,
      decision: 'accept' as const,
      note: null,
    });

    // Warm-up, then the use case: code, due instant, first hop, timeline, outbox and audit in one transaction.
    const codes: string[] = [];
    for (let i = 0; i < 100; i++) codes.push(((await intakeDossier(ctx, input(i))) as { code: string }).code);
    let n = 1000;
    const appOp = async () => {
      const r = (await intakeDossier(ctx, input(n++))) as { code: string };
      if (codes.length < 20000) codes.push(r.code);
    };
    // Baseline: the same rows with hand-written SQL on the same pool, statement for statement as the use case writes them
    // (named statements; the code counter with the dossier, hop and timeline entry; outbox; audit; the book counter last).
    // Audit entries are inserted unsealed like recordAudit's; the application's sealer seals both variants' entries.
    const cal = await getPublishedCalendar(database.db, { orgUnitCode: centre.code });
    const calRevision = (await database.pool!.query(`select revision from calendar_calendars where id = 'province'`)).rows[0].revision as number;
    const raw = async (i: number) => {
      const client = await database.pool!.connect();
      try {
        const now = BENCH_NOW;
        const due = addWorkingTime(now, { amount: 5, unit: 'working-days' }, cal).due!;
        const day = vnDateOf(now);
        const agency = agencies[i % AGENCIES]!;
        await client.query('begin');
        const id = randomUUID();
        const steps = JSON.stringify(
          version.steps.map((s) => ({
            name: s.name,
            unitId: s.unitRef === 'receiving-centre' ? centre.id : agency.id,
            role: s.role,
            budgetMinutes: s.budgetMinutes,
            interAgency: s.interAgency,
          })),
        );
        const code = (
          await client.query({
            name: 'intake1',
            text: `with c as (insert into dossiers_code_counters (agency_code, day, n) values ($17, $18, 1) on conflict (agency_code, day) do update set n = dossiers_code_counters.n + 1 returning n),
                 k as (select $16 || lpad(c.n::text, greatest(4, length(c.n::text)), '0') as code from c),
                 d as (insert into dossiers (id, code, procedure_version_id, procedure_code, procedure_name, receiving_unit_id, handling_unit_id, channel, result_delivery, applicant_kind, applicant_name,
                   applicant_id_number, applicant_email, applicant_address, checklist, fee_vnd, state, status_code, workflow, current_step, holder_unit_id, holder_role, duration_amount, duration_unit,
                   duration_source, calendar_unit_code, received_at, due_at, rule_version, pause_rule, book_number, book_seq, search_text, created_at, updated_at, public_view, public_view_rev)
                 select $1,k.code,$2,$3,$4,$5,$6,'direct','desk','person',$7,$8,$9,'Thanh Hóa',$10,0,'RECEIVED',2,$11,0,$5,'reception-officer',5,'working-days','catalog',$12,$13,$14,'nd118-2025','pause-and-shift','2026',0,lower(k.code) || ' ' || $15,$13,$13,$23,'bench' from k returning id, code),
                 h as (insert into dossiers_steps (dossier_id, seq, kind, step_index, name, to_unit_id, role, started_at, budget_minutes, due_at, handed_by) select d.id, 1, 'step', 0, $19, $5, 'reception-officer', $13, $20, $14, $21 from d),
                 e as (insert into dossiers_events (dossier_id, at, kind, public, status_code, params, actor_label) select d.id, $13, 'intake', true, 2, $22, $21 from d)
                 select code from d`,
            values: [
              id,
              version.id,
              version.code,
              version.name,
              centre.id,
              agency.id,
              'Nguyễn Văn An',
              String(100000000000 + i),
              `an.${i}@example.vn`,
              JSON.stringify([{ name: 'Tờ khai', originals: 1, copies: 0 }]),
              steps,
              centre.code,
              now,
              due,
              'nguyen van an',
              `${agency.code}-${day.slice(2, 4)}${day.slice(5, 7)}${day.slice(8, 10)}-`,
              agency.code,
              day,
              version.steps[0]!.name,
              version.steps[0]!.budgetMinutes,
              'Cán bộ thử tải',
              JSON.stringify({ unit: centre.name, due: toVnIso(due) }),
              // The public lookup's stored view, written by hand in the same shape.
              JSON.stringify({
                procedureName: version.name,
                applicantName: 'Nguyễn V*** A**',
                statusCode: 2,
                status: { vi: 'Đã tiếp nhận', en: 'Received' },
                receivedAt: toVnIso(now),
                appointmentAt: toVnIso(due),
                extendedAppointmentAt: null,
                finishedAt: null,
                returnedAt: null,
                timeline: [
                  {
                    at: toVnIso(now),
                    statusCode: 2,
                    text: { vi: `Hồ sơ được tiếp nhận tại ${centre.name}; hẹn trả kết quả ${toVnIso(due)}.`, en: `Received at ${centre.name}; result due ${toVnIso(due)}.` },
                  },
                ],
              }),
            ],
          })
        ).rows[0].code as string;
        await client.query({
          name: 'outbox',
          text: `insert into notifications_outbox (channel, recipient, template_key, params, locale, status, subject_type, subject_id, dedupe_key, recheck_at) values ('email', $1, 'dossiers.applicant-update', $2, 'vi', 'pending', 'dossier', $3, $4, now() + interval '60 seconds')`,
          values: [`an.${i}@example.vn`, JSON.stringify({ code, kind: 'intake' }), id, `dossier:${id}:intake:email`],
        });
        await client.query({
          name: 'audit',
          text: `insert into audit_events (occurred_at, actor_id, actor_label, action, subject_type, subject_id, before, after, request_id, ip) values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
          values: [now, null, 'Cán bộ thử tải', 'dossiers.intake', 'dossier', id, null, JSON.stringify({ code, dueAt: toVnIso(due) }), null, null],
        });
        // The book number and the control slip (Mẫu 06) numbered at reception (D14), as the use case's last statement.
        await client.query({
          name: 'book',
          text: `with b as (insert into dossiers_slip_counters (unit_id, kind, year, n) values ($1, 'book', 2026, 1) on conflict (unit_id, kind, year) do update set n = dossiers_slip_counters.n + 1 returning n),
                 u as (update dossiers set book_seq = b.n from b where id = $2::uuid and (select revision from calendar_calendars where id = 'province') = $3 returning book_seq),
                 sc as (insert into dossiers_slip_counters (unit_id, kind, year, n) values ($1, 'PKS', 2026, 1) on conflict (unit_id, kind, year) do update set n = dossiers_slip_counters.n + 1 returning n),
                 si as (insert into dossiers_slip_issuances (form, subject, dossier_id, issuer_unit_id, year, number, reference, issued_at)
                        select 'controlSlip', 'dossier:' || $2::uuid::text, $2::uuid, $1, 2026, sc.n, lpad(sc.n::text, greatest(2, length(sc.n::text)), '0') || '/PKS-TTPVHCC', now() from sc returning reference)
                 select u.book_seq, si.reference from u, si`,
          values: [centre.id, id, calRevision],
        });
        await client.query('commit');
      } catch (err) {
        await client.query('rollback');
        throw err;
      } finally {
        client.release();
      }
    };
    for (let i = 0; i < 100; i++) await raw(500_000 + i);
    let m = 600_000;
    type Round = { done: number; seconds: number };
    const rate = (xs: Round[]) => xs.reduce((a, x) => a + x.done, 0) / xs.reduce((a, x) => a + x.seconds, 0);
    const curve: Array<{ concurrency: number; app: number; baseline: number }> = [];
    for (const concurrency of INTAKE_CONCURRENCY_LEVELS) {
      const rounds = { app: [] as Round[], baseline: [] as Round[] };
      for (let r = 0; r < INTAKE_ROUNDS_PER_LEVEL; r++) {
        rounds.app.push(await timed(INTAKE_SECONDS, concurrency, appOp));
        rounds.baseline.push(await timed(INTAKE_SECONDS, concurrency, () => raw(m++)));
      }
      curve.push({ concurrency, app: rate(rounds.app), baseline: rate(rounds.baseline) });
    }
    const bestApp = curve.reduce((a, c) => (c.app > a.app ? c : a));
    const bestBaseline = curve.reduce((a, c) => (c.baseline > a.baseline ? c : a));
    const app = { perSecond: bestApp.app, concurrency: bestApp.concurrency };
    const baseline = { perSecond: bestBaseline.baseline, concurrency: bestBaseline.concurrency };
    await built.app.close();
    await database.close();

    // Lookups over real sockets against both servers.
    const appServer = await startServer('app', url);
    children.push(appServer.child);
    const baseServer = await startServer('baseline', url);
    children.push(baseServer.child);
    const pickCode = () => encodeURIComponent(codes[Math.floor(Math.random() * codes.length)]!);
    await hammer(appServer.port, () => `/api/v1/dossiers/lookup/${pickCode()}`, LOOKUP_WARMUP_SECONDS);
    await hammer(baseServer.port, () => `/lookup/${pickCode()}`, LOOKUP_WARMUP_SECONDS);
    const appRuns: LoadResult[] = [];
    const baseRuns: LoadResult[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      appRuns.push(await hammer(appServer.port, () => `/api/v1/dossiers/lookup/${pickCode()}`, LOOKUP_SECONDS));
      baseRuns.push(await hammer(baseServer.port, () => `/lookup/${pickCode()}`, LOOKUP_SECONDS));
    }
    const lookup = merge(appRuns);
    const lookupBase = merge(baseRuns);

    console.log(
      `dossiers bench: PostgreSQL, pool ${POOL_SIZE}, intakes over ${AGENCIES} agencies at one desk (one day's counters), ${INTAKE_ROUNDS_PER_LEVEL} alternating rounds of ${INTAKE_SECONDS} s per variant and concurrency; ${codes.length} codes looked up`,
    );
    console.log(`intake per concurrency (use case / raw SQL per s): ${curve.map((c) => `${c.concurrency}: ${Math.round(c.app)} / ${Math.round(c.baseline)}`).join(', ')}`);
    console.log(`intake peak: use case at ${app.concurrency} concurrent, raw SQL at ${baseline.concurrency}; ratio ${(app.perSecond / baseline.perSecond).toFixed(3)}`);
    console.log(
      `lookup method: node:http keep-alive agent, ${CONNECTIONS} sockets each sending back-to-back GETs, ${ROUNDS} alternating rounds of ${LOOKUP_SECONDS} s per server after ${LOOKUP_WARMUP_SECONDS} s warm-up; servers in child processes; responses ${JSON.stringify(lookup.statuses)} / ${JSON.stringify(lookupBase.statuses)}; baseline p99 ${lookupBase.p99.toFixed(1)} ms; ratio ${(lookup.perSecond / lookupBase.perSecond).toFixed(3)}`,
    );
    console.log(`intake: ${Math.round(app.perSecond)}/s, baseline ${Math.round(baseline.perSecond)}/s`);
    console.log(`lookup: ${Math.round(lookup.perSecond)} req/s, p99 ${lookup.p99.toFixed(1)} ms, baseline ${Math.round(lookupBase.perSecond)} req/s`);
  } finally {
    for (const c of children) c.kill();
    await new Promise((r) => setTimeout(r, 300));
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

const isMain = process.argv[1] !== undefined && pathToFileURL(process.argv[1]).href === import.meta.url;
if (isMain && process.argv[2] === 'serve') {
  // A clean exit on SIGTERM so --cpu-prof gets to write its profile.
  process.on('SIGTERM', () => process.exit(0));
  const mode = process.argv[3];
  const url = process.argv[4]!;
  await (mode === 'app' ? serveApp(url) : serveBaseline(url));
}
