// The demo's reform plan (issue 16): the yearly Kế hoạch CCHC of UBND tỉnh Thanh Hóa for the demo's current year, ten
// tasks across the reform areas, made through the module's own use cases at their moments (a clock fixed on each):
// two accepted as done (due early in the year), one reported and waiting for the reform office, one overdue (due three
// weeks ago), the rest under way and due at the year's end or mid-December — so the
// plan's view shows "2/10 tasks done" and an at-risk list. Once: nothing is loaded when a plan exists.
import { CalendarError, vnDateOf } from '../../platform/calendar';
import type { Ctx } from '../../platform/context/context';
import { AppError } from '../../platform/errors';
import { getOrgUnitByCode } from '../identity';
import type { CreateTaskRequest } from '../../../contracts/plans/plans.contracts';
import { hasAnyPlan } from './plans.repository';
import { acceptTask, addTask, createPlan, reportTask } from './use-cases/manage-plans';

const DAY_MS = 86_400_000;
/** `ctx` with its clock fixed on `at`. */
const on = (ctx: Ctx, at: Date): Ctx => ({ ...ctx, clock: { now: () => at } });

type Seeded = Omit<CreateTaskRequest, 'version' | 'leadUnitId' | 'partnerUnitIds'> & { lead: string; partners?: string[] };

/** Loads the demo plan when there is none; a demo whose calendar does not cover the year keeps none (logged). */
export async function seedPlansDemo(ctx: Ctx): Promise<void> {
  if (await hasAnyPlan(ctx.db)) return;
  const province = await getOrgUnitByCode(ctx.db, 'H56');
  if (!province) return;
  const now = ctx.clock.now();
  const year = Number(vnDateOf(now).slice(0, 4));
  const start = new Date(Date.UTC(year, 0, 5, 2));
  // The overdue task fell due three weeks ago (or on 2 January, early in the year).
  const overdueOn = vnDateOf(new Date(Math.max(now.getTime() - 21 * DAY_MS, Date.UTC(year, 0, 2))));
  const tasks: Seeded[] = [
    { title: 'Ban hành Kế hoạch cải cách hành chính năm của tỉnh', area: 'direction', lead: 'H56.04', deadline: `${year}-01-31`, outputProduct: 'Kế hoạch của UBND tỉnh' },
    {
      title: 'Rà soát, hệ thống hóa văn bản quy phạm pháp luật do HĐND, UBND tỉnh ban hành',
      area: 'institutions',
      lead: 'H56.03',
      partners: ['H56.01'],
      deadline: `${year}-03-31`,
      outputProduct: 'Quyết định công bố danh mục văn bản hết hiệu lực',
    },
    {
      title: 'Rà soát, đơn giản hóa thủ tục hành chính thuộc thẩm quyền giải quyết của tỉnh',
      area: 'procedures',
      lead: 'H56.01',
      partners: ['H56.03'],
      deadline: overdueOn,
      outputProduct: 'Quyết định phê duyệt phương án đơn giản hóa',
    },
    {
      title: 'Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn đạt từ 98% trở lên',
      area: 'procedures',
      lead: 'H56.01',
      deadline: `${year}-12-15`,
      outputProduct: 'Báo cáo kết quả giải quyết TTHC',
    },
    {
      title: 'Sắp xếp, kiện toàn tổ chức bộ máy các cơ quan chuyên môn thuộc UBND tỉnh',
      area: 'apparatus',
      lead: 'H56.04',
      deadline: `${year}-12-31`,
      outputProduct: 'Quyết định quy định chức năng, nhiệm vụ',
    },
    {
      title: 'Hoàn thiện vị trí việc làm trong các cơ quan hành chính của tỉnh',
      area: 'civil-service',
      lead: 'H56.04',
      deadline: `${year}-12-31`,
      outputProduct: 'Quyết định phê duyệt vị trí việc làm',
    },
    {
      title: 'Thực hiện cơ chế tự chủ tài chính của đơn vị sự nghiệp công lập',
      area: 'public-finance',
      lead: 'H56.05',
      deadline: `${year}-12-31`,
      outputProduct: 'Báo cáo đánh giá mức độ tự chủ',
    },
    {
      title: 'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính',
      area: 'digital-government',
      lead: 'H56.01',
      partners: ['H56.11'],
      deadline: `${year}-12-31`,
      outputProduct: 'Báo cáo tỷ lệ số hóa',
    },
    {
      title: 'Tổ chức đối thoại của Chủ tịch UBND tỉnh với doanh nghiệp về thủ tục hành chính',
      area: 'direction',
      lead: 'H56.01',
      deadline: `${year}-12-15`,
      outputProduct: 'Biên bản đối thoại',
    },
    {
      title: 'Kiểm tra công tác cải cách hành chính tại các sở, ngành và UBND cấp xã',
      area: 'direction',
      lead: 'H56.04',
      deadline: `${year}-12-31`,
      outputProduct: 'Báo cáo kết quả kiểm tra',
    },
  ];
  try {
    const at0 = on(ctx, start);
    let plan = await createPlan(at0, { year, level: 'province', ownerUnitId: province.id, title: `Kế hoạch cải cách hành chính năm ${year} của UBND tỉnh Thanh Hóa` });
    const made = [];
    for (const t of tasks) {
      const lead = (await getOrgUnitByCode(ctx.db, t.lead))!;
      const partners = await Promise.all((t.partners ?? []).map(async (c) => (await getOrgUnitByCode(ctx.db, c))!.id));
      const { lead: _l, partners: _p, ...fields } = t;
      made.push(await addTask(at0, plan.id, { ...fields, version: plan.version, leadUnitId: lead.id, partnerUnitIds: partners }));
      plan = { ...plan, version: plan.version + 1 };
    }
    // Two done: the plan itself (in January) and the review of legal documents (in March, reported then accepted).
    for (const [i, reportedOn, acceptedOn] of [
      [0, Date.UTC(year, 0, 20, 3), Date.UTC(year, 0, 22, 3)],
      [1, Date.UTC(year, 2, 25, 3), Date.UTC(year, 2, 27, 3)],
    ] as const) {
      if (acceptedOn > now.getTime()) continue;
      const reported = await reportTask(on(ctx, new Date(reportedOn)), plan.id, made[i]!.id, {
        version: made[i]!.version,
        percent: 100,
        note: 'Đã hoàn thành, gửi kèm sản phẩm.',
        evidenceFileIds: [],
      });
      await acceptTask(on(ctx, new Date(acceptedOn)), plan.id, reported.id, { version: reported.version });
    }
    // One reported, waiting for the reform office: the structure of the departments (a week ago).
    const week = new Date(Math.max(now.getTime() - 7 * DAY_MS, start.getTime() + DAY_MS));
    await reportTask(on(ctx, week), plan.id, made[4]!.id, { version: made[4]!.version, percent: 100, note: 'Đã trình UBND tỉnh ban hành quyết định.', evidenceFileIds: [] });
    // One under way: the digitisation of dossiers at 60 %.
    await reportTask(on(ctx, week), plan.id, made[7]!.id, { version: made[7]!.version, percent: 60, note: 'Đã số hóa 60% hồ sơ tiếp nhận trong năm.', evidenceFileIds: [] });
  } catch (err) {
    // A deadline the published calendar does not cover answers VALIDATION_FAILED from addTask.
    if (!(err instanceof CalendarError) && !(err instanceof AppError && err.code === 'VALIDATION_FAILED')) throw err;
    ctx.log.warn({ err }, 'plans: demo plan not loaded, the calendar does not cover its year');
  }
}
