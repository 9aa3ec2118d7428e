// The malformed-input sweep (issue 8 item 2): every operation of the app's own OpenAPI document gets NUL and control
// characters in each string field and parameter, wrong types, missing and invalid bodies, huge strings, wrong content
// types and multipart without a boundary, as an anonymous caller, a signed-in administrator and a signed-in officer
// whose role the route needs. No answer may be a 5xx, text with a control character is refused with a 400 naming the
// field, and a refused write changes nothing. Routes come from the document, so a new route is swept without an edit here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestAgent, type TestApp } from './test-app';
import { databaseFingerprinter } from './db-fingerprint';
import { createOfficer, createOrgUnit, loginAs, randomIp, type TestAccount } from '../modules/identity/test/factories';
import { SESSION_COOKIE } from '../platform/auth/sessions';

interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  format?: string;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  minLength?: number;
  additionalProperties?: boolean | JsonSchema;
}
interface Parameter {
  in: 'path' | 'query' | 'header' | 'cookie';
  name: string;
  schema?: JsonSchema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}
interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const UNSAFE = new Set<Method>(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Rows every signed-in request touches (last seen); everything else must stay byte-identical after a refused write. */
const VOLATILE_TABLES = new Set(['auth_sessions']);
const HUGE = 'Ư'.repeat(300_000);
/** Characters the request layer refuses in text: NUL, other C0 controls (not tab/CR/LF). */
const CONTROL_SAMPLES = ['a\u0000b', 'a\u001fb'];

let t: TestApp;
let doc: OpenApiDocument;
let fingerprint: () => Promise<Record<string, string>>;
const accounts = new Map<string, TestAccount>();
const agents = new Map<string, TestAgent>();
const actionsOf = new Map<string, Set<string>>();

function resolve(schema: JsonSchema | undefined): JsonSchema {
  if (!schema) return {};
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = doc.components?.schemas?.[name];
    if (!target) throw new Error(`unresolved ${schema.$ref}`);
    return resolve(target);
  }
  return schema;
}

/** A plausible value for a schema: every property filled, so every string field can then be spoiled one at a time. */
function sample(raw: JsonSchema | undefined, depth = 0): unknown {
  const schema = resolve(raw);
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return sample(options.find((o) => resolve(o).type !== 'null') ?? options[0], depth);
  if (schema.allOf) return Object.assign({}, ...(schema.allOf.map((s) => sample(s, depth)) as object[]));
  const type = Array.isArray(schema.type) ? schema.type.find((x) => x !== 'null') : schema.type;
  if (type === 'object' || schema.properties) {
    if (depth > 6) return {};
    return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, v]) => [k, sample(v, depth + 1)]));
  }
  if (type === 'array') return depth > 6 ? [] : [sample(schema.items, depth + 1)];
  if (type === 'integer' || type === 'number') return schema.minimum ?? 1;
  if (type === 'boolean') return true;
  if (type === 'string') {
    if (schema.format === 'uuid') return randomUUID();
    if (schema.format === 'date') return '2026-03-02';
    if (schema.format === 'date-time') return '2026-03-02T02:00:00.000Z';
    if (schema.format === 'email') return 'sweep@test.vn';
    return 'Thử'.padEnd(Math.max(schema.minLength ?? 1, 4), 'x');
  }
  return 'x';
}

type Path = Array<string | number>;
/** Every leaf of a sampled value with its path. */
function leaves(value: unknown, path: Path = []): Array<{ path: Path; value: unknown }> {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return path.length ? [{ path, value }] : [];
}
function objects(value: unknown, path: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => objects(v, [...path, i]));
  if (value && typeof value === 'object') return [path, ...Object.entries(value).flatMap(([k, v]) => objects(v, [...path, k]))];
  return [];
}
function withValue(base: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(base) as Record<string | number, unknown>;
  let at = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  at[path.at(-1)!] = value;
  return copy;
}

interface Probe {
  label: string;
  method: Method;
  url: string;
  headers?: Record<string, string>;
  payload?: string | Buffer;
  /** Set when the probe puts a control character in a text field: the answer must be a 400 naming this field. */
  controlField?: string;
  /** Spoils one field of an otherwise plausible request: pointless for a caller the route refuses before reading input. */
  perField?: boolean;
}

function fillPath(path: string, params: Parameter[], override?: { name: string; value: string }): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = override?.name === name ? override.value : String(sample(params.find((p) => p.in === 'path' && p.name === name)?.schema));
    return encodeURIComponent(value);
  });
}

function queryString(query: Record<string, string | string[]>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) for (const one of [v].flat()) qs.append(k, one);
  const s = qs.toString();
  return s ? `?${s}` : '';
}

/** The malformed requests for one operation. */
function probesFor(path: string, method: Method, op: Operation): Probe[] {
  const params = op.parameters ?? [];
  const pathParams = params.filter((p) => p.in === 'path');
  const queryParams = params.filter((p) => p.in === 'query');
  const baseQuery = Object.fromEntries(queryParams.map((p) => [p.name, String(sample(p.schema))]));
  const url = (q: Record<string, string | string[]> = baseQuery, pathOverride?: { name: string; value: string }) => fillPath(path, params, pathOverride) + queryString(q);
  const jsonSchema = op.requestBody?.content?.['application/json']?.schema;
  const body = jsonSchema ? sample(jsonSchema) : {};
  const json = (b: unknown) => ({ headers: { 'content-type': 'application/json' }, payload: JSON.stringify(b) });
  const unsafe = UNSAFE.has(method);
  const withBody = (p: Omit<Probe, 'method' | 'url'> & { url?: string }): Probe => ({ method, url: url(), ...(unsafe ? json(body) : {}), ...p });
  const probes: Probe[] = [withBody({ label: 'plausible request' })];

  for (const p of pathParams) {
    for (const bad of CONTROL_SAMPLES)
      probes.push(withBody({ label: `control character in path ${p.name}`, url: url(baseQuery, { name: p.name, value: bad }), controlField: p.name }));
    probes.push(withBody({ label: `huge path ${p.name}`, url: url(baseQuery, { name: p.name, value: 'x'.repeat(5000) }) }));
    probes.push(withBody({ label: `bad escape in path ${p.name}`, url: url(baseQuery).replace(encodeURIComponent(String(sample(p.schema))), '%E0%A4%A') }));
  }
  for (const p of queryParams) {
    for (const bad of CONTROL_SAMPLES) probes.push(withBody({ label: `control character in query ${p.name}`, url: url({ ...baseQuery, [p.name]: bad }), controlField: p.name }));
    probes.push(withBody({ label: `huge query ${p.name}`, url: url({ ...baseQuery, [p.name]: 'x'.repeat(20_000) }) }));
    probes.push(withBody({ label: `repeated query ${p.name}`, url: url({ ...baseQuery, [p.name]: ['a', 'b'] }) }));
    probes.push(withBody({ label: `wrong type query ${p.name}`, url: url({ ...baseQuery, [p.name]: '-1.5e999' }) }));
  }
  probes.push(withBody({ label: 'control character in an unknown query parameter', url: url({ ...baseQuery, sweep: 'a\u0000' }), controlField: 'sweep' }));
  if (!unsafe) return probes;

  let strings = 0;
  for (const leaf of leaves(body)) {
    const where = leaf.path.join('.');
    if (typeof leaf.value === 'string') {
      // NUL in every text field; the other C0 controls in the first one (the rule is one regular expression).
      for (const bad of strings++ === 0 ? CONTROL_SAMPLES : CONTROL_SAMPLES.slice(0, 1)) {
        probes.push({
          label: `control character in body ${where}`,
          method,
          url: url(),
          ...json(withValue(body, leaf.path, bad)),
          controlField: String(leaf.path.at(-1)),
          perField: true,
        });
      }
      probes.push({ label: `huge body ${where}`, method, url: url(), ...json(withValue(body, leaf.path, HUGE)), perField: true });
    }
    const wrong = typeof leaf.value === 'string' ? 12345 : typeof leaf.value === 'number' ? 'mười' : typeof leaf.value === 'boolean' ? 'yes' : { x: 1 };
    probes.push({ label: `wrong type body ${where}`, method, url: url(), ...json(withValue(body, leaf.path, wrong)), perField: true });
  }
  for (const at of objects(body)) {
    if (at.length) probes.push({ label: `array for object ${at.join('.')}`, method, url: url(), ...json(withValue(body, at, ['x'])), perField: true });
    const keyed = at.length ? withValue(body, [...at, 'a\u0000'], 'x') : { ...(body as object), 'a\u0000': 'x' };
    probes.push({ label: `control character in a key of ${at.join('.') || 'body'}`, method, url: url(), ...json(keyed), controlField: 'a\\u0000', perField: true });
  }
  for (const whole of [null, [], 'x', 42, true]) probes.push({ label: `body ${JSON.stringify(whole)}`, method, url: url(), ...json(whole) });
  probes.push({ label: 'no body, JSON content type', method, url: url(), headers: { 'content-type': 'application/json' } });
  probes.push({ label: 'no body, no content type', method, url: url() });
  probes.push({ label: 'invalid JSON', method, url: url(), headers: { 'content-type': 'application/json' }, payload: '{"a":' });
  probes.push({ label: 'deeply nested JSON', method, url: url(), headers: { 'content-type': 'application/json' }, payload: `${'['.repeat(100_000)}${']'.repeat(100_000)}` });
  probes.push({
    label: 'deeply nested JSON object',
    method,
    url: url(),
    headers: { 'content-type': 'application/json' },
    payload: `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`,
  });
  probes.push({ label: 'JSON with a raw NUL byte', method, url: url(), headers: { 'content-type': 'application/json' }, payload: Buffer.from('{"a":"\u0000"}') });
  probes.push({
    label: 'JSON with a lone surrogate',
    method,
    url: url(),
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify(withValue(body, leaves(body).find((l) => typeof l.value === 'string')?.path ?? ['x'], '\ud800')),
  });
  probes.push({ label: 'text/plain body', method, url: url(), headers: { 'content-type': 'text/plain' }, payload: JSON.stringify(body) });
  probes.push({ label: 'form body', method, url: url(), headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'a=%00' });
  probes.push({ label: 'unknown content type', method, url: url(), headers: { 'content-type': 'application/x-sweep; charset=utf-8' }, payload: 'x' });
  // Also without the sampled query: a query the route refuses would hide what its handler does with the body.
  for (const target of [url(), fillPath(path, params)]) {
    for (const type of ['multipart/form-data', 'multipart/form-data; boundary=', 'multipart/form-data; charset=utf-8']) {
      probes.push({ label: `multipart without boundary (${type}) at ${target}`, method, url: target, headers: { 'content-type': type }, payload: '--x\r\n\r\n' });
    }
  }
  probes.push({
    label: 'multipart with a broken part',
    method,
    url: fillPath(path, params),
    headers: { 'content-type': 'multipart/form-data; boundary=sweep' },
    payload: '--sweep\r\nContent-Disposition: form-data; name="file"; filename="a\u0000.json"\r\n\r\n{"\u0000":1}\r\n--sweep--',
  });
  probes.push({
    label: 'multipart truncated',
    method,
    url: fillPath(path, params),
    headers: { 'content-type': 'multipart/form-data; boundary=sweep' },
    payload: '--sweep\r\nContent-Disposition: form-data; name="file"; filename="a.json"\r\n\r\n{"a"',
  });
  probes.push({
    label: 'body over the limit',
    method,
    url: url(),
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify({ x: 'x'.repeat(t.config.bodyLimitBytes) }),
  });
  return probes;
}

/** A probe may sign the caller out (logout accepts anything): sign in again so later probes still run signed in. */
async function ensureSignedIn(caller: string): Promise<boolean> {
  const account = accounts.get(caller);
  const agent = agents.get(caller);
  if (!account || agent?.cookies[SESSION_COOKIE]) return false;
  agents.set(caller, await loginAs(t.app, account));
  return true;
}

async function send(caller: string, probe: Probe): Promise<LightMyRequestResponse> {
  const agent = agents.get(caller);
  const cookie = agent
    ? Object.entries(agent.cookies)
        .map(([k, v]) => `${k}=${v}`)
        .join('; ')
    : undefined;
  const options: InjectOptions = {
    method: probe.method,
    url: probe.url,
    headers: {
      'x-forwarded-for': randomIp(),
      'accept-language': 'en',
      ...(cookie ? { cookie } : {}),
      ...(agent?.csrfToken && UNSAFE.has(probe.method) ? { 'x-csrf-token': agent.csrfToken } : {}),
      ...probe.headers,
    },
    ...(probe.payload !== undefined ? { payload: probe.payload } : {}),
  };
  const res = await t.app.inject(options);
  if (agent && res.cookies.some((c) => c.name === SESSION_COOKIE && c.value === '')) delete agent.cookies[SESSION_COOKIE];
  return res;
}

/** A refusal that must leave the database as it was: malformed input, or a caller refused before the input was read. */
function isRefusal(res: LightMyRequestResponse): boolean {
  if ([400, 404, 405, 413, 415].includes(res.statusCode)) return true;
  if (res.statusCode !== 401 && res.statusCode !== 403) return false;
  return ['UNAUTHENTICATED', 'FORBIDDEN', 'CSRF_INVALID', 'ORIGIN_FORBIDDEN'].includes(res.json<{ error?: { code?: string } }>().error?.code ?? '');
}

beforeAll(async () => {
  t = await createTestApp();
  doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json<OpenApiDocument>();
  fingerprint = await databaseFingerprinter(t.database.db, VOLATILE_TABLES);
  const province = await createOrgUnit(t.database.db, { kind: 'province' });
  for (const role of ['system-admin', 'unit-admin', 'reception-officer', 'specialist', 'leader', 'reform-office'] as const) {
    const account = await createOfficer(t.database.db, role, province);
    accounts.set(role, account);
    const agent = await loginAs(t.app, account);
    agents.set(role, agent);
    const me = await agent.get('/api/v1/identity/me');
    actionsOf.set(role, new Set(me.json().user.actions as string[]));
  }
}, 120_000);
afterAll(async () => t?.close());

describe('malformed input on every route of the OpenAPI document', () => {
  it('derives the routes from the document', () => {
    const operations = Object.values(doc.paths).flatMap((ops) => Object.keys(ops));
    expect(operations.length).toBeGreaterThan(40);
    expect(operations.length).toBe(t.app.routeCatalog.length);
  });

  it('never answers 5xx, refuses control characters with a 400 naming the field, and a refused write changes nothing', async () => {
    const failures: string[] = [];
    let sent = 0;
    let controlRefused = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [lower, op] of Object.entries(ops)) {
        const method = lower.toUpperCase() as Method;
        const catalogUrl = path.replace(/\{(\w+)\}/g, ':$1');
        const action = t.app.routeCatalog.find((r) => r.method === method && r.url === catalogUrl)?.action;
        // Anonymous, the administrator, and (when the administrator may not act here) an officer whose role may.
        const callers = ['anonymous', 'system-admin'];
        if (action && action !== 'public' && !actionsOf.get('system-admin')!.has(action)) {
          const able = [...actionsOf].find(([, actions]) => actions.has(action));
          if (able) callers.push(able[0]);
        }
        for (const caller of callers) {
          // One fingerprint before and after the caller's probes; only when the database changed are the refused
          // probes replayed one by one to find which refusal wrote (a full fingerprint per probe is slow on PGlite).
          await ensureSignedIn(caller);
          const before = UNSAFE.has(method) ? await fingerprint() : null;
          let refusedCaller = false;
          let onlyRefusals = true;
          const refused: Probe[] = [];
          for (const probe of probesFor(path, method, op)) {
            if (probe.perField && refusedCaller) continue;
            if (await ensureSignedIn(caller)) onlyRefusals = false; // signing in again writes (session, audit)
            const res = await send(caller, probe);
            sent++;
            const where = `${caller} ${method} ${path} — ${probe.label}: ${res.statusCode} ${res.body.slice(0, 300)}`;
            if (res.statusCode >= 500) failures.push(where);
            if (probe.label === 'plausible request') refusedCaller = res.statusCode === 401 || res.statusCode === 403;
            const body = res.headers['content-type']?.toString().includes('json')
              ? res.json<{ error?: { code: string; message: string; fields?: Array<{ path: string; message: string }> } }>()
              : null;
            if (res.statusCode >= 400 && !body?.error?.message) failures.push(`no translated error: ${where}`);
            const authRefused = res.statusCode === 401 || res.statusCode === 403;
            if (probe.controlField && !authRefused) {
              const named = body?.error?.fields?.some((f) => f.path.split('.').includes(probe.controlField!) && f.message.length > 0);
              if (res.statusCode !== 400 || !named) failures.push(`control character not refused by field: ${where}`);
              else controlRefused++;
            }
            if (isRefusal(res)) refused.push(probe);
            else onlyRefusals = false;
          }
          if (!before) continue;
          const after = await fingerprint();
          const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
          if (changed.length === 0) continue;
          if (onlyRefusals) {
            failures.push(`refused writes changed ${changed.join(', ')}: ${caller} ${method} ${path}`);
            continue;
          }
          for (const probe of refused) {
            await ensureSignedIn(caller);
            const b = await fingerprint();
            const res = await send(caller, probe);
            const a = await fingerprint();
            const diff = Object.keys(a).filter((k) => a[k] !== b[k]);
            if (isRefusal(res) && diff.length) failures.push(`refused write changed ${diff.join(', ')}: ${caller} ${method} ${path} — ${probe.label}: ${res.statusCode}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(1000);
    expect(controlRefused).toBeGreaterThan(100);
  }, 600_000);
});
