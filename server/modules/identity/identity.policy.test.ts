import { beforeAll, describe, expect, it } from 'vitest';
import { registerDeclarations } from '../../app';
import { can, type Actor } from '../../platform/access';
import { identityModule } from './index';
import { normalisePhone, normaliseSearch, vietnamDate } from './identity.text';

const A = '/p/a/';
const A_CHILD = '/p/a/c/';
const B = '/p/b/';

const officer = (...grants: Array<[role: string, scopePath: string]>): Actor => ({
  type: 'user',
  userId: 'u',
  kind: 'officer',
  displayName: 'x',
  sessionId: 's',
  grants: grants.map(([role, scopePath]) => ({ role, orgUnitId: scopePath, scopePath })),
});
const citizen: Actor = { type: 'user', userId: 'c', kind: 'citizen', displayName: 'c', sessionId: 's', grants: [] };

// The policies are what identity's manifest declares; buildApp registers them the same way.
beforeAll(() => registerDeclarations([identityModule]));

describe('identity policies', () => {
  const unitAdmin = officer(['unit-admin', A]);

  it('lets a unit admin manage only non-privileged officers entirely inside its subtree', () => {
    const inside = { kind: 'officer' as const, grants: [{ role: 'specialist', scopePath: A_CHILD }] };
    expect(can(unitAdmin, 'identity.users.update', inside)).toBe(true);
    expect(can(unitAdmin, 'identity.users.update', { kind: 'officer', grants: [...inside.grants, { role: 'leader', scopePath: B }] })).toBe(false);
    expect(can(unitAdmin, 'identity.users.create', { kind: 'officer', grants: [{ role: 'reform-office', scopePath: A }] })).toBe(false);
    expect(can(unitAdmin, 'identity.users.create', { kind: 'officer', grants: [{ role: 'system-admin', scopePath: A_CHILD }] })).toBe(false);
    expect(can(unitAdmin, 'identity.users.disable', { kind: 'officer', grants: [] })).toBe(false);
    expect(can(unitAdmin, 'identity.users.reset-password', { kind: 'citizen', grants: [] })).toBe(false);
    // A sibling whose path merely starts with the same characters is not inside.
    expect(can(unitAdmin, 'identity.users.update', { kind: 'officer', grants: [{ role: 'specialist', scopePath: '/p/ab/' }] })).toBe(false);
  });

  it('scopes unit creation, update and close to the subtree (close strictly below)', () => {
    expect(can(unitAdmin, 'identity.org-units.create', { parentPath: A })).toBe(true);
    expect(can(unitAdmin, 'identity.org-units.create', { parentPath: B })).toBe(false);
    expect(can(unitAdmin, 'identity.org-units.create', { parentPath: null })).toBe(false);
    expect(can(unitAdmin, 'identity.org-units.update', { path: A })).toBe(true);
    expect(can(unitAdmin, 'identity.org-units.close', { path: A })).toBe(false);
    expect(can(unitAdmin, 'identity.org-units.close', { path: A_CHILD })).toBe(true);
    expect(can(officer(['system-admin', '/p/']), 'identity.org-units.create', { parentPath: null })).toBe(true);
  });

  it('answers "somewhere" questions without a subject', () => {
    expect(can(unitAdmin, 'identity.users.create')).toBe(true);
    expect(can(officer(['reform-office', B]), 'identity.users.list')).toBe(true);
    expect(can(officer(['reform-office', B]), 'identity.users.create')).toBe(false);
    expect(can(officer(['leader', B]), 'identity.org-units.list')).toBe(true);
    expect(can(officer(['leader', B]), 'identity.users.list')).toBe(false);
    expect(can(citizen, 'identity.org-units.list')).toBe(false);
    expect(can(citizen, 'identity.me.change-password')).toBe(true);
    expect(can({ type: 'anonymous' }, 'identity.me.read')).toBe(false);
  });

  it('reform office and unit admins read users within their reach', () => {
    const outsider = { kind: 'officer' as const, grants: [{ role: 'specialist', scopePath: B }] };
    expect(can(officer(['reform-office', A]), 'identity.users.list', outsider)).toBe(true);
    expect(can(unitAdmin, 'identity.users.list', outsider)).toBe(false);
    expect(
      can(unitAdmin, 'identity.users.list', {
        kind: 'officer',
        grants: [
          { role: 'specialist', scopePath: B },
          { role: 'leader', scopePath: A_CHILD },
        ],
      }),
    ).toBe(true);
  });
});

describe('identity text helpers', () => {
  it('normalises Vietnamese for diacritic-insensitive search', () => {
    expect(normaliseSearch('Phường  Hạc Thành')).toBe('phuong hac thanh');
    expect(normaliseSearch('ĐỒNG Đăng — Sở Văn hóa, Thể thao')).toBe('dong dang — so van hoa, the thao');
    // Decomposed input (as some keyboards send it) gives the same key as precomposed text.
    expect(normaliseSearch('Hạc Thành'.normalize('NFD'))).toBe('hac thanh');
    expect(normaliseSearch('Ủy ban nhân dân tỉnh Thanh Hóa')).toBe('uy ban nhan dan tinh thanh hoa');
  });

  it('stores phones in one form', () => {
    expect(normalisePhone('+84 912.345-678')).toBe('0912345678');
    expect(normalisePhone('0912 345 678')).toBe('0912345678');
  });

  it('takes the calendar date in Vietnam, not UTC', () => {
    expect(vietnamDate(new Date('2025-06-30T16:59:59Z'))).toBe('2025-06-30');
    expect(vietnamDate(new Date('2025-06-30T17:00:00Z'))).toBe('2025-07-01');
  });
});
