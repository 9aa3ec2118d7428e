// Demo dialogues (issue 14 item 5), made through the module's own use cases as the organisers and the public would make
// them, each at its moment (a clock fixed on it): a province-level session held two weeks ago, with questions from the
// public and from the floor, minutes, answers and two commitments (one done on time, one still open); and a ward's
// session announced for next week and open for questions. People, e-mail addresses and phone numbers are fictitious.
import { CalendarError, vnDateOf, vnInstant } from '../../platform/calendar';
import type { Ctx } from '../../platform/context/context';
import { getOrgUnitByCode } from '../identity';
import { hasAnySession, type QuestionRow, type SessionRow } from './dialogues.repository';
import { answerQuestion } from './use-cases/answer-question';
import { completeCommitment, reportProgress } from './use-cases/commitments';
import { announceSession, closeSession, createSession, recordAgenda, recordMinutes } from './use-cases/manage-session';
import { acceptQuestion, addOfficerQuestion, submitPublicQuestion } from './use-cases/questions';
import { findQuestion, listSessionCommitments } from './dialogues.repository';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** The demo units (identity demo-org.ts): Sở Tư pháp and Phường Hạc Thành. */
const STP = 'H56.03';
const HAC_THANH = 'H56.101';

/** Loads the demo sessions when there is none; a demo whose calendar does not cover the dates keeps none (logged). */
export async function seedDialoguesDemo(ctx: Ctx): Promise<void> {
  if (await hasAnySession(ctx.db)) return;
  const [stp, ward] = await Promise.all([getOrgUnitByCode(ctx.db, STP), getOrgUnitByCode(ctx.db, HAC_THANH)]);
  if (!stp || !ward) return;
  try {
    await heldSession(ctx, stp.id, ward.id);
    await announcedSession(ctx, ward.id);
  } catch (err) {
    // Deadlines need the published calendar of their years; without it the demo shows no dialogues rather than failing.
    if (!(err instanceof CalendarError)) throw err;
    ctx.log.warn({ err }, 'dialogues demo data skipped: the working calendar does not cover its dates');
  }
}

/** The day `offset` days from now (Vietnamese date) at `time`. */
function dayAt(ctx: Ctx, offset: number, time: string): Date {
  return vnInstant(vnDateOf(new Date(ctx.clock.now().getTime() + offset * DAY_MS)), time);
}

/** `ctx` with its clock fixed on `at`. */
const on = (ctx: Ctx, at: Date): Ctx => ({ ...ctx, clock: { now: () => at } });

async function question(ctx: Ctx, session: SessionRow, id: string): Promise<QuestionRow> {
  return (await findQuestion(ctx.db, session.id, id))!;
}

async function heldSession(ctx: Ctx, stpId: string, wardId: string): Promise<void> {
  const start = dayAt(ctx, -15, '08:00');
  const planned = dayAt(ctx, -30, '09:00');
  let s = await createSession(on(ctx, planned), {
    level: 'province',
    organisingUnitId: stpId,
    title: 'Hội nghị đối thoại của Chủ tịch UBND tỉnh với người dân về thủ tục hành chính lĩnh vực tư pháp năm 2026',
    description:
      'Lắng nghe phản ánh, kiến nghị của người dân về thủ tục cấp phiếu lý lịch tư pháp, chứng thực và hộ tịch; trả lời trực tiếp và giao nhiệm vụ cho các cơ quan liên quan.',
    chairName: 'Lê Minh Khang',
    chairPosition: 'Phó Chủ tịch UBND tỉnh',
    startsAt: start.toISOString(),
    place: 'Hội trường UBND tỉnh Thanh Hóa',
    onlineUrl: 'https://hop.thanhhoa.demo.vn/doi-thoai-tu-phap-2026',
    audience: 'citizens',
  });
  s = await recordAgenda(on(ctx, new Date(planned.getTime() + HOUR_MS)), s.id, {
    version: s.version,
    agenda:
      '1. Khai mạc, giới thiệu đại biểu.\n2. Sở Tư pháp báo cáo tình hình giải quyết thủ tục hành chính lĩnh vực tư pháp.\n3. Người dân nêu câu hỏi, kiến nghị; lãnh đạo tỉnh và các sở trả lời.\n4. Kết luận của chủ trì.',
  });
  s = await announceSession(on(ctx, new Date(planned.getTime() + 2 * HOUR_MS)), s.id, { version: s.version });

  const askHoa = await submitPublicQuestion(on(ctx, dayAt(ctx, -25, '20:15')), s.id, {
    text: 'Tôi nộp hồ sơ cấp phiếu lý lịch tư pháp trực tuyến nhưng phải chờ hơn 10 ngày. Đề nghị cho biết khi nào rút ngắn được thời gian này?',
    asker: { name: 'Lê Thị Hoa', email: 'hoa.lt@example.vn' },
  });
  const askDuc = await submitPublicQuestion(on(ctx, dayAt(ctx, -24, '10:40')), s.id, {
    text: 'Ở phường Hạc Thành, việc chứng thực bản sao vẫn yêu cầu mang bản chính đến nhiều lần. Phường có thể nhận chứng thực điện tử không?',
    asker: { name: 'Phạm Văn Đức', phone: '0912000555' },
  });
  for (const id of [askHoa.id, askDuc.id]) {
    const q = await question(ctx, s, id);
    await acceptQuestion(on(ctx, dayAt(ctx, -20, '09:00')), s.id, id, { version: q.version });
  }
  const fromFloor = await addOfficerQuestion(on(ctx, new Date(start.getTime() + HOUR_MS)), s.id, {
    askerName: 'Trịnh Văn Sơn',
    text: 'Đề nghị công khai số điện thoại đường dây nóng của Sở Tư pháp tại bộ phận một cửa.',
  });

  const held = new Date(start.getTime() + 4 * HOUR_MS);
  s = await recordMinutes(on(ctx, held), s.id, {
    version: s.version,
    minutes:
      'Hội nghị đối thoại diễn ra từ 08:00 đến 11:30 với 120 đại biểu dự trực tiếp và trực tuyến. Người dân nêu 3 câu hỏi về lý lịch tư pháp, chứng thực và đường dây nóng. Chủ trì kết luận: Sở Tư pháp rút ngắn thời gian cấp phiếu lý lịch tư pháp trực tuyến; UBND phường Hạc Thành triển khai chứng thực bản sao điện tử.',
  });

  const answerAt = new Date(held.getTime() + HOUR_MS);
  const hoa = await question(ctx, s, askHoa.id);
  await answerQuestion(on(ctx, answerAt), s.id, hoa.id, {
    version: hoa.version,
    answer: 'Sở Tư pháp sẽ bố trí thêm cán bộ tra cứu và kết nối dữ liệu với Công an tỉnh để cấp phiếu lý lịch tư pháp trực tuyến trong 05 ngày làm việc.',
    commitments: [{ ownerUnitId: stpId, text: 'Rút ngắn thời gian cấp phiếu lý lịch tư pháp trực tuyến còn 05 ngày làm việc.', workingDays: 10 }],
  });
  const duc = await question(ctx, s, askDuc.id);
  await answerQuestion(on(ctx, answerAt), s.id, duc.id, {
    version: duc.version,
    answer: 'UBND phường Hạc Thành sẽ triển khai chứng thực bản sao điện tử từ bản chính tại Trung tâm Phục vụ hành chính công phường.',
    answeringUnitId: wardId,
    commitments: [{ ownerUnitId: wardId, text: 'Triển khai chứng thực bản sao điện tử từ bản chính tại Trung tâm Phục vụ hành chính công phường Hạc Thành.', workingDays: 30 }],
  });
  await answerQuestion(on(ctx, answerAt), s.id, fromFloor.id, {
    version: fromFloor.version,
    answer: 'Số đường dây nóng của Sở Tư pháp đã được niêm yết tại bộ phận một cửa và trên Cổng thông tin điện tử của Sở.',
    commitments: [],
  });
  s = await closeSession(on(ctx, new Date(answerAt.getTime() + HOUR_MS)), s.id, { version: s.version });

  const commitments = await listSessionCommitments(ctx.db, s.id);
  const kept = commitments.find((c) => c.ownerUnitId === stpId);
  const open = commitments.find((c) => c.ownerUnitId === wardId);
  const reported = await reportProgress(on(ctx, new Date(start.getTime() + 4 * DAY_MS)), kept!.id, {
    version: kept!.version,
    percent: 60,
    note: 'Đã kết nối tra cứu dữ liệu lý lịch với Công an tỉnh; đang thử nghiệm quy trình mới.',
  });
  await completeCommitment(on(ctx, new Date(start.getTime() + 9 * DAY_MS)), reported.id, {
    version: reported.version,
    note: 'Từ nay phiếu lý lịch tư pháp nộp trực tuyến được trả trong 05 ngày làm việc.',
  });
  await reportProgress(on(ctx, new Date(start.getTime() + 10 * DAY_MS)), open!.id, {
    version: open!.version,
    percent: 30,
    note: 'Đã lắp đặt thiết bị ký số và tập huấn cho cán bộ một cửa của phường.',
  });
}

async function announcedSession(ctx: Ctx, wardId: string): Promise<void> {
  const planned = dayAt(ctx, -3, '09:00');
  let s = await createSession(on(ctx, planned), {
    level: 'commune',
    organisingUnitId: wardId,
    title: 'Đối thoại của Chủ tịch UBND phường Hạc Thành với hộ kinh doanh về đăng ký kinh doanh',
    description: 'Trao đổi về đăng ký hộ kinh doanh trực tuyến, thời gian giải quyết và các khó khăn khi nộp hồ sơ.',
    chairName: 'Nguyễn Thị Hằng',
    chairPosition: 'Chủ tịch UBND phường Hạc Thành',
    startsAt: dayAt(ctx, 10, '14:00').toISOString(),
    place: 'Hội trường UBND phường Hạc Thành',
    audience: 'businesses',
  });
  s = await recordAgenda(on(ctx, new Date(planned.getTime() + HOUR_MS)), s.id, {
    version: s.version,
    agenda: '1. Báo cáo tình hình đăng ký hộ kinh doanh.\n2. Hộ kinh doanh nêu câu hỏi.\n3. Lãnh đạo phường trả lời, kết luận.',
  });
  s = await announceSession(on(ctx, new Date(planned.getTime() + 2 * HOUR_MS)), s.id, { version: s.version });
  await addOfficerQuestion(on(ctx, dayAt(ctx, -2, '10:00')), s.id, {
    askerName: 'Hoàng Văn Tâm',
    askerContact: 'Thư gửi UBND phường',
    text: 'Đề nghị hướng dẫn thủ tục thay đổi địa điểm kinh doanh của hộ kinh doanh khi chuyển sang phường khác.',
  });
  await submitPublicQuestion(on(ctx, dayAt(ctx, -1, '19:30')), s.id, {
    text: 'Hộ kinh doanh đăng ký trực tuyến có phải nộp bản giấy tại phường nữa không?',
    asker: { name: 'Đỗ Văn Bình', email: 'binh.dv@example.vn' },
  });
}
