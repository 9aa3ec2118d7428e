// Request-layer guards that apply to every route alike (issue 8 items 2 and 5).
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors';
import { SESSION_COOKIE } from '../auth/sessions';
import { assertPlainText } from './text-input';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface RequestGuardsOptions {
  /** PUBLIC_BASE_URL: the origin the application is published under (besides the Host it is reached by). */
  publicBaseUrl: string;
}

/**
 * True when a browser's `Origin` names this application: the published origin, or the host the request was sent to
 * (the OWASP "source origin equals target origin" check; the scheme is not compared because a TLS-terminating proxy
 * may forward plain HTTP). `Origin: null` (sandboxed frames, privacy redirects) is never ours.
 */
export function isOwnOrigin(origin: string, requestHost: string, publishedOrigin: string): boolean {
  if (origin === publishedOrigin) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    // An unparsable Origin (including "null") cannot name this application.
    return false;
  }
  let target: URL;
  try {
    // A scheme without a default port keeps the Host header's port as written ("localhost:80" stays ":80").
    target = new URL(`host://${requestHost}`);
  } catch {
    return false;
  }
  const defaultPort = parsed.protocol === 'https:' ? '443' : '80';
  return parsed.hostname.toLowerCase() === target.hostname.toLowerCase() && (parsed.port || defaultPort) === (target.port || defaultPort);
}

/** True when the multipart request's Content-Type has no usable boundary (the parser would throw on it). */
function multipartWithoutBoundary(contentType: string | undefined): boolean {
  if (!contentType || !/^\s*multipart\//i.test(contentType)) return false;
  const boundary = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return !boundary;
}

function setsSessionCookie(reply: FastifyReply): boolean {
  const set = reply.getHeader('set-cookie');
  const all = Array.isArray(set) ? set : set === undefined ? [] : [String(set)];
  return all.some((c) => c.startsWith(`${SESSION_COOKIE}=`));
}

/**
 * - A state-changing request whose `Origin` is present and foreign is refused with 403 ORIGIN_FORBIDDEN: defence in
 *   depth beside the CSRF token and SameSite cookie (D3). Requests without `Origin` (non-browser clients) pass.
 * - Text input holding NUL or another C0 control is refused with a 400 naming the field (text-input.ts).
 * - A multipart request without a boundary is refused with a 400 instead of reaching the parser.
 * - Every API response to a signed-in caller, and the response that signs one in, is `Cache-Control: no-store`
 *   unless the route chose its own policy: it carries personal data and the CSRF token, which no shared or
 *   browser cache may keep after sign-out.
 *
 * Register after the request-context plugin: hooks run in registration order, so the locale is known and the route's
 * authorisation check (D5) still answers before input is judged.
 */
export const requestGuardsPlugin = fp(async (app: FastifyInstance, opts: RequestGuardsOptions) => {
  const publishedOrigin = new URL(opts.publicBaseUrl).origin;

  app.addHook('onRequest', async (request: FastifyRequest) => {
    if (SAFE_METHODS.has(request.method)) return;
    const origin = request.headers.origin;
    if (origin !== undefined && !isOwnOrigin(origin, request.host, publishedOrigin)) throw new AppError('ORIGIN_FORBIDDEN');
  });

  app.addHook('preValidation', async (request: FastifyRequest) => {
    if (multipartWithoutBoundary(request.headers['content-type'])) throw new AppError('MULTIPART_BOUNDARY_MISSING');
    assertPlainText(request);
  });

  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.url.startsWith('/api/') || reply.hasHeader('cache-control')) return;
    if (request.actor?.type === 'user' || setsSessionCookie(reply)) reply.header('cache-control', 'no-store');
  });
});
