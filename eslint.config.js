// ESLint 9 flat config: typescript-eslint with type information (projectService reads tsconfig.json), React hooks
// rules for web/, and the module boundaries as a local rule (scripts/lint/module-boundaries.js). Formatting is
// Prettier's job (npm run format), so no stylistic rules here.
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import motcua from './scripts/lint/module-boundaries.js';

const root = import.meta.dirname;

export default tseslint.config(
  { ignores: ['node_modules/', 'web/dist/', 'data/', '.tmp/', 'migrations/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: root },
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { motcua },
    rules: {
      'motcua/module-boundaries': ['error', { root }],
      // `_`-prefixed names are deliberately unused (positional parameters, destructuring to omit a key).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // Fastify handlers and React event props are async callbacks by design; a void-returning slot is fine for them.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
    },
  },
  {
    files: ['web/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat['recommended-latest'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Tests inspect untyped JSON answers (`res.json()` is `any`); their assertions check the shape, so the
    // no-unsafe-* family only adds noise there. Production code keeps it.
    files: ['**/*.test.{ts,tsx}', 'server/test/**', 'server/modules/*/test/**', 'e2e/**', 'bench/**'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // TODO-merge (issue 8 item 10): server/ is being edited by other branches, so its findings are fixed after they
    // merge (see the tooling report). Until then these rules are off in server/ only; the boundary rule is on.
    files: ['server/**'],
    ignores: ['server/platform/http/openapi.ts', 'server/platform/http/openapi.test.ts'],
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    rules: {
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@typescript-eslint/no-base-to-string': 'off',
      '@typescript-eslint/triple-slash-reference': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
      '@typescript-eslint/only-throw-error': 'off',
      'prefer-const': 'off',
    },
  },
  {
    // Modules declare their policies, messages, jobs and notification templates in their manifest and server/app.ts
    // registers what manifests declare (STYLE.md, "Avoid"): nothing else calls the registries. Tests may register their
    // own fixtures.
    files: ['server/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    ignores: [
      'server/app.ts',
      '**/*.test.ts',
      'server/platform/access/**',
      'server/platform/i18n/**',
      'server/platform/jobs/**',
      'server/platform/notifications/index.ts',
      'server/platform/notifications/notifications.templates.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/access', '**/access/access', '**/i18n', '**/i18n/i18n', '**/jobs', '**/jobs/jobs', '**/notifications', '**/notifications/notifications.templates'],
              importNames: ['definePolicy', 'registerMessages', 'registerJob', 'registerDeclaredJob', 'registerNotificationTemplate'],
              message: 'Declare it (declarePolicy, declareMessages, declareJob, declareNotificationTemplate) in the module manifest; buildApp registers what manifests declare.',
            },
          ],
        },
      ],
    },
  },
  {
    // Plain JavaScript (this file, scripts, the lint rule) is not part of the TypeScript project.
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
);
