import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Runs helmet once against a recording response and returns the headers it sets. Our policy has no per-request parts
 * (no nonces), so every response can carry the same precomputed set; @fastify/helmet rebuilt helmet on every request,
 * which cost about 7% of a public lookup's CPU (bench/dossiers.bench.ts).
 */
export function securityHeaders(options: Readonly<HelmetOptions>): { set: Record<string, string>; remove: string[] } {
  const set: Record<string, string> = {};
  const remove: string[] = [];
  let failed: unknown = null;
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      set[name] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader: (name: string) => {
      remove.push(name);
    },
  };
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (err?: unknown) => {
    failed = err ?? null;
  });
  if (failed) throw failed instanceof Error ? failed : new Error('security headers could not be computed', { cause: failed });
  return { set, remove };
}

/** Adds the precomputed security headers to every response. */
export const securityHeadersPlugin = fp(async (app, options: Readonly<HelmetOptions>) => {
  const { set, remove } = securityHeaders(options);
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(set);
    for (const name of remove) reply.raw.removeHeader(name);
    done();
  });
});
