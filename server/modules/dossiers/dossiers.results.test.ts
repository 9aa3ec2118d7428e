import { createHash, randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import QRCode from 'qrcode';
import { createTestApp, TestAgent, type TestApp } from '../../test/test-app';
import { auditEvents } from '../../platform/audit/audit.tables';
import { platformFiles } from '../../platform/files/files.tables';
import { exe, multipart, pdf, pdfmakePdf, png } from '../../platform/files/test/fixtures';
import type { DossierDetail } from '../../../contracts/dossiers/dossiers.contracts';
import type { AttachResultResponse, DossierResultView, ResultCompareResponse, ResultVerification } from '../../../contracts/dossiers/results.contracts';
import { dossierResults } from './dossiers.results.tables';
import { getIssuedResultForApplicant } from './index';
import { resultOwnerKey } from './use-cases/issue-result';
import { RESULT_QR_OPTIONS } from './slips/result-certificate';
import { firstImageRgb, flatText, pdfInfo } from './slips/test/pdf-tools';
import { DOSSIER_TEST_ENV, createDossierWorld, publishProcedure, receive, step, type DossierWorld } from './test/factories';

let t: TestApp;
let w: DossierWorld;
/** Reception → the department's specialist → return: the specialist holds the dossier and makes the result. */
let shortCode: string;
let unitPdf: Buffer;

beforeAll(async () => {
  t = await createTestApp({ env: DOSSIER_TEST_ENV });
  w = await createDossierWorld(t);
  shortCode = await publishProcedure(t, [w.dept.id], {
    workflow: [
      { name: 'Tiếp nhận hồ sơ', unitRef: 'receiving-centre', role: 'reception-officer', budgetMinutes: 240 },
      { name: 'Giải quyết', unitRef: 'implementing-unit', role: 'specialist', budgetMinutes: 1680 },
      { name: 'Trả kết quả', unitRef: 'receiving-centre', role: 'reception-officer', budgetMinutes: 480 },
    ],
  });
  unitPdf = await pdfmakePdf();
});
afterAll(async () => t?.close());

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const randomIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

/** A dossier of the short procedure, held by the department's specialist. */
async function processing(overrides: Record<string, unknown> = {}): Promise<DossierDetail> {
  t.clock.set('2026-03-02T02:00:00Z');
  const d = await receive(w, { procedureCode: shortCode, ...overrides });
  return step(w.agents.reception, d, { transition: 'forward' });
}

function upload(agent: TestAgent, dossierId: string, file: { name: string; content: Buffer }, fields: Record<string, string> = {}) {
  const { body, headers } = multipart([
    ...Object.entries(fields).map(([field, value]) => ({ field, value })),
    { file: 'file', name: file.name, content: file.content, contentType: 'application/pdf' },
  ]);
  return agent.request('POST', `/api/v1/dossiers/${dossierId}/result`, body, headers);
}

async function issued(agent: TestAgent, dossierId: string, content: Buffer, fields: Record<string, string> = {}): Promise<AttachResultResponse> {
  const res = await upload(agent, dossierId, { name: 'Quyết định cấp phép.pdf', content }, fields);
  if (res.statusCode !== 201) throw new Error(`attach failed: ${res.statusCode} ${res.body}`);
  return res.json<AttachResultResponse>();
}

/** Anonymous requests, each from its own address (the public routes are rate-limited per address). */
const anonymous = () => new TestAgent(t.app);
const verify = (token: string, ip = randomIp()) => anonymous().request('GET', `/api/v1/results/verify/${token}`, undefined, { 'x-forwarded-for': ip });
function compare(token: string, content: Buffer, ip = randomIp()) {
  const { body, headers } = multipart([{ file: 'file', name: 'ket-qua.pdf', content }]);
  return anonymous().request('POST', `/api/v1/results/verify/${token}/compare`, body, { ...headers, 'x-forwarded-for': ip });
}

const resultRows = (dossierId: string) => t.database.db.select().from(dossierResults).where(eq(dossierResults.dossierId, dossierId));
const storedFiles = async (dossierId: string) =>
  t.database.db
    .select()
    .from(platformFiles)
    .where(eq(platformFiles.ownerKey, resultOwnerKey(dossierId)));
const fileCount = async () => (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(platformFiles))[0]!.n;

describe('issuing an electronic result', () => {
  it('stores the unit’s PDF with its SHA-256 and a certificate whose QR code and link carry the verification address', async () => {
    const d = await processing();
    t.clock.set('2026-03-03T03:15:00Z');
    const { result, view } = await issued(w.agents.specialist, d.id, unitPdf);

    expect(result).toMatchObject({ status: 'valid', sha256: sha256(unitPdf), sizeBytes: unitPdf.length, fileName: 'Quyết định cấp phép.pdf', issuingUnit: { id: w.dept.id } });
    expect(result.token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(result.verifyUrl).toBe(`${t.config.publicBaseUrl.replace(/\/+$/, '')}/xac-thuc-ket-qua/${result.token}`);
    expect(view).toMatchObject({ current: { id: result.id }, history: [], canAttach: true });
    // The files are the platform's, hashed as they streamed; the unit's bytes are kept as sent.
    const files = await storedFiles(d.id);
    expect(files.map((f) => f.sha256).sort()).toEqual([result.sha256, result.certificateSha256].sort());
    const back = await w.agents.specialist.get(`/api/v1/dossiers/${d.id}/result/${result.id}/result`);
    expect(back.statusCode).toBe(200);
    expect(back.headers['content-type']).toBe('application/pdf');
    expect(back.rawPayload.equals(unitPdf)).toBe(true);

    // The certificate: the facts in Vietnamese, the URL as text and as a link annotation, the QR code of the URL.
    const cert = (await w.agents.reception.get(`/api/v1/dossiers/${d.id}/result/${result.id}/certificate`)).rawPayload;
    expect(sha256(cert)).toBe(result.certificateSha256);
    expect(pdfInfo(cert)['Pages']).toBe('1');
    const text = flatText(cert);
    expect(text).toContain('GIẤY XÁC NHẬN KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH ĐIỆN TỬ');
    expect(text).toContain(`Mã hồ sơ: ${d.code}`);
    expect(text).toContain(d.procedure.name);
    expect(text).toContain(w.dept.name);
    expect(text).toContain('Thời điểm phát hành: 10 giờ 15 phút, ngày 03/03/2026');
    expect(text).toContain(result.sha256);
    expect(text).toContain(result.verifyUrl);
    expect(cert.toString('latin1')).toContain(`/URI (${result.verifyUrl})`);
    const { width, rgb } = firstImageRgb(cert);
    const modules = QRCode.create(result.verifyUrl, { errorCorrectionLevel: RESULT_QR_OPTIONS.errorCorrectionLevel }).modules;
    const { scale, margin } = RESULT_QR_OPTIONS;
    expect(width).toBe((modules.size + 2 * margin) * scale);
    let same = true;
    for (let r = 0; r < modules.size; r++) {
      for (let c = 0; c < modules.size; c++) {
        const x = (c + margin) * scale + scale / 2;
        const y = (r + margin) * scale + scale / 2;
        if (rgb[(y * width + x) * 3]! < 128 !== (modules.get(r, c) === 1)) same = false;
      }
    }
    expect(same).toBe(true);

    // The public page's data: the facts, and nothing personal.
    const res = await verify(result.token);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const v = res.json<ResultVerification>();
    expect(v).toEqual({
      dossierCode: d.code,
      procedureName: d.procedure.name,
      issuingUnitName: w.dept.name,
      issuedAt: '2026-03-03T10:15:00+07:00',
      sha256: sha256(unitPdf),
      certificateSha256: result.certificateSha256,
      sizeBytes: unitPdf.length,
      status: 'valid',
      replacedAt: null,
      documentNumberSymbol: null,
    });
    expect(res.body).not.toContain(d.applicant.name);
    expect(res.body).not.toContain(d.applicant.idNumber);

    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, d.id), eq(auditEvents.action, 'dossiers.result.issue')));
    expect(audit).toHaveLength(1);

    // The applicant's side (wired later on My dossiers): metadata and the stored file.
    const mine = await getIssuedResultForApplicant(t.systemCtx(), d.id, t.config.publicBaseUrl);
    expect(mine).toMatchObject({ dossierCode: d.code, sha256: result.sha256, verifyUrl: result.verifyUrl, paperOriginal: true, paperOriginalReason: 'result-delivery' });
    expect(mine!.files.result.sha256).toBe(result.sha256);
  });

  it('refuses what is not a PDF by its content, whatever its name, and keeps nothing', async () => {
    const d = await processing();
    const before = await fileCount();
    for (const content of [png(4, 4), exe()]) {
      const res = await upload(w.agents.specialist, d.id, { name: 'ket-qua.pdf', content });
      expect(res.statusCode).toBe(415);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('FILE_TYPE_NOT_ALLOWED');
    }
    // A PDF with something after its end (a polyglot) is refused too.
    const polyglot = await upload(w.agents.specialist, d.id, { name: 'ket-qua.pdf', content: pdf({ tail: '\n<script>alert(1)</script>\n' }) });
    expect(polyglot.statusCode).toBe(422);
    expect(polyglot.json<{ error: { code: string } }>().error.code).toBe('FILE_CONTENT_AMBIGUOUS');
    expect(await resultRows(d.id)).toHaveLength(0);
    expect(await fileCount()).toBe(before);
  });

  it('lets only the holding unit issue: other units, the desk and anonymous callers are refused', async () => {
    const d = await processing();
    for (const agent of [w.agents.partnerSpecialist, w.agents.outsider]) {
      const res = await upload(agent, d.id, { name: 'ket-qua.pdf', content: unitPdf });
      expect(res.statusCode).toBe(403);
      expect((await agent.get(`/api/v1/dossiers/${d.id}/result`)).statusCode).toBe(403);
    }
    // The desk reads the dossier but does not make its result.
    expect((await upload(w.agents.reception, d.id, { name: 'ket-qua.pdf', content: unitPdf })).statusCode).toBe(403);
    expect((await w.agents.reception.get(`/api/v1/dossiers/${d.id}/result`)).json<DossierResultView>().canAttach).toBe(false);
    // The leader holds no step of this workflow while the specialist holds the dossier.
    expect((await upload(w.agents.leader, d.id, { name: 'ket-qua.pdf', content: unitPdf })).statusCode).toBe(403);
    const { body, headers } = multipart([{ file: 'file', name: 'ket-qua.pdf', content: unitPdf }]);
    expect((await anonymous().request('POST', `/api/v1/dossiers/${d.id}/result`, body, headers)).statusCode).toBe(401);
    expect(await resultRows(d.id)).toHaveLength(0);
  });
});

describe('verifying and replacing', () => {
  it('compares an uploaded file by its SHA-256 without storing it', async () => {
    const d = await processing();
    const { result } = await issued(w.agents.specialist, d.id, unitPdf);
    const before = await fileCount();

    const same = await compare(result.token, unitPdf);
    expect(same.statusCode).toBe(200);
    expect(same.json<ResultCompareResponse>()).toEqual({ match: true, matched: 'result', sha256: result.sha256, sizeBytes: unitPdf.length, status: 'valid' });

    const modified = Buffer.from(unitPdf);
    const middle = Math.floor(modified.length / 2);
    modified[middle] = modified[middle]! ^ 0x01;
    const other = (await compare(result.token, modified)).json<ResultCompareResponse>();
    expect(other).toMatchObject({ match: false, matched: null, status: 'valid' });
    expect(other.sha256).toBe(sha256(modified));

    const cert = (await w.agents.specialist.get(`/api/v1/dossiers/${d.id}/result/${result.id}/certificate`)).rawPayload;
    expect((await compare(result.token, cert)).json<ResultCompareResponse>()).toMatchObject({ match: true, matched: 'certificate' });
    expect(await fileCount()).toBe(before);

    expect((await compare('AAAAAAAAAAAAAAAAAAAAAA', unitPdf)).statusCode).toBe(404);
    expect((await verify('AAAAAAAAAAAAAAAAAAAAAA')).statusCode).toBe(404);
    expect((await verify('not-a-token')).statusCode).toBe(400);
  });

  it('replaces a result before it is returned, with a reason; the old one verifies as replaced', async () => {
    const d = await processing({ resultDelivery: 'online' });
    t.clock.set('2026-03-03T02:00:00Z');
    const first = (await issued(w.agents.specialist, d.id, unitPdf)).result;
    expect(first).toMatchObject({ paperOriginal: false, paperOriginalReason: null });

    const corrected = pdf();
    const noReason = await upload(w.agents.specialist, d.id, { name: 'ket-qua-sua.pdf', content: corrected });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json<{ error: { fields: Array<{ path: string }> } }>().error.fields[0]!.path).toBe('body.reason');

    // After "result ready" the desk holds the dossier; the handling unit may still replace the result until it is returned.
    const ready = await step(w.agents.specialist, (await w.agents.specialist.get(`/api/v1/dossiers/${d.id}`)).json<DossierDetail>(), { transition: 'result-ready' });
    expect(ready.state).toBe('DONE');
    t.clock.set('2026-03-03T04:00:00Z');
    const second = await issued(w.agents.specialist, d.id, corrected, { reason: 'Sai ngày hiệu lực trên quyết định', paperOriginal: 'true' });
    expect(second.result).toMatchObject({ status: 'valid', sha256: sha256(corrected), paperOriginal: true, paperOriginalReason: 'officer' });
    expect(second.view.current!.id).toBe(second.result.id);
    expect(second.view.history).toEqual([
      expect.objectContaining({
        id: first.id,
        status: 'replaced',
        replacedAt: '2026-03-03T11:00:00+07:00',
        replaceReason: 'Sai ngày hiệu lực trên quyết định',
        sha256: first.sha256,
      }),
    ]);

    const old = (await verify(first.token)).json<ResultVerification>();
    expect(old).toMatchObject({ status: 'replaced', replacedAt: '2026-03-03T11:00:00+07:00', sha256: first.sha256 });
    expect((await compare(first.token, unitPdf)).json<ResultCompareResponse>()).toMatchObject({ match: true, status: 'replaced' });
    expect((await verify(second.result.token)).json<ResultVerification>().status).toBe('valid');
    // The old issue's files are kept as they were.
    const rows = await resultRows(d.id);
    expect(rows).toHaveLength(2);
    expect((await storedFiles(d.id)).map((f) => f.sha256)).toEqual(expect.arrayContaining([first.sha256, first.certificateSha256]));
    const cert = (await w.agents.specialist.get(`/api/v1/dossiers/${d.id}/result/${second.result.id}/certificate`)).rawPayload;
    expect(flatText(cert)).toContain(`SHA-256 ${first.sha256}`);

    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, d.id), eq(auditEvents.action, 'dossiers.result.replace')));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ resultId: second.result.id, reason: 'Sai ngày hiệu lực trên quyết định' });

    // Once returned, the result is final.
    const done = (await w.agents.reception.get(`/api/v1/dossiers/${d.id}`)).json<DossierDetail>();
    await step(w.agents.reception, done, { transition: 'return-result', method: 'online', receivedBy: 'Nguyễn Văn An' });
    const late = await upload(w.agents.specialist, d.id, { name: 'ket-qua.pdf', content: pdf() }, { reason: 'Muộn' });
    expect(late.statusCode).toBe(409);
    expect((await w.agents.specialist.get(`/api/v1/dossiers/${d.id}/result`)).json<DossierResultView>()).toMatchObject({ canAttach: false, current: { id: second.result.id } });
  });

  it('limits public verifications per address', async () => {
    const d = await processing();
    const { result } = await issued(w.agents.specialist, d.id, unitPdf);
    const ip = randomIp();
    const codes: number[] = [];
    for (let i = 0; i < 31; i++) codes.push((await verify(result.token, ip)).statusCode);
    expect(codes.slice(0, 30).every((c) => c === 200)).toBe(true);
    expect(codes[30]).toBe(429);
  });
});

describe('a result issued as an outgoing document of the signing unit (issue 15 item 6)', () => {
  const decision = { typeCode: 'QD', signerName: 'Nguyễn Văn An', signerPosition: 'Giám đốc', signingPrefix: '' };
  const withDocument = (doc: Record<string, unknown> = decision) => ({ document: JSON.stringify(doc) });
  type Fail = { error: { code: string; fields: Array<{ path: string; code: string; message: string }> } };
  /** Documents of the dossier (the documents module's table, read as plain SQL: the test does not reach into its code). */
  const documentsOf = async (dossierId: string) =>
    (await t.database.db.execute<{ number_symbol: string }>(sql`select number_symbol from documents_outgoing where dossier_id = ${dossierId} order by number`)).rows.map(
      (r) => r.number_symbol,
    );
  const allNumbered = async () => (await t.database.db.execute<{ n: number }>(sql`select count(*)::int as n from documents_outgoing`)).rows[0]!.n;

  it('refuses (400 naming the unit) while the handling unit and its parents have no document settings: nothing saved, no number taken', async () => {
    const d = await processing();
    t.clock.set('2026-03-03T03:00:00Z');
    const before = await allNumbered();
    const res = await upload(w.agents.specialist, d.id, { name: 'qd.pdf', content: unitPdf }, withDocument());
    expect(res.statusCode).toBe(400);
    const field = res.json<Fail>().error.fields[0]!;
    expect(field).toMatchObject({ path: 'body.document', code: 'dossiers.errors.resultDocumentNoSettings' });
    expect(field.message).toContain(w.dept.name);
    expect(await resultRows(d.id)).toHaveLength(0);
    expect(await storedFiles(d.id)).toHaveLength(0);
    expect(await allNumbered()).toBe(before);
  });

  it('refuses an unknown type or a missing signer (400 on the field), before anything is stored', async () => {
    const d = await processing();
    const files = await fileCount();
    const badType = await upload(w.agents.specialist, d.id, { name: 'qd.pdf', content: unitPdf }, withDocument({ ...decision, typeCode: 'XX' }));
    expect(badType.statusCode).toBe(400);
    expect(badType.json<Fail>().error.fields[0]).toMatchObject({ path: 'body.document.typeCode', code: 'dossiers.errors.resultDocumentInvalid' });
    const noSigner = await upload(w.agents.specialist, d.id, { name: 'qd.pdf', content: unitPdf }, withDocument({ ...decision, signerName: '' }));
    expect(noSigner.json<Fail>().error.fields[0]!.path).toBe('body.document.signerName');
    const notJson = await upload(w.agents.specialist, d.id, { name: 'qd.pdf', content: unitPdf }, { document: '{' });
    expect(notJson.json<Fail>().error.fields[0]!.path).toBe('body.document');
    expect(await resultRows(d.id)).toHaveLength(0);
    expect(await fileCount()).toBe(files);
  });

  it('numbers in the series of the nearest parent with document settings when the handling unit has none', async () => {
    const saved = await w.agents.admin.request('PUT', `/api/v1/documents/settings/${w.province.id}`, {
      issuerAbbreviation: 'UBND',
      series: [{ key: 'chung', name: 'Chung', typeCodes: [] }],
      version: 0,
    });
    expect(saved.statusCode).toBe(200);
    const d = await processing();
    t.clock.set('2026-03-03T03:10:00Z');
    const { result } = await issued(w.agents.specialist, d.id, unitPdf, withDocument());
    expect(result.document!.numberSymbol).toBe('01/QĐ-UBND');
    expect(result.issuingUnit.id).toBe(w.dept.id);
  });

  it('numbers the result in the unit’s series for its type (next number, a second dossier the next one), shown in the views and printed on the certificate', async () => {
    const saved = await w.agents.admin.request('PUT', `/api/v1/documents/settings/${w.dept.id}`, {
      issuerAbbreviation: 'STP',
      series: [
        { key: 'chung', name: 'Chung', typeCodes: [] },
        { key: 'qd', name: 'Quyết định', typeCodes: ['QD'] },
      ],
      version: 0,
    });
    expect(saved.statusCode).toBe(200);

    // A failure after the number was taken (the certificate cannot be stored) rolls back the number with the result.
    const failing = await processing();
    t.clock.set('2026-03-03T03:30:00Z');
    const put = t.host.files.put.bind(t.host.files);
    let calls = 0;
    const spy = vi.spyOn(t.host.files, 'put').mockImplementation(async (source) => {
      calls += 1;
      if (calls === 2) throw new Error('store unavailable');
      return put(source);
    });
    try {
      const res = await upload(w.agents.specialist, failing.id, { name: 'qd.pdf', content: unitPdf }, withDocument());
      expect(res.statusCode).toBe(500);
    } finally {
      spy.mockRestore();
    }
    expect(calls).toBe(2);
    expect(await resultRows(failing.id)).toHaveLength(0);
    expect(await documentsOf(failing.id)).toEqual([]);

    const d = await processing();
    t.clock.set('2026-03-03T04:00:00Z');
    const { result, view } = await issued(w.agents.specialist, d.id, unitPdf, withDocument());
    expect(result.document).toMatchObject({ numberSymbol: '01/QĐ-STP' });
    expect(view.current!.document).toEqual(result.document);
    expect(await documentsOf(d.id)).toEqual(['01/QĐ-STP']);
    const [row] = await resultRows(d.id);
    expect(row).toMatchObject({ documentId: result.document!.id, documentNumberSymbol: '01/QĐ-STP' });
    const certificate = await w.agents.specialist.get(`/api/v1/dossiers/${d.id}/result/${result.id}/certificate`);
    expect(flatText(certificate.rawPayload)).toContain('Số: 01/QĐ-STP');
    const verified = await verify(result.token);
    expect(verified.json<ResultVerification>().documentNumberSymbol).toBe('01/QĐ-STP');
    const [audit] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, d.id), eq(auditEvents.action, 'dossiers.result.issue')));
    expect(audit!.after).toMatchObject({ documentNumberSymbol: '01/QĐ-STP' });

    const second = await processing();
    t.clock.set('2026-03-03T05:00:00Z');
    const next = await issued(w.agents.specialist, second.id, unitPdf, withDocument());
    expect(next.result.document!.numberSymbol).toBe('02/QĐ-STP');
    // Another type falls in the series chung, numbered on its own.
    const third = await processing();
    t.clock.set('2026-03-03T06:00:00Z');
    const cert = await issued(w.agents.specialist, third.id, unitPdf, withDocument({ ...decision, typeCode: 'TB' }));
    expect(cert.result.document!.numberSymbol).toBe('01/TB-STP');
  });

  it('without the document part, no number is taken and the result carries none', async () => {
    const d = await processing();
    t.clock.set('2026-03-03T07:00:00Z');
    const before = await allNumbered();
    const { result } = await issued(w.agents.specialist, d.id, unitPdf);
    expect(result.document).toBeNull();
    expect((await verify(result.token)).json<ResultVerification>().documentNumberSymbol).toBeNull();
    expect(await allNumbered()).toBe(before);
  });
});
