// A change of the published working calendar (domain README §19 row 10) never moves an item's due silently: the
// administrator's preview counts the items it would move (registerCalendarImpactProvider), and once it is published
// (`calendar.changed`) each running item whose due differs gets the new one, a history entry, an audit entry and a
// message to its sender. Counted from the clock's start for the item's working minutes, its pauses left out.
import { toVnIso } from '../../../platform/calendar';
import { dueMoves, type CalendarChange, type CalendarChangedEvent } from '../../../platform/calendar/store';
import { withTransaction, type Ctx } from '../../../platform/context/context';
import type { Queryable } from '../../../platform/db/database';
import { dueOf, toPauses } from '../feedback.deadlines';
import { notifySender } from '../feedback.notify';
import { listPauses, lockItem, runningInWindow, updateItem, type FeedbackRow } from '../feedback.repository';
import { RUNNING_STATES } from '../feedback.workflow';
import { recordEvent, senderLink, senderRecipient, unitsById } from './common';

/** The running items a change can move, each with its due after it (only those that differ). */
async function moves(db: Queryable, change: CalendarChange): Promise<Array<{ row: FeedbackRow; after: Date }>> {
  const span = change.changedSpan();
  if (!span) return [];
  const rows = await runningInWindow(db, span);
  const units = await unitsById(
    db,
    rows.map((r) => r.assignedUnitId),
  );
  return dueMoves(
    change,
    rows,
    (row) => units.get(row.assignedUnitId)?.code,
    async (row, cal) => dueOf(row.clockStartedAt, row.durationMinutes, cal, toPauses(await listPauses(db, row.id))),
  );
}

/** How many running items a calendar change would move (the administrator's preview). */
export async function countFeedbackAffected(db: Queryable, change: CalendarChange): Promise<number> {
  return (await moves(db, change)).length;
}

/** After `calendar.changed`: gives each running item whose due differs its new due, said and audited. */
export async function recomputeForCalendarChange(ctx: Ctx, event: CalendarChangedEvent): Promise<{ moved: number }> {
  let moved = 0;
  const now = ctx.clock.now();
  for (const { row: seen, after } of await moves(ctx.db, event)) {
    const done = await withTransaction(ctx, async (scope) => {
      const row = await lockItem(scope.tx, seen.id);
      // Changed meanwhile (answered, paused, another due): what it now is was counted on the new calendar already.
      if (!row || row.version !== seen.version || !RUNNING_STATES.includes(row.state)) return false;
      const updated = await updateItem(scope.tx, row.id, row.version, { dueAt: after, updatedAt: now });
      if (!updated) return false;
      await recordEvent(ctx, scope.tx, row.id, 'due-recomputed', { from: toVnIso(row.dueAt), due: toVnIso(after), reason: event.reason }, now);
      await notifySender(scope, {
        itemId: row.id,
        to: await senderRecipient(scope.tx, row),
        params: { kind: 'due-moved', code: row.code, title: row.title, due: toVnIso(after), reason: event.reason, link: senderLink(ctx, row.code, null) },
        locale: 'vi',
        dedupe: `due-moved:${event.revision}`,
      });
      await scope.audit({
        action: 'feedback.due-recomputed',
        subjectType: 'feedback',
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
