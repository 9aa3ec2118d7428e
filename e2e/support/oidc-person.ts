// Who the journeys' test e-ID provider knows, and the portal's registration there (shared by the provider process,
// playwright.config.ts and the journey).

/** The portal's client at the test provider (a test secret: the provider runs only on 127.0.0.1 during journeys). */
export const E2E_OIDC_CLIENT = { clientId: 'motcua-portal-e2e', clientSecret: 'e2e-only-client-secret' } as const;

/** The person the journey signs in as at the provider (password: TEST_OIDC_PASSWORD). */
export const E2E_OIDC_PERSON = { sub: 'vneid-e2e-0001', idNumber: '038095001234', fullName: 'Phạm Minh Châu', birthDate: '1995-04-12' } as const;
