import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../test/test-app';
import { auditEvents } from '../../platform/audit/audit.tables';
import { notificationsOutbox } from '../../platform/notifications';
import { dossierIntakeDecisions, dossiers, dossierSteps } from './dossiers.tables';
import { DOSSIER_TEST_ENV, createDossierWorld, intakeBody, personId, publishProcedure, receive, step, type DossierWorld } from './test/factories';

let t: TestApp;
let w: DossierWorld;
beforeAll(async () => {
  t = await createTestApp({ env: DOSSIER_TEST_ENV });
  w = await createDossierWorld(t);
});
afterAll(async () => t?.close());

const countRows = async (table: typeof dossiers | typeof auditEvents | typeof dossierIntakeDecisions) =>
  (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;

describe("the applicant's notification channels", () => {
  it('tells the applicant only on the channels they chose, from intake through every later change', async () => {
    t.clock.set('2026-03-02T02:00:00Z');
    const applicant = { kind: 'person', name: 'Lê Thị Hoa', idNumber: personId(), phone: '0912345678', email: 'hoa.le@example.vn', address: null, notifyChannels: ['sms'] };
    const d = await receive(w, { applicant });
    const forwarded = await step(w.agents.reception, d, { transition: 'forward', note: null, attachments: [] });
    expect(forwarded.state).toBe('PROCESSING');
    const outbox = await t.database.db.select().from(notificationsOutbox).where(eq(notificationsOutbox.subjectId, d.id));
    expect(outbox.length).toBeGreaterThanOrEqual(2);
    expect(new Set(outbox.map((o) => o.channel))).toEqual(new Set(['sms']));
    const [row] = await t.database.db.select({ channels: dossiers.applicantNotifyChannels }).from(dossiers).where(eq(dossiers.id, d.id));
    expect(row!.channels).toEqual(['sms']);
  });

  it('refuses an empty, unknown or repeated choice with a translated message, and records nothing', async () => {
    const before = await countRows(dossiers);
    for (const notifyChannels of [[], ['fax'], ['sms', 'sms']]) {
      const res = await w.agents.reception.post('/api/v1/dossiers/intake', intakeBody(w, { applicant: { ...(intakeBody(w).applicant as object), notifyChannels } }));
      expect(res.statusCode, JSON.stringify(notifyChannels)).toBe(400);
    }
    const repeated = await w.agents.reception.post(
      '/api/v1/dossiers/intake',
      intakeBody(w, { applicant: { ...(intakeBody(w).applicant as object), notifyChannels: ['sms', 'sms'] } }),
    );
    expect(JSON.stringify(repeated.json())).toContain('Mỗi kênh nhận thông báo chỉ chọn một lần.');
    expect(await countRows(dossiers)).toBe(before);
  });
});

describe('intake at the desk', () => {
  it('accepts a dossier: code, appointment from the calendar, first step, timeline, audit and outbox in one go', async () => {
    t.clock.set('2026-03-02T02:00:00Z'); // Monday 09:00 in Hà Nội
    const d = await receive(w);
    expect(d.code).toMatch(new RegExp(`^${w.dept.code.replace(/\./g, '\\.')}-260302-\\d{4}$`));
    expect(d.state).toBe('RECEIVED');
    expect(d.statusCode).toBe(2);
    expect(d.receivedAt).toBe('2026-03-02T09:00:00+07:00');
    // §19.5: 5 working days (40 working hours) from Monday 09:00 end at the next Monday 09:00.
    expect(d.dueAt).toBe('2026-03-09T09:00:00+07:00');
    expect(d.duration).toEqual({ amount: 5, unit: 'working-days', source: 'catalog' });
    expect(d.holder).toMatchObject({ unit: { id: w.centre.id }, role: 'reception-officer' });
    expect(d.receivingUnit.id).toBe(w.centre.id);
    expect(d.handlingUnit.id).toBe(w.dept.id);
    expect(d.workflow.map((s) => s.unit.id)).toEqual([w.centre.id, w.dept.id, w.dept.id, w.centre.id]);
    expect(d.workflow[3]!.isReturnStep).toBe(true);
    expect(d.hops).toHaveLength(1);
    expect(d.hops[0]).toMatchObject({ kind: 'step', stepIndex: 0, toUnit: { id: w.centre.id } });
    expect(d.timeline).toEqual([expect.objectContaining({ kind: 'intake', public: true, statusCode: 2 })]);
    expect(d.timeline[0]!.text).toContain('09/03/2026');
    expect(d.ruleVersion).toBe('nd118-2025');
    expect(d.book.number).toBe('2026');
    expect(d.allowedTransitions.map((a) => a.transition)).toEqual(['forward', 'withdraw']);
    // D14: the receipt's number is its book entry; the control slip (Mẫu 06) is numbered at reception.
    expect(d.slips).toEqual([
      { slip: 'receipt', reference: `${String(d.book.seq).padStart(2, '0')}/TTPVHCC`, issuedAt: d.receivedAt },
      { slip: 'control', reference: expect.stringMatching(/^\d{2,}\/PKS-TTPVHCC$/), issuedAt: d.receivedAt },
    ]);

    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, d.id), eq(auditEvents.action, 'dossiers.intake')));
    expect(audit).toHaveLength(1);
    const outbox = await t.database.db.select().from(notificationsOutbox).where(eq(notificationsOutbox.subjectId, d.id));
    expect(outbox.map((o) => o.channel).sort()).toEqual(['email', 'sms', 'zalo']);
    // What happened, what happens next, by when: the appointment, in every channel's text.
    const due = `${d.dueAt.slice(11, 16)} ngày ${d.dueAt.slice(8, 10)}/${d.dueAt.slice(5, 7)}/${d.dueAt.slice(0, 4)}`;
    const email = outbox.find((o) => o.channel === 'email')!;
    expect(email.params).toMatchObject({ outlook: 'handling', due: d.dueAt });
    const { body } = (await w.agents.admin.get(`/api/v1/notifications/outbox?q=${d.id}&channel=email`)).json<{ items: Array<{ body: string }> }>().items[0]!;
    expect(body.split('\n')).toEqual([expect.stringContaining(`hẹn trả kết quả ${due}`), expect.stringMatching(/^Tiếp theo: /), `Thời hạn: hẹn trả kết quả ${due}.`]);
  });

  it('allocates codes per handling agency per day, resetting the next day', async () => {
    t.clock.set('2026-03-03T03:00:00Z');
    const a = await receive(w);
    const b = await receive(w);
    const otherCode = await publishProcedure(t, [w.partner.id]);
    const c = await receive(w, { procedureCode: otherCode });
    const seq = (code: string) => Number(code.split('-').pop());
    expect(a.code.startsWith(`${w.dept.code}-260303-`)).toBe(true);
    expect(seq(b.code)).toBe(seq(a.code) + 1);
    expect(c.code).toBe(`${w.partner.code}-260303-0001`);
    t.clock.set('2026-03-04T03:00:00Z');
    const next = await receive(w);
    expect(next.code).toBe(`${w.dept.code}-260304-0001`);
    expect(b.code).toMatch(/-\d{4}$/);
  });

  it('computes the appointment through the published calendar, skipping holidays', async () => {
    // Wednesday 29/04/2026 09:00; 30/04 and 01/05 are holidays, then a weekend (§19 official 2026 schedule).
    t.clock.set('2026-04-29T02:00:00Z');
    const d = await receive(w);
    // 6 h left on Wednesday, then 4 × 8 h (4–7 May) and 2 h on Friday 8 May.
    expect(d.dueAt).toBe('2026-05-08T09:00:00+07:00');
  });

  it('requires the officer to state the time when the catalog cannot be read, and refuses one when it can', async () => {
    t.clock.set('2026-03-02T02:00:00Z');
    // Publishing needs one usable time (issue 9 item 9); the counter's own time here is unreadable.
    const unreadable = await publishProcedure(t, [w.dept.id], {
      processingTimes: [
        { channel: 'online', amount: 3, unit: 'working-days', raw: '03 ngày làm việc' },
        { channel: 'direct', amount: null, unit: null, raw: 'Theo quy định' },
      ],
    });
    const missing = await w.agents.reception.post('/api/v1/dossiers/intake', intakeBody(w, { procedureCode: unreadable }));
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields).toEqual([expect.objectContaining({ path: 'body.duration', code: 'dossiers.errors.durationRequired' })]);
    const stated = await receive(w, { procedureCode: unreadable, duration: { amount: 2, unit: 'working-days' } });
    expect(stated.duration).toEqual({ amount: 2, unit: 'working-days', source: 'officer' });
    expect(stated.dueAt).toBe('2026-03-04T09:00:00+07:00');
    const extra = await w.agents.reception.post('/api/v1/dossiers/intake', intakeBody(w, { duration: { amount: 2, unit: 'working-days' } }));
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.fields[0].code).toBe('dossiers.errors.durationNotAllowed');
  });

  it('records how a fee was paid: required with a fee, refused without one, translated; older dossiers read as not recorded', async () => {
    const post = (body: Record<string, unknown>, lang: 'vi' | 'en' = 'vi') => w.agents.reception.request('POST', '/api/v1/dossiers/intake', body, { 'accept-language': lang });
    const fields = (res: Awaited<ReturnType<typeof post>>) =>
      res.json<{ error: { fields: Array<{ path: string; message: string }> } }>().error.fields.map((f) => [f.path, f.message]);
    const before = await countRows(dossiers);
    for (const method of [{}, { feePaymentMethod: null }]) {
      const missing = await post(intakeBody(w, { feeVnd: 20000, ...method }));
      expect(missing.statusCode).toBe(400);
      expect(fields(missing)).toEqual([['body.feePaymentMethod', 'Đã thu phí, lệ phí — vui lòng chọn phương thức nộp (tiền mặt, chuyển khoản hoặc trực tuyến).']]);
    }
    const en = await post(intakeBody(w, { feeVnd: 20000 }), 'en');
    expect(fields(en)).toEqual([['body.feePaymentMethod', 'A fee was taken: choose how it was paid (cash, bank transfer or online).']]);
    const withoutFee = await post(intakeBody(w, { feeVnd: 0, feePaymentMethod: 'cash' }));
    expect(withoutFee.statusCode).toBe(400);
    expect(fields(withoutFee)).toEqual([['body.feePaymentMethod', 'Không thu phí, lệ phí thì không ghi phương thức nộp.']]);
    const unknown = await post(intakeBody(w, { feeVnd: 20000, feePaymentMethod: 'cheque' }));
    expect(unknown.statusCode).toBe(400);
    expect(fields(unknown).map(([path]) => path)).toEqual(['body.feePaymentMethod']);
    expect(await countRows(dossiers)).toBe(before);

    const paid = await receive(w, { feeVnd: 20000, feePaymentMethod: 'bank-transfer' });
    expect(paid).toMatchObject({ feeVnd: 20000, feePaymentMethod: 'bank-transfer' });
    const [stored] = await t.database.db.select({ method: dossiers.feePaymentMethod }).from(dossiers).where(eq(dossiers.id, paid.id));
    expect(stored!.method).toBe('bank-transfer');
    expect((await receive(w)).feePaymentMethod).toBeNull();
    // A dossier received before the method was recorded keeps its fee and shows the method as not recorded.
    await t.database.db.update(dossiers).set({ feePaymentMethod: null }).where(eq(dossiers.id, paid.id));
    expect((await w.agents.reception.get(`/api/v1/dossiers/${paid.id}`)).json()).toMatchObject({ feeVnd: 20000, feePaymentMethod: null });
  });

  it('validates the applicant’s ID number by kind', async () => {
    const res = await w.agents.reception.post('/api/v1/dossiers/intake', intakeBody(w, { applicant: { kind: 'person', name: 'Trần Thị B', idNumber: '12345' } }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([expect.objectContaining({ path: 'body.applicant.idNumber', message: 'Số định danh cá nhân phải gồm đúng 12 chữ số.' })]);
    const org = await receive(w, {
      applicant: { kind: 'organisation', name: 'Công ty TNHH Thử Nghiệm', idNumber: '0101234567-001', phone: null, email: null, address: null },
    });
    expect(org.applicant.kind).toBe('organisation');
  });

  it('records a guide decision (Mẫu 02) with a reference number and no dossier', async () => {
    const before = await countRows(dossiers);
    const res = await w.agents.reception.post(
      '/api/v1/dossiers/intake',
      intakeBody(w, { decision: 'guide', missingItems: ['Bản sao giấy khai sinh'], reasons: 'Thiếu giấy tờ theo quy định' }),
    );
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.decision).toBe('guide');
    // A desk guide is no dossier: it has no national status code (§3.2).
    expect(body.intakeDecision).toMatchObject({ kind: 'guide', statusCode: null, missingItems: ['Bản sao giấy khai sinh'], reasons: 'Thiếu giấy tờ theo quy định' });
    // The symbol is the issuing centre's abbreviation, as on the printed slip (D14).
    expect(body.intakeDecision.referenceNumber).toMatch(/^\d{2,}\/PBS-TTPVHCC$/);
    expect(await countRows(dossiers)).toBe(before);
    const again = await w.agents.reception.get(`/api/v1/dossiers/intake-decisions/${body.intakeDecision.id}`);
    expect(again.statusCode).toBe(200);
    const noItems = await w.agents.reception.post('/api/v1/dossiers/intake', intakeBody(w, { decision: 'guide', reasons: 'Thiếu' }));
    expect(noItems.statusCode).toBe(400);
    expect(noItems.json().error.fields).toEqual([expect.objectContaining({ path: 'body.missingItems', message: 'Vui lòng liệt kê các giấy tờ cần bổ sung, hoàn thiện.' })]);
  });

  it('records a refusal (Mẫu 03) with reasons', async () => {
    const res = await w.agents.reception.post('/api/v1/dossiers/intake', intakeBody(w, { decision: 'refuse', reasons: 'Không thuộc thẩm quyền giải quyết' }));
    expect(res.statusCode).toBe(201);
    expect(res.json().intakeDecision).toMatchObject({ kind: 'refuse', statusCode: 3 });
    expect(res.json().intakeDecision.referenceNumber).toContain('/PTC-');
    const noReason = await w.agents.reception.post('/api/v1/dossiers/intake', intakeBody(w, { decision: 'refuse' }));
    expect(noReason.statusCode).toBe(400);
  });

  // Issue 8 item 12: the request is one shape per decision, so a decision without its own fields fails at validation.
  describe('each decision declares its own fields', () => {
    const post = (body: Record<string, unknown>, lang: 'vi' | 'en' = 'vi') => w.agents.reception.request('POST', '/api/v1/dossiers/intake', body, { 'accept-language': lang });
    const fieldsOf = (res: Awaited<ReturnType<typeof post>>) => {
      const { error } = res.json<{ error: { code: string; fields: Array<{ path: string; message: string }> } }>();
      expect(error.code).toBe('VALIDATION_FAILED');
      return error.fields.map((f) => [f.path, f.message]);
    };

    it('refuses a guide without missing items, translated, writing nothing', async () => {
      const [d0, i0, a0] = [await countRows(dossiers), await countRows(dossierIntakeDecisions), await countRows(auditEvents)];
      for (const missing of [{}, { missingItems: [] }, { missingItems: null }]) {
        const res = await post(intakeBody(w, { decision: 'guide', reasons: 'Thiếu giấy tờ', ...missing }));
        expect(res.statusCode).toBe(400);
        expect(fieldsOf(res)).toEqual([['body.missingItems', 'Vui lòng liệt kê các giấy tờ cần bổ sung, hoàn thiện.']]);
      }
      const en = await post(intakeBody(w, { decision: 'guide', reasons: 'Missing papers' }), 'en');
      expect(fieldsOf(en)).toEqual([['body.missingItems', 'List the documents to supplement.']]);
      expect([await countRows(dossiers), await countRows(dossierIntakeDecisions), await countRows(auditEvents)]).toEqual([d0, i0, a0]);
    });

    it('refuses a refusal or a guide without reasons, naming the field', async () => {
      for (const reasons of [{}, { reasons: null }, { reasons: '   ' }]) {
        const refuse = await post(intakeBody(w, { decision: 'refuse', ...reasons }));
        expect(refuse.statusCode).toBe(400);
        expect(fieldsOf(refuse)).toEqual([['body.reasons', 'Vui lòng nêu rõ lý do.']]);
        const guide = await post(intakeBody(w, { decision: 'guide', missingItems: ['Tờ khai'], ...reasons }), 'en');
        expect(guide.statusCode).toBe(400);
        expect(fieldsOf(guide)).toEqual([['body.reasons', 'State the reasons.']]);
      }
      // Checked with the request, before the procedure is even looked up (it was a 404 when the use case checked it).
      const unpublished = await post(intakeBody(w, { decision: 'refuse', procedureCode: 'KHONG-CO' }));
      expect(unpublished.statusCode).toBe(400);
      expect(fieldsOf(unpublished)).toEqual([['body.reasons', 'Vui lòng nêu rõ lý do.']]);
      const unknown = await post(intakeBody(w, { decision: 'postpone' }));
      expect(unknown.statusCode).toBe(400);
      expect(fieldsOf(unknown).map(([path]) => path)).toEqual(['body.decision']);
    });

    it("still takes each decision as the desk sent it before: the whole form, other decisions' fields ignored", async () => {
      const form = { feeVnd: 0, resultDelivery: 'desk', submitter: undefined, note: null };
      const accept = await post(intakeBody(w, { ...form, decision: 'accept', missingItems: [], reasons: null }));
      expect(accept.statusCode).toBe(201);
      expect(accept.json().dossier.state).toBe('RECEIVED');
      const guide = await post(intakeBody(w, { ...form, decision: 'guide', missingItems: ['Tờ khai'], reasons: 'Thiếu tờ khai', returnNow: true }));
      expect(guide.statusCode).toBe(201);
      expect(guide.json().intakeDecision).toMatchObject({ kind: 'guide', missingItems: ['Tờ khai'], reasons: 'Thiếu tờ khai' });
      const refuse = await post(intakeBody(w, { ...form, decision: 'refuse', missingItems: [], reasons: 'Không thuộc thẩm quyền' }));
      expect(refuse.statusCode).toBe(201);
      expect(refuse.json().intakeDecision).toMatchObject({ kind: 'refuse', missingItems: [], reasons: 'Không thuộc thẩm quyền' });
    });
  });

  it('forbids intake to anyone but a reception officer of the receiving unit, writing nothing', async () => {
    const [d0, a0, s0] = [await countRows(dossiers), await countRows(auditEvents), (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(dossierSteps))[0]!.n];
    const specialist = await w.agents.specialist.post('/api/v1/dossiers/intake', intakeBody(w));
    expect(specialist.statusCode).toBe(403);
    const elsewhere = await w.agents.otherReception.post('/api/v1/dossiers/intake', intakeBody(w));
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json().error.message).toBe('Bạn không có quyền thực hiện thao tác này.');
    expect(await countRows(dossiers)).toBe(d0);
    expect(await countRows(auditEvents)).toBe(a0);
    expect((await t.database.db.select({ n: sql<number>`count(*)::int` }).from(dossierSteps))[0]!.n).toBe(s0);
  });

  it('lets any centre of the province receive for the handling agency (§2)', async () => {
    const d = await receive(w, { receivingUnitId: w.otherCentre.id }, w.agents.otherReception);
    expect(d.receivingUnit.id).toBe(w.otherCentre.id);
    expect(d.handlingUnit.id).toBe(w.dept.id);
    expect(d.code.startsWith(`${w.dept.code}-`)).toBe(true);
  });

  it('answers 404 for a procedure that is not published', async () => {
    const res = await w.agents.reception.post('/api/v1/dossiers/intake', intakeBody(w, { procedureCode: '0.000000' }));
    expect(res.statusCode).toBe(404);
  });

  it('starts again with the new calendar when another process published one while it was receiving', async () => {
    t.clock.set('2026-03-02T02:00:00Z'); // Monday 09:00
    const before = await receive(w);
    expect(before.dueAt).toBe('2026-03-09T09:00:00+07:00');
    // Another process opens the offices on Saturday mornings: this process's compiled calendar is now outdated, and
    // intake trusts it until its last statement checks the revision.
    const saturday = JSON.stringify([{ start: '07:00', end: '11:00' }]);
    await t.database.db.execute(
      sql`update calendar_calendars set weekly_hours = jsonb_set(weekly_hours, '{6}', ${saturday}::jsonb), revision = revision + 1 where id = 'province'`,
    );
    try {
      const after = await receive(w);
      // 38 working hours by Friday 17:00, the last 2 on Saturday morning.
      expect(after.dueAt).toBe('2026-03-07T09:00:00+07:00');
    } finally {
      await t.database.db.execute(sql`update calendar_calendars set weekly_hours = jsonb_set(weekly_hours, '{6}', '[]'::jsonb), revision = revision + 1 where id = 'province'`);
    }
  });
});
