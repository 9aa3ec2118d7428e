// The desk's decision on an online submission (§3.1 steps 1–2): receive it (Mẫu 01), guide the applicant to complete
// it (Mẫu 02) or refuse it (Mẫu 03) — through the dossiers module's own intake, so an online dossier gets its code,
// appointment, tracking-book entry, slips and notifications exactly as one handed in at the counter.
import type { Ctx } from '../../../platform/context/context';
import { AppError } from '../../../platform/errors';
import type { ChecklistItem, IntakeRequest } from '../../../../contracts/dossiers/dossiers.contracts';
import { ApplicantSchema } from '../../../../contracts/dossiers/dossiers.contracts';
import type { DeskDecisionRequest } from '../../../../contracts/submissions/submissions.contracts';
import { feeForChannel, type ProcedureVersionView } from '../../catalog';
import { translate } from '../../../platform/i18n';

const VND = new Intl.NumberFormat('vi-VN');
import { intakeDossier } from '../../dossiers';
import { notifyChannelsOf } from '../../identity';
import { SUBMISSION_ACTIONS } from '../submissions.policy';
import { countByRequirement, insertEvent, listFiles, updateSubmission, type SubmissionFileRow, type SubmissionRow } from '../submissions.repository';
import { NATIONAL_FILE_KEY_PREFIX } from './receive-national';
import { checklistFromFiles } from '../submissions.requirements';
import { SUBMISSION_WORKFLOW } from '../submissions.workflow';
import { actorIdOf, actorLabelOf, invalid, loadForDesk, versionInForce, versionOfRow } from './common';

/**
 * The checklist the intake records, from the attached files. When the procedure was amended after submission, guide
 * and refusal are still recorded against the version in force (the intake's): a paper is "presented" only if that
 * version says so, and names it does not know are kept as typed (the intake's rule for extra papers).
 */
function checklistFor(submitted: ProcedureVersionView, inForce: ProcedureVersionView, counts: Map<string, number>): ChecklistItem[] {
  const items = checklistFromFiles(submitted, counts);
  if (submitted.id === inForce.id) return items;
  const groups = new Map(inForce.documentGroups.map((g) => [g.key, g.kind]));
  const toPresent = new Set(inForce.requiredDocuments.filter((d) => d.group && groups.get(d.group) === 'to-present').map((d) => d.name.trim()));
  return items.map((i) => ({ ...i, presented: toPresent.has(i.name.trim()) }));
}

/**
 * A national portal application's files are not tied to the catalogue's documents (the portal names its own document
 * codes): each is recorded as received as an electronic copy under its file name, so the receipt lists what came.
 */
function nationalFilesChecklist(row: SubmissionRow, files: readonly SubmissionFileRow[]): ChecklistItem[] {
  if (row.origin !== 'national') return [];
  return files.filter((f) => f.requirementKey.startsWith(NATIONAL_FILE_KEY_PREFIX) && !f.removedAt).map((f) => ({ name: f.fileName, originals: 0, copies: 1, presented: false }));
}

/**
 * POST /submissions/desk/:id/decision. Only a reception officer of the receiving desk (D11), only on a submission
 * awaiting reception, only on the version the officer reviewed (`version`, else 409). Accepting issues the dossier
 * code and the appointment now (NĐ 118/2025: at reception, not at submission). The submission's new state, its
 * timeline entry and audit entry are written inside the intake's own transaction (`within`), so a dossier never exists
 * without its submission saying ACCEPTED, nor a Mẫu 02/03 number without GUIDED/REFUSED; if the submission moved
 * meanwhile (withdrawn, decided by a colleague) the whole intake is rolled back.
 */
export async function decideSubmission(ctx: Ctx, id: string, input: DeskDecisionRequest): Promise<SubmissionRow> {
  const { row } = await loadForDesk(ctx, id, SUBMISSION_ACTIONS.decide);
  if (row.version !== input.version) throw new AppError('VERSION_CONFLICT', { current: row.version });
  if (row.state !== 'SUBMITTED') throw new AppError('INVALID_STATE', { state: row.state });
  // A national portal applicant completes their dossier on that portal, and no known message of the exchange carries a
  // guide back there for a dossier not yet received: the desk receives or refuses it (D42).
  if (row.origin === 'national' && input.decision === 'guide') throw new AppError('SUBMISSION_NATIONAL_NO_GUIDE', {}, { status: 409 });
  const [submitted, inForce, files] = await Promise.all([versionOfRow(ctx, row), versionInForce(ctx, row.procedureCode), listFiles(ctx.db, row.id)]);
  // Received only under the version it was checked against; an amended procedure is guided (Mẫu 02) to be completed.
  if (input.decision === 'accept' && inForce?.id !== submitted.id) throw new AppError('SUBMISSION_PROCEDURE_AMENDED', { code: row.procedureCode }, { status: 409 });
  const parsed = ApplicantSchema.safeParse(row.applicant);
  // Checked and normalised when submitted; a row that fails now was written by something other than submitting.
  if (!parsed.success) throw new AppError('INVALID_STATE', { state: row.state });
  const counts = countByRequirement(files);
  const base = {
    procedureCode: row.procedureCode,
    receivingUnitId: row.receivingUnitId,
    channel: 'online' as const,
    // The dossier's messages go where the account asked to be told (its profile's channel), from intake to result; a
    // national portal applicant has no account here: every channel their contacts reach.
    applicant: { ...parsed.data, notifyChannels: row.accountId ? await notifyChannelsOf(ctx.db, row.accountId) : null },
    checklist: [...checklistFor(submitted, inForce ?? submitted, counts), ...nationalFilesChecklist(row, files)],
    conditions: row.conditions,
    note: input.note,
  };
  let request: IntakeRequest;
  if (input.decision === 'accept') {
    const handlingUnitId = input.handlingUnitId ?? row.handlingUnitId ?? undefined;
    request = {
      ...base,
      decision: 'accept',
      ...(handlingUnitId ? { handlingUnitId } : {}),
      // No fee is taken at a desk for an online application: it is paid online (§6.3), see awaitPayment below.
      feeVnd: 0,
      resultDelivery: row.resultDelivery ?? 'online',
      ...(input.duration ? { duration: input.duration } : {}),
    };
  } else {
    request = {
      ...base,
      ...(row.handlingUnitId ? { handlingUnitId: row.handlingUnitId } : {}),
      decision: input.decision,
      missingItems: input.missingItems,
      reasons: input.reasons,
    };
  }

  const now = ctx.clock.now();
  const out: { row?: SubmissionRow } = {};
  // The procedure has the fee paid before processing (§6.3): the dossier is received awaiting it, its clock stopped.
  const fee = input.decision === 'accept' && submitted.feeDue === 'before-processing' ? feeForChannel(submitted.fees, 'online') : null;
  const exemption = input.decision === 'accept' && input.feeExemption ? submitted.feeExemptions.find((e) => e.key === input.feeExemption) : undefined;
  if (input.decision === 'accept' && input.feeExemption && !exemption) {
    throw invalid([{ path: 'body.feeExemption', code: 'submissions.errors.feeExemptionUnknown', params: { key: input.feeExemption } }]);
  }
  // The share off is taken from the fee and rounded to the đồng (amounts are whole VND); the rest is awaited online.
  const due = fee !== null && exemption ? Math.round((fee * (100 - exemption.percent)) / 100) : fee;
  await intakeDossier(ctx, request, {
    ...(due && due > 0
      ? {
          awaitPayment: {
            amountVnd: due,
            reason:
              (exemption
                ? translate('vi', 'submissions.feeNoticeReduced', { fee: VND.format(due), full: VND.format(fee!), percent: exemption.percent, subject: exemption.subject })
                : translate('vi', 'submissions.feeNotice', { fee: VND.format(due) })) ?? '',
          },
        }
      : {}),
    within: async (scope, result) => {
      const transition = SUBMISSION_WORKFLOW[result.decision];
      const patch =
        result.decision === 'accept'
          ? { state: transition.to, dossierId: result.dossierId, dossierCode: result.code, decidedAt: now, updatedAt: now }
          : { state: transition.to, latestDecisionId: result.decisionId, decidedAt: now, updatedAt: now };
      const decided = await updateSubmission(scope.tx, id, input.version, patch, transition.from);
      if (!decided) throw new AppError('VERSION_CONFLICT', {});
      out.row = decided;
      const params: Record<string, string> =
        result.decision === 'accept'
          ? { code: result.code }
          : {
              slip: result.referenceNumber,
              decisionId: result.decisionId,
              reasons: input.decision === 'accept' ? '' : input.reasons,
              items: input.decision === 'accept' ? '' : input.missingItems.join('; '),
            };
      const kind = result.decision === 'accept' ? 'accepted' : result.decision === 'guide' ? 'guided' : 'refused';
      await insertEvent(scope.tx, { submissionId: id, at: now, kind, params, actorId: actorIdOf(ctx), actorLabel: actorLabelOf(ctx) });
      await scope.audit({
        action: `submissions.${result.decision}`,
        subjectType: 'submission',
        subjectId: id,
        before: { state: row.state, version: row.version },
        after: {
          state: transition.to,
          version: decided.version,
          ...(exemption ? { feeExemption: { key: exemption.key, percent: exemption.percent, subject: exemption.subject, feeVnd: fee, dueVnd: due } } : {}),
          ...(result.decision === 'accept'
            ? { dossierId: result.dossierId, dossierCode: result.code }
            : { intakeDecisionId: result.decisionId, referenceNumber: result.referenceNumber }),
        },
      });
    },
  });
  return out.row!;
}
