// The demo's reform plan (plans.seed.ts): UBND tỉnh Thanh Hóa's plan of the year with ten tasks across the areas, two
// done, one reported, one overdue, shown to the demo reform office (caicach.snv at Sở Nội vụ); once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app';
import type { PlanDetail } from '../../../contracts/plans/plans.contracts';
import { calendarModule } from '../../platform/calendar/store';
import { DEMO_PASSWORD } from '../demo-accounts';
import { identityModule } from '../identity';
import { loginAs } from '../identity/test/factories';
import { plansPlans } from './plans.tables';
import { seedPlansDemo } from './plans.seed';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  // A demo started on Monday 7 December 2026, 09:00 in Hà Nội.
  t.clock.set('2026-12-07T02:00:00Z');
  await calendarModule.seedDemo!(t.systemCtx(), t.host);
  await identityModule.seedDemo!(t.systemCtx(), t.host);
  await seedPlansDemo(t.systemCtx());
}, 240_000);
afterAll(async () => t?.close());

describe('plans demo seed', () => {
  it('shows the reform office the province plan: 2 of 10 done, one reported, one overdue', async () => {
    const [row] = await t.database.db.select().from(plansPlans);
    const office = await loginAs(t.app, { login: 'caicach.snv', password: DEMO_PASSWORD });
    const res = await office.get(`/api/v1/plans/${row!.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const plan = res.json<PlanDetail>();
    expect(plan).toMatchObject({ year: 2026, level: 'province', ownerUnit: { code: 'H56' } });
    expect(plan.counts.overall).toEqual({ done: 2, total: 10 });
    expect(new Set(plan.tasks.map((x) => x.area)).size).toBe(7);
    expect(plan.tasks.filter((x) => x.state === 'REPORTED')).toHaveLength(1);
    expect(plan.tasks.filter((x) => x.overdue).map((x) => x.area)).toEqual(['procedures']);
    expect(plan.atRisk.length).toBeGreaterThanOrEqual(1);
    expect(plan.tasks.find((x) => x.state === 'REPORTED')!.actions).toEqual(['accept', 'send-back']);
  });

  it('runs once', async () => {
    await seedPlansDemo(t.systemCtx());
    expect(await t.database.db.select().from(plansPlans)).toHaveLength(1);
  });
});
