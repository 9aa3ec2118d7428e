import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { eq } from 'drizzle-orm';
import type { Queryable } from '../db/database';
import { contentDisposition } from './files.names';
import type { FileStore } from './files.store';
import { platformFiles } from './files.tables';
import { toStoredFile, type StoredFile } from './files.uploads';

/** A recorded file by id, or null. The caller decides who may read it (the owner key is on the record). */
export async function findFile(db: Queryable, id: string): Promise<StoredFile | null> {
  const [row] = await db.select().from(platformFiles).where(eq(platformFiles.id, id));
  return row ? toStoredFile(row) : null;
}

/** The stored bytes differ from what was recorded (size or SHA-256): damaged or replaced behind the application's back. */
export class StoredFileMismatchError extends Error {
  override name = 'StoredFileMismatchError';
}

/**
 * Passes the bytes through while checking them against the record, and holds back the last chunk until the end:
 * a file whose size or SHA-256 differs never reaches the client whole (its download fails instead of completing
 * with wrong content).
 */
class VerifyingStream extends Transform {
  private readonly hash = createHash('sha256');
  private size = 0;
  private held: Buffer | null = null;

  constructor(private readonly file: StoredFile) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.hash.update(chunk);
    this.size += chunk.length;
    if (this.size > this.file.size) return callback(new StoredFileMismatchError(`stored file ${this.file.id} is longer than recorded`));
    const previous = this.held;
    this.held = chunk;
    callback(null, previous ?? undefined);
  }

  override _flush(callback: TransformCallback): void {
    const sha256 = this.hash.digest('hex');
    if (this.size !== this.file.size || sha256 !== this.file.sha256) {
      return callback(new StoredFileMismatchError(`stored file ${this.file.id} does not match its record (size ${this.size}/${this.file.size})`));
    }
    callback(null, this.held ?? undefined);
  }
}

const FILE_HEADERS = ['content-type', 'content-length', 'content-disposition', 'content-security-policy'] as const;

/** How sendFile answers. */
export interface SendFileOptions {
  /** `attachment` (default) downloads; `inline` lets the browser show a PDF or image in a tab. */
  disposition?: 'inline' | 'attachment';
}

/**
 * Streams a recorded file as the response: the recorded media type (recognised from the content at upload, never
 * the client's), its length, Content-Disposition with the sanitised name (RFC 6266, `filename*` in UTF-8),
 * `X-Content-Type-Options: nosniff` (a browser must not reinterpret it as HTML), `Cache-Control: private, no-store`
 * (personal documents stay out of shared caches), and a sandboxing CSP for inline images. The bytes are checked
 * against the recorded SHA-256 as they go (VerifyingStream): a mismatch is logged and cuts the response short.
 * Rejects with FILE_NOT_FOUND (404) when the object is missing. Authorise before calling.
 */
export async function sendFile(reply: FastifyReply, store: FileStore, file: StoredFile, options: SendFileOptions = {}): Promise<FastifyReply> {
  const source = await store.open(file.storeKey);
  const verifying = new VerifyingStream(file);
  source.on('error', (err) => verifying.destroy(err));
  verifying.on('error', (err) => {
    source.destroy();
    reply.log.error({ err, fileId: file.id }, 'stored file could not be sent whole');
    // Failing before the first byte (a small file is one read, held back until checked), Fastify answers with the
    // error handler's JSON: it must not go out under the file's type, length and download name.
    if (!reply.raw.headersSent) for (const name of FILE_HEADERS) reply.removeHeader(name);
  });
  reply
    .header('content-type', file.mediaType)
    .header('content-length', String(file.size))
    .header('content-disposition', contentDisposition(file.displayName, options.disposition ?? 'attachment'))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store');
  // An image opened on its own needs no script; browsers' PDF viewers do not run under a sandbox, so PDFs keep the
  // application's policy (and are attachments unless the caller asks otherwise).
  if (file.mediaType !== 'application/pdf') reply.header('content-security-policy', "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox");
  return reply.send(source.pipe(verifying));
}
