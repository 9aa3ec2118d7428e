// The payments module's only public door: online payment of fees and financial obligations through a payment gateway
// (issue 13 items 1–3; domain README §6.3) — the notice a dossier awaits, attempts, verified notifications, receipts,
// status queries and the daily statement's reconciliation.
import type { FastifyInstance } from 'fastify';
import type { ModuleHost, ModuleManifest } from '../../platform/http/module';
import { loadPaymentsConfig } from './payments.config';
import { paymentJobs } from './payments.jobs';
import { paymentMessages } from './payments.messages';
import { paymentPolicies } from './payments.policy';
import { paymentRoutes } from './payments.routes';
import { sandboxGatewayRoutes } from './sandbox/sandbox.routes';
import { deliverFor, rememberApp, runtimeOf, setUpPayments } from './use-cases/runtime';

export { PAYMENT_ACTIONS } from './payments.policy';
export { dossierPayments, startPayment } from './use-cases/pay';
export { receiptTransaction, renderReceipt, type ReceiptFile } from './use-cases/receipt';
export { applyPaidRequests, reconcilePending } from './use-cases/settle';
/** The protocol's signing and the sandbox's merchant settings, for benchmarks and journeys that act as the gateway. */
export { formatVnpayDate, vnpaySignedQuery } from './gateway/vnpay';
export { SANDBOX_HASH_SECRET, SANDBOX_TMN_CODE } from './payments.config';

/** Payments: serves /api/v1/payments, and the sandbox gateway at /sandbox/vnpay when no real gateway is configured. */
export const paymentsModule: ModuleManifest = {
  key: 'payments',
  policies: paymentPolicies,
  messages: paymentMessages,
  jobs: paymentJobs,
  register(host: ModuleHost) {
    setUpPayments(host.events, loadPaymentsConfig(host.config.env, host.config.publicBaseUrl));
  },
  async routes(app: FastifyInstance, host: ModuleHost) {
    rememberApp(host.events, app);
    await paymentRoutes(app, runtimeOf(host.events).config);
  },
  async siteRoutes(app: FastifyInstance, host: ModuleHost) {
    const { config } = runtimeOf(host.events);
    if (!config.sandbox) return;
    await app.register(
      async (scope) =>
        sandboxGatewayRoutes(scope, {
          db: host.database.db,
          clock: host.clock,
          tmnCode: config.tmnCode,
          hashSecret: config.hashSecret,
          ipnUrl: config.ipnUrl,
          deliver: deliverFor(host.events, host.config.publicBaseUrl),
        }),
      { prefix: '/sandbox/vnpay' },
    );
  },
};
