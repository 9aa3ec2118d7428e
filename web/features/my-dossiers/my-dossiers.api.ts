import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from '../../app/api';
import type { RatingAnswers, RatingInvitationView, RatingView } from '../../../contracts/ratings/ratings.contracts';
import type {
  CitizenDossierDetail,
  CitizenDossierResult,
  CitizenDossiersResponse,
  ResubmitSupplementRequest,
  SupplementUploadResponse,
} from '../../../contracts/portal/portal.contracts';

export type { CitizenDossierDetail, CitizenDossierSummary, CitizenDossiersResponse, SupplementUploadResponse } from '../../../contracts/portal/portal.contracts';

const BASE = '/api/v1/citizen/dossiers';
const PAGE_SIZE = 20;

/** React-query keys of "my dossiers". */
export const myDossierKeys = {
  all: ['citizen', 'dossiers'] as const,
  detail: (id: string) => ['citizen', 'dossiers', id] as const,
};

/** The signed-in account's dossiers, newest first, a page at a time ("show more" follows the cursor). */
export function useMyDossiers(enabled: boolean) {
  return useInfiniteQuery({
    queryKey: myDossierKeys.all,
    queryFn: ({ pageParam, signal }) => api.get<CitizenDossiersResponse>(BASE, { pageSize: PAGE_SIZE, after: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

/** One of my dossiers. */
export function useMyDossier(id: string, enabled: boolean) {
  return useQuery({
    queryKey: myDossierKeys.detail(id),
    queryFn: ({ signal }) => api.get<CitizenDossierDetail>(`${BASE}/${id}`, undefined, signal),
    enabled,
    retry: false,
  });
}

/** The electronic result of one of my dossiers (null until the handling unit issues one). */
export function useMyDossierResult(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...myDossierKeys.detail(id), 'result'] as const,
    queryFn: ({ signal }) => api.get<CitizenDossierResult>(`${BASE}/${id}/result`, undefined, signal),
    enabled,
    retry: false,
  });
}

/** Whether my dossier can be rated (once it ended), or the rating I gave. */
export function useMyDossierRating(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...myDossierKeys.detail(id), 'rating'] as const,
    queryFn: ({ signal }) => api.get<RatingInvitationView>(`${BASE}/${id}/rating`, undefined, signal),
    enabled,
    retry: false,
  });
}

/** Rates my ended dossier (once). */
export function useRateMyDossier(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (answers: RatingAnswers) => api.post<RatingView>(`${BASE}/${id}/rating`, answers),
    onSettled: () => client.invalidateQueries({ queryKey: [...myDossierKeys.detail(id), 'rating'] }),
  });
}

/** Where the result (the unit's PDF) or its QR certificate downloads. */
export const myResultFileUrl = (id: string, file: 'result' | 'certificate') => `${BASE}/${id}/result/${file}`;

/** Where a slip or a supplement file opens (a PDF or image in a new tab). */
export const mySlipUrl = (id: string, slip: string) => `${BASE}/${id}/slips/${slip}`;
export const mySupplementFileUrl = (id: string, fileId: string) => `${BASE}/${id}/supplement-files/${fileId}`;

function useDetailUpdate(id: string) {
  const client = useQueryClient();
  return (detail: CitizenDossierDetail) => {
    client.setQueryData(myDossierKeys.detail(id), detail);
    void client.invalidateQueries({ queryKey: myDossierKeys.all, exact: true });
  };
}

/** Attaches files to the open supplement request, for one asked-for paper (`itemIndex`) or none. */
export function useUploadSupplement(id: string) {
  const update = useDetailUpdate(id);
  return useMutation({
    mutationFn: ({ files, itemIndex }: { files: File[]; itemIndex: number | null }) => {
      const form = new FormData();
      // The field first: the server reads the parts in order.
      if (itemIndex !== null) form.append('itemIndex', String(itemIndex));
      for (const f of files) form.append('file', f, f.name);
      return api.upload<SupplementUploadResponse>(`${BASE}/${id}/supplement-files`, form);
    },
    onSuccess: (res) => update(res.dossier),
  });
}

/** Removes a file not yet sent. */
export function useRemoveSupplementFile(id: string) {
  const update = useDetailUpdate(id);
  return useMutation({
    mutationFn: (fileId: string) => apiRequest<CitizenDossierDetail>('DELETE', `${BASE}/${id}/supplement-files/${fileId}`),
    onSuccess: update,
  });
}

/** Sends the supplement: the dossier resumes now. */
export function useResubmitSupplement(id: string) {
  const update = useDetailUpdate(id);
  return useMutation({
    mutationFn: (body: ResubmitSupplementRequest) => api.post<CitizenDossierDetail>(`${BASE}/${id}/supplement`, body),
    onSuccess: update,
  });
}
