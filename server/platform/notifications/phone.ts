// Phone numbers for SMS and Zalo: both gateways take a Vietnamese mobile number in its international form without
// the plus (84 + nine digits). People write it as 0912 345 678, +84 912 345 678, 84912345678 or 0084 912 345 678.

/** Separators people type inside a number. */
const SEPARATORS = /[\s.()-]/g;

/**
 * A Vietnamese mobile number as `84xxxxxxxxx`, or null. After the country code a mobile number has nine digits
 * starting with 3, 5, 7, 8 or 9 (the ten-digit numbering in force since the 2018 change of the old 11-digit 01x
 * numbers); landlines (02x) cannot receive SMS or Zalo notifications, and foreign numbers are not reached by a
 * domestic brand-name gateway, so both are refused.
 */
export function vnMobileNumber(raw: string | null | undefined): string | null {
  let digits = (raw ?? '').trim().replace(SEPARATORS, '');
  if (digits.startsWith('+')) digits = digits.slice(1);
  else if (digits.startsWith('00')) digits = digits.slice(2);
  else if (digits.startsWith('0')) digits = `84${digits.slice(1)}`;
  return /^84[35789][0-9]{8}$/.test(digits) ? digits : null;
}
