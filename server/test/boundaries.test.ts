// Module boundaries (shared/STYLE.md "Boundaries") are the lint rule motcua/module-boundaries
// (scripts/lint/module-boundaries.js), run by `npm run lint`. This test runs ESLint with the project's own
// eslint.config.js on small snippets placed at chosen paths, so each boundary is shown to fire where it must and
// to stay quiet where an import is allowed.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
// Only the boundary rule, without type information: the snippets are not files of the TypeScript project.
const eslint = new ESLint({
  cwd: ROOT,
  overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
  ruleFilter: ({ ruleId }) => ruleId === 'motcua/module-boundaries',
});

/** The boundary messages ESLint reports for `source` as if it were the file at `file`. */
async function boundaryErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.join(ROOT, file) });
  return result!.messages.map((m) => m.message);
}

describe('module boundaries (lint rule)', () => {
  it.each([
    ['server/platform/calendar/x.ts', "import { users } from '../../modules/identity';", /server\/platform must not import modules/],
    ['server/platform/calendar/x.test.ts', "import { createOfficer } from '../../modules/identity/test/factories';", /server\/platform must not import modules/],
    ['server/platform/x.ts', "export * from '../modules';", /server\/platform must not import modules/],
    ['server/platform/x.ts', "const m = await import('../modules/dossiers');", /server\/platform must not import modules/],
    ['server/modules/identity/x.ts', "import { dossiersModule } from '../dossiers';", /Kernel module "identity" must not import "dossiers"/],
    ['server/modules/catalog/use-cases/x.ts', "import type { Dossier } from '../../dossiers/index';", /Kernel module "catalog" must not import "dossiers"/],
    ['server/modules/dossiers/x.ts', "import { findUser } from '../identity/users.repository';", /only through its index.ts/],
    ['server/modules/dossiers/use-cases/x.ts', "export { findUser } from '../../identity/users.repository';", /only through its index.ts/],
    ['server/modules/dossiers/x.test.ts', "import { x } from '../catalog/catalog.repository';", /only through its index.ts/],
    ['server/modules/dossiers/x.ts', "import { createOfficer } from '../identity/test/factories';", /only through its index.ts/],
    ['server/app.ts', "import { users } from './modules/identity/users.repository';", /only through its index.ts/],
    ['server/modules/dossiers/dossiers.tables.ts', "import { x } from '../identity/users.repository';", /only through its index.ts/],
    ['bench/x.ts', "import { x } from '../server/modules/catalog/catalog.repository';", /only through its index.ts/],
    ['e2e/x.spec.ts', "import { x } from '../server/modules/identity/passwords';", /only through its index.ts/],
    ['web/features/x/X.tsx', "import { buildApp } from '../../../server/app';", /web\/ may import only web\/ and contracts\//],
    ['web/app/x.ts', "import { x } from '../../e2e/support/antd';", /web\/ may import only web\/ and contracts\//],
    ['contracts/x/x.contracts.ts', "import { AppError } from '../../server/platform/errors';", /contracts\/ may import only contracts\//],
  ])('%s: %s is refused', async (file, source, message) => {
    const errors = await boundaryErrors(file, source);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
  });

  it.each([
    ['server/platform/calendar/x.ts', "import { AppError } from '../errors';"],
    ['server/platform/x.ts', "import { x } from './http/module';"],
    ['server/modules/dossiers/x.ts', "import { identityModule } from '../identity';"],
    ['server/modules/dossiers/use-cases/x.ts', "import { x } from '../../catalog/index';"],
    ['server/modules/dossiers/use-cases/x.ts', "import { x } from '../dossiers.repository';"],
    ['server/modules/catalog/x.ts', "import { x } from '../identity';"],
    ['server/modules/dossiers/dossiers.tables.ts', "import { identityOrgUnits } from '../identity/identity.tables';"],
    ['server/modules/dossiers/x.test.ts', "import { createOfficer } from '../identity/test/factories';"],
    ['server/modules/dossiers/test/factories.ts', "import { createPublished } from '../../catalog/test/factories';"],
    ['server/test/x.test.ts', "import { createOfficer } from '../modules/identity/test/factories';"],
    ['bench/x.ts', "import { createPublished } from '../server/modules/catalog/test/factories';"],
    ['server/schema.ts', "export * from './modules/identity/identity.tables';"],
    ['server/modules/index.ts', "import { x } from './demo-accounts';"],
    ['e2e/x.spec.ts', "import { DEMO_PASSWORD } from '../server/modules/demo-accounts';"],
    ['web/features/x/X.tsx', "import { x } from '../../../contracts/identity/identity.contracts';"],
    ['web/features/x/X.tsx', "import { Button } from 'antd';"],
    ['contracts/x/x.contracts.ts', "import { z } from 'zod';"],
  ])('%s: %s is allowed', async (file, source) => {
    expect(await boundaryErrors(file, source)).toEqual([]);
  });
});
