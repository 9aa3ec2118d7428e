// Issue 13 item 4: every status change of a dossier reaches the national portal in order and exactly once, through
// the durable outbox and its back-off, although the portal (a stand-in started as its own process, checking every field
// of the format) refuses connections, cuts them, answers late and fails for part of the run. Item 5: the administrator's
// view of what was sent, what fails and what waits, with a resend.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/test-app';
import type { ExchangeOutbox } from '../../../contracts/exchange/exchange.contracts';
import { DESK_AND_UNIT_WORKFLOW, DOSSIER_TEST_ENV, createDossierWorld, publishProcedure, receive, step, type DossierWorld } from '../dossiers/test/factories';
import { exchangeConfigOf, feedOutbox, pushOutbox } from '.';
import { exchangeOutbox } from './exchange.tables';
import { spawnStandin, type Standin } from './standin/standin-client';

let standin: Standin;
let t: TestApp;
let w: DossierWorld;
let code: string;

beforeAll(async () => {
  standin = await spawnStandin();
  t = await createTestApp({
    env: { ...DOSSIER_TEST_ENV, DVCQG_URL: `${standin.url}/api`, DVCQG_TOKEN: standin.token, DVCQG_AGENCY_CODE: 'H56', DVCQG_TIMEOUT_MS: '800' },
  });
  w = await createDossierWorld(t);
  // A national procedure code (the portal checks its shape): 2.xxxxxx, unique for this run.
  code = await publishProcedure(t, [w.dept.id], { workflow: DESK_AND_UNIT_WORKFLOW, code: `2.${String(Date.now() % 1_000_000).padStart(6, '0')}` });
}, 60_000);
afterAll(async () => {
  await t?.close();
  await standin?.stop();
});

/** One run of the exchange job, after the feed's lag has passed. */
async function sync() {
  t.clock.advance(11_000);
  const ctx = t.systemCtx();
  await feedOutbox(ctx);
  return pushOutbox(ctx, exchangeConfigOf(ctx.events)!);
}

/** The dossier's public changes as recorded here, in order: what the portal must end up with. */
async function publicStatuses(dossierId: string): Promise<number[]> {
  const rows = await t.database.db.execute<{ status_code: number }>(sql`select status_code from dossiers_events where dossier_id = ${dossierId} and public order by id`);
  return rows.rows.map((r) => Number(r.status_code));
}

const outboxOf = async (dossierId: string) => t.database.db.select().from(exchangeOutbox).where(eq(exchangeOutbox.dossierId, dossierId)).orderBy(asc(exchangeOutbox.id));

describe('pushing status changes to the national portal', () => {
  it('delivers every change in order exactly once through refusals, cut connections, lost answers and errors', async () => {
    t.clock.set('2026-03-02T02:00:00Z');
    let d = await receive(w, { procedureCode: code });
    const first = await sync();
    expect(first, JSON.stringify(await outboxOf(d.id))).toMatchObject({ sent: 1 });

    // The portal refuses connections: the change waits with back-off; the next one queues behind it.
    await standin.control.behaviour({ mode: 'refuse', forMs: 60_000 });
    d = await step(w.agents.reception, d, { transition: 'forward' });
    const refused = await sync();
    expect(refused).toMatchObject({ sent: 0, failed: 1 });
    d = await step(w.agents.specialist, d, { transition: 'forward' });
    await sync();
    const waiting = await outboxOf(d.id);
    expect(waiting.map((r) => r.state)).toEqual(['sent', 'pending', 'pending']);
    expect(waiting[1]!.attempts).toBe(1);
    expect(waiting[1]!.lastError).toMatch(/DongBoHoSoMC/);
    expect(waiting[2]!.attempts).toBe(0);

    // It cuts connections: another failure, a longer back-off.
    await standin.control.behaviour({ mode: 'down' });
    t.clock.advance(30_000);
    await sync();
    expect((await outboxOf(d.id))[1]!.attempts).toBe(2);

    // Back: after the back-off both changes go in one batch, in order.
    await standin.control.behaviour({ mode: 'normal' });
    t.clock.advance(60_000);
    expect((await sync()).sent).toBe(2);

    // It records the next change but answers too late: the retry finds it there and nothing is recorded twice.
    await standin.control.behaviour({ mode: 'slow', delayMs: 2_000 });
    d = await step(w.agents.leader, d, { transition: 'approve' });
    expect((await sync()).failed).toBe(1);
    await standin.control.behaviour({ mode: 'normal' });
    t.clock.advance(60_000);
    expect((await sync()).sent).toBe(1);

    // It fails with an error code: retried until it answers.
    await standin.control.behaviour({ mode: 'error', errorCode: '99' });
    d = await step(w.agents.reception, d, { transition: 'return-result', method: 'desk', receivedBy: 'Nguyễn Văn An' });
    await sync();
    expect((await outboxOf(d.id)).at(-1)!.lastError).toMatch(/99/);
    await standin.control.behaviour({ mode: 'normal' });
    t.clock.advance(60_000);
    await sync();

    const rows = await outboxOf(d.id);
    expect(rows.every((r) => r.state === 'sent')).toBe(true);
    const expected = await publicStatuses(d.id);
    expect(expected.at(-1)).toBe(10);
    const log = await standin.control.log();
    const received = log.dossiers[d.code]!;
    // Every progress entry once, in the order the dossier went through them.
    expect(received.progress.map((p) => p.TrangThai)).toEqual(expected);
    expect(received.statuses.at(-1)).toBe(10);
    // The dossier record only ever moved forward.
    expect([...received.statuses].sort((a, b) => a - b)).toEqual(received.statuses);
    expect(log.rejected.filter((r) => r.maHoSo === d.code)).toEqual([]);
  }, 60_000);
});

describe("the administrator's view", () => {
  it('lists sent, waiting and failing changes; a resend clears the back-off; only administrators see it', async () => {
    t.clock.set('2026-03-03T02:00:00Z');
    await standin.control.behaviour({ mode: 'error', errorCode: '-1' });
    const d = await receive(w, { procedureCode: code });
    await sync();
    const failing = (await w.agents.admin.get(`/api/v1/exchange/outbox?state=failing&dossier=${encodeURIComponent(d.code)}`)).json<ExchangeOutbox>();
    expect(failing.enabled).toBe(true);
    expect(failing.items).toHaveLength(1);
    expect(failing.items[0]).toMatchObject({ dossierCode: d.code, state: 'failing', attempts: 1 });
    expect(failing.counts.failing).toBeGreaterThanOrEqual(1);
    expect((await w.agents.reception.get('/api/v1/exchange/outbox')).statusCode).toBe(403);
    expect((await w.agents.reception.post(`/api/v1/exchange/outbox/${failing.items[0]!.id}/resend`, {})).statusCode).toBe(403);

    await standin.control.behaviour({ mode: 'normal' });
    // Still in its back-off: a push now sends nothing; a resend makes it due at once.
    expect((await pushOutbox(t.systemCtx(), exchangeConfigOf(t.systemCtx().events)!)).sent).toBe(0);
    const resent = await w.agents.admin.post(`/api/v1/exchange/outbox/${failing.items[0]!.id}/resend`, {});
    expect(resent.statusCode, resent.body).toBe(200);
    expect((await pushOutbox(t.systemCtx(), exchangeConfigOf(t.systemCtx().events)!)).sent).toBe(1);
    const sent = (await w.agents.admin.get(`/api/v1/exchange/outbox?dossier=${encodeURIComponent(d.code)}`)).json<ExchangeOutbox>();
    expect(sent.items[0]).toMatchObject({ state: 'sent', nextAttemptAt: null });
    expect((await w.agents.admin.post(`/api/v1/exchange/outbox/${sent.items[0]!.id}/resend`, {})).statusCode).toBe(409);
    const audit = await t.database.db.execute<{ n: number }>(sql`select count(*)::int as n from audit_events where action = 'exchange.outbox.resend' and subject_id = ${d.id}`);
    expect(audit.rows[0]!.n).toBe(1);
  });
});
