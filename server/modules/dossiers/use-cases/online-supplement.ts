// A supplement sent online during handling (issue 11 item 4; domain README §3.1 step 5a). While a dossier waits for
// a supplement (SUPPLEMENT_REQUESTED), its applicant attaches the missing papers (PDF, JPEG or PNG recognised by content,
// D23) and resubmits; the resubmission is the workflow's `receive-supplement` made by the applicant: the pause ends at
// that instant and the due instant shifts by the paused working time, as when the desk records a paper supplement
// (D28). The handling agency, holding the dossier again, sees the files and may ask again (a new Mẫu 02).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { can } from '../../../platform/access';
import { withTransaction, type Ctx } from '../../../platform/context/context';
import { AppError } from '../../../platform/errors';
import { acceptUploads, deleteFile as deleteStoredFile, findFile as findStoredFile, sendFile, type FileStore } from '../../../platform/files';
import type { ResubmitSupplementRequest } from '../../../../contracts/portal/portal.contracts';
import { DOSSIER_ACTIONS } from '../dossiers.policy';
import {
  deleteSupplementFile,
  findDossier,
  findSupplementFile,
  insertSupplementFile,
  listPauses,
  listSupplementFiles,
  lockDossier,
  submitSupplementFiles,
  type DossierRow,
  type PauseRow,
  type SupplementFileRow,
} from '../dossiers.repository';
import { actorIdOf, invalid } from './common';
import { findClaimedDossier, type ApplicantClaim } from './applicant-dossiers';
import { loadBundle } from './read-dossiers';
import { transitionAsApplicant } from './transition-dossier';

/** A few pages of a paper per request; enough files per supplement for several papers without filling the store. */
export const SUPPLEMENT_FILE_LIMITS = { filesPerRequest: 5, filesPerSupplement: 20 } as const;

/** Whose storage the files count against, and the limits of the request layer (the portal passes the account's). */
export interface UploadQuota {
  ownerKey: string;
  quotaBytes: number;
  maxFileBytes: number;
}

async function openSupplementPauseOf(db: Ctx['db'], row: DossierRow): Promise<PauseRow> {
  const pause = row.state === 'SUPPLEMENT_REQUESTED' ? (await listPauses(db, row.id)).find((p) => p.toAt === null && p.reason === 'supplement') : undefined;
  if (!pause) throw new AppError('INVALID_STATE', { state: row.state, transition: 'receive-supplement' });
  return pause;
}

function itemIndexOf(fields: Record<string, string[]>, pause: PauseRow): number | null {
  const raw = fields.itemIndex?.[0]?.trim();
  if (raw === undefined || raw === '') return null;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n >= pause.items.length) throw invalid('body.itemIndex', 'dossiers.errors.supplementItemInvalid');
  return n;
}

/**
 * POST .../supplement-files (multipart, one to five file parts and an optional `itemIndex` field naming the paper
 * asked for). Only the claim's applicant, only while a supplement request is open. The rows, the quota and the audit
 * entry are one transaction, under the dossier's row lock (a concurrent resubmission or officer's change is decided
 * first or after); a refusal leaves no stored object.
 */
export async function attachSupplementFiles(
  ctx: Ctx,
  request: FastifyRequest,
  store: FileStore,
  id: string,
  claim: ApplicantClaim,
  quota: UploadQuota,
): Promise<Array<{ file: SupplementFileRow; extensionCorrected: boolean }>> {
  const seen = await findClaimedDossier(ctx, id, claim);
  const pause = await openSupplementPauseOf(ctx.db, seen);
  const now = ctx.clock.now();
  const accepted = await acceptUploads(ctx, request, store, {
    ownerKey: quota.ownerKey,
    quotaBytes: quota.quotaBytes,
    limits: { maxFileBytes: quota.maxFileBytes, maxFiles: SUPPLEMENT_FILE_LIMITS.filesPerRequest },
    then: async (scope, stored, fields) => {
      const row = await lockDossier(scope.tx, id);
      const current = row?.state === 'SUPPLEMENT_REQUESTED' ? (await listPauses(scope.tx, id)).find((p) => p.toAt === null && p.reason === 'supplement') : undefined;
      if (!row || current?.id !== pause.id) throw new AppError('INVALID_STATE', { state: row?.state ?? seen.state, transition: 'receive-supplement' });
      const itemIndex = itemIndexOf(fields, pause);
      const existing = (await listSupplementFiles(scope.tx, id)).filter((f) => f.pauseId === pause.id);
      if (existing.length + stored.length > SUPPLEMENT_FILE_LIMITS.filesPerSupplement) {
        throw invalid('body.file', 'dossiers.errors.tooManySupplementFiles', { max: SUPPLEMENT_FILE_LIMITS.filesPerSupplement });
      }
      const rows: SupplementFileRow[] = [];
      for (const f of stored) {
        rows.push(
          await insertSupplementFile(scope.tx, {
            dossierId: id,
            pauseId: pause.id,
            itemIndex,
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
        action: 'dossiers.supplement.attach',
        subjectType: 'dossier',
        subjectId: id,
        after: { pauseId: pause.id, itemIndex, files: rows.map((r) => ({ id: r.id, fileId: r.fileId, sha256: r.sha256, size: r.sizeBytes, mediaType: r.mediaType })) },
      });
      return rows;
    },
  });
  const corrected = new Map(accepted.files.map((f) => [f.id, f.extensionCorrected]));
  return accepted.result!.map((file) => ({ file, extensionCorrected: corrected.get(file.fileId) ?? false }));
}

/** DELETE .../supplement-files/:fileId: a file not yet sent leaves the supplement and the store (audited); a sent one stays (409). */
export async function removeSupplementFile(ctx: Ctx, store: FileStore, id: string, claim: ApplicantClaim, fileId: string, ownerKey: string): Promise<void> {
  await findClaimedDossier(ctx, id, claim);
  await withTransaction(ctx, async (scope) => {
    await lockDossier(scope.tx, id);
    const file = await findSupplementFile(scope.tx, id, fileId);
    if (!file) throw new AppError('FILE_NOT_FOUND', {}, { status: 404 });
    if (file.submittedAt) throw new AppError('SUPPLEMENT_FILE_SUBMITTED', {}, { status: 409 });
    await deleteSupplementFile(scope.tx, file.id);
    await deleteStoredFile(scope, store, { id: file.fileId, ownerKey });
    await scope.audit({
      action: 'dossiers.supplement.detach',
      subjectType: 'dossier',
      subjectId: id,
      before: { pauseId: file.pauseId, file: { id: file.id, fileId: file.fileId, sha256: file.sha256 } },
    });
  });
}

async function stream(ctx: Ctx, reply: FastifyReply, store: FileStore, dossierId: string, fileId: string): Promise<FastifyReply> {
  const file = await findSupplementFile(ctx.db, dossierId, fileId);
  const stored = file ? await findStoredFile(ctx.db, file.fileId) : null;
  if (!file || !stored) throw new AppError('FILE_NOT_FOUND', {}, { status: 404 });
  return sendFile(reply, store, stored, { disposition: 'inline' });
}

/** GET (portal) .../supplement-files/:fileId: the applicant reads back a file they attached. */
export async function sendApplicantSupplementFile(ctx: Ctx, reply: FastifyReply, store: FileStore, id: string, claim: ApplicantClaim, fileId: string): Promise<FastifyReply> {
  await findClaimedDossier(ctx, id, claim);
  return stream(ctx, reply, store, id, fileId);
}

/** GET /dossiers/:id/supplement-files/:fileId: an officer who may read the dossier opens a file the applicant sent. */
export async function sendOfficerSupplementFile(ctx: Ctx, reply: FastifyReply, store: FileStore, id: string, fileId: string): Promise<FastifyReply> {
  const row = await findDossier(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND', { subject: 'dossier', id });
  const { subject } = await loadBundle(ctx, row);
  if (!can(ctx.actor, DOSSIER_ACTIONS.read, subject)) throw new AppError('FORBIDDEN', { action: DOSSIER_ACTIONS.read });
  // Files still being prepared are the applicant's own until resubmitted.
  const file = await findSupplementFile(ctx.db, id, fileId);
  if (!file?.submittedAt) throw new AppError('FILE_NOT_FOUND', {}, { status: 404 });
  return stream(ctx, reply, store, id, fileId);
}

/**
 * POST .../supplement: the applicant sends the prepared files as the supplement. 409 when no supplement request is
 * open (or the dossier changed since `expectedVersion`), 400 without a prepared file. The dossier goes back to the step
 * it left, with the paused working time added to its due (transitionAsApplicant → the workflow's resume), the files
 * marked sent, the applicant told the new appointment and the officers now holding it e-mailed — one transaction.
 */
export async function receiveOnlineSupplement(ctx: Ctx, id: string, claim: ApplicantClaim, input: ResubmitSupplementRequest): Promise<DossierRow> {
  const row = await findClaimedDossier(ctx, id, claim);
  const pause = await openSupplementPauseOf(ctx.db, row);
  if (!(await listSupplementFiles(ctx.db, id)).some((f) => f.pauseId === pause.id && f.submittedAt === null)) {
    throw invalid('body.files', 'dossiers.errors.supplementFilesRequired');
  }
  const now = ctx.clock.now();
  return transitionAsApplicant(
    ctx,
    id,
    { transition: 'receive-supplement', expectedVersion: input.expectedVersion, note: input.note, attachments: [] },
    {
      notifyHolder: true,
      params: { channel: 'online' },
      within: async (scope) => {
        const sent = await submitSupplementFiles(scope.tx, pause.id, now);
        // A file removed between the check above and this transaction: nothing is left to send.
        if (sent.length === 0) throw invalid('body.files', 'dossiers.errors.supplementFilesRequired');
        return { channel: 'online', pauseId: pause.id, files: sent.map((f) => ({ id: f.id, fileId: f.fileId, sha256: f.sha256, itemIndex: f.itemIndex })) };
      },
    },
  );
}
