// The process facing a database that goes away and comes back: connections dropped while checked out, requests
// while unreachable (503 with Retry-After, translated; /health 503 with a reason; one log line per state change),
// recovery without a restart, pg-boss job outcomes written after the outage and workers woken at once.
// The outage is a proxy between this file's pool and its PostgreSQL database, cut and restored (the shared server is
// never restarted). The mapping in the central error handler is also checked without a database, on both backends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import Fastify from 'fastify';
import { sql } from 'drizzle-orm';
import { buildApp, type App } from '../../app';
import { loadConfig } from '../config/config';
import { errorHandlerPlugin, databaseAvailabilityPlugin } from '../errors';
import { registerJob, startJobs, sendJob, type JobRunner } from '../jobs';
import { TestClock } from '../../test/test-app';
import { DatabaseHealth, isDatabaseUnavailableError } from './database-health';
import { openDatabase, type Database } from './database';
import { createTestDatabase } from './test-database';
import { CuttableProxy } from './test-proxy';

const template = inject('dbTemplate');
const onPostgres = template.kind === 'postgres';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let gate: () => void = () => undefined;
const runs: string[] = [];
registerJob('platform.test-job', async ({ value }) => {
  runs.push(value);
  if (value === 'held') await new Promise<void>((resolve) => (gate = resolve));
});

describe('connection errors', () => {
  it('are told apart from errors of the statement', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(isDatabaseUnavailableError(refused)).toBe(true);
    expect(isDatabaseUnavailableError(new AggregateError([refused], ''))).toBe(true);
    for (const code of ['57P01', '57P02', '57P03', '08006', '08001']) expect(isDatabaseUnavailableError(Object.assign(new Error('x'), { code }))).toBe(true);
    expect(isDatabaseUnavailableError(new Error('Connection terminated unexpectedly'))).toBe(true);
    // drizzle wraps the driver's error (and quotes the statement) in its own.
    expect(isDatabaseUnavailableError(new Error('Failed query: insert ...', { cause: new Error('Connection terminated unexpectedly') }))).toBe(true);
    for (const code of ['23505', '40001', '22P05', '42P01']) expect(isDatabaseUnavailableError(Object.assign(new Error('x'), { code }))).toBe(false);
    expect(isDatabaseUnavailableError(new Error('boom'))).toBe(false);
  });

  it('become a translated 503 with Retry-After in the central error handler, logged once for the outage', async () => {
    const lines: string[] = [];
    const app = Fastify({ logger: { level: 'info', stream: { write: (l: string) => void lines.push(l) } } });
    let up = false;
    const health = new DatabaseHealth(async () => {
      if (!up) throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    }, 50);
    await app.register(errorHandlerPlugin);
    await app.register(databaseAvailabilityPlugin, { health });
    app.get('/api/v1/dropped', async () => {
      throw new Error('Failed query: select 1', { cause: Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }) });
    });
    app.get('/api/v1/bug', async () => {
      throw new Error('boom');
    });
    const vi = await app.inject({ method: 'GET', url: '/api/v1/dropped' });
    expect(vi.statusCode).toBe(503);
    expect(vi.headers['retry-after']).toBe('5');
    expect(vi.json().error).toEqual({ code: 'DATABASE_UNAVAILABLE', message: 'Hệ thống tạm thời không kết nối được cơ sở dữ liệu. Vui lòng thử lại sau ít giây.' });
    // Known unreachable: answered before any handler runs.
    const en = await app.inject({ method: 'GET', url: '/api/v1/bug', headers: { 'accept-language': 'en' } });
    expect(en.statusCode).toBe(503);
    expect(en.json().error.message).toBe('The service cannot reach its database at the moment. Please try again in a few seconds.');
    expect(lines.filter((l) => l.includes('"database unreachable"'))).toHaveLength(1);
    expect(lines.filter((l) => l.includes('unhandled error'))).toHaveLength(0);
    up = true;
    expect(await health.whenReachable(2000)).toBe(true);
    expect((await app.inject({ method: 'GET', url: '/api/v1/bug' })).statusCode).toBe(500);
    expect(lines.filter((l) => l.includes('"database reachable again"'))).toHaveLength(1);
    await app.close();
  });
});

describe.skipIf(!onPostgres)(
  `a PostgreSQL database that goes away and comes back${onPostgres ? '' : ' (skipped: needs DATABASE_URL — the embedded PGlite has no connection to lose)'}`,
  () => {
    let base: Database;
    let database: Database;
    let proxy: CuttableProxy;
    let built: App;
    let jobs: JobRunner | null = null;
    const lines: string[] = [];
    const count = (text: string) => lines.filter((l) => l.includes(text)).length;

    beforeAll(async () => {
      base = await createTestDatabase(template);
      const name = (await base.db.execute<{ name: string }>(sql`select current_database() as name`)).rows[0]!.name;
      const target = new URL(template.kind === 'postgres' ? template.adminUrl : '');
      target.pathname = `/${name}`;
      proxy = new CuttableProxy(target.hostname, Number(target.port || 5432));
      await proxy.listen();
      database = await openDatabase({ url: proxy.url(target.toString()), poolSize: 4 });
      built = await buildApp({
        database,
        config: loadConfig({ MOTCUA_DATA_DIR: '.tmp/test-data', TRUST_PROXY: 'true' }),
        clock: new TestClock(),
        logger: { level: 'info', stream: { write: (l: string) => void lines.push(l) } },
      });
      await built.app.ready();
    });
    afterAll(async () => {
      await jobs?.stop();
      await built?.app.close();
      await database?.close();
      await base?.close();
    });

    it('a connection dropped while checked out fails its query, not the process; the pool recovers by itself', async () => {
      const running = database.db.transaction(async (tx) => {
        await tx.execute(sql`select pg_sleep(10)`);
      });
      await sleep(300);
      await proxy.cut();
      await expect(running).rejects.toThrow();
      expect(database.health.state).toBe('unreachable');
      await proxy.restore();
      expect(await database.health.whenReachable(5000)).toBe(true);
      expect((await database.db.execute(sql`select 1 as one`)).rows).toEqual([{ one: 1 }]);
    });

    it('while unreachable every request gets a fast 503 and /health says why; logged once; it serves again without a restart', async () => {
      lines.length = 0;
      await proxy.cut();
      // The first request meets the outage itself (dropped idle connections or a refused new one).
      const first = await built.app.inject({
        method: 'POST',
        url: '/api/v1/identity/login',
        payload: { login: 'nobody', password: 'x' },
        headers: { 'x-forwarded-for': '10.9.0.1' },
      });
      expect(first.statusCode).toBe(503);
      for (let i = 0; i < 5; i++) {
        const started = performance.now();
        const res = await built.app.inject({
          method: 'POST',
          url: '/api/v1/identity/login',
          payload: { login: 'nobody', password: 'x' },
          headers: { 'accept-language': 'en', 'x-forwarded-for': `10.9.0.${i + 2}` },
        });
        expect(performance.now() - started).toBeLessThan(200);
        expect(res.statusCode).toBe(503);
        expect(res.headers['retry-after']).toBe('5');
        expect(res.json().error.code).toBe('DATABASE_UNAVAILABLE');
      }
      const health = await built.app.inject({ method: 'GET', url: '/health' });
      expect(health.statusCode).toBe(503);
      expect(health.json()).toMatchObject({ status: 'unavailable', database: 'postgres', reason: 'database-unreachable', since: expect.any(String) });
      expect(count('"database unreachable"')).toBe(1);
      expect(count('unhandled error')).toBe(0);

      await proxy.restore();
      const until = Date.now() + 5000;
      while ((await built.app.inject({ method: 'GET', url: '/health' })).statusCode !== 200) {
        expect(Date.now()).toBeLessThan(until);
        await sleep(100);
      }
      const again = await built.app.inject({
        method: 'POST',
        url: '/api/v1/identity/login',
        payload: { login: 'nobody', password: 'x' },
        headers: { 'x-forwarded-for': '10.9.0.20' },
      });
      expect(again.statusCode).toBe(401);
      expect(count('"database reachable again"')).toBe(1);
      expect(count('"database unreachable"')).toBe(1);
    });

    it('a job finished during an outage is recorded once the database is back, and idle workers wake at once', async () => {
      // A 30 s polling interval: without the wake-up on the database's return the second job would wait for it.
      jobs = await startJobs({
        database,
        systemCtx: built.systemCtx,
        log: built.app.log,
        pollingIntervalSeconds: 30,
        overrides: { 'platform.test-job': { retryDelaySeconds: 0, retryBackoff: false } },
      });
      const held = await sendJob('platform.test-job', { value: 'held' });
      for (const until = Date.now() + 10_000; !runs.includes('held'); await sleep(50)) expect(Date.now()).toBeLessThan(until);
      const later = await sendJob('platform.test-job', { value: 'later' }, { startAfterSeconds: 1 });
      await proxy.cut();
      // The job finishes while the database is away: pg-boss writes its completion without awaiting it.
      gate();
      await sleep(2000);
      expect(runs.filter((r) => r === 'later')).toEqual([]);
      const restoredAt = Date.now();
      await proxy.restore();
      for (const until = Date.now() + 8000; !runs.includes('later'); await sleep(50)) expect(Date.now()).toBeLessThan(until);
      console.log(`database-outage.test: the waiting job ran ${Date.now() - restoredAt} ms after the database came back`);
      const state = async (id: string | null) => (await base.db.execute<{ state: string }>(sql`select state from pgboss.job where id = ${id}::uuid`)).rows[0]?.state;
      for (const until = Date.now() + 8000; (await state(held)) !== 'completed' || (await state(later)) !== 'completed'; await sleep(100)) expect(Date.now()).toBeLessThan(until);
      expect(runs.filter((r) => r === 'held')).toEqual(['held']);
      expect(runs.filter((r) => r === 'later')).toEqual(['later']);
    });
  },
);
