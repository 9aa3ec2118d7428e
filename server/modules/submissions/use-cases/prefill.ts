// The applicant of a new draft, pre-filled from the signed-in account's profile (identity): nobody types again what
// the account already holds, and forms get only the contacts the account proved (identity's rule).
import type { Ctx } from '../../../platform/context/context';
import type { EFormApplicant } from '../../catalog';
import { getCitizenProfile } from '../../identity';
import type { ApplicantDraftRow } from '../submissions.tables';

/** What the account knows of its holder: the applicant block and the e-form's pre-fill sources. */
export interface Prefill {
  applicant: ApplicantDraftRow;
  eForm: EFormApplicant;
}

/**
 * The applicant as the account knows it (a person, or a business with its enterprise code); fields the account does
 * not hold stay empty for the citizen to fill. The e-form's personal fields are the person acting: the citizen, or a
 * business's representative (the account holder).
 */
export async function applicantPrefillOf(ctx: Ctx): Promise<Prefill> {
  const { applicant: a } = await getCitizenProfile(ctx);
  const person = a.representative ?? { name: a.name, idNumber: a.idNumber, birthDate: a.birthDate };
  return {
    applicant: { kind: a.kind, name: a.name, idNumber: a.idNumber, phone: a.phone, email: a.email, address: a.address },
    eForm: { fullName: person.name, idNumber: person.idNumber, birthDate: person.birthDate, phone: a.phone, email: a.email, address: a.address },
  };
}
