// Test helpers for online submissions: the dossiers' test province (a receiving centre, another centre, a handling
// department and their officers), citizen accounts signed in, and procedures offered online.
import type { TestAgent, TestApp } from '../../../test/test-app';
import type { SubmissionDetail } from '../../../../contracts/submissions/submissions.contracts';
import { createCitizen, loginAs, type TestAccount } from '../../identity/test/factories';
import { createDossierWorld, personId, publishProcedure, type DossierWorld } from '../../dossiers/test/factories';

export { personId };

/** The dossiers' world plus two citizens (each signed in) and an online procedure handled by `dept`. */
export interface SubmissionWorld extends DossierWorld {
  citizen: TestAccount;
  citizenAgent: TestAgent;
  otherCitizenAgent: TestAgent;
  /** Offered fully online (toàn trình); two documents to attach (the dossiers factory's). */
  onlineCode: string;
}

export async function createSubmissionWorld(t: TestApp): Promise<SubmissionWorld> {
  const w = await createDossierWorld(t);
  const citizen = await createCitizen(t.database.db, { displayName: 'Nguyễn Văn An' });
  const other = await createCitizen(t.database.db);
  const onlineCode = await publishProcedure(t, [w.dept.id], { onlineMode: 'full' });
  return { ...w, citizen, citizenAgent: await loginAs(t.app, citizen), otherCitizenAgent: await loginAs(t.app, other), onlineCode };
}

/** A complete applicant block (a person). */
export function applicant(overrides: Record<string, unknown> = {}) {
  return { kind: 'person', name: 'Nguyễn Văn An', idNumber: personId(), phone: '0912345678', email: 'an.nguyen@example.vn', address: 'Phường Hạc Thành', ...overrides };
}

/** Starts a draft through the API (throws on any other status). */
export async function startDraft(agent: TestAgent, procedureCode: string, receivingUnitId?: string): Promise<SubmissionDetail> {
  const res = await agent.post('/api/v1/submissions', { procedureCode, ...(receivingUnitId ? { receivingUnitId } : {}) });
  if (res.statusCode !== 201) throw new Error(`start failed: ${res.statusCode} ${res.body}`);
  return res.json<SubmissionDetail>();
}

/** Saves fields of a draft (throws on any other status than 200). */
export async function save(agent: TestAgent, s: Pick<SubmissionDetail, 'id' | 'version'>, body: Record<string, unknown>): Promise<SubmissionDetail> {
  const res = await agent.request('PATCH', `/api/v1/submissions/${s.id}`, { version: s.version, ...body });
  if (res.statusCode !== 200) throw new Error(`save failed: ${res.statusCode} ${res.body}`);
  return res.json<SubmissionDetail>();
}

/** Submits (throws on any other status than 200). */
export async function submit(agent: TestAgent, s: Pick<SubmissionDetail, 'id' | 'version'>): Promise<SubmissionDetail> {
  const res = await agent.post(`/api/v1/submissions/${s.id}/submit`, { version: s.version });
  if (res.statusCode !== 200) throw new Error(`submit failed: ${res.statusCode} ${res.body}`);
  return res.json<SubmissionDetail>();
}

/** The desk's decision (throws on any other status than 200). */
export async function decide(agent: TestAgent, s: Pick<SubmissionDetail, 'id' | 'version'>, body: Record<string, unknown>): Promise<SubmissionDetail> {
  const res = await agent.post(`/api/v1/submissions/desk/${s.id}/decision`, { version: s.version, ...body });
  if (res.statusCode !== 200) throw new Error(`decision failed: ${res.statusCode} ${res.body}`);
  return res.json<SubmissionDetail>();
}

/** A small e-form: the applicant's name (pre-filled from the account) and a birth date not in the future. */
export const TEST_EFORM = {
  formatVersion: 1,
  title: { vi: 'Tờ khai điện tử thử nghiệm' },
  sections: [
    {
      key: 'main',
      title: { vi: 'Thông tin người yêu cầu' },
      fields: [
        { key: 'fullName', type: 'text', label: { vi: 'Họ, chữ đệm, tên' }, required: true, prefill: 'fullName' },
        { key: 'birthDate', type: 'date', label: { vi: 'Ngày sinh' }, required: true, validation: { notFuture: true } },
      ],
    },
  ],
};

/**
 * Amends a published procedure through the catalog's API as the world's administrator: a new version with these
 * required documents, published from `effectiveFrom` (the test's clock must be on or after that day). Returns its id.
 */
export async function amendProcedure(w: SubmissionWorld, code: string, requiredDocuments: unknown[], effectiveFrom: string): Promise<string> {
  const admin = w.agents.admin;
  const current = (await admin.get(`/api/v1/catalog/procedures/${encodeURIComponent(code)}`)).json<{ id: string }>();
  const created = await admin.post(`/api/v1/catalog/admin/procedures/${current.id}/new-version`, {});
  if (created.statusCode !== 201) throw new Error(`new version failed: ${created.statusCode} ${created.body}`);
  const draft = created.json<Record<string, unknown> & { id: string }>();
  const edited = await admin.put(`/api/v1/catalog/admin/procedures/${draft.id}`, { ...draft, implementingUnitIds: [w.dept.id], requiredDocuments });
  if (edited.statusCode !== 200) throw new Error(`edit failed: ${edited.statusCode} ${edited.body}`);
  const published = await admin.post(`/api/v1/catalog/admin/procedures/${draft.id}/publish`, { version: edited.json<{ version: number }>().version, effectiveFrom });
  if (published.statusCode !== 200) throw new Error(`publish failed: ${published.statusCode} ${published.body}`);
  return draft.id;
}

/**
 * A procedure offered fully online whose e-form is the whole application: the counter's paper form and the e-form are
 * one-of alternatives, so an application needs no file (publishProcedure overrides).
 */
export const FORM_ONLY_PROCEDURE = {
  onlineMode: 'full',
  eForm: TEST_EFORM,
  requiredDocuments: [
    { name: 'Tờ khai (nộp trực tiếp)', originals: 1, copies: 0, group: 'form' },
    { name: 'Tờ khai điện tử (nộp trực tuyến)', originals: 1, copies: 0, group: 'form' },
  ],
  documentGroups: [{ key: 'form', kind: 'one-of' }],
};
