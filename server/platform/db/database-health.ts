/** Whether the process can currently reach its database, as last seen by a query, a connection or the probe. */
export type DatabaseState = 'reachable' | 'unreachable';

/** The logging this module needs (pino's shape: merge object first, then the message). */
export interface HealthLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

// Node socket errors when the server is gone or unreachable.
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED']);
// PostgreSQL SQLSTATEs: 57P01 admin shutdown (fast restart, terminated backend), 57P02 crash shutdown, 57P03 cannot
// connect now (starting up, recovering); class 08 is "connection exception".
const SERVER_CODES = new Set(['57P01', '57P02', '57P03']);
// node-postgres reports a dropped socket or a dead client with plain Errors that carry no code.
const MESSAGES = [/Connection terminated/i, /Client has encountered a connection error/i, /timeout exceeded when trying to connect/i, /Client was closed and is not queryable/i];

/**
 * True when the error means the database cannot be reached right now (refused, dropped, shutting down, starting up),
 * as opposed to an error of the statement itself. Looks through drizzle's wrapper (`cause`) and AggregateErrors
 * (a refused connection to a host with several addresses).
 */
export function isDatabaseUnavailableError(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 5) return false;
  const e = err as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && (NETWORK_CODES.has(e.code) || SERVER_CODES.has(e.code) || /^08[0-9A-Z]{3}$/.test(e.code))) return true;
  if (typeof e.message === 'string' && MESSAGES.some((m) => m.test(e.message as string))) return true;
  if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailableError(inner, depth + 1))) return true;
  return isDatabaseUnavailableError(e.cause, depth + 1);
}

function describe(err: unknown): string {
  if (!err || typeof err !== 'object') return String(err);
  const e = err as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown[] };
  const inner = e.cause ?? (Array.isArray(e.errors) ? e.errors[0] : undefined);
  // drizzle's wrapper message quotes the statement and its parameters (personal data): report the driver's error.
  if (inner && isDatabaseUnavailableError(inner)) return describe(inner);
  const message = typeof e.message === 'string' && e.message ? e.message : 'connection error';
  return typeof e.code === 'string' && !message.includes(e.code) ? `${e.code} ${message}` : message;
}

const consoleLogger: HealthLogger = {
  info: (obj, msg) => console.log(msg, JSON.stringify(obj)),
  warn: (obj, msg) => console.warn(msg, JSON.stringify(obj)),
  error: (obj, msg) => console.error(msg, JSON.stringify(obj)),
};

/**
 * Tracks whether the database is reachable. Any part of the process that meets a connection error reports it; the
 * first report flips the state to unreachable and logs it once, then a probe (`select 1`) runs every `probeMs` until
 * it answers, flips the state back, logs that once, and calls the listeners (job workers, outbox heartbeats) so work
 * resumes at once. While unreachable the HTTP layer answers 503 without touching the database.
 */
export class DatabaseHealth {
  private current: DatabaseState = 'reachable';
  private downSince: Date | null = null;
  private lastProblem: string | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private readonly listeners = new Set<() => void>();
  private log: HealthLogger = consoleLogger;

  constructor(
    private readonly probe: () => Promise<unknown>,
    private readonly probeMs = 1000,
  ) {}

  /** The application's logger, once it exists (start-up messages go to the console before that). */
  useLogger(log: HealthLogger): void {
    this.log = log;
  }

  get state(): DatabaseState {
    return this.current;
  }

  get reachable(): boolean {
    return this.current === 'reachable';
  }

  /** When the database was first seen unreachable in the current outage. */
  get since(): Date | null {
    return this.downSince;
  }

  /**
   * Reports an error met while using the database. Returns true when it is a connection error (now recorded, and
   * logged only if it starts an outage), false when it is any other error, which the caller handles as before.
   */
  reportError(err: unknown): boolean {
    if (!isDatabaseUnavailableError(err)) return false;
    if (this.stopped) return true;
    if (this.current === 'reachable') {
      this.current = 'unreachable';
      this.downSince = new Date();
      this.lastProblem = describe(err);
      this.log.warn({ reason: this.lastProblem }, 'database unreachable');
      this.schedule();
    }
    return true;
  }

  /** Calls `fn` each time the database becomes reachable again; returns the unsubscribe function. */
  onReachable(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Resolves when the database is (or becomes) reachable, or after `timeoutMs`; true when reachable. */
  async whenReachable(timeoutMs: number): Promise<boolean> {
    if (this.reachable) return true;
    return new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => {
        off();
        resolve(this.reachable);
      }, timeoutMs);
      timer.unref();
      const off = this.onReachable(() => {
        clearTimeout(timer);
        off();
        resolve(true);
      });
    });
  }

  /** Stops probing (the database is being closed). */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    if (this.timer || this.stopped) return;
    this.timer = setTimeout(() => void this.runProbe(), this.probeMs);
    // A probe alone must not keep a finishing process (a script, a test) alive.
    this.timer.unref();
  }

  private async runProbe(): Promise<void> {
    this.timer = null;
    if (this.stopped) return;
    try {
      await this.probe();
    } catch (err) {
      if (!isDatabaseUnavailableError(err)) this.log.error({ reason: describe(err) }, 'database probe failed with an unexpected error');
      this.schedule();
      return;
    }
    const downMs = this.downSince ? Date.now() - this.downSince.getTime() : 0;
    this.current = 'reachable';
    this.downSince = null;
    this.log.info({ downMs, lastReason: this.lastProblem }, 'database reachable again');
    for (const fn of [...this.listeners]) {
      try {
        fn();
      } catch (err) {
        this.log.error({ err }, 'database reachable listener failed');
      }
    }
  }
}

/** The health of each open database handle, so background code holding only `ctx.db` can reach it. */
const registry = new WeakMap<object, DatabaseHealth>();

export function registerDatabaseHealth(db: object, health: DatabaseHealth): void {
  registry.set(db, health);
}

/** The health tracker of the database behind `db`, if it was opened by openDatabase. */
export function databaseHealthOf(db: object): DatabaseHealth | undefined {
  return registry.get(db);
}
