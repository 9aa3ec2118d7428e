// Mẫu 07 benchmark (issue 10 item 3): a busy desk's month, 50,000 dossiers, downloaded through HTTP from the real app
// while the server process's memory is sampled, against a 1,000-row book of the same month measured in the same run.
// PostgreSQL with DATABASE_URL (a scratch database, dropped at the end), else PGlite in a scratch folder. The rows are
// inserted in bulk into the dossiers table (insertBookRows, server/modules/dossiers/test/book-rows.ts); the server runs in a child
// process started after the inserts, so its memory is the download's alone.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import pg from 'pg';

/** Rows of the busy desk's month and of the baseline desk's month. */
const ROWS = 50_000;
const BASELINE_ROWS = 1_000;
const MONTH = { from: '2026-03-01', to: '2026-03-31' };
const SAMPLE_MS = 10;
const MB = 1024 * 1024;
const SELF = fileURLToPath(import.meta.url);

function dbUrl(base: string, name: string): string {
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Where the benchmark's database is: a PostgreSQL URL or a PGlite folder. */
type Target = { url: string } | { dataDir: string };

// ---------------------------------------------------------------------------------------------------------------
// The server: the real app in a child process, sampling its own memory while the parent downloads

type ToServer = { type: 'start' } | { type: 'stop' };
interface Sample {
  rssMb: number;
  heapMb: number;
  baseRssMb: number;
  baseHeapMb: number;
}

async function serve(target: Target): Promise<void> {
  const { buildApp } = await import('../server/app');
  const { loadConfig } = await import('../server/platform/config/config');
  const { openDatabase } = await import('../server/platform/db/database');
  const database = await openDatabase('url' in target ? { url: target.url, poolSize: 10 } : { dataDir: target.dataDir });
  const built = await buildApp({
    database,
    config: loadConfig({ ...process.env, DATABASE_URL: 'url' in target ? target.url : '', MOTCUA_SEED_DEMO: 'false', TRUST_PROXY: 'true' }),
    logger: false,
  });
  await built.app.listen({ port: 0, host: '127.0.0.1' });
  let peak = { rss: 0, heap: 0 };
  let base = { rss: 0, heap: 0 };
  let timer: NodeJS.Timeout | null = null;
  const sample = () => {
    const m = process.memoryUsage();
    peak = { rss: Math.max(peak.rss, m.rss), heap: Math.max(peak.heap, m.heapUsed) };
  };
  process.on('message', (message: ToServer) => {
    if (message.type === 'start') {
      // A collected heap as the starting point, so that what the download adds is what is measured.
      (globalThis as { gc?: () => void }).gc?.();
      const m = process.memoryUsage();
      base = { rss: m.rss, heap: m.heapUsed };
      peak = { ...base };
      timer = setInterval(sample, SAMPLE_MS);
      process.send!({ type: 'started' });
    } else {
      if (timer) clearInterval(timer);
      sample();
      const result: Sample = { rssMb: (peak.rss - base.rss) / MB, heapMb: (peak.heap - base.heap) / MB, baseRssMb: base.rss / MB, baseHeapMb: base.heap / MB };
      process.send!({ type: 'stopped', result });
    }
  });
  process.on('SIGTERM', () => {
    void built.app.close().then(() => database.close().then(() => process.exit(0)));
  });
  const address = built.app.server.address();
  process.send!({ type: 'listening', port: typeof address === 'object' && address ? address.port : 0 });
}

function startServer(target: Target): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', SELF, 'serve', JSON.stringify(target)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.on('message', (m: { type: string; port?: number }) => {
      if (m.type === 'listening') resolve({ child, port: m.port! });
    });
    child.on('exit', (code) => reject(new Error(`book server exited with ${code}`)));
  });
}

function ask<T>(child: ChildProcess, message: ToServer, answer: string): Promise<T> {
  return new Promise((resolve) => {
    const on = (m: { type: string; result?: T }) => {
      if (m.type !== answer) return;
      child.off('message', on);
      resolve(m.result as T);
    };
    child.on('message', on);
    child.send(message);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Data: a province, two desks and an officer at each; 50,000 and 1,000 dossiers received in March 2026

interface Desk {
  unitId: string;
  login: string;
  password: string;
}

async function prepare(target: Target): Promise<{ busy: Desk; quiet: Desk; seconds: number }> {
  const { openDatabase, runMigrations } = await import('../server/platform/db/database');
  const { buildApp } = await import('../server/app');
  const { loadConfig } = await import('../server/platform/config/config');
  const { vnInstant } = await import('../server/platform/calendar');
  const { createPublished } = await import('../server/modules/catalog/test/factories');
  const { createOfficer, createOrgUnit } = await import('../server/modules/identity/test/factories');
  const { insertBookRows } = await import('../server/modules/dossiers/test/factories');
  const database = await openDatabase('url' in target ? { url: target.url, poolSize: 4 } : { dataDir: target.dataDir });
  await runMigrations(database);
  const built = await buildApp({ database, config: loadConfig({ ...process.env, DATABASE_URL: 'url' in target ? target.url : '', MOTCUA_SEED_DEMO: 'false' }), logger: false });
  const db = database.db;
  const province = await createOrgUnit(db, { kind: 'province', name: 'Tỉnh thử tải sổ theo dõi' });
  const agencies = [
    await createOrgUnit(db, { parent: province, kind: 'department', name: 'Sở Tư pháp thử tải' }),
    await createOrgUnit(db, { parent: province, kind: 'department', name: 'Sở Xây dựng thử tải' }),
  ];
  const procedure = await createPublished(built.systemCtx(), { code: '9.999002', implementingUnitIds: agencies.map((a) => a.id) }, '2025-07-01');
  const t0 = performance.now();
  const desk = async (rows: number, name: string): Promise<Desk> => {
    const centre = await createOrgUnit(db, { parent: province, kind: 'service-center', name });
    const officer = await createOfficer(db, 'reception-officer', centre);
    const month = vnInstant('2026-04-01').getTime() - vnInstant(MONTH.from).getTime();
    await insertBookRows(db, {
      receivingUnitId: centre.id,
      handlingUnitIds: agencies.map((a) => a.id),
      procedure,
      volume: '2026',
      firstSeq: 1,
      count: rows,
      from: vnInstant(MONTH.from),
      everyMs: Math.floor(month / rows),
      codePrefix: `${centre.code}-BENCH`,
    });
    return { unitId: centre.id, login: officer.login, password: officer.password };
  };
  const busy = await desk(ROWS, 'Trung tâm Phục vụ hành chính công đông khách');
  const quiet = await desk(BASELINE_ROWS, 'Trung tâm Phục vụ hành chính công vắng khách');
  const seconds = (performance.now() - t0) / 1000;
  if (database.kind === 'postgres') await db.execute((await import('drizzle-orm')).sql`analyze dossiers`);
  await built.app.close();
  await database.close();
  return { busy, quiet, seconds };
}

// ---------------------------------------------------------------------------------------------------------------
// The client: signs in, downloads as a browser does (the body read as a stream, never held), counts the bytes

async function signIn(port: number, desk: Desk): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/identity/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.7.${randomBytes(1)[0]}.${randomBytes(1)[0]}` },
    body: JSON.stringify({ login: desk.login, password: desk.password }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

interface Download {
  bytes: number;
  seconds: number;
  memory: Sample;
  /** The file, when asked for (to read it back afterwards). */
  file: Buffer | null;
}

async function download(server: { child: ChildProcess; port: number }, cookie: string, desk: Desk, keep: boolean): Promise<Download> {
  await ask(server.child, { type: 'start' }, 'started');
  const t0 = performance.now();
  const res = await fetch(`http://127.0.0.1:${server.port}/api/v1/dossiers/tracking-book?receivingUnitId=${desk.unitId}&from=${MONTH.from}&to=${MONTH.to}`, {
    headers: { cookie },
  });
  if (res.status !== 200 || !res.body) throw new Error(`tracking book: ${res.status} ${await res.text()}`);
  let bytes = 0;
  const chunks: Buffer[] = [];
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (keep) chunks.push(Buffer.from(value));
  }
  const seconds = (performance.now() - t0) / 1000;
  const memory = await ask<Sample>(server.child, { type: 'stop' }, 'stopped');
  return { bytes, seconds, memory, file: keep ? Buffer.concat(chunks) : null };
}

/** Data rows of the book, read back with exceljs's streaming reader (a check that the download is whole). */
async function countRows(file: Buffer): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-book-'));
  const name = path.join(dir, 'book.xlsx');
  fs.writeFileSync(name, file);
  let rows = 0;
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(name, { sharedStrings: 'cache', worksheets: 'emit' });
    for await (const sheet of reader) {
      for await (const row of sheet) if (typeof row.getCell(1).value === 'number') rows++;
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

export async function run(): Promise<void> {
  const base = process.env.DATABASE_URL;
  const name = `motcua_bench_book_${process.pid}_${randomBytes(3).toString('hex')}`;
  const admin = base ? new pg.Client({ connectionString: base }) : null;
  const scratch = base ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-book-bench-'));
  if (admin) {
    await admin.connect();
    await admin.query(`create database ${name}`);
  }
  const target: Target = base ? { url: dbUrl(base, name) } : { dataDir: path.join(scratch!, 'pg') };
  let server: { child: ChildProcess; port: number } | null = null;
  try {
    const data = await prepare(target);
    server = await startServer(target);
    const busyCookie = await signIn(server.port, data.busy);
    const quietCookie = await signIn(server.port, data.quiet);
    // Warm-up on the small book only (code compiled, pool connected, the volume's number issued, D14): the big book's
    // measured download is the server's first, so its growth is not hidden by memory an earlier one left mapped.
    await download(server, quietCookie, data.quiet, false);
    const small = await download(server, quietCookie, data.quiet, true);
    const big = await download(server, busyCookie, data.busy, true);
    const smallRows = await countRows(small.file!);
    const bigRows = await countRows(big.file!);
    if (smallRows !== BASELINE_ROWS || bigRows !== ROWS) throw new Error(`incomplete book: ${smallRows}/${BASELINE_ROWS} and ${bigRows}/${ROWS} rows read back`);

    const mb = (n: number) => n.toFixed(1);
    console.log(
      `book bench: ${base ? 'PostgreSQL' : 'PGlite'}; ${ROWS} and ${BASELINE_ROWS} dossiers received at two desks in March 2026 (inserted in ${data.seconds.toFixed(1)} s); server in a child process (--expose-gc, collected before each download), memory sampled every ${SAMPLE_MS} ms; a warm-up download of the small book, then the small and the big one measured once each (the big one the server's first); every row read back`,
    );
    for (const [label, d, rows] of [
      ['baseline', small, BASELINE_ROWS],
      ['busy desk', big, ROWS],
    ] as const) {
      console.log(
        `${label}: ${rows} rows, ${mb(d.bytes / MB)} MB, ${d.seconds.toFixed(2)} s (${Math.round(rows / d.seconds)} rows/s); server at start RSS ${mb(d.memory.baseRssMb)} MB, heap ${mb(d.memory.baseHeapMb)} MB; peak RSS +${mb(d.memory.rssMb)} MB, heap +${mb(d.memory.heapMb)} MB`,
      );
    }
    console.log(
      `ratios ${ROWS} / ${BASELINE_ROWS} rows (×${ROWS / BASELINE_ROWS}): time ×${(big.seconds / small.seconds).toFixed(1)}, bytes ×${(big.bytes / small.bytes).toFixed(1)}, peak RSS growth ×${(big.memory.rssMb / Math.max(small.memory.rssMb, 0.1)).toFixed(1)}, heap growth ×${(big.memory.heapMb / Math.max(small.memory.heapMb, 0.1)).toFixed(1)}`,
    );
    console.log(
      `book: ${ROWS} rows, ${mb(big.bytes / MB)} MB file, peak RSS +${mb(big.memory.rssMb)} MB, heap +${mb(big.memory.heapMb)} MB, ${big.seconds.toFixed(1)} s; at ${BASELINE_ROWS} rows: +${mb(small.memory.rssMb)} MB, ${small.seconds.toFixed(2)} s`,
    );
  } finally {
    if (server) {
      const exited = new Promise((r) => server!.child.once('exit', r));
      server.child.kill('SIGTERM');
      await exited;
    }
    if (admin) {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  }
}

const isMain = process.argv[1] !== undefined && pathToFileURL(process.argv[1]).href === import.meta.url;
if (isMain && process.argv[2] === 'serve') await serve(JSON.parse(process.argv[3]!) as Target);
