import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';
import type { IndicatorSummary } from '../../../contracts/dashboards/dashboards.contracts';

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
