import { z } from 'zod';
import { IsoDateSchema } from '../common/common.contracts';
import { AccountTypeSchema, EmailSchema, PasswordSchema } from './identity.contracts';

// Citizen and business accounts of the portal (issue 11 item 1): self-registration, confirmation of the e-mail or
// phone, forgotten passwords and the profile whose data pre-fill applications. Field messages are i18n keys.

/**
 * A Vietnamese mobile number: 10 digits beginning 03, 05, 07, 08 or 09 (the ranges left after the 2018 move from 11 to
 * 10 digits, QĐ 798/QĐ-BTTTT), written 0xxxxxxxxx or +84xxxxxxxxx with optional spaces, dots or dashes; stored as
 * 0xxxxxxxxx. SMS codes go to it, so landlines are refused.
 */
export const MobilePhoneSchema = z
  .string()
  .trim()
  .max(20, 'identity.errors.invalidMobile')
  .transform((p) => p.replace(/[ .-]/g, ''))
  .transform((p) => (p.startsWith('+84') ? `0${p.slice(3)}` : p))
  .pipe(z.string().regex(/^0[35789]\d{8}$/, 'identity.errors.invalidMobile'));

/** Personal identification number (số định danh cá nhân) printed on the CCCD: 12 digits (Luật Căn cước 2023 Điều 12). */
export const IdNumberSchema = z
  .string()
  .trim()
  .transform((v) => v.replace(/ /g, ''))
  .pipe(z.string().regex(/^\d{12}$/, 'identity.errors.invalidIdNumber'));

/**
 * Enterprise code (mã số doanh nghiệp), which is also the tax code (Luật Doanh nghiệp 2020 Điều 29): 10 digits, or 13
 * for a dependent unit written 10-3 (Thông tư 105/2020/TT-BTC Điều 5). Given with or without the dash; kept as written
 * with it ("0100109106-001").
 */
export const EnterpriseCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{10}(-?\d{3})?$/, 'identity.errors.invalidEnterpriseCode')
  .transform((v) => {
    const digits = v.replace('-', '');
    return digits.length === 13 ? `${digits.slice(0, 10)}-${digits.slice(10)}` : digits;
  });

/** Channels a citizen may prefer for news of their dossiers; Zalo messages go to the account's phone number. */
export const NotificationChannelPreferenceSchema = z.enum(['email', 'sms', 'zalo']);
export type NotificationChannelPreference = z.infer<typeof NotificationChannelPreferenceSchema>;

const FullNameSchema = z.string().trim().min(1, 'identity.errors.fullNameRequired').max(200);
const BusinessNameSchema = z.string().trim().min(1, 'identity.errors.businessNameRequired').max(300);
const AddressSchema = z.string().trim().max(500);
const BirthDateSchema = IsoDateSchema;

/** A link's secret as the e-mail carried it (base64url). */
const LinkTokenSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{20,200}$/, 'identity.errors.tokenMalformed');

// ---------------------------------------------------------------- registration

/**
 * Self-registration. E-mail or mobile phone is required; with an e-mail the account is confirmed by a link sent there,
 * with a phone only by a code sent by SMS. A business also gives its name and enterprise code; `fullName` is then the
 * person who holds the account for it. ID number, birth date and address may be given now or later in the profile.
 */
export const RegisterAccountRequestSchema = z
  .object({
    accountType: AccountTypeSchema,
    fullName: FullNameSchema,
    email: EmailSchema.optional(),
    phone: MobilePhoneSchema.optional(),
    password: PasswordSchema,
    idNumber: IdNumberSchema.optional(),
    birthDate: BirthDateSchema.optional(),
    address: AddressSchema.optional(),
    businessName: BusinessNameSchema.optional(),
    enterpriseCode: EnterpriseCodeSchema.optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.email && !v.phone) ctx.addIssue({ code: 'custom', path: ['email'], message: 'identity.errors.emailOrPhoneRequired' });
    if (v.accountType === 'business') {
      if (!v.businessName) ctx.addIssue({ code: 'custom', path: ['businessName'], message: 'identity.errors.businessNameRequired' });
      if (!v.enterpriseCode) ctx.addIssue({ code: 'custom', path: ['enterpriseCode'], message: 'identity.errors.enterpriseCodeRequired' });
    } else {
      if (v.businessName !== undefined) ctx.addIssue({ code: 'custom', path: ['businessName'], message: 'identity.errors.businessOnly' });
      if (v.enterpriseCode !== undefined) ctx.addIssue({ code: 'custom', path: ['enterpriseCode'], message: 'identity.errors.businessOnly' });
    }
  });
export type RegisterAccountRequest = z.input<typeof RegisterAccountRequestSchema>;
export type RegisterAccountInput = z.output<typeof RegisterAccountRequestSchema>;

/**
 * The same answer whether or not the e-mail or phone already has an account: where the confirmation went. An address
 * that already has an account receives a notice instead of a link.
 */
export const RegisterAccountResponseSchema = z.object({ channel: z.enum(['email', 'sms']) });
export type RegisterAccountResponse = z.infer<typeof RegisterAccountResponseSchema>;

// ---------------------------------------------------------------- confirmations and password reset

export const ConfirmEmailRequestSchema = z.object({ token: LinkTokenSchema });
export type ConfirmEmailRequest = z.infer<typeof ConfirmEmailRequestSchema>;
/** The address now confirmed (a new address replaces the old one when the link confirmed a change). */
export const ConfirmEmailResponseSchema = z.object({ email: z.string() });
export type ConfirmEmailResponse = z.infer<typeof ConfirmEmailResponseSchema>;

export const EmailOnlyRequestSchema = z.object({ email: EmailSchema });
export type EmailOnlyRequest = z.infer<typeof EmailOnlyRequestSchema>;

export const PhoneOnlyRequestSchema = z.object({ phone: MobilePhoneSchema });
export type PhoneOnlyRequest = z.input<typeof PhoneOnlyRequestSchema>;

export const ConfirmPhoneRequestSchema = z.object({
  phone: MobilePhoneSchema,
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'identity.errors.codeMalformed'),
});
export type ConfirmPhoneRequest = z.input<typeof ConfirmPhoneRequestSchema>;
export const ConfirmPhoneResponseSchema = z.object({ phone: z.string() });
export type ConfirmPhoneResponse = z.infer<typeof ConfirmPhoneResponseSchema>;

export const CompletePasswordResetRequestSchema = z.object({ token: LinkTokenSchema, newPassword: PasswordSchema });
export type CompletePasswordResetRequest = z.infer<typeof CompletePasswordResetRequestSchema>;

/** Accepted: a message goes out if there is someone to send it to (the answer never says whether there is). */
export const AcceptedResponseSchema = z.object({ accepted: z.literal(true) });
export type AcceptedResponse = z.infer<typeof AcceptedResponseSchema>;

// ---------------------------------------------------------------- profile

/**
 * What an application form pre-fills for the applicant (the shape of the dossiers' applicant): a person with their
 * ID number, or a business with its enterprise code and the account holder as its representative.
 */
export const ApplicantPrefillSchema = z.object({
  kind: z.enum(['person', 'organisation']),
  name: z.string(),
  idNumber: z.string().nullable(),
  birthDate: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  address: z.string().nullable(),
  representative: z.object({ name: z.string(), idNumber: z.string().nullable(), birthDate: z.string().nullable() }).nullable(),
});
export type ApplicantPrefill = z.infer<typeof ApplicantPrefillSchema>;

/** The signed-in citizen's or business's own account. */
export const CitizenProfileSchema = z.object({
  id: z.uuid(),
  accountType: AccountTypeSchema,
  fullName: z.string(),
  businessName: z.string().nullable(),
  enterpriseCode: z.string().nullable(),
  email: z.string().nullable(),
  emailVerified: z.boolean(),
  /** A new address waiting for its confirmation link to be used. */
  pendingEmail: z.string().nullable(),
  phone: z.string().nullable(),
  phoneVerified: z.boolean(),
  /** A new number waiting for its SMS code. */
  pendingPhone: z.string().nullable(),
  idNumber: z.string().nullable(),
  /** True once a trusted source (national e-ID) vouched for the ID number; it can then no longer be edited here. */
  idNumberVerified: z.boolean(),
  birthDate: z.string().nullable(),
  address: z.string().nullable(),
  notificationChannel: NotificationChannelPreferenceSchema,
  version: z.number().int(),
  applicant: ApplicantPrefillSchema,
});
export type CitizenProfile = z.infer<typeof CitizenProfileSchema>;

/** Replaces the profile; e-mail and phone change through their own confirmed requests. Business fields only for businesses. */
export const UpdateCitizenProfileRequestSchema = z.object({
  fullName: FullNameSchema,
  businessName: BusinessNameSchema.nullish(),
  enterpriseCode: EnterpriseCodeSchema.nullish(),
  idNumber: IdNumberSchema.nullable(),
  birthDate: BirthDateSchema.nullable(),
  address: AddressSchema.nullable(),
  notificationChannel: NotificationChannelPreferenceSchema,
  version: z.number().int().min(1),
});
export type UpdateCitizenProfileRequest = z.input<typeof UpdateCitizenProfileRequestSchema>;
export type UpdateCitizenProfileInput = z.output<typeof UpdateCitizenProfileRequestSchema>;
