// Reception at the desk (§3.1 steps 1–2): accept with a code and an appointment, guide to supplement (Mẫu 02) or refuse (Mẫu 03).
import { can } from '../../../platform/access';
import { toVnIso, type Duration } from '../../../platform/calendar';
import { invalidateCalendarCache } from '../../../platform/calendar/store';
import { withTransaction, type Ctx, type TxScope } from '../../../platform/context/context';
import { ShortLivedCache } from '../../../platform/db/short-lived-cache';
import { AppError, notFound } from '../../../platform/errors';
import type { IntakeRequest } from '../../../../contracts/dossiers/dossiers.contracts';
import { getPublishedProcedureByCode, timeForChannel, type ProcedureVersionView } from '../../catalog';
import { cachedOrgUnitRefs, isOpenOn } from '../../identity';
import { dossierSearchText } from '../dossiers.search';
import { calendarsOf, dueOf, dueProvisionalOf, hopDueOf, isAtRisk } from '../dossiers.deadlines';
import { notifyApplicant } from '../dossiers.notify';
import { DOSSIER_ACTIONS } from '../dossiers.policy';
import { randomUUID } from 'node:crypto';
import { counterKindOf, loadIssuer, referenceOf, slipAtAct, symbolOf } from './slip-numbers';
import { assignBookNumber, changeDossier, findDossier, insertNewDossier, nextSlipNumber, openPause, type UnitInfo } from '../dossiers.repository';
import { dossierIntakeDecisions, type ResolvedStep } from '../dossiers.tables';
import { DEFAULT_PAUSE_RULE, lastHandlingIndex, ruleVersionOn, STATUS_CODE } from '../dossiers.workflow';
import { actorIdOf, actorLabelOf, invalid, todayOf } from './common';
import { checkIntakeChecklist } from './intake-checklist';
import { transitionDossier } from './transition-dossier';

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };
const settle = <T>(p: Promise<T>): Promise<Settled<T>> =>
  p.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
const unwrap = <T>(s: Settled<T>): T => {
  if (s.ok) return s.value;
  throw s.error;
};

/** The request of each decision (the contract's union declares each one's own fields). */
type AcceptRequest = Extract<IntakeRequest, { decision: 'accept' }>;
type GuideOrRefuseRequest = Exclude<IntakeRequest, AcceptRequest>;

/** What intake produced: a dossier, or a guide/refuse record. */
export type IntakeResult = { decision: 'accept'; dossierId: string; code: string } | { decision: 'guide' | 'refuse'; decisionId: string; referenceNumber: string };

/** Optional behaviour of an intake asked by another module. */
export interface IntakeOptions {
  /**
   * Runs inside the intake's transaction, after the dossier (or the guide/refuse record), its audit entry and its
   * notification are written and before the desk's book counter is taken: the caller records its own side of the
   * decision in the same commit (the submissions module marks the online submission received, guided or refused, so a
   * dossier never exists without its submission saying so, nor the reverse). Throwing rolls the whole intake back —
   * no code, slip number or book entry is consumed. With a calendar publish in between (CalendarMoved) the intake runs
   * again and so does `within`, in the new transaction.
   */
  within?: (scope: TxScope, result: IntakeResult) => Promise<void>;
  /**
   * The fee is paid before processing (the procedure says so, domain README §6.3): the dossier is received already
   * awaiting payment (status 6) with its clock stopped (§5.4, a financial-obligation pause from reception), in the
   * intake's transaction, so no dossier is ever processed with its fee unpaid. Confirming the payment resumes it.
   */
  awaitPayment?: { amountVnd: number; reason: string };
}

/** Units by id that are open today (one query for the receiving desk and the handling agency). */
async function openUnits(ctx: Ctx, ids: Array<string | undefined>, today: string): Promise<Map<string, UnitInfo>> {
  const wanted = ids.filter((x): x is string => Boolean(x));
  const rows = await cachedOrgUnitRefs(ctx.db, wanted);
  return new Map(rows.filter((u) => isOpenOn(u, today)).map((u) => [u.id, { id: u.id, code: u.code, name: u.name, path: u.path, kind: u.kind, shortName: u.shortName }]));
}

/**
 * How long a procedure version read for intake is reused. A published version's content never changes; only which
 * version is in force can, and that moves by whole days (effective dates), so a few seconds of reuse cannot receive a
 * dossier under a version that is not in force that day — at worst within seconds of an administrator's same-day change.
 */
export const PROCEDURE_CACHE_MS = 5_000;
const procedureCache = new ShortLivedCache<ProcedureVersionView>(PROCEDURE_CACHE_MS, 1000);

/** The version in force for intake, read through a short per-process cache (intake is the desk's hot path). */
async function procedureInForce(ctx: Ctx, code: string, today: string): Promise<ProcedureVersionView | null> {
  const key = `${code}|${today}`;
  const hit = procedureCache.get(ctx.db, key);
  if (hit) return hit;
  const view = await getPublishedProcedureByCode(ctx.db, code, today);
  if (view) procedureCache.set(ctx.db, key, view);
  return view;
}

/** The receiving desk's id: the one asked for, else the officer's only reception unit. */
function receivingUnitId(ctx: Ctx, input: IntakeRequest): string {
  if (input.receivingUnitId) return input.receivingUnitId;
  const ids = ctx.actor.type === 'user' ? [...new Set(ctx.actor.grants.filter((g) => g.role === 'reception-officer').map((g) => g.orgUnitId))] : [];
  if (ids.length !== 1) throw invalid('body.receivingUnitId', 'dossiers.errors.receivingUnitRequired');
  return ids[0]!;
}

/** The handling agency: one of the version's implementing units (§2: it need not be the receiving desk's). */
async function resolveHandlingUnit(ctx: Ctx, version: ProcedureVersionView, requested: string | undefined, known: Map<string, UnitInfo>, today: string): Promise<UnitInfo> {
  const allowed = version.implementingUnits.map((u) => u.id);
  let id = requested;
  if (!id) {
    if (allowed.length !== 1) throw invalid('body.handlingUnitId', 'dossiers.errors.handlingUnitRequired');
    id = allowed[0]!;
  }
  if (allowed.length > 0 && !allowed.includes(id)) throw invalid('body.handlingUnitId', 'dossiers.errors.handlingUnitInvalid');
  const unit = known.get(id) ?? (await openUnits(ctx, [id], today)).get(id);
  if (!unit) throw invalid('body.handlingUnitId', 'dossiers.errors.handlingUnitInvalid');
  return unit;
}

/** The statutory time for the channel; when the catalog's is unreadable the officer must state it (never guessed). */
function resolveDuration(version: ProcedureVersionView, input: AcceptRequest): { duration: Duration; source: 'catalog' | 'officer' } {
  const time = timeForChannel(version.processingTimes, input.channel);
  if (time?.readable && time.amount !== null && time.unit !== null) {
    if (input.duration) throw invalid('body.duration', 'dossiers.errors.durationNotAllowed', { amount: time.amount, unit: time.unit });
    return { duration: { amount: time.amount, unit: time.unit }, source: 'catalog' };
  }
  if (!input.duration) throw invalid('body.duration', 'dossiers.errors.durationRequired');
  return { duration: input.duration, source: 'officer' };
}

/** The template with its placeholders resolved to this dossier's units (§2: receiving centre ≠ handling agency). */
export function resolveWorkflow(version: ProcedureVersionView, receiving: UnitInfo, handling: UnitInfo): ResolvedStep[] {
  const steps = [...version.workflow]
    .sort((a, b) => a.position - b.position)
    .map((s) => ({
      name: s.name,
      unitId: s.unitRef === 'receiving-centre' ? receiving.id : s.unitRef === 'implementing-unit' ? handling.id : s.orgUnitId!,
      role: s.role,
      budgetMinutes: s.budgetMinutes,
      interAgency: s.interAgency,
    }));
  if (steps.length > 0) return steps;
  // A version without a template still needs somewhere to go: reception, handling, return (§3.1 steps 2, 5, 7).
  return [
    { name: 'Tiếp nhận hồ sơ', unitId: receiving.id, role: 'reception-officer', budgetMinutes: null, interAgency: false },
    { name: 'Giải quyết hồ sơ', unitId: handling.id, role: 'specialist', budgetMinutes: null, interAgency: false },
    { name: 'Trả kết quả', unitId: receiving.id, role: 'reception-officer', budgetMinutes: null, interAgency: false },
  ];
}

/**
 * Receives a dossier at a desk. Accept: code, appointment (due) from the published calendar, first step, tracking-book
 * entry, timeline, audit and the applicant's notification in one transaction. Guide/refuse: a numbered record for
 * Mẫu 02 / Mẫu 03, no dossier code.
 */
export async function intakeDossier(ctx: Ctx, input: IntakeRequest, options: IntakeOptions = {}): Promise<IntakeResult> {
  let result: IntakeResult;
  try {
    result = await intakeOnce(ctx, input, true, options);
  } catch (err) {
    if (!(err instanceof CalendarMoved)) throw err;
    // A calendar was published while this dossier was being received: once more, with a verified calendar read.
    result = await intakeOnce(ctx, input, false, options);
  }
  if (result.decision === 'accept' && input.decision === 'accept' && input.returnNow) {
    // "Receive and return now" (issue 9 item 6): the return is the workflow's own transition, authorised and audited
    // like any other; the receipt stands on its own if it were refused.
    const received = (await findDossier(ctx.db, result.dossierId))!;
    await transitionDossier(ctx, received.id, { transition: 'return-on-the-spot', expectedVersion: received.version, note: null, attachments: [] });
  }
  return result;
}

/** Puts a dossier received a moment ago in this transaction into "awaiting payment" (IntakeOptions.awaitPayment). */
async function awaitPaymentAtIntake(
  scope: TxScope,
  d: { id: string; code: string; procedureName: string; applicant: IntakeRequest['applicant']; due: Date; now: Date; actorId: string | null; actorLabel: string },
  demand: { amountVnd: number; reason: string },
): Promise<void> {
  const params = { amount: demand.amountVnd };
  const values = { state: 'AWAITING_PAYMENT' as const, resumeState: 'RECEIVED' as const, statusCode: STATUS_CODE.AWAITING_PAYMENT, atRisk: false, updatedAt: d.now };
  const event = { at: d.now, kind: 'request-payment', public: true, params, note: demand.reason, actorId: d.actorId, actorLabel: d.actorLabel };
  if (!(await changeDossier(scope.tx, d.id, 1, values, event))) throw new Error('a dossier inserted in this transaction changed');
  await openPause(scope.tx, { dossierId: d.id, reason: 'financial-obligation', fromAt: d.now, note: demand.reason, items: [], amountVnd: demand.amountVnd });
  await notifyApplicant(scope, {
    subjectId: d.id,
    code: d.code,
    procedureName: d.procedureName,
    kind: 'request-payment',
    params,
    state: 'AWAITING_PAYMENT',
    due: d.due,
    email: d.applicant.email,
    phone: d.applicant.phone,
    channels: d.applicant.notifyChannels,
    dedupe: 'request-payment:intake',
  });
  await scope.audit({
    action: `${DOSSIER_ACTIONS.transition}.request-payment`,
    subjectType: 'dossier',
    subjectId: d.id,
    before: { state: 'RECEIVED', version: 1 },
    after: { state: 'AWAITING_PAYMENT', statusCode: STATUS_CODE.AWAITING_PAYMENT, version: 2, amountVnd: demand.amountVnd, note: demand.reason },
  });
}

/** Thrown inside the transaction when the calendar used for the due instant is no longer the published one. */
class CalendarMoved extends Error {}

async function intakeOnce(ctx: Ctx, input: IntakeRequest, trustCalendarCache: boolean, options: IntakeOptions): Promise<IntakeResult> {
  const now = ctx.clock.now();
  const today = todayOf(ctx);
  const receivingId = receivingUnitId(ctx, input);
  // The three reads do not depend on each other: run them together (the desk waits for their slowest, not their sum).
  // Each outcome is kept settled and only used, or thrown, at its place in the checks below.
  const [unitsRead, versionRead, calendarsRead] = await Promise.all([
    settle(openUnits(ctx, [receivingId, input.handlingUnitId], today)),
    settle(procedureInForce(ctx, input.procedureCode, today)),
    // The process's compiled calendar is trusted here and its revision checked in the transaction (assignBookNumber).
    settle(calendarsOf(ctx.db, { trustCache: trustCalendarCache })),
  ]);
  const units = unwrap(unitsRead);
  const receiving = units.get(receivingId);
  if (!receiving) throw invalid('body.receivingUnitId', 'dossiers.errors.receivingUnitInvalid');
  if (!can(ctx.actor, DOSSIER_ACTIONS.intake, { receivingUnitPath: receiving.path })) throw new AppError('FORBIDDEN', { action: DOSSIER_ACTIONS.intake });
  const version = unwrap(versionRead);
  if (!version) throw notFound('procedure', input.procedureCode);

  const checklist = checkIntakeChecklist(version, input);
  if (input.decision !== 'accept') return recordDecision(ctx, { ...input, checklist }, version, receiving, units.get(input.handlingUnitId ?? '') ?? null, options);

  if (input.returnNow && !version.onTheSpot) throw invalid('body.returnNow', 'dossiers.errors.notOnTheSpot');
  const handling = await resolveHandlingUnit(ctx, version, input.handlingUnitId, units, today);
  const { duration, source } = resolveDuration(version, input);
  const calendars = unwrap(calendarsRead);
  const cal = calendars.forUnit(receiving.code);
  const dueAt = dueOf(now, duration, cal)!;
  const steps = resolveWorkflow(version, receiving, handling);
  const first = steps[0]!;
  const applicant = input.applicant;
  const actorId = actorIdOf(ctx);
  const actorLabel = actorLabelOf(ctx);

  // At risk from the start when the procedure's own step budgets exceed its statutory time (issue rule, §19 row 10).
  let laterBudgets = 0;
  for (let i = 1; i <= lastHandlingIndex(steps, receiving.id); i++) laterBudgets += steps[i]?.budgetMinutes ?? 0;
  const atRisk = isAtRisk({ now, effectiveDue: dueAt, cal, pauses: [], openHop: { startedAt: now, budgetMinutes: first.budgetMinutes }, laterBudgets }) ?? false;
  const id = randomUUID();
  const params = { unit: receiving.name, due: toVnIso(dueAt) };
  // Past the last published year the due is counted on the statutory calendar (Bộ luật Lao động 2019 Điều 112).
  const dueProvisional = dueProvisionalOf({ receivedAt: now, dueAt, extendedDueAt: null }, cal);

  return withTransaction(ctx, async (scope) => {
    const { tx } = scope;
    const code = await insertNewDossier(tx, {
      id,
      agencyCode: handling.code,
      day: today,
      row: {
        procedureVersionId: version.id,
        procedureCode: version.code,
        procedureName: version.name,
        receivingUnitId: receiving.id,
        handlingUnitId: handling.id,
        channel: input.channel,
        resultDelivery: input.resultDelivery ?? (input.channel === 'online' ? 'online' : input.channel === 'post' ? 'post' : 'desk'),
        applicantKind: applicant.kind,
        applicantName: applicant.name,
        applicantIdNumber: applicant.idNumber,
        applicantPhone: applicant.phone,
        applicantEmail: applicant.email,
        applicantAddress: applicant.address,
        applicantNotifyChannels: applicant.notifyChannels ?? null,
        submitter: input.submitter
          ? {
              name: input.submitter.name,
              idNumber: input.submitter.idNumber,
              address: input.submitter.address,
              phone: input.submitter.phone,
              email: input.submitter.email,
              authorisationDocument: input.submitter.authorisationDocument,
            }
          : null,
        checklist,
        feeVnd: input.feeVnd,
        // The contract requires it with a fee and refuses it without one.
        feePaymentMethod: input.feePaymentMethod ?? null,
        state: 'RECEIVED',
        statusCode: STATUS_CODE.RECEIVED,
        workflow: steps,
        currentStep: 0,
        holderUnitId: first.unitId,
        holderRole: first.role,
        durationAmount: duration.amount,
        durationUnit: duration.unit,
        durationSource: source,
        calendarUnitCode: receiving.code,
        receivedAt: now,
        dueAt,
        atRisk,
        ruleVersion: ruleVersionOn(today),
        pauseRule: DEFAULT_PAUSE_RULE,
        bookNumber: today.slice(0, 4),
        // The tracking-book number is assigned last, just before COMMIT (assignBookNumber).
        bookSeq: 0,
        receivedBy: actorId,
        searchText: dossierSearchText(applicant),
        createdAt: now,
        updatedAt: now,
      },
      hop: {
        kind: 'step',
        stepIndex: 0,
        name: first.name,
        toUnitId: first.unitId,
        role: first.role,
        startedAt: now,
        budgetMinutes: first.budgetMinutes,
        dueAt: hopDueOf(now, first.budgetMinutes, cal),
        handedBy: actorLabel,
        note: input.note,
      },
      event: { at: now, kind: 'intake', public: true, statusCode: STATUS_CODE.RECEIVED, params, note: input.note, actorId, actorLabel },
      publicView: { dueProvisional },
    });
    await notifyApplicant(scope, {
      subjectId: id,
      code,
      procedureName: version.name,
      kind: 'intake',
      params,
      state: 'RECEIVED',
      due: dueAt,
      email: applicant.email,
      phone: applicant.phone,
      channels: applicant.notifyChannels,
      dedupe: 'intake',
    });
    await scope.audit({
      action: DOSSIER_ACTIONS.intake,
      subjectType: 'dossier',
      subjectId: id,
      before: null,
      after: {
        code,
        procedureCode: version.code,
        procedureVersionId: version.id,
        receivingUnitId: receiving.id,
        handlingUnitId: handling.id,
        channel: input.channel,
        applicant: { kind: applicant.kind, name: applicant.name },
        duration: { ...duration, source },
        receivedAt: toVnIso(now),
        dueAt: toVnIso(dueAt),
        state: 'RECEIVED',
        atRisk,
      },
    });
    if (options.awaitPayment) await awaitPaymentAtIntake(scope, { id, code, procedureName: version.name, applicant, due: dueAt, now, actorId, actorLabel }, options.awaitPayment);
    const result = { decision: 'accept' as const, dossierId: id, code };
    await options.within?.(scope, result);
    // Last on purpose: every intake at this desk waits for the book counter (and the desk's control-slip series, D14:
    // Mẫu 06 is numbered at reception) until this transaction commits.
    const numbered = await assignBookNumber(tx, {
      dossierId: id,
      receivingUnitId: receiving.id,
      year: Number(today.slice(0, 4)),
      calendarRevision: calendars.revision,
      controlSlip: slipAtAct({ form: 'controlSlip', subject: `dossier:${id}`, dossierId: id, issuer: receiving, at: now }),
    });
    if (numbered === null) {
      invalidateCalendarCache(ctx.db);
      throw new CalendarMoved();
    }
    return result;
  });
}

async function recordDecision(
  ctx: Ctx,
  input: GuideOrRefuseRequest,
  version: ProcedureVersionView,
  receiving: UnitInfo,
  handling: UnitInfo | null,
  options: IntakeOptions,
): Promise<IntakeResult> {
  // A guide's missing items and every decision's reasons are required by the contract (IntakeRequestSchema).
  const kind = input.decision;
  if (input.handlingUnitId && !handling) throw invalid('body.handlingUnitId', 'dossiers.errors.handlingUnitInvalid');
  const now = ctx.clock.now();
  const a = input.applicant;
  const form = kind === 'guide' ? 'supplementRequest' : 'refusal';
  // The symbol names the desk as its heading does ("02/PBS-TTPVHCC"), the same on screen and on paper (D14).
  const { issuer } = await loadIssuer(ctx.db, receiving);
  return withTransaction(ctx, async (scope) => {
    const n = await nextSlipNumber(scope.tx, receiving.id, counterKindOf(form), Number(todayOf(ctx).slice(0, 4)));
    const referenceNumber = referenceOf(n, symbolOf(form, issuer, now));
    const [row] = await scope.tx
      .insert(dossierIntakeDecisions)
      .values({
        kind,
        referenceNumber,
        procedureVersionId: version.id,
        procedureCode: version.code,
        procedureName: version.name,
        receivingUnitId: receiving.id,
        handlingUnitId: handling?.id ?? null,
        channel: input.channel,
        applicant: { kind: a.kind, name: a.name, idNumber: a.idNumber, phone: a.phone, email: a.email, address: a.address },
        checklist: input.checklist,
        missingItems: kind === 'guide' ? input.missingItems : [],
        reasons: input.reasons,
        note: input.note,
        decidedAt: now,
        decidedBy: actorIdOf(ctx),
        decidedByLabel: actorLabelOf(ctx),
      })
      .returning({ id: dossierIntakeDecisions.id });
    await notifyApplicant(scope, {
      subjectId: row!.id,
      code: referenceNumber,
      procedureName: version.name,
      kind,
      params: { reasons: input.reasons, items: input.missingItems.join('; ') },
      state: null,
      due: null,
      email: a.email,
      phone: a.phone,
      channels: a.notifyChannels,
      dedupe: kind,
    });
    await scope.audit({
      action: `dossiers.intake.${kind}`,
      subjectType: 'dossier_intake_decision',
      subjectId: row!.id,
      before: null,
      after: { referenceNumber, procedureCode: version.code, receivingUnitId: receiving.id, applicant: { kind: a.kind, name: a.name }, reasons: input.reasons },
    });
    const result = { decision: kind, decisionId: row!.id, referenceNumber };
    await options.within?.(scope, result);
    return result;
  });
}
