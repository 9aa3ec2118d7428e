import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest, type Query } from '../../app/api';
import type { PublicProcedure } from '../catalog/catalog.types';
import type {
  AttachFilesResponse,
  Completeness,
  DeskDecisionRequest,
  DeskQueueQuery,
  DeskQueueResponse,
  ListMySubmissionsResponse,
  ListReceptionDesksResponse,
  SaveSubmissionRequest,
  StartSubmissionRequest,
  SubmissionDetail,
} from './submissions.types';

const BASE = '/api/v1/submissions';

/** React-query keys of online submissions (portal and desk). */
export const submissionKeys = {
  mine: ['submissions', 'mine'] as const,
  detail: (id: string) => ['submissions', 'detail', id] as const,
  missing: (id: string) => ['submissions', 'missing', id] as const,
  desks: ['submissions', 'desks'] as const,
  queue: ['submissions', 'desk', 'queue'] as const,
  deskDetail: (id: string) => ['submissions', 'desk', 'detail', id] as const,
};

/** A procedure's version in force by its stable id (the portal's submit page is addressed by it). */
export function useProcedureById(procedureId: string | undefined) {
  return useQuery({
    queryKey: ['catalog', 'public', 'procedure-by-id', procedureId],
    queryFn: ({ signal }) => api.get<PublicProcedure>(`/api/v1/catalog/procedures/by-id/${procedureId}`, undefined, signal),
    enabled: !!procedureId,
    meta: { silent: true },
  });
}

/** The signed-in account's online applications, most recently changed first. */
export function useMySubmissions(query: { page?: number; pageSize?: number } = {}, enabled = true) {
  return useQuery({
    queryKey: [...submissionKeys.mine, query],
    queryFn: ({ signal }) => api.get<ListMySubmissionsResponse>(BASE, query as Query, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The one-stop desks an application may be sent to. */
export function useReceptionDesks(enabled = true) {
  return useQuery({
    queryKey: submissionKeys.desks,
    queryFn: async ({ signal }) => (await api.get<ListReceptionDesksResponse>(`${BASE}/desks`, undefined, signal)).items,
    staleTime: 300_000,
    enabled,
  });
}

/** One of the account's applications (the page shows a missing or forbidden one itself). */
export function useSubmission(id: string | undefined) {
  return useQuery({
    queryKey: submissionKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<SubmissionDetail>(`${BASE}/${id}`, undefined, signal),
    enabled: !!id,
    // Autosave keeps the page's own copy current; a refetch on focus would only race it.
    refetchOnWindowFocus: false,
    meta: { silent: true },
  });
}

/** What still stops the application from being submitted (GET /missing: the checks submitting runs). */
export function useMissing(id: string | undefined, enabled = true) {
  return useQuery({
    queryKey: submissionKeys.missing(id ?? ''),
    queryFn: ({ signal }) => api.get<Completeness>(`${BASE}/${id}/missing`, undefined, signal),
    enabled: !!id && enabled,
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: false,
  });
}

/** Keeps the detail and the lists current after a change of the application. */
function useStore() {
  const client = useQueryClient();
  return (s: SubmissionDetail) => {
    client.setQueryData(submissionKeys.detail(s.id), s);
    void client.invalidateQueries({ queryKey: submissionKeys.missing(s.id) });
    void client.invalidateQueries({ queryKey: submissionKeys.mine });
  };
}

/** Starts a draft for a procedure offered online. */
export function useStartSubmission() {
  const store = useStore();
  return useMutation({ mutationFn: (body: StartSubmissionRequest) => api.post<SubmissionDetail>(BASE, body), onSuccess: store });
}

/** Saves a draft (PATCH with the version last read; a stale one is 409 with `current`). The caller stores the answer. */
export function saveSubmission(id: string, body: SaveSubmissionRequest): Promise<SubmissionDetail> {
  return apiRequest<SubmissionDetail>('PATCH', `${BASE}/${id}`, { body });
}

/** Attaches files to one required document (multipart). */
export function useAttachFiles(id: string) {
  const store = useStore();
  return useMutation({
    mutationFn: ({ key, files }: { key: string; files: File[] }) => {
      const form = new FormData();
      for (const f of files) form.append('file', f, f.name);
      return api.upload<AttachFilesResponse>(`${BASE}/${id}/requirements/${encodeURIComponent(key)}/files`, form);
    },
    onSuccess: (res) => store(res.submission),
  });
}

/** Removes an attached file. */
export function useRemoveFile(id: string) {
  const store = useStore();
  return useMutation({ mutationFn: (fileId: string) => apiRequest<SubmissionDetail>('DELETE', `${BASE}/${id}/files/${fileId}`), onSuccess: store });
}

/** Submits (or submits again after a guide). */
export function useSubmitSubmission(id: string) {
  const store = useStore();
  return useMutation({ mutationFn: (version: number) => api.post<SubmissionDetail>(`${BASE}/${id}/submit`, { version }), onSuccess: store });
}

/** Withdraws the application before the desk decides. */
export function useWithdrawSubmission(id: string) {
  const store = useStore();
  return useMutation({
    mutationFn: (body: { version: number; reason?: string | null }) => api.post<SubmissionDetail>(`${BASE}/${id}/withdraw`, body),
    onSuccess: store,
  });
}

// ---------------------------------------------------------------- desk

/** Online applications awaiting reception at the officer's desks, oldest first (keyset pages). */
export function useDeskQueue(query: Partial<DeskQueueQuery>) {
  return useQuery({
    queryKey: [...submissionKeys.queue, query],
    queryFn: ({ signal }) => api.get<DeskQueueResponse>(`${BASE}/desk/queue`, query as Query, signal),
    placeholderData: keepPreviousData,
  });
}

/** An application sent to the officer's desk. */
export function useDeskSubmission(id: string | undefined) {
  return useQuery({
    queryKey: submissionKeys.deskDetail(id ?? ''),
    queryFn: ({ signal }) => api.get<SubmissionDetail>(`${BASE}/desk/${id}`, undefined, signal),
    enabled: !!id,
    meta: { silent: true },
  });
}

/** The desk's decision: accept (a dossier), guide (Mẫu 02) or refuse (Mẫu 03). */
export function useDeskDecision(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: DeskDecisionRequest) => api.post<SubmissionDetail>(`${BASE}/desk/${id}/decision`, body),
    onSuccess: (s) => {
      client.setQueryData(submissionKeys.deskDetail(id), s);
      void client.invalidateQueries({ queryKey: submissionKeys.queue });
    },
  });
}
