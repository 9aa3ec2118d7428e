import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors';
import type { ModuleHost } from '../../platform/http/module';
import { setSessionCookie } from './auth.routes';
import { PORTAL_PATHS } from './identity.notify';
import { createSsoClient } from './sso-client';
import { authSettings } from './use-cases/sessions';
import { completeSingleSignOn, portalReturnPath, SSO_REQUEST_MINUTES, startSingleSignOn } from './use-cases/single-sign-on';

/** The cookie holding the state of the sign-in under way, sent only to the single sign-on routes. */
export const SSO_STATE_COOKIE = 'motcua_sso';
const SSO_COOKIE_PATH = '/api/v1/identity/citizen/sso';

const tags = ['citizen'];
/** Error codes the portal's sign-in page explains; any other failure is reported as SSO_FAILED. */
const REPORTED = new Set(['SSO_NOT_CONFIGURED', 'SSO_STATE_INVALID', 'SSO_CANCELLED', 'SSO_PROVIDER_ERROR', 'SSO_CLAIMS_MISSING', 'SSO_ACCOUNT_CONFLICT', 'ACCOUNT_DISABLED']);

const RedirectSchema = z.null().describe('Redirect (302): `Location` names the next page.');

const StartQuerySchema = z.object({
  next: z.string().max(500).optional().describe('Portal path to land on once signed in (default: the account page); other sites and the back office are ignored.'),
});
const CallbackQuerySchema = z.object({
  code: z.string().max(2000).optional(),
  state: z.string().max(500).optional(),
  iss: z.string().max(500).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(2000).optional(),
});

/**
 * Single sign-on of portal accounts with the national e-ID (OpenID Connect, authorization code with PKCE). Browser
 * navigations, not JSON calls: both routes answer with a redirect, errors included (to the portal's sign-in page
 * with `?sso_error=<CODE>`).
 */
export async function ssoRoutes(app: FastifyInstance, host: ModuleHost): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const client = host.config.oidc ? createSsoClient(host.config.oidc) : null;
  const settings = authSettings(host.config);
  const cookie = { httpOnly: true, sameSite: 'lax' as const, path: SSO_COOKIE_PATH, secure: host.config.secureCookies };

  const failed = (reply: FastifyReply, err: unknown) => {
    const code = err instanceof AppError && REPORTED.has(err.code) ? err.code : 'SSO_FAILED';
    const log = code === 'SSO_FAILED' || code === 'SSO_PROVIDER_ERROR' ? reply.log.error.bind(reply.log) : reply.log.warn.bind(reply.log);
    log({ err, code }, 'single sign-on refused');
    return reply.redirect(`${PORTAL_PATHS.signIn}?sso_error=${code}`, 302);
  };

  r.get(
    '/citizen/sso/start',
    {
      // Each start writes a row and calls the provider's metadata (cached): limited per client address.
      config: { action: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Start signing in with the national e-ID (OpenID Connect): redirects to the provider',
        description:
          'Makes a fresh state, nonce and PKCE verifier, keeps them server-side (any app process can take the callback) and the state also in a ' +
          `${SSO_REQUEST_MINUTES}-minute httpOnly cookie, then redirects to the provider. When single sign-on is not configured, redirects to the sign-in page with \`sso_error=SSO_NOT_CONFIGURED\`.`,
        querystring: StartQuerySchema,
        response: { 302: RedirectSchema },
      },
    },
    async (request, reply) => {
      try {
        const started = await startSingleSignOn(request.ctx, client, portalReturnPath(request.query.next, PORTAL_PATHS.account));
        reply.setCookie(SSO_STATE_COOKIE, started.state, { ...cookie, maxAge: SSO_REQUEST_MINUTES * 60 });
        return reply.redirect(started.url.href, 302);
      } catch (err) {
        return failed(reply, err);
      }
    },
  );

  r.get(
    '/citizen/sso/callback',
    {
      config: { action: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: "The national e-ID's return after sign-in: signs in, links or creates the portal account, then redirects",
        description:
          'Accepted once, in the browser that started (state = cookie), within the time limit. The code is exchanged with the PKCE verifier and the ID token ' +
          'checked. An identity already linked signs in; else the account whose ID number was already verified is linked; else a new account is made from ' +
          'the claims (verified ID number, name, birth date). Sets the same session cookie as `POST /login` and redirects to the page asked for at the start. ' +
          'Failures redirect to the sign-in page with `sso_error` = SSO_STATE_INVALID, SSO_CANCELLED, SSO_PROVIDER_ERROR, SSO_CLAIMS_MISSING, ' +
          'SSO_ACCOUNT_CONFLICT, ACCOUNT_DISABLED, SSO_NOT_CONFIGURED or SSO_FAILED.',
        querystring: CallbackQuerySchema,
        response: { 302: RedirectSchema },
      },
    },
    async (request, reply) => {
      const cookieState = request.cookies[SSO_STATE_COOKIE];
      reply.clearCookie(SSO_STATE_COOKIE, { path: SSO_COOKIE_PATH });
      try {
        // The provider's parameters as sent, on the registered redirect URI (the request may have passed a proxy).
        const search = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
        const callbackUrl = new URL(`${host.config.oidc?.redirectUri ?? ''}${search}`, host.config.publicBaseUrl);
        const signedIn = await completeSingleSignOn(request.ctx, client, { query: request.query, cookieState, callbackUrl }, settings, request.headers['user-agent']);
        setSessionCookie(reply, host.config, signedIn);
        return reply.redirect(signedIn.returnTo, 302);
      } catch (err) {
        return failed(reply, err);
      }
    },
  );
}
