// Test helpers for plans: a small province (the lead department, a partner department, a department outside the plan's
// tasks) with its officers signed in — the province's reform office, the lead unit's specialist and leader, another
// unit's specialist — and a plan made through the API.
import { randomBytes } from 'node:crypto';
import { createTestApp, type TestAgent, type TestApp } from '../../../test/test-app';
import { seedCalendarDemo } from '../../../platform/calendar/store';
import type { PlanDetail } from '../../../../contracts/plans/plans.contracts';
import { createOfficer, createOrgUnit, loginAs, type TestAccount } from '../../identity/test/factories';
import type { OrgUnitRow } from '../../identity';

const tag = () => randomBytes(3).toString('hex').toUpperCase();

/** Monday 2 March 2026, 09:00 in Hà Nội: a working day of the published 2026 calendar. */
export const MONDAY_9AM = '2026-03-02T02:00:00Z';

type Who = 'reform' | 'leadSpecialist' | 'leadLeader' | 'otherSpecialist' | 'elsewhereReform';

export interface PlanWorld {
  t: TestApp;
  province: OrgUnitRow;
  lead: OrgUnitRow;
  partner: OrgUnitRow;
  other: OrgUnitRow;
  accounts: Record<Who, TestAccount>;
  agents: Record<Who, TestAgent>;
}

/** A test app with the 2024–2026 calendars published, the clock on MONDAY_9AM, and the world's officers signed in. */
export async function createPlanWorld(): Promise<PlanWorld> {
  const t = await createTestApp({ env: { SESSION_IDLE_MINUTES: '5000000', SESSION_ABSOLUTE_HOURS: '100000' } });
  t.clock.set(MONDAY_9AM);
  const db = t.database.db;
  await seedCalendarDemo(t.systemCtx());
  const province = await createOrgUnit(db, { kind: 'province' });
  const lead = await createOrgUnit(db, { parent: province, kind: 'department', name: `Sở Tư pháp ${tag()}` });
  const partner = await createOrgUnit(db, { parent: province, kind: 'department', name: `Sở Nội vụ ${tag()}` });
  const other = await createOrgUnit(db, { parent: province, kind: 'department', name: `Sở Xây dựng ${tag()}` });
  const accounts: Record<Who, TestAccount> = {
    reform: await createOfficer(db, 'reform-office', province),
    leadSpecialist: await createOfficer(db, 'specialist', lead),
    leadLeader: await createOfficer(db, 'leader', lead),
    otherSpecialist: await createOfficer(db, 'specialist', other),
    // Another province's reform office: it manages nothing here.
    elsewhereReform: await createOfficer(db, 'reform-office', await createOrgUnit(db, { kind: 'province' })),
  };
  const agents = {} as Record<Who, TestAgent>;
  for (const [k, a] of Object.entries(accounts)) agents[k as Who] = await loginAs(t.app, a);
  return { t, province, lead, partner, other, accounts, agents };
}

/** POSTs and expects `status`, returning the plan view. */
export async function ok(agent: TestAgent, url: string, body: unknown, status = 200): Promise<PlanDetail> {
  const res = await agent.post(url, body);
  if (res.statusCode !== status) throw new Error(`POST ${url} failed: ${res.statusCode} ${res.body}`);
  return res.json<PlanDetail>();
}

/** A task's body with the world's lead and partner units. */
export const taskInput = (w: PlanWorld, over: Record<string, unknown> = {}) => ({
  title: 'Rà soát, đơn giản hóa thủ tục hành chính lĩnh vực tư pháp',
  area: 'procedures',
  leadUnitId: w.lead.id,
  partnerUnitIds: [w.partner.id],
  deadline: '2026-06-30',
  outputProduct: 'Quyết định phê duyệt phương án đơn giản hóa',
  ...over,
});

/** A plan of the province for 2026 with `tasks` added through the API. */
export async function planWith(w: PlanWorld, tasks: Array<Record<string, unknown>>): Promise<PlanDetail> {
  let plan = await ok(w.agents.reform, '/api/v1/plans', { year: 2026, level: 'province', ownerUnitId: w.province.id, title: 'Kế hoạch CCHC năm 2026' }, 201);
  for (const over of tasks) plan = await ok(w.agents.reform, `/api/v1/plans/${plan.id}/tasks`, { version: plan.version, ...taskInput(w, over) }, 201);
  return plan;
}
