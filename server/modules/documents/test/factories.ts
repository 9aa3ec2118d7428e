// Test helpers for documents: a body (a department) with a division, a recipient commune and an outside department,
// their clerks, leaders and specialists signed in, and documents made through the API.
import { randomBytes } from 'node:crypto';
import { createTestApp, type TestAgent, type TestApp } from '../../../test/test-app';
import { seedCalendarDemo } from '../../../platform/calendar/store';
import type { IncomingDetail, OutgoingDetail } from '../../../../contracts/documents/documents.contracts';
import { createOfficer, createOrgUnit, loginAs, type TestAccount } from '../../identity/test/factories';
import type { OrgUnitRow } from '../../identity';

const tag = () => randomBytes(3).toString('hex').toUpperCase();

/** Monday 2 March 2026, 09:00 in Hà Nội: a working day of the published 2026 calendar. */
export const MONDAY_9AM = '2026-03-02T02:00:00Z';

type Who = 'clerk' | 'leader' | 'specialist' | 'divisionSpecialist' | 'wardClerk' | 'wardLeader' | 'otherClerk' | 'otherLeader' | 'admin';

export interface DocumentWorld {
  t: TestApp;
  province: OrgUnitRow;
  body: OrgUnitRow;
  division: OrgUnitRow;
  ward: OrgUnitRow;
  other: OrgUnitRow;
  accounts: Record<Who, TestAccount>;
  agents: Record<Who, TestAgent>;
}

const LONG_SESSIONS = { SESSION_IDLE_MINUTES: '5000000', SESSION_ABSOLUTE_HOURS: '100000' };

/** A test app with the calendars published, the clock on MONDAY_9AM, settings saved (STP, its division VP, the ward UBND). */
export async function createDocumentWorld(): Promise<DocumentWorld> {
  const t = await createTestApp({ env: LONG_SESSIONS });
  t.clock.set(MONDAY_9AM);
  const db = t.database.db;
  await seedCalendarDemo(t.systemCtx());
  const province = await createOrgUnit(db, { kind: 'province' });
  const body = await createOrgUnit(db, { parent: province, kind: 'department', name: `Sở Tư pháp ${tag()}` });
  const division = await createOrgUnit(db, { parent: body, kind: 'division', name: `Văn phòng Sở ${tag()}` });
  const ward = await createOrgUnit(db, { parent: province, kind: 'commune', name: `Phường Hạc Thành ${tag()}` });
  const other = await createOrgUnit(db, { parent: province, kind: 'department', name: `Sở Xây dựng ${tag()}` });
  const accounts: Record<Who, TestAccount> = {
    clerk: await createOfficer(db, 'clerk', body),
    leader: await createOfficer(db, 'leader', body),
    specialist: await createOfficer(db, 'specialist', body),
    divisionSpecialist: await createOfficer(db, 'specialist', division),
    wardClerk: await createOfficer(db, 'clerk', ward),
    wardLeader: await createOfficer(db, 'leader', ward),
    otherClerk: await createOfficer(db, 'clerk', other),
    otherLeader: await createOfficer(db, 'leader', other),
    admin: await createOfficer(db, 'system-admin', province),
  };
  const agents = {} as Record<Who, TestAgent>;
  for (const [k, a] of Object.entries(accounts)) agents[k as Who] = await loginAs(t.app, a);
  const w = { t, province, body, division, ward, other, accounts, agents };
  await settings(w, body.id, 'STP', [
    { key: 'chung', name: 'Chung', typeCodes: [] },
    { key: 'qd', name: 'Quyết định', typeCodes: ['QD'] },
  ]);
  await settings(w, division.id, 'VP');
  await settings(w, ward.id, 'UBND');
  await settings(w, other.id, 'SXD');
  return w;
}

/** Saves a unit's settings as the system administrator. */
export async function settings(w: DocumentWorld, unitId: string, abbreviation: string, series = [{ key: 'chung', name: 'Chung', typeCodes: [] as string[] }]): Promise<void> {
  const current = (await w.agents.admin.get(`/api/v1/documents/settings/${unitId}`)).json<{ version: number }>();
  const res = await w.agents.admin.put(`/api/v1/documents/settings/${unitId}`, { issuerAbbreviation: abbreviation, series, version: current.version });
  if (res.statusCode !== 200) throw new Error(`settings failed: ${res.statusCode} ${res.body}`);
}

/** Posts and expects `status` (200 by default), returning the JSON answer. */
export async function ok<T>(agent: TestAgent, url: string, body: unknown, status = 200): Promise<T> {
  const res = await agent.post(url, body);
  if (res.statusCode !== status) throw new Error(`POST ${url} failed: ${res.statusCode} ${res.body}`);
  return res.json<T>();
}

/** A valid incoming registration at `unitId`; fields can be overridden. */
export function incomingBody(unitId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    unitId,
    receivedVia: 'paper',
    senderName: 'Ủy ban nhân dân tỉnh Thanh Hóa',
    senderCode: 'H56',
    numberSymbol: '125/UBND-VP',
    issuedOn: '2026-02-27',
    typeCode: 'CV',
    subject: 'Về việc triển khai cấp phiếu lý lịch tư pháp trực tuyến',
    urgency: 'normal',
    confidentiality: 'normal',
    ...overrides,
  };
}

export const registerAt = (w: DocumentWorld, overrides: Record<string, unknown> = {}, agent = w.agents.clerk, unitId = w.body.id) =>
  ok<IncomingDetail>(agent, '/api/v1/documents/incoming', incomingBody(unitId, overrides), 201);

/** A draft of the body written by its specialist; fields can be overridden. */
export function outgoingBody(w: DocumentWorld, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    unitId: w.body.id,
    draftingUnitId: w.body.id,
    typeCode: 'QD',
    subject: 'Quyết định ban hành quy trình nội bộ giải quyết thủ tục hành chính',
    urgency: 'normal',
    confidentiality: 'normal',
    recipients: { unitIds: [], external: [] },
    ...overrides,
  };
}

/** A draft taken to SIGNED (created and submitted by the specialist, signed by the leader). */
export async function signed(w: DocumentWorld, overrides: Record<string, unknown> = {}): Promise<OutgoingDetail> {
  const O = '/api/v1/documents/outgoing';
  const draft = await ok<OutgoingDetail>(w.agents.specialist, O, outgoingBody(w, overrides), 201);
  const submitted = await ok<OutgoingDetail>(w.agents.specialist, `${O}/${draft.id}/submit`, { version: draft.version });
  return ok<OutgoingDetail>(w.agents.leader, `${O}/${submitted.id}/sign`, {
    version: submitted.version,
    signerName: 'Đỗ Thị Hương',
    signerPosition: 'Giám đốc',
    signingPrefix: '',
  });
}

/** Issues a signed document as the clerk. */
export const issue = (w: DocumentWorld, d: OutgoingDetail) => ok<OutgoingDetail>(w.agents.clerk, `/api/v1/documents/outgoing/${d.id}/issue`, { version: d.version });
