import { defineConfig } from 'vitest/config';

// Server suites that register process-wide definitions of their own (a test job, a test module's policies) or check the
// registries of a fresh process: they keep a module graph of their own per file. Every other server suite shares its
// worker's module graph (isolate: false), so the server and its libraries are loaded once per worker, not once per file.
const OWN_MODULE_GRAPH = [
  'server/platform/jobs/jobs.test.ts',
  'server/platform/db/database-outage.test.ts',
  'server/platform/files/files.uploads.test.ts',
  'server/test/manifest-declarations.test.ts',
];

const server = {
  environment: 'node' as const,
  globalSetup: ['server/test/global-setup.ts'],
  testTimeout: 30_000,
  hookTimeout: 60_000,
  pool: 'forks' as const,
};

export default defineConfig({
  test: {
    // Vitest's default on a machine with N cores is N − 1 workers: one on CI's two cores. Server suites spend most of
    // their time waiting on PostgreSQL (another process) and on timers, so three workers overlap that waiting (CI time);
    // each test file has a database of its own (a clone of the migrated template), so files never share data.
    maxWorkers: 3,
    projects: [
      {
        test: {
          ...server,
          name: 'server',
          include: ['server/**/*.test.ts', 'contracts/**/*.test.ts', 'bench/**/*.test.ts'],
          exclude: OWN_MODULE_GRAPH,
          isolate: false,
        },
      },
      { test: { ...server, name: 'server-isolated', include: OWN_MODULE_GRAPH } },
      {
        test: {
          name: 'web',
          environment: 'happy-dom',
          include: ['web/**/*.test.{ts,tsx}'],
          setupFiles: ['web/test/setup.ts'],
        },
      },
    ],
  },
});
