// Starting a draft for a procedure offered online (domain README §6.2; NĐ 42/2022 Điều 11 khoản 1).
import { can } from '../../../platform/access';
import { withTransaction, type Ctx } from '../../../platform/context/context';
import { AppError, notFound } from '../../../platform/errors';
import type { StartSubmissionRequest } from '../../../../contracts/submissions/submissions.contracts';
import { SUBMISSION_ACTIONS } from '../submissions.policy';
import { insertEvent, insertSubmission, type SubmissionRow } from '../submissions.repository';
import { eFormPrefill, getPublishedProcedureById } from '../../catalog';
import { actorIdOf, actorLabelOf, invalid, isOnline, openDesk, todayOf, usualDesk, versionInForce } from './common';
import { applicantPrefillOf } from './prefill';

/**
 * POST /submissions: a draft under the version of the procedure in force today, if it is offered online (một phần or
 * toàn trình), at the desk the applicant chose (any centre of the province, §2) or the procedure's usual desk, with
 * the applicant pre-filled from the account so nobody types again what the account already holds.
 */
export async function startSubmission(ctx: Ctx, input: StartSubmissionRequest): Promise<SubmissionRow> {
  if (ctx.actor.type !== 'user' || !can(ctx.actor, SUBMISSION_ACTIONS.own)) throw new AppError('FORBIDDEN', { action: SUBMISSION_ACTIONS.own });
  const accountId = ctx.actor.userId;
  const version = input.procedureId ? await getPublishedProcedureById(ctx.db, input.procedureId, todayOf(ctx)) : await versionInForce(ctx, input.procedureCode!);
  if (!version) throw notFound('procedure', input.procedureId ?? input.procedureCode);
  if (!isOnline(version)) throw new AppError('SUBMISSION_NOT_ONLINE', { code: version.code }, { status: 409 });
  const desk = input.receivingUnitId ? await openDesk(ctx, input.receivingUnitId) : await usualDesk(ctx, version);
  if (!desk) throw invalid([{ path: 'body.receivingUnitId', code: input.receivingUnitId ? 'submissions.errors.deskInvalid' : 'submissions.errors.deskRequired' }]);
  const prefill = await applicantPrefillOf(ctx);
  // The e-form's fields that name a pre-fill source start with the account's values (only values the field accepts).
  const answers = version.eForm ? eFormPrefill(version.eForm, prefill.eForm, todayOf(ctx)) : {};
  const now = ctx.clock.now();
  return withTransaction(ctx, async (scope) => {
    const row = await insertSubmission(scope.tx, {
      accountId,
      procedureVersionId: version.id,
      procedureCode: version.code,
      procedureName: version.name,
      receivingUnitId: desk.id,
      // One implementing unit is the handling agency; with several the applicant (or else the desk) chooses.
      handlingUnitId: version.implementingUnits.length === 1 ? version.implementingUnits[0]!.id : null,
      applicant: prefill.applicant,
      answers,
      conditions: [],
      // An online service returns its result online unless the applicant asks otherwise (§6.2).
      resultDelivery: 'online',
      state: 'DRAFT',
      createdAt: now,
      updatedAt: now,
    });
    await insertEvent(scope.tx, { submissionId: row.id, at: now, kind: 'created', params: {}, actorId: actorIdOf(ctx), actorLabel: actorLabelOf(ctx) });
    await scope.audit({
      action: 'submissions.start',
      subjectType: 'submission',
      subjectId: row.id,
      before: null,
      after: { procedureCode: version.code, procedureVersionId: version.id, receivingUnitId: desk.id, state: 'DRAFT' },
    });
    return row;
  });
}
