// Types come from the shared contract (type-only, so no server or zod code reaches the bundle).
import type { ExchangeInboundRow, ExchangeRow } from '../../../contracts/exchange/exchange.contracts';

export type { ExchangeInbound, ExchangeInboundQuery, ExchangeInboundRow, ExchangeOutbox, ExchangeOutboxQuery, ExchangeRow } from '../../../contracts/exchange/exchange.contracts';

/** Where a status change stands on its way to the national portal. */
export type ExchangeRowState = ExchangeRow['state'];

/** Where a dossier picked up from the national portal stands. */
export type ExchangeInboundState = ExchangeInboundRow['state'];

// The value lists mirror the contract's enums (`satisfies` keeps them in step) without pulling zod into the bundle.
/** sent; waiting (queued, not yet tried or due again); failing (tried and refused or unreachable, waiting out its back-off). */
export const EXCHANGE_ROW_STATES = ['sent', 'waiting', 'failing'] as const satisfies readonly ExchangeRowState[];

/** received (in the desk's queue); unreadable (left on the portal until retried); failed (a passing failure, retried at every pickup). */
export const EXCHANGE_INBOUND_STATES = ['received', 'unreadable', 'failed'] as const satisfies readonly ExchangeInboundState[];

/** Policy actions of the exchange module (server: exchange.policy.ts). */
export const EXCHANGE_ACTIONS = {
  read: 'exchange.outbox.read',
  resend: 'exchange.outbox.resend',
} as const;
