// The desk's slips reach the online applicant electronically (NĐ 45/2020/NĐ-CP; §3.1: Mẫu 01 on reception, Mẫu 02
// on a guide, Mẫu 03 on a refusal): the owner of the submission opens the same PDF the desk prints.
import type { Ctx } from '../../../platform/context/context';
import { notFound } from '../../../platform/errors';
import type { ApplicantSlip } from '../../../../contracts/submissions/submissions.contracts';
import { renderDossierSlip, renderIntakeDecisionSlip, type RenderedFile } from '../../dossiers';
import { listEvents } from '../submissions.repository';
import { loadOwned } from './common';

/** A slip of the dossier received from the caller's submission (never the agencies' control slip, Mẫu 06). */
export async function renderOwnDossierSlip(ctx: Ctx, id: string, slip: ApplicantSlip, lookupBaseUrl: string): Promise<RenderedFile> {
  const row = await loadOwned(ctx, id);
  if (!row.dossierId) throw notFound('dossier', id);
  // Ownership established above: the dossiers module renders for its applicant (SlipReader 'applicant').
  return renderDossierSlip(ctx, row.dossierId, slip, lookupBaseUrl, 'applicant');
}

/** Mẫu 02 or Mẫu 03 the desk issued on one of the rounds of the caller's submission. */
export async function renderOwnDecisionSlip(ctx: Ctx, id: string, decisionId: string): Promise<RenderedFile> {
  const row = await loadOwned(ctx, id);
  const issued = new Set((await listEvents(ctx.db, row.id)).map((e) => e.params.decisionId).filter((x): x is string => typeof x === 'string'));
  if (row.latestDecisionId) issued.add(row.latestDecisionId);
  if (!issued.has(decisionId)) throw notFound('intakeDecision', decisionId);
  return renderIntakeDecisionSlip(ctx, decisionId, 'applicant');
}
