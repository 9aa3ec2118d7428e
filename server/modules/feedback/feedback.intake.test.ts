// Intake (issue 14 item 1): anonymous and signed-in filing from the portal, officers' intake at the desk, the code, the
// routing (by procedure, else the province's default unit), the due instant on the calendar, the checks on procedure
// and dossier codes, the per-address rate limit, and who may not enter items.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { auditEvents } from '../../platform/audit/audit.tables';
import { notificationsOutbox } from '../../platform/notifications';
import { createTestApp, type TestApp } from '../../test/test-app';
import { createOrgUnit } from '../identity/test/factories';
import { publishProcedure, receive, type DossierWorld } from '../dossiers/test/factories';
import type { FeedbackReceipt } from '../../../contracts/feedback/feedback.contracts';
import { feedbackItems } from './feedback.tables';
import { anonymous, createFeedbackWorld, feedbackBody, file, read, tag, type FeedbackWorld } from './test/factories';

let w: FeedbackWorld;
beforeAll(async () => {
  w = await createFeedbackWorld();
});
afterAll(async () => w?.t.close());

const countItems = async () => (await w.t.database.db.select({ n: sql<number>`count(*)::int` }).from(feedbackItems))[0]!.n;

describe('filing from the portal', () => {
  it('takes an anonymous item with a name and a contact: a code, the default unit, a due 5 working days on, a secret', async () => {
    const receipt = await file(anonymous(w));
    expect(receipt.code).toMatch(/^PAKN-2026-\d{6}$/);
    expect(receipt).toMatchObject({
      state: 'NEW',
      channel: 'portal',
      receivedAt: '2026-03-02T09:00:00+07:00',
      // Monday 09:00 + 5 working days of 8 h (§19.5) = next Monday 09:00.
      dueAt: '2026-03-09T09:00:00+07:00',
      assignedUnit: { id: w.control.id, code: w.control.code },
      publish: true,
    });
    expect(receipt.senderToken).toMatch(/^[A-Za-z0-9_-]{32}$/);

    // The control unit's officers see it with its history; the secret is stored only as a hash.
    const item = await read(w.agents.controlSpecialist, receipt.id);
    expect(item).toMatchObject({ code: receipt.code, sender: { name: 'Nguyễn Văn An', hasAccount: false }, deadline: { rule: 'competence', workingMinutes: 2400 } });
    expect(item.history.map((h) => h.kind)).toEqual(['received']);
    expect(item.history[0]!.text).toContain('09:00 ngày 09/03/2026');
    const [stored] = await w.t.database.db.select().from(feedbackItems).where(eq(feedbackItems.id, receipt.id));
    expect(stored!.senderTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored!.senderTokenHash).not.toContain(receipt.senderToken!);

    // The sender is told the code, the unit and the due, with their link; the secret leaves the outbox once sent.
    const outbox = await w.t.database.db.select().from(notificationsOutbox).where(eq(notificationsOutbox.subjectId, receipt.id));
    expect(outbox.map((o) => o.channel).sort()).toEqual(['email', 'sms']);
    const audit = await w.t.database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, receipt.id));
    expect(audit.map((a) => a.action)).toEqual(['feedback.receive']);
  });

  it('gives codes from one counter per year, in order', async () => {
    const a = await file(anonymous(w));
    const b = await file(anonymous(w));
    expect(Number(b.code.slice(-6))).toBe(Number(a.code.slice(-6)) + 1);
  });

  it('refuses an anonymous item without a name or any contact, in the caller’s language, writing nothing', async () => {
    const before = await countItems();
    const res = await anonymous(w).request('POST', '/api/v1/feedback', feedbackBody({ sender: { address: 'Phường Hạc Thành' } }), { 'accept-language': 'en' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('FEEDBACK_INTAKE_INVALID');
    expect(res.json().error.fields).toEqual([
      { path: 'body.sender.name', code: 'feedback.errors.nameRequired', message: "Please give the sender's full name." },
      { path: 'body.sender.email', code: 'feedback.errors.contactRequired', message: 'Please give an e-mail address or a phone number to receive the answer.' },
    ]);
    const short = await anonymous(w).post('/api/v1/feedback', feedbackBody({ title: 'Ngắn' }));
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields[0].path).toBe('body.title');
    expect(await countItems()).toBe(before);
  });

  it('routes an item about a procedure to the unit that carries it out, and refuses unknown procedure and dossier codes alike', async () => {
    const routed = await file(anonymous(w), { procedureCode: w.procedureCode });
    expect(routed.assignedUnit.id).toBe(w.dept.id);
    const item = await read(w.agents.specialist, routed.id);
    expect(item.procedure).toEqual({ code: w.procedureCode, name: w.procedureName, field: w.procedureField });

    const before = await countItems();
    const res = await anonymous(w).post('/api/v1/feedback', feedbackBody({ procedureCode: '9.999999.KHONG', dossierCode: 'H99.99-260302-0001' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([
      { path: 'body.procedureCode', code: 'feedback.errors.procedureUnknown', message: 'Không có thủ tục hành chính mã 9.999999.KHONG trong danh mục đang có hiệu lực.' },
      // The same "not found" the public lookup gives: nothing more about dossiers.
      { path: 'body.dossierCode', code: 'feedback.errors.dossierUnknown', message: 'Không tìm thấy hồ sơ có mã H99.99-260302-0001.' },
    ]);
    expect(await countItems()).toBe(before);
  });

  it('routes an item about a field to the unit that alone carries out its procedures, else to the default unit; refuses an unknown field', async () => {
    const byField = await file(anonymous(w), { field: w.procedureField });
    expect(byField.assignedUnit.id).toBe(w.dept.id);
    expect((await read(w.agents.specialist, byField.id)).procedure).toBeNull();
    // A field carried out by two units names no single competent unit: the default unit sorts it out.
    const shared = `Chứng thực ${tag()}`;
    await publishProcedure(w.t, [w.dept.id], { field: shared });
    await publishProcedure(w.t, [w.partner.id], { field: shared });
    expect((await file(anonymous(w), { field: shared })).assignedUnit.id).toBe(w.control.id);
    // A procedure named routes by itself, whatever field is given.
    expect((await file(anonymous(w), { procedureCode: w.procedureCode, field: shared })).assignedUnit.id).toBe(w.dept.id);

    const before = await countItems();
    const res = await anonymous(w).post('/api/v1/feedback', feedbackBody({ field: 'Lĩnh vực không có' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([{ path: 'body.field', code: 'feedback.errors.fieldUnknown', message: 'Danh mục không có lĩnh vực "Lĩnh vực không có".' }]);
    expect(await countItems()).toBe(before);
  });

  it('links a dossier that exists, by its code as typed', async () => {
    const dossier = await receive({ procedureCode: w.procedureCode, centre: w.centre } as unknown as DossierWorld, {}, w.agents.reception);
    const receipt = await file(anonymous(w), { dossierCode: ` ${dossier.code.toLowerCase()} ` });
    expect((await read(w.agents.controlSpecialist, receipt.id)).dossierCode).toBe(dossier.code);
  });

  it('files as the signed-in account: its name and contacts, no secret (the account is the proof)', async () => {
    const res = await w.agents.citizen.request(
      'POST',
      '/api/v1/feedback',
      { title: 'Đề nghị công khai biểu mẫu tờ khai', content: 'Đề nghị công khai biểu mẫu tờ khai điện tử trên Cổng.' },
      {
        'x-forwarded-for': '10.77.0.1',
      },
    );
    expect(res.statusCode, res.body).toBe(201);
    const receipt = res.json<FeedbackReceipt>();
    expect(receipt.senderToken).toBeNull();
    const item = await read(w.agents.controlLeader, receipt.id);
    expect(item.sender).toEqual({ name: 'Trần Thị Bình', email: w.accounts.citizen.login, phone: null, address: null, hasAccount: true });
    const mine = (await w.agents.citizen.get('/api/v1/feedback/mine')).json<{ items: Array<{ code: string }> }>();
    expect(mine.items.map((i) => i.code)).toContain(receipt.code);
  });

  it('limits filings per client address', async () => {
    const agent = anonymous(w);
    // Refused filings count too: the limit protects the intake, valid or not.
    for (let i = 0; i < 10; i++) expect((await agent.post('/api/v1/feedback', { title: 'x' })).statusCode).toBe(400);
    const res = await agent.post('/api/v1/feedback', feedbackBody());
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('RATE_LIMITED');
    // Another address is not affected.
    expect((await anonymous(w).post('/api/v1/feedback', feedbackBody())).statusCode).toBe(201);
  });
});

describe('officers entering items for their senders', () => {
  it('takes an item received at the desk, with the officer’s unit and a secret for the sender', async () => {
    const res = await w.agents.reception.post('/api/v1/feedback/intake', {
      ...feedbackBody({ sender: { name: 'Phạm Thị Dung', address: 'Thôn Đông, xã Yên Phong' } }),
      channel: 'letter',
      receivingUnitId: w.centre.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    const receipt = res.json<FeedbackReceipt>();
    expect(receipt).toMatchObject({ channel: 'letter', assignedUnit: { id: w.control.id } });
    expect(receipt.senderToken).not.toBeNull();
    const item = await read(w.agents.controlSpecialist, receipt.id);
    expect(item).toMatchObject({ receivingUnit: { id: w.centre.id }, sender: { name: 'Phạm Thị Dung', address: 'Thôn Đông, xã Yên Phong', email: null } });
    expect(item.history[0]!.text).toContain('văn bản, thư gửi');
  });

  it('refuses an anonymous caller, an officer of another unit, a leader (not an intake role), and a sender nobody can reach', async () => {
    const before = await countItems();
    const body = { ...feedbackBody(), channel: 'desk', receivingUnitId: w.centre.id };
    expect((await anonymous(w).post('/api/v1/feedback/intake', body)).statusCode).toBe(401);
    expect((await w.agents.specialist.post('/api/v1/feedback/intake', body)).statusCode).toBe(403);
    expect((await w.agents.leader.post('/api/v1/feedback/intake', { ...body, receivingUnitId: w.dept.id })).statusCode).toBe(403);
    const unreachable = await w.agents.reception.post('/api/v1/feedback/intake', { ...body, sender: { name: 'Không Liên Lạc' } });
    expect(unreachable.statusCode).toBe(400);
    expect(unreachable.json().error.fields[0].code).toBe('feedback.errors.contactOrAddressRequired');
    expect(await countItems()).toBe(before);
  });
});

describe('the default unit', () => {
  let t: TestApp;
  afterAll(async () => t?.close());

  it('is the province’s root unit when FEEDBACK_DEFAULT_UNIT is not set', async () => {
    t = await createTestApp();
    const { seedCalendarDemo } = await import('../../platform/calendar/store');
    await seedCalendarDemo(t.systemCtx());
    const root = await createOrgUnit(t.database.db, { kind: 'province' });
    const res = await anonymous({ t }).post('/api/v1/feedback', feedbackBody());
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<FeedbackReceipt>().assignedUnit.id).toBe(root.id);
  });
});
