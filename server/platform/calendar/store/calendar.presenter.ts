import type { CalendarEntry, CalendarYearDetail, CalendarYearSummary, DayOffKind, OfficePeriod, WeeklyHours } from '../../../../contracts/calendar/calendar.contracts';
import type { WeeklyOfficeHours } from '../calendar.types';
import type { EntryRow, YearRow } from './calendar.state';

/** API shape of one entry. */
export function presentEntry(e: EntryRow): CalendarEntry {
  return {
    id: e.id,
    date: e.date,
    type: e.type as CalendarEntry['type'],
    kind: e.type === 'day-off' ? ((e.kind ?? 'other') as DayOffKind) : null,
    reason: e.reason,
    reference: e.reference,
    note: e.note,
    periods: e.periods ?? null,
    status: e.status as CalendarEntry['status'],
  };
}

/** API shape of a year version with its counts. */
export function presentYearSummary(row: YearRow, counts: { dayOff: number; makeUp: number }): CalendarYearSummary {
  return {
    id: row.id,
    year: row.year,
    status: row.status as CalendarYearSummary['status'],
    generated: row.generated,
    revisionOf: row.revisionOf,
    version: row.version,
    dayOffCount: counts.dayOff,
    makeUpCount: counts.makeUp,
    updatedAt: row.updatedAt.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    publishedBy: row.publishedBy,
    publishReason: row.publishReason,
  };
}

/** API shape of a year version with its entries in date order. */
export function presentYearDetail(row: YearRow, entries: readonly EntryRow[]): CalendarYearDetail {
  const sorted = [...entries].sort((a, b) => a.date.localeCompare(b.date));
  return {
    ...presentYearSummary(row, {
      dayOff: sorted.filter((e) => e.type === 'day-off').length,
      makeUp: sorted.filter((e) => e.type === 'make-up').length,
    }),
    sources: row.sources,
    entries: sorted.map(presentEntry),
  };
}

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** Engine office hours → API shape (JSON keys "1" … "7"). */
export function presentWeeklyHours(hours: WeeklyOfficeHours): WeeklyHours {
  const out = {} as Record<string, OfficePeriod[]>;
  for (const wd of WEEKDAYS) out[String(wd)] = (hours[wd] ?? []).map((p) => ({ start: p.start, end: p.end }));
  return out as WeeklyHours;
}

/** API office hours → engine shape. */
export function toWeeklyOfficeHours(hours: WeeklyHours): WeeklyOfficeHours {
  return { 1: hours['1'], 2: hours['2'], 3: hours['3'], 4: hours['4'], 5: hours['5'], 6: hours['6'], 7: hours['7'] };
}
