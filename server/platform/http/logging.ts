// The logger's data-protection rules (issue 8 item 3): logs carry no personal data and no secrets on any path.
// Personal data here is what Decree 13/2023/NĐ-CP calls basic personal data (names, ID numbers, phone numbers, e-mail
// addresses) plus everything an applicant or officer typed; secrets are passwords, their hashes, session tokens and
// CSRF tokens. Values reach a log line in four ways, each closed here:
//  - errors: a failing statement's parameters (drizzle puts them in the message and `params`), PostgreSQL's `detail`
//    ("Key (x)=(value)", "Failing row contains (…)") and quoted input in its message. The error serializer keeps an
//    allow-list of fields and scrubs the message and stack;
//  - requests: the URL's query string (searches by name, ID number) — only parameter names are kept; headers and
//    bodies are never serialized;
//  - objects logged by code (`{ to }` of a development e-mail, an event's payload): redact paths and the event
//    serializer;
//  - anything named like a secret, one level deep: redact paths.
import type { FastifyServerOptions } from 'fastify';

const REDACTED = '[redacted]';

/** Error fields that name what failed without carrying values (node-postgres / PGlite error fields included). */
const SAFE_ERROR_FIELDS = ['code', 'status', 'statusCode', 'severity', 'routine', 'schema', 'table', 'column', 'constraint', 'dataType', 'errno', 'syscall'] as const;

/** Removes values a message may quote: drizzle's parameter list, PostgreSQL's key values and quoted input. */
export function scrubMessage(message: string): string {
  return (
    message
      // drizzle: "Failed query: <sql>\nparams: <values>" — the SQL has placeholders only; the values go.
      .replace(/\nparams: [\s\S]*$/, `\nparams: ${REDACTED}`)
      // PostgreSQL: "Key (username)=(nguyenvana) already exists."
      .replace(/\)=\([\s\S]*?\)(?= already exists| is not present| conflicts|\.|$)/g, `)=(${REDACTED})`)
      // "Failing row contains (…)" and friends.
      .replace(/(Failing row contains )\([\s\S]*\)/g, `$1(${REDACTED})`)
      // 'invalid input syntax for type uuid: "…"', 'invalid input value for enum x: "…"'.
      .replace(/: "[\s\S]*"$/, `: "${REDACTED}"`)
  );
}

export interface SerializedError {
  [key: string]: unknown;
  type: string;
  message: string;
  stack: string;
}

/** An error as a log may show it: type, allow-listed fields, scrubbed message and stack, and its cause. */
export function serializeError(err: unknown, depth = 0): SerializedError {
  if (err === null || typeof err !== 'object') return { type: typeof err, message: scrubMessage(String(err)), stack: '' };
  const e = err as Record<string, unknown> & { message?: unknown; stack?: unknown; cause?: unknown; errors?: unknown };
  const message = typeof e.message === 'string' ? e.message : '';
  const type = err.constructor?.name ?? 'Object';
  const out: SerializedError = { type, message: scrubMessage(message), stack: '' };
  for (const field of SAFE_ERROR_FIELDS) {
    const value = e[field];
    if (typeof value === 'string' || typeof value === 'number') out[field] = value;
  }
  if (typeof e.stack === 'string') {
    // The stack's head repeats the message; keep only the frames after the scrubbed head.
    const frames = e.stack.split('\n').filter((line) => /^\s+at /.test(line));
    out.stack = [`${type}: ${out.message}`, ...frames].join('\n');
  }
  if (depth < 4 && e.cause !== undefined) out.cause = serializeError(e.cause, depth + 1);
  if (depth < 4 && Array.isArray(e.errors)) out.errors = e.errors.slice(0, 5).map((x) => serializeError(x, depth + 1));
  return out;
}

interface LoggedRequest {
  method?: string;
  url?: string;
  routeOptions?: { url?: string };
  ip?: string;
  socket?: { remotePort?: number };
}

/** A URL with its query values removed (`/x?q=Nguyễn&page=2` → `/x?q=[redacted]&page=[redacted]`). */
export function scrubUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const names = url
    .slice(at + 1)
    .split('&')
    .filter(Boolean)
    .map((pair) => `${pair.split('=')[0]!.slice(0, 40)}=${REDACTED}`);
  return `${url.slice(0, at)}?${names.join('&')}`;
}

function serializeRequest(req: LoggedRequest): Record<string, unknown> {
  return {
    method: req.method,
    url: scrubUrl(req.url ?? ''),
    route: req.routeOptions?.url,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}

function serializeResponse(res: { statusCode?: number }): Record<string, unknown> {
  return { statusCode: res.statusCode };
}

/** An event's name and ids only: payloads carry applicant data. */
function serializeEvent(event: unknown): unknown {
  if (event === null || typeof event !== 'object') return event;
  const e = event as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(e)) {
    if ((key === 'type' || key === 'name' || key === 'id' || key.endsWith('Id')) && (typeof value === 'string' || typeof value === 'number')) out[key] = value;
  }
  return out;
}

const SECRET_KEYS = ['password', 'newPassword', 'currentPassword', 'passwordHash', 'password_hash', 'token', 'csrfToken', 'sessionToken', 'cookie', 'authorization'];
const PERSONAL_KEYS = ['to', 'body', 'payload', 'applicant', 'idNumber', 'phone', 'email', 'applicantName', 'params', 'parameters', 'detail', 'query'];

/** pino redact paths: secrets and personal fields at the top level and one level down, and raw headers if logged. */
export const REDACT_PATHS: string[] = [
  ...[...SECRET_KEYS, ...PERSONAL_KEYS].flatMap((k) => [k, `*.${k}`]),
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'headers.cookie',
  'headers.authorization',
  'headers["x-csrf-token"]',
];

/** Fastify logger options (pino) with the rules above; `base` carries level, destination and the like. */
export function loggerOptions(base: Record<string, unknown> = {}): NonNullable<Exclude<FastifyServerOptions['logger'], boolean>> {
  return {
    ...base,
    redact: { paths: REDACT_PATHS, censor: REDACTED },
    serializers: {
      err: (e: unknown) => serializeError(e),
      error: (e: unknown) => serializeError(e),
      req: serializeRequest,
      res: serializeResponse,
      event: serializeEvent,
    },
  };
}
