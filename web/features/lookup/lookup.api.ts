import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';
import type { PublicLookup } from '../dossiers/dossiers.types';

/** Public tracking of a dossier by its code (no login; masked applicant). */
export function usePublicLookup(code: string | undefined) {
  return useQuery({
    queryKey: ['dossiers', 'lookup', code],
    queryFn: ({ signal }) => api.get<PublicLookup>(`/api/v1/dossiers/lookup/${encodeURIComponent(code!)}`, undefined, signal),
    enabled: !!code,
    // The page shows an unknown code itself.
    meta: { silent: true },
  });
}
