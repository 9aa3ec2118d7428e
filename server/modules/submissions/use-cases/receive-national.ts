// Applications citizens submitted on the national public-service portal (Cổng DVCQG), handed to this province's desk
// by the exchange module (issue 13 item 4; domain README §15.1). They join the desk's "online, awaiting reception"
// queue beside the portal's own, and the desk receives or refuses them the same way (§3.1 steps 1–2). The applicant
// has no account here: the national portal is where they follow it, through the statuses the exchange pushes back.
import { ApplicantSchema } from '../../../../contracts/dossiers/dossiers.contracts';
import { withTransaction, type Ctx } from '../../../platform/context/context';
import { recordFiles, type ReceivedFile } from '../../../platform/files';
import { toVnIso } from '../../../platform/calendar';
import { cachedOrgUnitRefs } from '../../identity';
import type { RESULT_DELIVERIES } from '../../../../contracts/dossiers/dossiers.values';
import type { ProcedureVersionView } from '../../catalog';
import { findByNationalCode, insertEvent, insertFile, insertSubmission, nextReference, type SubmissionRow } from '../submissions.repository';
import { isOnline, openDesks, todayOf, versionInForce } from './common';
import { nationalOwnerKeyOf, SUBMISSION_FILE_LIMITS } from './submission-files';

/** The document key of a national application's file: the portal's own document code follows (`dvcqg:TP1`). */
export const NATIONAL_FILE_KEY_PREFIX = 'dvcqg:';

/** What the exchange read from a national portal dossier, in this province's terms. */
export interface NationalApplicationInput {
  /** The national portal's dossier code (MaHoSo). */
  nationalCode: string;
  /** The national procedure code without its variant suffix (MaTTHC "1.001612.000.00.00.H56" → "1.001612"). */
  procedureCode: string;
  /** The receiving agency's code the citizen chose (MaDonViTiepNhan): one of this province's one-stop desks. */
  deskCode: string;
  /** The applicant as read (checked here by the desk's own rules). */
  applicant: unknown;
  /** When the citizen submitted it on the national portal (NgayNopHoSo). */
  submittedAt: Date;
  resultDelivery: (typeof RESULT_DELIVERIES)[number];
}

/** Something in a national dossier this province cannot take as it is: an i18n key with its parameters. */
export interface NationalProblem {
  path: string;
  code: string;
  params?: Record<string, string | number>;
}

export type NationalCheck = { ok: true; version: ProcedureVersionView; deskId: string } | { ok: false; problems: NationalProblem[] };

/**
 * Whether the province can take this application as the national portal gave it: a procedure of its catalog in force
 * and offered online, one of its open desks, an applicant the desk's rules accept. Nothing is guessed: what cannot be
 * read is reported, and the exchange leaves the dossier on the national portal until someone looks at it.
 */
export async function checkNationalApplication(ctx: Ctx, input: NationalApplicationInput): Promise<NationalCheck> {
  const problems: NationalProblem[] = [];
  const version = await versionInForce(ctx, input.procedureCode);
  if (!version) problems.push({ path: 'MaTTHC', code: 'submissions.errors.nationalProcedureUnknown', params: { code: input.procedureCode } });
  else if (!isOnline(version)) problems.push({ path: 'MaTTHC', code: 'submissions.errors.nationalProcedureNotOnline', params: { code: input.procedureCode } });
  const desk = (await openDesks(ctx)).find((d) => d.code === input.deskCode);
  if (!desk) problems.push({ path: 'MaDonViTiepNhan', code: 'submissions.errors.nationalDeskUnknown', params: { code: input.deskCode } });
  const applicant = ApplicantSchema.safeParse(input.applicant);
  if (!applicant.success) {
    for (const issue of applicant.error.issues)
      problems.push({ path: `applicant.${issue.path.join('.')}`, code: /^[a-z]+\.errors\.[A-Za-z]+$/.test(issue.message) ? issue.message : 'submissions.errors.applicantInvalid' });
  }
  if (problems.length > 0 || !version || !desk) return { ok: false, problems };
  return { ok: true, version, deskId: desk.id };
}

/**
 * Records a checked national application as awaiting the desk (SUBMITTED), with its files (downloaded and checked by
 * the caller, recorded here against the application's own quota) and a tracking reference, in one transaction. The
 * same national code twice returns the first record (`created` false) and records nothing: the caller then discards
 * its files.
 */
export async function receiveNationalApplication(
  ctx: Ctx,
  input: NationalApplicationInput,
  checked: Extract<NationalCheck, { ok: true }>,
  files: ReadonlyArray<{ requirementKey: string; received: ReceivedFile }>,
  actorLabel: string,
): Promise<{ submission: SubmissionRow; created: boolean }> {
  const now = ctx.clock.now();
  const [desk] = await cachedOrgUnitRefs(ctx.db, [checked.deskId]);
  const applicant = ApplicantSchema.parse(input.applicant);
  return withTransaction(ctx, async (scope) => {
    const existing = await findByNationalCode(scope.tx, input.nationalCode);
    if (existing) return { submission: existing, created: false };
    const reference = await nextReference(scope.tx, Number(todayOf(ctx).slice(0, 4)));
    const { version } = checked;
    const row = await insertSubmission(scope.tx, {
      accountId: null,
      origin: 'national',
      nationalCode: input.nationalCode,
      procedureVersionId: version.id,
      procedureCode: version.code,
      procedureName: version.name,
      receivingUnitId: checked.deskId,
      handlingUnitId: version.implementingUnits.length === 1 ? version.implementingUnits[0]!.id : null,
      applicant: { kind: applicant.kind, name: applicant.name, idNumber: applicant.idNumber, phone: applicant.phone, email: applicant.email, address: applicant.address },
      answers: {},
      conditions: [],
      resultDelivery: input.resultDelivery,
      state: 'SUBMITTED',
      reference,
      firstSubmittedAt: input.submittedAt,
      submittedAt: input.submittedAt,
      createdAt: now,
      updatedAt: now,
    });
    const stored = await recordFiles(scope, {
      ownerKey: nationalOwnerKeyOf(input.nationalCode),
      quotaBytes: SUBMISSION_FILE_LIMITS.accountQuotaBytes,
      files: files.map((f) => f.received),
      at: now,
    });
    const keyOf = new Map(files.map((f) => [f.received.storeKey, f.requirementKey]));
    for (const file of stored) {
      await insertFile(scope.tx, {
        submissionId: row.id,
        requirementKey: keyOf.get(file.storeKey)!,
        fileId: file.id,
        fileName: file.displayName,
        sizeBytes: file.size,
        mediaType: file.mediaType,
        sha256: file.sha256,
        uploadedAt: now,
        uploadedBy: null,
        submittedAt: input.submittedAt,
      });
    }
    await insertEvent(scope.tx, { submissionId: row.id, at: input.submittedAt, kind: 'submitted', params: { reference, unit: desk?.name ?? '' }, actorId: null, actorLabel });
    await scope.audit({
      action: 'submissions.receive-national',
      subjectType: 'submission',
      subjectId: row.id,
      before: null,
      after: {
        state: row.state,
        reference,
        nationalCode: input.nationalCode,
        procedureVersionId: version.id,
        receivingUnitId: checked.deskId,
        applicant: { kind: applicant.kind, name: applicant.name },
        files: stored.map((f) => ({ requirementKey: keyOf.get(f.storeKey)!, sha256: f.sha256 })),
        submittedAt: toVnIso(input.submittedAt),
      },
    });
    return { submission: row, created: true };
  });
}
