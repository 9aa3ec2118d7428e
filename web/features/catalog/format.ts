import type { TFunction } from 'i18next';
import type { DurationUnit } from './catalog.types';

/** "5 ngày làm việc" from a readable amount and unit; null when either is missing. */
export function formatDuration(t: TFunction, amount: number | null, unit: DurationUnit | null): string | null {
  if (amount === null || unit === null) return null;
  return t(`catalog.duration.${unit}`, { amount: amount.toLocaleString(t('common.numberLocale')) });
}

/** "50.000 ₫" from integer VND; "Miễn phí" for zero; null when unknown. */
export function formatVnd(t: TFunction, amount: number | null): string | null {
  if (amount === null) return null;
  if (amount === 0) return t('catalog.fee.free');
  return new Intl.NumberFormat(t('common.numberLocale'), { style: 'currency', currency: 'VND', maximumFractionDigits: 0 }).format(amount);
}
