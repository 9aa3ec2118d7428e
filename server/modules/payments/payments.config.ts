// Which gateway the payments module talks to, from the environment (issue 13 item 2). A province sets
// PAYMENT_GATEWAY=vnpay with the merchant code, secret and URLs its gateway issued; without them the app serves and
// uses its own sandbox gateway (development and tests), which production refuses unless asked for by name.
import { isIP } from 'node:net';

/** The gateway settings the module runs with. */
export interface PaymentsConfig {
  gateway: 'vnpay';
  /** True when this app serves the sandbox gateway at /sandbox/vnpay and the adapter talks to it. */
  sandbox: boolean;
  tmnCode: string;
  hashSecret: string;
  /** The gateway's payment page; a path (no origin) is served by this app (the sandbox). */
  payUrl: string;
  /** The gateway's server API (querydr); a path is served by this app. */
  apiUrl: string;
  /** Where the gateway sends the payer's browser back: the portal's return page. */
  returnUrl: string;
  /** Where the gateway sends its server-to-server notifications. */
  ipnUrl: string;
  /** How long a payment attempt stays open at the gateway. */
  expireMinutes: number;
  /** An attempt without a notification this long after it expired is asked about (querydr). */
  queryAfterMinutes: number;
  /** The addresses the gateway notifies from: exempt from the notification endpoint's rate limit. */
  gatewayAddresses: string[];
}

/** The sandbox's merchant secret: the sandbox is the app itself, so this protects nothing real and is no secret. */
export const SANDBOX_HASH_SECRET = 'motcua-sandbox-gateway-not-a-secret';
export const SANDBOX_TMN_CODE = 'MOTCUA01';

function required(env: Readonly<NodeJS.ProcessEnv>, name: string): string {
  const value = env[name]?.trim();
  if (!value) throw new Error(`PAYMENT_GATEWAY=vnpay needs ${name}`);
  return value;
}

function minutes(env: Readonly<NodeJS.ProcessEnv>, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 1440) throw new Error(`${name} must be a whole number of minutes between 1 and 1440, got "${raw}"`);
  return n;
}

/** A comma-separated list of IP addresses; a malformed one stops start-up. */
function addresses(raw: string | undefined): string[] {
  const list = (raw ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  for (const a of list) if (isIP(a) === 0) throw new Error(`PAYMENT_GATEWAY_ADDRESSES: "${a}" is not an IP address`);
  return list;
}

/** Reads PAYMENT_GATEWAY (vnpay | sandbox) and its settings; throws on a missing or malformed one. */
export function loadPaymentsConfig(env: Readonly<NodeJS.ProcessEnv>, publicBaseUrl: string): PaymentsConfig {
  const base = publicBaseUrl.replace(/\/+$/, '');
  const choice = env.PAYMENT_GATEWAY?.trim() || (env.NODE_ENV === 'production' ? '' : 'sandbox');
  const common = {
    gateway: 'vnpay' as const,
    returnUrl: env.PAYMENT_RETURN_URL?.trim() || `${base}/thanh-toan/ket-qua`,
    ipnUrl: env.PAYMENT_IPN_URL?.trim() || `${base}/api/v1/payments/vnpay/ipn`,
    expireMinutes: minutes(env, 'PAYMENT_EXPIRE_MINUTES', 15),
    queryAfterMinutes: minutes(env, 'PAYMENT_QUERY_AFTER_MINUTES', 5),
    gatewayAddresses: addresses(env.PAYMENT_GATEWAY_ADDRESSES),
  };
  if (choice === 'vnpay') {
    return {
      ...common,
      sandbox: false,
      tmnCode: required(env, 'VNPAY_TMN_CODE'),
      hashSecret: required(env, 'VNPAY_HASH_SECRET'),
      payUrl: required(env, 'VNPAY_PAY_URL'),
      apiUrl: required(env, 'VNPAY_API_URL'),
    };
  }
  if (choice === 'sandbox') {
    return {
      ...common,
      sandbox: true,
      tmnCode: SANDBOX_TMN_CODE,
      hashSecret: SANDBOX_HASH_SECRET,
      payUrl: '/sandbox/vnpay/paymentv2/vpcpay.html',
      apiUrl: '/sandbox/vnpay/merchant_webapi/api/transaction',
    };
  }
  throw new Error(`PAYMENT_GATEWAY must be vnpay or sandbox${env.NODE_ENV === 'production' ? ' (production names it explicitly)' : ''}, got "${choice}"`);
}
