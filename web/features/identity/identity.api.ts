import { hashKey, keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, setCsrfToken, type Query } from '../../app/api';
import type {
  ChangePasswordRequest,
  CloseOrgUnitRequest,
  CreateOrgUnitRequest,
  CreateUserRequest,
  ListOrgUnitsQuery,
  ListOrgUnitsResponse,
  ListLoginThrottlesResponse,
  ListUsersQuery,
  ListUsersResponse,
  LoginInfoResponse,
  LoginRequest,
  OrgUnit,
  OrgUnitTreeResponse,
  SessionResponse,
  UpdateOrgUnitRequest,
  UpdateUserRequest,
  User,
} from './identity.types';

const BASE = '/api/v1/identity';

/** React-query keys of the identity module. */
export const identityKeys = {
  me: ['identity', 'me'] as const,
  orgUnits: ['identity', 'org-units'] as const,
  users: ['identity', 'users'] as const,
  loginThrottles: ['identity', 'login-throttles'] as const,
};

/** The signed-in user (null when signed out); keeps the CSRF token up to date. */
export function useMe() {
  return useQuery({
    queryKey: identityKeys.me,
    queryFn: async () => {
      try {
        const res = await api.get<SessionResponse>(`${BASE}/me`);
        setCsrfToken(res.csrfToken);
        return res.user;
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) {
          setCsrfToken(null);
          return null;
        }
        throw err;
      }
    },
    staleTime: 60_000,
    retry: false,
    meta: { silent: true },
  });
}

/** Signs in with user name / e-mail / phone and password. */
export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginRequest) => api.post<SessionResponse>(`${BASE}/login`, body),
    onSuccess: (res) => {
      setCsrfToken(res.csrfToken);
      client.setQueryData(identityKeys.me, res.user);
    },
  });
}

/** Signs out and forgets every cached answer of the session. */
export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ ok: true }>(`${BASE}/logout`),
    onSettled: () => {
      setCsrfToken(null);
      // Every answer of the session goes, except the user query itself, which becomes null: a removed query would
      // leave a shell that stays mounted (the portal's header) showing the signed-out user.
      client.removeQueries({ predicate: (query) => query.queryHash !== hashKey(identityKeys.me) });
      client.setQueryData(identityKeys.me, null);
    },
  });
}

/** Changes the signed-in user's own password. */
export function useChangePassword() {
  return useMutation({
    mutationFn: (body: ChangePasswordRequest) => api.post<{ ok: true }>(`${BASE}/me/password`, body),
  });
}

/** The whole unit tree (for pickers and the units page). */
export function useOrgUnitTree(includeClosed = false, enabled = true) {
  return useQuery({
    queryKey: [...identityKeys.orgUnits, 'tree', includeClosed],
    queryFn: () => api.get<OrgUnitTreeResponse>(`${BASE}/org-units/tree`, { includeClosed }),
    enabled,
    staleTime: 30_000,
  });
}

/** A searchable, paged list of units. */
export function useOrgUnits(query: ListOrgUnitsQuery) {
  return useQuery({
    queryKey: [...identityKeys.orgUnits, 'list', query],
    queryFn: ({ signal }) => api.get<ListOrgUnitsResponse>(`${BASE}/org-units`, query as Query, signal),
    placeholderData: keepPreviousData,
  });
}

function useInvalidating<TBody, TResult>(fn: (body: TBody) => Promise<TResult>, key: readonly string[]) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: key }) });
}

/** Creates a unit under a parent. */
export const useCreateOrgUnit = () => useInvalidating((body: CreateOrgUnitRequest) => api.post<OrgUnit>(`${BASE}/org-units`, body), identityKeys.orgUnits);
/** Edits a unit (optimistic `version` check). */
export const useUpdateOrgUnit = () =>
  useInvalidating(({ id, ...body }: UpdateOrgUnitRequest & { id: string }) => api.put<OrgUnit>(`${BASE}/org-units/${id}`, body), identityKeys.orgUnits);
/** Closes a unit, optionally naming its successor. */
export const useCloseOrgUnit = () =>
  useInvalidating(({ id, ...body }: CloseOrgUnitRequest & { id: string }) => api.post<OrgUnit>(`${BASE}/org-units/${id}/close`, body), identityKeys.orgUnits);

/** A searchable, paged list of users. */
export function useUsers(query: ListUsersQuery, enabled = true) {
  return useQuery({
    queryKey: [...identityKeys.users, 'list', query],
    queryFn: ({ signal }) => api.get<ListUsersResponse>(`${BASE}/users`, query as Query, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Creates an officer account with its role grants. */
export const useCreateUser = () => useInvalidating((body: CreateUserRequest) => api.post<User>(`${BASE}/users`, body), identityKeys.users);
/** Edits an officer (optimistic `version` check). */
export const useUpdateUser = () => useInvalidating(({ id, ...body }: UpdateUserRequest & { id: string }) => api.put<User>(`${BASE}/users/${id}`, body), identityKeys.users);
/** Disables or re-enables an account. */
export const useSetUserEnabled = () =>
  useInvalidating(({ id, enabled }: { id: string; enabled: boolean }) => api.post<User>(`${BASE}/users/${id}/${enabled ? 'enable' : 'disable'}`), identityKeys.users);
/** Sets a new password for another user. */
export const useResetPassword = () =>
  useInvalidating(({ id, newPassword }: { id: string; newPassword: string }) => api.post<{ ok: true }>(`${BASE}/users/${id}/reset-password`, { newPassword }), identityKeys.users);

/** Public facts for the sign-in page (is this a demo, whose passwords are public?). */
export function useLoginInfo() {
  return useQuery({ queryKey: ['identity', 'login-info'], queryFn: () => api.get<LoginInfoResponse>(`${BASE}/login-info`), staleTime: Infinity });
}

/** Sign-in counters with recent failures (system administrators). */
export function useLoginThrottles(enabled: boolean) {
  return useQuery({
    queryKey: identityKeys.loginThrottles,
    queryFn: ({ signal }) => api.get<ListLoginThrottlesResponse>(`${BASE}/login-throttles`, undefined, signal),
    enabled,
  });
}

/** Clears one sign-in counter: its account or address may try again at once. */
export function useClearLoginThrottle() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<{ ok: true }>(`${BASE}/login-throttles/${id}/clear`),
    onSuccess: () => Promise.all([client.invalidateQueries({ queryKey: identityKeys.loginThrottles }), client.invalidateQueries({ queryKey: identityKeys.users })]),
  });
}
