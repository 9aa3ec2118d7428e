import type { Level, OnlineMode, SearchProceduresQuery } from '../catalog/catalog.types';
import { LEVELS, ONLINE_MODES } from '../catalog/catalog.types';

/** The search page's state, all of it in the URL so a search can be shared and the back button works. */
export type SearchState = Pick<SearchProceduresQuery, 'page'> & Partial<Pick<SearchProceduresQuery, 'q' | 'field' | 'orgUnitId' | 'level' | 'onlineMode'>>;

/** Results per page on the public search. */
export const PAGE_SIZE = 10;

/** Reads the state from the query string, ignoring values the API would reject. */
export function readSearchState(params: URLSearchParams): SearchState {
  const str = (k: string) => params.get(k)?.trim() || undefined;
  const level = str('level');
  const onlineMode = str('onlineMode');
  const page = Number(params.get('page'));
  return {
    q: str('q'),
    field: str('field'),
    orgUnitId: str('orgUnitId'),
    level: level && (LEVELS as readonly string[]).includes(level) ? (level as Level) : undefined,
    onlineMode: onlineMode && (ONLINE_MODES as readonly string[]).includes(onlineMode) ? (onlineMode as OnlineMode) : undefined,
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** Writes the state back; a changed filter goes back to page 1 unless a page is given. */
export function writeSearchState(state: SearchState): URLSearchParams {
  const out = new URLSearchParams();
  for (const key of ['q', 'field', 'orgUnitId', 'level', 'onlineMode'] as const) {
    const v = state[key];
    if (v) out.set(key, v);
  }
  if (state.page > 1) out.set('page', String(state.page));
  return out;
}
