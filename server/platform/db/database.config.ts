/** Database settings read from the environment at start-up (README lists every variable). */
export interface DatabaseConfig {
  /** DATABASE_WAIT_SECONDS: how long start-up keeps trying to reach PostgreSQL before giving up (default 60). */
  waitSeconds: number;
}

/** Reads DATABASE_WAIT_SECONDS. */
export function loadDatabaseConfig(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const raw = env.DATABASE_WAIT_SECONDS;
  if (raw === undefined || raw === '') return { waitSeconds: 60 };
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`DATABASE_WAIT_SECONDS must be a number of seconds ≥ 0, got "${raw}"`);
  return { waitSeconds: n };
}
