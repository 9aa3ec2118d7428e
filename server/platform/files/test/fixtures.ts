// Small, structurally valid files built byte by byte (no image or PDF tool is needed to run the tests), and the
// polyglots the acceptance must refuse.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { crc32, deflateSync } from 'node:zlib';

const u16be = (n: number) => Buffer.from([n >> 8, n & 0xff]);
const u32be = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
};

function pngChunk(type: string, data: Buffer): Buffer {
  const typeBytes = Buffer.from(type, 'latin1');
  return Buffer.concat([u32be(data.length), typeBytes, data, u32be(crc32(data, crc32(typeBytes)))]);
}

/** A PNG of `width`×`height` RGB pixels of random colours (random so compression cannot shrink a big one away). */
export function png(width = 2, height = 2, extraChunks: Buffer[] = []): Buffer {
  const ihdr = Buffer.concat([u32be(width), u32be(height), Buffer.from([8, 2, 0, 0, 0])]);
  const rows = Buffer.concat(Array.from({ length: height }, () => Buffer.concat([Buffer.from([0]), randomBytes(width * 3)])));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    ...extraChunks,
    pngChunk('IDAT', deflateSync(rows)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A private ancillary PNG chunk (readers skip it). */
export const pngPrivateChunk = (data: Buffer) => pngChunk('prVt', data);

const segment = (marker: number, body: Buffer) => Buffer.concat([Buffer.from([0xff, marker]), u16be(body.length + 2), body]);

/**
 * A baseline greyscale 8×8 JPEG: one flat block (DC difference 0, then end-of-block), Huffman tables with a single
 * one-bit code each. `options.app1` adds an APP1 segment (an EXIF thumbnail's own SOI/EOI sits in such a segment),
 * `options.scanNoise` puts stuffed 0xFF 0x00 bytes and a restart marker inside the entropy-coded data.
 */
export function jpeg(options: { app1?: Buffer; comment?: string; scanNoise?: boolean } = {}): Buffer {
  const dqt = segment(0xdb, Buffer.concat([Buffer.from([0x00]), Buffer.alloc(64, 1)]));
  const sof0 = segment(0xc0, Buffer.from([8, 0, 8, 0, 8, 1, 1, 0x11, 0]));
  const counts = (n: number) => Buffer.concat([Buffer.from([n]), Buffer.alloc(15)]);
  const dhtDc = segment(0xc4, Buffer.concat([Buffer.from([0x00]), counts(1), Buffer.from([0x00])]));
  const dhtAc = segment(0xc4, Buffer.concat([Buffer.from([0x10]), counts(1), Buffer.from([0x00])]));
  const sos = segment(0xda, Buffer.from([1, 1, 0x00, 0, 63, 0]));
  const scan = options.scanNoise ? Buffer.from([0x3f, 0xff, 0x00, 0x12, 0xff, 0xd0, 0x3f]) : Buffer.from([0x3f]);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    ...(options.app1 ? [segment(0xe1, options.app1)] : []),
    ...(options.comment ? [segment(0xfe, Buffer.from(options.comment, 'latin1'))] : []),
    dqt,
    sof0,
    dhtDc,
    dhtAc,
    sos,
    scan,
    Buffer.from([0xff, 0xd9]),
  ]);
}

/** A one-page PDF with a correct cross-reference table; `body` is extra text placed before the trailer's %%EOF. */
export function pdf(options: { streamData?: Buffer; tail?: string } = {}): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  const size = () => parts.reduce((n, p) => n + p.length, 0);
  const object = (n: number, content: Buffer | string) => {
    offsets[n] = size();
    parts.push(Buffer.from(`${n} 0 obj\n`, 'latin1'), Buffer.isBuffer(content) ? content : Buffer.from(content, 'latin1'), Buffer.from('\nendobj\n', 'latin1'));
  };
  object(1, '<< /Type /Catalog /Pages 2 0 R >>');
  object(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
  object(3, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>');
  const stream = options.streamData ?? Buffer.from('BT /F1 12 Tf 72 770 Td (Don de nghi) Tj ET', 'latin1');
  object(4, Buffer.concat([Buffer.from(`<< /Length ${stream.length} >>\nstream\n`, 'latin1'), stream, Buffer.from('\nendstream', 'latin1')]));
  const xrefAt = size();
  const entries = [1, 2, 3, 4].map((n) => `${String(offsets[n]).padStart(10, '0')} 00000 n \n`).join('');
  parts.push(Buffer.from(`xref\n0 5\n0000000000 65535 f \n${entries}trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF${options.tail ?? '\n'}`, 'latin1'));
  return Buffer.concat(parts);
}

/** A ZIP archive of one stored (uncompressed) entry; `comment` pads its end record. */
export function zip(name = 'payload.bin', content = Buffer.from('MZ payload, no markup'), commentLength = 0): Buffer {
  const nameBytes = Buffer.from(name, 'latin1');
  const crc = crc32(content);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(10, 4);
  local.writeUInt32LE(crc >>> 0, 14);
  local.writeUInt32LE(content.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(10, 6);
  central.writeUInt32LE(crc >>> 0, 16);
  central.writeUInt32LE(content.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  const localLength = local.length + nameBytes.length + content.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12);
  end.writeUInt32LE(localLength, 16);
  end.writeUInt16LE(commentLength, 20);
  return Buffer.concat([local, nameBytes, content, central, nameBytes, end]);
}

/** The start of a Windows executable (MZ header and the DOS stub's message), as file-type recognises it. */
export function exe(): Buffer {
  const b = Buffer.alloc(512);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(0x80, 0x3c);
  b.write('This program cannot be run in DOS mode.', 0x4e, 'latin1');
  b.write('PE\0\0', 0x80, 'latin1');
  return b;
}

/** One part of a multipart body. */
export type Part = { field: string; value: string } | { file: string; name: string; content: Buffer; contentType?: string };

/** A multipart/form-data body with these parts, and its Content-Type header. */
export function multipart(parts: readonly Part[]): { body: Buffer; headers: Record<string, string> } {
  const boundary = `----motcua-files-${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    if ('field' in part) {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${part.field}"\r\n\r\n${part.value}\r\n`));
    } else {
      // The file name goes as UTF-8 bytes in the quoted parameter, as browsers send it.
      chunks.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${part.file}"; filename="${part.name.replace(/"/g, '%22')}"\r\nContent-Type: ${part.contentType ?? 'application/octet-stream'}\r\n\r\n`,
        ),
        part.content,
        Buffer.from('\r\n'),
      );
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

interface PdfMake {
  virtualfs: { writeFileSync(name: string, content: Buffer): void };
  addFonts(fonts: Record<string, Record<'normal' | 'bold' | 'italics' | 'bolditalics', string>>): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  createPdf(doc: Record<string, unknown>): { getBuffer(): Promise<Buffer> };
}

/**
 * A PDF as a real generator writes it: pdfmake (the application's own PDF engine) with its bundled Roboto, Vietnamese
 * text and the JPEG and PNG fixtures embedded (its image readers parse them too, a second opinion on the fixtures).
 */
export async function pdfmakePdf(): Promise<Buffer> {
  const require = createRequire(import.meta.url);
  const pdfmake = require('pdfmake') as PdfMake;
  const font = readFileSync(require.resolve('pdfmake/fonts/Roboto/Roboto-Regular.ttf'));
  pdfmake.virtualfs.writeFileSync('files-test/Roboto-Regular.ttf', font);
  const face = 'files-test/Roboto-Regular.ttf';
  pdfmake.addFonts({ FilesTestRoboto: { normal: face, bold: face, italics: face, bolditalics: face } });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  return pdfmake
    .createPdf({
      content: [
        'Đơn đề nghị cấp bản sao trích lục hộ tịch',
        { image: `data:image/jpeg;base64,${jpeg().toString('base64')}`, width: 40 },
        { image: `data:image/png;base64,${png(8, 8).toString('base64')}`, width: 40 },
      ],
      defaultStyle: { font: 'FilesTestRoboto' },
    })
    .getBuffer();
}
