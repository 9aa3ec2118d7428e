// The `feedback.remind` sweep (issue 14 item 2): one working day before an answer is due, the unit's specialists and
// leaders are reminded; once it is overdue, the unit's leaders are told (escalation). Idempotent and capped: each item
// is marked with the due instant it was reminded of and escalated for (a due that moves — a reply after a pause, an
// appointment, a reopening — is reminded of again), and a run handles at most `limit` items, soonest due first.
import { toVnIso } from '../../../platform/calendar';
import { CalendarError } from '../../../platform/calendar';
import { withTransaction, type Ctx } from '../../../platform/context/context';
import { LEADER, listRoleHolderContacts, SPECIALIST } from '../../identity';
import { calendarOfUnit, isDueWithinADay } from '../feedback.deadlines';
import { notifyOfficers } from '../feedback.notify';
import { markSwept, sweepBatch, type FeedbackRow } from '../feedback.repository';
import { recordEvent, unitOf } from './common';

/** Items handled per run at most. */
export const REMIND_LIMIT = 200;
/** How far ahead (calendar time) the sweep looks: one working day can span a long holiday (Tết, §13.2). */
const HORIZON_MS = 15 * 86_400_000;

/** What a run of the sweep did. */
export interface RemindRun {
  checked: number;
  reminded: number;
  escalated: number;
}

/** Runs the sweep once (see the file comment). */
export async function remindFeedback(ctx: Ctx, options: { limit?: number } = {}): Promise<RemindRun> {
  const now = ctx.clock.now();
  const rows = await sweepBatch(ctx.db, now, new Date(now.getTime() + HORIZON_MS), Math.min(options.limit ?? REMIND_LIMIT, 1000));
  const run: RemindRun = { checked: rows.length, reminded: 0, escalated: 0 };
  for (const row of rows) {
    if (row.dueAt.getTime() < now.getTime()) {
      if (await alert(ctx, row, 'escalated', now)) run.escalated++;
      continue;
    }
    const unit = await unitOf(ctx.db, row.assignedUnitId);
    let soon: boolean;
    try {
      soon = isDueWithinADay(now, row.dueAt, await calendarOfUnit(ctx.db, unit.code));
    } catch (err) {
      // A due in a year the calendar does not cover yet: nothing to count against; the next runs try again.
      if (!(err instanceof CalendarError)) throw err;
      ctx.log.warn({ err, code: row.code }, 'feedback: reminder skipped, calendar does not cover the due');
      continue;
    }
    if (soon && (await alert(ctx, row, 'reminded', now))) run.reminded++;
  }
  if (run.reminded + run.escalated > 0) ctx.log.info(run, 'feedback: reminders and escalations');
  return run;
}

/**
 * Marks the item for its due instant and, if this run is the one that marked it, records the history entry and queues
 * the officers' messages: the reminder to the unit's specialists and leaders, the escalation to its leaders (holders of
 * the role on the unit itself, identity's listRoleHolderContacts).
 */
async function alert(ctx: Ctx, row: FeedbackRow, what: 'reminded' | 'escalated', now: Date): Promise<boolean> {
  const unit = await unitOf(ctx.db, row.assignedUnitId);
  return withTransaction(ctx, async (scope) => {
    if (!(await markSwept(scope.tx, row.id, row.dueAt, what))) return false;
    const roles = what === 'reminded' ? [SPECIALIST, LEADER] : [LEADER];
    const officers = (await Promise.all(roles.map((role) => listRoleHolderContacts(scope.tx, role, [unit.id])))).flat();
    const due = toVnIso(row.dueAt);
    const queued = await notifyOfficers(scope, {
      itemId: row.id,
      officers,
      params: { kind: what === 'reminded' ? 'reminder' : 'escalation', code: row.code, title: row.title, unit: unit.name, due },
      dedupe: `${what}:${row.dueAt.toISOString()}`,
    });
    await recordEvent(ctx, scope.tx, row.id, what, { due, officers: queued }, now);
    if (what === 'escalated') {
      await scope.audit({ action: 'feedback.escalate', subjectType: 'feedback', subjectId: row.id, before: null, after: { dueAt: due, unitId: unit.id, leadersTold: queued } });
    }
    return true;
  });
}
