import { definePolicy, hasRole, type Actor } from '../../platform/access';
import type { DossierState, TransitionName } from '../../../contracts/dossiers/dossiers.contracts';
import { TRANSITIONS, type Performer } from './dossiers.workflow';

/** Policy actions of the dossiers module. */
export const DOSSIER_ACTIONS = {
  intake: 'dossiers.intake',
  list: 'dossiers.list',
  read: 'dossiers.read',
  transition: 'dossiers.transition',
  apology: 'dossiers.apology',
  sweep: 'dossiers.sweep',
} as const;

/** Where a new dossier is received: the receiving unit's path. */
export interface IntakeSubject {
  receivingUnitPath: string;
}

/** A dossier as a policy subject: the paths of the units involved and who holds it now. */
export interface DossierSubject {
  state: DossierState;
  holderRole: string;
  holderPath: string;
  receivingPath: string;
  handlingPath: string;
  /** Every unit the dossier has passed through (hops), for reading. */
  otherPaths?: string[];
}

/** A transition asked of a dossier. */
export interface TransitionSubject extends DossierSubject {
  transition: TransitionName;
}

/** Roles that see every dossier of the province (read only). */
export const PROVINCE_READERS = ['system-admin', 'reform-office'];
const WORKING_ROLES = ['reception-officer', 'specialist', 'leader'];

/**
 * True when the actor holds `role` on the unit at `unitPath`: a grant on the unit or an ancestor, or on a unit
 * inside it (a specialist of a division works the dossiers of its department).
 */
export function actsAt(actor: Actor, role: string, unitPath: string): boolean {
  if (actor.type !== 'user') return false;
  return actor.grants.some((g) => g.role === role && (unitPath.startsWith(g.scopePath) || g.scopePath.startsWith(unitPath)));
}

/** True when `performer` describes this actor for this dossier. */
export function performs(actor: Actor, performer: Performer, s: DossierSubject): boolean {
  switch (performer) {
    case 'holder':
      return actsAt(actor, s.holderRole, s.holderPath);
    case 'receiving-desk':
      return actsAt(actor, 'reception-officer', s.receivingPath);
    case 'handling-leader':
      // The head of the handling agency, not a division's: a grant on the unit itself or above it.
      return hasRole(actor, ['leader'], s.handlingPath);
  }
}

const isOfficer = (actor: Actor) => actor.type === 'user' && actor.kind === 'officer' && actor.grants.length > 0;

// §2: any centre of the province may receive; the officer must hold the reception role there.
definePolicy<IntakeSubject>(DOSSIER_ACTIONS.intake, (actor, s) => hasRole(actor, ['reception-officer'], s?.receivingUnitPath));

definePolicy(DOSSIER_ACTIONS.list, (actor) => isOfficer(actor));

definePolicy<DossierSubject>(DOSSIER_ACTIONS.read, (actor, s) => {
  if (!isOfficer(actor)) return false;
  if (s === undefined) return true;
  if (hasRole(actor, PROVINCE_READERS)) return true;
  const paths = [s.holderPath, s.receivingPath, s.handlingPath, ...(s.otherPaths ?? [])];
  return actor.type === 'user' && actor.grants.some((g) => paths.some((p) => p.startsWith(g.scopePath) || g.scopePath.startsWith(p)));
});

definePolicy<TransitionSubject>(DOSSIER_ACTIONS.transition, (actor, s) => {
  if (s === undefined) return hasRole(actor, WORKING_ROLES);
  return TRANSITIONS[s.transition].who.some((p) => performs(actor, p, s));
});

// §3.1 step 6: the head of the handling agency signs the apology and extension letter (Mẫu 04).
definePolicy<DossierSubject>(DOSSIER_ACTIONS.apology, (actor, s) => (s === undefined ? hasRole(actor, ['leader']) : performs(actor, 'handling-leader', s)));

definePolicy(DOSSIER_ACTIONS.sweep, (actor) => hasRole(actor, ['system-admin']));
