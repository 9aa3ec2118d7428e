// Calls to the national portal's exchange endpoint: one JSON POST per service, a Bearer token, a time limit.
import type { ExchangeConfig } from './exchange.config';

/** The portal's answer: `error_code` '0' is success; '-3' means it already has what was sent (§15.1). */
export interface NationalAnswer {
  error_code: string;
  message: string;
  [key: string]: unknown;
}

/** A call that got no usable answer (connection refused or cut, time-out, non-JSON, HTTP error). */
export class NationalUnreachable extends Error {}

/** POSTs `{service, ...body}`; throws NationalUnreachable when no answer could be read. */
export async function callNational(config: ExchangeConfig, service: string, body: Record<string, unknown>): Promise<NationalAnswer> {
  let res: Response;
  try {
    res = await fetch(config.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${config.token}` },
      body: JSON.stringify({ service, ...body }),
      signal: AbortSignal.timeout(config.timeoutMs),
    });
  } catch (err) {
    throw new NationalUnreachable(`${service}: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}`, { cause: err });
  }
  if (!res.ok) throw new NationalUnreachable(`${service}: HTTP ${res.status}`);
  let answer: unknown;
  try {
    answer = await res.json();
  } catch (err) {
    throw new NationalUnreachable(`${service}: the answer is not JSON`, { cause: err });
  }
  const a = answer as Partial<NationalAnswer> | null;
  if (!a || typeof a.error_code !== 'string') throw new NationalUnreachable(`${service}: the answer has no error_code`);
  return { ...a, error_code: a.error_code, message: typeof a.message === 'string' ? a.message : '' };
}
