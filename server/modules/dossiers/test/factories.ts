// Test helpers for dossiers: a small province with a receiving centre, a handling department and its officers,
// published procedures, and intake through the API. Organisation and procedures come from the kernel's factories.
import { randomBytes } from 'node:crypto';
import type { TestApp, TestAgent } from '../../../test/test-app';
import { seedCalendarDemo } from '../../../platform/calendar/store';
import type { DossierDetail } from '../../../../contracts/dossiers/dossiers.contracts';
import { createOfficer, createOrgUnit, loginAs, type TestAccount } from '../../identity/test/factories';
import type { OrgUnitRow } from '../../identity';
import { createPublished, procedureInput } from '../../catalog/test/factories';

const tag = () => randomBytes(3).toString('hex');
let idSeq = 0;

/** Test-app settings for dossier tests: sessions outlive the days the tests move the clock across. */
export const DOSSIER_TEST_ENV = { SESSION_IDLE_MINUTES: '5000000', SESSION_ABSOLUTE_HOURS: '100000' };

/** A unique, valid 12-digit personal ID number. */
export function personId(): string {
  idSeq = (idSeq + 1) % 1000;
  return `0${String(Date.now() % 1e8).padStart(8, '0')}${String(idSeq).padStart(3, '0')}`;
}

/** Officers of the test province, each signed in. */
export interface DossierWorld {
  province: OrgUnitRow;
  centre: OrgUnitRow;
  otherCentre: OrgUnitRow;
  dept: OrgUnitRow;
  division: OrgUnitRow;
  partner: OrgUnitRow;
  accounts: Record<'reception' | 'otherReception' | 'specialist' | 'leader' | 'partnerSpecialist' | 'outsider' | 'admin' | 'reform', TestAccount>;
  agents: Record<'reception' | 'otherReception' | 'specialist' | 'leader' | 'partnerSpecialist' | 'outsider' | 'admin' | 'reform', TestAgent>;
  /** Code of a published procedure (5 working days for every channel, default 4-step workflow) handled by `dept`. */
  procedureCode: string;
}

/** Desk receives, the implementing unit's specialist examines and its leader approves, the desk returns the result. */
export const DESK_AND_UNIT_WORKFLOW = [
  { name: 'Tiếp nhận hồ sơ', unitRef: 'receiving-centre', role: 'reception-officer', budgetMinutes: 240 },
  { name: 'Thẩm định', unitRef: 'implementing-unit', role: 'specialist', budgetMinutes: 960 },
  { name: 'Phê duyệt', unitRef: 'implementing-unit', role: 'leader', budgetMinutes: 480 },
  { name: 'Trả kết quả', unitRef: 'receiving-centre', role: 'reception-officer', budgetMinutes: 480 },
];

/** Publishes a procedure handled by `units` (default: 5 working days for every channel). */
export async function publishProcedure(t: TestApp, units: string[], overrides: Record<string, unknown> = {}): Promise<string> {
  const code = `9.${Date.now() % 1_000_000}.${tag()}`;
  const version = await createPublished(
    t.systemCtx(),
    {
      code,
      implementingUnitIds: units,
      processingTimes: [{ channel: 'any', amount: 5, unit: 'working-days', raw: '05 ngày làm việc' }],
      requiredDocuments: [
        { name: 'Tờ khai theo mẫu', originals: 1, copies: 0 },
        { name: 'Bản sao giấy tờ tùy thân', originals: 0, copies: 1 },
      ],
      ...overrides,
    },
    '2025-07-01',
  );
  return version.code;
}

/**
 * Builds the test province (units with unique codes) and signs everyone in. Publishes the 2024–2026 calendar when
 * the test database has none.
 */
export async function createDossierWorld(t: TestApp): Promise<DossierWorld> {
  const db = t.database.db;
  await seedCalendarDemo(t.systemCtx());
  const province = await createOrgUnit(db, { kind: 'province' });
  const centre = await createOrgUnit(db, { parent: province, kind: 'service-center', name: `Trung tâm Phục vụ hành chính công ${tag()}` });
  const otherCentre = await createOrgUnit(db, { parent: province, kind: 'service-center' });
  const dept = await createOrgUnit(db, { parent: province, kind: 'department', name: `Sở Tư pháp ${tag()}` });
  const division = await createOrgUnit(db, { parent: dept, kind: 'division' });
  const partner = await createOrgUnit(db, { parent: province, kind: 'department', name: `Sở Tài chính ${tag()}` });
  const unrelated = await createOrgUnit(db, { kind: 'province' });
  const accounts = {
    reception: await createOfficer(db, 'reception-officer', centre),
    otherReception: await createOfficer(db, 'reception-officer', otherCentre),
    // The department's dossiers are worked by those holding the role on the department (D11), not on a division of it.
    specialist: await createOfficer(db, 'specialist', dept),
    leader: await createOfficer(db, 'leader', dept),
    partnerSpecialist: await createOfficer(db, 'specialist', partner),
    outsider: await createOfficer(db, 'specialist', unrelated),
    admin: await createOfficer(db, 'system-admin', province),
    reform: await createOfficer(db, 'reform-office', province),
  };
  const agents = {} as DossierWorld['agents'];
  for (const [k, a] of Object.entries(accounts)) agents[k as keyof typeof accounts] = await loginAs(t.app, a);
  const procedureCode = await publishProcedure(t, [dept.id]);
  return { province, centre, otherCentre, dept, division, partner, accounts, agents, procedureCode };
}

/**
 * Fields to override in an intake body: any field of any decision, or none of them (a test may send what the contract
 * refuses, or another decision's field, which the contract drops).
 */
type IntakeOverrides = Record<string, unknown>;

/** A valid accept-intake body at the world's centre; fields can be overridden. */
export function intakeBody(w: DossierWorld, overrides: IntakeOverrides = {}): Record<string, unknown> {
  return {
    procedureCode: w.procedureCode,
    receivingUnitId: w.centre.id,
    channel: 'direct',
    applicant: { kind: 'person', name: 'Nguyễn Văn An', idNumber: personId(), phone: '0912345678', email: 'an.nguyen@example.vn', address: 'Phường Hạc Thành' },
    checklist: [
      { name: 'Tờ khai theo mẫu', originals: 1, copies: 0 },
      { name: 'Bản sao giấy tờ tùy thân', originals: 0, copies: 1 },
    ],
    feeVnd: 0,
    decision: 'accept',
    ...overrides,
  };
}

/** Receives a dossier through the API and returns its detail (throws on any other status). */
export async function receive(w: DossierWorld, overrides: IntakeOverrides = {}, agent: TestAgent = w.agents.reception): Promise<DossierDetail> {
  const res = await agent.post('/api/v1/dossiers/intake', intakeBody(w, overrides));
  if (res.statusCode !== 201) throw new Error(`intake failed: ${res.statusCode} ${res.body}`);
  return res.json().dossier as DossierDetail;
}

/** Posts a transition and returns the response. */
export function transition(agent: TestAgent, d: Pick<DossierDetail, 'id' | 'version'>, body: Record<string, unknown>) {
  return agent.post(`/api/v1/dossiers/${d.id}/transitions`, { expectedVersion: d.version, ...body });
}

/** Posts a transition that must succeed; returns the new detail. */
export async function step(agent: TestAgent, d: Pick<DossierDetail, 'id' | 'version'>, body: Record<string, unknown>): Promise<DossierDetail> {
  const res = await transition(agent, d, body);
  if (res.statusCode !== 200) throw new Error(`${String(body.transition)} failed: ${res.statusCode} ${res.body}`);
  return res.json<DossierDetail>();
}

export { procedureInput };
export { bookRowCode, insertBookRows, type BookRowsInput } from './book-rows';
