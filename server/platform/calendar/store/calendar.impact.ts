import type { Queryable } from '../../db/database';
import type { WorkingCalendar } from '../calendar.types';
import { describeDay } from '../calendar.engine';
import type { ChangedDay, ImpactResponse } from '../../../../contracts/calendar/calendar.contracts';
import type { CalendarChange } from './calendar.events';

/** A module that holds deadlines tells the admin how many of its open items a calendar change would move. */
export interface CalendarImpactProvider {
  /** Module key shown in the preview, e.g. 'dossiers'. */
  module: string;
  countAffected(db: Queryable, before: WorkingCalendar, after: WorkingCalendar, change: CalendarChange): Promise<number>;
  /** How many open items have a due instant at or after `provisionalFrom` (relying on a year not yet published). */
  countProvisional?(db: Queryable, provisionalFrom: Date): Promise<number>;
}

const providers = new Map<string, CalendarImpactProvider>();

/**
 * Registers (or replaces, so rebuilding the app in tests is harmless) a module's impact provider.
 * Returns a function that removes it.
 */
export function registerCalendarImpactProvider(provider: CalendarImpactProvider): () => void {
  providers.set(provider.module, provider);
  return () => {
    if (providers.get(provider.module) === provider) providers.delete(provider.module);
  };
}

/** Asks every provider; a provider that fails makes the preview fail (the admin must not confirm blind). */
export async function countImpact(db: Queryable, change: CalendarChange): Promise<Pick<ImpactResponse, 'modules' | 'total'>> {
  const modules: ImpactResponse['modules'] = [];
  for (const provider of [...providers.values()].sort((a, b) => a.module.localeCompare(b.module))) {
    // Nothing computed on a calendar that did not exist can move.
    const affected = change.before && change.after ? await provider.countAffected(db, change.before, change.after, change) : 0;
    modules.push({ module: provider.module, affected });
  }
  return { modules, total: modules.reduce((sum, m) => sum + m.affected, 0) };
}

/** Open items relying on the provisional calendar, per module that can tell (for the administrators' warning). */
export async function countProvisional(db: Queryable, provisionalFrom: Date): Promise<Array<{ module: string; count: number }>> {
  const out: Array<{ module: string; count: number }> = [];
  for (const provider of [...providers.values()].sort((a, b) => a.module.localeCompare(b.module))) {
    if (provider.countProvisional) out.push({ module: provider.module, count: await provider.countProvisional(db, provisionalFrom) });
  }
  return out;
}

const MAX_CHANGED_DAYS = 400;
const DAY_MS = 86_400_000;

function summarise(date: string, cal: WorkingCalendar | null): ChangedDay['before'] {
  if (!cal || Number(date.slice(0, 4)) < cal.firstYear || Number(date.slice(0, 4)) > cal.lastYear) return null;
  const day = describeDay(date, cal);
  const minutes = day.periods.reduce((sum, p) => sum + toMinutes(p.end) - toMinutes(p.start), 0);
  return { working: day.working, reason: day.reason, minutes };
}

const toMinutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Dates of `year` whose working time differs between the two calendars (capped). */
export function changedDays(year: number, before: WorkingCalendar | null, after: WorkingCalendar): ChangedDay[] {
  const out: ChangedDay[] = [];
  const first = Date.UTC(year, 0, 1) / DAY_MS;
  const last = Date.UTC(year + 1, 0, 1) / DAY_MS;
  for (let d = first; d < last && out.length < MAX_CHANGED_DAYS; d++) {
    const date = new Date(d * DAY_MS).toISOString().slice(0, 10);
    const a = summarise(date, after)!;
    const b = summarise(date, before);
    if (!b || b.working !== a.working || b.minutes !== a.minutes || b.reason !== a.reason) out.push({ date, before: b, after: a });
  }
  return out;
}
