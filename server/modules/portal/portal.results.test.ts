// The end of a dossier on "My dossiers" (issue 11 items 5 and 7): the applicant reads the electronic result the handling
// unit issued, downloads the unit's PDF as issued and its QR certificate, and rates the service once it ended; nobody
// else's account can do either.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { createPortalWorld } from './test/factories';
import { createTestApp, type TestAgent, type TestApp } from '../../test/test-app';
import { multipart, pdf } from '../../platform/files/test/fixtures';
import { createCitizen, loginAs } from '../identity/test/factories';
import { DOSSIER_TEST_ENV, receive, step } from '../dossiers/test/factories';
import type { SubmissionWorld } from '../submissions/test/factories';
import { returnedDossier } from '../ratings/test/factories';
import type { CitizenDossierResult } from '../../../contracts/portal/portal.contracts';
import type { RatingInvitationView } from '../../../contracts/ratings/ratings.contracts';

let t: TestApp;
let w: SubmissionWorld;
let verifiedId: string;
let strangerAgent: TestAgent;
beforeAll(async () => {
  t = await createTestApp({ env: DOSSIER_TEST_ENV });
  ({ w, verifiedId } = await createPortalWorld(t));
  strangerAgent = await loginAs(t.app, await createCitizen(t.database.db));
});
afterAll(async () => t?.close());

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe("the applicant's electronic result", () => {
  it('is shown and downloaded once issued, as issued, with its certificate; never to another account', async () => {
    t.clock.set('2026-03-02T02:00:00Z');
    const received = await receive(w, { applicant: { kind: 'person', name: 'Nguyễn Văn An', idNumber: verifiedId, phone: '0912345678', email: null, address: null } });
    const held = await step(w.agents.reception, received, { transition: 'forward' });
    const base = `/api/v1/citizen/dossiers/${held.id}/result`;

    // Nothing issued yet: no result, and no file to download.
    expect((await w.citizenAgent.get(base)).json<CitizenDossierResult>()).toEqual({ result: null });
    expect((await w.citizenAgent.get(`${base}/result`)).statusCode).toBe(404);

    const unitPdf = pdf();
    const { body, headers } = multipart([{ file: 'file', name: 'Quyết định.pdf', content: unitPdf, contentType: 'application/pdf' }]);
    const issued = await w.agents.specialist.request('POST', `/api/v1/dossiers/${held.id}/result`, body, headers);
    expect(issued.statusCode, issued.body).toBe(201);

    const shown = await w.citizenAgent.get(base);
    expect(shown.statusCode).toBe(200);
    const { result } = shown.json<CitizenDossierResult>();
    expect(result).toMatchObject({
      fileName: 'Quyết định.pdf',
      sizeBytes: unitPdf.length,
      sha256: sha256(unitPdf),
      verifyUrl: expect.stringMatching(/\/xac-thuc-ket-qua\/[A-Za-z0-9_-]{22}$/),
    });

    const file = await w.citizenAgent.get(`${base}/result`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toMatch(/^application\/pdf/);
    expect(sha256(file.rawPayload)).toBe(sha256(unitPdf));
    const certificate = await w.citizenAgent.get(`${base}/certificate`);
    expect(certificate.statusCode).toBe(200);
    expect(certificate.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(certificate.rawPayload.toString('latin1')).toContain(result!.verifyUrl);

    // Another account, an officer, a visitor: not theirs.
    expect((await strangerAgent.get(base)).statusCode).toBe(404);
    expect((await strangerAgent.get(`${base}/result`)).statusCode).toBe(404);
    expect((await w.agents.specialist.get(`${base}/result`)).statusCode).toBe(403);
    expect((await w.citizenAgent.get(`${base}/other`)).statusCode).toBe(400);
  });

  it('is rated once from My dossiers when the dossier ended, only by its applicant', async () => {
    t.clock.set('2026-03-02T02:00:00Z');
    const mine = { applicant: { kind: 'person', name: 'Nguyễn Văn An', idNumber: verifiedId, phone: '0912345678', email: null, address: null } };
    const open = await receive(w, mine);
    const base = (id: string) => `/api/v1/citizen/dossiers/${id}/rating`;
    const answers = { overall: 'satisfied', criteria: { time: 'very-satisfied', attitude: 'satisfied', clarity: 'satisfied' }, comment: 'Cán bộ hướng dẫn tận tình.' };
    expect((await w.citizenAgent.get(base(open.id))).json<RatingInvitationView>()).toMatchObject({ state: 'not-ended', rating: null });
    expect((await w.citizenAgent.post(base(open.id), answers)).statusCode).toBe(409);

    const ended = await returnedDossier(w, mine);
    expect((await strangerAgent.get(base(ended.id))).statusCode).toBe(404);
    expect((await strangerAgent.post(base(ended.id), answers)).statusCode).toBe(404);
    expect((await w.citizenAgent.post(base(ended.id), { ...answers, overall: 'delighted' })).statusCode).toBe(400);
    expect((await w.citizenAgent.get(base(ended.id))).json<RatingInvitationView>()).toMatchObject({ dossierCode: ended.code, state: 'can-rate', rating: null });

    const rated = await w.citizenAgent.post(base(ended.id), answers);
    expect(rated.statusCode, rated.body).toBe(201);
    expect(rated.json()).toMatchObject({ overall: 'satisfied', channel: 'account', comment: answers.comment });
    expect((await w.citizenAgent.post(base(ended.id), { ...answers, overall: 'unsatisfied' })).statusCode).toBe(409);
    expect((await w.citizenAgent.get(base(ended.id))).json<RatingInvitationView>()).toMatchObject({ state: 'rated', rating: { overall: 'satisfied' } });
  });
});
