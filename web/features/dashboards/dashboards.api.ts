import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';
import type { IndicatorDossiers, IndicatorSummary } from '../../../contracts/dashboards/dashboards.contracts';
import type { IndicatorMeasure } from '../../../contracts/dossiers/dossiers.values';

/** What the page asks: a unit's code, a period of legal dates, with or without the units below it. */
export interface IndicatorFilter {
  unit: string;
  from: string;
  to: string;
  subtree: boolean;
}

/** A unit's indicators over a period (GET /api/v1/indicators/summary). */
export function useIndicatorSummary(filter: IndicatorFilter | null) {
  return useQuery({
    queryKey: ['indicators', 'summary', filter],
    queryFn: ({ signal }) => api.get<IndicatorSummary>('/api/v1/indicators/summary', { ...filter!, subtree: String(filter!.subtree) }, signal),
    enabled: filter !== null,
  });
}

/** The dossiers behind one number (GET /api/v1/indicators/dossiers), a page at a time by cursor. */
export function useIndicatorDossiers(filter: IndicatorFilter | null, measure: IndicatorMeasure | null) {
  return useInfiniteQuery({
    queryKey: ['indicators', 'dossiers', filter, measure],
    queryFn: ({ pageParam, signal }) =>
      api.get<IndicatorDossiers>(
        '/api/v1/indicators/dossiers',
        { ...filter!, subtree: String(filter!.subtree), measure: measure!, pageSize: 20, after: pageParam ?? undefined },
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled: filter !== null && measure !== null,
  });
}
