// POST /plans/:id/tasks/from-commitment (issue 16 item 8, issue 14 item 5): the reform office adopts an open commitment
// made at a dialogue session as a task of a plan. The commitment is read through dialogues' public door (it answers 404
// or 403 as dialogues decides); its owner unit leads the task, its text is the task, it is due on the commitment's due
// date unless the office names another; the task keeps the commitment's id. A commitment is adopted once per plan.
import { vnDateOf } from '../../../platform/calendar';
import { withTransaction, type Ctx } from '../../../platform/context/context';
import { AppError } from '../../../platform/errors';
import { getCommitmentForOfficer } from '../../dialogues';
import { PLAN_LIMITS, type AdoptCommitmentRequest } from '../../../../contracts/plans/plans.contracts';
import { PLAN_ACTIONS } from '../plans.policy';
import { bumpPlan, findPlan, findTaskOfCommitment, type TaskRow } from '../plans.repository';
import { checkTask, insertCheckedTask, invalid, loadPlan, mayAct, versionConflict } from './manage-plans';

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Adopts the commitment as a task of the plan (see the file comment). */
export async function adoptCommitment(ctx: Ctx, planId: string, input: AdoptCommitmentRequest): Promise<TaskRow> {
  const { plan, owner } = await loadPlan(ctx, planId);
  if (!mayAct(ctx, PLAN_ACTIONS.manage, owner)) throw new AppError('FORBIDDEN', { action: PLAN_ACTIONS.manage });
  if (plan.version !== input.version) throw versionConflict(plan.version);
  const commitment = await getCommitmentForOfficer(ctx, input.commitmentId);
  if (commitment.state !== 'OPEN') throw new AppError('PLAN_COMMITMENT_NOT_OPEN', { state: commitment.state }, { status: 409 });
  if (await findTaskOfCommitment(ctx.db, plan.id, commitment.id)) throw new AppError('PLAN_COMMITMENT_ADOPTED', {}, { status: 409 });
  const deadline = input.deadline ?? vnDateOf(new Date(commitment.dueAt));
  const fields = { leadUnitId: commitment.ownerUnit.id, partnerUnitIds: [], deadline };
  const { fields: problems, dueAt } = await checkTask(ctx, plan, owner, fields);
  if (problems.length > 0 || !dueAt) throw invalid(problems);
  return withTransaction(ctx, async (scope) => {
    const bumped = await bumpPlan(scope.tx, plan.id, input.version, ctx.clock.now());
    if (!bumped) throw versionConflict((await findPlan(scope.tx, plan.id))?.version ?? plan.version);
    return insertCheckedTask(ctx, scope, bumped, {
      ...fields,
      title: clip(commitment.text, PLAN_LIMITS.titleMax),
      area: input.area,
      outputProduct: clip(`Kết quả thực hiện cam kết tại buổi đối thoại "${commitment.session.title}"`, PLAN_LIMITS.productMax),
      dueAt,
      commitmentId: commitment.id,
    });
  });
}
