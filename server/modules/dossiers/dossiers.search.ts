// The queue search's words: what a dossier can be found by (code, applicant name without diacritics, ID number, phone).
import { normaliseSearch } from '../identity';

/** A phone number as digits only, in its domestic form (+84 912… and 0912… are the same number). */
export function phoneDigits(phone: string | null | undefined): string {
  const digits = (phone ?? '').replace(/\D/g, '');
  return digits.startsWith('84') && digits.length >= 11 ? `0${digits.slice(2)}` : digits;
}

/**
 * The stored search text after the code (the intake statement prefixes the lower-case code it allocates): the
 * applicant's name, ID number and phone, lower case and accent-free, words separated by one space.
 */
export function dossierSearchText(applicant: { name: string; idNumber: string; phone?: string | null }): string {
  return normaliseSearch(`${applicant.name} ${applicant.idNumber} ${phoneDigits(applicant.phone)}`);
}
