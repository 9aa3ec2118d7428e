// The HTTP calls the SMS and Zalo channels make: one POST with a deadline, no redirects, and error texts that carry
// neither the channel's secrets nor the recipient's number (they end up in the outbox's last_error and in logs).

/** An HTTP answer as the channels read it. */
export interface HttpAnswer {
  status: number;
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
}

/** Raised when the server did not answer in time: the message may or may not have gone out, so it is retried. */
export class DeliveryTimeoutError extends Error {
  override name = 'DeliveryTimeoutError';
}

/** Where and how to reach a provider's endpoint. */
export interface EndpointSettings {
  url: URL;
  timeoutMs: number;
}

/**
 * Parses a provider URL: HTTPS, or plain HTTP only towards this machine (a local relay, the tests), because the
 * requests carry credentials and citizens' numbers. `name` is the setting's name for the error message.
 */
export function endpointUrl(name: string, raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${name} is not a valid URL`);
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) throw new Error(`${name} must be an https:// URL (plain http:// only to 127.0.0.1)`);
  if (url.username || url.password) throw new Error(`${name} must not carry credentials; use the separate settings`);
  return url;
}

/** Replaces every secret, and any run of 8+ digits (a phone number), in a text meant for logs or the outbox page. */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s && s.length >= 4) out = out.split(s).join('[secret]');
  return out.replace(/\d{8,}/g, (d) => `${d.slice(0, 2)}…${d.slice(-2)}`);
}

/** A provider's own words about a failure: a message-like field of its JSON answer, else the start of the body. */
export function providerMessage(answer: HttpAnswer, secrets: readonly string[]): string {
  const j = answer.json as Record<string, unknown> | undefined;
  const fields = j && typeof j === 'object' ? ['message', 'error_description', 'error_name', 'description', 'error'].map((k) => j[k]).filter((v) => typeof v === 'string') : [];
  const raw = fields[0] ?? answer.text;
  return scrubSecrets(raw.replace(/\s+/g, ' ').trim().slice(0, 200), secrets);
}

/**
 * POSTs `body` and returns the answer whatever its status. Throws DeliveryTimeoutError after `timeoutMs`, and a plain
 * Error for a connection failure; neither message names the URL's query or any secret.
 */
export async function post(endpoint: EndpointSettings, headers: Record<string, string>, body: string, secrets: readonly string[]): Promise<HttpAnswer> {
  const where = `${endpoint.url.protocol}//${endpoint.url.host}${endpoint.url.pathname}`;
  let res: Response;
  try {
    res = await fetch(endpoint.url, {
      method: 'POST',
      headers: { accept: 'application/json', ...headers },
      body,
      // A redirect would resend the credentials to another address; providers answer where they are asked.
      redirect: 'error',
      signal: AbortSignal.timeout(endpoint.timeoutMs),
    });
  } catch (err) {
    if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError'))
      throw new DeliveryTimeoutError(`${where} did not answer within ${endpoint.timeoutMs} ms`);
    const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
    const code = (cause as { code?: unknown })?.code;
    throw new Error(scrubSecrets(`cannot reach ${where}: ${typeof code === 'string' ? code : cause instanceof Error ? cause.message : String(cause)}`, secrets));
  }
  let text: string;
  try {
    text = await res.text();
  } catch (err) {
    if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError'))
      throw new DeliveryTimeoutError(`${where} did not finish its answer within ${endpoint.timeoutMs} ms`);
    throw new Error(`${where}: the answer was cut off`);
  }
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json };
}
