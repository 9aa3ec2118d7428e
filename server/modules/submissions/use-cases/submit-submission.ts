// Submitting (§3.1 step 0) and withdrawing an online application.
import { withTransaction, type Ctx } from '../../../platform/context/context';
import { AppError } from '../../../platform/errors';
import { toVnIso } from '../../../platform/calendar';
import type { SubmitSubmissionRequest, WithdrawSubmissionRequest } from '../../../../contracts/submissions/submissions.contracts';
import { cachedOrgUnitRefs, notifyChannelsOf } from '../../identity';
import { notifySubmitted } from '../submissions.notify';
import { insertEvent, listFiles, lockSubmission, markFilesSubmitted, nextReference, updateSubmission, type SubmissionRow } from '../submissions.repository';
import { allows, SUBMISSION_WORKFLOW } from '../submissions.workflow';
import { actorIdOf, actorLabelOf, invalid, isOnline, loadOwned, openDesk, SubmissionConflict, todayOf, versionInForce, versionOfRow } from './common';
import { assess } from './read-submissions';

/**
 * POST /submissions/:id/submit. Everything the desk will check is checked first (the applicant by the desk's own
 * rules, the e-form, the documents by the catalog's groups, the delivery, the desk): any problem is a 400 listing each
 * field with its translated message, and nothing changes. Then the application reaches the desk, "Mới đăng ký" /
 * "Chờ tiếp nhận trực tuyến" (§3.1 step 0, status 1), with a tracking reference given once at the first submission;
 * the dossier code and the appointment come only with reception (NĐ 118/2025). A guided one comes back the same way.
 */
export async function submitSubmission(ctx: Ctx, id: string, input: SubmitSubmissionRequest): Promise<SubmissionRow> {
  const seen = await loadOwned(ctx, id);
  if (seen.version !== input.version) throw new SubmissionConflict(seen);
  if (!allows('submit', seen.state)) throw new AppError('INVALID_STATE', { state: seen.state });
  const [version, current] = await Promise.all([versionOfRow(ctx, seen), versionInForce(ctx, seen.procedureCode)]);
  if (!current || !isOnline(current)) throw new AppError('SUBMISSION_NOT_ONLINE', { code: seen.procedureCode }, { status: 409 });
  // The desk checks against the list in force (§3.1 step 1): an application made under an amended version is first
  // moved to the new one by saving it, and the citizen sees what changed before submitting.
  if (current.id !== version.id) throw new AppError('SUBMISSION_PROCEDURE_AMENDED', { code: seen.procedureCode }, { status: 409 });
  const now = ctx.clock.now();
  const [desk] = await cachedOrgUnitRefs(ctx.db, [seen.receivingUnitId]);
  const deskOpen = (await openDesk(ctx, seen.receivingUnitId)) !== null;

  return withTransaction(ctx, async (scope) => {
    // Locked, then checked: a file attached or removed meanwhile is either in what was checked or waits for this.
    const row = await lockSubmission(scope.tx, id);
    if (!row || row.version !== input.version) throw new SubmissionConflict(row ?? seen);
    const files = await listFiles(scope.tx, id);
    // Same version as `seen`, so the same desk: its openness was read before the transaction.
    const a = assess(ctx, row, version, files, deskOpen);
    if (a.problems.length > 0 || !a.applicant) {
      throw invalid(
        a.problems.map((p) => ({ path: `submission.${p.path}`, code: p.code, params: p.params })),
        'SUBMISSION_INCOMPLETE',
      );
    }
    const resubmitted = row.state === 'GUIDED';
    // Taken last but one: the year's counter row stays locked until COMMIT, so it is held as briefly as possible.
    const reference = row.reference ?? (await nextReference(scope.tx, Number(todayOf(ctx).slice(0, 4))));
    const updated = await updateSubmission(
      scope.tx,
      id,
      row.version,
      {
        state: SUBMISSION_WORKFLOW.submit.to,
        reference,
        // The applicant as the desk's rules normalise it (trimmed, blanks as null): what the dossier will carry.
        applicant: { ...a.applicant },
        // The answers as the catalog's validator cleans them (trimmed, only fields the form has).
        answers: a.answers,
        firstSubmittedAt: row.firstSubmittedAt ?? now,
        submittedAt: now,
        updatedAt: now,
      },
      SUBMISSION_WORKFLOW.submit.from,
    );
    if (!updated) throw new SubmissionConflict(row);
    // What reached the desk is kept from now on, whatever the applicant removes while completing a later round.
    await markFilesSubmitted(scope.tx, id, now);
    const kind = resubmitted ? 'resubmitted' : 'submitted';
    await insertEvent(scope.tx, { submissionId: id, at: now, kind, params: { reference, unit: desk?.name ?? '' }, actorId: actorIdOf(ctx), actorLabel: actorLabelOf(ctx) });
    await notifySubmitted(scope, {
      submissionId: id,
      kind,
      reference,
      procedureName: row.procedureName,
      unit: desk?.name ?? '',
      at: toVnIso(now),
      email: a.applicant.email,
      phone: a.applicant.phone,
      channels: row.accountId ? await notifyChannelsOf(scope.tx, row.accountId) : null,
      locale: ctx.locale,
      dedupe: `submit:${updated.version}`,
    });
    await scope.audit({
      action: 'submissions.submit',
      subjectType: 'submission',
      subjectId: id,
      before: { state: row.state, version: row.version },
      after: {
        state: updated.state,
        version: updated.version,
        reference,
        procedureVersionId: row.procedureVersionId,
        receivingUnitId: row.receivingUnitId,
        applicant: { kind: a.applicant.kind, name: a.applicant.name },
        files: files.map((f) => ({ requirementKey: f.requirementKey, sha256: f.sha256 })),
        submittedAt: toVnIso(now),
      },
    });
    return updated;
  });
}

/** POST /submissions/:id/withdraw: the applicant gives up before the desk decides (§3.1 step 5e, status 7). */
export async function withdrawSubmission(ctx: Ctx, id: string, input: WithdrawSubmissionRequest): Promise<SubmissionRow> {
  const seen = await loadOwned(ctx, id);
  if (seen.version !== input.version) throw new SubmissionConflict(seen);
  if (!allows('withdraw', seen.state)) throw new AppError('INVALID_STATE', { state: seen.state });
  const now = ctx.clock.now();
  return withTransaction(ctx, async (scope) => {
    const updated = await updateSubmission(
      scope.tx,
      id,
      input.version,
      { state: SUBMISSION_WORKFLOW.withdraw.to, decidedAt: now, updatedAt: now },
      SUBMISSION_WORKFLOW.withdraw.from,
    );
    if (!updated) {
      const current = await lockSubmission(scope.tx, id);
      throw new SubmissionConflict(current ?? seen);
    }
    await insertEvent(scope.tx, { submissionId: id, at: now, kind: 'withdrawn', params: { reason: input.reason }, actorId: actorIdOf(ctx), actorLabel: actorLabelOf(ctx) });
    await scope.audit({
      action: 'submissions.withdraw',
      subjectType: 'submission',
      subjectId: id,
      before: { state: seen.state, version: seen.version },
      after: { state: updated.state, version: updated.version, reason: input.reason },
    });
    return updated;
  });
}
