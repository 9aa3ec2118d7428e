import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { testOidcEnv } from './server/test/oidc-test-settings';
import { E2E_OIDC_CLIENT } from './e2e/support/oidc-person';

// Workers inherit the main process's environment, so the port and data folder are chosen once and shared.
if (!process.env.E2E_PORT) {
  // Databases of earlier runs (older than an hour, so never one a parallel run is using) are removed.
  for (const entry of fs.existsSync('.tmp') ? fs.readdirSync('.tmp') : []) {
    const dir = path.join('.tmp', entry);
    if (entry.startsWith('e2e-data-') && Date.now() - fs.statSync(dir).mtimeMs > 3_600_000) fs.rmSync(dir, { recursive: true, force: true });
  }
  const probe = "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  process.env.E2E_PORT = execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8' }).trim();
  // The server sends e-mail by SMTP to this port; a journey that reads mail listens there (server/test/mail-sink.ts).
  process.env.E2E_SMTP_PORT = execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8' }).trim();
  // The national e-ID for single sign-on: a test OpenID Connect provider started beside the server (webServer below).
  process.env.E2E_OIDC_PORT = execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8' }).trim();
  // The accessibility scans run beside the journeys on a server of their own (see projects below); its e-mail goes to
  // a port nobody listens on, so no journey's mailbox ever receives it.
  process.env.E2E_A11Y_PORT = execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8' }).trim();
  process.env.E2E_A11Y_SMTP_PORT = execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8' }).trim();
  // The officers' journeys (e2e/officer) run in a lane of their own on a third server; none of them reads mail or
  // signs in with the e-ID, so its mail, too, goes to a port nobody listens on.
  process.env.E2E_OFFICER_PORT = execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8' }).trim();
  process.env.E2E_OFFICER_SMTP_PORT = execFileSync(process.execPath, ['-e', probe], { encoding: 'utf8' }).trim();
}
process.env.E2E_DATA_DIR ??= path.join('.tmp', `e2e-data-${Date.now()}`);
process.env.E2E_A11Y_DATA_DIR ??= `${process.env.E2E_DATA_DIR}-a11y`;
process.env.E2E_OFFICER_DATA_DIR ??= `${process.env.E2E_DATA_DIR}-officer`;
const port = Number(process.env.E2E_PORT);
const a11yPort = Number(process.env.E2E_A11Y_PORT);
const officerPort = Number(process.env.E2E_OFFICER_PORT);
const oidcPort = Number(process.env.E2E_OIDC_PORT);

/**
 * With DATABASE_URL (CI's PostgreSQL pass), the officers' and the accessibility lanes' servers run on a fresh PostgreSQL
 * database each, as production does, and the citizens' and administrators' lane keeps the embedded default (D47).
 * Without it every lane runs on a fresh embedded database, as `npm start` does.
 */
const postgresBase = process.env.DATABASE_URL || undefined;
const runStamp = /(\d+)$/.exec(process.env.E2E_DATA_DIR)?.[1] ?? String(Date.now());
function laneDatabase(lane: string): string | undefined {
  if (!postgresBase) return undefined;
  const url = new URL(postgresBase);
  url.pathname = `/motcua_e2e_${lane}_${runStamp}`;
  return url.toString();
}

/** The real app (API + built web) on a fresh database (embedded, or `databaseUrl`) with demo data. */
function appServer(server: { port: number; dataDir: string; smtpPort: string | undefined; databaseUrl?: string | undefined }) {
  // A fresh folder (and database) each run, removed first in case a previous run used the same name; demo data is
  // seeded at start.
  const freshDatabase = server.databaseUrl ? `node e2e/support/fresh-database.mjs "${server.databaseUrl}" && ` : '';
  return {
    command: `node -e "require('fs').rmSync(process.env.MOTCUA_DATA_DIR,{recursive:true,force:true})" && ${freshDatabase}node scripts/ensure-web-build.mjs && node --import tsx server/main.ts`,
    url: `http://127.0.0.1:${server.port}/health`,
    // The lifecycle journey lets working days pass on the adjustable clock; sessions follow that clock, hence long limits.
    env: {
      MOTCUA_DATA_DIR: server.dataDir,
      PORT: String(server.port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      MOTCUA_SEED_DEMO: 'true',
      DATABASE_URL: server.databaseUrl ?? '',
      MOTCUA_ADJUSTABLE_CLOCK: 'true',
      // The sandbox gateway sends the payer back to the address the browser uses (PUBLIC_BASE_URL names localhost).
      PAYMENT_RETURN_URL: `http://127.0.0.1:${server.port}/thanh-toan/ket-qua`,
      SESSION_IDLE_MINUTES: '100000',
      SESSION_ABSOLUTE_HOURS: '10000',
      // Real SMTP without TLS to 127.0.0.1; while no journey listens, deliveries fail and wait for their retry.
      SMTP_URL: `smtp://127.0.0.1:${server.smtpPort}?tls=off`,
      MAIL_FROM: 'Cổng dịch vụ công (e2e) <noreply@motcua.test>',
      // Single sign-on with the test e-ID provider; the callback on the address the browser uses (its state cookie).
      ...testOidcEnv({
        issuer: `http://127.0.0.1:${oidcPort}`,
        ...E2E_OIDC_CLIENT,
        redirectUri: `http://127.0.0.1:${server.port}/api/v1/identity/citizen/sso/callback`,
      }),
    },
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'pipe' as const,
    stderr: 'pipe' as const,
  };
}

/** Journeys run against the real app (API + built web) on a fresh embedded database with demo data. */
export default defineConfig({
  testDir: 'e2e',
  // Generous: journeys run several minutes of real browser work, and CI machines are sometimes loaded.
  timeout: 300_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  // Three lanes, each on its own server: the citizens' and administrators' journeys and the officers' journeys, one
  // test at a time (each lane's journeys share their server's clock and data), and the read-only accessibility scans,
  // which take over a journeys' lane when it ends. A lane waits on the browser and the server most of the time, so
  // three fit on two cores (CI time).
  workers: 3,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['html', { outputFolder: 'playwright-report', open: 'never' }]],
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    screenshot: 'only-on-failure',
    // Recording a trace costs every test a fifth of its time; CI keeps no artefacts, so only local runs record one.
    trace: process.env.CI ? 'off' : 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [
    // The mail-reading and e-ID journeys stay here: the mail sink and the test e-ID provider serve this server.
    { name: 'chromium', testMatch: /e2e\/(citizen|admin)\/.*\.spec\.ts$/, workers: 1, use: { ...devices['Desktop Chrome'] } },
    {
      name: 'officer',
      testMatch: /e2e\/officer\/.*\.spec\.ts$/,
      workers: 1,
      use: { ...devices['Desktop Chrome'], baseURL: `http://127.0.0.1:${officerPort}` },
    },
    // The scans are read-only and independent, one job each: they start in the third worker, and take a second one as
    // soon as either journeys' lane ends (the scans are the longest lane; CI time).
    {
      name: 'a11y',
      testMatch: /a11y\.spec\.ts$/,
      fullyParallel: true,
      workers: 2,
      use: { ...devices['Desktop Chrome'], baseURL: `http://127.0.0.1:${a11yPort}` },
    },
    // Compares the document titles the scans saw, once they have all run.
    { name: 'a11y-titles', testMatch: /a11y-titles\.spec\.ts$/, dependencies: ['a11y'] },
  ],
  webServer: [
    {
      command: 'node --import tsx e2e/support/oidc-provider-server.ts',
      url: `http://127.0.0.1:${oidcPort}/.well-known/openid-configuration`,
      env: { E2E_OIDC_PORT: String(oidcPort), E2E_PORT: String(port) },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
    // Started one after the other, so the first builds the web app and the second finds it built.
    appServer({ port, dataDir: process.env.E2E_DATA_DIR, smtpPort: process.env.E2E_SMTP_PORT }),
    appServer({ port: a11yPort, dataDir: process.env.E2E_A11Y_DATA_DIR, smtpPort: process.env.E2E_A11Y_SMTP_PORT, databaseUrl: laneDatabase('a11y') }),
    appServer({ port: officerPort, dataDir: process.env.E2E_OFFICER_DATA_DIR, smtpPort: process.env.E2E_OFFICER_SMTP_PORT, databaseUrl: laneDatabase('officer') }),
  ],
});
