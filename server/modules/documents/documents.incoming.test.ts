// The incoming register (NĐ 30/2020/NĐ-CP Điều 20–24): arrival numbers shared by paper and electronic arrivals and
// restarting on 1 January (+07:00), the presentation and handling deadlines on the working calendar (holidays skipped),
// assignment, notes and closing with their state rules, 403 outside the body, 400 changing nothing, search without
// diacritics, and the reminder sweep (once each).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { notificationsOutbox } from '../../platform/notifications';
import { multipart, pdf } from '../../platform/files/test/fixtures';
import { createHash } from 'node:crypto';
import type { IncomingDetail, IncomingList } from '../../../contracts/documents/documents.contracts';
import { remindDocuments } from './index';
import { documentsIncoming } from './documents.tables';
import { createDocumentWorld, incomingBody, MONDAY_9AM, ok, registerAt, type DocumentWorld } from './test/factories';

let w: DocumentWorld;
beforeAll(async () => {
  w = await createDocumentWorld();
}, 120_000);
afterAll(async () => w?.t.close());

const I = '/api/v1/documents/incoming';
const at = (iso: string) => w.t.clock.set(iso);
const count = async () => (await w.t.database.db.select({ n: sql<number>`count(*)::int` }).from(documentsIncoming))[0]!.n;

describe('registering', () => {
  it('numbers paper and electronic arrivals in one series per year, restarting on 1 January in +07:00', async () => {
    at('2026-12-31T16:59:00Z'); // 31/12/2026 23:59 +07:00
    const a = await registerAt(w, { issuedOn: '2026-12-30' });
    const b = await registerAt(w, { receivedVia: 'electronic', issuedOn: '2026-12-30' });
    at('2026-12-31T17:00:00Z'); // 01/01/2027 00:00 +07:00
    const c = await registerAt(w, { issuedOn: '2026-12-30' });
    const d = await registerAt(w, { receivedVia: 'electronic', issuedOn: '2026-12-30' });
    expect([a.arrivalYear, b.arrivalYear, c.arrivalYear, d.arrivalYear]).toEqual([2026, 2026, 2027, 2027]);
    expect(b.arrivalNumber).toBe(a.arrivalNumber + 1);
    expect([c.arrivalNumber, d.arrivalNumber]).toEqual([1, 2]);
    at(MONDAY_9AM);
  });

  it('is presented by the end of the next working day (a holiday moves it)', async () => {
    at(MONDAY_9AM);
    const doc = await registerAt(w);
    expect(doc).toMatchObject({ state: 'REGISTERED', presentDueAt: '2026-03-03T17:00:00+07:00', receivedAt: '2026-03-02T09:00:00+07:00' });
    // Wednesday 29/04/2026: 30/04 and 01/05 are holidays, then the weekend: Monday 04/05.
    at('2026-04-29T03:00:00Z');
    expect((await registerAt(w, { issuedOn: '2026-04-28' })).presentDueAt).toBe('2026-05-04T17:00:00+07:00');
    at(MONDAY_9AM);
  });

  it('refuses bad input and outsiders, changing nothing', async () => {
    const before = await count();
    expect((await w.agents.clerk.post(I, incomingBody(w.body.id, { typeCode: 'XX', subject: '' }))).statusCode).toBe(400);
    expect((await w.agents.clerk.post(I, incomingBody(w.body.id, { issuedOn: '2026-03-09' }))).statusCode).toBe(400);
    const outsider = await w.agents.otherClerk.post(I, incomingBody(w.body.id));
    expect(outsider.statusCode).toBe(403);
    expect(outsider.json().error.code).toBe('DOCUMENT_FORBIDDEN');
    expect((await w.agents.specialist.post(I, incomingBody(w.body.id))).statusCode).toBe(403);
    expect(await count()).toBe(before);
  });

  it('finds documents without diacritics', async () => {
    const doc = await registerAt(w, { typeCode: 'QD', subject: 'Quyết định công bố thủ tục hành chính lĩnh vực hộ tịch', numberSymbol: '77/QĐ-UBND' });
    const found = (await w.agents.clerk.get(`${I}?q=${encodeURIComponent('quyet dinh ho tich')}`)).json<IncomingList>();
    expect(found.items.map((i) => i.id)).toContain(doc.id);
    expect((await w.agents.clerk.get(`${I}?q=77%2FQD`)).json<IncomingList>().items.map((i) => i.id)).toContain(doc.id);
    expect((await w.agents.clerk.get(`${I}?q=khong+co+tu+nay`)).json<IncomingList>().total).toBe(0);
    expect((await w.agents.otherClerk.get(`${I}?q=quyet+dinh+ho+tich`)).json<IncomingList>().total).toBe(0);
  });
});

describe('files', () => {
  it('keeps the scan with its SHA-256, makes its name searchable, and serves it to readers only', async () => {
    at(MONDAY_9AM);
    const doc = await registerAt(w);
    const content = pdf();
    const { body, headers } = multipart([{ file: 'files', name: 'Cong van 125 scan.pdf', content, contentType: 'application/pdf' }]);
    const refused = await w.agents.specialist.request('POST', `${I}/${doc.id}/files`, body, headers);
    expect(refused.statusCode).toBe(403);
    const res = await w.agents.clerk.request('POST', `${I}/${doc.id}/files`, body, headers);
    expect(res.statusCode, res.body).toBe(201);
    const detail = res.json<IncomingDetail>();
    expect(detail.files).toHaveLength(1);
    expect(detail.files[0]).toMatchObject({ mediaType: 'application/pdf', sizeBytes: content.length, sha256: createHash('sha256').update(content).digest('hex') });
    expect(detail.events.map((e) => e.kind)).toEqual(['registered', 'file']);
    expect((await w.agents.clerk.get(`${I}?q=scan`)).json<IncomingList>().items.map((i) => i.id)).toContain(doc.id);
    const file = await w.agents.leader.get(`/api/v1/documents/files/${detail.files[0]!.id}`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(content)).toBe(true);
    expect((await w.agents.otherClerk.get(`/api/v1/documents/files/${detail.files[0]!.id}`)).statusCode).toBe(403);
  });
});

describe('handling', () => {
  it('assigns with a deadline in working days (holidays skipped), notes, closes on time; state rules hold', async () => {
    at('2026-04-28T02:00:00Z'); // Tuesday 28/04 09:00
    const doc = await registerAt(w, { issuedOn: '2026-04-27' });
    expect(doc.allowedActions).toEqual(['upload']);
    const seen = (await w.agents.leader.get(`${I}/${doc.id}`)).json<IncomingDetail>();
    expect(seen.allowedActions).toEqual(['assign', 'close']);
    // The leader picks the lead person among the body's specialists and leaders (its division's too); nobody else asks.
    const candidates = (await w.agents.leader.get(`${I}/${doc.id}/lead-candidates`)).json<{ items: Array<{ id: string; units: string[] }> }>().items;
    expect(candidates.map((c) => c.id).sort()).toEqual([w.accounts.leader.user.id, w.accounts.specialist.user.id, w.accounts.divisionSpecialist.user.id].sort());
    expect(candidates.find((c) => c.id === w.accounts.divisionSpecialist.user.id)!.units).toEqual([w.division.name]);
    expect((await w.agents.clerk.get(`${I}/${doc.id}/lead-candidates`)).statusCode).toBe(403);
    expect((await w.agents.otherLeader.get(`${I}/${doc.id}/lead-candidates`)).statusCode).toBe(403);
    // The clerk may not assign; a stale version is refused.
    expect((await w.agents.clerk.post(`${I}/${doc.id}/assign`, { version: doc.version, leadUserId: w.accounts.specialist.user.id, handlingDays: 3 })).statusCode).toBe(403);
    expect((await w.agents.leader.post(`${I}/${doc.id}/assign`, { version: 99, leadUserId: w.accounts.specialist.user.id, handlingDays: 3 })).json().error.code).toBe(
      'DOCUMENT_STALE',
    );
    // A lead outside the body: 400.
    expect((await w.agents.leader.post(`${I}/${doc.id}/assign`, { version: doc.version, leadUnitId: w.other.id })).statusCode).toBe(400);
    const assigned = await ok<IncomingDetail>(w.agents.leader, `${I}/${doc.id}/assign`, {
      version: doc.version,
      leadUserId: w.accounts.specialist.user.id,
      partnerUnitIds: [w.division.id],
      handlingDays: 3,
      instruction: 'Chủ trì tham mưu văn bản trả lời.',
    });
    // Wed 29/04, (30/04, 01/05 holidays, weekend), Mon 04/05, Tue 05/05: due Tuesday 05/05 17:00.
    expect(assigned).toMatchObject({ state: 'ASSIGNED', dueAt: '2026-05-05T17:00:00+07:00', leadUser: { id: w.accounts.specialist.user.id } });
    expect(assigned.assignment).toMatchObject({ handlingDays: 3, partnerUnits: [{ id: w.division.id }] });
    expect((await w.agents.leader.post(`${I}/${doc.id}/assign`, { version: assigned.version, leadUserId: w.accounts.specialist.user.id })).json().error.code).toBe(
      'DOCUMENT_STATE',
    );
    const mine = (await w.agents.specialist.get(`${I}?assignedToMe=true`)).json<IncomingList>();
    expect(mine.items.map((i) => i.id)).toContain(doc.id);
    // The partner division's specialist notes; it may not close.
    const noted = await ok<IncomingDetail>(w.agents.divisionSpecialist, `${I}/${doc.id}/notes`, { version: assigned.version, text: 'Văn phòng đã cung cấp số liệu.' });
    expect((await w.agents.divisionSpecialist.post(`${I}/${doc.id}/close`, { version: noted.version, outcome: 'done', text: 'Xong' })).statusCode).toBe(403);
    at('2026-05-05T09:00:00Z'); // 16:00, before the due
    const done = await ok<IncomingDetail>(w.agents.specialist, `${I}/${doc.id}/close`, { version: noted.version, outcome: 'done', text: 'Đã trả lời bằng văn bản.' });
    expect(done).toMatchObject({ state: 'DONE', handledOnTime: true, outcome: 'done', allowedActions: [] });
    expect(done.events.map((e) => e.kind)).toEqual(['registered', 'assigned', 'note', 'closed']);
    expect(done.metadata).toMatchObject({ CodeNumber: '125', CodeNotation: 'UBND-VP', ArrivalNumber: done.arrivalNumber, StatusCode: 'DONE' });
    at(MONDAY_9AM);
  });

  it('a date on a holiday moves the due to the next working day; "for information" closes straight from REGISTERED', async () => {
    at(MONDAY_9AM);
    const doc = await registerAt(w);
    const assigned = await ok<IncomingDetail>(w.agents.leader, `${I}/${doc.id}/assign`, { version: doc.version, leadUnitId: w.division.id, dueOn: '2026-04-30' });
    expect(assigned.dueAt).toBe('2026-05-04T17:00:00+07:00');
    const info = await registerAt(w);
    expect((await w.agents.leader.post(`${I}/${info.id}/close`, { version: info.version, outcome: 'done', text: 'Xong' })).statusCode).toBe(400);
    const noted = await ok<IncomingDetail>(w.agents.leader, `${I}/${info.id}/close`, { version: info.version, outcome: 'noted', text: 'Để biết.' });
    expect(noted).toMatchObject({ state: 'DONE', outcome: 'noted', handledOnTime: true });
  });

  it('reminds the lead before the due and escalates to the leaders once overdue, once each', async () => {
    at(MONDAY_9AM);
    const doc = await registerAt(w);
    await ok<IncomingDetail>(w.agents.leader, `${I}/${doc.id}/assign`, { version: doc.version, leadUserId: w.accounts.specialist.user.id, handlingDays: 2 });
    const alerts = () =>
      w.t.database.db
        .select()
        .from(notificationsOutbox)
        .where(and(eq(notificationsOutbox.subjectId, doc.id), eq(notificationsOutbox.templateKey, 'documents.officer-alert')))
        .then((rows) => rows.filter((r) => !r.dedupeKey?.includes(':assigned')));
    // The lead person was told of the assignment once.
    const notices = await w.t.database.db
      .select()
      .from(notificationsOutbox)
      .where(and(eq(notificationsOutbox.subjectId, doc.id), eq(notificationsOutbox.templateKey, 'documents.officer-alert')));
    expect(notices.filter((n) => n.dedupeKey?.includes(':assigned')).length).toBe(1);
    // Due Wednesday 04/03 17:00; on Tuesday 03/03 at 17:00 one working day is left.
    at('2026-03-03T10:00:00Z');
    await remindDocuments(w.t.systemCtx());
    await remindDocuments(w.t.systemCtx());
    expect((await alerts()).length).toBe(1);
    at('2026-03-05T02:00:00Z');
    await remindDocuments(w.t.systemCtx());
    await remindDocuments(w.t.systemCtx());
    expect((await alerts()).length).toBe(2);
    const detail = (await w.agents.leader.get(`${I}/${doc.id}`)).json<IncomingDetail>();
    expect(detail.events.filter((e) => e.kind === 'reminded' || e.kind === 'escalated').map((e) => e.kind)).toEqual(['reminded', 'escalated']);
    expect(detail.overdue).toBe(true);
    expect((await w.agents.leader.get(`${I}?overdue=true`)).json<IncomingList>().items.map((i) => i.id)).toContain(doc.id);
    at(MONDAY_9AM);
  });
});
