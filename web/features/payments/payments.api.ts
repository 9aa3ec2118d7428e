import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Query } from '../../app/api';
import { myDossierKeys } from '../my-dossiers/my-dossiers.api';
import { returnPhase } from './payments.format';
import type {
  DossierPayments,
  FinanceTransaction,
  FinanceTransactions,
  ImportStatementRequest,
  Mismatches,
  MismatchView,
  PaymentReturnView,
  PaymentTransactionsQuery,
  StartPaymentResponse,
  StatementView,
} from './payments.types';

const CITIZEN = '/api/v1/citizen/dossiers';
const BASE = '/api/v1/payments';

/** React-query keys of the payments module; a dossier's payments sit under its detail, so refreshing the detail refreshes them. */
export const paymentKeys = {
  dossier: (dossierId: string) => [...myDossierKeys.detail(dossierId), 'payments'] as const,
  returned: (search: string) => ['payments', 'return', search] as const,
  transactions: ['payments', 'transactions'] as const,
  mismatches: ['payments', 'mismatches'] as const,
};

/** What my dossier owes now and the payments made on it; polled while an attempt awaits the gateway's confirmation. */
export function useDossierPayments(dossierId: string, enabled: boolean) {
  return useQuery({
    queryKey: paymentKeys.dossier(dossierId),
    queryFn: ({ signal }) => api.get<DossierPayments>(`${CITIZEN}/${dossierId}/payments`, undefined, signal),
    enabled,
    retry: false,
    refetchInterval: (query) => (query.state.data?.requests.some((r) => r.attempts.some((a) => a.state === 'pending')) ? 10_000 : false),
  });
}

/** Starts paying online: the answer says where to send the browser. */
export function useStartPayment(dossierId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (locale: 'vi' | 'en') => api.post<StartPaymentResponse>(`${CITIZEN}/${dossierId}/payments`, { locale }),
    // A refusal (already paid, no longer due) means what the page shows is out of date.
    onError: () => client.invalidateQueries({ queryKey: myDossierKeys.detail(dossierId) }),
  });
}

/** Where the electronic receipt of one of my paid attempts downloads (PDF). */
export const citizenReceiptUrl = (dossierId: string, txnRef: string) => `${CITIZEN}/${dossierId}/payments/${encodeURIComponent(txnRef)}/receipt`;

/** How often the return page asks again while the gateway's notification is awaited. */
export const RETURN_POLL_MS = 2_000;

/**
 * The attempt the gateway sent the browser back about. `search` is the return address's query string, passed on
 * unchanged (its signature covers the exact values); while `poll` holds and the attempt awaits the gateway's
 * notification, it is read again every 2 s.
 */
export function usePaymentReturn(search: string, poll: boolean) {
  return useQuery({
    queryKey: paymentKeys.returned(search),
    queryFn: ({ signal }) => api.get<PaymentReturnView>(`${BASE}/return${search}`, undefined, signal),
    enabled: search.length > 1,
    retry: false,
    refetchInterval: (query) => (poll && query.state.data && returnPhase(query.state.data) === 'waiting' ? RETURN_POLL_MS : false),
    // The page shows an invalid return itself.
    meta: { silent: true },
  });
}

/** The finance officer's attempts, filtered and paged. */
export function useFinanceTransactions(query: Partial<PaymentTransactionsQuery>) {
  return useQuery({
    queryKey: [...paymentKeys.transactions, query],
    queryFn: ({ signal }) => api.get<FinanceTransactions>(`${BASE}/transactions`, query as Query, signal),
    placeholderData: keepPreviousData,
  });
}

/** Asks the gateway about a pending attempt now; the list is refreshed afterwards. */
export function useQueryTransaction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (txnRef: string) => api.post<FinanceTransaction>(`${BASE}/transactions/${encodeURIComponent(txnRef)}/query`),
    onSettled: () => client.invalidateQueries({ queryKey: paymentKeys.transactions }),
  });
}

/** Where the finance officer downloads the receipt of a paid attempt (PDF). */
export const financeReceiptUrl = (txnRef: string) => `${BASE}/transactions/${encodeURIComponent(txnRef)}/receipt`;

/** Imports the gateway's statement of one day; the mismatches and the attempts it settled change with it. */
export function useImportStatement() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ImportStatementRequest) => api.post<StatementView>(`${BASE}/statements`, body),
    onSuccess: async () => {
      await Promise.all([client.invalidateQueries({ queryKey: paymentKeys.mismatches }), client.invalidateQueries({ queryKey: paymentKeys.transactions })]);
    },
  });
}

/** Differences between the statements and the records: open ones, or those already resolved. */
export function useMismatches(query: { open: boolean; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...paymentKeys.mismatches, query],
    queryFn: ({ signal }) => api.get<Mismatches>(`${BASE}/mismatches`, { ...query, open: String(query.open) }, signal),
    placeholderData: keepPreviousData,
  });
}

/** Records how a mismatch was dealt with. */
export function useResolveMismatch() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, resolution }: { id: string; resolution: string }) => api.post<MismatchView>(`${BASE}/mismatches/${id}/resolve`, { resolution }),
    onSuccess: () => client.invalidateQueries({ queryKey: paymentKeys.mismatches }),
  });
}
