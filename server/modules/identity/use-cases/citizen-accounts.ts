// Citizen and business accounts of the portal (issue 11 item 1): registration, confirmation of the e-mail (link) or of
// the phone (SMS code), and forgotten passwords. Anonymous requests about an address answer alike whether or not it
// has an account (OWASP ASVS v4.0.3 2.2.x, the Authentication and Forgot Password cheat sheets): what differs goes to
// the address itself, which only its owner reads.
import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type {
  CompletePasswordResetRequest,
  ConfirmEmailResponse,
  ConfirmPhoneResponse,
  RegisterAccountInput,
  RegisterAccountResponse,
} from '../../../../contracts/identity/citizen.contracts';
import type { AppConfig } from '../../../platform/config/config';
import { revokeUserSessions } from '../../../platform/auth/sessions';
import { withTransaction, type Ctx } from '../../../platform/context/context';
import { AppError } from '../../../platform/errors';
import {
  codeMatches,
  findLinkTokenOwner,
  findPhoneCodeOwner,
  issueLinkToken,
  issuePhoneCode,
  lockLivePhoneCode,
  markTokenUsed,
  MAX_CODE_ATTEMPTS,
  MAX_SENDS_PER_HOUR,
  recordWrongCode,
  revokeLiveTokens,
  sendsInLastHour,
  useLinkToken,
  type AccountTokenRow,
} from '../account-tokens';
import { buildActor } from '../actor';
import { identityUsers } from '../identity.tables';
import { PORTAL_PATHS, portalLink, sendAccountExists, sendEmailConfirmation, sendPasswordReset, sendPhoneAccountExists, sendPhoneCode } from '../identity.notify';
import { vietnamDate } from '../identity.text';
import { clearUserCounters } from '../login-throttle';
import { hashPassword } from '../passwords';
import { findTakenIdentifiers, findUserByEmail, findUserByPhone, getUserRow, lockUser, userSearchText, type UserRow } from '../users.repository';
import { duplicateError, fieldError } from './common';

/** What account messages need from the configuration: the address links point to. */
export interface AccountSettings {
  publicBaseUrl: string;
}

/** Reads the account settings from the configuration. */
export function accountSettings(config: AppConfig): AccountSettings {
  return { publicBaseUrl: config.publicBaseUrl };
}

/** A context acting as the account: what the owner of an address or a link does is recorded as theirs. */
function asAccount(ctx: Ctx, user: Pick<UserRow, 'id' | 'kind' | 'displayName'>): Ctx {
  return { ...ctx, actor: buildActor(user, [], '') };
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}

/** Refuses a birth date that is not a real calendar day, lies in the future or before 1900. */
export function checkBirthDate(value: string, now: Date, path: string): void {
  const parsed = new Date(`${value}T00:00:00Z`);
  const real = !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
  if (!real || value < '1900-01-01' || value > vietnamDate(now)) throw fieldError(path, 'identity.errors.invalidBirthDate');
}

/** What an audit entry records of a portal account: its profile, never its password or secrets. */
export function auditAccount(
  u: Pick<UserRow, 'displayName' | 'email' | 'phone' | 'accountType' | 'taxCode' | 'businessName' | 'idNumber' | 'bornOn' | 'address' | 'notificationChannel'>,
) {
  return {
    displayName: u.displayName,
    email: u.email,
    phone: u.phone,
    accountType: u.accountType,
    enterpriseCode: u.taxCode,
    businessName: u.businessName,
    idNumber: u.idNumber,
    birthDate: u.bornOn,
    address: u.address,
    notificationChannel: u.notificationChannel,
  };
}

/**
 * Registers a citizen or business account, not yet able to sign in: a confirmation link goes to the e-mail, or, without
 * one, a code by SMS to the phone. The answer is the same when the address already has an account: that address then
 * gets a notice (sign in, or reset the password) instead. A phone already used elsewhere is left out of a new account
 * that has an e-mail, and the confirmation mail says so.
 */
export async function registerAccount(ctx: Ctx, input: RegisterAccountInput, settings: AccountSettings): Promise<RegisterAccountResponse> {
  const now = ctx.clock.now();
  if (input.birthDate) checkBirthDate(input.birthDate, now, 'body.birthDate');
  const email = input.email ?? null;
  const phone = input.phone ?? null;
  const channel = email ? 'email' : 'sms';
  // Hashed whatever happens next, so an address that already has an account answers after the same work.
  const passwordHash = await hashPassword(input.password);
  const byEmail = email ? await findUserByEmail(ctx.db, email) : null;
  const byPhone = phone ? await findUserByPhone(ctx.db, phone) : null;

  const existing = email ? byEmail : byPhone;
  if (existing) {
    await withTransaction(ctx, async (scope) => {
      if (email) await sendAccountExists(scope, { userId: existing.id, to: email, locale: ctx.locale, publicBaseUrl: settings.publicBaseUrl, now });
      else await sendPhoneAccountExists(scope, { userId: existing.id, to: phone!, locale: ctx.locale, now });
      await scope.audit({ action: 'identity.citizen.register-existing', subjectType: 'user', subjectId: existing.id, after: { channel } });
    });
    return { channel };
  }

  const id = randomUUID();
  const profile = {
    displayName: input.fullName,
    email,
    phone: byPhone ? null : phone,
    accountType: input.accountType,
    taxCode: input.accountType === 'business' ? (input.enterpriseCode ?? null) : null,
    businessName: input.accountType === 'business' ? (input.businessName ?? null) : null,
    idNumber: input.idNumber ?? null,
    bornOn: input.birthDate ?? null,
    address: input.address || null,
    notificationChannel: channel,
  } as const;
  try {
    await withTransaction(asAccount(ctx, { id, kind: 'citizen', displayName: input.fullName }), async (scope) => {
      await scope.tx.insert(identityUsers).values({
        id,
        kind: 'citizen',
        ...profile,
        passwordHash,
        passwordChangedAt: now,
        searchText: userSearchText(profile),
        createdAt: now,
        updatedAt: now,
      });
      await scope.audit({ action: 'identity.citizen.register', subjectType: 'user', subjectId: id, after: { ...auditAccount(profile), phoneNotSaved: byPhone ? phone : null } });
      if (email) {
        const secret = await issueLinkToken(scope.tx, { userId: id, purpose: 'email-confirmation', target: email, now });
        const link = portalLink(settings.publicBaseUrl, PORTAL_PATHS.confirmEmail, secret);
        await sendEmailConfirmation(scope, {
          userId: id,
          to: email,
          locale: ctx.locale,
          params: { name: input.fullName, link, change: false, phoneNotSaved: byPhone ? phone : null },
        });
      } else {
        const code = await issuePhoneCode(scope.tx, { userId: id, phone: phone!, now });
        await sendPhoneCode(scope, { userId: id, to: phone!, locale: ctx.locale, code });
      }
    });
  } catch (err) {
    // Two registrations of one address at the same moment: the second answers like any address that has an account.
    if (isUniqueViolation(err)) return { channel };
    throw err;
  }
  return { channel };
}

/** The account a link secret belongs to, read without taking it (the transaction then takes it under a lock). */
async function linkOwner(ctx: Ctx, secret: string, purpose: 'email-confirmation' | 'password-reset'): Promise<UserRow> {
  const userId = await findLinkTokenOwner(ctx.db, secret, purpose);
  const user = userId ? await getUserRow(ctx.db, userId) : null;
  if (!user) throw new AppError('TOKEN_INVALID');
  return user;
}

/**
 * Uses an e-mail confirmation link: the address it was sent to becomes the account's confirmed e-mail (a new
 * address replaces the old one). Single use; 48 hours.
 */
export async function confirmEmail(ctx: Ctx, secret: string): Promise<ConfirmEmailResponse> {
  const owner = await linkOwner(ctx, secret, 'email-confirmation');
  const now = ctx.clock.now();
  return withTransaction(asAccount(ctx, owner), async (scope) => {
    const token = await useLinkToken(scope.tx, secret, 'email-confirmation', now);
    const user = (await lockUser(scope.tx, token.userId))!;
    const change = user.email?.toLowerCase() !== token.target;
    if (change && (await findTakenIdentifiers(scope.tx, { email: token.target, exceptUserId: user.id })).length) throw duplicateError(['email']);
    const [row] = await scope.tx
      .update(identityUsers)
      .set({ email: token.target, emailVerifiedAt: now, searchText: userSearchText({ ...user, email: token.target }), updatedAt: now, version: sql`${identityUsers.version} + 1` })
      .where(eq(identityUsers.id, user.id))
      .returning();
    // A reset link sent to the old address must not outlive the move to a new one.
    if (change) await revokeLiveTokens(scope.tx, user.id, ['password-reset'], now);
    await scope.audit({
      action: 'identity.citizen.email-confirm',
      subjectType: 'user',
      subjectId: user.id,
      before: { email: user.email, emailVerifiedAt: user.emailVerifiedAt },
      after: { email: row!.email, emailVerifiedAt: now },
    });
    return { email: row!.email! };
  });
}

/** Sends a new confirmation link to an account registered with this e-mail and not confirmed yet; otherwise nothing. */
export async function resendEmailConfirmation(ctx: Ctx, email: string, settings: AccountSettings): Promise<void> {
  const now = ctx.clock.now();
  const user = await findUserByEmail(ctx.db, email);
  if (!user || user.kind !== 'citizen' || user.disabled || user.emailVerifiedAt) return;
  if ((await sendsInLastHour(ctx.db, email, 'email-confirmation', now)) >= MAX_SENDS_PER_HOUR) return;
  await withTransaction(ctx, async (scope) => {
    const secret = await issueLinkToken(scope.tx, { userId: user.id, purpose: 'email-confirmation', target: email, now });
    const link = portalLink(settings.publicBaseUrl, PORTAL_PATHS.confirmEmail, secret);
    await sendEmailConfirmation(scope, { userId: user.id, to: email, locale: ctx.locale, params: { name: user.displayName, link, change: false, phoneNotSaved: null } });
    await scope.audit({ action: 'identity.citizen.email-confirmation-resend', subjectType: 'user', subjectId: user.id, after: { to: email } });
  });
}

/**
 * Checks an SMS code for a phone: right, the number becomes the account's confirmed phone (a new number replaces
 * the old); wrong, the try is counted and the code burns at the fifth. Every refusal is the same 400
 * PHONE_CODE_INVALID (unknown number, no code, wrong, burnt or expired).
 */
export async function confirmPhone(ctx: Ctx, input: { phone: string; code: string }): Promise<ConfirmPhoneResponse> {
  const now = ctx.clock.now();
  const ownerId = await findPhoneCodeOwner(ctx.db, input.phone, now);
  const owner = ownerId ? await getUserRow(ctx.db, ownerId) : null;
  if (!owner) throw new AppError('PHONE_CODE_INVALID');
  const outcome = await withTransaction(asAccount(ctx, owner), async (scope) => {
    const row: AccountTokenRow | null = await lockLivePhoneCode(scope.tx, input.phone, now);
    if (!row || row.userId !== owner.id) return { ok: false as const };
    if (!codeMatches(row, input.code)) {
      const attempts = await recordWrongCode(scope.tx, row, now);
      await scope.audit({ action: 'identity.citizen.phone-code-failed', subjectType: 'user', subjectId: owner.id, after: { attempts, burnt: attempts >= MAX_CODE_ATTEMPTS } });
      return { ok: false as const };
    }
    const user = (await lockUser(scope.tx, owner.id))!;
    if (user.phone !== input.phone && (await findTakenIdentifiers(scope.tx, { phone: input.phone, exceptUserId: user.id })).length) throw duplicateError(['phone']);
    await markTokenUsed(scope.tx, row.id, now);
    await scope.tx
      .update(identityUsers)
      .set({ phone: input.phone, phoneVerifiedAt: now, searchText: userSearchText({ ...user, phone: input.phone }), updatedAt: now, version: sql`${identityUsers.version} + 1` })
      .where(eq(identityUsers.id, user.id));
    await scope.audit({
      action: 'identity.citizen.phone-confirm',
      subjectType: 'user',
      subjectId: user.id,
      before: { phone: user.phone, phoneVerifiedAt: user.phoneVerifiedAt },
      after: { phone: input.phone, phoneVerifiedAt: now },
    });
    return { ok: true as const };
  });
  // Thrown after the commit: the counted wrong try must stay counted.
  if (!outcome.ok) throw new AppError('PHONE_CODE_INVALID');
  return { phone: input.phone };
}

/** Sends a new SMS code to an account registered with this phone and not confirmed yet; otherwise nothing. */
export async function resendPhoneCode(ctx: Ctx, phone: string): Promise<void> {
  const now = ctx.clock.now();
  const user = await findUserByPhone(ctx.db, phone);
  if (!user || user.kind !== 'citizen' || user.disabled || user.phoneVerifiedAt) return;
  if ((await sendsInLastHour(ctx.db, phone, 'phone-confirmation', now)) >= MAX_SENDS_PER_HOUR) return;
  await withTransaction(ctx, async (scope) => {
    const code = await issuePhoneCode(scope.tx, { userId: user.id, phone, now });
    await sendPhoneCode(scope, { userId: user.id, to: phone, locale: ctx.locale, code });
    await scope.audit({ action: 'identity.citizen.phone-code-resend', subjectType: 'user', subjectId: user.id, after: { to: phone } });
  });
}

/**
 * Sends a password-reset link to the citizen or business account with this e-mail (officers' passwords are reset by
 * their administrators); otherwise nothing. The answer never says which.
 */
export async function requestPasswordReset(ctx: Ctx, email: string, settings: AccountSettings): Promise<void> {
  const now = ctx.clock.now();
  const user = await findUserByEmail(ctx.db, email);
  if (!user || user.kind !== 'citizen' || user.disabled) return;
  if ((await sendsInLastHour(ctx.db, email, 'password-reset', now)) >= MAX_SENDS_PER_HOUR) return;
  await withTransaction(ctx, async (scope) => {
    const secret = await issueLinkToken(scope.tx, { userId: user.id, purpose: 'password-reset', target: email, now });
    const link = portalLink(settings.publicBaseUrl, PORTAL_PATHS.resetPassword, secret);
    await sendPasswordReset(scope, { userId: user.id, to: email, locale: ctx.locale, params: { name: user.displayName, link } });
    await scope.audit({ action: 'identity.citizen.password-reset-request', subjectType: 'user', subjectId: user.id, after: { to: email } });
  });
}

/**
 * Uses a password-reset link: sets the new password, ends every session of the account, voids its other reset links
 * and clears its sign-in delays. The link proves the mailbox, so an unconfirmed e-mail it was sent to is confirmed.
 */
export async function completePasswordReset(ctx: Ctx, input: CompletePasswordResetRequest): Promise<void> {
  const owner = await linkOwner(ctx, input.token, 'password-reset');
  const passwordHash = await hashPassword(input.newPassword);
  const now = ctx.clock.now();
  await withTransaction(asAccount(ctx, owner), async (scope) => {
    const token = await useLinkToken(scope.tx, input.token, 'password-reset', now);
    const user = (await lockUser(scope.tx, token.userId))!;
    const confirmsEmail = !user.emailVerifiedAt && user.email?.toLowerCase() === token.target;
    await scope.tx
      .update(identityUsers)
      .set({ passwordHash, passwordChangedAt: now, ...(confirmsEmail ? { emailVerifiedAt: now } : {}), updatedAt: now, version: sql`${identityUsers.version} + 1` })
      .where(eq(identityUsers.id, user.id));
    await revokeUserSessions(scope.tx, user.id, now);
    await revokeLiveTokens(scope.tx, user.id, ['password-reset'], now);
    await clearUserCounters(scope.tx, user.id);
    await scope.audit({ action: 'identity.citizen.password-reset', subjectType: 'user', subjectId: user.id, after: { passwordChangedAt: now, emailConfirmed: confirmsEmail } });
  });
}
