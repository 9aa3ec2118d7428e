// Issue 8, item 12: platform code knows no domain words. The role vocabulary belongs to identity; no platform source
// file (tests aside) names a role, so a new platform policy cannot hard-wire one.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../../contracts/identity/identity.contracts';
import { can, definePolicy, SYSTEM_ACTOR, type Actor } from '../platform/access';

const PLATFORM = path.resolve(import.meta.dirname, '../platform');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'test' ? [] : sources(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('platform vocabulary', () => {
  it('no platform source names a role of identity', () => {
    const files = sources(PLATFORM);
    expect(files.length).toBeGreaterThan(20);
    const found = files.flatMap((file) => {
      const text = fs.readFileSync(file, 'utf8');
      return ROLES.filter((role) => text.includes(`'${role}'`) || text.includes(`"${role}"`)).map((role) => `${path.relative(PLATFORM, file)}: ${role}`);
    });
    expect(found).toEqual([]);
  });

  it('the system actor holds no role; every policy admits it by its platform-level flag', () => {
    expect(SYSTEM_ACTOR.grants).toEqual([]);
    expect(SYSTEM_ACTOR.system).toBe(true);
    definePolicy('test.vocabulary.nobody', () => false);
    expect(can(SYSTEM_ACTOR, 'test.vocabulary.nobody')).toBe(true);
    const lookalike: Actor = { ...SYSTEM_ACTOR, system: undefined };
    expect(can(lookalike, 'test.vocabulary.nobody')).toBe(false);
  });
});
