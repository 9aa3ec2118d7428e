// Types come from the shared contract (type-only, so no server or zod code reaches the bundle).
import type { ExchangeRow } from '../../../contracts/exchange/exchange.contracts';

export type { ExchangeOutbox, ExchangeOutboxQuery, ExchangeRow } from '../../../contracts/exchange/exchange.contracts';

/** Where a status change stands on its way to the national portal. */
export type ExchangeRowState = ExchangeRow['state'];

// The value list mirrors the contract's enum (`satisfies` keeps them in step) without pulling zod into the bundle.
/** sent; waiting (queued, not yet tried or due again); failing (tried and refused or unreachable, waiting out its back-off). */
export const EXCHANGE_ROW_STATES = ['sent', 'waiting', 'failing'] as const satisfies readonly ExchangeRowState[];

/** Policy actions of the exchange module (server: exchange.policy.ts). */
export const EXCHANGE_ACTIONS = {
  read: 'exchange.outbox.read',
  resend: 'exchange.outbox.resend',
} as const;
