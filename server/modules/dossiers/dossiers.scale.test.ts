// The scale generator (dossiers.scale.ts) on a test database, read back through the real API: queues, detail, public
// lookup, the audit chain, a real intake afterwards, and the same data from the same seed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq, inArray, like, sql } from 'drizzle-orm';
import { createTestApp, TestClock, type TestApp } from '../../test/test-app';
import { seedCalendarDemo } from '../../platform/calendar/store';
import { flushAuditSeal, verifyAuditChain } from '../../platform/audit';
import { vnDateOf } from '../../platform/calendar';
import { DEMO_PASSWORD } from '../demo-accounts';
import { identityModule, identityOrgUnits, type OrgUnitRow } from '../identity';
import { catalogModule } from '../catalog';
import { createOfficer, loginAs } from '../identity/test/factories';
import { PublicLookupSchema, type DossierDetail, type DossierListItem } from '../../../contracts/dossiers/dossiers.contracts';
import { generateDossiers, type GenerateDossiersResult } from './dossiers.scale';
import { dossierEvents, dossierCodeCounters, dossiers, dossierSlipCounters, dossierSlipIssuances, dossierSteps } from './dossiers.tables';
import { refreshOutdatedPublicViews, refreshPublicViews } from './dossiers.public-view';
import { codeDay } from './dossiers.repository';
import { TERMINAL_STATES } from './dossiers.workflow';
import { DOSSIER_TEST_ENV } from './test/factories';

// A Wednesday, 10:00 in Thanh Hóa.
const NOW = new Date('2026-11-25T03:00:00Z');
// A quarter of a year, so that a few dozen of the 300 are still open.
const OPTIONS = { dossiers: 300, seed: 20261125, now: NOW, years: 0.25 } as const;

/** A test app with the demo province (calendar, units and accounts, procedures) and no dossiers yet. */
async function province(): Promise<TestApp> {
  const t = await createTestApp({ env: DOSSIER_TEST_ENV, clock: new TestClock(NOW) });
  await seedCalendarDemo(t.systemCtx());
  await identityModule.seedDemo!(t.systemCtx(), t.host);
  await catalogModule.seedDemo!(t.systemCtx(), t.host);
  return t;
}

let t: TestApp;
let result: GenerateDossiersResult;
beforeAll(async () => {
  t = await province();
  result = await generateDossiers(t.database.db, OPTIONS);
}, 120_000);
afterAll(async () => t?.close());

/** Every n-th row: a sample spread over the whole span, the same on every run. */
const sample = <T>(xs: readonly T[], n: number): T[] => xs.filter((_, i) => i % Math.max(1, Math.floor(xs.length / n)) === 0);

describe('generated dossiers', () => {
  it('have plausible states: most finished, some open, a few late', async () => {
    const states = await t.database.db
      .select({ state: dossiers.state, n: sql<number>`count(*)::int` })
      .from(dossiers)
      .groupBy(dossiers.state);
    const count = Object.fromEntries(states.map((s) => [s.state, Number(s.n)]));
    expect(count).toEqual(result.states);
    expect(result.dossiers).toBe(300);
    const finished = (count.DONE ?? 0) + (count.RETURNED ?? 0);
    const open = 300 - finished - (count.WITHDRAWN ?? 0) - (count.STOPPED ?? 0);
    expect(finished, JSON.stringify(count)).toBeGreaterThan(200);
    expect(open, JSON.stringify(count)).toBeGreaterThan(5);
    expect(result.late).toBeLessThan(finished * 0.15);
    // Rows of every kind the product keeps.
    for (const table of ['dossiers_steps', 'dossiers_events', 'dossiers_pauses', 'dossiers_slip_issuances', 'audit_events']) expect(result.rows[table]).toBeGreaterThan(0);
  });

  it('appear in the demo officers’ own queues exactly as their holder and role say', async () => {
    const db = t.database.db;
    let seen = 0;
    for (const login of ['tiepnhan.tinh', 'tiepnhan.hacthanh', 'chuyenvien.hacthanh', 'lanhdao.hacthanh', 'chuyenvien.stp', 'lanhdao.stp']) {
      const agent = await loginAs(t.app, { login, password: DEMO_PASSWORD });
      const me = (await agent.get('/api/v1/identity/me')).json<{ user: { grants: Array<{ role: string; orgUnitId: string }> } }>();
      const grant = me.user.grants[0]!;
      const [unit] = await db.select({ path: identityOrgUnits.path }).from(identityOrgUnits).where(eq(identityOrgUnits.id, grant.orgUnitId));
      const expected = await db
        .select({ code: dossiers.code })
        .from(dossiers)
        .innerJoin(identityOrgUnits, eq(identityOrgUnits.id, dossiers.holderUnitId))
        .where(and(sql`${dossiers.holderRole} = ${grant.role}`, like(identityOrgUnits.path, `${unit!.path}%`), sql`${dossiers.state} not in ${[...TERMINAL_STATES]}`));
      const res = await agent.get('/api/v1/dossiers?queue=mine&pageSize=100');
      expect(res.statusCode, res.body).toBe(200);
      const queue = res.json<{ items: DossierListItem[]; total: number }>();
      expect(queue.items.map((i) => i.code).sort(), login).toEqual(expected.map((e) => e.code).sort());
      seen += queue.total;
    }
    expect(seen).toBeGreaterThan(0);
  });

  it('open in the detail and are listed whole for the province readers', async () => {
    const db = t.database.db;
    const admin = await loginAs(t.app, { login: 'admin', password: DEMO_PASSWORD });
    expect((await admin.get('/api/v1/dossiers?queue=all&pageSize=1')).json<{ total: number }>().total).toBe(300);
    const rows = await db.select({ id: dossiers.id }).from(dossiers).orderBy(dossiers.receivedAt);
    for (const { id } of sample(rows, 25)) {
      const res = await admin.get(`/api/v1/dossiers/${id}`);
      expect(res.statusCode, res.body).toBe(200);
      const detail = res.json<DossierDetail>();
      const [hops] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(dossierSteps)
        .where(eq(dossierSteps.dossierId, id));
      const [events] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(dossierEvents)
        .where(eq(dossierEvents.dossierId, id));
      expect(detail.hops).toHaveLength(Number(hops!.n));
      expect(detail.timeline).toHaveLength(Number(events!.n));
      expect(detail.timeline[0]!.kind).toBe('intake');
    }
  });

  it('answer the public lookup from views the real renderer would have stored', async () => {
    const db = t.database.db;
    expect(await refreshOutdatedPublicViews(db)).toBe(0);
    const rows = sample(await db.select({ id: dossiers.id, code: dossiers.code }).from(dossiers).orderBy(dossiers.code), 20);
    const stored = [];
    for (const { code } of rows) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/dossiers/lookup/${code}` });
      expect(res.statusCode, res.body).toBe(200);
      const body = PublicLookupSchema.parse(res.json());
      const [pub] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(dossierEvents)
        .innerJoin(dossiers, eq(dossiers.id, dossierEvents.dossierId))
        .where(and(eq(dossiers.code, code), eq(dossierEvents.public, true)));
      expect(body.timeline).toHaveLength(Number(pub!.n));
      stored.push(res.body);
    }
    // Rendered again from what is in the database now: the same bodies.
    expect(
      await refreshPublicViews(
        db,
        rows.map((r) => r.id),
      ),
    ).toBe(rows.length);
    for (const [i, { code }] of rows.entries()) expect((await t.app.inject({ method: 'GET', url: `/api/v1/dossiers/lookup/${code}` })).body).toBe(stored[i]);
  });

  it('leave the audit chain intact and every entry sealed', async () => {
    // The sign-ins of the tests above wrote entries the app seals in the background.
    await flushAuditSeal(t.database.db);
    const report = await verifyAuditChain(t.database.db);
    expect(report.ok).toBe(true);
    expect(report.unsealed).toBe(0);
    expect(report.checked).toBeGreaterThan(result.rows.audit_events!);
  });

  it('leave every counter at its highest number, so a real intake continues without a collision', async () => {
    const db = t.database.db;
    const codes = await db.select({ code: dossiers.code }).from(dossiers);
    const counters = new Map((await db.select().from(dossierCodeCounters)).map((c) => [`${c.agencyCode}-${codeDay(c.day)}`, c.n]));
    for (const { code } of codes) expect(counters.get(code.slice(0, code.lastIndexOf('-')))).toBeGreaterThanOrEqual(Number(code.slice(code.lastIndexOf('-') + 1)));
    const slipCounters = new Map((await db.select().from(dossierSlipCounters)).map((c) => [`${c.unitId}|${c.kind}|${c.year}`, c.n]));
    const books = await db
      .select({ unit: dossiers.receivingUnitId, year: dossiers.bookNumber, max: sql<number>`max(${dossiers.bookSeq})::int`, n: sql<number>`count(*)::int` })
      .from(dossiers)
      .groupBy(dossiers.receivingUnitId, dossiers.bookNumber);
    // Book numbers run 1, 2, 3 … per desk and year, as intake gives them.
    for (const b of books) expect([slipCounters.get(`${b.unit}|book|${b.year}`), Number(b.max)]).toEqual([Number(b.n), Number(b.n)]);
    const slips = await db.select().from(dossierSlipIssuances);
    expect(slips.length).toBeGreaterThan(0);
    const kinds: Record<string, string> = { supplementRequest: 'PBS', stopNotice: 'TB', controlSlip: 'PKS' };
    for (const s of slips) expect(slipCounters.get(`${s.issuerUnitId}|${kinds[s.form]}|${s.year}`)).toBeGreaterThanOrEqual(s.number);

    // A real intake at the desk of the last generated dossier, a minute later, on the same agency's day.
    const [last] = await db.select().from(dossiers).orderBy(desc(dossiers.receivedAt)).limit(1);
    const [unit] = await db.select().from(identityOrgUnits).where(eq(identityOrgUnits.id, last!.receivingUnitId));
    const desk = await loginAs(t.app, await createOfficer(db, 'reception-officer', unit as OrgUnitRow));
    t.clock.set(new Date(last!.receivedAt.getTime() + 60_000));
    const res = await desk.post('/api/v1/dossiers/intake', {
      procedureCode: last!.procedureCode,
      receivingUnitId: last!.receivingUnitId,
      handlingUnitId: last!.handlingUnitId,
      channel: last!.channel,
      applicant: { kind: 'person', name: 'Nguyễn Văn Sau', idNumber: '038090001234', phone: null, email: null, address: null },
      checklist: last!.checklist.map((c) => ({ name: c.name, originals: c.originals, copies: c.copies, presented: c.presented ?? false })),
      feeVnd: 0,
      ...(last!.durationSource === 'officer' ? { duration: { amount: Number(last!.durationAmount), unit: last!.durationUnit } } : {}),
      decision: 'accept',
      note: null,
    });
    t.clock.set(NOW);
    expect(res.statusCode, res.body).toBe(201);
    const fresh = res.json<{ dossier: DossierDetail }>().dossier;
    const prefix = last!.code.slice(0, last!.code.lastIndexOf('-'));
    expect(vnDateOf(new Date(fresh.receivedAt))).toBe(vnDateOf(last!.receivedAt));
    expect(fresh.code).toBe(`${prefix}-${String(counters.get(prefix)! + 1).padStart(4, '0')}`);
    expect(fresh.book).toEqual({ number: last!.bookNumber, seq: slipCounters.get(`${last!.receivingUnitId}|book|${last!.bookNumber}`)! + 1 });
  });

  it('are the same from the same seed', async () => {
    const other = await province();
    try {
      await generateDossiers(other.database.db, { ...OPTIONS, vacuum: false });
      const read = (q: TestApp) =>
        q.database.db
          .select({
            id: dossiers.id,
            code: dossiers.code,
            name: dossiers.applicantName,
            idNumber: dossiers.applicantIdNumber,
            state: dossiers.state,
            receivedAt: dossiers.receivedAt,
            dueAt: dossiers.dueAt,
            version: dossiers.version,
          })
          .from(dossiers)
          .orderBy(dossiers.code);
      const mine = await read(t);
      const theirs = await read(other);
      // The real intake of the previous test is not in the other database.
      expect(theirs).toEqual(mine.filter((d) => d.name !== 'Nguyễn Văn Sau'));
      const names = mine.map((d) => d.name);
      // Some applicants come back (a pool of 1.2 N people): most dossiers still have an applicant of their own.
      expect(new Set(mine.map((d) => d.idNumber)).size).toBeGreaterThan(180);
      expect(names.filter((n) => n.startsWith('Nguyễn ')).length / names.length).toBeGreaterThan(0.25);
      const ids = (
        await t.database.db
          .select({ id: dossiers.applicantIdNumber })
          .from(dossiers)
          .where(inArray(dossiers.applicantKind, ['person']))
      ).map((r) => r.id);
      for (const id of ids) expect(id).toMatch(/^038[0-3]\d{8}$/);
    } finally {
      await other.close();
    }
  }, 120_000);
});
