// Renders every PDF slip with realistic Vietnamese data and reads it back with poppler (pdftotext, pdfimages, …).
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { renderApologySlip, renderControlSlip, renderReceiptSlip, renderRefusalSlip, renderStopNotice, renderSupplementRequestSlip } from './index';
import { RECEIPT_QR_OPTIONS } from './receipt-slip';
import { balanceLines } from './slips.pdf';
import { apologyData, controlSlipData, receiptData, refusalData, stopNoticeData, supplementData } from './test/fixtures';
import { firstImageRgb, flatText, pdfFonts, pdfImages, pdfInfo, pdfText } from './test/pdf-tools';

const NATIONAL_HEADING = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'];

/** Asserts the parts every slip shares: A4 portrait, Noto Serif embedded, national heading, issuer, date line. */
function expectCommonLayout(pdf: Buffer, opts: { issuer: string[]; number: string; dateLine: string }): string {
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const info = pdfInfo(pdf);
  expect(info['Page size']).toMatch(/^595\.2\d* x 841\.8\d* pts \(A4\)/);
  expect(pdfFonts(pdf).some((f) => /NotoSerif/.test(f))).toBe(true);
  const text = pdfText(pdf);
  for (const line of [...NATIONAL_HEADING, ...opts.issuer, opts.number, opts.dateLine]) expect(text).toContain(line);
  return text;
}

describe('Mẫu 01 receipt slip', () => {
  it('prints every field of §4.2 with Vietnamese dates in +07:00', async () => {
    const data = receiptData();
    const pdf = await renderReceiptSlip(data);
    const text = expectCommonLayout(pdf, {
      issuer: ['UBND TỈNH THANH HÓA', 'TRUNG TÂM PHỤC VỤ', 'HÀNH CHÍNH CÔNG'],
      number: 'Số: 0361/TTPVHCC',
      dateLine: 'Thanh Hóa, ngày 27 tháng 11 năm 2026',
    });
    const flat = flatText(pdf);
    expect(text).toContain('Mẫu số 01');
    expect(flat).toContain('ban hành kèm theo Thông tư số 03/2025/TT-VPCP');
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(text).toContain('Mã hồ sơ: H56.14-261127-0361');
    expect(text).toContain('Tiếp nhận hồ sơ của Ông (Bà): Nguyễn Thị Ngọc Ánh');
    expect(text).toContain('Số định danh cá nhân: 038190012345');
    expect(text).toContain('Phường Hạc Thành');
    expect(text).toContain('ngocanh.nguyen@example.vn');
    expect(text).toContain('Người được ủy quyền: Trần Quốc Việt');
    expect(flat).toContain('Nội dung yêu cầu giải quyết: Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam');
    expect(flat).toContain('Bản chụp Căn cước công dân');
    expect(text).toContain('Số lượng hồ sơ: 01 (bộ)');
    expect(text).toContain('Thời gian giải quyết hồ sơ theo quy định là: 05 ngày làm việc');
    // 02:32Z is 09:32 in Asia/Ho_Chi_Minh.
    expect(text).toContain('Thời gian nhận hồ sơ: 9 giờ 32 phút, ngày 27/11/2026');
    expect(text).toContain('Thời gian trả kết quả giải quyết hồ sơ: 9 giờ 32 phút, ngày 04/12/2026');
    expect(text).toContain('Hình thức thu phí, lệ phí: Thu trước');
    expect(text).toContain('Đăng ký nhận kết quả tại: Trung tâm Phục vụ hành chính công tỉnh Thanh Hóa');
    expect(text).toContain('Vào Sổ theo dõi hồ sơ, Quyển số: 03, Số thứ tự: 1275');
    expect(text).toMatch(/NGƯỜI NỘP HỒ SƠ\s+NGƯỜI TIẾP NHẬN HỒ SƠ/);
    expect(text).toMatch(/Trần Quốc Việt\s+Lê Thị Hường/);
    expect(pdfInfo(pdf)['Pages']).toBe('1');
  });

  it('embeds a QR code of the lookup URL', async () => {
    const data = receiptData();
    const pdf = await renderReceiptSlip(data);
    const images = pdfImages(pdf).filter((i) => i.type === 'image');
    expect(images).toHaveLength(1);

    // Compare the embedded pixels with the QR matrix of the lookup URL, module by module.
    const { width, height, rgb } = firstImageRgb(pdf);
    const matrixOf = (text: string) => QRCode.create(text, { errorCorrectionLevel: RECEIPT_QR_OPTIONS.errorCorrectionLevel }).modules;
    const modules = matrixOf(data.lookupUrl);
    const { scale, margin } = RECEIPT_QR_OPTIONS;
    expect(width).toBe((modules.size + 2 * margin) * scale);
    expect(height).toBe(width);
    const dark = (row: number, col: number) => {
      const x = (col + margin) * scale + scale / 2;
      const y = (row + margin) * scale + scale / 2;
      return rgb[(y * width + x) * 3]! < 128;
    };
    const matches = (m: typeof modules) => {
      for (let r = 0; r < m.size; r++) for (let c = 0; c < m.size; c++) if (dark(r, c) !== (m.get(r, c) === 1)) return false;
      return true;
    };
    expect(matches(modules)).toBe(true);
    const other = matrixOf(data.lookupUrl.replace('0361', '0362'));
    expect(other.size === modules.size && matches(other)).toBe(false);
  });

  it('shows the same wall-clock time whatever offset the instant is written with', async () => {
    const a = pdfText(await renderReceiptSlip(receiptData({ receivedAt: '2026-11-27T09:32:00+07:00', issuedAt: new Date('2026-11-27T02:32:00Z') })));
    const b = pdfText(await renderReceiptSlip(receiptData({ receivedAt: new Date('2026-11-27T02:32:00Z') })));
    for (const t of [a, b]) expect(t).toContain('Thời gian nhận hồ sơ: 9 giờ 32 phút, ngày 27/11/2026');
    // 17:05Z on 30/11 is already 00:05 on 01/12 in Vietnam.
    const c = pdfText(await renderReceiptSlip(receiptData({ dueAt: '2026-11-30T17:05:00Z' })));
    expect(c).toContain('0 giờ 05 phút, ngày 01/12/2026');
  });

  it('without an authorised person or appointment prints blanks and "không có ngày hẹn trả"', async () => {
    const pdf = await renderReceiptSlip(
      receiptData({
        authorisedPerson: null,
        dueAt: null,
        number: null,
        feeCollection: null,
        trackingBook: null,
        applicant: { name: 'Lê Văn Đạt', identityNumber: null, address: 'Xã Nga Sơn, tỉnh Thanh Hóa', phone: null, email: null },
      }),
    );
    const text = pdfText(pdf);
    expect(text).not.toContain('Người được ủy quyền');
    expect(text).not.toContain('Hình thức thu phí');
    expect(text).toContain('Số: ……/TTPVHCC');
    expect(text).toContain('Số định danh cá nhân: ……………');
    expect(text).toContain('Thời gian trả kết quả giải quyết hồ sơ: không có ngày hẹn trả');
    expect(text).toContain('Quyển số: ……………, Số thứ tự: ……………');
    expect(text).toMatch(/Lê Văn Đạt\s+Lê Thị Hường/);
  });

  it('rejects an instant without an offset (it would be read in the server zone)', async () => {
    await expect(renderReceiptSlip(receiptData({ receivedAt: '2026-11-27T09:32:00' }))).rejects.toThrow(/offset/);
  });

  it('never leaves the signatures alone on a page when the list just fills the first one', async () => {
    // Seven short documents fill page 1 up to the signatures: the closing lines must move with them.
    const documents = Array.from({ length: 7 }, (_, i) => ({ name: `Giấy tờ số ${i + 1}`, originals: 1, certifiedCopies: 0, copies: 0 }));
    const pdf = await renderReceiptSlip(receiptData({ documents }));
    const pages = pdfText(pdf).split('\f');
    expect(Number(pdfInfo(pdf)['Pages'])).toBe(2);
    expect(pages[1]).toMatch(/Vào Sổ theo dõi hồ sơ, Quyển số: 03, Số thứ tự: 1275[\s\S]*NGƯỜI NỘP HỒ SƠ/);
    expect(pages[0]).not.toContain('NGƯỜI NỘP HỒ SƠ');
  });

  it('keeps the signatures together on the next page when the document list is long', async () => {
    const documents = Array.from({ length: 14 }, (_, i) => ({
      name: `Giấy tờ số ${i + 1}: bản kê khai thông tin về quá trình công tác và cư trú`,
      originals: 1,
      certifiedCopies: i % 2,
      copies: 0,
    }));
    const pdf = await renderReceiptSlip(receiptData({ documents }));
    expect(Number(pdfInfo(pdf)['Pages'])).toBe(2);
    const pages = pdfText(pdf).split('\f');
    expect(pages[1]).toMatch(/NGƯỜI NỘP HỒ SƠ[\s\S]*Trần Quốc Việt/);
    expect(pages[1]).toContain('2/2');
    // The signature never stands alone on its page: the closing lines of the slip go with it.
    expect(pages[1]).toMatch(/Vào Sổ theo dõi hồ sơ, Quyển số: 03, Số thứ tự: 1275[\s\S]*NGƯỜI NỘP HỒ SƠ/);
    expect(pages[1]).toContain('Đăng ký nhận kết quả tại');
  });
});

describe('Mẫu 02 supplement request', () => {
  it('lists the items, the reason and whom to contact', async () => {
    const pdf = await renderSupplementRequestSlip(supplementData());
    const text = expectCommonLayout(pdf, {
      issuer: ['UBND TỈNH THANH HÓA', 'TRUNG TÂM PHỤC VỤ'],
      number: 'Số: 0112/PBS-TTPVHCC',
      dateLine: 'Thanh Hóa, ngày 23 tháng 11 năm 2026',
    });
    const flat = flatText(pdf);
    expect(text).toContain('Mẫu số 02');
    expect(text).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    expect(text).toContain('Hồ sơ của: Nguyễn Thị Ngọc Ánh');
    expect(text).toContain('Nội dung yêu cầu giải quyết: Đăng ký khai sinh có yếu tố nước ngoài');
    expect(text).toContain('Yêu cầu hoàn thiện hồ sơ gồm những nội dung sau:');
    expect(flat).toContain('1. Bổ sung bản chính Giấy chứng sinh do cơ sở y tế cấp.');
    expect(flat).toContain('2. Hoàn thiện Tờ khai đăng ký khai sinh');
    expect(flat).toContain('Lý do: Thành phần hồ sơ chưa đầy đủ');
    expect(flat).toContain('liên hệ với Lê Thị Hường, số điện thoại 0237 3900 900 để được hướng dẫn./.');
    expect(text).toContain('NGƯỜI HƯỚNG DẪN');
    expect(text).not.toContain('Mã hồ sơ');
  });

  it('prints the dossier code when the request comes during handling, and refuses an empty list', async () => {
    const text = pdfText(await renderSupplementRequestSlip(supplementData({ dossierCode: 'H56.14-261120-0042' })));
    expect(text).toContain('Mã hồ sơ: H56.14-261120-0042');
    await expect(renderSupplementRequestSlip(supplementData({ items: [] }))).rejects.toThrow(RangeError);
  });
});

describe('Mẫu 03 refusal', () => {
  it('addresses an organisation and numbers the reasons', async () => {
    const pdf = await renderRefusalSlip(refusalData());
    const text = expectCommonLayout(pdf, {
      issuer: ['UBND TỈNH THANH HÓA', 'TRUNG TÂM PHỤC VỤ'],
      number: 'Số: 0045/PTC-TTPVHCC',
      dateLine: 'Thanh Hóa, ngày 24 tháng 11 năm 2026',
    });
    const flat = flatText(pdf);
    expect(text).toContain('Mẫu số 03');
    expect(text).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ');
    expect(text).toContain('Tiếp nhận hồ sơ của Tổ chức: Công ty TNHH Thương mại Đức Hạnh');
    expect(text).toContain('Số định danh tổ chức: 2801234567');
    expect(text).toContain('Mã hồ sơ (nếu có): ……………');
    expect(flat).toContain('thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:');
    expect(flat).toContain('1. Doanh nghiệp chưa ký quỹ kinh doanh dịch vụ lữ hành quốc tế theo quy định.');
    expect(flat).toContain('2. Người phụ trách kinh doanh dịch vụ lữ hành');
    expect(flat).toContain('Xin thông báo cho Tổ chức được biết và thực hiện./.');
    expect(text).toMatch(/Phạm Đức Hạnh\s+Lê Thị Hường/);
  });
});

describe('Mẫu 04 apology and extension', () => {
  it('uses the TT 03/2025 wording for a dossier received after 1 July 2025', async () => {
    const pdf = await renderApologySlip(apologyData());
    const text = expectCommonLayout(pdf, {
      issuer: ['UBND TỈNH THANH HÓA', 'SỞ TƯ PHÁP'],
      number: 'Số: 07/PXL-STP',
      dateLine: 'Thanh Hóa, ngày 02 tháng 12 năm 2026',
    });
    const flat = flatText(pdf);
    expect(text).toContain('Mẫu số 04');
    expect(text).toContain('PHIẾU XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT');
    expect(text).toContain('Kính gửi: Bà Nguyễn Thị Ngọc Ánh');
    expect(flat).toContain('Ngày 27/11/2026, Sở Tư pháp tỉnh Thanh Hóa tiếp nhận giải quyết hồ sơ');
    expect(flat).toContain('mã số hồ sơ: H56.14-261127-0361.');
    expect(flat).toContain('Thời gian hẹn trả kết quả giải quyết hồ sơ: 9 giờ 32 phút, ngày 04/12/2026');
    expect(flat).toContain('Lý do: Cần xác minh thông tin về án tích');
    expect(flat).toContain('sẽ trả kết quả giải quyết hồ sơ cho Ông (Bà) vào 16 giờ 30 phút, ngày 09/12/2026.');
    expect(text).toContain('KT. GIÁM ĐỐC');
    expect(text).toContain('PHÓ GIÁM ĐỐC');
    expect(text).toContain('Trần Quốc Việt');
  });

  it('uses the TT 01/2018 title and wording for a dossier received before 1 July 2025', async () => {
    const pdf = await renderApologySlip(apologyData({ receivedAt: '2025-06-20T02:00:00Z' }));
    const text = pdfText(pdf);
    const flat = flatText(pdf);
    expect(text).toContain('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
    expect(text).not.toContain('ĐỀ NGHỊ GIA HẠN');
    expect(text).toContain('Mẫu số 04');
    expect(flat).toContain('Thông tư số 01/2018/TT-VPCP');
    expect(flat).toContain('Ngày 20/06/2025, Sở Tư pháp');
    expect(flat).toContain('hẹn lại thời gian trả kết quả giải quyết hồ sơ vào 16 giờ 30 phút, ngày 09/12/2026.');
  });
});

describe('Mẫu 05 stop-handling notice', () => {
  it('states from when handling stops, the reason and the basis', async () => {
    const pdf = await renderStopNotice(stopNoticeData());
    const text = expectCommonLayout(pdf, {
      issuer: ['SỞ TƯ PHÁP'],
      number: 'Số: 03/TB-STP',
      dateLine: 'Thanh Hóa, ngày 01 tháng 12 năm 2026',
    });
    const flat = flatText(pdf);
    expect(text).toContain('Mẫu số 05');
    expect(text).toContain('THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ');
    expect(flat).toContain('thông báo dừng giải quyết hồ sơ nêu trên kể từ 10 giờ 00 phút, ngày 01/12/2026.');
    expect(flat).toContain('Lý do: Người yêu cầu có văn bản đề nghị dừng giải quyết hồ sơ ngày 30/11/2026.');
    expect(flat).toContain('Căn cứ: Nghị định số 118/2025/NĐ-CP');
    expect(flat).toContain('Nguyễn Thị Ngọc Ánh');
  });

  it('has no form number under TT 01/2018, which had no such form', async () => {
    const text = pdfText(await renderStopNotice(stopNoticeData({ receivedAt: '2025-05-05T02:00:00Z', legalBasis: null })));
    expect(text).toContain('THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ');
    expect(text).not.toContain('Mẫu số');
    expect(text).not.toContain('Căn cứ');
  });
});

describe('Mẫu 06 control slip', () => {
  it('prints one entry per hand-over with its time and classification', async () => {
    const pdf = await renderControlSlip(controlSlipData());
    const text = expectCommonLayout(pdf, {
      issuer: ['TRUNG TÂM PHỤC VỤ'],
      number: 'Số: 0361/PKS-TTPVHCC',
      dateLine: 'Thanh Hóa, ngày 27 tháng 11 năm 2026',
    });
    const flat = flatText(pdf);
    expect(text).toContain('Mẫu số 06');
    expect(text).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
    expect(text).toContain('Mã số hồ sơ: H56.14-261127-0361');
    expect(text).toContain('Cơ quan phối hợp giải quyết hồ sơ: Công an tỉnh Thanh Hóa');
    expect(text).toContain('Hẹn trả kết quả vào: 9 giờ 32 phút, ngày 04/12/2026');
    expect(flat).toContain('1. Giao: Trung tâm Phục vụ hành chính công tỉnh 2. Nhận: Phòng Hành chính tư pháp');
    expect(flat).toContain('Người giao Lê Thị Hường Người nhận Đỗ Văn Quyết');
    // 03:10Z, 08:00Z and 09:45Z are 10:10, 15:00 and 16:45 in Vietnam.
    expect(flat).toContain('10 giờ 10 phút, ngày 27/11/2026 Trước hạn');
    expect(flat).toContain('15 giờ 00 phút, ngày 30/11/2026 Đúng hạn Liên thông điện tử');
    expect(flat).toContain('16 giờ 45 phút, ngày 03/12/2026 Quá hạn Chậm 01 ngày');
    const order = ['Trước hạn', 'Đúng hạn', 'Quá hạn'].map((w) => flat.indexOf(w));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(flat).toContain('Hoàng Minh Tuấn');
    expect(flat).toContain('Chậm 01 ngày');
    expect(flat).toContain('Kết quả giải quyết hồ sơ do bên nhận nhập thông tin/ghi khi nhận bàn giao hồ sơ.');
  });

  it('is Mẫu số 05 under TT 01/2018', async () => {
    const text = pdfText(await renderControlSlip(controlSlipData({ receivedAt: '2025-06-30T16:59:00Z' })));
    expect(text).toContain('Mẫu số 05');
    expect(text).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
  });
});

describe('heading layout', () => {
  it('breaks a long unit name into balanced lines', () => {
    expect(balanceLines('TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG', 28)).toEqual(['TRUNG TÂM PHỤC VỤ', 'HÀNH CHÍNH CÔNG']);
    expect(balanceLines('SỞ TƯ PHÁP', 28)).toEqual(['SỞ TƯ PHÁP']);
    const long = balanceLines('BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH CẤP XÃ', 28);
    expect(long).toHaveLength(3);
    expect(long.join(' ')).toBe('BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH CẤP XÃ');
    expect(Math.max(...long.map((l) => l.length))).toBeLessThanOrEqual(28);
  });
});
