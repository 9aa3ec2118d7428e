// The `dialogues.remind` sweep: when DIALOGUE_COMMITMENT_REMIND_DAYS working days or fewer are left before an open
// commitment is due, its owner unit's specialists and leaders are reminded; once it is overdue, the unit's leaders are
// told (escalation). Idempotent and capped: each commitment is marked with the due instant it was reminded of and
// escalated for (a due moved by a calendar change is reminded of again), and a run handles at most `limit`, soonest due first.
import { CalendarError, toVnIso } from '../../../platform/calendar';
import { withTransaction, type Ctx } from '../../../platform/context/context';
import { LEADER, listRoleHolderContacts, SPECIALIST } from '../../identity';
import { calendarOfUnit, isDueWithin } from '../dialogues.deadlines';
import { notifyOfficers } from '../dialogues.notify';
import { findSession, markSwept, sweepBatch, type CommitmentRow } from '../dialogues.repository';
import { dialoguesConfigOf, recordCommitmentEvent, unitOf } from './common';

/** Commitments handled per run at most. */
export const REMIND_LIMIT = 200;
/** How far ahead (calendar time) the sweep looks: 30 working days (the longest reminder) span about six weeks, Tết included. */
const HORIZON_MS = 60 * 86_400_000;

/** What a run of the sweep did. */
export interface RemindRun {
  checked: number;
  reminded: number;
  escalated: number;
}

/** Runs the sweep once (see the file comment). */
export async function remindCommitments(ctx: Ctx, options: { limit?: number } = {}): Promise<RemindRun> {
  const now = ctx.clock.now();
  const { remindDays } = dialoguesConfigOf(ctx);
  const rows = await sweepBatch(ctx.db, now, new Date(now.getTime() + HORIZON_MS), Math.min(options.limit ?? REMIND_LIMIT, 1000));
  const run: RemindRun = { checked: rows.length, reminded: 0, escalated: 0 };
  for (const row of rows) {
    if (row.dueAt.getTime() < now.getTime()) {
      if (await alert(ctx, row, 'escalated', now, remindDays)) run.escalated++;
      continue;
    }
    const unit = await unitOf(ctx.db, row.ownerUnitId);
    let soon: boolean;
    try {
      soon = isDueWithin(now, row.dueAt, remindDays, await calendarOfUnit(ctx.db, unit.code));
    } catch (err) {
      // A due in a year the calendar does not cover yet: nothing to count against; the next runs try again.
      if (!(err instanceof CalendarError)) throw err;
      ctx.log.warn({ err, commitmentId: row.id }, 'dialogues: reminder skipped, calendar does not cover the due');
      continue;
    }
    if (soon && (await alert(ctx, row, 'reminded', now, remindDays))) run.reminded++;
  }
  if (run.reminded + run.escalated > 0) ctx.log.info(run, 'dialogues: commitment reminders and escalations');
  return run;
}

/**
 * Marks the commitment for its due instant and, if this run is the one that marked it, records the history entry and
 * queues the officers' messages: the reminder to the owner unit's specialists and leaders, the escalation to its
 * leaders (holders of the role on the unit itself, identity's listRoleHolderContacts).
 */
async function alert(ctx: Ctx, row: CommitmentRow, what: 'reminded' | 'escalated', now: Date, remindDays: number): Promise<boolean> {
  const [unit, session] = await Promise.all([unitOf(ctx.db, row.ownerUnitId), findSession(ctx.db, row.sessionId)]);
  return withTransaction(ctx, async (scope) => {
    if (!(await markSwept(scope.tx, row.id, row.dueAt, what))) return false;
    const roles = what === 'reminded' ? [SPECIALIST, LEADER] : [LEADER];
    const officers = (await Promise.all(roles.map((role) => listRoleHolderContacts(scope.tx, role, [unit.id])))).flat();
    const due = toVnIso(row.dueAt);
    const queued = await notifyOfficers(scope, {
      commitmentId: row.id,
      officers,
      params: { kind: what === 'reminded' ? 'reminder' : 'escalation', title: session?.title ?? '', text: row.text, unit: unit.name, due },
      dedupe: `${what}:${row.dueAt.toISOString()}`,
    });
    await recordCommitmentEvent(ctx, scope.tx, { commitmentId: row.id, kind: what, at: now, params: { due, days: remindDays, officers: queued } });
    if (what === 'escalated') {
      await scope.audit({
        action: 'dialogues.commitment-escalate',
        subjectType: 'dialogue-commitment',
        subjectId: row.id,
        before: null,
        after: { dueAt: due, unitId: unit.id, leadersTold: queued },
      });
    }
    return true;
  });
}
