// What the public reads of an answered item: personal data masked (issue 14 item 3). The sender's name becomes
// initials; e-mail addresses, phone numbers and identification numbers are taken out of the published text by pattern
// (NĐ 13/2023/NĐ-CP Điều 2 khoản 3 counts a person's name, phone number and identification numbers as basic personal
// data, which a published answer does not need). Pure functions, tested in feedback.masking.test.ts.

/** What replaces masked data in published text. */
export const MASK = '[đã ẩn]';

/** "Nguyễn Văn An" → "N.V.A."; a name without letters stays masked as a whole. */
export function initialsOf(name: string): string {
  const letters = name
    .trim()
    .split(/\s+/)
    .map((w) => [...w.normalize('NFC')].find((c) => /\p{L}/u.test(c)))
    .filter((c): c is string => c !== undefined)
    .map((c) => `${c.toUpperCase()}.`);
  return letters.length > 0 ? letters.join('') : MASK;
}

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
/** A business's enterprise (tax) code with its branch suffix: 10 digits, a dash, 3 digits (TT 105/2020/TT-BTC Điều 5). */
const TAX_CODE_BRANCH = /(?<!\p{N})\d{10}-\d{3}(?!\p{N})/gu;
/**
 * A phone or ID number as people write it: starting with 0 or +84 and 9 to 12 further digits, single spaces, dots or
 * dashes allowed between them ("0912 345 678", "+84.912.345.678", "001 090 012 345"). Amounts with thousands dots
 * ("150.000.000") do not start with 0 and are kept.
 */
const PHONE_OR_ID = /(?<![\p{N}\p{L}])(?:\+84[ .-]?|0)\d(?:[ .-]?\d){7,11}(?![\p{N}])/gu;
/** Any unbroken run of 9 to 13 digits: an ID card (9 or 12), a tax code (10), a phone written without spaces, an account. */
const DIGIT_RUN = /(?<![\p{N}])\d{9,13}(?![\p{N}])/gu;

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * `text` with e-mail addresses, phone numbers, identification and tax numbers replaced by MASK, and each of `names`
 * (the sender's full name as written) replaced by its initials.
 */
export function maskPersonalData(text: string, names: readonly string[] = []): string {
  let out = text.normalize('NFC').replace(EMAIL, MASK).replace(TAX_CODE_BRANCH, MASK).replace(PHONE_OR_ID, MASK).replace(DIGIT_RUN, MASK);
  for (const name of names) {
    const trimmed = name.normalize('NFC').trim();
    // A one-word name would also mask ordinary words ("An", "Bình"): only full names of two words or more.
    if (trimmed.split(/\s+/).length < 2) continue;
    out = out.replace(new RegExp(escapeRegex(trimmed).replace(/\s+/g, '\\s+'), 'giu'), initialsOf(trimmed));
  }
  return out;
}

/** The published copy of an answered item. */
export interface PublishedCopy {
  title: string;
  content: string;
  answer: string;
  senderName: string;
}

/** Masks an item's title, content and answer for publication; the sender's name becomes initials everywhere. */
export function publishedCopyOf(item: { title: string; content: string; answer: string; senderName: string }): PublishedCopy {
  const names = [item.senderName];
  return {
    title: maskPersonalData(item.title, names),
    content: maskPersonalData(item.content, names),
    answer: maskPersonalData(item.answer, names),
    senderName: initialsOf(item.senderName),
  };
}
