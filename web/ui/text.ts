/** Lower-cases and strips Vietnamese diacritics (including đ) so "Ha Noi" matches "Hà Nội". */
export function foldVietnamese(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
}

/** Case- and diacritic-insensitive "contains". */
export function looselyIncludes(haystack: string, needle: string): boolean {
  return foldVietnamese(haystack).includes(foldVietnamese(needle.trim()));
}

/** A share from 0 to 1 as a Vietnamese-style percentage ("97,5 %"); an em dash when nothing was counted (null). */
export function formatShare(share: number | null): string {
  return share === null ? '—' : `${(share * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} %`;
}
