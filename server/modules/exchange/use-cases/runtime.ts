// The exchange settings of each app (several apps may run in one process, each with its own event bus).
import type { EventBus } from '../../../platform/events/event-bus';
import type { ExchangeConfig } from '../exchange.config';

const configs = new WeakMap<EventBus, ExchangeConfig | null>();

export function rememberExchangeConfig(events: EventBus, config: ExchangeConfig | null): void {
  configs.set(events, config);
}

/** The app's exchange settings; null when the exchange is off. */
export function exchangeConfigOf(events: EventBus): ExchangeConfig | null {
  return configs.get(events) ?? null;
}
