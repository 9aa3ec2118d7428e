import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';
import type { SearchProceduresResponse } from '../catalog/catalog.types';

/** A unit that carries out at least one published procedure, for the portal's filter. */
export interface ImplementingUnitOption {
  id: string;
  name: string;
}

/**
 * Units for the "implementing unit" filter. The API has no public unit list yet (docs/api-plan.md, catalog "open point"),
 * so this collects the units of the first 100 published procedures — complete for a small catalogue; the search page
 * adds the units it meets in later results. Replace with the dedicated endpoint once it exists.
 */
export function useImplementingUnits() {
  return useQuery({
    queryKey: ['catalog', 'public', 'implementing-units'],
    queryFn: async () => {
      const page = await api.get<SearchProceduresResponse>('/api/v1/catalog/procedures', { page: 1, pageSize: 100 });
      const units = new Map<string, ImplementingUnitOption>();
      for (const item of page.items) for (const u of item.implementingUnits) units.set(u.id, { id: u.id, name: u.name });
      return [...units.values()];
    },
    staleTime: 300_000,
  });
}
