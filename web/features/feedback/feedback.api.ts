import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type Query } from '../../app/api';
import { actionDef, type FeedbackActionRequest } from './feedback-actions';
import type { FeedbackActionKey, FeedbackDetail, FeedbackQueue, FeedbackQueueQuery, FeedbackReceipt, OfficerIntakeRequest, SimilarFeedbackResponse } from './feedback.types';

const BASE = '/api/v1/feedback';

/**
 * React-query keys of the feedback module. The queue and the item carry the language: their state and history texts
 * come translated by the server, so switching language reads them again.
 */
export const feedbackKeys = {
  all: ['feedback'] as const,
  queue: ['feedback', 'queue'] as const,
  detail: (id: string, lang: string) => ['feedback', 'detail', id, lang] as const,
  similar: (q: string) => ['feedback', 'similar', q] as const,
};

/** The queue query as the URL carries it (`overdue` travels as text). */
export type QueueParams = Partial<Omit<FeedbackQueueQuery, 'overdue'>> & { overdue?: 'true' };

/** Items assigned to the units the officer covers (the province for its readers), soonest due first. */
export function useFeedbackQueue(query: QueueParams) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: [...feedbackKeys.queue, query, i18n.language],
    queryFn: ({ signal }) => api.get<FeedbackQueue>(`${BASE}/queue`, query as Query, signal),
    placeholderData: keepPreviousData,
  });
}

/** One item with its history and the actions the officer may take (the page shows a missing or forbidden one itself). */
export function useFeedbackItem(id: string | undefined) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: feedbackKeys.detail(id ?? '', i18n.language),
    queryFn: ({ signal }) => api.get<FeedbackDetail>(`${BASE}/${id}`, undefined, signal),
    enabled: !!id,
    // While the other language's copy loads, the page keeps showing this item (never another item's).
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[2] === id ? previous : undefined),
    meta: { silent: true },
  });
}

/**
 * Performs an officer action on the item; the server answers with the item as it now is, which replaces the page's
 * copy (an item transferred away may no longer be readable, so it is not read again), and the queue is read afresh.
 */
export function useFeedbackAction(id: string) {
  const client = useQueryClient();
  const { i18n } = useTranslation();
  return useMutation({
    mutationFn: ({ key, body }: { key: FeedbackActionKey; body: FeedbackActionRequest }) => api.post<FeedbackDetail>(`${BASE}/${id}/${actionDef(key).path}`, body),
    onSuccess: (item) => {
      client.setQueryData(feedbackKeys.detail(id, i18n.language), item);
      // Copies in the other language are now stale; they are read again when shown.
      void client.invalidateQueries({ queryKey: ['feedback', 'detail', id], predicate: (q) => q.queryKey[3] !== i18n.language, refetchType: 'none' });
      void client.invalidateQueries({ queryKey: feedbackKeys.queue });
    },
  });
}

/** An officer enters an item received at the desk, by letter, hotline or e-mail. */
export function useFeedbackIntake() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: OfficerIntakeRequest) => api.post<FeedbackReceipt>(`${BASE}/intake`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: feedbackKeys.queue }),
  });
}

/** Answered, published items like what is being typed (the server needs at least 3 characters). */
export function useSimilarFeedback(q: string) {
  return useQuery({
    queryKey: feedbackKeys.similar(q),
    queryFn: ({ signal }) => api.get<SimilarFeedbackResponse>(`${BASE}/similar`, { q }, signal),
    enabled: q.length >= 3,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
    // Suggestions only: a failed read leaves the form usable and says nothing.
    meta: { silent: true },
  });
}
