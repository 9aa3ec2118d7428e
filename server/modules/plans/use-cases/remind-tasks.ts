// The `plans.remind` sweep: an open task past its due instant is escalated once — a history entry and an audit entry,
// marked on the task (`escalated_at`), so a second run (or a second worker) does nothing more. Capped per run, soonest
// due first.
import { toVnIso } from '../../../platform/calendar';
import { withTransaction, type Ctx } from '../../../platform/context/context';
import { insertTaskEvent, markEscalated, overdueBatch } from '../plans.repository';

/** Tasks handled per run at most. */
export const REMIND_LIMIT = 200;

/** What a run of the sweep did. */
export interface PlanRemindRun {
  checked: number;
  escalated: number;
}

/** Runs the sweep once (see the file comment). */
export async function remindPlanTasks(ctx: Ctx, options: { limit?: number } = {}): Promise<PlanRemindRun> {
  const now = ctx.clock.now();
  const rows = await overdueBatch(ctx.db, now, Math.min(options.limit ?? REMIND_LIMIT, 1000));
  const run: PlanRemindRun = { checked: rows.length, escalated: 0 };
  for (const row of rows) {
    const done = await withTransaction(ctx, async (scope) => {
      if (!(await markEscalated(scope.tx, row.id, now))) return false;
      await insertTaskEvent(scope.tx, { taskId: row.id, kind: 'escalated', at: now, percent: row.progressPercent, note: null, actorId: null, actorLabel: null });
      await scope.audit({
        action: 'plans.task-escalate',
        subjectType: 'plan-task',
        subjectId: row.id,
        before: null,
        after: { dueAt: toVnIso(row.dueAt), leadUnitId: row.leadUnitId },
      });
      return true;
    });
    if (done) run.escalated++;
  }
  if (run.escalated > 0) ctx.log.info(run, 'plans: overdue tasks escalated');
  return run;
}
