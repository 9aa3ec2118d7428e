// Walks every API route × every role: a caller the policy registry refuses gets 401/403 and nothing in the
// database changes; a caller it allows is never refused by the route-level check.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { createTestApp, TestAgent, type TestApp } from './test-app';
import { createCitizen, createOfficer, createOrgUnit, loginAs } from '../modules/identity/test/factories';
import { flushAuditSeal } from '../platform/audit';

const ROLES = ['system-admin', 'unit-admin', 'reception-officer', 'specialist', 'leader', 'reform-office'] as const;
// Session rows change on every sign-in; everything else must stay byte-identical.
const IGNORED_TABLES = new Set(['auth_sessions']);

let t: TestApp;
const callers: Array<{ name: string; agent: TestAgent; actions: Set<string> | null }> = [];

function concreteUrl(url: string): string {
  return url.replace(/:(\w+)/g, (_, name: string) => {
    if (name === 'id' || name.endsWith('Id')) return randomUUID();
    if (name === 'year') return '2027';
    return 'khong-ton-tai';
  });
}

async function fingerprint(): Promise<Record<string, string>> {
  // Entries committed by earlier calls are sealed in the background: settle that first so only refused calls could differ.
  await flushAuditSeal(t.database.db);
  const tables = await t.database.db.execute<{ table_name: string }>(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const out: Record<string, string> = {};
  for (const { table_name } of tables.rows) {
    if (IGNORED_TABLES.has(table_name)) continue;
    const r = await t.database.db.execute<{ n: number; h: string | null }>(
      sql.raw(`select count(*)::int as n, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from "${table_name}" x`),
    );
    out[table_name] = `${r.rows[0]!.n}:${r.rows[0]!.h}`;
  }
  return out;
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const province = await createOrgUnit(db, { kind: 'province' });
  const commune = await createOrgUnit(db, { parent: province, kind: 'commune' });
  callers.push({ name: 'anonymous', agent: new TestAgent(t.app), actions: null });
  const accounts = [
    { name: 'citizen', account: await createCitizen(db) },
    ...(await Promise.all(ROLES.map(async (role) => ({ name: role, account: await createOfficer(db, role, role === 'system-admin' || role === 'reform-office' ? province : commune) })))),
  ];
  for (const { name, account } of accounts) {
    const agent = await loginAs(t.app, account);
    const me = await agent.get('/api/v1/identity/me');
    expect(me.statusCode).toBe(200);
    callers.push({ name, agent, actions: new Set(me.json().user.actions as string[]) });
  }
});
afterAll(async () => t?.close());

describe('route × role authorisation', () => {
  it('every API route declares an action and the catalogue covers the modules', () => {
    const routes = t.app.routeCatalog;
    expect(routes.length).toBeGreaterThan(20);
    for (const r of routes) expect(r.action, `${r.method} ${r.url}`).toMatch(/^(public|[a-z-]+\.[a-z.-]+)$/);
    const modules = new Set(routes.map((r) => r.url.split('/')[3]));
    for (const m of ['identity', 'catalog', 'audit']) expect(modules).toContain(m);
  });

  it('refuses every forbidden call with 401/403 and changes nothing', async () => {
    const protectedRoutes = t.app.routeCatalog.filter((r) => r.action !== 'public');
    const before = await fingerprint();
    let refused = 0;
    let allowedChecked = 0;
    for (const route of protectedRoutes) {
      for (const caller of callers) {
        const allowed = caller.actions?.has(route.action) ?? false;
        if (allowed && route.method !== 'GET') continue; // allowed writes are exercised by each module's own tests
        const res = await caller.agent.request(route.method as 'GET', concreteUrl(route.url), route.method === 'GET' ? undefined : {});
        const where = `${caller.name} ${route.method} ${route.url} (${route.action})`;
        if (allowed) {
          expect([401, 403], where).not.toContain(res.statusCode);
          allowedChecked++;
        } else {
          expect(res.statusCode, where).toBe(caller.name === 'anonymous' ? 401 : 403);
          expect(res.json().error.code, where).toMatch(/^(UNAUTHENTICATED|FORBIDDEN)$/);
          refused++;
        }
      }
    }
    expect(refused).toBeGreaterThan(protectedRoutes.length);
    expect(allowedChecked).toBeGreaterThan(0);
    expect(await fingerprint()).toEqual(before);
  }, 120_000);
});
