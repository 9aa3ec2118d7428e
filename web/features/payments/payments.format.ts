import type { TFunction } from 'i18next';
import type { PaymentReturnView, PaymentTransactionState } from './payments.types';

/** The gateway's response codes with an explanation of their own (VNPAY: 24 cancelled, 11 expired, 51 insufficient funds). */
const EXPLAINED_CODES: readonly string[] = ['24', '11', '51'];

/** "150.000 ₫" (vi-VN) or "₫150,000" (en-US) from whole VND. */
export function formatVnd(t: TFunction, amount: number): string {
  return new Intl.NumberFormat(t('common.numberLocale'), { style: 'currency', currency: 'VND', maximumFractionDigits: 0 }).format(amount);
}

/** antd tag colour of each attempt state; the tag's text and icon carry the meaning too. */
export const STATE_COLOR: Record<PaymentTransactionState, string> = {
  pending: 'gold',
  succeeded: 'green',
  failed: 'red',
  cancelled: 'default',
  expired: 'default',
};

/**
 * Why an attempt did not go through, from the gateway's response code (24 cancelled by the payer, 11 expired, 51
 * insufficient funds; anything else generic) or, without a code, from the recorded state.
 */
export function failureReason(t: TFunction, responseCode: string | null | undefined, state?: PaymentTransactionState): string {
  if (responseCode && EXPLAINED_CODES.includes(responseCode)) return t(`payments.reason.${responseCode}`);
  if (state === 'expired') return t('payments.reason.11');
  if (state === 'cancelled') return t('payments.reason.24');
  return t('payments.reason.other');
}

/** What the return page says: paid, waiting for the gateway's notification, or not paid. */
export type ReturnPhase = 'succeeded' | 'waiting' | 'failed';

/**
 * Paid only once the records say so (`state`); while the records still wait, the gateway's word on the return decides
 * between waiting for its notification (it reported success, or a payment held for review) and "not paid".
 */
export function returnPhase(view: PaymentReturnView): ReturnPhase {
  if (view.state === 'succeeded') return 'succeeded';
  if (view.state === 'pending' && (view.gatewayOutcome === 'succeeded' || view.gatewayOutcome === 'pending')) return 'waiting';
  return 'failed';
}
