import { and, asc, count, eq, gte, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { executeNamed, type NamedStatement, type Queryable } from '../../platform/db/database';
import { ShortLivedCache } from '../../platform/db/short-lived-cache';
import { sqlIsWithin } from '../../platform/access';
import { identityOrgUnits } from './identity.tables';
import { normaliseSearch, searchConditions } from './identity.text';

/** A stored org unit row. */
export type OrgUnitRow = typeof identityOrgUnits.$inferSelect;
/** An org unit with its parent's name, as lists and presenters need it. */
export type OrgUnitView = OrgUnitRow & { parentName: string | null };

const parent = alias(identityOrgUnits, 'parent');
const viewColumns = { unit: identityOrgUnits, parentName: parent.name };

function toView(r: { unit: OrgUnitRow; parentName: string | null }): OrgUnitView {
  return { ...r.unit, parentName: r.parentName };
}

/** The unit's search key: code, name and short name without diacritics. */
export function orgUnitSearchText(u: { code: string; name: string; shortName?: string | null }): string {
  return normaliseSearch([u.code, u.name, u.shortName].filter(Boolean).join(' '));
}

/** True when the unit is still in force on `today` (validTo is the last day it exists). */
export function isOpenOn(unit: Pick<OrgUnitRow, 'validTo'>, today: string): boolean {
  return unit.validTo === null || unit.validTo >= today;
}

/** SQL twin of isOpenOn. */
export function openOn(today: string): SQL {
  return or(isNull(identityOrgUnits.validTo), gte(identityOrgUnits.validTo, today))!;
}

/** One unit with its parent's name, or null. */
export async function getOrgUnit(db: Queryable, id: string): Promise<OrgUnitView | null> {
  const rows = await db.select(viewColumns).from(identityOrgUnits).leftJoin(parent, eq(parent.id, identityOrgUnits.parentId)).where(eq(identityOrgUnits.id, id)).limit(1);
  return rows[0] ? toView(rows[0]) : null;
}

/** One unit by its code (codes are unique), or null. */
export async function getOrgUnitByCode(db: Queryable, code: string): Promise<OrgUnitView | null> {
  const rows = await db.select(viewColumns).from(identityOrgUnits).leftJoin(parent, eq(parent.id, identityOrgUnits.parentId)).where(eq(identityOrgUnits.code, code)).limit(1);
  return rows[0] ? toView(rows[0]) : null;
}

/** Ids of every unit (closed ones too) whose path is one of `scopes` or lies below it, i.e. the units a grant covers. */
export async function listOrgUnitIdsWithin(db: Queryable, scopes: readonly string[]): Promise<string[]> {
  if (scopes.length === 0) return [];
  const rows = await db
    .select({ id: identityOrgUnits.id })
    .from(identityOrgUnits)
    .where(or(...[...new Set(scopes)].map((scope) => sqlIsWithin(identityOrgUnits.path, scope))));
  return rows.map((r) => r.id);
}

/** Every unit at or below `path` (closed ones too: their dossiers stay counted), by depth then code. */
export async function listOrgUnitsWithin(db: Queryable, path: string): Promise<OrgUnitView[]> {
  const rows = await db
    .select(viewColumns)
    .from(identityOrgUnits)
    .leftJoin(parent, eq(parent.id, identityOrgUnits.parentId))
    .where(sqlIsWithin(identityOrgUnits.path, path))
    .orderBy(asc(identityOrgUnits.depth), asc(identityOrgUnits.code));
  return rows.map(toView);
}

/** The units with these ids (missing ids are skipped), in no particular order. */
export async function listOrgUnitsByIds(db: Queryable, ids: readonly string[]): Promise<OrgUnitView[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select(viewColumns)
    .from(identityOrgUnits)
    .leftJoin(parent, eq(parent.id, identityOrgUnits.parentId))
    .where(inArray(identityOrgUnits.id, [...new Set(ids)]));
  return rows.map(toView);
}

/**
 * What other modules' hot paths need of a unit: reference fields, kind and short name (a slip's issuer symbol),
 * tree path (for policy checks) and validity.
 */
export interface OrgUnitRef {
  id: string;
  code: string;
  name: string;
  kind: string;
  shortName: string | null;
  path: string;
  validTo: string | null;
}

const UNIT_REFS_READ: NamedStatement = {
  name: 'identity_unit_refs_v2',
  text: `select id, code, name, kind, short_name as "shortName", path, to_char(valid_to, 'YYYY-MM-DD') as "validTo" from identity_org_units where id = any(string_to_array($1, ',')::uuid[])`,
};

/**
 * Units' reference fields by id (missing ids are skipped): a named statement without the query builder, for the
 * desk's intake path where the builder's cost showed up (bench/dossiers.bench.ts).
 */
export async function listOrgUnitRefs(db: Queryable, ids: readonly string[]): Promise<OrgUnitRef[]> {
  if (ids.length === 0) return [];
  return executeNamed<OrgUnitRef>(db, UNIT_REFS_READ, [[...new Set(ids)].join(',')]);
}

/**
 * How long this process reuses a unit's reference fields on hot paths. Units change by administrative decision, a
 * few times a year; a change made in this process is seen at once (forgetOrgUnitRefs after its commit), one made in
 * another process within this time.
 */
export const ORG_UNIT_REF_CACHE_MS = 5_000;
const refCache = new ShortLivedCache<OrgUnitRef>(ORG_UNIT_REF_CACHE_MS, 5000);

/** listOrgUnitRefs through the short per-process cache above (intake reads its two units on every dossier). */
export async function cachedOrgUnitRefs(db: Queryable, ids: readonly string[]): Promise<OrgUnitRef[]> {
  const out: OrgUnitRef[] = [];
  const missing: string[] = [];
  for (const id of new Set(ids)) {
    const hit = refCache.get(db, id);
    if (hit) out.push(hit);
    else missing.push(id);
  }
  if (missing.length === 0) return out;
  for (const ref of await listOrgUnitRefs(db, missing)) {
    refCache.set(db, ref.id, ref);
    out.push(ref);
  }
  return out;
}

/** Drops this process's cached unit references (after a unit was created, changed or closed here). */
export function forgetOrgUnitRefs(db: Queryable): void {
  refCache.forget(db);
}

/** Locks a unit row for an update in the caller's transaction. */
export async function lockOrgUnit(tx: Queryable, id: string): Promise<OrgUnitRow | null> {
  const rows = await tx.select().from(identityOrgUnits).where(eq(identityOrgUnits.id, id)).for('update').limit(1);
  return rows[0] ?? null;
}

export async function findOrgUnitByCode(db: Queryable, code: string): Promise<OrgUnitRow | null> {
  const rows = await db.select().from(identityOrgUnits).where(eq(identityOrgUnits.code, code)).limit(1);
  return rows[0] ?? null;
}

export interface OrgUnitFilter {
  q?: string;
  kind?: string;
  parentId?: string;
  includeClosed: boolean;
  today: string;
  page: number;
  pageSize: number;
}

/** Searches units: every query word must occur in the normalised name/short name/code. */
export async function searchOrgUnits(db: Queryable, f: OrgUnitFilter): Promise<{ items: OrgUnitView[]; total: number }> {
  const conds: SQL[] = searchConditions(identityOrgUnits.searchText, f.q);
  if (f.kind) conds.push(eq(identityOrgUnits.kind, f.kind));
  if (f.parentId) conds.push(eq(identityOrgUnits.parentId, f.parentId));
  if (!f.includeClosed) conds.push(openOn(f.today));
  const where = conds.length ? and(...conds) : undefined;
  const [rows, totals] = await Promise.all([
    db
      .select(viewColumns)
      .from(identityOrgUnits)
      .leftJoin(parent, eq(parent.id, identityOrgUnits.parentId))
      .where(where)
      .orderBy(asc(identityOrgUnits.depth), asc(identityOrgUnits.name), asc(identityOrgUnits.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    db.select({ n: count() }).from(identityOrgUnits).where(where),
  ]);
  return { items: rows.map(toView), total: Number(totals[0]?.n ?? 0) };
}

/** Every unit (open ones only unless asked), for building the tree. */
export async function listAllOrgUnits(db: Queryable, includeClosed: boolean, today: string): Promise<OrgUnitView[]> {
  const rows = await db
    .select(viewColumns)
    .from(identityOrgUnits)
    .leftJoin(parent, eq(parent.id, identityOrgUnits.parentId))
    .where(includeClosed ? undefined : openOn(today))
    .orderBy(asc(identityOrgUnits.depth), asc(identityOrgUnits.code));
  return rows.map(toView);
}

/** Units of one kind still in force on `today`, with their parent's name, by name (e.g. the one-stop centres a citizen may submit to). */
export async function listOpenOrgUnitsOfKind(db: Queryable, kind: string, today: string): Promise<OrgUnitView[]> {
  const rows = await db
    .select(viewColumns)
    .from(identityOrgUnits)
    .leftJoin(parent, eq(parent.id, identityOrgUnits.parentId))
    .where(and(eq(identityOrgUnits.kind, kind), openOn(today)))
    .orderBy(asc(identityOrgUnits.depth), asc(identityOrgUnits.name), asc(identityOrgUnits.id));
  return rows.map(toView);
}

/** Direct children still in force after `validTo` (they block closing the parent). */
export async function countChildrenOpenAfter(db: Queryable, parentId: string, validTo: string): Promise<number> {
  const rows = await db
    .select({ n: count() })
    .from(identityOrgUnits)
    .where(and(eq(identityOrgUnits.parentId, parentId), or(isNull(identityOrgUnits.validTo), sql`${identityOrgUnits.validTo} > ${validTo}`)));
  return Number(rows[0]?.n ?? 0);
}

/** Whether any unit exists (the demo seed runs only on an empty organisation). */
export async function hasAnyOrgUnit(db: Queryable): Promise<boolean> {
  const rows = await db.select({ id: identityOrgUnits.id }).from(identityOrgUnits).limit(1);
  return rows.length > 0;
}
