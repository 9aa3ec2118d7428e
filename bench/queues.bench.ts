// Queues at province scale (issue 10) on PostgreSQL (DATABASE_URL): the requests an officer makes all day — the desk's
// "all" queue, search, the unit queue and the overdue queue, first and deep pages — timed over HTTP against the real
// app on 10,000 generated dossiers and on N (default 1,000,000; `npm run bench -- queues --dossiers N`), in one run.
// Data comes from `npm run seed:scale` (same seed and clock for both sizes) into databases named after their size,
// kept between runs (generating millions takes a while); a database whose marker does not match is made again.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const SELF = fileURLToPath(import.meta.url);
const SEED = 7;
/** The clock of the generated data and of the app under test: Monday 30/11/2026 10:00 in Hà Nội. */
export const BENCH_NOW = '2026-11-30T03:00:00.000Z';
const BASE_SIZE = 10_000;
const DEFAULT_SIZE = 1_000_000;
const MARKER_VERSION = 2;
const SINGLE_USER_SAMPLES = 40;
const CONCURRENT_USERS = 10;
const CONCURRENT_ROUNDS = 6;
const POOL_SIZE = 20;
const PASSWORD = 'MotCua@2026';

function dbUrl(base: string, name: string): string {
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
}

const marker = (n: number) => `motcua queues bench v${MARKER_VERSION}: seed ${SEED}, now ${BENCH_NOW}, dossiers ${n}`;

/** A database of `n` generated dossiers, made with `npm run seed:scale` unless an earlier run left one. */
export async function ensureDatabase(base: string, n: number): Promise<{ url: string; generated: string | null }> {
  const name = `motcua_bench_queues_${n}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    const found = await admin.query<{ comment: string | null }>(`select shobj_description(oid, 'pg_database') as comment from pg_database where datname = $1`, [name]);
    if (found.rows[0]?.comment === marker(n)) return { url: dbUrl(base, name), generated: null };
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = dbUrl(base, name);
  console.log(`queues bench: generating ${n.toLocaleString('en-US')} dossiers into ${name} (kept for later runs)…`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/scripts/seed-scale.ts', '--dossiers', String(n), '--seed', String(SEED), '--now', BENCH_NOW], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`seed:scale failed with ${run.status}`);
  const last = run.stdout.trim().split('\n').pop() ?? '';
  const admin2 = new pg.Client({ connectionString: base });
  await admin2.connect();
  await admin2.query(`comment on database ${name} is '${marker(n)}'`);
  await admin2.end();
  return { url, generated: last };
}

// ---------------------------------------------------------------------------------------------------------------
// The app under test, in a child process so the load generator does not share its event loop

async function serveApp(url: string): Promise<void> {
  const { buildApp } = await import('../server/app');
  const { loadConfig } = await import('../server/platform/config/config');
  const { openDatabase, runMigrations } = await import('../server/platform/db/database');
  const database = await openDatabase({ url, poolSize: POOL_SIZE });
  await runMigrations(database);
  const config = loadConfig({ ...process.env, DATABASE_URL: url, MOTCUA_SEED_DEMO: 'false', MOTCUA_ADJUSTABLE_CLOCK: 'true', TRUST_PROXY: 'true' });
  const built = await buildApp({ database, config, logger: false });
  await built.app.listen({ port: 0, host: '127.0.0.1' });
  const address = built.app.server.address();
  console.log(`listening ${typeof address === 'object' && address ? address.port : 0}`);
}

export function startApp(url: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', SELF, 'serve', url], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const m = /listening (\d+)/.exec(buffer);
      if (m) resolve({ child, port: Number(m[1]) });
    });
    child.on('exit', (code) => reject(new Error(`app exited with ${code}`)));
  });
}

// ---------------------------------------------------------------------------------------------------------------
// A signed-in officer over HTTP

export const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

export interface Session {
  cookie: string;
  csrf: string;
}

export function request(
  port: number,
  method: string,
  path: string,
  session: Session | null,
  body?: unknown,
): Promise<{ status: number; body: string; ms: number; cookies: string[] }> {
  const started = performance.now();
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent,
        headers: {
          origin: `http://127.0.0.1:${port}`,
          ...(payload ? { 'content-type': 'application/json' } : {}),
          ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started, cookies: res.headers['set-cookie'] ?? [] }),
        );
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

export async function login(port: number, username: string): Promise<Session> {
  const res = await request(port, 'POST', '/api/v1/identity/login', null, { login: username, password: PASSWORD });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${res.body}`);
  const cookie = res.cookies.map((c) => c.split(';')[0]).join('; ');
  return { cookie, csrf: (JSON.parse(res.body) as { csrfToken: string }).csrfToken };
}

// ---------------------------------------------------------------------------------------------------------------
// The requests measured

interface Probe {
  group: 'desk page' | 'search' | 'unit queue' | 'overdue' | 'other';
  label: string;
  user: 'desk' | 'leader' | 'province';
  path: string;
}

interface Fixture {
  port: number;
  sessions: Record<Probe['user'], Session>;
  probes: Probe[];
}

/** A cursor into the middle of the queue order (the API's cursor is opaque; the bench knows its form: D18). */
const middleCursor = (due: Date) => Buffer.from(`${due.getTime()}|0`, 'utf8').toString('base64url');

async function fixture(url: string): Promise<Fixture & { child: ChildProcess; dossiers: number }> {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const [{ n }] = (await pool.query<{ n: number }>('select count(*)::int as n from dossiers')).rows as [{ n: number }];
  // Search terms drawn from the data: a frequent full name, and the ID number, phone and code of given dossiers.
  const sample = (
    await pool.query<{ code: string; applicant_name: string; applicant_id_number: string; applicant_phone: string | null }>(
      // Dossiers the desk officer may read (received at the desk's unit), a few months back.
      `select code, applicant_name, applicant_id_number, applicant_phone from dossiers
        where receiving_unit_id in (select g.org_unit_id from identity_role_grants g join identity_users u on u.id = g.user_id where u.username = 'tiepnhan.tinh')
          and applicant_phone is not null order by received_at desc offset 500 limit 50`,
    )
  ).rows;
  const name = (
    await pool.query<{ applicant_name: string }>(
      `select applicant_name from (select applicant_name from dossiers tablesample system (1) limit 5000) s group by 1 order by count(*) desc limit 1`,
    )
  ).rows[0]!.applicant_name;
  await pool.end();
  const { child, port } = await startApp(url);
  const sessions = { desk: await login(port, 'tiepnhan.tinh'), leader: await login(port, 'lanhdao.stp'), province: await login(port, 'admin') };
  const clock = await request(port, 'POST', '/api/v1/clock/set', sessions.province, { at: BENCH_NOW });
  if (clock.status !== 200) throw new Error(`clock/set: ${clock.status} ${clock.body}`);
  const deep = middleCursor(new Date(Date.parse(BENCH_NOW) - 540 * 86_400_000));
  const recent = middleCursor(new Date(Date.parse(BENCH_NOW) - 20 * 86_400_000));
  const q = (text: string) => encodeURIComponent(text);
  const probes: Probe[] = [
    { group: 'desk page', label: 'desk all, first page', user: 'desk', path: '/api/v1/dossiers?queue=all' },
    { group: 'desk page', label: 'desk all, deep page', user: 'desk', path: `/api/v1/dossiers?queue=all&after=${deep}` },
    { group: 'desk page', label: 'desk unit, first page', user: 'desk', path: '/api/v1/dossiers?queue=unit' },
    {
      group: 'search',
      label: 'search name, no diacritics',
      user: 'desk',
      path: `/api/v1/dossiers?queue=all&q=${q(name.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd'))}`,
    },
    { group: 'search', label: 'search ID number', user: 'desk', path: `/api/v1/dossiers?queue=all&q=${q(sample[0]!.applicant_id_number)}` },
    { group: 'search', label: 'search phone', user: 'desk', path: `/api/v1/dossiers?queue=all&q=${q(sample[1]!.applicant_phone!)}` },
    { group: 'search', label: 'search code', user: 'desk', path: `/api/v1/dossiers?queue=all&q=${q(sample[2]!.code)}` },
    { group: 'unit queue', label: 'unit, first page', user: 'leader', path: '/api/v1/dossiers?queue=unit' },
    { group: 'unit queue', label: 'unit, deep page', user: 'leader', path: `/api/v1/dossiers?queue=unit&after=${recent}` },
    { group: 'overdue', label: 'overdue, first page', user: 'leader', path: '/api/v1/dossiers?queue=overdue' },
    { group: 'overdue', label: 'overdue, deep page', user: 'leader', path: `/api/v1/dossiers?queue=overdue&after=${recent}` },
    { group: 'other', label: 'mine (leader)', user: 'leader', path: '/api/v1/dossiers?queue=mine' },
    { group: 'other', label: 'due soon (leader)', user: 'leader', path: '/api/v1/dossiers?queue=due-soon' },
    { group: 'other', label: 'at risk (leader)', user: 'leader', path: '/api/v1/dossiers?queue=at-risk' },
    { group: 'other', label: 'paused (leader)', user: 'leader', path: '/api/v1/dossiers?queue=paused' },
    { group: 'other', label: 'province all, first page', user: 'province', path: '/api/v1/dossiers?queue=all' },
    { group: 'other', label: 'province all, deep page', user: 'province', path: `/api/v1/dossiers?queue=all&after=${deep}` },
    { group: 'other', label: 'province search name', user: 'province', path: `/api/v1/dossiers?queue=all&q=${q(name)}` },
  ];
  return { port, sessions, probes, child, dossiers: n };
}

export const p = (sorted: number[], f: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * f))] ?? NaN;
export const sortNum = (xs: number[]) => [...xs].sort((a, b) => a - b);

interface Measured {
  single: Map<string, number[]>;
  concurrent: Map<string, number[]>;
  items: Map<string, string>;
}

async function measure(f: Fixture): Promise<Measured> {
  const single = new Map<string, number[]>();
  const concurrent = new Map<string, number[]>();
  const items = new Map<string, string>();
  const hit = async (probe: Probe) => {
    const res = await request(f.port, 'GET', probe.path, f.sessions[probe.user]);
    if (res.status !== 200) throw new Error(`${probe.label}: ${res.status} ${res.body.slice(0, 300)}`);
    return res;
  };
  for (const probe of f.probes) {
    for (let i = 0; i < 3; i++) await hit(probe);
    const body = JSON.parse((await hit(probe)).body) as { items: unknown[]; total: number; totalExact: boolean };
    items.set(probe.label, `${body.items.length} rows, total ${body.totalExact ? '' : '>'}${body.total}`);
    const times: number[] = [];
    for (let i = 0; i < SINGLE_USER_SAMPLES; i++) times.push((await hit(probe)).ms);
    single.set(probe.label, times);
  }
  // Ten officers at once, each going through every request in its own order.
  await Promise.all(
    Array.from({ length: CONCURRENT_USERS }, async (_, u) => {
      for (let r = 0; r < CONCURRENT_ROUNDS; r++) {
        for (let k = 0; k < f.probes.length; k++) {
          const probe = f.probes[(k + u * 3) % f.probes.length]!;
          const ms = (await hit(probe)).ms;
          concurrent.set(probe.label, [...(concurrent.get(probe.label) ?? []), ms]);
        }
      }
    }),
  );
  return { single, concurrent, items };
}

const groupP95 = (m: Map<string, number[]>, probes: Probe[], group: Probe['group']) =>
  p(sortNum(probes.filter((x) => x.group === group).flatMap((x) => m.get(x.label) ?? [])), 0.95);
export const fmt = (ms: number) => (Number.isNaN(ms) ? 'n/a' : ms < 10 ? ms.toFixed(1) : String(Math.round(ms)));

/** `--dossiers N` of the command line (1_000_000, 1,000,000, 1000k and 1m all read), or `fallback`. */
export function dossiersOption(fallback: number): number {
  const args = process.argv.slice(2);
  const at = args.indexOf('--dossiers');
  if (at < 0) return fallback;
  return Number(
    String(args[at + 1])
      .replace(/[_,]/g, '')
      .replace(/[kK]$/, '000')
      .replace(/[mM]$/, '000000'),
  );
}

export async function run(): Promise<void> {
  const base = process.env.DATABASE_URL;
  const size = dossiersOption(DEFAULT_SIZE);
  if (!base) {
    console.log('queues bench: set DATABASE_URL to a PostgreSQL server (it keeps motcua_bench_queues_<N> databases for later runs).');
    console.log('queues: p95 n/a ms desk page, n/a ms search, n/a ms unit queue, n/a ms overdue at n/a dossiers; at 10k: n/a, n/a, n/a, n/a ms');
    return;
  }
  if (!Number.isInteger(size) || size < BASE_SIZE) throw new Error(`--dossiers must be a whole number of at least ${BASE_SIZE}`);
  const results: Array<{ n: number; m: Measured; probes: Probe[] }> = [];
  for (const n of [BASE_SIZE, size]) {
    const db = await ensureDatabase(base, n);
    if (db.generated) console.log(`  ${db.generated}`);
    const f = await fixture(db.url);
    try {
      console.log(`queues bench: ${f.dossiers.toLocaleString('en-US')} dossiers in ${new URL(db.url).pathname.slice(1)}`);
      results.push({ n: f.dossiers, m: await measure(f), probes: f.probes });
    } finally {
      f.child.kill('SIGTERM');
    }
  }
  const [small, large] = results as [(typeof results)[0], (typeof results)[0]];
  console.log(`\n${'request'.padEnd(30)} ${'10k p50/p95'.padStart(13)} ${`${large.n} p50/p95`.padStart(20)} ${'ratio p95'.padStart(10)} ${'10 users p95'.padStart(13)}  rows`);
  for (const probe of large.probes) {
    const s = sortNum(small.m.single.get(probe.label) ?? []);
    const l = sortNum(large.m.single.get(probe.label) ?? []);
    const c = sortNum(large.m.concurrent.get(probe.label) ?? []);
    console.log(
      `${probe.label.padEnd(30)} ${`${fmt(p(s, 0.5))}/${fmt(p(s, 0.95))}`.padStart(13)} ${`${fmt(p(l, 0.5))}/${fmt(p(l, 0.95))}`.padStart(20)} ${(p(l, 0.95) / p(s, 0.95)).toFixed(2).padStart(10)} ${fmt(p(c, 0.95)).padStart(13)}  ${large.m.items.get(probe.label) ?? ''}`,
    );
  }
  const groups = ['desk page', 'search', 'unit queue', 'overdue'] as const;
  const a = groups.map((g) => fmt(groupP95(large.m.single, large.probes, g)));
  const b = groups.map((g) => fmt(groupP95(small.m.single, small.probes, g)));
  const c = groups.map((g) => fmt(groupP95(large.m.concurrent, large.probes, g)));
  console.log(`\nat ${large.n} dossiers with ${CONCURRENT_USERS} concurrent users, p95: ${c[0]} ms desk page, ${c[1]} ms search, ${c[2]} ms unit queue, ${c[3]} ms overdue`);
  console.log(
    `queues: p95 ${a[0]} ms desk page, ${a[1]} ms search, ${a[2]} ms unit queue, ${a[3]} ms overdue at ${large.n} dossiers; at 10k: ${b[0]}, ${b[1]}, ${b[2]}, ${b[3]} ms`,
  );
  agent.destroy();
}

if (process.argv[2] === 'serve') await serveApp(process.argv[3]!);
