// Late handling (§3.1 step 6, §19.7): the handling agency's head apologises and sets a new return date, once.
import { can } from '../../../platform/access';
import { toVnIso } from '../../../platform/calendar';
import { withTransaction, type Ctx } from '../../../platform/context/context';
import { AppError, notFound } from '../../../platform/errors';
import type { ApologyRequest } from '../../../../contracts/dossiers/dossiers.contracts';
import { calendarOf, toPauses, workingMinutesBetween } from '../dossiers.deadlines';
import { formatInstant, notifyApplicant } from '../dossiers.notify';
import { DOSSIER_ACTIONS } from '../dossiers.policy';
import { counterKindOf, loadIssuer, referenceOf, symbolOf } from './slip-numbers';
import { changeDossier, findApology, findDossier, listHops, listPauses, nextSlipNumber, unitsById, type DossierRow } from '../dossiers.repository';
import { dossierApologies } from '../dossiers.tables';
import { OPEN_STATES } from '../dossiers.workflow';
import { actorIdOf, actorLabelOf, invalid, subjectOf } from './common';
import { riskAfter } from './transition-dossier';

/**
 * Issues the apology and extension letter (Mẫu 04): allowed once per dossier, no later than 1 working day before the
 * due instant; the new date is recorded beside the original (`extended_due_at`), the applicant is notified.
 */
export async function issueApology(ctx: Ctx, id: string, req: ApologyRequest): Promise<DossierRow> {
  const now = ctx.clock.now();
  const row = await findDossier(ctx.db, id);
  if (!row) throw notFound('dossier', id);
  const units = await unitsById(ctx.db, [row.holderUnitId, row.receivingUnitId, row.handlingUnitId]);
  if (!can(ctx.actor, DOSSIER_ACTIONS.apology, subjectOf(row, units))) throw new AppError('FORBIDDEN', { action: DOSSIER_ACTIONS.apology });
  if (req.expectedVersion !== row.version) throw new AppError('VERSION_CONFLICT', { current: row.version });
  if (!OPEN_STATES.includes(row.state)) throw new AppError('INVALID_STATE', { state: row.state, transition: 'apology' });
  if (await findApology(ctx.db, id)) throw new AppError('APOLOGY_ALREADY_ISSUED', {}, { status: 409 });
  const cal = await calendarOf(ctx.db, row.calendarUnitCode);
  // "No later than 01 day before the deadline" (§3.1 step 6), read as one standard working day of working time.
  const left = workingMinutesBetween(now, row.dueAt, cal);
  if (left === null || left < cal.standardDayMinutes) throw new AppError('APOLOGY_TOO_LATE', { due: formatInstant(row.dueAt.toISOString(), ctx.locale) }, { status: 409 });
  const newDue = new Date(req.newDueAt);
  if (newDue.getTime() <= row.dueAt.getTime()) throw invalid('body.newDueAt', 'dossiers.errors.newDueNotAfterDue', { due: formatInstant(row.dueAt.toISOString(), ctx.locale) });

  const [hops, pauses] = await Promise.all([listHops(ctx.db, id), listPauses(ctx.db, id)]);
  const openHop = hops.find((h) => h.kind === 'step' && h.finishedAt === null) ?? null;
  const atRisk = riskAfter({ ...row, extendedDueAt: newDue }, now, cal, toPauses(pauses), openHop);
  const actorLabel = actorLabelOf(ctx);
  const actorId = actorIdOf(ctx);
  const handling = units.get(row.handlingUnitId)!;
  const { issuer } = await loadIssuer(ctx.db, handling);

  return withTransaction(ctx, async (scope) => {
    const { tx } = scope;
    const params = { newDue: toVnIso(newDue), due: toVnIso(row.dueAt) };
    const entry = { at: now, kind: 'apology', public: true, params, note: req.reason, actorId, actorLabel };
    const updated = await changeDossier(tx, id, req.expectedVersion, { extendedDueAt: newDue, atRisk, atRiskCheckedAt: now, updatedAt: now }, entry);
    if (!updated) throw new AppError('VERSION_CONFLICT', {});
    const n = await nextSlipNumber(tx, handling.id, counterKindOf('apology'), Number(toVnIso(now).slice(0, 4)));
    // "01/PXL-STP": the handling agency's own abbreviation, as the letter's heading names it (D14).
    const referenceNumber = referenceOf(n, symbolOf('apology', issuer, now));
    // The unique index on dossier_id is the last guard against a second letter written concurrently.
    await tx
      .insert(dossierApologies)
      .values({ dossierId: id, referenceNumber, issuedAt: now, issuedBy: actorId, issuedByLabel: actorLabel, reason: req.reason, originalDueAt: row.dueAt, newDueAt: newDue });
    await notifyApplicant(scope, {
      subjectId: id,
      code: row.code,
      procedureName: row.procedureName,
      kind: 'apology',
      params,
      state: updated.state,
      due: newDue,
      email: row.applicantEmail,
      phone: row.applicantPhone,
      channels: row.applicantNotifyChannels,
      dedupe: 'apology',
    });
    await scope.audit({
      action: DOSSIER_ACTIONS.apology,
      subjectType: 'dossier',
      subjectId: id,
      before: { version: row.version, dueAt: toVnIso(row.dueAt), extendedDueAt: null },
      after: { version: updated.version, dueAt: toVnIso(row.dueAt), extendedDueAt: toVnIso(newDue), referenceNumber, reason: req.reason },
    });
    return updated;
  });
}
