// One generated dossier's life (dossiers.scale.ts): its rows as the use cases would have written them, transition by
// transition — the same plans as use-cases/transition-dossier.ts (values, hops, pauses, timeline params, audit shapes),
// the same deadline helpers (dossiers.deadlines.ts) on the real working calendar — but in memory, for bulk insertion.
import { addWorkingTimeMs, CalendarError, toVnIso, type Duration, type WorkingCalendar } from '../../platform/calendar';
import type { DatedAuditEntry } from '../../platform/audit';
import type { TransitionName } from '../../../contracts/dossiers/dossiers.contracts';
import { classify, dueOf, hopDueOf, isAtRisk, shiftByWorkingMinutes, toPauses, workingMinutesBetween, workingTimeUsed } from './dossiers.deadlines';
import { DOSSIER_ACTIONS } from './dossiers.policy';
import type { DossierRow, HopRow, PauseRow, EventRow, ApologyRow } from './dossiers.repository';
import type { dossierSlipIssuances, ResolvedStep, SubmitterInfo, ChecklistItem } from './dossiers.tables';
import { lastHandlingIndex, returnStepIndex, RUNNING_STATES, PAUSED_STATES, stateForStep, STATUS_CODE, TRANSITIONS, type DossierState } from './dossiers.workflow';
import { riskAfter } from './use-cases/transition-dossier';
import { pick, uuidOf, weighted, type GeneratedApplicant, type Rand } from './dossiers.scale-people';

/** Who acts: a demo account's id and name when the unit has one for the role, else a generated officer (no account). */
export interface Officer {
  id: string | null;
  label: string;
  /** The workstation address written on its audit entries. */
  ip: string;
}

type SlipForm = 'supplementRequest' | 'stopNotice' | 'controlSlip' | 'apology';
type SlipInsert = typeof dossierSlipIssuances.$inferInsert;

/** What the life needs from the province: calendar, units, officers and the slip numbering (counters live there). */
export interface LifeWorld {
  now: Date;
  cal: WorkingCalendar;
  unitName(id: string): string;
  officer(unitId: string, role: string, r: Rand): Officer;
  /** Departments another agency may transfer a dossier to (§3.1 step 5c). */
  partners: ReadonlyArray<{ id: string; name: string }>;
  /** Allocates the next number of `form` at `unitId` for the year of `at`; returns the printed reference. */
  slipNumber(form: SlipForm, unitId: string, at: Date): { year: number; number: number; reference: string };
}

/** The dossier as received at the desk: procedure, units, applicant, duration and the resolved workflow. */
export interface DossierCase {
  id: string;
  code: string;
  bookSeq: number;
  versionId: string;
  procedureCode: string;
  procedureName: string;
  onTheSpot: boolean;
  feeVnd: number;
  receiving: { id: string; code: string; name: string };
  handling: { id: string; code: string; name: string };
  channel: 'direct' | 'online' | 'post';
  applicant: GeneratedApplicant;
  submitter: SubmitterInfo | null;
  checklist: ChecklistItem[];
  duration: Duration;
  durationSource: 'catalog' | 'officer';
  workflow: ResolvedStep[];
  receivedAt: Date;
  searchText: string;
  ruleVersion: string;
  pauseRule: string;
  /** How late-prone the handling unit is (1 = the province's average). */
  latenessFactor: number;
}

/** Everything written for one dossier. */
export interface GeneratedLife {
  row: DossierRow;
  hops: HopRow[];
  pauses: PauseRow[];
  events: Array<Omit<EventRow, 'id'>>;
  apology: ApologyRow | null;
  slips: SlipInsert[];
  audit: DatedAuditEntry[];
}

/**
 * Realism parameters of a dossier's life. Shares are of all dossiers unless said otherwise; times are working time.
 * They give: most dossiers finished early or on time, about 4 % late (more at late-prone units), a few supplement
 * requests, payments and inter-agency transfers, rare withdrawals, stops and apologies, a few dossiers stuck open
 * for good (the overdue backlog every province has), and results collected within days.
 */
export const LIFE = {
  /** Finished late, before the unit's factor (0.4–2 × this). */
  late: 0.035,
  /** Of late-bound dossiers, those whose agency apologises and sets a new date (Mẫu 04) in time. */
  apologyWhenLate: 0.3,
  withdrawEarly: 0.003,
  withdraw: 0.009,
  stop: 0.007,
  /** Never move on from a handling step. */
  stuck: 0.003,
  supplement: 0.06,
  /** Of supplement requests, those the applicant never answers (withdrawn after 20–60 working days). */
  supplementUnanswered: 0.1,
  payment: 0.03,
  /** Extra share of payments for procedures with a fee. */
  paymentWithFee: 0.12,
  transfer: 0.035,
  /** Extra share of transfers for procedures longer than five working days (land, construction, social). */
  transferLong: 0.1,
  returnToStep: 0.02,
  /** On-the-spot procedures returned in the visit that received them (direct channel only). */
  onTheSpot: 0.5,
  /** Results never collected. */
  neverCollected: 0.004,
  /** Control slips (Mẫu 06) printed at reception for paper dossiers. */
  controlSlip: 0.35,
} as const;

const SUPPLEMENT_REASONS = [
  'Thành phần hồ sơ chưa đầy đủ theo quy định',
  'Thông tin trong tờ khai chưa thống nhất với giấy tờ tùy thân',
  'Bản sao giấy tờ chưa được chứng thực',
  'Cần bổ sung giấy tờ chứng minh nơi cư trú',
];
const STOP_REASONS = [
  'Người nộp đề nghị dừng giải quyết để hoàn thiện thêm giấy tờ',
  'Hồ sơ không đủ điều kiện giải quyết theo quy định',
  'Cơ quan liên thông trả lời không đủ điều kiện',
];
const WITHDRAW_REASONS = ['Người nộp có đơn xin rút hồ sơ', 'Người nộp đề nghị rút hồ sơ để nộp lại sau'];
const UNANSWERED_REASON = 'Người nộp không bổ sung hồ sơ trong thời hạn yêu cầu, đề nghị rút hồ sơ';
const RETURN_REASONS = ['Đề nghị thẩm định lại thông tin người nộp', 'Dự thảo kết quả còn sai sót, đề nghị chỉnh sửa'];
const PAYMENT_REASONS = ['Nộp lệ phí theo thông báo của cơ quan thuế', 'Nộp tiền sử dụng đất theo thông báo', 'Nộp phí thẩm định hồ sơ'];
const APOLOGY_REASONS = ['Cần xác minh thêm thông tin với cơ quan liên quan', 'Hồ sơ phức tạp, cần thêm thời gian thẩm định', 'Cơ sở dữ liệu chuyên ngành gián đoạn'];
const TRANSFER_BUDGETS: ReadonlyArray<readonly [number, number]> = [
  [480, 2],
  [960, 4],
  [1440, 3],
  [2400, 1],
];

/** What a plan changes, as transitionDossier's Plan. */
interface Plan {
  values: Partial<DossierRow>;
  closeHops: Array<{ hop: HopRow; classification: HopRow['classification'] }>;
  newHop: Omit<HopRow, 'id' | 'dossierId' | 'seq'> | null;
  hopDue: { hop: HopRow; due: Date | null } | null;
  pause: { open: { reason: PauseRow['reason']; note: string | null; items?: string[]; amountVnd?: number | null } } | { close: true } | null;
  params: Record<string, string | number | null>;
}

/** The state a dossier's life is in while it is simulated. */
class Life {
  readonly row: DossierRow;
  readonly hops: HopRow[] = [];
  readonly pauses: PauseRow[] = [];
  readonly events: GeneratedLife['events'] = [];
  readonly audit: DatedAuditEntry[] = [];
  readonly slips: SlipInsert[] = [];
  apology: ApologyRow | null = null;

  constructor(
    readonly w: LifeWorld,
    readonly c: DossierCase,
    readonly r: Rand,
  ) {
    const { cal } = w;
    const at = c.receivedAt;
    const dueAt = dueOf(at, c.duration, cal)!;
    const first = c.workflow[0]!;
    const desk = w.officer(c.receiving.id, 'reception-officer', r);
    let laterBudgets = 0;
    for (let i = 1; i <= lastHandlingIndex(c.workflow, c.receiving.id); i++) laterBudgets += c.workflow[i]?.budgetMinutes ?? 0;
    const atRisk = isAtRisk({ now: at, effectiveDue: dueAt, cal, pauses: [], openHop: { startedAt: at, budgetMinutes: first.budgetMinutes }, laterBudgets }) ?? false;
    const a = c.applicant;
    // The row intake writes (use-cases/intake-dossier.ts), with the book number it is given before COMMIT.
    this.row = {
      id: c.id,
      code: c.code,
      procedureVersionId: c.versionId,
      procedureCode: c.procedureCode,
      procedureName: c.procedureName,
      receivingUnitId: c.receiving.id,
      handlingUnitId: c.handling.id,
      channel: c.channel,
      resultDelivery: c.channel === 'online' ? 'online' : c.channel === 'post' ? 'post' : 'desk',
      applicantKind: a.kind,
      applicantName: a.name,
      applicantIdNumber: a.idNumber,
      applicantPhone: a.phone,
      applicantEmail: a.email,
      applicantNotifyChannels: null,
      applicantAddress: a.address,
      submitter: c.submitter,
      checklist: c.checklist,
      feeVnd: c.feeVnd,
      // Most desks take fees in cash; some by transfer (intake requires a method whenever a fee was taken).
      feePaymentMethod: c.feeVnd > 0 ? (r() < 0.8 ? 'cash' : 'bank-transfer') : null,
      state: 'RECEIVED',
      statusCode: STATUS_CODE.RECEIVED,
      workflow: c.workflow,
      currentStep: 0,
      holderUnitId: first.unitId,
      holderRole: first.role,
      resumeState: null,
      durationAmount: c.duration.amount,
      durationUnit: c.duration.unit,
      durationSource: c.durationSource,
      calendarUnitCode: c.receiving.code,
      receivedAt: at,
      dueAt,
      extendedDueAt: null,
      finishedAt: null,
      returnedAt: null,
      closedAt: null,
      returnMethod: null,
      returnedTo: null,
      classification: null,
      withinExtension: false,
      lateUnitId: null,
      usedWorkingMinutes: null,
      allowedWorkingMinutes: null,
      atRisk,
      atRiskCheckedAt: null,
      ruleVersion: c.ruleVersion,
      pauseRule: c.pauseRule,
      bookNumber: toVnIso(at).slice(0, 4),
      bookSeq: c.bookSeq,
      receivedBy: desk.id,
      searchText: c.searchText,
      version: 1,
      createdAt: at,
      updatedAt: at,
      publicView: null,
      publicViewRev: null,
    };
    this.addHop({
      kind: 'step',
      stepIndex: 0,
      name: first.name,
      fromUnitId: null,
      toUnitId: first.unitId,
      role: first.role,
      startedAt: at,
      budgetMinutes: first.budgetMinutes,
      dueAt: hopDueOf(at, first.budgetMinutes, cal),
      finishedAt: null,
      classification: null,
      handedBy: desk.label,
      note: null,
      attachments: [],
    });
    const params = { unit: c.receiving.name, due: toVnIso(dueAt) };
    this.events.push({ dossierId: c.id, at, kind: 'intake', public: true, statusCode: STATUS_CODE.RECEIVED, params, note: null, actorId: desk.id, actorLabel: desk.label });
    this.record(desk, at, {
      action: DOSSIER_ACTIONS.intake,
      before: null,
      after: {
        code: c.code,
        procedureCode: c.procedureCode,
        procedureVersionId: c.versionId,
        receivingUnitId: c.receiving.id,
        handlingUnitId: c.handling.id,
        channel: c.channel,
        applicant: { kind: a.kind, name: a.name },
        duration: { ...c.duration, source: c.durationSource },
        receivedAt: toVnIso(at),
        dueAt: toVnIso(dueAt),
        state: 'RECEIVED',
        atRisk,
      },
    });
  }

  private addHop(hop: Omit<HopRow, 'id' | 'dossierId' | 'seq'>): HopRow {
    const row: HopRow = { ...hop, id: uuidOf(this.r), dossierId: this.c.id, seq: this.hops.length + 1 };
    this.hops.push(row);
    return row;
  }

  private record(actor: Officer, at: Date, entry: { action: string; before: unknown; after: unknown }): void {
    this.audit.push({
      source: { actorId: actor.id, actorLabel: actor.label, at, requestId: uuidOf(this.r), ip: actor.ip },
      entry: { action: entry.action, subjectType: 'dossier', subjectId: this.c.id, before: entry.before, after: entry.after },
    });
  }

  openStepHop = (): HopRow | null => this.hops.find((h) => h.kind === 'step' && h.finishedAt === null) ?? null;
  openSideHop = (): HopRow | null => this.hops.find((h) => h.kind !== 'step' && h.finishedAt === null) ?? null;
  get state(): DossierState {
    return this.row.state;
  }
  get open(): boolean {
    return !['DONE', 'RETURNED', 'WITHDRAWN', 'STOPPED'].includes(this.row.state);
  }

  /** Applies a transition as transitionDossier does: values, the timeline entry, hops, pause, audit, the at-risk flag. */
  apply(at: Date, actor: Officer, transition: TransitionName, p: Plan, note: string | null): void {
    const { row, w } = this;
    const before = {
      state: row.state,
      statusCode: row.statusCode,
      version: row.version,
      holderUnitId: row.holderUnitId,
      holderRole: row.holderRole,
      currentStep: row.currentStep,
      dueAt: toVnIso(row.dueAt),
    };
    const nextState = p.values.state ?? row.state;
    if (RUNNING_STATES.includes(nextState) && !PAUSED_STATES.includes(nextState)) {
      const closingPause = p.pause !== null && 'close' in p.pause;
      const pausesAfter = toPauses(this.pauses.map((x) => (closingPause && x.toAt === null ? { ...x, toAt: at } : x)));
      const stepHop = p.newHop?.kind === 'step' ? p.newHop : this.openStepHop();
      p.values.atRisk = riskAfter({ ...row, ...p.values }, at, w.cal, pausesAfter, stepHop ? { startedAt: stepHop.startedAt, budgetMinutes: stepHop.budgetMinutes } : null);
      p.values.atRiskCheckedAt = at;
    }
    Object.assign(row, p.values);
    row.statusCode = STATUS_CODE[row.state];
    row.updatedAt = at;
    row.version += 1;
    this.events.push({
      dossierId: row.id,
      at,
      kind: transition,
      public: TRANSITIONS[transition].public,
      statusCode: row.statusCode,
      params: p.params,
      note,
      actorId: actor.id,
      actorLabel: actor.label,
    });
    for (const c of p.closeHops) {
      c.hop.finishedAt = at;
      c.hop.classification = c.classification;
    }
    if (p.newHop) this.addHop(p.newHop);
    if (p.hopDue) p.hopDue.hop.dueAt = p.hopDue.due;
    if (p.pause && 'open' in p.pause) {
      const o = p.pause.open;
      this.pauses.push({ id: uuidOf(this.r), dossierId: row.id, reason: o.reason, fromAt: at, toAt: null, note: o.note, items: o.items ?? [], amountVnd: o.amountVnd ?? null });
    } else if (p.pause) {
      const open = this.pauses.find((x) => x.toAt === null);
      if (open) open.toAt = at;
    }
    this.record(actor, at, {
      action: `${DOSSIER_ACTIONS.transition}.${transition}`,
      before,
      after: {
        state: row.state,
        statusCode: row.statusCode,
        version: row.version,
        holderUnitId: row.holderUnitId,
        holderRole: row.holderRole,
        currentStep: row.currentStep,
        dueAt: toVnIso(row.dueAt),
        extendedDueAt: row.extendedDueAt ? toVnIso(row.extendedDueAt) : null,
        classification: row.classification,
        note,
      },
    });
  }

  // --- plans, as in use-cases/transition-dossier.ts --------------------------------------------------------------

  moveToStep(at: Date, index: number, actor: Officer): Plan {
    const { row, w } = this;
    const step = row.workflow[index]!;
    const current = this.openStepHop();
    return {
      values: { currentStep: index, holderUnitId: step.unitId, holderRole: step.role, state: stateForStep(step.role, index) },
      closeHops: current ? [{ hop: current, classification: classify(at, current.dueAt, w.cal) }] : [],
      newHop: {
        kind: 'step',
        stepIndex: index,
        name: step.name,
        fromUnitId: row.holderUnitId,
        toUnitId: step.unitId,
        role: step.role,
        startedAt: at,
        budgetMinutes: step.budgetMinutes,
        dueAt: hopDueOf(at, step.budgetMinutes, w.cal),
        finishedAt: null,
        classification: null,
        handedBy: actor.label,
        note: null,
        attachments: [],
      },
      hopDue: null,
      pause: null,
      params: { unit: w.unitName(step.unitId), step: step.name },
    };
  }

  finish(at: Date, actor: Officer): Plan {
    const { row, w } = this;
    const current = this.openStepHop();
    const closeHops = current ? [{ hop: current, classification: classify(at, current.dueAt, w.cal) }] : [];
    const classification = classify(at, row.dueAt, w.cal)!;
    const ret = returnStepIndex(row.workflow, row.receivingUnitId);
    const retStep = ret >= 0 ? row.workflow[ret]! : null;
    const closing = new Map(closeHops.map((c) => [c.hop.id, c.classification]));
    return {
      values: {
        state: 'DONE',
        finishedAt: at,
        classification,
        withinExtension: classification === 'late' && row.extendedDueAt !== null && at <= row.extendedDueAt,
        lateUnitId: classification === 'late' ? this.lateUnit(closing, row.dueAt, row.holderUnitId) : null,
        ...workingTimeUsed({ receivedAt: row.receivedAt, finishedAt: at, duration: { amount: Number(row.durationAmount), unit: row.durationUnit } }, w.cal, toPauses(this.pauses)),
        currentStep: ret >= 0 ? ret : row.currentStep,
        holderUnitId: row.receivingUnitId,
        holderRole: 'reception-officer',
        atRisk: false,
      },
      closeHops,
      newHop: {
        kind: 'step',
        stepIndex: ret >= 0 ? ret : null,
        name: retStep?.name ?? 'Trả kết quả',
        fromUnitId: row.holderUnitId,
        toUnitId: row.receivingUnitId,
        role: 'reception-officer',
        startedAt: at,
        budgetMinutes: retStep?.budgetMinutes ?? null,
        dueAt: hopDueOf(at, retStep?.budgetMinutes ?? null, w.cal),
        finishedAt: null,
        classification: null,
        handedBy: actor.label,
        note: null,
        attachments: [],
      },
      hopDue: null,
      pause: null,
      params: { unit: w.unitName(row.receivingUnitId) },
    };
  }

  /** transitionDossier's lateUnitOf. */
  private lateUnit(closing: Map<string, string | null>, due: Date, fallback: string): string {
    const late = this.hops.find((h) => h.kind !== 'supplement' && (closing.get(h.id) ?? h.classification) === 'late');
    if (late) return late.toUnitId;
    const atDue = this.hops.find((h) => h.kind === 'step' && h.startedAt <= due && (h.finishedAt === null || h.finishedAt > due));
    return atDue?.toUnitId ?? fallback;
  }

  resume(at: Date): Plan {
    const { row, w } = this;
    const open = this.pauses.find((x) => x.toAt === null);
    const closed = toPauses(this.pauses.map((x) => (x === open ? { ...x, toAt: at } : x)));
    const dueAt = dueOf(row.receivedAt, { amount: Number(row.durationAmount), unit: row.durationUnit }, w.cal, closed) ?? row.dueAt;
    const pausedMinutes = open ? Math.max(0, workingMinutesBetween(open.fromAt, at, w.cal) ?? 0) : 0;
    const step = row.workflow[row.currentStep]!;
    const side = this.openSideHop();
    const stepHop = this.openStepHop();
    const returning = row.state === 'DONE' ? null : step;
    const extended = row.extendedDueAt ? shiftByWorkingMinutes(row.extendedDueAt, pausedMinutes, w.cal) : null;
    return {
      values: {
        state: row.resumeState ?? stateForStep(step.role, row.currentStep),
        resumeState: null,
        holderUnitId: returning?.unitId ?? row.holderUnitId,
        holderRole: returning?.role ?? row.holderRole,
        dueAt,
        extendedDueAt: extended,
      },
      closeHops: side ? [{ hop: side, classification: side.kind === 'transfer' ? classify(at, side.dueAt, w.cal) : null }] : [],
      newHop: null,
      hopDue: stepHop ? { hop: stepHop, due: hopDueOf(stepHop.startedAt, stepHop.budgetMinutes, w.cal, closed) } : null,
      pause: open ? { close: true } : null,
      params: { due: toVnIso(extended ?? dueAt), unit: side ? w.unitName(side.toUnitId) : '' },
    };
  }

  close(at: Date, state: 'STOPPED' | 'WITHDRAWN'): Plan {
    return {
      values: { state, closedAt: at, atRisk: false, resumeState: null },
      closeHops: this.hops.filter((h) => h.finishedAt === null).map((h) => ({ hop: h, classification: h.kind === 'supplement' ? null : classify(at, h.dueAt, this.w.cal) })),
      newHop: null,
      hopDue: null,
      pause: this.pauses.some((x) => x.toAt === null) ? { close: true } : null,
      params: {},
    };
  }

  requestSupplement(at: Date, actor: Officer, items: string[], reason: string): Plan {
    const { row } = this;
    return {
      values: { state: 'SUPPLEMENT_REQUESTED', resumeState: row.state, holderUnitId: row.receivingUnitId, holderRole: 'reception-officer', atRisk: false },
      closeHops: [],
      newHop: {
        kind: 'supplement',
        stepIndex: null,
        name: 'Yêu cầu bổ sung, hoàn thiện hồ sơ',
        fromUnitId: row.holderUnitId,
        toUnitId: row.receivingUnitId,
        role: 'reception-officer',
        startedAt: at,
        budgetMinutes: null,
        dueAt: null,
        finishedAt: null,
        classification: null,
        handedBy: actor.label,
        note: reason,
        attachments: [],
      },
      hopDue: null,
      pause: { open: { reason: 'supplement', note: reason, items } },
      params: { items: items.join('; ') },
    };
  }

  requestPayment(amountVnd: number, reason: string): Plan {
    return {
      values: { state: 'AWAITING_PAYMENT', resumeState: this.row.state, atRisk: false },
      closeHops: [],
      newHop: null,
      hopDue: null,
      pause: { open: { reason: 'financial-obligation', note: reason, amountVnd } },
      params: { amount: amountVnd },
    };
  }

  transfer(at: Date, actor: Officer, to: { id: string; name: string }, budgetMinutes: number): Plan {
    const { row, w } = this;
    return {
      values: { state: 'INTEROPERATING', resumeState: row.state, holderUnitId: to.id, holderRole: 'specialist', atRisk: false },
      closeHops: [],
      newHop: {
        kind: 'transfer',
        stepIndex: row.currentStep,
        name: 'Chuyển liên thông',
        fromUnitId: row.holderUnitId,
        toUnitId: to.id,
        role: 'specialist',
        startedAt: at,
        budgetMinutes,
        dueAt: hopDueOf(at, budgetMinutes, w.cal),
        finishedAt: null,
        classification: null,
        handedBy: actor.label,
        note: null,
        attachments: [],
      },
      hopDue: null,
      pause: { open: { reason: 'inter-agency', note: null } },
      params: { unit: to.name },
    };
  }

  returnResult(at: Date, method: 'desk' | 'post' | 'online', receivedBy: string): Plan {
    const current = this.openStepHop();
    return {
      values: { state: 'RETURNED', returnedAt: at, returnMethod: method, returnedTo: receivedBy, closedAt: at },
      closeHops: current ? [{ hop: current, classification: classify(at, current.dueAt, this.w.cal) }] : [],
      newHop: null,
      hopDue: null,
      pause: null,
      params: { method },
    };
  }

  returnOnTheSpot(at: Date): Plan {
    const { row } = this;
    const ret = returnStepIndex(row.workflow, row.receivingUnitId);
    return {
      values: {
        state: 'RETURNED',
        finishedAt: at,
        classification: 'early',
        withinExtension: false,
        lateUnitId: null,
        ...workingTimeUsed(
          { receivedAt: row.receivedAt, finishedAt: at, duration: { amount: Number(row.durationAmount), unit: row.durationUnit } },
          this.w.cal,
          toPauses(this.pauses),
        ),
        currentStep: ret >= 0 ? ret : row.currentStep,
        holderUnitId: row.receivingUnitId,
        holderRole: 'reception-officer',
        atRisk: false,
        returnedAt: at,
        returnMethod: 'desk',
        returnedTo: row.applicantName,
        closedAt: at,
      },
      closeHops: this.hops.filter((h) => h.finishedAt === null).map((h) => ({ hop: h, classification: 'early' as const })),
      newHop: null,
      hopDue: null,
      pause: null,
      params: { method: 'desk' },
    };
  }

  /** use-cases/issue-apology.ts: the new date beside the original, the letter's number (Mẫu 04) at the handling agency. */
  issueApology(at: Date, actor: Officer, newDue: Date, reason: string): void {
    const { row, w } = this;
    const n = w.slipNumber('apology', row.handlingUnitId, at);
    const stepHop = this.openStepHop();
    const atRisk = riskAfter({ ...row, extendedDueAt: newDue }, at, w.cal, toPauses(this.pauses), stepHop);
    const before = { version: row.version, dueAt: toVnIso(row.dueAt), extendedDueAt: null };
    Object.assign(row, { extendedDueAt: newDue, atRisk, atRiskCheckedAt: at, updatedAt: at, version: row.version + 1 });
    const params = { newDue: toVnIso(newDue), due: toVnIso(row.dueAt) };
    this.events.push({ dossierId: row.id, at, kind: 'apology', public: true, statusCode: row.statusCode, params, note: reason, actorId: actor.id, actorLabel: actor.label });
    this.apology = {
      id: uuidOf(this.r),
      dossierId: row.id,
      referenceNumber: n.reference,
      issuedAt: at,
      issuedBy: actor.id,
      issuedByLabel: actor.label,
      reason,
      originalDueAt: row.dueAt,
      newDueAt: newDue,
    };
    this.record(actor, at, {
      action: DOSSIER_ACTIONS.apology,
      before,
      after: { version: row.version, dueAt: toVnIso(row.dueAt), extendedDueAt: toVnIso(newDue), referenceNumber: n.reference, reason },
    });
  }

  /** A numbered slip printed (use-cases/render-slips.ts withIssuance): its issuance row and audit entry. */
  issueSlip(form: Exclude<SlipForm, 'apology'>, subject: string, unitId: string, slipAt: Date, printedAt: Date, actor: Officer): void {
    const n = this.w.slipNumber(form, unitId, slipAt);
    this.slips.push({ id: uuidOf(this.r), form, subject, dossierId: this.row.id, issuerUnitId: unitId, year: n.year, number: n.number, reference: n.reference, issuedAt: slipAt });
    this.record(actor, printedAt, { action: 'dossiers.slip-issue', before: null, after: { form, subject, reference: n.reference } });
  }
}

/** A working instant `minutes` of working time after `from`; null past the calendar's last covered year. */
function later(from: Date, minutes: number, cal: WorkingCalendar): Date | null {
  try {
    return new Date(addWorkingTimeMs(from.getTime(), Math.max(1, Math.round(minutes)), cal));
  } catch (err) {
    if (err instanceof CalendarError) return null;
    throw err;
  }
}

/** An exponential draw with the given mean. */
const exp = (r: Rand, mean: number): number => -Math.log(1 - r()) * mean;

/**
 * Lives a dossier from its reception to where it stands at `w.now`: the desk forwards it, each handling step takes
 * its share of the time the dossier will take (a fraction of the statutory time, above it for late-bound ones), with
 * the supplement requests, payments, transfers, returns to an earlier step, stops, withdrawals and apologies drawn
 * from LIFE; the result is collected after a while. Nothing happens at or after `w.now`.
 */
export function liveDossier(w: LifeWorld, c: DossierCase, r: Rand): GeneratedLife {
  const life = new Life(w, c, r);
  const { row } = life;
  const { cal, now } = w;
  const day = cal.standardDayMinutes;
  let t = c.receivedAt;
  /** Moves the clock `minutes` of working time on; false (and nothing done) when that reaches now. */
  const advance = (minutes: number): boolean => {
    const next = later(t, minutes, cal);
    if (!next || next.getTime() >= now.getTime()) return false;
    t = next;
    return true;
  };
  const holder = () => w.officer(row.holderUnitId, row.holderRole, r);
  const desk = () => w.officer(row.receivingUnitId, 'reception-officer', r);
  const act = (transition: TransitionName, plan: (actor: Officer) => Plan, actor: Officer, note: string | null = null) => life.apply(t, actor, transition, plan(actor), note);

  const paper = c.channel !== 'online';
  if (paper && r() < LIFE.controlSlip) {
    const printed = later(t, 2 + r() * 20, cal);
    if (printed && printed < now) life.issueSlip('controlSlip', `dossier:${row.id}`, row.receivingUnitId, printed, printed, desk());
  }
  if (c.onTheSpot && c.channel === 'direct' && r() < LIFE.onTheSpot) {
    if (advance(3 + r() * 25)) act('return-on-the-spot', () => life.returnOnTheSpot(t), desk());
    return finishLife(life);
  }

  const last = lastHandlingIndex(row.workflow, row.receivingUnitId);
  const available = workingMinutesBetween(c.receivedAt, row.dueAt, cal) ?? c.duration.amount * day;
  const fate = r();
  const lateBound = fate < LIFE.late * c.latenessFactor;
  // The share of the statutory time the handling takes: mostly well within it; late-bound ones overrun by up to ~80 %.
  const share = lateBound ? 1.03 + 0.8 * r() ** 1.5 : 0.08 + 0.85 * r() ** 1.3;
  // The desk checks and forwards within minutes to a few hours; the handling steps share the rest, each near its budget.
  const dwell = Math.min(5 + 235 * r() ** 2, available * 0.3);
  const handling = Math.max(20, available * share - dwell);
  const weights = row.workflow.slice(1, last + 1).map((s) => (s.budgetMinutes ?? (s.role === 'leader' ? 1 : s.role === 'specialist' ? 3 : 2)) * (0.75 + 0.5 * r()));
  const weightSum = weights.reduce((a, b) => a + b, 0) || 1;
  const stepTime = (i: number) => (handling * weights[i - 1]!) / weightSum;

  // What will happen, drawn up front (each at most once, at a handling step).
  const atStep = () => (last >= 1 ? 1 + Math.floor(r() * last) : -1);
  const long = available > 5 * day;
  const draw = (p: number) => (r() < p ? atStep() : -1);
  const withdrawEarly = r() < LIFE.withdrawEarly;
  const withdrawAt = draw(LIFE.withdraw);
  const stopAt = draw(LIFE.stop);
  const stuckAt = draw(LIFE.stuck);
  const supplementAt = draw(LIFE.supplement);
  const paymentAt = r() < LIFE.payment + (c.feeVnd > 0 ? LIFE.paymentWithFee : 0) ? last : -1;
  const transferAt = draw(LIFE.transfer + (long ? LIFE.transferLong : 0));
  const returnAt = last >= 2 && row.workflow[last]!.role === 'leader' && r() < LIFE.returnToStep ? last : -1;
  // The apology (Mẫu 04) comes at least one working day before the due, when the agency sees it will be late (§3.1 step 6).
  let apologyAt: Date | null = null;
  if (lateBound && r() < LIFE.apologyWhenLate && available > 1.5 * day) apologyAt = later(c.receivedAt, available - day * (1.05 + r() * 0.4), cal);
  const maybeApology = (until: Date | null) => {
    if (!apologyAt || !life.open || apologyAt <= t || (until && apologyAt >= until) || apologyAt >= now) return;
    const left = workingMinutesBetween(apologyAt, row.dueAt, cal);
    const newDue = later(row.dueAt, day * (1 + Math.floor(r() * 5)), cal);
    if (left !== null && left >= day && newDue && !PAUSED_STATES.includes(row.state)) {
      life.issueApology(apologyAt, w.officer(row.handlingUnitId, 'leader', r), newDue, pick(r, APOLOGY_REASONS));
      t = apologyAt;
    }
    apologyAt = null;
  };
  /** Advances by `minutes` of work (issuing a due apology on the way); false when now is reached first. */
  const work = (minutes: number): boolean => {
    const target = later(t, minutes, cal);
    maybeApology(target);
    if (!target || target.getTime() >= now.getTime()) return false;
    t = target;
    return true;
  };

  if (withdrawEarly) {
    if (work(30 + r() * 600)) act('withdraw', () => life.close(t, 'WITHDRAWN'), desk(), pick(r, WITHDRAW_REASONS));
    return finishLife(life);
  }
  if (!work(dwell)) return finishLife(life);
  act('forward', (a) => life.moveToStep(t, 1, a), holder());

  for (let i = 1; i <= last; i++) {
    let left = stepTime(i);
    const part = () => {
      const m = left * (0.2 + 0.6 * r());
      left -= m;
      return m;
    };
    if (i === stuckAt) return finishLife(life);
    if (i === withdrawAt) {
      if (work(part())) act('withdraw', () => life.close(t, 'WITHDRAWN'), desk(), pick(r, WITHDRAW_REASONS));
      return finishLife(life);
    }
    if (i === stopAt) {
      if (!work(part())) return finishLife(life);
      const leader = w.officer(row.handlingUnitId, 'leader', r);
      act('stop', () => life.close(t, 'STOPPED'), leader, pick(r, STOP_REASONS));
      const printed = later(t, 5 + r() * 60, cal);
      if (printed && printed < now) life.issueSlip('stopNotice', `dossier:${row.id}`, row.handlingUnitId, t, printed, leader);
      return finishLife(life);
    }
    if (i === supplementAt) {
      if (!work(part())) return finishLife(life);
      const items = supplementItems(r, row.checklist);
      const reason = pick(r, SUPPLEMENT_REASONS);
      act('request-supplement', (a) => life.requestSupplement(t, a, items, reason), holder(), reason);
      const pause = life.pauses.at(-1)!;
      const printed = later(t, 5 + r() * 120, cal);
      if (printed && printed < now) life.issueSlip('supplementRequest', `pause:${pause.id}`, row.receivingUnitId, pause.fromAt, printed, desk());
      if (r() < LIFE.supplementUnanswered) {
        if (advance(day * (20 + r() * 40))) act('withdraw', () => life.close(t, 'WITHDRAWN'), desk(), UNANSWERED_REASON);
        return finishLife(life);
      }
      // The applicant brings the missing papers after a day or two, some after weeks.
      if (!advance(day * (0.3 + exp(r, 2.5)))) return finishLife(life);
      act('receive-supplement', () => life.resume(t), desk());
    }
    if (i === transferAt && w.partners.length > 0) {
      if (!work(part())) return finishLife(life);
      const others = w.partners.filter((p) => p.id !== row.holderUnitId && p.id !== row.handlingUnitId);
      const to = others.length ? pick(r, others) : pick(r, w.partners);
      const budget = weighted(r, TRANSFER_BUDGETS);
      act('transfer', (a) => life.transfer(t, a, to, budget), holder());
      // The other agency answers within its budget, one in ten late.
      if (!advance(budget * (r() < 0.1 ? 1.05 + r() * 0.8 : 0.2 + 0.75 * r()))) return finishLife(life);
      act('transfer-back', () => life.resume(t), holder());
    }
    if (i === paymentAt) {
      if (!work(part())) return finishLife(life);
      const amount = c.feeVnd > 0 ? c.feeVnd : 50_000 * (1 + Math.floor(r() * 20));
      const reason = pick(r, PAYMENT_REASONS);
      act('request-payment', () => life.requestPayment(amount, reason), holder(), reason);
      if (!advance(day * (0.1 + exp(r, 1)))) return finishLife(life);
      act('confirm-payment', () => life.resume(t), holder());
    }
    if (i === returnAt) {
      if (!work(part())) return finishLife(life);
      const reason = pick(r, RETURN_REASONS);
      act('return-to-step', (a) => life.moveToStep(t, i - 1, a), holder(), reason);
      if (!work(part())) return finishLife(life);
      act('forward', (a) => life.moveToStep(t, i, a), holder());
    }
    if (!work(Math.max(5, left))) return finishLife(life);
    if (i < last) {
      if (row.state === 'AWAITING_APPROVAL') {
        const stepName = row.workflow[row.currentStep]!.name;
        const unit = w.unitName(row.holderUnitId);
        act('approve', (a) => ({ ...life.moveToStep(t, i + 1, a), params: { unit, step: stepName } }), holder());
      } else act('forward', (a) => life.moveToStep(t, i + 1, a), holder());
    } else if (row.state === 'AWAITING_APPROVAL') {
      const unit = w.unitName(row.holderUnitId);
      act('approve', (a) => ({ ...life.finish(t, a), params: { unit } }), holder());
    } else act('result-ready', (a) => life.finish(t, a), holder());
  }
  if (last < 1) {
    // A one-step workflow: the desk has the result itself.
    if (!work(Math.max(5, handling))) return finishLife(life);
    act('result-ready', (a) => life.finish(t, a), holder());
  }

  // The applicant collects the result: online and by post within a day or two, at the desk mostly within days.
  if (r() < LIFE.neverCollected) return finishLife(life);
  const method = row.resultDelivery;
  const wait = method === 'online' ? day * (0.02 + r() * 0.3) : method === 'post' ? day * (1 + r() * 2) : r() < 0.03 ? day * (10 + r() * 30) : day * (0.05 + exp(r, 1.2));
  if (!advance(wait)) return finishLife(life);
  act('return-result', () => life.returnResult(t, method, row.submitter?.name ?? row.applicantName), desk());
  return finishLife(life);
}

/** One or two of the dossier's own papers, as the officer lists what is missing. */
function supplementItems(r: Rand, checklist: readonly ChecklistItem[]): string[] {
  const names = checklist.filter((x) => !x.presented).map((x) => x.name.slice(0, 1000));
  if (names.length === 0) return ['Giấy tờ chứng minh nơi cư trú'];
  const first = pick(r, names);
  const second = names.length > 1 && r() < 0.3 ? pick(r, names) : null;
  return second && second !== first ? [first, second] : [first];
}

/** The flags the at-risk sweep keeps current for running dossiers, as it would have left them at `now`. */
function finishLife(life: Life): GeneratedLife {
  const { row, w } = life;
  if (RUNNING_STATES.includes(row.state)) {
    const stepHop = life.openStepHop();
    row.atRisk = riskAfter(row, w.now, w.cal, toPauses(life.pauses), stepHop);
    row.atRiskCheckedAt = w.now;
  }
  return { row, hops: life.hops, pauses: life.pauses, events: life.events, apology: life.apology, slips: life.slips, audit: life.audit };
}
