// Outgoing documents (NĐ 30/2020/NĐ-CP Điều 13–18): the draft → review → signed → issued rules, the printed number
// ("05/QĐ-STP", công văn "15/STP-VP"), numbers without gap or duplicate under 50 concurrent issues, series and years
// counted apart (1 January in +07:00), the internal exchange (an incoming copy and a receipt per recipient unit), the
// exchange identifier, the books read back, and issueResultDocument.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { randomUUID } from 'node:crypto';
import type { IncomingDetail, OutgoingDetail } from '../../../contracts/documents/documents.contracts';
import { issueResultDocument } from './index';
import { numberSymbol, printedNumber } from './documents.numbering';
import { INCOMING_BOOK_COLUMNS, OUTGOING_BOOK_COLUMNS } from './use-cases/books';
import { createDocumentWorld, issue, MONDAY_9AM, ok, outgoingBody, registerAt, settings, signed, type DocumentWorld } from './test/factories';

let w: DocumentWorld;
beforeAll(async () => {
  w = await createDocumentWorld();
}, 120_000);
afterAll(async () => w?.t.close());

const O = '/api/v1/documents/outgoing';
const at = (iso: string) => w.t.clock.set(iso);

describe('the printed number', () => {
  it('has a leading zero below 10 and the công văn form', () => {
    expect(printedNumber(5)).toBe('05');
    expect(printedNumber(10)).toBe('10');
    expect(numberSymbol({ number: 5, typeCode: 'QD', issuer: 'STP', drafting: 'VP' })).toBe('05/QĐ-STP');
    expect(numberSymbol({ number: 15, typeCode: 'CV', issuer: 'STP', drafting: 'VP' })).toBe('15/STP-VP');
    expect(numberSymbol({ number: 3, typeCode: 'CV', issuer: 'UBND', drafting: null })).toBe('03/UBND');
    expect(numberSymbol({ number: 120, typeCode: 'TTR', issuer: 'STP', drafting: null })).toBe('120/TTr-STP');
  });
});

describe('the workflow', () => {
  it('goes draft → review → (returned) → signed → issued, each step by its role, stale and out-of-state actions refused', async () => {
    at(MONDAY_9AM);
    const draft = await ok<OutgoingDetail>(
      w.agents.divisionSpecialist,
      O,
      outgoingBody(w, { draftingUnitId: w.division.id, typeCode: 'CV', subject: 'Công văn về việc báo cáo kết quả thực hiện thủ tục hành chính' }),
      201,
    );
    expect(draft).toMatchObject({ state: 'DRAFT', allowedActions: ['edit', 'submit', 'upload'] });
    // An outsider cannot draft for the body; the clerk cannot sign; a stale version is refused.
    expect((await w.agents.otherLeader.post(O, outgoingBody(w))).statusCode).toBe(403);
    expect(
      (await w.agents.leader.post(`${O}/${draft.id}/sign`, { version: draft.version, signerName: 'A B', signerPosition: 'Giám đốc', signingPrefix: '' })).json().error.code,
    ).toBe('DOCUMENT_STATE');
    expect((await w.agents.divisionSpecialist.post(`${O}/${draft.id}/submit`, { version: 7 })).json().error.code).toBe('DOCUMENT_STALE');
    const edited = (
      await w.agents.divisionSpecialist.put(`${O}/${draft.id}`, { ...outgoingBody(w, { draftingUnitId: w.division.id, typeCode: 'CV' }), version: draft.version })
    ).json<OutgoingDetail>();
    const submitted = await ok<OutgoingDetail>(w.agents.divisionSpecialist, `${O}/${draft.id}/submit`, { version: edited.version });
    expect((await w.agents.leader.get(`${O}/${draft.id}`)).json<OutgoingDetail>().allowedActions).toEqual(['return', 'sign']);
    const returned = await ok<OutgoingDetail>(w.agents.leader, `${O}/${draft.id}/return`, { version: submitted.version, note: 'Bổ sung số liệu quý I.' });
    expect(returned).toMatchObject({ state: 'DRAFT', returnNote: 'Bổ sung số liệu quý I.' });
    const again = await ok<OutgoingDetail>(w.agents.divisionSpecialist, `${O}/${draft.id}/submit`, { version: returned.version });
    expect((await w.agents.clerk.post(`${O}/${draft.id}/sign`, { version: again.version, signerName: 'A B', signerPosition: 'Giám đốc', signingPrefix: '' })).statusCode).toBe(403);
    const sig = await ok<OutgoingDetail>(w.agents.leader, `${O}/${draft.id}/sign`, {
      version: again.version,
      signerName: 'Lê Văn Phó',
      signerPosition: 'Phó Giám đốc',
      signingPrefix: 'KT.',
    });
    expect(sig).toMatchObject({ state: 'SIGNED', signingPrefix: 'KT.', numberSymbol: null });
    expect((await w.agents.leader.post(`${O}/${draft.id}/issue`, { version: sig.version })).statusCode).toBe(403);
    const issued = await issue(w, sig);
    // Công văn: issuer – drafting unit (the division's own abbreviation), in the series chung.
    expect(issued).toMatchObject({ state: 'ISSUED', seriesKey: 'chung', year: 2026, issuedOn: '2026-03-02' });
    expect(issued.numberSymbol).toMatch(/^\d{2,}\/STP-VP$/);
    expect(issued.events.map((e) => e.kind)).toEqual(['created', 'updated', 'submitted', 'returned', 'submitted', 'signed', 'issued']);
    expect((await w.agents.clerk.post(`${O}/${draft.id}/issue`, { version: issued.version })).json().error.code).toBe('DOCUMENT_STATE');
  });

  it('numbers 50 concurrent issues of one series 1..50 without gap or duplicate; another series and the next year count apart', async () => {
    at('2026-06-01T02:00:00Z');
    await settings(w, w.other.id, 'SXD', [
      { key: 'chung', name: 'Chung', typeCodes: [] },
      { key: 'qd', name: 'Quyết định', typeCodes: ['QD'] },
    ]);
    const O2 = { unitId: w.other.id, draftingUnitId: w.other.id };
    const ready: OutgoingDetail[] = [];
    const make = async (typeCode: string) => {
      const d = await ok<OutgoingDetail>(w.agents.otherLeader, O, outgoingBody(w, { ...O2, typeCode }), 201);
      const s = await ok<OutgoingDetail>(w.agents.otherLeader, `${O}/${d.id}/submit`, { version: d.version });
      return ok<OutgoingDetail>(w.agents.otherLeader, `${O}/${d.id}/sign`, { version: s.version, signerName: 'Trần Văn Xây', signerPosition: 'Giám đốc', signingPrefix: '' });
    };
    for (let i = 0; i < 50; i++) ready.push(await make('QD'));
    const tb = await make('TB');
    const issued = await Promise.all(ready.map((d) => ok<OutgoingDetail>(w.agents.otherClerk, `${O}/${d.id}/issue`, { version: d.version })));
    expect(issued.map((d) => d.number).sort((a, b) => a! - b!)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(new Set(issued.map((d) => d.numberSymbol)).size).toBe(50);
    expect(issued.find((d) => d.number === 5)!.numberSymbol).toBe('05/QĐ-SXD');
    const notice = await ok<OutgoingDetail>(w.agents.otherClerk, `${O}/${tb.id}/issue`, { version: tb.version });
    expect(notice).toMatchObject({ seriesKey: 'chung', number: 1, numberSymbol: '01/TB-SXD' });
    // 31/12 23:59 and 01/01 00:00 in +07:00.
    const lastOfYear = await make('QD');
    const firstOfYear = await make('QD');
    at('2026-12-31T16:59:00Z');
    expect(await ok<OutgoingDetail>(w.agents.otherClerk, `${O}/${lastOfYear.id}/issue`, { version: lastOfYear.version })).toMatchObject({
      year: 2026,
      number: 51,
      issuedOn: '2026-12-31',
    });
    at('2026-12-31T17:00:00Z');
    expect(await ok<OutgoingDetail>(w.agents.otherClerk, `${O}/${firstOfYear.id}/issue`, { version: firstOfYear.version })).toMatchObject({
      year: 2027,
      number: 1,
      numberSymbol: '01/QĐ-SXD',
      issuedOn: '2027-01-01',
    });
    at(MONDAY_9AM);
  }, 120_000);
});

describe('the outgoing list', () => {
  it('finds documents without diacritics, by year, and refuses bad input changing nothing', async () => {
    at(MONDAY_9AM);
    const d = await ok<OutgoingDetail>(
      w.agents.specialist,
      O,
      outgoingBody(w, { typeCode: 'TB', subject: 'Thông báo lịch tiếp công dân tháng Ba của Sở', content: 'Giám đốc Sở tiếp công dân tại Phòng tiếp dân số 2.' }),
      201,
    );
    const list = (url: string) => w.agents.clerk.get(url).then((r) => r.json<{ items: Array<{ id: string }>; total: number }>());
    expect((await list(`${O}?q=${encodeURIComponent('thong bao lich tiep cong dan')}`)).items.map((i) => i.id)).toContain(d.id);
    // The text of the draft too, not only its summary (issue 15 item 4).
    expect((await list(`${O}?q=${encodeURIComponent('phong tiep dan so 2')}`)).items.map((i) => i.id)).toEqual([d.id]);
    expect((await list(`${O}?q=thong+bao+lich+tiep&year=2027`)).total).toBe(0);
    expect((await list(`${O}?q=thong+bao+lich+tiep&year=2026&state=DRAFT`)).items.map((i) => i.id)).toContain(d.id);
    const before = (await list(`${O}?pageSize=100`)).total;
    expect((await w.agents.specialist.post(O, outgoingBody(w, { subject: '', typeCode: 'XX' }))).statusCode).toBe(400);
    expect((await w.agents.specialist.post(O, outgoingBody(w, { draftingUnitId: w.other.id }))).statusCode).toBe(400);
    expect((await w.agents.otherLeader.post(O, outgoingBody(w, { draftingUnitId: w.other.id }))).statusCode).toBe(403);
    expect((await w.agents.specialist.post(O, outgoingBody(w, { recipients: { unitIds: [w.body.id], external: [] } }))).statusCode).toBe(400);
    const bad = await w.agents.specialist.put(`${O}/${d.id}`, { ...outgoingBody(w), unitId: undefined, version: d.version, draftingUnitId: w.ward.id });
    expect(bad.statusCode).toBe(400);
    expect((await list(`${O}?pageSize=100`)).total).toBe(before);
    expect((await w.agents.specialist.get(`${O}/${d.id}`)).json<OutgoingDetail>()).toMatchObject({ version: d.version, draftingUnit: { id: w.body.id } });
  });
});

describe('the internal exchange', () => {
  it('gives each recipient unit an incoming copy with its own arrival number, and the sender a receipt that follows it', async () => {
    at(MONDAY_9AM);
    const before = await registerAt(w, {}, w.agents.wardClerk, w.ward.id);
    const sig = await signed(w, {
      recipients: { unitIds: [w.ward.id], external: [{ name: 'Bộ Tư pháp', code: 'G04' }] },
      subject: 'Quyết định phê duyệt kế hoạch kiểm tra công tác chứng thực năm 2026',
    });
    const issued = await issue(w, sig);
    expect(issued.exchangeId).toBe(`${w.body.code},2026/03/02,${issued.numberSymbol}`);
    expect(issued.receipts).toHaveLength(1);
    const receipt = issued.receipts[0]!;
    expect(receipt).toMatchObject({ unitId: w.ward.id, state: 'received', assignedAt: null, doneAt: null });
    const copy = (await w.agents.wardLeader.get(`/api/v1/documents/incoming/${receipt.incomingId}`)).json<IncomingDetail>();
    expect(copy).toMatchObject({
      receivedVia: 'internal',
      arrivalNumber: before.arrivalNumber + 1,
      numberSymbol: issued.numberSymbol,
      senderName: w.body.name,
      state: 'REGISTERED',
      receipt: { outgoingId: issued.id, fromUnit: { id: w.body.id }, state: 'received' },
    });
    expect(copy.metadata.SignerFullName).toBe('Đỗ Thị Hương');
    const assigned = await ok<IncomingDetail>(w.agents.wardLeader, `/api/v1/documents/incoming/${copy.id}/assign`, {
      version: copy.version,
      leadUserId: w.accounts.wardLeader.user.id,
      handlingDays: 5,
    });
    expect((await w.agents.clerk.get(`${O}/${issued.id}`)).json<OutgoingDetail>().receipts[0]).toMatchObject({ state: 'assigned', assignedAt: '2026-03-02T09:00:00+07:00' });
    await ok<IncomingDetail>(w.agents.wardLeader, `/api/v1/documents/incoming/${copy.id}/close`, { version: assigned.version, outcome: 'done', text: 'Đã triển khai.' });
    expect((await w.agents.clerk.get(`${O}/${issued.id}`)).json<OutgoingDetail>().receipts[0]).toMatchObject({ state: 'done', doneAt: '2026-03-02T09:00:00+07:00' });
    // The body's own officers do not read the ward's register.
    expect((await w.agents.clerk.get(`/api/v1/documents/incoming/${copy.id}`)).statusCode).toBe(403);
  });
});

describe('the books', () => {
  const read = async (url: string, agent = w.agents.clerk) => {
    const res = await agent.get(url);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const rows: unknown[][] = [];
    for (let i = 1; i <= ws.rowCount; i++) rows.push((ws.getRow(i).values as unknown[]).slice(1));
    return rows;
  };

  it('lists the year with the Phụ lục IV columns, in number order', async () => {
    at(MONDAY_9AM);
    const a = await registerAt(w, { subject: 'Văn bản đến thứ nhất của sổ năm 2026' });
    const incoming = await read(`/api/v1/documents/books/incoming.xlsx?unitId=${w.body.id}&year=2026`);
    expect(incoming[2]).toEqual([...INCOMING_BOOK_COLUMNS]);
    const body = incoming.slice(4);
    const numbers = body.map((r) => r[1] as number);
    expect(numbers).toEqual([...numbers].sort((x, y) => x - y));
    const rowA = body.find((r) => r[1] === a.arrivalNumber)!;
    expect(rowA).toEqual([
      '02/03/2026',
      a.arrivalNumber,
      'Ủy ban nhân dân tỉnh Thanh Hóa',
      '125/UBND-VP',
      '27/02/2026',
      'Công văn: Văn bản đến thứ nhất của sổ năm 2026',
      '',
      '',
      '',
      'Bản giấy',
    ]);
    const outgoing = await read(`/api/v1/documents/books/outgoing.xlsx?unitId=${w.body.id}&year=2026`);
    expect(outgoing[2]).toEqual([...OUTGOING_BOOK_COLUMNS]);
    expect(outgoing.slice(4).length).toBeGreaterThanOrEqual(2);
    expect(outgoing.slice(4).some((r) => r[0] && String(r[3]).includes('Đỗ Thị Hương'))).toBe(true);
    expect((await w.agents.otherClerk.get(`/api/v1/documents/books/incoming.xlsx?unitId=${w.body.id}&year=2026`)).statusCode).toBe(403);
  });

  it('counts the indicators', async () => {
    const res = await w.agents.leader.get(`/api/v1/documents/indicators?unitId=${w.body.id}&from=2026-01-01&to=2026-12-31`);
    expect(res.statusCode).toBe(200);
    const n = res.json();
    expect(n.incoming.received).toBeGreaterThan(0);
    expect(n.outgoing.issued).toBeGreaterThanOrEqual(2);
  });
});

describe('issueResultDocument', () => {
  it("issues a dossier's result with the next number of the unit's series", async () => {
    at('2026-03-03T02:00:00Z');
    const ref = await issueResultDocument(w.t.systemCtx(), {
      unitId: w.body.id,
      typeCode: 'QD',
      subject: 'Quyết định cấp phiếu lý lịch tư pháp số 1',
      signerName: 'Đỗ Thị Hương',
      signerPosition: 'Giám đốc',
      signingPrefix: '',
      dossierId: randomUUID(),
    });
    expect(ref.issuedOn).toBe('2026-03-03');
    expect(ref.numberSymbol).toMatch(/^\d{2,}\/QĐ-STP$/);
    const next = await issueResultDocument(w.t.systemCtx(), {
      unitId: w.body.id,
      typeCode: 'QD',
      subject: 'Quyết định cấp phiếu lý lịch tư pháp số 2',
      signerName: 'Đỗ Thị Hương',
      signerPosition: 'Giám đốc',
      signingPrefix: '',
      dossierId: randomUUID(),
    });
    expect(Number(next.numberSymbol.split('/')[0])).toBe(Number(ref.numberSymbol.split('/')[0]) + 1);
    const detail = (await w.agents.clerk.get(`${O}/${ref.id}`)).json<OutgoingDetail>();
    expect(detail).toMatchObject({ state: 'ISSUED', seriesKey: 'qd', dossierId: expect.any(String) });
    at(MONDAY_9AM);
  });
});
