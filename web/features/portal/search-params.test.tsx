import { describe, expect, it } from 'vitest';
import { readSearchState, writeSearchState } from './search-params';

describe('search state in the URL', () => {
  it('reads known filters and drops invalid ones', () => {
    const s = readSearchState(new URLSearchParams('q=khai%20sinh&level=commune&onlineMode=bogus&page=3'));
    expect(s).toEqual({ q: 'khai sinh', field: undefined, orgUnitId: undefined, level: 'commune', onlineMode: undefined, page: 3 });
  });
  it('writes only what is set and omits page 1', () => {
    expect(writeSearchState({ q: 'ho tich', field: 'Hộ tịch', page: 1 }).toString()).toBe('q=ho+tich&field=H%E1%BB%99+t%E1%BB%8Bch');
  });
});
