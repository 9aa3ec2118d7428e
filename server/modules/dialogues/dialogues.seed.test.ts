// The demo's dialogues (dialogues.seed.ts): on the demo province, a held province-level session with its answers and
// two commitments (one done on time, one open), and a ward's session announced and open for questions; once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app';
import type { CommitmentList, PublicSessionDetail, PublicSessionList } from '../../../contracts/dialogues/dialogues.contracts';
import { calendarModule } from '../../platform/calendar/store';
import { DEMO_PASSWORD } from '../demo-accounts';
import { identityModule } from '../identity';
import { loginAs } from '../identity/test/factories';
import { seedDialoguesDemo } from './dialogues.seed';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  // A demo started on Monday 7 December 2026, 09:00 in Hà Nội (the 2027 calendar is the generated draft).
  t.clock.set('2026-12-07T02:00:00Z');
  await calendarModule.seedDemo!(t.systemCtx(), t.host);
  await identityModule.seedDemo!(t.systemCtx(), t.host);
  await seedDialoguesDemo(t.systemCtx());
}, 240_000);
afterAll(async () => t?.close());

const get = <T>(url: string) => t.app.inject({ method: 'GET', url }).then((r) => r.json<T>());

describe('dialogues demo seed', () => {
  it('shows the public a held session with its answers and commitments, and an upcoming one open for questions', async () => {
    const past = await get<PublicSessionList>('/api/v1/dialogues/public/sessions?when=past');
    expect(past.items.map((s) => `${s.level} ${s.state}`)).toEqual(['province CLOSED']);
    const session = await get<PublicSessionDetail>(`/api/v1/dialogues/public/sessions/${past.items[0]!.id}`);
    expect(session.questions.map((q) => q.state)).toEqual(['ANSWERED', 'ANSWERED', 'ANSWERED']);
    expect(session.commitments.map((c) => `${c.state} ${c.completedOnTime} ${c.overdue}`).sort()).toEqual(['DONE true false', 'OPEN null false']);
    expect(JSON.stringify(session)).not.toMatch(/Lê Thị Hoa|hoa\.lt@example\.vn|0912000555/);
    const upcoming = await get<PublicSessionList>('/api/v1/dialogues/public/sessions?when=upcoming');
    expect(upcoming.items.map((s) => `${s.level} ${s.audience}`)).toEqual(['commune businesses']);
    const next = await get<PublicSessionDetail>(`/api/v1/dialogues/public/sessions/${upcoming.items[0]!.id}`);
    expect(next).toMatchObject({ acceptingQuestions: true, state: 'ANNOUNCED' });
    expect(next.questions).toHaveLength(1);
  });

  it('gives the ward the open commitment to report on, and runs once', async () => {
    const ward = await loginAs(t.app, { login: 'chuyenvien.hacthanh', password: DEMO_PASSWORD });
    const owed = (await ward.get('/api/v1/dialogues/commitments?state=OPEN')).json<CommitmentList>();
    expect(owed.items).toHaveLength(1);
    expect(owed.items[0]).toMatchObject({ progressPercent: 30, actions: { progress: true, complete: true } });
    await seedDialoguesDemo(t.systemCtx());
    expect((await get<PublicSessionList>('/api/v1/dialogues/public/sessions')).total).toBe(2);
  });
});
