import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';
import type { ImplementingUnitsResponse } from '../../../contracts/catalog/catalog.contracts';

/** A unit that carries out at least one procedure in force, with how many, for the portal's filter. */
export type ImplementingUnitOption = ImplementingUnitsResponse['items'][number];

/** Units for the "implementing unit" filter (public GET /catalog/implementing-units), sorted by name. */
export function useImplementingUnits() {
  return useQuery({
    queryKey: ['catalog', 'public', 'implementing-units'],
    queryFn: async () => (await api.get<ImplementingUnitsResponse>('/api/v1/catalog/implementing-units')).items,
    staleTime: 300_000,
  });
}
