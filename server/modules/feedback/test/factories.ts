// Test helpers for feedback: a small province (a TTHC-control unit that takes what nothing routes, a department that
// carries out a procedure, another department, a one-stop centre) with its officers signed in, a portal account, and
// intake and officer actions through the API.
import { randomBytes } from 'node:crypto';
import { createTestApp, TestAgent, type TestApp } from '../../../test/test-app';
import { seedCalendarDemo } from '../../../platform/calendar/store';
import type { FeedbackDetail, FeedbackReceipt } from '../../../../contracts/feedback/feedback.contracts';
import { createCitizen, createOfficer, createOrgUnit, loginAs, randomIp, type TestAccount } from '../../identity/test/factories';
import type { OrgUnitRow } from '../../identity';
import { DOSSIER_TEST_ENV, publishProcedure } from '../../dossiers/test/factories';

/** A short random suffix that keeps names unique across tests sharing a database. */
export const tag = () => randomBytes(3).toString('hex').toUpperCase();

/** Monday 2 March 2026, 09:00 in Hà Nội: a working day of the published 2026 calendar. */
export const MONDAY_9AM = '2026-03-02T02:00:00Z';

type Officer = 'reception' | 'controlSpecialist' | 'controlLeader' | 'specialist' | 'leader' | 'partnerSpecialist' | 'partnerLeader' | 'reform' | 'admin';

export interface FeedbackWorld {
  t: TestApp;
  province: OrgUnitRow;
  /** The province's TTHC-control unit: FEEDBACK_DEFAULT_UNIT. */
  control: OrgUnitRow;
  /** Carries out `procedureCode`. */
  dept: OrgUnitRow;
  /** Another department (transfers go there). */
  partner: OrgUnitRow;
  centre: OrgUnitRow;
  accounts: Record<Officer | 'citizen' | 'otherCitizen', TestAccount>;
  agents: Record<Officer | 'citizen' | 'otherCitizen', TestAgent>;
  /** A procedure in force, carried out by `dept` alone. */
  procedureCode: string;
  procedureName: string;
  procedureField: string;
}

/**
 * A test app whose FEEDBACK_DEFAULT_UNIT names the control unit (created just after, under a code chosen now), with
 * the 2024–2026 calendars published and the clock on MONDAY_9AM.
 */
export async function createFeedbackWorld(env: Record<string, string> = {}): Promise<FeedbackWorld> {
  const controlCode = `KSTT${tag()}`;
  const t = await createTestApp({ env: { ...DOSSIER_TEST_ENV, FEEDBACK_DEFAULT_UNIT: controlCode, ...env } });
  t.clock.set(MONDAY_9AM);
  const db = t.database.db;
  await seedCalendarDemo(t.systemCtx());
  const province = await createOrgUnit(db, { kind: 'province' });
  const control = await createOrgUnit(db, { parent: province, kind: 'department', code: controlCode, name: `Văn phòng UBND tỉnh ${tag()}` });
  const dept = await createOrgUnit(db, { parent: province, kind: 'department', name: `Sở Tư pháp ${tag()}` });
  const partner = await createOrgUnit(db, { parent: province, kind: 'department', name: `Sở Nội vụ ${tag()}` });
  const centre = await createOrgUnit(db, { parent: province, kind: 'service-center', name: `Trung tâm Phục vụ hành chính công ${tag()}` });
  const accounts = {
    reception: await createOfficer(db, 'reception-officer', centre),
    controlSpecialist: await createOfficer(db, 'specialist', control),
    controlLeader: await createOfficer(db, 'leader', control),
    specialist: await createOfficer(db, 'specialist', dept),
    leader: await createOfficer(db, 'leader', dept),
    partnerSpecialist: await createOfficer(db, 'specialist', partner),
    partnerLeader: await createOfficer(db, 'leader', partner),
    reform: await createOfficer(db, 'reform-office', province),
    admin: await createOfficer(db, 'system-admin', province),
    citizen: await createCitizen(db, { displayName: 'Trần Thị Bình' }),
    otherCitizen: await createCitizen(db, { displayName: 'Lê Văn Cường' }),
  };
  const agents = {} as FeedbackWorld['agents'];
  for (const [k, a] of Object.entries(accounts)) agents[k as keyof typeof accounts] = await loginAs(t.app, a);
  const procedureName = `Thủ tục đăng ký khai sinh ${tag()}`;
  const procedureField = `Hộ tịch ${tag()}`;
  const procedureCode = await publishProcedure(t, [dept.id], { name: procedureName, field: procedureField });
  return { t, province, control, dept, partner, centre, accounts, agents, procedureCode, procedureName, procedureField };
}

/** An anonymous browser from its own client address (per-IP limits do not couple tests). */
export function anonymous(w: Pick<FeedbackWorld, 't'>): TestAgent {
  const agent = new TestAgent(w.t.app);
  const ip = randomIp();
  const request = agent.request.bind(agent);
  agent.request = (method, url, body, headers = {}) => request(method, url, body, { 'x-forwarded-for': ip, ...headers });
  return agent;
}

/** A valid portal filing; fields can be overridden. */
export function feedbackBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'Thời hạn cấp bản sao trích lục khai sinh quá dài',
    content: 'Thủ tục cấp bản sao trích lục khai sinh yêu cầu nộp nhiều giấy tờ trùng lặp; đề nghị rút gọn thành phần hồ sơ.',
    sender: { name: 'Nguyễn Văn An', email: 'an.nguyen@example.vn', phone: '0912345678' },
    ...overrides,
  };
}

/** Files through the portal and returns the receipt (throws on any other status). */
export async function file(agent: TestAgent, overrides: Record<string, unknown> = {}): Promise<FeedbackReceipt> {
  const res = await agent.post('/api/v1/feedback', feedbackBody(overrides));
  if (res.statusCode !== 201) throw new Error(`filing failed: ${res.statusCode} ${res.body}`);
  return res.json<FeedbackReceipt>();
}

/** Reads an item as an officer. */
export async function read(agent: TestAgent, id: string): Promise<FeedbackDetail> {
  const res = await agent.get(`/api/v1/feedback/${id}`);
  if (res.statusCode !== 200) throw new Error(`read failed: ${res.statusCode} ${res.body}`);
  return res.json<FeedbackDetail>();
}

/** Posts an officer action on the version the officer sees. */
export async function act(agent: TestAgent, item: Pick<FeedbackDetail, 'id' | 'version'>, action: string, body: Record<string, unknown> = {}) {
  return agent.post(`/api/v1/feedback/${item.id}/${action}`, { version: item.version, ...body });
}

/** An officer action that must succeed; returns the new detail. */
export async function step(agent: TestAgent, item: Pick<FeedbackDetail, 'id' | 'version'>, action: string, body: Record<string, unknown> = {}): Promise<FeedbackDetail> {
  const res = await act(agent, item, action, body);
  if (res.statusCode !== 200) throw new Error(`${action} failed: ${res.statusCode} ${res.body}`);
  return res.json<FeedbackDetail>();
}

/**
 * Files an item about the world's procedure (routed to `dept`), classifies it, drafts and approves an answer; returns
 * the receipt and the answered detail.
 */
export async function answered(
  w: FeedbackWorld,
  overrides: Record<string, unknown> = {},
  answer = 'Sở Tư pháp đã rà soát và sẽ đề xuất cắt giảm thành phần hồ sơ trùng lặp trong quý tới.',
): Promise<{ receipt: FeedbackReceipt; item: FeedbackDetail }> {
  const receipt = await file(anonymous(w), { procedureCode: w.procedureCode, ...overrides });
  let item = await read(w.agents.specialist, receipt.id);
  item = await step(w.agents.specialist, item, 'classify', { kind: 'regulation' });
  item = await step(w.agents.specialist, item, 'answer-draft', { answer });
  item = await step(w.agents.leader, item, 'approve', {});
  return { receipt, item };
}
