// How two organisation units stand to each other in the tree, from their materialised paths ("/<root>/<child>/").
// Authorisation asks these named questions instead of comparing path strings at each call site.
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/** Where a unit stands relative to a reference unit. */
export type UnitRelation = 'same' | 'below' | 'above' | 'elsewhere';

/** A materialised path has the form "/id/…/id/" (a slash at both ends, no empty segment); "/" is above every root. */
function assertPath(path: string): void {
  if (!/^\/([^/]+\/)*$/.test(path)) throw new Error(`not a unit path: ${JSON.stringify(path)}`);
}

/** True when `path` and `other` name the same unit. */
export function isSameUnit(path: string, other: string): boolean {
  assertPath(path);
  assertPath(other);
  return path === other;
}

/** True when the unit at `path` lies strictly below the unit at `ancestor` (a child, grandchild, …). */
export function isBelow(path: string, ancestor: string): boolean {
  assertPath(path);
  assertPath(ancestor);
  return path.length > ancestor.length && path.startsWith(ancestor);
}

/** True when the unit at `path` lies strictly above the unit at `descendant` (its parent, grandparent, …). */
export function isAbove(path: string, descendant: string): boolean {
  return isBelow(descendant, path);
}

/** How the unit at `path` stands to the unit at `reference`: the same unit, below it, above it, or elsewhere (a sibling, another branch). */
export function unitRelation(path: string, reference: string): UnitRelation {
  if (isSameUnit(path, reference)) return 'same';
  if (isBelow(path, reference)) return 'below';
  if (isAbove(path, reference)) return 'above';
  return 'elsewhere';
}

/** True when the unit at `path` is the unit at `scope` or lies below it: what a grant on `scope` covers. */
export function isWithin(path: string, scope: string): boolean {
  const relation = unitRelation(path, scope);
  return relation === 'same' || relation === 'below';
}

/** SQL form of `isWithin`: the unit path in `column` is `scope` or lies below it. */
export function sqlIsWithin(column: AnyColumn | SQL, scope: string): SQL {
  assertPath(scope);
  return sql`${column} like ${`${scope.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`;
}
