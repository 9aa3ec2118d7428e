// The exchange settings of each app (several apps may run in one process, each with its own event bus).
import type { EventBus } from '../../../platform/events/event-bus';
import type { FileStore } from '../../../platform/files';
import type { ExchangeConfig } from '../exchange.config';

/** What the exchange's jobs need besides a context: the settings, and where downloaded files go. */
export interface ExchangeRuntime {
  config: ExchangeConfig;
  files: FileStore;
  /** The largest file taken from the national portal (the app's upload limit). */
  maxFileBytes: number;
}

const runtimes = new WeakMap<EventBus, ExchangeRuntime | null>();

export function rememberExchange(events: EventBus, runtime: ExchangeRuntime | null): void {
  runtimes.set(events, runtime);
}

/** The app's exchange runtime; null when the exchange is off. */
export function exchangeRuntimeOf(events: EventBus): ExchangeRuntime | null {
  return runtimes.get(events) ?? null;
}

/** The app's exchange settings; null when the exchange is off. */
export function exchangeConfigOf(events: EventBus): ExchangeConfig | null {
  return runtimes.get(events)?.config ?? null;
}
