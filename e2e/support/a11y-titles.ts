import fs from 'node:fs';
import path from 'node:path';

/**
 * The document title each accessibility scan saw, one file per scan, so scans running in two workers never overwrite
 * each other's; `e2e/a11y-titles.spec.ts` reads them all once every scan has run (a project depending on the scans).
 */
export const A11Y_TITLES_DIR = path.join('.tmp', `a11y-titles-${process.env.E2E_A11Y_PORT}`);

export interface ScannedTitle {
  route: string;
  title: string;
}

export function recordTitle(scan: string, seen: ScannedTitle): void {
  fs.mkdirSync(A11Y_TITLES_DIR, { recursive: true });
  fs.writeFileSync(path.join(A11Y_TITLES_DIR, `${scan}.json`), JSON.stringify(seen));
}

export function recordedTitles(): ScannedTitle[] {
  if (!fs.existsSync(A11Y_TITLES_DIR)) return [];
  return fs.readdirSync(A11Y_TITLES_DIR).map((file) => JSON.parse(fs.readFileSync(path.join(A11Y_TITLES_DIR, file), 'utf8')) as ScannedTitle);
}
