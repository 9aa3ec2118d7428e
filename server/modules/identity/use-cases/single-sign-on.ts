// Single sign-on of portal accounts with the national e-ID (issue 11 item 1) over OpenID Connect: the provider vouches
// for the person's 12-digit personal identification number (Luật Căn cước 2023 Điều 12), name and birth date. An
// identity already linked signs in; else an account whose number was already verified is linked; else a new account
// is made from the claims. A number that is only declared never links: anyone can type anyone's number.
import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { and, eq, inArray, isNotNull, isNull, gt, lt } from 'drizzle-orm';
import { hashToken } from '../../../platform/auth/sessions';
import { withTransaction, type Ctx } from '../../../platform/context/context';
import type { OidcClaimNames } from '../../../platform/config/oidc.config';
import type { Queryable } from '../../../platform/db/database';
import { AppError } from '../../../platform/errors';
import { buildActor } from '../actor';
import { identityOidcIdentities, identityOidcRequests, identityUsers } from '../identity.tables';
import { vietnamDate } from '../identity.text';
import { hashPassword } from '../passwords';
import type { SsoClient, SsoIdentity } from '../sso-client';
import { getUserRow, userSearchText, type UserRow } from '../users.repository';
import { openSession, type AuthSettings, type SignedIn } from './sessions';

/** How long the browser has to come back from the provider. */
export const SSO_REQUEST_MINUTES = 10;
/** Requests older than this are removed when new ones start (at most SWEEP_BATCH at a time). */
const SWEEP_AFTER_MS = 24 * 3600_000;
const SWEEP_BATCH = 100;

/** The person as the provider describes them, checked. */
export interface SsoPerson {
  idNumber: string;
  fullName: string;
  birthDate: string | null;
}

/** A session opened by single sign-on, and where the portal goes next. */
export interface SsoSignedIn extends SignedIn {
  returnTo: string;
  outcome: 'signed-in' | 'linked' | 'created';
}

/** A claim by name, or by a dotted path into a nested claim object ("vneid.so_dinh_danh"). */
function claim(claims: Record<string, unknown>, name: string): unknown {
  if (name in claims) return claims[name];
  let value: unknown = claims;
  for (const part of name.split('.')) {
    if (!value || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** A birth date as `YYYY-MM-DD` from `YYYY-MM-DD` (OIDC `birthdate`), `YYYYMMDD` or `DD/MM/YYYY`; null when unusable. */
export function parseBirthDate(raw: unknown, now: Date): string | null {
  if (typeof raw !== 'string') return null;
  const s = raw.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  const iso = m ? `${m[1]}-${m[2]}-${m[3]}` : vn ? `${vn[3]}-${vn[2]!.padStart(2, '0')}-${vn[1]!.padStart(2, '0')}` : null;
  if (!iso) return null;
  const parsed = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== iso) return null;
  return iso >= '1900-01-01' && iso <= vietnamDate(now) ? iso : null;
}

/**
 * Reads the person from the provider's claims with the configured names. The ID number (12 digits once spaces are
 * removed) and the name are required: without them the sign-in is refused (SSO_CLAIMS_MISSING); an unreadable birth
 * date is left empty.
 */
export function readSsoPerson(claims: Record<string, unknown>, names: OidcClaimNames, now: Date): SsoPerson {
  const rawId = claim(claims, names.idNumber);
  const idNumber = typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId).replace(/[\s.]/g, '') : '';
  const rawName = claim(claims, names.fullName);
  const fullName = typeof rawName === 'string' ? rawName.trim().replace(/\s+/g, ' ').slice(0, 200) : '';
  const missing = [...(/^\d{12}$/.test(idNumber) ? [] : [names.idNumber]), ...(fullName ? [] : [names.fullName])];
  if (missing.length) throw new AppError('SSO_CLAIMS_MISSING', { claims: missing.join(', ') }, { status: 502 });
  return { idNumber, fullName, birthDate: parseBirthDate(claim(claims, names.birthDate), now) };
}

/** Only a portal path: never another site (`//x`, `/\x`) nor the back office. */
export function portalReturnPath(next: string | undefined, fallback: string): string {
  if (!next || next.length > 500 || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || next === '/admin' || next.startsWith('/admin/')) {
    return fallback;
  }
  return next;
}

/**
 * Starts a sign-in at the provider: fresh state, nonce and PKCE verifier, kept in the database for whichever process
 * takes the callback. The caller gives the state to the browser in a short-lived httpOnly cookie, so the callback is
 * accepted only in the browser that started it (no login CSRF). Nothing is audited: nobody is known yet.
 */
export async function startSingleSignOn(ctx: Ctx, client: SsoClient | null, returnTo: string): Promise<{ url: URL; state: string }> {
  if (!client) throw new AppError('SSO_NOT_CONFIGURED', {}, { status: 404 });
  const checks = client.newChecks();
  // Asked before anything is written: a provider that cannot be reached leaves no row behind.
  const url = await client.authorizationUrl(checks);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(identityOidcRequests).values({
      stateHash: hashToken(checks.state),
      nonce: checks.nonce,
      codeVerifier: checks.codeVerifier,
      returnTo,
      createdAt: now,
      expiresAt: new Date(now.getTime() + SSO_REQUEST_MINUTES * 60_000),
    });
    const stale = tx
      .select({ id: identityOidcRequests.id })
      .from(identityOidcRequests)
      .where(lt(identityOidcRequests.expiresAt, new Date(now.getTime() - SWEEP_AFTER_MS)))
      .limit(SWEEP_BATCH);
    await tx.delete(identityOidcRequests).where(inArray(identityOidcRequests.id, stale));
  });
  return { url, state: checks.state };
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Takes a live request by its state, once: the row is marked used in its own commit before the provider is called,
 * so a replayed callback (or two racing ones) finds it used.
 */
async function takeRequest(db: Queryable, state: string, now: Date) {
  const [row] = await db
    .update(identityOidcRequests)
    .set({ usedAt: now })
    .where(and(eq(identityOidcRequests.stateHash, hashToken(state)), isNull(identityOidcRequests.usedAt), gt(identityOidcRequests.expiresAt, now)))
    .returning();
  return row ?? null;
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}

/** Which account the identity signs in to, as read before the transaction (the unique indexes settle races). */
type Target = { kind: 'linked'; user: UserRow } | { kind: 'verified'; user: UserRow } | { kind: 'new'; id: string };

async function findTarget(db: Queryable, identity: SsoIdentity, person: SsoPerson): Promise<Target> {
  const [link] = await db
    .select({ userId: identityOidcIdentities.userId })
    .from(identityOidcIdentities)
    .where(and(eq(identityOidcIdentities.issuer, identity.issuer), eq(identityOidcIdentities.subject, identity.subject)))
    .limit(1);
  const linked = link ? await getUserRow(db, link.userId) : null;
  if (linked) return { kind: 'linked', user: linked };
  // Only a number a trusted source already vouched for; a declared one proves nothing about who holds the account.
  const [holder] = await db
    .select()
    .from(identityUsers)
    .where(and(eq(identityUsers.idNumber, person.idNumber), isNotNull(identityUsers.idNumberVerifiedAt)))
    .limit(1);
  if (holder) return { kind: 'verified', user: holder };
  return { kind: 'new', id: randomUUID() };
}

/** Records a refused single sign-on of a known identity, so support can tell the citizen why. */
async function auditRefusal(ctx: Ctx, identity: SsoIdentity, reason: string, userId: string | null): Promise<void> {
  await withTransaction(ctx, (scope) =>
    scope.audit({
      action: 'identity.sso.refused',
      subjectType: userId ? 'user' : 'oidc-identity',
      subjectId: userId ?? identity.subject,
      after: { issuer: identity.issuer, subject: identity.subject, reason },
    }),
  );
}

/** Signs the identity in (linking or creating the account first when needed), in one transaction with its audit. */
async function signInIdentity(ctx: Ctx, identity: SsoIdentity, person: SsoPerson, settings: AuthSettings, userAgent: string | undefined) {
  const target = await findTarget(ctx.db, identity, person);
  if (target.kind !== 'new') {
    if (target.user.kind !== 'citizen') {
      await auditRefusal(ctx, identity, 'not-a-portal-account', target.user.id);
      throw new AppError('SSO_ACCOUNT_CONFLICT', {}, { status: 409 });
    }
    if (target.user.disabled) {
      await auditRefusal(ctx, identity, 'account-disabled', target.user.id);
      throw new AppError('ACCOUNT_DISABLED');
    }
  }
  const now = ctx.clock.now();
  // A new account gets a password nobody knows; its holder can set one through a reset link once an e-mail is added.
  const passwordHash = target.kind === 'new' ? await hashPassword(randomBytes(32).toString('base64url')) : null;
  const account = target.kind === 'new' ? { id: target.id, kind: 'citizen', displayName: person.fullName } : target.user;
  const link = { issuer: identity.issuer, subject: identity.subject };
  return withTransaction({ ...ctx, actor: buildActor(account, [], '') }, async (scope) => {
    if (target.kind === 'new') {
      const profile = { displayName: person.fullName, accountType: 'citizen', idNumber: person.idNumber, bornOn: person.birthDate } as const;
      await scope.tx.insert(identityUsers).values({
        id: target.id,
        kind: 'citizen',
        ...profile,
        idNumberVerifiedAt: now,
        passwordHash: passwordHash!,
        searchText: userSearchText(profile),
        createdAt: now,
        updatedAt: now,
      });
      await scope.audit({
        action: 'identity.sso.register',
        subjectType: 'user',
        subjectId: target.id,
        after: { ...link, fullName: person.fullName, idNumber: person.idNumber, idNumberVerifiedAt: now, birthDate: person.birthDate },
      });
    }
    if (target.kind !== 'linked') {
      await scope.tx.insert(identityOidcIdentities).values({ ...link, userId: account.id, createdAt: now, lastLoginAt: now });
      await scope.audit({
        action: 'identity.sso.link',
        subjectType: 'user',
        subjectId: account.id,
        after: { ...link, by: target.kind === 'new' ? 'new-account' : 'verified-id-number' },
      });
    } else {
      await scope.tx
        .update(identityOidcIdentities)
        .set({ lastLoginAt: now })
        .where(and(eq(identityOidcIdentities.issuer, link.issuer), eq(identityOidcIdentities.subject, link.subject)));
    }
    const [user] = await scope.tx
      .update(identityUsers)
      .set({ lastLoginAt: now })
      .where(and(eq(identityUsers.id, account.id), eq(identityUsers.disabled, false)))
      .returning();
    // Disabled between the read and this update: refused like any disabled account.
    if (!user) throw new AppError('ACCOUNT_DISABLED');
    await scope.audit({ action: 'identity.sso.login', subjectType: 'user', subjectId: user.id, after: { ...link, userAgent: userAgent?.slice(0, 200) ?? null } });
    const outcome = target.kind === 'new' ? 'created' : target.kind === 'linked' ? 'signed-in' : 'linked';
    return { ...(await openSession(ctx, scope.tx, user, settings, userAgent)), outcome } as const;
  });
}

/** What the provider sent back to the callback, and the state the browser kept. */
export interface SsoCallbackInput {
  query: { state?: string | undefined; error?: string | undefined };
  /** The state from the browser's cookie. */
  cookieState: string | undefined;
  /** The callback URL with the provider's query parameters (code, state, iss). */
  callbackUrl: URL;
}

/**
 * Completes a sign-in at the callback: the state must be the browser's and unused (SSO_STATE_INVALID), the provider
 * must not report an error (SSO_CANCELLED, SSO_PROVIDER_ERROR), the code exchange and ID token must validate, and
 * the claims must carry the ID number and name (SSO_CLAIMS_MISSING). Opens the same session a password sign-in does.
 */
export async function completeSingleSignOn(
  ctx: Ctx,
  client: SsoClient | null,
  input: SsoCallbackInput,
  settings: AuthSettings,
  userAgent: string | undefined,
): Promise<SsoSignedIn> {
  if (!client) throw new AppError('SSO_NOT_CONFIGURED', {}, { status: 404 });
  const state = input.query.state;
  if (!state || !input.cookieState || !sameSecret(state, input.cookieState)) throw new AppError('SSO_STATE_INVALID');
  const now = ctx.clock.now();
  const request = await takeRequest(ctx.db, state, now);
  if (!request) throw new AppError('SSO_STATE_INVALID');
  if (input.query.error) {
    throw new AppError(input.query.error === 'access_denied' ? 'SSO_CANCELLED' : 'SSO_PROVIDER_ERROR', { providerError: input.query.error.slice(0, 100) });
  }
  const identity = await client.exchange(input.callbackUrl, { state, nonce: request.nonce, codeVerifier: request.codeVerifier });
  let person: SsoPerson;
  try {
    person = readSsoPerson(identity.claims, client.settings.claims, now);
  } catch (err) {
    await auditRefusal(ctx, identity, 'claims-missing', null);
    throw err;
  }
  for (let attempt = 1; ; attempt++) {
    try {
      const signedIn = await signInIdentity(ctx, identity, person, settings, userAgent);
      return { ...signedIn, returnTo: request.returnTo };
    } catch (err) {
      // A first sign-in racing another of the same person: the second attempt finds what the first made.
      if (!isUniqueViolation(err)) throw err;
      if (attempt >= 2) {
        await auditRefusal(ctx, identity, 'id-number-held', null);
        throw new AppError('SSO_ACCOUNT_CONFLICT', {}, { status: 409, cause: err });
      }
    }
  }
}
