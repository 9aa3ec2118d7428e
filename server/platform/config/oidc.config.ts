/** Where an OpenID Connect provider's claims are read from: one claim name (or a dotted path into a nested claim) each. */
export interface OidcClaimNames {
  /** OIDC_CLAIM_ID_NUMBER: the 12-digit personal identification number. */
  idNumber: string;
  /** OIDC_CLAIM_FULL_NAME: the person's full name. */
  fullName: string;
  /** OIDC_CLAIM_BIRTH_DATE: the birth date, `YYYY-MM-DD` (OIDC `birthdate`) or `DD/MM/YYYY`. */
  birthDate: string;
}

/** Single sign-on through an OpenID Connect provider (the national e-ID): off unless OIDC_ISSUER is set. */
export interface OidcConfig {
  /** OIDC_ISSUER: the provider's issuer identifier; its metadata is read from `/.well-known/openid-configuration`. */
  issuer: string;
  /** OIDC_CLIENT_ID / OIDC_CLIENT_SECRET: this portal's registration at the provider. */
  clientId: string;
  clientSecret: string;
  /** OIDC_REDIRECT_URI: the callback registered at the provider; default `<PUBLIC_BASE_URL>/api/v1/identity/citizen/sso/callback`. */
  redirectUri: string;
  /** OIDC_SCOPES: scopes asked for, space-separated; `openid` is always among them. */
  scopes: string;
  /** OIDC_TOKEN_AUTH_METHOD: how the client authenticates at the token endpoint (OIDC's default is client_secret_basic). */
  tokenAuthMethod: 'client_secret_basic' | 'client_secret_post';
  /** OIDC_PROVIDER_NAME: what the portal's button calls the provider ("Đăng nhập bằng VNeID"). */
  providerName: string;
  claims: OidcClaimNames;
  /** Plain-HTTP requests to the provider: only for an issuer on this machine (development, tests). */
  allowHttp: boolean;
}

/** The routes of the identity module that start single sign-on and take the provider's callback. */
export const OIDC_START_PATH = '/api/v1/identity/citizen/sso/start';
export const OIDC_CALLBACK_PATH = '/api/v1/identity/citizen/sso/callback';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function httpUrl(name: string, raw: string): URL {
  const url = URL.canParse(raw) ? new URL(raw) : null;
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) throw new Error(`${name} must be an http(s) URL, got "${raw}"`);
  return url;
}

/**
 * Reads the OIDC_* settings; null (single sign-on off) when OIDC_ISSUER is unset. Throws at start-up on a partial or
 * unusable set: client id and secret are required, and plain HTTP is accepted only for an issuer on this machine.
 */
export function loadOidcConfig(env: NodeJS.ProcessEnv, publicBaseUrl: string): OidcConfig | null {
  const issuer = env.OIDC_ISSUER?.trim();
  if (!issuer) {
    const stray = ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URI'].filter((k) => env[k]);
    if (stray.length) throw new Error(`${stray.join(', ')} set without OIDC_ISSUER: set OIDC_ISSUER to turn single sign-on on, or remove them`);
    return null;
  }
  const issuerUrl = httpUrl('OIDC_ISSUER', issuer);
  const allowHttp = issuerUrl.protocol === 'http:';
  if (allowHttp && !LOOPBACK.has(issuerUrl.hostname)) throw new Error(`OIDC_ISSUER must use https (plain http only for 127.0.0.1 or localhost), got "${issuer}"`);
  const clientId = env.OIDC_CLIENT_ID?.trim();
  const clientSecret = env.OIDC_CLIENT_SECRET;
  if (!clientId || !clientSecret) throw new Error('OIDC_ISSUER needs OIDC_CLIENT_ID and OIDC_CLIENT_SECRET');
  const redirectUri = env.OIDC_REDIRECT_URI?.trim() || `${publicBaseUrl.replace(/\/$/, '')}${OIDC_CALLBACK_PATH}`;
  httpUrl('OIDC_REDIRECT_URI', redirectUri);
  const tokenAuthMethod = env.OIDC_TOKEN_AUTH_METHOD?.trim() || 'client_secret_basic';
  if (tokenAuthMethod !== 'client_secret_basic' && tokenAuthMethod !== 'client_secret_post') {
    throw new Error(`OIDC_TOKEN_AUTH_METHOD must be "client_secret_basic" or "client_secret_post", got "${tokenAuthMethod}"`);
  }
  const scopes = new Set((env.OIDC_SCOPES?.trim() || 'openid profile').split(/\s+/));
  scopes.add('openid');
  return {
    issuer,
    clientId,
    clientSecret,
    redirectUri,
    scopes: [...scopes].join(' '),
    tokenAuthMethod,
    providerName: env.OIDC_PROVIDER_NAME?.trim() || 'VNeID',
    claims: {
      idNumber: env.OIDC_CLAIM_ID_NUMBER?.trim() || 'citizen_id',
      fullName: env.OIDC_CLAIM_FULL_NAME?.trim() || 'name',
      birthDate: env.OIDC_CLAIM_BIRTH_DATE?.trim() || 'birthdate',
    },
    allowHttp,
  };
}
