// Search text of documents: lower case, accent-free words (identity's normaliseSearch, as feedback builds its keys), so
// "quyet dinh" finds "Quyết định". Built in JS rather than with unaccent(): PGlite ships no unaccent extension.
import { normaliseSearch } from '../identity';

/** Words of `text` without diacritics or punctuation, separated by one space: "125/UBND-VP Quyết định" → "125 ubnd vp quyet dinh". */
export function searchWords(text: string): string {
  return normaliseSearch(text)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The search text of a document from its searchable parts (subject, number/symbol, sender, file names…). */
export const documentSearchText = (parts: ReadonlyArray<string | null | undefined>): string => searchWords(parts.filter(Boolean).join(' '));

/** A query as a tsquery over the words' GIN index: every word must start a word of the document ("quyet dinh" → 'quyet':* & 'dinh':*). */
export function searchQuery(q: string | undefined): string | null {
  const words = q ? searchWords(q).split(' ').filter(Boolean).slice(0, 8) : [];
  return words.length ? words.map((w) => `'${w}':*`).join(' & ') : null;
}
