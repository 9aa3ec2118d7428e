import { describe, expect, it } from 'vitest';
import { grantCovers, hasRole, type UserActor } from './access';
import { isAbove, isBelow, isSameUnit, isWithin, unitRelation } from './unit-relations';

// A small tree: province /p/ with a department /p/d/ and its division /p/d/x/, and a sibling commune /p/c/;
// another province /q/ is another branch altogether. "/pd/" shares a string prefix with "/p/" but is not below it.
const P = '/p/';
const D = '/p/d/';
const X = '/p/d/x/';
const C = '/p/c/';
const Q = '/q/';
const PD = '/pd/';

describe('unit relations', () => {
  it('names the same unit', () => {
    expect(isSameUnit(D, D)).toBe(true);
    expect(isSameUnit(D, X)).toBe(false);
    expect(unitRelation(D, D)).toBe('same');
  });

  it('below means strictly inside the subtree (children and grandchildren)', () => {
    expect(isBelow(D, P)).toBe(true);
    expect(isBelow(X, P)).toBe(true);
    expect(isBelow(P, P)).toBe(false);
    expect(isBelow(P, D)).toBe(false);
    expect(isBelow(C, D)).toBe(false);
    expect(unitRelation(X, D)).toBe('below');
  });

  it('above is the reverse of below', () => {
    expect(isAbove(P, X)).toBe(true);
    expect(isAbove(D, X)).toBe(true);
    expect(isAbove(X, D)).toBe(false);
    expect(isAbove(D, D)).toBe(false);
    expect(unitRelation(P, D)).toBe('above');
  });

  it('siblings, other branches and look-alike prefixes are elsewhere', () => {
    expect(unitRelation(C, D)).toBe('elsewhere');
    expect(unitRelation(X, C)).toBe('elsewhere');
    expect(unitRelation(Q, D)).toBe('elsewhere');
    expect(unitRelation(PD, P)).toBe('elsewhere');
  });

  it('within = same or below; "/" is above every root', () => {
    expect(isWithin(D, D)).toBe(true);
    expect(isWithin(X, D)).toBe(true);
    expect(isWithin(P, D)).toBe(false);
    expect(isWithin(C, D)).toBe(false);
    expect(isWithin(Q, '/')).toBe(true);
    expect(unitRelation('/', P)).toBe('above');
  });

  it('refuses strings that are not unit paths instead of guessing', () => {
    for (const bad of ['', 'p/', '/p', '//', '/p//d/']) expect(() => unitRelation(bad, P), bad).toThrow(/not a unit path/);
  });
});

describe('grants cover their own unit and the units below it, never above', () => {
  const actor = (role: string, scopePath: string): UserActor => ({
    type: 'user',
    userId: 'u',
    kind: 'officer',
    displayName: 'x',
    grants: [{ role, orgUnitId: 'o', scopePath }],
    sessionId: 's',
  });

  it('grantCovers by relation', () => {
    const grant = { scopePath: D };
    expect(grantCovers(grant, D)).toBe(true); // own unit
    expect(grantCovers(grant, X)).toBe(true); // child
    expect(grantCovers(grant, P)).toBe(false); // parent
    expect(grantCovers(grant, C)).toBe(false); // sibling
    expect(grantCovers(grant, Q)).toBe(false); // another branch
  });

  it('hasRole: a division officer does not hold the role on the department, the department officer does on the division', () => {
    expect(hasRole(actor('specialist', X), ['specialist'], D)).toBe(false);
    expect(hasRole(actor('specialist', D), ['specialist'], X)).toBe(true);
    expect(hasRole(actor('specialist', D), ['leader'], X)).toBe(false);
    expect(hasRole(actor('specialist', X), ['specialist'])).toBe(true);
  });
});
