import { useMutation, useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';
import type { KioskProof, RatingAnswers, RatingInvitationView, RatingView, RatingsSummary, RatingsSummaryQuery } from '../../../contracts/ratings/ratings.contracts';

const BASE = '/api/v1/ratings';

/** The dossier a rating link invites to rate (the token travels in the query, whose values the server never logs). */
export function useRatingInvitation(token: string | null) {
  return useQuery({
    queryKey: ['ratings', 'invitation', token],
    queryFn: ({ signal }) => api.get<RatingInvitationView>(`${BASE}/invitation`, { token }, signal),
    enabled: !!token,
    retry: false,
    // The page shows a wrong link itself.
    meta: { silent: true },
  });
}

/** Rates by the invitation link. */
export function useRateByInvitation() {
  return useMutation({ mutationFn: (body: RatingAnswers & { token: string }) => api.post<RatingView>(`${BASE}/invitation/rating`, body) });
}

/** The kiosk: finds the dossier of a receipt (code + ID number). */
export function useKioskLookup() {
  return useMutation({ mutationFn: (proof: KioskProof) => api.post<RatingInvitationView>(`${BASE}/kiosk/lookup`, proof) });
}

/** The kiosk: rates the dossier of a receipt. */
export function useRateAtKiosk() {
  return useMutation({ mutationFn: (body: RatingAnswers & KioskProof) => api.post<RatingView>(`${BASE}/kiosk/rating`, body) });
}

/** The satisfaction summary of the units the officer covers. */
export function useRatingsSummary(query: RatingsSummaryQuery) {
  return useQuery({
    queryKey: ['ratings', 'summary', query],
    queryFn: ({ signal }) => api.get<RatingsSummary>(`${BASE}/summary`, { ...query }, signal),
  });
}
