// ESLint rule `motcua/module-boundaries`: the module boundaries of /work/shared/STYLE.md ("Boundaries") checked on
// resolved import paths, so `../../modules/x` and `../x/y` are judged by where they land, not by how they are spelled.
//   platform-imports-module  server/platform/** imports nothing under server/modules/
//   kernel-imports-user      identity and catalog (the kernel) never import the modules that build on them
//   deep-import              code outside module X reaches X only through X/index.ts; exceptions: a tables file may
//                            import a kernel module's tables file (foreign keys), test code and benchmarks may use
//                            X/test/factories,
//                            server/schema.ts gathers every tables file for drizzle-kit
//   web-imports-outside      web/** imports only web/** and contracts/** (and packages)
//   contracts-import-outside contracts/** imports only contracts/** (and packages); server and web both depend on it
import path from 'node:path';
import fs from 'node:fs';

const KERNEL = new Set(['identity', 'catalog']);
const MODULES_DIR = 'server/modules/';

const toPosix = (p) => p.split(path.sep).join('/');
const stripExtension = (p) => p.replace(/\.(?:[cm]?[jt]sx?)$/, '');

/** The module a repository-relative path belongs to, and the path inside it; null outside server/modules/<name>/. */
function moduleOf(root, rel) {
  if (!rel.startsWith(MODULES_DIR)) return null;
  const [name, ...rest] = rel.slice(MODULES_DIR.length).split('/');
  // Files directly under server/modules/ (the module list, demo accounts) belong to no module.
  if (!name || /\.[cm]?[jt]sx?$/.test(name) || fs.existsSync(path.join(root, MODULES_DIR, `${name}.ts`))) return null;
  return { name, inside: stripExtension(rest.join('/')) };
}

// Benchmarks build their data with the same factories as tests.
const isTestCode = (rel) => /\.test\.tsx?$/.test(rel) || /^(?:server\/test|bench)\//.test(rel) || /^server\/modules\/[^/]+\/test\//.test(rel);

/** @type {import('eslint').Rule.RuleModule} */
export const moduleBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Module boundaries: platform, kernel, index.ts doors, web and contracts' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, additionalProperties: false }],
    messages: {
      'platform-imports-module': 'server/platform must not import modules ({{target}}); let the module register what platform needs through its manifest.',
      'kernel-imports-user': 'Kernel module "{{from}}" must not import "{{to}}", which builds on it; invert the dependency (event, manifest hook or a parameter).',
      'deep-import': 'Import module "{{to}}" only through its index.ts ({{target}}).',
      'web-imports-outside': 'web/ may import only web/ and contracts/ ({{target}}).',
      'contracts-import-outside': 'contracts/ may import only contracts/ ({{target}}).',
    },
  },
  create(context) {
    const root = context.options[0]?.root ?? context.cwd;
    const file = toPosix(path.relative(root, context.filename));
    if (file.startsWith('..')) return {};
    const from = moduleOf(root, file);

    /** @param {import('estree').Node} node @param {unknown} spec */
    function check(node, spec) {
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = toPosix(path.relative(root, path.resolve(path.dirname(context.filename), spec)));
      const report = (messageId, data = {}) => context.report({ node, messageId, data: { target: spec, ...data } });

      if (file.startsWith('web/')) {
        if (!target.startsWith('web/') && !target.startsWith('contracts/')) report('web-imports-outside');
        return;
      }
      if (file.startsWith('contracts/')) {
        if (!target.startsWith('contracts/')) report('contracts-import-outside');
        return;
      }
      if (file.startsWith('server/platform/') && (target === 'server/modules' || target.startsWith(MODULES_DIR))) {
        report('platform-imports-module');
        return;
      }
      const to = moduleOf(root, target);
      if (!to || to.name === from?.name) return;
      if (from && KERNEL.has(from.name) && !KERNEL.has(to.name)) {
        report('kernel-imports-user', { from: from.name, to: to.name });
        return;
      }
      if (to.inside === '' || to.inside === 'index') return;
      if (file === 'server/schema.ts') return;
      if (/\.tables\.ts$/.test(file) && KERNEL.has(to.name) && to.inside === `${to.name}.tables`) return;
      if (to.inside === 'test/factories' && isTestCode(file)) return;
      report('deep-import', { to: to.name });
    }

    const fromSource = (node) => check(node.source, node.source.value);
    return {
      ImportDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ExportNamedDeclaration: (node) => node.source && fromSource(node),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};

export default { meta: { name: 'motcua' }, rules: { 'module-boundaries': moduleBoundaries } };
