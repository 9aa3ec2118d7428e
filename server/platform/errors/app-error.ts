/** Error codes the API can return; each has a translated message in platform/i18n. */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  MULTIPART_BOUNDARY_MISSING: 400,
  MULTIPART_MALFORMED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  SESSION_EXPIRED: 401,
  FORBIDDEN: 403,
  CSRF_INVALID: 403,
  ORIGIN_FORBIDDEN: 403,
  ACCOUNT_DISABLED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_STATE: 409,
  VERSION_CONFLICT: 409,
  DUPLICATE: 409,
  PAYLOAD_TOO_LARGE: 413,
  URI_TOO_LONG: 414,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  DATABASE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS | (string & {});

/** A domain or platform error carrying an UPPER_SNAKE code, mapped to HTTP by one handler. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly params: Record<string, unknown>;
  readonly fields?: Array<{ path: string; code: string; params?: Record<string, unknown> }>;

  constructor(code: ErrorCode, params: Record<string, unknown> = {}, options: { status?: number; fields?: AppError['fields']; cause?: unknown } = {}) {
    super(code, options.cause ? { cause: options.cause } : undefined);
    this.code = code;
    this.params = params;
    this.status = options.status ?? (ERROR_STATUS as Record<string, number>)[code] ?? 400;
    if (options.fields) this.fields = options.fields;
  }
}

export const notFound = (subject: string, id?: string) => new AppError('NOT_FOUND', { subject, id });
export const forbidden = (action?: string) => new AppError('FORBIDDEN', action ? { action } : {});
