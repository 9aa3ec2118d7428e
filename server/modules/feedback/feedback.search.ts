// Search keys of items, diacritic-insensitive like the catalogue's search (identity's normaliseSearch: lower case,
// diacritics stripped): the officers' key (code and title) and the public key (the masked published text only), and
// the words a "similar items" query is matched by.
import { normaliseSearch } from '../identity';

/** Words of `text` without diacritics or punctuation, separated by one space: "Đăng ký, khai sinh!" → "dang ky khai sinh". */
export function searchWords(text: string): string {
  return normaliseSearch(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The officers' search key: the code and the title. */
export function itemSearchText(code: string, title: string): string {
  return `${code.toLowerCase()} ${searchWords(title)}`;
}

/** The public search key: only what is published (masked title, content and answer), so nothing personal is searchable. */
export function publishedSearchText(p: { title: string; content: string; answer: string }): string {
  return searchWords(`${p.title} ${p.content} ${p.answer}`);
}

// Vietnamese syllables too common to tell two items apart (conjunctions, pronouns, particles). Without diacritics some
// stand for several words, so those that also start meaningful ones are left out (dang: đang/đăng ký, tu: từ/tư pháp,
// ban: bạn/bản sao, chi: chị/chi phí, con: còn/con cái).
const STOP_WORDS = new Set(
  'va cua la cho toi khong duoc co cac nhung mot trong voi de thi nay do ve tai khi da se nguoi xin hoi lam theo den bi nhu gi nao sao vi rat cung hay hoac neu ma o ra len the chung anh em ong ba minh vay nhe oi muon'.split(
    ' ',
  ),
);

/** What a similar-items query is matched by: its distinctive words (at most 12) and the pairs of adjacent ones. */
export interface SimilarTerms {
  words: string[];
  pairs: string[];
  /** How many of `words` an item must contain to be suggested. */
  minWords: number;
}

/** The terms of a similar-items query; null when it has no distinctive word. */
export function similarTerms(q: string): SimilarTerms | null {
  const all = searchWords(q).split(' ').filter(Boolean);
  const words = [...new Set(all.filter((w) => !STOP_WORDS.has(w) && (w.length > 1 || /\d/.test(w))))].slice(0, 12);
  if (words.length === 0) return null;
  const pairs: string[] = [];
  for (let i = 0; i + 1 < all.length; i++) if (words.includes(all[i]!) && words.includes(all[i + 1]!)) pairs.push(`${all[i]} ${all[i + 1]}`);
  return { words, pairs: [...new Set(pairs)].slice(0, 12), minWords: words.length === 1 ? 1 : Math.max(2, Math.ceil(words.length / 2)) };
}

/** Words of a public search query; each must occur in the published text. */
export function queryWords(q: string | undefined): string[] {
  return q ? searchWords(q).split(' ').filter(Boolean).slice(0, 8) : [];
}
