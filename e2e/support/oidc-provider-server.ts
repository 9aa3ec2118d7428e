// The journeys' national e-ID: the test OpenID Connect provider (server/test/oidc-provider.ts) as a process of its
// own, started by playwright.config.ts beside the application, on E2E_OIDC_PORT, with one person to sign in as.
import { startOidcProvider } from '../../server/test/oidc-provider';
import { E2E_OIDC_CLIENT, E2E_OIDC_PERSON } from './oidc-person';

const port = Number(process.env.E2E_OIDC_PORT);
const appPort = Number(process.env.E2E_PORT);
if (!port || !appPort) throw new Error('E2E_OIDC_PORT and E2E_PORT are set by playwright.config.ts');

const provider = await startOidcProvider({
  port,
  redirectUris: [`http://127.0.0.1:${appPort}/api/v1/identity/citizen/sso/callback`],
  clientId: E2E_OIDC_CLIENT.clientId,
  clientSecret: E2E_OIDC_CLIENT.clientSecret,
  users: [E2E_OIDC_PERSON],
});
console.log(`test e-ID provider at ${provider.issuer}`);
const stop = () => void provider.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
