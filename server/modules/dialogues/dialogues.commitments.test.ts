// Commitments (issue 14 item 5): an answer that promises something makes a commitment with an owner unit and a due
// instant on the working-time calendar (§19.3–19.5; holidays 30/04 and 01/05/2026 skipped), overdue once the clock
// passes it, reported on and completed on time or late (§19.8), reminded of and escalated once each by the sweep,
// shown to the public with its progress, and counted for the dashboards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { notificationsOutbox } from '../../platform/notifications';
import type { CommitmentDetail, CommitmentList, PublicCommitmentList, PublicSessionDetail, SessionDetail } from '../../../contracts/dialogues/dialogues.contracts';
import { createOfficer, createOrgUnit, loginAs } from '../identity/test/factories';
import { dialogueCommitmentEvents } from './dialogues.tables';
import { commitmentStats, remindCommitments } from './index';
import { anonymous, createDialogueWorld, held, MONDAY_9AM, ok, readSession, type DialogueWorld } from './test/factories';

let w: DialogueWorld;
beforeAll(async () => {
  w = await createDialogueWorld();
});
afterAll(async () => w?.t.close());

const S = '/api/v1/dialogues/sessions';
const C = '/api/v1/dialogues/commitments';
const at = (iso: string) => w.t.clock.set(iso);
const alerts = (id: string) =>
  w.t.database.db
    .select()
    .from(notificationsOutbox)
    .where(and(eq(notificationsOutbox.subjectId, id), eq(notificationsOutbox.templateKey, 'dialogues.officer-alert')));
const eventsOf = (id: string, kind: 'reminded' | 'escalated') =>
  w.t.database.db
    .select()
    .from(dialogueCommitmentEvents)
    .where(and(eq(dialogueCommitmentEvents.commitmentId, id), eq(dialogueCommitmentEvents.kind, kind)));

/** A session held on Monday 27/04/2026 whose question is answered on Tuesday 28/04 09:00 with `commitments`. */
async function answeredWith(commitments: unknown[], ownerUnitId = w.owner.id): Promise<SessionDetail> {
  at(MONDAY_9AM);
  const s = await held(w, { startsAt: '2026-04-27T08:00:00+07:00' });
  at('2026-04-28T02:00:00Z');
  const q = s.questions[0]!;
  return ok(w.agents.specialist, `${S}/${s.id}/questions/${q.id}/answer`, {
    version: q.version,
    answer: 'Sở Tư pháp cam kết rút ngắn thời gian cấp phiếu lý lịch tư pháp trực tuyến.',
    commitments: (commitments as Array<Record<string, unknown>>).map((c) => ({ ownerUnitId, text: 'Rút ngắn thời gian cấp phiếu lý lịch tư pháp trực tuyến còn 5 ngày.', ...c })),
  });
}

async function commitment(agent = w.agents.ownerSpecialist, id: string): Promise<CommitmentDetail> {
  const res = await agent.get(`${C}/${id}`);
  if (res.statusCode !== 200) throw new Error(`read failed: ${res.statusCode} ${res.body}`);
  return res.json<CommitmentDetail>();
}

describe('a commitment made in an answer', () => {
  it('is due after its working days on the calendar, holidays skipped; a date on a holiday moves to the next working day', async () => {
    const s = await answeredWith([{ workingDays: 5 }, { dueOn: '2026-04-30', text: 'Công bố quy trình mới trên Cổng thông tin điện tử của Sở.' }]);
    expect(s.questions[0]).toMatchObject({ state: 'ANSWERED', answeringUnit: { id: w.organiser.id }, answeredAt: '2026-04-28T09:00:00+07:00' });
    const [days, dated] = s.commitments;
    // Tue 28/04 09:00 + 40 working hours: Tue, Wed, (Thu 30/04 and Fri 01/05 off, weekend), Mon, Tue, Wed, Thu 09:00.
    expect(days).toMatchObject({
      ownerUnit: { id: w.owner.id },
      workingDays: 5,
      dueOn: null,
      madeAt: '2026-04-28T09:00:00+07:00',
      dueAt: '2026-05-07T09:00:00+07:00',
      state: 'OPEN',
      overdue: false,
    });
    // Thu 30/04 is a holiday, Fri 01/05 too, then the weekend: the end of office hours on Mon 04/05.
    expect(dated).toMatchObject({ workingDays: null, dueOn: '2026-04-30', dueAt: '2026-05-04T17:00:00+07:00' });
    // The organiser may withdraw, not complete; the owner unit may complete, not withdraw.
    expect(days!.actions).toEqual({ progress: false, complete: false, cancel: true });
    expect((await commitment(w.agents.ownerSpecialist, days!.id)).actions).toEqual({ progress: true, complete: true, cancel: false });
    const told = await alerts(days!.id);
    expect(told.map((n) => `${n.recipient} ${(n.params as { kind: string }).kind}`).sort()).toEqual(
      [`${w.accounts.ownerLeader.user.email} assigned`, `${w.accounts.ownerSpecialist.user.email} assigned`].sort(),
    );
    // The owner unit's officers read the session its commitment came from.
    expect((await readSession(w.agents.ownerSpecialist, s.id)).commitments).toHaveLength(2);
  });

  it('gives the default working days when neither days nor a date is given, and refuses bad units and dates (400, nothing written)', async () => {
    at(MONDAY_9AM);
    const s = await held(w, { startsAt: '2026-04-27T08:00:00+07:00' });
    at('2026-04-28T02:00:00Z');
    const q = s.questions[0]!;
    const url = `${S}/${s.id}/questions/${q.id}/answer`;
    const base = { version: q.version, answer: 'Câu trả lời kèm cam kết không hợp lệ.' };
    const text = 'Một cam kết đủ dài để hợp lệ.';
    const bad = await w.agents.specialist.post(url, {
      ...base,
      commitments: [
        { ownerUnitId: '00000000-0000-4000-8000-000000000000', text, workingDays: 5 },
        { ownerUnitId: w.owner.id, text, dueOn: '2026-04-28' },
        { ownerUnitId: w.owner.id, text, dueOn: '2031-01-06' },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string; code: string }) => `${f.path} ${f.code}`)).toEqual([
      'body.commitments.0.ownerUnitId dialogues.errors.unitUnknown',
      'body.commitments.1.dueOn dialogues.errors.dueInPast',
      'body.commitments.2.dueOn dialogues.errors.dueNotCovered',
    ]);
    const both = await w.agents.specialist.post(url, { ...base, commitments: [{ ownerUnitId: w.owner.id, text, workingDays: 5, dueOn: '2026-05-20' }] });
    expect(both.json().error.fields[0]).toMatchObject({ path: 'body.commitments.0.dueOn', message: 'Ghi số ngày làm việc hoặc ngày hoàn thành, không ghi cả hai.' });
    expect(await readSession(w.agents.specialist, s.id)).toMatchObject({ questions: [{ state: 'ACCEPTED', version: q.version }], commitments: [] });

    const answered = await ok(w.agents.specialist, url, { ...base, commitments: [{ ownerUnitId: w.owner.id, text }] });
    // 30 working days (DIALOGUE_COMMITMENT_DEFAULT_DAYS) from Tue 28/04 09:00, 30/04 and 01/05 off.
    expect(answered.commitments[0]).toMatchObject({ workingDays: 30, dueAt: '2026-06-11T09:00:00+07:00' });
  });

  it('becomes overdue when the clock passes its due, and is listed so', async () => {
    const s = await answeredWith([{ workingDays: 5 }]);
    const id = s.commitments[0]!.id;
    at('2026-05-07T01:59:00Z');
    expect((await commitment(undefined, id)).overdue).toBe(false);
    at('2026-05-07T02:01:00Z');
    expect((await commitment(undefined, id)).overdue).toBe(true);
    const overdue = (await w.agents.ownerSpecialist.get(`${C}?overdue=true&pageSize=100`)).json<CommitmentList>();
    expect(overdue.items.map((c) => c.id)).toContain(id);
    const notOverdue = (await w.agents.ownerSpecialist.get(`${C}?overdue=false&pageSize=100`)).json<CommitmentList>();
    expect(notOverdue.items.map((c) => c.id)).not.toContain(id);
    const publicList = (await anonymous(w).get('/api/v1/dialogues/public/commitments?overdue=true&pageSize=100')).json<PublicCommitmentList>();
    expect(publicList.items.find((c) => c.id === id)).toMatchObject({ overdue: true, state: 'OPEN', session: { id: s.id } });
    at(MONDAY_9AM);
  });

  it('records progress shown to the public, and is completed on time or late', async () => {
    const s = await answeredWith([{ workingDays: 5 }, { workingDays: 5, text: 'Công khai quy trình cấp phiếu lý lịch tư pháp mới.' }]);
    const [early, late] = s.commitments;
    at('2026-05-04T03:00:00Z');
    let c = await ok<CommitmentDetail>(w.agents.ownerSpecialist, `${C}/${early!.id}/progress`, {
      version: early!.version,
      percent: 60,
      note: 'Đã làm việc với ông Nguyễn Văn An (0912345678) và kết nối dữ liệu.',
    });
    expect(c).toMatchObject({ progressPercent: 60, state: 'OPEN', version: 2 });
    c = await ok<CommitmentDetail>(w.agents.ownerLeader, `${C}/${early!.id}/complete`, { version: c.version, note: 'Đã áp dụng quy trình 5 ngày làm việc.' });
    expect(c).toMatchObject({ state: 'DONE', stateText: 'Đã hoàn thành', progressPercent: 100, completedAt: '2026-05-04T10:00:00+07:00', completedOnTime: true });
    expect(c.history.map((h) => h.text)).toEqual([
      `Cam kết giao ${w.owner.name}, thời hạn 09:00 ngày 07/05/2026.`,
      'Báo cáo tiến độ 60%: Đã làm việc với ông Nguyễn Văn An (0912345678) và kết nối dữ liệu.',
      'Hoàn thành: Đã áp dụng quy trình 5 ngày làm việc.',
    ]);
    const again = await w.agents.ownerLeader.post(`${C}/${early!.id}/complete`, { version: c.version, note: 'Hoàn thành lần hai.' });
    expect(again.json().error.code).toBe('INVALID_STATE');

    at('2026-05-08T02:00:00Z');
    const lateDone = await ok<CommitmentDetail>(w.agents.ownerSpecialist, `${C}/${late!.id}/complete`, { version: late!.version, note: 'Đã công khai quy trình mới.' });
    expect(lateDone).toMatchObject({ completedOnTime: false, overdue: false });
    expect(lateDone.history.at(-1)!.text).toBe('Hoàn thành (quá hạn): Đã công khai quy trình mới.');

    const page = (await anonymous(w).get(`/api/v1/dialogues/public/sessions/${s.id}`)).json<PublicSessionDetail>();
    expect(page.commitments.find((x) => x.id === early!.id)).toMatchObject({
      state: 'DONE',
      completedOnTime: true,
      progress: [
        { at: '2026-05-04T10:00:00+07:00', percent: 60, note: 'Đã làm việc với ông N.V.A. ([đã ẩn]) và kết nối dữ liệu.' },
        { at: '2026-05-04T10:00:00+07:00', percent: 100, note: 'Đã áp dụng quy trình 5 ngày làm việc.' },
      ],
    });
    expect(page.questions[0]!.answer).toBe('Sở Tư pháp cam kết rút ngắn thời gian cấp phiếu lý lịch tư pháp trực tuyến.');
    at(MONDAY_9AM);
  });

  it('is reported on only by its owner unit and withdrawn only by the organisers (403 elsewhere, nothing changed)', async () => {
    const s = await answeredWith([{ workingDays: 5 }]);
    const c = s.commitments[0]!;
    const body = { version: c.version, percent: 10, note: 'Báo cáo từ đơn vị khác.' };
    expect((await w.agents.otherSpecialist.post(`${C}/${c.id}/progress`, body)).statusCode).toBe(403);
    expect((await w.agents.specialist.post(`${C}/${c.id}/progress`, body)).statusCode).toBe(403);
    expect((await w.agents.ownerSpecialist.post(`${C}/${c.id}/cancel`, { version: c.version, reason: 'Không thực hiện được.' })).statusCode).toBe(403);
    expect((await w.agents.otherSpecialist.get(`${C}/${c.id}`)).statusCode).toBe(403);
    expect((await w.agents.reception.get(`${C}/${c.id}`)).statusCode).toBe(403);
    expect((await w.agents.otherSpecialist.get(`${C}?pageSize=100`)).json<CommitmentList>().items.map((x) => x.id)).not.toContain(c.id);
    expect(await commitment(undefined, c.id)).toMatchObject({ version: c.version, progressPercent: 0 });

    const withdrawn = await ok<CommitmentDetail>(w.agents.leader, `${C}/${c.id}/cancel`, { version: c.version, reason: 'Nội dung đã được thực hiện theo cam kết khác.' });
    expect(withdrawn).toMatchObject({
      state: 'CANCELLED',
      cancelReason: 'Nội dung đã được thực hiện theo cam kết khác.',
      actions: { progress: false, complete: false, cancel: false },
    });
    at(MONDAY_9AM);
  });
});

describe('the reminder sweep (dialogues.remind)', () => {
  it('reminds the owner unit within 3 working days of the due, tells its leaders once overdue, once each', async () => {
    const s = await answeredWith([{ workingDays: 5 }]);
    const id = s.commitments[0]!.id;
    const ctx = () => w.t.systemCtx();

    at('2026-05-01T02:00:00Z'); // Fri 01/05 (a holiday) 09:00: four working days left.
    await remindCommitments(ctx());
    expect(await eventsOf(id, 'reminded')).toHaveLength(0);

    at('2026-05-04T02:00:00Z'); // Mon 04/05 09:00: exactly three working days left.
    await remindCommitments(ctx());
    await remindCommitments(ctx());
    expect(await eventsOf(id, 'reminded')).toHaveLength(1);
    const reminders = (await alerts(id)).filter((a) => (a.params as { kind: string }).kind === 'reminder');
    expect(reminders.map((r) => r.recipient).sort()).toEqual([w.accounts.ownerLeader.user.email, w.accounts.ownerSpecialist.user.email].sort());

    at('2026-05-07T03:00:00Z'); // Thu 07/05 10:00: an hour overdue.
    expect((await remindCommitments(ctx())).escalated).toBeGreaterThanOrEqual(1);
    expect((await remindCommitments(ctx())).escalated).toBe(0);
    expect(await eventsOf(id, 'escalated')).toHaveLength(1);
    const escalations = (await alerts(id)).filter((a) => (a.params as { kind: string }).kind === 'escalation');
    expect(escalations.map((a) => a.recipient)).toEqual([w.accounts.ownerLeader.user.email]);
    const detail = await commitment(undefined, id);
    expect(detail.history.map((h) => h.kind)).toEqual(['made', 'reminded', 'escalated']);
    expect(detail.history[1]!.text).toBe('Nhắc hạn: còn không quá 3 ngày làm việc đến hạn 09:00 ngày 07/05/2026.');
    at(MONDAY_9AM);
  });
});

describe('the numbers for dashboards', () => {
  it('counts by owner unit the commitments made in a period: done on time, done late, open, open overdue, withdrawn', async () => {
    const unit = await createOrgUnit(w.t.database.db, { parent: w.province, kind: 'commune', name: 'Phường Thống Kê' });
    const officer = await loginAs(w.t.app, await createOfficer(w.t.database.db, 'specialist', unit));
    const s = await answeredWith(
      [
        { workingDays: 5, text: 'Cam kết thứ nhất của phường.' },
        { workingDays: 5, text: 'Cam kết thứ hai của phường.' },
        { workingDays: 5, text: 'Cam kết thứ ba của phường.' },
        { workingDays: 20, text: 'Cam kết thứ tư của phường.' },
        { workingDays: 20, text: 'Cam kết thứ năm của phường.' },
      ],
      unit.id,
    );
    const [onTime, late, overdue, open, withdrawn] = s.commitments;
    at('2026-05-05T02:00:00Z');
    await ok(officer, `${C}/${onTime!.id}/complete`, { version: onTime!.version, note: 'Đã hoàn thành đúng hạn.' });
    await ok(w.agents.leader, `${C}/${withdrawn!.id}/cancel`, { version: withdrawn!.version, reason: 'Trùng với cam kết khác.' });
    at('2026-05-08T02:00:00Z');
    await ok(officer, `${C}/${late!.id}/complete`, { version: late!.version, note: 'Hoàn thành muộn.' });
    expect(overdue!.state).toBe('OPEN');
    expect(open!.state).toBe('OPEN');

    const stats = await commitmentStats(w.t.systemCtx(), { from: '2026-04-01', to: '2026-04-30' });
    expect(stats.items.find((i) => i.unit.id === unit.id)).toEqual({
      unit: { id: unit.id, code: unit.code, name: 'Phường Thống Kê' },
      total: 4,
      doneOnTime: 1,
      doneLate: 1,
      open: 2,
      openOverdue: 1,
      cancelled: 1,
      onTimeRate: 0.5,
    });
    expect(stats.definition).toMatch(/^Cam kết đưa ra trong kỳ/);
    const outside = await commitmentStats(w.t.systemCtx(), { from: '2026-05-01', to: '2026-05-31' });
    expect(outside.items.find((i) => i.unit.id === unit.id)).toBeUndefined();
    const viaApi = await anonymous(w).get('/api/v1/dialogues/public/commitments/stats?from=2026-04-01&to=2026-04-30');
    expect(viaApi.json<typeof stats>().items.find((i) => i.unit.id === unit.id)).toMatchObject({ total: 4, openOverdue: 1 });
    at(MONDAY_9AM);
  });
});
