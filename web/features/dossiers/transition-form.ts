import type { DurationUnit } from '../catalog/catalog.types';
import type { ResultDelivery, TransitionName, TransitionRequest } from './dossiers.types';
import { lines, MINUTES_PER_WORKING_DAY } from './dossiers.format';

/** Every field the transition dialogs may show (each transition uses a few of them). */
export interface TransitionFormValues {
  note?: string;
  reason?: string;
  stepIndex?: number;
  items?: string;
  amountVnd?: number | null;
  toUnitId?: string;
  role?: 'specialist' | 'leader';
  budgetAmount?: number | null;
  budgetUnit?: Extract<DurationUnit, 'working-days' | 'working-hours'>;
  method?: ResultDelivery;
  receivedBy?: string;
}

/** Transitions whose dialog asks for a reason (sent as `reason`, or as the required `note` of return-to-step). */
export const REASON_TRANSITIONS: ReadonlySet<TransitionName> = new Set(['return-to-step', 'request-supplement', 'request-payment', 'stop', 'withdraw']);

/** Transitions that end the handling or cannot be undone: their OK button is red. */
export const DANGEROUS_TRANSITIONS: ReadonlySet<TransitionName> = new Set(['stop', 'withdraw']);

/** A sub-deadline typed as days or hours → working minutes (§19.3: a working day is 8 hours). */
export function budgetMinutes(amount: number | null | undefined, unit: TransitionFormValues['budgetUnit']): number {
  const value = amount ?? 0;
  return Math.round(unit === 'working-hours' ? value * 60 : value * MINUTES_PER_WORKING_DAY);
}

const text = (v: string | undefined): string => (v ?? '').trim();
const optional = (v: string | undefined): string | null => (text(v) === '' ? null : text(v));

/** Builds the POST /:id/transitions body; `expectedVersion` is the version the officer was looking at. */
export function toTransitionRequest(transition: TransitionName, expectedVersion: number, v: TransitionFormValues): TransitionRequest {
  const base = { expectedVersion, note: optional(v.note), attachments: [] };
  switch (transition) {
    case 'return-to-step':
      return { transition, ...base, stepIndex: v.stepIndex ?? 0, note: text(v.reason) };
    case 'request-supplement':
      return { transition, ...base, items: lines(v.items), reason: text(v.reason) };
    case 'request-payment':
      return { transition, ...base, amountVnd: v.amountVnd ?? undefined, reason: text(v.reason) };
    case 'transfer':
      return { transition, ...base, toUnitId: v.toUnitId ?? '', role: v.role ?? 'specialist', budgetMinutes: budgetMinutes(v.budgetAmount, v.budgetUnit) };
    case 'return-result':
      return { transition, ...base, method: v.method ?? 'desk', receivedBy: text(v.receivedBy) };
    case 'stop':
    case 'withdraw':
      return { transition, ...base, reason: text(v.reason) };
    default:
      return { transition, ...base };
  }
}
