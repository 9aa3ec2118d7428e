import type { TFunction } from 'i18next';
import type { Badge } from './dossiers.types';

/** Working minutes in a standard working day (domain README §19.2–3: 8 hours). */
export const MINUTES_PER_WORKING_DAY = 8 * 60;

const VN_OFFSET_MS = 7 * 3_600_000;

/** Wall-clock parts of an instant in Hà Nội (+07:00, §19 row 1), whatever offset the string carries. */
export function vnParts(iso: string): { date: string; hour: string; minute: string; weekday: number } {
  const shifted = new Date(new Date(iso).getTime() + VN_OFFSET_MS);
  const text = shifted.toISOString();
  return {
    date: text.slice(0, 10),
    hour: text.slice(11, 13),
    minute: text.slice(14, 16),
    weekday: ((shifted.getUTCDay() + 6) % 7) + 1,
  };
}

/** `YYYY-MM-DD` → `DD/MM/YYYY`. */
export const vnDate = (date: string): string => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

/** An appointment as the receipt writes it (§5.2: hour, minute, date), e.g. "17 giờ 00 phút, Thứ Sáu, ngày 04/12/2026". */
export function formatAppointment(t: TFunction, iso: string | null | undefined): string {
  if (!iso) return '';
  const p = vnParts(iso);
  return t('dossiers.format.appointment', { hour: p.hour, minute: p.minute, weekday: t(`dossiers.format.weekdays.${p.weekday}`), date: vnDate(p.date) });
}

/** A short instant for tables: "04/12/2026 17:00" in Hà Nội time. */
export function formatInstant(iso: string | null | undefined): string {
  if (!iso) return '';
  const p = vnParts(iso);
  return `${vnDate(p.date)} ${p.hour}:${p.minute}`;
}

/** Working minutes as "2 ngày 3 giờ 15 phút" (8-hour days); zero is "0 phút". */
export function formatWorkingDuration(t: TFunction, minutes: number, dayMinutes = MINUTES_PER_WORKING_DAY): string {
  const total = Math.round(Math.abs(minutes));
  const days = Math.floor(total / dayMinutes);
  const hours = Math.floor((total % dayMinutes) / 60);
  const mins = total % 60;
  const parts: string[] = [];
  if (days) parts.push(t('dossiers.format.days', { count: days }));
  if (hours) parts.push(t('dossiers.format.hours', { count: hours }));
  if (mins || parts.length === 0) parts.push(t('dossiers.format.minutes', { count: mins }));
  return parts.join(' ');
}

/** What is left before the effective due ("còn …"), or how far past it ("quá hạn …"); empty when not running. */
export function formatRemaining(t: TFunction, minutes: number | null): string {
  if (minutes === null) return '';
  const amount = formatWorkingDuration(t, minutes);
  return minutes < 0 ? t('dossiers.format.overdueBy', { amount }) : t('dossiers.format.remaining', { amount });
}

/** antd tag colour of each deadline badge: on track green, due soon gold, at risk orange, overdue red. */
export const BADGE_COLOR: Record<Badge, string> = {
  'on-track': 'green',
  'due-soon': 'gold',
  'at-risk': 'orange',
  overdue: 'red',
  paused: 'blue',
  early: 'cyan',
  'on-time': 'green',
  late: 'red',
  closed: 'default',
};

/** antd tag colour of a national status code (§3.2). */
export function statusColor(code: number): string {
  if (code === 2) return 'geekblue';
  if (code === 4) return 'processing';
  if (code === 5 || code === 6) return 'warning';
  if (code === 9) return 'cyan';
  if (code === 10) return 'success';
  if (code === 1 || code === 3 || code === 7 || code === 8) return 'default';
  return 'default';
}

/** Splits a multi-line text into trimmed non-empty lines (one missing document per line). */
export function lines(text: string | undefined | null): string[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/** A date picked in the browser + a Hà Nội wall-clock time → an ISO instant with +07:00 (for `newDueAt`). */
export function toVnIso(date: string, time = '17:00'): string {
  return `${date}T${time}:00+07:00`;
}
