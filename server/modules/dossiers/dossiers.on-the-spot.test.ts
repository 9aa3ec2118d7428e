// Issue 9 item 6: procedures designated for on-the-spot resolution are received and returned in one visit, early.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/test-app';
import { auditEvents } from '../../platform/audit/audit.tables';
import { DOSSIER_TEST_ENV, createDossierWorld, intakeBody, publishProcedure, receive, transition, type DossierWorld } from './test/factories';

let t: TestApp;
let w: DossierWorld;
let onTheSpot: string;
beforeAll(async () => {
  t = await createTestApp({ env: DOSSIER_TEST_ENV });
  w = await createDossierWorld(t);
  onTheSpot = await publishProcedure(t, [w.dept.id], { onTheSpot: true, processingTimes: [{ channel: 'any', amount: 1, unit: 'working-days', raw: '01 ngày làm việc' }] });
});
afterAll(async () => t?.close());

describe('on-the-spot resolution (giải quyết ngay)', () => {
  it('receives and returns in one visit: RETURNED, finished early, both steps audited, nothing left open', async () => {
    t.clock.set('2026-03-02T02:00:00Z');
    const d = await receive(w, { procedureCode: onTheSpot, returnNow: true });
    expect(d).toMatchObject({ state: 'RETURNED', statusCode: 10, classification: 'early' });
    expect(d.finishedAt).toBe('2026-03-02T09:00:00+07:00');
    expect(d.returnedAt).toBe('2026-03-02T09:00:00+07:00');
    expect(d.hops.every((h) => h.finishedAt !== null)).toBe(true);
    expect(d.allowedTransitions).toEqual([]);
    expect(d.timeline.map((e) => e.kind)).toEqual(['intake', 'return-on-the-spot']);
    const audits = await t.database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, d.id));
    expect(audits.map((a) => a.action).sort()).toEqual(['dossiers.intake', 'dossiers.transition.return-on-the-spot']);
  });

  it('refuses "receive and return now" for any other procedure, and the transition on a dossier in flight', async () => {
    t.clock.set('2026-03-02T03:00:00Z');
    const res = await w.agents.reception.post('/api/v1/dossiers/intake', intakeBody(w, { returnNow: true }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0]).toMatchObject({ path: 'body.returnNow', code: 'dossiers.errors.notOnTheSpot' });
    const d = await receive(w);
    const again = await transition(w.agents.reception, d, { transition: 'return-on-the-spot' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.fields[0]).toMatchObject({ code: 'dossiers.errors.notOnTheSpot' });
    const none = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, d.id), eq(auditEvents.action, 'dossiers.transition.return-on-the-spot')));
    expect(none).toHaveLength(0);
  });
});
