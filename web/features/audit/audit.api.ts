import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type Query } from '../../app/api';
import type { ListAuditEventsQuery, ListAuditEventsResponse } from '../../../contracts/audit/audit.contracts';

/** The audit log, filtered and paged (system administrators only). */
export function useAuditEvents(query: Partial<ListAuditEventsQuery>) {
  return useQuery({
    queryKey: ['audit', 'events', query],
    queryFn: ({ signal }) => api.get<ListAuditEventsResponse>('/api/v1/audit/events', query as Query, signal),
    placeholderData: keepPreviousData,
  });
}
