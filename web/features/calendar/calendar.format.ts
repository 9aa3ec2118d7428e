import type { TFunction } from 'i18next';
import type { OfficePeriod, WeeklyHours } from './calendar.types';
import { WEEKDAYS } from './calendar.types';

/** ISO weekday (1 = Monday … 7 = Sunday) of a `YYYY-MM-DD` date, independent of the browser's zone. */
export function isoWeekday(date: string): number {
  return ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

/** `YYYY-MM-DD` → `DD/MM/YYYY`. */
export const vnDate = (date: string): string => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

/** A date with its weekday, e.g. "Thứ Tư, 25/02/2026". */
export const dateWithWeekday = (t: TFunction, date: string): string =>
  t('calendar.format.dateWithWeekday', { weekday: t(`calendar.weekdays.${isoWeekday(date)}`), date: vnDate(date) });

/**
 * An instant sent as `…+07:00` shown as the slip shows it (§5.2: hour, minute, date), read straight from the
 * string so the browser's own time zone never shifts it.
 */
export function formatVnInstant(t: TFunction, iso: string): string {
  const date = iso.slice(0, 10);
  return t('calendar.format.instant', { hour: iso.slice(11, 13), minute: iso.slice(14, 16), weekday: t(`calendar.weekdays.${isoWeekday(date)}`), date: vnDate(date) });
}

/** Office periods as text, e.g. "07:00–11:30, 13:30–17:00". */
export const periodsText = (periods: readonly OfficePeriod[]): string => periods.map((p) => `${p.start}–${p.end}`).join(', ');

const PERIOD = /^\s*(\d{1,2}):(\d{2})\s*[-–—]\s*(\d{1,2}):(\d{2})\s*$/;
const pad = (s: string) => s.padStart(2, '0');

/** Parses "07:00–11:30, 13:30–17:00" (empty = rest day); null when the text is not periods. */
export function parsePeriods(text: string | undefined): OfficePeriod[] | null {
  const trimmed = (text ?? '').trim();
  if (trimmed === '') return [];
  const out: OfficePeriod[] = [];
  for (const part of trimmed.split(/[,;]/)) {
    const m = PERIOD.exec(part);
    if (!m) return null;
    out.push({ start: `${pad(m[1]!)}:${m[2]}`, end: `${pad(m[3]!)}:${m[4]}` });
  }
  return out;
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** True when periods are valid times, each starting before it ends, in order and not overlapping (the server's rule). */
export function periodsValid(periods: readonly OfficePeriod[]): boolean {
  let previousEnd = 0;
  for (const p of periods) {
    const start = minutes(p.start);
    const end = minutes(p.end);
    if (Number(p.start.slice(3)) > 59 || Number(p.end.slice(3)) > 59 || end > 24 * 60 || !(start < end) || start < previousEnd) return false;
    previousEnd = end;
  }
  return true;
}

/** Weekly hours → one text per weekday, for a form. */
export function hoursToTexts(hours: WeeklyHours): Record<string, string> {
  return Object.fromEntries(WEEKDAYS.map((d) => [d, periodsText(hours[d])]));
}

/** One text per weekday → weekly hours; null when any text is not periods. */
export function textsToHours(texts: Record<string, string | undefined>): WeeklyHours | null {
  const out: Record<string, OfficePeriod[]> = {};
  for (const d of WEEKDAYS) {
    const periods = parsePeriods(texts[d]);
    if (!periods) return null;
    out[d] = periods;
  }
  return out as WeeklyHours;
}

/** The wall-clock time now in Hà Nội as `YYYY-MM-DDTHH:mm` (legal instants are +07:00, §19 row 1). */
export function hanoiNow(nowMs: number = Date.now()): string {
  return new Date(nowMs + 7 * 3_600_000).toISOString().slice(0, 16);
}
