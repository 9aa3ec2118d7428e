import type { GrantView, Me, OrgUnit, OrgUnitKind, OrgUnitNode, Role, User } from '../../../contracts/identity/identity.contracts';
import type { OrgUnitRow, OrgUnitView } from './org-units.repository';
import type { GrantRow, UserRow } from './users.repository';

/** An org unit as the API shows it (search key left out). */
export function presentOrgUnit(u: OrgUnitView): OrgUnit {
  return {
    id: u.id,
    code: u.code,
    name: u.name,
    shortName: u.shortName,
    kind: u.kind as OrgUnitKind,
    parentId: u.parentId,
    parentName: u.parentName,
    path: u.path,
    depth: u.depth,
    validFrom: u.validFrom,
    validTo: u.validTo,
    successorId: u.successorId,
    version: u.version,
  };
}

const byCode = (a: OrgUnitNode, b: OrgUnitNode) => a.code.localeCompare(b.code, 'en', { numeric: true });

/** Nests units under their parents; a unit whose parent is not in the list becomes a root. Children sorted by code. */
export function presentOrgUnitTree(units: OrgUnitView[]): OrgUnitNode[] {
  const nodes = new Map<string, OrgUnitNode>(units.map((u) => [u.id, { ...presentOrgUnit(u), children: [] }]));
  const roots: OrgUnitNode[] = [];
  for (const node of nodes.values()) {
    const parentNode = node.parentId ? nodes.get(node.parentId) : undefined;
    (parentNode ? parentNode.children : roots).push(node);
  }
  const sortDeep = (list: OrgUnitNode[]) => {
    list.sort(byCode);
    for (const n of list) sortDeep(n.children);
  };
  sortDeep(roots);
  return roots;
}

function presentGrants(grants: GrantRow[]): GrantView[] {
  return grants.map((g) => ({ role: g.role as Role, orgUnitId: g.orgUnitId, orgUnitName: g.orgUnitName }));
}

/** A user as administrators see it, with the end of a sign-in delay their account is under; never the password hash. */
export function presentUser(u: UserRow, grants: GrantRow[], throttledUntil: Date | null): User {
  return {
    id: u.id,
    kind: u.kind as User['kind'],
    username: u.username,
    displayName: u.displayName,
    email: u.email,
    phone: u.phone,
    accountType: (u.accountType as User['accountType']) ?? null,
    taxCode: u.taxCode,
    disabled: u.disabled,
    lockedUntil: throttledUntil?.toISOString() ?? null,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
    grants: presentGrants(grants),
    version: u.version,
  };
}

/** The signed-in user with the actions they may perform somewhere. */
export function presentMe(u: UserRow, grants: GrantRow[], actions: string[]): Me {
  return {
    id: u.id,
    kind: u.kind as Me['kind'],
    username: u.username,
    displayName: u.displayName,
    email: u.email,
    phone: u.phone,
    grants: presentGrants(grants),
    actions,
  };
}

/** What an audit entry records about a user: profile and grants, never secrets. */
export function auditUser(u: UserRow, grants: ReadonlyArray<{ role: string; orgUnitId: string }>) {
  return {
    kind: u.kind,
    username: u.username,
    displayName: u.displayName,
    email: u.email,
    phone: u.phone,
    accountType: u.accountType,
    taxCode: u.taxCode,
    disabled: u.disabled,
    grants: grants.map((g) => ({ role: g.role, orgUnitId: g.orgUnitId })),
  };
}

/** What an audit entry records about an org unit. */
export function auditOrgUnit(u: OrgUnitRow) {
  return {
    code: u.code,
    name: u.name,
    shortName: u.shortName,
    kind: u.kind,
    parentId: u.parentId,
    path: u.path,
    validFrom: u.validFrom,
    validTo: u.validTo,
    successorId: u.successorId,
    version: u.version,
  };
}
