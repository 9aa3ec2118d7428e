// The test provider's claim names, scope and password, and the application settings that point at it — without
// loading the provider itself, so playwright.config.ts can configure the journey server with them.

/** The claim names the test provider uses (VNeID-style), and the scope that releases them. */
export const TEST_OIDC_CLAIMS = { idNumber: 'so_dinh_danh', fullName: 'ho_va_ten', birthDate: 'ngay_sinh' } as const;
export const TEST_OIDC_SCOPE = 'vneid';
/** Every test person's password on the provider's sign-in form, unless given their own. */
export const TEST_OIDC_PASSWORD = 'VNeID-thu-2026';

/** The application's OIDC_* settings for a test provider. */
export function testOidcEnv(p: { issuer: string; clientId: string; clientSecret: string; redirectUri: string }): Record<string, string> {
  return {
    OIDC_ISSUER: p.issuer,
    OIDC_CLIENT_ID: p.clientId,
    OIDC_CLIENT_SECRET: p.clientSecret,
    OIDC_REDIRECT_URI: p.redirectUri,
    OIDC_SCOPES: `openid ${TEST_OIDC_SCOPE}`,
    OIDC_CLAIM_ID_NUMBER: TEST_OIDC_CLAIMS.idNumber,
    OIDC_CLAIM_FULL_NAME: TEST_OIDC_CLAIMS.fullName,
    OIDC_CLAIM_BIRTH_DATE: TEST_OIDC_CLAIMS.birthDate,
  };
}
