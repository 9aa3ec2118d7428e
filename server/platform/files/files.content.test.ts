import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { ContentInspector, inspected, type InspectedContent } from './files.content';
import { ACCEPTED_MEDIA_TYPES, type AcceptedMediaType } from './files.types';
import { exe, jpeg, pdf, pdfmakePdf, png, pngPrivateChunk, zip } from './test/fixtures';

/** Feeds `data` to an inspector in chunks of `chunk` bytes; resolves with the verdict or rejects with the AppError. */
async function inspect(data: Buffer, options: { chunk?: number; allowed?: readonly AcceptedMediaType[]; maxBytes?: number } = {}): Promise<InspectedContent> {
  const chunk = options.chunk ?? 1000;
  const inspector = new ContentInspector({ name: 'tệp thử.pdf', allowed: options.allowed ?? ACCEPTED_MEDIA_TYPES, maxBytes: options.maxBytes ?? 50 * 1024 * 1024 });
  for (let i = 0; i < data.length; i += chunk) await inspector.push(data.subarray(i, i + chunk));
  return inspector.finish();
}

/** The code of the AppError `promise` rejects with. */
async function refusal(promise: Promise<unknown>): Promise<string> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return (err as AppError).code;
}

const bigPng = png(160, 160); // ~77 KB of random pixels: many chunks cross every field of the chunk walk

describe('content inspection: accepted files', () => {
  it.each([
    ['PDF', pdf(), 'application/pdf'],
    ['PDF with white-space after %%EOF', pdf({ tail: '\r\n\n  \0' }), 'application/pdf'],
    ['baseline JPEG', jpeg(), 'image/jpeg'],
    ['JPEG with an EXIF-like APP1 holding its own SOI/EOI and a comment', jpeg({ app1: Buffer.concat([Buffer.from('Exif\0\0'), jpeg()]), comment: 'máy quét' }), 'image/jpeg'],
    ['JPEG whose scan has stuffed bytes and a restart marker', jpeg({ scanNoise: true }), 'image/jpeg'],
    ['JPEG with zero padding after EOI', Buffer.concat([jpeg(), Buffer.alloc(300)]), 'image/jpeg'],
    ['JPEG followed by a second JPEG (Multi-Picture Format gain map)', Buffer.concat([jpeg(), jpeg()]), 'image/jpeg'],
    ['PNG', png(), 'image/png'],
    ['PNG of 77 KB', bigPng, 'image/png'],
  ])('%s', async (_label, data, type) => {
    for (const chunk of [1, 7, 4096, data.length]) {
      await expect(inspect(data, { chunk })).resolves.toEqual({ mediaType: type, size: data.length });
    }
  });
});

describe('content inspection: a generator’s output', () => {
  it('a PDF written by pdfmake with an embedded JPEG and PNG is accepted', async () => {
    const data = await pdfmakePdf();
    await expect(inspect(data, { chunk: 512 })).resolves.toEqual({ mediaType: 'application/pdf', size: data.length });
  });

  it('a PNG whose first kilobyte happens to hold "<b " or "<p>" (as compressed pixels do, one image in ~1,400) is accepted', async () => {
    for (const bytes of ['\x07<b \x91', '\xfe<P>\x00', '<a\x20']) {
      const data = png(2, 2, [pngPrivateChunk(Buffer.from(bytes, 'latin1'))]);
      await expect(inspect(data)).resolves.toEqual({ mediaType: 'image/png', size: data.length });
    }
    expect(await refusal(inspect(png(2, 2, [pngPrivateChunk(Buffer.from('<script src=//x>'))])))).toBe('FILE_CONTENT_AMBIGUOUS');
  });
});

describe('content inspection: refused files', () => {
  it('a Windows executable named scan.pdf is refused by its MZ content, whatever its name says', async () => {
    expect(await refusal(inspect(exe()))).toBe('FILE_TYPE_NOT_ALLOWED');
  });

  it('a type outside the call’s allow-list is refused, and unknown content too', async () => {
    expect(await refusal(inspect(png(), { allowed: ['application/pdf'] }))).toBe('FILE_TYPE_NOT_ALLOWED');
    expect(await refusal(inspect(Buffer.from('Đơn đề nghị cấp bản sao\n'.repeat(400))))).toBe('FILE_TYPE_NOT_ALLOWED');
    expect(await refusal(inspect(zip()))).toBe('FILE_TYPE_NOT_ALLOWED');
  });

  it('an empty file', async () => {
    expect(await refusal(inspect(Buffer.alloc(0)))).toBe('FILE_EMPTY');
  });

  it('an oversize file is refused once the limit is passed, without reading the rest', async () => {
    const inspector = new ContentInspector({ name: 'x.png', allowed: ACCEPTED_MEDIA_TYPES, maxBytes: 10_000 });
    let pulled = 0;
    async function* endless() {
      for (let i = 0; i < 1000; i++) {
        pulled++;
        yield bigPng.subarray(0, 1000);
      }
    }
    const consume = async () => {
      for await (const _chunk of inspected(endless(), inspector, () => undefined)) {
        // the store would write it
      }
    };
    expect(await refusal(consume())).toBe('FILE_TOO_LARGE');
    expect(pulled).toBe(11);
  });

  it('the limit is inclusive: exactly maxBytes passes', async () => {
    await expect(inspect(bigPng, { maxBytes: bigPng.length })).resolves.toMatchObject({ size: bigPng.length });
    expect(await refusal(inspect(bigPng, { maxBytes: bigPng.length - 1 }))).toBe('FILE_TOO_LARGE');
  });

  it.each([
    ['a PDF followed by a ZIP (readers of both open it)', Buffer.concat([pdf(), zip()])],
    ['a PDF hiding a ZIP in a stream whose end record comment covers the real end', hiddenZipPdf()],
    ['a PDF with a script tag in its first kilobyte', Buffer.concat([Buffer.from('%PDF-1.7\n%<script>alert(1)</script>\n'), pdf().subarray(9)])],
    ['a PDF followed by HTML', Buffer.concat([pdf(), Buffer.from('<html><script>alert(1)</script></html>')])],
    ['a JPEG followed by a ZIP', Buffer.concat([jpeg(), zip()])],
    ['a JPEG followed by padding and then a ZIP', Buffer.concat([jpeg(), Buffer.alloc(64), zip()])],
    ['a JPEG, a second JPEG, then a ZIP', Buffer.concat([jpeg(), jpeg(), zip()])],
    ['a JPEG with %PDF- in a comment (PDF readers look in the first 1,024 bytes)', jpeg({ comment: '%PDF-1.4 1 0 obj' })],
    ['a PNG followed by a ZIP', Buffer.concat([png(), zip()])],
    // Trailing data that is not a ZIP: only the walk to the format's own end catches these.
    ['a PDF followed by an executable', Buffer.concat([pdf(), exe()])],
    ['a JPEG followed by an executable', Buffer.concat([jpeg(), exe()])],
    ['a PNG followed by an executable', Buffer.concat([png(), exe()])],
    ['a PNG hiding a ZIP in a private chunk whose comment covers the CRC and IEND', hiddenZipPng()],
    ['a PNG that is also a TAR archive (ustar at byte 257)', tarPng()],
    ['a PNG with an SVG tag in its first kilobyte', png(2, 2, [pngPrivateChunk(Buffer.from('<svg onload=alert(1)>'))])],
  ])('%s is ambiguous', async (_label, data) => {
    for (const chunk of [1, 1000, data.length]) expect(await refusal(inspect(data, { chunk }))).toBe('FILE_CONTENT_AMBIGUOUS');
  });

  it('a ZIP or HTML header before %PDF- is not a PDF at all', async () => {
    expect(await refusal(inspect(Buffer.concat([zip(), pdf()])))).toBe('FILE_TYPE_NOT_ALLOWED');
    expect(await refusal(inspect(Buffer.concat([Buffer.from('<html><body>'), pdf()])))).toBe('FILE_TYPE_NOT_ALLOWED');
  });

  it.each([
    ['a PDF cut before %%EOF', pdf().subarray(0, pdf().length - 20)],
    ['a JPEG cut before its end-of-image marker', jpeg().subarray(0, jpeg().length - 2)],
    ['a JPEG whose second image is cut', Buffer.concat([jpeg(), jpeg().subarray(0, 30)])],
    // SOI (2 bytes) and the quantisation table segment (69 bytes), then two stray bytes before the frame header.
    ['a JPEG with data between segments', Buffer.concat([jpeg().subarray(0, 71), Buffer.from([0x12, 0x34]), jpeg().subarray(71)])],
    ['a PNG cut before IEND', png().subarray(0, png().length - 12)],
    ['a PNG with a damaged chunk (CRC mismatch)', corruptPng()],
  ])('%s is invalid', async (_label, data) => {
    for (const chunk of [1, data.length]) expect(await refusal(inspect(data, { chunk }))).toBe('FILE_CONTENT_INVALID');
  });
});

/** A PDF whose content stream holds a ZIP; the ZIP's end record comment runs to the end of the file. */
function hiddenZipPdf(): Buffer {
  // Past the first kilobyte and with no markup inside, so that only the end-record check can catch it.
  const stream = (comment: number) => Buffer.concat([Buffer.alloc(2000, 0x20), zip('payload.bin', Buffer.from('MZ payload'), comment)]);
  const probe = pdf({ streamData: stream(0) });
  const comment = probe.length - (probe.indexOf(Buffer.from('PK\x05\x06', 'latin1')) + 22);
  return pdf({ streamData: stream(comment) });
}

/** A PNG with a ZIP in a private chunk just before IEND; the end record's comment covers the chunk's CRC and IEND. */
function hiddenZipPng(): Buffer {
  const base = png();
  const iend = base.subarray(base.length - 12);
  return Buffer.concat([base.subarray(0, base.length - 12), pngPrivateChunk(zip('payload.bin', Buffer.from('MZ payload'), 4 + 12)), iend]);
}

/** A PNG whose private chunk puts `ustar` at byte 257, where TAR readers look. */
function tarPng(): Buffer {
  const data = Buffer.alloc(400);
  // Signature (8) + IHDR chunk (25) + this chunk's length and type (8) = 41 bytes before the data.
  data.write('ustar\0', 257 - 41, 'latin1');
  return png(2, 2, [pngPrivateChunk(data)]);
}

function corruptPng(): Buffer {
  const data = Buffer.from(png());
  data[40] = data[40]! ^ 0xff; // inside the IDAT data of a 2×2 image
  return data;
}
