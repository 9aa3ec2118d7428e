// SMS length rules (3GPP TS 23.038 alphabets, TS 23.040 concatenation) and what we do with Vietnamese text.
//
// An SMS carries 140 bytes: 160 characters of the GSM 7-bit default alphabet, or 70 UTF-16 units in UCS-2. A longer
// text is sent as a concatenated message whose parts each lose 6 bytes to the reassembly header: 153 GSM-7
// characters or 67 UCS-2 units per part. The GSM-7 extension characters (^ { } \ [ ~ ] | €) take two septets.
// Vietnamese letters with diacritics (ạ, ế, ữ, đ …) are almost all outside GSM-7, so a Vietnamese text with its
// marks must go as UCS-2: 70 characters per single message instead of 160, more than twice the parts and the cost.
// Telecom brand-name customer-care messages are therefore customarily sent without diacritics ("tin không dấu"),
// and that is the default here: marks are removed (đ → d), typographic punctuation becomes ASCII, and anything
// else outside GSM-7 becomes "?". A gateway and brand name registered for Unicode may send the text as written.

const GSM7_BASIC = '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM7_EXTENSION = '^{}\\[~]|€\f';
const BASIC = new Set(GSM7_BASIC);
const EXTENSION = new Set(GSM7_EXTENSION);

/** Single-message and per-part capacities. */
export const SMS_LIMITS = {
  gsm7: { single: 160, part: 153 },
  ucs2: { single: 70, part: 67 },
} as const;

export type SmsEncoding = keyof typeof SMS_LIMITS;

const PUNCTUATION: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u2013': '-',
  '\u2014': '-',
  '\u2026': '...',
  '\u00A0': ' ',
  '\t': ' ',
};

/** Vietnamese without diacritics, in plain ASCII where possible ("Nguyễn Đức" → "Nguyen Duc"). */
export function withoutDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

/** Septets a text takes in GSM-7, or null when a character is outside the alphabet. */
export function gsm7Length(text: string): number | null {
  let n = 0;
  for (const ch of text) {
    if (BASIC.has(ch)) n += 1;
    else if (EXTENSION.has(ch)) n += 2;
    else return null;
  }
  return n;
}

/** Units a text takes in an encoding (septets for GSM-7, UTF-16 units for UCS-2). */
function lengthIn(text: string, encoding: SmsEncoding): number {
  return encoding === 'gsm7' ? (gsm7Length(text) ?? Infinity) : text.length;
}

/** How many parts a text of `length` units needs. */
export function segmentsFor(length: number, encoding: SmsEncoding): number {
  const { single, part } = SMS_LIMITS[encoding];
  return length <= single ? 1 : Math.ceil(length / part);
}

/** The text in GSM-7 only: no diacritics, ASCII punctuation, "?" for the rest. */
export function toGsm7(text: string): string {
  let out = '';
  for (const ch of withoutDiacritics(text)) {
    const mapped = PUNCTUATION[ch] ?? ch;
    for (const c of mapped) out += BASIC.has(c) || EXTENSION.has(c) ? c : '?';
  }
  return out;
}

/** An SMS ready for the gateway. */
export interface PreparedSms {
  text: string;
  encoding: SmsEncoding;
  segments: number;
  /** True when the text was cut to fit `maxSegments`. */
  truncated: boolean;
}

/**
 * Encodes a text for SMS: without diacritics in GSM-7 (default), or as written when `unicode` is allowed (GSM-7 is
 * still used when the text happens to fit it). A text longer than `maxSegments` parts is cut at a word boundary and
 * ends with an ellipsis, so the gateway never splits it into more parts than the province pays for.
 */
export function prepareSms(text: string, options: { unicode: boolean; maxSegments: number }): PreparedSms {
  const normalised = text.replace(/\r\n?/g, '\n').trim();
  const asGsm = options.unicode ? normalised : toGsm7(normalised);
  const encoding: SmsEncoding = gsm7Length(asGsm) === null ? 'ucs2' : 'gsm7';
  const { single, part } = SMS_LIMITS[encoding];
  const capacity = options.maxSegments <= 1 ? single : part * options.maxSegments;
  if (lengthIn(asGsm, encoding) <= capacity) return { text: asGsm, encoding, segments: segmentsFor(lengthIn(asGsm, encoding), encoding), truncated: false };
  const ellipsis = encoding === 'gsm7' ? '...' : '…';
  const room = capacity - lengthIn(ellipsis, encoding);
  // Cut by code points (never inside a surrogate pair), then back to the last space when one is near.
  let cut = '';
  for (const ch of asGsm) {
    if (lengthIn(cut + ch, encoding) > room) break;
    cut += ch;
  }
  const space = cut.lastIndexOf(' ');
  if (space > cut.length - 20) cut = cut.slice(0, space);
  const out = cut.trimEnd() + ellipsis;
  return { text: out, encoding, segments: segmentsFor(lengthIn(out, encoding), encoding), truncated: true };
}
