import type { PublicFeedbackQuery } from '../../../contracts/feedback/feedback.contracts';

/** The public list's search, all of it in the URL so a search can be shared and the back button works. */
export type PublicSearchState = Pick<PublicFeedbackQuery, 'page'> & Partial<Pick<PublicFeedbackQuery, 'q' | 'procedureCode' | 'field' | 'unitId'>>;

/** Items per page on the public list. */
export const PUBLIC_PAGE_SIZE = 10;

const KEYS = ['q', 'procedureCode', 'field', 'unitId'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reads the search from the query string, leaving out values the API would refuse. */
export function readPublicSearch(params: URLSearchParams): PublicSearchState {
  const str = (k: string, max: number) => {
    const v = params.get(k)?.trim();
    return v && v.length <= max ? v : undefined;
  };
  const unitId = str('unitId', 36);
  const page = Number(params.get('page'));
  return {
    q: str('q', 200),
    procedureCode: str('procedureCode', 60),
    field: str('field', 300),
    unitId: unitId && UUID.test(unitId) ? unitId : undefined,
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** Writes the search back; page 1 is left out. */
export function writePublicSearch(state: PublicSearchState): URLSearchParams {
  const out = new URLSearchParams();
  for (const key of KEYS) {
    const v = state[key];
    if (v) out.set(key, v);
  }
  if (state.page > 1) out.set('page', String(state.page));
  return out;
}
