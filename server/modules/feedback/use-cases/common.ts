// Helpers shared by the feedback use cases: who acts, the app's settings, loading an item for its unit's officers or
// for its sender, the units, the history.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { can } from '../../../platform/access';
import type { Ctx } from '../../../platform/context/context';
import { actorIdOf, actorLabelOf, todayOf } from '../../../platform/context/ctx-facts';
import { perApp } from '../../../platform/context/per-app';
import { AppError, notFound } from '../../../platform/errors';
import type { Queryable } from '../../../platform/db/database';
import { cachedOrgUnitRefs, getOrgUnitByCode, isOpenOn, listOpenOrgUnitsOfKind, notifyChannelsOf, type OrgUnitRef } from '../../identity';
import type { FeedbackConfig } from '../feedback.config';
import type { Recipient } from '../feedback.notify';
import { FEEDBACK_ACTIONS, isPortalAccount } from '../feedback.policy';
import { findItem, findItemByCode, insertEvent, type FeedbackRow } from '../feedback.repository';
import type { FEEDBACK_EVENT_KINDS } from '../../../../contracts/feedback/feedback.values';

const settings = perApp<FeedbackConfig>('feedback settings', 'feedbackModule.register');

/** Keeps the app's feedback settings (several apps may run in one process, each with its own event bus). */
export const rememberFeedbackConfig = settings.remember;

/** The app's feedback settings. */
export const feedbackConfigOf = settings.of;

/** Who acts and today's legal date, as every use case asks them. */
export { actorIdOf, actorLabelOf, todayOf } from '../../../platform/context/ctx-facts';

/** A 400 with field messages (i18n keys), nothing changed. */
export function invalid(fields: Array<{ path: string; code: string; params?: Record<string, unknown> }>, code = 'VALIDATION_FAILED'): AppError {
  return new AppError(code, {}, { status: 400, fields });
}

/** Unit reference fields by id, for presenters and history texts. */
export async function unitsById(db: Queryable, ids: ReadonlyArray<string | null>): Promise<Map<string, OrgUnitRef>> {
  const refs = await cachedOrgUnitRefs(
    db,
    ids.filter((id): id is string => id !== null),
  );
  return new Map(refs.map((u) => [u.id, u]));
}

/** One unit's reference fields, or a 500-worthy surprise when a stored foreign key has no unit. */
export async function unitOf(db: Queryable, id: string): Promise<OrgUnitRef> {
  const [unit] = await cachedOrgUnitRefs(db, [id]);
  if (!unit) throw new Error(`feedback: unit ${id} not found`);
  return unit;
}

/** The unit `id` when it exists and is open today, else null. */
export async function openUnit(ctx: Ctx, id: string): Promise<OrgUnitRef | null> {
  const [unit] = await cachedOrgUnitRefs(ctx.db, [id]);
  return unit && isOpenOn(unit, todayOf(ctx)) ? unit : null;
}

/**
 * Where an item goes when no procedure routes it: FEEDBACK_DEFAULT_UNIT (the province's TTHC-control unit) when set,
 * else the province's root unit (the open unit of kind `province` without a parent; the first by code if a test
 * database holds several). 409 when neither exists.
 */
export async function defaultUnit(ctx: Ctx): Promise<OrgUnitRef> {
  const { defaultUnitCode, demoUnitCode } = feedbackConfigOf(ctx);
  const today = todayOf(ctx);
  if (defaultUnitCode) {
    const unit = await getOrgUnitByCode(ctx.db, defaultUnitCode);
    if (unit && isOpenOn(unit, today)) return unitOf(ctx.db, unit.id);
  } else {
    const demo = demoUnitCode ? await getOrgUnitByCode(ctx.db, demoUnitCode) : null;
    if (demo && isOpenOn(demo, today)) return unitOf(ctx.db, demo.id);
    const roots = (await listOpenOrgUnitsOfKind(ctx.db, 'province', today)).filter((u) => u.parentId === null).sort((a, b) => a.code.localeCompare(b.code));
    if (roots[0]) return unitOf(ctx.db, roots[0].id);
  }
  throw new AppError('FEEDBACK_NO_DEFAULT_UNIT', { code: defaultUnitCode }, { status: 409 });
}

/**
 * An item as its unit's officers act on it: 404 when unknown, 403 unless the caller holds `action` over the unit it is
 * assigned to (a grant on that unit or above it, D11).
 */
export async function loadForOfficer(ctx: Ctx, id: string, action: string): Promise<{ row: FeedbackRow; unit: OrgUnitRef }> {
  const row = await findItem(ctx.db, id);
  if (!row) throw notFound('feedback', id);
  const unit = await unitOf(ctx.db, row.assignedUnitId);
  if (!can(ctx.actor, action, { unitPath: unit.path })) throw new AppError('FORBIDDEN', { action });
  return { row, unit };
}

/** Whether the caller may act on the item in `action` (for the presenter's permitted actions). */
export const mayAct = (ctx: Ctx, action: string, unit: OrgUnitRef): boolean => can(ctx.actor, action, { unitPath: unit.path });

/** The read action, for callers that only read. */
export const READ = FEEDBACK_ACTIONS.read;

/** A secret for a sender without an account, and its stored SHA-256. */
export function newSenderToken(): { token: string; hash: string } {
  const token = randomBytes(24).toString('base64url');
  return { token, hash: hashToken(token) };
}

/** The stored form of a sender's secret (SHA-256, hex). */
export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

function sameHash(token: string, stored: string | null): boolean {
  if (!stored) return false;
  const a = Buffer.from(hashToken(token), 'hex');
  const b = Buffer.from(stored, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** How the sender proved who they are: the account that filed the item, or its secret. */
export type SenderProof = 'account' | 'token';

/**
 * An item as its sender acts on it, by code: the portal account that filed it, or the secret given at intake. Unknown
 * codes, wrong secrets and other callers alike get 404, so the answer says nothing about which codes exist.
 */
export async function loadForSender(ctx: Ctx, code: string, token: string | undefined): Promise<{ row: FeedbackRow; proof: SenderProof }> {
  const row = await findItemByCode(ctx.db, code.trim().toUpperCase());
  if (row) {
    if (token !== undefined && sameHash(token, row.senderTokenHash)) return { row, proof: 'token' };
    if (token === undefined && row.accountId && isPortalAccount(ctx.actor) && ctx.actor.type === 'user' && ctx.actor.userId === row.accountId) return { row, proof: 'account' };
  }
  throw new AppError('FEEDBACK_NOT_FOUND', { code }, { status: 404 });
}

/** Where the sender of `row` is told: their contacts, on the channel their account chose (every channel without one). */
export async function senderRecipient(db: Queryable, row: Pick<FeedbackRow, 'senderEmail' | 'senderPhone' | 'accountId'>): Promise<Recipient> {
  return { email: row.senderEmail, phone: row.senderPhone, channels: row.accountId ? await notifyChannelsOf(db, row.accountId) : null };
}

/** The page where the sender follows the item (with their secret when they have no account). */
export function senderLink(ctx: Ctx, code: string, token: string | null): string {
  const base = feedbackConfigOf(ctx).publicBaseUrl.replace(/\/$/, '');
  return `${base}/phan-anh-kien-nghi/${encodeURIComponent(code)}${token ? `?khoa=${encodeURIComponent(token)}` : ''}`;
}

type EventKind = (typeof FEEDBACK_EVENT_KINDS)[number];

/** Records a history entry of the item in the caller's transaction. */
export async function recordEvent(ctx: Ctx, db: Queryable, itemId: string, kind: EventKind, params: Record<string, string | number | boolean | null>, at: Date): Promise<void> {
  await insertEvent(db, { itemId, at, kind, params, actorId: actorIdOf(ctx), actorLabel: actorLabelOf(ctx) });
}

/** A stale version: 409 and nothing changes. */
export const versionConflict = (current: number) => new AppError('VERSION_CONFLICT', { version: current }, { status: 409 });

/** A transition not allowed from the item's state: 409 and nothing changes. */
export const invalidState = (state: string) => new AppError('INVALID_STATE', { state }, { status: 409 });
