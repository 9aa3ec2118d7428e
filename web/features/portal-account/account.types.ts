// Types come from the shared contract (type-only, so no server or zod code reaches the bundle).
export type {
  AcceptedResponse,
  ApplicantPrefill,
  CitizenProfile,
  CompletePasswordResetRequest,
  ConfirmEmailResponse,
  ConfirmPhoneRequest,
  ConfirmPhoneResponse,
  NotificationChannelPreference,
  RegisterAccountRequest,
  RegisterAccountResponse,
  UpdateCitizenProfileRequest,
} from '../../../contracts/identity/citizen.contracts';
export type { AccountType } from '../../../contracts/identity/identity.contracts';
