/** Lower-cases and strips Vietnamese diacritics (including đ) so "Ha Noi" matches "Hà Nội". */
export function foldVietnamese(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

/** Case- and diacritic-insensitive "contains". */
export function looselyIncludes(haystack: string, needle: string): boolean {
  return foldVietnamese(haystack).includes(foldVietnamese(needle.trim()));
}
