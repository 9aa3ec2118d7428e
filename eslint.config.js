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
      // Fastify plugins, route handlers and hooks are async by contract (an async function without await is how
      // Fastify documents them: dropping `async` would need the `done` callback instead), and so are the interfaces
      // they implement (channels, test doubles). Floating promises stay caught by no-floating-promises.
      '@typescript-eslint/require-await': 'off',
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
      // expect(mock.method) and vi.spyOn(obj, 'method') pass methods unbound on purpose.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    // Plain JavaScript (this file, scripts, the lint rule) is not part of the TypeScript project.
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
);
