import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Query } from '../../app/api';
import type { ExchangeInbound, ExchangeInboundQuery, ExchangeInboundRow, ExchangeOutbox, ExchangeOutboxQuery, ExchangeRow } from './exchange.types';

const BASE = '/api/v1/exchange';

/** React-query keys of the exchange module. */
export const exchangeKeys = {
  outbox: ['exchange', 'outbox'] as const,
  inbound: ['exchange', 'inbound'] as const,
};

/** The status changes pushed (or to push) to the national portal, filtered and paged; refreshed as the pushes run. */
export function useExchangeOutbox(query: Partial<ExchangeOutboxQuery>) {
  return useQuery({
    queryKey: [...exchangeKeys.outbox, query],
    queryFn: ({ signal }) => api.get<ExchangeOutbox>(`${BASE}/outbox`, query as Query, signal),
    placeholderData: keepPreviousData,
    refetchInterval: 15_000,
  });
}

/** Tries a change not yet delivered again at the next push; the list is refreshed afterwards (also after a refusal). */
export function useResendExchangeRow() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<ExchangeRow>(`${BASE}/outbox/${id}/resend`),
    onSettled: () => client.invalidateQueries({ queryKey: exchangeKeys.outbox }),
  });
}

/** The dossiers picked up from the national portal, filtered and paged; refreshed as the pickups run. */
export function useExchangeInbound(query: Partial<ExchangeInboundQuery>) {
  return useQuery({
    queryKey: [...exchangeKeys.inbound, query],
    queryFn: ({ signal }) => api.get<ExchangeInbound>(`${BASE}/inbound`, query as Query, signal),
    placeholderData: keepPreviousData,
    refetchInterval: 15_000,
  });
}

/** Reads an unreadable or failed dossier from the portal again; the list is refreshed afterwards (also after a refusal). */
export function useRetryExchangeInbound() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<ExchangeInboundRow>(`${BASE}/inbound/${id}/retry`),
    onSettled: () => client.invalidateQueries({ queryKey: exchangeKeys.inbound }),
  });
}
