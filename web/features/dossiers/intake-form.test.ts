import { describe, expect, it } from 'vitest';
import type { ProcessingTime, PublicProcedure } from '../catalog/catalog.types';
import { feeForChannel, initialChecklist, missingDocuments, needsDuration, nothingKept, tickRow, toIntakeRequest, type IntakeFormValues } from './intake-form';

const time = (channel: ProcessingTime['channel'], readable: boolean): ProcessingTime => ({
  channel,
  amount: readable ? 3 : null,
  unit: readable ? 'working-days' : null,
  raw: readable ? '03 ngày làm việc' : 'Không có thông tin',
  readable,
  issue: readable ? null : 'no-information',
  alternatives: [],
});

describe('the catalog decides what the desk must state', () => {
  it('asks for a duration only when the channel’s time (or the any-channel one) cannot be computed', () => {
    expect(needsDuration({ processingTimes: [time('any', true)] }, 'direct')).toBe(false);
    expect(needsDuration({ processingTimes: [time('any', true), time('post', false)] }, 'post')).toBe(true);
    expect(needsDuration({ processingTimes: [time('online', true)] }, 'direct')).toBe(true);
    expect(needsDuration({ processingTimes: [] }, 'direct')).toBe(true);
  });

  it('takes the channel’s fee, else the any-channel one, else 0', () => {
    const fees = [
      { channel: 'any' as const, amountVnd: 10000, text: null, note: null },
      { channel: 'online' as const, amountVnd: 5000, text: null, note: null },
      { channel: 'post' as const, amountVnd: null, text: '10 USD', note: null },
    ];
    expect(feeForChannel(fees, 'online')).toBe(5000);
    expect(feeForChannel(fees, 'direct')).toBe(10000);
    expect(feeForChannel(fees, 'post')).toBe(10000);
    expect(feeForChannel([], 'direct')).toBe(0);
  });
});

describe('toIntakeRequest', () => {
  const procedure = {
    requiredDocuments: [
      { name: 'Tờ khai', originals: 1, copies: null, case: null, note: null, template: null, group: null },
      { name: 'Bản sao giấy tờ tùy thân', originals: null, copies: 1, case: 'Nếu ủy quyền', note: null, template: null, group: null },
    ],
  } as Pick<PublicProcedure, 'requiredDocuments'>;

  const values = (over: Partial<IntakeFormValues> = {}): IntakeFormValues => ({
    applicant: { kind: 'person', name: '  Nguyễn Văn An ', idNumber: '038090001234', phone: '', email: ' an@example.vn ' },
    checklist: initialChecklist(procedure).map((r, i) => ({ ...r, included: i === 0 })),
    feeVnd: 15000,
    channel: 'direct',
    resultDelivery: 'desk',
    duration: { amount: 5, unit: 'working-days' },
    ...over,
  });

  it('starts the checklist unticked with the published counts', () => {
    expect(initialChecklist(procedure)).toEqual([
      { name: 'Tờ khai', note: null, included: false, originals: 1, certifiedCopies: 0, copies: 0, group: null, kind: 'required' },
      { name: 'Bản sao giấy tờ tùy thân', note: 'Nếu ủy quyền', included: false, originals: 1, certifiedCopies: 0, copies: 1, group: null, kind: 'required' },
    ]);
  });

  it('sends the authorised person only when the box is ticked and a name is given', () => {
    const submitter = { name: ' Phạm Văn Nộp ', idNumber: '038085003333', authorisationDocument: ' Giấy ủy quyền số 12/GUQ ', phone: '' };
    expect(toIntakeRequest('1.004837', values({ submitter: { ...submitter, authorised: true } }), 'accept', false).submitter).toEqual({
      name: 'Phạm Văn Nộp',
      idNumber: '038085003333',
      phone: null,
      email: null,
      address: null,
      authorisationDocument: 'Giấy ủy quyền số 12/GUQ',
    });
    expect(toIntakeRequest('1.004837', values({ submitter: { ...submitter, authorised: false } }), 'accept', false).submitter).toBeUndefined();
    expect(toIntakeRequest('1.004837', values({ submitter: { authorised: true, name: ' ' } }), 'accept', false).submitter).toBeUndefined();
  });

  it('sends only ticked documents, trims the applicant and leaves the duration out unless asked', () => {
    const req = toIntakeRequest('1.004837', values(), 'accept', false);
    expect(req.checklist).toEqual([{ name: 'Tờ khai', originals: 1, certifiedCopies: 0, copies: 0 }]);
    expect(req.applicant).toEqual({ kind: 'person', name: 'Nguyễn Văn An', idNumber: '038090001234', phone: null, email: 'an@example.vn', address: null, notifyChannels: null });
    expect(req.duration).toBeUndefined();
    expect(req.decision).toBe('accept');
    // Each decision sends only its own fields: an accept carries no missing items nor reasons (issue 8 item 12).
    expect(req).not.toHaveProperty('missingItems');
    expect(req).not.toHaveProperty('reasons');
    expect(toIntakeRequest('X', values(), 'accept', true).duration).toEqual({ amount: 5, unit: 'working-days' });
  });

  it("sends the applicant's notification channels when some are ticked, none (every channel) otherwise", () => {
    const applicant = values().applicant;
    expect(toIntakeRequest('X', values({ applicant: { ...applicant, notifyChannels: ['sms', 'zalo'] } }), 'accept', false).applicant.notifyChannels).toEqual(['sms', 'zalo']);
    expect(toIntakeRequest('X', values({ applicant: { ...applicant, notifyChannels: [] } }), 'accept', false).applicant.notifyChannels).toBeNull();
  });

  it('sends the certified copies counted at the desk, and how the fee was paid only when one was taken', () => {
    const checklist = values().checklist.map((r, i) => (i === 0 ? { ...r, certifiedCopies: 2 } : r));
    const paid = toIntakeRequest('X', values({ checklist, feePaymentMethod: 'bank-transfer' }), 'accept', false);
    expect(paid.checklist).toEqual([{ name: 'Tờ khai', originals: 1, certifiedCopies: 2, copies: 0 }]);
    expect(paid).toMatchObject({ feeVnd: 15000, feePaymentMethod: 'bank-transfer' });
    // Asked for but not chosen: sent empty, so the server's translated "choose how it was paid" lands on the field.
    expect(toIntakeRequest('X', values(), 'accept', false).feePaymentMethod).toBeNull();
    // A method left over from an earlier fee is not sent once the fee is 0.
    expect(toIntakeRequest('X', values({ feeVnd: 0, feePaymentMethod: 'cash' }), 'accept', false)).not.toHaveProperty('feePaymentMethod');
    expect(toIntakeRequest('X', values({ feePaymentMethod: 'cash' }), 'guide', false, { reasons: 'Thiếu' })).not.toHaveProperty('feePaymentMethod');
  });

  it('turns the guide dialog into missing items and reasons', () => {
    const req = toIntakeRequest('X', values(), 'guide', false, { missingItems: 'Bản sao giấy tờ tùy thân\n\nẢnh 4x6', reasons: ' Thiếu giấy tờ ' });
    expect(req.missingItems).toEqual(['Bản sao giấy tờ tùy thân', 'Ảnh 4x6']);
    expect(req.reasons).toBe('Thiếu giấy tờ');
    expect(missingDocuments(values().checklist)).toEqual(['Bản sao giấy tờ tùy thân']);
  });
});

describe('document groups at the desk (issue 9 item 7)', () => {
  const doc = (name: string, group: string | null) => ({ name, originals: 1, copies: 0, case: null, note: null, template: null, group });
  const birth = {
    requiredDocuments: [
      doc('Tờ khai đăng ký khai sinh', 'form'),
      doc('Mẫu hộ tịch điện tử tương tác', 'form'),
      doc('Biên bản trẻ bị bỏ rơi', 'c1'),
      doc('Văn bản xác nhận mang thai hộ', 'c2'),
      doc('Giấy chứng sinh', null),
      doc('Giấy tờ tùy thân', 'present'),
    ],
    documentGroups: [
      { key: 'form', kind: 'one-of' as const, label: null, condition: null },
      { key: 'c1', kind: 'conditional' as const, label: null, condition: 'Trường hợp trẻ em bị bỏ rơi' },
      { key: 'c2', kind: 'conditional' as const, label: null, condition: 'Trường hợp mang thai hộ' },
      { key: 'present', kind: 'to-present' as const, label: 'Giấy tờ phải xuất trình', condition: null },
    ],
  };
  const rows = initialChecklist(birth);

  it('ticking one alternative unticks the other', () => {
    const one = tickRow(rows, 0, true);
    const other = tickRow(one, 1, true);
    expect(other.slice(0, 2).map((r) => r.included)).toEqual([false, true]);
  });

  it('a guide (Mẫu 02) never asks a parent for abandonment or surrogacy papers, and asks for the form once', () => {
    expect(missingDocuments(rows)).toEqual(['Tờ khai đăng ký khai sinh hoặc Mẫu hộ tịch điện tử tương tác', 'Giấy chứng sinh', 'Giấy tờ tùy thân']);
    expect(missingDocuments(rows, ['c2'])).toContain('Văn bản xác nhận mang thai hộ');
    expect(missingDocuments(tickRow(rows, 1, true))).toEqual(['Giấy chứng sinh', 'Giấy tờ tùy thân']);
  });

  it('sends papers shown as presented, the applying cases, and nothing of a case that does not apply', () => {
    let r = tickRow(rows, 0, true);
    r = tickRow(r, 2, true); // ticked, but its case is not marked as applying
    r = tickRow(r, 5, true);
    const base = { applicant: { kind: 'person' as const, name: 'A', idNumber: '038090001234' }, channel: 'direct' as const, resultDelivery: 'desk' as const };
    const req = toIntakeRequest('1.001193', { ...base, checklist: r }, 'accept', false);
    expect(req.checklist).toEqual([
      { name: 'Tờ khai đăng ký khai sinh', originals: 1, certifiedCopies: 0, copies: 0 },
      { name: 'Giấy tờ tùy thân', originals: 1, certifiedCopies: 0, copies: 0, presented: true },
    ]);
    expect(toIntakeRequest('1.001193', { ...base, checklist: r, conditions: ['c1'] }, 'accept', false).checklist.map((x) => x.name)).toContain('Biên bản trẻ bị bỏ rơi');
    expect(nothingKept(tickRow(rows, 5, true))).toBe(true);
    expect(nothingKept(r)).toBe(false);
  });
});
