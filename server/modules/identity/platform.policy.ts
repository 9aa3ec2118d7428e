// Policies of the platform's own administrative actions. Platform code names no role (it knows no domain words), so
// identity, which owns the role vocabulary, decides who may perform them: the province's system administrators.
import { declarePolicy, type PolicyDeclaration } from '../../platform/access';
import { AUDIT_READ_ACTION } from '../../platform/audit';
import { CALENDAR_MANAGE_ACTION } from '../../platform/calendar/store';
import { CLOCK_ADJUST_ACTION } from '../../platform/clock';
import { OUTBOX_READ_ACTION } from '../../platform/notifications';
import { isSystemAdmin } from './roles';

// The outbox holds citizens' addresses and message texts; the audit log, every change; the calendars and the clock
// move every deadline of the province.
export const platformPolicies: PolicyDeclaration[] = [AUDIT_READ_ACTION, CALENDAR_MANAGE_ACTION, CLOCK_ADJUST_ACTION, OUTBOX_READ_ACTION].map((action) =>
  declarePolicy(action, isSystemAdmin),
);
