// Events the dossiers module publishes after commit (STYLE boundaries rule 4): other modules react to them through
// their manifest's `events`, never by reading the dossiers tables.
import type { DossierState } from '../../../contracts/dossiers/dossiers.contracts';

/** Payload of `dossiers.ended`: the dossier reached a state after which nothing more happens (TERMINAL_STATES). */
export interface DossierEndedEvent {
  dossierId: string;
  /** RETURNED (result handed back, §3.1 step 7), STOPPED (§3.1 step 5d) or WITHDRAWN (§3.1 step 5e). */
  state: Extract<DossierState, 'RETURNED' | 'STOPPED' | 'WITHDRAWN'>;
  /** ISO instant of the change. */
  occurredAt: string;
}

declare module '../../platform/events/event-bus' {
  interface DomainEvents {
    /** A dossier ended: e.g. the ratings module invites its applicant to rate the service. */
    'dossiers.ended': DossierEndedEvent;
  }
}
