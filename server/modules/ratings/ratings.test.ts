// Issue 11 item 7: the applicant rates an ended dossier once — by the link sent when it ended, at the desk's kiosk
// (code + the ID number printed on the receipt), or from their account — and the units' leaders read the summary.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestAgent, type TestApp } from '../../test/test-app';
import { auditEvents } from '../../platform/audit/audit.tables';
import { notificationsOutbox } from '../../platform/notifications';
import type { Ctx } from '../../platform/context/context';
import type { RatingInvitationView, RatingsSummary } from '../../../contracts/ratings/ratings.contracts';
import { createCitizen, createOfficer, loginAs } from '../identity/test/factories';
import { DOSSIER_TEST_ENV, createDossierWorld, receive, step, type DossierWorld } from '../dossiers/test/factories';
import { getRatingStateForOwner, rateDossierAsOwner } from '.';
import { ratingInvitations, ratingResponses } from './ratings.tables';
import { inviteToRate } from './use-cases/invite-to-rate';
import { answers, finishedDossier, invitationMessages, invitationToken, returnedDossier } from './test/factories';

let t: TestApp;
let w: DossierWorld;
let ipSeq = 0;

beforeAll(async () => {
  t = await createTestApp({ env: DOSSIER_TEST_ENV });
  w = await createDossierWorld(t);
});
afterAll(async () => t?.close());

/** An anonymous browser (a citizen's phone, the desk's kiosk), each call from its own address. */
function anon(method: 'GET' | 'POST', url: string, payload?: object, lang: 'vi' | 'en' = 'vi') {
  ipSeq += 1;
  return t.app.inject({
    method,
    url,
    headers: { 'accept-language': lang, 'x-forwarded-for': `10.77.${Math.floor(ipSeq / 250)}.${(ipSeq % 250) + 1}` },
    ...(payload ? { payload } : {}),
  });
}

const rateByLink = (token: string, body: Record<string, unknown>, lang: 'vi' | 'en' = 'vi') => anon('POST', '/api/v1/ratings/invitation/rating', { token, ...body }, lang);
const rateAtKiosk = (code: string, idNumber: string, body: Record<string, unknown>, lang: 'vi' | 'en' = 'vi') =>
  anon('POST', '/api/v1/ratings/kiosk/rating', { code, idNumber, ...body }, lang);

async function responseOf(dossierId: string) {
  const [row] = await t.database.db.select().from(ratingResponses).where(eq(ratingResponses.dossierId, dossierId));
  return row ?? null;
}

describe('the invitation when a dossier ends', () => {
  it('is created only once the dossier ended, with a link on every channel the applicant gave, its secret hashed at rest', async () => {
    const done = await finishedDossier(w);
    // Result ready (status 9) is not an end: the applicant has not got it yet.
    expect(await t.database.db.select().from(ratingInvitations).where(eq(ratingInvitations.dossierId, done.id))).toEqual([]);
    expect(await invitationMessages(t, done.id)).toEqual([]);

    const returned = await step(w.agents.reception, done, { transition: 'return-result', method: 'desk', receivedBy: 'Nguyễn Văn An' });
    expect(returned.state).toBe('RETURNED');
    const [invitation] = await t.database.db.select().from(ratingInvitations).where(eq(ratingInvitations.dossierId, done.id));
    expect(invitation).toBeDefined();
    const messages = await invitationMessages(t, done.id);
    expect(messages.map((m) => m.channel).sort()).toEqual(['email', 'sms', 'zalo']);
    const token = await invitationToken(t, done.id);
    expect(messages.find((m) => m.channel === 'email')!.params).toMatchObject({ code: done.code, ended: 'RETURNED', link: expect.stringContaining('/danh-gia/loi-moi?token=') });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(invitation!.secretHash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(invitation)).not.toContain(token);
    const audit = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'ratings.invite'), eq(auditEvents.subjectId, invitation!.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ dossierId: done.id, ended: 'RETURNED' });

    // A repeated event changes nothing: one invitation, one message per channel.
    expect(await inviteToRate(t.systemCtx(), { dossierId: done.id })).toEqual({ skipped: 'already-invited' });
    expect(await invitationMessages(t, done.id)).toHaveLength(3);
  });

  it('also follows a stopped dossier, and says so in the message', async () => {
    let d = await receive(w);
    d = await step(w.agents.reception, d, { transition: 'forward' });
    d = await step(w.agents.leader, d, { transition: 'stop', reason: 'Người nộp đề nghị dừng' });
    expect(d.state).toBe('STOPPED');
    const email = (await invitationMessages(t, d.id)).find((m) => m.channel === 'email');
    expect(email?.params).toMatchObject({ ended: 'STOPPED' });
  });
});

describe('rating by the invitation link', () => {
  it('shows the dossier, records the rating once with its units, procedure and officers, and audits it', async () => {
    const d = await returnedDossier(w);
    const token = await invitationToken(t, d.id);
    const before = await anon('GET', `/api/v1/ratings/invitation?token=${token}`);
    expect(before.statusCode).toBe(200);
    expect(before.json<RatingInvitationView>()).toMatchObject({ dossierCode: d.code, dossierState: 'RETURNED', state: 'can-rate', rating: null });

    const res = await rateByLink(
      token,
      answers('very-satisfied', { criteria: { time: 'satisfied', attitude: 'very-satisfied', clarity: 'satisfied' }, comment: '  Cán bộ hướng dẫn tận tình.  ' }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      overall: 'very-satisfied',
      criteria: { time: 'satisfied', attitude: 'very-satisfied', clarity: 'satisfied' },
      comment: 'Cán bộ hướng dẫn tận tình.',
      channel: 'link',
    });

    const row = await responseOf(d.id);
    expect(row).toMatchObject({
      dossierCode: d.code,
      procedureCode: w.procedureCode,
      receivingUnitId: w.centre.id,
      handlingUnitId: w.dept.id,
      receivedBy: w.accounts.reception.user.id,
      handledBy: w.accounts.leader.user.id,
      dossierState: 'RETURNED',
      channel: 'link',
      ratedBy: null,
    });
    const after = (await anon('GET', `/api/v1/ratings/invitation?token=${token}`)).json<RatingInvitationView>();
    expect(after).toMatchObject({ state: 'rated', rating: { overall: 'very-satisfied' } });
    const [audit] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'ratings.rate'), eq(auditEvents.subjectId, row!.id)));
    expect(audit?.after).toMatchObject({ dossierId: d.id, channel: 'link', overall: 'very-satisfied', comment: true });
    // A satisfied rating alerts nobody.
    const alerts = await t.database.db
      .select()
      .from(notificationsOutbox)
      .where(and(eq(notificationsOutbox.templateKey, 'ratings.low-rating-alert'), eq(notificationsOutbox.subjectId, d.id)));
    expect(alerts).toEqual([]);
  });

  it('refuses a second rating with a translated 409, by any door, and keeps the first', async () => {
    const d = await returnedDossier(w);
    const token = await invitationToken(t, d.id);
    expect((await rateByLink(token, answers('satisfied'))).statusCode).toBe(201);
    const again = await rateByLink(token, answers('unsatisfied'), 'en');
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: 'RATING_ALREADY_GIVEN',
      message: `Dossier ${d.code} has already been rated. Each dossier can be rated only once — thank you for your feedback.`,
    });
    const vi = await rateByLink(token, answers('unsatisfied'));
    expect(vi.json().error.message).toContain(`Hồ sơ ${d.code} đã được đánh giá`);
    const kiosk = await rateAtKiosk(d.code, d.applicant.idNumber, answers('unsatisfied'));
    expect(kiosk.statusCode).toBe(409);
    expect((await responseOf(d.id))?.overall).toBe('satisfied');
  });

  it('answers 404 to a wrong link, and 400 to an incomplete or too long rating, recording nothing', async () => {
    const wrong = await anon('GET', `/api/v1/ratings/invitation?token=${'x'.repeat(43)}`, undefined, 'en');
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().error).toMatchObject({ code: 'RATING_INVITATION_NOT_FOUND', message: expect.stringContaining('rating link is wrong') });
    expect((await rateByLink('y'.repeat(43), answers('satisfied'))).statusCode).toBe(404);

    const d = await returnedDossier(w);
    const token = await invitationToken(t, d.id);
    expect((await rateByLink(token, { overall: 'satisfied' })).statusCode).toBe(400);
    expect((await rateByLink(token, answers('five-stars'))).statusCode).toBe(400);
    const long = await rateByLink(token, answers('satisfied', { comment: 'a'.repeat(1001) }), 'en');
    expect(long.statusCode).toBe(400);
    expect(JSON.stringify(long.json())).toContain('at most 1,000 characters');
    expect(await responseOf(d.id)).toBeNull();
  });
});

describe('the desk kiosk', () => {
  it('needs the ID number printed on the receipt besides the code: a bare code or a wrong number rates nothing', async () => {
    const d = await returnedDossier(w);
    const bare = await anon('POST', '/api/v1/ratings/kiosk/rating', { code: d.code, ...answers('satisfied') });
    expect(bare.statusCode).toBe(400);
    const wrong = await rateAtKiosk(d.code, '001099000111', answers('satisfied'), 'en');
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().error).toMatchObject({
      code: 'RATING_DOSSIER_NOT_FOUND',
      message: 'No dossier matches this dossier code and ID number. Please check them on your receipt.',
    });
    // An unknown code answers exactly as a wrong number: the kiosk tells nothing about which codes exist.
    const unknown = await rateAtKiosk('000.00.00.H56-260302-9999', d.applicant.idNumber, answers('satisfied'), 'en');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toBe(wrong.json().error.message);
    expect((await anon('POST', '/api/v1/ratings/kiosk/lookup', { code: d.code, idNumber: '001099000111' })).statusCode).toBe(404);
    expect(await responseOf(d.id)).toBeNull();

    // The code as typed from a printed slip (lower case, spaces) and the number with spaces are accepted.
    const typedCode = ` ${d.code.toLowerCase().replace('-', ' - ')} `;
    const typedId = `${d.applicant.idNumber.slice(0, 4)} ${d.applicant.idNumber.slice(4)}`;
    const found = await anon('POST', '/api/v1/ratings/kiosk/lookup', { code: typedCode, idNumber: typedId });
    expect(found.statusCode).toBe(200);
    expect(found.json<RatingInvitationView>()).toMatchObject({ dossierCode: d.code, state: 'can-rate' });
    const rated = await rateAtKiosk(typedCode, typedId, answers('satisfied'));
    expect(rated.statusCode).toBe(201);
    expect((await responseOf(d.id))?.channel).toBe('kiosk');
  });

  it('refuses a dossier that has not ended with a translated 409', async () => {
    const d = await receive(w);
    const lookup = await anon('POST', '/api/v1/ratings/kiosk/lookup', { code: d.code, idNumber: d.applicant.idNumber });
    expect(lookup.json<RatingInvitationView>()).toMatchObject({ state: 'not-ended', endedAt: null });
    const res = await rateAtKiosk(d.code, d.applicant.idNumber, answers('satisfied'), 'en');
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'RATING_NOT_ENDED', message: expect.stringContaining(`Dossier ${d.code} has not ended yet`) });
    expect(await responseOf(d.id)).toBeNull();
  });
});

describe('an unsatisfied rating', () => {
  it('alerts the leaders of the units that received and handled the dossier by e-mail, and audits the alert', async () => {
    const deskLeader = await createOfficer(t.database.db, 'leader', w.centre);
    const d = await returnedDossier(w);
    const token = await invitationToken(t, d.id);
    const res = await rateByLink(token, answers('unsatisfied', { criteria: { time: 'unsatisfied', attitude: 'satisfied', clarity: 'satisfied' }, comment: 'Trả kết quả chậm.' }));
    expect(res.statusCode).toBe(201);
    const alerts = await t.database.db
      .select()
      .from(notificationsOutbox)
      .where(and(eq(notificationsOutbox.templateKey, 'ratings.low-rating-alert'), eq(notificationsOutbox.subjectId, d.id)));
    expect(alerts.map((a) => a.recipient).sort()).toEqual([w.accounts.leader.user.email, deskLeader.user.email].sort());
    expect(alerts.every((a) => a.channel === 'email')).toBe(true);
    expect(alerts[0]!.params).toMatchObject({ code: d.code, overall: 'unsatisfied', comment: 'Trả kết quả chậm.', link: expect.stringContaining('/admin/ratings') });
    const [audit] = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'ratings.low-rating-alert'), eq(auditEvents.subjectId, (await responseOf(d.id))!.id)));
    expect((audit?.after as { leaders: string[] }).leaders.sort()).toEqual([w.accounts.leader.user.id, deskLeader.user.id].sort());
  });
});

describe("the applicant's own account (My dossiers)", () => {
  it('tells the state and rates as the owner, once', async () => {
    const citizen = await createCitizen(t.database.db);
    const ctx: Ctx = { ...t.systemCtx(), actor: { type: 'user', userId: citizen.user.id, kind: 'citizen', displayName: citizen.user.displayName, grants: [], sessionId: 's' } };
    const open = await receive(w);
    expect(await getRatingStateForOwner(ctx, open.id)).toMatchObject({ state: 'not-ended' });
    const d = await returnedDossier(w);
    expect(await getRatingStateForOwner(ctx, d.id)).toMatchObject({ state: 'can-rate' });
    expect(
      await rateDossierAsOwner(ctx, d.id, { overall: 'satisfied', criteria: { time: 'satisfied', attitude: 'satisfied', clarity: 'satisfied' }, comment: null }),
    ).toMatchObject({
      channel: 'account',
    });
    expect(await getRatingStateForOwner(ctx, d.id)).toMatchObject({ state: 'rated' });
    expect((await responseOf(d.id))?.ratedBy).toBe(citizen.user.id);
    await expect(
      rateDossierAsOwner(ctx, d.id, { overall: 'unsatisfied', criteria: { time: 'satisfied', attitude: 'satisfied', clarity: 'satisfied' }, comment: null }),
    ).rejects.toMatchObject({
      code: 'RATING_ALREADY_GIVEN',
      status: 409,
    });
  });
});

describe('the summary for the units', () => {
  let v: DossierWorld;
  let otherLeader: TestAgent;

  beforeAll(async () => {
    // A world of its own, so the counts are exactly this test's ratings.
    v = await createDossierWorld(t);
    otherLeader = await loginAs(t.app, await createOfficer(t.database.db, 'leader', v.partner));
    const levels = ['very-satisfied', 'satisfied', 'satisfied', 'unsatisfied'] as const;
    for (const level of levels) {
      const d = await returnedDossier(v);
      const res = await rateByLink(await invitationToken(t, d.id), answers(level, { criteria: { time: level, attitude: 'satisfied', clarity: 'very-satisfied' } }));
      expect(res.statusCode).toBe(201);
    }
  });

  it("counts the unit's ratings per level and criterion, with the share satisfied against the 95 % target", async () => {
    const res = await v.agents.leader.get(`/api/v1/ratings/summary?unitId=${v.dept.id}`);
    expect(res.statusCode).toBe(200);
    const s = res.json<RatingsSummary>();
    expect(s).toMatchObject({ unitId: v.dept.id, target: 0.95 });
    expect(s.overall).toEqual({ 'very-satisfied': 1, satisfied: 2, unsatisfied: 1, total: 4, satisfiedShare: 0.75 });
    expect(s.criteria.attitude).toMatchObject({ satisfied: 4, total: 4, satisfiedShare: 1 });
    expect(s.criteria.clarity).toMatchObject({ 'very-satisfied': 4 });
    expect(s.recentLow).toHaveLength(1);
    // Without a unit: every unit the leader's grants cover (here the same department).
    expect((await v.agents.leader.get('/api/v1/ratings/summary')).json<RatingsSummary>().overall.total).toBe(4);
    // The desk's ratings are the same dossiers, seen by the province's reform office.
    expect((await v.agents.reform.get(`/api/v1/ratings/summary?unitId=${v.centre.id}`)).json<RatingsSummary>().overall.total).toBe(4);
  });

  it("shows another unit's leader none of them, refuses that unit by name, and refuses officers who are not readers", async () => {
    const mine = await otherLeader.get('/api/v1/ratings/summary');
    expect(mine.statusCode).toBe(200);
    expect(mine.json<RatingsSummary>().overall).toMatchObject({ total: 0, satisfiedShare: null });
    const theirs = await otherLeader.get(`/api/v1/ratings/summary?unitId=${v.dept.id}`);
    expect(theirs.statusCode).toBe(403);
    expect((await v.agents.specialist.get('/api/v1/ratings/summary')).statusCode).toBe(403);
    expect((await anon('GET', '/api/v1/ratings/summary')).statusCode).toBe(401);
  });

  it('filters by the legal dates of the ratings', async () => {
    const day = '2026-03-02';
    const within = await v.agents.leader.get(`/api/v1/ratings/summary?unitId=${v.dept.id}&from=${day}&to=${day}`);
    expect(within.json<RatingsSummary>().overall.total).toBe(4);
    const later = await v.agents.leader.get(`/api/v1/ratings/summary?unitId=${v.dept.id}&from=2026-03-03`);
    expect(later.json<RatingsSummary>().overall.total).toBe(0);
    expect((await v.agents.leader.get(`/api/v1/ratings/summary?from=2026-03-05&to=2026-03-01`)).statusCode).toBe(400);
  });
});
