/** How the job runner is configured from the environment (README lists every variable). */
export interface JobsConfig {
  /** JOBS_ENABLED: the in-process worker runs unless this is "false" (tests never start it unless they ask). */
  enabled: boolean;
  /** JOBS_POLL_SECONDS: how often an idle worker asks the database for work (pg-boss minimum 0.5). */
  pollingIntervalSeconds: number;
}

function seconds(name: string, fallback: number, min: number, env: NodeJS.ProcessEnv): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min) throw new Error(`${name} must be a number of seconds ≥ ${min}, got "${raw}"`);
  return n;
}

/** Reads JOBS_ENABLED and JOBS_POLL_SECONDS. */
export function loadJobsConfig(env: NodeJS.ProcessEnv = process.env): JobsConfig {
  return {
    enabled: env.JOBS_ENABLED !== 'false',
    pollingIntervalSeconds: seconds('JOBS_POLL_SECONDS', 2, 0.5, env),
  };
}
