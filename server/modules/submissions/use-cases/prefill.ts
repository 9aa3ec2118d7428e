// The applicant of a new draft, pre-filled from the signed-in account (wired to identity's profile when merged).
import type { Ctx } from '../../../platform/context/context';
import type { ApplicantDraftRow } from '../submissions.tables';

/** The applicant as the account knows it; fields the account does not hold stay empty for the citizen to fill. */
export async function applicantPrefillOf(ctx: Ctx, _accountId: string): Promise<ApplicantDraftRow> {
  const name = ctx.actor.type === 'user' ? ctx.actor.displayName : null;
  return Promise.resolve({ kind: 'person', name, idNumber: null, phone: null, email: null, address: null });
}
