import PgBoss from 'pg-boss';
import type { FastifyBaseLogger } from 'fastify';
import type { Ctx } from '../context/context';
import type { Database } from '../db/database';
import { bossDatabase, type BossDatabase } from './boss-database';

/**
 * Payload of every job, by name (`<module>.<kebab-action>`); a module declares its jobs by augmenting
 * this interface: `declare module '../platform/jobs' { interface JobPayloads { 'x.do-thing': { id: string } } }`.
 */

export interface JobPayloads {
  'platform.test-job': { value: string };
}

export type JobName = keyof JobPayloads;

/** What a handler learns about the run besides its payload. */
export interface JobContext {
  /** A system context (system actor, the app's db, clock and a logger tagged with the job). */
  ctx: Ctx;
  jobId: string;
  /** 0 on the first run, n on the n-th retry. */
  retryCount: number;
  retryLimit: number;
}

/** Does the work; throwing makes pg-boss retry the job (with backoff) until its retry limit. */
export type JobHandler<K extends JobName> = (data: JobPayloads[K], job: JobContext) => Promise<void>;

/** Per-job settings; unset values take the defaults below. */
export interface JobOptions {
  /** Retries after the first failed run (default 3). */
  retryLimit: number;
  /** Delay before the first retry; doubled each time (with jitter) when `retryBackoff` (default 30 s). */
  retryDelaySeconds: number;
  retryBackoff: boolean;
  /** A run longer than this is failed by pg-boss and retried (default 15 min). */
  expireInSeconds: number;
  /** Workers for this job in each process (default 1). */
  concurrency: number;
  /** Makes it a periodic job: each process with workers sends one run this often; at most one waits at a time. */
  everySeconds?: number;
}

const DEFAULTS: JobOptions = { retryLimit: 3, retryDelaySeconds: 30, retryBackoff: true, expireInSeconds: 900, concurrency: 1 };
const NAME = /^[a-z][a-z0-9-]*\.[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

interface Definition {
  handler: JobHandler<never>;
  options: JobOptions;
}

const definitions = new Map<string, Definition>();

/** A module's job, as its manifest declares it (`jobs`); buildApp registers it. */
export interface JobDeclaration {
  readonly name: JobName;
  readonly handler: JobHandler<never>;
  readonly options: Partial<JobOptions>;
}

/** Declares a job and its handler (pure: nothing is registered until buildApp reads the manifest). */
export function declareJob<K extends JobName>(name: K, handler: JobHandler<K>, options: Partial<JobOptions> = {}): JobDeclaration {
  return { name, handler: handler, options };
}

const sameOptions = (a: JobOptions, b: JobOptions): boolean => (Object.keys({ ...a, ...b }) as Array<keyof JobOptions>).every((k) => a[k] === b[k]);

/**
 * Registers a job and its handler (buildApp does it from the manifests). Registering the same handler with the same
 * options again is a no-op, so several apps may be built in one process; another definition under a known name is refused.
 */
export function registerJob<K extends JobName>(name: K, handler: JobHandler<K>, options: Partial<JobOptions> = {}): void {
  registerDeclaredJob(declareJob(name, handler, options));
}

/** Registers a declared job (see registerJob). */
export function registerDeclaredJob({ name, handler, options }: JobDeclaration): void {
  if (!NAME.test(name)) throw new Error(`job name must be <module>.<kebab-action>, got "${name}"`);
  const definition: Definition = { handler, options: { ...DEFAULTS, ...options } };
  const existing = definitions.get(name);
  if (existing && existing.handler === definition.handler && sameOptions(existing.options, definition.options)) return;
  if (existing) throw new Error(`job already registered: ${name}`);
  definitions.set(name, definition);
}

/** Names of the registered jobs (diagnostics and tests). */
export function registeredJobs(): string[] {
  return [...definitions.keys()].sort();
}

export interface StartJobsOptions {
  database: Database;
  systemCtx: () => Ctx;
  log: FastifyBaseLogger;
  /** false: only send jobs (another process works them); no workers, no periodic jobs, no maintenance. */
  work?: boolean;
  /** How often an idle worker polls (seconds, ≥ 0.5; default 2). */
  pollingIntervalSeconds?: number;
  /** Per-job setting overrides, e.g. tests shortening retry delays. */
  overrides?: Partial<Record<JobName, Partial<JobOptions>>>;
}

/** The started job system of this process. */
export interface JobRunner {
  /** Stops workers (waiting for running jobs), periodic timers and pg-boss; the database stays open. */
  stop(): Promise<void>;
  /** The underlying pg-boss instance (tests and diagnostics). */
  readonly boss: PgBoss;
}

interface Running extends JobRunner {
  database: Database;
  log: FastifyBaseLogger;
  send(name: JobName, data: object, options: SendJobOptions): Promise<string | null>;
}

/** Options for one send. */
export interface SendJobOptions {
  /** Run no earlier than this many seconds from now. */
  startAfterSeconds?: number;
}

// One runner per process: after-commit hooks send jobs without a handle to the app (TxScope carries none).
let active: Running | null = null;

function optionsOf(name: string, overrides: StartJobsOptions['overrides']): JobOptions {
  const def = definitions.get(name);
  if (!def) throw new Error(`unknown job: ${name} (declare it in its module's manifest)`);
  return { ...def.options, ...(overrides?.[name as JobName] ?? {}) };
}

/** Starts pg-boss (schema `pgboss`, created on first start) on the app's database, then the workers and periodic jobs. */
export async function startJobs(options: StartJobsOptions): Promise<JobRunner> {
  if (active) throw new Error('jobs are already started in this process');
  const work = options.work ?? true;
  const startedAt = performance.now();
  const db: BossDatabase = bossDatabase(options.database, options.log);
  const boss = new PgBoss({
    db,
    schema: 'pgboss',
    // Periodic jobs use a plain interval (seconds resolution), not pg-boss cron; maintenance only where jobs are worked.
    schedule: false,
    supervise: work,
    pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2,
  });
  // An EventEmitter without an 'error' listener would crash the process on a transient database error. A connection
  // error (each worker's failed poll during an outage) goes to the health tracker, which logs the outage once.
  boss.on('error', (err) => {
    if (!options.database.health.reportError(err)) options.log.error({ err }, 'jobs: pg-boss error');
  });
  await boss.start();
  try {
    return await startWorkers(boss, db, options, work, startedAt);
  } catch (err) {
    // A half-started runner must not keep polling a database the caller is about to close.
    await boss.stop({ graceful: false, close: false }).catch(() => undefined);
    await db.drainAndClose();
    active = null;
    throw err;
  }
}

async function startWorkers(boss: PgBoss, db: BossDatabase, options: StartJobsOptions, work: boolean, startedAt: number): Promise<JobRunner> {
  for (const [name] of definitions) {
    const o = optionsOf(name, options.overrides);
    // A periodic job keeps at most one run waiting and one running, whatever the number of processes sending it.
    const policy = o.everySeconds ? 'stately' : 'standard';
    await boss.createQueue(name, { name, policy });
    await boss.updateQueue(name, { name, policy });
  }

  const workerIds = new Map<string, string[]>();
  const timers: NodeJS.Timeout[] = [];
  const ticks: Array<() => void> = [];
  let stopping = false;
  // When the database comes back, idle workers would sleep out their polling interval and periodic jobs (the outbox
  // sweep among them) their period: wake the workers and run each periodic job now.
  const offReachable = options.database.health.onReachable(() => {
    if (stopping) return;
    for (const ids of workerIds.values()) for (const w of ids) boss.notifyWorker(w);
    for (const tick of ticks) tick();
  });

  const send = async (name: JobName, data: object, sendOptions: SendJobOptions): Promise<string | null> => {
    const o = optionsOf(name, options.overrides);
    const id = await boss.send(name, data, {
      retryLimit: o.retryLimit,
      retryDelay: o.retryDelaySeconds,
      retryBackoff: o.retryBackoff,
      expireInSeconds: o.expireInSeconds,
      ...(sendOptions.startAfterSeconds ? { startAfter: sendOptions.startAfterSeconds } : {}),
    });
    // Wake this process's idle workers at once instead of waiting for their next poll.
    if (id && !sendOptions.startAfterSeconds) for (const w of workerIds.get(name) ?? []) boss.notifyWorker(w);
    return id;
  };

  const runner: Running = {
    boss,
    database: options.database,
    log: options.log,
    send,
    async stop() {
      if (stopping) return;
      stopping = true;
      offReachable();
      for (const t of timers) clearInterval(t);
      await boss.stop({ graceful: true, wait: true, close: false, timeout: 15_000 });
      await db.drainAndClose();
      if (active === runner) active = null;
    },
  };
  active = runner;

  if (work) {
    for (const [name, def] of definitions) {
      const o = optionsOf(name, options.overrides);
      const ids: string[] = [];
      workerIds.set(name, ids);
      // PGlite is a single connection: extra workers would only add polling queries.
      const concurrency = options.database.kind === 'pglite' ? 1 : o.concurrency;
      for (let i = 0; i < concurrency; i++) {
        let self: string | undefined;
        // Assigned when boss.work resolves; the handler may run before that and then sees undefined (a const would
        // throw there), so this stays a separate assignment.
        // eslint-disable-next-line prefer-const
        self = await boss.work<object>(name, { includeMetadata: true, batchSize: 1 }, async ([job]) => {
          if (!job) return;
          const base = options.systemCtx();
          const log = options.log.child({ job: name, jobId: job.id, retryCount: job.retryCount });
          try {
            // A run cut short by a database outage runs again as soon as the database is back (up to 3 times, each
            // waiting at most a minute) instead of waiting out pg-boss's retry backoff; handlers are idempotent anyway.
            for (let outages = 0; ; outages++) {
              try {
                await def.handler(job.data as never, { ctx: { ...base, log }, jobId: job.id, retryCount: job.retryCount, retryLimit: job.retryLimit });
                break;
              } catch (err) {
                const health = options.database.health;
                if (outages >= 3 || stopping || !health.reportError(err) || !(await health.whenReachable(60_000))) throw err;
              }
            }
          } catch (err) {
            // During an outage the health tracker has logged it; pg-boss records the failure once the database is back.
            if (!options.database.health.reportError(err)) log.warn({ err }, 'job failed');
            throw err;
          } finally {
            // Keep draining while there is work; an empty fetch puts the worker back to its polling interval.
            if (self && !stopping) boss.notifyWorker(self);
          }
        });
        ids.push(self);
      }
      if (o.everySeconds) {
        const tick = () =>
          void send(name as JobName, {}, {}).catch((err) => {
            if (!options.database.health.reportError(err)) options.log.error({ err, job: name }, 'jobs: cannot schedule periodic job');
          });
        ticks.push(tick);
        tick();
        const timer = setInterval(tick, o.everySeconds * 1000);
        timer.unref();
        timers.push(timer);
      }
    }
  }
  options.log.info({ jobs: [...definitions.keys()], work, ms: Math.round(performance.now() - startedAt) }, work ? 'jobs: workers started' : 'jobs: send-only (JOBS_ENABLED=false)');
  return runner;
}

/**
 * Queues a job. Returns its id, or null when this process has not started the job system (tests, scripts):
 * callers that must not lose work keep their own durable record and a sweep, as notifications do.
 */
export async function sendJob<K extends JobName>(name: K, data: JobPayloads[K], options: SendJobOptions = {}): Promise<string | null> {
  if (!active) return null;
  return active.send(name, data, options);
}

/**
 * Queues a job from code that must not wait or fail (after-commit hooks): a send refused because the database is
 * unreachable is made again as soon as it is back (within 10 minutes; a durable record and its sweep cover longer
 * outages). Never rejects; other errors are logged.
 */
export function sendJobSoon<K extends JobName>(name: K, data: JobPayloads[K]): void {
  const runner = active;
  if (!runner) return;
  const attempt = async (): Promise<void> => {
    for (let tries = 0; ; tries++) {
      try {
        await runner.send(name, data, {});
        return;
      } catch (err) {
        const health = runner.database.health;
        if (tries >= 3 || !health.reportError(err) || !(await health.whenReachable(10 * 60_000)) || active !== runner) throw err;
      }
    }
  };
  attempt().catch((err: unknown) => runner.log.error({ err, job: name }, 'jobs: cannot queue job'));
}

/** True when this process has started the job system. */
export function jobsStarted(): boolean {
  return active !== null;
}
