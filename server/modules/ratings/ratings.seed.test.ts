// The demo's ratings (ratings.seed.ts): some ended dossiers rated through the recording path, after they ended, once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/test-app';
import { DOSSIER_TEST_ENV, createDossierWorld, receive, type DossierWorld } from '../dossiers/test/factories';
import { returnedDossier } from './test/factories';
import { seedRatingsDemo } from './ratings.seed';

let t: TestApp;
let w: DossierWorld;
beforeAll(async () => {
  t = await createTestApp({ env: DOSSIER_TEST_ENV });
  w = await createDossierWorld(t);
});
afterAll(async () => t?.close());

type Row = { dossier: string; state: string; ended: string; rated: string | null; channel: string | null; audited: number };

describe('the demo ratings', () => {
  it('rate some ended dossiers after they ended, never an open one, and a second seeding rates nothing again', async () => {
    t.clock.set('2026-03-02T02:00:00Z');
    for (let i = 0; i < 20; i++) await returnedDossier(w);
    const open = await receive(w);
    t.clock.set('2026-03-20T02:00:00Z');
    await seedRatingsDemo(t.systemCtx());
    const read = async () =>
      (
        await t.database.db.execute<Row>(sql`
          select d.id as dossier, d.state, coalesce(d.closed_at, d.returned_at)::text as ended, r.rated_at::text as rated, r.channel,
                 (select count(*)::int from audit_events a where a.action = 'ratings.rate' and a.subject_id = r.id::text) as audited
          from dossiers d left join ratings_responses r on r.dossier_id = d.id where d.handling_unit_id = ${w.dept.id}`)
      ).rows;
    const rows = await read();
    const rated = rows.filter((r) => r.rated !== null);
    // 40 % of 20 drawn per dossier id: none rated or all rated is (0.6^20, 0.4^20) all but impossible.
    expect(rated.length).toBeGreaterThan(0);
    expect(rated.length).toBeLessThan(20);
    expect(rows.find((r) => r.dossier === open.id)!.rated).toBeNull();
    for (const r of rated) {
      expect(r.state).toBe('RETURNED');
      expect(new Date(r.rated!).getTime()).toBeGreaterThan(new Date(r.ended).getTime());
      expect(new Date(r.rated!).getTime()).toBeLessThanOrEqual(Date.parse('2026-03-20T02:00:00Z'));
      expect(['kiosk', 'link']).toContain(r.channel);
      expect(r.audited).toBe(1);
    }
    await seedRatingsDemo(t.systemCtx());
    expect((await read()).filter((r) => r.rated !== null)).toHaveLength(rated.length);
  });
});
