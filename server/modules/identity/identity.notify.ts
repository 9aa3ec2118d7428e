// Messages identity sends to citizens through the notification outbox: confirmation links, SMS codes, password-reset
// links, and the notice an address gets when someone registers it again. Links and codes are secret params: the outbox
// forgets them once a live channel took the message (platform/notifications).
import { declareNotificationTemplate, enqueueNotification, type NotificationTemplateDeclaration } from '../../platform/notifications';
import type { TxScope } from '../../platform/context/context';
import type { Locale } from '../../platform/i18n';
import { TOKEN_TTL_MS } from './account-tokens';

/** Pages of the portal that links lead to (web/app/router.tsx). */
export const PORTAL_PATHS = {
  confirmEmail: '/xac-nhan-email',
  resetPassword: '/dat-lai-mat-khau',
  signIn: '/dang-nhap',
  forgotPassword: '/quen-mat-khau',
  account: '/tai-khoan',
} as const;

/** An absolute link to a portal page under PUBLIC_BASE_URL, with the secret as `token`. */
export function portalLink(publicBaseUrl: string, path: string, token?: string): string {
  const url = new URL(path, publicBaseUrl.endsWith('/') ? publicBaseUrl : `${publicBaseUrl}/`);
  if (token) url.searchParams.set('token', token);
  return url.toString();
}

const SIGNATURE = {
  vi: '\n\nĐây là thư tự động của Cổng dịch vụ công, vui lòng không trả lời.',
  en: '\n\nThis is an automatic message from the public service portal; please do not reply.',
};

interface ConfirmationParams {
  name: string;
  link: string;
  /** True when the link confirms a new address for an existing account. */
  change: boolean;
  /** A phone given at registration that another account already uses (so it was not saved). */
  phoneNotSaved: string | null;
}

const hours = Math.round(TOKEN_TTL_MS['email-confirmation'] / 3600_000);
const resetMinutes = Math.round(TOKEN_TTL_MS['password-reset'] / 60_000);
const codeMinutes = Math.round(TOKEN_TTL_MS['phone-confirmation'] / 60_000);

const emailConfirmation = declareNotificationTemplate<ConfirmationParams>(
  'identity.email-confirmation',
  {
    vi: (p) => ({
      subject: 'Xác nhận địa chỉ thư điện tử — Cổng dịch vụ công',
      body:
        `Kính gửi ${p.name},\n\n` +
        (p.change
          ? 'Bạn vừa yêu cầu dùng địa chỉ thư điện tử này cho tài khoản của mình trên Cổng dịch vụ công.'
          : 'Địa chỉ thư điện tử này vừa được dùng để đăng ký tài khoản trên Cổng dịch vụ công.') +
        ` Để xác nhận, vui lòng mở liên kết sau trong vòng ${hours} giờ (liên kết chỉ dùng được một lần):\n\n${p.link}\n\n` +
        (p.phoneNotSaved ? `Số điện thoại ${p.phoneNotSaved} đã được dùng cho một tài khoản khác nên chưa được lưu; bạn có thể thêm số khác tại trang Tài khoản.\n\n` : '') +
        'Nếu không phải bạn yêu cầu, hãy bỏ qua thư này: không có gì thay đổi.' +
        SIGNATURE.vi,
    }),
    en: (p) => ({
      subject: 'Confirm your e-mail address — public service portal',
      body:
        `Dear ${p.name},\n\n` +
        (p.change
          ? 'You asked to use this e-mail address for your account on the public service portal.'
          : 'This e-mail address was just used to register an account on the public service portal.') +
        ` To confirm, open this link within ${hours} hours (it works once):\n\n${p.link}\n\n` +
        (p.phoneNotSaved ? `The phone number ${p.phoneNotSaved} is already used by another account, so it was not saved; you can add another one on your Account page.\n\n` : '') +
        'If you did not ask for this, ignore this message: nothing changes.' +
        SIGNATURE.en,
    }),
  },
  { secretParams: ['link'] },
);

interface ResetParams {
  name: string;
  link: string;
}

const passwordReset = declareNotificationTemplate<ResetParams>(
  'identity.password-reset',
  {
    vi: (p) => ({
      subject: 'Đặt lại mật khẩu — Cổng dịch vụ công',
      body:
        `Kính gửi ${p.name},\n\nChúng tôi nhận được yêu cầu đặt lại mật khẩu tài khoản của bạn trên Cổng dịch vụ công. Để đặt mật khẩu mới, ` +
        `vui lòng mở liên kết sau trong vòng ${resetMinutes} phút (liên kết chỉ dùng được một lần):\n\n${p.link}\n\n` +
        'Khi mật khẩu mới được đặt, mọi phiên đăng nhập của tài khoản sẽ kết thúc. Nếu không phải bạn yêu cầu, hãy bỏ qua thư này: mật khẩu hiện tại vẫn giữ nguyên.' +
        SIGNATURE.vi,
    }),
    en: (p) => ({
      subject: 'Reset your password — public service portal',
      body:
        `Dear ${p.name},\n\nWe received a request to reset the password of your account on the public service portal. To set a new password, ` +
        `open this link within ${resetMinutes} minutes (it works once):\n\n${p.link}\n\n` +
        'Once the new password is set, every session of the account ends. If you did not ask for this, ignore this message: your password stays as it is.' +
        SIGNATURE.en,
    }),
  },
  { secretParams: ['link'] },
);

interface ExistsParams {
  signInLink: string;
  resetLink: string;
}

const accountExists = declareNotificationTemplate<ExistsParams>('identity.account-exists', {
  vi: (p) => ({
    subject: 'Địa chỉ thư điện tử này đã có tài khoản — Cổng dịch vụ công',
    body:
      'Có người vừa dùng địa chỉ thư điện tử này để đăng ký hoặc gắn vào một tài khoản trên Cổng dịch vụ công, nhưng địa chỉ này đã thuộc một tài khoản.\n\n' +
      `Nếu đó là bạn, hãy đăng nhập tại ${p.signInLink}\nhoặc, nếu quên mật khẩu, đặt lại tại ${p.resetLink}\n\n` +
      'Nếu không phải bạn, hãy bỏ qua thư này: tài khoản của bạn không thay đổi.' +
      SIGNATURE.vi,
  }),
  en: (p) => ({
    subject: 'This e-mail address already has an account — public service portal',
    body:
      'Someone just used this e-mail address to register or to attach it to an account on the public service portal, but it already belongs to an account.\n\n' +
      `If that was you, sign in at ${p.signInLink}\nor, if you forgot your password, reset it at ${p.resetLink}\n\n` +
      'If it was not you, ignore this message: your account is unchanged.' +
      SIGNATURE.en,
  }),
});

interface CodeParams {
  code: string;
}

// SMS: short, the code first, and the warning that nobody from the administration asks for it.
const phoneCode = declareNotificationTemplate<CodeParams>(
  'identity.phone-code',
  {
    vi: (p) => ({ subject: '', body: `${p.code} là mã xác nhận số điện thoại trên Cổng dịch vụ công, hiệu lực ${codeMinutes} phút. Không cung cấp mã này cho bất kỳ ai.` }),
    en: (p) => ({ subject: '', body: `${p.code} is your phone confirmation code for the public service portal, valid ${codeMinutes} minutes. Never give it to anyone.` }),
  },
  { secretParams: ['code'] },
);

const phoneAccountExists = declareNotificationTemplate<Record<string, never>>('identity.phone-account-exists', {
  vi: () => ({
    subject: '',
    body: 'Số điện thoại này đã có tài khoản trên Cổng dịch vụ công. Nếu bạn vừa đăng ký, hãy đăng nhập bằng tài khoản đã có. Nếu không, hãy bỏ qua tin này.',
  }),
  en: () => ({
    subject: '',
    body: 'This phone number already has an account on the public service portal. If you just registered, sign in with that account. Otherwise ignore this message.',
  }),
});

/** Identity's message templates, declared in its manifest. */
export const identityNotificationTemplates: NotificationTemplateDeclaration[] = [emailConfirmation, passwordReset, accountExists, phoneCode, phoneAccountExists];

/** The hour a notice is rate-limited by (one "already has an account" notice per address and hour). */
const hourBucket = (now: Date) => now.toISOString().slice(0, 13);

/** Queues the confirmation link for an address, in the caller's transaction. */
export async function sendEmailConfirmation(scope: TxScope, m: { userId: string; to: string; locale: Locale; params: ConfirmationParams }): Promise<void> {
  await enqueueNotification(scope, {
    channel: 'email',
    recipient: m.to,
    template: emailConfirmation.key,
    params: m.params,
    locale: m.locale,
    subjectType: 'user',
    subjectId: m.userId,
  });
}

/** Queues the password-reset link. */
export async function sendPasswordReset(scope: TxScope, m: { userId: string; to: string; locale: Locale; params: ResetParams }): Promise<void> {
  await enqueueNotification(scope, {
    channel: 'email',
    recipient: m.to,
    template: passwordReset.key,
    params: m.params,
    locale: m.locale,
    subjectType: 'user',
    subjectId: m.userId,
  });
}

/** Queues the "this address already has an account" notice, at most one per address and hour. */
export async function sendAccountExists(scope: TxScope, m: { userId: string; to: string; locale: Locale; publicBaseUrl: string; now: Date }): Promise<void> {
  await enqueueNotification(scope, {
    channel: 'email',
    recipient: m.to,
    template: accountExists.key,
    params: { signInLink: portalLink(m.publicBaseUrl, PORTAL_PATHS.signIn), resetLink: portalLink(m.publicBaseUrl, PORTAL_PATHS.forgotPassword) },
    locale: m.locale,
    subjectType: 'user',
    subjectId: m.userId,
    dedupeKey: `identity:account-exists:${m.to}:${hourBucket(m.now)}`,
  });
}

/** Queues an SMS code. */
export async function sendPhoneCode(scope: TxScope, m: { userId: string; to: string; locale: Locale; code: string }): Promise<void> {
  await enqueueNotification(scope, {
    channel: 'sms',
    recipient: m.to,
    template: phoneCode.key,
    params: { code: m.code },
    locale: m.locale,
    subjectType: 'user',
    subjectId: m.userId,
  });
}

/** Queues the "this number already has an account" SMS, at most one per number and hour. */
export async function sendPhoneAccountExists(scope: TxScope, m: { userId: string; to: string; locale: Locale; now: Date }): Promise<void> {
  await enqueueNotification(scope, {
    channel: 'sms',
    recipient: m.to,
    template: phoneAccountExists.key,
    locale: m.locale,
    subjectType: 'user',
    subjectId: m.userId,
    dedupeKey: `identity:phone-account-exists:${m.to}:${hourBucket(m.now)}`,
  });
}
