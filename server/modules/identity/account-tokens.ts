// Single-use secrets sent to citizens: links (e-mail confirmation, password reset) and six-digit SMS codes (phone
// confirmation). OWASP ASVS v4.0.3 2.5.x / 2.7.x: random, single use, short-lived, stored only as a hash, and a code
// burns after a few wrong tries.
import { createHash, randomBytes, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { and, count, desc, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/database';
import { AppError } from '../../platform/errors';
import { identityAccountTokens, type AccountTokenPurpose } from './identity.tables';

/** How long each kind of secret stays usable. */
export const TOKEN_TTL_MS: Record<AccountTokenPurpose, number> = {
  // Long enough for a mail that waits in a queue or a citizen who reads mail the next evening.
  'email-confirmation': 48 * 3600_000,
  // Short: the link sets a password (OWASP Forgot Password Cheat Sheet).
  'password-reset': 60 * 60_000,
  'phone-confirmation': 10 * 60_000,
};
/** Wrong codes entered against one SMS code before it burns. */
export const MAX_CODE_ATTEMPTS = 5;
/** Secrets of one purpose sent to one address or number per hour; further requests send nothing (no mail bombing). */
export const MAX_SENDS_PER_HOUR = 5;

export type AccountTokenRow = typeof identityAccountTokens.$inferSelect;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
// A code has little entropy; hashing it with its row id means equal codes never share a hash.
const codeHash = (id: string, code: string) => sha256(`${id}:${code}`);

/** Voids every still-usable secret of these purposes of a user (a newer one was sent, or the password changed). */
export async function revokeLiveTokens(tx: Queryable, userId: string, purposes: AccountTokenPurpose[], now: Date): Promise<void> {
  await tx
    .update(identityAccountTokens)
    .set({ revokedAt: now })
    .where(
      and(
        eq(identityAccountTokens.userId, userId),
        inArray(identityAccountTokens.purpose, purposes),
        isNull(identityAccountTokens.usedAt),
        isNull(identityAccountTokens.revokedAt),
        gt(identityAccountTokens.expiresAt, now),
      ),
    );
}

/** Issues a link secret (256 random bits, base64url) in the caller's transaction; older ones of the purpose are voided. */
export async function issueLinkToken(tx: Queryable, input: { userId: string; purpose: 'email-confirmation' | 'password-reset'; target: string; now: Date }): Promise<string> {
  const secret = randomBytes(32).toString('base64url');
  await revokeLiveTokens(tx, input.userId, [input.purpose], input.now);
  await tx.insert(identityAccountTokens).values({
    userId: input.userId,
    purpose: input.purpose,
    target: input.target,
    secretHash: sha256(secret),
    createdAt: input.now,
    expiresAt: new Date(input.now.getTime() + TOKEN_TTL_MS[input.purpose]),
  });
  return secret;
}

/** Issues a six-digit SMS code for `phone` in the caller's transaction; older codes of the user are voided. */
export async function issuePhoneCode(tx: Queryable, input: { userId: string; phone: string; now: Date }): Promise<string> {
  const id = randomUUID();
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await revokeLiveTokens(tx, input.userId, ['phone-confirmation'], input.now);
  await tx.insert(identityAccountTokens).values({
    id,
    userId: input.userId,
    purpose: 'phone-confirmation',
    target: input.phone,
    secretHash: codeHash(id, code),
    createdAt: input.now,
    expiresAt: new Date(input.now.getTime() + TOKEN_TTL_MS['phone-confirmation']),
  });
  return code;
}

/** How many secrets of a purpose went to this address or number in the last hour. */
export async function sendsInLastHour(db: Queryable, target: string, purpose: AccountTokenPurpose, now: Date): Promise<number> {
  const rows = await db
    .select({ n: count() })
    .from(identityAccountTokens)
    .where(and(eq(identityAccountTokens.target, target), eq(identityAccountTokens.purpose, purpose), gt(identityAccountTokens.createdAt, new Date(now.getTime() - 3600_000))));
  return Number(rows[0]?.n ?? 0);
}

/**
 * Takes a link secret for use inside the caller's transaction: locks its row and marks it used. Unknown → 400
 * TOKEN_INVALID; used or voided → 409 TOKEN_USED; past its time → 410 TOKEN_EXPIRED (the holder of a real link may
 * learn which, it is theirs).
 */
export async function useLinkToken(tx: Queryable, secret: string, purpose: 'email-confirmation' | 'password-reset', now: Date): Promise<AccountTokenRow> {
  const rows = await tx
    .select()
    .from(identityAccountTokens)
    .where(and(eq(identityAccountTokens.secretHash, sha256(secret)), eq(identityAccountTokens.purpose, purpose)))
    .for('update')
    .limit(1);
  const row = rows[0];
  if (!row) throw new AppError('TOKEN_INVALID');
  if (row.usedAt || row.revokedAt) throw new AppError('TOKEN_USED', {}, { status: 409 });
  if (row.expiresAt.getTime() <= now.getTime()) throw new AppError('TOKEN_EXPIRED', {}, { status: 410 });
  await tx.update(identityAccountTokens).set({ usedAt: now }).where(eq(identityAccountTokens.id, row.id));
  return row;
}

/** SMS codes sent to `phone` that can still be used at `now`: neither used, revoked nor expired. */
const livePhoneCode = (phone: string, now: Date) =>
  and(
    eq(identityAccountTokens.target, phone),
    eq(identityAccountTokens.purpose, 'phone-confirmation'),
    isNull(identityAccountTokens.usedAt),
    isNull(identityAccountTokens.revokedAt),
    gt(identityAccountTokens.expiresAt, now),
  );

/** The newest usable SMS code sent to `phone`, locked for the caller's transaction. */
export async function lockLivePhoneCode(tx: Queryable, phone: string, now: Date): Promise<AccountTokenRow | null> {
  const rows = await tx.select().from(identityAccountTokens).where(livePhoneCode(phone, now)).orderBy(desc(identityAccountTokens.createdAt)).for('update').limit(1);
  return rows[0] ?? null;
}

/** True when `code` is the code of this row (constant-time comparison of the hashes). */
export function codeMatches(row: AccountTokenRow, code: string): boolean {
  const expected = Buffer.from(row.secretHash, 'hex');
  const given = Buffer.from(codeHash(row.id, code), 'hex');
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Counts a wrong code; the code burns at MAX_CODE_ATTEMPTS. Returns the new count. */
export async function recordWrongCode(tx: Queryable, row: AccountTokenRow, now: Date): Promise<number> {
  const attempts = row.attempts + 1;
  await tx
    .update(identityAccountTokens)
    .set({ attempts, ...(attempts >= MAX_CODE_ATTEMPTS ? { revokedAt: now } : {}) })
    .where(eq(identityAccountTokens.id, row.id));
  return attempts;
}

/** Marks a code used. */
export async function markTokenUsed(tx: Queryable, id: string, now: Date): Promise<void> {
  await tx.update(identityAccountTokens).set({ usedAt: now }).where(eq(identityAccountTokens.id, id));
}

/** The account a link secret was issued to (whatever its state; useLinkToken judges it), or null. */
export async function findLinkTokenOwner(db: Queryable, secret: string, purpose: 'email-confirmation' | 'password-reset'): Promise<string | null> {
  const rows = await db
    .select({ userId: identityAccountTokens.userId })
    .from(identityAccountTokens)
    .where(and(eq(identityAccountTokens.secretHash, sha256(secret)), eq(identityAccountTokens.purpose, purpose)))
    .limit(1);
  return rows[0]?.userId ?? null;
}

/** The account of the newest usable code sent to `phone`, or null. */
export async function findPhoneCodeOwner(db: Queryable, phone: string, now: Date): Promise<string | null> {
  const rows = await db
    .select({ userId: identityAccountTokens.userId })
    .from(identityAccountTokens)
    .where(livePhoneCode(phone, now))
    .orderBy(desc(identityAccountTokens.createdAt))
    .limit(1);
  return rows[0]?.userId ?? null;
}

/** The newest usable target of a purpose for a user (a pending new e-mail or phone), or null. */
export async function pendingTarget(db: Queryable, userId: string, purpose: 'email-confirmation' | 'phone-confirmation', now: Date): Promise<string | null> {
  const rows = await db
    .select({ target: identityAccountTokens.target })
    .from(identityAccountTokens)
    .where(
      and(
        eq(identityAccountTokens.userId, userId),
        eq(identityAccountTokens.purpose, purpose),
        isNull(identityAccountTokens.usedAt),
        isNull(identityAccountTokens.revokedAt),
        gt(identityAccountTokens.expiresAt, now),
      ),
    )
    .orderBy(desc(identityAccountTokens.createdAt))
    .limit(1);
  return rows[0]?.target ?? null;
}
