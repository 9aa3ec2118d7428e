import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { CloseOrgUnitRequest, CreateOrgUnitRequest, OrgUnit, OrgUnitNode, UpdateOrgUnitRequest } from '../../../../contracts/identity/identity.contracts';
import { isWithin } from '../../../platform/access';
import { withTransaction, type Ctx } from '../../../platform/context/context';
import { AppError, notFound } from '../../../platform/errors';
import { identityOrgUnits } from '../identity.tables';
import { auditOrgUnit, presentOrgUnit, presentOrgUnitTree } from '../identity.presenter';
import {
  forgetOrgUnitRefs,
  countChildrenOpenAfter,
  findOrgUnitByCode,
  getOrgUnit,
  isOpenOn,
  listAllOrgUnits,
  orgUnitSearchText,
  searchOrgUnits,
  type OrgUnitView,
} from '../org-units.repository';
import { authorize, duplicateError, fieldError, requireUser, today } from './common';

async function requireUnit(ctx: Ctx, id: string): Promise<OrgUnitView> {
  const unit = await getOrgUnit(ctx.db, id);
  if (!unit) throw notFound('org-unit', id);
  return unit;
}

/** Creates a unit under an open parent (or a new root); its path and depth follow from the parent. */
export async function createOrgUnit(ctx: Ctx, input: CreateOrgUnitRequest): Promise<OrgUnit> {
  requireUser(ctx);
  const parent = input.parentId ? await getOrgUnit(ctx.db, input.parentId) : null;
  if (input.parentId && !parent) throw fieldError('body.parentId', 'identity.errors.parentNotFound');
  authorize(ctx, 'identity.org-units.create', { parentPath: parent?.path ?? null });
  const day = today(ctx);
  if (parent && !isOpenOn(parent, day)) throw fieldError('body.parentId', 'identity.errors.parentClosed');
  if (await findOrgUnitByCode(ctx.db, input.code)) throw duplicateError(['code']);

  const id = randomUUID();
  const now = ctx.clock.now();
  const values = {
    id,
    code: input.code,
    name: input.name,
    shortName: input.shortName || null,
    kind: input.kind,
    parentId: parent?.id ?? null,
    path: `${parent?.path ?? '/'}${id}/`,
    depth: parent ? parent.depth + 1 : 0,
    validFrom: input.validFrom ?? day,
    validTo: null,
    successorId: null,
    searchText: orgUnitSearchText(input),
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await withTransaction(ctx, async (scope) => {
    scope.afterCommit(() => forgetOrgUnitRefs(ctx.db));
    await scope.tx.insert(identityOrgUnits).values(values);
    await scope.audit({ action: 'identity.org-units.create', subjectType: 'org-unit', subjectId: id, after: auditOrgUnit(values) });
  });
  return presentOrgUnit({ ...values, parentName: parent?.name ?? null });
}

/** Renames or recodes a unit; the client's `version` must match (409 VERSION_CONFLICT otherwise). */
export async function updateOrgUnit(ctx: Ctx, id: string, input: UpdateOrgUnitRequest): Promise<OrgUnit> {
  requireUser(ctx);
  const unit = await requireUnit(ctx, id);
  authorize(ctx, 'identity.org-units.update', { path: unit.path });
  if (unit.version !== input.version) throw new AppError('VERSION_CONFLICT');
  if (input.code !== unit.code && (await findOrgUnitByCode(ctx.db, input.code))) throw duplicateError(['code']);

  const changes = {
    code: input.code,
    name: input.name,
    shortName: input.shortName || null,
    kind: input.kind,
    searchText: orgUnitSearchText(input),
    updatedAt: ctx.clock.now(),
  };
  const updated = await withTransaction(ctx, async (scope) => {
    scope.afterCommit(() => forgetOrgUnitRefs(ctx.db));
    const [row] = await scope.tx
      .update(identityOrgUnits)
      .set({ ...changes, version: sql`${identityOrgUnits.version} + 1` })
      .where(and(eq(identityOrgUnits.id, id), eq(identityOrgUnits.version, input.version)))
      .returning();
    if (!row) throw new AppError('VERSION_CONFLICT');
    await scope.audit({ action: 'identity.org-units.update', subjectType: 'org-unit', subjectId: id, before: auditOrgUnit(unit), after: auditOrgUnit(row) });
    return row;
  });
  return presentOrgUnit({ ...updated, parentName: unit.parentName });
}

/**
 * Closes a unit on `validTo` (its last day), optionally naming the successor that takes over its work:
 * the unit and its history stay (domain README §14.1, §19 row 14). Units with children open after that day cannot close.
 */
export async function closeOrgUnit(ctx: Ctx, id: string, input: CloseOrgUnitRequest): Promise<OrgUnit> {
  requireUser(ctx);
  const unit = await requireUnit(ctx, id);
  authorize(ctx, 'identity.org-units.close', { path: unit.path });
  const day = today(ctx);
  if (!isOpenOn(unit, day)) {
    throw new AppError('INVALID_STATE', {}, { fields: [{ path: 'params.id', code: 'identity.errors.alreadyClosed', params: { validTo: unit.validTo } }] });
  }
  if (input.validTo < unit.validFrom) throw fieldError('body.validTo', 'identity.errors.validToBeforeValidFrom', { validFrom: unit.validFrom });
  const successorId = input.successorId ?? null;
  if (successorId) {
    const successor = await getOrgUnit(ctx.db, successorId);
    if (!successor || successor.id === id || isWithin(successor.path, unit.path) || !isOpenOn(successor, day)) {
      throw fieldError('body.successorId', 'identity.errors.successorInvalid');
    }
  }
  const openChildren = await countChildrenOpenAfter(ctx.db, id, input.validTo);
  if (openChildren > 0) throw new AppError('UNIT_HAS_OPEN_CHILDREN', { count: openChildren }, { status: 409 });

  const updated = await withTransaction(ctx, async (scope) => {
    scope.afterCommit(() => forgetOrgUnitRefs(ctx.db));
    const [row] = await scope.tx
      .update(identityOrgUnits)
      .set({ validTo: input.validTo, successorId, updatedAt: ctx.clock.now(), version: sql`${identityOrgUnits.version} + 1` })
      .where(and(eq(identityOrgUnits.id, id), eq(identityOrgUnits.version, unit.version)))
      .returning();
    if (!row) throw new AppError('VERSION_CONFLICT');
    await scope.audit({
      action: 'identity.org-units.close',
      subjectType: 'org-unit',
      subjectId: id,
      before: auditOrgUnit(unit),
      after: { ...auditOrgUnit(row), reason: input.reason },
    });
    return row;
  });
  return presentOrgUnit({ ...updated, parentName: unit.parentName });
}

/** Lists units with search and paging (open ones unless `includeClosed`). */
export async function listOrgUnits(
  ctx: Ctx,
  q: { q?: string; kind?: string; parentId?: string; includeClosed: boolean; page: number; pageSize: number },
): Promise<{ items: OrgUnit[]; total: number }> {
  authorize(ctx, 'identity.org-units.list');
  const { items, total } = await searchOrgUnits(ctx.db, { ...q, today: today(ctx) });
  return { items: items.map(presentOrgUnit), total };
}

/** The whole organisation as nested nodes. */
export async function getOrgUnitTree(ctx: Ctx, includeClosed: boolean): Promise<OrgUnitNode[]> {
  authorize(ctx, 'identity.org-units.list');
  return presentOrgUnitTree(await listAllOrgUnits(ctx.db, includeClosed, today(ctx)));
}

/** One unit, closed or not. */
export async function getOrgUnitById(ctx: Ctx, id: string): Promise<OrgUnit> {
  authorize(ctx, 'identity.org-units.list');
  return presentOrgUnit(await requireUnit(ctx, id));
}
