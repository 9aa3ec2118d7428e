// The catalog's only reads of organisation units, all through identity's public door.
import { inArray, like } from 'drizzle-orm';
import type { Queryable } from '../../platform/db/database';
import { identityOrgUnits, isOpenOn, listOrgUnitsByIds } from '../identity';

/** The facts about an org unit the catalog needs. */
export interface UnitInfo {
  id: string;
  code: string;
  name: string;
  kind: string;
  path: string;
  validTo: string | null;
}

const columns = {
  id: identityOrgUnits.id,
  code: identityOrgUnits.code,
  name: identityOrgUnits.name,
  kind: identityOrgUnits.kind,
  path: identityOrgUnits.path,
  validTo: identityOrgUnits.validTo,
};

const info = (u: UnitInfo): UnitInfo => ({ id: u.id, code: u.code, name: u.name, kind: u.kind, path: u.path, validTo: u.validTo });

/** Units by id (unknown ids are simply absent). */
export async function unitsByIds(q: Queryable, ids: readonly string[]): Promise<UnitInfo[]> {
  return (await listOrgUnitsByIds(q, ids)).map(info);
}

/** Units by their e-identifier code (codes are stored upper-case). */
export async function unitsByCodes(q: Queryable, codes: readonly string[]): Promise<UnitInfo[]> {
  if (codes.length === 0) return [];
  return q
    .select(columns)
    .from(identityOrgUnits)
    .where(inArray(identityOrgUnits.code, [...new Set(codes.map((c) => c.toUpperCase()))]));
}

/** Ids of a unit and every unit below it (materialised path prefix); null when the unit does not exist. */
export async function subtreeUnitIds(q: Queryable, unitId: string): Promise<string[] | null> {
  const [unit] = await unitsByIds(q, [unitId]);
  if (!unit) return null;
  const rows = await q
    .select({ id: identityOrgUnits.id })
    .from(identityOrgUnits)
    .where(like(identityOrgUnits.path, `${unit.path}%`));
  return rows.map((r) => r.id);
}

/** Units of the given kinds still open on `today` (demo seed: communes, departments, service centres). */
export async function openUnitsOfKinds(q: Queryable, kinds: readonly string[], today: string): Promise<UnitInfo[]> {
  const rows = await q
    .select(columns)
    .from(identityOrgUnits)
    .where(inArray(identityOrgUnits.kind, [...kinds]))
    .orderBy(identityOrgUnits.code);
  return rows.filter((u) => isOpenOn(u, today));
}

/** True when the unit is still open on `today`. */
export const unitOpenOn = (u: Pick<UnitInfo, 'validTo'>, today: string): boolean => isOpenOn(u, today);
