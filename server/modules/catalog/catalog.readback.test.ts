// What the catalog takes is readable and writable back (issue 10 item 6): a required document named in thousands of
// characters, as published for procedure 1.013225, is kept through the editor as through the importer; a document
// with a form template reads back (the read schema used to carry the input's transform, which cannot be encoded); a
// name longer than the desk could record is refused at import, with its reason.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_NAME_MAX, type ImportReport, type ProcedureVersion } from '../../../contracts/catalog/catalog.contracts';
import { createTestApp, type TestAgent, type TestApp } from '../../test/test-app';
import { createOfficer, createOrgUnit, loginAs } from '../identity/test/factories';
import { DEMO_PROCEDURES_FILE } from './catalog.seed';
import { multipartFile, procedureInput } from './test/factories';

const base = '/api/v1/catalog';
let t: TestApp;
let admin: TestAgent;
/** The longest document name of procedure 1.013225 as published (4,516 characters). */
let longName: string;

beforeAll(async () => {
  t = await createTestApp();
  const province = await createOrgUnit(t.database.db, { kind: 'province' });
  admin = await loginAs(t.app, await createOfficer(t.database.db, 'system-admin', province));
  const records = (JSON.parse(fs.readFileSync(DEMO_PROCEDURES_FILE, 'utf8')) as { procedures: Array<{ code: string; required_documents: Array<{ name: string }> }> }).procedures;
  longName = records
    .find((r) => r.code === '1.013225')!
    .required_documents.map((d) => d.name)
    .reduce((a, b) => (b.length > a.length ? b : a));
});
afterAll(async () => t?.close());

describe('a required document', () => {
  it('named as 1.013225 names it (4,516 characters) is saved by the editor and read back, draft after draft', async () => {
    expect(longName.length).toBe(4516);
    const created = await admin.post(`${base}/admin/procedures`, procedureInput({ requiredDocuments: [{ name: longName, originals: 1, copies: 1 }] }));
    expect(created.statusCode).toBe(201);
    const draft = created.json<ProcedureVersion>();
    expect(draft.requiredDocuments[0]!.name).toBe(longName);
    // The editor sends the content back as it read it.
    const saved = await admin.put(`${base}/admin/procedures/${draft.id}`, { ...procedureInput({ requiredDocuments: draft.requiredDocuments }), version: draft.version });
    expect(saved.statusCode).toBe(200);
    expect((await admin.get(`${base}/admin/procedures/${draft.id}`)).json<ProcedureVersion>().requiredDocuments[0]!.name).toBe(longName);
  });

  it('with a form template is answered and read back', async () => {
    const template = {
      fileName: 'Mẫu số 1 - Đơn đề nghị cấp giấy phép xây dựng.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      sizeBytes: 48_120,
    };
    const created = await admin.post(
      `${base}/admin/procedures`,
      procedureInput({ requiredDocuments: [{ name: 'Đơn đề nghị cấp giấy phép xây dựng', originals: 1, copies: 0, template }] }),
    );
    expect(created.statusCode).toBe(201);
    const read = await admin.get(`${base}/admin/procedures/${created.json<ProcedureVersion>().id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json<ProcedureVersion>().requiredDocuments[0]!.template).toEqual({ ...template, storageKey: null });
  });

  it(`named in more than ${DOCUMENT_NAME_MAX} characters is refused at import (the desk could not record it), with the reason`, async () => {
    const name = `Bản vẽ thiết kế ${'và thuyết minh kèm theo '.repeat(450)}`.trim();
    expect(name.length).toBeGreaterThan(DOCUMENT_NAME_MAX);
    const record = {
      code: '9.990001',
      name: 'Thủ tục có tên giấy tờ quá dài',
      level: 'Cấp xã',
      processing_time: '5 ngày làm việc',
      required_documents: [{ name, ban_chinh: 1, ban_sao: 0 }],
    };
    const { body, headers } = multipartFile('procedures.json', JSON.stringify({ procedures: [record] }));
    const res = await admin.request('POST', `${base}/admin/imports`, body, headers);
    expect(res.statusCode).toBe(200);
    const [row] = res.json<ImportReport>().rows;
    expect(row!.outcome).toBe('skipped');
    expect(row!.messages.find((m) => m.code === 'documentNameTooLong')).toMatchObject({
      severity: 'error',
      message: expect.stringContaining(`quá ${DOCUMENT_NAME_MAX} ký tự`) as unknown,
    });
  });
});
