import { definePolicy, hasRole } from '../access';

// The outbox holds citizens' addresses and message texts: system administrators only.
definePolicy('notifications.outbox.read', (actor) => hasRole(actor, ['system-admin']));
