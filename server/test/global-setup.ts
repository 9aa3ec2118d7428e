import type { TestProject } from 'vitest/node';
import { prepareTemplate } from '../platform/db/test-database';

/** Migrates one template database per run; each test file clones it (see createTestDatabase). */
export default async function setup(project: TestProject) {
  const { template, teardown } = await prepareTemplate(process.env.DATABASE_URL);
  project.provide('dbTemplate', template);
  return teardown;
}

declare module 'vitest' {
  export interface ProvidedContext {
    dbTemplate: import('../platform/db/test-database').TestDbTemplate;
  }
}
