// Walks every API route × every role: a caller the policy registry refuses gets 401/403 and nothing in the
// database changes; a caller it allows is never refused by the route-level check.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { createTestApp, TestAgent, type TestApp } from './test-app';
import { createCitizen, createOfficer, createOrgUnit, loginAs } from '../modules/identity/test/factories';
import { createDraft, procedureInput } from '../modules/catalog/test/factories';
import { applicant, FORM_ONLY_PROCEDURE, save, startDraft, submit } from '../modules/submissions/test/factories';
import { DESK_AND_UNIT_WORKFLOW, intakeBody, publishProcedure, receive, step, type DossierWorld } from '../modules/dossiers/test/factories';
import type { OrgUnitRow } from '../modules/identity';
import { flushAuditSeal } from '../platform/audit';
import { seedCalendarDemo } from '../platform/calendar/store';
import type { DossierDetail } from '../../contracts/dossiers/dossiers.contracts';

const ROLES = ['system-admin', 'unit-admin', 'reception-officer', 'specialist', 'leader', 'reform-office', 'finance-officer', 'clerk'] as const;
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
    ...(await Promise.all(
      ROLES.map(async (role) => ({ name: role, account: await createOfficer(db, role, role === 'system-admin' || role === 'reform-office' ? province : commune) })),
    )),
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

// ---------------------------------------------------------------------------------------------------------------
// Route × role × unit relation. The subject (a dossier, a draft procedure, a unit and its officer) sits on unit U;
// each caller holds one role on a unit standing in one relation to U. A grant covers its own unit and the units below
// it, never the units above it (issue 8, item 1; D11). Every unit-scoped route must have a probe below: the probes
// are looked up from the app's registered routes, so a new dossier route without one fails the test.

const RELATIONS = ['own', 'child', 'parent', 'sibling', 'branch'] as const;
type Relation = (typeof RELATIONS)[number];
type RoleName = (typeof ROLES)[number];

/** One request of the matrix: who may make it, and whether it may be sent when allowed (no side effect). */
interface Probe {
  label: string;
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  body?: unknown;
  allowed: (role: RoleName, relation: Relation) => boolean;
  /** When allowed: the status expected (a probe built to stop after the authorisation check), or 'skip' for writes. */
  whenAllowed: number | 'skip';
  /** For listings (no side effect, sent to everyone): whether the subject appears in the answer, and who must see it. */
  listed?: (json: Record<string, unknown>) => boolean;
  sees?: (role: RoleName, relation: Relation) => boolean;
  /**
   * For a refused caller whom the route-level check lets through (its role reads such subjects somewhere) and the
   * module then refuses by hiding the subject: 404 instead of 403 (payments answer so outside the officer's units).
   */
  hidden?: (role: RoleName, relation: Relation) => boolean;
}

/** Scopes where the matrix requires a probe for every non-public route. */
const UNIT_SCOPED = [
  '/api/v1/indicators',
  '/api/v1/submissions/desk',
  '/api/v1/dossiers',
  '/api/v1/catalog/admin/procedures',
  '/api/v1/identity/org-units',
  '/api/v1/identity/users',
  '/api/v1/payments',
  '/api/v1/exchange',
  '/api/v1/feedback',
  '/api/v1/dialogues',
  '/api/v1/documents',
  '/api/v1/plans',
];

const covers = (r: Relation) => r === 'own' || r === 'parent';
const provinceReader = (role: RoleName) => role === 'system-admin' || role === 'reform-office';
const readsDossier = (role: RoleName, r: Relation) => provinceReader(role) || covers(r);
const actsAs = (wanted: RoleName) => (role: RoleName, r: Relation) => role === wanted && covers(r);
const unitAdminOver = (role: RoleName, r: Relation) => role === 'system-admin' || (role === 'unit-admin' && covers(r));
/** Payments (issue 13 item 3): the system administrator everywhere, a finance officer for the units its grant covers. */
const financeOver = (role: RoleName, r: Relation) => role === 'system-admin' || (role === 'finance-officer' && covers(r));
/** Passes the route-level check (the role holds the action on some unit) but not the subject's: answered 404. */
const financeElsewhere = (role: RoleName, r: Relation) => role === 'finance-officer' && !covers(r);
const financeAnywhere = (role: RoleName) => role === 'system-admin' || role === 'finance-officer';
const systemAdmin = (role: RoleName) => role === 'system-admin';

describe('route × role × unit relation', () => {
  const matrixCallers: Array<{ role: RoleName; relation: Relation; agent: TestAgent }> = [];
  const probes = new Map<string, Probe[]>();

  beforeAll(async () => {
    const db = t.database.db;
    await seedCalendarDemo(t.systemCtx());
    const root = await createOrgUnit(db, { kind: 'province' });
    // A one-stop centre: it receives dossiers at its desk, online applications too, and carries procedures out.
    const unit = await createOrgUnit(db, { parent: root, kind: 'service-center' });
    const units: Record<Relation, OrgUnitRow> = {
      own: unit,
      child: await createOrgUnit(db, { parent: unit, kind: 'division' }),
      parent: root,
      sibling: await createOrgUnit(db, { parent: root, kind: 'department' }),
      branch: undefined as unknown as OrgUnitRow,
    };
    units.branch = await createOrgUnit(db, { parent: units.sibling, kind: 'division' });
    for (const role of ROLES) {
      for (const relation of RELATIONS) matrixCallers.push({ role, relation, agent: await loginAs(t.app, await createOfficer(db, role, units[relation])) });
    }
    const own = (role: RoleName) => matrixCallers.find((c) => c.role === role && c.relation === 'own')!.agent;

    // Dossiers on U in four states: received (desk holds it), processing (specialist), awaiting approval (leader), done.
    const procedureCode = await publishProcedure(t, [unit.id], { workflow: DESK_AND_UNIT_WORKFLOW });
    const world = { procedureCode, centre: unit } as unknown as DossierWorld;
    const received = await receive(world, {}, own('reception-officer'));
    const processing = await step(own('reception-officer'), await receive(world, {}, own('reception-officer')), { transition: 'forward' });
    const awaiting = await step(own('specialist'), await step(own('reception-officer'), await receive(world, {}, own('reception-officer')), { transition: 'forward' }), {
      transition: 'forward',
    });
    const done = await step(
      own('leader'),
      await step(own('specialist'), await step(own('reception-officer'), await receive(world, {}, own('reception-officer')), { transition: 'forward' }), { transition: 'forward' }),
      { transition: 'approve' },
    );
    expect([received.state, processing.state, awaiting.state, done.state]).toEqual(['RECEIVED', 'PROCESSING', 'AWAITING_APPROVAL', 'DONE']);
    const guided = await own('reception-officer').post('/api/v1/dossiers/intake', intakeBody(world, { decision: 'guide', missingItems: ['Tờ khai'], reasons: 'Thiếu tờ khai' }));
    expect(guided.statusCode, guided.body).toBe(201);
    const decisionId = guided.json().intakeDecision.id as string;

    // An online application sent to U's desk, awaiting reception (the e-form stands for the one-of declaration).
    const onlineCode = await publishProcedure(t, [unit.id], { workflow: DESK_AND_UNIT_WORKFLOW, ...FORM_ONLY_PROCEDURE });
    const applicantAgent = await loginAs(t.app, await createCitizen(db));
    const started = await startDraft(applicantAgent, onlineCode, unit.id);
    const application = await submit(
      applicantAgent,
      await save(applicantAgent, started, { applicant: applicant(), answers: { fullName: 'Nguyễn Văn An', birthDate: '1990-05-01' } }),
    );

    // A draft procedure carried out by U, and an officer of U.
    const draft = await createDraft(t.systemCtx(), { implementingUnitIds: [unit.id] });
    const officerOfU = (await createOfficer(db, 'specialist', unit)).user;

    const codeIn = (code: string) => (json: Record<string, unknown>) => (json.items as Array<{ code: string }>).some((i) => i.code === code);
    const idIn = (id: string) => (json: Record<string, unknown>) => (json.items as Array<{ id: string }>).some((i) => i.id === id);
    const add = (method: string, url: string, list: Probe[]) => probes.set(`${method} ${url}`, list);
    const P = '/api/v1/dossiers';
    // Transitions chosen so an allowed caller passes the policy and then meets INVALID_STATE (409): nothing changes.
    const tr = (d: DossierDetail, body: Record<string, unknown>) => ({ expectedVersion: d.version, ...body });
    add('POST', `${P}/intake`, [
      {
        label: 'intake at U (unknown procedure: 404 after the check)',
        method: 'POST',
        url: `${P}/intake`,
        body: intakeBody(world, { procedureCode: 'khong-ton-tai' }),
        allowed: actsAs('reception-officer'),
        whenAllowed: 404,
      },
    ]);
    add('GET', P, [
      {
        label: 'all queue lists the dossier',
        method: 'GET',
        url: `${P}?queue=all&q=${encodeURIComponent(received.code)}`,
        allowed: () => true,
        whenAllowed: 200,
        listed: codeIn(received.code),
        sees: readsDossier,
      },
      {
        label: 'mine queue (holder)',
        method: 'GET',
        url: `${P}?queue=mine&q=${encodeURIComponent(processing.code)}`,
        allowed: () => true,
        whenAllowed: 200,
        listed: codeIn(processing.code),
        sees: actsAs('specialist'),
      },
    ]);
    // Indicators of U (issue 12): any officer whose grant covers U, and the province's readers — except the records
    // clerk (issue 15), whom dashboards' INDICATOR_READERS does not list.
    const readsIndicators = (role: RoleName, r: Relation) => provinceReader(role) || (role !== 'clerk' && covers(r));
    add('GET', '/api/v1/indicators/summary', [
      {
        label: "U's indicators",
        method: 'GET',
        url: `/api/v1/indicators/summary?unit=${encodeURIComponent(unit.code)}&from=2026-01-01&to=2026-12-31`,
        allowed: readsIndicators,
        whenAllowed: 200,
      },
    ]);
    add('GET', '/api/v1/indicators/dossiers', [
      {
        label: "the dossiers behind U's indicators",
        method: 'GET',
        url: `/api/v1/indicators/dossiers?unit=${encodeURIComponent(unit.code)}&from=2026-01-01&to=2026-12-31&measure=received`,
        allowed: readsIndicators,
        whenAllowed: 200,
      },
    ]);
    add('GET', '/api/v1/indicators/breakdown', [
      {
        label: "U's indicators by unit below",
        method: 'GET',
        url: `/api/v1/indicators/breakdown?unit=${encodeURIComponent(unit.code)}&from=2026-01-01&to=2026-12-31&by=unit&subtree=true`,
        allowed: readsIndicators,
        whenAllowed: 200,
      },
    ]);
    add('GET', '/api/v1/indicators/scorecard', [
      {
        label: "U's Decision 766 scorecard",
        method: 'GET',
        url: `/api/v1/indicators/scorecard?unit=${encodeURIComponent(unit.code)}&from=2026-01-01&to=2026-12-31`,
        allowed: readsIndicators,
        whenAllowed: 200,
      },
    ]);
    add('GET', '/api/v1/indicators/feedback', [
      {
        label: "U's feedback and petitions numbers",
        method: 'GET',
        url: `/api/v1/indicators/feedback?unit=${encodeURIComponent(unit.code)}&from=2026-01-01&to=2026-12-31&by=channel`,
        allowed: readsIndicators,
        whenAllowed: 200,
      },
    ]);
    add('GET', '/api/v1/indicators/commitments', [
      {
        label: "U's dialogue commitments numbers",
        method: 'GET',
        url: `/api/v1/indicators/commitments?unit=${encodeURIComponent(unit.code)}&from=2026-01-01&to=2026-12-31`,
        allowed: readsIndicators,
        whenAllowed: 200,
      },
    ]);
    add('GET', '/api/v1/indicators/documents', [
      {
        label: "U's official documents numbers",
        method: 'GET',
        url: `/api/v1/indicators/documents?unit=${encodeURIComponent(unit.code)}&from=2026-01-01&to=2026-12-31`,
        allowed: readsIndicators,
        whenAllowed: 200,
      },
    ]);
    add('GET', '/api/v1/indicators/export', [
      {
        label: "U's indicators as Excel",
        method: 'GET',
        url: `/api/v1/indicators/export?unit=${encodeURIComponent(unit.code)}&from=2026-01-01&to=2026-12-31`,
        allowed: readsIndicators,
        whenAllowed: 200,
      },
    ]);
    add('GET', '/api/v1/indicators/report.xlsx', [
      {
        label: "U's periodic TTHC report (Excel)",
        method: 'GET',
        url: `/api/v1/indicators/report.xlsx?unit=${encodeURIComponent(unit.code)}&from=2026-01-01&to=2026-03-31`,
        allowed: readsIndicators,
        whenAllowed: 200,
      },
    ]);
    const S = '/api/v1/submissions/desk';
    // Only a reception officer whose grant covers the desk's unit (never one below it, D11).
    add('GET', `${S}/queue`, [
      {
        label: 'online applications awaiting U',
        method: 'GET',
        url: `${S}/queue`,
        allowed: (role) => role === 'reception-officer',
        whenAllowed: 200,
        listed: idIn(application.id),
        sees: actsAs('reception-officer'),
      },
    ]);
    add('GET', `${S}/:id`, [{ label: 'online application', method: 'GET', url: `${S}/${application.id}`, allowed: actsAs('reception-officer'), whenAllowed: 200 }]);
    add('GET', `${S}/:id/files/:fileId`, [
      {
        label: 'a file of the application (none such: 404 after the check)',
        method: 'GET',
        url: `${S}/${application.id}/files/${randomUUID()}`,
        allowed: actsAs('reception-officer'),
        whenAllowed: 404,
      },
    ]);
    add('POST', `${S}/:id/decision`, [
      {
        label: 'decision on a stale version (409 after the check)',
        method: 'POST',
        url: `${S}/${application.id}/decision`,
        body: { version: application.version + 7, decision: 'accept' },
        allowed: actsAs('reception-officer'),
        whenAllowed: 409,
      },
    ]);
    add('GET', `${P}/:id`, [{ label: 'detail', method: 'GET', url: `${P}/${received.id}`, allowed: readsDossier, whenAllowed: 200 }]);
    add('GET', `${P}/by-code/:code`, [
      { label: 'detail by code', method: 'GET', url: `${P}/by-code/${encodeURIComponent(received.code)}`, allowed: readsDossier, whenAllowed: 200 },
    ]);
    // Electronic results (D27): read with the dossier; issued or replaced by the handling unit's specialists and leaders.
    add('GET', `${P}/:id/result`, [{ label: 'electronic result', method: 'GET', url: `${P}/${done.id}/result`, allowed: readsDossier, whenAllowed: 200 }]);
    add('GET', `${P}/:id/result/:resultId/:file`, [
      { label: 'a result file (none such: 404 after the check)', method: 'GET', url: `${P}/${done.id}/result/${randomUUID()}/result`, allowed: readsDossier, whenAllowed: 404 },
    ]);
    add('POST', `${P}/:id/result`, [
      {
        label: 'issue the result of a dossier whose result is ready',
        method: 'POST',
        url: `${P}/${done.id}/result`,
        body: {},
        allowed: (role, r) => (role === 'specialist' || role === 'leader') && covers(r),
        whenAllowed: 'skip',
      },
    ]);
    add('GET', `${P}/:id/slips/:slip`, [{ label: 'receipt Mẫu 01', method: 'GET', url: `${P}/${received.id}/slips/receipt`, allowed: readsDossier, whenAllowed: 200 }]);
    add('GET', `${P}/:id/supplement-files/:fileId`, [
      // No such file: 404 after the read check.
      { label: 'supplement file', method: 'GET', url: `${P}/${received.id}/supplement-files/00000000-0000-4000-8000-000000000000`, allowed: readsDossier, whenAllowed: 404 },
    ]);
    add('GET', `${P}/intake-decisions/:id`, [{ label: 'intake decision', method: 'GET', url: `${P}/intake-decisions/${decisionId}`, allowed: readsDossier, whenAllowed: 200 }]);
    add('GET', `${P}/intake-decisions/:id/slip`, [
      { label: 'Mẫu 02 slip', method: 'GET', url: `${P}/intake-decisions/${decisionId}/slip`, allowed: readsDossier, whenAllowed: 200 },
    ]);
    add('GET', `${P}/tracking-book`, [
      {
        label: 'tracking book Mẫu 07 of U',
        method: 'GET',
        url: `${P}/tracking-book?receivingUnitId=${unit.id}&from=2026-01-01&to=2026-12-31`,
        allowed: readsDossier,
        whenAllowed: 200,
      },
      {
        label: 'tracking book Mẫu 07 of the root',
        method: 'GET',
        url: `${P}/tracking-book?receivingUnitId=${root.id}&from=2026-01-01&to=2026-12-31`,
        allowed: (role, r) => provinceReader(role) || r === 'parent',
        whenAllowed: 200,
      },
    ]);
    add('POST', `${P}/:id/transitions`, [
      {
        label: 'holder = desk (approve from RECEIVED)',
        method: 'POST',
        url: `${P}/${received.id}/transitions`,
        body: tr(received, { transition: 'approve' }),
        allowed: actsAs('reception-officer'),
        whenAllowed: 409,
      },
      {
        label: 'receiving desk (return-result from RECEIVED)',
        method: 'POST',
        url: `${P}/${received.id}/transitions`,
        body: tr(received, { transition: 'return-result', method: 'desk', receivedBy: 'Nguyễn Văn An' }),
        allowed: actsAs('reception-officer'),
        whenAllowed: 409,
      },
      {
        label: 'holder = specialist (approve from PROCESSING)',
        method: 'POST',
        url: `${P}/${processing.id}/transitions`,
        body: tr(processing, { transition: 'approve' }),
        allowed: actsAs('specialist'),
        whenAllowed: 409,
      },
      {
        label: 'holder = leader (forward from AWAITING_APPROVAL)',
        method: 'POST',
        url: `${P}/${awaiting.id}/transitions`,
        body: tr(awaiting, { transition: 'forward' }),
        allowed: actsAs('leader'),
        whenAllowed: 409,
      },
      {
        label: 'handling leader (stop from DONE)',
        method: 'POST',
        url: `${P}/${done.id}/transitions`,
        body: tr(done, { transition: 'stop', reason: 'Thử' }),
        allowed: actsAs('leader'),
        whenAllowed: 409,
      },
    ]);
    add('POST', `${P}/:id/apology`, [
      {
        label: 'apology (DONE: 409 after the check)',
        method: 'POST',
        url: `${P}/${done.id}/apology`,
        body: { expectedVersion: done.version, reason: 'Thử', newDueAt: '2026-12-31T09:00:00+07:00' },
        allowed: actsAs('leader'),
        whenAllowed: 409,
      },
    ]);
    add('POST', `${P}/admin/sweep-at-risk`, [
      {
        label: 'sweep (province-wide, not unit-scoped)',
        method: 'POST',
        url: `${P}/admin/sweep-at-risk`,
        body: {},
        allowed: (role) => role === 'system-admin',
        whenAllowed: 'skip',
      },
    ]);

    const C = '/api/v1/catalog/admin/procedures';
    add('GET', C, [
      {
        label: 'drafts listed',
        method: 'GET',
        url: `${C}?status=draft&pageSize=100&q=${encodeURIComponent(draft.name)}`,
        allowed: (role) => role === 'system-admin' || role === 'unit-admin',
        whenAllowed: 200,
        listed: idIn(draft.id),
        sees: unitAdminOver,
      },
    ]);
    add('GET', `${C}/:id`, [{ label: 'draft detail', method: 'GET', url: `${C}/${draft.id}`, allowed: unitAdminOver, whenAllowed: 200 }]);
    const catalogWrite = (method: 'POST' | 'PUT', url: string, body: unknown): Probe[] => [{ label: 'write', method, url, body, allowed: unitAdminOver, whenAllowed: 'skip' }];
    add('POST', C, catalogWrite('POST', C, { ...procedureInput(), implementingUnitIds: [unit.id] }));
    add('PUT', `${C}/:id`, catalogWrite('PUT', `${C}/${draft.id}`, { ...procedureInput(), implementingUnitIds: [unit.id], version: 1 }));
    add('POST', `${C}/:id/publish`, catalogWrite('POST', `${C}/${draft.id}/publish`, {}));
    add('POST', `${C}/:id/withdraw`, catalogWrite('POST', `${C}/${draft.id}/withdraw`, { reason: 'Thử' }));
    add('POST', `${C}/:id/new-version`, catalogWrite('POST', `${C}/${draft.id}/new-version`, {}));

    const O = '/api/v1/identity/org-units';
    const anyOfficer = () => true;
    add('GET', O, [{ label: 'org units (every officer picks units)', method: 'GET', url: O, allowed: anyOfficer, whenAllowed: 200 }]);
    add('GET', `${O}/tree`, [{ label: 'org tree (every officer)', method: 'GET', url: `${O}/tree`, allowed: anyOfficer, whenAllowed: 200 }]);
    add('GET', `${O}/:id`, [{ label: 'org unit (every officer)', method: 'GET', url: `${O}/${unit.id}`, allowed: anyOfficer, whenAllowed: 200 }]);
    add('POST', O, [
      {
        label: 'create under U',
        method: 'POST',
        url: O,
        body: { parentId: unit.id, code: 'TMATRIX', name: 'Đơn vị ma trận', kind: 'division' },
        allowed: unitAdminOver,
        whenAllowed: 'skip',
      },
    ]);
    add('PUT', `${O}/:id`, [
      {
        label: 'update U',
        method: 'PUT',
        url: `${O}/${unit.id}`,
        body: { code: unit.code, name: unit.name, kind: unit.kind, version: 1 },
        allowed: unitAdminOver,
        whenAllowed: 'skip',
      },
    ]);
    add('POST', `${O}/:id/close`, [
      {
        label: 'close U (only from above)',
        method: 'POST',
        url: `${O}/${unit.id}/close`,
        body: { validTo: '2026-12-31', reason: 'Sáp nhập' },
        allowed: (role, r) => role === 'system-admin' || (role === 'unit-admin' && r === 'parent'),
        whenAllowed: 'skip',
      },
    ]);
    const U = '/api/v1/identity/users';
    add('GET', U, [
      {
        label: 'users listed',
        method: 'GET',
        url: `${U}?q=${encodeURIComponent(officerOfU.username!)}`,
        allowed: (role) => provinceReader(role) || role === 'unit-admin',
        whenAllowed: 200,
        listed: idIn(officerOfU.id),
        sees: (role, r) => provinceReader(role) || (role === 'unit-admin' && covers(r)),
      },
    ]);
    add('GET', `${U}/:id`, [
      { label: 'officer of U', method: 'GET', url: `${U}/${officerOfU.id}`, allowed: (role, r) => provinceReader(role) || (role === 'unit-admin' && covers(r)), whenAllowed: 200 },
    ]);
    add('POST', U, [
      {
        label: 'create an officer of U',
        method: 'POST',
        url: U,
        body: {
          username: 'matrix.new',
          displayName: 'Cán bộ ma trận',
          email: 'matrix.new@test.vn',
          password: 'Matrix-pass-2026',
          grants: [{ role: 'specialist', orgUnitId: unit.id }],
        },
        allowed: unitAdminOver,
        whenAllowed: 'skip',
      },
    ]);
    for (const action of ['', '/disable', '/enable', '/reset-password']) {
      const method = action === '' ? 'PUT' : 'POST';
      add(method, `${U}/:id${action}`, [
        {
          label: `officer of U ${action || 'update'}`,
          method,
          url: `${U}/${officerOfU.id}${action}`,
          body:
            action === ''
              ? { displayName: 'Cán bộ đổi tên', grants: [{ role: 'specialist', orgUnitId: unit.id }], version: 1 }
              : action === '/reset-password'
                ? { newPassword: 'Matrix-pass-2026' }
                : {},
          allowed: unitAdminOver,
          whenAllowed: 'skip',
        },
      ]);
    }

    // Payments of U (issue 13 item 3): a paid attempt with its receipt, and a statement showing two mismatches on U,
    // one open and one resolved. Inserted directly: the gateway's round trip is the payments module's own test.
    const paidRef = 'MATRIXPAID000001';
    const at = '2026-03-02T02:00:00Z';
    const requestId = randomUUID();
    await db.execute(sql`insert into payments_requests (id, dossier_id, dossier_code, pause_id, unit_id, procedure_code, procedure_name, payer_name, description,
        amount_vnd, state, paid_at, created_at, applied_at, applied_outcome)
      values (${requestId}, ${received.id}, ${received.code}, ${randomUUID()}, ${unit.id}, ${procedureCode}, 'Thủ tục ma trận', 'Nguyễn Văn An', 'Lệ phí',
        150000, 'paid', ${at}, ${at}, ${at}, 'resumed')`);
    await db.execute(sql`insert into payments_transactions (request_id, unit_id, gateway, txn_ref, amount_vnd, order_info, ip_addr, state, created_at, expires_at,
        settled_at, settled_via, response_code, gateway_txn_no, bank_code, pay_date, receipt_no, receipt_issued_at)
      values (${requestId}, ${unit.id}, 'vnpay', ${paidRef}, 150000, 'Thanh toan le phi', '127.0.0.1', 'succeeded', ${at}, ${at},
        ${at}, 'ipn', '00', '14000001', 'NCB', ${at}, ${`${unit.code}-2026-000001`}, ${at})`);
    const statementId = randomUUID();
    await db.execute(sql`insert into payments_statements (id, gateway, day, sha256, lines, total_vnd, matched, mismatches, unreadable, imported_at)
      values (${statementId}, 'vnpay', '2026-03-02', ${'0'.repeat(64)}, 1, 150000, 0, 2, '[]'::jsonb, ${at})`);
    const openMismatch = randomUUID();
    const resolvedMismatch = randomUUID();
    await db.execute(sql`insert into payments_mismatches (id, statement_id, kind, txn_ref, unit_id, record_amount_vnd, statement_amount_vnd, record_state,
        statement_status, resolved_at, resolution)
      values (${openMismatch}, ${statementId}, 'amount-differs', ${paidRef}, ${unit.id}, 150000, 160000, 'succeeded', 'succeeded', null, null),
        (${resolvedMismatch}, ${statementId}, 'status-differs', ${paidRef}, ${unit.id}, 150000, 150000, 'succeeded', 'refunded', ${at}, 'Đã hoàn tiền')`);
    const refIn = (ref: string) => (json: Record<string, unknown>) => (json.items as Array<{ txnRef: string }>).some((i) => i.txnRef === ref);

    const PAY = '/api/v1/payments';
    add('GET', `${PAY}/transactions`, [
      {
        label: 'payment attempts (filtered to the officer’s units)',
        method: 'GET',
        url: `${PAY}/transactions?q=${paidRef}`,
        allowed: financeAnywhere,
        whenAllowed: 200,
        listed: refIn(paidRef),
        sees: financeOver,
      },
      {
        label: 'payment attempts of U (a unit outside the grant: 403)',
        method: 'GET',
        url: `${PAY}/transactions?unit=${unit.id}`,
        allowed: financeOver,
        whenAllowed: 200,
        listed: refIn(paidRef),
        sees: financeOver,
      },
    ]);
    add('POST', `${PAY}/transactions/:txnRef/query`, [
      {
        label: 'status query of a settled attempt (answered from the record, nothing asked)',
        method: 'POST',
        url: `${PAY}/transactions/${paidRef}/query`,
        allowed: financeOver,
        hidden: financeElsewhere,
        whenAllowed: 200,
      },
    ]);
    add('GET', `${PAY}/transactions/:txnRef/receipt`, [
      { label: 'receipt of the paid attempt', method: 'GET', url: `${PAY}/transactions/${paidRef}/receipt`, allowed: financeOver, hidden: financeElsewhere, whenAllowed: 200 },
    ]);
    add('POST', `${PAY}/statements`, [
      {
        // The statement is the province's merchant account's: any finance officer imports it (no unit to check).
        label: 'statement without its header (400 after the check)',
        method: 'POST',
        url: `${PAY}/statements`,
        body: { day: '2026-03-02', csv: 'khong,phai,sao,ke\r\n' },
        allowed: financeAnywhere,
        whenAllowed: 400,
      },
    ]);
    add('GET', `${PAY}/mismatches`, [
      {
        label: 'open mismatches (filtered to the officer’s units)',
        method: 'GET',
        url: `${PAY}/mismatches?open=true`,
        allowed: financeAnywhere,
        whenAllowed: 200,
        listed: idIn(openMismatch),
        sees: financeOver,
      },
    ]);
    add('POST', `${PAY}/mismatches/:id/resolve`, [
      {
        label: 'resolve a resolved mismatch (409 after the check)',
        method: 'POST',
        url: `${PAY}/mismatches/${resolvedMismatch}/resolve`,
        body: { resolution: 'Đã hoàn tiền' },
        allowed: financeOver,
        hidden: financeElsewhere,
        whenAllowed: 409,
      },
    ]);

    // The national portal exchange (issue 13 items 4–5): the province's system administrators only, wherever they sit.
    const sentRow = await db.execute<{ id: number }>(sql`insert into exchange_outbox (source, event_id, dossier_id, dossier_code, status_code, at, payload, state,
        attempts, next_attempt_at, sent_at, created_at)
      values ('dossier', 9000000001, ${received.id}, ${received.code}, 2, ${at}, '{"dossier":{},"progress":{}}'::jsonb, 'sent', 1, ${at}, ${at}, ${at})
      returning id`);
    const outboxId = Number(sentRow.rows[0]!.id);
    const inboundId = randomUUID();
    await db.execute(sql`insert into exchange_inbound (id, national_code, desk_code, state, submission_id, submission_reference, payload, attempts,
        first_seen_at, updated_at, acknowledged_at)
      values (${inboundId}, 'G22.99-260302-9999', ${unit.code}, 'received', ${application.id}, ${application.reference ?? null}, '{}'::jsonb, 1, ${at}, ${at}, ${at})`);
    const EX = '/api/v1/exchange';
    add('GET', `${EX}/outbox`, [
      {
        label: 'outbox',
        method: 'GET',
        url: `${EX}/outbox?dossier=${encodeURIComponent(received.code)}`,
        allowed: systemAdmin,
        whenAllowed: 200,
        listed: (json) => (json.items as Array<{ id: number }>).some((i) => i.id === outboxId),
        sees: systemAdmin,
      },
    ]);
    add('POST', `${EX}/outbox/:id/resend`, [
      { label: 'resend a sent change (409 after the check)', method: 'POST', url: `${EX}/outbox/${outboxId}/resend`, allowed: systemAdmin, whenAllowed: 409 },
    ]);
    add('GET', `${EX}/inbound`, [
      {
        label: 'national dossiers picked up',
        method: 'GET',
        url: `${EX}/inbound?code=G22.99-260302-9999`,
        allowed: systemAdmin,
        whenAllowed: 200,
        listed: idIn(inboundId),
        sees: systemAdmin,
      },
    ]);
    add('POST', `${EX}/inbound/:id/retry`, [
      { label: 'retry a received national dossier (409 after the check)', method: 'POST', url: `${EX}/inbound/${inboundId}/retry`, allowed: systemAdmin, whenAllowed: 409 },
    ]);
    add('GET', `${EX}/reconciliations`, [{ label: 'daily reconciliations', method: 'GET', url: `${EX}/reconciliations`, allowed: systemAdmin, whenAllowed: 200 }]);

    // Feedback (issue 14 items 1–4): an item about U's procedure entered at U's desk, so it is assigned to U. The unit's
    // reception officers, specialists and leaders act by their role; the province's readers read; nobody else.
    const fbRes = await own('reception-officer').post('/api/v1/feedback/intake', {
      title: 'Phản ánh dùng cho ma trận phân quyền',
      content: 'Nội dung phản ánh, kiến nghị dùng cho ma trận phân quyền.',
      procedureCode,
      channel: 'desk',
      receivingUnitId: unit.id,
      sender: { name: 'Nguyễn Văn An', phone: '0912345678' },
    });
    expect(fbRes.statusCode, fbRes.body).toBe(201);
    const fb = fbRes.json<{ id: string; code: string; assignedUnit: { id: string } }>();
    expect(fb.assignedUnit.id).toBe(unit.id);
    const FB = '/api/v1/feedback';
    const fbUnitRoles: RoleName[] = ['reception-officer', 'specialist', 'leader'];
    const fbActs = (roles: RoleName[]) => (role: RoleName, r: Relation) => roles.includes(role) && covers(r);
    add('POST', `${FB}/intake`, [
      {
        label: 'feedback entered at U (unknown procedure: 400 after the check)',
        method: 'POST',
        url: `${FB}/intake`,
        body: {
          title: 'Phản ánh nhập tại bộ phận một cửa',
          content: 'Nội dung phản ánh nhập tại bộ phận một cửa.',
          procedureCode: 'khong-ton-tai',
          channel: 'desk',
          receivingUnitId: unit.id,
          sender: { name: 'Nguyễn Văn An', phone: '0912345678' },
        },
        allowed: fbActs(['reception-officer', 'specialist']),
        whenAllowed: 400,
      },
    ]);
    add('GET', `${FB}/queue`, [
      {
        label: 'feedback queue lists the item',
        method: 'GET',
        url: `${FB}/queue?q=${fb.code}`,
        allowed: (role) => provinceReader(role) || fbUnitRoles.includes(role),
        whenAllowed: 200,
        listed: (json) => (json.items as Array<{ id: string }>).some((i) => i.id === fb.id),
        sees: (role, r) => provinceReader(role) || fbActs(fbUnitRoles)(role, r),
      },
    ]);
    add('GET', `${FB}/:id`, [
      { label: 'feedback item', method: 'GET', url: `${FB}/${fb.id}`, allowed: (role, r) => provinceReader(role) || fbActs(fbUnitRoles)(role, r), whenAllowed: 200 },
    ]);
    // Each action on a stale version: an allowed caller passes the policy and meets VERSION_CONFLICT (409), nothing changes.
    const fbAction = (path: string, roles: RoleName[], body: Record<string, unknown>): Probe[] => [
      {
        label: `feedback ${path} (stale version: 409 after the check)`,
        method: 'POST',
        url: `${FB}/${fb.id}/${path}`,
        body: { version: 8, ...body },
        allowed: fbActs(roles),
        whenAllowed: 409,
      },
    ];
    add('POST', `${FB}/:id/classify`, fbAction('classify', fbUnitRoles, { kind: 'regulation' }));
    add('POST', `${FB}/:id/out-of-scope`, fbAction('out-of-scope', fbUnitRoles, { category: 'complaint', reason: 'Nội dung là khiếu nại' }));
    add('POST', `${FB}/:id/transfer`, fbAction('transfer', fbUnitRoles, { unitId: units.sibling.id, reason: 'Thuộc thẩm quyền đơn vị khác' }));
    add('POST', `${FB}/:id/merge`, fbAction('merge', fbUnitRoles, { intoCode: 'PAKN-2026-000001' }));
    add('POST', `${FB}/:id/deadline`, fbAction('deadline', ['specialist', 'leader'], { rule: 'inter-agency', reason: 'Nhiều cơ quan liên quan' }));
    add('POST', `${FB}/:id/request-info`, fbAction('request-info', ['specialist', 'leader'], { question: 'Vui lòng bổ sung thông tin chi tiết.' }));
    add('POST', `${FB}/:id/answer-draft`, fbAction('answer-draft', ['specialist'], { answer: 'Dự thảo câu trả lời đủ dài để hợp lệ.' }));
    add('POST', `${FB}/:id/approve`, fbAction('approve', ['leader'], {}));
    add('POST', `${FB}/:id/send-back`, fbAction('send-back', ['leader'], { note: 'Cần bổ sung căn cứ' }));
    // The portal account's doors: no officer passes.
    add('GET', `${FB}/mine`, [{ label: 'my feedback (portal accounts only)', method: 'GET', url: `${FB}/mine`, allowed: () => false, whenAllowed: 200 }]);
    add('POST', `${FB}/:code/follow`, [{ label: 'follow (portal accounts only)', method: 'POST', url: `${FB}/${fb.code}/follow`, allowed: () => false, whenAllowed: 'skip' }]);

    // Dialogues (issue 14 item 5): a session organised by U, held, whose answer made a commitment U owes; a public question
    // waiting for a decision; a cancelled session. U's specialists and leaders manage them and carry the commitment out;
    // the province's readers read; nobody else.
    const DG = '/api/v1/dialogues';
    const dgOk = async (path: string, body: unknown, status = 200) => {
      const res = await own('specialist').post(`${DG}${path}`, body);
      expect(res.statusCode, res.body).toBe(status);
      return res.json<{ id: string; version: number; questions: Array<{ id: string; version: number; source: string }>; commitments: Array<{ id: string; version: number }> }>();
    };
    const sessionInput = {
      level: 'commune',
      organisingUnitId: unit.id,
      title: 'Đối thoại dùng cho ma trận phân quyền',
      chairName: 'Lê Minh Khang',
      chairPosition: 'Chủ tịch UBND xã',
      // Ten minutes ahead of the test clock, so it can be held after a short move of the clock (sessions idle out in 30).
      startsAt: '2026-03-02T09:10:00+07:00',
      place: 'Hội trường',
      audience: 'citizens',
    };
    let dg = await dgOk('/sessions', sessionInput, 201);
    dg = await dgOk(`/sessions/${dg.id}/announce`, { version: dg.version });
    await dgOk(`/sessions/${dg.id}/questions`, { askerName: 'Nguyễn Văn An', text: 'Câu hỏi dùng cho ma trận phân quyền.' }, 201);
    const asked = await new TestAgent(t.app).request(
      'POST',
      `${DG}/public/sessions/${dg.id}/questions`,
      { text: 'Câu hỏi của người dân chờ xem xét.', asker: { name: 'Lê Thị Hoa', phone: '0912345678' } },
      { 'x-forwarded-for': '10.99.0.1' },
    );
    expect(asked.statusCode, asked.body).toBe(201);
    t.clock.advance(15 * 60_000);
    dg = await dgOk(`/sessions/${dg.id}/minutes`, { version: dg.version, minutes: 'Biên bản dùng cho ma trận phân quyền.' });
    const floor = dg.questions.find((q) => q.source === 'officer')!;
    dg = await dgOk(`/sessions/${dg.id}/questions/${floor.id}/answer`, {
      version: floor.version,
      answer: 'Câu trả lời dùng cho ma trận phân quyền.',
      commitments: [{ ownerUnitId: unit.id, text: 'Cam kết dùng cho ma trận phân quyền.', workingDays: 5 }],
    });
    t.clock.advance(-15 * 60_000);
    const pending = dg.questions.find((q) => q.source === 'public')!;
    const promise = dg.commitments[0]!;
    const cancelled = await dgOk('/sessions', sessionInput, 201);
    await dgOk(`/sessions/${cancelled.id}/cancel`, { version: cancelled.version, reason: 'Hủy để thử ma trận.' });
    const dgRoles: RoleName[] = ['specialist', 'leader'];
    const dgActs = (role: RoleName, r: Relation) => dgRoles.includes(role) && covers(r);
    const dgReads = (role: RoleName, r: Relation) => provinceReader(role) || dgActs(role, r);
    const dgStale = (label: string, url: string, body: Record<string, unknown>): Probe[] => [
      { label: `${label} (stale version: 409 after the check)`, method: 'POST', url, body: { version: 9, ...body }, allowed: dgActs, whenAllowed: 409 },
    ];
    add('GET', `${DG}/sessions`, [
      {
        label: 'sessions list the session of U',
        method: 'GET',
        url: `${DG}/sessions?pageSize=100`,
        allowed: (role) => provinceReader(role) || dgRoles.includes(role),
        whenAllowed: 200,
        listed: idIn(dg.id),
        sees: dgReads,
      },
    ]);
    add('POST', `${DG}/sessions`, [
      {
        label: 'schedule at U (a start already past: 400 after the check)',
        method: 'POST',
        url: `${DG}/sessions`,
        body: { ...sessionInput, startsAt: '2026-03-01T08:00:00+07:00' },
        allowed: dgActs,
        whenAllowed: 400,
      },
    ]);
    add('GET', `${DG}/sessions/:id`, [{ label: 'session of U', method: 'GET', url: `${DG}/sessions/${dg.id}`, allowed: dgReads, whenAllowed: 200 }]);
    const { organisingUnitId: _unit, ...updateInput } = sessionInput;
    add('PUT', `${DG}/sessions/:id`, [
      {
        label: 'change the session (stale version: 409 after the check)',
        method: 'PUT',
        url: `${DG}/sessions/${dg.id}`,
        body: { ...updateInput, version: 9 },
        allowed: dgActs,
        whenAllowed: 409,
      },
    ]);
    add('POST', `${DG}/sessions/:id/announce`, dgStale('announce', `${DG}/sessions/${dg.id}/announce`, {}));
    add('POST', `${DG}/sessions/:id/cancel`, dgStale('cancel', `${DG}/sessions/${dg.id}/cancel`, { reason: 'Thử hủy buổi đối thoại' }));
    add('POST', `${DG}/sessions/:id/agenda`, dgStale('agenda', `${DG}/sessions/${dg.id}/agenda`, { agenda: 'Chương trình' }));
    add('POST', `${DG}/sessions/:id/minutes`, dgStale('minutes', `${DG}/sessions/${dg.id}/minutes`, { minutes: 'Biên bản đủ dài để hợp lệ.' }));
    add('POST', `${DG}/sessions/:id/close`, dgStale('close', `${DG}/sessions/${dg.id}/close`, {}));
    add('POST', `${DG}/sessions/:id/questions`, [
      {
        label: 'a question for a cancelled session (409 after the check)',
        method: 'POST',
        url: `${DG}/sessions/${cancelled.id}/questions`,
        body: { askerName: 'Nguyễn Văn An', text: 'Câu hỏi cho buổi đã hủy.' },
        allowed: dgActs,
        whenAllowed: 409,
      },
    ]);
    add('POST', `${DG}/sessions/:id/questions/from-feedback`, [
      {
        label: 'a feedback item for a cancelled session (409 after the check)',
        method: 'POST',
        url: `${DG}/sessions/${cancelled.id}/questions/from-feedback`,
        body: { feedbackCode: fb.code },
        allowed: dgActs,
        whenAllowed: 409,
      },
    ]);
    const dgQuestion = (path: string, body: Record<string, unknown>) => dgStale(`question ${path}`, `${DG}/sessions/${dg.id}/questions/${pending.id}/${path}`, body);
    add('POST', `${DG}/sessions/:id/questions/:questionId/accept`, dgQuestion('accept', {}));
    add('POST', `${DG}/sessions/:id/questions/:questionId/reject`, dgQuestion('reject', { reason: 'Ngoài chủ đề đối thoại' }));
    add('POST', `${DG}/sessions/:id/questions/:questionId/answer`, dgQuestion('answer', { answer: 'Câu trả lời đủ dài để hợp lệ.' }));
    add('GET', `${DG}/commitments`, [
      {
        label: 'commitments list the one U owes',
        method: 'GET',
        url: `${DG}/commitments?pageSize=100`,
        allowed: (role) => provinceReader(role) || dgRoles.includes(role),
        whenAllowed: 200,
        listed: idIn(promise.id),
        sees: dgReads,
      },
    ]);
    add('GET', `${DG}/commitments/:id`, [{ label: 'commitment U owes', method: 'GET', url: `${DG}/commitments/${promise.id}`, allowed: dgReads, whenAllowed: 200 }]);
    add('POST', `${DG}/commitments/:id/progress`, dgStale('progress', `${DG}/commitments/${promise.id}/progress`, { percent: 50, note: 'Tiến độ thử nghiệm' }));
    add('POST', `${DG}/commitments/:id/complete`, dgStale('complete', `${DG}/commitments/${promise.id}/complete`, { note: 'Hoàn thành thử nghiệm' }));
    add('POST', `${DG}/commitments/:id/cancel`, dgStale('withdraw', `${DG}/commitments/${promise.id}/cancel`, { reason: 'Rút cam kết thử nghiệm' }));

    // Plans (issue 16): a plan owned by U with a task U leads. The reform office of the province (any of its units)
    // manages it; U's specialists and leaders report on the task; the province's readers and U's officers read it.
    const PL = '/api/v1/plans';
    const planRes = await own('reform-office').post(PL, { year: 2026, level: 'department', ownerUnitId: unit.id, title: 'Kế hoạch CCHC dùng cho ma trận' });
    expect(planRes.statusCode, planRes.body).toBe(201);
    const planned = planRes.json<{ id: string; version: number }>();
    const taskRes = await own('reform-office').post(`${PL}/${planned.id}/tasks`, {
      version: planned.version,
      title: 'Nhiệm vụ dùng cho ma trận phân quyền',
      area: 'procedures',
      leadUnitId: unit.id,
      deadline: '2026-06-30',
      outputProduct: 'Báo cáo',
    });
    expect(taskRes.statusCode, taskRes.body).toBe(201);
    const planTask = taskRes.json<{ tasks: Array<{ id: string }> }>().tasks[0]!;
    const plReports = (role: RoleName, r: Relation) => (role === 'specialist' || role === 'leader') && covers(r);
    const plManages = (role: RoleName) => role === 'reform-office';
    const plStale = (label: string, url: string, body: Record<string, unknown>, allowed: Probe['allowed']): Probe[] => [
      { label: `${label} (stale version: 409 after the check)`, method: 'POST', url, body: { version: 99, ...body }, allowed, whenAllowed: 409 },
    ];
    add('POST', PL, [
      {
        label: 'create a plan of U',
        method: 'POST',
        url: PL,
        body: { year: 2026, level: 'department', ownerUnitId: unit.id, title: 'Kế hoạch dùng cho ma trận' },
        allowed: plManages,
        whenAllowed: 'skip',
      },
    ]);
    add('GET', `${PL}/:id`, [
      { label: 'plan of U', method: 'GET', url: `${PL}/${planned.id}`, allowed: (role, r) => provinceReader(role) || plReports(role, r), whenAllowed: 200 },
    ]);
    add(
      'POST',
      `${PL}/:id/tasks`,
      plStale(
        'add a task',
        `${PL}/${planned.id}/tasks`,
        { title: 'Nhiệm vụ thêm', area: 'procedures', leadUnitId: unit.id, deadline: '2026-06-30', outputProduct: 'Báo cáo' },
        plManages,
      ),
    );
    add(
      'POST',
      `${PL}/:id/tasks/from-commitment`,
      plStale('adopt the commitment U owes', `${PL}/${planned.id}/tasks/from-commitment`, { commitmentId: promise.id, area: 'procedures' }, plManages),
    );
    add('POST', `${PL}/:id/tasks/import`, [
      // The version is checked before the upload is read: an allowed caller meets 409 with no file sent.
      {
        label: 'import into the plan of U (stale version: 409 after the check)',
        method: 'POST',
        url: `${PL}/${planned.id}/tasks/import?version=99`,
        body: {},
        allowed: plManages,
        whenAllowed: 409,
      },
    ]);
    const plTask = `${PL}/${planned.id}/tasks/${planTask.id}`;
    add('POST', `${PL}/:id/tasks/:taskId/report`, plStale('report on the task U leads', `${plTask}/report`, { percent: 50, note: 'Tiến độ thử nghiệm' }, plReports));
    add('POST', `${PL}/:id/tasks/:taskId/accept`, plStale('accept the task', `${plTask}/accept`, {}, plManages));
    add('POST', `${PL}/:id/tasks/:taskId/send-back`, plStale('send the task back', `${plTask}/send-back`, { reason: 'Trả lại thử nghiệm' }, plManages));

    // Documents (issue 15): U's registers. Its clerks, leaders and specialists read them; the clerk registers and
    // issues, the leader assigns, returns and signs, specialists and leaders draft and handle; the system administrator
    // and U's unit administrators set U's abbreviation and series; nobody else.
    const DOC = '/api/v1/documents';
    const docOk = async (agent: TestAgent, method: 'POST' | 'PUT', path: string, body: unknown, status = 200) => {
      const res = await agent.request(method, `${DOC}${path}`, body);
      expect(res.statusCode, res.body).toBe(status);
      return res.json<{ id: string; version: number }>();
    };
    await docOk(own('system-admin'), 'PUT', `/settings/${unit.id}`, { issuerAbbreviation: 'TTPV', series: [{ key: 'chung', name: 'Chung', typeCodes: [] }], version: 0 });
    const incomingInput = {
      unitId: unit.id,
      receivedVia: 'paper',
      senderName: 'Ủy ban nhân dân tỉnh',
      numberSymbol: '12/UBND-VP',
      issuedOn: '2026-02-27',
      typeCode: 'CV',
      subject: 'Văn bản đến dùng cho ma trận phân quyền',
      urgency: 'normal',
      confidentiality: 'normal',
    };
    const registered = await docOk(own('clerk'), 'POST', '/incoming', incomingInput, 201);
    const toAssign = await docOk(own('clerk'), 'POST', '/incoming', incomingInput, 201);
    const assignedDoc = await docOk(own('leader'), 'POST', `/incoming/${toAssign.id}/assign`, { version: toAssign.version, leadUnitId: unit.id, handlingDays: 5 });
    const outgoingInput = {
      unitId: unit.id,
      draftingUnitId: unit.id,
      typeCode: 'QD',
      subject: 'Văn bản đi dùng cho ma trận phân quyền',
      urgency: 'normal',
      confidentiality: 'normal',
      recipients: { unitIds: [], external: [] },
    };
    const draftDoc = await docOk(own('specialist'), 'POST', '/outgoing', outgoingInput, 201);
    const docFileId = randomUUID();
    await db.execute(sql`insert into documents_files (id, incoming_id, file_name, size_bytes, media_type, sha256, uploaded_at)
      values (${docFileId}, ${registered.id}, 'van-ban.pdf', 10, 'application/pdf', ${'0'.repeat(64)}, ${'2026-03-02T02:00:00Z'})`);
    const docRoles: RoleName[] = ['clerk', 'leader', 'specialist'];
    const docReads = (role: RoleName, r: Relation) => docRoles.includes(role) && covers(r);
    const docActs = (roles: RoleName[]) => (role: RoleName, r: Relation) => roles.includes(role) && covers(r);
    const docRoute = (role: RoleName) => docRoles.includes(role);
    add('GET', `${DOC}/settings/:unitId`, [
      {
        label: "U's document settings",
        method: 'GET',
        url: `${DOC}/settings/${unit.id}`,
        allowed: (role, r) => role === 'system-admin' || (([...docRoles, 'unit-admin'] as RoleName[]).includes(role) && covers(r)),
        whenAllowed: 200,
      },
    ]);
    add('PUT', `${DOC}/settings/:unitId`, [
      {
        label: "U's document settings (stale version: 409 after the check)",
        method: 'PUT',
        url: `${DOC}/settings/${unit.id}`,
        body: { issuerAbbreviation: 'TTPV', series: [{ key: 'chung', name: 'Chung', typeCodes: [] }], version: 99 },
        allowed: unitAdminOver,
        whenAllowed: 409,
      },
    ]);
    add('GET', `${DOC}/incoming`, [
      { label: "U's incoming register", method: 'GET', url: `${DOC}/incoming?pageSize=100`, allowed: docRoute, whenAllowed: 200, listed: idIn(registered.id), sees: docReads },
    ]);
    add('POST', `${DOC}/incoming`, [
      {
        label: 'register at U (a date in the future: 400 after the check)',
        method: 'POST',
        url: `${DOC}/incoming`,
        body: { ...incomingInput, issuedOn: '2026-12-31' },
        allowed: docActs(['clerk']),
        whenAllowed: 400,
      },
    ]);
    add('GET', `${DOC}/incoming/:id`, [{ label: 'incoming document of U', method: 'GET', url: `${DOC}/incoming/${registered.id}`, allowed: docReads, whenAllowed: 200 }]);
    add('POST', `${DOC}/incoming/:id/files`, [
      { label: 'files of an incoming document of U', method: 'POST', url: `${DOC}/incoming/${registered.id}/files`, allowed: docActs(['clerk']), whenAllowed: 'skip' },
    ]);
    add('GET', `${DOC}/incoming/:id/lead-candidates`, [
      {
        label: 'lead persons for an incoming document of U',
        method: 'GET',
        url: `${DOC}/incoming/${registered.id}/lead-candidates`,
        allowed: docActs(['leader']),
        whenAllowed: 200,
      },
    ]);
    add('POST', `${DOC}/incoming/:id/assign`, [
      {
        label: 'assign (an unknown lead person: 400 after the check)',
        method: 'POST',
        url: `${DOC}/incoming/${registered.id}/assign`,
        body: { version: 99, leadUserId: randomUUID(), handlingDays: 3 },
        allowed: docActs(['leader']),
        whenAllowed: 400,
      },
    ]);
    add('POST', `${DOC}/incoming/:id/notes`, [
      {
        label: 'note (stale version: 409 after the check)',
        method: 'POST',
        url: `${DOC}/incoming/${assignedDoc.id}/notes`,
        body: { version: 99, text: 'Ghi chú thử nghiệm' },
        allowed: docActs(['specialist', 'leader']),
        whenAllowed: 409,
      },
    ]);
    add('POST', `${DOC}/incoming/:id/close`, [
      {
        label: 'close (stale version: 409 after the check)',
        method: 'POST',
        url: `${DOC}/incoming/${assignedDoc.id}/close`,
        body: { version: 99, outcome: 'done', text: 'Đã xử lý' },
        allowed: docActs(['specialist', 'leader']),
        whenAllowed: 409,
      },
    ]);
    add('GET', `${DOC}/outgoing`, [
      { label: "U's outgoing documents", method: 'GET', url: `${DOC}/outgoing?pageSize=100`, allowed: docRoute, whenAllowed: 200, listed: idIn(draftDoc.id), sees: docReads },
    ]);
    add('POST', `${DOC}/outgoing`, [
      {
        label: 'draft at U (an unknown reply: 400 after the check)',
        method: 'POST',
        url: `${DOC}/outgoing`,
        body: { ...outgoingInput, replyToIncomingId: randomUUID() },
        allowed: docActs(['specialist', 'leader']),
        whenAllowed: 400,
      },
    ]);
    add('GET', `${DOC}/outgoing/:id`, [{ label: 'outgoing document of U', method: 'GET', url: `${DOC}/outgoing/${draftDoc.id}`, allowed: docReads, whenAllowed: 200 }]);
    const { unitId: _docUnit, ...outgoingUpdate } = outgoingInput;
    add('PUT', `${DOC}/outgoing/:id`, [
      {
        label: 'change the draft (stale version: 409 after the check)',
        method: 'PUT',
        url: `${DOC}/outgoing/${draftDoc.id}`,
        body: { ...outgoingUpdate, version: 99 },
        allowed: docActs(['specialist', 'leader']),
        whenAllowed: 409,
      },
    ]);
    add('POST', `${DOC}/outgoing/:id/files`, [
      { label: 'files of a draft of U', method: 'POST', url: `${DOC}/outgoing/${draftDoc.id}/files`, allowed: docActs(docRoles), whenAllowed: 'skip' },
    ]);
    const docStep = (path: string, roles: RoleName[], body: Record<string, unknown>): Probe[] => [
      {
        label: `${path} (stale or wrong state: 409 after the check)`,
        method: 'POST',
        url: `${DOC}/outgoing/${draftDoc.id}/${path}`,
        body: { version: 99, ...body },
        allowed: docActs(roles),
        whenAllowed: 409,
      },
    ];
    add('POST', `${DOC}/outgoing/:id/submit`, docStep('submit', ['specialist', 'leader'], {}));
    add('POST', `${DOC}/outgoing/:id/return`, docStep('return', ['leader'], { note: 'Sửa lại' }));
    add('POST', `${DOC}/outgoing/:id/sign`, docStep('sign', ['leader'], { signerName: 'Lê Văn A', signerPosition: 'Giám đốc', signingPrefix: '' }));
    add('POST', `${DOC}/outgoing/:id/issue`, docStep('issue', ['clerk'], {}));
    add('GET', `${DOC}/files/:fileId`, [
      // The row has no stored object: an allowed reader passes the check and meets FILE_NOT_FOUND.
      { label: 'a file of a document of U (no stored object: 404 after the check)', method: 'GET', url: `${DOC}/files/${docFileId}`, allowed: docReads, whenAllowed: 404 },
    ]);
    add('GET', `${DOC}/books/incoming.xlsx`, [
      { label: "U's incoming book", method: 'GET', url: `${DOC}/books/incoming.xlsx?unitId=${unit.id}&year=2026`, allowed: docReads, whenAllowed: 200 },
    ]);
    add('GET', `${DOC}/books/outgoing.xlsx`, [
      { label: "U's outgoing book", method: 'GET', url: `${DOC}/books/outgoing.xlsx?unitId=${unit.id}&year=2026`, allowed: docReads, whenAllowed: 200 },
    ]);
    add('GET', `${DOC}/indicators`, [{ label: "U's document numbers", method: 'GET', url: `${DOC}/indicators?unitId=${unit.id}`, allowed: docReads, whenAllowed: 200 }]);
  }, 240_000);

  it('has a probe for every unit-scoped route the app registers', () => {
    const scoped = t.app.routeCatalog.filter((r) => r.action !== 'public' && UNIT_SCOPED.some((p) => r.url === p || r.url.startsWith(`${p}/`)));
    const missing = scoped.map((r) => `${r.method} ${r.url}`).filter((k) => !probes.has(k) && !probes.has(k.replace(/\/$/, '')));
    expect(missing).toEqual([]);
    expect(scoped.filter((r) => r.url.startsWith('/api/v1/dossiers')).length).toBeGreaterThanOrEqual(10);
  });

  it('refuses every caller whose grant does not cover the subject, changing nothing; lets the others through', async () => {
    const before = await fingerprint();
    const deferred: Array<{ probe: Probe; caller: (typeof matrixCallers)[number] }> = [];
    let refused = 0;
    let allowedChecked = 0;
    for (const list of probes.values()) {
      for (const probe of list) {
        for (const caller of matrixCallers) {
          const allowed = probe.allowed(caller.role, caller.relation);
          const where = `${caller.role}@${caller.relation} ${probe.method} ${probe.url} (${probe.label})`;
          if (probe.listed) {
            const res = await caller.agent.request(probe.method, probe.url);
            expect(res.statusCode, where).toBe(allowed ? 200 : 403);
            if (allowed) expect(probe.listed(res.json()), where).toBe(probe.sees!(caller.role, caller.relation));
            if (allowed) allowedChecked++;
            else refused++;
            continue;
          }
          if (allowed) {
            if (probe.whenAllowed !== 'skip') deferred.push({ probe, caller });
            continue;
          }
          const res = await caller.agent.request(probe.method, probe.url, probe.body);
          expect(res.statusCode, `${where}: ${res.body.slice(0, 200)}`).toBe(probe.hidden?.(caller.role, caller.relation) ? 404 : 403);
          refused++;
        }
      }
    }
    expect(await fingerprint()).toEqual(before);
    for (const { probe, caller } of deferred) {
      const res = await caller.agent.request(probe.method, probe.url, probe.body);
      const where = `${caller.role}@${caller.relation} ${probe.method} ${probe.url} (${probe.label})`;
      expect(res.statusCode, `${where}: ${res.body.slice(0, 200)}`).toBe(probe.whenAllowed);
      allowedChecked++;
    }
    expect(refused).toBeGreaterThan(300);
    expect(allowedChecked).toBeGreaterThan(60);
  }, 300_000);
});
