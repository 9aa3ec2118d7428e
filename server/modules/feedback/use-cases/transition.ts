// The one path every officer's change of an item takes: authorised against the item's unit, on the version the officer
// saw, allowed from the item's state by the workflow, checked, then written in one transaction with its history entry,
// its messages and its audit entry (STYLE: only `transition…` use cases change a status, each audited).
import { withTransaction, type Ctx, type TxScope } from '../../../platform/context/context';
import type { OrgUnitRef } from '../../identity';
import type { FEEDBACK_EVENT_KINDS } from '../../../../contracts/feedback/feedback.values';
import { lockItem, updateItem, type FeedbackRow, type NewFeedbackRow } from '../feedback.repository';
import { allows, nextState, FEEDBACK_WORKFLOW, type FeedbackTransition } from '../feedback.workflow';
import { invalidState, loadForOfficer, recordEvent, versionConflict } from './common';

type EventKind = (typeof FEEDBACK_EVENT_KINDS)[number];

/** What a change sees inside its transaction. */
export interface TransitionStep<P> {
  scope: TxScope;
  /** The item as locked in the transaction. */
  row: FeedbackRow;
  unit: OrgUnitRef;
  now: Date;
  /** What `prepare` checked and computed before the transaction. */
  prepared: P;
  // Function-typed properties (not methods): the changes destructure them from the step.
  /** Writes the patch (the workflow's next state, the new version, updatedAt) and returns the updated row. */
  update: (patch: Partial<NewFeedbackRow>) => Promise<FeedbackRow>;
  /** Records a history entry of this item. */
  event: (kind: EventKind, params: Record<string, string | number | boolean | null>) => Promise<void>;
}

/** One officer's transition: who may, from which version, the checks and the change. */
export interface TransitionSpec<P> {
  id: string;
  /** The policy action the caller must hold over the item's unit. */
  action: string;
  transition: FeedbackTransition;
  version: number;
  /** Checks and computations that read but do not write (a 400 here changes nothing). */
  prepare?: (row: FeedbackRow, unit: OrgUnitRef, now: Date) => Promise<P>;
  /** The change itself; returns the updated row and what the audit entry adds to the state and version. */
  apply: (step: TransitionStep<P>) => Promise<{ row: FeedbackRow; audit?: Record<string, unknown> }>;
}

/** Runs an officer's transition of an item (see the file comment); 404, 403, 409 (stale version, wrong state) or 400 before any write. */
export async function transitionFeedback<P = undefined>(ctx: Ctx, spec: TransitionSpec<P>): Promise<FeedbackRow> {
  const { row: seen, unit } = await loadForOfficer(ctx, spec.id, spec.action);
  if (seen.version !== spec.version) throw versionConflict(seen.version);
  if (!allows(spec.transition, seen.state)) throw invalidState(seen.state);
  const now = ctx.clock.now();
  const prepared = spec.prepare ? await spec.prepare(seen, unit, now) : (undefined as P);
  return withTransaction(ctx, async (scope) => {
    const row = await lockItem(scope.tx, spec.id);
    if (!row || row.version !== spec.version) throw versionConflict(row?.version ?? seen.version);
    const step: TransitionStep<P> = {
      scope,
      row,
      unit,
      now,
      prepared,
      update: async (patch) => {
        const updated = await updateItem(
          scope.tx,
          row.id,
          row.version,
          { state: nextState(spec.transition, row.state), updatedAt: now, ...patch },
          FEEDBACK_WORKFLOW[spec.transition].from,
        );
        if (!updated) throw versionConflict(row.version);
        return updated;
      },
      event: (kind, params) => recordEvent(ctx, scope.tx, row.id, kind, params, now),
    };
    const { row: updated, audit } = await spec.apply(step);
    await scope.audit({
      action: `feedback.${spec.transition}`,
      subjectType: 'feedback',
      subjectId: row.id,
      before: { state: row.state, version: row.version, assignedUnitId: row.assignedUnitId, dueAt: row.dueAt.toISOString() },
      after: { state: updated.state, version: updated.version, assignedUnitId: updated.assignedUnitId, dueAt: updated.dueAt.toISOString(), ...audit },
    });
    return updated;
  });
}
