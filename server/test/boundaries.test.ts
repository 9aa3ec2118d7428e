// Module boundaries (shared/STYLE.md "Boundaries"): platform never imports modules; a module reaches another
// only through its index.ts. Allowed exceptions: a tables file may import a kernel module's tables file (foreign
// keys to identity/catalog), and tests may use another module's test factories.
import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';

const SERVER = path.resolve(import.meta.dirname, '..');
const KERNEL = new Set(['identity', 'catalog']);

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(p);
    else if (/\.tsx?$/.test(entry.name)) yield p;
  }
}

function imports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => (m[1] ?? m[2])!);
}

function moduleOf(absPath: string): string | null {
  const rel = path.relative(path.join(SERVER, 'modules'), absPath);
  if (rel.startsWith('..')) return null;
  const first = rel.split(path.sep)[0]!;
  // Files directly under modules/ (the module list, demo accounts) belong to no module.
  if (first.endsWith('.ts') || fs.existsSync(path.join(SERVER, 'modules', `${first}.ts`))) return null;
  return first;
}

function violations(): string[] {
  const found: string[] = [];
  for (const file of sourceFiles(SERVER)) {
    const rel = path.relative(SERVER, file);
    // schema.ts gathers every tables file for drizzle-kit; it is wiring, not a module.
    if (rel === 'schema.ts') continue;
    const isTest = /\.test\.ts$/.test(file) || rel.includes(`${path.sep}test${path.sep}`);
    for (const spec of imports(file)) {
      if (!spec.startsWith('.')) continue;
      const target = path.resolve(path.dirname(file), spec);
      const targetRel = path.relative(SERVER, target);
      if (rel.startsWith(`platform${path.sep}`) && targetRel.startsWith(`modules${path.sep}`) && !isTest) {
        found.push(`${rel} → ${spec} (platform must not import modules)`);
        continue;
      }
      const from = moduleOf(file);
      const to = moduleOf(target);
      if (!to || from === to) continue;
      const inside = path.relative(path.join(SERVER, 'modules', to), target);
      if (inside === '' || inside === 'index' || inside === 'index.ts') continue;
      if (/\.tables\.ts$/.test(file) && KERNEL.has(to) && /\.tables$/.test(inside)) continue;
      if (isTest && inside.startsWith(`test${path.sep}`)) continue;
      found.push(`${rel} → ${spec} (import another module only through its index.ts)`);
    }
  }
  return found;
}

describe('module boundaries', () => {
  it('platform never imports modules, and modules meet only through index.ts', () => {
    expect(violations()).toEqual([]);
  });
});
