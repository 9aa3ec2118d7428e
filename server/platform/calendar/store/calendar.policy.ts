import { declarePolicy, type PolicyDeclaration } from '../../access';

// Any officer reads the calendars (the desk needs them). Changing them ('calendar.manage') is decided by the module
// that owns the roles: platform knows none. The deadline calculator (GET /due) is public and needs no policy.
export const calendarPolicies: PolicyDeclaration[] = [declarePolicy('calendar.read', (actor) => actor.type === 'user' && actor.kind === 'officer')];

/** Changing calendars, drafts and office hours. */
export const CALENDAR_MANAGE_ACTION = 'calendar.manage';
