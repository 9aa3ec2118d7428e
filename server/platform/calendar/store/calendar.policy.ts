import { definePolicy, hasRole } from '../../access';

// Any officer reads the calendars (the desk needs them); only system administrators change them.
// The deadline calculator (GET /due) is public and needs no policy.
definePolicy('calendar.read', (actor) => actor.type === 'user' && actor.kind === 'officer');
definePolicy('calendar.manage', (actor) => hasRole(actor, ['system-admin']));
