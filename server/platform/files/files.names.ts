import type { AcceptedMediaType } from './files.types';

/** The extensions each accepted type may carry; the first is the one given to a name that carries none of them. */
export const MEDIA_TYPE_EXTENSIONS: Readonly<Record<AcceptedMediaType, readonly string[]>> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
};

/** Longest display name kept, in characters (graphemes) and in UTF-8 bytes (most file systems stop at 255). */
export const DISPLAY_NAME_MAX_CHARS = 120;
const DISPLAY_NAME_MAX_BYTES = 240;
const FALLBACK_STEM = 'tep';

// Unicode general categories removed outright: controls (C0, DEL, C1), format characters (bidi overrides and
// isolates such as U+202E that make "gpj.exe" display as "exe.jpg", zero-width joiners, BOM, soft hyphen),
// unpaired surrogates and private-use characters, none of which belongs in a name shown to an officer.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}]/gu;
// Characters Windows refuses in file names; an officer who saves the file must not get a different name.
const RESERVED = /[<>:"|?*]/g;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
// What counts as an extension when deciding whether the client's one is right: letters first, then up to 4 letters
// or digits ("pdf", "jpeg", "exe", "tar", "mp4"). "Quyết định số 12.2024" keeps its ".2024", which is part of the name.
const EXTENSION = /\.([a-z][a-z0-9]{0,4})$/i;

const segmenter = new Intl.Segmenter('vi', { granularity: 'grapheme' });

function truncate(text: string, maxChars: number, maxBytes: number): string {
  let out = '';
  let chars = 0;
  for (const { segment } of segmenter.segment(text)) {
    if (chars + 1 > maxChars || Buffer.byteLength(out + segment) > maxBytes) break;
    out += segment;
    chars++;
  }
  return out;
}

/** The last path component, NFC, without invisible or Windows-reserved characters, leading dots or trailing dots and spaces. */
function cleanName(clientName: string | undefined): string {
  let text = (clientName ?? '').normalize('NFC');
  text = text.split(/[/\\]/).pop() ?? '';
  text = text
    .replace(/[\u2028\u2029]/g, ' ')
    .replace(INVISIBLE, '')
    .replace(RESERVED, '_');
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .replace(/[. ]+$/, '')
    .trim();
}

/** The client's name made safe to quote in a message before the content's type is known (no extension change). */
export function nameForMessages(clientName: string | undefined): string {
  return truncate(cleanName(clientName), DISPLAY_NAME_MAX_CHARS, DISPLAY_NAME_MAX_BYTES) || FALLBACK_STEM;
}

/** The result of naming an accepted file. */
export interface DisplayName {
  name: string;
  /** True when the client's extension was not one of the content's type and was replaced or added. */
  extensionCorrected: boolean;
}

/**
 * The name an uploaded file is shown and downloaded under, from the client's file name and the type its content
 * was recognised as. Only the last path component is kept (`../../etc/passwd` → `passwd.pdf`, `C:\x\y.png` →
 * `y.png`); invisible and Windows-reserved characters are removed or replaced; the text is NFC (Vietnamese letters
 * composed, as they are typed on Vietnamese keyboards); leading dots and trailing dots or spaces go; and the
 * extension always tells the truth: one that is not of the content's type is replaced (a PNG named `scan.pdf` is
 * shown as `scan.png`), a missing one is added. The stem is cut to fit DISPLAY_NAME_MAX_CHARS with the extension.
 * The name is only ever shown: storage keys never derive from it.
 */
export function sanitizeDisplayName(clientName: string | undefined, mediaType: AcceptedMediaType): DisplayName {
  const extensions = MEDIA_TYPE_EXTENSIONS[mediaType];
  const text = cleanName(clientName);
  let stem = text;
  let extension = extensions[0]!;
  let extensionCorrected = true;
  const found = EXTENSION.exec(text);
  if (found) {
    const given = found[1]!.toLowerCase();
    stem = text.slice(0, found.index);
    if (extensions.includes(given)) {
      extension = given;
      extensionCorrected = false;
    }
  }
  stem = stem.replace(/[. ]+$/, '').trim();
  if (stem === '' || WINDOWS_DEVICE.test(stem)) stem = stem === '' ? FALLBACK_STEM : `_${stem}`;
  stem = truncate(stem, DISPLAY_NAME_MAX_CHARS - extension.length - 1, DISPLAY_NAME_MAX_BYTES - extension.length - 1).trim() || FALLBACK_STEM;
  return { name: `${stem}.${extension}`, extensionCorrected };
}

// RFC 5987 attr-char: what may stay unencoded in `filename*`; encodeURIComponent also leaves ' ( ) * alone.
const encodeRfc5987 = (text: string) => encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** An ASCII stand-in for old clients that ignore `filename*`: accents removed (đ → d), anything else non-ASCII → _. */
function asciiFallback(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\%]/g, '_');
}

/**
 * A Content-Disposition value (RFC 6266) carrying the name twice: `filename="<ASCII>"` for old clients and
 * `filename*=UTF-8''<percent-encoded>` (RFC 8187), which every current browser prefers, so Vietnamese names arrive
 * whole. `inline` lets the browser show a PDF or image; `attachment` makes it a download.
 */
export function contentDisposition(name: string, disposition: 'inline' | 'attachment'): string {
  return `${disposition}; filename="${asciiFallback(name)}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}
