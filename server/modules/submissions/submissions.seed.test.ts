// The demo's online applications (issue 11): made through the API by the demo citizen and the ward's desk, once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../app';
import { createTestApp, type TestApp } from '../../test/test-app';
import { DEMO_PASSWORD } from '../demo-accounts';
import { loginAs } from '../identity/test/factories';
import { ContentInspector } from '../../platform/files/files.content';
import { ACCEPTED_MEDIA_TYPES } from '../../platform/files';
import { demoPdf } from './submissions.seed';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemoData(t);
}, 240_000);
afterAll(async () => t?.close());

interface Summary {
  id: string;
  state: string;
  reference: string | null;
}

describe('submissions demo seed', () => {
  it('gives the demo citizen a draft, one awaiting the desk, one to complete and one received awaiting its fee; the desk sees the awaiting one with its files', async () => {
    const citizen = await loginAs(t.app, { login: 'citizen@example.vn', password: DEMO_PASSWORD });
    const mine = (await citizen.get('/api/v1/submissions')).json<{ items: Summary[]; total: number }>();
    expect(mine.items.map((s) => s.state).sort()).toEqual(['ACCEPTED', 'DRAFT', 'GUIDED', 'SUBMITTED']);
    // Received, its fee to be paid online before processing (issue 13): the payment notice is there to pay.
    const accepted = (await citizen.get(`/api/v1/submissions/${mine.items.find((s) => s.state === 'ACCEPTED')!.id}`)).json<{ dossier: { id: string } }>();
    const dossier = (await citizen.get(`/api/v1/citizen/dossiers/${accepted.dossier.id}`)).json<{ statusCode: number }>();
    expect(dossier.statusCode).toBe(6);
    const payments = (await citizen.get(`/api/v1/citizen/dossiers/${accepted.dossier.id}/payments`)).json<{ due: { amountVnd: number; payableOnline: boolean } }>();
    expect(payments.due).toMatchObject({ amountVnd: 7000, payableOnline: true });
    const guided = (await citizen.get(`/api/v1/submissions/${mine.items.find((s) => s.state === 'GUIDED')!.id}`)).json();
    expect(JSON.stringify(guided)).toContain('Giấy tờ chứng minh nơi cư trú của cha, mẹ');

    const desk = await loginAs(t.app, { login: 'tiepnhan.hacthanh', password: DEMO_PASSWORD });
    const queue = (await desk.get('/api/v1/submissions/desk/queue')).json<{ items: Array<{ id: string; applicantName: string; reference: string }> }>();
    const awaiting = mine.items.find((s) => s.state === 'SUBMITTED')!;
    expect(queue.items.map((i) => i.id)).toContain(awaiting.id);
    const detail = (await desk.get(`/api/v1/submissions/desk/${awaiting.id}`)).json<{ requirements: Array<{ key: string; files: Array<{ id: string }> }> }>();
    const birthCertificate = detail.requirements.find((r) => r.key === 'd6')!.files[0]!;
    const file = await desk.get(`/api/v1/submissions/desk/${awaiting.id}/files/${birthCertificate.id}`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
  });

  it('runs once: a second seed makes nothing more', async () => {
    await seedDemoData(t);
    const citizen = await loginAs(t.app, { login: 'citizen@example.vn', password: DEMO_PASSWORD });
    expect((await citizen.get('/api/v1/submissions')).json<{ total: number }>().total).toBe(4);
  });

  it('writes demo PDFs the upload check accepts', async () => {
    const data = demoPdf('GIAY CHUNG SINH (mau)');
    const inspector = new ContentInspector({ name: 'x.pdf', allowed: ACCEPTED_MEDIA_TYPES, maxBytes: 1_000_000 });
    await inspector.push(data);
    await expect(inspector.finish()).resolves.toEqual({ mediaType: 'application/pdf', size: data.length });
    expect(data.toString('latin1')).toMatch(/startxref\n\d+\n%%EOF\n$/);
  });
});
