import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type Query } from '../../app/api';
import type { ListOutboxQuery, ListOutboxResponse, NotificationChannelsResponse } from '../../../contracts/notifications/notifications.contracts';

/** The outbox, filtered and paged; refreshed every few seconds so deliveries show up as they happen. */
export function useOutbox(query: Partial<ListOutboxQuery>) {
  return useQuery({
    queryKey: ['notifications', 'outbox', query],
    queryFn: ({ signal }) => api.get<ListOutboxResponse>('/api/v1/notifications/outbox', query as Query, signal),
    placeholderData: keepPreviousData,
    refetchInterval: 5000,
  });
}

/** Which e-mail transport and SMS channel the server uses (development ones send nothing). */
export function useNotificationChannels() {
  return useQuery({
    queryKey: ['notifications', 'channels'],
    queryFn: ({ signal }) => api.get<NotificationChannelsResponse>('/api/v1/notifications/channels', undefined, signal),
    staleTime: 60_000,
  });
}
