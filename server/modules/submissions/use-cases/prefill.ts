// The applicant of a new draft, pre-filled from the signed-in account (wired to identity's profile when merged).
import type { Ctx } from '../../../platform/context/context';
import type { EFormApplicant } from '../../catalog';
import type { ApplicantDraftRow } from '../submissions.tables';

/** What the account knows of its holder: the applicant block and the e-form's pre-fill sources. */
export interface Prefill {
  applicant: ApplicantDraftRow;
  eForm: EFormApplicant;
}

/** The applicant as the account knows it; fields the account does not hold stay empty for the citizen to fill. */
export async function applicantPrefillOf(ctx: Ctx, _accountId: string): Promise<Prefill> {
  const name = ctx.actor.type === 'user' ? ctx.actor.displayName : null;
  return Promise.resolve({ applicant: { kind: 'person', name, idNumber: null, phone: null, email: null, address: null }, eForm: { fullName: name } });
}
