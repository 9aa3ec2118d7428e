// Classification and routing by officers (issue 14 items 1–2): classify, close a complaint as out of scope with the law
// that applies, transfer with the reason (audited, history kept), merge a duplicate (its sender follows the kept item),
// follow a published item, the unit-scoped queue, the permitted actions, and the refusals that change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { auditEvents } from '../../platform/audit/audit.tables';
import { notificationsOutbox } from '../../platform/notifications';
import type { FeedbackQueue, FollowFeedbackResponse } from '../../../contracts/feedback/feedback.contracts';
import { feedbackFollowers, feedbackItems } from './feedback.tables';
import { act, anonymous, answered, createFeedbackWorld, file, read, step, type FeedbackWorld } from './test/factories';

let w: FeedbackWorld;
beforeAll(async () => {
  w = await createFeedbackWorld();
});
afterAll(async () => w?.t.close());

const fingerprint = async (id: string) => {
  const [row] = await w.t.database.db.select().from(feedbackItems).where(eq(feedbackItems.id, id));
  const audits = (
    await w.t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditEvents)
      .where(eq(auditEvents.subjectId, id))
  )[0]!.n;
  return JSON.stringify({ row, audits });
};

describe('classification', () => {
  it('classifies an item about a regulation; the unit’s officers may act, the actions say so', async () => {
    const receipt = await file(anonymous(w));
    const before = await read(w.agents.controlSpecialist, receipt.id);
    expect(before.actions).toEqual({
      classify: true,
      closeOutOfScope: true,
      transfer: true,
      merge: true,
      setDeadline: true,
      requestInfo: false,
      draftAnswer: false,
      approve: false,
      sendBack: false,
    });
    const item = await step(w.agents.controlSpecialist, before, 'classify', { kind: 'conduct', note: 'Cán bộ một cửa yêu cầu giấy tờ ngoài quy định' });
    expect(item).toMatchObject({ state: 'IN_PROGRESS', kind: 'conduct', version: before.version + 1 });
    expect(item.history.at(-1)).toMatchObject({ kind: 'classified', text: 'Phân loại: Phản ánh, kiến nghị về hành vi của cán bộ, công chức khi giải quyết thủ tục hành chính.' });
    expect(item.actions).toMatchObject({ requestInfo: true, draftAnswer: true, approve: false });
    // The province's readers read it, act on nothing.
    const asReform = await read(w.agents.reform, receipt.id);
    expect(Object.values(asReform.actions).every((a) => a === false)).toBe(true);
  });

  it('refuses, changing nothing: another unit’s officer (403), a stale version (409), a kind the contract lacks (400), a wrong state (409)', async () => {
    const receipt = await file(anonymous(w));
    const item = await read(w.agents.controlSpecialist, receipt.id);
    const before = await fingerprint(item.id);
    const other = await act(w.agents.partnerSpecialist, item, 'classify', { kind: 'regulation' });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('FORBIDDEN');
    expect((await w.agents.partnerSpecialist.get(`/api/v1/feedback/${item.id}`)).statusCode).toBe(403);
    const stale = await act(w.agents.controlSpecialist, { ...item, version: item.version + 3 }, 'classify', { kind: 'regulation' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    const kind = await act(w.agents.controlSpecialist, item, 'classify', { kind: 'out-of-scope' });
    expect(kind.statusCode).toBe(400);
    const early = await act(w.agents.controlSpecialist, item, 'answer-draft', { answer: 'Một câu trả lời đủ dài để hợp lệ về độ dài.' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('INVALID_STATE');
    // A reception officer routes but does not ask the sender, a specialist does not approve.
    expect((await act(w.agents.reception, item, 'request-info', { question: 'Vui lòng cho biết thêm chi tiết.' })).statusCode).toBe(403);
    expect((await act(w.agents.controlSpecialist, item, 'approve', {})).statusCode).toBe(403);
    expect(await fingerprint(item.id)).toBe(before);
  });
});

describe('out of scope', () => {
  it('closes a complaint with the reason and tells the sender the Law on Complaints applies', async () => {
    const receipt = await file(anonymous(w), {
      title: 'Khiếu nại quyết định xử phạt vi phạm hành chính',
      content: 'Tôi khiếu nại quyết định xử phạt số 12/QĐ-XPHC của Ủy ban nhân dân xã.',
    });
    const item = await read(w.agents.controlSpecialist, receipt.id);
    const closed = await step(w.agents.controlSpecialist, item, 'out-of-scope', { category: 'complaint', reason: 'Nội dung là khiếu nại quyết định hành chính.' });
    expect(closed).toMatchObject({ state: 'OUT_OF_SCOPE', kind: 'out-of-scope', outOfScope: { category: 'complaint', reason: 'Nội dung là khiếu nại quyết định hành chính.' } });
    expect(closed.outOfScope!.law).toContain('Luật Khiếu nại số 02/2011/QH13');
    expect(closed.history.at(-1)!.text).toBe('Không thuộc phạm vi phản ánh, kiến nghị (khiếu nại): Nội dung là khiếu nại quyết định hành chính.');
    const mail = await w.t.database.db
      .select()
      .from(notificationsOutbox)
      .where(and(eq(notificationsOutbox.subjectId, item.id), eq(notificationsOutbox.channel, 'email')));
    const notice = mail.find((m) => (m.params as { kind: string }).kind === 'out-of-scope');
    expect(notice?.recipient).toBe('an.nguyen@example.vn');
    // The sender's own page says the same.
    const view = await anonymous(w).get(`/api/v1/feedback/${receipt.code}/sender?token=${receipt.senderToken}`);
    expect(view.json()).toMatchObject({ state: 'OUT_OF_SCOPE', outOfScope: { category: 'complaint' }, actions: { reply: false, rate: false } });
    // Closed: nothing more happens to it.
    expect((await act(w.agents.controlSpecialist, closed, 'classify', { kind: 'regulation' })).statusCode).toBe(409);
  });
});

describe('transfer', () => {
  it('moves the item to another unit with the reason, keeps the due, records history and audit; the old unit loses it', async () => {
    const receipt = await file(anonymous(w));
    const item = await read(w.agents.controlSpecialist, receipt.id);
    const bad = await act(w.agents.controlSpecialist, item, 'transfer', { unitId: w.control.id, reason: 'Thử chuyển về chính mình' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].code).toBe('feedback.errors.sameUnit');
    const moved = await step(w.agents.controlLeader, item, 'transfer', { unitId: w.partner.id, reason: 'Thuộc thẩm quyền Sở Nội vụ' });
    expect(moved).toMatchObject({ state: 'NEW', assignedUnit: { id: w.partner.id }, deadline: { dueAt: item.deadline.dueAt } });
    expect(moved.history.at(-1)!.text).toBe(`Chuyển từ ${w.control.name} đến ${w.partner.name}. Lý do: Thuộc thẩm quyền Sở Nội vụ`);
    const audit = await w.t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, item.id), eq(auditEvents.action, 'feedback.transfer')));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ fromUnitId: w.control.id, toUnitId: w.partner.id, reason: 'Thuộc thẩm quyền Sở Nội vụ' });
    expect((await w.agents.controlSpecialist.get(`/api/v1/feedback/${item.id}`)).statusCode).toBe(403);
    expect((await read(w.agents.partnerSpecialist, item.id)).actions.classify).toBe(true);
  });
});

describe('the queue', () => {
  it('lists the items of the units the caller covers, the province for its readers; filters by state and overdue', async () => {
    const ours = await file(anonymous(w), { procedureCode: w.procedureCode });
    const theirs = await file(anonymous(w));
    const codes = (q: FeedbackQueue) => q.items.map((i) => i.code);
    const deptQueue = (await w.agents.specialist.get('/api/v1/feedback/queue?pageSize=100')).json<FeedbackQueue>();
    expect(codes(deptQueue)).toContain(ours.code);
    expect(codes(deptQueue)).not.toContain(theirs.code);
    const province = (await w.agents.reform.get('/api/v1/feedback/queue?pageSize=100')).json<FeedbackQueue>();
    expect(codes(province)).toEqual(expect.arrayContaining([ours.code, theirs.code]));
    expect((await w.agents.specialist.get(`/api/v1/feedback/queue?unitId=${w.control.id}`)).statusCode).toBe(403);
    const byCode = (await w.agents.specialist.get(`/api/v1/feedback/queue?q=${ours.code}`)).json<FeedbackQueue>();
    expect(codes(byCode)).toEqual([ours.code]);
    const byWords = (await w.agents.specialist.get('/api/v1/feedback/queue?q=TRICH%20LUC&pageSize=100')).json<FeedbackQueue>();
    expect(codes(byWords)).toContain(ours.code);

    // A week and a day later, nothing answered: both are overdue.
    w.t.clock.set('2026-03-10T02:00:00Z');
    try {
      const overdue = (await w.agents.specialist.get('/api/v1/feedback/queue?overdue=true&pageSize=100')).json<FeedbackQueue>();
      expect(overdue.items.find((i) => i.code === ours.code)).toMatchObject({ overdue: true, state: 'NEW' });
      expect((await read(w.agents.specialist, ours.id)).deadline.overdue).toBe(true);
      const answeredOnly = (await w.agents.specialist.get('/api/v1/feedback/queue?state=ANSWERED&pageSize=100')).json<FeedbackQueue>();
      expect(codes(answeredOnly)).not.toContain(ours.code);
    } finally {
      w.t.clock.set('2026-03-02T02:00:00Z');
    }
    expect((await anonymous(w).get('/api/v1/feedback/queue')).statusCode).toBe(401);
    expect((await w.agents.citizen.get('/api/v1/feedback/queue')).statusCode).toBe(403);
  });
});

describe('duplicates and followers', () => {
  it('merges a duplicate into the kept item: closed as MERGED, its sender follows the kept item and is told', async () => {
    const kept = await file(anonymous(w));
    const dupReceipt = await file(anonymous(w), { sender: { name: 'Hoàng Văn Em', email: 'em.hoang@example.vn' } });
    const dup = await read(w.agents.controlSpecialist, dupReceipt.id);
    const self = await act(w.agents.controlSpecialist, dup, 'merge', { intoCode: dup.code });
    expect(self.json().error.fields[0].code).toBe('feedback.errors.mergeSelf');
    const unknown = await act(w.agents.controlSpecialist, dup, 'merge', { intoCode: 'PAKN-2026-999999' });
    expect(unknown.statusCode).toBe(400);
    const merged = await step(w.agents.controlSpecialist, dup, 'merge', { intoCode: kept.code.toLowerCase(), reason: 'Cùng nội dung' });
    expect(merged).toMatchObject({ state: 'MERGED', mergedInto: { id: kept.id, code: kept.code } });
    expect(merged.history.at(-1)!.text).toBe(`Gộp vào phản ánh, kiến nghị ${kept.code}; người gửi theo dõi phản ánh đó.`);
    const keptItem = await read(w.agents.controlSpecialist, kept.id);
    expect(keptItem.followers).toBe(1);
    expect(keptItem.history.at(-1)!.text).toBe(`Phản ánh, kiến nghị trùng ${dup.code} được gộp vào đây.`);
    const [follower] = await w.t.database.db.select().from(feedbackFollowers).where(eq(feedbackFollowers.itemId, kept.id));
    expect(follower).toMatchObject({ email: 'em.hoang@example.vn', mergedFromId: dup.id });
    const view = (await anonymous(w).get(`/api/v1/feedback/${dupReceipt.code}/sender?token=${dupReceipt.senderToken}`)).json();
    expect(view).toMatchObject({ state: 'MERGED', mergedInto: kept.code });
    // A merged item cannot take a merge, and is merged only once.
    const third = await read(w.agents.controlSpecialist, (await file(anonymous(w))).id);
    expect((await act(w.agents.controlSpecialist, third, 'merge', { intoCode: dup.code })).json().error.fields[0].code).toBe('feedback.errors.mergeTargetClosed');
    expect((await act(w.agents.controlSpecialist, merged, 'merge', { intoCode: kept.code })).statusCode).toBe(409);
  });

  it('lets a signed-in account follow a published item, once however often it asks; not an unpublished one', async () => {
    const { receipt } = await answered(w);
    const first = await w.agents.otherCitizen.post(`/api/v1/feedback/${receipt.code}/follow`);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json<FollowFeedbackResponse>()).toEqual({ code: receipt.code, following: true, followers: 1 });
    const again = await w.agents.otherCitizen.post(`/api/v1/feedback/${receipt.code}/follow`);
    expect(again.json<FollowFeedbackResponse>().followers).toBe(1);
    const followAudits = await w.t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, receipt.id), eq(auditEvents.action, 'feedback.follow')));
    expect(followAudits).toHaveLength(1);
    expect((await w.agents.citizen.post(`/api/v1/feedback/${receipt.code}/follow`)).json<FollowFeedbackResponse>().followers).toBe(2);
    const unpublished = await file(anonymous(w));
    expect((await w.agents.otherCitizen.post(`/api/v1/feedback/${unpublished.code}/follow`)).statusCode).toBe(404);
    expect((await anonymous(w).post(`/api/v1/feedback/${receipt.code}/follow`)).statusCode).toBe(401);
    expect((await w.agents.specialist.post(`/api/v1/feedback/${receipt.code}/follow`)).statusCode).toBe(403);
  });
});
