// Helpers shared by the submissions use cases: who acts, loading a submission for its owner or its desk, the desks.
import { can, actorUserId } from '../../../platform/access';
import { vnDateOf } from '../../../platform/calendar';
import type { Ctx } from '../../../platform/context/context';
import { AppError, notFound } from '../../../platform/errors';
import { getProcedureVersion, getPublishedProcedureByCode, onlineServiceOf, type ProcedureVersionView } from '../../catalog';
import { cachedOrgUnitRefs, isOpenOn, listOpenOrgUnitsOfKind, type OrgUnitRef, type OrgUnitView } from '../../identity';
import { SUBMISSION_ACTIONS } from '../submissions.policy';
import { findSubmission, type SubmissionRow } from '../submissions.repository';

/** The legal date of now in Asia/Ho_Chi_Minh (§19.1). */
export const todayOf = (ctx: Ctx): string => vnDateOf(ctx.clock.now());

/** The acting user's id (null for the system). */
export const actorIdOf = (ctx: Ctx): string | null => actorUserId(ctx.actor);

/** The acting user's display name, as the timeline shows it. */
export const actorLabelOf = (ctx: Ctx): string => (ctx.actor.type === 'user' ? ctx.actor.displayName : 'anonymous');

/** A 400 with field messages (i18n keys), nothing changed. */
export function invalid(fields: Array<{ path: string; code: string; params?: Record<string, unknown> }>, code = 'VALIDATION_FAILED'): AppError {
  return new AppError(code, {}, { status: 400, fields });
}

/**
 * A save or action made on a version the client no longer holds: the route answers 409 with the stored submission
 * (presented for the caller) so the client merges instead of losing what was typed.
 */
export class SubmissionConflict extends AppError {
  constructor(readonly current: SubmissionRow) {
    super('SUBMISSION_VERSION_CONFLICT', { version: current.version }, { status: 409 });
  }
}

/** The caller's own submission: 404 when unknown, 403 when it belongs to another account (or the caller is an officer). */
export async function loadOwned(ctx: Ctx, id: string): Promise<SubmissionRow> {
  const row = await findSubmission(ctx.db, id);
  if (!row) throw notFound('submission', id);
  if (!can(ctx.actor, SUBMISSION_ACTIONS.own, { accountId: row.accountId })) throw new AppError('FORBIDDEN', { action: SUBMISSION_ACTIONS.own });
  return row;
}

/**
 * A submission as its desk reads it: a draft is the citizen's own work and no desk's business (404, as if it did not
 * exist); otherwise 403 unless the caller receives at its desk (D11).
 */
export async function loadForDesk(ctx: Ctx, id: string, action: string = SUBMISSION_ACTIONS.review): Promise<{ row: SubmissionRow; desk: OrgUnitRef }> {
  const row = await findSubmission(ctx.db, id);
  if (!row || row.state === 'DRAFT') throw notFound('submission', id);
  const [desk] = await cachedOrgUnitRefs(ctx.db, [row.receivingUnitId]);
  if (!desk || !can(ctx.actor, action, { receivingUnitPath: desk.path })) throw new AppError('FORBIDDEN', { action });
  return { row, desk };
}

/** The catalog version a submission was made under (published versions never change). */
export async function versionOfRow(ctx: Ctx, row: Pick<SubmissionRow, 'procedureVersionId'>): Promise<ProcedureVersionView> {
  const version = await getProcedureVersion(ctx.db, row.procedureVersionId);
  if (!version) throw notFound('procedure', row.procedureVersionId);
  return version;
}

/** The version of `code` in force today, or null. */
export async function versionInForce(ctx: Ctx, code: string): Promise<ProcedureVersionView | null> {
  return getPublishedProcedureByCode(ctx.db, code, todayOf(ctx));
}

/** True when the version is offered as an online public service (NĐ 42/2022 Điều 11 khoản 1: một phần or toàn trình). */
export const isOnline = (version: Pick<ProcedureVersionView, 'onlineMode'>): boolean => onlineServiceOf(version.onlineMode).submission;

/** The kind of unit that receives dossiers: a public administrative service centre (TTPVHCC, §2). */
export const DESK_KIND = 'service-center';

/** Every one-stop desk open today: any of them may receive a dossier of the province (§2, NĐ 118/2025). */
export async function openDesks(ctx: Ctx): Promise<OrgUnitView[]> {
  return listOpenOrgUnitsOfKind(ctx.db, DESK_KIND, todayOf(ctx));
}

/** The codes of the desks open today (the national portal names a receiving desk by its code). */
export async function openDeskCodes(ctx: Ctx): Promise<string[]> {
  return (await openDesks(ctx)).map((d) => d.code);
}

/** The unit `id` when it is a desk open today, else null. */
export async function openDesk(ctx: Ctx, id: string): Promise<OrgUnitRef | null> {
  const [unit] = await cachedOrgUnitRefs(ctx.db, [id]);
  return unit && unit.kind === DESK_KIND && isOpenOn(unit, todayOf(ctx)) ? unit : null;
}

/**
 * The desk a procedure is usually submitted to when the applicant names none: the centre of its implementing unit,
 * else of the nearest unit above it (a commune's centre for a commune's procedure, the provincial centre for a
 * department's; the first by name if a unit has several). None when the procedure has several implementing units
 * whose desks differ: the applicant chooses (GET /submissions/desks).
 */
export async function usualDesk(ctx: Ctx, version: Pick<ProcedureVersionView, 'implementingUnits'>): Promise<OrgUnitView | null> {
  const desks = await openDesks(ctx);
  const units = await cachedOrgUnitRefs(
    ctx.db,
    version.implementingUnits.map((u) => u.id),
  );
  const chosen = new Set<string>();
  for (const unit of units) {
    // The path lists the unit's ancestors, root first: walk it from the unit up.
    const chain = unit.path.split('/').filter(Boolean).reverse();
    const desk = chain.map((id) => desks.find((d) => d.parentId === id)).find((d) => d !== undefined);
    if (desk) chosen.add(desk.id);
  }
  return chosen.size === 1 ? desks.find((d) => chosen.has(d.id))! : null;
}
