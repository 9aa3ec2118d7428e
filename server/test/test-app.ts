import { inject } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp, type App } from '../app';
import { loadConfig, type AppConfig } from '../platform/config/config';
import type { Clock } from '../platform/context/context';
import type { Database } from '../platform/db/database';
import { createTestDatabase } from '../platform/db/test-database';

/** A clock tests can set and move. */
export class TestClock implements Clock {
  private readonly start: Date;
  constructor(private current: Date = new Date('2026-03-02T02:00:00.000Z')) {
    this.start = new Date(current.getTime());
  }
  now(): Date {
    return new Date(this.current.getTime());
  }
  set(at: Date | string): void {
    this.current = new Date(at);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
  reset(): void {
    this.current = new Date(this.start.getTime());
  }
  offsetMs(): number {
    return this.current.getTime() - this.start.getTime();
  }
}

export interface TestApp extends App {
  database: Database;
  clock: TestClock;
  config: AppConfig;
  close(): Promise<void>;
}

/** Builds the real application on a fresh cloned database, with a pinned clock. */
export async function createTestApp(options: { env?: NodeJS.ProcessEnv; clock?: TestClock; logger?: Record<string, unknown>; webDist?: string } = {}): Promise<TestApp> {
  const database = await createTestDatabase(inject('dbTemplate'));
  // Tests spread clients over many X-Forwarded-For addresses so per-IP rate limits don't couple unrelated tests.
  const config = loadConfig({ MOTCUA_DATA_DIR: '.tmp/test-data', TRUST_PROXY: 'true', ...options.env });
  const clock = options.clock ?? new TestClock();
  const built = await buildApp({
    database,
    config,
    clock,
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.webDist ? { serveWeb: true, webDist: options.webDist } : {}),
  });
  await built.app.ready();
  return {
    ...built,
    database,
    clock,
    config,
    close: async () => {
      await built.app.close();
      await database.close();
    },
  };
}

/** A browser-like client: keeps the session cookie and sends the CSRF token on unsafe requests. */
export class TestAgent {
  cookies: Record<string, string> = {};
  csrfToken: string | undefined;
  constructor(
    private readonly app: App['app'],
    private readonly lang: 'vi' | 'en' = 'vi',
  ) {}

  async request(method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH', url: string, body?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const cookieHeader = Object.entries(this.cookies)
      .map(([k, v]) => `${k}=${v}`)
      .join('; ');
    const res = await this.app.inject({
      method,
      url,
      headers: {
        'accept-language': this.lang,
        ...(cookieHeader ? { cookie: cookieHeader } : {}),
        ...(this.csrfToken && method !== 'GET' ? { 'x-csrf-token': this.csrfToken } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: body as object } : {}),
    });
    for (const c of res.cookies as Array<{ name: string; value: string; maxAge?: number; expires?: Date }>) {
      const cleared = c.value === '' || (c.expires !== undefined && c.expires.getTime() < Date.now()) || c.maxAge === 0;
      if (cleared) delete this.cookies[c.name];
      else this.cookies[c.name] = c.value;
    }
    const json = res.headers['content-type']?.toString().includes('json') ? res.json<Record<string, unknown>>() : undefined;
    if (json && typeof json.csrfToken === 'string') this.csrfToken = json.csrfToken;
    return res;
  }

  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, body?: unknown) {
    return this.request('POST', url, body ?? {});
  }
  put(url: string, body?: unknown) {
    return this.request('PUT', url, body ?? {});
  }
  delete(url: string) {
    return this.request('DELETE', url);
  }
}
