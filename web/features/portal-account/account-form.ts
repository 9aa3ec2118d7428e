import dayjs, { type Dayjs } from 'dayjs';
import type { AccountType, CitizenProfile, NotificationChannelPreference, RegisterAccountRequest, UpdateCitizenProfileRequest } from './account.types';

/** Portal pages of the account area (the server's mail links point to some of them: server identity.notify.ts). */
export const ACCOUNT_PATHS = {
  register: '/dang-ky',
  signIn: '/dang-nhap',
  confirmEmail: '/xac-nhan-email',
  confirmPhone: '/xac-nhan-so-dien-thoai',
  forgotPassword: '/quen-mat-khau',
  resetPassword: '/dat-lai-mat-khau',
  account: '/tai-khoan',
} as const;

/** What the registration form holds. */
export interface RegisterValues {
  accountType: AccountType;
  fullName: string;
  businessName?: string;
  enterpriseCode?: string;
  email?: string;
  phone?: string;
  password: string;
  confirm?: string;
  idNumber?: string;
  birthDate?: Dayjs | null;
  address?: string;
}

const filled = (v: string | undefined | null): string | undefined => {
  const s = v?.trim();
  return s ? s : undefined;
};

/** The registration request: empty fields left out, business fields only for a business, the date as YYYY-MM-DD. */
export function registrationBody(v: RegisterValues): RegisterAccountRequest {
  const business = v.accountType === 'business';
  const body: RegisterAccountRequest = { accountType: v.accountType, fullName: v.fullName.trim(), password: v.password };
  const optional = {
    email: filled(v.email),
    phone: filled(v.phone),
    idNumber: filled(v.idNumber),
    birthDate: v.birthDate ? v.birthDate.format('YYYY-MM-DD') : undefined,
    address: filled(v.address),
    businessName: business ? filled(v.businessName) : undefined,
    enterpriseCode: business ? filled(v.enterpriseCode) : undefined,
  };
  for (const [key, value] of Object.entries(optional)) if (value !== undefined) (body as unknown as Record<string, string>)[key] = value;
  return body;
}

/** Where the portal's sign-in goes next: a portal path given in `?next=`, else the account page; never another site or the back office. */
export function portalNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || next === '/admin' || next.startsWith('/admin/')) return ACCOUNT_PATHS.account;
  return next;
}

/** Refusals of single sign-on the sign-in page explains; anything else reads as a failed sign-in. */
const SSO_ERRORS = new Set([
  'SSO_NOT_CONFIGURED',
  'SSO_STATE_INVALID',
  'SSO_CANCELLED',
  'SSO_PROVIDER_ERROR',
  'SSO_CLAIMS_MISSING',
  'SSO_ACCOUNT_CONFLICT',
  'ACCOUNT_DISABLED',
  'SSO_FAILED',
]);

/** The i18n key of a single sign-on refusal code sent back in `?sso_error=`. */
export function ssoErrorKey(code: string): string {
  return `identity.account.sso.errors.${SSO_ERRORS.has(code) ? code : 'SSO_FAILED'}`;
}

/** Where the single sign-on button goes: the server's start route, with the portal page to come back to. */
export function ssoStartHref(startPath: string, next: string | null): string {
  const back = portalNext(next);
  return back === ACCOUNT_PATHS.account ? startPath : `${startPath}?next=${encodeURIComponent(back)}`;
}

/** After signing in on the portal: officers go to the back office, citizens and businesses to `next` or their account. */
export function homeAfterSignIn(me: { kind: 'officer' | 'citizen' }, next: string | null): string {
  return me.kind === 'officer' ? '/admin' : portalNext(next);
}

/** True when a sign-in name is an e-mail address (its confirmation link can be sent again) rather than a phone. */
export function isEmailLogin(login: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(login.trim());
}

/** What the profile form holds. */
export interface ProfileValues {
  fullName: string;
  businessName?: string;
  enterpriseCode?: string;
  idNumber?: string;
  birthDate?: Dayjs | null;
  address?: string;
  notificationChannel: NotificationChannelPreference;
}

/** The form's starting values from the stored profile. */
export function profileValues(p: CitizenProfile): ProfileValues {
  return {
    fullName: p.fullName,
    businessName: p.businessName ?? undefined,
    enterpriseCode: p.enterpriseCode ?? undefined,
    idNumber: p.idNumber ?? undefined,
    birthDate: p.birthDate ? dayjs(p.birthDate) : null,
    address: p.address ?? undefined,
    notificationChannel: p.notificationChannel,
  };
}

/** The profile update: emptied fields become null, business fields only for a business, with the version read. */
export function profileBody(v: ProfileValues, p: Pick<CitizenProfile, 'accountType' | 'version'>): UpdateCitizenProfileRequest {
  const business = p.accountType === 'business';
  return {
    fullName: v.fullName.trim(),
    ...(business ? { businessName: filled(v.businessName) ?? null, enterpriseCode: filled(v.enterpriseCode) ?? null } : {}),
    idNumber: filled(v.idNumber) ?? null,
    birthDate: v.birthDate ? v.birthDate.format('YYYY-MM-DD') : null,
    address: filled(v.address) ?? null,
    notificationChannel: v.notificationChannel,
    version: p.version,
  };
}

/** Channels the account can choose: e-mail needs a confirmed e-mail, SMS and Zalo a confirmed phone. */
export function availableChannels(p: Pick<CitizenProfile, 'emailVerified' | 'phoneVerified'>): NotificationChannelPreference[] {
  return [...(p.emailVerified ? (['email'] as const) : []), ...(p.phoneVerified ? (['sms', 'zalo'] as const) : [])];
}
