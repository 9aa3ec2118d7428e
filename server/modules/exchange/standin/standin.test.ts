// The stand-in national portal itself, run as its own process through its client, as the exchange tests run it: valid
// requests recorded, each kind of invalid field refused by name with nothing recorded, duplicates answered as already
// existing, the portal's own dossiers picked up once, the reconciliation lookup, hosted files, and every misbehaviour.
// The pure format checks run in-process.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { StandinControlError, spawnStandin, type Standin } from './standin-client';
import {
  DOSSIER_SHAPE,
  PORTAL_DOSSIER_SHAPE,
  PROGRESS_SHAPE,
  REQUEST_SHAPES,
  formatDvcqgTime,
  isStatusBackwards,
  parseDvcqgTime,
  validateDossier,
  type DvcqgDossier,
  type DvcqgPortalDossier,
  type DvcqgProgress,
  type FieldRule,
  type RecordShape,
  type TraCuuHoSoAnswer,
} from './standin-format';

let seq = 0;
/** A dossier code no other test uses. */
const nextCode = () => `H56.14-260302-${String((seq += 1)).padStart(4, '0')}`;
/** Drops the keys whose value is undefined, as JSON.stringify would. */
const clean = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** A valid dossier at status 2 (received at the counter); `over` replaces fields, undefined removes them. */
function dossier(over: Record<string, unknown> = {}): DvcqgDossier {
  return clean({
    MaHoSo: nextCode(),
    MaTTHC: '2.000815.000.00.00.H56',
    TenTTHC: 'Cấp bản sao trích lục hộ tịch',
    MaLinhVuc: 'G09-TP05',
    TenLinhVuc: 'Hộ tịch',
    KenhThucHien: '1',
    ChuHoSo: 'Nguyễn Văn An',
    SoGiayToChuHoSo: '038090001234',
    LoaiDoiTuong: '1',
    Email: 'an.nguyen@example.vn',
    SoDienThoai: '0912345678',
    TrichYeuHoSo: 'Cấp bản sao trích lục khai sinh cho ông Nguyễn Văn An',
    NgayNopHoSo: '20260302090000',
    NgayTiepNhan: '20260302091500',
    NgayHenTra: '20260305170000',
    TrangThaiHoSo: '2',
    HinhThuc: '0',
    DonViXuLy: 'UBND xã Quảng Phú',
    NoiNopHoSo: '1',
    DuocThanhToanTrucTuyen: '0',
    DinhDanhCHS: [{ LoaiDinhDanh: '1', SoDinhDanh: '038090001234' }],
    TaiLieuNop: [
      {
        TepDinhKemId: 'f-1',
        TenTepDinhKem: 'Tờ khai.pdf',
        MaThanhPhanHoSo: 'TP1',
        DuongDanTaiTepTin: 'https://motcua.example.vn/files/f-1',
        DuocSoHoa: '1',
        DuocTaiSuDung: '0',
        DuocLayTuKhoDMQG: '0',
      },
    ],
    DanhSachLePhi: [{ TenPhiLePhi: 'Lệ phí cấp bản sao', MaPhiLePhi: 'LP01', HinhThucThu: '1', Gia: '8000', LoaiPhiLePhi: '2' }],
    ...over,
  });
}

/** A valid dossier a citizen submitted on the national portal to agency H56.14. */
function portalDossier(over: Record<string, unknown> = {}): DvcqgPortalDossier {
  return dossier({
    KenhThucHien: '2',
    TrangThaiHoSo: '1',
    NgayTiepNhan: undefined,
    NgayHenTra: undefined,
    MaDoiTuong: 'dvcqg-citizen-0042',
    NgayNopHoSo: '20260302201500',
    MaDonViTiepNhan: 'H56.14',
    ...over,
  }) as DvcqgPortalDossier;
}

/** A valid progress entry of dossier `code`. */
function progress(code: string, over: Record<string, unknown> = {}): DvcqgProgress {
  return clean({
    MaHoSo: code,
    NguoiXuLy: 'Trần Thị Bình',
    ChucDanh: 'Chuyên viên',
    ThoiDiemXuLy: '20260302091500',
    PhongBanXuLy: 'Bộ phận một cửa',
    NoiDungXuLy: 'Tiếp nhận hồ sơ',
    TrangThai: '2',
    NgayBatDau: '20260302091500',
    NgayKetThucTheoQuyDinh: '20260305170000',
    ...over,
  });
}

let s: Standin;
beforeAll(async () => {
  s = await spawnStandin();
}, 90_000);
afterAll(async () => {
  await s?.stop();
});
beforeEach(async () => {
  await s.control.reset();
});

const sync = (data: unknown[], isUpdating = false) => s.api({ service: 'DongBoHoSoMC', isUpdating, data });
const report = (data: unknown[]) => s.api({ service: 'CapNhatTienDoHoSoMC', data });

describe('DongBoHoSoMC', () => {
  it('records a valid dossier with every list filled, then each status it is updated to', async () => {
    const d = dossier({
      DSKetNoiCSDL: [{ MaCSDL: '7' }],
      DanhSachTepDinhKemKhac: [{ TenGiayTo: 'Giấy ủy quyền', SoLuong: '1', LoaiGiayTo: '1' }],
      DanhSachHoSoBoSung: [
        {
          HoSoBoSungId: 'bs-1',
          NguoiYeuCauBoSung: 'Trần Thị Bình',
          NoiDungBoSung: 'Bổ sung bản sao giấy khai sinh',
          NgayBoSung: '20260303100000',
          NgayTiepNhanBoSung: '20260304080000',
          DanhSachGiayToBoSung: [{ TenGiayTo: 'Bản sao giấy khai sinh', SoLuong: '2' }],
          DanhSachLePhiBoSung: [],
          NgayHenTraTruoc: '20260305170000',
          NgayHenTraMoi: '20260306170000',
        },
      ],
    });
    const created = await sync([d]);
    expect(created).toEqual({ status: 200, body: { error_code: '0', message: 'Đồng bộ hồ sơ thành công' } });

    const done = { ...d, TrangThaiHoSo: '10', NgayKetThucXuLy: '20260305100000', NgayTra: '20260305150000', HinhThuc: '1' };
    expect((await sync([{ ...d, TrangThaiHoSo: '4' }], true)).body).toEqual({ error_code: '0', message: 'Cập nhật hồ sơ thành công' });
    expect((await sync([{ ...done, TrangThaiHoSo: '9', NgayTra: undefined }], true)).body.error_code).toBe('0');
    expect((await sync([done], true)).body.error_code).toBe('0');

    const log = await s.control.log();
    expect(log.dossiers[d.MaHoSo]).toMatchObject({ origin: 'local', statuses: [2, 4, 9, 10], backwards: [], duplicates: 0, current: done, maHoSoTinh: null });
    expect(log.requests).toBe(4);
    expect(log.rejected).toEqual([]);
  });

  it('accepts a status going backwards and records it as such', async () => {
    const d = dossier();
    await sync([d]);
    await sync([{ ...d, TrangThaiHoSo: '9', NgayKetThucXuLy: '20260304100000' }], true);
    const back = await sync([{ ...d, TrangThaiHoSo: '4' }], true);
    expect(back.body.error_code).toBe('0');
    expect((await s.control.log()).dossiers[d.MaHoSo]).toMatchObject({ statuses: [2, 9, 4], backwards: [{ from: 9, to: 4 }] });
  });

  it('answers -3 "Hồ sơ đã tồn tại" to the creation of an existing dossier and records nothing', async () => {
    const d = dossier();
    await sync([d]);
    const again = await sync([{ ...d, TrangThaiHoSo: '4' }]);
    expect(again).toEqual({ status: 200, body: { error_code: '-3', message: 'Hồ sơ đã tồn tại', existing: [d.MaHoSo] } });
    expect((await s.control.log()).dossiers[d.MaHoSo]).toMatchObject({ statuses: [2], duplicates: 1 });
  });

  it('creates the new dossiers of a batch that also names existing ones, and lists those', async () => {
    const old = dossier();
    const fresh = dossier();
    await sync([old]);
    expect((await sync([old, fresh])).body).toEqual({ error_code: '0', message: 'Đồng bộ hồ sơ thành công', existing: [old.MaHoSo] });
    const log = await s.control.log();
    expect(log.dossiers[fresh.MaHoSo]?.statuses).toEqual([2]);
    expect(log.dossiers[old.MaHoSo]).toMatchObject({ statuses: [2], duplicates: 1 });
  });

  it('refuses an update of an unknown dossier, and the rest of its batch with it', async () => {
    const known = dossier();
    await sync([known]);
    const unknown = dossier();
    const answer = await sync([{ ...known, TrangThaiHoSo: '4' }, unknown], true);
    expect(answer.body).toEqual({ error_code: '-1', message: `Không tìm thấy hồ sơ ${unknown.MaHoSo}`, field: 'data[1].MaHoSo' });
    const log = await s.control.log();
    expect(log.dossiers[known.MaHoSo]?.statuses).toEqual([2]);
    expect(log.rejected).toEqual([{ service: 'DongBoHoSoMC', message: answer.body.message, field: 'data[1].MaHoSo', maHoSo: unknown.MaHoSo }]);
  });

  // Each case: the fields replaced (undefined removes), the refused path under data[0], and the reason expected.
  const invalid: Array<[string, Record<string, unknown>, string, RegExp]> = [
    ['MaHoSo longer than 50', { MaHoSo: `H56-${'9'.repeat(47)}` }, 'MaHoSo', /dài 51 ký tự, tối đa 50/],
    ['MaHoSo with a space', { MaHoSo: 'H56 0001' }, 'MaHoSo', /ASCII in được, không có khoảng trắng/],
    ['MaTTHC missing', { MaTTHC: undefined }, 'MaTTHC', /^bắt buộc$/],
    ['MaTTHC not a national code', { MaTTHC: 'TTHC-01' }, 'MaTTHC', /mã TTHC quốc gia/],
    ['TenTTHC as a number', { TenTTHC: 12 }, 'TenTTHC', /phải là chuỗi \(nhận số 12\)/],
    ['MaLinhVuc with a space', { MaLinhVuc: 'G09 TP05' }, 'MaLinhVuc', /không có khoảng trắng/],
    ['KenhThucHien as a number', { KenhThucHien: 1 }, 'KenhThucHien', /phải là chuỗi, một trong "1", "2", "3" \(nhận số 1\)/],
    ['KenhThucHien 4', { KenhThucHien: '4' }, 'KenhThucHien', /một trong "1", "2", "3" \(nhận "4"\)/],
    ['ChuHoSo blank', { ChuHoSo: '   ' }, 'ChuHoSo', /khoảng trắng/],
    ['LoaiDoiTuong 5', { LoaiDoiTuong: '5' }, 'LoaiDoiTuong', /"1", "2", "3", "4"/],
    ['MaDoiTuong on a counter dossier', { MaDoiTuong: 'dvcqg-citizen-0042' }, 'MaDoiTuong', /KenhThucHien "2"/],
    ['Email without a domain', { Email: 'an.nguyen@' }, 'Email', /thư điện tử/],
    ['SoDienThoai with spaces', { SoDienThoai: '0912 345 678' }, 'SoDienThoai', /chỉ gồm chữ số/],
    ['TrichYeuHoSo of 1001 characters', { TrichYeuHoSo: 'ă'.repeat(1001) }, 'TrichYeuHoSo', /dài 1001 ký tự, tối đa 1000/],
    ['TrichYeuHoSo with a control character', { TrichYeuHoSo: 'Cấp bản sao\u0000' }, 'TrichYeuHoSo', /ký tự điều khiển/],
    ['NgayTiepNhan on 30 February', { NgayTiepNhan: '20260230091500' }, 'NgayTiepNhan', /không phải ngày giờ có thật/],
    ['NgayTiepNhan at 24:00', { NgayTiepNhan: '20260302240000' }, 'NgayTiepNhan', /không phải ngày giờ có thật/],
    ['NgayTiepNhan missing once received', { NgayTiepNhan: undefined, TrangThaiHoSo: '4' }, 'NgayTiepNhan', /bắt buộc khi TrangThaiHoSo không phải "1", "3", "7"/],
    ['NgayTiepNhan before NgayNopHoSo', { NgayNopHoSo: '20260302100000' }, 'NgayTiepNhan', /sớm hơn NgayNopHoSo/],
    ['NgayHenTra in ISO form', { NgayHenTra: '2026-03-05T17:00:00+07:00' }, 'NgayHenTra', /dạng yyyyMMddHHmmss/],
    ['NgayHenTra before NgayTiepNhan', { NgayHenTra: '20260301170000' }, 'NgayHenTra', /sớm hơn NgayTiepNhan/],
    ['TrangThaiHoSo 11', { TrangThaiHoSo: '11' }, 'TrangThaiHoSo', /nhận "11"/],
    ['TrangThaiHoSo as a number', { TrangThaiHoSo: 4 }, 'TrangThaiHoSo', /phải là chuỗi/],
    ['status 9 without NgayKetThucXuLy', { TrangThaiHoSo: '9' }, 'NgayKetThucXuLy', /bắt buộc khi TrangThaiHoSo là "9", "10"/],
    ['status 10 without NgayTra', { TrangThaiHoSo: '10', NgayKetThucXuLy: '20260305100000' }, 'NgayTra', /bắt buộc khi TrangThaiHoSo là "10"/],
    ['NgayTra before NgayKetThucXuLy', { TrangThaiHoSo: '10', NgayKetThucXuLy: '20260305100000', NgayTra: '20260305090000' }, 'NgayTra', /sớm hơn NgayKetThucXuLy/],
    ['status 3 without NgayTuChoi', { TrangThaiHoSo: '3', NgayTiepNhan: undefined, NgayHenTra: undefined }, 'NgayTuChoi', /bắt buộc khi TrangThaiHoSo là "3"/],
    ['HinhThuc 2', { HinhThuc: '2' }, 'HinhThuc', /"0", "1"/],
    ['DonViXuLy missing', { DonViXuLy: undefined }, 'DonViXuLy', /^bắt buộc$/],
    ['NoiNopHoSo as a unit name', { NoiNopHoSo: 'Bộ phận một cửa' }, 'NoiNopHoSo', /dài 15 ký tự, tối đa 2/],
    ['DuocThanhToanTrucTuyen as a number', { DuocThanhToanTrucTuyen: 1 }, 'DuocThanhToanTrucTuyen', /phải là chuỗi, một trong "0", "1"/],
    ['a field outside the format', { MaHoso: 'H56-1' }, 'MaHoso', /trường không có trong định dạng/],
    ['DinhDanhCHS as an object', { DinhDanhCHS: { LoaiDinhDanh: '1', SoDinhDanh: '038090001234' } }, 'DinhDanhCHS', /phải là mảng \(nhận đối tượng\)/],
    ['a personal ID of 11 digits', { DinhDanhCHS: [{ LoaiDinhDanh: '1', SoDinhDanh: '03809000123' }] }, 'DinhDanhCHS[0].SoDinhDanh', /đúng 12 chữ số/],
    ['LoaiDinhDanh 3', { DinhDanhCHS: [{ LoaiDinhDanh: '3', SoDinhDanh: '038090001234' }] }, 'DinhDanhCHS[0].LoaiDinhDanh', /"1", "2"/],
    ['a submitted file without its name', { TaiLieuNop: [{ DuongDanTaiTepTin: 'https://motcua.example.vn/files/f-1' }] }, 'TaiLieuNop[0].TenTepDinhKem', /^bắt buộc$/],
    [
      'a submitted file at a relative path',
      { TaiLieuNop: [{ TenTepDinhKem: 'Tờ khai.pdf', DuongDanTaiTepTin: '/files/f-1' }] },
      'TaiLieuNop[0].DuongDanTaiTepTin',
      /http\(s\) tuyệt đối/,
    ],
    ['a fee as a number', { DanhSachLePhi: [{ TenPhiLePhi: 'Lệ phí', Gia: 8000 }] }, 'DanhSachLePhi[0].Gia', /phải là chuỗi \(nhận số 8000\)/],
    ['a fee with decimals', { DanhSachLePhi: [{ TenPhiLePhi: 'Lệ phí', Gia: '8000.5' }] }, 'DanhSachLePhi[0].Gia', /số đồng nguyên/],
    ['a paper count of 0', { DanhSachTepDinhKemKhac: [{ TenGiayTo: 'Giấy ủy quyền', SoLuong: '0' }] }, 'DanhSachTepDinhKemKhac[0].SoLuong', /số nguyên dương/],
    [
      'a supplement with an impossible date',
      { DanhSachHoSoBoSung: [{ HoSoBoSungId: 'bs-1', NguoiYeuCauBoSung: 'Bình', NoiDungBoSung: 'Bổ sung', NgayBoSung: '20260431080000' }] },
      'DanhSachHoSoBoSung[0].NgayBoSung',
      /không phải ngày giờ có thật/,
    ],
    [
      'a result paper without its result code',
      { DanhSachGiayToKetQua: [{ TenGiayTo: 'Trích lục.pdf', DuongDanTepTinKetQua: 'https://motcua.example.vn/files/r-1' }] },
      'DanhSachGiayToKetQua[0].MaGiayToKetQua',
      /^bắt buộc$/,
    ],
  ];

  it.each(invalid)('refuses %s, naming the field, and records nothing', async (_case, over, field, reason) => {
    const d = dossier(over);
    const answer = await sync([dossier(), d]);
    const path = `data[1].${field}`;
    const name = field.slice(field.lastIndexOf('.') + 1);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ error_code: '-1', field: path });
    expect(answer.body.message.startsWith(`${name} không hợp lệ: `), answer.body.message).toBe(true);
    expect(answer.body.message.slice(`${name} không hợp lệ: `.length)).toMatch(reason);
    const log = await s.control.log();
    // The valid first dossier of the batch is not recorded either.
    expect(log.dossiers).toEqual({});
    expect(log.rejected).toEqual([{ service: 'DongBoHoSoMC', message: answer.body.message, field: path, maHoSo: typeof d.MaHoSo === 'string' ? d.MaHoSo : null }]);
  });

  const envelopes: Array<[string, unknown, string, RegExp]> = [
    ['isUpdating missing', { service: 'DongBoHoSoMC', data: [dossier()] }, 'isUpdating', /^bắt buộc$/],
    ['isUpdating as a string', { service: 'DongBoHoSoMC', isUpdating: 'false', data: [dossier()] }, 'isUpdating', /true hoặc false/],
    ['an empty batch', { service: 'DongBoHoSoMC', isUpdating: false, data: [] }, 'data', /ít nhất 1 phần tử/],
    ['51 dossiers', { service: 'DongBoHoSoMC', isUpdating: false, data: Array.from({ length: 51 }, () => dossier()) }, 'data', /tối đa 50 phần tử \(nhận 51\)/],
    [
      'a dossier twice in one batch',
      { service: 'DongBoHoSoMC', isUpdating: false, data: [dossier({ MaHoSo: 'H56-X' }), dossier({ MaHoSo: 'H56-X' })] },
      'data[1].MaHoSo',
      /trùng với data\[0\]/,
    ],
    ['a dossier that is not an object', { service: 'DongBoHoSoMC', isUpdating: false, data: ['H56-X'] }, 'data[0]', /đối tượng JSON/],
    ['a key outside the envelope', { service: 'DongBoHoSoMC', isUpdating: false, data: [dossier()], MaDonVi: 'H56' }, 'MaDonVi', /trường không có/],
    ['an unknown service', { service: 'HuyHoSo', MaHoSo: 'H56-X' }, 'service', /dịch vụ không được hỗ trợ/],
    ['no service', { isUpdating: false, data: [] }, 'service', /nhận không có/],
    ['a body that is a list', [dossier()], '(body)', /đối tượng JSON \(nhận mảng\)/],
  ];

  it.each(envelopes)('refuses %s', async (_case, body, field, reason) => {
    const answer = await s.api(body);
    const prefix = `${field.slice(field.lastIndexOf('.') + 1)} không hợp lệ: `;
    expect(answer.body).toMatchObject({ error_code: '-1', field });
    expect(answer.body.message.startsWith(prefix), answer.body.message).toBe(true);
    expect(answer.body.message.slice(prefix.length)).toMatch(reason);
    expect((await s.control.log()).dossiers).toEqual({});
  });
});

describe('CapNhatTienDoHoSoMC', () => {
  it('records progress entries, answers duplicates as already existing and records them once', async () => {
    const d = dossier();
    await sync([d]);
    const entries = [
      progress(d.MaHoSo),
      progress(d.MaHoSo, { ThoiDiemXuLy: '20260302140000', NoiDungXuLy: 'Chuyển xử lý', TrangThai: '4' }),
      progress(d.MaHoSo, { ThoiDiemXuLy: '20260303100000', NoiDungXuLy: 'Yêu cầu bổ sung', TrangThai: '5' }),
    ];
    expect((await report(entries)).body).toEqual({ error_code: '0', message: 'Cập nhật tiến độ thành công', duplicates: 0 });
    expect((await report(entries)).body).toEqual({ error_code: '-3', message: 'Tiến độ đã tồn tại', duplicates: 3 });
    const next = progress(d.MaHoSo, { ThoiDiemXuLy: '20260304080000', NoiDungXuLy: 'Tiếp tục xử lý', TrangThai: '4' });
    expect((await report([entries[2], next])).body).toEqual({ error_code: '0', message: 'Cập nhật tiến độ thành công', duplicates: 1 });
    // The same instant with another status is another entry; the same entry twice in one batch is recorded once.
    const sameInstant = progress(d.MaHoSo, { ThoiDiemXuLy: '20260304080000', NoiDungXuLy: 'Kết thúc xử lý', TrangThai: '9' });
    expect((await report([sameInstant, sameInstant])).body).toMatchObject({ error_code: '0', duplicates: 1 });

    const log = (await s.control.log()).dossiers[d.MaHoSo];
    expect(log?.progress).toEqual([
      { TrangThai: 2, ThoiDiemXuLy: '20260302091500', NoiDungXuLy: 'Tiếp nhận hồ sơ' },
      { TrangThai: 4, ThoiDiemXuLy: '20260302140000', NoiDungXuLy: 'Chuyển xử lý' },
      { TrangThai: 5, ThoiDiemXuLy: '20260303100000', NoiDungXuLy: 'Yêu cầu bổ sung' },
      { TrangThai: 4, ThoiDiemXuLy: '20260304080000', NoiDungXuLy: 'Tiếp tục xử lý' },
      { TrangThai: 9, ThoiDiemXuLy: '20260304080000', NoiDungXuLy: 'Kết thúc xử lý' },
    ]);
    expect(log?.duplicates).toBe(5);
  });

  it('refuses more than 10 entries in a batch', async () => {
    const d = dossier();
    await sync([d]);
    const eleven = Array.from({ length: 11 }, (_, i) => progress(d.MaHoSo, { ThoiDiemXuLy: `202603021${String(i).padStart(3, '0')}00` }));
    const answer = await report(eleven);
    expect(answer.body).toMatchObject({ error_code: '-1', field: 'data', message: 'data không hợp lệ: tối đa 10 phần tử (nhận 11)' });
    expect((await s.control.log()).dossiers[d.MaHoSo]?.progress).toEqual([]);
  });

  it('refuses progress of an unknown dossier, and the rest of its batch with it', async () => {
    const d = dossier();
    await sync([d]);
    const answer = await report([progress(d.MaHoSo), progress('H56-UNKNOWN')]);
    expect(answer.body).toEqual({ error_code: '-1', message: 'Không tìm thấy hồ sơ H56-UNKNOWN', field: 'data[1].MaHoSo' });
    expect((await s.control.log()).dossiers[d.MaHoSo]?.progress).toEqual([]);
  });

  const invalid: Array<[string, Record<string, unknown>, string, RegExp]> = [
    ['NguoiXuLy of 51 characters', { NguoiXuLy: 'Đ'.repeat(51) }, 'NguoiXuLy', /dài 51 ký tự, tối đa 50/],
    ['ThoiDiemXuLy with separators', { ThoiDiemXuLy: '2026-03-02 09:15:00' }, 'ThoiDiemXuLy', /yyyyMMddHHmmss/],
    ['ThoiDiemXuLy missing', { ThoiDiemXuLy: undefined }, 'ThoiDiemXuLy', /^bắt buộc$/],
    ['NoiDungXuLy empty', { NoiDungXuLy: '' }, 'NoiDungXuLy', /^bắt buộc$/],
    ['TrangThai as a number', { TrangThai: 2 }, 'TrangThai', /phải là chuỗi/],
    ['TrangThai 0', { TrangThai: '0' }, 'TrangThai', /nhận "0"/],
    ['NgayBatDau on 29 February 2026', { NgayBatDau: '20260229080000' }, 'NgayBatDau', /không phải ngày giờ có thật/],
    ['NgayKetThucTheoQuyDinh before NgayBatDau', { NgayKetThucTheoQuyDinh: '20260301170000' }, 'NgayKetThucTheoQuyDinh', /sớm hơn NgayBatDau/],
    ['a field outside the format', { TrangThaiHoSo: '2' }, 'TrangThaiHoSo', /trường không có/],
  ];

  it.each(invalid)('refuses %s, naming the field, and records nothing', async (_case, over, field, reason) => {
    const d = dossier();
    await sync([d]);
    const answer = await report([progress(d.MaHoSo), progress(d.MaHoSo, { ThoiDiemXuLy: '20260302100000', ...over })]);
    expect(answer.body).toMatchObject({ error_code: '-1', field: `data[1].${field}` });
    expect(answer.body.message).toMatch(new RegExp(`^${field} không hợp lệ: `));
    expect(answer.body.message.slice(`${field} không hợp lệ: `.length)).toMatch(reason);
    const log = await s.control.log();
    expect(log.dossiers[d.MaHoSo]?.progress).toEqual([]);
    expect(log.rejected).toEqual([{ service: 'CapNhatTienDoHoSoMC', message: answer.body.message, field: `data[1].${field}`, maHoSo: d.MaHoSo }]);
  });
});

describe('dossiers submitted on the national portal', () => {
  it('hands out the waiting dossiers of an agency until each is acknowledged, once', async () => {
    const a = portalDossier();
    const b = portalDossier({ Email: undefined, DinhDanhCHS: [{ LoaiDinhDanh: '2', SoDinhDanh: '0101234567-001' }], LoaiDoiTuong: '2' });
    const elsewhere = portalDossier({ MaDonViTiepNhan: '000.00.06.H56' });
    expect(await s.control.addDossiers([a, b, elsewhere])).toEqual({ added: 3 });

    const list = await s.api({ service: 'LayDanhSachHoSoMoi', MaDonVi: 'H56.14' });
    expect(list.body).toEqual({ error_code: '0', message: 'Lấy danh sách hồ sơ thành công', data: [a, b] });
    expect((await s.api({ service: 'LayDanhSachHoSoMoi', MaDonVi: '000.00.06.H56' })).body.data).toEqual([elsewhere]);
    expect((await s.api({ service: 'LayDanhSachHoSoMoi', MaDonVi: 'H56.99' })).body.data).toEqual([]);

    const ack = await s.api({ service: 'XacNhanDaNhanHoSo', MaHoSo: a.MaHoSo, MaHoSoTinh: 'H56.14-260303-0001' });
    expect(ack.body).toEqual({ error_code: '0', message: 'Xác nhận đã nhận hồ sơ thành công' });
    expect((await s.api({ service: 'LayDanhSachHoSoMoi', MaDonVi: 'H56.14' })).body.data).toEqual([b]);
    expect((await s.api({ service: 'XacNhanDaNhanHoSo', MaHoSo: a.MaHoSo, MaHoSoTinh: 'H56.14-260303-0001' })).body).toEqual({
      error_code: '-3',
      message: 'Hồ sơ đã được xác nhận',
    });
    expect((await s.api({ service: 'XacNhanDaNhanHoSo', MaHoSo: b.MaHoSo, MaHoSoTinh: 'H56.14-260303-0001' })).body).toMatchObject({
      error_code: '-1',
      field: 'MaHoSoTinh',
      message: `MaHoSoTinh không hợp lệ: đã dùng cho hồ sơ ${a.MaHoSo}`,
    });
    expect((await s.api({ service: 'XacNhanDaNhanHoSo', MaHoSo: 'H56-NOPE', MaHoSoTinh: 'H56.14-260303-0002' })).body).toEqual({
      error_code: '-1',
      message: 'Không tìm thấy hồ sơ H56-NOPE',
      field: 'MaHoSo',
    });

    // Picked up, the dossier is the province's to update (it exists: creating it again is a duplicate). MaDonViTiepNhan
    // belongs to the portal's hand-out, not to DongBoHoSoMC.
    const { MaDonViTiepNhan: _receivingAgency, ...received } = { ...a, TrangThaiHoSo: '2', NgayTiepNhan: '20260303080000' };
    expect((await sync([{ ...received, MaDonViTiepNhan: 'H56.14' }], true)).body).toMatchObject({ error_code: '-1', field: 'data[0].MaDonViTiepNhan' });
    expect((await sync([received])).body.error_code).toBe('-3');
    expect((await sync([received], true)).body.error_code).toBe('0');
    const log = await s.control.log();
    expect(log.acknowledged).toEqual([a.MaHoSo]);
    expect(log.dossiers[a.MaHoSo]).toMatchObject({ origin: 'portal', statuses: [2], backwards: [], maHoSoTinh: 'H56.14-260303-0001', duplicates: 1 });
    expect(log.dossiers[b.MaHoSo]).toMatchObject({ origin: 'portal', statuses: [], current: b, maHoSoTinh: null });
  });

  it('refuses a malformed agency code', async () => {
    const answer = await s.api({ service: 'LayDanhSachHoSoMoi', MaDonVi: 'UBND tỉnh' });
    expect(answer.body).toMatchObject({ error_code: '-1', field: 'MaDonVi' });
    expect(answer.body.message).toMatch(/^MaDonVi không hợp lệ: phải là mã định danh cơ quan/);
  });

  it('validates the dossiers a test submits: online, new, with their submitter and receiving agency; all or nothing', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ KenhThucHien: '1' }, 'dossiers[1].KenhThucHien'],
      [{ TrangThaiHoSo: '2', NgayTiepNhan: '20260303080000' }, 'dossiers[1].TrangThaiHoSo'],
      [{ MaDoiTuong: undefined }, 'dossiers[1].MaDoiTuong'],
      [{ DinhDanhCHS: [] }, 'dossiers[1].DinhDanhCHS'],
      [{ NgayNopHoSo: undefined }, 'dossiers[1].NgayNopHoSo'],
      [{ SoDienThoai: undefined }, 'dossiers[1].SoDienThoai'],
      [{ MaDonViTiepNhan: 'UBND' }, 'dossiers[1].MaDonViTiepNhan'],
    ];
    for (const [over, field] of cases) {
      const refused = await s.control.addDossiers([portalDossier(), portalDossier(over)]).then(
        () => null,
        (error: unknown) => error,
      );
      expect(refused, field).toBeInstanceOf(StandinControlError);
      expect(refused).toMatchObject({ status: 400, field });
    }
    const d = portalDossier();
    await s.control.addDossiers([d]);
    await expect(s.control.addDossiers([portalDossier(), { ...d }])).rejects.toMatchObject({ status: 409, field: 'dossiers[1].MaHoSo' });
    expect(Object.keys((await s.control.log()).dossiers)).toEqual([d.MaHoSo]);
  });
});

describe('TraCuuHoSo', () => {
  const lookUp = (codes: unknown) => s.api({ service: 'TraCuuHoSo', MaHoSo: codes });

  it("answers each known dossier's current status and progress in request order, and lists the unknown codes", async () => {
    const started = Date.now();
    const d = dossier();
    await sync([d]);
    await sync([{ ...d, TrangThaiHoSo: '4' }], true);
    await sync([{ ...d, TrangThaiHoSo: '9', NgayKetThucXuLy: '20260304100000' }], true);
    // Recorded order, not time order: the entry of 14:00 came first.
    await report([progress(d.MaHoSo, { ThoiDiemXuLy: '20260302140000', NoiDungXuLy: 'Chuyển xử lý', TrangThai: '4' })]);
    await report([progress(d.MaHoSo), progress(d.MaHoSo, { ThoiDiemXuLy: '20260304100000', NoiDungXuLy: 'Kết thúc xử lý', TrangThai: '9' })]);
    const portal = portalDossier();
    await s.control.addDossiers([portal]);
    const unknown = nextCode();
    const before = await s.control.log();

    const answer = await lookUp([portal.MaHoSo, unknown, d.MaHoSo]);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      error_code: '0',
      message: 'Tra cứu hồ sơ thành công',
      data: [
        { MaHoSo: portal.MaHoSo, TrangThaiHoSo: '1', TienDo: [] },
        {
          MaHoSo: d.MaHoSo,
          TrangThaiHoSo: '9',
          NgayCapNhat: expect.stringMatching(/^\d{14}$/),
          TienDo: [
            { TrangThai: '4', ThoiDiemXuLy: '20260302140000' },
            { TrangThai: '2', ThoiDiemXuLy: '20260302091500' },
            { TrangThai: '9', ThoiDiemXuLy: '20260304100000' },
          ],
        },
      ],
      missing: [unknown],
    });
    // NgayCapNhat is the portal's clock, to the second, when DongBoHoSoMC last recorded the dossier.
    const updated = parseDvcqgTime((answer.body as TraCuuHoSoAnswer).data[1]?.NgayCapNhat ?? '')?.getTime() ?? 0;
    expect(updated).toBeGreaterThanOrEqual(Math.floor(started / 1000) * 1000);
    expect(updated).toBeLessThanOrEqual(Date.now());

    // A lookup records nothing but the request.
    const after = await s.control.log();
    expect(after).toEqual({ ...before, requests: before.requests + 1 });
  });

  it('reports a picked-up portal dossier at the status the province last sent', async () => {
    const portal = portalDossier();
    await s.control.addDossiers([portal]);
    await s.api({ service: 'XacNhanDaNhanHoSo', MaHoSo: portal.MaHoSo, MaHoSoTinh: nextCode() });
    const { MaDonViTiepNhan: _receivingAgency, ...received } = { ...portal, TrangThaiHoSo: '2', NgayTiepNhan: '20260303080000' };
    await sync([received], true);
    const answer = await lookUp([portal.MaHoSo]);
    expect(answer.body.data).toEqual([{ MaHoSo: portal.MaHoSo, TrangThaiHoSo: '2', NgayCapNhat: expect.stringMatching(/^\d{14}$/), TienDo: [] }]);
    expect(answer.body.missing).toEqual([]);
  });

  it('takes 100 codes', async () => {
    const codes = Array.from({ length: 100 }, () => nextCode());
    expect((await lookUp(codes)).body).toEqual({ error_code: '0', message: 'Tra cứu hồ sơ thành công', data: [], missing: codes });
  });

  const codes = (n: number) => Array.from({ length: n }, (_, i) => `H56-${i}`);
  // Each case: the list sent, the refused path, the reason, and the code the log says the refusal concerned.
  const invalid: Array<[string, unknown, string, RegExp, string | null]> = [
    ['an empty list', [], 'MaHoSo', /^cần ít nhất 1 phần tử \(nhận 0\)$/, null],
    ['101 codes', codes(101), 'MaHoSo', /^tối đa 100 phần tử \(nhận 101\)$/, null],
    ['a code twice', ['H56-A', 'H56-B', 'H56-C', 'H56-B'], 'MaHoSo[3]', /^trùng với MaHoSo\[1\] trong cùng yêu cầu$/, 'H56-B'],
    ['a code with a space', ['H56-A', 'H56 B'], 'MaHoSo[1]', /ASCII in được, không có khoảng trắng/, 'H56 B'],
    ['a code longer than 50', [`H56-${'9'.repeat(47)}`], 'MaHoSo[0]', /dài 51 ký tự, tối đa 50/, `H56-${'9'.repeat(47)}`],
    ['an empty code', ['H56-A', ''], 'MaHoSo[1]', /^bắt buộc$/, ''],
    ['a code as a number', [56], 'MaHoSo[0]', /phải là chuỗi \(nhận số 56\)/, null],
    ['one code not in a list', 'H56-A', 'MaHoSo', /phải là mảng \(nhận "H56-A"\)/, 'H56-A'],
    ['no list', undefined, 'MaHoSo', /^bắt buộc$/, null],
  ];

  it.each(invalid)('refuses %s, naming the field', async (_case, list, field, reason, refusedCode) => {
    const answer = await lookUp(list);
    const prefix = `${field} không hợp lệ: `;
    expect(answer.body).toMatchObject({ error_code: '-1', field });
    expect(answer.body).not.toHaveProperty('data');
    expect(answer.body.message.startsWith(prefix), answer.body.message).toBe(true);
    expect(answer.body.message.slice(prefix.length)).toMatch(reason);
    expect((await s.control.log()).rejected).toEqual([{ service: 'TraCuuHoSo', message: answer.body.message, field, maHoSo: refusedCode }]);
  });

  it('refuses a key outside the format', async () => {
    const answer = await s.api({ service: 'TraCuuHoSo', MaHoSo: ['H56-A'], MaDonVi: 'H56' });
    expect(answer.body).toMatchObject({ error_code: '-1', field: 'MaDonVi', message: 'MaDonVi không hợp lệ: trường không có trong định dạng' });
  });

  it('needs the bearer token, and misbehaves as every /api call', async () => {
    const d = dossier();
    await sync([d]);
    for (const token of [null, 'not-the-token']) {
      expect(await s.api({ service: 'TraCuuHoSo', MaHoSo: [d.MaHoSo] }, { token })).toEqual({
        status: 401,
        body: { error_code: '401', message: 'Thiếu hoặc sai mã truy cập' },
      });
    }
    await s.control.behaviour({ mode: 'error' });
    expect((await lookUp([d.MaHoSo])).body).toEqual({ error_code: '99', message: 'Lỗi hệ thống' });
    await s.control.behaviour({ mode: 'down' });
    await expect(lookUp([d.MaHoSo])).rejects.toMatchObject({ code: 'ECONNRESET' });
    expect((await s.control.log()).requests).toBe(5);
  });
});

describe('hosted files', () => {
  // Every byte value, and a name that needs escaping in a URL.
  const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => (i * 7) % 256));
  const name = 'Tờ khai đăng ký khai sinh (bản chính) #1?.pdf';
  const postFile = (body: unknown) => fetch(`${s.controlUrl}/control/files`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('serves the exact bytes with their type and length, without a token, at the URL a portal dossier can link to', async () => {
    const { id, url } = await s.control.addFile({ name, mediaType: 'application/pdf', content: new Uint8Array(bytes) });
    expect(id).toMatch(/^[\w-]+$/);
    expect(url).toBe(`${s.url}/files/${id}/${encodeURIComponent(name)}`);

    const portal = portalDossier({ TaiLieuNop: [{ TepDinhKemId: id, TenTepDinhKem: name, DuongDanTaiTepTin: url }] });
    await s.control.addDossiers([portal]);
    const handedOut = (await s.api({ service: 'LayDanhSachHoSoMoi', MaDonVi: 'H56.14' })).body.data as DvcqgPortalDossier[];
    const link = handedOut[0]?.TaiLieuNop?.[0]?.DuongDanTaiTepTin ?? '';
    const got = await fetch(link);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('application/pdf');
    expect(got.headers.get('content-length')).toBe(String(bytes.length));
    expect(Buffer.from(await got.arrayBuffer()).equals(bytes)).toBe(true);

    const head = await fetch(url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(bytes.length));
    expect((await head.arrayBuffer()).byteLength).toBe(0);

    const log = await s.control.log();
    expect(log.files).toEqual([{ id, name, mediaType: 'application/pdf', size: bytes.length, downloads: 1 }]);
    // Downloads are not /api requests.
    expect(log.requests).toBe(1);
  });

  it('hosts an empty file and one of exactly 5 MiB', async () => {
    const empty = await s.control.addFile({ name: 'trống.txt', mediaType: 'text/plain', content: Buffer.alloc(0) });
    const got = await fetch(empty.url);
    expect(got.headers.get('content-length')).toBe('0');
    expect((await got.arrayBuffer()).byteLength).toBe(0);

    const big = Buffer.alloc(5 * 1024 * 1024, 0xa5);
    const hosted = await s.control.addFile({ name: 'scan.tiff', mediaType: 'image/tiff', content: big });
    expect(Buffer.from(await (await fetch(hosted.url)).arrayBuffer()).equals(big)).toBe(true);
  });

  it('answers 404 to an unknown id, another name, a path without a name, and on the control port; 405 to another method', async () => {
    const { id, url } = await s.control.addFile({ name: 'a.pdf', mediaType: 'application/pdf', content: bytes });
    const statusOf = async (u: string, init?: RequestInit) => (await fetch(u, init)).status;
    expect(await statusOf(url)).toBe(200);
    expect(await statusOf(`${s.url}/files/${id}x/a.pdf`)).toBe(404);
    expect(await statusOf(`${s.url}/files/${id}/b.pdf`)).toBe(404);
    expect(await statusOf(`${s.url}/files/${id}/A.pdf`)).toBe(404);
    expect(await statusOf(`${s.url}/files/${id}/a.pdf%`)).toBe(404);
    expect(await statusOf(`${s.url}/files/${id}`)).toBe(404);
    expect(await statusOf(`${s.url}/files/${id}/a.pdf/more`)).toBe(404);
    expect(await statusOf(`${s.controlUrl}/files/${id}/a.pdf`)).toBe(404);
    expect(await statusOf(url, { method: 'DELETE' })).toBe(405);
    // Another spelling of the same name reaches the file: the segment is compared once decoded.
    expect(await statusOf(`${s.url}/files/${id}/%61.pdf`)).toBe(200);
  });

  it('forgets the files on reset', async () => {
    const { url } = await s.control.addFile({ name: 'a.pdf', mediaType: 'application/pdf', content: bytes });
    await s.control.reset();
    expect((await fetch(url)).status).toBe(404);
    expect((await s.control.log()).files).toEqual([]);
  });

  it('misbehaves as /api does: down cuts, error answers 500, flaky counts file requests with /api ones, slow delays, refuse refuses', async () => {
    const { url } = await s.control.addFile({ name: 'a.pdf', mediaType: 'application/pdf', content: bytes });
    await s.control.behaviour({ mode: 'down' });
    await expect(fetch(url)).rejects.toThrow();

    await s.control.behaviour({ mode: 'error', errorCode: '-2' });
    const failed = await fetch(url);
    expect(failed.status).toBe(500);
    expect(await failed.json()).toEqual({ error_code: '-2', message: 'Lỗi hệ thống' });

    await s.control.behaviour({ mode: 'flaky', failEvery: 2 });
    const list = () => s.api({ service: 'LayDanhSachHoSoMoi', MaDonVi: 'H56.14' }).then((r) => r.body.error_code);
    const download = async () => {
      const got = await fetch(url);
      await got.arrayBuffer();
      return got.status;
    };
    expect([await download(), await list(), await download(), await download()]).toEqual([200, '99', 200, 500]);

    await s.control.behaviour({ mode: 'slow', delayMs: 500 });
    const started = performance.now();
    expect(await download()).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(450);

    await s.control.behaviour({ mode: 'refuse', forMs: 60_000 });
    await expect(fetch(url)).rejects.toThrow();
    await s.control.behaviour({ mode: 'normal' });
    expect(await download()).toBe(200);
    expect((await s.control.log()).files[0]?.downloads).toBe(4);
  });

  const refused: Array<[string, unknown, string]> = [
    ['a body that is a list', [], '(body)'],
    ['a key outside the format', { name: 'a.pdf', mediaType: 'application/pdf', contentBase64: 'YQ==', size: 1 }, 'size'],
    ['no name', { mediaType: 'application/pdf', contentBase64: 'YQ==' }, 'name'],
    ['an empty name', { name: '', mediaType: 'application/pdf', contentBase64: 'YQ==' }, 'name'],
    ['a blank name', { name: '   ', mediaType: 'application/pdf', contentBase64: 'YQ==' }, 'name'],
    ['a name of 256 characters', { name: 'ă'.repeat(256), mediaType: 'application/pdf', contentBase64: 'YQ==' }, 'name'],
    ['a name with "/"', { name: 'a/b.pdf', mediaType: 'application/pdf', contentBase64: 'YQ==' }, 'name'],
    ['a name with a control character', { name: 'a\u0007.pdf', mediaType: 'application/pdf', contentBase64: 'YQ==' }, 'name'],
    ['a name with a line feed', { name: 'a\n.pdf', mediaType: 'application/pdf', contentBase64: 'YQ==' }, 'name'],
    ['the name ".."', { name: '..', mediaType: 'application/pdf', contentBase64: 'YQ==' }, 'name'],
    ['a name with a lone surrogate', { name: 'a\ud800.pdf', mediaType: 'application/pdf', contentBase64: 'YQ==' }, 'name'],
    ['a media type without a subtype', { name: 'a.pdf', mediaType: 'pdf', contentBase64: 'YQ==' }, 'mediaType'],
    ['a media type with parameters', { name: 'a.txt', mediaType: 'text/plain; charset=utf-8', contentBase64: 'YQ==' }, 'mediaType'],
    ['no content', { name: 'a.pdf', mediaType: 'application/pdf' }, 'contentBase64'],
    ['content that is not base64', { name: 'a.pdf', mediaType: 'application/pdf', contentBase64: 'not base64!' }, 'contentBase64'],
    ['base64 without its padding', { name: 'a.pdf', mediaType: 'application/pdf', contentBase64: 'YQ' }, 'contentBase64'],
    ['base64url', { name: 'a.pdf', mediaType: 'application/pdf', contentBase64: '-_8=' }, 'contentBase64'],
  ];

  it.each(refused)('refuses %s with 400 and the field', async (_case, body, field) => {
    const answer = await postFile(body);
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({ error: expect.any(String), field });
    expect((await s.control.log()).files).toEqual([]);
  });

  it('refuses content beyond 5 MiB with 400, and a body beyond what 5 MiB takes with 413', async () => {
    const over = await postFile({ name: 'a.bin', mediaType: 'application/octet-stream', contentBase64: Buffer.alloc(5 * 1024 * 1024 + 1).toString('base64') });
    expect(over.status).toBe(400);
    expect(await over.json()).toMatchObject({ field: 'contentBase64', error: expect.stringMatching(/5242881 byte, tối đa 5242880/) });
    const huge = await postFile({ name: 'a.bin', mediaType: 'application/octet-stream', contentBase64: 'A'.repeat(8 * 1024 * 1024) });
    expect(huge.status).toBe(413);
    await expect(s.control.addFile({ name: 'a/b', mediaType: 'application/pdf', content: bytes })).rejects.toMatchObject({ status: 400, field: 'name' });
    expect((await s.control.log()).files).toEqual([]);
  });
});

describe('HTTP', () => {
  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${s.url}/api`, { method: 'POST', headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/json', ...headers }, body });

  it('answers 401 without the bearer token, or with another', async () => {
    const body = { service: 'LayDanhSachHoSoMoi', MaDonVi: 'H56.14' };
    for (const token of [null, 'not-the-token', `${s.token}x`]) {
      const answer = await s.api(body, { token });
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({ error_code: '401', message: 'Thiếu hoặc sai mã truy cập' });
    }
    expect((await post(JSON.stringify(body), { authorization: `Basic ${s.token}` })).status).toBe(401);
    expect((await post(JSON.stringify(body), { authorization: `bearer ${s.token}` })).status).toBe(200);
  });

  it('answers 400 to malformed JSON or bytes that are not UTF-8, 413 past 1 MB, 415 to another content type, 405 and 404', async () => {
    const malformed = await post('{"service": "DongBoHoSoMC",');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error_code: '-1', message: expect.stringMatching(/^JSON không hợp lệ/) });
    expect(
      (
        await fetch(`${s.url}/api`, {
          method: 'POST',
          headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/json' },
          body: new Uint8Array([0x7b, 0xff, 0x7d]),
        })
      ).status,
    ).toBe(400);
    const big = JSON.stringify({ service: 'DongBoHoSoMC', isUpdating: false, data: [dossier({ GhiChu: 'x'.repeat(1024 * 1024) })] });
    expect((await post(big)).status).toBe(413);
    expect((await post('{}', { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await fetch(`${s.url}/api`, { headers: { authorization: `Bearer ${s.token}` } })).status).toBe(405);
    expect((await fetch(`${s.url}/nothing`)).status).toBe(404);
    const log = await s.control.log();
    expect(log.rejected.map((r) => r.message)).toEqual([
      expect.stringMatching(/^JSON không hợp lệ/),
      'Nội dung không phải UTF-8 hợp lệ',
      `Yêu cầu vượt quá ${1024 * 1024} byte`,
      'Content-Type phải là application/json',
      'Chỉ chấp nhận phương thức POST',
    ]);
    expect(log.requests).toBe(5);
  });

  it('serves the control endpoints on the API port too', async () => {
    const answer = await fetch(`${s.url}/control/log`);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ dossiers: {}, rejected: [], requests: 0, acknowledged: [], files: [] });
    expect((await fetch(`${s.controlUrl}/api`, { method: 'POST', body: '{}' })).status).toBe(404);
  });
});

describe('misbehaviour', () => {
  it('down: cuts every /api connection without an answer, recording nothing', async () => {
    await s.control.behaviour({ mode: 'down' });
    await expect(sync([dossier()])).rejects.toMatchObject({ code: 'ECONNRESET' });
    await s.control.behaviour({ mode: 'normal' });
    const log = await s.control.log();
    expect(log).toMatchObject({ dossiers: {}, requests: 1, rejected: [] });
    expect((await sync([dossier()])).body.error_code).toBe('0');
  });

  it('refuse: the API port refuses connections for forMs, then listens again on the same port', async () => {
    const started = performance.now();
    await s.control.behaviour({ mode: 'refuse', forMs: 1500 });
    await expect(sync([dossier()])).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    // The control port stays open.
    expect((await s.control.log()).requests).toBe(0);
    await s.control.waitUntilListening();
    expect(performance.now() - started).toBeGreaterThanOrEqual(1400);
    expect((await sync([dossier()])).body.error_code).toBe('0');
  });

  it('refuse: another behaviour ends the refusal at once', async () => {
    await s.control.behaviour({ mode: 'refuse', forMs: 60_000 });
    await expect(sync([dossier()])).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    await s.control.behaviour({ mode: 'error' });
    expect((await sync([dossier()])).body).toEqual({ error_code: '99', message: 'Lỗi hệ thống' });
  });

  it('slow: records the request but answers after delayMs, so a client that gave up finds it there on retry', async () => {
    await s.control.behaviour({ mode: 'slow', delayMs: 1500 });
    const d = dossier();
    await expect(s.api({ service: 'DongBoHoSoMC', isUpdating: false, data: [d] }, { timeoutMs: 300 })).rejects.toMatchObject({ name: 'AbortError' });
    expect((await s.control.log()).dossiers[d.MaHoSo]?.statuses).toEqual([2]);

    const started = performance.now();
    const retried = await sync([d]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(1400);
    expect(retried.body).toMatchObject({ error_code: '-3', message: 'Hồ sơ đã tồn tại' });
  });

  it('error: answers the error code without recording', async () => {
    await s.control.behaviour({ mode: 'error' });
    expect(await sync([dossier()])).toEqual({ status: 200, body: { error_code: '99', message: 'Lỗi hệ thống' } });
    await s.control.behaviour({ mode: 'error', errorCode: '-2' });
    expect((await report([progress('H56-X')])).body).toEqual({ error_code: '-2', message: 'Lỗi hệ thống' });
    expect(await s.control.log()).toMatchObject({ dossiers: {}, rejected: [], requests: 2 });
  });

  it('flaky: every failEvery-th request gets the error, the others are answered', async () => {
    await s.control.behaviour({ mode: 'flaky', failEvery: 3 });
    const codes: string[] = [];
    for (let i = 0; i < 6; i += 1) codes.push((await sync([dossier()])).body.error_code);
    expect(codes).toEqual(['0', '0', '99', '0', '0', '99']);
    expect(Object.keys((await s.control.log()).dossiers)).toHaveLength(4);
  });

  it('refuses a behaviour it does not know, or with settings of another mode', async () => {
    await expect(s.control.behaviour({ mode: 'sleepy' } as never)).rejects.toMatchObject({ status: 400, field: 'mode' });
    await expect(s.control.behaviour({ mode: 'error', delayMs: 10 } as never)).rejects.toMatchObject({ status: 400, field: 'delayMs' });
    await expect(s.control.behaviour({ mode: 'flaky', failEvery: 0 })).rejects.toMatchObject({ status: 400, field: 'failEvery' });
    await expect(s.control.behaviour({ mode: 'slow', delayMs: -1 })).rejects.toMatchObject({ status: 400, field: 'delayMs' });
  });

  it('reset forgets everything and behaves normally again', async () => {
    await sync([dossier()]);
    await s.control.addDossiers([portalDossier()]);
    await s.control.behaviour({ mode: 'error' });
    await s.control.reset();
    expect(await s.control.log()).toEqual({ dossiers: {}, rejected: [], requests: 0, acknowledged: [], files: [] });
    expect((await sync([dossier()])).body.error_code).toBe('0');
  });
});

describe('the process', () => {
  it('prints one ready line, stops cleanly on SIGTERM and then refuses connections', async () => {
    const own = await spawnStandin();
    expect(own.stdout()).toBe(`standin ready ${own.port}\n`);
    expect((await own.api({ service: 'LayDanhSachHoSoMoi', MaDonVi: 'H56' })).body.error_code).toBe('0');
    await own.stop();
    expect(own.stdout()).toBe(`standin ready ${own.port}\n`);
    expect(own.stderr()).toBe('');
    await expect(own.control.log()).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  }, 90_000);

  it('exits with code 2 and its usage without a token', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'standin-server.ts'), '--port', '0'], {
      cwd: path.resolve(import.meta.dirname, '../../../..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(err).toMatch(/--token is required/);
  }, 90_000);
});

describe('the format, in-process', () => {
  it('reads yyyyMMddHHmmss as Vietnam time and refuses dates that do not exist', () => {
    expect(parseDvcqgTime('20260302091500')?.toISOString()).toBe('2026-03-02T02:15:00.000Z');
    expect(parseDvcqgTime('20240229235959')?.toISOString()).toBe('2024-02-29T16:59:59.000Z');
    for (const bad of [
      '20250229080000',
      '20260431080000',
      '20261301080000',
      '20260300080000',
      '20260302240000',
      '20260302086000',
      '20260302080060',
      '2026030208000',
      '202603020800000',
      '1969123123595',
      '21000101000000',
      ' 20260302080000',
    ]) {
      expect(parseDvcqgTime(bad), bad).toBeNull();
    }
    expect(formatDvcqgTime(new Date('2026-03-01T17:00:00Z'))).toBe('20260302000000');
    expect(formatDvcqgTime(parseDvcqgTime('20261231235959') as Date)).toBe('20261231235959');
  });

  it('orders statuses by stage', () => {
    expect(isStatusBackwards('9', '4')).toBe(true);
    expect(isStatusBackwards('10', '9')).toBe(true);
    expect(isStatusBackwards('4', '2')).toBe(true);
    expect(isStatusBackwards('5', '4')).toBe(false);
    expect(isStatusBackwards('4', '9')).toBe(false);
    expect(isStatusBackwards('1', '3')).toBe(false);
  });

  it('counts characters as the reader sees them, whatever the Unicode form', () => {
    const decomposed = 'ệ'.normalize('NFD').repeat(1000);
    expect(decomposed.length).toBeGreaterThan(1000);
    expect(validateDossier(dossier({ TrichYeuHoSo: decomposed })).ok).toBe(true);
  });

  it('documents every field it checks in EXCHANGE_FORMAT.md', () => {
    const doc = readFileSync(path.join(import.meta.dirname, '../EXCHANGE_FORMAT.md'), 'utf8');
    const names = new Set<string>();
    const collect = (shape: RecordShape) => {
      for (const [name, spec] of Object.entries(shape.fields)) {
        names.add(name);
        const rule: FieldRule = spec.rule;
        if (rule.type === 'list') collect(rule.shape);
      }
    };
    for (const shape of [DOSSIER_SHAPE, PORTAL_DOSSIER_SHAPE, PROGRESS_SHAPE, ...Object.values(REQUEST_SHAPES)]) collect(shape);
    const missing = [...names].filter((n) => !doc.includes(`\`${n}\``));
    expect(missing).toEqual([]);
  });
});
