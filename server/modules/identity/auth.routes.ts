import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ChangePasswordRequestSchema,
  ListLoginThrottlesResponseSchema,
  LoginInfoResponseSchema,
  LoginRequestSchema,
  LoginResponseSchema,
  MeResponseSchema,
} from '../../../contracts/identity/identity.contracts';
import { IdParamsSchema, OkResponseSchema } from '../../../contracts/common/common.contracts';
import { SESSION_COOKIE } from '../../platform/auth/sessions';
import type { AppConfig } from '../../platform/config/config';
import { OIDC_START_PATH } from '../../platform/config/oidc.config';
import { AppError } from '../../platform/errors';
import type { ModuleHost } from '../../platform/http/module';
import { clearLoginThrottle, listLoginThrottles } from './use-cases/login-throttles';
import { authSettings, changeOwnPassword, getMe, login, logout, type SignedIn } from './use-cases/sessions';

const tags = ['identity'];
// Sign-in and the own account serve the portal's citizens (and their mobile apps) as much as officers.
const sharedTags = ['identity', 'citizen'];

/** Runs a throttled use case; a held-back attempt's 429 tells the client when to retry (RFC 9110 §10.2.3). */
async function withRetryAfter<T>(reply: FastifyReply, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof AppError && err.code === 'LOGIN_THROTTLED') reply.header('retry-after', String(err.params.retryAfterSeconds));
    throw err;
  }
}

/** Gives the browser a new session's cookie (password sign-in and single sign-on alike). */
export function setSessionCookie(reply: FastifyReply, config: AppConfig, s: SignedIn): void {
  reply.setCookie(SESSION_COOKIE, s.token, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: config.secureCookies,
    // The server enforces idle and absolute expiry; the browser drops the cookie at the absolute limit.
    maxAge: config.sessionAbsoluteHours * 3600,
  });
}

/** Sign-in, sign-out and self-service of every account; the portal's own account routes are in citizen.routes.ts. */
export async function authRoutes(app: FastifyInstance, host: ModuleHost): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const settings = authSettings(host.config);

  r.post(
    '/login',
    {
      config: { action: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: { tags: sharedTags, summary: 'Sign in (officers, citizens and businesses)', body: LoginRequestSchema, response: { 200: LoginResponseSchema } },
    },
    async (request, reply) => {
      const signedIn = await withRetryAfter(reply, () => login(request.ctx, request.body, settings, request.headers['user-agent']));
      setSessionCookie(reply, host.config, signedIn);
      return { user: signedIn.user, csrfToken: signedIn.csrfToken };
    },
  );

  r.post('/logout', { config: { action: 'identity.logout' }, schema: { tags: sharedTags, summary: 'Sign out', response: { 200: OkResponseSchema } } }, async (request, reply) => {
    await logout(request.ctx);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  r.get('/me', { config: { action: 'identity.me.read' }, schema: { tags: sharedTags, summary: 'The signed-in user', response: { 200: MeResponseSchema } } }, async (request) => ({
    user: await getMe(request.ctx),
    csrfToken: request.session!.csrfToken,
  }));

  r.post(
    '/me/password',
    {
      config: { action: 'identity.me.change-password' },
      schema: { tags: sharedTags, summary: 'Change own password', body: ChangePasswordRequestSchema, response: { 200: OkResponseSchema } },
    },
    async (request, reply) => {
      await withRetryAfter(reply, () => changeOwnPassword(request.ctx, request.body, settings));
      return { ok: true as const };
    },
  );

  r.get(
    '/login-info',
    {
      config: { action: 'public' },
      schema: { tags, summary: 'Thông tin trang đăng nhập (bản trình diễn hay không, đăng nhập một lần qua định danh điện tử)', response: { 200: LoginInfoResponseSchema } },
    },
    async () => ({ demo: host.config.seedDemo, sso: host.config.oidc ? { provider: host.config.oidc.providerName, startPath: OIDC_START_PATH } : null }),
  );

  r.get(
    '/login-throttles',
    {
      config: { action: 'identity.login-throttles.manage' },
      schema: { tags, summary: 'Tài khoản, địa chỉ đang bị làm chậm do đăng nhập sai', response: { 200: ListLoginThrottlesResponseSchema } },
    },
    async (request) => listLoginThrottles(request.ctx),
  );

  r.post(
    '/login-throttles/:id/clear',
    {
      config: { action: 'identity.login-throttles.manage' },
      schema: { tags, summary: 'Gỡ làm chậm đăng nhập cho một tài khoản hoặc địa chỉ', params: IdParamsSchema, response: { 200: OkResponseSchema } },
    },
    async (request) => {
      await clearLoginThrottle(request.ctx, request.params.id);
      return { ok: true as const };
    },
  );
}
