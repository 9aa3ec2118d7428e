// The public side (issue 14 item 4): similar items while typing (diacritics ignored), the public list and search by
// procedure, field and unit (only published, masked), counts and on-time rates by unit, and the Open311 GeoReport v2
// read API in the spec's shapes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedbackStats, Open311Request, Open311Service, PublicFeedbackList, SimilarFeedbackResponse } from '../../../contracts/feedback/feedback.contracts';
import { Open311RequestsSchema, Open311ServicesSchema } from '../../../contracts/feedback/feedback.contracts';
import { anonymous, answered, createFeedbackWorld, file, MONDAY_9AM, read, step, type FeedbackWorld } from './test/factories';

let w: FeedbackWorld;
let visa: Awaited<ReturnType<typeof answered>>;
let fee: Awaited<ReturnType<typeof answered>>;
let conduct: Awaited<ReturnType<typeof answered>>;
let unpublished: Awaited<ReturnType<typeof answered>>;
let openCode: string;

beforeAll(async () => {
  w = await createFeedbackWorld();
  visa = await answered(w, {
    title: 'Thời hạn giải quyết đăng ký khai sinh cho trẻ sinh ở nước ngoài quá dài',
    content: 'Đề nghị rút ngắn thời hạn giải quyết thủ tục đăng ký khai sinh cho trẻ em sinh ra ở nước ngoài.',
  });
  fee = await answered(w, { title: 'Lệ phí cấp bản sao trích lục hộ tịch chưa thống nhất', content: 'Mỗi nơi thu lệ phí cấp bản sao trích lục hộ tịch một mức khác nhau.' });
  // About an officer's conduct, handled by the control unit (no procedure), answered a day late.
  const receipt = await file(anonymous(w), { title: 'Cán bộ tiếp nhận hẹn nhiều lần', content: 'Cán bộ bộ phận một cửa hẹn tôi đến nhiều lần mà không tiếp nhận hồ sơ.' });
  let item = await step(w.agents.controlSpecialist, await read(w.agents.controlSpecialist, receipt.id), 'classify', { kind: 'conduct' });
  item = await step(w.agents.controlSpecialist, item, 'answer-draft', { answer: 'Văn phòng đã nhắc nhở cán bộ và chấn chỉnh việc tiếp nhận.' });
  w.t.clock.set('2026-03-10T02:00:00Z');
  item = await step(w.agents.controlLeader, item, 'approve', {});
  w.t.clock.set(MONDAY_9AM);
  conduct = { receipt, item };
  unpublished = await answered(w, { publish: false, title: 'Đăng ký khai sinh không công khai', content: 'Nội dung đăng ký khai sinh người gửi không muốn công khai.' });
  openCode = (await file(anonymous(w), { procedureCode: w.procedureCode, title: 'Đăng ký khai sinh chưa trả lời', content: 'Phản ánh về đăng ký khai sinh vẫn đang chờ trả lời.' }))
    .code;
}, 120_000);
afterAll(async () => w?.t.close());

const get = async <T>(url: string) => {
  const res = await anonymous(w).get(url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<T>();
};

describe('similar items', () => {
  it('suggests answered, published items sharing the words typed, whatever the diacritics; never unpublished or open ones', async () => {
    const similar = await get<SimilarFeedbackResponse>(`/api/v1/feedback/similar?q=${encodeURIComponent('dang ky KHAI SINH tre o nuoc ngoai')}`);
    expect(similar.items[0]!.code).toBe(visa.receipt.code);
    const codes = similar.items.map((i) => i.code);
    expect(codes).not.toContain(unpublished.receipt.code);
    expect(codes).not.toContain(openCode);
    expect(similar.items.length).toBeLessThanOrEqual(5);
    expect((await get<SimilarFeedbackResponse>(`/api/v1/feedback/similar?q=${encodeURIComponent('và của là')}`)).items).toEqual([]);
    expect((await get<SimilarFeedbackResponse>(`/api/v1/feedback/similar?q=${encodeURIComponent('giấy phép xây dựng')}`)).items).toEqual([]);
  });
});

describe('the public list', () => {
  it('lists only published items, masked, newest answer first; searches their words without diacritics; filters', async () => {
    const all = await get<PublicFeedbackList>('/api/v1/feedback/public?pageSize=100');
    const codes = all.items.map((i) => i.code);
    expect(codes).toEqual(expect.arrayContaining([visa.receipt.code, fee.receipt.code, conduct.receipt.code]));
    expect(codes).not.toContain(unpublished.receipt.code);
    expect(codes).not.toContain(openCode);
    expect(all.items.find((i) => i.code === visa.receipt.code)).toMatchObject({
      senderName: 'N.V.A.',
      kind: 'regulation',
      reopened: false,
      procedure: { code: w.procedureCode, name: w.procedureName },
      field: w.procedureField,
    });

    const searched = await get<PublicFeedbackList>(`/api/v1/feedback/public?q=${encodeURIComponent('LE PHI trich luc')}`);
    expect(searched.items.map((i) => i.code)).toEqual([fee.receipt.code]);
    expect(searched.total).toBe(1);
    // The sender's name is not searchable: only the masked text is.
    expect((await get<PublicFeedbackList>(`/api/v1/feedback/public?q=${encodeURIComponent('Nguyễn Văn An')}`)).total).toBe(0);

    const byProcedure = await get<PublicFeedbackList>(`/api/v1/feedback/public?procedureCode=${encodeURIComponent(w.procedureCode)}&pageSize=100`);
    expect(byProcedure.items.map((i) => i.code).sort()).toEqual([fee.receipt.code, visa.receipt.code].sort());
    const byField = await get<PublicFeedbackList>(`/api/v1/feedback/public?field=${encodeURIComponent(w.procedureField)}&pageSize=100`);
    expect(byField.total).toBe(2);
    const byUnit = await get<PublicFeedbackList>(`/api/v1/feedback/public?unitId=${w.control.id}`);
    expect(byUnit.items.map((i) => i.code)).toEqual([conduct.receipt.code]);
    const paged = await get<PublicFeedbackList>('/api/v1/feedback/public?pageSize=1&page=2');
    expect(paged.items).toHaveLength(1);
    expect(paged.total).toBe(all.total);

    expect((await anonymous(w).get(`/api/v1/feedback/public/${unpublished.receipt.code}`)).json().error.code).toBe('FEEDBACK_NOT_FOUND');
    expect((await anonymous(w).get(`/api/v1/feedback/public/${openCode}`)).statusCode).toBe(404);
  });
});

describe('counts by unit', () => {
  it('counts received, answered, on time, open and overdue by the unit assigned, with the definition', async () => {
    const stats = await get<FeedbackStats>('/api/v1/feedback/public/stats?from=2026-03-01&to=2026-03-31');
    const dept = stats.items.find((i) => i.unit.id === w.dept.id)!;
    // Four about the procedure (three answered on time, one open); none out of scope.
    expect(dept).toMatchObject({ received: 4, answered: 3, answeredOnTime: 3, onTimeRate: 1, open: 1, openOverdue: 0, outOfScope: 0 });
    const control = stats.items.find((i) => i.unit.id === w.control.id)!;
    expect(control).toMatchObject({ received: 1, answered: 1, answeredOnTime: 0, onTimeRate: 0 });
    expect(stats.total).toMatchObject({ received: 5, answered: 4, answeredOnTime: 3, onTimeRate: 0.75 });
    expect(stats.definition).toContain('Đúng hạn');
    expect((await get<FeedbackStats>('/api/v1/feedback/public/stats?from=2026-04-01&to=2026-04-30')).total.received).toBe(0);

    w.t.clock.set('2026-03-10T02:00:00Z');
    try {
      expect((await get<FeedbackStats>('/api/v1/feedback/public/stats')).items.find((i) => i.unit.id === w.dept.id)).toMatchObject({ open: 1, openOverdue: 1 });
    } finally {
      w.t.clock.set(MONDAY_9AM);
    }
  });
});

describe('Open311 GeoReport v2', () => {
  const O = '/api/v1/feedback/open311/v2';

  it('lists the services in the spec’s shape', async () => {
    const services = await get<Open311Service[]>(`${O}/services.json`);
    expect(Open311ServicesSchema.parse(services)).toHaveLength(2);
    expect(services.map((s) => s.service_code)).toEqual(['pakn-regulation', 'pakn-conduct']);
    expect(services[0]).toEqual({
      service_code: 'pakn-regulation',
      service_name: 'Phản ánh, kiến nghị về quy định hành chính',
      description: 'Phản ánh, kiến nghị về quy định hành chính',
      metadata: false,
      type: 'realtime',
      keywords: 'quy định hành chính, thủ tục hành chính',
      group: 'Phản ánh, kiến nghị',
    });
  });

  it('lists the public items as service requests with the spec’s field names, filtered and paged', async () => {
    const all = await get<Open311Request[]>(`${O}/requests.json?page_size=200`);
    expect(Open311RequestsSchema.parse(all).length).toBe(3);
    const request = all.find((r) => r.service_request_id === visa.receipt.code)!;
    expect(Object.keys(request).sort()).toEqual(
      [
        'service_request_id',
        'status',
        'status_notes',
        'service_name',
        'service_code',
        'description',
        'agency_responsible',
        'service_notice',
        'requested_datetime',
        'updated_datetime',
        'expected_datetime',
        'address',
        'address_id',
        'zipcode',
        'lat',
        'long',
        'media_url',
      ].sort(),
    );
    expect(request).toMatchObject({
      status: 'closed',
      status_notes: visa.item.published!.answer,
      service_code: 'pakn-regulation',
      description: visa.item.published!.content,
      agency_responsible: w.dept.name,
      service_notice: 'Trả lời trong 5 ngày làm việc (thuộc thẩm quyền của đơn vị).',
      requested_datetime: '2026-03-02T09:00:00+07:00',
      updated_datetime: '2026-03-02T09:00:00+07:00',
      expected_datetime: '2026-03-09T09:00:00+07:00',
      address: null,
      lat: null,
      long: null,
    });
    const conductOnly = await get<Open311Request[]>(`${O}/requests.json?service_code=pakn-conduct`);
    expect(conductOnly.map((r) => r.service_request_id)).toEqual([conduct.receipt.code]);
    expect(await get<Open311Request[]>(`${O}/requests.json?service_code=khong-co`)).toEqual([]);
    expect(await get<Open311Request[]>(`${O}/requests.json?status=open`)).toEqual([]);
    expect((await get<Open311Request[]>(`${O}/requests.json?status=closed`)).length).toBe(3);
    expect(await get<Open311Request[]>(`${O}/requests.json?start_date=2026-04-01T00:00:00%2B07:00&end_date=2026-04-30T00:00:00%2B07:00`)).toEqual([]);
    expect((await get<Open311Request[]>(`${O}/requests.json?start_date=2026-03-01T00:00:00Z&end_date=2026-03-31T00:00:00Z`)).length).toBe(3);
    expect((await get<Open311Request[]>(`${O}/requests.json?page_size=2&page=2`)).length).toBe(1);
    const byIds = await get<Open311Request[]>(`${O}/requests.json?service_request_id=${fee.receipt.code},${unpublished.receipt.code}`);
    expect(byIds.map((r) => r.service_request_id)).toEqual([fee.receipt.code]);

    const span = await anonymous(w).get(`${O}/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z`);
    expect(span.statusCode).toBe(400);
    expect(span.json().error.fields[0].code).toBe('feedback.errors.open311Span');
    expect((await anonymous(w).get(`${O}/requests.json?status=pending`)).statusCode).toBe(400);
  });

  it('answers one request as a list of one; unknown and unpublished codes are 404, other formats 400', async () => {
    const one = await get<Open311Request[]>(`${O}/requests/${conduct.receipt.code}.json`);
    expect(one).toHaveLength(1);
    expect(one[0]).toMatchObject({ service_request_id: conduct.receipt.code, status: 'closed', service_code: 'pakn-conduct', agency_responsible: w.control.name });
    expect((await anonymous(w).get(`${O}/requests/${unpublished.receipt.code}.json`)).statusCode).toBe(404);
    expect((await anonymous(w).get(`${O}/requests/${conduct.receipt.code}.xml`)).statusCode).toBe(400);
  });

  it('shows a reopened item as open, with a note', async () => {
    const res = await anonymous(w).post(`/api/v1/feedback/${fee.receipt.code}/rating`, { token: fee.receipt.senderToken, rating: 'unsatisfied', reopen: true });
    expect(res.statusCode, res.body).toBe(200);
    const [request] = await get<Open311Request[]>(`${O}/requests/${fee.receipt.code}.json`);
    expect(request).toMatchObject({ status: 'open', status_notes: 'Người gửi chưa hài lòng; đơn vị đang xem xét lại.', expected_datetime: '2026-03-09T09:00:00+07:00' });
    expect((await get<Open311Request[]>(`${O}/requests.json?status=open`)).map((r) => r.service_request_id)).toEqual([fee.receipt.code]);
  });
});
