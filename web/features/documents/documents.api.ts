import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, withQuery, type Query } from '../../app/api';
import type {
  CreateOutgoingRequest,
  DocumentSettings,
  DocumentSettingsRequest,
  LeadCandidates,
  DocumentTypeList,
  IncomingDetail,
  IncomingList,
  IncomingListQuery,
  OutgoingDetail,
  OutgoingList,
  OutgoingListQuery,
  RegisterIncomingRequest,
  UpdateOutgoingRequest,
} from '../../../contracts/documents/documents.contracts';

/** Where the documents API lives. */
export const DOCUMENTS_API = '/api/v1/documents';

/** Paths of the documents pages (router.tsx). */
export const DOCUMENT_PATHS = {
  incoming: '/admin/documents/incoming',
  incomingNew: '/admin/documents/incoming/new',
  incomingOne: (id: string) => `/admin/documents/incoming/${encodeURIComponent(id)}`,
  outgoing: '/admin/documents/outgoing',
  outgoingNew: '/admin/documents/outgoing/new',
  outgoingOne: (id: string) => `/admin/documents/outgoing/${encodeURIComponent(id)}`,
  settings: '/admin/documents/settings',
};

/** React-query keys; texts the server translates (states, history) carry the language. */
export const documentKeys = {
  all: ['documents'] as const,
  types: ['documents', 'types'] as const,
  settings: (unitId: string) => ['documents', 'settings', unitId] as const,
  incomingList: (query: Partial<IncomingListQuery>, lang: string) => ['documents', 'incoming', 'list', query, lang] as const,
  incoming: (id: string, lang: string) => ['documents', 'incoming', 'one', id, lang] as const,
  outgoingList: (query: Partial<OutgoingListQuery>, lang: string) => ['documents', 'outgoing', 'list', query, lang] as const,
  outgoing: (id: string, lang: string) => ['documents', 'outgoing', 'one', id, lang] as const,
};

const id = (v: string) => encodeURIComponent(v);

/** The address of a document's file (authorised as the document). */
export const documentFileUrl = (fileId: string): string => `${DOCUMENTS_API}/files/${id(fileId)}`;

/** The address of a unit's yearly register as Excel (Phụ lục IV's columns). */
export const bookUrl = (kind: 'incoming' | 'outgoing', unitId: string, year: number): string => withQuery(`${DOCUMENTS_API}/books/${kind}.xlsx`, { unitId, year });

/** The 29 document types of NĐ 30/2020 Phụ lục III (they never change while the page is open). */
export function useDocumentTypes() {
  return useQuery({
    queryKey: documentKeys.types,
    queryFn: ({ signal }) => api.get<DocumentTypeList>(`${DOCUMENTS_API}/types`, undefined, signal),
    staleTime: Infinity,
  });
}

// ---------------------------------------------------------------- settings

/** A unit's abbreviation and numbering series (the defaults with version 0 while none are saved). */
export function useDocumentSettings(unitId: string | undefined) {
  return useQuery({
    queryKey: documentKeys.settings(unitId ?? ''),
    queryFn: ({ signal }) => api.get<DocumentSettings>(`${DOCUMENTS_API}/settings/${id(unitId!)}`, undefined, signal),
    enabled: !!unitId,
    retry: false,
  });
}

/** Saves a unit's settings on the version the administrator saw (0 for the first save). */
export function useSaveDocumentSettings(unitId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: DocumentSettingsRequest) => api.put<DocumentSettings>(`${DOCUMENTS_API}/settings/${id(unitId)}`, body),
    onSuccess: (saved) => client.setQueryData(documentKeys.settings(saved.unitId), saved),
  });
}

// ---------------------------------------------------------------- incoming

/** The incoming register of the officer's units, newest arrival number first, a page at a time. */
export function useIncomingList(query: Partial<IncomingListQuery>) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: documentKeys.incomingList(query, i18n.language),
    queryFn: ({ signal }) => api.get<IncomingList>(`${DOCUMENTS_API}/incoming`, query as Query, signal),
    placeholderData: keepPreviousData,
  });
}

/** One incoming document with its files, history and the actions the officer may take (the page shows a failure itself). */
export function useIncoming(documentId: string | undefined) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: documentKeys.incoming(documentId ?? '', i18n.language),
    queryFn: ({ signal }) => api.get<IncomingDetail>(`${DOCUMENTS_API}/incoming/${id(documentId!)}`, undefined, signal),
    enabled: !!documentId,
    retry: false,
    meta: { silent: true },
  });
}

/** The persons the leader may name as the lead of an incoming document (fetched while the assign dialog is open). */
export function useLeadCandidates(documentId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...documentKeys.all, 'incoming', 'lead-candidates', documentId],
    queryFn: ({ signal }) => api.get<LeadCandidates>(`${DOCUMENTS_API}/incoming/${id(documentId)}/lead-candidates`, undefined, signal),
    enabled,
  });
}

/** A document's detail after a change: stored for its page at once, every list read again. */
function useChanged(kind: 'incoming' | 'outgoing') {
  const client = useQueryClient();
  const { i18n } = useTranslation();
  return (detail: { id: string }) => {
    client.setQueryData(kind === 'incoming' ? documentKeys.incoming(detail.id, i18n.language) : documentKeys.outgoing(detail.id, i18n.language), detail);
    void client.invalidateQueries({ queryKey: documentKeys.all, predicate: (q) => !(q.queryKey[1] === kind && q.queryKey[2] === 'one' && q.queryKey[3] === detail.id) });
  };
}

/** Registers an incoming document (clerk): it gets the body's next arrival number of the year. */
export function useRegisterIncoming() {
  const changed = useChanged('incoming');
  return useMutation({
    mutationFn: (body: RegisterIncomingRequest) => api.post<IncomingDetail>(`${DOCUMENTS_API}/incoming`, body),
    onSuccess: changed,
  });
}

/** The actions on an incoming document, each on the version the officer saw. */
export type IncomingActionPath = 'assign' | 'notes' | 'close';

/** Runs one action of an incoming document. */
export function useIncomingAction(documentId: string) {
  const changed = useChanged('incoming');
  return useMutation({
    mutationFn: ({ path, body }: { path: IncomingActionPath; body: Record<string, unknown> }) =>
      api.post<IncomingDetail>(`${DOCUMENTS_API}/incoming/${id(documentId)}/${path}`, body),
    onSuccess: changed,
  });
}

/** Puts files on a document (multipart, field `files`); the detail is read again. */
export function useUploadDocumentFiles(kind: 'incoming' | 'outgoing') {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ documentId, files }: { documentId: string; files: File[] }) => {
      const form = new FormData();
      for (const f of files) form.append('files', f, f.name);
      return api.upload<unknown>(`${DOCUMENTS_API}/${kind}/${id(documentId)}/files`, form);
    },
    onSettled: () => client.invalidateQueries({ queryKey: [...documentKeys.all, kind] }),
  });
}

// ---------------------------------------------------------------- outgoing

/** The outgoing register (drafts and issued documents) of the officer's units, a page at a time. */
export function useOutgoingList(query: Partial<OutgoingListQuery>) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: documentKeys.outgoingList(query, i18n.language),
    queryFn: ({ signal }) => api.get<OutgoingList>(`${DOCUMENTS_API}/outgoing`, query as Query, signal),
    placeholderData: keepPreviousData,
  });
}

/** One outgoing document with its files, history, receipts and the actions the officer may take. */
export function useOutgoing(documentId: string | undefined) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: documentKeys.outgoing(documentId ?? '', i18n.language),
    queryFn: ({ signal }) => api.get<OutgoingDetail>(`${DOCUMENTS_API}/outgoing/${id(documentId!)}`, undefined, signal),
    enabled: !!documentId,
    retry: false,
    meta: { silent: true },
  });
}

/** Creates a draft. */
export function useCreateOutgoing() {
  const changed = useChanged('outgoing');
  return useMutation({
    mutationFn: (body: CreateOutgoingRequest) => api.post<OutgoingDetail>(`${DOCUMENTS_API}/outgoing`, body),
    onSuccess: changed,
  });
}

/** Changes a draft, on the version the officer saw. */
export function useUpdateOutgoing(documentId: string) {
  const changed = useChanged('outgoing');
  return useMutation({
    mutationFn: (body: UpdateOutgoingRequest) => api.put<OutgoingDetail>(`${DOCUMENTS_API}/outgoing/${id(documentId)}`, body),
    onSuccess: changed,
  });
}

/** The actions on an outgoing document after drafting. */
export type OutgoingActionPath = 'submit' | 'return' | 'sign' | 'issue';

/** Runs one action of an outgoing document. */
export function useOutgoingAction(documentId: string) {
  const changed = useChanged('outgoing');
  return useMutation({
    mutationFn: ({ path, body }: { path: OutgoingActionPath; body: Record<string, unknown> }) =>
      api.post<OutgoingDetail>(`${DOCUMENTS_API}/outgoing/${id(documentId)}/${path}`, body),
    onSuccess: changed,
  });
}

/** Policy actions the pages check (server: documents.policy.ts), as GET /me lists them. */
export const DOCUMENT_POLICY = {
  read: 'documents.read',
  register: 'documents.register',
  draft: 'documents.draft',
  manageSettings: 'documents.settings.manage',
};
