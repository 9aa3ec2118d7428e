// Helpers shared by the document use cases: errors, units, who may act, history entries, the effective settings.
import { and, eq, inArray, like } from 'drizzle-orm';
import { can, isWithin } from '../../../platform/access';
import { CalendarError, type WorkingCalendar } from '../../../platform/calendar';
import type { Ctx } from '../../../platform/context/context';
import { actorIdOf, actorLabelOf, todayOf } from '../../../platform/context/ctx-facts';
import type { Queryable } from '../../../platform/db/database';
import { AppError } from '../../../platform/errors';
import { cachedOrgUnitRefs, identityOrgUnits, identityRoleGrants, identityUsers, isOpenOn, LEADER, listOrgUnitIdsWithin, SPECIALIST, type OrgUnitRef } from '../../identity';
import { DEFAULT_SERIES_KEY, type DocumentSeries } from '../../../../contracts/documents/documents.contracts';
import { calendarOfUnit } from '../documents.deadlines';
import { DOCUMENT_ACTIONS, DOCUMENT_ROLES } from '../documents.policy';
import { findSettings, insertEvent, type EventRow } from '../documents.repository';

export { actorIdOf, actorLabelOf, todayOf };

/** One field's problem: where, the message key, its parameters. */
export type FieldError = { path: string; code: string; params?: Record<string, unknown> };

/** A 400 with field messages (i18n keys), nothing changed. */
export const invalid = (fields: FieldError[]): AppError => new AppError('VALIDATION_FAILED', {}, { status: 400, fields });
export const notFound = (): AppError => new AppError('DOCUMENT_NOT_FOUND', {}, { status: 404 });
export const forbidden = (): AppError => new AppError('DOCUMENT_FORBIDDEN', {}, { status: 403 });
/** A stale version: 409 and nothing changes. */
export const stale = (current: number): AppError => new AppError('DOCUMENT_STALE', { version: current }, { status: 409 });
/** An action not allowed from the current state: 409 and nothing changes. */
export const wrongState = (state: string): AppError => new AppError('DOCUMENT_STATE', { state }, { status: 409 });

/** Unit references by id. */
export async function unitsById(db: Queryable, ids: ReadonlyArray<string | null | undefined>): Promise<Map<string, OrgUnitRef>> {
  const refs = await cachedOrgUnitRefs(
    db,
    ids.filter((id): id is string => typeof id === 'string'),
  );
  return new Map(refs.map((u) => [u.id, u]));
}

/** One unit's reference; a stored foreign key without its unit is a bug, not a request error. */
export async function unitOf(db: Queryable, id: string): Promise<OrgUnitRef> {
  const [unit] = await cachedOrgUnitRefs(db, [id]);
  if (!unit) throw new Error(`documents: unit ${id} not found`);
  return unit;
}

/** The unit `id` when it exists and is open today, else null. */
export async function openUnit(ctx: Ctx, id: string): Promise<OrgUnitRef | null> {
  const [unit] = await cachedOrgUnitRefs(ctx.db, [id]);
  return unit && isOpenOn(unit, todayOf(ctx)) ? unit : null;
}

/** Whether the caller may take `action` over `unit`. */
export const mayAct = (ctx: Ctx, action: string, unit: Pick<OrgUnitRef, 'path'>): boolean => can(ctx.actor, action, { unitPath: unit.path });

/** 403 (DOCUMENT_FORBIDDEN) unless the caller may take `action` over `unit`. */
export function authorise(ctx: Ctx, action: string, unit: Pick<OrgUnitRef, 'path'>): void {
  if (!mayAct(ctx, action, unit)) throw forbidden();
}

/** True when `unit` is the body or a unit of its subtree. */
export const isOfBody = (unit: Pick<OrgUnitRef, 'path'>, body: Pick<OrgUnitRef, 'path'>): boolean => isWithin(unit.path, body.path);

/** The units the caller's grants of `roles` cover (null: every unit, for the system). */
export async function coveredUnitIds(ctx: Ctx, roles: readonly string[] = DOCUMENT_ROLES): Promise<string[] | null> {
  const actor = ctx.actor;
  if (actor.type !== 'user') throw new AppError('UNAUTHENTICATED');
  if (actor.system) return null;
  return listOrgUnitIdsWithin(
    ctx.db,
    actor.grants.filter((g) => roles.includes(g.role)).map((g) => g.scopePath),
  );
}

/** Whether `userId` is an enabled officer holding a role on the body or a unit of its subtree. */
export async function isOfficerOfBody(db: Queryable, userId: string, body: OrgUnitRef): Promise<boolean> {
  const rows = await db
    .select({ path: identityOrgUnits.path })
    .from(identityRoleGrants)
    .innerJoin(identityUsers, eq(identityUsers.id, identityRoleGrants.userId))
    .innerJoin(identityOrgUnits, eq(identityOrgUnits.id, identityRoleGrants.orgUnitId))
    .where(and(eq(identityRoleGrants.userId, userId), eq(identityUsers.kind, 'officer'), eq(identityUsers.disabled, false), inArray(identityRoleGrants.role, [...DOCUMENT_ROLES])));
  return rows.some((r) => isWithin(r.path, body.path));
}

/**
 * The officers a leader may name as the lead person of a body's document: enabled specialists and leaders with a grant
 * on the body or a unit below it (a subset of what `isOfficerOfBody` accepts), each with the units of those grants.
 */
export async function leadOfficersOfBody(db: Queryable, body: OrgUnitRef): Promise<Array<{ id: string; name: string; units: string[] }>> {
  const rows = await db
    .select({ id: identityUsers.id, name: identityUsers.displayName, unitName: identityOrgUnits.name, path: identityOrgUnits.path })
    .from(identityRoleGrants)
    .innerJoin(identityUsers, eq(identityUsers.id, identityRoleGrants.userId))
    .innerJoin(identityOrgUnits, eq(identityOrgUnits.id, identityRoleGrants.orgUnitId))
    .where(
      and(
        inArray(identityRoleGrants.role, [SPECIALIST, LEADER]),
        eq(identityUsers.kind, 'officer'),
        eq(identityUsers.disabled, false),
        // Materialised paths ("/<id>/<id>/") hold no LIKE wildcards.
        like(identityOrgUnits.path, `${body.path}%`),
      ),
    );
  const byUser = new Map<string, { id: string; name: string; units: string[] }>();
  for (const r of rows) {
    if (!isWithin(r.path, body.path)) continue;
    const seen = byUser.get(r.id) ?? { id: r.id, name: r.name, units: [] };
    if (!seen.units.includes(r.unitName)) seen.units.push(r.unitName);
    byUser.set(r.id, seen);
  }
  return [...byUser.values()].sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

/** Display names of users by id. */
export async function userNames(db: Queryable, ids: ReadonlyArray<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.select({ id: identityUsers.id, name: identityUsers.displayName }).from(identityUsers).where(inArray(identityUsers.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Whether the caller holds a specialist or leader role over `unit` (the officers of a lead or partner unit). */
export const handlesFor = (ctx: Ctx, unit: Pick<OrgUnitRef, 'path'> | undefined): boolean => unit !== undefined && mayAct(ctx, DOCUMENT_ACTIONS.handle, unit);

/** Records a history entry in the caller's transaction. */
export async function recordEvent(
  ctx: Ctx,
  db: Queryable,
  entry: { incomingId?: string; outgoingId?: string; kind: EventRow['kind']; at: Date; text?: string | null },
): Promise<void> {
  await insertEvent(db, {
    incomingId: entry.incomingId ?? null,
    outgoingId: entry.outgoingId ?? null,
    at: entry.at,
    kind: entry.kind,
    text: entry.text ?? null,
    actorId: actorIdOf(ctx),
    actorLabel: ctx.actor.type === 'user' && ctx.actor.system ? null : actorLabelOf(ctx),
  });
}

/** A unit's settings as they apply: the saved ones, else the defaults (abbreviation from the short name, `chung` only). */
export interface EffectiveSettings {
  unitId: string;
  issuerAbbreviation: string;
  series: DocumentSeries[];
  version: number;
}

/** "UBND tỉnh Thanh Hóa" → "UBNDTTH"-like fallbacks are wrong; a unit without settings uses its short name only when it is one word. */
function defaultAbbreviation(unit: OrgUnitRef): string {
  const short = unit.shortName?.trim() ?? '';
  return /^[\p{L}\p{N}]+$/u.test(short) ? short : '';
}

export const DEFAULT_SERIES: DocumentSeries[] = [{ key: DEFAULT_SERIES_KEY, name: 'Chung', typeCodes: [] }];

export async function effectiveSettings(db: Queryable, unit: OrgUnitRef): Promise<EffectiveSettings> {
  const row = await findSettings(db, unit.id);
  if (row) return { unitId: unit.id, issuerAbbreviation: row.issuerAbbreviation, series: row.series, version: row.version };
  return { unitId: unit.id, issuerAbbreviation: defaultAbbreviation(unit), series: DEFAULT_SERIES, version: 0 };
}

/** The unit's calendar, or null when none is published for it (deadlines then fall back, see the callers). */
export async function calendarOrNull(ctx: Ctx, unit: OrgUnitRef): Promise<WorkingCalendar | null> {
  try {
    return await calendarOfUnit(ctx.db, unit.code);
  } catch (err) {
    if (!(err instanceof CalendarError)) throw err;
    ctx.log.warn({ err, unitId: unit.id }, 'documents: no working calendar for the unit');
    return null;
  }
}
