import { declarePolicy, hasRole, type Actor, type PolicyDeclaration } from '../../platform/access';
import { CLERK, LEADER, SPECIALIST, SYSTEM_ADMIN, UNIT_ADMIN } from '../identity';

/** Policy actions of the documents module (subject: the unit concerned, by its path). */
export const DOCUMENT_ACTIONS = {
  /** Read a body's registers, documents, files, books and numbers (subject: the body, or the lead unit of an assignment). */
  read: 'documents.read',
  /** The clerk's work: register incoming documents and their files, number and issue outgoing ones (subject: the body). */
  register: 'documents.register',
  /** The leader's decisions: assign incoming documents, return and sign outgoing drafts (subject: the body). */
  decide: 'documents.decide',
  /** Handle an assigned incoming document: notes and closing (subject: the lead or partner unit, or the body). */
  handle: 'documents.handle',
  /** Draft outgoing documents and submit them for review (subject: the drafting unit). */
  draft: 'documents.draft',
  /** Read a unit's document settings (subject: the unit). */
  readSettings: 'documents.settings.read',
  /** Set a unit's abbreviation and series (subject: the unit). */
  manageSettings: 'documents.settings.manage',
} as const;

/** A document as the policies see it: the unit concerned. */
export interface DocumentUnitSubject {
  unitPath: string;
}

/** Roles that work with a body's documents. */
export const DOCUMENT_ROLES: readonly string[] = [CLERK, LEADER, SPECIALIST];
const SETTINGS_ROLES: readonly string[] = [SYSTEM_ADMIN, UNIT_ADMIN];

/** A role of `roles` by a grant covering the unit (its own or one above it, never one below: D11); any unit without a subject. */
const holds =
  (roles: readonly string[]) =>
  (actor: Actor, s: DocumentUnitSubject | undefined): boolean =>
    hasRole(actor, roles, s?.unitPath);

/** The documents module's policies, declared in its manifest. */
export const documentPolicies: PolicyDeclaration[] = [
  declarePolicy<DocumentUnitSubject>(DOCUMENT_ACTIONS.read, holds(DOCUMENT_ROLES)),
  declarePolicy<DocumentUnitSubject>(DOCUMENT_ACTIONS.register, holds([CLERK])),
  declarePolicy<DocumentUnitSubject>(DOCUMENT_ACTIONS.decide, holds([LEADER])),
  declarePolicy<DocumentUnitSubject>(DOCUMENT_ACTIONS.handle, holds([SPECIALIST, LEADER])),
  declarePolicy<DocumentUnitSubject>(DOCUMENT_ACTIONS.draft, holds([SPECIALIST, LEADER])),
  // The system administrator sets any unit's settings (a province-wide role by nature).
  declarePolicy<DocumentUnitSubject>(DOCUMENT_ACTIONS.readSettings, (actor, s) => hasRole(actor, [SYSTEM_ADMIN]) || holds([...DOCUMENT_ROLES, ...SETTINGS_ROLES])(actor, s)),
  declarePolicy<DocumentUnitSubject>(DOCUMENT_ACTIONS.manageSettings, (actor, s) => hasRole(actor, [SYSTEM_ADMIN]) || holds([UNIT_ADMIN])(actor, s)),
];
