// Which dossiers the signed-in account may read as their applicant (issue 11 item 6), composed from the modules that
// know: submissions (the dossiers its online applications became) and identity (its ID number, only once verified by a
// trusted source — D24: a declared number proves nothing, so it never opens a desk dossier).
import { AppError } from '../../../platform/errors';
import type { Ctx } from '../../../platform/context/context';
import type { ApplicantClaim } from '../../dossiers';
import { verifiedIdNumberOf } from '../../identity';
import { accountOwnsDossier, listAccountDossierIds, ownerKeyOf, SUBMISSION_FILE_LIMITS } from '../../submissions';
import { PORTAL_ACTIONS } from '../portal.policy';

function accountIdOf(ctx: Ctx): string {
  if (ctx.actor.type !== 'user' || ctx.actor.kind !== 'citizen') throw new AppError('FORBIDDEN', { action: PORTAL_ACTIONS.dossiers });
  return ctx.actor.userId;
}

/** The account's whole claim, for its list of dossiers. */
export async function accountClaim(ctx: Ctx): Promise<ApplicantClaim> {
  const accountId = accountIdOf(ctx);
  const [onlineDossierIds, verifiedIdNumber] = await Promise.all([listAccountDossierIds(ctx.db, accountId), verifiedIdNumberOf(ctx.db, accountId)]);
  return { onlineDossierIds, verifiedIdNumber };
}

/** The account's claim as far as one dossier is concerned (one indexed lookup instead of all its applications). */
export async function claimFor(ctx: Ctx, dossierId: string): Promise<ApplicantClaim> {
  const accountId = accountIdOf(ctx);
  const [owns, verifiedIdNumber] = await Promise.all([accountOwnsDossier(ctx.db, accountId, dossierId), verifiedIdNumberOf(ctx.db, accountId)]);
  return { onlineDossierIds: owns ? [dossierId] : [], verifiedIdNumber };
}

/** The account's storage: supplement files count against the same quota as its applications' files. */
export function accountQuota(ctx: Ctx, maxFileBytes: number) {
  return { ownerKey: ownerKeyOf(accountIdOf(ctx)), quotaBytes: SUBMISSION_FILE_LIMITS.accountQuotaBytes, maxFileBytes };
}
