import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type Query } from '../../app/api';
import type {
  AnswerQuestionRequest,
  CommitmentDetail,
  CommitmentList,
  CommitmentListQuery,
  CommitmentStats,
  CreateSessionRequest,
  FeedbackQuestionRequest,
  OfficerQuestionRequest,
  PublicCommitmentList,
  PublicCommitmentQuery,
  PublicQuestionReceipt,
  PublicQuestionRequest,
  PublicSessionDetail,
  PublicSessionList,
  PublicSessionQuery,
  SessionDetail,
  SessionList,
  SessionListQuery,
  UpdateSessionRequest,
} from '../../../contracts/dialogues/dialogues.contracts';

/** Where the dialogues API lives. */
export const DIALOGUES_API = '/api/v1/dialogues';

/** Paths of the dialogue pages (router.tsx). */
export const DIALOGUE_PATHS = {
  public: '/doi-thoai',
  publicSession: (id: string) => `/doi-thoai/${encodeURIComponent(id)}`,
  admin: '/admin/dialogues',
  adminSession: (id: string) => `/admin/dialogues/${encodeURIComponent(id)}`,
  commitments: '/admin/commitments',
};

/** React-query keys; texts the server translates (states) carry the language. */
export const dialogueKeys = {
  all: ['dialogues'] as const,
  publicSessions: (query: Partial<PublicSessionQuery>, lang: string) => ['dialogues', 'public', 'sessions', query, lang] as const,
  publicSession: (id: string, lang: string) => ['dialogues', 'public', 'session', id, lang] as const,
  publicCommitments: (query: Partial<PublicCommitmentQuery>, lang: string) => ['dialogues', 'public', 'commitments', query, lang] as const,
  stats: (lang: string) => ['dialogues', 'public', 'stats', lang] as const,
  sessions: (query: Partial<SessionListQuery>, lang: string) => ['dialogues', 'sessions', query, lang] as const,
  session: (id: string, lang: string) => ['dialogues', 'session', id, lang] as const,
  commitments: (query: Partial<CommitmentListQuery>, lang: string) => ['dialogues', 'commitments', query, lang] as const,
  commitment: (id: string, lang: string) => ['dialogues', 'commitment', id, lang] as const,
};

const id = (v: string) => encodeURIComponent(v);

// ---------------------------------------------------------------- public

/** Sessions announced to the public: upcoming ones soonest first, the others latest first. */
export function usePublicSessions(query: Partial<PublicSessionQuery>) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: dialogueKeys.publicSessions(query, i18n.language),
    queryFn: ({ signal }) => api.get<PublicSessionList>(`${DIALOGUES_API}/public/sessions`, query as Query, signal),
    placeholderData: keepPreviousData,
    meta: { silent: true },
  });
}

/** One announced session with its accepted questions, answers and commitments (the page shows a failure itself). */
export function usePublicSession(sessionId: string | undefined) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: dialogueKeys.publicSession(sessionId ?? '', i18n.language),
    queryFn: ({ signal }) => api.get<PublicSessionDetail>(`${DIALOGUES_API}/public/sessions/${id(sessionId!)}`, undefined, signal),
    enabled: !!sessionId,
    retry: false,
    meta: { silent: true },
  });
}

/** The commitments made at the sessions and their progress, a page at a time. */
export function usePublicCommitments(query: Partial<PublicCommitmentQuery>) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: dialogueKeys.publicCommitments(query, i18n.language),
    queryFn: ({ signal }) => api.get<PublicCommitmentList>(`${DIALOGUES_API}/public/commitments`, query as Query, signal),
    placeholderData: keepPreviousData,
    meta: { silent: true },
  });
}

/** Commitments kept on time, by owner unit, with their definition in the reader's language. */
export function useCommitmentStats() {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: dialogueKeys.stats(i18n.language),
    queryFn: ({ signal }) => api.get<CommitmentStats>(`${DIALOGUES_API}/public/commitments/stats`, undefined, signal),
    meta: { silent: true },
  });
}

/** Sends a question to an announced session. */
export function useAskQuestion(sessionId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PublicQuestionRequest) => api.post<PublicQuestionReceipt>(`${DIALOGUES_API}/public/sessions/${id(sessionId)}/questions`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: dialogueKeys.all }),
  });
}

// ---------------------------------------------------------------- officers

/** The sessions of the units the officer covers, a page at a time. */
export function useSessions(query: Partial<SessionListQuery>) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: dialogueKeys.sessions(query, i18n.language),
    queryFn: ({ signal }) => api.get<SessionList>(`${DIALOGUES_API}/sessions`, query as Query, signal),
    placeholderData: keepPreviousData,
  });
}

/** One session with its questions, commitments and the actions the officer may take (the page shows a failure itself). */
export function useSession(sessionId: string | undefined) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: dialogueKeys.session(sessionId ?? '', i18n.language),
    queryFn: ({ signal }) => api.get<SessionDetail>(`${DIALOGUES_API}/sessions/${id(sessionId!)}`, undefined, signal),
    enabled: !!sessionId,
    retry: false,
    meta: { silent: true },
  });
}

/** The session's detail after a change: stored for the page at once, every other dialogue list read again. */
function useSessionChanged() {
  const client = useQueryClient();
  const { i18n } = useTranslation();
  return (detail: SessionDetail) => {
    client.setQueryData(dialogueKeys.session(detail.id, i18n.language), detail);
    void client.invalidateQueries({ queryKey: dialogueKeys.all, predicate: (q) => !(q.queryKey[1] === 'session' && q.queryKey[2] === detail.id) });
  };
}

/** Schedules a session (a draft). */
export function useCreateSession() {
  const changed = useSessionChanged();
  return useMutation({
    mutationFn: (body: CreateSessionRequest) => api.post<SessionDetail>(`${DIALOGUES_API}/sessions`, body),
    onSuccess: changed,
  });
}

/** Changes a draft or announced session. */
export function useUpdateSession(sessionId: string) {
  const changed = useSessionChanged();
  return useMutation({
    mutationFn: (body: UpdateSessionRequest) => api.put<SessionDetail>(`${DIALOGUES_API}/sessions/${id(sessionId)}`, body),
    onSuccess: changed,
  });
}

/** The session's actions (announce, cancel, agenda, minutes, close), each on the version the officer saw. */
export type SessionActionPath = 'announce' | 'cancel' | 'agenda' | 'minutes' | 'close';

/** Runs one action of the session. */
export function useSessionAction(sessionId: string) {
  const changed = useSessionChanged();
  return useMutation({
    mutationFn: ({ path, body }: { path: SessionActionPath; body: Record<string, unknown> }) => api.post<SessionDetail>(`${DIALOGUES_API}/sessions/${id(sessionId)}/${path}`, body),
    onSuccess: changed,
  });
}

/** Adds an officer's question, or a feedback item's, to the session. */
export function useAddQuestion(sessionId: string) {
  const changed = useSessionChanged();
  return useMutation({
    mutationFn: (input: { kind: 'officer'; body: OfficerQuestionRequest } | { kind: 'feedback'; body: FeedbackQuestionRequest }) =>
      api.post<SessionDetail>(`${DIALOGUES_API}/sessions/${id(sessionId)}/questions${input.kind === 'feedback' ? '/from-feedback' : ''}`, input.body),
    onSuccess: changed,
  });
}

/** Accepts, rejects or answers a question, on the version the officer saw. */
export function useQuestionAction(sessionId: string) {
  const changed = useSessionChanged();
  return useMutation({
    mutationFn: ({ questionId, path, body }: { questionId: string; path: 'accept' | 'reject' | 'answer'; body: Record<string, unknown> | AnswerQuestionRequest }) =>
      api.post<SessionDetail>(`${DIALOGUES_API}/sessions/${id(sessionId)}/questions/${id(questionId)}/${path}`, body),
    onSuccess: changed,
  });
}

/** The commitments the officer's units owe or organised, a page at a time. */
export function useCommitments(query: Partial<CommitmentListQuery>) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: dialogueKeys.commitments(query, i18n.language),
    queryFn: ({ signal }) => api.get<CommitmentList>(`${DIALOGUES_API}/commitments`, query as Query, signal),
    placeholderData: keepPreviousData,
  });
}

/** One commitment with its history (read when its history is opened). */
export function useCommitment(commitmentId: string | null) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: dialogueKeys.commitment(commitmentId ?? '', i18n.language),
    queryFn: ({ signal }) => api.get<CommitmentDetail>(`${DIALOGUES_API}/commitments/${id(commitmentId!)}`, undefined, signal),
    enabled: !!commitmentId,
  });
}

/** Reports progress on, completes or withdraws a commitment, on the version the officer saw; the lists are read again. */
export function useCommitmentAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ commitmentId, path, body }: { commitmentId: string; path: 'progress' | 'complete' | 'cancel'; body: Record<string, unknown> }) =>
      api.post<CommitmentDetail>(`${DIALOGUES_API}/commitments/${id(commitmentId)}/${path}`, body),
    onSettled: () => client.invalidateQueries({ queryKey: dialogueKeys.all }),
  });
}
