// Issue 12 item 6 (D46): GET /api/v1/indicators/report.xlsx, the periodic report "Tình hình, kết quả giải quyết TTHC
// tại cơ quan, đơn vị trực tiếp giải quyết TTHC", read back with exceljs on a fixed set of dossiers with hand-computed
// values: a row per field, the total, and (3) = (4) + (5) + (6) = (7) + (11) on every row.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app';
import type { DossierDetail } from '../../../contracts/dossiers/dossiers.contracts';
import { NO_FIELD_LABEL, periodReportWorkbook, type PeriodReportFigures } from './use-cases/period-report';
import { DOSSIER_TEST_ENV, createDossierWorld, publishProcedure, receive, step, type DossierWorld } from '../dossiers/test/factories';

let t: TestApp;
let w: DossierWorld;
let certification: string;
let land: string;

async function receivedAt(instant: string, procedureCode: string, channel: 'direct' | 'online' | 'post' = 'direct'): Promise<DossierDetail> {
  t.clock.set(instant);
  return receive(w, { procedureCode, channel });
}

async function finishAt(d: DossierDetail, instant: string): Promise<DossierDetail> {
  t.clock.set(instant);
  d = await step(w.agents.reception, d, { transition: 'forward' });
  d = await step(w.agents.specialist, d, { transition: 'forward' });
  return step(w.agents.leader, d, { transition: 'approve' });
}

async function withdrawAt(d: DossierDetail, instant: string): Promise<void> {
  t.clock.set(instant);
  await step(w.agents.reception, d, { transition: 'withdraw', reason: 'Người nộp rút hồ sơ' });
}

const reportUrl = (unit: string, from: string, to: string, subtree?: boolean) =>
  `/api/v1/indicators/report.xlsx?unit=${encodeURIComponent(unit)}&from=${from}&to=${to}${subtree === undefined ? '' : `&subtree=${subtree}`}`;

async function workbookOf(body: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}

/** Columns 1 to 13 of a row, as values. */
const rowValues = (ws: ExcelJS.Worksheet, n: number) => Array.from({ length: 13 }, (_, i) => ws.getRow(n).getCell(i + 1).value);

beforeAll(async () => {
  t = await createTestApp({ env: DOSSIER_TEST_ENV });
  w = await createDossierWorld(t);
  // The department carries out the world's procedure (Hộ tịch) and two of other fields; 5 working days each.
  certification = await publishProcedure(t, [w.dept.id], { field: 'Chứng thực' });
  land = await publishProcedure(t, [w.dept.id], { field: 'Đất đai' });
  // Before April 2026 (received 09:00 Vietnam time).
  const a = await receivedAt('2026-03-25T02:00:00Z', certification); // due Wed 1 April 09:00: finished late on 1 April at 10:00
  await receivedAt('2026-03-26T02:00:00Z', certification, 'online'); // never finished: carried over, then past due at the end
  const c = await receivedAt('2026-03-20T02:00:00Z', certification); // finished in March: not in April's report at all
  const h = await receivedAt('2026-03-30T02:00:00Z', w.procedureCode); // open on 1 April, withdrawn on 2 April: left out
  await finishAt(c, '2026-03-23T02:00:00Z');
  // April 2026.
  await finishAt(a, '2026-04-01T03:00:00Z');
  await withdrawAt(h, '2026-04-02T02:00:00Z');
  const d = await receivedAt('2026-04-06T02:00:00Z', land, 'online'); // due Mon 13 April 09:00: finished early on the 7th
  const e = await receivedAt('2026-04-06T02:00:00Z', land, 'post'); // finished on time on the 13th at 08:00
  const g = await receivedAt('2026-04-10T02:00:00Z', land); // withdrawn on the 15th: left out
  await finishAt(d, '2026-04-07T02:00:00Z');
  await finishAt(e, '2026-04-13T01:00:00Z');
  await withdrawAt(g, '2026-04-15T02:00:00Z');
  await receivedAt('2026-04-28T02:00:00Z', w.procedureCode); // open at the end, within its due
  const i = await receivedAt('2026-04-29T02:00:00Z', certification); // open at the end (finished in May), within its due
  // May: after the period.
  await finishAt(i, '2026-05-04T02:00:00Z');
  await receivedAt('2026-05-04T03:00:00Z', land); // received after the period: not counted
  t.clock.set('2026-05-05T03:00:00Z');
}, 120_000);
afterAll(async () => t?.close());

describe('GET /api/v1/indicators/report.xlsx', () => {
  it('writes the form: header, period, date, merged two-level header, column numbers, a row per field and the total', async () => {
    const res = await w.agents.leader.get(reportUrl(w.dept.code, '2026-04-01', '2026-04-30'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="bao-cao-tthc-${w.dept.code}-2026-04-01-2026-04-30.xlsx"`);
    const ws = await workbookOf(res.rawPayload);
    expect(ws.getCell('A1').value).toBe(w.dept.name.toUpperCase());
    expect(ws.getCell('H1').value).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(ws.getCell('H3').value).toBe('Ngày 05 tháng 05 năm 2026');
    expect(ws.getCell('A5').value).toBe('TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI QUYẾT TTHC');
    expect(ws.getCell('A6').value).toBe('Kỳ báo cáo: từ ngày 01/04/2026 đến ngày 30/04/2026');
    expect(ws.getCell('A7').value).toBe(`Đơn vị báo cáo: ${w.dept.name}`);
    // Two levels of merged headings above the leaf headings.
    expect(ws.getCell('C9').value).toBe('Số hồ sơ nhận giải quyết');
    expect(ws.getCell('F9').master.address).toBe('C9');
    expect(ws.getCell('G9').value).toBe('Kết quả giải quyết');
    expect(ws.getCell('M9').master.address).toBe('G9');
    expect(ws.getCell('A11').master.address).toBe('A9');
    expect(ws.getCell('D11').master.address).toBe('D10');
    expect(ws.getCell('G10').value).toBe('Số hồ sơ đã giải quyết');
    expect(ws.getCell('J10').master.address).toBe('G10');
    expect(ws.getCell('K10').value).toBe('Số hồ sơ đang giải quyết');
    expect(rowValues(ws, 11).slice(6)).toEqual(['Tổng số', 'Trả trước hạn', 'Trả đúng thời hạn', 'Trả quá hạn', 'Tổng số', 'Chưa đến hạn', 'Quá hạn']);
    expect(rowValues(ws, 12)).toEqual(Array.from({ length: 13 }, (_, i) => `(${i + 1})`));
    // Hand-computed: STT, field, (3) received = (4) carried + (5) online + (6) desk and post, (7) finished = (8) early +
    // (9) on time + (10) late, (11) open = (12) within due + (13) past due.
    // Chứng thực: a (carried, late), b (carried, open past due), i (new at the desk, open at the end: finished in May).
    expect(rowValues(ws, 13)).toEqual([1, 'Chứng thực', 3, 2, 0, 1, 1, 0, 0, 1, 2, 1, 1]);
    // Đất đai: d (online, early), e (post, on time); g withdrawn in the period is left out.
    expect(rowValues(ws, 14)).toEqual([2, 'Đất đai', 2, 0, 1, 1, 2, 1, 1, 0, 0, 0, 0]);
    // Hộ tịch (the world's procedure): h (carried, withdrawn: left out), the one received on 28 April (open).
    expect(rowValues(ws, 15)).toEqual([3, 'Hộ tịch', 1, 0, 0, 1, 0, 0, 0, 0, 1, 1, 0]);
    expect(rowValues(ws, 16)).toEqual(['', 'Tổng cộng', 6, 2, 1, 3, 3, 1, 1, 1, 3, 2, 1]);
    // Borders on the table and whole numbers grouped as thousands.
    expect(ws.getCell('M16').border).toMatchObject({ top: { style: 'thin' }, bottom: { style: 'thin' } });
    expect(ws.getCell('C13').numFmt).toBe('#,##0');
    const notes = Array.from({ length: 8 }, (_, k) => ws.getCell(`A${18 + k}`).value);
    expect(notes).toContain('Không tính 2 hồ sơ rút hoặc dừng giải quyết trong kỳ.');
  });

  it('adds up: each total is the sum of its column, and (3) = (4)+(5)+(6) = (7)+(11), (7) = (8)+(9)+(10), (11) = (12)+(13) on every row', async () => {
    for (const [unit, subtree] of [
      [w.dept.code, false],
      [w.province.code, true],
    ] as const) {
      const ws = await workbookOf((await w.agents.reform.get(reportUrl(unit, '2026-03-01', '2026-04-30', subtree))).rawPayload);
      const rows: number[][] = [];
      for (let n = 13; ws.getCell(`B${n}`).value !== 'Tổng cộng'; n += 1) rows.push(rowValues(ws, n).slice(2) as number[]);
      const total = rowValues(ws, 13 + rows.length).slice(2) as number[];
      expect(rows.length).toBeGreaterThan(0);
      for (const r of [...rows, total]) {
        expect(r[0]).toBe(r[1]! + r[2]! + r[3]!);
        expect(r[0]).toBe(r[4]! + r[8]!);
        expect(r[4]).toBe(r[5]! + r[6]! + r[7]!);
        expect(r[8]).toBe(r[9]! + r[10]!);
      }
      expect(total).toEqual(total.map((_, k) => rows.reduce((s, r) => s + r[k]!, 0)));
      // March and April together: c's early March finish is in, nothing was carried into March; the province's subtree
      // reads the same dossiers as its department.
      expect(total).toEqual([7, 0, 2, 5, 4, 2, 1, 1, 3, 2, 1]);
    }
  });

  it('counts a dossier received before the period and still open as carried over, and open past due at the end', async () => {
    // 1 to 30 April, Chứng thực only for the dossier received online on 26 March: carried over, never finished.
    const ws = await workbookOf((await w.agents.leader.get(reportUrl(w.dept.code, '2026-04-02', '2026-04-30'))).rawPayload);
    // From 2 April: a finished on 1 April is not carried any more; h was still open on 2 April 00:00, withdrawn that day.
    expect(rowValues(ws, 13)).toEqual([1, 'Chứng thực', 2, 1, 0, 1, 0, 0, 0, 0, 2, 1, 1]);
    expect(rowValues(ws, 15)).toEqual([3, 'Hộ tịch', 1, 0, 0, 1, 0, 0, 0, 0, 1, 1, 0]);
    // A period still running (to today): the open work is read now; i finished on 4 May, the May dossier is open.
    const running = await workbookOf((await w.agents.leader.get(reportUrl(w.dept.code, '2026-05-01', '2026-05-31'))).rawPayload);
    expect(running.getCell('A6').value).toBe('Kỳ báo cáo: từ ngày 01/05/2026 đến ngày 31/05/2026');
    expect(rowValues(running, 13)).toEqual([1, 'Chứng thực', 2, 2, 0, 0, 1, 1, 0, 0, 1, 0, 1]);
    expect(rowValues(running, 14)).toEqual([2, 'Đất đai', 1, 0, 0, 1, 0, 0, 0, 0, 1, 1, 0]);
  });

  it("is refused outside the reader's units (403), without a session (401), and for a bad period (400)", async () => {
    const outsider = await w.agents.outsider.get(reportUrl(w.dept.code, '2026-04-01', '2026-04-30'));
    expect(outsider.statusCode).toBe(403);
    expect(outsider.json().error.fields[0]).toMatchObject({ path: 'query.unit', message: 'Bạn không xem được số liệu của đơn vị này.' });
    expect((await w.agents.leader.get(reportUrl(w.partner.code, '2026-04-01', '2026-04-30'))).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: reportUrl(w.dept.code, '2026-04-01', '2026-04-30') })).statusCode).toBe(401);
    const reversed = await w.agents.leader.get(reportUrl(w.dept.code, '2026-04-30', '2026-04-01'));
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.fields[0]).toMatchObject({ path: 'query.from', message: 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.' });
    const badDate = await w.agents.leader.get(`/api/v1/indicators/report.xlsx?unit=${w.dept.code}&from=2026-04-31&to=2026-05-31`);
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error.fields[0].path).toBe('querystring.from');
  });
});

describe('periodReportWorkbook', () => {
  it('names a row of procedures without a field, and a subtree report says it counts the units below', async () => {
    const f: PeriodReportFigures = {
      received: 1,
      carriedOver: 1,
      newOnline: 0,
      newOther: 0,
      finished: 0,
      finishedEarly: 0,
      finishedOnTime: 0,
      finishedLate: 0,
      open: 1,
      openWithinDue: 1,
      openOverdue: 0,
    };
    const body = await periodReportWorkbook({
      unit: { id: 'u', code: 'H56', name: 'UBND tỉnh Thử nghiệm' },
      subtree: true,
      from: '2026-01-01',
      to: '2026-03-31',
      madeOn: '2026-04-02',
      asOf: '2026-04-02T08:30:00+07:00',
      rows: [{ field: null, ...f }],
      total: f,
      withdrawnOrStopped: 1234,
    });
    const ws = await workbookOf(body);
    expect(ws.getCell('A7').value).toBe('Đơn vị báo cáo: UBND tỉnh Thử nghiệm (gồm các đơn vị trực thuộc)');
    expect(rowValues(ws, 13)).toEqual([1, NO_FIELD_LABEL, 1, 1, 0, 0, 0, 0, 0, 0, 1, 1, 0]);
    const notes = Array.from({ length: 8 }, (_, k) => ws.getCell(`A${16 + k}`).value);
    expect(notes).toContain('Không tính 1.234 hồ sơ rút hoặc dừng giải quyết trong kỳ.');
    expect(notes).toContain('Số liệu đến 08:30 ngày 02/04/2026.');
  });
});
