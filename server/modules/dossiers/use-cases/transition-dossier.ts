// The only use case that changes a dossier's status: authorised, validated, audited, in one transaction,
// with an optimistic version check (two officers acting at once: one wins, the other gets VERSION_CONFLICT).
import { can } from '../../../platform/access';
import { toVnIso, type Pause, type WorkingCalendar } from '../../../platform/calendar';
import { withTransaction, type Ctx, type TxScope } from '../../../platform/context/context';
import { AppError, notFound } from '../../../platform/errors';
import type { TransitionRequest } from '../../../../contracts/dossiers/dossiers.contracts';
import { getProcedureVersion } from '../../catalog';
import { getOrgUnit, isOpenOn } from '../../identity';
import { calendarOf, classify, dueOf, hopDueOf, isAtRisk, shiftByWorkingMinutes, toPauses, workingMinutesBetween, workingTimeUsed } from '../dossiers.deadlines';
import { notifyApplicant, notifyHolder } from '../dossiers.notify';
import { DOSSIER_ACTIONS, type DossierSubject } from '../dossiers.policy';
import { preconditionHolds } from '../dossiers.presenter';
import {
  closeOpenPause,
  finishHop,
  findDossier,
  insertHop,
  insertSlipIssuance,
  listHops,
  listPauses,
  openPause,
  setHopDue,
  unitsById,
  changeDossier,
  type DossierRow,
  type HopRow,
  type NewHop,
  type NewSlip,
  type PauseRow,
  type UnitInfo,
} from '../dossiers.repository';
import type { AttachmentMeta } from '../dossiers.tables';
import { lastHandlingIndex, PAUSED_STATES, returnStepIndex, RUNNING_STATES, stateForStep, STATUS_CODE, TERMINAL_STATES, TRANSITIONS } from '../dossiers.workflow';
import type { DossierEndedEvent } from '../dossiers.events';
import { actorIdOf, actorLabelOf, invalid, subjectOf, todayOf } from './common';
import { slipAtAct } from './slip-numbers';

/** Applicant-facing transitions that also send the applicant a message. */
const NOTIFY: ReadonlySet<string> = new Set(['request-supplement', 'receive-supplement', 'request-payment', 'result-ready', 'stop', 'withdraw']);

/** What a transition will write, computed before the transaction from the row read with `expectedVersion`. */
interface Plan {
  values: Partial<DossierRow>;
  closeHops: Array<{ id: string; classification: HopRow['classification'] }>;
  newHop: NewHop | null;
  hopDue: { id: string; due: Date | null } | null;
  pause: { open: { reason: 'supplement' | 'financial-obligation' | 'inter-agency'; note: string | null; items?: string[]; amountVnd?: number | null } } | { close: true } | null;
  params: Record<string, string | number | null>;
}

/** Shared inputs of the planners. */
interface PlanInput {
  ctx: Ctx;
  now: Date;
  row: DossierRow;
  req: TransitionRequest;
  cal: WorkingCalendar;
  hops: HopRow[];
  pauses: PauseRow[];
  units: Map<string, UnitInfo>;
  actorLabel: string;
}

const openStepHop = (hops: HopRow[]) => hops.find((h) => h.kind === 'step' && h.finishedAt === null) ?? null;
const openSideHop = (hops: HopRow[]) => hops.find((h) => h.kind !== 'step' && h.finishedAt === null) ?? null;
const noteOf = (req: TransitionRequest): string | null => ('reason' in req && req.reason ? req.reason : null) ?? req.note ?? null;
const attachmentsOf = (req: TransitionRequest): AttachmentMeta[] => req.attachments.map((a) => ({ ...a, storageKey: a.storageKey ?? null }));

/** Closes the open step hop (classified against its budget) and opens the hop of step `index`. */
function moveToStep(p: PlanInput, index: number): Plan {
  const step = p.row.workflow[index]!;
  const current = openStepHop(p.hops);
  return {
    values: { currentStep: index, holderUnitId: step.unitId, holderRole: step.role, state: stateForStep(step.role, index) },
    closeHops: current ? [{ id: current.id, classification: classify(p.now, current.dueAt, p.cal) }] : [],
    newHop: {
      kind: 'step',
      stepIndex: index,
      name: step.name,
      fromUnitId: p.row.holderUnitId,
      toUnitId: step.unitId,
      role: step.role,
      startedAt: p.now,
      budgetMinutes: step.budgetMinutes,
      dueAt: hopDueOf(p.now, step.budgetMinutes, p.cal),
      handedBy: p.actorLabel,
      note: p.req.note,
      attachments: attachmentsOf(p.req),
    },
    hopDue: null,
    pause: null,
    params: { unit: p.units.get(step.unitId)?.name ?? '', step: step.name },
  };
}

/**
 * Lateness is attributed to the unit that held the dossier when its hop budget ran out: the first hop that
 * overran; without budgets, the hop open at the due instant (issue rule, §19.8).
 */
function lateUnitOf(hops: HopRow[], closing: Map<string, string | null>, due: Date, fallback: string): string {
  const late = hops.find((h) => h.kind !== 'supplement' && (closing.get(h.id) ?? h.classification) === 'late');
  if (late) return late.toUnitId;
  const atDue = hops.find((h) => h.kind === 'step' && h.startedAt <= due && (h.finishedAt === null || h.finishedAt > due));
  return atDue?.toUnitId ?? fallback;
}

/** The working time the dossier took until now, its pauses left out, against what its duration allows (the indicators). */
const workingTimeOf = (p: PlanInput) =>
  workingTimeUsed({ receivedAt: p.row.receivedAt, finishedAt: p.now, duration: { amount: Number(p.row.durationAmount), unit: p.row.durationUnit } }, p.cal, toPauses(p.pauses));

/** The result is ready (status 9): classification fixed against the original promise (§19.8), back to the desk. */
function finish(p: PlanInput): Plan {
  const { row, now, cal } = p;
  const current = openStepHop(p.hops);
  const closeHops = current ? [{ id: current.id, classification: classify(now, current.dueAt, cal) }] : [];
  const classification = classify(now, row.dueAt, cal)!;
  const ret = returnStepIndex(row.workflow, row.receivingUnitId);
  const retStep = ret >= 0 ? row.workflow[ret]! : null;
  const closing = new Map(closeHops.map((c) => [c.id, c.classification]));
  return {
    values: {
      state: 'DONE',
      finishedAt: now,
      classification,
      withinExtension: classification === 'late' && row.extendedDueAt !== null && now <= row.extendedDueAt,
      lateUnitId: classification === 'late' ? lateUnitOf(p.hops, closing, row.dueAt, row.holderUnitId) : null,
      ...workingTimeOf(p),
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
      startedAt: now,
      budgetMinutes: retStep?.budgetMinutes ?? null,
      dueAt: hopDueOf(now, retStep?.budgetMinutes ?? null, cal),
      handedBy: p.actorLabel,
      note: p.req.note,
      attachments: attachmentsOf(p.req),
    },
    hopDue: null,
    pause: null,
    params: { unit: p.units.get(row.receivingUnitId)?.name ?? '' },
  };
}

/** A pause (or transfer) ends: back to the step it left, the clock shifted by the paused working time (§19.6). */
function resume(p: PlanInput): Plan {
  const { row, now, cal } = p;
  const open = p.pauses.find((x) => x.toAt === null);
  const closed: Pause[] = toPauses(p.pauses.map((x) => (x === open ? { ...x, toAt: now } : x)));
  const dueAt = dueOf(row.receivedAt, { amount: Number(row.durationAmount), unit: row.durationUnit }, cal, closed) ?? row.dueAt;
  const pausedMinutes = open ? Math.max(0, workingMinutesBetween(open.fromAt, now, cal) ?? 0) : 0;
  const step = row.workflow[row.currentStep]!;
  const side = openSideHop(p.hops);
  const stepHop = openStepHop(p.hops);
  const returning = row.state === 'DONE' ? null : step;
  return {
    values: {
      state: row.resumeState ?? stateForStep(step.role, row.currentStep),
      resumeState: null,
      holderUnitId: returning?.unitId ?? row.holderUnitId,
      holderRole: returning?.role ?? row.holderRole,
      dueAt,
      extendedDueAt: row.extendedDueAt ? shiftByWorkingMinutes(row.extendedDueAt, pausedMinutes, cal) : null,
    },
    closeHops: side ? [{ id: side.id, classification: side.kind === 'transfer' ? classify(now, side.dueAt, cal) : null }] : [],
    newHop: null,
    hopDue: stepHop ? { id: stepHop.id, due: hopDueOf(stepHop.startedAt, stepHop.budgetMinutes, cal, closed) } : null,
    pause: open ? { close: true } : null,
    params: { due: toVnIso(row.extendedDueAt ? shiftByWorkingMinutes(row.extendedDueAt, pausedMinutes, cal) : dueAt), unit: side ? (p.units.get(side.toUnitId)?.name ?? '') : '' },
  };
}

/** Stop or withdraw: the open pause and every open hop end; nothing more happens. */
function close(p: PlanInput, state: 'STOPPED' | 'WITHDRAWN'): Plan {
  return {
    values: { state, closedAt: p.now, atRisk: false, resumeState: null },
    closeHops: p.hops.filter((h) => h.finishedAt === null).map((h) => ({ id: h.id, classification: h.kind === 'supplement' ? null : classify(p.now, h.dueAt, p.cal) })),
    newHop: null,
    hopDue: null,
    pause: p.pauses.some((x) => x.toAt === null) ? { close: true } : null,
    params: {},
  };
}

async function plan(p: PlanInput): Promise<Plan> {
  const { row, req, now } = p;
  const state = row.state;
  switch (req.transition) {
    case 'forward':
      return moveToStep(p, row.currentStep + 1);
    case 'approve':
      if (row.currentStep < lastHandlingIndex(row.workflow, row.receivingUnitId))
        return { ...moveToStep(p, row.currentStep + 1), params: { unit: p.units.get(row.holderUnitId)?.name ?? '', step: row.workflow[row.currentStep]!.name } };
      // The approving leader's unit: the handling agency that holds the dossier (not the desk the result goes back to).
      return { ...finish(p), params: { unit: p.units.get(row.holderUnitId)?.name ?? '' } };
    case 'result-ready':
      return finish(p);
    case 'return-to-step':
      if (req.stepIndex >= row.currentStep) throw invalid('body.stepIndex', 'dossiers.errors.stepIndexInvalid');
      return moveToStep(p, req.stepIndex);
    case 'request-supplement':
      return {
        values: { state: 'SUPPLEMENT_REQUESTED', resumeState: state, holderUnitId: row.receivingUnitId, holderRole: 'reception-officer', atRisk: false },
        closeHops: [],
        newHop: {
          kind: 'supplement',
          stepIndex: null,
          name: 'Yêu cầu bổ sung, hoàn thiện hồ sơ',
          fromUnitId: row.holderUnitId,
          toUnitId: row.receivingUnitId,
          role: 'reception-officer',
          startedAt: now,
          budgetMinutes: null,
          dueAt: null,
          handedBy: p.actorLabel,
          note: req.reason,
          attachments: attachmentsOf(req),
        },
        hopDue: null,
        pause: { open: { reason: 'supplement', note: req.reason, items: req.items } },
        params: { items: req.items.join('; ') },
      };
    case 'request-payment':
      return {
        values: { state: 'AWAITING_PAYMENT', resumeState: state, atRisk: false },
        closeHops: [],
        newHop: null,
        hopDue: null,
        pause: { open: { reason: 'financial-obligation', note: req.reason, amountVnd: req.amountVnd ?? null } },
        params: { amount: req.amountVnd ?? null },
      };
    case 'transfer': {
      const to = await getOrgUnit(p.ctx.db, req.toUnitId);
      if (!to || !isOpenOn(to, todayOf(p.ctx)) || to.id === row.holderUnitId) throw invalid('body.toUnitId', 'dossiers.errors.transferUnitInvalid');
      return {
        values: { state: 'INTEROPERATING', resumeState: state, holderUnitId: to.id, holderRole: req.role, atRisk: false },
        closeHops: [],
        newHop: {
          kind: 'transfer',
          stepIndex: row.currentStep,
          name: 'Chuyển liên thông',
          fromUnitId: row.holderUnitId,
          toUnitId: to.id,
          role: req.role,
          startedAt: now,
          budgetMinutes: req.budgetMinutes,
          // The hop's own sub-deadline; the dossier's clock is paused meanwhile (§19.6).
          dueAt: hopDueOf(now, req.budgetMinutes, p.cal),
          handedBy: p.actorLabel,
          note: req.note,
          attachments: attachmentsOf(req),
        },
        hopDue: null,
        pause: { open: { reason: 'inter-agency', note: req.note } },
        params: { unit: to.name },
      };
    }
    case 'receive-supplement':
    case 'confirm-payment':
    case 'transfer-back':
      return resume(p);
    case 'return-result': {
      const current = openStepHop(p.hops);
      return {
        values: { state: 'RETURNED', returnedAt: now, returnMethod: req.method, returnedTo: req.receivedBy, closedAt: now },
        closeHops: current ? [{ id: current.id, classification: classify(now, current.dueAt, p.cal) }] : [],
        newHop: null,
        hopDue: null,
        pause: null,
        params: { method: req.method },
      };
    }
    case 'return-on-the-spot': {
      // Received and resolved in one visit: every open hop ends now and the finish counts as early (issue 9 item 6;
      // §5.5 leaves the classification to the system, and on-the-spot resolution is what "trước hạn" rewards).
      const ret = returnStepIndex(row.workflow, row.receivingUnitId);
      return {
        values: {
          state: 'RETURNED',
          finishedAt: now,
          classification: 'early',
          withinExtension: false,
          lateUnitId: null,
          ...workingTimeOf(p),
          currentStep: ret >= 0 ? ret : row.currentStep,
          holderUnitId: row.receivingUnitId,
          holderRole: 'reception-officer',
          atRisk: false,
          returnedAt: now,
          returnMethod: 'desk',
          returnedTo: row.applicantName,
          closedAt: now,
        },
        closeHops: p.hops.filter((h) => h.finishedAt === null).map((h) => ({ id: h.id, classification: 'early' })),
        newHop: null,
        hopDue: null,
        pause: null,
        params: { method: 'desk' },
      };
    }
    case 'stop':
      return close(p, 'STOPPED');
    case 'withdraw':
      return close(p, 'WITHDRAWN');
  }
}

/** Recomputes the at-risk flag for a running dossier (issue rule; see isAtRisk). */
export function riskAfter(row: DossierRow, now: Date, cal: WorkingCalendar, pauses: readonly Pause[], openHop: { startedAt: Date; budgetMinutes: number | null } | null): boolean {
  if (!RUNNING_STATES.includes(row.state)) return false;
  const last = lastHandlingIndex(row.workflow, row.receivingUnitId);
  let laterBudgets = 0;
  for (let i = row.currentStep + 1; i <= last; i++) laterBudgets += row.workflow[i]?.budgetMinutes ?? 0;
  const risk = isAtRisk({ now, effectiveDue: row.extendedDueAt ?? row.dueAt, cal, pauses, openHop, laterBudgets });
  return risk ?? row.atRisk;
}

/** What a transition works from: the row as read (its version is the one checked), calendar, hops, pauses and units. */
export interface Loaded {
  row: DossierRow;
  cal: WorkingCalendar;
  hops: HopRow[];
  pauses: PauseRow[];
  units: Map<string, UnitInfo>;
  subject: DossierSubject;
}

export async function loadForTransition(ctx: Ctx, id: string): Promise<Loaded> {
  const row = await findDossier(ctx.db, id);
  if (!row) throw notFound('dossier', id);
  const [cal, hops, pauses] = await Promise.all([calendarOf(ctx.db, row.calendarUnitCode), listHops(ctx.db, id), listPauses(ctx.db, id)]);
  const involved = [...row.workflow.map((s) => s.unitId), ...hops.map((h) => h.toUnitId)];
  const units = await unitsById(ctx.db, [row.holderUnitId, row.receivingUnitId, row.handlingUnitId, ...involved]);
  return { row, cal, hops, pauses, units, subject: subjectOf(row, units, involved) };
}

/** The checks every performer's transition passes: the state allows it and its structural precondition holds. */
function checkApplicable(row: DossierRow, req: TransitionRequest): void {
  const rule = TRANSITIONS[req.transition];
  if (!rule.from.includes(row.state)) throw new AppError('INVALID_STATE', { state: row.state, transition: req.transition });
  if (!preconditionHolds(row, req.transition)) {
    const code = req.transition === 'forward' ? 'dossiers.errors.lastStep' : req.transition === 'result-ready' ? 'dossiers.errors.notLastStep' : 'dossiers.errors.stepIndexInvalid';
    throw new AppError('INVALID_STATE', { state: row.state, transition: req.transition }, { fields: [{ path: 'body.transition', code }] });
  }
}

/** What a caller adds to a transition, inside its transaction. */
export interface TransitionExtras {
  /** The caller's own writes after the dossier's; what it returns is added to the audit entry's `after`. */
  within?: (scope: TxScope, updated: DossierRow) => Promise<Record<string, unknown>>;
  /** Also tell the officers who now hold the dossier (its holder role on its holder unit) by e-mail. */
  notifyHolder?: boolean;
  /** The timeline entry's params beyond the plan's (e.g. the channel a supplement came by). */
  params?: Record<string, string | number | null>;
}

/** Performs one transition (see TRANSITIONS) as an officer; returns the updated row. */
export async function transitionDossier(ctx: Ctx, id: string, req: TransitionRequest): Promise<DossierRow> {
  const loaded = await loadForTransition(ctx, id);
  const { row, subject } = loaded;
  // An officer involved with the dossier who acted on a stale copy learns that it changed (409), not that the
  // new holder is someone else (403); outsiders learn nothing.
  if (!can(ctx.actor, DOSSIER_ACTIONS.read, subject)) throw new AppError('FORBIDDEN', { action: DOSSIER_ACTIONS.transition });
  if (req.expectedVersion !== row.version) throw new AppError('VERSION_CONFLICT', { current: row.version });
  if (!can(ctx.actor, DOSSIER_ACTIONS.transition, { ...subject, transition: req.transition })) throw new AppError('FORBIDDEN', { action: DOSSIER_ACTIONS.transition });
  const rule = TRANSITIONS[req.transition];
  if (!rule.from.includes(row.state)) throw new AppError('INVALID_STATE', { state: row.state, transition: req.transition });
  if (rule.onTheSpotOnly && !(await getProcedureVersion(ctx.db, row.procedureVersionId))?.onTheSpot) {
    throw new AppError('INVALID_STATE', { state: row.state, transition: req.transition }, { fields: [{ path: 'body.transition', code: 'dossiers.errors.notOnTheSpot' }] });
  }
  checkApplicable(row, req);
  return applyTransition(ctx, loaded, req, {});
}

/**
 * Performs a transition the workflow lets the applicant make (`who` includes `applicant`), for an applicant whose
 * link to the dossier the calling use case established (the dossiers' officer policy does not know applicants).
 * Same checks of state, version and precondition, same writes, audit and messages as an officer's.
 */
export async function transitionAsApplicant(ctx: Ctx, id: string, req: TransitionRequest, extras: TransitionExtras): Promise<DossierRow> {
  if (!TRANSITIONS[req.transition].who.includes('applicant')) throw new AppError('FORBIDDEN', { action: DOSSIER_ACTIONS.transition });
  const loaded = await loadForTransition(ctx, id);
  checkApplicable(loaded.row, req);
  if (req.expectedVersion !== loaded.row.version) throw new AppError('VERSION_CONFLICT', { current: loaded.row.version });
  return applyTransition(ctx, loaded, req, extras);
}

export async function applyTransition(ctx: Ctx, loaded: Loaded, req: TransitionRequest, extras: TransitionExtras): Promise<DossierRow> {
  const now = ctx.clock.now();
  const { row, cal, hops, pauses, units } = loaded;
  const id = row.id;
  const rule = TRANSITIONS[req.transition];
  const actorLabel = actorLabelOf(ctx);
  const actorId = actorIdOf(ctx);
  const p = await plan({ ctx, now, row, req, cal, hops, pauses, units, actorLabel });
  if (extras.params) p.params = { ...p.params, ...extras.params };
  // The at-risk flag as it stands after the change (only running dossiers can be at risk).
  const after = { ...row, ...p.values };
  const pausesAfter = toPauses(p.pause && 'close' in p.pause ? pauses.map((x) => (x.toAt === null ? { ...x, toAt: now } : x)) : pauses);
  const stepHop = p.newHop?.kind === 'step' ? p.newHop : openStepHop(hops);
  if (RUNNING_STATES.includes(after.state) && !PAUSED_STATES.includes(after.state)) {
    p.values.atRisk = riskAfter(after, now, cal, pausesAfter, stepHop ? { startedAt: stepHop.startedAt, budgetMinutes: stepHop.budgetMinutes } : null);
    p.values.atRiskCheckedAt = now;
  }
  const newState = p.values.state ?? row.state;
  p.values.statusCode = STATUS_CODE[newState];
  p.values.updatedAt = now;

  return withTransaction(ctx, async (scope) => {
    const { tx } = scope;
    // First write: the row lock serialises concurrent officers; the loser matches no row and nothing is written.
    const note = noteOf(req);
    const updated = await changeDossier(tx, id, req.expectedVersion, p.values, { at: now, kind: req.transition, public: rule.public, params: p.params, note, actorId, actorLabel });
    if (!updated) throw new AppError('VERSION_CONFLICT', {});
    for (const c of p.closeHops) await finishHop(tx, c.id, now, c.classification);
    if (p.newHop) await insertHop(tx, id, p.newHop);
    if (p.hopDue) await setHopDue(tx, p.hopDue.id, p.hopDue.due);
    let slip: NewSlip | null = null;
    if (p.pause && 'open' in p.pause) {
      const pause = await openPause(tx, {
        dossierId: id,
        reason: p.pause.open.reason,
        fromAt: now,
        note: p.pause.open.note,
        items: p.pause.open.items ?? [],
        amountVnd: p.pause.open.amountVnd ?? null,
      });
      // D14: the supplement request (Mẫu 02, the desk's series) is numbered when it is made, one per pause.
      if (req.transition === 'request-supplement')
        slip = slipAtAct({ form: 'supplementRequest', subject: `pause:${pause.id}`, dossierId: id, issuer: units.get(row.receivingUnitId)!, at: now });
    } else if (p.pause) {
      await closeOpenPause(tx, id, now);
    }
    // D14: the stop notice (Mẫu 05) is the handling agency's, numbered when the dossier is stopped.
    if (req.transition === 'stop') slip = slipAtAct({ form: 'stopNotice', subject: `dossier:${id}`, dossierId: id, issuer: units.get(row.handlingUnitId)!, at: now });
    const slipReference = slip ? await insertSlipIssuance(tx, slip) : null;
    // Every public change of the status (the national status codes 1–10, domain §3.2) reaches the applicant; NOTIFY
    // lists the transitions that tell the applicant something even where a workflow leaves the status as it was.
    // A non-public move (return-to-step) stays internal, as it does on the public lookup.
    if (NOTIFY.has(req.transition) || (rule.public && updated.statusCode !== row.statusCode)) {
      await notifyApplicant(scope, {
        subjectId: id,
        code: row.code,
        procedureName: row.procedureName,
        kind: req.transition,
        params: p.params,
        state: updated.state,
        due: updated.extendedDueAt ?? updated.dueAt,
        email: row.applicantEmail,
        phone: row.applicantPhone,
        channels: row.applicantNotifyChannels,
        dedupe: `${req.transition}:${updated.version}`,
      });
    }
    const extra = extras.within ? await extras.within(scope, updated) : {};
    if (extras.notifyHolder) await notifyHolder(scope, updated, req.transition, units);
    await scope.audit({
      action: `${DOSSIER_ACTIONS.transition}.${req.transition}`,
      subjectType: 'dossier',
      subjectId: id,
      before: {
        state: row.state,
        statusCode: row.statusCode,
        version: row.version,
        holderUnitId: row.holderUnitId,
        holderRole: row.holderRole,
        currentStep: row.currentStep,
        dueAt: toVnIso(row.dueAt),
      },
      after: {
        state: updated.state,
        statusCode: updated.statusCode,
        version: updated.version,
        holderUnitId: updated.holderUnitId,
        holderRole: updated.holderRole,
        currentStep: updated.currentStep,
        dueAt: toVnIso(updated.dueAt),
        extendedDueAt: updated.extendedDueAt ? toVnIso(updated.extendedDueAt) : null,
        classification: updated.classification,
        note,
        ...(slip ? { slip: { form: slip.form, reference: slipReference } } : {}),
        ...extra,
      },
    });
    // Published only once the end is committed (ratings invites the applicant to rate the service).
    if (TERMINAL_STATES.includes(updated.state) && !TERMINAL_STATES.includes(row.state)) {
      const ended: DossierEndedEvent = { dossierId: id, state: updated.state as DossierEndedEvent['state'], occurredAt: now.toISOString() };
      scope.afterCommit(() => ctx.events.emit('dossiers.ended', ended));
    }
    return updated;
  });
}
