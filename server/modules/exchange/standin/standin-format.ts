// The national portal's (DVCQG) exchange format as the local stand-in enforces it: value lists, field tables and pure
// validators, shared with the exchange client and its tests. The rules and every choice made here: ../EXCHANGE_FORMAT.md.

import { formatCompactVnTime, parseCompactVnTime } from '../../../platform/calendar';

const TIME_PATTERN = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;

/** The instant a DVCQG time names (yyyyMMddHHmmss in Vietnam time, years 1970–2099), or null if malformed or not a real date and time. */
export function parseDvcqgTime(value: string): Date | null {
  const year = Number(value.slice(0, 4));
  if (!TIME_PATTERN.test(value) || year < 1970 || year > 2099) return null;
  return parseCompactVnTime(value);
}

/** An instant written as DVCQG writes times: yyyyMMddHHmmss in Vietnam time. */
export const formatDvcqgTime = formatCompactVnTime;

// ---------------------------------------------------------------------------------------------------------------------
// Value lists. Every code travels as a JSON string ("1", not 1), as both open-source senders write them.

/** KenhThucHien: 1 at the counter, 2 online, 3 through the public postal service. */
export const CHANNELS = ['1', '2', '3'] as const;
/** LoaiDoiTuong: 1 citizen, 2 enterprise, 3 state agency, 4 other organisation. */
export const APPLICANT_KINDS = ['1', '2', '3', '4'] as const;
/** TrangThaiHoSo and TrangThai: the national status codes 1–10 (domain README §3.2). */
export const DOSSIER_STATUSES = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'] as const;
/** HinhThuc: 0 result collected at the counter, 1 sent by post. */
export const RETURN_METHODS = ['0', '1'] as const;
/** The 0/1 flags (DuocThanhToanTrucTuyen, HoSoCoThanhPhanSoHoa, TaiKhoanDuocXacThucVoiVNeID, DuocSoHoa, …). */
export const FLAGS = ['0', '1'] as const;
/** LoaiDinhDanh: 1 the 12-digit personal identification number, 2 another identifier (9-digit old ID card, tax code, …). */
export const ID_KINDS = ['1', '2'] as const;
/** DuocTaiSuDung of a submitted file: 0, 1 or 2. */
export const REUSE_KINDS = ['0', '1', '2'] as const;
/** The services the stand-in answers. */
export const SERVICES = ['DongBoHoSoMC', 'CapNhatTienDoHoSoMC', 'LayDanhSachHoSoMoi', 'XacNhanDaNhanHoSo', 'TraCuuHoSo'] as const;

export type Channel = (typeof CHANNELS)[number];
export type ApplicantKind = (typeof APPLICANT_KINDS)[number];
export type DossierStatusCode = (typeof DOSSIER_STATUSES)[number];
export type ReturnMethod = (typeof RETURN_METHODS)[number];
export type Flag = (typeof FLAGS)[number];
export type IdKind = (typeof ID_KINDS)[number];
export type ReuseKind = (typeof REUSE_KINDS)[number];
export type DvcqgService = (typeof SERVICES)[number];

/** A batch of DongBoHoSoMC carries at most this many dossiers. */
export const MAX_DOSSIERS_PER_BATCH = 50;
/** A batch of CapNhatTienDoHoSoMC carries at most this many progress entries. */
export const MAX_PROGRESS_PER_BATCH = 10;
/** A TraCuuHoSo request names at most this many dossiers. */
export const MAX_CODES_PER_LOOKUP = 100;

/** The error_code values the stand-in answers with. */
export const ERROR_CODES = { ok: '0', invalid: '-1', exists: '-3', unauthorised: '401', system: '99' } as const;

// ---------------------------------------------------------------------------------------------------------------------
// Records on the wire. Optional fields may also arrive as "" or null, which count as absent.

/** An identifier of the dossier's owner (DinhDanhCHS). */
export interface DvcqgIdentity {
  LoaiDinhDanh: IdKind;
  SoDinhDanh: string;
}
/** A submitted file (TaiLieuNop). */
export interface DvcqgSubmittedFile {
  TepDinhKemId?: string;
  TenTepDinhKem: string;
  IsDeleted?: Flag;
  MaThanhPhanHoSo?: string;
  DuongDanTaiTepTin: string;
  DuocSoHoa?: Flag;
  DuocTaiSuDung?: ReuseKind;
  DuocLayTuKhoDMQG?: Flag;
  MaKetQuaThayThe?: string;
}
/** A fee or charge (DanhSachLePhi, DanhSachLePhiBoSung). Gia is whole VND written in digits. */
export interface DvcqgFee {
  TenPhiLePhi: string;
  MaPhiLePhi?: string;
  HinhThucThu?: string;
  Gia: string;
  LoaiPhiLePhi?: string;
}
/** Another paper handed in (DanhSachTepDinhKemKhac, DanhSachGiayToBoSung). SoLuong is written in digits. */
export interface DvcqgOtherPaper {
  TenGiayTo: string;
  SoLuong: string;
  LoaiGiayTo?: string;
}
/** A supplement round (DanhSachHoSoBoSung). */
export interface DvcqgSupplement {
  HoSoBoSungId: string;
  NguoiYeuCauBoSung: string;
  NoiDungBoSung: string;
  NgayBoSung: string;
  NguoiTiepNhanBoSung?: string;
  ThongTinTiepNhan?: string;
  NgayTiepNhanBoSung?: string;
  TrangThaiBoSung?: string;
  DanhSachGiayToBoSung?: DvcqgOtherPaper[];
  DanhSachLePhiBoSung?: DvcqgFee[];
  NgayHenTraTruoc?: string;
  NgayHenTraMoi?: string;
}
/** A result paper (DanhSachGiayToKetQua); MaGiayToKetQua is the procedure's main result code. */
export interface DvcqgResultPaper {
  TenGiayTo: string;
  MaThanhPhanHoSo?: string;
  GiayToId?: string;
  DuongDanTepTinKetQua: string;
  MaGiayToKetQua: string;
}
/** A dossier as DongBoHoSoMC carries it. */
export interface DvcqgDossier {
  MaHoSo: string;
  MaTTHC: string;
  TenTTHC: string;
  MaLinhVuc?: string;
  TenLinhVuc?: string;
  KenhThucHien: Channel;
  ChuHoSo: string;
  SoGiayToChuHoSo?: string;
  LoaiDoiTuong: ApplicantKind;
  MaDoiTuong?: string;
  ThongTinKhac?: string;
  Email?: string;
  Fax?: string;
  SoDienThoai?: string;
  TrichYeuHoSo: string;
  NgayTiepNhan?: string;
  NgayHenTra?: string;
  TrangThaiHoSo: DossierStatusCode;
  NgayTra?: string;
  ThongTinTra?: string;
  HinhThuc: ReturnMethod;
  NgayKetThucXuLy?: string;
  DonViXuLy: string;
  GhiChu?: string;
  NoiNopHoSo?: string;
  HoSoCoThanhPhanSoHoa?: Flag;
  TaiKhoanDuocXacThucVoiVNeID?: Flag;
  DuocThanhToanTrucTuyen?: Flag;
  NgayTuChoi?: string;
  NgayNopHoSo?: string;
  DinhDanhCHS?: DvcqgIdentity[];
  DSKetNoiCSDL?: Array<{ MaCSDL: string }>;
  TaiLieuNop?: DvcqgSubmittedFile[];
  DanhSachLePhi?: DvcqgFee[];
  DanhSachTepDinhKemKhac?: DvcqgOtherPaper[];
  DanhSachHoSoBoSung?: DvcqgSupplement[];
  DanhSachGiayToKetQua?: DvcqgResultPaper[];
}
/** A dossier a citizen submitted on the national portal, as LayDanhSachHoSoMoi hands it out. */
export interface DvcqgPortalDossier extends DvcqgDossier {
  KenhThucHien: '2';
  TrangThaiHoSo: '1';
  MaDoiTuong: string;
  DinhDanhCHS: DvcqgIdentity[];
  SoDienThoai: string;
  NgayNopHoSo: string;
  MaDonViTiepNhan: string;
}
/** A progress entry (tiến trình) as CapNhatTienDoHoSoMC carries it. */
export interface DvcqgProgress {
  MaHoSo: string;
  NguoiXuLy: string;
  ChucDanh?: string;
  ThoiDiemXuLy: string;
  PhongBanXuLy?: string;
  NoiDungXuLy: string;
  TrangThai: DossierStatusCode;
  NgayBatDau?: string;
  NgayKetThucTheoQuyDinh?: string;
}

/** DongBoHoSoMC: create (isUpdating false) or update (true) 1–50 dossiers. */
export interface DongBoHoSoMCRequest {
  service: 'DongBoHoSoMC';
  isUpdating: boolean;
  data: DvcqgDossier[];
}
/** CapNhatTienDoHoSoMC: 1–10 progress entries. */
export interface CapNhatTienDoHoSoMCRequest {
  service: 'CapNhatTienDoHoSoMC';
  data: DvcqgProgress[];
}
/** LayDanhSachHoSoMoi: the dossiers submitted on the portal to one receiving agency and not yet picked up. */
export interface LayDanhSachHoSoMoiRequest {
  service: 'LayDanhSachHoSoMoi';
  MaDonVi: string;
}
/** XacNhanDaNhanHoSo: the province picked a portal dossier up under its own code. */
export interface XacNhanDaNhanHoSoRequest {
  service: 'XacNhanDaNhanHoSo';
  MaHoSo: string;
  MaHoSoTinh: string;
}
/** TraCuuHoSo: the province's daily reconciliation asks what the portal holds for 1–100 dossiers. */
export interface TraCuuHoSoRequest {
  service: 'TraCuuHoSo';
  MaHoSo: string[];
}
/** Any request body the stand-in answers. */
export type DvcqgRequest = DongBoHoSoMCRequest | CapNhatTienDoHoSoMCRequest | LayDanhSachHoSoMoiRequest | XacNhanDaNhanHoSoRequest | TraCuuHoSoRequest;

/** A dossier as TraCuuHoSo reports it: its status as last recorded and its recorded progress, in recorded order. */
export interface DvcqgLookupResult {
  MaHoSo: string;
  TrangThaiHoSo: DossierStatusCode;
  /** When DongBoHoSoMC last recorded the dossier (portal clock); absent for a portal dossier it has not recorded. */
  NgayCapNhat?: string;
  TienDo: Array<{ TrangThai: DossierStatusCode; ThoiDiemXuLy: string }>;
}

/** An answer of POST /api (the fields beyond error_code and message appear where the service says). */
export interface DvcqgAnswer {
  error_code: string;
  message: string;
  /** The path of the refused field (error_code -1). */
  field?: string;
  /** DongBoHoSoMC with isUpdating false: the codes that already existed and were left untouched. */
  existing?: string[];
  /** CapNhatTienDoHoSoMC: how many entries were already recorded and were not recorded again. */
  duplicates?: number;
  /** LayDanhSachHoSoMoi: the dossiers waiting for pickup; TraCuuHoSo: the known dossiers, in request order. */
  data?: DvcqgPortalDossier[] | DvcqgLookupResult[];
  /** TraCuuHoSo: the codes the portal does not know, in request order. */
  missing?: string[];
}
/** The answer of TraCuuHoSo with error_code 0. */
export interface TraCuuHoSoAnswer extends DvcqgAnswer {
  data: DvcqgLookupResult[];
  missing: string[];
}

// ---------------------------------------------------------------------------------------------------------------------
// Field tables: what each record holds, which fields are required (always or under a condition) and the rule of each.

type JsonRecord = Readonly<Record<string, unknown>>;

/** A requirement that depends on the rest of the record, with the words the refusal uses. */
export interface Condition {
  readonly when: (record: JsonRecord) => boolean;
  readonly because: string;
}

/** The rule a present value must meet. */
export type FieldRule =
  | { readonly type: 'text'; readonly max: number; readonly pattern?: RegExp; readonly format?: string; readonly test?: (value: string) => string | null }
  | { readonly type: 'code'; readonly values: readonly string[] }
  | { readonly type: 'time' }
  | { readonly type: 'boolean' }
  | { readonly type: 'list'; readonly shape: RecordShape; readonly minItems: number; readonly maxItems: number }
  | { readonly type: 'values'; readonly item: FieldRule; readonly minItems: number; readonly maxItems: number };

/** One field of a record. */
export interface FieldSpec {
  readonly required: boolean | Condition;
  readonly rule: FieldRule;
}

/** A cross-field rule of a record; returns the refused field or null. */
export type RecordCheck = (record: JsonRecord, path: string) => FieldProblem | null;

/** A record: its fields in the order they are checked, then its cross-field rules. Keys outside `fields` are refused. */
export interface RecordShape {
  readonly fields: Readonly<Record<string, FieldSpec>>;
  readonly checks: readonly RecordCheck[];
}

/** Why a value was refused: `field` is its path from the body (data[0].DinhDanhCHS[1].SoDinhDanh), `name` its last segment. */
export interface FieldProblem {
  readonly field: string;
  readonly name: string;
  readonly reason: string;
}

/** The portal's words for a refusal: "<Field> không hợp lệ: <reason>". */
export const problemMessage = (problem: FieldProblem) => `${problem.name} không hợp lệ: ${problem.reason}`;

const joinPath = (base: string, key: string) => (base ? `${base}.${key}` : key);
const lastSegment = (path: string) => path.slice(path.lastIndexOf('.') + 1) || path;
const problem = (field: string, reason: string): FieldProblem => ({ field, name: lastSegment(field), reason });

// Printable ASCII without spaces: dossier and procedure codes are compared byte for byte by both sides.
const CODE_CHARS = /^[\x21-\x7e]+$/;
const DIGIT_CODE = /^\d{1,2}$/;
/** The national procedure code, optionally with the province's variant suffix: 1.003560, 2.000815.000.00.00.H55.02. */
export const PROCEDURE_CODE = /^\d\.\d{6}(?:\.[0-9A-Z]{1,4})*$/;
/** An agency code: QĐ 20/2020 left-to-right (H56, H56.14) or the legacy right-to-left form (000.00.06.H56). */
export const AGENCY_CODE = /^(?:[A-Y]\d{2}(?:\.\d{1,3}){0,4}|\d{3}\.\d{2}\.\d{2}\.[A-Y]\d{2})$/;
const PHONE = /^(?:\+84|0)\d{8,10}$/;
const EMAIL = /^[^\s@]{1,64}@[^\s@.]+(?:\.[^\s@.]+)+$/;
const WHOLE_VND = /^(?:0|[1-9]\d{0,11})$/;
const COUNT = /^[1-9]\d{0,3}$/;
const OTHER_ID = /^[0-9A-Za-z./-]{1,40}$/;

const httpUrl = (value: string) => (/^https?:\/\//.test(value) && URL.canParse(value) ? null : 'phải là địa chỉ http(s) tuyệt đối');

const text = (max: number, extra: { pattern?: RegExp; format?: string; test?: (value: string) => string | null } = {}): FieldRule => ({ type: 'text', max, ...extra });
const code = (values: readonly string[]): FieldRule => ({ type: 'code', values });
const time: FieldRule = { type: 'time' };
const list = (shape: RecordShape, minItems = 0, maxItems = 1000): FieldRule => ({ type: 'list', shape, minItems, maxItems });
const values = (item: FieldRule, minItems: number, maxItems: number): FieldRule => ({ type: 'values', item, minItems, maxItems });
const req = (rule: FieldRule): FieldSpec => ({ required: true, rule });
const opt = (rule: FieldRule): FieldSpec => ({ required: false, rule });
const when = (condition: Condition, rule: FieldRule): FieldSpec => ({ required: condition, rule });

const quoteList = (values: readonly string[]) => values.map((v) => `"${v}"`).join(', ');
const statusIn = (...codes: DossierStatusCode[]): Condition => ({
  when: (r) => codes.includes(r.TrangThaiHoSo as DossierStatusCode),
  because: `khi TrangThaiHoSo là ${quoteList(codes)}`,
});
const statusNotIn = (...codes: DossierStatusCode[]): Condition => ({
  when: (r) => typeof r.TrangThaiHoSo === 'string' && !codes.includes(r.TrangThaiHoSo as DossierStatusCode),
  because: `khi TrangThaiHoSo không phải ${quoteList(codes)}`,
});

const isAbsent = (value: unknown) => value === undefined || value === null || value === '';

/** `later` may not be earlier than `earlier` when both are present and valid. */
const notBefore =
  (later: string, earlier: string): RecordCheck =>
  (r, path) => {
    const a = r[later];
    const b = r[earlier];
    if (typeof a !== 'string' || typeof b !== 'string' || a === '' || b === '') return null;
    const ta = parseDvcqgTime(a);
    const tb = parseDvcqgTime(b);
    return ta && tb && ta.getTime() < tb.getTime() ? problem(joinPath(path, later), `sớm hơn ${earlier} (${a} < ${b})`) : null;
  };

const identityNumber: RecordCheck = (r, path) => {
  const kind = r.LoaiDinhDanh;
  const value = r.SoDinhDanh;
  if (typeof value !== 'string') return null;
  if (kind === '1' && !/^\d{12}$/.test(value)) return problem(joinPath(path, 'SoDinhDanh'), `phải gồm đúng 12 chữ số khi LoaiDinhDanh là "1" (nhận "${value}")`);
  if (kind === '2' && !OTHER_ID.test(value))
    return problem(joinPath(path, 'SoDinhDanh'), `phải gồm 1–40 chữ số, chữ cái, ".", "/" hoặc "-" khi LoaiDinhDanh là "2" (nhận "${value}")`);
  return null;
};

const onlineOnlyUserId: RecordCheck = (r, path) =>
  !isAbsent(r.MaDoiTuong) && r.KenhThucHien !== '2' ? problem(joinPath(path, 'MaDoiTuong'), 'chỉ dùng cho hồ sơ nộp trực tuyến (KenhThucHien "2")') : null;

/** DinhDanhCHS items. */
export const IDENTITY_SHAPE: RecordShape = {
  fields: { LoaiDinhDanh: req(code(ID_KINDS)), SoDinhDanh: req(text(40)) },
  checks: [identityNumber],
};
/** DSKetNoiCSDL items. */
export const DATABASE_LINK_SHAPE: RecordShape = {
  fields: { MaCSDL: req(text(20, { pattern: CODE_CHARS, format: 'mã không có khoảng trắng' })) },
  checks: [],
};
/** TaiLieuNop items. */
export const SUBMITTED_FILE_SHAPE: RecordShape = {
  fields: {
    TepDinhKemId: opt(text(100)),
    TenTepDinhKem: req(text(4000)),
    IsDeleted: opt(code(FLAGS)),
    MaThanhPhanHoSo: opt(text(100)),
    DuongDanTaiTepTin: req(text(2000, { test: httpUrl })),
    DuocSoHoa: opt(code(FLAGS)),
    DuocTaiSuDung: opt(code(REUSE_KINDS)),
    DuocLayTuKhoDMQG: opt(code(FLAGS)),
    MaKetQuaThayThe: opt(text(100)),
  },
  checks: [],
};
/** DanhSachLePhi and DanhSachLePhiBoSung items. */
export const FEE_SHAPE: RecordShape = {
  fields: {
    TenPhiLePhi: req(text(500)),
    MaPhiLePhi: opt(text(50)),
    HinhThucThu: opt(text(2, { pattern: DIGIT_CODE, format: 'mã 1–2 chữ số' })),
    Gia: req(text(12, { pattern: WHOLE_VND, format: 'số đồng nguyên viết bằng chữ số, ví dụ "50000"' })),
    LoaiPhiLePhi: opt(text(2, { pattern: DIGIT_CODE, format: 'mã 1–2 chữ số' })),
  },
  checks: [],
};
/** DanhSachTepDinhKemKhac and DanhSachGiayToBoSung items. */
export const OTHER_PAPER_SHAPE: RecordShape = {
  fields: {
    TenGiayTo: req(text(500)),
    SoLuong: req(text(4, { pattern: COUNT, format: 'số nguyên dương viết bằng chữ số, ví dụ "1"' })),
    LoaiGiayTo: opt(text(2, { pattern: DIGIT_CODE, format: 'mã 1–2 chữ số' })),
  },
  checks: [],
};
/** DanhSachHoSoBoSung items. */
export const SUPPLEMENT_SHAPE: RecordShape = {
  fields: {
    HoSoBoSungId: req(text(100)),
    NguoiYeuCauBoSung: req(text(250)),
    NoiDungBoSung: req(text(4000)),
    NgayBoSung: req(time),
    NguoiTiepNhanBoSung: opt(text(250)),
    ThongTinTiepNhan: opt(text(4000)),
    NgayTiepNhanBoSung: opt(time),
    TrangThaiBoSung: opt(text(2, { pattern: DIGIT_CODE, format: 'mã 1–2 chữ số' })),
    DanhSachGiayToBoSung: opt(list(OTHER_PAPER_SHAPE)),
    DanhSachLePhiBoSung: opt(list(FEE_SHAPE)),
    NgayHenTraTruoc: opt(time),
    NgayHenTraMoi: opt(time),
  },
  checks: [notBefore('NgayTiepNhanBoSung', 'NgayBoSung')],
};
/** DanhSachGiayToKetQua items. */
export const RESULT_PAPER_SHAPE: RecordShape = {
  fields: {
    TenGiayTo: req(text(2000)),
    MaThanhPhanHoSo: opt(text(100)),
    GiayToId: opt(text(100)),
    DuongDanTepTinKetQua: req(text(2000, { test: httpUrl })),
    MaGiayToKetQua: req(text(100, { pattern: CODE_CHARS, format: 'mã không có khoảng trắng' })),
  },
  checks: [],
};

const DOSSIER_CODE = text(50, { pattern: CODE_CHARS, format: 'ký tự ASCII in được, không có khoảng trắng' });
const NOT_RECEIVED = ['1', '3', '7'] as const;

/** A dossier of DongBoHoSoMC. */
export const DOSSIER_SHAPE: RecordShape = {
  fields: {
    MaHoSo: req(DOSSIER_CODE),
    MaTTHC: req(text(50, { pattern: PROCEDURE_CODE, format: 'mã TTHC quốc gia, ví dụ "1.003560" hoặc "2.000815.000.00.00.H55.02"' })),
    TenTTHC: req(text(1000)),
    // Choice (motcua): optional — the province's catalogue keeps the field's name, not the national field code, and a
    // sender must not make one up; TH and OpenCPS always send it (EXCHANGE_FORMAT.md).
    MaLinhVuc: opt(text(50, { pattern: CODE_CHARS, format: 'mã không có khoảng trắng' })),
    TenLinhVuc: opt(text(500)),
    KenhThucHien: req(code(CHANNELS)),
    ChuHoSo: req(text(250)),
    SoGiayToChuHoSo: opt(text(40)),
    LoaiDoiTuong: req(code(APPLICANT_KINDS)),
    MaDoiTuong: opt(text(100)),
    ThongTinKhac: opt(text(2000)),
    Email: opt(text(254, { pattern: EMAIL, format: 'địa chỉ thư điện tử' })),
    Fax: opt(text(13, { pattern: PHONE, format: 'số điện thoại chỉ gồm chữ số, bắt đầu bằng 0 hoặc +84' })),
    SoDienThoai: opt(text(13, { pattern: PHONE, format: 'số điện thoại chỉ gồm chữ số, bắt đầu bằng 0 hoặc +84' })),
    TrichYeuHoSo: req(text(1000)),
    NgayTiepNhan: when(statusNotIn(...NOT_RECEIVED), time),
    NgayHenTra: opt(time),
    TrangThaiHoSo: req(code(DOSSIER_STATUSES)),
    NgayTra: when(statusIn('10'), time),
    ThongTinTra: opt(text(2000)),
    HinhThuc: req(code(RETURN_METHODS)),
    NgayKetThucXuLy: when(statusIn('9', '10'), time),
    DonViXuLy: req(text(500)),
    GhiChu: opt(text(2000)),
    NoiNopHoSo: opt(text(2, { pattern: DIGIT_CODE, format: 'mã 1–2 chữ số' })),
    HoSoCoThanhPhanSoHoa: opt(code(FLAGS)),
    TaiKhoanDuocXacThucVoiVNeID: opt(code(FLAGS)),
    DuocThanhToanTrucTuyen: opt(code(FLAGS)),
    NgayTuChoi: when(statusIn('3'), time),
    NgayNopHoSo: opt(time),
    DinhDanhCHS: opt(list(IDENTITY_SHAPE)),
    DSKetNoiCSDL: opt(list(DATABASE_LINK_SHAPE)),
    TaiLieuNop: opt(list(SUBMITTED_FILE_SHAPE)),
    DanhSachLePhi: opt(list(FEE_SHAPE)),
    DanhSachTepDinhKemKhac: opt(list(OTHER_PAPER_SHAPE)),
    DanhSachHoSoBoSung: opt(list(SUPPLEMENT_SHAPE)),
    DanhSachGiayToKetQua: opt(list(RESULT_PAPER_SHAPE)),
  },
  checks: [
    onlineOnlyUserId,
    notBefore('NgayTiepNhan', 'NgayNopHoSo'),
    notBefore('NgayHenTra', 'NgayTiepNhan'),
    notBefore('NgayKetThucXuLy', 'NgayTiepNhan'),
    notBefore('NgayTra', 'NgayTiepNhan'),
    notBefore('NgayTra', 'NgayKetThucXuLy'),
    notBefore('NgayTuChoi', 'NgayNopHoSo'),
  ],
};

/** A dossier submitted on the national portal (POST /control/dossiers, LayDanhSachHoSoMoi): a DongBoHoSoMC dossier, online, new, with its submitter. */
export const PORTAL_DOSSIER_SHAPE: RecordShape = {
  fields: {
    ...DOSSIER_SHAPE.fields,
    KenhThucHien: req(code(['2'])),
    TrangThaiHoSo: req(code(['1'])),
    MaDoiTuong: req(text(100)),
    SoDienThoai: req(text(13, { pattern: PHONE, format: 'số điện thoại chỉ gồm chữ số, bắt đầu bằng 0 hoặc +84' })),
    NgayNopHoSo: req(time),
    DinhDanhCHS: req(list(IDENTITY_SHAPE, 1)),
    MaDonViTiepNhan: req(text(30, { pattern: AGENCY_CODE, format: 'mã định danh cơ quan, ví dụ "H56.14" hoặc "000.00.06.H56"' })),
  },
  checks: DOSSIER_SHAPE.checks,
};

/** A progress entry of CapNhatTienDoHoSoMC. */
export const PROGRESS_SHAPE: RecordShape = {
  fields: {
    MaHoSo: req(DOSSIER_CODE),
    NguoiXuLy: req(text(50)),
    ChucDanh: opt(text(250)),
    ThoiDiemXuLy: req(time),
    PhongBanXuLy: opt(text(500)),
    NoiDungXuLy: req(text(2000)),
    TrangThai: req(code(DOSSIER_STATUSES)),
    NgayBatDau: opt(time),
    NgayKetThucTheoQuyDinh: opt(time),
  },
  checks: [notBefore('NgayKetThucTheoQuyDinh', 'NgayBatDau')],
};

/** No two dossiers of one DongBoHoSoMC batch share a MaHoSo. */
const uniqueDossierCodes: RecordCheck = (r, path) => {
  const data = r.data as ReadonlyArray<JsonRecord>;
  const seen = new Map<unknown, number>();
  for (const [i, d] of data.entries()) {
    const first = seen.get(d.MaHoSo);
    if (first !== undefined) return problem(joinPath(path, `data[${i}].MaHoSo`), `trùng với data[${first}].MaHoSo trong cùng lô`);
    seen.set(d.MaHoSo, i);
  }
  return null;
};

/** No code twice in one TraCuuHoSo request: the answer is keyed by code, so a repeat is a mistake of the caller's. */
const uniqueLookupCodes: RecordCheck = (r, path) => {
  const codes = r.MaHoSo as readonly unknown[];
  const seen = new Map<unknown, number>();
  for (const [i, c] of codes.entries()) {
    const first = seen.get(c);
    if (first !== undefined) return problem(joinPath(path, `MaHoSo[${i}]`), `trùng với MaHoSo[${first}] trong cùng yêu cầu`);
    seen.set(c, i);
  }
  return null;
};

const service = (name: DvcqgService) => req(code([name]));

/** The body of each service. */
export const REQUEST_SHAPES: Readonly<Record<DvcqgService, RecordShape>> = {
  DongBoHoSoMC: {
    fields: { service: service('DongBoHoSoMC'), isUpdating: req({ type: 'boolean' }), data: req(list(DOSSIER_SHAPE, 1, MAX_DOSSIERS_PER_BATCH)) },
    checks: [uniqueDossierCodes],
  },
  CapNhatTienDoHoSoMC: {
    fields: { service: service('CapNhatTienDoHoSoMC'), data: req(list(PROGRESS_SHAPE, 1, MAX_PROGRESS_PER_BATCH)) },
    checks: [],
  },
  LayDanhSachHoSoMoi: {
    fields: { service: service('LayDanhSachHoSoMoi'), MaDonVi: req(text(30, { pattern: AGENCY_CODE, format: 'mã định danh cơ quan, ví dụ "H56.14" hoặc "000.00.06.H56"' })) },
    checks: [],
  },
  XacNhanDaNhanHoSo: {
    fields: { service: service('XacNhanDaNhanHoSo'), MaHoSo: req(DOSSIER_CODE), MaHoSoTinh: req(DOSSIER_CODE) },
    checks: [],
  },
  TraCuuHoSo: {
    fields: { service: service('TraCuuHoSo'), MaHoSo: req(values(DOSSIER_CODE, 1, MAX_CODES_PER_LOOKUP)) },
    checks: [uniqueLookupCodes],
  },
};

// ---------------------------------------------------------------------------------------------------------------------
// Validation.

/** A validated value, or the first refused field. */
export type Validated<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: FieldProblem };

/** How a refusal names the value it got: "1" for a string, số 1 for a number, mảng, đối tượng, … */
function describe(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  if (typeof value === 'number') return `số ${value}`;
  if (typeof value === 'boolean') return `boolean ${value}`;
  if (value === null) return 'null';
  if (value === undefined) return 'không có';
  return Array.isArray(value) ? 'mảng' : typeof value === 'object' ? 'đối tượng' : typeof value;
}

const isRecord = (value: unknown): value is JsonRecord => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Code points of the NFC form: a Vietnamese letter counts once however its accents were typed. */
const charCount = (value: string) => [...value.normalize('NFC')].length;

/** True if the text holds a control character other than tab, line feed and carriage return. */
function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i += 1) {
    const c = value.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return true;
  }
  return false;
}

function checkValue(value: unknown, rule: FieldRule, path: string): FieldProblem | null {
  switch (rule.type) {
    case 'text': {
      if (typeof value !== 'string') return problem(path, `phải là chuỗi (nhận ${describe(value)})`);
      if (value.trim() === '') return problem(path, 'không được chỉ gồm khoảng trắng');
      if (hasControlCharacter(value)) return problem(path, 'chứa ký tự điều khiển');
      const length = charCount(value);
      if (length > rule.max) return problem(path, `dài ${length} ký tự, tối đa ${rule.max}`);
      if (rule.pattern && !rule.pattern.test(value)) return problem(path, `phải là ${rule.format ?? 'giá trị đúng định dạng'} (nhận "${value}")`);
      const refused = rule.test?.(value) ?? null;
      return refused ? problem(path, `${refused} (nhận "${value}")`) : null;
    }
    case 'code':
      if (typeof value !== 'string') return problem(path, `phải là chuỗi, một trong ${quoteList(rule.values)} (nhận ${describe(value)})`);
      return rule.values.includes(value) ? null : problem(path, `phải là một trong ${quoteList(rule.values)} (nhận ${describe(value)})`);
    case 'time':
      if (typeof value !== 'string' || !TIME_PATTERN.test(value)) return problem(path, `phải là thời điểm dạng yyyyMMddHHmmss (nhận ${describe(value)})`);
      return parseDvcqgTime(value) ? null : problem(path, `không phải ngày giờ có thật (nhận "${value}")`);
    case 'boolean':
      return typeof value === 'boolean' ? null : problem(path, `phải là true hoặc false (nhận ${describe(value)})`);
    case 'list':
    case 'values': {
      if (!Array.isArray(value)) return problem(path, `phải là mảng (nhận ${describe(value)})`);
      if (value.length < rule.minItems) return problem(path, `cần ít nhất ${rule.minItems} phần tử (nhận ${value.length})`);
      if (value.length > rule.maxItems) return problem(path, `tối đa ${rule.maxItems} phần tử (nhận ${value.length})`);
      for (const [i, item] of (value as unknown[]).entries()) {
        const itemPath = `${path}[${i}]`;
        // A plain item is required: "" and null, which mean absent in a field, are refused in a list.
        const found = rule.type === 'list' ? validateRecord(item, rule.shape, itemPath) : isAbsent(item) ? problem(itemPath, 'bắt buộc') : checkValue(item, rule.item, itemPath);
        if (found) return found;
      }
      return null;
    }
  }
}

/** The first problem of `value` against `shape` (unknown keys, then each field in table order, then cross-field rules), or null. */
export function validateRecord(value: unknown, shape: RecordShape, path = ''): FieldProblem | null {
  if (!isRecord(value)) return problem(path || '(body)', `phải là đối tượng JSON (nhận ${describe(value)})`);
  for (const key of Object.keys(value)) {
    if (!Object.hasOwn(shape.fields, key)) return problem(joinPath(path, key), 'trường không có trong định dạng');
  }
  for (const [key, spec] of Object.entries(shape.fields)) {
    const fieldPath = joinPath(path, key);
    const v = value[key];
    if (isAbsent(v)) {
      if (spec.required === true) return problem(fieldPath, 'bắt buộc');
      if (spec.required !== false && spec.required.when(value)) return problem(fieldPath, `bắt buộc ${spec.required.because}`);
      continue;
    }
    const found = checkValue(v, spec.rule, fieldPath);
    if (found) return found;
  }
  for (const check of shape.checks) {
    const found = check(value, path);
    if (found) return found;
  }
  return null;
}

const validateAs = <T>(value: unknown, shape: RecordShape, path = ''): Validated<T> => {
  const found = validateRecord(value, shape, path);
  return found ? { ok: false, problem: found } : { ok: true, value: value as T };
};

/** A dossier as DongBoHoSoMC carries it. */
export const validateDossier = (value: unknown, path = ''): Validated<DvcqgDossier> => validateAs(value, DOSSIER_SHAPE, path);
/** A dossier submitted on the national portal. */
export const validatePortalDossier = (value: unknown, path = ''): Validated<DvcqgPortalDossier> => validateAs(value, PORTAL_DOSSIER_SHAPE, path);
/** A progress entry as CapNhatTienDoHoSoMC carries it. */
export const validateProgress = (value: unknown, path = ''): Validated<DvcqgProgress> => validateAs(value, PROGRESS_SHAPE, path);

/** A request body of POST /api: its `service` chooses the shape; an unknown service is refused on `service`. */
export function validateRequest(body: unknown): Validated<DvcqgRequest> {
  if (!isRecord(body)) return { ok: false, problem: problem('(body)', `phải là đối tượng JSON (nhận ${describe(body)})`) };
  const name = body.service;
  if (typeof name !== 'string' || !(SERVICES as readonly string[]).includes(name)) {
    return { ok: false, problem: problem('service', `dịch vụ không được hỗ trợ, phải là một trong ${quoteList(SERVICES)} (nhận ${describe(name)})`) };
  }
  return validateAs(body, REQUEST_SHAPES[name as DvcqgService]);
}

// ---------------------------------------------------------------------------------------------------------------------
// Status order.

/** The stage of a status: 1 submitted, 2 received, 4/5/6/8 in process, 9 handled, 10/3/7 closed. */
const STAGE: Readonly<Record<DossierStatusCode, number>> = { '1': 0, '2': 1, '4': 2, '5': 2, '6': 2, '8': 2, '9': 3, '10': 4, '3': 4, '7': 4 };

/** True if moving from status `from` to `to` goes back to an earlier stage (4 after 9, 2 after 4, 9 after 10). */
export const isStatusBackwards = (from: DossierStatusCode, to: DossierStatusCode) => STAGE[to] < STAGE[from];
