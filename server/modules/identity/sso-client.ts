// The relying-party side of single sign-on with the national e-ID: OpenID Connect authorization code flow with PKCE
// (RFC 7636, S256), state and nonce, through openid-client (certified RP; it checks the ID token's signature, issuer,
// audience, expiry, nonce, and the `iss` of the authorization response, RFC 9207).
import * as oidc from 'openid-client';
import type { OidcConfig } from '../../platform/config/oidc.config';
import { AppError } from '../../platform/errors';

/** What the application keeps of a successful code exchange: who the provider says the person is, and its claims. */
export interface SsoIdentity {
  issuer: string;
  subject: string;
  /** The ID token's claims, completed by the UserInfo answer when the provider has that endpoint. */
  claims: Record<string, unknown>;
}

/** One sign-in attempt's secrets, made at the start and checked at the callback. */
export interface SsoChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** The provider as the routes use it (a seam for tests of the routes' error handling). */
export interface SsoClient {
  readonly settings: OidcConfig;
  /** Fresh secrets for one sign-in attempt. */
  newChecks(): SsoChecks;
  /** The provider's authorization URL for these secrets. */
  authorizationUrl(checks: SsoChecks): Promise<URL>;
  /** Validates the callback, exchanges the code (with the PKCE verifier) and reads the claims. */
  exchange(callbackUrl: URL, checks: SsoChecks): Promise<SsoIdentity>;
}

/** The provider's metadata is read again after this long (keys rotate; the JWKS itself is cached by openid-client). */
const METADATA_TTL_MS = 3600_000;
/** Each call to the provider gives up after this long. */
const TIMEOUT_SECONDS = 10;

/** Wraps an openid-client failure as the one error the callback reports, keeping the cause for the log. */
function providerError(err: unknown): AppError {
  return err instanceof AppError ? err : new AppError('SSO_PROVIDER_ERROR', {}, { status: 502, cause: err });
}

/** A client for the configured provider; its metadata is discovered on first use and cached per process. */
export function createSsoClient(settings: OidcConfig): SsoClient {
  let cached: { at: number; config: Promise<oidc.Configuration> } | undefined;

  const configuration = (): Promise<oidc.Configuration> => {
    if (cached && Date.now() - cached.at < METADATA_TTL_MS) return cached.config;
    const auth = settings.tokenAuthMethod === 'client_secret_post' ? oidc.ClientSecretPost(settings.clientSecret) : oidc.ClientSecretBasic(settings.clientSecret);
    const config = oidc
      .discovery(new URL(settings.issuer), settings.clientId, { client_secret: settings.clientSecret }, auth, {
        timeout: TIMEOUT_SECONDS,
        // Only for an issuer on this machine (loadOidcConfig refuses plain HTTP elsewhere).
        ...(settings.allowHttp ? { execute: [oidc.allowInsecureRequests] } : {}),
      })
      .then((c) => {
        c.timeout = TIMEOUT_SECONDS;
        return c;
      });
    const entry = { at: Date.now(), config };
    cached = entry;
    // A failed discovery is not kept: the next attempt asks again.
    config.catch(() => {
      if (cached === entry) cached = undefined;
    });
    return config;
  };

  return {
    settings,
    newChecks: () => ({ state: oidc.randomState(), nonce: oidc.randomNonce(), codeVerifier: oidc.randomPKCECodeVerifier() }),
    async authorizationUrl(checks) {
      try {
        const config = await configuration();
        return oidc.buildAuthorizationUrl(config, {
          redirect_uri: settings.redirectUri,
          scope: settings.scopes,
          state: checks.state,
          nonce: checks.nonce,
          code_challenge: await oidc.calculatePKCECodeChallenge(checks.codeVerifier),
          code_challenge_method: 'S256',
        });
      } catch (err) {
        throw providerError(err);
      }
    },
    async exchange(callbackUrl, checks) {
      try {
        const config = await configuration();
        const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
          pkceCodeVerifier: checks.codeVerifier,
          expectedState: checks.state,
          expectedNonce: checks.nonce,
          idTokenExpected: true,
        });
        const idToken = tokens.claims()!;
        let claims: Record<string, unknown> = { ...idToken };
        if (config.serverMetadata().userinfo_endpoint) {
          // The subject must be the ID token's (OIDC Core §5.3.4), which fetchUserInfo checks.
          const userinfo = await oidc.fetchUserInfo(config, tokens.access_token, idToken.sub);
          claims = { ...userinfo, ...idToken };
        }
        return { issuer: idToken.iss, subject: idToken.sub, claims };
      } catch (err) {
        throw providerError(err);
      }
    },
  };
}
