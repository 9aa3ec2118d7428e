// Questions collected in advance (domain README §9: from the public and from PAKN): the public sends them while the
// session is announced and before it starts (signed in, or with a name and a contact), the organisers accept or reject
// them, pull one from a feedback item they may read, and the public reads accepted ones with the askers masked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { notificationsOutbox } from '../../platform/notifications';
import type { PublicQuestionReceipt, PublicSessionDetail, SessionDetail } from '../../../contracts/dialogues/dialogues.contracts';
import { dialogueQuestions } from './dialogues.tables';
import { announced, anonymous, createDialogueWorld, held, MONDAY_9AM, ok, readSession, sessionBody, type DialogueWorld } from './test/factories';

let w: DialogueWorld;
beforeAll(async () => {
  w = await createDialogueWorld();
});
afterAll(async () => w?.t.close());

const S = '/api/v1/dialogues/sessions';
const publicQuestion = (id: string) => `/api/v1/dialogues/public/sessions/${id}/questions`;

/** Files feedback anonymously (it lands at the organiser, the world's FEEDBACK_DEFAULT_UNIT); returns its code. */
async function feedback(publish = true): Promise<string> {
  const res = await anonymous(w).post('/api/v1/feedback', {
    title: 'Thời hạn cấp phiếu lý lịch tư pháp quá dài',
    content: 'Tôi là Nguyễn Văn An, số điện thoại 0912345678; phiếu lý lịch tư pháp nộp trực tuyến phải chờ hơn mười ngày.',
    publish,
    sender: { name: 'Nguyễn Văn An', email: 'an.nguyen@example.vn' },
  });
  if (res.statusCode !== 201) throw new Error(`feedback failed: ${res.statusCode} ${res.body}`);
  return res.json<{ code: string }>().code;
}

describe('questions from the public', () => {
  it('takes a question from an anonymous asker with a name and a contact, tells them, and lets the organisers accept it', async () => {
    w.t.clock.set(MONDAY_9AM);
    const s = await announced(w);
    const res = await anonymous(w).post(publicQuestion(s.id), {
      text: 'Tôi là Lê Thị Hoa, điện thoại 0987 654 321. Khi nào phường nhận chứng thực bản sao điện tử?',
      asker: { name: 'Lê Thị Hoa', email: 'hoa.le@example.vn' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const receipt = res.json<PublicQuestionReceipt>();
    expect(receipt).toMatchObject({ sessionId: s.id, state: 'SUBMITTED', submittedAt: '2026-03-02T09:00:00+07:00' });
    const told = await w.t.database.db.select().from(notificationsOutbox).where(eq(notificationsOutbox.subjectId, receipt.id));
    expect(told.map((n) => `${n.channel} ${n.recipient} ${(n.params as { kind: string }).kind}`)).toEqual(['email hoa.le@example.vn received']);

    // Not shown before the organisers accept it.
    expect((await anonymous(w).get(`/api/v1/dialogues/public/sessions/${s.id}`)).json<PublicSessionDetail>().questions).toEqual([]);
    let detail = await readSession(w.agents.specialist, s.id);
    const q = detail.questions.find((x) => x.id === receipt.id)!;
    expect(q).toMatchObject({
      source: 'public',
      state: 'SUBMITTED',
      askerName: 'Lê Thị Hoa',
      askerDisplay: 'L.T.H.',
      askerContact: 'hoa.le@example.vn',
      actions: { accept: true, reject: true, answer: false },
    });
    expect(detail.pendingCount).toBe(1);
    detail = await ok(w.agents.leader, `${S}/${s.id}/questions/${q.id}/accept`, { version: q.version });
    expect(detail.questions.find((x) => x.id === q.id)).toMatchObject({ state: 'ACCEPTED', stateText: 'Đã nhận' });

    // The public reads it with the asker as initials and the personal data masked.
    const page = (await anonymous(w).get(`/api/v1/dialogues/public/sessions/${s.id}`)).json<PublicSessionDetail>();
    expect(page.questions).toEqual([
      {
        id: q.id,
        source: 'public',
        askerDisplay: 'L.T.H.',
        text: 'Tôi là L.T.H., điện thoại [đã ẩn]. Khi nào phường nhận chứng thực bản sao điện tử?',
        state: 'ACCEPTED',
        stateText: 'Đã nhận',
        answer: null,
        answeredAt: null,
        answeringUnit: null,
      },
    ]);
    expect(JSON.stringify(page)).not.toMatch(/Lê Thị Hoa|hoa\.le@example\.vn|0987/);
  });

  it('takes a signed-in portal account as the asker, and refuses an anonymous one without a name or contact', async () => {
    w.t.clock.set(MONDAY_9AM);
    const s = await announced(w);
    const missing = await anonymous(w).post(publicQuestion(s.id), { text: 'Câu hỏi không ghi tên người hỏi.' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['body.asker.name', 'body.asker.email']);
    const citizen = await w.agents.citizen.request('POST', publicQuestion(s.id), { text: 'Hộ kinh doanh có phải nộp bản giấy không?' }, { 'x-forwarded-for': '10.77.0.1' });
    expect(citizen.statusCode, citizen.body).toBe(201);
    const [row] = await w.t.database.db.select().from(dialogueQuestions).where(eq(dialogueQuestions.id, citizen.json<PublicQuestionReceipt>().id));
    expect(row).toMatchObject({ askerName: 'Trần Thị Bình', askerDisplay: 'T.T.B.', askerAccountId: w.accounts.citizen.user.id, askerEmail: w.accounts.citizen.user.email });
    const tooLong = await anonymous(w).post(publicQuestion(s.id), { text: 'x'.repeat(2001), asker: { name: 'Lê Văn Cường', phone: '0912345678' } });
    expect(tooLong.statusCode).toBe(400);
    expect((await readSession(w.agents.specialist, s.id)).questions).toHaveLength(1);
  });

  it('takes no question for a draft (not found), nor once the session has started', async () => {
    w.t.clock.set(MONDAY_9AM);
    const draft = await ok(w.agents.specialist, S, sessionBody(w), 201);
    const body = { text: 'Câu hỏi gửi buổi đối thoại chưa công bố.', asker: { name: 'Lê Văn Cường', phone: '0912345678' } };
    expect((await anonymous(w).post(publicQuestion(draft.id), body)).statusCode).toBe(404);
    const s = await announced(w);
    w.t.clock.set(new Date(new Date(s.startsAt).getTime() + 60_000));
    const late = await anonymous(w).post(publicQuestion(s.id), body);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('DIALOGUE_QUESTIONS_CLOSED');
    w.t.clock.set(MONDAY_9AM);
  });

  it('rejects a question with the reason told to its asker; rejected questions stay off the public page', async () => {
    w.t.clock.set(MONDAY_9AM);
    const s = await announced(w);
    const { id } = (
      await anonymous(w).post(publicQuestion(s.id), { text: 'Đề nghị xử lý khiếu nại về đất đai của gia đình tôi.', asker: { name: 'Lê Văn Cường', phone: '0912345678' } })
    ).json<PublicQuestionReceipt>();
    const q = (await readSession(w.agents.specialist, s.id)).questions.find((x) => x.id === id)!;
    const detail = await ok(w.agents.specialist, `${S}/${s.id}/questions/${id}/reject`, { version: q.version, reason: 'Nội dung khiếu nại, chuyển cơ quan có thẩm quyền.' });
    expect(detail.questions.find((x) => x.id === id)).toMatchObject({
      state: 'REJECTED',
      rejectReason: 'Nội dung khiếu nại, chuyển cơ quan có thẩm quyền.',
      actions: { accept: false, reject: false },
    });
    const told = await w.t.database.db
      .select()
      .from(notificationsOutbox)
      .where(and(eq(notificationsOutbox.subjectId, id), eq(notificationsOutbox.channel, 'sms')));
    expect(told.map((n) => (n.params as { kind: string }).kind)).toEqual(['received', 'rejected']);
    expect((await anonymous(w).get(`/api/v1/dialogues/public/sessions/${s.id}`)).json<PublicSessionDetail>().questions).toEqual([]);
  });
});

describe('questions from feedback items', () => {
  it('pulls a feedback item the organiser may read, once; its sender is masked on the public page', async () => {
    w.t.clock.set(MONDAY_9AM);
    const code = await feedback();
    const s = await announced(w);
    const detail = await ok(w.agents.specialist, `${S}/${s.id}/questions/from-feedback`, { feedbackCode: code.toLowerCase() }, 201);
    const q = detail.questions[0]!;
    expect(q).toMatchObject({ source: 'feedback', feedbackCode: code, state: 'ACCEPTED', askerName: 'Nguyễn Văn An', askerDisplay: 'N.V.A.', publicVisible: true });
    expect(q.text).toBe(
      'Thời hạn cấp phiếu lý lịch tư pháp quá dài\n\nTôi là Nguyễn Văn An, số điện thoại 0912345678; phiếu lý lịch tư pháp nộp trực tuyến phải chờ hơn mười ngày.',
    );
    const twice = await w.agents.specialist.post(`${S}/${s.id}/questions/from-feedback`, { feedbackCode: code });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error).toMatchObject({ code: 'DIALOGUE_FEEDBACK_ALREADY_PULLED', message: `Phản ánh, kiến nghị ${code} đã có trong buổi đối thoại này.` });

    const page = (await anonymous(w).get(`/api/v1/dialogues/public/sessions/${s.id}`)).json<PublicSessionDetail>();
    expect(page.questions[0]).toMatchObject({
      source: 'feedback',
      askerDisplay: 'N.V.A.',
      text: 'Thời hạn cấp phiếu lý lịch tư pháp quá dài\n\nTôi là N.V.A., số điện thoại [đã ẩn]; phiếu lý lịch tư pháp nộp trực tuyến phải chờ hơn mười ngày.',
    });
    expect(page).not.toHaveProperty('questions.0.feedbackCode');
  });

  it('refuses an item the officer may not read like an unknown one, and keeps a private item off the public page', async () => {
    w.t.clock.set(MONDAY_9AM);
    const code = await feedback(false);
    // The owner unit's specialist organises a session of its own; the item is at the organiser, outside its grant.
    const theirs = await announced(w, { organisingUnitId: w.owner.id }, w.agents.ownerSpecialist);
    const denied = await w.agents.ownerSpecialist.post(`${S}/${theirs.id}/questions/from-feedback`, { feedbackCode: code });
    expect(denied.statusCode).toBe(400);
    expect(denied.json().error.fields[0]).toMatchObject({ path: 'body.feedbackCode', message: `Không tìm thấy phản ánh, kiến nghị mã ${code} trong phạm vi bạn được xem.` });
    const unknown = await w.agents.specialist.post(`${S}/${theirs.id}/questions/from-feedback`, { feedbackCode: code });
    expect(unknown.statusCode).toBe(403);

    const s = await announced(w);
    const detail = await ok(w.agents.specialist, `${S}/${s.id}/questions/from-feedback`, { feedbackCode: code }, 201);
    expect(detail.questions[0]).toMatchObject({ publicVisible: false });
    expect((await anonymous(w).get(`/api/v1/dialogues/public/sessions/${s.id}`)).json<PublicSessionDetail>().questions).toEqual([]);
  });

  it('adds questions from the floor while held; none once closed', async () => {
    const s: SessionDetail = await held(w);
    expect(s.questions[0]).toMatchObject({ source: 'officer', state: 'ACCEPTED', askerDisplay: 'N.V.A.' });
    const added = await ok(
      w.agents.leader,
      `${S}/${s.id}/questions`,
      { askerName: 'Trịnh Văn Sơn', askerContact: 'Phát biểu tại hội trường', text: 'Đề nghị công khai đường dây nóng.' },
      201,
    );
    expect(added.questions).toHaveLength(2);
    let detail = added;
    for (const q of added.questions)
      detail = await ok(w.agents.leader, `${S}/${s.id}/questions/${q.id}/answer`, { version: q.version, answer: 'Sở Tư pháp sẽ xem xét và trả lời.' });
    expect((await ok(w.agents.leader, `${S}/${s.id}/close`, { version: detail.version })).state).toBe('CLOSED');
    const late = await w.agents.leader.post(`${S}/${s.id}/questions`, { askerName: 'Trịnh Văn Sơn', text: 'Câu hỏi sau khi đã kết thúc.' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('INVALID_STATE');
    w.t.clock.set(MONDAY_9AM);
  });
});
