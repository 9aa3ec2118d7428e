import type { CitizenProfile } from '../../../contracts/identity/citizen.contracts';
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
  return grants.map((g) => ({ role: g.role as Role, orgUnitId: g.orgUnitId, orgUnitName: g.orgUnitName, orgUnitCode: g.orgUnitCode }));
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
    accountType: u.kind === 'citizen' ? ((u.accountType as Me['accountType']) ?? 'citizen') : null,
    grants: presentGrants(grants),
    actions,
  };
}

/**
 * A portal account as its owner sees it, with what application forms pre-fill: the person, or the business with the
 * account holder as its representative. `pending` are new contacts waiting for their confirmation.
 */
export function presentCitizenProfile(u: UserRow, pending: { email: string | null; phone: string | null }): CitizenProfile {
  const business = u.accountType === 'business';
  const email = u.emailVerifiedAt ? u.email : null;
  const phone = u.phoneVerifiedAt ? u.phone : null;
  return {
    id: u.id,
    accountType: business ? 'business' : 'citizen',
    fullName: u.displayName,
    businessName: u.businessName,
    enterpriseCode: u.taxCode,
    email: u.email,
    emailVerified: u.emailVerifiedAt !== null && u.email !== null,
    pendingEmail: pending.email,
    phone: u.phone,
    phoneVerified: u.phoneVerifiedAt !== null && u.phone !== null,
    pendingPhone: pending.phone,
    idNumber: u.idNumber,
    idNumberVerified: u.idNumberVerifiedAt !== null,
    birthDate: u.bornOn,
    address: u.address,
    notificationChannel: u.notificationChannel ?? (u.email ? 'email' : 'sms'),
    version: u.version,
    // Forms get only contacts the account proved: an unconfirmed address may be a typo.
    applicant: business
      ? {
          kind: 'organisation',
          name: u.businessName ?? u.displayName,
          idNumber: u.taxCode,
          birthDate: null,
          phone,
          email,
          address: u.address,
          representative: { name: u.displayName, idNumber: u.idNumber, birthDate: u.bornOn },
        }
      : { kind: 'person', name: u.displayName, idNumber: u.idNumber, birthDate: u.bornOn, phone, email, address: u.address, representative: null },
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
