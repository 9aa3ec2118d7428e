// Demo feedback and petitions (issue 14), made the way their senders and officers would make them: through the public
// and back-office API, signed in, with CSRF tokens. A fresh demo then shows published answers on the public page (so a
// citizen typing a similar question sees them), an item in every officer's queue at each step (new at the provincial
// office, in progress, awaiting the leader), a complaint closed with the law that applies, and an answer the demo
// citizen has not rated yet.
import type { FastifyInstance } from 'fastify';
import { callApi, signInThroughApi, type ApiSession } from '../../platform/http/api-session';
import type { FeedbackDetail, FeedbackReceipt, MyFeedbackResponse, OfficerIntakeRequest, SubmitFeedbackRequest } from '../../../contracts/feedback/feedback.contracts';
import { DEMO_PASSWORD } from '../demo-accounts';

/** Lý lịch tư pháp: carried out by Sở Tư pháp alone, so items about it go there directly. */
const JUDICIAL_RECORD = '3.000333';
/** Đăng ký khai sinh and hộ kinh doanh: every ward carries them out, so items go to the provincial office first. */
const BIRTH = '1.001193';
const HOUSEHOLD_BUSINESS = '1.001612';
const WARD = 'Phường Hạc Thành';

type Call = <T>(s: ApiSession | null, method: 'GET' | 'POST', url: string, payload?: unknown, status?: number) => Promise<T>;

/**
 * Six items, once: nothing is made when the demo citizen already has feedback. Portal filings count against the
 * intake rate limit of the server's own address, so the seed files four and enters the rest as officers.
 */
export async function seedFeedbackDemo(app: FastifyInstance): Promise<void> {
  const call: Call = (s, method, url, payload, status = 200) => callApi(app, s, method, url, payload, status);
  const signIn = (login: string) => signInThroughApi(app, login, DEMO_PASSWORD);
  const citizen = await signIn('citizen@example.vn');
  if ((await call<MyFeedbackResponse>(citizen, 'GET', '/api/v1/feedback/mine')).items.length > 0) return;
  const business = await signIn('doanhnghiep@example.vn');
  const office = await signIn('kiemsoat.vp');
  const stp = { specialist: await signIn('chuyenvien.stp'), leader: await signIn('lanhdao.stp') };
  const ward = { specialist: await signIn('chuyenvien.hacthanh'), leader: await signIn('lanhdao.hacthanh') };
  const birth = await call<{ implementingUnits: Array<{ id: string; name: string }> }>(null, 'GET', `/api/v1/catalog/procedures/${BIRTH}`);
  const wardId = birth.implementingUnits.find((u) => u.name === WARD)?.id;
  if (!wardId) throw new Error(`feedback demo: no implementing unit "${WARD}" for ${BIRTH}`);

  const file = (s: ApiSession | null, body: SubmitFeedbackRequest) => call<FeedbackReceipt>(s, 'POST', '/api/v1/feedback', body, 201);
  const act = async (s: ApiSession, item: { id: string; version: number }, action: string, body: Record<string, unknown>) =>
    call<FeedbackDetail>(s, 'POST', `/api/v1/feedback/${item.id}/${action}`, { version: item.version, ...body });
  const open = (s: ApiSession, id: string) => call<FeedbackDetail>(s, 'GET', `/api/v1/feedback/${id}`);
  /** Classified, drafted by the specialist and approved by the leader: answered and published masked. */
  const answer = async (unit: { specialist: ApiSession; leader: ApiSession }, item: FeedbackDetail, text: string) => {
    const drafted = await act(unit.specialist, item, 'answer-draft', { answer: text });
    return act(unit.leader, drafted, 'approve', {});
  };

  // 1. An anonymous sender about the judicial record certificate: straight to Sở Tư pháp, answered and published.
  const judicial = await file(null, {
    title: 'Đề nghị rút ngắn thời gian cấp Phiếu lý lịch tư pháp khi nộp hồ sơ trực tuyến',
    content:
      'Tôi nộp hồ sơ cấp Phiếu lý lịch tư pháp số 1 trực tuyến, đã thanh toán phí nhưng vẫn phải chờ đủ 10 ngày. Đề nghị Sở xem xét rút ngắn thời gian với hồ sơ đã xác thực qua tài khoản định danh điện tử. Liên hệ: 0903 456 789.',
    procedureCode: JUDICIAL_RECORD,
    publish: true,
    sender: { name: 'Trần Thị Bình', email: 'binh.tt@example.vn' },
  });
  const judicialItem = await act(stp.specialist, await open(stp.specialist, judicial.id), 'classify', { kind: 'regulation' });
  await answer(
    stp,
    judicialItem,
    'Thời hạn cấp Phiếu lý lịch tư pháp không quá 10 ngày do Luật Lý lịch tư pháp 2009 (Điều 48) quy định; Sở Tư pháp không thể rút ngắn bằng quy định của tỉnh. Với hồ sơ nộp trực tuyến có thông tin xác thực từ Cơ sở dữ liệu quốc gia về dân cư, Sở đã chỉ đạo trả kết quả sớm khi không phải xác minh, bình quân 5 ngày làm việc.',
  );

  // 2. The demo business about household businesses: the provincial office classifies it and sends it to the ward.
  const householdFiled = await file(business, {
    title: 'Hướng dẫn hồ sơ đăng ký hộ kinh doanh chưa thống nhất giữa các phường',
    content:
      'Khi đăng ký thành lập hộ kinh doanh, phường Hạc Thành yêu cầu hợp đồng thuê nhà có công chứng, trong khi phường khác chỉ yêu cầu bản sao hợp đồng. Đề nghị hướng dẫn thống nhất thành phần hồ sơ theo quy định.',
    procedureCode: HOUSEHOLD_BUSINESS,
    publish: true,
  });
  const household = await transferToWard(office, await open(office, householdFiled.id));
  const householdAnswered = await answer(
    ward,
    await open(ward.specialist, household.id),
    'Theo Nghị định 168/2025/NĐ-CP, hồ sơ đăng ký hộ kinh doanh không bắt buộc hợp đồng thuê địa điểm có công chứng. Phường Hạc Thành đã chấn chỉnh bộ phận một cửa, chỉ yêu cầu bản sao hợp đồng thuê như các phường khác, từ ngày nhận được phản ánh.',
  );
  await call(business, 'POST', `/api/v1/feedback/${encodeURIComponent(householdAnswered.code)}/rating`, { rating: 'satisfied' });

  // 3. The demo citizen about online birth registration: answered, published, not rated yet (the citizen's page asks).
  const birthFiled = await file(citizen, {
    title: 'Yêu cầu bản chính giấy chứng sinh khi đăng ký khai sinh trực tuyến',
    content:
      'Khi đăng ký khai sinh trực tuyến cho con, tôi được yêu cầu mang bản chính giấy chứng sinh đến nộp trực tiếp. Như vậy nộp trực tuyến không giảm được việc đi lại. Đề nghị cho phép nộp bản điện tử giấy chứng sinh.',
    procedureCode: BIRTH,
    publish: true,
  });
  const birthItem = await transferToWard(office, await open(office, birthFiled.id));
  await answer(
    ward,
    await open(ward.specialist, birthItem.id),
    'Theo Nghị định 87/2020/NĐ-CP và Thông tư 04/2020/TT-BTP, người đăng ký khai sinh trực tuyến nộp bản chụp hoặc bản điện tử giấy chứng sinh; bản chính chỉ xuất trình khi nhận kết quả. Phường Hạc Thành đã hướng dẫn lại bộ phận một cửa và liên hệ để trả kết quả cho ông.',
  );

  // 4. A complaint about a land decision: out of scope, closed with the Law on Complaints named.
  const complaint = await file(null, {
    title: 'Khiếu nại quyết định thu hồi đất của gia đình tôi',
    content: 'Gia đình tôi không đồng ý với quyết định thu hồi đất và mức bồi thường của phường. Đề nghị cơ quan có thẩm quyền xem xét lại quyết định này.',
    publish: false,
    sender: { name: 'Phạm Thị Dung', phone: '0915 222 333' },
  });
  await act(office, await open(office, complaint.id), 'out-of-scope', {
    category: 'complaint',
    reason:
      'Nội dung là khiếu nại quyết định hành chính về thu hồi đất, không phải phản ánh về quy định hành chính; đề nghị gửi đơn khiếu nại đến Chủ tịch UBND phường đã ban hành quyết định.',
  });

  // 5. By telephone, entered by the provincial office: new, waiting to be classified.
  await call<FeedbackReceipt>(
    office,
    'POST',
    '/api/v1/feedback/intake',
    {
      channel: 'hotline',
      receivingUnitId: (await open(office, complaint.id)).assignedUnit.id,
      title: 'Cán bộ một cửa hẹn trả kết quả chậm mà không có phiếu xin lỗi',
      content: 'Ông Cường gọi đường dây nóng phản ánh: hồ sơ chứng thực của ông bị hẹn lại hai lần nhưng không nhận được phiếu xin lỗi và hẹn lại theo quy định.',
      publish: true,
      sender: { name: 'Lê Văn Cường', phone: '0977 123 456' },
    } satisfies OfficerIntakeRequest,
    201,
  );

  // 6. A letter to Sở Tư pháp: one in progress with the specialist, one drafted and awaiting the leader.
  const letter = (title: string, content: string) =>
    call<FeedbackReceipt>(
      stp.specialist,
      'POST',
      '/api/v1/feedback/intake',
      {
        channel: 'letter',
        receivingUnitId: judicialItem.assignedUnit.id,
        title,
        content,
        procedureCode: JUDICIAL_RECORD,
        publish: true,
        sender: { name: 'Hoàng Minh Đức', address: 'Số 8 phố Trần Phú, phường Hạc Thành, tỉnh Thanh Hóa' },
      } satisfies OfficerIntakeRequest,
      201,
    );
  const inProgress = await letter(
    'Đề nghị cấp Phiếu lý lịch tư pháp qua dịch vụ bưu chính công ích',
    'Tôi đang làm việc ở xa, đề nghị Sở Tư pháp cho nhận Phiếu lý lịch tư pháp qua bưu điện thay vì đến nhận trực tiếp.',
  );
  await act(stp.specialist, await open(stp.specialist, inProgress.id), 'classify', { kind: 'regulation' });
  const awaiting = await letter(
    'Phí cấp Phiếu lý lịch tư pháp cho sinh viên',
    'Đề nghị Sở cho biết sinh viên có được giảm phí cấp Phiếu lý lịch tư pháp hay không và thủ tục đề nghị giảm phí.',
  );
  const awaitingItem = await act(stp.specialist, await open(stp.specialist, awaiting.id), 'classify', { kind: 'regulation' });
  await act(stp.specialist, awaitingItem, 'answer-draft', {
    answer:
      'Theo Thông tư 244/2016/TT-BTC, sinh viên được giảm 50% phí cung cấp thông tin lý lịch tư pháp; khi nộp hồ sơ, ông xuất trình thẻ sinh viên, bộ phận một cửa áp dụng mức phí giảm.',
  });

  for (const s of [citizen, business, office, stp.specialist, stp.leader, ward.specialist, ward.leader]) await call(s, 'POST', '/api/v1/identity/logout', {});

  /** The provincial office classifies an item about regulations and transfers it to the ward that handles it. */
  async function transferToWard(s: ApiSession, item: FeedbackDetail): Promise<FeedbackDetail> {
    const classified = await act(s, item, 'classify', { kind: 'regulation' });
    return act(s, classified, 'transfer', { unitId: wardId, reason: 'Thủ tục do phường thực hiện; nội dung phản ánh phát sinh tại bộ phận một cửa phường Hạc Thành.' });
  }
}
