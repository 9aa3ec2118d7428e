import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';
import { identityKeys } from '../identity/identity.api';
import type {
  AcceptedResponse,
  CitizenProfile,
  CompletePasswordResetRequest,
  ConfirmEmailResponse,
  ConfirmPhoneRequest,
  ConfirmPhoneResponse,
  RegisterAccountRequest,
  RegisterAccountResponse,
  UpdateCitizenProfileRequest,
} from './account.types';

const BASE = '/api/v1/identity/citizen';

/** React-query keys of the portal account. */
export const accountKeys = {
  profile: ['identity', 'citizen', 'me'] as const,
};

/** Registers a citizen or business account (answered alike whether or not the address is new). */
export function useRegister() {
  return useMutation({ mutationFn: (body: RegisterAccountRequest) => api.post<RegisterAccountResponse>(`${BASE}/registrations`, body) });
}

/**
 * Uses an e-mail confirmation link once. A query rather than a mutation: the page calls it on opening, and react-query
 * sends one request per token even when React mounts the page twice.
 */
export function useConfirmEmail(token: string | null) {
  return useQuery({
    queryKey: ['identity', 'citizen', 'email-confirmation', token],
    queryFn: () => api.post<ConfirmEmailResponse>(`${BASE}/email-confirmations`, { token }),
    enabled: !!token,
    retry: false,
    staleTime: Infinity,
    gcTime: Infinity,
    meta: { silent: true },
  });
}

/** Asks for a new confirmation link. */
export function useResendEmailConfirmation() {
  return useMutation({ mutationFn: (email: string) => api.post<AcceptedResponse>(`${BASE}/email-confirmations/resend`, { email }) });
}

/** Checks an SMS code; a signed-in account's profile then shows the confirmed number. */
export function useConfirmPhone() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ConfirmPhoneRequest) => api.post<ConfirmPhoneResponse>(`${BASE}/phone-confirmations`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: accountKeys.profile }),
  });
}

/** Asks for a new SMS code. */
export function useResendPhoneCode() {
  return useMutation({ mutationFn: (phone: string) => api.post<AcceptedResponse>(`${BASE}/phone-confirmations/resend`, { phone }) });
}

/** Asks for a password-reset link. */
export function useRequestPasswordReset() {
  return useMutation({ mutationFn: (email: string) => api.post<AcceptedResponse>(`${BASE}/password-resets`, { email }) });
}

/** Sets a new password with a reset link's secret; every session of the account ends. */
export function useCompletePasswordReset() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CompletePasswordResetRequest) => api.post<{ ok: true }>(`${BASE}/password-resets/complete`, body),
    onSuccess: () => client.setQueryData(identityKeys.me, null),
  });
}

/** The signed-in account's profile and applicant pre-fill. */
export function useCitizenProfile(enabled = true) {
  return useQuery({ queryKey: accountKeys.profile, queryFn: () => api.get<CitizenProfile>(`${BASE}/me`), enabled });
}

/** Saves the profile; the signed-in user's name in the header follows. */
export function useUpdateCitizenProfile() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateCitizenProfileRequest) => api.put<CitizenProfile>(`${BASE}/me`, body),
    onSuccess: (profile) => {
      client.setQueryData(accountKeys.profile, profile);
      return client.invalidateQueries({ queryKey: identityKeys.me });
    },
  });
}

/** Asks to move to a new e-mail address (a link goes there). */
export function useRequestEmailChange() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (email: string) => api.post<AcceptedResponse>(`${BASE}/me/email`, { email }),
    onSuccess: () => client.invalidateQueries({ queryKey: accountKeys.profile }),
  });
}

/** Asks to move to a new mobile number (an SMS code goes there). */
export function useRequestPhoneChange() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (phone: string) => api.post<AcceptedResponse>(`${BASE}/me/phone`, { phone }),
    onSuccess: () => client.invalidateQueries({ queryKey: accountKeys.profile }),
  });
}
