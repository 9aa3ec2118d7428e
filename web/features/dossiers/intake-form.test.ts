import { describe, expect, it } from 'vitest';
import type { ProcessingTime, PublicProcedure } from '../catalog/catalog.types';
import { feeForChannel, initialChecklist, missingDocuments, needsDuration, toIntakeRequest, type IntakeFormValues } from './intake-form';

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
      { name: 'Tờ khai', originals: 1, copies: null, case: null, note: null, template: null },
      { name: 'Bản sao giấy tờ tùy thân', originals: null, copies: 1, case: 'Nếu ủy quyền', note: null, template: null },
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
      { name: 'Tờ khai', note: null, included: false, originals: 1, copies: 0 },
      { name: 'Bản sao giấy tờ tùy thân', note: 'Nếu ủy quyền', included: false, originals: 1, copies: 1 },
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
    expect(req.checklist).toEqual([{ name: 'Tờ khai', originals: 1, copies: 0 }]);
    expect(req.applicant).toEqual({ kind: 'person', name: 'Nguyễn Văn An', idNumber: '038090001234', phone: null, email: 'an@example.vn', address: null });
    expect(req.duration).toBeUndefined();
    expect(req.decision).toBe('accept');
    expect(req.missingItems).toEqual([]);
    expect(toIntakeRequest('X', values(), 'accept', true).duration).toEqual({ amount: 5, unit: 'working-days' });
  });

  it('turns the guide dialog into missing items and reasons', () => {
    const req = toIntakeRequest('X', values(), 'guide', false, { missingItems: 'Bản sao giấy tờ tùy thân\n\nẢnh 4x6', reasons: ' Thiếu giấy tờ ' });
    expect(req.missingItems).toEqual(['Bản sao giấy tờ tùy thân', 'Ảnh 4x6']);
    expect(req.reasons).toBe('Thiếu giấy tờ');
    expect(missingDocuments(values().checklist)).toEqual(['Bản sao giấy tờ tùy thân']);
  });
});
