import { crc32 } from 'node:zlib';
import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../errors';
import { ACCEPTED_MEDIA_TYPES, MEDIA_TYPE_LABELS, type AcceptedMediaType } from './files.types';

/** How many leading bytes decide the type (file-type's own sample size). */
const HEAD_BYTES = 4100;
/** How far from the start other readers look for their signature: PDF readers find `%PDF-` in the first 1,024 bytes. */
const SNIFF_WINDOW = 1024;
/** A ZIP reader looks for its end record (22 bytes + a comment of up to 65,535) this far from the end. */
const ZIP_EOCD_WINDOW = 22 + 65_535;
// PDF white-space characters (ISO 32000-1 §7.2.2): NUL, HT, LF, FF, CR, SP.
const PDF_WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
// The WHATWG MIME sniffing standard's HTML patterns (§7.1), followed by a tag-terminating byte: a browser or an old
// proxy that sniffs would render the file as a page and run its script in our origin. We look for them anywhere in
// the first kilobyte (old sniffers did), which is stricter than WHATWG's "at the start". Its one-letter tags (<a, <b,
// <p) are left out: compressed pixel data holds one of them plus a space or '>' in about one image in 1,400, and
// refusing a citizen's genuine scan that often is worse than what they add (files are served with their own type,
// nosniff and as attachments; every tag that loads or runs something is still here).
const HTML_MARKERS = ['<!doctype html', '<html', '<head', '<script', '<iframe', '<h1', '<div', '<font', '<table', '<style', '<title', '<body', '<br', '<!--', '<svg', '<?php'];

/** What the inspector found: the recognised type and the byte count. */
export interface InspectedContent {
  mediaType: AcceptedMediaType;
  size: number;
}

/** What the inspector refuses with, for the messages: the sanitised name and the limits. */
export interface InspectionContext {
  /** The name the client gave (already made displayable); only used in messages. */
  name: string;
  allowed: readonly AcceptedMediaType[];
  maxBytes: number;
}

const ambiguous = (name: string, type: AcceptedMediaType, reason: string) =>
  new AppError('FILE_CONTENT_AMBIGUOUS', { name, type: MEDIA_TYPE_LABELS[type], reason }, { status: 422 });
const invalid = (name: string, type: AcceptedMediaType, reason: string) => new AppError('FILE_CONTENT_INVALID', { name, type: MEDIA_TYPE_LABELS[type], reason }, { status: 422 });

/** A size for messages: whole megabytes or kilobytes when exact enough, else bytes. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MB`;
  if (bytes >= 1024 * 1024) return `${Math.floor(bytes / (1024 * 1024))}+ MB`;
  if (bytes >= 1024) return `${Math.floor(bytes / 1024)} KB`;
  return `${bytes} B`;
}

/** Walks a JPEG's marker structure (ITU-T T.81 Annex B) byte by byte as it streams. */
class JpegWalker {
  private state: 'soi0' | 'soi1' | 'marker' | 'code' | 'len0' | 'len1' | 'skip' | 'scan' | 'scanFF' | 'after' | 'after1' = 'soi0';
  private length = 0;
  private skip = 0;
  private segmentIsScan = false;
  private sawScan = false;
  /** Images completed: the first, then any further ones appended after it (MPF: gain maps, depth maps). */
  images = 0;
  /** Non-padding data after the last EOI that does not start another JPEG stream. */
  foreign = false;
  broken: string | null = null;

  push(buf: Buffer): void {
    let i = 0;
    while (i < buf.length && !this.broken && !this.foreign) {
      const b = buf[i]!;
      switch (this.state) {
        case 'soi0':
          if (b !== 0xff) this.broken = 'no start-of-image marker';
          this.state = 'soi1';
          i++;
          break;
        case 'soi1':
          if (b !== 0xd8) this.broken = 'no start-of-image marker';
          this.state = 'marker';
          this.sawScan = false;
          i++;
          break;
        case 'marker':
          if (b !== 0xff) this.broken = 'data between segments';
          this.state = 'code';
          i++;
          break;
        case 'code':
        case 'scanFF':
          i++;
          if (b === 0xff) break; // fill bytes before a marker (B.1.1.2)
          if (this.state === 'scanFF' && (b === 0x00 || (b >= 0xd0 && b <= 0xd7))) {
            // A stuffed 0xFF in entropy-coded data, or a restart marker: still inside the scan.
            this.state = 'scan';
            break;
          }
          this.marker(b);
          break;
        case 'len0':
          this.length = b << 8;
          this.state = 'len1';
          i++;
          break;
        case 'len1':
          this.length |= b;
          i++;
          if (this.length < 2) {
            this.broken = 'segment length below 2';
            break;
          }
          this.skip = this.length - 2;
          this.state = this.skip > 0 ? 'skip' : this.segmentIsScan ? 'scan' : 'marker';
          break;
        case 'skip': {
          const n = Math.min(this.skip, buf.length - i);
          this.skip -= n;
          i += n;
          if (this.skip === 0) this.state = this.segmentIsScan ? 'scan' : 'marker';
          break;
        }
        case 'scan': {
          const ff = buf.indexOf(0xff, i);
          if (ff < 0) {
            i = buf.length;
          } else {
            i = ff + 1;
            this.state = 'scanFF';
          }
          break;
        }
        case 'after':
          // Zero bytes are padding; 0xFF may open a further image (JPEG's Multi-Picture Format appends them).
          if (b === 0xff) this.state = 'after1';
          else if (b !== 0x00) this.foreign = true;
          i++;
          break;
        case 'after1':
          if (b !== 0xd8) this.foreign = true;
          this.state = 'marker';
          this.sawScan = false;
          i++;
          break;
      }
    }
  }

  private marker(code: number): void {
    if (code === 0xd9) {
      if (!this.sawScan) this.broken = 'end of image before any scan';
      this.images++;
      this.state = 'after';
    } else if (code === 0xd8 || code === 0x00) {
      this.broken = 'unexpected marker';
    } else if (code === 0x01 || (code >= 0xd0 && code <= 0xd7)) {
      this.state = 'marker'; // standalone markers carry no length
    } else {
      this.segmentIsScan = code === 0xda;
      if (this.segmentIsScan) this.sawScan = true;
      this.state = 'len0';
    }
  }

  /** True once at least one image ended and nothing but padding or whole further images followed. */
  complete(): boolean {
    return this.images > 0 && this.state === 'after';
  }
}

/** Walks a PNG's chunks (ISO/IEC 15948 §5), checking each chunk's CRC, as it streams. */
class PngWalker {
  private state: 'signature' | 'header' | 'data' | 'crc' | 'after' = 'signature';
  private pending = Buffer.alloc(0);
  private remaining = 0;
  private type = '';
  private crc = 0;
  private chunks = 0;
  private sawData = false;
  ended = false;
  foreign = false;
  broken: string | null = null;

  push(buf: Buffer): void {
    let i = 0;
    while (i < buf.length && !this.broken && !this.foreign) {
      switch (this.state) {
        case 'signature':
        case 'header':
        case 'crc': {
          const need = (this.state === 'signature' ? 8 : this.state === 'header' ? 8 : 4) - this.pending.length;
          const take = buf.subarray(i, i + need);
          this.pending = Buffer.concat([this.pending, take]);
          i += take.length;
          if (this.pending.length === (this.state === 'crc' ? 4 : 8)) this.fieldComplete();
          break;
        }
        case 'data': {
          const n = Math.min(this.remaining, buf.length - i);
          this.crc = crc32(buf.subarray(i, i + n), this.crc);
          this.remaining -= n;
          i += n;
          if (this.remaining === 0) this.state = 'crc';
          break;
        }
        case 'after': {
          // Only zero padding may follow IEND.
          for (; i < buf.length; i++) {
            if (buf[i] !== 0x00) {
              this.foreign = true;
              break;
            }
          }
          break;
        }
      }
    }
  }

  private fieldComplete(): void {
    const field = this.pending;
    this.pending = Buffer.alloc(0);
    if (this.state === 'signature') {
      if (!field.equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) this.broken = 'bad signature';
      this.state = 'header';
    } else if (this.state === 'header') {
      const length = field.readUInt32BE(0);
      this.type = field.toString('latin1', 4, 8);
      if (length > 0x7fffffff || !/^[A-Za-z]{4}$/.test(this.type)) {
        this.broken = 'bad chunk header';
        return;
      }
      if (this.chunks === 0 && (this.type !== 'IHDR' || length !== 13)) {
        this.broken = 'first chunk is not IHDR';
        return;
      }
      if (this.type === 'IDAT') this.sawData = true;
      if (this.type === 'IEND' && length !== 0) {
        this.broken = 'IEND with data';
        return;
      }
      this.chunks++;
      this.crc = crc32(field.subarray(4, 8));
      this.remaining = length;
      this.state = length > 0 ? 'data' : 'crc';
    } else {
      if (field.readUInt32BE(0) !== this.crc >>> 0) {
        this.broken = `CRC mismatch in ${this.type}`;
        return;
      }
      if (this.type === 'IEND') {
        if (!this.sawData) this.broken = 'no image data';
        this.ended = true;
        this.state = 'after';
      } else {
        this.state = 'header';
      }
    }
  }
}

/** Whether a ZIP end-of-central-directory record a ZIP reader would accept lies in `tail` (the file's last bytes). */
function zipEndRecordIn(tail: Buffer, fileSize: number): boolean {
  const tailStart = fileSize - tail.length;
  for (let at = tail.lastIndexOf('PK\x05\x06', undefined, 'latin1'); at >= 0; at = at > 0 ? tail.lastIndexOf('PK\x05\x06', at - 1, 'latin1') : -1) {
    if (at + 22 > tail.length) continue;
    const disk = tail.readUInt16LE(at + 4);
    const cdDisk = tail.readUInt16LE(at + 6);
    const entriesHere = tail.readUInt16LE(at + 8);
    const entries = tail.readUInt16LE(at + 10);
    const comment = tail.readUInt16LE(at + 20);
    // A reader accepts a record whose comment fits in the file and whose counts agree (single-disk archive); with
    // the signature that is about one chance in 2^64 per position of matching by accident in compressed data.
    if (disk === cdDisk && entriesHere === entries && tailStart + at + 22 + comment <= fileSize) return true;
  }
  return false;
}

function htmlMarkerIn(head: Buffer): string | null {
  const text = head.subarray(0, SNIFF_WINDOW).toString('latin1').toLowerCase();
  for (const marker of HTML_MARKERS) {
    for (let at = text.indexOf(marker); at >= 0; at = text.indexOf(marker, at + 1)) {
      const next = text.charCodeAt(at + marker.length);
      // Tag-terminating bytes: space or '>' (WHATWG); comments and processing instructions need none.
      if (marker === '<!--' || marker === '<?php' || next === 0x20 || next === 0x3e) return marker;
    }
  }
  return null;
}

/**
 * Checks an upload's bytes as they stream, and refuses (AppError) as soon as it can:
 * - too large: FILE_TOO_LARGE once more than `maxBytes` have passed (nothing is buffered beyond 64 KiB);
 * - the type is recognised from the content alone (file-type on the first 4,100 bytes), never from the client's
 *   name or Content-Type; a type outside `allowed` (an .exe renamed scan.pdf) is FILE_TYPE_NOT_ALLOWED;
 * - FILE_CONTENT_AMBIGUOUS (a polyglot: one file that other software would open as something else):
 *   - PDF: must start with `%PDF-` at byte 0 (readers accept it anywhere in the first 1,024 bytes, which lets a ZIP,
 *     HTML or script header come first); after its last `%%EOF` only PDF white-space may follow;
 *   - JPEG: its marker structure is walked to the end-of-image marker; after it only zero padding or further
 *     complete JPEG images (Multi-Picture Format gain and depth maps of phone photos) may follow;
 *   - PNG: chunks are walked (CRCs checked) to IEND; after it only zero padding may follow;
 *   - any type: no ZIP end-of-central-directory record in the last 65,557 bytes (where a ZIP reader looks, which
 *     catches a ZIP hidden inside a PDF stream or a PNG chunk whose comment covers the real end), no `ustar` TAR
 *     header at byte 257, no HTML/script/SVG/PHP tag in the first 1,024 bytes (what sniffing browsers read), and
 *     for images no `%PDF-` in the first 1,024 bytes;
 * - FILE_CONTENT_INVALID: the structure is broken or ends early (a truncated or damaged file);
 * - FILE_EMPTY: no bytes at all.
 * Trade-off: phone photos that append other data after the image (Samsung trailers, "motion photos" with a video
 * after the JPEG) are refused as ambiguous; saving or exporting them again as JPEG removes the trailer.
 */
export class ContentInspector {
  private size = 0;
  private head: Buffer[] = [];
  private headLength = 0;
  private tail = Buffer.alloc(0);
  private type: AcceptedMediaType | null = null;
  private jpeg: JpegWalker | null = null;
  private png: PngWalker | null = null;

  constructor(private readonly context: InspectionContext) {}

  /** Takes the next chunk; rejects as soon as the content cannot be accepted. */
  async push(chunk: Buffer): Promise<void> {
    this.size += chunk.length;
    if (this.size > this.context.maxBytes) {
      throw new AppError('FILE_TOO_LARGE', { name: this.context.name, limit: formatBytes(this.context.maxBytes) }, { status: 413 });
    }
    this.keepTail(chunk);
    if (this.type === null) {
      this.head.push(chunk);
      this.headLength += chunk.length;
      if (this.headLength >= HEAD_BYTES) await this.recognise();
      return;
    }
    this.walk(chunk);
  }

  /** Ends the inspection: the final checks need the whole file (its end). */
  async finish(): Promise<InspectedContent> {
    if (this.size === 0) throw new AppError('FILE_EMPTY', { name: this.context.name }, { status: 422 });
    if (this.type === null) await this.recognise();
    const type = this.type!;
    const name = this.context.name;
    if (zipEndRecordIn(this.tail, this.size)) throw ambiguous(name, type, 'zip end record');
    if (type === 'application/pdf') {
      const end = this.tail.lastIndexOf('%%EOF', undefined, 'latin1');
      if (end < 0) throw invalid(name, type, 'no %%EOF');
      for (let i = end + 5; i < this.tail.length; i++) if (!PDF_WHITESPACE.has(this.tail[i]!)) throw ambiguous(name, type, 'data after %%EOF');
    } else if (this.jpeg) {
      if (this.jpeg.foreign) throw ambiguous(name, type, 'data after end of image');
      if (this.jpeg.broken) throw invalid(name, type, this.jpeg.broken);
      if (!this.jpeg.complete()) throw invalid(name, type, 'no end of image');
    } else if (this.png) {
      if (this.png.foreign) throw ambiguous(name, type, 'data after IEND');
      if (this.png.broken) throw invalid(name, type, this.png.broken);
      if (!this.png.ended) throw invalid(name, type, 'no IEND');
    }
    return { mediaType: type, size: this.size };
  }

  private keepTail(chunk: Buffer): void {
    this.tail = this.tail.length + chunk.length <= ZIP_EOCD_WINDOW ? Buffer.concat([this.tail, chunk]) : Buffer.concat([this.tail, chunk]).subarray(-ZIP_EOCD_WINDOW);
  }

  private async recognise(): Promise<void> {
    const head = Buffer.concat(this.head);
    this.head = [];
    const detected = await fileTypeFromBuffer(head);
    const type = ACCEPTED_MEDIA_TYPES.find((t) => t === detected?.mime);
    const { name, allowed } = this.context;
    if (!type || !allowed.includes(type)) {
      throw new AppError('FILE_TYPE_NOT_ALLOWED', { name, allowed: allowed.map((t) => MEDIA_TYPE_LABELS[t]).join(', '), detected: detected?.mime ?? 'unknown' }, { status: 415 });
    }
    this.type = type;
    const window = head.subarray(0, SNIFF_WINDOW).toString('latin1');
    if (type === 'application/pdf' && !/^%PDF-\d\.\d/.test(window)) throw invalid(name, type, 'no %PDF-n.n at byte 0');
    if (type !== 'application/pdf' && window.includes('%PDF-')) throw ambiguous(name, type, '%PDF- in the first 1024 bytes');
    if (head.toString('latin1', 257, 262) === 'ustar') throw ambiguous(name, type, 'tar header');
    const marker = htmlMarkerIn(head);
    if (marker) throw ambiguous(name, type, `${marker} in the first 1024 bytes`);
    if (type === 'image/jpeg') this.jpeg = new JpegWalker();
    if (type === 'image/png') this.png = new PngWalker();
    this.walk(head);
  }

  private walk(chunk: Buffer): void {
    this.jpeg?.push(chunk);
    this.png?.push(chunk);
    // A walker stops reading at the first problem; the verdict waits for finish() only when it needs the end.
    const name = this.context.name;
    const type = this.type!;
    if (this.jpeg?.foreign || this.png?.foreign) throw ambiguous(name, type, 'data after the end of the image');
    if (this.jpeg?.broken) throw invalid(name, type, this.jpeg.broken);
    if (this.png?.broken) throw invalid(name, type, this.png.broken);
  }
}

/**
 * Passes `source` through an inspector: yields each chunk once it is checked, and runs the final checks before it
 * ends, so a store writing what it yields never completes (never makes visible) an object that was refused.
 */
export async function* inspected(source: AsyncIterable<Uint8Array>, inspector: ContentInspector, onDone: (result: InspectedContent) => void): AsyncGenerator<Buffer> {
  for await (const chunk of source) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    await inspector.push(buf);
    yield buf;
  }
  onDone(await inspector.finish());
}
