// A real OpenID Connect provider for tests and journeys (oidc-provider, the certified OP the same author's
// openid-client is tested against), shaped like the national e-ID: one confidential client, PKCE required, and
// VNeID-style claims under their own scope — the 12-digit personal ID number, the full name and a DD/MM/YYYY birth
// date — which the application reads through its OIDC_CLAIM_* mapping. Its sign-in page is this file's own small
// form (by ID number and password); tests may instead have the next sign-in done at once (`loginNext`).
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Account, type ProviderContext } from 'oidc-provider';
import { TEST_OIDC_CLAIMS, TEST_OIDC_PASSWORD, TEST_OIDC_SCOPE, testOidcEnv } from './oidc-test-settings';

/** A person known to the provider. */
export interface TestOidcUser {
  sub: string;
  /** Left out to test a provider that does not send the ID number. */
  idNumber?: string;
  fullName: string;
  /** YYYY-MM-DD; sent as DD/MM/YYYY like the e-ID's card data. */
  birthDate?: string;
  /** For the sign-in form; default TEST_OIDC_PASSWORD. */
  password?: string;
}

export { TEST_OIDC_CLAIMS, TEST_OIDC_PASSWORD, TEST_OIDC_SCOPE, testOidcEnv } from './oidc-test-settings';

export interface TestOidcProviderOptions {
  /** Where the application takes the callback. */
  redirectUris: string[];
  clientId?: string;
  clientSecret?: string;
  users?: TestOidcUser[];
  /** A fixed port (journeys, whose server is configured before the provider starts); default: any free port. */
  port?: number;
}

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  addUser(user: TestOidcUser): void;
  /** The next sign-in page completes at once: as the person with this `sub`, or cancelled by the user when 'cancel'. */
  loginNext(next: string): void;
  /** The application's OIDC_* settings for this provider. */
  env(redirectUri: string): Record<string, string>;
  /**
   * Plays the browser at the provider: follows redirects from the authorization URL, keeping the provider's cookies,
   * until a redirect leaves the provider (the callback, with code and state), and returns that address.
   */
  authorize(authorizationUrl: string): Promise<URL>;
  close(): Promise<void>;
}

const html = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(uid: string, error: string | null): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Đăng nhập VNeID (thử nghiệm)</title>
<style>body{font-family:sans-serif;max-width:360px;margin:40px auto;padding:0 16px;color:#1f1f1f}h1{font-size:22px;color:#a8071a}
label{display:block;margin:12px 0 4px}input{width:100%;box-sizing:border-box;padding:8px;font-size:16px}
button{margin-top:16px;width:100%;padding:10px;font-size:16px;background:#a8071a;color:#fff;border:0;border-radius:6px}
p.error{color:#a8071a}a{display:block;margin-top:12px;color:#1f1f1f}</style></head>
<body><main><h1>Đăng nhập tài khoản định danh điện tử (thử nghiệm)</h1>
${error ? `<p class="error" role="alert">${html(error)}</p>` : ''}
<form method="post" action="/interaction/${html(uid)}">
<label for="username">Số định danh cá nhân</label><input id="username" name="username" inputmode="numeric" autocomplete="username" required>
<label for="password">Mật khẩu</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Đăng nhập</button></form>
<a href="/interaction/${html(uid)}/abort">Hủy và quay lại</a></main></body></html>`;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** Starts the provider on 127.0.0.1. */
export async function startOidcProvider(options: TestOidcProviderOptions): Promise<TestOidcProvider> {
  const clientId = options.clientId ?? 'motcua-portal';
  const clientSecret = options.clientSecret ?? randomBytes(24).toString('base64url');
  const users = new Map<string, TestOidcUser>();
  for (const u of options.users ?? []) users.set(u.sub, u);
  let next: string | null = null;

  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.writeHead(503).end();
  const server = http.createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test-1', alg: 'RS256', use: 'sig' }] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    scopes: ['openid', TEST_OIDC_SCOPE],
    claims: { openid: ['sub'], [TEST_OIDC_SCOPE]: Object.values(TEST_OIDC_CLAIMS) },
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    // Short lives, as a test needs (seconds); set so the provider does not warn about its defaults.
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Grant: 3600, Session: 3600 },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx, sub): Promise<Account | undefined> {
      const user = users.get(sub);
      if (!user) return undefined;
      return {
        accountId: sub,
        claims: async () => ({
          sub,
          [TEST_OIDC_CLAIMS.fullName]: user.fullName,
          ...(user.idNumber ? { [TEST_OIDC_CLAIMS.idNumber]: user.idNumber } : {}),
          ...(user.birthDate ? { [TEST_OIDC_CLAIMS.birthDate]: dmy(user.birthDate) } : {}),
        }),
      };
    },
    // The portal is a first-party client of the e-ID: the person is not asked to consent, as on the real service.
    async loadExistingGrant(ctx: ProviderContext) {
      const { client, session, result, provider: p } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const grantId = result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      if (grantId) return p.Grant.find(grantId);
      const grant = new p.Grant({ accountId: session.accountId, clientId: client.clientId });
      grant.addOIDCScope(`openid ${TEST_OIDC_SCOPE}`);
      await grant.save();
      return grant;
    },
  });
  const oidcCallback = provider.callback();

  const finishLogin = (req: IncomingMessage, res: ServerResponse, sub: string) =>
    provider.interactionFinished(req, res, { login: { accountId: sub } }, { mergeWithLastSubmission: false });
  const cancel = (req: IncomingMessage, res: ServerResponse) =>
    provider.interactionFinished(req, res, { error: 'access_denied', error_description: 'End-User aborted interaction' }, { mergeWithLastSubmission: false });

  async function interaction(req: IncomingMessage, res: ServerResponse, uid: string, abort: boolean): Promise<void> {
    await provider.interactionDetails(req, res);
    if (abort) return cancel(req, res);
    if (req.method === 'GET' && next !== null) {
      const who = next;
      next = null;
      return who === 'cancel' ? cancel(req, res) : finishLogin(req, res, who);
    }
    if (req.method === 'POST') {
      const form = await readForm(req);
      const username = (form.get('username') ?? '').replace(/\s/g, '');
      const user = [...users.values()].find((u) => u.idNumber === username && (u.password ?? TEST_OIDC_PASSWORD) === form.get('password'));
      if (user) return finishLogin(req, res, user.sub);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(uid, 'Số định danh hoặc mật khẩu không đúng.'));
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(page(uid, null));
  }

  handle = (req, res) => {
    const m = /^\/interaction\/([\w-]+)(\/abort)?(?:\?|$)/.exec(req.url ?? '');
    if (!m) return oidcCallback(req, res);
    interaction(req, res, m[1]!, Boolean(m[2])).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`interaction failed: ${err instanceof Error ? err.message : String(err)}`);
    });
  };

  return {
    issuer,
    clientId,
    clientSecret,
    addUser: (u) => void users.set(u.sub, u),
    loginNext: (who) => {
      next = who;
    },
    env: (redirectUri) => testOidcEnv({ issuer, clientId, clientSecret, redirectUri }),
    async authorize(authorizationUrl) {
      const jar = new Map<string, string>();
      let url = new URL(authorizationUrl);
      for (let hops = 0; hops < 10; hops++) {
        if (url.origin !== issuer) return url;
        const res = await fetch(url, { redirect: 'manual', headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
        for (const c of res.headers.getSetCookie()) {
          const [pair] = c.split(';');
          const eq = pair!.indexOf('=');
          const value = pair!.slice(eq + 1);
          if (value && !/expires=Thu, 01 Jan 1970/i.test(c)) jar.set(pair!.slice(0, eq), value);
          else jar.delete(pair!.slice(0, eq));
        }
        const location = res.headers.get('location');
        if (!location) throw new Error(`the provider answered ${res.status} without a redirect at ${url.pathname}: ${(await res.text()).slice(0, 300)}`);
        url = new URL(location, url);
      }
      throw new Error('too many redirects at the provider');
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
