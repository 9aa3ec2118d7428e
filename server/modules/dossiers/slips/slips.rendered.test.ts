// The slips of real dossiers, produced through the API and read back from the rendered files: rows and columns by
// text position (pdftotext -bbox), numbers the same on screen and on paper, headings naming the real bodies.
import ExcelJS from 'exceljs';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../../platform/audit/audit.tables';
import type { DossierDetail } from '../../../../contracts/dossiers/dossiers.contracts';
import { dossierSlipIssuances } from '../dossiers.tables';
import { createTestApp, type TestApp, type TestAgent } from '../../../test/test-app';
import { createOfficer, createOrgUnit, loginAs } from '../../identity/test/factories';
import type { OrgUnitRow } from '../../identity';
import { TRACKING_BOOK_FIRST_DATA_ROW } from './tracking-book';
import { DOSSIER_TEST_ENV, createDossierWorld, intakeBody, publishProcedure, receive, step, type DossierWorld } from '../test/factories';
import { findPhrase, flatText, pdfText, pdfWords, readingText, tableByPosition } from './test/pdf-tools';

// Each journey renders several PDFs and reads them back with poppler: slow on PGlite and a loaded machine.
const SLOW = { timeout: 180_000 };

let t: TestApp;
let w: DossierWorld;
/** A ward (people's committee) with its own service centre, handling its own procedure. */
let ward: { unit: OrgUnitRow; centre: OrgUnitRow; reception: TestAgent; leader: TestAgent; specialist: TestAgent; procedureCode: string };

beforeAll(async () => {
  t = await createTestApp({ env: DOSSIER_TEST_ENV });
  w = await createDossierWorld(t);
  const db = t.database.db;
  const unit = await createOrgUnit(db, { parent: w.province, kind: 'commune', name: 'Phường Hạc Thành' + ' '.repeat(0) });
  const centre = await createOrgUnit(db, { parent: unit, kind: 'service-center', name: 'Trung tâm Phục vụ hành chính công phường Hạc Thành', shortName: 'TTPVHCC' });
  ward = {
    unit,
    centre,
    reception: await loginAs(t.app, await createOfficer(db, 'reception-officer', centre)),
    leader: await loginAs(t.app, await createOfficer(db, 'leader', unit)),
    specialist: await loginAs(t.app, await createOfficer(db, 'specialist', unit)),
    procedureCode: await publishProcedure(t, [unit.id]),
  };
});
afterAll(async () => t?.close());

const pdfOf = async (agent: TestAgent, url: string): Promise<Buffer> => {
  const res = await agent.get(url);
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return res.rawPayload;
};
const name = (k: keyof DossierWorld['accounts']) => w.accounts[k].user.displayName;
/** The numbers the detail lists for each slip. */
const slipRefs = (d: DossierDetail) => Object.fromEntries(d.slips.map((s) => [s.slip, s.reference]));
const upper = (s: string) => s.toLocaleUpperCase('vi');

/** The heading's left column (issuer) and the number line, read by position: everything left of the national motto. */
function headingOf(pdf: Buffer): { issuer: string; number: string } {
  const words = pdfWords(pdf).filter((x) => x.page === 1);
  const motto = words.find((x) => x.text === 'CỘNG')!;
  const numberWord = words.find((x) => x.text === 'Số:' && x.x < motto.x)!;
  // Below the form label in the top margin, left of the national motto, above the number line.
  const left = words.filter((x) => x.xMax < motto.x && x.y > motto.y - 2 && x.y < numberWord.y - 1);
  const number = words.filter((x) => x.xMax < motto.x && Math.abs(x.y - numberWord.y) < 2);
  return { issuer: readingText(left), number: readingText(number) };
}

describe('Mẫu 06 of a dossier that went through a supplement and an inter-agency transfer', () => {
  it('has one row per hand-over: who gave it out of each step, who received it, the note of that hand-over', SLOW, async () => {
    t.clock.set('2026-03-02T02:00:00Z');
    let d = await receive(w, { note: 'Ghi chú khi tiếp nhận' });
    t.clock.set('2026-03-02T03:00:00Z');
    d = await step(w.agents.reception, d, { transition: 'forward', note: 'Chuyển thẩm định' });
    t.clock.set('2026-03-03T02:00:00Z');
    d = (await w.agents.leader.post(`/api/v1/dossiers/${d.id}/apology`, { expectedVersion: d.version, reason: 'Cần xác minh thêm', newDueAt: '2026-03-13T17:00:00+07:00' })).json();
    t.clock.set('2026-03-03T03:00:00Z');
    d = await step(w.agents.specialist, d, { transition: 'request-supplement', items: ['Bản sao giấy khai sinh'], reason: 'Thiếu giấy khai sinh' });
    t.clock.set('2026-03-04T02:00:00Z');
    d = await step(w.agents.reception, d, { transition: 'receive-supplement', note: 'Đã nhận đủ bản sao' });
    t.clock.set('2026-03-04T04:00:00Z');
    d = await step(w.agents.specialist, d, { transition: 'transfer', toUnitId: w.partner.id, budgetMinutes: 480, note: 'Xin ý kiến về lệ phí' });
    t.clock.set('2026-03-05T02:00:00Z');
    d = await step(w.agents.partnerSpecialist, d, { transition: 'transfer-back', note: 'Đồng ý mức thu' });
    t.clock.set('2026-03-05T03:00:00Z');
    d = await step(w.agents.specialist, d, { transition: 'forward', note: 'Trình phê duyệt' });
    t.clock.set('2026-03-05T07:00:00Z');
    d = await step(w.agents.leader, d, { transition: 'approve', note: 'Đã ký' });
    t.clock.set('2026-03-06T02:00:00Z');
    d = await step(w.agents.reception, d, { transition: 'return-result', method: 'desk', receivedBy: 'Nguyễn Văn An', note: 'Trả tại quầy' });

    const pdf = await pdfOf(w.agents.reception, `/api/v1/dossiers/${d.id}/slips/control`);
    const rows = tableByPosition(pdf, {
      headers: ['Tên đơn vị', 'Thời gian giao nhận hồ sơ', 'Kết quả giải quyết', 'Ghi chú'],
      rowStart: '1. Giao:',
      endPhrase: 'Ghi chú:',
    });
    const centre = w.centre.name;
    const dept = w.dept.name;
    const partner = w.partner.name;
    const expected: Array<[from: string, to: string, time: string, giver: string, receiver: string, note: string]> = [
      [centre, dept, '10 giờ 00 phút, ngày 02/03/2026', name('reception'), name('specialist'), 'Chuyển thẩm định'],
      [dept, centre, '10 giờ 00 phút, ngày 03/03/2026', name('specialist'), name('reception'), 'Thiếu giấy khai sinh'],
      [centre, dept, '9 giờ 00 phút, ngày 04/03/2026', name('reception'), name('specialist'), 'Đã nhận đủ bản sao'],
      [dept, partner, '11 giờ 00 phút, ngày 04/03/2026', name('specialist'), name('partnerSpecialist'), 'Xin ý kiến về lệ phí'],
      [partner, dept, '9 giờ 00 phút, ngày 05/03/2026', name('partnerSpecialist'), name('specialist'), 'Đồng ý mức thu'],
      [dept, dept, '10 giờ 00 phút, ngày 05/03/2026', name('specialist'), name('leader'), 'Trình phê duyệt'],
      [dept, centre, '14 giờ 00 phút, ngày 05/03/2026', name('leader'), name('reception'), 'Đã ký'],
      [centre, 'Người nhận kết quả: Nguyễn Văn An', '9 giờ 00 phút, ngày 06/03/2026', name('reception'), 'Nguyễn Văn An', 'Trả tại quầy'],
    ];
    expect(rows).toHaveLength(expected.length);
    expected.forEach(([from, to, time, giver, receiver, note], i) => {
      const [units, when, , remark] = rows[i]!;
      expect(units, `row ${i + 1}`).toBe(`1. Giao: ${from} 2. Nhận: ${to} Người giao ${giver}`);
      expect(when, `row ${i + 1}`).toBe(`${time} Người nhận ${receiver}`);
      expect(remark, `row ${i + 1}`).toBe(note);
    });
    // The step left at a hand-over that ends it is judged; a transfer out does not end the step.
    expect(rows[0]![2]).toMatch(/^(Trước hạn|Đúng hạn|Quá hạn)$/);
    expect(rows[3]![2]).toBe('');
    expect(rows[4]![2]).toMatch(/^(Trước hạn|Đúng hạn|Quá hạn)$/);
    const flat = flatText(pdf);
    expect(flat).toContain('Hẹn trả kết quả vào:');
    expect(flat).toMatch(/Gia hạn trả kết quả đến: \d+ giờ \d{2} phút, ngày \d{2}\/03\/2026 \(theo Văn bản xin lỗi và đề nghị gia hạn số \d{2}\/PXL-/);
    expect(flat).toContain(`Cơ quan phối hợp giải quyết hồ sơ: ${partner}`);
  });
});

describe('slip numbers and headings', () => {
  it('numbers Mẫu 06, Mẫu 05 and Mẫu 02 during handling per issuer and year when their act happens: on screen before any print, the same on every print', SLOW, async () => {
    t.clock.set('2026-04-06T02:00:00Z');
    let a = await receive(w, { procedureCode: ward.procedureCode, receivingUnitId: ward.centre.id }, ward.reception);
    let b = await receive(w, { procedureCode: ward.procedureCode, receivingUnitId: ward.centre.id }, ward.reception);
    // Mẫu 06 is numbered at reception (D14): the detail lists it with its number before anyone prints it.
    expect(slipRefs(a)).toEqual({ receipt: `${String(a.book.seq).padStart(2, '0')}/TTPVHCC`, control: '01/PKS-TTPVHCC' });
    expect(slipRefs(b).control).toBe('02/PKS-TTPVHCC');
    const controlA = headingOf(await pdfOf(ward.reception, `/api/v1/dossiers/${a.id}/slips/control`)).number;
    const controlB = headingOf(await pdfOf(ward.reception, `/api/v1/dossiers/${b.id}/slips/control`)).number;
    expect(controlA).toBe('Số: 01/PKS-TTPVHCC');
    expect(controlB).toBe('Số: 02/PKS-TTPVHCC');
    expect(headingOf(await pdfOf(ward.reception, `/api/v1/dossiers/${a.id}/slips/control`)).number).toBe(controlA);
    expect(headingOf(await pdfOf(ward.reception, `/api/v1/dossiers/${a.id}/slips/receipt`)).number).toBe(`Số: ${slipRefs(a).receipt}`);

    // A desk guide and a supplement request during handling share the desk's Mẫu 02 series.
    const guide = (
      await ward.reception.post(
        '/api/v1/dossiers/intake',
        intakeBody(w, { procedureCode: ward.procedureCode, receivingUnitId: ward.centre.id, decision: 'guide', missingItems: ['Tờ khai'], reasons: 'Thiếu tờ khai' }),
      )
    ).json();
    expect(guide.intakeDecision.referenceNumber).toBe('01/PBS-TTPVHCC');
    expect(guide.intakeDecision.statusCode).toBeNull();
    const guidePdf = await pdfOf(ward.reception, `/api/v1/dossiers/intake-decisions/${guide.intakeDecision.id}/slip`);
    expect(headingOf(guidePdf).number).toBe(`Số: ${guide.intakeDecision.referenceNumber}`);
    a = await step(ward.reception, a, { transition: 'forward' });
    a = await step(ward.specialist, a, { transition: 'request-supplement', items: ['Bản sao giấy khai sinh'], reason: 'Thiếu giấy tờ' });
    // Numbered when it is asked for, in the desk's Mẫu 02 series; the transition's own answer already shows it.
    expect(slipRefs(a)['supplement-request']).toBe('02/PBS-TTPVHCC');
    expect(a.supplementRequests.map((r) => r.reference)).toEqual(['02/PBS-TTPVHCC']);
    const supplement = await pdfOf(ward.reception, `/api/v1/dossiers/${a.id}/slips/supplement-request`);
    expect(headingOf(supplement).number).toBe('Số: 02/PBS-TTPVHCC');
    expect(headingOf(await pdfOf(ward.reception, `/api/v1/dossiers/${a.id}/slips/supplement-request`)).number).toBe('Số: 02/PBS-TTPVHCC');

    // Mẫu 04 and Mẫu 05 of a ward are the people's committee's, under its own symbol and heading.
    b = await step(ward.reception, b, { transition: 'forward' });
    b = (await ward.leader.post(`/api/v1/dossiers/${b.id}/apology`, { expectedVersion: b.version, reason: 'Cần xác minh', newDueAt: '2026-04-20T17:00:00+07:00' })).json();
    expect(b.apology!.referenceNumber).toBe('01/PXL-UBND');
    const apology = await pdfOf(ward.leader, `/api/v1/dossiers/${b.id}/slips/apology`);
    expect(headingOf(apology)).toEqual({ issuer: 'ỦY BAN NHÂN DÂN PHƯỜNG HẠC THÀNH', number: 'Số: 01/PXL-UBND' });
    expect(pdfText(apology)).toMatch(/THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ/);
    b = await step(ward.leader, b, { transition: 'stop', reason: 'Người nộp đề nghị dừng' });
    expect(slipRefs(b)).toMatchObject({ apology: '01/PXL-UBND', 'stop-notice': '01/TB-UBND', control: '02/PKS-TTPVHCC' });
    const stopAudit = await t.database.db
      .select({ after: auditEvents.after })
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, b.id), eq(auditEvents.action, 'dossiers.transition.stop')));
    expect(stopAudit.map((e) => (e.after as { slip?: unknown }).slip)).toEqual([{ form: 'stopNotice', reference: '01/TB-UBND' }]);
    const stop = await pdfOf(ward.leader, `/api/v1/dossiers/${b.id}/slips/stop-notice`);
    expect(headingOf(stop)).toEqual({ issuer: 'ỦY BAN NHÂN DÂN PHƯỜNG HẠC THÀNH', number: 'Số: 01/TB-UBND' });
    expect(pdfText(stop)).toMatch(/THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ/);
    expect(headingOf(await pdfOf(ward.leader, `/api/v1/dossiers/${b.id}/slips/stop-notice`)).number).toBe('Số: 01/TB-UBND');

    // The ward's centre stands under the ward's people's committee.
    expect(headingOf(supplement).issuer).toBe('ỦY BAN NHÂN DÂN PHƯỜNG HẠC THÀNH TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG PHƯỜNG HẠC THÀNH');
    // Nothing printed took another number.
    const detail = async (d: DossierDetail) => (await ward.reception.get(`/api/v1/dossiers/${d.id}`)).json<DossierDetail>();
    expect(slipRefs(await detail(a))).toEqual(slipRefs(a));
    expect(slipRefs(await detail(b))).toEqual(slipRefs(b));
  });

  it('numbers the slips of a dossier received before they were numbered with their act at its first print, then keeps it', SLOW, async () => {
    t.clock.set('2026-04-08T02:00:00Z');
    let d = await receive(w, { procedureCode: ward.procedureCode, receivingUnitId: ward.centre.id }, ward.reception);
    d = await step(ward.reception, d, { transition: 'forward' });
    d = await step(ward.leader, d, { transition: 'stop', reason: 'Người nộp đề nghị dừng' });
    // Such a dossier has no issuance rows: its numbers were taken at the first print.
    await t.database.db.delete(dossierSlipIssuances).where(eq(dossierSlipIssuances.dossierId, d.id));
    const before = (await ward.reception.get(`/api/v1/dossiers/${d.id}`)).json<DossierDetail>();
    expect(before.slips.filter((s) => s.reference === null).map((s) => s.slip)).toEqual(['stop-notice', 'control']);
    const control = headingOf(await pdfOf(ward.reception, `/api/v1/dossiers/${d.id}/slips/control`)).number;
    const stop = headingOf(await pdfOf(ward.leader, `/api/v1/dossiers/${d.id}/slips/stop-notice`)).number;
    expect(control).toMatch(/^Số: \d{2,}\/PKS-TTPVHCC$/);
    expect(stop).toMatch(/^Số: \d{2,}\/TB-UBND$/);
    const after = (await ward.reception.get(`/api/v1/dossiers/${d.id}`)).json<DossierDetail>();
    expect(slipRefs(after)).toMatchObject({ control: control.slice(4), 'stop-notice': stop.slice(4) });
    expect(headingOf(await pdfOf(ward.reception, `/api/v1/dossiers/${d.id}/slips/control`)).number).toBe(control);
  });

  it('puts the provincial centre under the office of the provincial committee and numbers the refusal as the API says', SLOW, async () => {
    t.clock.set('2026-04-07T02:00:00Z');
    const refused = (await w.agents.reception.post('/api/v1/dossiers/intake', intakeBody(w, { decision: 'refuse', reasons: 'Không thuộc thẩm quyền' }))).json();
    expect(refused.intakeDecision.referenceNumber).toMatch(/^\d{2,}\/PTC-TTPVHCC$/);
    expect(refused.intakeDecision.statusCode).toBe(3);
    const pdf = await pdfOf(w.agents.reception, `/api/v1/dossiers/intake-decisions/${refused.intakeDecision.id}/slip`);
    const province = w.province.name.replace(/^(Tỉnh|Thành phố) /, (m) => m.toLowerCase());
    expect(headingOf(pdf)).toEqual({
      issuer: upper(`Văn phòng Ủy ban nhân dân ${province} ${w.centre.name}`),
      number: `Số: ${refused.intakeDecision.referenceNumber}`,
    });
  });
});

describe('Mẫu 01 and Mẫu 07', () => {
  it('prints every field of §4.2 with its value, the authorised person, certified copies and the fee', SLOW, async () => {
    t.clock.set('2026-05-04T02:15:00Z');
    const d = await receive(w, {
      applicant: {
        kind: 'organisation',
        name: 'Công ty TNHH Đức Hạnh',
        idNumber: '2801234567',
        phone: '0237385211',
        email: 'lienhe@duchanh.vn',
        address: 'Số 5 Lê Lợi, Phường Hạc Thành',
      },
      submitter: {
        name: 'Trần Quốc Việt',
        idNumber: '038190054321',
        phone: '0987654321',
        email: 'viet.tq@example.vn',
        address: 'Thôn Ngọc Trạo',
        authorisationDocument: 'Giấy ủy quyền số 12/GUQ ngày 20/04/2026',
      },
      checklist: [
        { name: 'Tờ khai theo mẫu', originals: 1, copies: 0 },
        { name: 'Giấy chứng nhận đăng ký doanh nghiệp', originals: 0, certifiedCopies: 2, copies: 1 },
      ],
      feeVnd: 50000,
      feePaymentMethod: 'bank-transfer',
    });
    const pdf = await pdfOf(w.agents.reception, `/api/v1/dossiers/${d.id}/slips/receipt`);
    const flat = flatText(pdf);
    const detail = (await w.agents.reception.get(`/api/v1/dossiers/${d.id}`)).json();
    // A national code always carries its national name (§3.2); the desk's own wording is apart.
    expect(detail).toMatchObject({ statusCode: 2, statusText: 'Được tiếp nhận', stateText: 'Đã tiếp nhận' });
    expect(headingOf(pdf).number).toBe(`Số: ${String(detail.book.seq).padStart(2, '0')}/TTPVHCC`);
    for (const line of [
      `Mã hồ sơ: ${d.code}`,
      `${w.centre.name}:`,
      'Tiếp nhận hồ sơ của Tổ chức: Công ty TNHH Đức Hạnh',
      'Số định danh tổ chức: 2801234567',
      'Địa chỉ: Số 5 Lê Lợi, Phường Hạc Thành',
      'Số điện thoại: 0237385211',
      'Email: lienhe@duchanh.vn',
      'Người được ủy quyền: Trần Quốc Việt; Số định danh cá nhân: 038190054321',
      'Địa chỉ: Thôn Ngọc Trạo',
      'Số điện thoại: 0987654321',
      'Email: viet.tq@example.vn',
      'Giấy tờ ủy quyền: Giấy ủy quyền số 12/GUQ ngày 20/04/2026',
      `Nội dung yêu cầu giải quyết: ${d.procedure.name}`,
      'Số lượng hồ sơ: 01 (bộ)',
      'Thời gian giải quyết hồ sơ theo quy định là: 05 ngày làm việc',
      'Thời gian nhận hồ sơ: 9 giờ 15 phút, ngày 04/05/2026',
      'Thời gian trả kết quả giải quyết hồ sơ: ',
      'Hình thức thu phí, lệ phí: Thu trước (đã thu 50.000 đồng)',
      'Phương thức nộp phí, lệ phí: Chuyển khoản',
      `Đăng ký nhận kết quả tại: ${w.centre.name}`,
      `Vào Sổ theo dõi hồ sơ, Quyển số: 2026, Số thứ tự: ${detail.book.seq}`,
    ]) {
      expect(flat).toContain(line);
    }
    // The documents table by position: certified copies in their own column.
    const rows = tableByPosition(pdf, { headers: ['TT', 'Tên', 'Bản', 'Bản', 'Bản'], rowStart: '2', endPhrase: 'Số lượng hồ sơ:' });
    expect(rows[0]).toEqual(['2', 'Giấy chứng nhận đăng ký doanh nghiệp', '', '2', '1']);
    // The payment method by position: its own line right under the fee line, at the same left edge, before the delivery.
    const words = pdfWords(pdf);
    const fee = findPhrase(words, 'Hình thức thu phí, lệ phí:').word;
    const method = findPhrase(words, 'Phương thức nộp phí, lệ phí:');
    const delivery = findPhrase(words, 'Đăng ký nhận kết quả tại:').word;
    expect(method.word.page).toBe(fee.page);
    expect(Math.abs(method.word.x - fee.x)).toBeLessThan(0.5);
    expect(method.word.y).toBeGreaterThan(fee.yMax);
    expect(method.word.y - fee.y).toBeLessThan(2 * (fee.yMax - fee.y));
    expect(delivery.y).toBeGreaterThan(method.word.yMax);
    expect(readingText(words.filter((x) => x.page === method.word.page && Math.abs(x.y - method.word.y) < 2))).toBe('Phương thức nộp phí, lệ phí: Chuyển khoản');
    expect(pdfText(pdf)).toMatch(/Trần Quốc Việt\s+.+/);
  });

  it("gives each dossier in the book the receipt's Số thứ tự, across an export that starts in the middle of the year", SLOW, async () => {
    const centre = await createOrgUnit(t.database.db, { parent: w.province, kind: 'service-center', name: 'Trung tâm Phục vụ hành chính công số hai' });
    const reception = await loginAs(t.app, await createOfficer(t.database.db, 'reception-officer', centre));
    const at = (iso: string) => receive(w, { receivingUnitId: centre.id }, reception).then((d) => (t.clock.set(iso), d));
    t.clock.set('2026-02-02T02:00:00Z');
    await at('2026-02-03T02:00:00Z');
    await at('2026-06-15T02:00:00Z');
    const june = await at('2026-06-16T02:00:00Z');
    const june2 = await at('2026-06-17T02:00:00Z');
    const receiptSeq = async (id: string) => /Số thứ tự: (\d+)/.exec(flatText(await pdfOf(reception, `/api/v1/dossiers/${id}/slips/receipt`)))![1];
    const res = await reception.get(`/api/v1/dossiers/tracking-book?receivingUnitId=${centre.id}&from=2026-06-01&to=2026-06-30`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const r = TRACKING_BOOK_FIRST_DATA_ROW;
    const book = [0, 1].map((i) => ({ stt: String(ws.getCell(`A${r + i}`).value as number), code: ws.getCell(`B${r + i}`).value }));
    expect(book).toEqual([
      { stt: await receiptSeq(june.id), code: june.code },
      { stt: await receiptSeq(june2.id), code: june2.code },
    ]);
    // Received 02/02, 03/02, 15/06, 16/06: the first dossier of the June export is the book's third entry.
    expect(book[0]!.stt).toBe('3');
    expect(ws.getCell('A4').value).toBe('Số: 01/STD-TTPVHCC');
  });
});
