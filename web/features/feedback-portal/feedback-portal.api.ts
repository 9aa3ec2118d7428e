import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type Query } from '../../app/api';
import type {
  FeedbackRatingRequest,
  FeedbackReceipt,
  FeedbackReplyRequest,
  FeedbackStats,
  FollowFeedbackResponse,
  MyFeedbackResponse,
  PublicFeedbackDetail,
  PublicFeedbackList,
  PublicFeedbackQuery,
  SenderFeedbackView,
  SimilarFeedbackResponse,
  SubmitFeedbackRequest,
} from '../../../contracts/feedback/feedback.contracts';

/** Where the feedback API lives. */
export const FEEDBACK_API = '/api/v1/feedback';
/** The public items as Open311 GeoReport v2 service requests (read only). */
export const OPEN311_REQUESTS_URL = `${FEEDBACK_API}/open311/v2/requests.json`;

/** Portal paths of the feedback pages (router.tsx). */
export const FEEDBACK_PATHS = {
  home: '/phan-anh-kien-nghi',
  file: '/phan-anh-kien-nghi/gui',
  mine: '/phan-anh-kien-nghi/cua-toi',
  /** A published item. */
  published: (code: string) => `/phan-anh-kien-nghi/cong-khai/${encodeURIComponent(code)}`,
  /** The sender's page; `token` is the secret of a sender without an account (the server's mail links use `khoa`). */
  sender: (code: string, token?: string | null) => `/phan-anh-kien-nghi/${encodeURIComponent(code)}${token ? `?khoa=${encodeURIComponent(token)}` : ''}`,
};

const code = (c: string) => encodeURIComponent(c);

/** React-query keys of the portal's feedback pages; texts the server translates carry the language. */
export const feedbackPortalKeys = {
  all: ['feedback-portal'] as const,
  list: (query: Partial<PublicFeedbackQuery>) => ['feedback-portal', 'public', 'list', query] as const,
  stats: (period: { from?: string; to?: string }, lang: string) => ['feedback-portal', 'public', 'stats', period, lang] as const,
  published: (c: string) => ['feedback-portal', 'public', 'item', c] as const,
  similar: (q: string) => ['feedback-portal', 'similar', q] as const,
  sender: (c: string, token: string | null, lang: string) => ['feedback-portal', 'sender', c, token, lang] as const,
  mine: (lang: string) => ['feedback-portal', 'mine', lang] as const,
};

/** Answered, published items: search and browse by text, procedure, field and unit, a page at a time. */
export function usePublicFeedbackList(query: Partial<PublicFeedbackQuery>) {
  return useQuery({
    queryKey: feedbackPortalKeys.list(query),
    queryFn: ({ signal }) => api.get<PublicFeedbackList>(`${FEEDBACK_API}/public`, query as Query, signal),
    placeholderData: keepPreviousData,
    meta: { silent: true },
  });
}

/** Items received, answered and answered on time by unit, with the definition in the reader's language. */
export function useFeedbackStats(period: { from?: string; to?: string }) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: feedbackPortalKeys.stats(period, i18n.language),
    queryFn: ({ signal }) => api.get<FeedbackStats>(`${FEEDBACK_API}/public/stats`, period, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    meta: { silent: true },
  });
}

/** One published item and its answer (404 for an unknown or unpublished code: the page says so). */
export function usePublicFeedback(c: string | undefined) {
  return useQuery({
    queryKey: feedbackPortalKeys.published(c ?? ''),
    queryFn: ({ signal }) => api.get<PublicFeedbackDetail>(`${FEEDBACK_API}/public/${code(c!)}`, undefined, signal),
    enabled: !!c,
    retry: false,
    meta: { silent: true },
  });
}

/** The shortest text the server compares (SimilarFeedbackQuerySchema) and the longest it takes. */
export const SIMILAR_MIN = 3;
export const SIMILAR_MAX = 500;

/** Answered, published items like `q` (at most five); nothing is asked for a text too short to compare. */
export function useSimilarFeedback(q: string) {
  return useQuery({
    queryKey: feedbackPortalKeys.similar(q),
    queryFn: ({ signal }) => api.get<SimilarFeedbackResponse>(`${FEEDBACK_API}/similar`, { q }, signal),
    enabled: q.length >= SIMILAR_MIN,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    // Suggestions are a help, not the task: a failure is not worth a toast while the citizen types.
    meta: { silent: true },
  });
}

/** A signed-in portal account follows a published item (following twice changes nothing). */
export function useFollowFeedback() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (c: string) => api.post<FollowFeedbackResponse>(`${FEEDBACK_API}/${code(c)}/follow`),
    onSuccess: (res) => {
      client.setQueryData<PublicFeedbackDetail>(feedbackPortalKeys.published(res.code), (old) => (old ? { ...old, followers: res.followers } : old));
    },
  });
}

/** Files an item: the receipt holds the code, the unit, the due instant and (without an account) the secret, once. */
export function useSubmitFeedback() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SubmitFeedbackRequest) => api.post<FeedbackReceipt>(FEEDBACK_API, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['feedback-portal', 'mine'] }),
  });
}

/** The item as its sender sees it: by the secret from the receipt, or (without one) the signed-in account. */
export function useSenderFeedback(c: string, token: string | null, enabled: boolean) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: feedbackPortalKeys.sender(c, token, i18n.language),
    queryFn: ({ signal }) => api.get<SenderFeedbackView>(`${FEEDBACK_API}/${code(c)}/sender`, { token }, signal),
    enabled,
    retry: false,
    // A wrong key is the page's own message.
    meta: { silent: true },
  });
}

function useSenderUpdate(c: string, token: string | null) {
  const client = useQueryClient();
  const { i18n } = useTranslation();
  return (view: SenderFeedbackView) => {
    client.setQueryData(feedbackPortalKeys.sender(c, token, i18n.language), view);
    void client.invalidateQueries({ queryKey: ['feedback-portal', 'mine'] });
  };
}

/** The sender's reply to the unit's request for more information (the clock runs again). */
export function useReplyToFeedback(c: string, token: string | null) {
  const update = useSenderUpdate(c, token);
  return useMutation({
    mutationFn: (body: Omit<FeedbackReplyRequest, 'token'>) => api.post<SenderFeedbackView>(`${FEEDBACK_API}/${code(c)}/reply`, { ...body, token: token ?? undefined }),
    onSuccess: update,
  });
}

/** The sender rates the answer (once), asking to reopen it when unsatisfied (once per item). */
export function useRateFeedback(c: string, token: string | null) {
  const update = useSenderUpdate(c, token);
  return useMutation({
    mutationFn: (body: Omit<FeedbackRatingRequest, 'token'>) => api.post<SenderFeedbackView>(`${FEEDBACK_API}/${code(c)}/rating`, { ...body, token: token ?? undefined }),
    onSuccess: update,
  });
}

/** The items the signed-in portal account filed, newest first. */
export function useMyFeedback(enabled: boolean) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: feedbackPortalKeys.mine(i18n.language),
    queryFn: ({ signal }) => api.get<MyFeedbackResponse>(`${FEEDBACK_API}/mine`, undefined, signal),
    enabled,
  });
}
