import i18n from './i18n';

/** One field error as the server reports it: `path` like `body.grants.0.role`, `message` already translated. */
export interface ApiFieldError {
  path: string;
  code: string;
  message: string;
}

/** A failed API call: the server's error code, its translated message and per-field errors. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: ApiFieldError[];
  readonly requestId: string | undefined;

  constructor(status: number, code: string, message: string, fields: ApiFieldError[] = [], requestId?: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
    this.requestId = requestId;
  }
}

let csrfToken: string | null = null;

/** Remembers the CSRF token from the last login / me response; every non-GET call echoes it. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type QueryValue = string | number | boolean | null | undefined;
/** Query parameters; empty values are left out of the URL. */
export type Query = Record<string, QueryValue>;

/** Builds `path?query`, dropping undefined, null and empty-string values. */
export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

interface ErrorBody {
  error?: { code?: string; message?: string; fields?: ApiFieldError[] };
  requestId?: string;
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: ErrorBody | undefined;
  try {
    body = (await response.json()) as ErrorBody;
  } catch {
    body = undefined;
  }
  const err = body?.error;
  if (err?.code && err.message) return new ApiError(response.status, err.code, err.message, err.fields ?? [], body?.requestId);
  return new ApiError(response.status, `HTTP_${response.status}`, i18n.t('common.errors.unexpected', { status: response.status }));
}

/** Calls the JSON API with the session cookie; throws ApiError on any non-2xx answer or network failure. */
export async function apiRequest<T>(method: string, path: string, options: { body?: unknown; query?: Query; signal?: AbortSignal } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let payload: BodyInit | undefined;
  if (options.body instanceof FormData) {
    payload = options.body;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(options.body);
  }
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      body: payload,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'NETWORK', i18n.t('common.errors.network'));
  }
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Short-hands for the HTTP verbs the API uses. */
export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => apiRequest<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, query?: Query) => apiRequest<T>('POST', path, { body: body ?? {}, query }),
  put: <T>(path: string, body: unknown) => apiRequest<T>('PUT', path, { body }),
  upload: <T>(path: string, form: FormData, query?: Query) => apiRequest<T>('POST', path, { body: form, query }),
};
