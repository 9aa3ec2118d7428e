// How the built web app is served: hashed assets are cached for good, the page that names them is revalidated, a
// client-side route gets the page, and a missing asset is a 404 rather than the page served as JavaScript.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './test-app';

let t: TestApp;
let dist: string;

beforeAll(async () => {
  dist = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-web-'));
  fs.mkdirSync(path.join(dist, 'assets'));
  fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><html lang="vi"><script type="module" src="/assets/index-Bx3kQ9aZ.js"></script></html>');
  fs.writeFileSync(path.join(dist, 'assets', 'index-Bx3kQ9aZ.js'), 'console.log(1);');
  fs.writeFileSync(path.join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  t = await createTestApp({ webDist: dist });
}, 120_000);
afterAll(async () => {
  await t?.close();
  fs.rmSync(dist, { recursive: true, force: true });
});

describe('the built web app', () => {
  it('lets browsers keep hashed assets for a year and revalidate everything else', async () => {
    const asset = await t.app.inject({ method: 'GET', url: '/assets/index-Bx3kQ9aZ.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    const icon = await t.app.inject({ method: 'GET', url: '/favicon.svg' });
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it('serves the page, revalidated, for the root and for a client-side route', async () => {
    for (const url of ['/', '/tra-cuu/H56.12-260101-0001']) {
      const page = await t.app.inject({ method: 'GET', url });
      expect(page.statusCode, url).toBe(200);
      expect(page.headers['content-type'], url).toMatch(/^text\/html/);
      expect(page.headers['cache-control'], url).toBe('no-cache');
      expect(page.body, url).toContain('/assets/index-Bx3kQ9aZ.js');
    }
  });

  it('answers a missing asset with 404, never the page', async () => {
    const missing = await t.app.inject({ method: 'GET', url: '/assets/index-OLDHASH1.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^application\/json/);
  });
});
