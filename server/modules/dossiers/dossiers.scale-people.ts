// Who hands dossiers in, for generated scale data (dossiers.scale.ts): Vietnamese people with a realistic family-name
// distribution, 12-digit ID numbers of Thanh Hóa (province code 038), phones, e-mails, addresses; and companies.
// Everything is a pure function of a seeded PRNG, so the same seed gives the same people.

/** Uniform in [0, 1). */
export type Rand = () => number;

/**
 * A PRNG (xoshiro128**) whose 128-bit state is a hash of `parts` (e.g. seed, run, item). A 32-bit state would not do:
 * with millions of items the streams of two of them would overlap (birthday bound), giving equal ids.
 */
export function prng(...parts: number[]): Rand {
  let a = mix(...parts, 1);
  let b = mix(...parts, 2);
  let c = mix(...parts, 3);
  let d = mix(...parts, 4);
  if ((a | b | c | d) === 0) a = 1;
  const rotl = (x: number, k: number) => (x << k) | (x >>> (32 - k));
  return () => {
    const out = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return out / 4_294_967_296;
  };
}

/** A 32-bit hash of a text (FNV-1a), to seed a stream from a name or an id. */
export function hashText(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** Mixes integers into one 32-bit seed (murmur3's finaliser over each part), for independent streams per item. */
export function mix(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const p of parts) {
    h = Math.imul(h ^ (p >>> 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    h = (h + Math.imul(Math.floor(p / 4_294_967_296), 0x27d4eb2f)) >>> 0;
  }
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const hex32 = (w: number) => HEX[w >>> 24]! + HEX[(w >>> 16) & 0xff]! + HEX[(w >>> 8) & 0xff]! + HEX[w & 0xff]!;

/** A version-4 UUID drawn from the PRNG (deterministic ids for deterministic data). */
export function uuidOf(r: Rand): string {
  const a = hex32(Math.floor(r() * 4_294_967_296));
  const b = Math.floor(r() * 4_294_967_296);
  const c = Math.floor(r() * 4_294_967_296);
  const d = hex32(Math.floor(r() * 4_294_967_296));
  // Version nibble 4, variant bits 10.
  const b2 = hex32(((b & 0xffff0fff) | 0x4000) >>> 0);
  const c2 = hex32(((c & 0x3fffffff) | 0x80000000) >>> 0);
  return `${a}-${b2.slice(0, 4)}-${b2.slice(4)}-${c2.slice(0, 4)}-${c2.slice(4)}${d}`;
}

export const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** Draws from `[value, weight]` pairs. */
export function weighted<T>(r: Rand, table: ReadonlyArray<readonly [T, number]>): T {
  let total = 0;
  for (const [, w] of table) total += w;
  let x = r() * total;
  for (const [v, w] of table) if ((x -= w) < 0) return v;
  return table[table.length - 1]![0];
}

// Family names (họ) by share of the population, per cent: the national surveys put Nguyễn near 38 %, then Trần
// ~11 %, Lê ~9.5 %, Phạm ~7 %, Hoàng/Huỳnh ~5 % (Huỳnh is the southern form: rare in Thanh Hóa), Phan ~4.5 %,
// Vũ/Võ ~3.9 % (Võ mostly southern), Đặng ~2.1 %, Bùi ~2 %, Đỗ ~1.4 %, Hồ, Ngô ~1.3 %, Dương ~1 %, Lý ~0.5 %;
// the rest spread over many names, some typical of Thanh Hóa (Lê, Trịnh, Mai) and of its Mường and Thái communes (Lò,
// Hà, Quách, Cầm).
const FAMILY: ReadonlyArray<readonly [string, number]> = [
  ['Nguyễn', 38],
  ['Trần', 11],
  ['Lê', 9.5],
  ['Phạm', 7],
  ['Hoàng', 4.6],
  ['Huỳnh', 0.5],
  ['Phan', 4.5],
  ['Vũ', 3.4],
  ['Võ', 0.5],
  ['Đặng', 2.1],
  ['Bùi', 2],
  ['Đỗ', 1.4],
  ['Hồ', 1.3],
  ['Ngô', 1.3],
  ['Dương', 1],
  ['Lý', 0.5],
  ['Trịnh', 1.1],
  ['Mai', 0.9],
  ['Đinh', 0.8],
  ['Lương', 0.6],
  ['Cao', 0.6],
  ['Hà', 0.6],
  ['Quách', 0.4],
  ['Lò', 0.4],
  ['Cầm', 0.2],
  ['Đào', 0.5],
  ['Trương', 0.5],
  ['Lưu', 0.3],
  ['Tô', 0.3],
  ['Thiều', 0.2],
  ['Lại', 0.2],
  ['Vương', 0.2],
  ['Phùng', 0.2],
  ['Khương', 0.1],
];

const MALE_MIDDLE: ReadonlyArray<readonly [string, number]> = [
  ['Văn', 40],
  ['Đức', 8],
  ['Minh', 8],
  ['Quang', 6],
  ['Hữu', 6],
  ['Xuân', 5],
  ['Ngọc', 4],
  ['Công', 4],
  ['Thanh', 4],
  ['Mạnh', 3],
  ['Tiến', 3],
  ['Duy', 3],
  ['Trọng', 3],
  ['Đình', 4],
  ['Bá', 2],
  ['Gia', 2],
];
const FEMALE_MIDDLE: ReadonlyArray<readonly [string, number]> = [
  ['Thị', 55],
  ['Thu', 6],
  ['Ngọc', 6],
  ['Thanh', 5],
  ['Hồng', 4],
  ['Minh', 4],
  ['Phương', 3],
  ['Kim', 3],
  ['Bảo', 2],
  ['Khánh', 2],
  ['Diệu', 2],
  ['Mai', 2],
  ['Hải', 2],
  ['Quỳnh', 2],
];
// A second middle name ("Nguyễn Thị Thu Hà"): drawn from these.
const FEMALE_SECOND = ['Thu', 'Thanh', 'Ngọc', 'Hồng', 'Minh', 'Phương', 'Kim', 'Bích', 'Hoài', 'Mỹ'];
const MALE_SECOND = ['Minh', 'Quang', 'Đức', 'Anh', 'Tuấn', 'Hoàng', 'Thành', 'Việt', 'Ngọc', 'Trung'];

const MALE_GIVEN = [
  'An',
  'Anh',
  'Bình',
  'Cường',
  'Dũng',
  'Duy',
  'Đạt',
  'Đức',
  'Giang',
  'Hải',
  'Hiếu',
  'Hòa',
  'Hoàng',
  'Hùng',
  'Huy',
  'Khánh',
  'Khoa',
  'Kiên',
  'Lâm',
  'Long',
  'Lực',
  'Mạnh',
  'Minh',
  'Nam',
  'Nghĩa',
  'Phong',
  'Phúc',
  'Quân',
  'Quang',
  'Sơn',
  'Tài',
  'Tâm',
  'Thắng',
  'Thành',
  'Thịnh',
  'Toàn',
  'Trung',
  'Tú',
  'Tuấn',
  'Việt',
  'Vinh',
  'Vũ',
];
const FEMALE_GIVEN = [
  'An',
  'Anh',
  'Ánh',
  'Bích',
  'Chi',
  'Diệp',
  'Dung',
  'Duyên',
  'Giang',
  'Hà',
  'Hạnh',
  'Hằng',
  'Hiền',
  'Hoa',
  'Huyền',
  'Hương',
  'Lan',
  'Liên',
  'Linh',
  'Loan',
  'Ly',
  'Mai',
  'My',
  'Nga',
  'Ngân',
  'Ngọc',
  'Nhung',
  'Oanh',
  'Phương',
  'Quỳnh',
  'Tâm',
  'Thảo',
  'Thu',
  'Thủy',
  'Trang',
  'Tuyết',
  'Vân',
  'Vy',
  'Xuân',
  'Yến',
];

// Mobile prefixes (10-digit numbers since 2018) roughly by the carriers' shares: Viettel, VinaPhone, MobiFone, others.
const MOBILE_PREFIXES: ReadonlyArray<readonly [string, number]> = [
  ['098', 6],
  ['097', 6],
  ['096', 5],
  ['086', 4],
  ['032', 3],
  ['033', 3],
  ['034', 3],
  ['035', 3],
  ['036', 3],
  ['037', 3],
  ['038', 3],
  ['039', 3],
  ['091', 4],
  ['094', 4],
  ['088', 3],
  ['081', 1],
  ['082', 1],
  ['083', 1],
  ['084', 1],
  ['085', 1],
  ['090', 3],
  ['093', 3],
  ['089', 2],
  ['070', 1],
  ['076', 1],
  ['077', 1],
  ['078', 1],
  ['079', 1],
  ['056', 0.5],
  ['058', 0.5],
  ['059', 0.5],
];

const STREETS = ['Lê Lợi', 'Trần Phú', 'Bà Triệu', 'Lê Hoàn', 'Nguyễn Trãi', 'Quang Trung', 'Hàm Nghi', 'Phan Chu Trinh', 'Tống Duy Tân', 'Hạc Thành', 'Đại lộ Lê Lợi'];
const MAIL_DOMAINS: ReadonlyArray<readonly [string, number]> = [
  ['gmail.com', 80],
  ['yahoo.com', 8],
  ['outlook.com', 5],
  ['thanhhoa.gov.vn', 2],
  ['vnpt.vn', 5],
];

const COMPANY_FORMS: ReadonlyArray<readonly [string, number]> = [
  ['Công ty TNHH', 50],
  ['Công ty TNHH một thành viên', 15],
  ['Công ty Cổ phần', 25],
  ['Hợp tác xã', 6],
  ['Doanh nghiệp tư nhân', 4],
];
const COMPANY_WORDS = ['Thương mại', 'Xây dựng', 'Vận tải', 'Nông sản', 'Dịch vụ', 'Đầu tư', 'Thủy sản', 'Du lịch', 'May mặc', 'Vật liệu', 'Cơ khí', 'Dược phẩm'];
const COMPANY_NAMES = ['Hạc Thành', 'Sông Mã', 'Lam Sơn', 'Hàm Rồng', 'Sầm Sơn', 'Nghi Sơn', 'Xứ Thanh', 'Bắc Trung Bộ', 'Thành Phát', 'Hưng Thịnh', 'An Phú', 'Minh Long'];

/** A person or an organisation applying. */
export interface GeneratedApplicant {
  kind: 'person' | 'organisation';
  name: string;
  idNumber: string;
  phone: string | null;
  email: string | null;
  address: string;
}

const digits = (r: Rand, n: number): string => {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(r() * 10);
  return s;
};

/** Lower-case ASCII of a Vietnamese word (for e-mail addresses). */
const ascii = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();

/** A person's full name: family, one or two middle names, given name. */
export function personName(r: Rand, female: boolean): string {
  const family = weighted(r, FAMILY);
  const middle = weighted(r, female ? FEMALE_MIDDLE : MALE_MIDDLE);
  const second = r() < 0.18 ? ` ${pick(r, female ? FEMALE_SECOND : MALE_SECOND)}` : '';
  return `${family} ${middle}${second} ${pick(r, female ? FEMALE_GIVEN : MALE_GIVEN)}`;
}

/**
 * A citizen identity number (căn cước, 12 digits): province of birth registration 038 (Thanh Hóa), then the gender
 * and century digit (0/1 male/female born 1900–1999, 2/3 born 2000–2099), the two last digits of the birth year and
 * six random digits (structure of Nghị định 137/2015/NĐ-CP Điều 7; province and century codes as issued under
 * Thông tư 07/2016/TT-BCA, now Thông tư 59/2021/TT-BCA).
 */
export function citizenId(r: Rand, female: boolean, birthYear: number): string {
  const century = birthYear >= 2000 ? 2 : 0;
  return `038${century + (female ? 1 : 0)}${String(birthYear % 100).padStart(2, '0')}${digits(r, 6)}`;
}

/** A mobile number, domestic form. */
export function mobile(r: Rand): string {
  return `${weighted(r, MOBILE_PREFIXES)}${digits(r, 7)}`;
}

/** Someone of the province, drawn from stream `r`; `place` is a commune or ward name for the address. */
export function person(r: Rand, place: string): GeneratedApplicant {
  const female = r() < 0.52;
  // Adults who deal with the administration: born 1945–2007, most between 1965 and 2000.
  const birthYear = Math.round(1945 + 62 * (0.5 * r() + 0.5 * r()));
  const name = personName(r, female);
  const words = name.split(' ');
  const phone = r() < 0.88 ? mobile(r) : null;
  const email = r() < 0.14 ? `${ascii(words.at(-1)!)}${ascii(words[0]!)[0]}${birthYear % 100}${Math.floor(r() * 100)}@${weighted(r, MAIL_DOMAINS)}` : null;
  const address = place.startsWith('Phường')
    ? `Số ${1 + Math.floor(r() * 200)} ${pick(r, STREETS)}, ${place}, tỉnh Thanh Hóa`
    : `Thôn ${1 + Math.floor(r() * 15)}, ${place}, tỉnh Thanh Hóa`;
  return { kind: 'person', name, idNumber: citizenId(r, female, birthYear), phone, email, address };
}

/** A business or cooperative of the province: tax codes of Thanh Hóa start with 28 (10 digits). */
export function organisation(r: Rand, place: string): GeneratedApplicant {
  const name = `${weighted(r, COMPANY_FORMS)} ${pick(r, COMPANY_WORDS)} ${pick(r, COMPANY_NAMES)}`;
  return {
    kind: 'organisation',
    name,
    idNumber: `28${digits(r, 8)}`,
    phone: r() < 0.5 ? `0237${digits(r, 7)}` : mobile(r),
    email: r() < 0.6 ? `lienhe.${ascii(name.split(' ').slice(-2).join(''))}${Math.floor(r() * 1000)}@gmail.com` : null,
    address: `Số ${1 + Math.floor(r() * 500)} ${pick(r, STREETS)}, ${place}, tỉnh Thanh Hóa`,
  };
}
