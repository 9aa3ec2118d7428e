import { describe, expect, it } from 'vitest';
import { loadOidcConfig } from './oidc.config';

const BASE = 'https://dichvucong.thanhhoa.example.vn';
const full = { OIDC_ISSUER: 'https://sso.vneid.example.vn', OIDC_CLIENT_ID: 'motcua', OIDC_CLIENT_SECRET: 's3cret' };

describe('single sign-on settings', () => {
  it('is off without OIDC_ISSUER, and refuses client settings given without it', () => {
    expect(loadOidcConfig({}, BASE)).toBeNull();
    expect(() => loadOidcConfig({ OIDC_CLIENT_ID: 'motcua' }, BASE)).toThrow(/OIDC_CLIENT_ID set without OIDC_ISSUER/);
  });

  it('has defaults for everything but the issuer and the client', () => {
    expect(loadOidcConfig(full, `${BASE}/`)).toEqual({
      issuer: 'https://sso.vneid.example.vn',
      clientId: 'motcua',
      clientSecret: 's3cret',
      redirectUri: `${BASE}/api/v1/identity/citizen/sso/callback`,
      scopes: 'openid profile',
      tokenAuthMethod: 'client_secret_basic',
      providerName: 'VNeID',
      claims: { idNumber: 'citizen_id', fullName: 'name', birthDate: 'birthdate' },
      allowHttp: false,
    });
  });

  it('reads the claim names, scopes, redirect, method and name; openid is always asked for', () => {
    const c = loadOidcConfig(
      {
        ...full,
        OIDC_SCOPES: 'vneid  profile',
        OIDC_REDIRECT_URI: 'https://portal.example.vn/cb',
        OIDC_TOKEN_AUTH_METHOD: 'client_secret_post',
        OIDC_PROVIDER_NAME: 'Định danh quốc gia',
        OIDC_CLAIM_ID_NUMBER: 'vneid.so_dinh_danh',
        OIDC_CLAIM_FULL_NAME: 'ho_va_ten',
        OIDC_CLAIM_BIRTH_DATE: 'ngay_sinh',
      },
      BASE,
    )!;
    expect(c).toMatchObject({
      scopes: 'vneid profile openid',
      redirectUri: 'https://portal.example.vn/cb',
      tokenAuthMethod: 'client_secret_post',
      providerName: 'Định danh quốc gia',
      claims: { idNumber: 'vneid.so_dinh_danh', fullName: 'ho_va_ten', birthDate: 'ngay_sinh' },
    });
  });

  it('stops start-up on a partial or unsafe set', () => {
    expect(() => loadOidcConfig({ OIDC_ISSUER: full.OIDC_ISSUER }, BASE)).toThrow(/needs OIDC_CLIENT_ID and OIDC_CLIENT_SECRET/);
    expect(() => loadOidcConfig({ ...full, OIDC_ISSUER: 'sso.example.vn' }, BASE)).toThrow(/OIDC_ISSUER must be an http\(s\) URL/);
    expect(() => loadOidcConfig({ ...full, OIDC_ISSUER: 'http://sso.example.vn' }, BASE)).toThrow(/must use https/);
    expect(() => loadOidcConfig({ ...full, OIDC_TOKEN_AUTH_METHOD: 'private_key_jwt' }, BASE)).toThrow(/OIDC_TOKEN_AUTH_METHOD/);
    expect(() => loadOidcConfig({ ...full, OIDC_REDIRECT_URI: '/cb' }, BASE)).toThrow(/OIDC_REDIRECT_URI/);
    expect(loadOidcConfig({ ...full, OIDC_ISSUER: 'http://127.0.0.1:4000' }, BASE)!.allowHttp).toBe(true);
  });
});
