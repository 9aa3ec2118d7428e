// The signed-in citizen's or business's own profile (issue 11 item 1): read (also what application forms pre-fill),
// edit, and move to a new e-mail or phone, which takes effect only once the new one is confirmed.
import { and, eq, sql } from 'drizzle-orm';
import type { CitizenProfile, UpdateCitizenProfileInput } from '../../../../contracts/identity/citizen.contracts';
import { withTransaction, type Ctx } from '../../../platform/context/context';
import { AppError } from '../../../platform/errors';
import { issueLinkToken, issuePhoneCode, MAX_SENDS_PER_HOUR, pendingTarget, sendsInLastHour } from '../account-tokens';
import { identityUsers } from '../identity.tables';
import { PORTAL_PATHS, portalLink, sendAccountExists, sendEmailConfirmation, sendPhoneAccountExists, sendPhoneCode } from '../identity.notify';
import { presentCitizenProfile } from '../identity.presenter';
import { findUserByEmail, findUserByPhone, getUserRow, userSearchText, type UserRow } from '../users.repository';
import { auditAccount, checkBirthDate, type AccountSettings } from './citizen-accounts';
import { authorize, fieldError, requireUser } from './common';

/** The signed-in portal account, after the route's action is checked against it. */
async function ownAccount(ctx: Ctx, action: string): Promise<UserRow> {
  const actor = requireUser(ctx);
  authorize(ctx, action);
  const user = await getUserRow(ctx.db, actor.userId);
  if (!user || user.kind !== 'citizen') throw new AppError('FORBIDDEN', { action });
  return user;
}

async function present(ctx: Ctx, user: UserRow): Promise<CitizenProfile> {
  const now = ctx.clock.now();
  const [pendingEmail, pendingPhone] = await Promise.all([pendingTarget(ctx.db, user.id, 'email-confirmation', now), pendingTarget(ctx.db, user.id, 'phone-confirmation', now)]);
  return presentCitizenProfile(user, { email: pendingEmail !== user.email ? pendingEmail : null, phone: pendingPhone !== user.phone ? pendingPhone : null });
}

/** The account's profile with the applicant block forms pre-fill. */
export async function getCitizenProfile(ctx: Ctx): Promise<CitizenProfile> {
  return present(ctx, await ownAccount(ctx, 'identity.citizen.profile.read'));
}

/**
 * Replaces the profile (optimistic `version`). A business keeps its name and enterprise code; a citizen has none. An ID
 * number vouched for by the national e-ID cannot be edited here. The preferred channel must reach a confirmed
 * contact: e-mail needs a confirmed e-mail, SMS and Zalo a confirmed phone.
 */
export async function updateCitizenProfile(ctx: Ctx, input: UpdateCitizenProfileInput): Promise<CitizenProfile> {
  const user = await ownAccount(ctx, 'identity.citizen.profile.update');
  const now = ctx.clock.now();
  const business = user.accountType === 'business';
  if (business) {
    if (!input.businessName) throw fieldError('body.businessName', 'identity.errors.businessNameRequired');
    if (!input.enterpriseCode) throw fieldError('body.enterpriseCode', 'identity.errors.enterpriseCodeRequired');
  } else {
    if (input.businessName) throw fieldError('body.businessName', 'identity.errors.businessOnly');
    if (input.enterpriseCode) throw fieldError('body.enterpriseCode', 'identity.errors.businessOnly');
  }
  if (user.idNumberVerifiedAt && input.idNumber !== user.idNumber) throw fieldError('body.idNumber', 'identity.errors.idNumberVerified');
  if (input.birthDate) checkBirthDate(input.birthDate, now, 'body.birthDate');
  const emailOk = Boolean(user.email && user.emailVerifiedAt);
  const phoneOk = Boolean(user.phone && user.phoneVerifiedAt);
  // An account made by single sign-on may have no contact yet: its choice waits until one is confirmed.
  const noContact = !emailOk && !phoneOk;
  if (!noContact && input.notificationChannel === 'email' && !emailOk) throw fieldError('body.notificationChannel', 'identity.errors.channelNeedsEmail');
  if (!noContact && input.notificationChannel !== 'email' && !phoneOk) throw fieldError('body.notificationChannel', 'identity.errors.channelNeedsPhone');
  if (user.version !== input.version) throw new AppError('VERSION_CONFLICT');

  const profile = {
    displayName: input.fullName,
    businessName: business ? input.businessName! : null,
    taxCode: business ? input.enterpriseCode! : null,
    idNumber: input.idNumber,
    bornOn: input.birthDate,
    address: input.address || null,
    notificationChannel: noContact ? user.notificationChannel : input.notificationChannel,
  };
  const updated = await withTransaction(ctx, async (scope) => {
    const [row] = await scope.tx
      .update(identityUsers)
      .set({ ...profile, searchText: userSearchText({ ...user, ...profile }), updatedAt: now, version: sql`${identityUsers.version} + 1` })
      .where(and(eq(identityUsers.id, user.id), eq(identityUsers.version, input.version)))
      .returning();
    if (!row) throw new AppError('VERSION_CONFLICT');
    await scope.audit({ action: 'identity.citizen.profile-update', subjectType: 'user', subjectId: user.id, before: auditAccount(user), after: auditAccount(row) });
    return row;
  });
  return present(ctx, updated);
}

/**
 * Asks to use a new e-mail address (or to confirm the current one): a link goes to it, and the address replaces the
 * old one only when the link is used. An address another account holds gets the "already has an account" notice
 * instead; the answer is the same.
 */
export async function requestEmailChange(ctx: Ctx, email: string, settings: AccountSettings): Promise<void> {
  const user = await ownAccount(ctx, 'identity.citizen.contacts.change');
  const now = ctx.clock.now();
  if (user.email?.toLowerCase() === email && user.emailVerifiedAt) return;
  const holder = await findUserByEmail(ctx.db, email);
  if (holder && holder.id !== user.id) {
    await withTransaction(ctx, async (scope) => {
      await sendAccountExists(scope, { userId: holder.id, to: email, locale: ctx.locale, publicBaseUrl: settings.publicBaseUrl, now });
      await scope.audit({ action: 'identity.citizen.email-change-request', subjectType: 'user', subjectId: user.id, after: { to: email, heldByAnotherAccount: true } });
    });
    return;
  }
  if ((await sendsInLastHour(ctx.db, email, 'email-confirmation', now)) >= MAX_SENDS_PER_HOUR) return;
  await withTransaction(ctx, async (scope) => {
    const secret = await issueLinkToken(scope.tx, { userId: user.id, purpose: 'email-confirmation', target: email, now });
    const link = portalLink(settings.publicBaseUrl, PORTAL_PATHS.confirmEmail, secret);
    const change = user.email?.toLowerCase() !== email;
    await sendEmailConfirmation(scope, { userId: user.id, to: email, locale: ctx.locale, params: { name: user.displayName, link, change, phoneNotSaved: null } });
    await scope.audit({ action: 'identity.citizen.email-change-request', subjectType: 'user', subjectId: user.id, after: { to: email, heldByAnotherAccount: false } });
  });
}

/** Asks to use a new mobile number (or to confirm the current one): a code goes to it by SMS; same rules as e-mail. */
export async function requestPhoneChange(ctx: Ctx, phone: string): Promise<void> {
  const user = await ownAccount(ctx, 'identity.citizen.contacts.change');
  const now = ctx.clock.now();
  if (user.phone === phone && user.phoneVerifiedAt) return;
  const holder = await findUserByPhone(ctx.db, phone);
  if (holder && holder.id !== user.id) {
    await withTransaction(ctx, async (scope) => {
      await sendPhoneAccountExists(scope, { userId: holder.id, to: phone, locale: ctx.locale, now });
      await scope.audit({ action: 'identity.citizen.phone-change-request', subjectType: 'user', subjectId: user.id, after: { to: phone, heldByAnotherAccount: true } });
    });
    return;
  }
  if ((await sendsInLastHour(ctx.db, phone, 'phone-confirmation', now)) >= MAX_SENDS_PER_HOUR) return;
  await withTransaction(ctx, async (scope) => {
    const code = await issuePhoneCode(scope.tx, { userId: user.id, phone, now });
    await sendPhoneCode(scope, { userId: user.id, to: phone, locale: ctx.locale, code });
    await scope.audit({ action: 'identity.citizen.phone-change-request', subjectType: 'user', subjectId: user.id, after: { to: phone, heldByAnotherAccount: false } });
  });
}
