// What the payments module needs from a payment gateway in the redirect style Vietnamese gateways use (domain README
// §6.3): a signed payment URL the browser is sent to, a signed return to the site, a signed server-to-server
// notification (IPN) that alone settles a payment, a signed status query, and a daily statement file.

/** One payment attempt as the merchant (this system) sends it; amounts are whole VND. */
export interface PaymentOrder {
  /** The merchant's transaction reference (unique per attempt; the gateway's idempotency key). */
  readonly txnRef: string;
  readonly amountVnd: number;
  /** Shown to the payer by the gateway (ASCII, no accents: gateways reject or mangle others). */
  readonly orderInfo: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  /** The payer's IP address as the gateway wants it. */
  readonly ipAddr: string;
  readonly locale: 'vn' | 'en';
  /** Where the gateway sends the browser back. */
  readonly returnUrl: string;
}

/** What a signed callback (return or IPN) or a status query says about one attempt. */
export interface GatewayReport {
  readonly txnRef: string;
  /** Whole VND (the gateway's own unit converted back). */
  readonly amountVnd: number;
  /** succeeded: money taken; failed: declined or errored; cancelled: the payer gave up; pending: not decided yet. */
  readonly outcome: 'succeeded' | 'failed' | 'cancelled' | 'pending';
  /** The gateway's response code (e.g. VNPAY `00` success, `24` cancelled by the payer). */
  readonly responseCode: string;
  readonly transactionStatus: string | null;
  readonly gatewayTxnNo: string | null;
  readonly bankCode: string | null;
  readonly payDate: Date | null;
}

/** The merchant's answer to an IPN, in the gateway's response-code convention. */
export type IpnVerdict = 'confirmed' | 'order-not-found' | 'already-confirmed' | 'invalid-amount' | 'invalid-signature' | 'unknown-error';

/** One line of the gateway's daily statement (đối soát): a transaction the gateway settled that day. */
export interface StatementLine {
  readonly txnRef: string;
  readonly gatewayTxnNo: string | null;
  readonly amountVnd: number;
  readonly payDate: Date;
  readonly status: 'succeeded' | 'refunded' | 'failed';
}

/** The statement as read: its lines, and the lines that could not be read (1-based line numbers, reason key). */
export interface ParsedStatement {
  readonly lines: StatementLine[];
  readonly errors: Array<{ line: number; reason: string }>;
}

/** How the adapter reaches the gateway's server API: POST a JSON body, get the status and the JSON answer. */
export type GatewayTransport = (url: string, body: unknown) => Promise<{ status: number; body: unknown }>;

/** A payment gateway adapter. */
export interface PaymentGateway {
  readonly name: string;
  /** The signed URL the payer's browser is redirected to. */
  paymentUrl(order: PaymentOrder): string;
  /** The report of a return or IPN query string, or null when its signature is missing or wrong. */
  verifyCallback(query: Readonly<Record<string, string>>): GatewayReport | null;
  /** The body the IPN endpoint answers with for a verdict (the gateway retries until it gets a definite answer). */
  ipnAnswer(verdict: IpnVerdict): { RspCode: string; Message: string };
  /** Asks the gateway for an attempt's status (querydr); 'not-found' when the gateway has no such attempt. */
  query(order: Pick<PaymentOrder, 'txnRef' | 'createdAt' | 'ipAddr' | 'orderInfo'>, now: Date): Promise<GatewayReport | 'not-found'>;
  /** Reads the gateway's daily statement file. */
  parseStatement(csv: string): ParsedStatement;
}
