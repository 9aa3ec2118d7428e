/** Typed domain events, published after commit; modules declare their events by augmenting `DomainEvents`. */

export interface DomainEvents {
  'platform.test-event': { value: string };
}

export type EventName = keyof DomainEvents;
type Handler<K extends EventName> = (payload: DomainEvents[K]) => void | Promise<void>;

/** In-process bus: handlers run one after another; a failing handler is logged and does not stop the others. */
export class EventBus {
  private handlers = new Map<EventName, Array<Handler<never>>>();

  constructor(private readonly onError: (err: unknown, event: EventName) => void = () => undefined) {}

  on<K extends EventName>(event: K, handler: Handler<K>): () => void {
    const list = this.handlers.get(event) ?? [];
    list.push(handler);
    this.handlers.set(event, list);
    return () => {
      const i = list.indexOf(handler);
      if (i >= 0) list.splice(i, 1);
    };
  }

  async emit<K extends EventName>(event: K, payload: DomainEvents[K]): Promise<void> {
    for (const handler of this.handlers.get(event) ?? []) {
      try {
        await (handler as Handler<K>)(payload);
      } catch (err) {
        this.onError(err, event);
      }
    }
  }
}
