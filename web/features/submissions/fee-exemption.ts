import type { Fee } from '../catalog/catalog.types';

/**
 * The fee the server awaits from an online application whose fee is due before processing (as its `feeForChannel`
 * picks it): the online channel's own fee, else the one for any channel, only when exactly one is stated; null when
 * none is, or its amount is not known.
 */
export function onlineFee(fees: readonly Fee[]): number | null {
  const own = fees.filter((f) => f.channel === 'online');
  const candidates = own.length > 0 ? own : fees.filter((f) => f.channel === 'any');
  return candidates.length === 1 ? candidates[0]!.amountVnd : null;
}

/** What remains to pay once an exemption's share is taken off, rounded to the đồng (0 when exempt). */
export function feeAfterExemption(fee: number, percent: number): number {
  return Math.round((fee * (100 - percent)) / 100);
}
