// Answers (issue 14 item 3): the specialist drafts, the leader sends back or approves; the answer goes to the sender and
// followers and is published with personal data masked unless the sender opted out; the sender rates it once, by the
// secret or by the account; an unsatisfied rating reopens it once (new due), never twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { auditEvents } from '../../platform/audit/audit.tables';
import { notificationsOutbox } from '../../platform/notifications';
import type { FeedbackReceipt, PublicFeedbackDetail, SenderFeedbackView } from '../../../contracts/feedback/feedback.contracts';
import { act, anonymous, answered, createFeedbackWorld, file, MONDAY_9AM, read, step, type FeedbackWorld } from './test/factories';

let w: FeedbackWorld;
beforeAll(async () => {
  w = await createFeedbackWorld();
});
afterAll(async () => w?.t.close());

const rate = (receipt: FeedbackReceipt, body: Record<string, unknown>) => anonymous(w).post(`/api/v1/feedback/${receipt.code}/rating`, { token: receipt.senderToken, ...body });

describe('drafting and approval', () => {
  it('goes specialist → leader → back → leader, then answers, sends and publishes with personal data masked', async () => {
    const receipt = await file(anonymous(w), {
      procedureCode: w.procedureCode,
      title: 'Nguyễn Văn An đề nghị rút ngắn thời hạn',
      content: 'Tôi là Nguyễn Văn An, CCCD 001090012345, điện thoại 0912 345 678, thư an.nguyen@example.vn. Lệ phí 150.000.000 đồng là quá cao.',
    });
    let item = await step(w.agents.specialist, await read(w.agents.specialist, receipt.id), 'classify', { kind: 'regulation' });
    // A leader approves, a specialist drafts: not the other way round.
    expect((await act(w.agents.leader, item, 'answer-draft', { answer: 'Dự thảo do lãnh đạo tự viết, không qua chuyên viên.' })).statusCode).toBe(403);
    item = await step(w.agents.specialist, item, 'answer-draft', { answer: 'Trả lời ông Nguyễn Văn An: gọi 0987.654.321 để được hướng dẫn.' });
    expect(item).toMatchObject({ state: 'AWAITING_APPROVAL', draftAnswer: 'Trả lời ông Nguyễn Văn An: gọi 0987.654.321 để được hướng dẫn.' });
    expect((await act(w.agents.specialist, item, 'approve', {})).statusCode).toBe(403);
    item = await step(w.agents.leader, item, 'send-back', { note: 'Cần nêu căn cứ pháp lý' });
    expect(item).toMatchObject({ state: 'IN_PROGRESS' });
    expect(item.history.at(-1)!.text).toBe('Lãnh đạo trả lại dự thảo: Cần nêu căn cứ pháp lý');
    item = await step(w.agents.specialist, item, 'answer-draft', {
      answer: 'Trả lời ông Nguyễn Văn An: theo Nghị định 20/2008/NĐ-CP, Sở sẽ rà soát; liên hệ 0987.654.321 hoặc 0241 3456 789.',
    });
    expect(item.actions).toMatchObject({ approve: false, draftAnswer: false });
    expect((await read(w.agents.leader, item.id)).actions).toMatchObject({ approve: true, sendBack: true });
    item = await step(w.agents.leader, item, 'approve', { note: 'Đồng ý' });
    expect(item).toMatchObject({ state: 'ANSWERED', answeredOnTime: true, answeredAt: '2026-03-02T09:00:00+07:00' });
    // The officers keep the original; the published copy is masked.
    expect(item.answer).toContain('0987.654.321');
    expect(item.published).toEqual({
      at: '2026-03-02T09:00:00+07:00',
      title: 'N.V.A. đề nghị rút ngắn thời hạn',
      content: 'Tôi là N.V.A., CCCD [đã ẩn], điện thoại [đã ẩn], thư [đã ẩn]. Lệ phí 150.000.000 đồng là quá cao.',
      answer: 'Trả lời ông N.V.A.: theo Nghị định 20/2008/NĐ-CP, Sở sẽ rà soát; liên hệ [đã ẩn] hoặc [đã ẩn].',
      senderName: 'N.V.A.',
    });
    expect(item.history.map((h) => h.kind)).toEqual(['received', 'classified', 'answer-drafted', 'sent-back', 'answer-drafted', 'answered']);
    expect(item.history.at(-1)!.text).toBe('Phê duyệt và gửi câu trả lời, công khai trên Cổng (đã ẩn thông tin cá nhân).');

    const pub = await anonymous(w).get(`/api/v1/feedback/public/${receipt.code}`);
    expect(pub.statusCode).toBe(200);
    const shown = pub.json<PublicFeedbackDetail>();
    expect(shown).toMatchObject({ senderName: 'N.V.A.', answer: item.published!.answer, content: item.published!.content, answeredOnTime: true, unit: { id: w.dept.id } });
    expect(JSON.stringify(shown)).not.toMatch(/Nguyễn Văn An|0912|001090012345|an\.nguyen@|0987/);

    const sent = await w.t.database.db
      .select()
      .from(notificationsOutbox)
      .where(and(eq(notificationsOutbox.subjectId, item.id), eq(notificationsOutbox.channel, 'email')));
    expect(sent.find((n) => (n.params as { kind: string }).kind === 'answered')?.recipient).toBe('an.nguyen@example.vn');
    const audit = await w.t.database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, item.id)).orderBy(asc(auditEvents.id));
    expect(audit.map((a) => a.action)).toEqual([
      'feedback.receive',
      'feedback.classify',
      'feedback.draft-answer',
      'feedback.send-back',
      'feedback.draft-answer',
      'feedback.approve',
    ]);
  });

  it('does not publish the answer of a sender who opted out; it is sent to them all the same', async () => {
    const { receipt, item } = await answered(w, { publish: false });
    expect(item).toMatchObject({ state: 'ANSWERED', publish: false, published: null });
    expect((await anonymous(w).get(`/api/v1/feedback/public/${receipt.code}`)).statusCode).toBe(404);
    const view = (await anonymous(w).get(`/api/v1/feedback/${receipt.code}/sender?token=${receipt.senderToken}`)).json<SenderFeedbackView>();
    expect(view).toMatchObject({ state: 'ANSWERED', answer: item.answer, actions: { rate: true, reopen: true } });
  });

  it('marks an answer approved after its due instant as late', async () => {
    const receipt = await file(anonymous(w), { procedureCode: w.procedureCode });
    let item = await step(w.agents.specialist, await read(w.agents.specialist, receipt.id), 'classify', { kind: 'regulation' });
    item = await step(w.agents.specialist, item, 'answer-draft', { answer: 'Câu trả lời được phê duyệt sau thời hạn.' });
    w.t.clock.set('2026-03-09T03:00:00Z'); // Monday 09/03 10:00, an hour past the due.
    try {
      item = await step(w.agents.leader, item, 'approve', {});
      expect(item.answeredOnTime).toBe(false);
    } finally {
      w.t.clock.set(MONDAY_9AM);
    }
  });
});

describe('rating and reopening', () => {
  it('rates once by the secret; an unsatisfied sender reopens once with a new due; the second answer is rated, never reopened', async () => {
    const { receipt, item } = await answered(w);
    expect((await rate({ ...receipt, senderToken: 'y'.repeat(32) }, { rating: 'satisfied' })).statusCode).toBe(404);
    const mismatch = await rate(receipt, { rating: 'satisfied', reopen: true });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().error.fields[0].code).toBe('feedback.errors.reopenNeedsUnsatisfied');

    w.t.clock.set('2026-03-04T02:00:00Z'); // Wednesday 04/03, 09:00.
    try {
      const reopened = await rate(receipt, { rating: 'unsatisfied', comment: 'Chưa trả lời đúng câu hỏi', reopen: true });
      expect(reopened.statusCode, reopened.body).toBe(200);
      // A new round: 5 working days from Wednesday 09:00.
      expect(reopened.json<SenderFeedbackView>()).toMatchObject({ state: 'IN_PROGRESS', dueAt: '2026-03-11T09:00:00+07:00', ratings: [{ round: 0, rating: 'unsatisfied' }] });
      let again = await read(w.agents.specialist, item.id);
      expect(again).toMatchObject({ state: 'IN_PROGRESS', reopenCount: 1, deadline: { clockStartedAt: '2026-03-04T09:00:00+07:00', rule: 'competence' } });
      expect(again.history.slice(-2).map((h) => h.kind)).toEqual(['rated', 'reopened']);
      // The published answer stays shown, marked as being looked at again.
      expect((await anonymous(w).get(`/api/v1/feedback/public/${receipt.code}`)).json<PublicFeedbackDetail>()).toMatchObject({ reopened: true });
      // Rated already in this round; nothing to rate while it is handled again.
      expect((await rate(receipt, { rating: 'satisfied' })).json().error.code).toBe('FEEDBACK_NOT_ANSWERED');

      again = await step(w.agents.specialist, again, 'answer-draft', { answer: 'Câu trả lời bổ sung sau khi xem xét lại, có căn cứ cụ thể.' });
      again = await step(w.agents.leader, again, 'approve', {});
      expect(again.published!.answer).toBe('Câu trả lời bổ sung sau khi xem xét lại, có căn cứ cụ thể.');

      const twice = await rate(receipt, { rating: 'unsatisfied', reopen: true });
      expect(twice.statusCode).toBe(409);
      expect(twice.json().error.code).toBe('FEEDBACK_REOPEN_USED');
      expect((await read(w.agents.specialist, item.id)).state).toBe('ANSWERED');
      const second = await rate(receipt, { rating: 'unsatisfied', comment: 'Vẫn chưa hài lòng' });
      expect(second.statusCode).toBe(200);
      expect(second.json<SenderFeedbackView>()).toMatchObject({ state: 'ANSWERED', actions: { rate: false, reopen: false } });
      const once = await rate(receipt, { rating: 'satisfied' });
      expect(once.statusCode).toBe(409);
      expect(once.json().error.code).toBe('FEEDBACK_ALREADY_RATED');
      const final = await read(w.agents.specialist, item.id);
      expect(final.ratings.map((r) => [r.round, r.rating, r.reopened])).toEqual([
        [0, 'unsatisfied', true],
        [1, 'unsatisfied', false],
      ]);
    } finally {
      w.t.clock.set(MONDAY_9AM);
    }
  });

  it('lets the account that filed it rate through the account; nobody else', async () => {
    const res = await w.agents.citizen.request(
      'POST',
      '/api/v1/feedback',
      { title: 'Đề nghị bỏ yêu cầu bản sao chứng thực', content: 'Đề nghị bỏ yêu cầu nộp bản sao có chứng thực giấy khai sinh.', procedureCode: w.procedureCode },
      { 'x-forwarded-for': '10.99.0.1' },
    );
    const receipt = res.json<FeedbackReceipt>();
    let item = await step(w.agents.specialist, await read(w.agents.specialist, receipt.id), 'classify', { kind: 'regulation' });
    item = await step(w.agents.specialist, item, 'answer-draft', { answer: 'Sở đã kiến nghị bỏ yêu cầu bản sao có chứng thực.' });
    await step(w.agents.leader, item, 'approve', {});
    expect((await w.agents.otherCitizen.post(`/api/v1/feedback/${receipt.code}/rating`, { rating: 'satisfied' })).statusCode).toBe(404);
    expect((await anonymous(w).post(`/api/v1/feedback/${receipt.code}/rating`, { rating: 'satisfied' })).statusCode).toBe(404);
    const rated = await w.agents.citizen.post(`/api/v1/feedback/${receipt.code}/rating`, { rating: 'satisfied' });
    expect(rated.statusCode, rated.body).toBe(200);
    expect((await read(w.agents.specialist, receipt.id)).ratings).toMatchObject([{ round: 0, rating: 'satisfied', reopened: false }]);
    const audit = await w.t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, receipt.id), eq(auditEvents.action, 'feedback.rate')));
    expect(audit[0]!.after).toMatchObject({ proof: 'account', rating: 'satisfied' });
  });

  it('tells the followers when the item they follow is answered', async () => {
    const receipt = await file(anonymous(w), { procedureCode: w.procedureCode });
    const dup = await file(anonymous(w), { procedureCode: w.procedureCode, sender: { name: 'Vũ Thị Giang', email: 'giang.vu@example.vn' } });
    await step(w.agents.specialist, await read(w.agents.specialist, dup.id), 'merge', { intoCode: receipt.code });
    let item = await step(w.agents.specialist, await read(w.agents.specialist, receipt.id), 'classify', { kind: 'regulation' });
    item = await step(w.agents.specialist, item, 'answer-draft', { answer: 'Câu trả lời cho cả những người theo dõi.' });
    await step(w.agents.leader, item, 'approve', {});
    const mail = await w.t.database.db
      .select()
      .from(notificationsOutbox)
      .where(and(eq(notificationsOutbox.subjectId, receipt.id), eq(notificationsOutbox.recipient, 'giang.vu@example.vn')));
    expect(mail.map((m) => (m.params as { kind: string }).kind)).toEqual(['followed-answered']);
  });
});

describe("the sender's view", () => {
  it('names the unit handling it and tells each step, without the unit’s internal drafts and notes', async () => {
    const receipt = await file(anonymous(w), { procedureCode: w.procedureCode });
    let item = await step(w.agents.specialist, await read(w.agents.specialist, receipt.id), 'classify', { kind: 'regulation' });
    item = await step(w.agents.specialist, item, 'answer-draft', { answer: 'Dự thảo thứ nhất, cần lãnh đạo cho ý kiến chỉnh sửa.' });
    item = await step(w.agents.leader, item, 'send-back', { note: 'Ghi chú nội bộ của lãnh đạo' });
    item = await step(w.agents.specialist, item, 'answer-draft', { answer: 'Sở Tư pháp trả lời: thành phần hồ sơ sẽ được rút gọn.' });
    await step(w.agents.leader, item, 'approve', {});
    const res = await anonymous(w).get(`/api/v1/feedback/${receipt.code}/sender?token=${receipt.senderToken}`);
    expect(res.statusCode).toBe(200);
    const view = res.json<SenderFeedbackView>();
    expect(view.unit).toEqual({ id: w.dept.id, code: w.dept.code, name: w.dept.name });
    expect(view.history.map((h) => h.kind)).toEqual(['received', 'classified', 'answered']);
    expect(JSON.stringify(view)).not.toContain('Ghi chú nội bộ');
  });
});
