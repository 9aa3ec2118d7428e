// Helpers shared by the dialogue use cases: who acts, the app's settings, loading a session or a commitment for the
// officers who may act on it, the units, the history.
import { can, hasRole } from '../../../platform/access';
import type { Ctx } from '../../../platform/context/context';
import { actorIdOf, actorLabelOf, todayOf } from '../../../platform/context/ctx-facts';
import { perApp } from '../../../platform/context/per-app';
import type { Queryable } from '../../../platform/db/database';
import { AppError } from '../../../platform/errors';
import { cachedOrgUnitRefs, isOpenOn, LEADER, listOrgUnitIdsWithin, PROVINCE_READERS, SPECIALIST, type OrgUnitRef } from '../../identity';
import type { DialoguesConfig } from '../dialogues.config';
import { DIALOGUE_ACTIONS } from '../dialogues.policy';
import { findCommitment, findSession, insertCommitmentEvent, type CommitmentEventRow, type CommitmentRow, type SessionRow } from '../dialogues.repository';

const settings = perApp<DialoguesConfig>('dialogue settings', 'dialoguesModule.register');

/** Keeps the app's dialogue settings (several apps may run in one process, each with its own event bus). */
export const rememberDialoguesConfig = settings.remember;

/** The app's dialogue settings. */
export const dialoguesConfigOf = settings.of;

/** Who acts and today's legal date, as every use case asks them. */
export { actorIdOf, actorLabelOf, todayOf } from '../../../platform/context/ctx-facts';

/** One field's problem: where, the message key, its parameters. */
export type FieldError = { path: string; code: string; params?: Record<string, unknown> };

/** A 400 with field messages (i18n keys), nothing changed. */
export function invalid(fields: FieldError[]): AppError {
  return new AppError('VALIDATION_FAILED', {}, { status: 400, fields });
}

/** Unit reference fields by id, for presenters and texts. */
export async function unitsById(db: Queryable, ids: ReadonlyArray<string | null>): Promise<Map<string, OrgUnitRef>> {
  const refs = await cachedOrgUnitRefs(
    db,
    ids.filter((id): id is string => id !== null),
  );
  return new Map(refs.map((u) => [u.id, u]));
}

/** One unit's reference fields; a stored foreign key without its unit is a bug, not a request error. */
export async function unitOf(db: Queryable, id: string): Promise<OrgUnitRef> {
  const [unit] = await cachedOrgUnitRefs(db, [id]);
  if (!unit) throw new Error(`dialogues: unit ${id} not found`);
  return unit;
}

/** The unit `id` when it exists and is open today, else null. */
export async function openUnit(ctx: Ctx, id: string): Promise<OrgUnitRef | null> {
  const [unit] = await cachedOrgUnitRefs(ctx.db, [id]);
  return unit && isOpenOn(unit, todayOf(ctx)) ? unit : null;
}

/** Whether the caller may take `action` over `unit`. */
export const mayAct = (ctx: Ctx, action: string, unit: Pick<OrgUnitRef, 'path'>): boolean => can(ctx.actor, action, { unitPath: unit.path });

/** 403 unless the caller may take `action` over `unit`. */
export function authorise(ctx: Ctx, action: string, unit: Pick<OrgUnitRef, 'path'>): void {
  if (!mayAct(ctx, action, unit)) throw new AppError('FORBIDDEN', { action });
}

/**
 * The units whose sessions and commitments the caller reads: null for the province's readers (and the system), else
 * the units its specialist and leader grants cover.
 */
export async function readableUnitIds(ctx: Ctx): Promise<string[] | null> {
  const actor = ctx.actor;
  if (actor.type !== 'user') throw new AppError('UNAUTHENTICATED');
  if (actor.system || hasRole(actor, PROVINCE_READERS)) return null;
  const roles: readonly string[] = [SPECIALIST, LEADER];
  const scopes = actor.grants.filter((g) => roles.includes(g.role)).map((g) => g.scopePath);
  return listOrgUnitIdsWithin(ctx.db, scopes);
}

/** A session and its organising unit: 404 when unknown. */
export async function loadSession(ctx: Ctx, id: string): Promise<{ row: SessionRow; unit: OrgUnitRef }> {
  const row = await findSession(ctx.db, id);
  if (!row) throw new AppError('DIALOGUE_NOT_FOUND', { id }, { status: 404 });
  return { row, unit: await unitOf(ctx.db, row.organisingUnitId) };
}

/** A session as its organisers act on it: 404 when unknown, 403 unless the caller may manage it. */
export async function loadSessionToManage(ctx: Ctx, id: string): Promise<{ row: SessionRow; unit: OrgUnitRef }> {
  const loaded = await loadSession(ctx, id);
  authorise(ctx, DIALOGUE_ACTIONS.manage, loaded.unit);
  return loaded;
}

/** A commitment with its owner unit and its session's organising unit: 404 when unknown. */
export async function loadCommitment(ctx: Ctx, id: string): Promise<{ row: CommitmentRow; owner: OrgUnitRef; session: SessionRow; organiser: OrgUnitRef }> {
  const row = await findCommitment(ctx.db, id);
  if (!row) throw new AppError('DIALOGUE_COMMITMENT_NOT_FOUND', { id }, { status: 404 });
  const session = (await findSession(ctx.db, row.sessionId))!;
  const [owner, organiser] = await Promise.all([unitOf(ctx.db, row.ownerUnitId), unitOf(ctx.db, session.organisingUnitId)]);
  return { row, owner, session, organiser };
}

/** Whether the caller reads a commitment: over its owner unit or its session's organising unit. */
export const mayReadCommitment = (ctx: Ctx, owner: OrgUnitRef, organiser: OrgUnitRef): boolean =>
  mayAct(ctx, DIALOGUE_ACTIONS.read, owner) || mayAct(ctx, DIALOGUE_ACTIONS.read, organiser);

type EventKind = CommitmentEventRow['kind'];

/** Records a history entry of a commitment in the caller's transaction. */
export async function recordCommitmentEvent(
  ctx: Ctx,
  db: Queryable,
  entry: { commitmentId: string; kind: EventKind; at: Date; percent?: number | null; note?: string | null; params?: Record<string, string | number | boolean | null> },
): Promise<void> {
  await insertCommitmentEvent(db, {
    commitmentId: entry.commitmentId,
    at: entry.at,
    kind: entry.kind,
    percent: entry.percent ?? null,
    note: entry.note ?? null,
    params: entry.params ?? {},
    actorId: actorIdOf(ctx),
    actorLabel: actorLabelOf(ctx),
  });
}

/** The page where the public reads a session. */
export function sessionLink(ctx: Ctx, sessionId: string): string {
  return `${dialoguesConfigOf(ctx).publicBaseUrl.replace(/\/$/, '')}/doi-thoai/${encodeURIComponent(sessionId)}`;
}

/** A stale version: 409 and nothing changes. */
export const versionConflict = (current: number) => new AppError('VERSION_CONFLICT', { version: current }, { status: 409 });

/** An action not allowed from the current state: 409 and nothing changes. */
export const invalidState = (state: string) => new AppError('INVALID_STATE', { state }, { status: 409 });
