import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';
import type { AttachResultDocument, AttachResultResponse, DossierResultView, ResultCompareResponse, ResultVerification } from '../../../contracts/dossiers/results.contracts';

export type {
  AttachResultDocument,
  AttachResultResponse,
  DossierResultView,
  IssuedResult,
  ResultCompareResponse,
  ResultVerification,
} from '../../../contracts/dossiers/results.contracts';

const resultKey = (id: string) => ['dossiers', 'result', id] as const;
const resultAtVersion = (id: string, version: number) => [...resultKey(id), version] as const;

/**
 * The electronic result of a dossier (back office): in force, replaced ones, and whether the reader may issue; read
 * again when the dossier's version changes (a transition changes who may issue).
 */
export function useDossierResult(id: string | undefined, version: number) {
  return useQuery({
    queryKey: resultAtVersion(id ?? '', version),
    queryFn: ({ signal }) => api.get<DossierResultView>(`/api/v1/dossiers/${id}/result`, undefined, signal),
    enabled: !!id,
  });
}

/** What the attach-result form sends. */
export interface AttachResultInput {
  file: File;
  paperOriginal: boolean;
  reason?: string;
  /** Number the result in the outgoing series of the signing unit (issue 15 item 6). */
  document?: AttachResultDocument;
}

/** The multipart body of POST /dossiers/:id/result: the text fields first, then the PDF (`document` as JSON). */
export function attachResultForm(input: AttachResultInput): FormData {
  const form = new FormData();
  form.append('paperOriginal', input.paperOriginal ? 'true' : 'false');
  if (input.reason) form.append('reason', input.reason);
  if (input.document) form.append('document', JSON.stringify(input.document));
  form.append('file', input.file);
  return form;
}

/** Issues (or replaces) the result: one PDF, the "paper original" tick, when replacing the reason, and maybe a number. */
export function useAttachResult(id: string, version: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: AttachResultInput) => api.upload<AttachResultResponse>(`/api/v1/dossiers/${id}/result`, attachResultForm(input)),
    onSuccess: (res) => client.setQueryData(resultAtVersion(id, version), res.view),
  });
}

/** Public verification of a result by the token in its QR code (no sign-in). */
export function useResultVerification(token: string | undefined) {
  return useQuery({
    queryKey: ['results', 'verify', token],
    queryFn: ({ signal }) => api.get<ResultVerification>(`/api/v1/results/verify/${encodeURIComponent(token!)}`, undefined, signal),
    enabled: !!token,
    // The page shows an unknown token itself.
    meta: { silent: true },
  });
}

/** Compares a file the visitor holds with the issued one (the server hashes it and keeps nothing). */
export function useCompareResult(token: string) {
  return useMutation({
    mutationFn: (file: File) => {
      const form = new FormData();
      form.append('file', file);
      return api.upload<ResultCompareResponse>(`/api/v1/results/verify/${encodeURIComponent(token)}/compare`, form);
    },
  });
}
