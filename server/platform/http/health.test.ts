import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('platform http', () => {
  it('reports health once migrations are applied', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', migrations: expect.any(Number) });
    expect(res.json().migrations).toBeGreaterThanOrEqual(2);
  });

  it('serves the OpenAPI document', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    expect(res.json().openapi).toMatch(/^3\./);
  });

  it('answers unknown API paths with a translated JSON 404', async () => {
    const vi = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(vi.statusCode).toBe(404);
    expect(vi.json().error.message).toBe('Không tìm thấy dữ liệu yêu cầu.');
    const en = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here', headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(en.json().error.message).toBe('The requested item was not found.');
  });

  it('requires sign-in for the audit log', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/audit/events' });
    expect(res.statusCode).toBe(401);
  });
});
