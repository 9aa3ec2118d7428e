// The gateway each app talks to, kept per app (several apps may run in one process, each with its own event bus),
// and how it is reached: a URL without an origin is served by this app (the sandbox) and is called in-process.
import type { FastifyInstance } from 'fastify';
import type { EventBus } from '../../../platform/events/event-bus';
import type { GatewayTransport, PaymentGateway } from '../gateway/gateway';
import { createVnpayGateway } from '../gateway/vnpay';
import type { PaymentsConfig } from '../payments.config';

/** The module's settings and gateway adapter for one app. */
export interface PaymentsRuntime {
  config: PaymentsConfig;
  gateway: PaymentGateway;
}

const runtimes = new WeakMap<EventBus, PaymentsRuntime>();
const apps = new WeakMap<EventBus, FastifyInstance>();

const GATEWAY_TIMEOUT_MS = 10_000;

/** POSTs JSON to the gateway's API: in-process for this app's own paths, over HTTP with a time limit otherwise. */
function transportFor(events: EventBus): GatewayTransport {
  return async (url, body) => {
    if (url.startsWith('/')) {
      const app = apps.get(events);
      if (!app) throw new Error('payments: the sandbox gateway is not served by this app');
      const res = await app.inject({ method: 'POST', url, payload: body as object });
      return { status: res.statusCode, body: res.json<unknown>() };
    }
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(GATEWAY_TIMEOUT_MS) });
    return { status: res.status, body: (await res.json()) as unknown };
  };
}

/** Sends a GET to a URL and returns the answer: in-process when it is this app's own address (the sandbox's IPN). */
export function deliverFor(events: EventBus, publicBaseUrl: string): (url: string) => Promise<{ status: number; body: unknown }> {
  const base = publicBaseUrl.replace(/\/+$/, '');
  return async (url) => {
    const app = apps.get(events);
    if (app && (url.startsWith('/') || url.startsWith(`${base}/`))) {
      const res = await app.inject({ method: 'GET', url: url.startsWith('/') ? url : url.slice(base.length), remoteAddress: '127.0.0.1' });
      return { status: res.statusCode, body: res.json<unknown>() };
    }
    const res = await fetch(url, { signal: AbortSignal.timeout(GATEWAY_TIMEOUT_MS) });
    return { status: res.status, body: (await res.json()) as unknown };
  };
}

/** Sets up the app's runtime (the manifest's `register`). */
export function setUpPayments(events: EventBus, config: PaymentsConfig): PaymentsRuntime {
  const runtime: PaymentsRuntime = {
    config,
    gateway: createVnpayGateway({ tmnCode: config.tmnCode, hashSecret: config.hashSecret, payUrl: config.payUrl, apiUrl: config.apiUrl }, transportFor(events)),
  };
  runtimes.set(events, runtime);
  return runtime;
}

/** Remembers the app serving the routes, for in-process calls (the manifest's `routes`). */
export function rememberApp(events: EventBus, app: FastifyInstance): void {
  apps.set(events, app);
}

/** The runtime of the app whose event bus this is. */
export function runtimeOf(events: EventBus): PaymentsRuntime {
  const r = runtimes.get(events);
  if (!r) throw new Error('payments: the module was not registered in this app');
  return r;
}
