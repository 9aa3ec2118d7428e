import { declarePolicy, hasAnyGrantCovering, hasRole, type Actor, type PolicyDeclaration } from '../../platform/access';
import { isOfficer, isSystemAdmin, LEADER, PROVINCE_READERS, RECEPTION_OFFICER, SPECIALIST } from '../identity';
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
  result: 'dossiers.result',
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
export { PROVINCE_READERS };
const WORKING_ROLES = [RECEPTION_OFFICER, SPECIALIST, LEADER];

/**
 * True when the actor holds `role` by a grant covering the unit at `unitPath`: a grant on that unit or on a unit
 * above it, never on a unit below it (D11: a division's officer works the dossiers addressed to the division; the
 * department's dossiers belong to those holding the role on the department).
 */
export function actsAt(actor: Actor, role: string, unitPath: string): boolean {
  return hasRole(actor, [role], unitPath);
}

/** True when `performer` describes this actor for this dossier. */
export function performs(actor: Actor, performer: Performer, s: DossierSubject): boolean {
  switch (performer) {
    case 'holder':
      return actsAt(actor, s.holderRole, s.holderPath);
    case 'receiving-desk':
      return actsAt(actor, RECEPTION_OFFICER, s.receivingPath);
    case 'handling-leader':
      // The head of the handling agency, not a division's: a grant on the unit itself or above it.
      return actsAt(actor, LEADER, s.handlingPath);
    case 'applicant':
      // Officer policies never match the applicant: the applicant acts through transitionAsApplicant only.
      return false;
  }
}

/** States in which the holder may attach the result (those `result-ready` leaves from, and approval). */
export const RESULT_HANDLING_STATES: readonly DossierState[] = ['RECEIVED', 'PROCESSING', 'AWAITING_APPROVAL'];

/** The dossiers module's policies, declared in its manifest. */
export const dossierPolicies: PolicyDeclaration[] = [
  // §2: any centre of the province may receive; the officer must hold the reception role there.
  declarePolicy<IntakeSubject>(DOSSIER_ACTIONS.intake, (actor, s) => hasRole(actor, [RECEPTION_OFFICER], s?.receivingUnitPath)),

  declarePolicy(DOSSIER_ACTIONS.list, (actor) => isOfficer(actor)),

  declarePolicy<DossierSubject>(DOSSIER_ACTIONS.read, (actor, s) => {
    if (!isOfficer(actor)) return false;
    if (s === undefined) return true;
    if (hasRole(actor, PROVINCE_READERS)) return true;
    // An officer reads a dossier that one of their grants covers: held, received, handled or passed through a unit of theirs.
    const paths = [s.holderPath, s.receivingPath, s.handlingPath, ...(s.otherPaths ?? [])];
    return paths.some((p) => hasAnyGrantCovering(actor, p));
  }),

  declarePolicy<TransitionSubject>(DOSSIER_ACTIONS.transition, (actor, s) => {
    if (s === undefined) return hasRole(actor, WORKING_ROLES);
    return TRANSITIONS[s.transition].who.some((p) => performs(actor, p, s));
  }),

  // §3.1 step 6: the head of the handling agency signs the apology and extension letter (Mẫu 04).
  declarePolicy<DossierSubject>(DOSSIER_ACTIONS.apology, (actor, s) => (s === undefined ? hasRole(actor, [LEADER]) : performs(actor, 'handling-leader', s))),

  declarePolicy(DOSSIER_ACTIONS.sweep, isSystemAdmin),

  // The electronic result (NĐ 45/2020/NĐ-CP) is the handling unit's: its holder (a specialist or leader) attaches it while handling, and after
  // "result ready" (the desk then holds the dossier) the handling unit's specialists and leaders may replace it until
  // it is returned.
  declarePolicy<DossierSubject>(DOSSIER_ACTIONS.result, (actor, s) => {
    if (s === undefined) return hasRole(actor, [SPECIALIST, LEADER]);
    if (RESULT_HANDLING_STATES.includes(s.state)) return s.holderRole !== RECEPTION_OFFICER && performs(actor, 'holder', s);
    if (s.state === 'DONE') return actsAt(actor, SPECIALIST, s.handlingPath) || actsAt(actor, LEADER, s.handlingPath);
    return false;
  }),
];
