// Issue 13 item 1: exemptions and reductions of fees are data of the catalogue version (who, how much off, on what
// basis); the desk, having checked the applicant's proof, names the one that applies when it receives an online
// application, and the fee awaited online is reduced by its share — or nothing is awaited when the applicant is exempt.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/test-app';
import type { DossierPayments } from '../../../contracts/payments/payments.contracts';
import type { SubmissionDetail } from '../../../contracts/submissions/submissions.contracts';
import type { ProcedureVersion } from '../../../contracts/catalog/catalog.contracts';
import { DOSSIER_TEST_ENV, procedureInput, publishProcedure } from '../dossiers/test/factories';
import { applicant, createSubmissionWorld, decide, FORM_ONLY_PROCEDURE, save, startDraft, submit, type SubmissionWorld } from './test/factories';

let t: TestApp;
let w: SubmissionWorld;
let code: string;
const FEE = 10_001;

const EXEMPTIONS = [
  { key: 'ho-ngheo', subject: 'Hộ nghèo', percent: 100, basis: 'Điều 4 Thông tư 75/2022/TT-BTC' },
  { key: 'nguoi-cao-tuoi', subject: 'Người cao tuổi', percent: 50, basis: null },
];

beforeAll(async () => {
  t = await createTestApp({ env: DOSSIER_TEST_ENV });
  w = await createSubmissionWorld(t);
  code = await publishProcedure(t, [w.dept.id], {
    ...FORM_ONLY_PROCEDURE,
    fees: [{ channel: 'online', amountVnd: FEE, text: 'Trực tuyến: 10.001 đồng' }],
    feeDue: 'before-processing',
    feeExemptions: EXEMPTIONS,
  });
});
afterAll(async () => t?.close());

async function submitted(): Promise<SubmissionDetail> {
  const draft = await startDraft(w.citizenAgent, code, w.centre.id);
  return submit(w.citizenAgent, await save(w.citizenAgent, draft, { applicant: applicant(), answers: { fullName: 'Nguyễn Văn An', birthDate: '1990-05-01' } }));
}

async function paymentsOf(accepted: SubmissionDetail): Promise<DossierPayments> {
  const mine = (await w.citizenAgent.get(`/api/v1/submissions/${accepted.id}`)).json<SubmissionDetail>();
  return (await w.citizenAgent.get(`/api/v1/citizen/dossiers/${mine.dossier!.id}/payments`)).json<DossierPayments>();
}

describe('fee exemptions and reductions', () => {
  it('are part of the published version, as entered', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/catalog/procedures/${code}` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<ProcedureVersion>().feeExemptions).toEqual(EXEMPTIONS);
  });

  it('a reduction lowers the fee awaited online, rounded to the đồng, and says why', async () => {
    const p = await paymentsOf(await decide(w.agents.reception, await submitted(), { decision: 'accept', feeExemption: 'nguoi-cao-tuoi' }));
    expect(p.due).toMatchObject({ amountVnd: 5_001, payableOnline: true });
    expect(p.due!.reason).toContain('giảm 50%');
    expect(p.due!.reason).toContain('Người cao tuổi');
  });

  it('an exemption awaits nothing: the dossier goes straight to processing', async () => {
    const p = await paymentsOf(await decide(w.agents.reception, await submitted(), { decision: 'accept', feeExemption: 'ho-ngheo' }));
    expect(p.due).toBeNull();
  });

  it('without one the full fee is awaited; an unknown one is refused and changes nothing', async () => {
    const s = await submitted();
    const before = await t.database.db.execute<{ n: number }>(sql`select count(*)::int as n from dossiers`);
    const refused = await w.agents.reception.post(`/api/v1/submissions/desk/${s.id}/decision`, { version: s.version, decision: 'accept', feeExemption: 'khong-co' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields[0]).toMatchObject({ path: 'body.feeExemption', code: 'submissions.errors.feeExemptionUnknown' });
    expect((await t.database.db.execute<{ n: number }>(sql`select count(*)::int as n from dossiers`)).rows[0]!.n).toBe(before.rows[0]!.n);
    const p = await paymentsOf(await decide(w.agents.reception, s, { decision: 'accept' }));
    expect(p.due).toMatchObject({ amountVnd: FEE });
  });

  it('the catalogue refuses two categories under one key', async () => {
    const res = await w.agents.admin.post('/api/v1/catalog/admin/procedures', {
      ...procedureInput({ code: `9.${Date.now() % 1_000_000}.dup`, implementingUnitIds: [w.dept.id] }),
      feeExemptions: [EXEMPTIONS[0], { ...EXEMPTIONS[1], key: 'ho-ngheo' }],
    });
    expect(res.statusCode).toBe(400);
    // A refinement's message is its i18n key, translated in the answer.
    expect(res.json().error.fields.map((f: { message: string }) => f.message)).toContain('Mỗi đối tượng miễn, giảm cần một mã riêng.');
  });
});
