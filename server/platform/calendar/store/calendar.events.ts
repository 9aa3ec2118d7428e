import type { WorkingCalendar } from '../calendar.types';

/** What changed in a published working calendar; given to impact providers and carried by `calendar.changed`. */
export interface CalendarChange {
  kind: 'year-published' | 'office-hours' | 'unit-hours';
  calendarId: string;
  /** The unit whose own office hours changed; null for province-wide changes. */
  orgUnitCode: string | null;
  /** Years whose days changed; every covered year for office-hours changes. */
  years: number[];
  /** The calendar in force before (the unit's when `orgUnitCode` is set); null when nothing was published. */
  before: WorkingCalendar | null;
  /** The calendar in force after the change; null when still nothing is published. */
  after: WorkingCalendar | null;
  /** Before/after as seen by any unit (with its own office hours when it has them), for items held per unit. */
  forUnit(orgUnitCode: string): { before: WorkingCalendar | null; after: WorkingCalendar | null };
  /**
   * The instants [from, to) spanning every date whose working time differs before and after, on any calendar the
   * change concerns (`orgUnitCode`'s own; else the province's and every unit's with its own hours); null when none
   * differs. A deadline counted wholly outside it is the same before and after (see differingSpan), so a module reads
   * only the items whose counting window overlaps it.
   */
  changedSpan(): { from: Date; to: Date } | null;
}

/** Payload of `calendar.changed`, emitted after the change commits. */
export interface CalendarChangedEvent extends CalendarChange {
  /** The calendar revision after the change (see getPublishedCalendar). */
  revision: number;
  reason: string;
  actorId: string | null;
  occurredAt: string;
}

declare module '../../events/event-bus' {
  interface DomainEvents {
    /** A published calendar or office hours changed: modules holding deadlines recompute their open items. */
    'calendar.changed': CalendarChangedEvent;
  }
}
