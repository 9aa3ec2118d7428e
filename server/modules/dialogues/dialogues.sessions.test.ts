// Sessions (issue 14 item 5; domain README §9): scheduled as drafts, changed, announced to the public, their agenda and
// minutes recorded once they start, closed once every accepted question is answered, or cancelled; each change by the
// organising unit's specialists and leaders only, on the version they saw, audited; malformed input changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { auditEvents } from '../../platform/audit/audit.tables';
import type { PublicSessionDetail, PublicSessionList, SessionDetail, SessionList } from '../../../contracts/dialogues/dialogues.contracts';
import { TestAgent } from '../../test/test-app';
import { randomIp } from '../identity/test/factories';
import { announced, anonymous, createDialogueWorld, held, MONDAY_9AM, ok, readSession, sessionBody, type DialogueWorld } from './test/factories';

let w: DialogueWorld;
beforeAll(async () => {
  w = await createDialogueWorld();
});
afterAll(async () => w?.t.close());

const S = '/api/v1/dialogues/sessions';

describe('scheduling and announcing', () => {
  it('schedules a draft the public cannot see, then announces it to the public', async () => {
    w.t.clock.set(MONDAY_9AM);
    const created = await ok(w.agents.specialist, S, sessionBody(w, { onlineUrl: 'https://hop.example.vn/doi-thoai' }), 201);
    expect(created).toMatchObject({
      state: 'DRAFT',
      stateText: 'Đang chuẩn bị',
      level: 'province',
      organisingUnit: { id: w.organiser.id },
      chair: { name: 'Lê Minh Khang', position: 'Phó Chủ tịch UBND tỉnh' },
      startsAt: '2026-03-09T08:00:00+07:00',
      place: 'Hội trường UBND tỉnh',
      onlineUrl: 'https://hop.example.vn/doi-thoai',
      audience: 'citizens',
      version: 1,
      acceptingQuestions: false,
      actions: { update: true, announce: true, cancel: true, agenda: true, minutes: false, close: false, addQuestion: true },
    });
    expect((await anonymous(w).get(`/api/v1/dialogues/public/sessions/${created.id}`)).statusCode).toBe(404);

    const changed = await w.agents.leader.put(`${S}/${created.id}`, {
      ...sessionBody(w, { title: 'Đối thoại với doanh nghiệp ngành xây dựng về cấp phép', audience: 'sector', audienceSector: 'Xây dựng' }),
      organisingUnitId: undefined,
      version: 1,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json<SessionDetail>()).toMatchObject({ version: 2, audience: 'sector', audienceSector: 'Xây dựng' });

    const stale = await w.agents.specialist.post(`${S}/${created.id}/announce`, { version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    const session = await ok(w.agents.specialist, `${S}/${created.id}/announce`, { version: 2 });
    expect(session).toMatchObject({ state: 'ANNOUNCED', version: 3, acceptingQuestions: true, actions: { announce: false, minutes: false, cancel: true } });
    expect(session.announcedAt).toBe('2026-03-02T09:00:00+07:00');

    const upcoming = (await anonymous(w).get('/api/v1/dialogues/public/sessions?when=upcoming&pageSize=100')).json<PublicSessionList>();
    expect(upcoming.items.map((i) => i.id)).toContain(created.id);
    const page = (await anonymous(w).get(`/api/v1/dialogues/public/sessions/${created.id}`)).json<PublicSessionDetail>();
    expect(page).toMatchObject({ title: 'Đối thoại với doanh nghiệp ngành xây dựng về cấp phép', state: 'ANNOUNCED', acceptingQuestions: true, questions: [], commitments: [] });
    expect(page).not.toHaveProperty('version');

    const audit = await w.t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, created.id), eq(auditEvents.subjectType, 'dialogue-session')))
      .orderBy(asc(auditEvents.id));
    expect(audit.map((a) => a.action)).toEqual(['dialogues.session-create', 'dialogues.session-update', 'dialogues.session-announce']);
  });

  it('lists the sessions of the units an officer covers; the province readers see all', async () => {
    w.t.clock.set(MONDAY_9AM);
    const s = await announced(w);
    const mine = (await w.agents.specialist.get(`${S}?pageSize=100`)).json<SessionList>();
    expect(mine.items.find((i) => i.id === s.id)).toMatchObject({ state: 'ANNOUNCED', questionCount: 0, pendingCount: 0 });
    const outside = (await w.agents.otherSpecialist.get(`${S}?pageSize=100`)).json<SessionList>();
    expect(outside.items.map((i) => i.id)).not.toContain(s.id);
    const reform = (await w.agents.reform.get(`${S}?pageSize=100`)).json<SessionList>();
    expect(reform.items.map((i) => i.id)).toContain(s.id);
    expect((await w.agents.otherSpecialist.get(`${S}?unitId=${w.organiser.id}`)).statusCode).toBe(403);
  });

  it('records the agenda and, once it has started, the minutes (held); closes only when every accepted question is answered', async () => {
    w.t.clock.set(MONDAY_9AM);
    let s = await announced(w);
    s = await ok(w.agents.leader, `${S}/${s.id}/agenda`, { version: s.version, agenda: '1. Khai mạc.\n2. Hỏi đáp.\n3. Kết luận.' });
    expect(s.agenda).toBe('1. Khai mạc.\n2. Hỏi đáp.\n3. Kết luận.');
    const early = await w.agents.leader.post(`${S}/${s.id}/minutes`, { version: s.version, minutes: 'Biên bản ghi trước giờ bắt đầu buổi đối thoại.' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({ code: 'DIALOGUE_NOT_STARTED', message: 'Buổi đối thoại chưa bắt đầu (2026-03-09T08:00:00+07:00) nên chưa thể ghi biên bản.' });

    s = await held(w);
    expect(s).toMatchObject({ state: 'HELD', stateText: 'Đã tổ chức', heldAt: '2026-03-09T09:00:00+07:00', acceptingQuestions: false, actions: { close: true, update: false } });
    const unanswered = await w.agents.leader.post(`${S}/${s.id}/close`, { version: s.version });
    expect(unanswered.statusCode).toBe(409);
    expect(unanswered.json().error.code).toBe('DIALOGUE_UNANSWERED');
    const q = s.questions[0]!;
    s = await ok(w.agents.specialist, `${S}/${s.id}/questions/${q.id}/answer`, { version: q.version, answer: 'Sở Tư pháp đang triển khai cấp phiếu trực tuyến.' });
    s = await ok(w.agents.leader, `${S}/${s.id}/minutes`, { version: s.version, minutes: 'Biên bản bổ sung: người dân nêu một câu hỏi, đã được trả lời.' });
    expect(s).toMatchObject({ state: 'HELD', heldAt: '2026-03-09T09:00:00+07:00' });
    s = await ok(w.agents.leader, `${S}/${s.id}/close`, { version: s.version });
    expect(s).toMatchObject({ state: 'CLOSED', actions: { minutes: false, addQuestion: false, agenda: false } });
    const page = (await anonymous(w).get(`/api/v1/dialogues/public/sessions/${s.id}`)).json<PublicSessionDetail>();
    expect(page.minutes).toBe('Biên bản bổ sung: người dân nêu một câu hỏi, đã được trả lời.');
    w.t.clock.set(MONDAY_9AM);
  });

  it('cancels an announced session with the reason shown to the public', async () => {
    w.t.clock.set(MONDAY_9AM);
    const s = await announced(w);
    const cancelled = await ok(w.agents.leader, `${S}/${s.id}/cancel`, { version: s.version, reason: 'Hoãn do trùng lịch họp của UBND tỉnh.' });
    expect(cancelled).toMatchObject({ state: 'CANCELLED', cancelReason: 'Hoãn do trùng lịch họp của UBND tỉnh.', acceptingQuestions: false });
    const page = (await anonymous(w).get(`/api/v1/dialogues/public/sessions/${s.id}`)).json<PublicSessionDetail>();
    expect(page).toMatchObject({ state: 'CANCELLED', stateText: 'Đã hủy', cancelReason: 'Hoãn do trùng lịch họp của UBND tỉnh.' });
    const again = await w.agents.leader.post(`${S}/${s.id}/announce`, { version: cancelled.version });
    expect(again.json().error.code).toBe('INVALID_STATE');
  });
});

describe('who may', () => {
  it('refuses officers outside the organising unit (403) and changes nothing', async () => {
    w.t.clock.set(MONDAY_9AM);
    const s = await announced(w);
    const outsider = w.agents.otherSpecialist;
    expect((await outsider.post(S, sessionBody(w))).statusCode).toBe(403);
    expect((await outsider.get(`${S}/${s.id}`)).statusCode).toBe(403);
    for (const [path, body] of [
      ['announce', { version: s.version }],
      ['cancel', { version: s.version, reason: 'Không có thẩm quyền hủy.' }],
      ['agenda', { version: s.version, agenda: 'Chương trình khác' }],
      ['questions', { askerName: 'Nguyễn Văn An', text: 'Câu hỏi của người ngoài đơn vị.' }],
    ] as const) {
      const res = await outsider.post(`${S}/${s.id}/${path}`, body);
      expect(res.statusCode, path).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
    // A reception officer of the organising unit holds no dialogue role: refused before the route runs.
    expect((await w.agents.reception.get(`${S}?pageSize=5`)).statusCode).toBe(403);
    expect((await anonymous(w).get(`${S}/${s.id}`)).statusCode).toBe(401);
    expect(await readSession(w.agents.specialist, s.id)).toEqual(s);
  });
});

describe('malformed input', () => {
  it('answers 400 with translated field messages and writes nothing', async () => {
    w.t.clock.set(MONDAY_9AM);
    const before = (await w.agents.specialist.get(`${S}?pageSize=100`)).json<SessionList>().total;
    const nowhere = await w.agents.specialist.post(S, { ...sessionBody(w), place: undefined });
    expect(nowhere.statusCode).toBe(400);
    expect(nowhere.json().error.fields).toContainEqual(expect.objectContaining({ path: 'body.place', message: 'Vui lòng ghi địa điểm hoặc đường dẫn trực tuyến (hoặc cả hai).' }));
    const sector = await w.agents.specialist.post(S, sessionBody(w, { audience: 'sector' }));
    expect(sector.json().error.fields[0]).toMatchObject({ path: 'body.audienceSector' });
    const link = await w.agents.specialist.post(S, sessionBody(w, { onlineUrl: 'javascript:alert(1)' }));
    expect(link.statusCode).toBe(400);
    const past = await w.agents.specialist.post(S, sessionBody(w, { startsAt: '2026-03-01T08:00:00+07:00' }));
    expect(past.statusCode).toBe(400);
    expect(past.json().error.fields[0]).toMatchObject({ path: 'body.startsAt', code: 'dialogues.errors.startsInPast', message: 'Thời điểm bắt đầu phải sau thời điểm hiện tại.' });
    const unknownUnit = await w.agents.specialist.post(S, sessionBody(w, { organisingUnitId: '00000000-0000-4000-8000-000000000000' }));
    expect(unknownUnit.json().error.fields[0]).toMatchObject({ path: 'body.organisingUnitId', code: 'dialogues.errors.unitUnknown' });
    const tooLong = await w.agents.specialist.post(S, sessionBody(w, { title: 'x'.repeat(301) }));
    expect(tooLong.statusCode).toBe(400);
    expect((await w.agents.specialist.get(`${S}?pageSize=100`)).json<SessionList>().total).toBe(before);

    const s = await announced(w);
    const badMinutes = await w.agents.specialist.post(`${S}/${s.id}/minutes`, { version: s.version, minutes: 'ngắn' });
    expect(badMinutes.statusCode).toBe(400);
    const english = await new TestAgent(w.t.app, 'en').request(
      'POST',
      `/api/v1/dialogues/public/sessions/${s.id}/questions`,
      { text: 'Một câu hỏi đủ dài để hợp lệ.' },
      { 'x-forwarded-for': randomIp() },
    );
    expect(english.json().error.fields.map((f: { message: string }) => f.message)).toEqual([
      'Please give your full name.',
      'Please give an e-mail address or a phone number to receive the answer.',
    ]);
    expect(await readSession(w.agents.specialist, s.id)).toEqual(s);
  });
});
