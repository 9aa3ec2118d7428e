// The demo's registers (documents.seed.ts): Sở Tư pháp's three incoming documents (awaiting, assigned to chuyenvien.stp
// with a deadline, done), its issued công văn to Phường Hạc Thành, and the ward's internal arrival; once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app';
import type { IncomingList, OutgoingList } from '../../../contracts/documents/documents.contracts';
import { calendarModule } from '../../platform/calendar/store';
import { DEMO_PASSWORD } from '../demo-accounts';
import { identityModule } from '../identity';
import { loginAs } from '../identity/test/factories';
import { seedDocumentsDemo } from './documents.seed';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  // Monday 7 December 2026, 09:00 in Hà Nội.
  t.clock.set('2026-12-07T02:00:00Z');
  await calendarModule.seedDemo!(t.systemCtx(), t.host);
  await identityModule.seedDemo!(t.systemCtx(), t.host);
  await seedDocumentsDemo(t.systemCtx());
}, 240_000);
afterAll(async () => t?.close());

describe('documents demo seed', () => {
  it("gives Sở Tư pháp's clerk its registers and the ward's clerk an internal arrival, once", async () => {
    const clerk = await loginAs(t.app, { login: 'vanthu.stp', password: DEMO_PASSWORD });
    const incoming = (await clerk.get('/api/v1/documents/incoming')).json<IncomingList>();
    expect(incoming.items.map((i) => i.state).sort()).toEqual(['ASSIGNED', 'DONE', 'REGISTERED']);
    const outgoing = (await clerk.get('/api/v1/documents/outgoing')).json<OutgoingList>();
    expect(outgoing.items).toHaveLength(1);
    expect(outgoing.items[0]).toMatchObject({ state: 'ISSUED', numberSymbol: '01/STP-HCTP' });
    const specialist = await loginAs(t.app, { login: 'chuyenvien.stp', password: DEMO_PASSWORD });
    const mine = (await specialist.get('/api/v1/documents/incoming?assignedToMe=true')).json<IncomingList>();
    expect(mine.items.map((i) => i.state)).toContain('ASSIGNED');
    const ward = await loginAs(t.app, { login: 'vanthu.hacthanh', password: DEMO_PASSWORD });
    const arrivals = (await ward.get('/api/v1/documents/incoming')).json<IncomingList>();
    expect(arrivals.items).toHaveLength(1);
    expect(arrivals.items[0]).toMatchObject({ receivedVia: 'internal', arrivalNumber: 1, numberSymbol: '01/STP-HCTP' });
    await seedDocumentsDemo(t.systemCtx());
    expect((await clerk.get('/api/v1/documents/outgoing')).json<OutgoingList>().total).toBe(1);
  });
});
