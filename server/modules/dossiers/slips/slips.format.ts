// Vietnamese wording of instants and dates on slips, always in Asia/Ho_Chi_Minh whatever the server's zone (§19.1).
import type { SlipDate, SlipInstant } from './slips.types';

const VN_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

// A string without "Z" or "±hh:mm" would be read in the server's zone, which is exactly what slips must not do.
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Wall-clock parts of an instant in Asia/Ho_Chi_Minh. */
export interface VnParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

/** The instant as a Date; throws on an invalid Date or an ISO string without an explicit offset. */
export function toInstant(value: SlipInstant): Date {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new RangeError('Invalid Date passed to a slip renderer');
    return value;
  }
  if (!ISO_WITH_OFFSET.test(value)) throw new RangeError(`Instant "${value}" must be ISO 8601 with an offset (Z or +07:00)`);
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new RangeError(`Invalid instant "${value}"`);
  return d;
}

/** Wall-clock parts of `value` in Asia/Ho_Chi_Minh. */
export function vnParts(value: SlipInstant): VnParts {
  const parts = VN_PARTS.formatToParts(toInstant(value));
  const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** "03/11/2023" — the Vietnamese calendar date of an instant. */
export function formatVnDate(value: SlipInstant): string {
  const p = vnParts(value);
  return `${pad2(p.day)}/${pad2(p.month)}/${p.year}`;
}

/** "9 giờ 00 phút, ngày 03/11/2023" — the wording of Mẫu 01 for reception and appointment times (§4.2, §5.2). */
export function formatVnDateTime(value: SlipInstant): string {
  const p = vnParts(value);
  return `${p.hour} giờ ${pad2(p.minute)} phút, ngày ${pad2(p.day)}/${pad2(p.month)}/${p.year}`;
}

/** "27/11/2026" from a legal date `YYYY-MM-DD`; throws on another shape. */
export function formatIsoDate(date: SlipDate): string {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`Date "${date}" must be YYYY-MM-DD`);
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/**
 * "Thanh Hóa, ngày 27 tháng 11 năm 2026". Days below 10 and the months 1 and 2 get a leading zero, as in the date
 * line of administrative documents (NĐ 30/2020/NĐ-CP Phụ lục I; not in the domain brief — check when templates are
 * finalised).
 */
export function formatDateLine(place: string, value: SlipInstant): string {
  const p = vnParts(value);
  const month = p.month <= 2 ? pad2(p.month) : String(p.month);
  return `${place}, ngày ${pad2(p.day)} tháng ${month} năm ${p.year}`;
}

/** A count with a leading zero below 10, as legal forms write quantities ("01 bộ"). */
export function formatCount(n: number): string {
  return n >= 0 && n < 10 ? pad2(n) : String(n);
}
