import path from 'node:path';
import { loadFileStorageConfig, type FileStorageConfig } from '../files/files.config';
import { loadOidcConfig, type OidcConfig } from './oidc.config';

/** Runtime configuration, read once from the environment (README lists every variable). */
export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** Failed sign-ins (or wrong current passwords) of one account before growing delays start. */
  loginMaxFailures: number;
  /** The longest delay, in minutes, the sign-in throttle imposes. */
  loginLockMinutes: number;
  /** Failed sign-ins from one client address (over every login) before growing delays start for that address. */
  loginAddressMaxFailures: number;
  bodyLimitBytes: number;
  uploadLimitBytes: number;
  /** Where uploaded files are kept (FILE_STORAGE: a local folder by default, or an S3-compatible bucket). */
  fileStorage: FileStorageConfig;
  /** Secure cookies need HTTPS; off for plain-HTTP local runs. */
  secureCookies: boolean;
  publicBaseUrl: string;
  seedDemo: boolean;
  logLevel: string;
  /** Trust X-Forwarded-For (only behind a proxy that overwrites it), else rate limits could be dodged. */
  trustProxy: boolean;
  /**
   * MOTCUA_ADJUSTABLE_CLOCK=true: an administrator may move this process's clock forward (journeys, training, demos
   * of lateness). Never in production: deadlines, sessions and the audit trail would follow the moved clock.
   */
  adjustableClock: boolean;
  /** Single sign-on of portal accounts through an OpenID Connect provider (OIDC_*); null when off. */
  oidc: OidcConfig | null;
  /** The environment this configuration was read from: a module reads its own settings there (payments' gateway). */
  env: Readonly<NodeJS.ProcessEnv>;
}

function int(name: string, fallback: number, env: NodeJS.ProcessEnv): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const port = int('PORT', 3000, env);
  const dataDir = path.resolve(env.MOTCUA_DATA_DIR ?? './data');
  const publicBaseUrl = env.PUBLIC_BASE_URL ?? `http://localhost:${port}`;
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    sessionIdleMinutes: int('SESSION_IDLE_MINUTES', 30, env),
    sessionAbsoluteHours: int('SESSION_ABSOLUTE_HOURS', 12, env),
    loginMaxFailures: int('LOGIN_MAX_FAILURES', 5, env),
    loginLockMinutes: int('LOGIN_LOCK_MINUTES', 15, env),
    loginAddressMaxFailures: int('LOGIN_ADDRESS_MAX_FAILURES', 20, env),
    bodyLimitBytes: int('BODY_LIMIT_BYTES', 1_048_576, env),
    uploadLimitBytes: int('UPLOAD_LIMIT_BYTES', 10_485_760, env),
    fileStorage: loadFileStorageConfig(env, dataDir),
    secureCookies: env.SECURE_COOKIES === 'true',
    publicBaseUrl,
    seedDemo: env.MOTCUA_SEED_DEMO !== 'false',
    logLevel: env.LOG_LEVEL ?? 'info',
    trustProxy: env.TRUST_PROXY === 'true',
    adjustableClock: env.MOTCUA_ADJUSTABLE_CLOCK === 'true',
    oidc: loadOidcConfig(env, publicBaseUrl),
    env,
  };
}
