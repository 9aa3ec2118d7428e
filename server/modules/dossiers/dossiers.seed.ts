// Demo dossiers over the last ~3 months. Recent ones (still open, in every state) go through the real use cases with a
// moving clock; finished history is written in bulk with the same deadline functions, code allocation and audit, because
// a few hundred use-case round trips take too long on the embedded database at start-up.
import { sql } from 'drizzle-orm';
import { SYSTEM_USER_ID, type UserActor } from '../../platform/access';
import { addWorkingTimeMs, describeDay, toVnIso, vnDateOf, vnInstant, type Duration, type WorkingCalendar } from '../../platform/calendar';
import { withTransaction, type Ctx } from '../../platform/context/context';
import { AppError } from '../../platform/errors';
import type { DossierState, IntakeRequest, TransitionRequest } from '../../../contracts/dossiers/dossiers.contracts';
import { getPublishedProcedureByCode, timeForChannel, type ProcedureVersionView } from '../catalog';
import { identityOrgUnits, identityRoleGrants } from '../identity';
import { dossierSearchText } from './dossiers.search';
import { calendarOf, calendarOrNone, classify, dueOf, hopDueOf, workingMinutesBetween, workingTimeUsed } from './dossiers.deadlines';
import { findDossier, insertNewDossier, insertSlipIssuance, nextSlipNumber, type NewDossier, type UnitInfo } from './dossiers.repository';
import { refreshOutdatedPublicViews } from './dossiers.public-view';
import { dossierEvents, dossiers, dossierSteps, type ResolvedStep } from './dossiers.tables';
import { DEFAULT_PAUSE_RULE, lastHandlingIndex, returnStepIndex, ruleVersionOn, STATUS_CODE } from './dossiers.workflow';
import { intakeDossier, resolveWorkflow } from './use-cases/intake-dossier';
import { plainChecklist } from './use-cases/intake-checklist';
import { issueApology } from './use-cases/issue-apology';
import { slipAtAct } from './use-cases/slip-numbers';
import { sweepAtRisk } from './use-cases/maintain-deadlines';
import { transitionDossier } from './use-cases/transition-dossier';

/** A random demo case the rules refuse (an AppError) is skipped; anything else is a defect and stops the seed. */
function refusedAsNull(err: unknown): null {
  if (err instanceof AppError) return null;
  throw err;
}

/**
 * National codes of the catalog's demo procedures (server/modules/catalog/demo/procedures.json) used for demo
 * dossiers; codes the catalog does not have in force are skipped.
 */
export const DEMO_PROCEDURE_CODES = [
  '1.001193',
  '1.000656',
  '1.000894',
  '1.004873',
  '2.000635',
  '1.004884',
  '1.001022',
  '1.004859',
  '1.004837',
  '2.000815',
  '2.000884',
  '2.000908',
  '1.004222',
  '1.004194',
  '1.014061',
  '3.000333',
  '1.012787',
  '1.012786',
  '2.001583',
  '3.000348',
  '1.013076',
  '1.013274',
  '1.011607',
  '1.001699',
];

/** Finished dossiers written in bulk (received 15 to 90 days ago). */
export const DEMO_HISTORY_COUNT = 220;
/** Recent dossiers driven through the use cases (received in the last ~2 working weeks), one per target in turn. */
export const DEMO_RECENT_TARGETS = [
  'RECEIVED',
  'PROCESSING',
  'AWAITING_APPROVAL',
  'SUPPLEMENT_REQUESTED',
  'AWAITING_PAYMENT',
  'INTEROPERATING',
  'DONE',
  'RETURNED',
  'LATE',
  'APOLOGY',
  'PROCESSING',
  'WITHDRAWN',
  'STOPPED',
  'AWAITING_APPROVAL',
  'LATE',
  'RECEIVED',
] as const;
const RECENT_ROUNDS = 3;

/** The demo's stand-in officer, with every working role province-wide, labelled as demo data in timelines and audit. */
const SEED_ACTOR: UserActor = {
  type: 'user',
  userId: SYSTEM_USER_ID,
  kind: 'officer',
  displayName: 'Dữ liệu mẫu',
  grants: ['reception-officer', 'specialist', 'leader'].map((role) => ({ role, orgUnitId: '', scopePath: '/' })),
  sessionId: 'seed',
};

/** mulberry32: deterministic demo data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Mai', 'Trịnh'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Ngọc', 'Thu', 'Hữu', 'Quang', 'Thanh', 'Kim'];
const GIVEN = [
  'An',
  'Bình',
  'Chi',
  'Dũng',
  'Giang',
  'Hà',
  'Hải',
  'Hằng',
  'Hùng',
  'Lan',
  'Long',
  'Mai',
  'Nam',
  'Ngân',
  'Phúc',
  'Quân',
  'Sơn',
  'Tâm',
  'Thảo',
  'Trang',
  'Tuấn',
  'Vy',
  'Yến',
];
const COMPANIES = ['Công ty TNHH Thương mại Hạc Thành', 'Công ty Cổ phần Xây dựng Sông Mã', 'Công ty TNHH Nông sản Lam Sơn', 'Hợp tác xã Dịch vụ Hoằng Hóa'];
const SUPPLEMENT_ITEMS = ['Bản sao Giấy khai sinh', 'Giấy xác nhận nơi cư trú', 'Bản vẽ sơ đồ thửa đất', 'Giấy ủy quyền có chứng thực', 'Ảnh chân dung 4x6'];

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const DAY_MS = 86_400_000;

/** A moving clock for the seed's contexts. */
class SeedClock {
  at = new Date(0);
  now(): Date {
    return new Date(this.at.getTime());
  }
}

const FAR_FUTURE = new Date(8.64e15);

/** A working instant `minutes` of working time after `from`; beyond the published calendar, "never" (the step is not played). */
function later(from: Date, minutes: number, cal: WorkingCalendar): Date {
  try {
    return new Date(addWorkingTimeMs(from.getTime(), Math.max(1, Math.round(minutes)), cal));
  } catch {
    return FAR_FUTURE;
  }
}

/** Everything the generators share. */
interface Demo {
  ctx: Ctx;
  cal: WorkingCalendar;
  rand: Rand;
  now: Date;
  versions: ProcedureVersionView[];
  units: Map<string, UnitInfo>;
  provinceCentre: UnitInfo;
  communeCentre: Map<string, UnitInfo>;
  partners: UnitInfo[];
  /** Units where officers work dossiers (the demo accounts' units): most demo dossiers go there. */
  featured: Set<string>;
  /** Person cases picked so far (every DEMO_CITIZEN_EVERY-th is the demo citizen's). */
  personCases?: number;
}

/**
 * The demo citizen (identity's demo seed: Nguyễn Văn An, ID number verified as single sign-on would) is the applicant
 * of every DEMO_CITIZEN_EVERY-th person case, so the portal's "my dossiers" shows desk dossiers in several states.
 * Counted, not drawn: the random sequence of the rest of the seed stays as it was.
 */
const DEMO_CITIZEN_APPLICANT = { name: 'Nguyễn Văn An', idNumber: '038090001234' } as const;
const DEMO_CITIZEN_EVERY = 40;

/** A reception at a desk hour (07:15–16:15) of a working day `daysAgo` calendar days back (moved to a working day). */
function receptionAt(d: Demo, daysAgo: number): Date {
  let day = vnDateOf(new Date(d.now.getTime() - daysAgo * DAY_MS));
  for (let guard = 0; guard < 10 && !describeDay(day, d.cal).working; guard++) day = vnDateOf(new Date(vnInstant(day).getTime() - DAY_MS));
  const minute = 15 + Math.floor(d.rand() * 540);
  return vnInstant(day, `${String(7 + Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`);
}

/** A procedure, its handling agency and the desk that receives it, with an applicant. */
function pickCase(d: Demo) {
  const served = d.versions.filter((x) => x.implementingUnits.some((u) => d.featured.has(u.id)));
  const v = served.length && d.rand() < 0.7 ? pick(d.rand, served) : pick(d.rand, d.versions);
  const featured = v.implementingUnits.filter((u) => d.featured.has(u.id));
  const handling = d.units.get((featured.length && d.rand() < 0.7 ? pick(d.rand, featured) : pick(d.rand, v.implementingUnits)).id)!;
  // §2: most people use the nearest centre; some go to the provincial centre for a commune's procedure.
  const near = d.communeCentre.get(handling.id);
  const receiving = near && d.rand() < 0.8 ? near : d.provinceCentre;
  const channel = pick(d.rand, ['direct', 'direct', 'direct', 'online', 'post'] as const);
  const organisation = d.rand() < 0.1;
  const name = organisation ? pick(d.rand, COMPANIES) : `${pick(d.rand, FAMILY)} ${pick(d.rand, MIDDLE)} ${pick(d.rand, GIVEN)}`;
  const idNumber = organisation ? `28${String(Math.floor(d.rand() * 1e8)).padStart(8, '0')}` : `038${String(Math.floor(d.rand() * 1e9)).padStart(9, '0')}`;
  const time = timeForChannel(v.processingTimes, channel);
  // The catalog's time is unreadable for some demo procedures: the desk states it, as a real officer must.
  const stated: Duration | null = time?.readable && time.amount !== null && time.unit !== null ? null : { amount: 3, unit: 'working-days' };
  const duration: Duration = stated ?? { amount: time!.amount!, unit: time!.unit! };
  const citizen = !organisation && (d.personCases = (d.personCases ?? 0) + 1) % DEMO_CITIZEN_EVERY === 0;
  const person = citizen ? DEMO_CITIZEN_APPLICANT : { name, idNumber };
  return { v, handling, receiving, channel, applicant: { kind: organisation ? ('organisation' as const) : ('person' as const), ...person }, stated, duration };
}

/** Seeds the demo dossiers once (nothing when any dossier exists); the identity, calendar and catalog seeds run first. */
export async function seedDossiersDemo(ctx: Ctx): Promise<void> {
  const [existing] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(dossiers);
  if (Number(existing?.n ?? 0) > 0) return;
  const now = ctx.clock.now();
  const cal = await calendarOrNone(calendarOf(ctx.db, null));
  if (!cal) {
    ctx.log.warn('dossiers demo: no published calendar, no demo dossiers');
    return;
  }
  const versions: ProcedureVersionView[] = [];
  for (const code of DEMO_PROCEDURE_CODES) {
    const v = await getPublishedProcedureByCode(ctx.db, code, vnDateOf(now));
    if (v && v.implementingUnits.length > 0) versions.push(v);
  }
  const rows = await ctx.db
    .select({
      id: identityOrgUnits.id,
      code: identityOrgUnits.code,
      name: identityOrgUnits.name,
      path: identityOrgUnits.path,
      kind: identityOrgUnits.kind,
      shortName: identityOrgUnits.shortName,
      parentId: identityOrgUnits.parentId,
    })
    .from(identityOrgUnits)
    .where(sql`${identityOrgUnits.validTo} is null`);
  const units = new Map(rows.map((u) => [u.id, { id: u.id, code: u.code, name: u.name, path: u.path, kind: u.kind, shortName: u.shortName }]));
  const kindOf = new Map(rows.map((u) => [u.id, u.kind]));
  const centres = rows.filter((u) => u.kind === 'service-center' && u.parentId);
  const provinceCentre = centres.find((c) => kindOf.get(c.parentId!) === 'province');
  if (versions.length === 0 || !provinceCentre) return;
  const communeCentre = new Map<string, UnitInfo>();
  for (const c of centres) if (kindOf.get(c.parentId!) === 'commune') communeCentre.set(c.parentId!, units.get(c.id)!);
  const partners = rows.filter((u) => u.kind === 'department').map((u) => units.get(u.id)!);
  const working = await ctx.db
    .selectDistinct({ id: identityRoleGrants.orgUnitId })
    .from(identityRoleGrants)
    .where(sql`${identityRoleGrants.role} in ('specialist','leader')`);
  // A unit is featured when its officers (or a division's) hold a handling role there.
  const featured = new Set(
    rows.filter((u) => working.some((g) => units.get(g.id)?.path.startsWith(units.get(u.id)!.path) && (u.kind === 'department' || u.kind === 'commune'))).map((u) => u.id),
  );
  const demo: Demo = {
    ctx: { ...ctx, actor: SEED_ACTOR },
    cal,
    rand: prng(0x64736e72),
    now,
    versions,
    units,
    provinceCentre: units.get(provinceCentre.id)!,
    communeCentre,
    partners,
    featured,
  };

  const t0 = performance.now();
  const history = await seedHistory(demo);
  const t1 = performance.now();
  const recent = await seedRecent(demo);
  await seedIntakeDecisions(demo);
  // Demo rows written without a transition have no public lookup view yet: write them all now.
  while ((await refreshOutdatedPublicViews(ctx.db, 500)) > 0);
  await sweepAtRisk({ ...demo.ctx, clock: { now: () => now } }, { limit: 10_000 });
  ctx.log.info({ history, recent, historyMs: Math.round(t1 - t0), recentMs: Math.round(performance.now() - t1) }, 'dossiers demo seeded');
}

// ---------------------------------------------------------------------------------------------------------------
// History: finished dossiers, bulk-written

type DossierInsert = typeof dossiers.$inferInsert;
type HopInsert = typeof dossierSteps.$inferInsert;
type EventInsert = typeof dossierEvents.$inferInsert;

/** One finished dossier's rows, its life simulated on the calendar with the same deadline functions as the use cases. */
function simulateFinished(d: Demo, id: string, c: ReturnType<typeof pickCase>, receivedAt: Date, steps: ResolvedStep[]) {
  const { cal, rand } = d;
  const dueAt = dueOf(receivedAt, c.duration, cal)!;
  const totalMinutes = workingMinutesBetween(receivedAt, dueAt, cal) ?? 2400;
  const fate = rand();
  const slow = fate > 0.9;
  const hops: HopInsert[] = [];
  const events: EventInsert[] = [];
  const label = SEED_ACTOR.displayName;
  const ev = (at: Date, kind: string, statusCode: number, params: Record<string, string | number | null>, note: string | null = null) =>
    events.push({ dossierId: id, at, kind, public: kind !== 'return-to-step', statusCode, params, note, actorId: null, actorLabel: label });
  ev(receivedAt, 'intake', 2, { unit: c.receiving.name, due: toVnIso(dueAt) });
  const last = lastHandlingIndex(steps, c.receiving.id);
  let t = receivedAt;
  let holder = steps[0]!;
  let current = 0;
  const hop = (index: number, from: string | null, at: Date) => {
    const s = steps[index]!;
    hops.push({
      dossierId: id,
      seq: hops.length + 1,
      kind: 'step',
      stepIndex: index,
      name: s.name,
      fromUnitId: from,
      toUnitId: s.unitId,
      role: s.role,
      startedAt: at,
      budgetMinutes: s.budgetMinutes,
      dueAt: hopDueOf(at, s.budgetMinutes, cal),
      handedBy: label,
    });
  };
  const closeHop = (at: Date) => {
    const h = hops[hops.length - 1]!;
    h.finishedAt = at;
    h.classification = classify(at, h.dueAt ?? null, cal);
  };
  hop(0, null, receivedAt);
  const end = (kind: 'withdraw' | 'stop', reason: string) => {
    t = later(t, 60 + rand() * 600, cal);
    closeHop(t);
    const target: DossierState = kind === 'stop' ? 'STOPPED' : 'WITHDRAWN';
    ev(t, kind, STATUS_CODE[target], {}, reason);
    return { state: target, closedAt: t };
  };
  if (fate < 0.04) return finishRow(end('withdraw', 'Người nộp có đơn xin rút hồ sơ'));
  for (let i = 1; i <= last; i++) {
    const s = steps[i - 1]!;
    const spent = i === 2 && slow ? totalMinutes * (0.9 + rand() * 0.6) : (s.budgetMinutes ?? totalMinutes / (last + 1)) * (0.15 + rand() * 0.7);
    t = later(t, spent, cal);
    closeHop(t);
    const kind = s.role === 'leader' ? 'approve' : 'forward';
    hop(i, holder.unitId, t);
    ev(t, kind, 4, kind === 'approve' ? { unit: d.units.get(holder.unitId)?.name ?? '', step: s.name } : { unit: d.units.get(steps[i]!.unitId)?.name ?? '', step: steps[i]!.name });
    holder = steps[i]!;
    current = i;
    if (i === 1 && fate < 0.07) return finishRow(end('stop', 'Dừng giải quyết theo đề nghị của người nộp hồ sơ'));
  }
  // Result ready (status 9): classified against the original promise (§19.8).
  t = later(t, (holder.budgetMinutes ?? 240) * (0.2 + rand() * 0.6), cal);
  closeHop(t);
  const finishedAt = t;
  const classification = classify(finishedAt, dueAt, cal)!;
  const overran = hops.find((h) => h.classification === 'late');
  ev(t, holder.role === 'leader' ? 'approve' : 'result-ready', 9, { unit: c.receiving.name });
  const ret = returnStepIndex(steps, c.receiving.id);
  hops.push({
    dossierId: id,
    seq: hops.length + 1,
    kind: 'step',
    stepIndex: ret >= 0 ? ret : null,
    name: ret >= 0 ? steps[ret]!.name : 'Trả kết quả',
    fromUnitId: holder.unitId,
    toUnitId: c.receiving.id,
    role: 'reception-officer',
    startedAt: t,
    budgetMinutes: ret >= 0 ? steps[ret]!.budgetMinutes : null,
    dueAt: hopDueOf(t, ret >= 0 ? steps[ret]!.budgetMinutes : null, cal),
    handedBy: label,
  });
  const done = {
    state: 'DONE' as const,
    finishedAt,
    classification,
    lateUnitId: classification === 'late' ? (overran?.toUnitId ?? holder.unitId) : null,
    // The demo's history has no pauses.
    ...workingTimeUsed({ receivedAt, finishedAt, duration: c.duration }, cal, []),
    currentStep: ret >= 0 ? ret : current,
  };
  const returnedAt = later(t, 30 + rand() * 1200, cal);
  if (returnedAt.getTime() >= d.now.getTime()) return finishRow({ ...done, holderUnitId: c.receiving.id });
  closeHop(returnedAt);
  const method = pick(rand, ['desk', 'desk', 'post'] as const);
  ev(returnedAt, 'return-result', 10, { method });
  return finishRow({ ...done, state: 'RETURNED', returnedAt, closedAt: returnedAt, returnMethod: method, returnedTo: 'Người nộp hồ sơ' });

  function finishRow(extra: Partial<DossierInsert> & { state: DossierState }) {
    const values: Partial<DossierInsert> & { state: DossierState; statusCode: number } = {
      currentStep: current,
      holderUnitId: c.receiving.id,
      holderRole: 'reception-officer',
      ...extra,
      statusCode: STATUS_CODE[extra.state],
    };
    return { dueAt, hops, events, values };
  }
}

async function seedHistory(d: Demo): Promise<number> {
  const all: Array<{ c: ReturnType<typeof pickCase>; receivedAt: Date }> = [];
  for (let i = 0; i < DEMO_HISTORY_COUNT; i++) all.push({ c: pickCase(d), receivedAt: receptionAt(d, 15 + d.rand() * 75) });
  all.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
  return withTransaction(d.ctx, async (scope) => {
    const codes: string[] = [];
    const hops: HopInsert[] = [];
    const events: EventInsert[] = [];
    for (const { c, receivedAt } of all) {
      const steps = resolveWorkflow(c.v, c.receiving, c.handling);
      const id = crypto.randomUUID();
      let sim: ReturnType<typeof simulateFinished>;
      try {
        sim = simulateFinished(d, id, c, receivedAt, steps);
      } catch {
        // A due instant in a year the province has not published: such a dossier could not have been received either.
        continue;
      }
      const day = vnDateOf(receivedAt);
      const bookSeq = await nextSlipNumber(scope.tx, c.receiving.id, 'book', Number(day.slice(0, 4)));
      const fee = c.v.fees.find((f) => f.amountVnd !== null)?.amountVnd ?? 0;
      const row: NewDossier['row'] = {
        procedureVersionId: c.v.id,
        procedureCode: c.v.code,
        procedureName: c.v.name,
        receivingUnitId: c.receiving.id,
        handlingUnitId: c.handling.id,
        channel: c.channel,
        resultDelivery: c.channel === 'online' ? 'online' : c.channel === 'post' ? 'post' : 'desk',
        applicantKind: c.applicant.kind,
        applicantName: c.applicant.name,
        applicantIdNumber: c.applicant.idNumber,
        applicantAddress: 'Tỉnh Thanh Hóa',
        checklist: plainChecklist(c.v, c.channel).checklist,
        feeVnd: fee,
        // Demo receptions that took a fee took it in cash at the desk.
        feePaymentMethod: fee > 0 ? 'cash' : null,
        state: sim.values.state,
        statusCode: sim.values.statusCode,
        workflow: steps,
        currentStep: sim.values.currentStep ?? 0,
        holderUnitId: sim.values.holderUnitId ?? c.receiving.id,
        holderRole: sim.values.holderRole ?? 'reception-officer',
        durationAmount: c.duration.amount,
        durationUnit: c.duration.unit,
        durationSource: c.stated ? 'officer' : 'catalog',
        calendarUnitCode: c.receiving.code,
        receivedAt,
        dueAt: sim.dueAt,
        finishedAt: sim.values.finishedAt ?? null,
        returnedAt: sim.values.returnedAt ?? null,
        closedAt: sim.values.closedAt ?? null,
        returnMethod: sim.values.returnMethod ?? null,
        returnedTo: sim.values.returnedTo ?? null,
        classification: sim.values.classification ?? null,
        lateUnitId: sim.values.lateUnitId ?? null,
        usedWorkingMinutes: sim.values.usedWorkingMinutes ?? null,
        allowedWorkingMinutes: sim.values.allowedWorkingMinutes ?? null,
        ruleVersion: ruleVersionOn(day),
        pauseRule: DEFAULT_PAUSE_RULE,
        bookNumber: day.slice(0, 4),
        bookSeq,
        searchText: dossierSearchText(c.applicant),
        createdAt: receivedAt,
        updatedAt: sim.values.closedAt ?? sim.values.finishedAt ?? receivedAt,
        version: sim.events.length,
      };
      // The same insert as intake for the row, its first hop and its first timeline entry; the later ones in bulk below.
      const [firstHop, ...laterHops] = sim.hops;
      const [firstEvent, ...laterEvents] = sim.events;
      const { dossierId: _h, seq: _s, ...hop } = firstHop!;
      const { dossierId: _e, ...event } = firstEvent!;
      codes.push(await insertNewDossier(scope.tx, { id, agencyCode: c.handling.code, day, row, hop, event, publicView: null }));
      // Slips numbered with their acts, as intake and the stop number them (D14).
      await insertSlipIssuance(scope.tx, slipAtAct({ form: 'controlSlip', subject: `dossier:${id}`, dossierId: id, issuer: c.receiving, at: receivedAt }));
      const stop = sim.events.find((e) => e.kind === 'stop');
      if (stop) await insertSlipIssuance(scope.tx, slipAtAct({ form: 'stopNotice', subject: `dossier:${id}`, dossierId: id, issuer: c.handling, at: stop.at }));
      hops.push(...laterHops);
      events.push(...laterEvents);
    }
    for (let i = 0; i < hops.length; i += 200) await scope.tx.insert(dossierSteps).values(hops.slice(i, i + 200));
    for (let i = 0; i < events.length; i += 200) await scope.tx.insert(dossierEvents).values(events.slice(i, i + 200));
    await scope.audit({
      action: 'dossiers.demo-history',
      subjectType: 'dossier',
      subjectId: 'demo-history',
      before: null,
      after: { count: codes.length, codes },
    });
    return codes.length;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Recent: open dossiers through the use cases

async function seedRecent(d: Demo): Promise<number> {
  const clock = new SeedClock();
  const ctx: Ctx = { ...d.ctx, clock };
  let count = 0;
  for (let round = 0; round < RECENT_ROUNDS; round++) {
    for (const target of DEMO_RECENT_TARGETS) {
      const c = pickCase(d);
      // Late and apologised dossiers need their due behind or close; the others a few days back.
      const daysAgo = target === 'LATE' ? 12 + d.rand() * 6 : target === 'RETURNED' || target === 'DONE' ? 4 + d.rand() * 8 : d.rand() * 6;
      clock.at = receptionAt(d, daysAgo);
      if (clock.at.getTime() >= d.now.getTime()) clock.at = new Date(d.now.getTime() - 3_600_000);
      const input: IntakeRequest = {
        procedureCode: c.v.code,
        receivingUnitId: c.receiving.id,
        handlingUnitId: c.handling.id,
        channel: c.channel,
        applicant: { ...c.applicant, phone: null, email: count % 20 === 0 ? `demo.${count}@example.vn` : null, address: 'Tỉnh Thanh Hóa' },
        ...plainChecklist(c.v, c.channel),
        feeVnd: 0,
        ...(c.stated ? { duration: c.stated } : {}),
        decision: 'accept',
        note: null,
      };
      const r = await intakeDossier(ctx, input).catch(refusedAsNull);
      if (r?.decision !== 'accept') continue;
      count++;
      await drive(d, ctx, clock, r.dossierId, target, c.handling.id);
    }
  }
  return count;
}

/** Moves a received dossier towards `target`, never past the real now. */
async function drive(d: Demo, ctx: Ctx, clock: SeedClock, id: string, target: (typeof DEMO_RECENT_TARGETS)[number], handlingId: string): Promise<void> {
  const { cal, rand } = d;
  let version = 1;
  const act = async (minutes: number, req: { transition: TransitionRequest['transition'] } & Record<string, unknown>): Promise<boolean> => {
    const next = later(clock.at, minutes, cal);
    if (next.getTime() >= d.now.getTime()) return false;
    clock.at = next;
    try {
      const row = await transitionDossier(ctx, id, { note: null, attachments: [], ...req, expectedVersion: version } as unknown as TransitionRequest);
      version = row.version;
      return true;
    } catch (err) {
      // A template this path does not fit (e.g. more steps): the dossier stays where it is.
      ctx.log.debug({ err, id, transition: req.transition }, 'dossiers demo: transition skipped');
      return false;
    }
  };
  if (target === 'RECEIVED') return;
  if (target === 'WITHDRAWN') return void (await act(60, { transition: 'withdraw', reason: 'Người nộp có đơn xin rút hồ sơ' }));
  if (!(await act(30 + rand() * 200, { transition: 'forward' }))) return;
  switch (target) {
    case 'PROCESSING':
      return;
    case 'STOPPED':
      return void (await act(240, { transition: 'stop', reason: 'Người nộp đề nghị dừng giải quyết để hoàn thiện thêm giấy tờ' }));
    case 'SUPPLEMENT_REQUESTED':
      return void (await act(120, { transition: 'request-supplement', items: [pick(rand, SUPPLEMENT_ITEMS)], reason: 'Thành phần hồ sơ chưa đầy đủ' }));
    case 'AWAITING_PAYMENT':
      return void (await act(120, { transition: 'request-payment', amountVnd: 50_000 * (1 + Math.floor(rand() * 10)), reason: 'Nộp lệ phí theo thông báo của cơ quan thuế' }));
    case 'INTEROPERATING':
      return void (await act(120, {
        transition: 'transfer',
        toUnitId: pick(
          rand,
          d.partners.filter((p) => p.id !== handlingId),
        ).id,
        role: 'specialist',
        budgetMinutes: 960,
      }));
    case 'APOLOGY': {
      const row = (await findDossier(ctx.db, id))!;
      const at = later(clock.at, 60, cal);
      const newDue = later(row.dueAt, 1440, cal);
      if (at.getTime() >= d.now.getTime() || newDue === FAR_FUTURE) return;
      clock.at = at;
      await issueApology(ctx, id, { expectedVersion: version, reason: 'Cần xác minh thêm thông tin với cơ quan liên quan', newDueAt: newDue.toISOString() })
        .then((r) => void (version = r.version))
        .catch(refusedAsNull);
      return;
    }
    case 'LATE':
      // Sits with the specialist past its budget; some move on late, some are still open and overdue.
      if (rand() < 0.5) return;
      if (!(await act(3000 + rand() * 1500, { transition: 'forward' }))) return;
      return;
    default:
      break;
  }
  if (!(await act(120 + rand() * 600, { transition: 'forward' }))) return;
  if (target === 'AWAITING_APPROVAL') return;
  const state = (await findDossier(ctx.db, id))!.state;
  if (!(await act(60 + rand() * 300, { transition: state === 'AWAITING_APPROVAL' ? 'approve' : 'result-ready' }))) return;
  if (target === 'DONE') return;
  await act(30 + rand() * 600, { transition: 'return-result', method: pick(rand, ['desk', 'post'] as const), receivedBy: 'Người nộp hồ sơ' });
}

async function seedIntakeDecisions(d: Demo): Promise<void> {
  const clock = new SeedClock();
  const ctx: Ctx = { ...d.ctx, clock };
  for (let i = 0; i < 6; i++) {
    const c = pickCase(d);
    clock.at = receptionAt(d, 1 + i * 3);
    const kind = i % 2 === 0 ? 'guide' : 'refuse';
    await intakeDossier(ctx, {
      procedureCode: c.v.code,
      receivingUnitId: c.receiving.id,
      channel: 'direct',
      applicant: { ...c.applicant, phone: null, email: null, address: null },
      checklist: [],
      note: null,
      ...(kind === 'guide'
        ? { decision: kind, missingItems: [pick(d.rand, SUPPLEMENT_ITEMS)], reasons: 'Hồ sơ chưa đủ thành phần theo quy định' }
        : { decision: kind, missingItems: [], reasons: 'Yêu cầu không thuộc phạm vi giải quyết của thủ tục' }),
    }).catch(refusedAsNull);
  }
}
