import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Query } from '../../app/api';
import type {
  WorklistQuery,
  WorklistResponse,
  CreateProcedureRequest,
  FieldsResponse,
  ImportReport,
  ListVersionsQuery,
  ListVersionsResponse,
  ProcedureVersion,
  PublicProcedure,
  PublishRequest,
  SearchProceduresQuery,
  SearchProceduresResponse,
  UpdateProcedureRequest,
  WithdrawRequest,
} from './catalog.types';

const BASE = '/api/v1/catalog';

/** React-query keys of the catalog module. */
export const catalogKeys = {
  public: ['catalog', 'public'] as const,
  admin: ['catalog', 'admin'] as const,
};

// ---------------------------------------------------------------- public

/** Public search over published procedures (diacritic-insensitive `q`). */
export function useProcedureSearch(query: Partial<SearchProceduresQuery>) {
  return useQuery({
    queryKey: [...catalogKeys.public, 'search', query],
    queryFn: ({ signal }) => api.get<SearchProceduresResponse>(`${BASE}/procedures`, query as Query, signal),
    placeholderData: keepPreviousData,
    meta: { silent: true },
  });
}

/** The current published version of a procedure, by code. */
export function usePublicProcedure(code: string | undefined) {
  return useQuery({
    queryKey: [...catalogKeys.public, 'procedure', code],
    queryFn: ({ signal }) => api.get<PublicProcedure>(`${BASE}/procedures/${encodeURIComponent(code!)}`, undefined, signal),
    enabled: !!code,
    meta: { silent: true },
  });
}

/** Fields (lĩnh vực) with their number of published procedures. */
export function useFields() {
  return useQuery({ queryKey: [...catalogKeys.public, 'fields'], queryFn: () => api.get<FieldsResponse>(`${BASE}/fields`), staleTime: 300_000 });
}

// ---------------------------------------------------------------- back office

/** Procedure versions for the editor's list. */
export function useVersions(query: Partial<ListVersionsQuery>, enabled = true) {
  return useQuery({
    queryKey: [...catalogKeys.admin, 'versions', query],
    queryFn: ({ signal }) => api.get<ListVersionsResponse>(`${BASE}/admin/procedures`, query as Query, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The data-quality worklist (GET /admin/quality). */
export function useQualityWorklist(query: Partial<WorklistQuery>) {
  return useQuery({
    queryKey: [...catalogKeys.admin, 'quality', query],
    queryFn: ({ signal }) => api.get<WorklistResponse>(`${BASE}/admin/quality`, query as Query, signal),
    placeholderData: keepPreviousData,
  });
}

/** One version with its workflow and the caller's permitted actions. */
export function useVersion(id: string | undefined) {
  return useQuery({
    queryKey: [...catalogKeys.admin, 'version', id],
    queryFn: ({ signal }) => api.get<ProcedureVersion>(`${BASE}/admin/procedures/${id}`, undefined, signal),
    enabled: !!id,
    meta: { silent: true },
  });
}

function useCatalogMutation<TInput>(fn: (input: TInput) => Promise<ProcedureVersion>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (version) => {
      client.setQueryData([...catalogKeys.admin, 'version', version.id], version);
      // Other versions of the same procedure change too (publish ends the previous one; a new draft blocks "new version").
      void client.invalidateQueries({ queryKey: catalogKeys.admin, predicate: (q) => q.queryKey[3] !== version.id });
      void client.invalidateQueries({ queryKey: catalogKeys.public });
    },
  });
}

/** Creates a new procedure as a draft. */
export const useCreateProcedure = () => useCatalogMutation((body: CreateProcedureRequest) => api.post<ProcedureVersion>(`${BASE}/admin/procedures`, body));
/** Saves a draft (optimistic `version` check). */
export const useUpdateProcedure = () =>
  useCatalogMutation(({ id, ...body }: UpdateProcedureRequest & { id: string }) => api.put<ProcedureVersion>(`${BASE}/admin/procedures/${id}`, body));
/** Publishes a draft; the previous published version ends. */
export const usePublishProcedure = () =>
  useCatalogMutation(({ id, ...body }: PublishRequest & { id: string }) => api.post<ProcedureVersion>(`${BASE}/admin/procedures/${id}/publish`, body));
/** Withdraws a published version. */
export const useWithdrawProcedure = () =>
  useCatalogMutation(({ id, ...body }: WithdrawRequest & { id: string }) => api.post<ProcedureVersion>(`${BASE}/admin/procedures/${id}/withdraw`, body));
/** Starts a new draft copied from a published version. */
export const useNewVersion = () => useCatalogMutation(({ id }: { id: string }) => api.post<ProcedureVersion>(`${BASE}/admin/procedures/${id}/new-version`));

/** Uploads a `.json` or `.xlsx` catalogue; `dryRun` only validates. */
export function useImportProcedures() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, dryRun, publish }: { file: File; dryRun: boolean; publish: boolean }) => {
      const form = new FormData();
      form.append('file', file, file.name);
      return api.upload<ImportReport>(`${BASE}/admin/imports`, form, { dryRun, publish });
    },
    onSuccess: (report) => {
      if (!report.dryRun) void client.invalidateQueries({ queryKey: ['catalog'] });
    },
  });
}
