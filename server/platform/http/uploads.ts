import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors';

/** One uploaded file, read whole (uploads are bounded by UPLOAD_LIMIT_BYTES). */
export interface UploadedFile {
  filename: string;
  mimetype: string;
  data: Buffer;
}

/**
 * Reads the request's single file part. The only work here is parsing the request body, so a failure that is not
 * one of @fastify/multipart's own coded errors (limits → 413, mapped by the error handler) is a malformed body — a
 * truncated part, a broken header — and becomes a translated 400 instead of a 500.
 */
export async function readSingleUpload(request: FastifyRequest): Promise<UploadedFile | null> {
  try {
    const file = await request.file();
    if (!file) return null;
    // toBuffer() throws FST_REQ_FILE_TOO_LARGE past the configured upload limit.
    const data = await file.toBuffer();
    return { filename: file.filename, mimetype: file.mimetype, data };
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw new AppError('UNSUPPORTED_MEDIA_TYPE', {}, { cause: err });
    if (typeof code === 'string' && code.startsWith('FST_')) throw err;
    throw new AppError('MULTIPART_MALFORMED', {}, { cause: err });
  }
}
