// The role vocabulary: identity owns it, the platform knows none of these words.
import { hasRole, type Actor } from '../../platform/access';
import { ROLES, type Role } from '../../../contracts/identity/identity.contracts';

export { ROLES, type Role };

/** Province-wide administrator: every unit, every user, the platform's own settings. */
export const SYSTEM_ADMIN: Role = 'system-admin';
/** Administrator of a unit's subtree (its units, officers and procedures). */
export const UNIT_ADMIN: Role = 'unit-admin';
/** One-stop desk officer (receives, returns, withdraws). */
export const RECEPTION_OFFICER: Role = 'reception-officer';
/** Handles dossiers at a step of the workflow. */
export const SPECIALIST: Role = 'specialist';
/** Approves, stops and apologises for the handling unit. */
export const LEADER: Role = 'leader';
/** The administrative reform office: reads across the province. */
export const REFORM_OFFICE: Role = 'reform-office';
/** Kế toán: reconciles the unit's online fee payments with the gateway's statements (issue 13 item 3). */
export const FINANCE_OFFICER: Role = 'finance-officer';
/** Văn thư: registers incoming documents, numbers and issues outgoing ones, keeps the registers (NĐ 30/2020/NĐ-CP; issue 15). */
export const CLERK: Role = 'clerk';

/** Roles that read the whole province (dossiers, users). */
export const PROVINCE_READERS: readonly Role[] = [SYSTEM_ADMIN, REFORM_OFFICE];
/** Roles only a system administrator may grant: they reach beyond one unit's subtree. */
export const PRIVILEGED_ROLES: readonly Role[] = [SYSTEM_ADMIN, REFORM_OFFICE];

/** True when the actor is a system administrator (a grant on any unit: the role is province-wide by nature). */
export const isSystemAdmin = (actor: Actor): boolean => hasRole(actor, [SYSTEM_ADMIN]);
/** True for a signed-in officer holding at least one grant. */
export const isOfficer = (actor: Actor): boolean => actor.type === 'user' && actor.kind === 'officer' && actor.grants.length > 0;
