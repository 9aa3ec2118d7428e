// Test helpers for dialogues: a small province (a department that organises sessions and also takes unrouted feedback,
// a department that owes commitments, an outside department, a commune) with its officers signed in, a portal account,
// and sessions, questions and answers made through the API.
import { randomBytes } from 'node:crypto';
import { createTestApp, TestAgent, type TestApp } from '../../../test/test-app';
import { seedCalendarDemo } from '../../../platform/calendar/store';
import type { SessionDetail } from '../../../../contracts/dialogues/dialogues.contracts';
import { createCitizen, createOfficer, createOrgUnit, loginAs, randomIp, type TestAccount } from '../../identity/test/factories';
import type { OrgUnitRow } from '../../identity';

const tag = () => randomBytes(3).toString('hex').toUpperCase();

/** Monday 2 March 2026, 09:00 in Hà Nội: a working day of the published 2026 calendar. */
export const MONDAY_9AM = '2026-03-02T02:00:00Z';
/** Sessions sit a week ahead of MONDAY_9AM: Monday 9 March 2026, 08:00 in Hà Nội. */
export const NEXT_MONDAY_8AM = '2026-03-09T08:00:00+07:00';

type Who = 'specialist' | 'leader' | 'ownerSpecialist' | 'ownerLeader' | 'otherSpecialist' | 'reception' | 'reform' | 'citizen';

export interface DialogueWorld {
  t: TestApp;
  province: OrgUnitRow;
  /** Organises the sessions; FEEDBACK_DEFAULT_UNIT, so anonymous feedback lands there. */
  organiser: OrgUnitRow;
  /** Owes commitments. */
  owner: OrgUnitRow;
  /** A unit with no part in the sessions. */
  other: OrgUnitRow;
  accounts: Record<Who, TestAccount>;
  agents: Record<Who, TestAgent>;
}

/** Session lengths and timeouts long enough for tests that move the clock by weeks. */
const LONG_SESSIONS = { SESSION_IDLE_MINUTES: '5000000', SESSION_ABSOLUTE_HOURS: '100000' };

/** A test app with the 2024–2026 calendars published, the clock on MONDAY_9AM, and the world's officers signed in. */
export async function createDialogueWorld(env: Record<string, string> = {}): Promise<DialogueWorld> {
  const organiserCode = `DT${tag()}`;
  const t = await createTestApp({ env: { ...LONG_SESSIONS, FEEDBACK_DEFAULT_UNIT: organiserCode, ...env } });
  t.clock.set(MONDAY_9AM);
  const db = t.database.db;
  await seedCalendarDemo(t.systemCtx());
  const province = await createOrgUnit(db, { kind: 'province' });
  const organiser = await createOrgUnit(db, { parent: province, kind: 'department', code: organiserCode, name: `Văn phòng UBND tỉnh ${tag()}` });
  const owner = await createOrgUnit(db, { parent: province, kind: 'department', name: `Sở Tư pháp ${tag()}` });
  const other = await createOrgUnit(db, { parent: province, kind: 'department', name: `Sở Xây dựng ${tag()}` });
  const accounts: Record<Who, TestAccount> = {
    specialist: await createOfficer(db, 'specialist', organiser),
    leader: await createOfficer(db, 'leader', organiser),
    ownerSpecialist: await createOfficer(db, 'specialist', owner),
    ownerLeader: await createOfficer(db, 'leader', owner),
    otherSpecialist: await createOfficer(db, 'specialist', other),
    reception: await createOfficer(db, 'reception-officer', organiser),
    reform: await createOfficer(db, 'reform-office', province),
    citizen: await createCitizen(db, { displayName: 'Trần Thị Bình' }),
  };
  const agents = {} as Record<Who, TestAgent>;
  for (const [k, a] of Object.entries(accounts)) agents[k as Who] = await loginAs(t.app, a);
  return { t, province, organiser, owner, other, accounts, agents };
}

/** An anonymous browser from its own client address (per-IP limits do not couple tests). */
export function anonymous(w: Pick<DialogueWorld, 't'>): TestAgent {
  const agent = new TestAgent(w.t.app);
  const ip = randomIp();
  const request = agent.request.bind(agent);
  agent.request = (method, url, body, headers = {}) => request(method, url, body, { 'x-forwarded-for': ip, ...headers });
  return agent;
}

/** A valid new session organised by `w.organiser`; fields can be overridden. */
export function sessionBody(w: Pick<DialogueWorld, 'organiser'>, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    level: 'province',
    organisingUnitId: w.organiser.id,
    title: 'Đối thoại với người dân về thủ tục hành chính lĩnh vực tư pháp',
    description: 'Lắng nghe kiến nghị của người dân về lý lịch tư pháp và chứng thực.',
    chairName: 'Lê Minh Khang',
    chairPosition: 'Phó Chủ tịch UBND tỉnh',
    startsAt: NEXT_MONDAY_8AM,
    place: 'Hội trường UBND tỉnh',
    audience: 'citizens',
    ...overrides,
  };
}

/** Posts and expects `status` (200 by default), returning the JSON answer. */
export async function ok<T = SessionDetail>(agent: TestAgent, url: string, body: unknown, status = 200): Promise<T> {
  const res = await agent.post(url, body);
  if (res.statusCode !== status) throw new Error(`POST ${url} failed: ${res.statusCode} ${res.body}`);
  return res.json<T>();
}

/** Reads a session as an officer. */
export async function readSession(agent: TestAgent, id: string): Promise<SessionDetail> {
  const res = await agent.get(`/api/v1/dialogues/sessions/${id}`);
  if (res.statusCode !== 200) throw new Error(`read failed: ${res.statusCode} ${res.body}`);
  return res.json<SessionDetail>();
}

/** Schedules and announces a session (by the organiser's specialist unless `agent` is given); returns its detail. */
export async function announced(w: DialogueWorld, overrides: Record<string, unknown> = {}, agent: TestAgent = w.agents.specialist): Promise<SessionDetail> {
  const created = await ok(agent, '/api/v1/dialogues/sessions', sessionBody(w, overrides), 201);
  return ok(agent, `/api/v1/dialogues/sessions/${created.id}/announce`, { version: created.version });
}

/**
 * An announced session with one officer question, held at its start (the clock set an hour after it, minutes recorded);
 * returns the held detail. The caller puts the clock back when needed.
 */
export async function held(w: DialogueWorld, overrides: Record<string, unknown> = {}): Promise<SessionDetail> {
  const s = await announced(w, overrides);
  await ok(w.agents.specialist, `/api/v1/dialogues/sessions/${s.id}/questions`, { askerName: 'Nguyễn Văn An', text: 'Khi nào cấp phiếu lý lịch tư pháp trực tuyến?' }, 201);
  w.t.clock.set(new Date(new Date(s.startsAt).getTime() + 3_600_000));
  return ok(w.agents.leader, `/api/v1/dialogues/sessions/${s.id}/minutes`, { version: s.version, minutes: 'Buổi đối thoại diễn ra đúng kế hoạch, người dân nêu các câu hỏi.' });
}
