// Mẫu 07 tracking book: the workbook is read back with exceljs.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { renderTrackingBook } from './index';
import { TRACKING_BOOK_DATE_FORMAT, TRACKING_BOOK_FIRST_DATA_ROW, TRACKING_BOOK_HEADER_ROW } from './tracking-book';
import { trackingBookData } from './test/fixtures';
import type { TrackingBookData } from './slips.types';

async function readBook(data: TrackingBookData): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  // exceljs' load() type predates Node's generic Buffer; the bytes are what matters.
  await wb.xlsx.load((await renderTrackingBook(data)) as unknown as ArrayBuffer);
  expect(wb.worksheets).toHaveLength(1);
  return wb.worksheets[0]!;
}

const text = (ws: ExcelJS.Worksheet, addr: string) => ws.getCell(addr).value;

describe('Mẫu 07 tracking book', () => {
  it('has the heading, title rows with the unit and period, and the merged two-row header', async () => {
    const ws = await readBook(trackingBookData());
    expect(text(ws, 'A1')).toBe('Mẫu số 07 (ban hành kèm theo Thông tư số 03/2025/TT-VPCP ngày 15/09/2025)');
    expect(text(ws, 'A2')).toBe('UBND TỈNH THANH HÓA');
    expect(text(ws, 'A3')).toBe('TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG');
    expect(text(ws, 'F2')).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text(ws, 'F3')).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(text(ws, 'A4')).toBe('Số: 03/STD-TTPVHCC');
    expect(text(ws, 'F4')).toBe('Thanh Hóa, ngày 01 tháng 12 năm 2026');
    expect(text(ws, 'A6')).toBe('SỔ THEO DÕI HỒ SƠ');
    expect(text(ws, 'A7')).toBe('Lĩnh vực Lý lịch tư pháp — Quyển số: 2026');
    expect(text(ws, 'A8')).toBe('Từ ngày 01/11/2026 đến ngày 30/11/2026');

    const h = TRACKING_BOOK_HEADER_ROW;
    const merges = ws.model.merges;
    for (const col of ['A', 'B', 'C', 'D', 'E', 'F']) expect(merges).toContain(`${col}${h}:${col}${h + 1}`);
    expect(merges).toContain(`G${h}:L${h}`);
    const upper = ['STT', 'Mã hồ sơ', 'Tên TTHC', 'Tên tổ chức, cá nhân', 'Địa chỉ/SĐT', 'Cơ quan chủ trì giải quyết', 'Nhận và trả kết quả'];
    expect(['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((c) => text(ws, `${c}${h}`))).toEqual(upper);
    expect(['G', 'H', 'I', 'J', 'K', 'L'].map((c) => text(ws, `${c}${h + 1}`))).toEqual([
      'Nhận hồ sơ',
      'Hẹn trả kết quả',
      'Gia hạn hẹn trả (văn bản xin lỗi)',
      'Trả kết quả',
      'Phương thức nhận kết quả',
      'Ký nhận',
    ]);
    expect(ws.pageSetup.orientation).toBe('landscape');
    expect(ws.pageSetup.printTitlesRow).toBe(`${h}:${h + 1}`);
  });

  it('writes one numbered row per dossier with Vietnamese wall-clock times', async () => {
    const data = trackingBookData();
    const ws = await readBook(data);
    const r = TRACKING_BOOK_FIRST_DATA_ROW;
    // STT is the dossier's number in its book (the receipt's "Số thứ tự"), not the row's position in the export.
    expect([1, 2, 3].map((i) => ws.getCell(`A${r + i - 1}`).value)).toEqual([141, 142, 143]);
    expect(text(ws, `B${r}`)).toBe('H56.14-261127-0361');
    expect(text(ws, `C${r}`)).toBe('Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam');
    expect(text(ws, `D${r}`)).toBe('Nguyễn Thị Ngọc Ánh');
    expect(text(ws, `E${r}`)).toBe('Số 12 Lê Hoàn, Phường Hạc Thành, tỉnh Thanh Hóa\n0912 345 678');
    expect(text(ws, `F${r}`)).toBe('Sở Tư pháp');
    // Instants are stored as the +07:00 wall clock: 02:32Z reads 09:32 in any spreadsheet.
    expect(text(ws, `G${r}`)).toEqual(new Date(Date.UTC(2026, 10, 27, 9, 32)));
    expect(text(ws, `H${r}`)).toEqual(new Date(Date.UTC(2026, 11, 4, 9, 32)));
    expect(ws.getCell(`G${r}`).numFmt).toBe(TRACKING_BOOK_DATE_FORMAT);
    expect(text(ws, `I${r}`)).toBe('');
    expect(text(ws, `J${r}`)).toBe('');
    expect(text(ws, `K${r}`)).toBe('Trực tiếp');

    expect(text(ws, `D${r + 1}`)).toBe('Trần Quốc Việt');
    // 08:05Z on 02/11 is 15:05; returned 02:00Z on 06/11 is 09:00.
    expect(text(ws, `G${r + 1}`)).toEqual(new Date(Date.UTC(2026, 10, 2, 15, 5)));
    expect(text(ws, `J${r + 1}`)).toEqual(new Date(Date.UTC(2026, 10, 6, 9, 0)));
    expect(text(ws, `L${r + 1}`)).toBe('Trần Quốc Việt');

    expect(text(ws, `D${r + 2}`)).toBe('Công ty TNHH Thương mại Đức Hạnh');
    expect(text(ws, `E${r + 2}`)).toBe('0237 3852 111');
    expect(text(ws, `H${r + 2}`)).toBe('Không có ngày hẹn trả');
    expect(text(ws, `A${r + 4}`)).toBe('Ghi chú:');
  });

  it('is Mẫu số 06 of TT 01/2018 for a period that starts before 1 July 2025', async () => {
    const ws = await readBook(trackingBookData({ period: { from: '2025-06-01', to: '2025-06-30' }, rows: [], bookName: null, volumes: [] }));
    expect(text(ws, 'A1')).toBe('Mẫu số 06 (ban hành kèm theo Thông tư số 01/2018/TT-VPCP ngày 23/11/2018)');
    expect(text(ws, 'A8')).toBe('Từ ngày 01/06/2025 đến ngày 30/06/2025');
    expect(text(ws, `A${TRACKING_BOOK_FIRST_DATA_ROW + 1}`)).toBe('Ghi chú:');
  });

  it('puts each dossier under the form set and volume of its own reception date, whatever the period start', async () => {
    const base = trackingBookData().rows[0]!;
    const wb = new ExcelJS.Workbook();
    const data = trackingBookData({
      period: { from: '2025-06-15', to: '2026-01-10' },
      volumes: [
        { volume: '2025', reference: '01/STD-TTPVHCC' },
        { volume: '2026', reference: '02/STD-TTPVHCC' },
      ],
      rows: [
        { ...base, volume: '2025', sequence: 310, dossierCode: 'A-250620-0001', receivedAt: '2025-06-20T02:00:00Z' },
        { ...base, volume: '2025', sequence: 402, dossierCode: 'A-250702-0001', receivedAt: '2025-07-02T02:00:00Z', extendedDueAt: '2025-07-15T09:00:00Z' },
        { ...base, volume: '2026', sequence: 1, dossierCode: 'A-260105-0001', receivedAt: '2026-01-05T02:00:00Z' },
      ],
    });
    await wb.xlsx.load((await renderTrackingBook(data)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Quyển 2025 - Mẫu số 06', 'Quyển 2025 - Mẫu số 07', 'Quyển 2026']);
    const [old, current, next] = wb.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet, ExcelJS.Worksheet];
    const r = TRACKING_BOOK_FIRST_DATA_ROW;
    expect(text(old, 'A1')).toMatch(/^Mẫu số 06 .*01\/2018/);
    expect([text(old, `A${r}`), text(old, `B${r}`)]).toEqual([310, 'A-250620-0001']);
    expect(text(current, 'A1')).toMatch(/^Mẫu số 07 .*03\/2025/);
    expect([text(current, `A${r}`), text(current, `B${r}`)]).toEqual([402, 'A-250702-0001']);
    // The promise and the extension stand in their own columns.
    expect(text(current, `H${r}`)).toEqual(new Date(Date.UTC(2026, 11, 4, 9, 32)));
    expect(text(current, `I${r}`)).toEqual(new Date(Date.UTC(2025, 6, 15, 16, 0)));
    expect(text(current, 'A7')).toBe('Lĩnh vực Lý lịch tư pháp — Quyển số: 2025');
    expect(text(current, 'A4')).toBe('Số: 01/STD-TTPVHCC');
    expect(text(next, 'A4')).toBe('Số: 02/STD-TTPVHCC');
    expect(text(next, `A${r}`)).toBe(1);
  });
});
