// A document's files (the scan, the electronic original, the draft): accepted by platform/files (type recognised by
// content, size, SHA-256 kept), linked to the document in the same transaction, and read back as the document is.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Ctx } from '../../../platform/context/context';
import { acceptUploads, findFile, sendFile, type FileStore, type StoredFile } from '../../../platform/files';
import { AppError } from '../../../platform/errors';
import { DOCUMENT_LIMITS } from '../../../../contracts/documents/documents.contracts';
import { findDocumentFile, insertFiles, listFiles, lockIncoming, lockOutgoing, updateIncoming, updateOutgoing } from '../documents.repository';
import { documentSearchText } from '../documents.search';
import { actorIdOf, forbidden, recordEvent, wrongState } from './common';
import { incomingSearchText, loadIncoming, loadIncomingToRead, incomingRoles } from './incoming';
import { loadOutgoing, loadOutgoingToRead, outgoingRoles } from './outgoing';

/** Storage a body's documents may take (platform/files quota, per body). */
const BODY_QUOTA_BYTES = 20 * 1024 * 1024 * 1024;
const limits = (maxFileBytes: number) => ({ maxFileBytes: Math.min(maxFileBytes, DOCUMENT_LIMITS.fileBytesMax), maxFiles: DOCUMENT_LIMITS.filesPerUpload });
const rowsOf = (stored: StoredFile[], owner: { incomingId?: string; outgoingId?: string }, uploadedBy: string | null) =>
  stored.map((f) => ({
    id: f.id,
    incomingId: owner.incomingId ?? null,
    outgoingId: owner.outgoingId ?? null,
    fileName: f.displayName,
    sizeBytes: f.size,
    mediaType: f.mediaType,
    sha256: f.sha256,
    uploadedAt: f.createdAt,
    uploadedBy,
  }));

/** POST /documents/incoming/:id/files: the clerk attaches the scan or the electronic file(s). */
export async function attachIncomingFiles(ctx: Ctx, request: FastifyRequest, store: FileStore, id: string, maxFileBytes: number): Promise<void> {
  const { row: seen, body } = await loadIncoming(ctx, id);
  if (!(await incomingRoles(ctx, seen, body)).clerk) throw forbidden();
  await acceptUploads(ctx, request, store, {
    ownerKey: `documents:${body.id}`,
    quotaBytes: BODY_QUOTA_BYTES,
    limits: limits(maxFileBytes),
    then: async (scope, stored) => {
      const row = (await lockIncoming(scope.tx, id))!;
      await insertFiles(scope.tx, rowsOf(stored, { incomingId: id }, actorIdOf(ctx)));
      await updateIncoming(scope.tx, id, row.version, { searchText: await incomingSearchText(scope, row), updatedAt: ctx.clock.now() });
      await recordEvent(ctx, scope.tx, { incomingId: id, kind: 'file', at: ctx.clock.now(), text: stored.map((f) => f.displayName).join(', ') });
    },
  });
}

/** POST /documents/outgoing/:id/files: the drafter attaches the draft (while DRAFT), the clerk the signed original (before issue). */
export async function attachOutgoingFiles(ctx: Ctx, request: FastifyRequest, store: FileStore, id: string, maxFileBytes: number): Promise<void> {
  const { row: seen, body, drafting } = await loadOutgoing(ctx, id);
  const roles = outgoingRoles(ctx, body, drafting);
  const may = (state: string) => (state === 'DRAFT' && roles.drafter) || (state !== 'ISSUED' && roles.clerk);
  if (!roles.drafter && !roles.clerk) throw forbidden();
  if (!may(seen.state)) throw wrongState(seen.state);
  await acceptUploads(ctx, request, store, {
    ownerKey: `documents:${body.id}`,
    quotaBytes: BODY_QUOTA_BYTES,
    limits: limits(maxFileBytes),
    then: async (scope, stored) => {
      const row = (await lockOutgoing(scope.tx, id))!;
      if (!may(row.state)) throw wrongState(row.state);
      await insertFiles(scope.tx, rowsOf(stored, { outgoingId: id }, actorIdOf(ctx)));
      const files = await listFiles(scope.tx, { outgoingId: id });
      await updateOutgoing(scope.tx, id, row.version, {
        searchText: documentSearchText([row.subject, row.content, row.numberSymbol, ...row.externalRecipients.map((e) => e.name), ...files.map((f) => f.fileName)]),
        updatedAt: ctx.clock.now(),
      });
      await recordEvent(ctx, scope.tx, { outgoingId: id, kind: 'file', at: ctx.clock.now(), text: stored.map((f) => f.displayName).join(', ') });
    },
  });
}

/** GET /documents/files/:fileId: the file, to whoever may read its document. */
export async function sendDocumentFile(ctx: Ctx, reply: FastifyReply, store: FileStore, fileId: string): Promise<FastifyReply> {
  const file = await findDocumentFile(ctx.db, fileId);
  if (!file) throw new AppError('DOCUMENT_NOT_FOUND', {}, { status: 404 });
  if (file.incomingId) await loadIncomingToRead(ctx, file.incomingId);
  else await loadOutgoingToRead(ctx, file.outgoingId!);
  const stored = await findFile(ctx.db, file.id);
  if (!stored) throw new AppError('FILE_NOT_FOUND', {}, { status: 404 });
  return sendFile(reply, store, stored, { disposition: 'inline' });
}
