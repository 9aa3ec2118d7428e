// Values kept per app: several apps may run in one process (tests build many), each with its own event bus, so a
// module's settings are keyed by the bus rather than held in a module-level variable.
import type { EventBus } from '../events/event-bus';
import type { Ctx } from './context';

/** One value per app: `remember` it when the module is registered, read it back with `of`. */
export interface PerApp<T> {
  remember: (events: EventBus, value: T) => void;
  of: (ctx: Pick<Ctx, 'events'>) => T;
}

/** A per-app holder; reading it before `remember` throws "<what> were not loaded (<rememberedBy>)". */
export function perApp<T>(what: string, rememberedBy: string): PerApp<T> {
  const values = new WeakMap<EventBus, T>();
  return {
    remember: (events, value) => void values.set(events, value),
    of: (ctx) => {
      const value = values.get(ctx.events);
      if (value === undefined) throw new Error(`${what} were not loaded (${rememberedBy})`);
      return value;
    },
  };
}
