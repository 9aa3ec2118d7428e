import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import type { Multipart } from '@fastify/multipart';
import { and, eq, sql } from 'drizzle-orm';
import { withTransaction, type Ctx, type TxScope } from '../context/context';
import type { Queryable } from '../db/database';
import { AppError } from '../errors';
import { assertPlainText } from '../http/text-input';
import { ContentInspector, formatBytes, inspected, type InspectedContent } from './files.content';
import { nameForMessages, sanitizeDisplayName } from './files.names';
import type { FileStore } from './files.store';
import { platformFiles } from './files.tables';
import { ACCEPTED_MEDIA_TYPES, type AcceptedMediaType } from './files.types';

/** What one request may carry; the caller (the feature that owns the upload) decides. */
export interface UploadLimits {
  /** Types accepted, recognised by content (default: PDF, JPEG and PNG). */
  allowedTypes?: readonly AcceptedMediaType[];
  /** Largest file, in bytes; a larger one is refused while it streams (FILE_TOO_LARGE). Keep it ≤ UPLOAD_LIMIT_BYTES (`host.config.uploadLimitBytes`). */
  maxFileBytes: number;
  /** Most files in the request (TOO_MANY_FILES beyond). */
  maxFiles: number;
  /** Largest text field, in bytes (default 64 KiB). */
  maxFieldBytes?: number;
}

/** A file stored by receiveUploads and not yet recorded: its object exists, no row does. */
export interface ReceivedFile {
  storeKey: string;
  size: number;
  sha256: string;
  mediaType: AcceptedMediaType;
  /** The sanitised name (files.names.ts); never used for storage. */
  displayName: string;
  /** True when the client's extension did not match the content and the display name got the right one. */
  extensionCorrected: boolean;
  /** The multipart field the file came in (lets a form send several slots in one request). */
  fieldName: string;
}

/** The files of one request and its text fields; `discard()` deletes the stored objects when they will not be recorded. */
export interface ReceivedUploads {
  files: ReceivedFile[];
  /** Text fields sent with the files, each name with its values in order. */
  fields: Record<string, string[]>;
  discard(): Promise<void>;
}

/** A recorded file (a row of platform_files). */
export interface StoredFile {
  id: string;
  ownerKey: string;
  storeKey: string;
  sha256: string;
  size: number;
  mediaType: AcceptedMediaType;
  displayName: string;
  createdAt: Date;
}

// Locks are (class, object) pairs; this class is the files quota, the object a hash of the owner key. Two owners
// sharing a hash only wait for each other, they never share a quota. (The one-number advisory locks of migrations and
// the audit chain are a separate key space in PostgreSQL.)
const QUOTA_LOCK_CLASS = 770_010;

async function removeAll(store: FileStore, keys: readonly string[], log: FastifyBaseLogger): Promise<void> {
  const results = await Promise.allSettled(keys.map((key) => store.delete(key)));
  results.forEach((result, i) => {
    // The request already failed for its own reason; an object that could not be removed is logged for the operator.
    if (result.status === 'rejected') log.error({ err: result.reason as unknown, storeKey: keys[i] }, 'could not remove the object of a refused upload');
  });
}

/** @fastify/multipart's own errors as the API's: limits become our codes, anything unexpected a malformed body. */
function multipartError(err: unknown, maxFiles: number): unknown {
  if (err instanceof AppError) return err;
  const code = (err as { code?: string } | null)?.code;
  if (code === 'FST_FILES_LIMIT') return new AppError('TOO_MANY_FILES', { max: maxFiles }, { status: 413 });
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return new AppError('UNSUPPORTED_MEDIA_TYPE', {}, { cause: err });
  // Other coded errors (parts or fields limits → 413, prototype violations → 400) keep their own mapping.
  if (typeof code === 'string' && code.startsWith('FST_')) return err;
  return new AppError('MULTIPART_MALFORMED', {}, { cause: err });
}

/** A part's bytes; a failure while reading them is the request's (truncated body, broken part), not the store's. */
async function* partBytes(file: AsyncIterable<Uint8Array>, maxFiles: number): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of file) yield chunk;
  } catch (err) {
    throw multipartError(err, maxFiles);
  }
}

/**
 * Reads a multipart request and stores each file part as it streams, checking it on the way (files.content.ts:
 * size, type by content, polyglots); nothing is buffered whole. Text fields are collected. If anything is refused,
 * every object this request stored is removed before the error propagates, so a refused request leaves nothing.
 * The caller records the files (recordFiles) in its transaction and calls `discard()` if that fails; acceptUploads
 * does both. Authorise before calling: reading the body is the expensive part.
 */
export async function receiveUploads(request: FastifyRequest, store: FileStore, limits: UploadLimits): Promise<ReceivedUploads> {
  if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  const allowed = limits.allowedTypes ?? ACCEPTED_MEDIA_TYPES;
  const files: ReceivedFile[] = [];
  const fields: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  const discard = () =>
    removeAll(
      store,
      files.map((f) => f.storeKey),
      request.log,
    );
  try {
    const parts = request.parts({
      // One byte over the limit is enough for the inspector to refuse the file with our own code; busboy drops the
      // rest of an oversize part instead of buffering it.
      limits: { fileSize: limits.maxFileBytes + 1, files: limits.maxFiles, fieldSize: limits.maxFieldBytes ?? 64 * 1024 },
    });
    const iterator = parts[Symbol.asyncIterator]();
    for (;;) {
      let next: IteratorResult<Multipart>;
      try {
        next = await iterator.next();
      } catch (err) {
        throw multipartError(err, limits.maxFiles);
      }
      if (next.done) break;
      const part = next.value;
      if (part.type === 'field') {
        if (part.valueTruncated) throw new AppError('PAYLOAD_TOO_LARGE');
        (fields[part.fieldname] ??= []).push(typeof part.value === 'string' ? part.value : JSON.stringify(part.value));
        continue;
      }
      const inspector = new ContentInspector({ name: nameForMessages(part.filename), allowed, maxBytes: limits.maxFileBytes });
      let content: InspectedContent | undefined;
      const object = await store.put(inspected(partBytes(part.file, limits.maxFiles), inspector, (result) => (content = result)));
      const { name, extensionCorrected } = sanitizeDisplayName(part.filename, content!.mediaType);
      files.push({
        storeKey: object.key,
        size: object.size,
        sha256: object.sha256,
        mediaType: content!.mediaType,
        displayName: name,
        extensionCorrected,
        fieldName: part.fieldname,
      });
    }
    if (files.length === 0) throw new AppError('FILE_REQUIRED');
    // Multipart text escapes the request layer's control-character rule (D13: it walks parsed JSON bodies), so it is applied here.
    assertPlainText({ body: fields, query: {}, params: {} });
  } catch (err) {
    await discard();
    throw err;
  }
  return { files, fields, discard };
}

/**
 * Stores one file that arrives as a stream rather than a multipart part (e.g. downloaded from another system), with the
 * same checks on the way (size, type by content, polyglots) and the same sanitised name. Nothing is recorded: the caller
 * records it (recordFiles) in its transaction, or deletes the object (`store.delete(storeKey)`) if it will not.
 */
export async function receiveStream(
  store: FileStore,
  source: AsyncIterable<Uint8Array>,
  input: { name: string; maxFileBytes: number; allowedTypes?: readonly AcceptedMediaType[]; fieldName?: string },
): Promise<ReceivedFile> {
  const inspector = new ContentInspector({ name: nameForMessages(input.name), allowed: input.allowedTypes ?? ACCEPTED_MEDIA_TYPES, maxBytes: input.maxFileBytes });
  let content: InspectedContent | undefined;
  const object = await store.put(inspected(source, inspector, (result) => (content = result)));
  const { name, extensionCorrected } = sanitizeDisplayName(input.name, content!.mediaType);
  return {
    storeKey: object.key,
    size: object.size,
    sha256: object.sha256,
    mediaType: content!.mediaType,
    displayName: name,
    extensionCorrected,
    fieldName: input.fieldName ?? 'file',
  };
}

/**
 * Records received files for `ownerKey` in the caller's transaction, refusing with STORAGE_QUOTA_EXCEEDED when
 * they would take the owner past `quotaBytes`. The check and the inserts hold a transaction-scoped lock on the owner,
 * so two uploads racing for the last of a quota are decided one after the other: the second sums the first's rows
 * (committed by then) and is refused. Each file gets an audit entry `files.store`.
 */
export async function recordFiles(scope: TxScope, input: { ownerKey: string; quotaBytes: number; files: readonly ReceivedFile[]; at: Date }): Promise<StoredFile[]> {
  const { tx } = scope;
  await tx.execute(sql`select pg_advisory_xact_lock(${QUOTA_LOCK_CLASS}, hashtext(${input.ownerKey}))`);
  const used = await storageUsed(tx, input.ownerKey);
  const adding = input.files.reduce((sum, f) => sum + f.size, 0);
  if (used + adding > input.quotaBytes) {
    throw new AppError(
      'STORAGE_QUOTA_EXCEEDED',
      { quota: formatBytes(input.quotaBytes), used: formatBytes(used), adding: formatBytes(adding), free: formatBytes(Math.max(0, input.quotaBytes - used)) },
      { status: 413 },
    );
  }
  if (input.files.length === 0) return [];
  const rows = await tx
    .insert(platformFiles)
    .values(
      input.files.map((f) => ({
        ownerKey: input.ownerKey,
        storeKey: f.storeKey,
        sha256: f.sha256,
        sizeBytes: f.size,
        mediaType: f.mediaType,
        displayName: f.displayName,
        createdAt: input.at,
      })),
    )
    .returning();
  for (const row of rows) {
    await scope.audit({
      action: 'files.store',
      subjectType: 'file',
      subjectId: row.id,
      after: { ownerKey: row.ownerKey, size: row.sizeBytes, mediaType: row.mediaType, sha256: row.sha256, displayName: row.displayName },
    });
  }
  return rows.map(toStoredFile);
}

/** A file acceptUploads recorded, with what the request said about it. */
export interface AcceptedFile extends StoredFile {
  fieldName: string;
  /** The client's extension was wrong for the content and the display name got the right one (tell the user). */
  extensionCorrected: boolean;
}

/** What acceptUploads needs besides the request: whose space, how much of it, and the request's limits. */
export interface AcceptUploadsOptions<T> {
  ownerKey: string;
  quotaBytes: number;
  limits: UploadLimits;
  /** The caller's own writes (links to its records, its audit), in the same transaction as the file rows. */
  then?: (scope: TxScope, files: StoredFile[], fields: Record<string, string[]>) => Promise<T>;
}

/**
 * The whole upload: receiveUploads, then one transaction recording the files (quota checked) and running `then`.
 * On any failure the stored objects are removed: a refused upload leaves no object and no row. Authorise first.
 */
export async function acceptUploads<T = undefined>(
  ctx: Ctx,
  request: FastifyRequest,
  store: FileStore,
  options: AcceptUploadsOptions<T>,
): Promise<{ files: AcceptedFile[]; fields: Record<string, string[]>; result: T | undefined }> {
  const received = await receiveUploads(request, store, options.limits);
  try {
    return await withTransaction(ctx, async (scope) => {
      const stored = await recordFiles(scope, { ownerKey: options.ownerKey, quotaBytes: options.quotaBytes, files: received.files, at: ctx.clock.now() });
      const result = options.then ? await options.then(scope, stored, received.fields) : undefined;
      const byKey = new Map(received.files.map((f) => [f.storeKey, f]));
      const files = stored.map((file) => ({ ...file, fieldName: byKey.get(file.storeKey)!.fieldName, extensionCorrected: byKey.get(file.storeKey)!.extensionCorrected }));
      return { files, fields: received.fields, result };
    });
  } catch (err) {
    await received.discard();
    throw err;
  }
}

/**
 * Deletes an owner's file in the caller's transaction (audited `files.delete`); the object goes after COMMIT, so a
 * rolled-back deletion keeps a readable file. FILE_NOT_FOUND when the owner has no such file.
 */
export async function deleteFile(scope: TxScope, store: FileStore, input: { id: string; ownerKey: string }): Promise<void> {
  const [row] = await scope.tx
    .delete(platformFiles)
    .where(and(eq(platformFiles.id, input.id), eq(platformFiles.ownerKey, input.ownerKey)))
    .returning();
  if (!row) throw new AppError('FILE_NOT_FOUND', {}, { status: 404 });
  await scope.audit({
    action: 'files.delete',
    subjectType: 'file',
    subjectId: row.id,
    before: { ownerKey: row.ownerKey, size: row.sizeBytes, mediaType: row.mediaType, sha256: row.sha256, displayName: row.displayName },
  });
  // A failure here is logged by withTransaction's after-commit runner; the row is gone, so the object is an orphan.
  scope.afterCommit(() => store.delete(row.storeKey));
}

/** How much an owner stores now, in bytes. */
export async function storageUsed(db: Queryable, ownerKey: string): Promise<number> {
  const [usage] = await db
    .select({ used: sql<string>`coalesce(sum(${platformFiles.sizeBytes}), 0)` })
    .from(platformFiles)
    .where(eq(platformFiles.ownerKey, ownerKey));
  return Number(usage?.used ?? 0);
}

export function toStoredFile(row: typeof platformFiles.$inferSelect): StoredFile {
  return {
    id: row.id,
    ownerKey: row.ownerKey,
    storeKey: row.storeKey,
    sha256: row.sha256,
    size: row.sizeBytes,
    mediaType: row.mediaType,
    displayName: row.displayName,
    createdAt: row.createdAt,
  };
}
