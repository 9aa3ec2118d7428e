// Commitments tracked to done (domain README §9: follow-up status): the owner unit's specialists and leaders report
// progress (shown to the public) and complete it — on time when no later than its due instant (§19.8: late when
// finish > due); the organisers may withdraw a commitment with the reason. Each change is one transaction with its
// history entry and audit entry.
import { toVnIso } from '../../../platform/calendar';
import { withTransaction, type Ctx, type TxScope } from '../../../platform/context/context';
import type { CancelCommitmentRequest, CommitmentProgressRequest, CompleteCommitmentRequest } from '../../../../contracts/dialogues/dialogues.contracts';
import { DIALOGUE_ACTIONS } from '../dialogues.policy';
import { lockCommitment, updateCommitment, type CommitmentRow, type NewCommitmentRow } from '../dialogues.repository';
import { COMMITMENT_WORKFLOW, commitmentAllows, type CommitmentAction } from '../dialogues.workflow';
import { authorise, invalidState, loadCommitment, recordCommitmentEvent, versionConflict } from './common';

/** Runs a change of a commitment: 404, 403, 409 (stale version, not open) before any write; then one transaction. */
async function changeCommitment(
  ctx: Ctx,
  spec: {
    id: string;
    action: CommitmentAction;
    version: number;
    apply: (step: {
      scope: TxScope;
      row: CommitmentRow;
      now: Date;
    }) => Promise<{ patch: Partial<NewCommitmentRow>; event: Parameters<typeof recordCommitmentEvent>[2]; audit: Record<string, unknown> }>;
  },
): Promise<CommitmentRow> {
  const { row: seen, owner, organiser } = await loadCommitment(ctx, spec.id);
  // Progress and completion are the owner unit's; a withdrawal is the organisers' (who made the promise).
  authorise(ctx, spec.action === 'cancel' ? DIALOGUE_ACTIONS.manage : DIALOGUE_ACTIONS.updateCommitment, spec.action === 'cancel' ? organiser : owner);
  if (seen.version !== spec.version) throw versionConflict(seen.version);
  if (!commitmentAllows(spec.action, seen.state)) throw invalidState(seen.state);
  const now = ctx.clock.now();
  return withTransaction(ctx, async (scope) => {
    const row = await lockCommitment(scope.tx, spec.id);
    if (!row || row.version !== spec.version) throw versionConflict(row?.version ?? seen.version);
    const { patch, event, audit } = await spec.apply({ scope, row, now });
    const rule = COMMITMENT_WORKFLOW[spec.action];
    const updated = await updateCommitment(scope.tx, row.id, row.version, { state: rule.to ?? row.state, updatedAt: now, ...patch }, rule.from);
    if (!updated) throw invalidState(row.state);
    await recordCommitmentEvent(ctx, scope.tx, event);
    await scope.audit({
      action: `dialogues.commitment-${spec.action}`,
      subjectType: 'dialogue-commitment',
      subjectId: row.id,
      before: { state: row.state, version: row.version, progressPercent: row.progressPercent, dueAt: toVnIso(row.dueAt) },
      after: { state: updated.state, version: updated.version, progressPercent: updated.progressPercent, ...audit },
    });
    return updated;
  });
}

/** POST /dialogues/commitments/:id/progress: the owner unit reports how far it is (a percentage and a note, public). */
export function reportProgress(ctx: Ctx, id: string, input: CommitmentProgressRequest): Promise<CommitmentRow> {
  return changeCommitment(ctx, {
    id,
    action: 'progress',
    version: input.version,
    apply: async ({ row, now }) => ({
      patch: { progressPercent: input.percent },
      event: { commitmentId: row.id, kind: 'progress', at: now, percent: input.percent, note: input.note },
      audit: { note: input.note },
    }),
  });
}

/** POST /dialogues/commitments/:id/complete: done, on time when no later than its due instant (§19.8). */
export function completeCommitment(ctx: Ctx, id: string, input: CompleteCommitmentRequest): Promise<CommitmentRow> {
  return changeCommitment(ctx, {
    id,
    action: 'complete',
    version: input.version,
    apply: async ({ row, now }) => {
      const onTime = now.getTime() <= row.dueAt.getTime();
      return {
        patch: { progressPercent: 100, completedAt: now, completedOnTime: onTime },
        event: { commitmentId: row.id, kind: 'completed', at: now, percent: 100, note: input.note, params: { late: !onTime } },
        audit: { completedOnTime: onTime, note: input.note },
      };
    },
  });
}

/** POST /dialogues/commitments/:id/cancel: the organisers withdraw it, with the reason shown to the public. */
export function cancelCommitment(ctx: Ctx, id: string, input: CancelCommitmentRequest): Promise<CommitmentRow> {
  return changeCommitment(ctx, {
    id,
    action: 'cancel',
    version: input.version,
    apply: async ({ row, now }) => ({
      patch: { cancelledAt: now, cancelReason: input.reason },
      event: { commitmentId: row.id, kind: 'cancelled', at: now, note: input.reason },
      audit: { reason: input.reason },
    }),
  });
}
