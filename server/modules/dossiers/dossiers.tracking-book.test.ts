// Mẫu 07 streamed from the database (issue 10 item 3): every row of a book bigger than the old 20,000-row cap, the
// sheets of a period that spans two volumes and two form sets, a client that leaves part-way and a database that
// fails part-way. Rows are inserted in bulk (test/book-rows.ts); the book reads nothing else.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import { and, asc, eq, gte, lt, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vnInstant } from '../../platform/calendar';
import { createTestApp, type TestApp, type TestAgent } from '../../test/test-app';
import { createPublished } from '../catalog/test/factories';
import { createOfficer, createOrgUnit, loginAs } from '../identity/test/factories';
import type { OrgUnitRow } from '../identity';
import { bookSheets, TRACKING_BOOK_FIRST_DATA_ROW } from './slips/tracking-book';
import { dossiers } from './dossiers.tables';
import { DOSSIER_TEST_ENV, bookRowCode, createDossierWorld, insertBookRows, type DossierWorld } from './test/factories';

const BIG = 20_500;
const SLOW = { timeout: 300_000 };

let t: TestApp;
let w: DossierWorld;
let procedure: { id: string; code: string; name: string };
/** A desk with BIG dossiers received in March 2026. */
let busy: { centre: OrgUnitRow; reception: TestAgent; prefix: string };
const lines: string[] = [];
const logged = (text: string) => lines.filter((l) => l.includes(text));

beforeAll(async () => {
  t = await createTestApp({ env: DOSSIER_TEST_ENV, logger: { level: 'info', stream: { write: (l: string) => void lines.push(l) } } });
  w = await createDossierWorld(t);
  const db = t.database.db;
  procedure = await createPublished(t.systemCtx(), { code: `9.${Date.now() % 1_000_000}.7`, implementingUnitIds: [w.dept.id] }, '2025-07-01');
  const centre = await createOrgUnit(db, { parent: w.province, kind: 'service-center', name: 'Trung tâm Phục vụ hành chính công đông khách' });
  busy = { centre, reception: await loginAs(t.app, await createOfficer(db, 'reception-officer', centre)), prefix: `BUSY${Date.now() % 100_000}` };
  // One dossier every 2 minutes from 1 March 2026 00:00 (Hà Nội): 20,500 of them end on 29 March.
  await insertBookRows(db, {
    receivingUnitId: centre.id,
    handlingUnitIds: [w.dept.id, w.partner.id],
    procedure,
    volume: '2026',
    firstSeq: 1,
    count: BIG,
    from: vnInstant('2026-03-01'),
    everyMs: 120_000,
    codePrefix: busy.prefix,
  });
}, SLOW.timeout);
afterAll(async () => t?.close());

const bookUrl = (unitId: string, from: string, to: string) => `/api/v1/dossiers/tracking-book?receivingUnitId=${unitId}&from=${from}&to=${to}`;

async function workbookOf(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  // exceljs' load() type predates Node's generic Buffer; the bytes are what matters.
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

/** STT and code of each data row of a sheet, down to the notes. */
function bookRows(ws: ExcelJS.Worksheet): Array<{ stt: number; code: string }> {
  const out: Array<{ stt: number; code: string }> = [];
  for (let r = TRACKING_BOOK_FIRST_DATA_ROW; ; r++) {
    const stt = ws.getCell(`A${r}`).value;
    if (typeof stt !== 'number') break;
    out.push({ stt, code: ws.getCell(`B${r}`).text });
  }
  return out;
}

/** A GET through a real socket, as a browser downloads: the response as it arrives. */
function download(agent: TestAgent, path: string): Promise<http.IncomingMessage> {
  const { port } = t.app.server.address() as AddressInfo;
  const cookie = Object.entries(agent.cookies)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path, headers: { cookie } }, resolve);
    req.on('error', reject);
  });
}

/** Reads a response to its end; rejects if the transfer breaks off. Keeps what arrived in `received`. */
function readAll(res: http.IncomingMessage, received: Buffer[] = []): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    res.on('data', (chunk: Buffer) => received.push(chunk));
    res.on('end', () => resolve(Buffer.concat(received)));
    res.on('error', reject);
    res.on('aborted', () => reject(new Error('aborted')));
  });
}

/** Waits for a condition the server reaches on its own (a log line after the client left). */
async function eventually(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 600 && !check(); i++) await new Promise((r) => setTimeout(r, 100));
  if (!check()) throw new Error(`never happened: ${what}`);
}

/**
 * On PostgreSQL: every pooled connection comes back to the pool (a leaked one never does; other work of the request,
 * such as sealing audit entries after commit, may hold one for a moment).
 */
async function expectNoConnectionHeld(): Promise<void> {
  const pool = t.database.pool;
  if (pool) await eventually(() => pool.totalCount === pool.idleCount && pool.waitingCount === 0, 'every connection back in the pool');
}

describe('Mẫu 07 streamed from the database', () => {
  it(`holds every row of a book of ${BIG} dossiers, more than the 20,000 the book used to stop at`, SLOW, async () => {
    const res = await busy.reception.get(bookUrl(busy.centre.id, '2026-03-01', '2026-03-31'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="mau-07-so-theo-doi-${busy.centre.code}-2026-03-01-2026-03-31.xlsx"`);
    const wb = await workbookOf(res.rawPayload);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Quyển 2026']);
    const ws = wb.worksheets[0]!;
    const rows = bookRows(ws);
    expect(rows).toHaveLength(BIG);
    expect(rows.every((r, i) => r.stt === i + 1 && r.code === bookRowCode(busy.prefix, i + 1))).toBe(true);
    expect(ws.getCell(`A${TRACKING_BOOK_FIRST_DATA_ROW + BIG + 1}`).value).toBe('Ghi chú:');
    expect(ws.model.merges).toContain(`A${TRACKING_BOOK_FIRST_DATA_ROW + BIG + 1}:L${TRACKING_BOOK_FIRST_DATA_ROW + BIG + 1}`);
    // The last row, read back cell by cell: the 20,500th dossier (received 29/03 at 11:18, handled by the partner).
    const last = TRACKING_BOOK_FIRST_DATA_ROW + BIG - 1;
    expect(ws.getCell(`G${last}`).value).toEqual(new Date(Date.UTC(2026, 2, 29, 11, 18)));
    expect(ws.getCell(`F${last}`).value).toBe(w.partner.name);
    expect(ws.getCell(`G${last}`).numFmt).toBe('hh:mm dd/mm/yyyy');
    await expectNoConnectionHeld();
  });

  it('puts rows of two volumes and two form sets in the same sheets, in the same order, as the in-memory book did', SLOW, async () => {
    const db = t.database.db;
    const centre = await createOrgUnit(db, { parent: w.province, kind: 'service-center' });
    const other = await createOrgUnit(db, { parent: w.province, kind: 'service-center' });
    const reception = await loginAs(t.app, await createOfficer(db, 'reception-officer', centre));
    const prefix = `MIX${Date.now() % 100_000}`;
    const put = (receivingUnitId: string, volume: string, firstSeq: number, count: number, from: string, everyMs = 3_600_000) =>
      insertBookRows(db, { receivingUnitId, handlingUnitIds: [w.dept.id], procedure, volume, firstSeq, count, from: new Date(from), everyMs, codePrefix: `${prefix}${volume}` });
    // Volume 2025: before the period, under TT 01/2018 (June), then under TT 03/2025 from 1 July (Hà Nội time).
    await put(centre.id, '2025', 300, 5, '2025-06-10T02:00:00Z');
    await put(centre.id, '2025', 305, 4, '2025-06-30T09:00:00Z', 6 * 3_600_000);
    await put(centre.id, '2025', 309, 3, '2025-12-31T15:00:00Z');
    // Volume 2026, with a straggler: STT 3 was received before STT 2 (two intakes committing out of order).
    await put(centre.id, '2026', 1, 1, '2026-01-05T02:00:00Z');
    await put(centre.id, '2026', 3, 1, '2026-01-05T03:00:00Z');
    await put(centre.id, '2026', 2, 1, '2026-01-05T03:30:00Z');
    await put(centre.id, '2026', 4, 2, '2026-01-11T02:00:00Z');
    // STT 6 was received inside the period after STT 4 and 5, which were not: they sit in the sheet's STT range, yet
    // are no part of it.
    await put(centre.id, '2026', 6, 1, '2026-01-09T02:00:00Z');
    await put(other.id, '2025', 1, 3, '2025-07-02T02:00:00Z');

    const res = await reception.get(bookUrl(centre.id, '2025-06-15', '2026-01-10'));
    expect(res.statusCode).toBe(200);
    const wb = await workbookOf(res.rawPayload);
    const got = wb.worksheets.map((ws) => ({ name: ws.name, form: ws.getCell('A1').value, number: ws.getCell('A4').value, rows: bookRows(ws) }));

    // What the book held when it was built in memory: the period's rows, sorted into sheets by bookSheets.
    const rows = await db
      .select()
      .from(dossiers)
      .where(and(eq(dossiers.receivingUnitId, centre.id), gte(dossiers.receivedAt, vnInstant('2025-06-15')), lt(dossiers.receivedAt, vnInstant('2026-01-11'))))
      .orderBy(asc(dossiers.bookNumber), asc(dossiers.bookSeq));
    const before = bookSheets({
      issuer: { parentName: null, unitName: centre.name },
      place: 'Thanh Hóa',
      issuedAt: t.clock.now(),
      period: { from: '2025-06-15', to: '2026-01-10' },
      rows: rows.map((r) => ({ ...r, sequence: r.bookSeq, volume: r.bookNumber, dossierCode: r.code, handlingAgency: '' })),
    });
    const names = ['Quyển 2025 - Mẫu số 06', 'Quyển 2025 - Mẫu số 07', 'Quyển 2026'];
    expect(got.map((s) => s.name)).toEqual(names);
    expect(got.map((s) => s.rows)).toEqual(before.map((s) => s.rows.map((r) => ({ stt: r.sequence, code: r.dossierCode }))));
    const code = (volume: string, seq: number) => bookRowCode(`${prefix}${volume}`, seq);
    expect(got.map((s) => s.rows.map((r) => r.code))).toEqual([
      // STT 305 and 306 were received on 30/06 (16:00 and 22:00 in Hà Nội); 307 at 21:00 UTC on 30/06, i.e. 04:00 on
      // 1 July in Hà Nội. STT 311 (00:00 on 1 January 2026) stays in the volume it was entered in.
      [code('2025', 305), code('2025', 306)],
      [code('2025', 307), code('2025', 308), code('2025', 309), code('2025', 310), code('2025', 311)],
      [code('2026', 1), code('2026', 2), code('2026', 3), code('2026', 6)],
    ]);
    expect(got[0]!.form).toMatch(/^Mẫu số 06 .*01\/2018/);
    expect(got[1]!.form).toMatch(/^Mẫu số 07 .*03\/2025/);
    // One number per volume (D14), the two sheets of 2025 sharing it.
    expect(got[0]!.number).toMatch(/^Số: 01\/STD-/);
    expect(got[1]!.number).toBe(got[0]!.number);
    expect(got[2]!.number).toMatch(/^Số: 02\/STD-/);
    expect(wb.worksheets[2]!.getCell('A8').value).toBe('Từ ngày 15/06/2025 đến ngày 10/01/2026 (phần thuộc Quyển số 2026)');
  });
});

describe('Mẫu 07 downloaded through a socket', () => {
  beforeAll(async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
  });

  it('stops reading when the client goes away part-way, and holds no connection', SLOW, async () => {
    lines.length = 0;
    const res = await download(busy.reception, bookUrl(busy.centre.id, '2026-03-01', '2026-03-31'));
    expect(res.statusCode).toBe(200);
    await new Promise<void>((resolve) => res.once('data', () => resolve()));
    res.destroy();
    await eventually(() => logged('tracking book download abandoned by the client').length > 0, 'the server noticed the client left');
    expect(logged('tracking book sent')).toEqual([]);
    await expectNoConnectionHeld();
  });

  it('cuts the download short when the database fails part-way: logged, no complete-looking file, the next download whole', SLOW, async () => {
    lines.length = 0;
    const res = await download(busy.reception, bookUrl(busy.centre.id, '2026-03-01', '2026-03-31'));
    expect(res.statusCode).toBe(200);
    // The next batch's query fails: the column it reads is gone (a database fault the server cannot mend).
    await t.database.db.execute(sql`alter table dossiers rename column returned_to to returned_to_gone`);
    const received: Buffer[] = [];
    try {
      await expect(readAll(res, received)).rejects.toThrow();
    } finally {
      await t.database.db.execute(sql`alter table dossiers rename column returned_to_gone to returned_to`);
    }
    await expect(workbookOf(Buffer.concat(received))).rejects.toThrow();
    await eventually(() => logged('tracking book failed part-way').length > 0, 'the failure was logged');
    expect(logged('tracking book failed part-way')[0]).toMatch(/"level":50/);
    await expectNoConnectionHeld();

    const again = await readAll(await download(busy.reception, bookUrl(busy.centre.id, '2026-03-01', '2026-03-31')));
    expect(bookRows((await workbookOf(again)).worksheets[0]!)).toHaveLength(BIG);
    await expectNoConnectionHeld();
  });
});
