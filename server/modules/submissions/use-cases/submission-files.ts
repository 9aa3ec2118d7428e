// Files of an online application, one required document at a time (NĐ 45/2020/NĐ-CP: an electronic dossier is made of
// e-documents and scans of the papers), through the platform's file layer (D23): type by content, size and count
// limits while streaming, a quota per account.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { withTransaction, type Ctx } from '../../../platform/context/context';
import { AppError } from '../../../platform/errors';
import { acceptUploads, deleteFile as deleteStoredFile, findFile as findStoredFile, sendFile, type FileStore } from '../../../platform/files';
import { SUBMISSION_ACTIONS } from '../submissions.policy';
import { deleteFile, findFile, insertFile, listFiles, lockSubmission, markFileRemoved, type SubmissionFileRow, type SubmissionRow } from '../submissions.repository';
import { eFormRequirementKeys, requirementsOf } from '../submissions.requirements';
import { EDITABLE_STATES } from '../submissions.workflow';
import { actorIdOf, invalid, loadForDesk, loadOwned, versionOfRow } from './common';

/**
 * Limits of online applications' files: the file size of the request layer (UPLOAD_LIMIT_BYTES, passed in), a few
 * pages of one document per request, and per document and per application enough for a scanned paper or two without
 * letting one application fill the store. The account's quota covers all its applications (owner `account:<id>`).
 */
export const SUBMISSION_FILE_LIMITS = { filesPerRequest: 5, filesPerRequirement: 10, filesPerSubmission: 60, accountQuotaBytes: 200 * 1024 * 1024 } as const;

/** Whose storage space an application's files count against: the owning account's. */
export const ownerKeyOf = (accountId: string): string => `account:${accountId}`;

/** A national portal application's files are its own (it has no account here). */
export const nationalOwnerKeyOf = (nationalCode: string): string => `national:${nationalCode}`;

/** The owner key of an application's files, whatever its origin. */
export const ownerKeyOfRow = (row: Pick<SubmissionRow, 'accountId' | 'nationalCode'>): string =>
  row.accountId ? ownerKeyOf(row.accountId) : nationalOwnerKeyOf(row.nationalCode ?? '');

/** The application as it now stands, and the files just attached (each with whether its name's extension was corrected). */
export interface AttachResult {
  row: SubmissionRow;
  files: Array<{ file: SubmissionFileRow; extensionCorrected: boolean }>;
}

/**
 * POST /submissions/:id/requirements/:key/files (multipart, one or more file parts). Only the owner, only while the
 * application is a draft or being completed after a guide, only for a document of its catalog version that is not
 * the e-form's. Authorised before the body is read (the expensive part). The rows, the quota and the audit entry are
 * one transaction; a refusal leaves no stored object.
 */
export async function attachFiles(ctx: Ctx, request: FastifyRequest, store: FileStore, id: string, key: string, maxFileBytes: number): Promise<AttachResult> {
  const seen = await loadOwned(ctx, id);
  if (!EDITABLE_STATES.includes(seen.state)) throw new AppError('INVALID_STATE', { state: seen.state });
  const version = await versionOfRow(ctx, seen);
  const requirement = requirementsOf(version).find((d) => d.key === key);
  if (!requirement) throw invalid([{ path: 'params.key', code: 'submissions.errors.requirementUnknown' }]);
  if (eFormRequirementKeys(version).has(key)) throw invalid([{ path: 'params.key', code: 'submissions.errors.requirementByEForm' }]);
  const now = ctx.clock.now();
  const accepted = await acceptUploads(ctx, request, store, {
    ownerKey: ownerKeyOfRow(seen),
    quotaBytes: SUBMISSION_FILE_LIMITS.accountQuotaBytes,
    limits: { maxFileBytes, maxFiles: SUBMISSION_FILE_LIMITS.filesPerRequest },
    then: async (scope, stored) => {
      // Locked: a concurrent submit or version move waits; it sees these files or refuses.
      const row = await lockSubmission(scope.tx, id);
      if (!row || !EDITABLE_STATES.includes(row.state)) throw new AppError('INVALID_STATE', { state: row?.state ?? seen.state });
      if (row.procedureVersionId !== seen.procedureVersionId) throw new AppError('SUBMISSION_PROCEDURE_AMENDED', { code: row.procedureCode }, { status: 409 });
      const current = await listFiles(scope.tx, id);
      if (current.filter((f) => f.requirementKey === key).length + stored.length > SUBMISSION_FILE_LIMITS.filesPerRequirement) {
        throw invalid([{ path: 'params.key', code: 'submissions.errors.tooManyFilesForDocument', params: { max: SUBMISSION_FILE_LIMITS.filesPerRequirement } }]);
      }
      if (current.length + stored.length > SUBMISSION_FILE_LIMITS.filesPerSubmission) {
        throw invalid([{ path: 'params.id', code: 'submissions.errors.tooManyFiles', params: { max: SUBMISSION_FILE_LIMITS.filesPerSubmission } }]);
      }
      const rows: SubmissionFileRow[] = [];
      for (const f of stored) {
        rows.push(
          await insertFile(scope.tx, {
            submissionId: id,
            requirementKey: key,
            fileId: f.id,
            fileName: f.displayName,
            sizeBytes: f.size,
            mediaType: f.mediaType,
            sha256: f.sha256,
            uploadedAt: now,
            uploadedBy: actorIdOf(ctx),
          }),
        );
      }
      await scope.audit({
        action: 'submissions.attach',
        subjectType: 'submission',
        subjectId: id,
        after: { requirementKey: key, files: rows.map((r) => ({ id: r.id, fileId: r.fileId, sha256: r.sha256, size: r.sizeBytes, mediaType: r.mediaType })) },
      });
      return { row, rows };
    },
  });
  const corrected = new Map(accepted.files.map((f) => [f.id, f.extensionCorrected]));
  return { row: accepted.result!.row, files: accepted.result!.rows.map((file) => ({ file, extensionCorrected: corrected.get(file.fileId) ?? false })) };
}

/**
 * DELETE /submissions/:id/files/:fileId. A file that never reached the desk is deleted with its stored content; one
 * that did (a guided application being completed) only leaves the application and stays with the earlier round's
 * record. Audited either way.
 */
export async function removeFile(ctx: Ctx, store: FileStore, id: string, fileId: string): Promise<SubmissionRow> {
  const seen = await loadOwned(ctx, id);
  if (!EDITABLE_STATES.includes(seen.state)) throw new AppError('INVALID_STATE', { state: seen.state });
  return withTransaction(ctx, async (scope) => {
    const row = await lockSubmission(scope.tx, id);
    if (!row || !EDITABLE_STATES.includes(row.state)) throw new AppError('INVALID_STATE', { state: row?.state ?? seen.state });
    const file = await findFile(scope.tx, id, fileId);
    if (!file) throw new AppError('FILE_NOT_FOUND', {}, { status: 404 });
    const kept = file.submittedAt !== null;
    if (kept) await markFileRemoved(scope.tx, file.id, ctx.clock.now());
    else {
      await deleteFile(scope.tx, file.id);
      await deleteStoredFile(scope, store, { id: file.fileId, ownerKey: ownerKeyOfRow(row) });
    }
    await scope.audit({
      action: 'submissions.detach',
      subjectType: 'submission',
      subjectId: id,
      before: { requirementKey: file.requirementKey, file: { id: file.id, fileId: file.fileId, sha256: file.sha256 } },
      after: { kept },
    });
    return row;
  });
}

/** Streams one file of the application for reading in the browser (inline), after the caller's right is checked. */
async function streamFile(ctx: Ctx, reply: FastifyReply, store: FileStore, row: SubmissionRow, fileId: string): Promise<FastifyReply> {
  const file = await findFile(ctx.db, row.id, fileId);
  const stored = file ? await findStoredFile(ctx.db, file.fileId) : null;
  if (!file || !stored) throw new AppError('FILE_NOT_FOUND', {}, { status: 404 });
  return sendFile(reply, store, stored, { disposition: 'inline' });
}

/** GET /submissions/:id/files/:fileId — the owner reads back what they attached. */
export async function sendOwnFile(ctx: Ctx, reply: FastifyReply, store: FileStore, id: string, fileId: string): Promise<FastifyReply> {
  return streamFile(ctx, reply, store, await loadOwned(ctx, id), fileId);
}

/** GET /submissions/desk/:id/files/:fileId — the receiving desk reviews a file in the browser (§3.1 step 1). */
export async function sendDeskFile(ctx: Ctx, reply: FastifyReply, store: FileStore, id: string, fileId: string): Promise<FastifyReply> {
  const { row } = await loadForDesk(ctx, id, SUBMISSION_ACTIONS.review);
  return streamFile(ctx, reply, store, row, fileId);
}
