// Small helpers shared by the dossiers use cases.
import { vnDateOf } from '../../../platform/calendar';
import { actorUserId } from '../../../platform/access';
import type { Ctx } from '../../../platform/context/context';
import { AppError } from '../../../platform/errors';
import type { DossierSubject } from '../dossiers.policy';
import type { DossierRow, UnitInfo } from '../dossiers.repository';

/** The acting user's id (null for the system and anonymous callers). */
export function actorIdOf(ctx: Ctx): string | null {
  return actorUserId(ctx.actor);
}

/** The acting user's display name, as written on slips and the timeline. */
export function actorLabelOf(ctx: Ctx): string {
  return ctx.actor.type === 'user' ? ctx.actor.displayName : 'anonymous';
}

/** The legal date of now in Asia/Ho_Chi_Minh (§19.1). */
export function todayOf(ctx: Ctx): string {
  return vnDateOf(ctx.clock.now());
}

/** A 400 with one field message (an i18n key). */
export function invalid(path: string, code: string, params: Record<string, unknown> = {}): AppError {
  return new AppError('VALIDATION_FAILED', {}, { fields: [{ path, code, params }] });
}

/** The policy subject of a dossier, from its row and the units it involves. */
export function subjectOf(row: DossierRow, units: Map<string, UnitInfo>, otherUnitIds: readonly string[] = []): DossierSubject {
  const path = (id: string) => units.get(id)?.path ?? `/missing/${id}/`;
  return {
    state: row.state,
    holderRole: row.holderRole,
    holderPath: path(row.holderUnitId),
    receivingPath: path(row.receivingUnitId),
    handlingPath: path(row.handlingUnitId),
    otherPaths: otherUnitIds.map(path),
  };
}
