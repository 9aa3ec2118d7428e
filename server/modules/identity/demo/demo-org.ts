/**
 * Demo organisation: Tỉnh Thanh Hóa after the 1 July 2025 two-tier reform (province → departments and communes).
 *
 * Sources and confidence:
 * - Thanh Hóa was not merged in 2025 (NQ 202/2025/QH15; one of the 11 unchanged provinces) and after
 *   NQ 1686/NQ-UBTVQH15 (16/06/2025) has 166 commune-level units: 19 phường and 147 xã (press summaries of the
 *   resolution). Province e-identifier `H56`, legacy style `000.00.00.H56` (domain README §14.2).
 * - Phường Hạc Thành: formed from 10 central wards of the former Thanh Hóa city plus most of Đông Thọ and Đông Vệ
 *   (HĐND tỉnh resolution of 25/04/2025, as reported in the press). Xã Ngọc Lặc: formed from thị trấn Ngọc Lặc, Mỹ Tân
 *   and Thúy Sơn (Báo Thanh Hóa, 28/04/2025). Phường Hàm Rồng, Quảng Phú, Sầm Sơn, Bỉm Sơn, Nghi Sơn: names in the
 *   list of 19 wards as recalled from that resolution, not re-checked against its text [M].
 *   Xã Thọ Xuân, Xã Hoằng Hóa, Xã Quảng Xương: names as given in the project brief, not confirmed in the sources
 *   consulted [U] — treat them as illustrative.
 * - Departments: the provincial line-up after the March 2025 restructuring (Sở Nông nghiệp và Môi trường, Sở Dân tộc
 *   và Tôn giáo, ...), with Văn phòng UBND and the provincial Trung tâm Phục vụ hành chính công.
 * - ILLUSTRATIVE: every unit code below. They follow the QĐ 20/2020/QĐ-TTg Điều 4 layout (`H56.xx`, `H56.xx.yy`) but
 *   are not the codes Thanh Hóa actually issued; validity dates other than 2025-06-30 / 2025-07-01 are illustrative too.
 * - The closed district (thị xã Bỉm Sơn, whose territory became phường Bỉm Sơn and phường Quang Trung) shows how a unit
 *   removed by the reform keeps its history with a successor; its successor choice is illustrative.
 * - All people, e-mail addresses and phone numbers are fictitious.
 */
import type { OrgUnitKind, Role } from '../../../../contracts/identity/identity.contracts';

/** One unit of the demo tree; `parent` and `successor` refer to other units' keys. */
export interface DemoUnit {
  key: string;
  code: string;
  name: string;
  shortName?: string;
  kind: OrgUnitKind;
  parent?: string;
  validFrom: string;
  validTo?: string;
  successor?: string;
}

/** One demo officer; `login` is also listed in server/modules/demo-accounts.ts. */
export interface DemoOfficer {
  login: string;
  displayName: string;
  email: string;
  phone?: string;
  grants: Array<{ role: Role; unit: string }>;
}

const REFORM_DAY = '2025-07-01';
const DEPARTMENTS_FROM = '2025-03-01';

const departments: Array<[key: string, code: string, name: string, shortName: string]> = [
  ['stp', 'H56.03', 'Sở Tư pháp', 'STP'],
  ['snv', 'H56.04', 'Sở Nội vụ', 'SNV'],
  ['stc', 'H56.05', 'Sở Tài chính', 'STC'],
  ['snnmt', 'H56.06', 'Sở Nông nghiệp và Môi trường', 'SNNMT'],
  ['sxd', 'H56.07', 'Sở Xây dựng', 'SXD'],
  ['sct', 'H56.08', 'Sở Công Thương', 'SCT'],
  ['syt', 'H56.09', 'Sở Y tế', 'SYT'],
  ['sgddt', 'H56.10', 'Sở Giáo dục và Đào tạo', 'SGDĐT'],
  ['skhcn', 'H56.11', 'Sở Khoa học và Công nghệ', 'SKHCN'],
  ['svhttdl', 'H56.12', 'Sở Văn hóa, Thể thao và Du lịch', 'SVHTTDL'],
  ['sdttg', 'H56.13', 'Sở Dân tộc và Tôn giáo', 'SDTTG'],
  ['cat', 'H56.14', 'Công an tỉnh', 'CAT'],
];

const communes: Array<[key: string, code: string, name: string]> = [
  ['hacthanh', 'H56.101', 'Phường Hạc Thành'],
  ['hamrong', 'H56.102', 'Phường Hàm Rồng'],
  ['quangphu', 'H56.103', 'Phường Quảng Phú'],
  ['samson', 'H56.104', 'Phường Sầm Sơn'],
  ['bimson', 'H56.105', 'Phường Bỉm Sơn'],
  ['nghison', 'H56.106', 'Phường Nghi Sơn'],
  ['thoxuan', 'H56.107', 'Xã Thọ Xuân'],
  ['hoanghoa', 'H56.108', 'Xã Hoằng Hóa'],
  ['quangxuong', 'H56.109', 'Xã Quảng Xương'],
  ['ngoclac', 'H56.110', 'Xã Ngọc Lặc'],
];

/** The demo units in creation order (parents before children, successors before the units naming them). */
export const DEMO_UNITS: DemoUnit[] = [
  { key: 'province', code: 'H56', name: 'Ủy ban nhân dân tỉnh Thanh Hóa', shortName: 'UBND tỉnh Thanh Hóa', kind: 'province', validFrom: '2000-01-01' },
  { key: 'vp', code: 'H56.01', name: 'Văn phòng Ủy ban nhân dân tỉnh', shortName: 'VP UBND tỉnh', kind: 'department', parent: 'province', validFrom: DEPARTMENTS_FROM },
  {
    key: 'ttpvhcc',
    code: 'H56.02',
    name: 'Trung tâm Phục vụ hành chính công tỉnh',
    shortName: 'TTPVHCC tỉnh',
    kind: 'service-center',
    parent: 'province',
    validFrom: DEPARTMENTS_FROM,
  },
  ...departments.map(([key, code, name, shortName]): DemoUnit => ({ key, code, name, shortName, kind: 'department', parent: 'province', validFrom: DEPARTMENTS_FROM })),
  { key: 'stp.hctp', code: 'H56.03.01', name: 'Phòng Hành chính tư pháp', kind: 'division', parent: 'stp', validFrom: DEPARTMENTS_FROM },
  ...communes.flatMap(([key, code, name]): DemoUnit[] => [
    { key, code, name, kind: 'commune', parent: 'province', validFrom: REFORM_DAY },
    {
      key: `${key}.ttpvhcc`,
      code: `${code}.01`,
      name: `Trung tâm Phục vụ hành chính công ${name.replace(/^(Phường|Xã) /, (m) => m.toLowerCase())}`,
      shortName: 'TTPVHCC',
      kind: 'service-center',
      parent: key,
      validFrom: REFORM_DAY,
    },
  ]),
  // Abolished by Luật 72/2025/QH15 (no district tier from 1 July 2025); kept closed, with a successor, for old dossiers.
  {
    key: 'bimson-district',
    code: 'H56.30',
    name: 'Ủy ban nhân dân thị xã Bỉm Sơn',
    shortName: 'UBND thị xã Bỉm Sơn',
    kind: 'district',
    parent: 'province',
    validFrom: '2000-01-01',
    validTo: '2025-06-30',
    successor: 'bimson',
  },
  {
    key: 'bimson-district.bptn',
    code: 'H56.30.01',
    name: 'Bộ phận Tiếp nhận và Trả kết quả thị xã Bỉm Sơn',
    kind: 'service-center',
    parent: 'bimson-district',
    validFrom: '2000-01-01',
    validTo: '2025-06-30',
    successor: 'bimson.ttpvhcc',
  },
];

/** Demo officers, one or more for every role. */
export const DEMO_OFFICERS: DemoOfficer[] = [
  { login: 'admin', displayName: 'Lê Văn Hùng', email: 'admin@thanhhoa.demo.vn', grants: [{ role: 'system-admin', unit: 'province' }] },
  { login: 'quantri.hacthanh', displayName: 'Nguyễn Thị Lan', email: 'lan.nt@hacthanh.demo.vn', grants: [{ role: 'unit-admin', unit: 'hacthanh' }] },
  { login: 'tiepnhan.tinh', displayName: 'Trần Thị Mai', email: 'mai.tt@ttpvhcc.demo.vn', phone: '0912000101', grants: [{ role: 'reception-officer', unit: 'ttpvhcc' }] },
  {
    login: 'tiepnhan.hacthanh',
    displayName: 'Phạm Minh Tuấn',
    email: 'tuan.pm@hacthanh.demo.vn',
    phone: '0912000102',
    grants: [{ role: 'reception-officer', unit: 'hacthanh.ttpvhcc' }],
  },
  // Works in Phòng Hành chính tư pháp but handles the department's dossiers, so the grant is on the department (D11).
  { login: 'chuyenvien.stp', displayName: 'Hoàng Văn Nam', email: 'nam.hv@stp.demo.vn', grants: [{ role: 'specialist', unit: 'stp' }] },
  { login: 'lanhdao.stp', displayName: 'Đỗ Thị Hương', email: 'huong.dt@stp.demo.vn', grants: [{ role: 'leader', unit: 'stp' }] },
  { login: 'chuyenvien.hacthanh', displayName: 'Vũ Đức Thắng', email: 'thang.vd@hacthanh.demo.vn', grants: [{ role: 'specialist', unit: 'hacthanh' }] },
  { login: 'lanhdao.hacthanh', displayName: 'Bùi Văn Long', email: 'long.bv@hacthanh.demo.vn', grants: [{ role: 'leader', unit: 'hacthanh' }] },
  // The TTHC-control staff of the provincial office: feedback and petitions no procedure routes land here first (the
  // demo's FEEDBACK_DEFAULT_UNIT, feedback.config.ts), to be classified and transferred to the competent unit.
  { login: 'kiemsoat.vp', displayName: 'Đặng Thu Trang', email: 'trang.dt@vpubnd.demo.vn', phone: '0912000103', grants: [{ role: 'reception-officer', unit: 'vp' }] },
  { login: 'caicach.snv', displayName: 'Ngô Thị Thu Hà', email: 'ha.ntt@snv.demo.vn', grants: [{ role: 'reform-office', unit: 'snv' }] },
  { login: 'ketoan.tinh', displayName: 'Lưu Thị Ngọc', email: 'ngoc.lt@ttpvhcc.demo.vn', grants: [{ role: 'finance-officer', unit: 'ttpvhcc' }] },
  // Văn thư (records clerks): the registers of incoming and outgoing documents (issue 15).
  { login: 'vanthu.stp', displayName: 'Phan Thị Thủy', email: 'thuy.pt@stp.demo.vn', grants: [{ role: 'clerk', unit: 'stp' }] },
  { login: 'vanthu.hacthanh', displayName: 'Lương Văn Tú', email: 'tu.lv@hacthanh.demo.vn', grants: [{ role: 'clerk', unit: 'hacthanh' }] },
];

/** The demo citizen (signs in with the e-mail; both contacts confirmed). ID number and address are fictitious. */
export const DEMO_CITIZEN = {
  displayName: 'Nguyễn Văn An',
  email: 'citizen@example.vn',
  phone: '0987654321',
  accountType: 'citizen',
  idNumber: '038090001234',
  bornOn: '1990-05-12',
  address: 'Số 12 đường Lê Lợi, phường Hạc Thành, tỉnh Thanh Hóa',
  notificationChannel: 'email',
} as const;

/** The demo business account, held by its director; the enterprise code is fictitious. */
export const DEMO_BUSINESS = {
  displayName: 'Trịnh Minh Quang',
  email: 'doanhnghiep@example.vn',
  phone: '0912345670',
  accountType: 'business',
  businessName: 'Công ty TNHH Thương mại Hạc Thành',
  taxCode: '2801234567',
  idNumber: '038085004321',
  bornOn: '1985-11-03',
  address: 'Số 45 đại lộ Lê Lợi, phường Hạc Thành, tỉnh Thanh Hóa',
  notificationChannel: 'email',
} as const;
