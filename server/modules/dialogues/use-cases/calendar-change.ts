// A change of the published working calendar (domain README §19 row 10) never moves a commitment's due silently: the
// administrator's preview counts the open commitments it would move (registerCalendarImpactProvider), and once it is
// published (`calendar.changed`) each open commitment whose due differs gets the new one, a history entry and an audit
// entry. Counted as when it was made: working days from the answer, or the end of office hours of the promised date.
import { toVnIso } from '../../../platform/calendar';
import { dueMoves, type CalendarChange, type CalendarChangedEvent } from '../../../platform/calendar/store';
import { withTransaction, type Ctx } from '../../../platform/context/context';
import type { Queryable } from '../../../platform/db/database';
import { dueAfter, dueOnDate } from '../dialogues.deadlines';
import { lockCommitment, openInWindow, updateCommitment, type CommitmentRow } from '../dialogues.repository';
import { recordCommitmentEvent, unitsById } from './common';

/** The open commitments a change can move, each with its due after it (only those that differ). */
async function moves(db: Queryable, change: CalendarChange): Promise<Array<{ row: CommitmentRow; after: Date }>> {
  const span = change.changedSpan();
  if (!span) return [];
  const rows = await openInWindow(db, span);
  const units = await unitsById(
    db,
    rows.map((r) => r.ownerUnitId),
  );
  return dueMoves(
    change,
    rows,
    (row) => units.get(row.ownerUnitId)?.code,
    (row, cal) => (row.dueOn !== null ? dueOnDate(row.dueOn, cal) : dueAfter(row.clockStartedAt, row.durationMinutes!, cal)),
  );
}

/** How many open commitments a calendar change would move (the administrator's preview). */
export async function countCommitmentsAffected(db: Queryable, change: CalendarChange): Promise<number> {
  return (await moves(db, change)).length;
}

/** After `calendar.changed`: gives each open commitment whose due differs its new due, recorded and audited. */
export async function recomputeForCalendarChange(ctx: Ctx, event: CalendarChangedEvent): Promise<{ moved: number }> {
  let moved = 0;
  const now = ctx.clock.now();
  for (const { row: seen, after } of await moves(ctx.db, event)) {
    const done = await withTransaction(ctx, async (scope) => {
      const row = await lockCommitment(scope.tx, seen.id);
      // Changed meanwhile (completed, withdrawn): nothing to move.
      if (!row || row.version !== seen.version || row.state !== 'OPEN') return false;
      const updated = await updateCommitment(scope.tx, row.id, row.version, { dueAt: after, updatedAt: now }, ['OPEN']);
      if (!updated) return false;
      await recordCommitmentEvent(ctx, scope.tx, {
        commitmentId: row.id,
        kind: 'due-recomputed',
        at: now,
        params: { from: toVnIso(row.dueAt), due: toVnIso(after), reason: event.reason },
      });
      await scope.audit({
        action: 'dialogues.commitment-due-recomputed',
        subjectType: 'dialogue-commitment',
        subjectId: row.id,
        before: { dueAt: toVnIso(row.dueAt), version: row.version },
        after: { dueAt: toVnIso(after), version: updated.version, calendarRevision: event.revision, reason: event.reason },
      });
      return true;
    });
    if (done) moved++;
  }
  return { moved };
}
