// What a write accepts is readable back (issue 10 item 6). Procedure 1.013225 of the demo data (a building permit)
// names a document in 4,516 characters: the desk receives it, guides for it and asks for it again, and every read
// route answers with it whole — detail, by code, the queue, the public lookup, the intake decision, Mẫu 01 and Mẫu 02.
// Also a hand-over with an attachment, whose read schema used to carry the input's transform (encoding it threw).
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IntakeRequestSchema, type DossierDetail } from '../../../contracts/dossiers/dossiers.contracts';
import { DOCUMENT_NAME_MAX, type PublicProcedure } from '../../../contracts/catalog/catalog.contracts';
import { createTestApp, type TestApp } from '../../test/test-app';
import { multipartFile } from '../catalog/test/factories';
import { flatText } from './slips/test/pdf-tools';
import { intakeDossier } from './use-cases/intake-dossier';
import { plainChecklist } from './use-cases/intake-checklist';
import { DOSSIER_TEST_ENV, createDossierWorld, intakeBody, step, type DossierWorld } from './test/factories';

const CODE = '1.013225';
const SLOW = { timeout: 180_000 };

let t: TestApp;
let w: DossierWorld;
let procedure: PublicProcedure;
/** The longest document name of the procedure. */
let longName: string;

beforeAll(async () => {
  t = await createTestApp({ env: DOSSIER_TEST_ENV });
  w = await createDossierWorld(t);
  // The record as published (shared/data/procedures.json, copied to the catalog's demo file), imported through the
  // catalog's importer and carried out by the test's department.
  const file = path.resolve(import.meta.dirname, '../catalog/demo/procedures.json');
  const records = (JSON.parse(fs.readFileSync(file, 'utf8')) as { procedures: Array<{ code: string }> }).procedures;
  const record = { ...records.find((r) => r.code === CODE)!, implementing_unit_codes: [w.dept.code] };
  const { body, headers } = multipartFile('procedures.json', JSON.stringify({ procedures: [record] }));
  const imported = await w.agents.admin.request('POST', '/api/v1/catalog/admin/imports?publish=true&effectiveFrom=2025-07-01', body, headers);
  expect(imported.statusCode).toBe(200);
  procedure = (await w.agents.reception.get(`/api/v1/catalog/procedures/${CODE}`)).json<PublicProcedure>();
  longName = procedure.requiredDocuments.map((d) => d.name).reduce((a, b) => (b.length > a.length ? b : a));
}, SLOW.timeout);
afterAll(async () => t?.close());

const isPdf = (body: Buffer) => body.subarray(0, 5).toString('latin1') === '%PDF-';
const words = (s: string) => s.normalize('NFC').split(/\s+/).filter(Boolean);

/**
 * Whether a slip prints `name` whole: each of its words in order, with nothing between two of them but what a page
 * break puts there (the running heading, the page number, the table's repeated header and the row's other cells).
 */
function printedWhole(pdf: Buffer, name: string): boolean {
  const text = words(flatText(pdf));
  const wanted = words(name);
  let at = text.indexOf(wanted[0]!);
  for (const word of wanted.slice(1)) {
    const next = text.indexOf(word, at + 1);
    if (next < 0 || next - at > 40) return false;
    at = next;
  }
  return at >= 0;
}

describe(`procedure ${CODE}, whose document names run to thousands of characters`, () => {
  it('is published with its names whole (the longest over 2,000 characters)', () => {
    expect(longName.length).toBeGreaterThan(2000);
    expect(longName.length).toBe(4516);
  });

  it('is received at the desk and read back whole by every read route: detail, by code, queue, lookup, Mẫu 01', SLOW, async () => {
    t.clock.set('2026-03-02T02:00:00Z');
    const { checklist, conditions } = plainChecklist(procedure, 'direct');
    expect(checklist.map((c) => c.name)).toContain(longName);
    const res = await w.agents.reception.post('/api/v1/dossiers/intake', intakeBody(w, { procedureCode: CODE, checklist, conditions }));
    expect(res.statusCode).toBe(201);
    const d = res.json<{ dossier: DossierDetail }>().dossier;
    expect(d.checklist.map((c) => c.name)).toContain(longName);

    const detail = await w.agents.reception.get(`/api/v1/dossiers/${d.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json<DossierDetail>().checklist.find((c) => c.name.length === longName.length)?.name).toBe(longName);
    expect((await w.agents.reception.get(`/api/v1/dossiers/by-code/${d.code}`)).statusCode).toBe(200);
    const queue = await w.agents.reception.get('/api/v1/dossiers?queue=all&pageSize=100');
    expect(queue.statusCode).toBe(200);
    expect(queue.json<{ items: Array<{ id: string }> }>().items.map((i) => i.id)).toContain(d.id);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/dossiers/lookup/${d.code}`, headers: { 'x-forwarded-for': '10.77.0.1' } })).statusCode).toBe(200);

    const receipt = await w.agents.reception.get(`/api/v1/dossiers/${d.id}/slips/receipt`);
    expect(receipt.statusCode).toBe(200);
    expect(isPdf(receipt.rawPayload)).toBe(true);
    // The name is printed whole in the documents table, across lines and pages as it needs.
    expect(printedWhole(receipt.rawPayload, longName)).toBe(true);
    expect(printedWhole(receipt.rawPayload, `${longName} Một đoạn không có trong tên`)).toBe(false);

    // Further along its workflow, the answers of transitions carry the same checklist.
    const forwarded = await step(w.agents.reception, d, { transition: 'forward', note: 'Chuyển thẩm định' });
    expect(forwarded.checklist.map((c) => c.name)).toContain(longName);
  });

  it('is named as missing when the desk guides (Mẫu 02) and when the specialist asks for it again', SLOW, async () => {
    t.clock.set('2026-03-03T02:00:00Z');
    const guided = await w.agents.reception.post(
      '/api/v1/dossiers/intake',
      intakeBody(w, {
        procedureCode: CODE,
        checklist: [],
        conditions: plainChecklist(procedure, 'direct').conditions,
        decision: 'guide',
        missingItems: [longName],
        reasons: 'Thiếu giấy tờ về đất đai',
      }),
    );
    expect(guided.statusCode).toBe(201);
    const decision = guided.json<{ intakeDecision: { id: string; missingItems: string[] } }>().intakeDecision;
    expect(decision.missingItems).toEqual([longName]);
    const read = await w.agents.reception.get(`/api/v1/dossiers/intake-decisions/${decision.id}`);
    expect(read.statusCode).toBe(200);
    const slip = await w.agents.reception.get(`/api/v1/dossiers/intake-decisions/${decision.id}/slip`);
    expect(slip.statusCode).toBe(200);
    expect(printedWhole(slip.rawPayload, longName)).toBe(true);

    const { checklist, conditions } = plainChecklist(procedure, 'direct');
    let d = (await w.agents.reception.post('/api/v1/dossiers/intake', intakeBody(w, { procedureCode: CODE, checklist, conditions }))).json<{ dossier: DossierDetail }>().dossier;
    d = await step(w.agents.reception, d, { transition: 'forward', note: 'Chuyển thẩm định' });
    d = await step(w.agents.specialist, d, { transition: 'request-supplement', items: [longName], reason: 'Giấy tờ về đất đai chưa hợp lệ' });
    expect(d.supplementRequests.at(-1)?.items).toEqual([longName]);
    expect((await w.agents.reception.get(`/api/v1/dossiers/${d.id}`)).statusCode).toBe(200);
    const request = await w.agents.reception.get(`/api/v1/dossiers/${d.id}/slips/supplement-request`);
    expect(request.statusCode).toBe(200);
    expect(isPdf(request.rawPayload)).toBe(true);
    expect(printedWhole(request.rawPayload, longName)).toBe(true);
  });
});

describe('a dossier stored by another write than the desk form (the demo seed writes catalog names as they are)', () => {
  it('reads back whatever it holds: the read schemas check no input limit', async () => {
    t.clock.set('2026-03-05T01:00:00Z');
    const name = `Bản vẽ ${'và thuyết minh thiết kế '.repeat(500)}`.trim();
    expect(name.length).toBeGreaterThan(DOCUMENT_NAME_MAX);
    const input = IntakeRequestSchema.parse(intakeBody(w));
    const result = await intakeDossier(t.systemCtx(), { ...input, checklist: [{ name, originals: 1, copies: 0 }] });
    if (result.decision !== 'accept') throw new Error('not received');
    const detail = await w.agents.reception.get(`/api/v1/dossiers/${result.dossierId}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json<DossierDetail>().checklist[0]!.name).toBe(name);
  });
});

describe('a hand-over note as long as a transition takes (4,000 characters)', () => {
  it('is printed whole on Mẫu 06 (under the table), and its hand-over with it', SLOW, async () => {
    t.clock.set('2026-03-05T02:00:00Z');
    const d = (await w.agents.reception.post('/api/v1/dossiers/intake', intakeBody(w))).json<{ dossier: DossierDetail }>().dossier;
    let note = 'Chuyển thẩm định kèm ý kiến của bộ phận một cửa:';
    for (let i = 1; note.length < 3990; i++) note += ` (${i}) kiểm tra lại bản vẽ, giấy tờ về đất đai và giấy phép của nhà thầu`;
    note = note.slice(0, 4000);
    await step(w.agents.reception, d, { transition: 'forward', note });
    const slip = await w.agents.reception.get(`/api/v1/dossiers/${d.id}/slips/control`);
    expect(slip.statusCode).toBe(200);
    expect(printedWhole(slip.rawPayload, note)).toBe(true);
    expect(flatText(slip.rawPayload)).toContain('Xem ghi chú (1) dưới bảng');
  });
});

describe('a hand-over with an attachment', () => {
  it('is answered and read back (the read schema no longer re-applies the input transform)', async () => {
    t.clock.set('2026-03-04T02:00:00Z');
    const res = await w.agents.reception.post('/api/v1/dossiers/intake', intakeBody(w));
    const d = res.json<{ dossier: DossierDetail }>().dossier;
    const attachment = { fileName: 'Biên bản kiểm tra hiện trạng.pdf', mimeType: 'application/pdf', sizeBytes: 52_311 };
    const moved = await w.agents.reception.post(`/api/v1/dossiers/${d.id}/transitions`, { expectedVersion: d.version, transition: 'forward', attachments: [attachment] });
    expect(moved.statusCode).toBe(200);
    const detail = await w.agents.reception.get(`/api/v1/dossiers/${d.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json<DossierDetail>().hops.flatMap((h) => h.attachments)).toEqual([{ ...attachment, storageKey: null }]);
  });
});
