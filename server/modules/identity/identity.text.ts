import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/**
 * Text helpers shared by identity and reused by other modules through index.ts:
 * the diacritic-insensitive search key, phone normalisation and the legal "today".
 */

/** Lower-case, strips Vietnamese diacritics (NFD + combining marks, đ→d) and collapses spaces: "Phường Hạc Thành" → "phuong hac thanh". */
export function normaliseSearch(text: string): string {
  return text.toLowerCase().replace(/đ/g, 'd').normalize('NFD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ').trim();
}

/** Splits a search query into normalised words; each must occur in the row's search text. */
export function searchTokens(q: string | undefined): string[] {
  if (!q) return [];
  return normaliseSearch(q).split(' ').filter(Boolean).slice(0, 8);
}

/** Escapes LIKE wildcards so user input matches literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One condition per query word: the word must start a word of the normalised `column`, so "ha thanh" finds
 * "phuong hac thanh" but not "uy ban nhan dan tinh thanh hoa" (where "ha" only occurs inside words).
 */
export function searchConditions(column: AnyColumn, q: string | undefined): SQL[] {
  return searchTokens(q).map((t) => sql`${column} ~ ${`(^|[^a-z0-9])${escapeRegex(t)}`}`);
}

/** Stores phones one way: digits only, "+84" written as the domestic "0". */
export function normalisePhone(phone: string): string {
  const digits = phone.replace(/[ .-]/g, '');
  return digits.startsWith('+84') ? `0${digits.slice(3)}` : digits;
}

const VN_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date in Asia/Ho_Chi_Minh (domain README §19 row 1) as YYYY-MM-DD. */
export function vietnamDate(at: Date): string {
  return VN_DATE.format(at);
}
