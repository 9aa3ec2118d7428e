// The demo's feedback (feedback.seed.ts): made through the API by its senders and officers, once, on the demo province
// whose unrouted items go to the provincial office (the demo's default unit, feedback.config.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app';
import type { FeedbackQueue, MyFeedbackResponse, PublicFeedbackList, SimilarFeedbackResponse } from '../../../contracts/feedback/feedback.contracts';
import { DEMO_PASSWORD } from '../demo-accounts';
import { calendarModule } from '../../platform/calendar/store';
import { catalogModule } from '../catalog';
import { identityModule } from '../identity';
import { loginAs } from '../identity/test/factories';
import { seedFeedbackDemo } from './feedback.seed';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await calendarModule.seedDemo!(t.systemCtx(), t.host);
  await identityModule.seedDemo!(t.systemCtx(), t.host);
  await catalogModule.seedDemo!(t.systemCtx(), t.host);
  await seedFeedbackDemo(t.app);
}, 240_000);
afterAll(async () => t?.close());

const signIn = (login: string) => loginAs(t.app, { login, password: DEMO_PASSWORD });

describe('feedback demo seed', () => {
  it('publishes three masked answers that a similar question finds', async () => {
    const published = (await t.app.inject({ method: 'GET', url: '/api/v1/feedback/public' })).json<PublicFeedbackList>();
    expect(published.total).toBe(3);
    expect(JSON.stringify(published)).not.toContain('Trần Thị Bình');
    const similar = (
      await t.app.inject({ method: 'GET', url: `/api/v1/feedback/similar?q=${encodeURIComponent('giấy chứng sinh khai sinh trực tuyến')}` })
    ).json<SimilarFeedbackResponse>();
    expect(similar.items.map((i) => i.title)).toContain('Yêu cầu bản chính giấy chứng sinh khi đăng ký khai sinh trực tuyến');
  });

  it('leaves an item at each step: new at the provincial office, in progress and awaiting the leader at Sở Tư pháp', async () => {
    const office = (await (await signIn('kiemsoat.vp')).get('/api/v1/feedback/queue')).json<FeedbackQueue>();
    expect(office.items.map((i) => `${i.state} ${i.channel}`).sort()).toEqual(['NEW hotline', 'OUT_OF_SCOPE portal']);
    const stp = (await (await signIn('chuyenvien.stp')).get('/api/v1/feedback/queue')).json<FeedbackQueue>();
    expect(stp.items.map((i) => i.state).sort()).toEqual(['ANSWERED', 'AWAITING_APPROVAL', 'IN_PROGRESS']);
  });

  it('gives the demo citizen an answer to rate, and runs once', async () => {
    const citizen = await signIn('citizen@example.vn');
    const mine = (await citizen.get('/api/v1/feedback/mine')).json<MyFeedbackResponse>();
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({ state: 'ANSWERED', actions: { rate: true } });
    await seedFeedbackDemo(t.app);
    expect((await citizen.get('/api/v1/feedback/mine')).json<MyFeedbackResponse>().items).toHaveLength(1);
  });
});
