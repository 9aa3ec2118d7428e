import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, withQuery, type Query } from '../../app/api';
import type { DOSSIER_SLIPS } from '../../../contracts/dossiers/dossiers.contracts';
import type { ApologyRequest, DossierDetail, IntakeRequest, IntakeResponse, ListDossiersQuery, ListDossiersResponse, TransitionRequest } from './dossiers.types';

const BASE = '/api/v1/dossiers';

/** React-query keys of the dossiers module. */
export const dossierKeys = {
  all: ['dossiers'] as const,
  lists: ['dossiers', 'list'] as const,
  detail: (id: string) => ['dossiers', 'detail', id] as const,
};

/** A queue page (mine / unit / due soon / overdue / at risk / all). */
export function useDossierQueue(query: Partial<ListDossiersQuery>) {
  return useQuery({
    queryKey: [...dossierKeys.lists, query],
    queryFn: ({ signal }) => api.get<ListDossiersResponse>(BASE, query as Query, signal),
    placeholderData: keepPreviousData,
  });
}

/** One dossier with the transitions the signed-in officer may make now. */
export function useDossier(id: string | undefined) {
  return useQuery({
    queryKey: dossierKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<DossierDetail>(`${BASE}/${id}`, undefined, signal),
    enabled: !!id,
    // The detail page shows a missing or forbidden dossier itself.
    meta: { silent: true },
  });
}

function useStoreDetail() {
  const client = useQueryClient();
  return (dossier: DossierDetail) => {
    client.setQueryData(dossierKeys.detail(dossier.id), dossier);
    void client.invalidateQueries({ queryKey: dossierKeys.lists });
  };
}

/** Reception at the desk: accept (a dossier), guide to supplement or refuse (a numbered slip, no dossier). */
export function useIntake() {
  const store = useStoreDetail();
  return useMutation({
    mutationFn: (body: IntakeRequest) => api.post<IntakeResponse>(`${BASE}/intake`, body),
    onSuccess: (res) => {
      if (res.decision === 'accept') store(res.dossier);
    },
  });
}

/** One status change; the body carries `expectedVersion` so a stale screen gets 409 VERSION_CONFLICT. */
export function useTransition(id: string) {
  const store = useStoreDetail();
  return useMutation({
    mutationFn: (body: TransitionRequest) => api.post<DossierDetail>(`${BASE}/${id}/transitions`, body),
    onSuccess: store,
  });
}

/** Mẫu 04: apology and a new return date (once per dossier). */
export function useApology(id: string) {
  const store = useStoreDetail();
  return useMutation({
    mutationFn: (body: ApologyRequest) => api.post<DossierDetail>(`${BASE}/${id}/apology`, body),
    onSuccess: store,
  });
}

/** The slips a dossier can print (DOSSIER_SLIPS of the contract; docs/api-plan-dossiers.md "Slips"). */
export type DossierSlip = (typeof DOSSIER_SLIPS)[number];

/** URL of a dossier's slip PDF (opened in a new tab). */
export const slipUrl = (id: string, slip: DossierSlip): string => `${BASE}/${id}/slips/${slip}`;

/** URL of the Mẫu 02 / Mẫu 03 PDF of an intake decision. */
export const intakeDecisionSlipUrl = (id: string): string => `${BASE}/intake-decisions/${id}/slip`;

/** URL of the Mẫu 07 tracking book (Excel) of a receiving unit for a period (`YYYY-MM-DD`, inclusive). */
export const trackingBookUrl = (query: { receivingUnitId: string; from: string; to: string }): string => withQuery(`${BASE}/tracking-book`, query);
