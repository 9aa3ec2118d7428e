import type { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';

/** A file the server renders itself (a slip, a workbook, a CSV): whole in memory, or streamed as it is written. */
export interface RenderedDownload {
  fileName: string;
  mimeType: string;
  body: Buffer | string | Readable;
}

/**
 * Sends a rendered file: `inline` opens it in the browser (a PDF slip to read or print), `attachment` downloads it.
 * Never cached: slips and reports carry personal data or numbers of a moment. A streamed body goes out chunked; if it
 * fails part-way Fastify destroys the response, so the client sees a broken transfer, never a complete-looking file.
 */
export function sendRendered(reply: FastifyReply, file: RenderedDownload, disposition: 'inline' | 'attachment') {
  return reply
    .header('content-type', file.mimeType)
    .header('content-disposition', `${disposition}; filename="${file.fileName}"`)
    .header('cache-control', 'no-store')
    .send(file.body);
}
