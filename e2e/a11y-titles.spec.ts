import { expect, test } from '@playwright/test';
import { recordedTitles } from './support/a11y-titles';

// Runs after every accessibility scan (project `a11y-titles` depends on `a11y`): the scans run in two workers, so the
// titles they saw are compared here, once all are in.

test('every route has its own document title, the same for every account', () => {
  const seen = recordedTitles();
  expect(seen.length, 'titles recorded by the scans').toBeGreaterThan(50);
  const byRoute = new Map<string, Set<string>>();
  const byTitle = new Map<string, Set<string>>();
  for (const { route, title } of seen) {
    byRoute.set(route, (byRoute.get(route) ?? new Set()).add(title));
    byTitle.set(title, (byTitle.get(title) ?? new Set()).add(route));
  }
  // A page of one dossier, feedback item or session may name it in its title; any other route keeps one title.
  const unsteady = [...byRoute].filter(([route, titles]) => titles.size > 1 && !/:(code|id)$/.test(route)).map(([route, titles]) => `${route}: ${[...titles].join(' | ')}`);
  expect(unsteady, 'routes whose title changes with the account').toEqual([]);
  const shared = [...byTitle].filter(([, routes]) => routes.size > 1).map(([title, routes]) => `${title}: ${[...routes].join(', ')}`);
  expect(shared, 'titles two routes share').toEqual([]);
});
